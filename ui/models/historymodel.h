// SPDX-License-Identifier: BSD-2-Clause
#pragma once

#include "ui/desktypes.h"

#include <QAbstractTableModel>
#include <QList>

namespace msb::ui {

/// Past sync runs, newest first.
class HistoryModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HistoryModel)
public:
    enum Column { Started, Profile, Targets, Accepted, Rejected, Result, Errors, ColumnCount };

    explicit HistoryModel(QObject *parent = nullptr);

    void setRuns(QList<RunRecord> runs);
    void addRun(const RunRecord &run);
    const RunRecord &run(int row) const { return m_runs.at(row); }

    /// RFC 4180 CSV (UTF-8, header line, one line per run and target), for spreadsheets.
    QByteArray toCsv() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<RunRecord> m_runs;
};

} // namespace msb::ui
