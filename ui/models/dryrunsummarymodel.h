// SPDX-License-Identifier: BSD-2-Clause
#pragma once

#include "ui/desktypes.h"

#include <QAbstractTableModel>
#include <QList>

namespace msb::ui {

/// Dry-run counts: one row per target, one column per status, and a total.
class DryRunSummaryModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DryRunSummaryModel)
public:
    enum Column { Target, FirstStatusColumn, TotalColumn = FirstStatusColumn + PlanStatusCount, ColumnCount };

    explicit DryRunSummaryModel(QObject *parent = nullptr);

    void setPlan(const PreviewPlan &plan);
    int count(int targetRow, PlanStatus status) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QStringList m_targets;
    QList<QList<int>> m_counts;
};

/// Conversion drops grouped by reason, most frequent first.
class DropReasonModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DropReasonModel)
public:
    enum Column { Reason, Count, ColumnCount };

    explicit DropReasonModel(QObject *parent = nullptr);

    void setDrops(const QHash<QString, int> &dropsByReason);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<std::pair<QString, int>> m_rows;
};

} // namespace msb::ui
