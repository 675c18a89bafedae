// SPDX-License-Identifier: BSD-2-Clause
// `sync [--dry-run]`: the scheduled run. Fetch, convert, plan against the ledger, upload, record.
#include "app/cli/cliargs.h"
#include "app/cli/clioutput.h"
#include "app/cli/clirun.h"
#include "app/cli/commandregistry.h"
#include "app/cli/planoutput.h"

#include <QJsonArray>
#include <QObject>

using namespace Qt::Literals::StringLiterals;

namespace msb::cli {
namespace {

QJsonObject progressToJson(const sync::TargetProgress &p)
{
    QJsonObject o { { u"target"_s, p.targetName },
        { u"targetKey"_s, p.targetKey },
        { u"total"_s, p.total },
        { u"sent"_s, p.sent },
        { u"accepted"_s, p.accepted },
        { u"revoked"_s, p.revoked },
        { u"rejected"_s, p.rejected },
        { u"failed"_s, p.failed },
        { u"unchanged"_s, p.unchanged },
        { u"filtered"_s, p.filtered },
        { u"retries"_s, p.retries },
        { u"rateLimited"_s, p.rateLimited },
        { u"objectsPerSecond"_s, p.objectsPerSecond } };
    if (!p.firstError.isEmpty())
        o.insert(u"error"_s, p.firstError);
    return o;
}

int runSync(const QStringList &args)
{
    CommandLine cl(u"sync"_s,
        QObject::tr("Fetch from MISP, convert, and upload what is new or changed to every target (incremental: "
                    "the ledger remembers what each workspace has; indicators gone from MISP are revoked). "
                    "--dry-run plans and prints only."),
        OptAll);
    cl.parser().addOption(
        { u"dry-run"_s, QObject::tr("Plan only: print what would be sent, changed and revoked; send nothing.") });
    if (auto code = cl.parse(args))
        return *code;
    Output out(cl.common().json, cl.common().quiet);
    Result<config::Profile> profile = resolveProfile(cl.common().profile);
    if (!profile.ok()) {
        out.error(profile.error().message);
        return exitCodeFor(profile.error());
    }
    const bool dryRun = cl.isSet(u"dry-run"_s);
    sync::JobOptions options;
    options.mode = dryRun ? sync::JobMode::Preview : sync::JobMode::Sync;
    options.keepDetails = false;
    const sync::JobReport report = runJob(profile.value(), cl.common(), options, out);
    const int code = exitCodeFor(report);

    if (out.json()) {
        QJsonObject o = reportHeaderJson(report);
        o.insert(u"command"_s, u"sync"_s);
        o.insert(u"dryRun"_s, dryRun);
        o.insert(u"source"_s, sourceJson(report));
        QJsonArray targets;
        if (dryRun) {
            for (const sync::TargetPlan &p : report.plans)
                targets.append(planToJson(p, false));
        } else if (report.sync) {
            o.insert(u"runId"_s, double(report.sync->runId));
            for (const sync::TargetProgress &p : report.sync->targets)
                targets.append(progressToJson(p));
            QJsonArray rejections;
            for (const sync::ObjectRejection &r : report.sync->rejections)
                rejections.append(
                    QJsonObject { { u"target"_s, r.targetName }, { u"id"_s, r.stixId }, { u"message"_s, r.message } });
            o.insert(u"rejections"_s, rejections);
            o.insert(u"errors"_s, QJsonArray::fromStringList(report.sync->errors));
        }
        o.insert(u"targets"_s, targets);
        out.document(o);
        return code;
    }
    printProblems(report, out);
    if (report.fatal && !report.sync)
        return code;
    out.text(QObject::tr("Profile %1: %2 event(s), %3 STIX object(s) from %4 attribute(s); %5 dropped in conversion.")
                 .arg(report.profile)
                 .arg(report.fetch.events)
                 .arg(report.objects)
                 .arg(report.fetch.attributes)
                 .arg(report.dropped + report.conversionErrors));
    if (dryRun) {
        out.text(QObject::tr("Dry run: nothing was sent.\n"));
        printPlans(report, false, out);
        return code;
    }
    if (!report.sync)
        return code;
    QList<QStringList> rows;
    for (const sync::TargetProgress &p : report.sync->targets) {
        rows << QStringList { p.targetName,
            QString::number(p.accepted - p.revoked),
            QString::number(p.revoked),
            QString::number(p.unchanged),
            QString::number(p.filtered),
            QString::number(p.rejected),
            QString::number(p.failed),
            QString::number(p.retries),
            p.firstError };
    }
    out.text(QString());
    for (const QString &line : Output::table({ u"TARGET"_s,
                                                 u"ACCEPTED"_s,
                                                 u"REVOKED"_s,
                                                 u"UNCHANGED"_s,
                                                 u"FILTERED"_s,
                                                 u"REJECTED"_s,
                                                 u"FAILED"_s,
                                                 u"RETRIES"_s,
                                                 u"ERROR"_s },
             rows))
        out.text(line);
    const int shown = 20;
    for (qsizetype i = 0; i < report.sync->rejections.size() && i < shown; ++i) {
        const sync::ObjectRejection &r = report.sync->rejections.at(i);
        out.warning(QObject::tr("%1 rejected %2: %3").arg(r.targetName, r.stixId, r.message));
    }
    if (report.sync->rejections.size() > shown)
        out.warning(QObject::tr("… and %1 more rejection(s); 'history --json' and the log list them all.")
                        .arg(report.sync->rejections.size() - shown));
    for (const QString &e : report.sync->errors)
        out.warning(e);
    out.text(QObject::tr("Run %1 %2.")
                 .arg(report.sync->runId)
                 .arg(report.sync->cancelled ? u"cancelled"_s
                         : report.sync->ok() ? u"finished"_s
                                             : u"finished with errors"_s));
    return code;
}

const CommandRegistration registration {
    { u"sync"_s, QObject::tr("upload new and changed indicators to every target (--dry-run: plan only)"), runSync }
};

} // namespace
} // namespace msb::cli
