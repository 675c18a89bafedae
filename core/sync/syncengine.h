// SPDX-License-Identifier: BSD-2-Clause
#pragma once

#include "core/sentinel/clientsecretprovider.h"
#include "core/sentinel/ratelimiter.h"
#include "core/sync/syncprogress.h"

#include <QObject>
#include <QThread>

#include <atomic>
#include <memory>

namespace msb::sync {

class SyncWorker;

/// Runs a sync of one conversion to N Sentinel targets, off the calling thread.
///
/// Create it in the thread that wants the signals (the GUI thread, or the CLI's main thread);
/// it owns one worker QThread with its own QNetworkAccessManager, token cache and ledger
/// connection. Every target has its own queue and pacing and runs in parallel with the others.
/// Signals carry value structs and arrive queued on the engine's thread. One run at a time.
///
/// Cancel stops cleanly: nothing new is sent, in-flight requests are aborted and their batches
/// stay unacknowledged in the ledger (re-sent by the next run), finished() still arrives.
/// The destructor cancels and joins the worker thread.
class SyncEngine final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SyncEngine)

public:
    /// `limiters`: share one registry between engines so a per-app rate ceiling is shared;
    /// null: this engine's runs use their own (built from the request's UploadPolicy).
    explicit SyncEngine(std::shared_ptr<sentinel::ClientSecretProvider> secrets,
        std::shared_ptr<sentinel::RateLimiterRegistry> limiters = nullptr,
        QObject *parent = nullptr);
    ~SyncEngine() override;

    /// Starts a run; false (and nothing happens) while another run is going.
    bool start(const SyncRequest &request);
    void cancel();
    bool isRunning() const { return m_running; }

Q_SIGNALS:
    /// A target's progress changed (throttled to SyncOptions::progressIntervalMs).
    void progress(const msb::sync::TargetProgress &progress);
    /// The run ended (also after cancel or a ledger error).
    void finished(const msb::sync::SyncSummary &summary);

private:
    QThread m_thread;
    SyncWorker *m_worker = nullptr;
    std::shared_ptr<std::atomic_bool> m_cancelFlag;
    bool m_running = false;
};

} // namespace msb::sync
