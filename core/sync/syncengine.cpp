// SPDX-License-Identifier: BSD-2-Clause
#include "core/sync/syncengine.h"

#include "core/sync/syncworker.h"

using namespace Qt::Literals::StringLiterals;

namespace msb::sync {

SyncEngine::SyncEngine(std::shared_ptr<sentinel::ClientSecretProvider> secrets,
    std::shared_ptr<sentinel::RateLimiterRegistry> limiters,
    QObject *parent)
    : QObject(parent)
    , m_cancelFlag(std::make_shared<std::atomic_bool>(false))
{
    qRegisterMetaType<msb::sync::TargetProgress>();
    qRegisterMetaType<msb::sync::SyncSummary>();
    m_thread.setObjectName(u"msb-sync"_s);
    m_worker = new SyncWorker(std::move(secrets), std::move(limiters), m_cancelFlag);
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &SyncWorker::progress, this, &SyncEngine::progress);
    connect(m_worker, &SyncWorker::finished, this, [this](const SyncSummary &summary) {
        m_running = false;
        Q_EMIT finished(summary);
    });
    m_thread.start();
}

SyncEngine::~SyncEngine()
{
    cancel();
    m_thread.quit();
    m_thread.wait();
}

bool SyncEngine::start(const SyncRequest &request)
{
    if (m_running)
        return false;
    m_running = true;
    m_cancelFlag->store(false);
    SyncWorker *worker = m_worker;
    QMetaObject::invokeMethod(
        worker, [worker, request]() { worker->run(request); }, Qt::QueuedConnection);
    return true;
}

void SyncEngine::cancel()
{
    if (!m_running)
        return;
    m_cancelFlag->store(true);
    SyncWorker *worker = m_worker;
    QMetaObject::invokeMethod(
        worker, [worker]() { worker->cancel(); }, Qt::QueuedConnection);
}

} // namespace msb::sync
