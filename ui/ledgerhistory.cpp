// SPDX-License-Identifier: BSD-2-Clause
#include "ui/ledgerhistory.h"

#include "core/store/ledger.h"

#include <QCoreApplication>
#include <QFileInfo>

#include <algorithm>

namespace msb::ui {

namespace {

struct HistoryText
{
    Q_DECLARE_TR_FUNCTIONS(msb::ui::LedgerHistory)
};

RunRecord toRunRecord(const store::RunRecord &r)
{
    RunRecord run;
    run.started = r.started;
    run.finished = r.finished;
    run.profile = r.profile;
    run.cancelled = r.outcome == u"cancelled";
    run.errors = r.errors;
    run.stopped = r.outcome == u"failed"
        && std::all_of(r.targets.cbegin(), r.targets.cend(), [](const store::RunTargetCounts &t) {
               return t.sent == 0 && t.accepted == 0 && t.rejected == 0;
           });
    if (r.outcome.isEmpty())
        run.errors.prepend(HistoryText::tr("The run did not finish (still running, or the program stopped)."));
    for (const store::RunTargetCounts &t : r.targets) {
        TargetCounts c;
        c.target = t.targetName;
        c.accepted = t.accepted - t.revoked;
        c.revoked = t.revoked;
        c.rejected = t.rejected;
        c.skipped = t.unchanged + t.filtered;
        c.error = t.firstError;
        if (c.error.isEmpty() && t.failed > 0)
            c.error = HistoryText::tr("%n object(s) not taken; they are sent again next time.", nullptr, t.failed);
        run.targets.append(c);
    }
    return run;
}

} // namespace

QList<RunRecord> readLedgerHistory(const QString &ledgerPath, const QString &profile, int limit)
{
    QList<RunRecord> runs;
    if (ledgerPath.isEmpty() || !QFileInfo::exists(ledgerPath))
        return runs;
    store::Ledger ledger;
    auto errorRow = [&](const QString &message) {
        RunRecord r;
        r.profile = profile;
        r.errors.append(HistoryText::tr("The history in %1 cannot be read: %2").arg(ledgerPath, message));
        runs.append(r);
        return runs;
    };
    if (const Status opened = ledger.open(ledgerPath); !opened.ok())
        return errorRow(opened.error().message);
    // The ledger bounds the read; runs of other profiles are skipped here.
    Result<QList<store::RunRecord>> all = ledger.runs(100000);
    if (!all.ok())
        return errorRow(all.error().message);
    for (const store::RunRecord &r : all.value()) {
        if (runs.size() >= limit)
            break;
        if (r.profile == profile)
            runs.append(toRunRecord(r));
    }
    return runs;
}

} // namespace msb::ui
