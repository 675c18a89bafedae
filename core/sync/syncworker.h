// SPDX-License-Identifier: BSD-2-Clause
#pragma once

#include "core/sentinel/clientsecretprovider.h"
#include "core/sentinel/ratelimiter.h"
#include "core/sync/syncprogress.h"

#include <QList>
#include <QObject>
#include <QPointer>

#include <atomic>
#include <memory>

class QNetworkAccessManager;
class QTimer;

namespace msb::store {
class Ledger;
}
namespace msb::sentinel {
class TokenProvider;
class UploadClient;
} // namespace msb::sentinel

namespace msb::sync {

class TargetRun;

/// Runs syncs inside the engine's worker thread (owns the QNetworkAccessManager, token cache and
/// ledger connection of that thread). Internal to SyncEngine.
class SyncWorker final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SyncWorker)

public:
    SyncWorker(std::shared_ptr<sentinel::ClientSecretProvider> secrets,
        std::shared_ptr<sentinel::RateLimiterRegistry> limiters,
        std::shared_ptr<std::atomic_bool> cancelFlag);
    ~SyncWorker() override;

    void run(const SyncRequest &request);
    void cancel();

Q_SIGNALS:
    void progress(const msb::sync::TargetProgress &progress);
    void finished(const msb::sync::SyncSummary &summary);

private:
    void emitDirty();
    void onTargetDone();
    void finishRun();

    std::shared_ptr<sentinel::ClientSecretProvider> m_secrets;
    std::shared_ptr<sentinel::RateLimiterRegistry> m_limiters;
    std::shared_ptr<std::atomic_bool> m_cancelFlag;
    QNetworkAccessManager *m_network = nullptr;
    sentinel::TokenProvider *m_tokens = nullptr;
    sentinel::UploadClient *m_client = nullptr;
    std::unique_ptr<store::Ledger> m_ledger;
    QList<TargetRun *> m_runs;
    QList<TargetRun *> m_dirty;
    QTimer *m_progressTimer = nullptr;
    SyncSummary m_summary;
    bool m_running = false;
};

} // namespace msb::sync
