// SPDX-License-Identifier: BSD-2-Clause
// The `convert` subcommand: MISP JSON files/feeds → one STIX 2.1 bundle, a summary, an optional CSV report.
#include "app/cli/commandregistry.h"
#include "core/convert/converter.h"
#include "core/convert/inputfiles.h"
#include "core/misp/mispparser.h"
#include "core/stix/jsonwriter.h"
#include "core/util/uuid5.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QSaveFile>
#include <QTextStream>

#include <cstdio>

namespace {

using namespace msb;

const char *const kUsage
    = "Usage: misp-sentinel-bridge convert FILE|DIR... [--mode sentinel|bundle] --out OUT.json [--report report.csv]\n"
      "\n"
      "Converts MISP events (files, feed directories with manifest.json, or directories of *.json)\n"
      "into one STIX 2.1 bundle and prints a summary. Every attribute ends up converted, dropped or\n"
      "in error, with the reason in --report.\n"
      "\n"
      "Options:\n"
      "  --mode sentinel   one single-comparison indicator per observable (default)\n"
      "  --mode bundle     misp-stix structure: identity, report/grouping, indicators, relationships\n"
      "  --out FILE        the bundle to write (required)\n"
      "  --report FILE     CSV: one row per attribute (event, attribute uuid, type, value, status, reason, stix ids)\n"
      "  --keep-not-to-ids also convert attributes whose to_ids is false\n"
      "  --drop-private    drop private/reserved IP addresses\n"
      "  --json            print the summary as one JSON document on stdout\n";

QString csvField(const QString &s)
{
    if (!s.contains(u',') && !s.contains(u'"') && !s.contains(u'\n') && !s.contains(u'\r'))
        return s;
    QString q = s;
    q.replace(QStringLiteral("\""), QStringLiteral("\"\""));
    return u'"' + q + u'"';
}

QString statusName(convert::ItemOutcome::Status s)
{
    switch (s) {
    case convert::ItemOutcome::Status::Converted:
        return QStringLiteral("converted");
    case convert::ItemOutcome::Status::Dropped:
        return QStringLiteral("dropped");
    case convert::ItemOutcome::Status::Error:
        return QStringLiteral("error");
    }
    return {};
}

int runConvert(const QStringList &args)
{
    QTextStream out(stdout);
    QTextStream err(stderr);
    QStringList inputs;
    QString outPath;
    QString reportPath;
    bool jsonOutput = false;
    convert::ConversionPolicy policy;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &a = args.at(i);
        auto value = [&](QString &target) {
            if (i + 1 >= args.size())
                return false;
            target = args.at(++i);
            return true;
        };
        if (a == u"--help" || a == u"-h") {
            out << kUsage;
            return cli::Success;
        }
        if (a == u"--out") {
            if (!value(outPath)) {
                err << "convert: --out needs a file name\n";
                return cli::UsageError;
            }
        } else if (a == u"--report") {
            if (!value(reportPath)) {
                err << "convert: --report needs a file name\n";
                return cli::UsageError;
            }
        } else if (a == u"--mode") {
            QString mode;
            if (!value(mode) || (mode != u"sentinel" && mode != u"bundle")) {
                err << "convert: --mode must be 'sentinel' or 'bundle'\n";
                return cli::UsageError;
            }
            policy.mode = mode == u"bundle" ? convert::OutputMode::Bundle : convert::OutputMode::Sentinel;
        } else if (a == u"--keep-not-to-ids") {
            policy.requireToIds = false;
        } else if (a == u"--drop-private") {
            policy.dropPrivateAddresses = true;
        } else if (a == u"--json") {
            jsonOutput = true;
        } else if (a.startsWith(u"--")) {
            err << "convert: unknown option " << a << "\n\n" << kUsage;
            return cli::UsageError;
        } else {
            inputs.append(a);
        }
    }
    if (inputs.isEmpty() || outPath.isEmpty()) {
        err << kUsage;
        return cli::UsageError;
    }

    QElapsedTimer timer;
    timer.start();
    const convert::InputFiles files = convert::collectInputFiles(inputs);
    int unreadable = int(files.problems.size());
    for (const QString &p : files.problems)
        err << "input error: " << p << '\n';

    QSaveFile bundleFile(outPath);
    if (!bundleFile.open(QIODevice::WriteOnly)) {
        err << "convert: cannot write " << outPath << ": " << bundleFile.errorString() << '\n';
        return cli::ConfigurationError;
    }
    // Deterministic bundle id: same inputs, same id.
    stix::BundleWriter writer(&bundleFile, QStringLiteral("bundle--") + uuid5(kMsbUuidNamespace, inputs.join(u'\n')));
    writer.begin();

    QSaveFile reportFile(reportPath.isEmpty() ? QStringLiteral("/dev/null") : reportPath);
    QTextStream report;
    if (!reportPath.isEmpty()) {
        if (!reportFile.open(QIODevice::WriteOnly)) {
            err << "convert: cannot write " << reportPath << ": " << reportFile.errorString() << '\n';
            return cli::ConfigurationError;
        }
        report.setDevice(&reportFile);
        report << "source,event_uuid,event_info,object_uuid,object_name,attribute_uuid,type,value,status,reason,"
                  "stix_ids\n";
    }

