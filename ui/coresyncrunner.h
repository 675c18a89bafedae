// SPDX-License-Identifier: BSD-2-Clause
#pragma once

#include "core/secrets/secretstore.h"
#include "core/sync/syncprogress.h"
#include "ui/syncrunner.h"

#include <QPointer>
#include <QThread>

#include <atomic>
#include <functional>
#include <memory>

namespace msb::sync {
class SyncJob;
struct JobReport;
} // namespace msb::sync

namespace msb::ui {

/// Makes the secret store a worker thread uses (called on that thread; the store lives there).
using SecretStoreFactory = std::function<std::unique_ptr<secrets::SecretStore>()>;

/// The desk's sync over core/sync's SyncJob (the CLI's orchestration): the dry run's objects go to
/// every target of the profile (secrets, token preflight, incremental plan against the ledger,
/// upload with per-target queues, run recorded in the ledger). The job and its network live on a
/// worker thread of this runner; the engine uploads on its own thread; progress and the run record
/// arrive queued on the runner's (UI) thread. One start() per runner.
class CoreSyncRunner final : public SyncRunner
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CoreSyncRunner)
public:
    CoreSyncRunner(
        SecretStoreFactory secretStores, QString ledgerPath, sync::SyncOptions options, QObject *parent = nullptr);
    ~CoreSyncRunner() override;

    void start(const config::Profile &profile, const PreviewPlan &plan) override;
    void cancel() override;

    /// The engine's progress in the desk's shape.
    static TargetProgress toDeskProgress(const sync::TargetProgress &p);
    /// The job's report as a history row (counts per target, errors in plain words).
    static RunRecord toRunRecord(const sync::JobReport &report);

private:
    SecretStoreFactory m_secrets;
    QString m_ledgerPath;
    sync::SyncOptions m_options;
    QThread m_thread;
    QObject *m_host = nullptr; ///< owns the store and the job; lives on m_thread until it ends
    std::shared_ptr<std::atomic_bool> m_cancel = std::make_shared<std::atomic_bool>(false);
    bool m_started = false;
};

} // namespace msb::ui
