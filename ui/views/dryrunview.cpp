// SPDX-License-Identifier: BSD-2-Clause
#include "ui/views/dryrunview.h"

#include "ui/models/dryrunsummarymodel.h"
#include "ui/views/tableviews.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QEvent>
#include <QGridLayout>
#include <QHeaderView>
#include <QHorizontalBarSeries>
#include <QHorizontalStackedBarSeries>
#include <QLabel>
#include <QPainter>
#include <QPalette>
#include <QTableView>
#include <QValueAxis>

#include <algorithm>

namespace msb::ui {

namespace {

constexpr int kMaxBars = 8; ///< more categories than this become "other"

QChartView *makeChartView(QWidget *parent)
{
    auto *view = new QChartView(new QChart, parent);
    view->setRenderHint(QPainter::Antialiasing);
    view->setMinimumHeight(220);
    view->chart()->legend()->setAlignment(Qt::AlignBottom);
    view->chart()->setMargins(QMargins(4, 4, 4, 4));
    view->chart()->setBackgroundRoundness(0);
    return view;
}

void resetChart(QChart *chart)
{
    chart->removeAllSeries();
    const auto axes = chart->axes();
    for (QAbstractAxis *axis : axes) {
        chart->removeAxis(axis);
        delete axis;
    }
}

/// Top categories by count, the rest folded into one "other" bar.
QList<std::pair<QString, int>> topCounts(const QHash<QString, int> &counts, const QString &otherLabel)
{
    QList<std::pair<QString, int>> rows;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        rows.append({ it.key(), it.value() });
    std::sort(rows.begin(), rows.end(), [](const auto &a, const auto &b) {
        return a.second != b.second ? a.second > b.second : a.first < b.first;
    });
    if (rows.size() > kMaxBars) {
        int rest = 0;
        for (qsizetype i = kMaxBars - 1; i < rows.size(); ++i)
            rest += rows.at(i).second;
        rows.resize(kMaxBars - 1);
        rows.append({ otherLabel, rest });
    }
    std::reverse(rows.begin(), rows.end()); // horizontal bars draw bottom-up: biggest on top
    return rows;
}

void addHorizontalBars(QChart *chart, const QList<std::pair<QString, int>> &rows, const QString &setName, QColor colour)
{
    auto *set = new QBarSet(setName);
    set->setColor(colour);
    set->setBorderColor(colour);
    QStringList categories;
    int maximum = 0;
    for (const auto &[label, count] : rows) {
        categories.append(label.size() > 40 ? label.left(39) + QChar(0x2026) : label);
        *set << count;
        maximum = std::max(maximum, count);
    }
    auto *series = new QHorizontalBarSeries;
    series->append(set);
    series->setLabelsVisible(true);
    series->setLabelsPosition(QAbstractBarSeries::LabelsInsideEnd);
    chart->addSeries(series);
    auto *axisY = new QBarCategoryAxis;
    axisY->append(categories);
    auto *axisX = new QValueAxis;
    axisX->setRange(0, std::max(1, maximum));
    axisX->setLabelFormat(QStringLiteral("%d"));
    axisX->applyNiceNumbers();
    chart->addAxis(axisY, Qt::AlignLeft);
    chart->addAxis(axisX, Qt::AlignBottom);
    series->attachAxis(axisY);
    series->attachAxis(axisX);
    chart->legend()->setVisible(false);
}

QColor statusChartColour(PlanStatus s)
{
    switch (s) {
    case PlanStatus::New:
        return QColor(0x2e, 0x9d, 0x4a);
    case PlanStatus::Changed:
        return QColor(0xe0, 0x9a, 0x1a);
    case PlanStatus::Unchanged:
        return QColor(0x7f, 0x8c, 0x9a);
    case PlanStatus::Revoke:
        return QColor(0xd9, 0x3f, 0x3f);
    case PlanStatus::Filtered:
        return QColor(0x5b, 0x8d, 0xd6);
    case PlanStatus::Dropped:
        return QColor(0xa0, 0x6c, 0xd5);
    }
    return {};
}

} // namespace

DryRunView::DryRunView(QWidget *parent)
    : QWidget(parent)
    , m_summary(new DryRunSummaryModel(this))
    , m_drops(new DropReasonModel(this))
    , m_headline(new QLabel(this))
    , m_summaryTitle(new QLabel(this))
    , m_dropTitle(new QLabel(this))
    , m_summaryTable(new QTableView(this))
    , m_dropTable(new QTableView(this))
    , m_typeView(makeChartView(this))
    , m_targetView(makeChartView(this))
    , m_dropView(makeChartView(this))
{
    configureTable(m_summaryTable);
    m_summaryTable->setModel(m_summary);
    m_summaryTable->horizontalHeader()->resizeSection(DryRunSummaryModel::Target, 180);
    for (int c = DryRunSummaryModel::FirstStatusColumn; c < DryRunSummaryModel::ColumnCount; ++c)
        m_summaryTable->horizontalHeader()->resizeSection(c, 72);
    configureTable(m_dropTable);
    m_dropTable->setModel(m_drops);
    m_dropTable->horizontalHeader()->setSectionResizeMode(DropReasonModel::Reason, QHeaderView::Stretch);
    m_dropTable->horizontalHeader()->setStretchLastSection(false);
    m_dropTable->horizontalHeader()->resizeSection(DropReasonModel::Count, 80);

    QFont headlineFont = m_headline->font();
    headlineFont.setPointSizeF(headlineFont.pointSizeF() * 1.15);
    headlineFont.setBold(true);
    m_headline->setFont(headlineFont);
    m_headline->setWordWrap(true);
    for (QLabel *title : { m_summaryTitle, m_dropTitle }) {
        QFont f = title->font();
        f.setBold(true);
        title->setFont(f);
    }

    auto *grid = new QGridLayout(this);
    grid->setContentsMargins(8, 8, 8, 8);
    grid->addWidget(m_headline, 0, 0, 1, 3);
    grid->addWidget(m_summaryTitle, 1, 0, 1, 2);
    grid->addWidget(m_dropTitle, 1, 2);
    grid->addWidget(m_summaryTable, 2, 0, 1, 2);
    grid->addWidget(m_dropTable, 2, 2);
    grid->addWidget(m_targetView, 3, 0);
    grid->addWidget(m_typeView, 3, 1);
    grid->addWidget(m_dropView, 3, 2);
    grid->setRowStretch(2, 2);
    grid->setRowStretch(3, 3);
    // The per-target chart carries a six-entry legend: it gets the widest column.
    grid->setColumnStretch(0, 4);
    grid->setColumnStretch(1, 3);
    grid->setColumnStretch(2, 3);

    applyTheme();
    retranslate();
}

QChart *DryRunView::typeChart() const
{
    return m_typeView->chart();
}

QChart *DryRunView::targetChart() const
{
    return m_targetView->chart();
}

QChart *DryRunView::dropChart() const
{
    return m_dropView->chart();
}

void DryRunView::setPlan(const PreviewPlan &plan)
{
    m_plan = plan;
    m_summary->setPlan(plan);
    m_drops->setDrops(plan.dropsByReason);
    retranslate();
}

void DryRunView::retranslate()
{
    m_summaryTitle->setText(tr("Per target"));
    m_dropTitle->setText(tr("Dropped MISP items by reason"));
    m_summaryTable->setAccessibleName(tr("Dry-run counts per target"));
    m_dropTable->setAccessibleName(tr("Drops by reason"));
    m_typeView->setAccessibleName(tr("Chart: objects by type"));
    m_targetView->setAccessibleName(tr("Chart: objects per target and status"));
    m_dropView->setAccessibleName(tr("Chart: drops by reason"));
    if (m_plan.targets.isEmpty())
        m_headline->setText(tr("No dry run yet. Fetch events, then press Dry run to see what would be sent, "
                               "changed, revoked or dropped for each workspace."));
    else
        m_headline->setText(tr("%n STIX object(s) for %1 target(s); %2 MISP item(s) dropped by the conversion.",
            nullptr,
            int(m_plan.objects.size()))
                                .arg(m_plan.targets.size())
                                .arg(m_plan.dropped.size()));
    Q_EMIT m_summary->headerDataChanged(Qt::Horizontal, 0, m_summary->columnCount() - 1);
    Q_EMIT m_drops->headerDataChanged(Qt::Horizontal, 0, m_drops->columnCount() - 1);
    rebuildCharts();
}

void DryRunView::rebuildCharts()
{
    // Objects by type: indicators by observable type (ipv4-addr, domain-name, file...), other SDOs by STIX type.
    QHash<QString, int> byType;
    for (const stix::StixObject &o : std::as_const(m_plan.objects)) {
        const QString key
            = o.type == u"indicator" && !o.observableType.isEmpty() ? o.observableType.section(u':', 0, 0) : o.type;
        ++byType[key];
    }
    QChart *types = m_typeView->chart();
    resetChart(types);
    types->setTitle(tr("Objects by type"));
    if (!byType.isEmpty())
        addHorizontalBars(types, topCounts(byType, tr("other")), tr("Objects"), QColor(0x3d, 0x8b, 0xd9));

    QChart *drops = m_dropView->chart();
    resetChart(drops);
    drops->setTitle(tr("Drops by reason"));
    if (!m_plan.dropsByReason.isEmpty())
        addHorizontalBars(drops, topCounts(m_plan.dropsByReason, tr("other")), tr("Dropped"), QColor(0xa0, 0x6c, 0xd5));

    QChart *targets = m_targetView->chart();
    resetChart(targets);
    targets->setTitle(tr("Per target"));
    if (!m_plan.targets.isEmpty()) {
        auto *series = new QHorizontalStackedBarSeries;
        QList<QList<int>> counts;
        for (qsizetype t = 0; t < m_plan.targets.size(); ++t)
            counts.append(m_plan.countsForTarget(t));
        for (int s = 0; s < PlanStatusCount; ++s) {
            auto *set = new QBarSet(planStatusName(PlanStatus(s)));
            set->setColor(statusChartColour(PlanStatus(s)));
            set->setBorderColor(statusChartColour(PlanStatus(s)));
            for (const QList<int> &c : std::as_const(counts))
                *set << c.at(s);
            series->append(set);
        }
        targets->addSeries(series);
        auto *axisY = new QBarCategoryAxis;
        axisY->append(m_plan.targets);
        auto *axisX = new QValueAxis;
        axisX->setLabelFormat(QStringLiteral("%d"));
        targets->addAxis(axisY, Qt::AlignLeft);
        targets->addAxis(axisX, Qt::AlignBottom);
        series->attachAxis(axisY);
        series->attachAxis(axisX);
        axisX->applyNiceNumbers();
        targets->legend()->setVisible(true);
        // Six statuses side by side: a smaller font keeps their names readable, the tooltip the rest.
        QFont legendFont = targets->legend()->font();
        legendFont.setPointSizeF(legendFont.pointSizeF() * 0.85);
        targets->legend()->setFont(legendFont);
        targets->legend()->setShowToolTips(true);
    }
    applyTheme();
}

void DryRunView::applyTheme()
{
    const QPalette pal = palette();
    const bool dark = pal.color(QPalette::Window).lightness() < 128;
    for (QChartView *view : { m_typeView, m_targetView, m_dropView }) {
        QChart *chart = view->chart();
        // Follow the widget palette instead of a built-in theme, so light and dark desktops both read well.
        chart->setBackgroundBrush(pal.color(QPalette::Base));
        chart->setBackgroundPen(QPen(pal.color(QPalette::Mid)));
        chart->setTitleBrush(pal.color(QPalette::Text));
        chart->legend()->setLabelColor(pal.color(QPalette::Text));
        const auto axes = chart->axes();
        for (QAbstractAxis *axis : axes) {
            axis->setLabelsColor(pal.color(QPalette::Text));
            axis->setLinePenColor(pal.color(QPalette::Mid));
            axis->setGridLineColor(dark ? pal.color(QPalette::Mid).darker(130) : pal.color(QPalette::Midlight));
        }
        const auto series = chart->series();
        for (QAbstractSeries *s : series)
            if (auto *bars = qobject_cast<QAbstractBarSeries *>(s))
                for (QBarSet *set : bars->barSets())
                    set->setLabelColor(dark ? QColor(Qt::white) : QColor(Qt::black));
    }
}

void DryRunView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange)
        applyTheme();
    QWidget::changeEvent(event);
}

} // namespace msb::ui
