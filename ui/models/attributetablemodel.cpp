// SPDX-License-Identifier: BSD-2-Clause
#include "ui/models/attributetablemodel.h"

#include <QDateTime>

namespace msb::ui {

AttributeTableModel::AttributeTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

void AttributeTableModel::setEvent(const misp::Event &event)
{
    beginResetModel();
    m_rows.clear();
    auto add = [this](const misp::Attribute &a, const QString &objectName) {
        QStringList tags;
        for (const auto &t : a.tags)
            tags.append(t.name);
        m_rows.append(Row { a, objectName, tags.join(QStringLiteral(", ")) });
    };
    for (const auto &a : event.attributes)
        add(a, {});
    for (const auto &o : event.objects)
        for (const auto &a : o.attributes)
            add(a, o.name);
    endResetModel();
}

void AttributeTableModel::clear()
{
    beginResetModel();
    m_rows.clear();
    endResetModel();
}

int AttributeTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int AttributeTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AttributeTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &r = m_rows.at(index.row());
    const misp::Attribute &a = r.attribute;
    if (role == Qt::ToolTipRole && index.column() == Value)
        return a.comment.isEmpty() ? a.value : QString(a.value + u'\n' + a.comment);
    if (role != Qt::DisplayRole && role != SortRole)
        return {};
    const bool sort = role == SortRole;
    switch (index.column()) {
    case Type:
        return a.type;
    case Category:
        return a.category;
    case Value:
        return a.value;
    case ToIds:
        if (!a.toIds.has_value())
            return sort ? QVariant(-1) : QVariant(tr("default"));
        if (sort)
            return int(*a.toIds);
        return *a.toIds ? tr("yes") : tr("no");
    case Tags:
        return r.tags;
    case Timestamp:
        if (sort)
            return a.timestamp;
        return a.timestamp < 0 ? QString() : QDateTime::fromSecsSinceEpoch(a.timestamp, Qt::UTC).toString(Qt::ISODate);
    case Object:
        return r.objectName;
    default:
        return {};
    }
}

QVariant AttributeTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Type:
        return tr("Type");
    case Category:
        return tr("Category");
    case Value:
        return tr("Value");
    case ToIds:
        return tr("to_ids");
    case Tags:
        return tr("Tags");
    case Timestamp:
        return tr("Timestamp");
    case Object:
        return tr("Object");
    default:
        return {};
    }
}

} // namespace msb::ui
