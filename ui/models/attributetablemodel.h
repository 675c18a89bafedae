// SPDX-License-Identifier: BSD-2-Clause
#pragma once

#include "core/misp/mispevent.h"

#include <QAbstractTableModel>
#include <QList>

namespace msb::ui {

/// The attributes of one event: event-level ones first, then those inside objects.
class AttributeTableModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AttributeTableModel)
public:
    enum Column { Type, Category, Value, ToIds, Tags, Timestamp, Object, ColumnCount };
    static constexpr int SortRole = Qt::UserRole;

    explicit AttributeTableModel(QObject *parent = nullptr);

    void setEvent(const misp::Event &event);
    void clear();
    const misp::Attribute &attribute(int row) const { return m_rows.at(row).attribute; }
    QString objectName(int row) const { return m_rows.at(row).objectName; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Row
    {
        misp::Attribute attribute;
        QString objectName;
        QString tags;
    };
    QList<Row> m_rows;
};

} // namespace msb::ui
