// SPDX-License-Identifier: BSD-2-Clause
#pragma once

#include "ui/syncrunner.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QPointer>
#include <QThread>

#include <atomic>
#include <memory>

namespace msb::ui::test {

/// A sync engine stand-in for GUI tests and the desk benchmark: a worker thread "uploads" the plan's
/// sendable objects in batches of 100 at a given rate and reports progress per target like the real
/// engine (queued signals to the runner's thread). Never touches the network.
class SimulatedSyncRunner final : public SyncRunner
{
    Q_OBJECT
public:
    SimulatedSyncRunner(double objectsPerSecond, int rejectEvery, QObject *parent = nullptr)
        : SyncRunner(parent)
        , m_rate(objectsPerSecond)
        , m_rejectEvery(rejectEvery)
    { }
    ~SimulatedSyncRunner() override
    {
        m_cancel->store(true);
        if (m_thread) {
            m_thread->wait();
            delete m_thread;
        }
    }

    void start(const config::Profile &profile, const PreviewPlan &plan) override
    {
        const QString profileName = profile.name;
        QList<qint64> totals;
        for (qsizetype t = 0; t < plan.targets.size(); ++t) {
            const QList<int> counts = plan.countsForTarget(t);
            totals.append(
                counts[int(PlanStatus::New)] + counts[int(PlanStatus::Changed)] + counts[int(PlanStatus::Revoke)]);
        }
        const QStringList targets = plan.targets;
        auto cancel = m_cancel;
        const double rate = m_rate;
        const int rejectEvery = m_rejectEvery;
        QPointer<SimulatedSyncRunner> self(this);
        m_thread = QThread::create([self, cancel, targets, totals, rate, rejectEvery, profileName] {
            RunRecord run;
            run.started = QDateTime::currentDateTimeUtc();
            run.profile = profileName;
            QList<TargetProgress> progress;
            for (qsizetype t = 0; t < targets.size(); ++t) {
                TargetProgress p;
                p.target = targets.at(t);
                p.total = totals.at(t);
                progress.append(p);
            }
            QElapsedTimer clock;
            clock.start();
            bool more = true;
            while (more && !cancel->load()) {
                more = false;
                for (TargetProgress &p : progress) {
                    const qint64 done = p.accepted + p.rejected;
                    if (done >= p.total) {
                        if (!p.finished) {
                            p.finished = true;
                            QMetaObject::invokeMethod(self, [self, p] {
                                if (self)
                                    Q_EMIT self->progress(p);
                            });
                        }
                        continue;
                    }
                    more = true;
                    const qint64 batch = std::min<qint64>(100, p.total - done);
                    qint64 rejected = 0;
                    if (rejectEvery > 0)
                        rejected = (done + batch) / rejectEvery - done / rejectEvery;
                    p.sent += batch;
                    p.rejected += rejected;
                    p.accepted += batch - rejected;
                    if (rejected > 0 && p.firstError.isEmpty())
                        p.firstError = QStringLiteral("indicator rejected: valid_until is before valid_from");
                    const double seconds = std::max(0.001, double(clock.elapsed()) / 1000.0);
                    p.objectsPerSecond = double(p.accepted + p.rejected) / seconds;
                    p.etaSeconds = p.objectsPerSecond > 0
                        ? qint64(double(p.total - p.accepted - p.rejected) / p.objectsPerSecond)
                        : -1;
                    QMetaObject::invokeMethod(self, [self, p] {
                        if (self)
                            Q_EMIT self->progress(p);
                    });
                }
                if (rate > 0)
                    QThread::usleep(static_cast<unsigned long>(100.0 * double(progress.size()) / rate * 1e6));
            }
            run.cancelled = cancel->load();
            run.finished = QDateTime::currentDateTimeUtc();
            for (const TargetProgress &p : progress)
                run.targets.append(TargetCounts { p.target, p.accepted, p.rejected, 0, 0, p.firstError });
            QMetaObject::invokeMethod(self, [self, run] {
                if (self)
                    Q_EMIT self->finished(run);
            });
        });
        m_thread->start();
    }

    void cancel() override { m_cancel->store(true); }

private:
    double m_rate;
    int m_rejectEvery;
    std::shared_ptr<std::atomic_bool> m_cancel = std::make_shared<std::atomic_bool>(false);
    QThread *m_thread = nullptr;
};

} // namespace msb::ui::test
