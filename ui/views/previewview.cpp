// SPDX-License-Identifier: BSD-2-Clause
#include "ui/views/previewview.h"

#include "core/stix/jsonwriter.h"
#include "ui/models/attributetablemodel.h"
#include "ui/models/eventtablemodel.h"
#include "ui/models/stixtablemodel.h"
#include "ui/views/tableviews.h"

#include <QCheckBox>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace msb::ui {

PreviewView::PreviewView(QWidget *parent)
    : QWidget(parent)
    , m_events(new EventTableModel(this))
    , m_eventProxy(new QSortFilterProxyModel(this))
    , m_attributes(new AttributeTableModel(this))
    , m_stix(new StixTableModel(this))
    , m_eventFilterEdit(new QLineEdit(this))
    , m_eventCount(new QLabel(this))
    , m_eventTable(new QTableView(this))
    , m_tabs(new QTabWidget(this))
    , m_attributeTable(new QTableView(this))
    , m_stixTable(new QTableView(this))
    , m_stixFilterEdit(new QLineEdit(this))
    , m_allEvents(new QCheckBox(this))
    , m_json(new QPlainTextEdit(this))
{
    m_eventProxy->setSourceModel(m_events);
    m_eventProxy->setSortRole(EventTableModel::SortRole);
    m_eventProxy->setFilterKeyColumn(-1);
    m_eventProxy->setFilterCaseSensitivity(Qt::CaseInsensitive);

    configureTable(m_eventTable);
    m_eventTable->setModel(m_eventProxy);
    m_eventTable->setSortingEnabled(true);
    m_eventTable->sortByColumn(EventTableModel::Date, Qt::DescendingOrder);
    m_eventTable->horizontalHeader()->resizeSection(EventTableModel::Id, 60);
    m_eventTable->horizontalHeader()->resizeSection(EventTableModel::Date, 95);
    m_eventTable->horizontalHeader()->resizeSection(EventTableModel::Organisation, 120);
    m_eventTable->horizontalHeader()->resizeSection(EventTableModel::Info, 300);
    m_eventTable->horizontalHeader()->resizeSection(EventTableModel::Tags, 200);
    m_eventTable->horizontalHeader()->resizeSection(EventTableModel::Attributes, 80);
    m_eventTable->horizontalHeader()->resizeSection(EventTableModel::ToIds, 60);
    m_eventTable->horizontalHeader()->resizeSection(EventTableModel::Published, 80);

    configureTable(m_attributeTable);
    auto *attributeProxy = new QSortFilterProxyModel(this);
    attributeProxy->setSourceModel(m_attributes);
    attributeProxy->setSortRole(AttributeTableModel::SortRole);
    m_attributeTable->setModel(attributeProxy);
    m_attributeTable->setSortingEnabled(true);
    m_attributeTable->sortByColumn(-1, Qt::AscendingOrder);
    m_attributeTable->horizontalHeader()->resizeSection(AttributeTableModel::Type, 120);
    m_attributeTable->horizontalHeader()->resizeSection(AttributeTableModel::Category, 150);
    m_attributeTable->horizontalHeader()->resizeSection(AttributeTableModel::Value, 320);
    m_attributeTable->horizontalHeader()->resizeSection(AttributeTableModel::ToIds, 70);
    m_attributeTable->horizontalHeader()->resizeSection(AttributeTableModel::Tags, 160);
    m_attributeTable->horizontalHeader()->resizeSection(AttributeTableModel::Timestamp, 170);

    // No proxy on the STIX table: a sort/filter proxy keeps per-row mappings, which is what a
    // million rows cannot afford. The model filters itself with a flat row vector.
    configureTable(m_stixTable);
    m_stixTable->setModel(m_stix);
    m_stixTable->horizontalHeader()->resizeSection(StixTableModel::Type, 90);
    m_stixTable->horizontalHeader()->resizeSection(StixTableModel::Pattern, 280);
    m_stixTable->horizontalHeader()->resizeSection(StixTableModel::ValidFrom, 150);
    m_stixTable->horizontalHeader()->resizeSection(StixTableModel::ValidUntil, 150);
    m_stixTable->horizontalHeader()->resizeSection(StixTableModel::Confidence, 80);
    m_stixTable->horizontalHeader()->resizeSection(StixTableModel::Labels, 100);
    m_stixTable->horizontalHeader()->resizeSection(StixTableModel::Tlp, 70);

    m_json->setReadOnly(true);
    m_json->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_json->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));

    auto *top = new QWidget(this);
    auto *topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    auto *filterRow = new QHBoxLayout;
    m_eventFilterEdit->setClearButtonEnabled(true);
    filterRow->addWidget(m_eventFilterEdit, 1);
    filterRow->addWidget(m_eventCount);
    topLayout->addLayout(filterRow);
    topLayout->addWidget(m_eventTable);

    auto *stixPage = new QWidget(this);
    auto *stixLayout = new QVBoxLayout(stixPage);
    stixLayout->setContentsMargins(0, 4, 0, 0);
    auto *stixFilterRow = new QHBoxLayout;
    m_stixFilterEdit->setClearButtonEnabled(true);
    stixFilterRow->addWidget(m_stixFilterEdit, 1);
    stixFilterRow->addWidget(m_allEvents);
    stixLayout->addLayout(stixFilterRow);
    stixLayout->addWidget(m_stixTable);

    m_tabs->addTab(m_attributeTable, QString());
    m_tabs->addTab(stixPage, QString());
    m_tabs->addTab(m_json, QString());
    m_tabs->setDocumentMode(true);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(top);
    splitter->addWidget(m_tabs);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    splitter->setChildrenCollapsible(false);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(splitter);

    connect(m_eventFilterEdit, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_eventProxy->setFilterFixedString(text);
        retranslate();
    });
    connect(
        m_eventTable->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &PreviewView::onEventSelected);
    connect(m_stixTable->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &PreviewView::onStixSelected);
    connect(m_stixFilterEdit, &QLineEdit::textChanged, m_stix, &StixTableModel::setTextFilter);
    connect(m_allEvents, &QCheckBox::toggled, this, &PreviewView::updateStixFilter);
    retranslate();
}

