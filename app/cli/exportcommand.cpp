// SPDX-License-Identifier: BSD-2-Clause
// `export --format stix-bundle --out FILE`: the profile's source, converted, as one STIX 2.1 bundle.
#include "app/cli/cliargs.h"
#include "app/cli/clioutput.h"
#include "app/cli/clirun.h"
#include "app/cli/commandregistry.h"

#include <QObject>

using namespace Qt::Literals::StringLiterals;

namespace msb::cli {
namespace {

int runExport(const QStringList &args)
{
    CommandLine cl(u"export"_s,
        QObject::tr("Fetch and convert the profile's source and write the STIX 2.1 objects as one bundle file."),
        OptJson | OptProfile | OptSecrets | OptQuiet);
    cl.parser().addOption(
        { u"format"_s, QObject::tr("Output format; only stix-bundle."), u"format"_s, u"stix-bundle"_s });
    cl.parser().addOption({ { u"o"_s, u"out"_s }, QObject::tr("File to write (required)."), u"file"_s });
    if (auto code = cl.parse(args))
        return *code;
    if (cl.value(u"format"_s) != u"stix-bundle"_s)
        return cl.usageError(QObject::tr("unknown --format '%1' (supported: stix-bundle)").arg(cl.value(u"format"_s)));
    if (cl.value(u"out"_s).isEmpty())
        return cl.usageError(QObject::tr("--out FILE is required"));
    Output out(cl.common().json, cl.common().quiet);
    Result<config::Profile> profile = resolveProfile(cl.common().profile);
    if (!profile.ok()) {
        out.error(profile.error().message);
        return exitCodeFor(profile.error());
    }
    sync::JobOptions options;
    options.mode = sync::JobMode::Export;
    options.exportPath = cl.value(u"out"_s);
    const sync::JobReport report = runJob(profile.value(), cl.common(), options, out);
    const int code = exitCodeFor(report);
    if (out.json()) {
        QJsonObject o = reportHeaderJson(report);
        o.insert(u"source"_s, sourceJson(report));
        o.insert(u"out"_s, report.exportPath);
        o.insert(u"objects"_s, double(report.exported));
        out.document(o);
        return code;
    }
    printProblems(report, out);
    if (!report.fatal)
        out.text(QObject::tr("Wrote %1 STIX object(s) to %2 (%3 attribute(s) dropped in conversion).")
                     .arg(report.exported)
                     .arg(report.exportPath)
                     .arg(report.dropped + report.conversionErrors));
    return code;
}

const CommandRegistration registration {
    { u"export"_s, QObject::tr("write the converted source as a STIX 2.1 bundle"), runExport }
};

} // namespace
} // namespace msb::cli
