// SPDX-License-Identifier: BSD-2-Clause
// `check`: can we reach MISP with our key, and get a token for every target? One plain sentence each.
#include "app/cli/cliargs.h"
#include "app/cli/clioutput.h"
#include "app/cli/clirun.h"
#include "app/cli/commandregistry.h"

#include <QJsonArray>
#include <QObject>

using namespace Qt::Literals::StringLiterals;

namespace msb::cli {
namespace {

int runCheck(const QStringList &args)
{
    CommandLine cl(u"check"_s,
        QObject::tr("Test the MISP connection (version, user, organisation, role) and get a token for every "
                    "Sentinel target. Says in plain words what is wrong."),
        OptAll);
    if (auto code = cl.parse(args))
        return *code;
    Output out(cl.common().json, cl.common().quiet);
    Result<config::Profile> profile = resolveProfile(cl.common().profile);
    if (!profile.ok()) {
        out.error(profile.error().message);
        return exitCodeFor(profile.error());
    }
    sync::JobOptions options;
    options.mode = sync::JobMode::Check;
    const sync::JobReport report = runJob(profile.value(), cl.common(), options, out);

    // Exit code: the first problem decides (MISP first, then targets in profile order).
    int code = report.fatal ? exitCodeFor(*report.fatal) : Success;
    if (!report.fatal && report.mispError)
        code = exitCodeFor(*report.mispError);
    for (const sync::TargetCheck &c : report.checks) {
        if (code == Success && !c.ok)
            code = exitCodeFor(c.error);
    }
    if (code == Success && !report.targetErrors.isEmpty())
        code = ConfigurationError;

    if (out.json()) {
        QJsonObject o = reportHeaderJson(report);
        o.insert(u"exitCode"_s, code);
        o.insert(u"ok"_s, code == Success);
        QJsonObject misp;
        if (report.mispInfo) {
            misp = QJsonObject { { u"ok"_s, true },
                { u"version"_s, report.mispInfo->mispVersion },
                { u"user"_s, report.mispInfo->email },
                { u"organisation"_s, report.mispInfo->organisation },
                { u"role"_s, report.mispInfo->role },
                { u"canWrite"_s, report.mispInfo->canWrite() },
                { u"warnings"_s, QJsonArray::fromStringList(report.mispInfo->warnings) } };
        } else if (report.mispError) {
            misp = QJsonObject { { u"ok"_s, false }, { u"error"_s, errorToJson(*report.mispError) } };
        }
        o.insert(u"misp"_s, misp);
        QJsonArray targets;
        for (const sync::TargetCheck &c : report.checks) {
            QJsonObject t { { u"target"_s, c.targetName }, { u"workspaceId"_s, c.workspaceId }, { u"ok"_s, c.ok } };
            if (!c.ok)
                t.insert(u"error"_s, errorToJson(c.error));
            targets.append(t);
        }
        o.insert(u"targets"_s, targets);
        out.document(o);
        return code;
    }
    if (report.fatal) {
        out.error(report.fatal->message);
        return code;
    }
    if (report.mispInfo) {
        out.text(
            u"MISP     OK   %1, MISP %2, user %3, organisation %4, role %5"_s.arg(profile.value().misp.url.toString(),
                report.mispInfo->mispVersion,
                report.mispInfo->email,
                report.mispInfo->organisation,
                report.mispInfo->role));
        for (const QString &w : report.mispInfo->warnings)
            out.text(QObject::tr("         note: ") + w);
    } else if (report.mispError) {
        out.text(QObject::tr("MISP     FAIL %1").arg(report.mispError->message));
    } else {
        out.text(QObject::tr("MISP     OK   feed %1").arg(profile.value().misp.feedPath));
    }
    for (const sync::TargetCheck &c : report.checks) {
        out.text(c.ok ? u"TARGET   OK   %1 (workspace %2): token acquired"_s.arg(c.targetName, c.workspaceId)
                      : u"TARGET   FAIL %1 (workspace %2): %3"_s.arg(c.targetName, c.workspaceId, c.error.message));
    }
    for (const QString &e : report.targetErrors)
        out.text(QObject::tr("TARGET   FAIL ") + e);
    return code;
}

const CommandRegistration registration {
    { u"check"_s, QObject::tr("test MISP and every Sentinel target, say what is wrong"), runCheck }
};

} // namespace
} // namespace msb::cli
