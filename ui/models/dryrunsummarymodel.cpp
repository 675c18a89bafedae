// SPDX-License-Identifier: BSD-2-Clause
#include "ui/models/dryrunsummarymodel.h"

#include <algorithm>

namespace msb::ui {

DryRunSummaryModel::DryRunSummaryModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

void DryRunSummaryModel::setPlan(const PreviewPlan &plan)
{
    beginResetModel();
    m_targets = plan.targets;
    m_counts.clear();
    for (qsizetype t = 0; t < plan.targets.size(); ++t)
        m_counts.append(plan.countsForTarget(t));
    endResetModel();
}

int DryRunSummaryModel::count(int targetRow, PlanStatus status) const
{
    if (targetRow < 0 || targetRow >= m_counts.size())
        return 0;
    return m_counts.at(targetRow).at(int(status));
}

int DryRunSummaryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_targets.size());
}

int DryRunSummaryModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant DryRunSummaryModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const int column = index.column();
    if (role == Qt::TextAlignmentRole && column != Target)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    const QList<int> &counts = m_counts.at(index.row());
    if (column == Target)
        return m_targets.at(index.row());
    if (column == TotalColumn) {
        int sum = 0;
        for (int c : counts)
            sum += c;
        return sum;
    }
    return counts.at(column - FirstStatusColumn);
}

QVariant DryRunSummaryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (section == Target)
        return tr("Target");
    if (section == TotalColumn)
        return tr("Total");
    if (section >= FirstStatusColumn && section < TotalColumn)
        return planStatusName(PlanStatus(section - FirstStatusColumn));
    return {};
}

DropReasonModel::DropReasonModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

void DropReasonModel::setDrops(const QHash<QString, int> &dropsByReason)
{
    beginResetModel();
    m_rows.clear();
    for (auto it = dropsByReason.cbegin(); it != dropsByReason.cend(); ++it)
        m_rows.append({ it.key(), it.value() });
    std::sort(m_rows.begin(), m_rows.end(), [](const auto &a, const auto &b) {
        return a.second != b.second ? a.second > b.second : a.first < b.first;
    });
    endResetModel();
}

int DropReasonModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int DropReasonModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant DropReasonModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    if (role == Qt::TextAlignmentRole && index.column() == Count)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    const auto &r = m_rows.at(index.row());
    return index.column() == Reason ? QVariant(r.first) : QVariant(r.second);
}

QVariant DropReasonModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    return section == Reason ? tr("Reason") : tr("Count");
}

} // namespace msb::ui
