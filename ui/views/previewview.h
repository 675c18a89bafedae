// SPDX-License-Identifier: BSD-2-Clause
#pragma once

#include "ui/desktypes.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QCheckBox;
class QSortFilterProxyModel;
class QTabWidget;
class QTableView;

namespace msb::ui {

class AttributeTableModel;
class EventTableModel;
class StixTableModel;

/// The events table with its search box, and for the selected event the Attributes, STIX and JSON tabs.
class PreviewView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PreviewView)
public:
    enum Tab { AttributesTab, StixTab, JsonTab };

    explicit PreviewView(QWidget *parent = nullptr);

    void setEvents(const QList<misp::Event> &events);
    void setPlan(const PreviewPlan &plan);
    void selectEventRow(int proxyRow);
    void showTab(Tab tab);
    void retranslate();

    EventTableModel *eventModel() const { return m_events; }
    QSortFilterProxyModel *eventProxy() const { return m_eventProxy; }
    AttributeTableModel *attributeModel() const { return m_attributes; }
    StixTableModel *stixModel() const { return m_stix; }
    QTableView *eventTable() const { return m_eventTable; }
    QTableView *stixTable() const { return m_stixTable; }
    QPlainTextEdit *jsonView() const { return m_json; }
    QLineEdit *eventFilter() const { return m_eventFilterEdit; }
    QCheckBox *allEventsBox() const { return m_allEvents; }

private:
    void onEventSelected();
    void onStixSelected();
    void updateStixFilter();

    EventTableModel *m_events;
    QSortFilterProxyModel *m_eventProxy;
    AttributeTableModel *m_attributes;
    StixTableModel *m_stix;
    QLineEdit *m_eventFilterEdit;
    QLabel *m_eventCount;
    QTableView *m_eventTable;
    QTabWidget *m_tabs;
    QTableView *m_attributeTable;
    QTableView *m_stixTable;
    QLineEdit *m_stixFilterEdit;
    QCheckBox *m_allEvents;
    QPlainTextEdit *m_json;
    QString m_selectedEventUuid;
};

} // namespace msb::ui
