// SPDX-License-Identifier: BSD-2-Clause
#include "app/cli/planoutput.h"

#include <QJsonArray>
#include <QObject>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace msb::cli {

namespace {

const QList<sync::PlanAction> kActions { sync::PlanAction::New,
    sync::PlanAction::Changed,
    sync::PlanAction::Resend,
    sync::PlanAction::Unchanged,
    sync::PlanAction::Revoke,
    sync::PlanAction::Filtered };

} // namespace

QJsonObject planToJson(const sync::TargetPlan &plan, bool objects)
{
    QJsonObject counts;
    for (sync::PlanAction a : kActions)
        counts.insert(sync::actionName(a), plan.count(a));
    QJsonObject filteredByReason;
    for (const sync::PlannedObject &o : plan.items) {
        if (o.action == sync::PlanAction::Filtered)
            filteredByReason.insert(o.reason, filteredByReason.value(o.reason).toInt() + 1);
    }
    QJsonObject o { { u"target"_s, plan.targetName },
        { u"targetKey"_s, plan.targetKey },
        { u"counts"_s, counts },
        { u"filteredByReason"_s, filteredByReason } };
    if (!plan.error.isEmpty())
        o.insert(u"error"_s, plan.error);
    if (objects) {
        QJsonArray items;
        for (const sync::PlannedObject &p : plan.items) {
            QJsonObject item { { u"id"_s, p.stixId },
                { u"type"_s, p.type },
                { u"action"_s, sync::actionName(p.action) },
                { u"label"_s, p.label },
                { u"event"_s, p.eventUuid } };
            if (!p.reason.isEmpty())
                item.insert(u"reason"_s, p.reason);
            items.append(item);
        }
        o.insert(u"objects"_s, items);
    }
    return o;
}

void printPlans(const sync::JobReport &report, bool objects, const Output &out)
{
    QList<QStringList> rows;
    for (const sync::TargetPlan &p : report.plans) {
        QStringList row { p.targetName };
        for (sync::PlanAction a : kActions)
            row << QString::number(p.count(a));
        row << (p.error.isEmpty() ? QString() : p.error);
        rows << row;
    }
    QStringList header { u"TARGET"_s };
    for (sync::PlanAction a : kActions)
        header << sync::actionName(a).toUpper();
    header << u"ERROR"_s;
    for (const QString &line : Output::table(header, rows))
        out.text(line);

    // Filter reasons per target, then conversion drops: nothing is dropped without saying why.
    for (const sync::TargetPlan &p : report.plans) {
        QHash<QString, int> reasons;
        for (const sync::PlannedObject &o : p.items) {
            if (o.action == sync::PlanAction::Filtered || o.action == sync::PlanAction::Revoke)
                reasons[sync::actionName(o.action) + u": "_s + o.reason] += 1;
        }
        QStringList keys = reasons.keys();
        std::sort(keys.begin(), keys.end());
        for (const QString &k : keys)
            out.text(QObject::tr("  %1: %2 × %3").arg(p.targetName).arg(reasons.value(k)).arg(k));
    }
    if (!report.dropsByReason.isEmpty()) {
        out.text(QObject::tr("\nDropped during conversion (%1 attribute(s), same for every target):")
                     .arg(report.dropped + report.conversionErrors));
        QStringList keys = report.dropsByReason.keys();
        std::sort(keys.begin(), keys.end(), [&report](const QString &a, const QString &b) {
            const int ca = report.dropsByReason.value(a);
            const int cb = report.dropsByReason.value(b);
            return ca != cb ? ca > cb : a < b; // stable output for scripts and diffs
        });
        for (const QString &k : keys)
            out.text(QObject::tr("  %1 × %2").arg(report.dropsByReason.value(k), 6).arg(k));
    }
    if (objects) {
        for (const sync::TargetPlan &p : report.plans) {
            out.text(QObject::tr("\n%1:").arg(p.targetName));
            QList<QStringList> items;
            for (const sync::PlannedObject &o : p.items)
                items << QStringList { sync::actionName(o.action), o.type, o.label, o.stixId, o.reason };
            for (const QString &line :
                Output::table({ u"ACTION"_s, u"TYPE"_s, u"VALUE"_s, u"ID"_s, u"REASON"_s }, items))
                out.text(QObject::tr("  ") + line);
        }
        if (!report.outcomes.isEmpty()) {
            out.text(QObject::tr("\nDropped attributes:"));
            QList<QStringList> items;
            for (const convert::ItemOutcome &o : report.outcomes)
                items << QStringList { o.mispType, o.value, o.eventInfo, o.reason };
            for (const QString &line : Output::table({ u"MISP TYPE"_s, u"VALUE"_s, u"EVENT"_s, u"REASON"_s }, items))
                out.text(QObject::tr("  ") + line);
        }
    }
}

} // namespace msb::cli
