// SPDX-License-Identifier: BSD-2-Clause
#include "ui/coresyncrunner.h"

#include "core/sync/syncjob.h"

namespace msb::ui {

namespace {

/// Owns the secret store and the job on the worker thread; deleted there when the thread ends.
class JobHost final : public QObject
{
public:
    std::unique_ptr<secrets::SecretStore> store;
    ~JobHost() override
    {
        // The job reads the store until it is gone: delete it first.
        qDeleteAll(findChildren<sync::SyncJob *>(Qt::FindDirectChildrenOnly));
    }
};

} // namespace

CoreSyncRunner::CoreSyncRunner(
    SecretStoreFactory secretStores, QString ledgerPath, sync::SyncOptions options, QObject *parent)
    : SyncRunner(parent)
    , m_secrets(std::move(secretStores))
    , m_ledgerPath(std::move(ledgerPath))
    , m_options(std::move(options))
{
    m_thread.setObjectName(QStringLiteral("desk-sync"));
}

CoreSyncRunner::~CoreSyncRunner()
{
    cancel();
    m_thread.quit();
    m_thread.wait();
}

TargetProgress CoreSyncRunner::toDeskProgress(const sync::TargetProgress &p)
{
    TargetProgress d;
    d.target = p.targetName;
    d.total = p.total;
    d.sent = p.sent;
    d.accepted = p.accepted;
    d.rejected = p.rejected;
    d.failed = p.failed;
    d.retrying = p.retrying;
    d.objectsPerSecond = p.objectsPerSecond;
    d.etaSeconds = p.etaSeconds < 0 ? -1 : qint64(p.etaSeconds + 0.5);
    d.firstError = p.firstError;
    d.finished = p.isDone();
    return d;
}

RunRecord CoreSyncRunner::toRunRecord(const sync::JobReport &report)
{
    RunRecord run;
    run.started = report.started;
    run.finished = report.finished;
    run.profile = report.profile;
    run.cancelled
        = (report.fatal && report.fatal->code == Error::Code::Cancelled) || (report.sync && report.sync->cancelled);
    if (report.sync) {
        for (const sync::TargetProgress &p : report.sync->targets) {
            TargetCounts c;
            c.target = p.targetName;
            c.accepted = p.accepted - p.revoked;
            c.revoked = p.revoked;
            c.rejected = p.rejected;
            c.skipped = p.unchanged + p.filtered;
            c.error = p.firstError;
            run.targets.append(c);
        }
        run.errors.append(report.sync->errors);
    } else if (report.fatal && !run.cancelled) {
        // Stopped before uploading: the ledger has the same run (SyncJob records it).
        run.stopped = true;
        for (const sync::TargetCheck &c : report.checks) {
            TargetCounts t;
            t.target = c.targetName;
            t.error = c.ok ? report.fatal->message : c.error.message;
            run.targets.append(t);
        }
    }
    run.errors.append(report.targetErrors);
    if (report.fatal && !run.cancelled)
        run.errors.append(report.fatal->message);
    return run;
}

void CoreSyncRunner::start(const config::Profile &profile, const PreviewPlan &plan)
{
    if (m_started)
        return;
    m_started = true;
    sync::JobOptions options;
    options.mode = sync::JobMode::Sync;
    options.ledgerPath = m_ledgerPath;
    options.sync = m_options;
    options.keepDetails = false;
    sync::PlanInput input;
    const qsizetype count = plan.inputObjects < 0 ? plan.objects.size() : plan.inputObjects;
    input.objects = plan.objects.mid(0, count);
    input.fetchedEventUuids = plan.fetchedEventUuids;
    options.input = std::move(input);

    auto *host = new JobHost;
    host->moveToThread(&m_thread);
    m_host = host;
    connect(&m_thread, &QThread::finished, host, &QObject::deleteLater);
    m_thread.start();
    QMetaObject::invokeMethod(
        host, [this, host, profile, options = std::move(options), factory = m_secrets, cancelled = m_cancel] {
            // On the worker thread: the store and the job belong here.
            host->store = factory ? factory() : nullptr;
            auto *job = new sync::SyncJob(profile, host->store.get(), options, host);
            connect(job, &sync::SyncJob::targetProgress, this, [this](const sync::TargetProgress &p) {
                Q_EMIT progress(toDeskProgress(p));
            });
            connect(job, &sync::SyncJob::finished, this, [this](const sync::JobReport &report) {
                Q_EMIT finished(toRunRecord(report));
            });
            job->start();
            if (cancelled->load())
                job->cancel(); // Cancel came before the job existed
        });
}

void CoreSyncRunner::cancel()
{
    if (!m_host || m_cancel->exchange(true))
        return;
    QMetaObject::invokeMethod(m_host, [host = m_host] {
        for (sync::SyncJob *job : host->findChildren<sync::SyncJob *>(Qt::FindDirectChildrenOnly))
            job->cancel();
    });
}

} // namespace msb::ui
