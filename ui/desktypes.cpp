// SPDX-License-Identifier: BSD-2-Clause
#include "ui/desktypes.h"

#include <QCoreApplication>

namespace msb::ui {

QString planStatusName(PlanStatus status)
{
    switch (status) {
    case PlanStatus::New:
        return QCoreApplication::translate("msb::ui::PlanStatus", "new");
    case PlanStatus::Changed:
        return QCoreApplication::translate("msb::ui::PlanStatus", "changed");
    case PlanStatus::Unchanged:
        return QCoreApplication::translate("msb::ui::PlanStatus", "unchanged");
    case PlanStatus::Revoke:
        return QCoreApplication::translate("msb::ui::PlanStatus", "revoke");
    case PlanStatus::Filtered:
        return QCoreApplication::translate("msb::ui::PlanStatus", "filtered");
    case PlanStatus::Dropped:
        return QCoreApplication::translate("msb::ui::PlanStatus", "dropped");
    }
    return {};
}

QList<int> PreviewPlan::countsForTarget(qsizetype target) const
{
    QList<int> counts(PlanStatusCount, 0);
    const qsizetype n = targets.size();
    if (target < 0 || target >= n)
        return counts;
    for (qsizetype row = 0; row < objects.size(); ++row)
        ++counts[int(statuses.at(row * n + target))];
    counts[int(PlanStatus::Dropped)] += int(dropped.size());
    return counts;
}

qint64 RunRecord::accepted() const
{
    qint64 sum = 0;
    for (const auto &t : targets)
        sum += t.accepted;
    return sum;
}

qint64 RunRecord::rejected() const
{
    qint64 sum = 0;
    for (const auto &t : targets)
        sum += t.rejected;
    return sum;
}

} // namespace msb::ui
