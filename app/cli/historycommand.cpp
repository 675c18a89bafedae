// SPDX-License-Identifier: BSD-2-Clause
// `history`: past sync runs from the ledger, newest first.
#include "app/cli/cliargs.h"
#include "app/cli/clioutput.h"
#include "app/cli/commandregistry.h"
#include "core/store/ledger.h"
#include "core/sync/syncjob.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QObject>

using namespace Qt::Literals::StringLiterals;

namespace msb::cli {
namespace {

int runHistory(const QStringList &args)
{
    CommandLine cl(
        u"history"_s, u"List past sync runs (newest first) with their counts per target."_s, OptJson | OptProfile);
    cl.parser().addOption(
        { { u"n"_s, u"limit"_s }, QObject::tr("At most this many runs (default 20)."), u"count"_s, u"20"_s });
    if (auto code = cl.parse(args))
        return *code;
    Output out(cl.common().json, true);
    bool ok = false;
    const int limit = cl.value(u"limit"_s).toInt(&ok);
    if (!ok || limit < 1 || limit > 100000)
        return cl.usageError(QObject::tr("--limit must be a number from 1 to 100000"));

    QList<store::RunRecord> runs;
    const QString path = sync::SyncJob::defaultLedgerPath();
    if (QFileInfo::exists(path)) {
        store::Ledger ledger;
        const Status opened = ledger.open(path);
        if (!opened.ok()) {
            out.error(QObject::tr("cannot open the ledger %1: %2").arg(path, opened.error().message));
            return ConfigurationError;
        }
        // Filter by profile after reading: the ledger bounds the read, we bound the output.
        Result<QList<store::RunRecord>> all = ledger.runs(cl.common().profile.isEmpty() ? limit : 100000);
        if (!all.ok()) {
            out.error(all.error().message);
            return ConfigurationError;
        }
        for (const store::RunRecord &r : all.value()) {
            if (runs.size() >= limit)
                break;
            if (cl.common().profile.isEmpty() || r.profile == cl.common().profile)
                runs << r;
        }
    }
    if (out.json()) {
        QJsonArray array;
        for (const store::RunRecord &r : std::as_const(runs)) {
            QJsonArray targets;
            for (const store::RunTargetCounts &t : r.targets) {
                QJsonObject o { { u"target"_s, t.targetName },
                    { u"targetKey"_s, t.targetKey },
                    { u"planned"_s, t.planned },
                    { u"sent"_s, t.sent },
                    { u"accepted"_s, t.accepted },
                    { u"rejected"_s, t.rejected },
                    { u"failed"_s, t.failed },
                    { u"revoked"_s, t.revoked },
                    { u"unchanged"_s, t.unchanged },
                    { u"filtered"_s, t.filtered },
                    { u"retries"_s, t.retries },
                    { u"rateLimited"_s, t.rateLimited } };
                if (!t.firstError.isEmpty())
                    o.insert(u"error"_s, t.firstError);
                targets.append(o);
            }
            array.append(QJsonObject { { u"id"_s, double(r.id) },
                { u"profile"_s, r.profile },
                { u"started"_s, r.started.toString(Qt::ISODateWithMs) },
                { u"finished"_s, r.finished.toString(Qt::ISODateWithMs) },
                { u"outcome"_s, r.outcome },
                { u"targets"_s, targets },
                { u"errors"_s, QJsonArray::fromStringList(r.errors) } });
        }
        out.document(QJsonObject { { u"runs"_s, array }, { u"ledger"_s, path } });
        return Success;
    }
    if (runs.isEmpty()) {
        out.text(QObject::tr("No sync runs recorded yet."));
        return Success;
    }
    QList<QStringList> rows;
    for (const store::RunRecord &r : std::as_const(runs)) {
        for (const store::RunTargetCounts &t : r.targets) {
            rows << QStringList { QString::number(r.id),
                r.started.toLocalTime().toString(u"yyyy-MM-dd HH:mm:ss"_s),
                r.profile,
                r.outcome.isEmpty() ? u"running/crashed"_s : r.outcome,
                t.targetName,
                QString::number(t.accepted),
                QString::number(t.revoked),
                QString::number(t.unchanged),
                QString::number(t.rejected),
                QString::number(t.failed),
                t.firstError };
        }
        if (r.targets.isEmpty())
            rows << QStringList { QString::number(r.id),
                r.started.toLocalTime().toString(u"yyyy-MM-dd HH:mm:ss"_s),
                r.profile,
                r.outcome,
                QString(),
                QString(),
                QString(),
                QString(),
                QString(),
                QString(),
                r.errors.join(u"; "_s) };
    }
    for (const QString &line : Output::table({ u"RUN"_s,
                                                 u"STARTED"_s,
                                                 u"PROFILE"_s,
                                                 u"OUTCOME"_s,
                                                 u"TARGET"_s,
                                                 u"ACCEPTED"_s,
                                                 u"REVOKED"_s,
                                                 u"UNCHANGED"_s,
                                                 u"REJECTED"_s,
                                                 u"FAILED"_s,
                                                 u"ERROR"_s },
             rows))
        out.text(line);
    return Success;
}

const CommandRegistration registration {
    { u"history"_s, QObject::tr("past sync runs with their counts"), runHistory }
};

} // namespace
} // namespace msb::cli
