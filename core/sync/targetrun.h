// SPDX-License-Identifier: BSD-2-Clause
#pragma once

#include "core/sentinel/target.h"
#include "core/sync/syncplanner.h"
#include "core/sync/syncprogress.h"

#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QObject>
#include <QSet>

namespace msb::store {
class Ledger;
}
namespace msb::sentinel {
class UploadClient;
struct BatchResult;
} // namespace msb::sentinel

namespace msb::sync {

/// Sends one target's plan: its own queue, at most maxInFlightPerTarget batches at once, each
/// batch recorded in the ledger before it goes and acknowledged after its answer.
/// Internal to the sync worker thread; not for use elsewhere.
class TargetRun final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TargetRun)

public:
    TargetRun(const sentinel::Target &target,
        TargetPlan plan,
        sentinel::UploadClient *client,
        store::Ledger *ledger,
        const SyncOptions &options,
        QObject *parent = nullptr);

    void start();
    /// Stops queuing; the client's cancelAll() ends what is in flight (left unacknowledged).
    void cancel();
    const TargetProgress &progress() const { return m_progress; }
    const QList<ObjectRejection> &rejections() const { return m_rejections; }
    void noteRetry(quint64 batchId, const QString &reason);

Q_SIGNALS:
    void changed();
    void done();

private:
    struct InFlight
    {
        int from = 0;
        int count = 0;
    };
    void pump();
    void onResult(quint64 batchId, const sentinel::BatchResult &result);
    void stop(const QString &error);
    void finishIfIdle();
    void updateRates();

    sentinel::Target m_target;
    TargetPlan m_plan;
    QList<int> m_sendIndex; ///< indexes into m_plan.items that carry json
    QList<qsizetype> m_sizes; ///< their json sizes
    int m_next = 0;
    sentinel::UploadClient *m_client;
    store::Ledger *m_ledger;
    SyncOptions m_options;
    TargetProgress m_progress;
    QList<ObjectRejection> m_rejections;
    QHash<quint64, InFlight> m_inFlight;
    QSet<quint64> m_retrying;
    quint64 m_localBatchId = 0;
    int m_consecutiveFailures = 0;
    bool m_stopped = false;
    bool m_cancelled = false;
    bool m_done = false;
    QElapsedTimer m_clock;
};

} // namespace msb::sync
