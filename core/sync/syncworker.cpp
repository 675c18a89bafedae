// SPDX-License-Identifier: BSD-2-Clause
#include "core/sync/syncworker.h"

#include "core/log/logging.h"
#include "core/sentinel/tokenprovider.h"
#include "core/sentinel/uploadclient.h"
#include "core/store/ledger.h"
#include "core/sync/targetrun.h"

#include <QNetworkAccessManager>
#include <QTimer>

using namespace Qt::Literals::StringLiterals;

namespace msb::sync {

SyncWorker::SyncWorker(std::shared_ptr<sentinel::ClientSecretProvider> secrets,
    std::shared_ptr<sentinel::RateLimiterRegistry> limiters,
    std::shared_ptr<std::atomic_bool> cancelFlag)
    : m_secrets(std::move(secrets))
    , m_limiters(std::move(limiters))
    , m_cancelFlag(std::move(cancelFlag))
{ }

SyncWorker::~SyncWorker()
{
    if (m_client)
        m_client->cancelAll();
    if (m_tokens)
        m_tokens->cancelAll();
}

void SyncWorker::run(const SyncRequest &request)
{
    if (m_running)
        return;
    m_running = true;
    m_summary = SyncSummary {};
    m_summary.started = QDateTime::currentDateTimeUtc();
    if (!m_network) {
        // Created here, in the worker thread, so every reply lives in this thread.
        m_network = new QNetworkAccessManager(this);
        m_network->setAutoDeleteReplies(false);
        m_tokens = new sentinel::TokenProvider(m_network, m_secrets, this);
        m_progressTimer = new QTimer(this);
        connect(m_progressTimer, &QTimer::timeout, this, &SyncWorker::emitDirty);
    }
    m_tokens->setRequestTimeoutMs(int(std::min<qint64>(request.options.upload.requestTimeoutMs, 120'000)));
    delete m_client;
    auto limiters = m_limiters;
    if (!limiters)
        limiters = std::make_shared<sentinel::RateLimiterRegistry>(request.options.upload.requestsPerWindow,
            request.options.upload.realWindowMs(),
            request.options.upload.realMarginMs());
    m_client = new sentinel::UploadClient(m_network, m_tokens, limiters, request.options.upload, this);
    m_progressTimer->start(std::max(20, request.options.progressIntervalMs));

    if (!request.ledgerPath.isEmpty()) {
        m_ledger = std::make_unique<store::Ledger>();
        const Status s = m_ledger->open(request.ledgerPath);
        if (!s.ok()) {
            m_summary.errors.append(s.error().message);
            m_ledger.reset();
            for (const sentinel::Target &t : request.targets) {
                TargetProgress p;
                p.targetKey = t.key();
                p.targetName = t.displayName;
                p.state = TargetProgress::State::Failed;
                p.firstError = s.error().message;
                m_summary.targets.append(p);
            }
            finishRun();
            return;
        }
        auto runId = m_ledger->beginRun(request.profile);
        if (runId.ok())
            m_summary.runId = runId.value();
    }

    const SyncPlanner planner(request.input);
    for (const sentinel::Target &t : request.targets) {
        if (m_cancelFlag->load())
            break;
        auto *run = new TargetRun(t, planner.plan(t, m_ledger.get()), m_client, m_ledger.get(), request.options, this);
        connect(run, &TargetRun::changed, this, [this, run]() {
            if (!m_dirty.contains(run))
                m_dirty.append(run);
        });
        connect(run, &TargetRun::done, this, &SyncWorker::onTargetDone);
        m_runs.append(run);
        Q_EMIT progress(run->progress());
    }
    connect(m_client,
        &sentinel::UploadClient::retrying,
        this,
        [this](const QString &targetKey, quint64 batchId, const QString &reason, qint64) {
            for (TargetRun *r : std::as_const(m_runs))
                if (r->progress().targetKey == targetKey)
                    r->noteRetry(batchId, reason);
        });
    if (m_runs.isEmpty() || m_cancelFlag->load()) {
        m_summary.cancelled = m_cancelFlag->load();
        finishRun();
        return;
    }
    const QList<TargetRun *> runs = m_runs;
    for (TargetRun *r : runs)
        r->start();
}

void SyncWorker::cancel()
{
    if (!m_running)
        return;
    m_summary.cancelled = true;
    for (TargetRun *r : std::as_const(m_runs))
        r->cancel();
    if (m_client)
        m_client->cancelAll();
    if (m_tokens)
        m_tokens->cancelAll();
}

void SyncWorker::emitDirty()
{
    const QList<TargetRun *> dirty = m_dirty;
    m_dirty.clear();
    for (TargetRun *r : dirty)
        Q_EMIT progress(r->progress());
}

void SyncWorker::onTargetDone()
{
    for (TargetRun *r : std::as_const(m_runs))
        if (!r->progress().isDone())
            return;
    // Deferred: the last TargetRun is still inside its own signal.
    QMetaObject::invokeMethod(this, &SyncWorker::finishRun, Qt::QueuedConnection);
}

void SyncWorker::finishRun()
{
    if (!m_running)
        return;
    emitDirty();
    for (TargetRun *r : std::as_const(m_runs)) {
        const TargetProgress &p = r->progress();
        Q_EMIT progress(p);
        m_summary.targets.append(p);
        m_summary.rejections.append(r->rejections());
        if (p.state == TargetProgress::State::Failed && !p.firstError.isEmpty())
            m_summary.errors.append(p.targetName % u": "_s % p.firstError);
        if (p.state == TargetProgress::State::Cancelled)
            m_summary.cancelled = true;
    }
    m_summary.finished = QDateTime::currentDateTimeUtc();
    if (m_ledger && m_summary.runId) {
        store::RunRecord rec;
        rec.id = m_summary.runId;
        rec.finished = m_summary.finished;
        rec.outcome = m_summary.cancelled     ? u"cancelled"_s
            : !m_summary.errors.isEmpty()     ? u"failed"_s
            : !m_summary.rejections.isEmpty() ? u"errors"_s
                                              : u"ok"_s;
        rec.errors = m_summary.errors;
        for (const TargetProgress &p : std::as_const(m_summary.targets)) {
            store::RunTargetCounts c;
            c.targetKey = p.targetKey;
            c.targetName = p.targetName;
            c.planned = p.total;
            c.sent = p.sent;
            c.accepted = p.accepted;
            c.rejected = p.rejected;
            c.failed = p.failed;
            c.revoked = p.revoked;
            c.unchanged = p.unchanged;
            c.filtered = p.filtered;
            c.retries = p.retries;
            c.rateLimited = p.rateLimited;
            c.firstError = p.firstError;
            rec.targets.append(c);
        }
        const Status s = m_ledger->finishRun(rec);
        if (!s.ok())
            log::get("sync")->error("{}", s.error().message);
    }
    qDeleteAll(m_runs);
    m_runs.clear();
    m_dirty.clear();
    m_ledger.reset();
    if (m_progressTimer)
        m_progressTimer->stop();
    if (m_client)
        m_client->disconnect(this);
    m_running = false;
    Q_EMIT finished(m_summary);
}

} // namespace msb::sync
