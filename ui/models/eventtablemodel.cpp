// SPDX-License-Identifier: BSD-2-Clause
#include "ui/models/eventtablemodel.h"

#include <QLocale>

namespace msb::ui {

namespace {

QString joinTags(const QList<misp::Tag> &tags)
{
    QStringList names;
    names.reserve(tags.size());
    for (const auto &t : tags)
        names.append(t.name);
    return names.join(QStringLiteral(", "));
}

} // namespace

EventTableModel::EventTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

void EventTableModel::setEvents(QList<misp::Event> events)
{
    beginResetModel();
    m_events = std::move(events);
    m_rows.clear();
    m_rows.reserve(m_events.size());
    for (const auto &e : std::as_const(m_events)) {
        Row r;
        r.tags = joinTags(e.tags);
        auto count = [&r](const misp::Attribute &a) {
            ++r.attributes;
            if (a.toIds.value_or(false))
                ++r.toIds;
        };
        for (const auto &a : e.attributes)
            count(a);
        for (const auto &o : e.objects)
            for (const auto &a : o.attributes)
                count(a);
        m_rows.append(r);
    }
    endResetModel();
}

void EventTableModel::clear()
{
    setEvents({});
}

int EventTableModel::rowOfUuid(const QString &uuid) const
{
    for (int i = 0; i < m_events.size(); ++i)
        if (m_events.at(i).uuid == uuid)
            return i;
    return -1;
}

int EventTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_events.size());
}

int EventTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString EventTableModel::threatLevelName(int id)
{
    switch (id) {
    case 1:
        return tr("High");
    case 2:
        return tr("Medium");
    case 3:
        return tr("Low");
    case 4:
        return tr("Undefined");
    default:
        return {};
    }
}

QVariant EventTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const misp::Event &e = m_events.at(index.row());
    const Row &r = m_rows.at(index.row());
    if (role == UuidRole)
        return e.uuid;
    if (role == Qt::TextAlignmentRole) {
        switch (index.column()) {
        case Attributes:
        case ToIds:
            return int(Qt::AlignRight | Qt::AlignVCenter);
        default:
            return {};
        }
    }
    if (role == Qt::ToolTipRole && index.column() == Info)
        return e.info;
    if (role != Qt::DisplayRole && role != SortRole)
        return {};
    const bool sort = role == SortRole;
    switch (index.column()) {
    case Id: {
        bool ok = false;
        const qlonglong n = e.id.toLongLong(&ok);
        if (sort && ok)
            return n;
        return e.id.isEmpty() ? e.uuid.left(8) : e.id;
    }
    case Date:
        if (sort)
            return e.date;
        return e.date.isValid() ? e.date.toString(Qt::ISODate) : QString();
    case Organisation:
        return e.orgc.name;
    case Info:
        return e.info;
    case Tags:
        return r.tags;
    case Attributes:
        return r.attributes;
    case ToIds:
        return r.toIds;
    case Published:
        if (sort)
            return e.published;
        return e.published ? tr("yes") : tr("no");
    case ThreatLevel:
        if (sort)
            return e.threatLevelId;
        return threatLevelName(e.threatLevelId);
    default:
        return {};
    }
}

QVariant EventTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Id:
        return tr("ID");
    case Date:
        return tr("Date");
    case Organisation:
        return tr("Organisation");
    case Info:
        return tr("Info");
    case Tags:
        return tr("Tags");
    case Attributes:
        return tr("Attributes");
    case ToIds:
        return tr("to_ids");
    case Published:
        return tr("Published");
    case ThreatLevel:
        return tr("Threat level");
    default:
        return {};
    }
}

} // namespace msb::ui
