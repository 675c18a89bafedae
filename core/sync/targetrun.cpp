// SPDX-License-Identifier: BSD-2-Clause
#include "core/sync/targetrun.h"

#include "core/log/logging.h"
#include "core/sentinel/uploadclient.h"
#include "core/store/ledger.h"
#include "core/sync/batcher.h"

using namespace Qt::Literals::StringLiterals;

namespace msb::sync {

TargetRun::TargetRun(const sentinel::Target &target,
    TargetPlan plan,
    sentinel::UploadClient *client,
    store::Ledger *ledger,
    const SyncOptions &options,
    QObject *parent)
    : QObject(parent)
    , m_target(target)
    , m_plan(std::move(plan))
    , m_client(client)
    , m_ledger(ledger)
    , m_options(options)
{
    m_progress.targetKey = m_plan.targetKey;
    m_progress.targetName = m_plan.targetName;
    for (int i = 0; i < m_plan.items.size(); ++i) {
        const PlannedObject &p = m_plan.items.at(i);
        if (!p.json.isEmpty()) {
            m_sendIndex.append(i);
            m_sizes.append(p.json.size());
        } else if (p.action == PlanAction::Unchanged) {
            ++m_progress.unchanged;
        } else if (p.action == PlanAction::Filtered) {
            ++m_progress.filtered;
        }
    }
    m_progress.total = int(m_sendIndex.size());
    m_progress.queued = m_progress.total;
}

void TargetRun::start()
{
    m_clock.start();
    m_progress.started = QDateTime::currentDateTimeUtc();
    m_progress.state = TargetProgress::State::Running;
    if (!m_plan.error.isEmpty()) {
        m_progress.failed = m_progress.total;
        m_progress.queued = 0;
        stop(m_plan.error);
        finishIfIdle();
        return;
    }
    log::get("sync")->info("{}: {} to send, {} unchanged, {} filtered",
        m_target.describe(),
        m_progress.total,
        m_progress.unchanged,
        m_progress.filtered);
    Q_EMIT changed();
    pump();
    finishIfIdle();
}

void TargetRun::cancel()
{
    m_cancelled = true;
}

void TargetRun::noteRetry(quint64 batchId, const QString &reason)
{
    if (!m_inFlight.contains(batchId))
        return;
    ++m_progress.retries;
    m_retrying.insert(batchId);
    m_progress.retrying = int(m_retrying.size());
    if (reason.startsWith(u"rate limited"_s))
        ++m_progress.rateLimited;
    Q_EMIT changed();
}

void TargetRun::pump()
{
    const sentinel::UploadPolicy &policy = m_options.upload;
    while (!m_stopped && !m_cancelled && m_inFlight.size() < std::max(1, policy.maxInFlightPerTarget)
        && m_next < m_sendIndex.size()) {
        const int n = nextBatchSize(m_sizes, m_next, policy.maxObjectsPerRequest, policy.maxBytesPerRequest);
        if (n <= 0)
            break;
        const quint64 batchId = m_ledger ? quint64(m_ledger->nextBatchId()) : ++m_localBatchId;
        sentinel::UploadBatch batch;
        batch.id = batchId;
        QList<store::LedgerEntry> rows;
        rows.reserve(n);
        for (int k = 0; k < n; ++k) {
            const PlannedObject &p = m_plan.items.at(m_sendIndex.at(m_next + k));
            batch.objects.append(p.json);
            batch.stixIds.append(p.stixId);
            store::LedgerEntry e;
            e.stixId = p.stixId;
            e.type = p.type;
            e.contentHash = p.contentHash;
            e.modified = p.modified;
            e.revoked = p.revoked;
            e.eventUuid = p.eventUuid;
            e.validUntil = p.validUntil;
            e.json = p.json;
            rows.append(std::move(e));
        }
        if (m_ledger) {
            if (batchId == 0) {
                stop(u"%1: the ledger cannot allocate a batch id; stopped so nothing goes unrecorded"_s.arg(
                    m_target.describe()));
                break;
            }
            const Status s = m_ledger->markSent(m_plan.targetKey, qint64(batchId), rows);
            if (!s.ok()) {
                stop(u"%1: %2; stopped so nothing goes unrecorded"_s.arg(m_target.describe(), s.error().message));
                break;
            }
        }
        m_inFlight.insert(batchId, InFlight { m_next, n });
        m_next += n;
        m_progress.queued -= n;
        m_progress.inFlight += n;
        m_progress.sent += n;
        m_client->upload(
            m_target, std::move(batch), [this, batchId](const sentinel::BatchResult &r) { onResult(batchId, r); });
    }
}

void TargetRun::onResult(quint64 batchId, const sentinel::BatchResult &result)
{
    const auto it = m_inFlight.constFind(batchId);
    if (it == m_inFlight.constEnd())
        return;
    const InFlight f = *it;
    m_inFlight.erase(it);
    m_retrying.remove(batchId);
    m_progress.retrying = int(m_retrying.size());
    m_progress.inFlight -= f.count;

    switch (result.status) {
    case sentinel::BatchResult::Status::Done: {
        m_consecutiveFailures = 0;
        QHash<QString, QString> rejected;
        for (const sentinel::RecordError &e : result.rejected) {
            const PlannedObject &p = m_plan.items.at(m_sendIndex.at(f.from + e.recordIndex));
            rejected.insert(p.stixId, e.message);
        }
        if (m_ledger) {
            const Status s = m_ledger->acknowledge(m_plan.targetKey, qint64(batchId), rejected);
            if (!s.ok())
                log::get("sync")->error("{}", s.error().message);
        }
        for (int k = 0; k < f.count; ++k) {
            const PlannedObject &p = m_plan.items.at(m_sendIndex.at(f.from + k));
            const auto r = rejected.constFind(p.stixId);
            if (r != rejected.constEnd()) {
                ++m_progress.rejected;
                m_rejections.append(ObjectRejection { m_plan.targetKey, m_plan.targetName, p.stixId, r.value() });
                log::get("sync")->warn("{}: {} rejected: {}", m_target.describe(), p.stixId, r.value());
                if (m_progress.firstError.isEmpty())
                    m_progress.firstError = u"%1 was rejected: %2"_s.arg(p.stixId, r.value());
            } else {
                ++m_progress.accepted;
                if (p.revoked)
                    ++m_progress.revoked;
            }
        }
        break;
    }
    case sentinel::BatchResult::Status::Failed: {
        m_progress.failed += f.count;
        if (m_ledger) {
            const Status s = m_ledger->markFailed(m_plan.targetKey, qint64(batchId), result.error.message);
            if (!s.ok())
                log::get("sync")->error("{}", s.error().message);
        }
        ++m_consecutiveFailures;
        const Error::Code c = result.error.code;
        const bool targetWide = c == Error::Code::Authentication || c == Error::Code::Authorization
            || c == Error::Code::NotFound || c == Error::Code::Configuration || c == Error::Code::InvalidInput
            || c == Error::Code::Tls;
        if (targetWide)
            stop(result.error.message);
        else if (m_consecutiveFailures >= m_options.maxConsecutiveFailedBatches)
            stop(u"%1 (stopped after %2 failed batches in a row)"_s.arg(result.error.message)
                     .arg(m_consecutiveFailures));
        else if (m_progress.firstError.isEmpty())
            m_progress.firstError = result.error.message;
        break;
    }
    case sentinel::BatchResult::Status::Cancelled:
        // Left `Sent` in the ledger: unacknowledged, so the next run re-sends exactly these.
        m_cancelled = true;
        break;
    }
    updateRates();
    Q_EMIT changed();
    pump();
    finishIfIdle();
}

void TargetRun::stop(const QString &error)
{
    if (m_progress.firstError.isEmpty() || !m_stopped)
        m_progress.firstError = error;
    m_stopped = true;
    // What was never handed to a request stays as it was in the ledger: planned again next run.
    const int left = int(m_sendIndex.size()) - m_next;
    m_progress.failed += left;
    m_progress.queued -= left;
    m_next = int(m_sendIndex.size());
    log::get("sync")->error("{}", error);
}

void TargetRun::updateRates()
{
    const double seconds = double(m_clock.elapsed()) / 1000.0;
    const int answered = m_progress.accepted + m_progress.rejected;
    if (seconds > 0 && answered > 0) {
        m_progress.objectsPerSecond = answered / seconds;
        const int remaining = m_progress.queued + m_progress.inFlight;
        m_progress.etaSeconds = remaining / m_progress.objectsPerSecond;
    }
}

void TargetRun::finishIfIdle()
{
    if (m_done || !m_inFlight.isEmpty())
        return;
    if (m_next < m_sendIndex.size() && !m_stopped && !m_cancelled)
        return;
    m_done = true;
    m_progress.finished = QDateTime::currentDateTimeUtc();
    m_progress.etaSeconds = 0;
    updateRates();
    if (m_cancelled) {
        m_progress.state = TargetProgress::State::Cancelled;
        const int left = m_progress.queued;
        m_progress.queued = 0;
        m_progress.failed += left;
    } else if (m_stopped || m_progress.failed > 0) {
        m_progress.state = TargetProgress::State::Failed;
    } else {
        m_progress.state = TargetProgress::State::Finished;
    }
    log::get("sync")->info(
        "{}: {} accepted ({} revocations), {} rejected, {} failed, {} unchanged, {} retries, {} x 429",
        m_target.describe(),
        m_progress.accepted,
        m_progress.revoked,
        m_progress.rejected,
        m_progress.failed,
        m_progress.unchanged,
        m_progress.retries,
        m_progress.rateLimited);
    Q_EMIT changed();
    Q_EMIT done();
}

} // namespace msb::sync
