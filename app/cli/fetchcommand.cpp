// SPDX-License-Identifier: BSD-2-Clause
// `fetch`: what the source holds under the profile's filters, and what conversion makes of it.
#include "app/cli/cliargs.h"
#include "app/cli/clioutput.h"
#include "app/cli/clirun.h"
#include "app/cli/commandregistry.h"

#include <QJsonArray>
#include <QObject>

using namespace Qt::Literals::StringLiterals;

namespace msb::cli {
namespace {

int runFetch(const QStringList &args)
{
    CommandLine cl(u"fetch"_s,
        QObject::tr("Fetch the events the profile's filters select (MISP REST or feed), convert them, and list "
                    "them with attribute counts and the conversion outcome."),
        OptJson | OptProfile | OptSecrets | OptQuiet);
    if (auto code = cl.parse(args))
        return *code;
    Output out(cl.common().json, cl.common().quiet);
    Result<config::Profile> profile = resolveProfile(cl.common().profile);
    if (!profile.ok()) {
        out.error(profile.error().message);
        return exitCodeFor(profile.error());
    }
    sync::JobOptions options;
    options.mode = sync::JobMode::Fetch;
    const sync::JobReport report = runJob(profile.value(), cl.common(), options, out);
    const int code = exitCodeFor(report);
    if (out.json()) {
        QJsonObject o = reportHeaderJson(report);
        o.insert(u"source"_s, sourceJson(report));
        QJsonArray events;
        for (const sync::EventSummary &e : report.events) {
            events.append(QJsonObject { { u"uuid"_s, e.uuid },
                { u"id"_s, e.id },
                { u"date"_s, e.date.toString(Qt::ISODate) },
                { u"organisation"_s, e.organisation },
                { u"info"_s, e.info },
                { u"published"_s, e.published },
                { u"threatLevelId"_s, e.threatLevelId },
                { u"attributes"_s, e.attributes },
                { u"toIds"_s, e.toIds },
                { u"tags"_s, QJsonArray::fromStringList(e.tags) } });
        }
        o.insert(u"events"_s, events);
        out.document(o);
        return code;
    }
    printProblems(report, out);
    if (report.fatal)
        return code;
    QList<QStringList> rows;
    for (const sync::EventSummary &e : report.events) {
        rows << QStringList { e.id.isEmpty() ? e.uuid.left(8) : e.id,
            e.date.toString(Qt::ISODate),
            e.organisation,
            QString::number(e.attributes),
            QString::number(e.toIds),
            e.published ? u"yes"_s : u"no"_s,
            e.info };
    }
    for (const QString &line :
        Output::table({ u"EVENT"_s, u"DATE"_s, u"ORG"_s, u"ATTRS"_s, u"TO_IDS"_s, u"PUBLISHED"_s, u"INFO"_s }, rows))
        out.text(line);
    out.text(
        u"\n%1 event(s), %2 attribute(s) in %3 page(s): %4 converted to %5 STIX object(s), %6 dropped, %7 error(s)."_s
            .arg(report.fetch.events)
            .arg(report.fetch.attributes)
            .arg(report.fetch.pagesFetched)
            .arg(report.converted)
            .arg(report.objects)
            .arg(report.dropped)
            .arg(report.conversionErrors));
    return code;
}

const CommandRegistration registration {
    { u"fetch"_s, QObject::tr("fetch and convert from MISP, list the events"), runFetch }
};

} // namespace
} // namespace msb::cli
