// SPDX-License-Identifier: BSD-2-Clause
#pragma once

#include "core/misp/mispevent.h"

#include <QAbstractTableModel>
#include <QList>

namespace msb::ui {

/// The fetched MISP events, one row each. Qt::UserRole gives the raw value for sorting.
class EventTableModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EventTableModel)
public:
    enum Column { Id, Date, Organisation, Info, Tags, Attributes, ToIds, Published, ThreatLevel, ColumnCount };
    static constexpr int SortRole = Qt::UserRole;
    static constexpr int UuidRole = Qt::UserRole + 1;

    explicit EventTableModel(QObject *parent = nullptr);

    void setEvents(QList<misp::Event> events);
    void clear();
    const misp::Event &event(int row) const { return m_events.at(row); }
    const QList<misp::Event> &events() const { return m_events; }
    /// Row of the event with this uuid, -1 if none.
    int rowOfUuid(const QString &uuid) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    static QString threatLevelName(int id);

private:
    struct Row
    {
        QString tags;
        int attributes = 0;
        int toIds = 0;
    };
    QList<misp::Event> m_events;
    QList<Row> m_rows; ///< derived columns, computed once per fetch
};

} // namespace msb::ui
