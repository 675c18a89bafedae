// SPDX-License-Identifier: BSD-2-Clause
#include "ui/models/stixtablemodel.h"

#include <QColor>
#include <QFutureWatcher>
#include <QGuiApplication>
#include <QPalette>
#include <QtConcurrent/QtConcurrentRun>

namespace msb::ui {

StixTableModel::StixTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

void StixTableModel::setPlan(PreviewPlan plan)
{
    beginResetModel();
    m_plan = std::move(plan);
    rebuildFilter();
    endResetModel();
}

void StixTableModel::appendObjects(const QList<stix::StixObject> &objects, const QList<PlanStatus> &statuses)
{
    if (objects.isEmpty())
        return;
    const qsizetype targets = m_plan.targets.size();
    Q_ASSERT(statuses.size() == objects.size() * targets);
    if (!m_plan.dropped.isEmpty() || m_filtered) {
        // Dropped rows sit after the objects and filters renumber rows: a reset is simpler and still one signal.
        beginResetModel();
        m_plan.objects.append(objects);
        m_plan.statuses.append(statuses);
        rebuildFilter();
        endResetModel();
        return;
    }
    const int first = int(m_plan.objects.size());
    beginInsertRows({}, first, first + int(objects.size()) - 1);
    m_plan.objects.append(objects);
    m_plan.statuses.append(statuses);
    endInsertRows();
}

void StixTableModel::clear()
{
    setPlan({});
}

void StixTableModel::setEventFilter(const QString &eventUuid)
{
    if (eventUuid == m_eventFilter)
        return;
    beginResetModel();
    m_eventFilter = eventUuid;
    rebuildFilter();
    endResetModel();
}

void StixTableModel::setTextFilter(const QString &text)
{
    if (text == m_textFilter)
        return;
    m_textFilter = text;
    if (totalRows() < kBackgroundFilterRows || text.isEmpty()) {
        beginResetModel();
        rebuildFilter();
        endResetModel();
        Q_EMIT filterFinished();
        return;
    }
    // A million rows take about a second to match: off the UI thread, on a shallow copy of the plan.
    const quint64 generation = ++m_filterGeneration;
    m_filtering = true;
    auto *watcher = new QFutureWatcher<QList<qsizetype>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        if (generation != m_filterGeneration)
            return; // the plan or a filter changed meanwhile
        m_filtering = false;
        beginResetModel();
        m_visible = watcher->result();
        m_filtered = true;
        endResetModel();
        Q_EMIT filterFinished();
    });
    watcher->setFuture(QtConcurrent::run(
        [plan = m_plan, eventFilter = m_eventFilter, text] { return matchRows(plan, eventFilter, text); }));
}

bool StixTableModel::accepts(const PreviewPlan &plan, const QString &eventFilter, const QString &text, qsizetype row)
{
    const qsizetype objects = plan.objects.size();
    if (row < objects) {
        const stix::StixObject &o = plan.objects.at(row);
        if (!eventFilter.isEmpty() && o.eventUuid != eventFilter)
            return false;
        if (text.isEmpty())
            return true;
        return o.type.contains(text, Qt::CaseInsensitive) || o.pattern.contains(text, Qt::CaseInsensitive)
            || o.labels.join(u' ').contains(text, Qt::CaseInsensitive);
    }
    const convert::ItemOutcome &d = plan.dropped.at(row - objects);
    if (!eventFilter.isEmpty() && d.eventUuid != eventFilter)
        return false;
    return text.isEmpty() || d.mispType.contains(text, Qt::CaseInsensitive)
        || d.value.contains(text, Qt::CaseInsensitive) || d.reason.contains(text, Qt::CaseInsensitive);
}

QList<qsizetype> StixTableModel::matchRows(const PreviewPlan &plan, const QString &eventFilter, const QString &text)
{
    QList<qsizetype> rows;
    const qsizetype n = plan.objects.size() + plan.dropped.size();
    for (qsizetype i = 0; i < n; ++i)
        if (accepts(plan, eventFilter, text, i))
            rows.append(i);
    return rows;
}

void StixTableModel::rebuildFilter()
{
    ++m_filterGeneration; // a background match still running is out of date
    m_filtering = false;
    m_visible.clear();
    m_filtered = !m_eventFilter.isEmpty() || !m_textFilter.isEmpty();
    if (!m_filtered)
        return;
    m_visible = matchRows(m_plan, m_eventFilter, m_textFilter);
}

qsizetype StixTableModel::objectIndex(int row) const
{
    if (row < 0 || row >= rowCount())
        return -1;
    const qsizetype s = sourceRow(row);
    return s < m_plan.objects.size() ? s : -1;
}

qsizetype StixTableModel::droppedIndex(int row) const
{
    if (row < 0 || row >= rowCount())
        return -1;
    const qsizetype s = sourceRow(row);
    return s >= m_plan.objects.size() ? s - m_plan.objects.size() : -1;
}

int StixTableModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid())
        return 0;
    return int(m_filtered ? m_visible.size() : totalRows());
}

int StixTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : FirstTargetColumn + int(m_plan.targets.size());
}

QString StixTableModel::tlpName(stix::Tlp tlp)
{
    switch (tlp) {
    case stix::Tlp::None:
        return {};
    case stix::Tlp::Clear:
        return QStringLiteral("TLP:CLEAR");
    case stix::Tlp::White:
        return QStringLiteral("TLP:WHITE");
    case stix::Tlp::Green:
        return QStringLiteral("TLP:GREEN");
    case stix::Tlp::Amber:
        return QStringLiteral("TLP:AMBER");
    case stix::Tlp::AmberStrict:
        return QStringLiteral("TLP:AMBER+STRICT");
    case stix::Tlp::Red:
        return QStringLiteral("TLP:RED");
    }
    return {};
}

namespace {

QVariant statusColor(PlanStatus status)
{
    // Mid-tone colours that read on both light and dark palettes.
    switch (status) {
    case PlanStatus::New:
        return QColor(0x2e, 0x9d, 0x4a);
    case PlanStatus::Changed:
        return QColor(0xc7, 0x84, 0x00);
    case PlanStatus::Revoke:
        return QColor(0xd9, 0x3f, 0x3f);
    case PlanStatus::Unchanged:
    case PlanStatus::Filtered:
    case PlanStatus::Dropped:
        return QGuiApplication::palette().color(QPalette::PlaceholderText);
    }
    return {};
}

QString dateText(const QDateTime &dt)
{
    return dt.isValid() ? dt.toUTC().toString(Qt::ISODate) : QString();
}

} // namespace

QVariant StixTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const qsizetype row = sourceRow(index.row());
    const int column = index.column();
    const qsizetype objects = m_plan.objects.size();

    if (row >= objects) {
        const convert::ItemOutcome &d = m_plan.dropped.at(row - objects);
        const QString reason = d.reason.isEmpty() ? tr("no reason given") : d.reason;
        if (column >= FirstTargetColumn) {
            switch (role) {
            case Qt::DisplayRole:
            case Qt::ToolTipRole:
                return QString(planStatusName(PlanStatus::Dropped) + QStringLiteral(": ") + reason);
            case StatusRole:
                return int(PlanStatus::Dropped);
            case ReasonRole:
                return reason;
            case Qt::ForegroundRole:
                return statusColor(PlanStatus::Dropped);
            default:
                return {};
            }
        }
        if (role == Qt::ForegroundRole)
            return statusColor(PlanStatus::Dropped);
        if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
            return {};
        switch (column) {
        case Type:
            return tr("MISP %1").arg(d.mispType);
        case Pattern:
            return d.value;
        default:
            return {};
        }
    }

    const stix::StixObject &o = m_plan.objects.at(row);
    if (column >= FirstTargetColumn) {
        const qsizetype target = column - FirstTargetColumn;
        const PlanStatus s = m_plan.status(row, target);
        switch (role) {
        case Qt::DisplayRole:
        case Qt::ToolTipRole: {
            const QString reason = m_plan.reason(row, target);
            return reason.isEmpty() ? planStatusName(s) : QString(planStatusName(s) + QStringLiteral(": ") + reason);
        }
        case StatusRole:
            return int(s);
        case ReasonRole:
            return m_plan.reason(row, target);
        case Qt::ForegroundRole:
            return statusColor(s);
        default:
            return {};
        }
    }
    if (role == Qt::TextAlignmentRole && column == Confidence)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole && !(role == Qt::ToolTipRole && column == Pattern))
        return {};
    switch (column) {
    case Type:
        return o.type;
    case Pattern:
        return o.pattern.isEmpty() ? o.name : o.pattern;
    case ValidFrom:
        return dateText(o.validFrom);
    case ValidUntil:
        return dateText(o.validUntil);
    case Confidence:
        return o.confidence < 0 ? QVariant() : QVariant(o.confidence);
    case Labels:
        return o.labels.join(QStringLiteral(", "));
    case Tlp:
        return tlpName(o.tlp);
    default:
        return {};
    }
}

QVariant StixTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Type:
        return tr("Type");
    case Pattern:
        return tr("Pattern");
    case ValidFrom:
        return tr("Valid from");
    case ValidUntil:
        return tr("Valid until");
    case Confidence:
        return tr("Confidence");
    case Labels:
        return tr("Labels");
    case Tlp:
        return tr("TLP");
    default:
        if (section >= FirstTargetColumn && section < columnCount())
            return m_plan.targets.at(section - FirstTargetColumn);
        return {};
    }
}

} // namespace msb::ui
