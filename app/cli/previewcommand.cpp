// SPDX-License-Identifier: BSD-2-Clause
// `preview`: per target, what a sync would send, change, skip, revoke and filter, with reasons.
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

int runPreview(const QStringList &args)
{
    CommandLine cl(u"preview"_s,
        QObject::tr("Fetch, convert and plan every target against the ledger: what would be sent (new), changed, "
                    "left unchanged, revoked and dropped or filtered, with the reasons. Sends nothing and needs no "
                    "Sentinel secret."),
        OptAll);
    cl.parser().addOption({ u"objects"_s, QObject::tr("List every planned object and every dropped attribute.") });
    if (auto code = cl.parse(args))
        return *code;
    Output out(cl.common().json, cl.common().quiet);
    Result<config::Profile> profile = resolveProfile(cl.common().profile);
    if (!profile.ok()) {
        out.error(profile.error().message);
        return exitCodeFor(profile.error());
    }
    sync::JobOptions options;
    options.mode = sync::JobMode::Preview;
    options.keepDetails = true;
    const sync::JobReport report = runJob(profile.value(), cl.common(), options, out);
    const int code = exitCodeFor(report);
    if (out.json()) {
        QJsonObject o = reportHeaderJson(report);
        o.insert(u"source"_s, sourceJson(report));
        QJsonArray targets;
        for (const sync::TargetPlan &p : report.plans)
            targets.append(planToJson(p, true));
        o.insert(u"targets"_s, targets);
        QJsonArray dropped;
        for (const convert::ItemOutcome &d : report.outcomes) {
            dropped.append(QJsonObject { { u"event"_s, d.eventUuid },
                { u"attribute"_s, d.attributeUuid },
                { u"type"_s, d.mispType },
                { u"value"_s, d.value },
                { u"status"_s, d.status == convert::ItemOutcome::Status::Error ? u"error"_s : u"dropped"_s },
                { u"reason"_s, d.reason } });
        }
        o.insert(u"dropped"_s, dropped);
        out.document(o);
        return code;
    }
    printProblems(report, out);
    if (report.fatal)
        return code;
    out.text(QObject::tr("%1 event(s) → %2 STIX object(s); %3 attribute(s) dropped in conversion.\n")
                 .arg(report.fetch.events)
                 .arg(report.objects)
                 .arg(report.dropped + report.conversionErrors));
    printPlans(report, cl.isSet(u"objects"_s), out);
    return code;
}

const CommandRegistration registration {
    { u"preview"_s, QObject::tr("what a sync would send, change, revoke and drop per target"), runPreview }
};

} // namespace
} // namespace msb::cli
