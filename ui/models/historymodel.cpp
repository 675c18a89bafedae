// SPDX-License-Identifier: BSD-2-Clause
#include "ui/models/historymodel.h"

#include <algorithm>

namespace msb::ui {

HistoryModel::HistoryModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

void HistoryModel::setRuns(QList<RunRecord> runs)
{
    std::stable_sort(
        runs.begin(), runs.end(), [](const RunRecord &a, const RunRecord &b) { return a.started > b.started; });
    beginResetModel();
    m_runs = std::move(runs);
    endResetModel();
}

void HistoryModel::addRun(const RunRecord &run)
{
    beginInsertRows({}, 0, 0);
    m_runs.prepend(run);
    endInsertRows();
}

namespace {

QString csvField(const QString &s)
{
    if (!s.contains(u',') && !s.contains(u'"') && !s.contains(u'\n') && !s.contains(u'\r'))
        return s;
    QString quoted = s;
    quoted.replace(u'"', QStringLiteral("\"\""));
    return u'"' + quoted + u'"';
}

} // namespace

QByteArray HistoryModel::toCsv() const
{
    QString out
        = QStringLiteral("started,finished,profile,target,accepted,rejected,skipped,revoked,cancelled,error\r\n");
    for (const RunRecord &run : m_runs) {
        const QString head = csvField(run.started.toUTC().toString(Qt::ISODate)) + u','
            + csvField(run.finished.toUTC().toString(Qt::ISODate)) + u',' + csvField(run.profile) + u',';
        const QString cancelled = run.cancelled ? QStringLiteral("yes") : QStringLiteral("no");
        if (run.targets.isEmpty())
            out += head + QStringLiteral(",0,0,0,0,") + cancelled + u',' + csvField(run.errors.join(u"; "))
                + QStringLiteral("\r\n");
        for (const TargetCounts &t : run.targets) {
            out += head + csvField(t.target) + u',' + QString::number(t.accepted) + u',' + QString::number(t.rejected)
                + u',' + QString::number(t.skipped) + u',' + QString::number(t.revoked) + u',' + cancelled + u','
                + csvField(t.error) + QStringLiteral("\r\n");
        }
    }
    return out.toUtf8();
}

int HistoryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_runs.size());
}

int HistoryModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant HistoryModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const RunRecord &run = m_runs.at(index.row());
    if (role == Qt::TextAlignmentRole && (index.column() == Accepted || index.column() == Rejected))
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ToolTipRole && index.column() == Errors)
        return run.errors.join(u'\n');
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Started:
        return QLocale().toString(run.started.toLocalTime(), QLocale::ShortFormat);
    case Profile:
        return run.profile;
    case Targets: {
        QStringList parts;
        for (const TargetCounts &t : run.targets) {
            if (run.stopped && !t.error.isEmpty())
                parts.append(tr("%1: %2").arg(t.target, t.error));
            else
                parts.append(tr("%1: %2 accepted, %3 rejected").arg(t.target).arg(t.accepted).arg(t.rejected));
        }
        return parts.join(QStringLiteral("; "));
    }
    case Accepted:
        return run.accepted();
    case Rejected:
        return run.rejected();
    case Result:
        if (run.cancelled)
            return tr("cancelled");
        if (run.stopped)
            return tr("failed");
        return run.errors.isEmpty() && run.rejected() == 0 ? tr("complete") : tr("with errors");
    case Errors:
        return run.errors.isEmpty() ? QString() : run.errors.first();
    default:
        return {};
    }
}

QVariant HistoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Started:
        return tr("When");
    case Profile:
        return tr("Profile");
    case Targets:
        return tr("Targets");
    case Accepted:
        return tr("Accepted");
    case Rejected:
        return tr("Rejected");
    case Result:
        return tr("Result");
    case Errors:
        return tr("Errors");
    default:
        return {};
    }
}

} // namespace msb::ui