    convert::Converter converter(policy);
    qint64 events = 0;
    qint64 attributes = 0;
    qint64 objects = 0;
    qint64 indicators = 0;
    qint64 converted = 0;
    qint64 dropped = 0;
    qint64 errors = 0;
    qint64 parseIssues = 0;
    QMap<QString, qint64> dropReasons;
    QMap<QString, qint64> errorReasons;
    const auto objectSink = [&](stix::StixObject &&o) {
        if (o.type == u"indicator")
            ++indicators;
        ++objects;
        writer.add(o);
    };
    const auto outcomeSink = [&](convert::ItemOutcome &&o) {
        const qsizetype colon = o.reason.indexOf(u':');
        const QString group = colon > 0 ? o.reason.left(colon) : o.reason;
        if (o.status == convert::ItemOutcome::Status::Dropped)
            ++dropReasons[group];
        else if (o.status == convert::ItemOutcome::Status::Error)
            ++errorReasons[group];
        if (!reportPath.isEmpty()) {
            report << csvField(o.source) << ',' << csvField(o.eventUuid) << ',' << csvField(o.eventInfo) << ','
                   << csvField(o.objectUuid) << ',' << csvField(o.objectName) << ',' << csvField(o.attributeUuid) << ','
                   << csvField(o.mispType) << ',' << csvField(o.value) << ',' << statusName(o.status) << ','
                   << csvField(o.reason) << ',' << csvField(o.stixIds.join(u' ')) << '\n';
        }
    };

    for (const QString &path : files.files) {
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly)) {
            err << "input error: " << path << ": " << f.errorString() << '\n';
            ++unreadable;
            continue;
        }
        const QByteArray json = f.readAll();
        f.close();
        const misp::ParsedDocument doc = misp::parseDocument(json, QFileInfo(path).fileName());
        for (const misp::ParseIssue &issue : doc.issues) {
            ++parseIssues;
            err << (doc.recognised ? "warning: " : "input error: ") << issue.toString() << '\n';
        }
        if (!doc.recognised)
            ++unreadable;
        for (const misp::Event &e : doc.events) {
            const convert::EventAccount acc = converter.convert(e, objectSink, outcomeSink);
            ++events;
            attributes += acc.total;
            converted += acc.converted;
            dropped += acc.dropped;
            errors += acc.errors;
        }
    }
    for (const stix::StixObject &m : converter.markingDefinitions())
        objectSink(stix::StixObject(m));
    bool written = writer.finish() && bundleFile.commit();
    if (!written)
        err << "convert: cannot write " << outPath << ": " << writer.errorString() << bundleFile.errorString() << '\n';
    if (!reportPath.isEmpty()) {
        report.flush();
        if (!reportFile.commit()) {
            err << "convert: cannot write " << reportPath << ": " << reportFile.errorString() << '\n';
            written = false;
        }
    }

    const double secs = double(timer.nsecsElapsed()) / 1e9;
    const int exitCode = !written ? cli::PartialFailure : unreadable ? cli::InputError : cli::Success;
    if (jsonOutput) {
        auto counts = [](const QMap<QString, qint64> &m) {
            QJsonObject o;
            for (auto it = m.constBegin(); it != m.constEnd(); ++it)
                o.insert(it.key(), double(it.value()));
            return o;
        };
        const QJsonObject summary { { QStringLiteral("command"), QStringLiteral("convert") },
            { QStringLiteral("exitCode"), exitCode },
            { QStringLiteral("mode"),
                policy.mode == convert::OutputMode::Bundle ? QStringLiteral("bundle") : QStringLiteral("sentinel") },
            { QStringLiteral("inputFiles"), int(files.files.size()) },
            { QStringLiteral("unreadableInputs"), unreadable },
            { QStringLiteral("events"), double(events) },
            { QStringLiteral("attributes"), double(attributes) },
            { QStringLiteral("converted"), double(converted) },
            { QStringLiteral("dropped"), double(dropped) },
            { QStringLiteral("errors"), double(errors) },
            { QStringLiteral("indicators"), double(indicators) },
            { QStringLiteral("objects"), double(objects) },
            { QStringLiteral("out"), outPath },
            { QStringLiteral("written"), written },
            { QStringLiteral("seconds"), secs },
            { QStringLiteral("dropsByReason"), counts(dropReasons) },
            { QStringLiteral("errorsByReason"), counts(errorReasons) },
            { QStringLiteral("inputIssues"), double(parseIssues) } };
        out << QJsonDocument(summary).toJson(QJsonDocument::Indented);
        out.flush();
        return exitCode;
    }
    out << "Converted " << files.files.size() << " input file(s) in " << QString::number(secs, 'f', 3) << " s ("
        << (policy.mode == convert::OutputMode::Bundle ? "bundle" : "sentinel") << " mode)\n";
    out << "  events:      " << events << '\n';
    out << "  attributes:  " << attributes << "  (converted " << converted << ", dropped " << dropped << ", errors "
        << errors << ")\n";
    out << "  indicators:  " << indicators << "  (" << objects << " STIX objects written to " << outPath << ")\n";
    if (secs > 0)
        out << "  speed:       " << qint64(double(attributes) / secs) << " attributes/s\n";
    if (!dropReasons.isEmpty()) {
        out << "  dropped by reason:\n";
        for (auto it = dropReasons.constBegin(); it != dropReasons.constEnd(); ++it)
            out << "    " << it.value() << "  " << it.key() << '\n';
    }
    if (!errorReasons.isEmpty()) {
        out << "  errors by reason:\n";
        for (auto it = errorReasons.constBegin(); it != errorReasons.constEnd(); ++it)
            out << "    " << it.value() << "  " << it.key() << '\n';
    }
    if (parseIssues)
        out << "  input warnings/errors: " << parseIssues << " (see stderr)\n";
    if (unreadable)
        out << "  unreadable inputs: " << unreadable << '\n';
    out.flush();
    return exitCode;
}

const cli::CommandRegistration registration { cli::Command { QStringLiteral("convert"),
    QStringLiteral("Convert MISP JSON (files, feeds) into a STIX 2.1 bundle, with a summary and a CSV report"),
    runConvert } };

} // namespace