void PreviewView::retranslate()
{
    m_eventFilterEdit->setPlaceholderText(tr("Search events (id, organisation, info, tags…)"));
    m_eventFilterEdit->setAccessibleName(tr("Event search"));
    m_eventTable->setAccessibleName(tr("Events"));
    m_attributeTable->setAccessibleName(tr("Attributes of the selected event"));
    m_stixTable->setAccessibleName(tr("STIX objects"));
    m_json->setAccessibleName(tr("JSON of the selected object"));
    m_stixFilterEdit->setPlaceholderText(tr("Search STIX objects (type, pattern, labels, reason)"));
    m_stixFilterEdit->setAccessibleName(tr("STIX search"));
    m_allEvents->setText(tr("All events"));
    m_allEvents->setToolTip(tr("Show the STIX objects of every event, not only the selected one"));
    m_tabs->setTabText(AttributesTab, tr("Attributes"));
    m_tabs->setTabText(StixTab, tr("STIX"));
    m_tabs->setTabText(JsonTab, tr("JSON"));
    m_eventCount->setText(tr("%1 of %n event(s)", nullptr, m_events->rowCount()).arg(m_eventProxy->rowCount()));
    for (QAbstractItemModel *model : { static_cast<QAbstractItemModel *>(m_events),
             static_cast<QAbstractItemModel *>(m_attributes),
             static_cast<QAbstractItemModel *>(m_stix) })
        Q_EMIT model->headerDataChanged(Qt::Horizontal, 0, qMax(0, model->columnCount() - 1));
    if (m_json->toPlainText().isEmpty())
        m_json->setPlaceholderText(tr("Select a row in the STIX tab to see its JSON."));
}

void PreviewView::setEvents(const QList<misp::Event> &events)
{
    m_events->setEvents(events);
    m_attributes->clear();
    m_stix->clear();
    m_json->clear();
    m_selectedEventUuid.clear();
    retranslate();
    if (m_eventProxy->rowCount() > 0)
        selectEventRow(0);
}

void PreviewView::setPlan(const PreviewPlan &plan)
{
    m_stix->setPlan(plan);
    updateStixFilter();
    for (int c = StixTableModel::FirstTargetColumn; c < m_stix->columnCount(); ++c)
        m_stixTable->horizontalHeader()->resizeSection(c, 130);
}

void PreviewView::selectEventRow(int proxyRow)
{
    if (proxyRow < 0 || proxyRow >= m_eventProxy->rowCount())
        return;
    m_eventTable->setCurrentIndex(m_eventProxy->index(proxyRow, 0));
}

void PreviewView::showTab(Tab tab)
{
    m_tabs->setCurrentIndex(tab);
}

void PreviewView::onEventSelected()
{
    const QModelIndex current = m_eventProxy->mapToSource(m_eventTable->currentIndex());
    if (!current.isValid()) {
        m_attributes->clear();
        m_selectedEventUuid.clear();
    } else {
        m_attributes->setEvent(m_events->event(current.row()));
        m_selectedEventUuid = m_events->event(current.row()).uuid;
    }
    updateStixFilter();
}

void PreviewView::updateStixFilter()
{
    m_stix->setEventFilter(m_allEvents->isChecked() ? QString() : m_selectedEventUuid);
    if (m_stix->rowCount() > 0 && !m_stixTable->currentIndex().isValid())
        m_stixTable->setCurrentIndex(m_stix->index(0, 0));
    else if (m_stix->rowCount() == 0)
        m_json->clear();
}

void PreviewView::onStixSelected()
{
    const int row = m_stixTable->currentIndex().row();
    const PreviewPlan &plan = m_stix->plan();
    const qsizetype object = m_stix->objectIndex(row);
    if (object >= 0) {
        const QByteArray json = stix::toJson(plan.objects.at(object));
        m_json->setPlainText(QString::fromUtf8(QJsonDocument::fromJson(json).toJson(QJsonDocument::Indented)));
        return;
    }
    const qsizetype dropped = m_stix->droppedIndex(row);
    if (dropped < 0) {
        m_json->clear();
        return;
    }
    const convert::ItemOutcome &d = plan.dropped.at(dropped);
    QJsonObject o { { QStringLiteral("status"),
                        d.status == convert::ItemOutcome::Status::Error ? QStringLiteral("error")
                                                                        : QStringLiteral("dropped") },
        { QStringLiteral("reason"), d.reason },
        { QStringLiteral("misp_type"), d.mispType },
        { QStringLiteral("value"), d.value },
        { QStringLiteral("attribute_uuid"), d.attributeUuid },
        { QStringLiteral("event_uuid"), d.eventUuid },
        { QStringLiteral("event_info"), d.eventInfo },
        { QStringLiteral("source"), d.source } };
    if (!d.objectUuid.isEmpty()) {
        o.insert(QStringLiteral("object_uuid"), d.objectUuid);
        o.insert(QStringLiteral("object_name"), d.objectName);
    }
    m_json->setPlainText(QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Indented)));
}

} // namespace msb::ui
