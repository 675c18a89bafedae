// SPDX-License-Identifier: BSD-2-Clause
#pragma once

#include "core/sentinel/ratelimiter.h"
#include "core/sentinel/target.h"
#include "core/sentinel/uploadpolicy.h"
#include "core/sentinel/uploadresponse.h"
#include "core/util/result.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>

class QNetworkAccessManager;

namespace msb::sentinel {

class TokenProvider;

/// One request's worth of objects (at most UploadPolicy::maxObjectsPerRequest, bounded bytes).
struct UploadBatch
{
    quint64 id = 0;
    QList<QByteArray> objects; ///< compact JSON of each object, in request order
    QStringList stixIds; ///< same order as objects
};

/// What became of a batch after all retries.
struct BatchResult
{
    enum class Status {
        Done, ///< the API took the request; `rejected` lists refused objects, all others are accepted
        Failed, ///< not taken: `error` says why in plain words (workspace and cause)
        Cancelled, ///< cancelAll() while queued or in flight: unacknowledged
    };
    Status status = Status::Failed;
    QList<RecordError> rejected; ///< recordIndex into the batch
    Error error;
    int attempts = 0; ///< HTTP requests sent for this batch
    int rateLimited = 0; ///< 429 answers received
    int transientFailures = 0;
    bool tokenRefreshed = false;
};

/// Sends batches to one of the two Sentinel upload APIs with pacing, retries and a timeout.
///
/// Behaviour per answer: 200 → Done (per-record errors mapped via recordIndex, both field names);
/// 429 → wait Retry-After, else the seconds in the message, else backoff, and pause the whole
/// rate-limit key; 5xx / network / timeout / unreadable 200 / an answer cut off after its status
/// line → exponential backoff with jitter, at most maxTransientAttempts; 401 → drop the token and retry with a
/// fresh one (a fresh token refused before any other answer → Failed); 400/403/404/other 4xx → Failed at once.
///
/// Threading: lives in the thread of `network` (the sync worker). Callbacks run later on that
/// thread. The token provider and network manager must outlive the client.
class UploadClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UploadClient)

public:
    using Callback = std::function<void(BatchResult)>;

    UploadClient(QNetworkAccessManager *network,
        TokenProvider *tokens,
        std::shared_ptr<RateLimiterRegistry> limiters,
        const UploadPolicy &policy,
        QObject *parent = nullptr);
    ~UploadClient() override;

    void upload(const Target &target, UploadBatch batch, Callback callback);
    /// Aborts everything queued or in flight; callbacks get Status::Cancelled.
    void cancelAll();
    int activeBatches() const { return int(m_jobs.size()); }
    const UploadPolicy &policy() const { return m_policy; }

    /// The request body for the target's API: {"sourcesystem":…,"stixobjects"|"value":[…]}.
    static QByteArray buildBody(const Target &target, const QList<QByteArray> &objects);

Q_SIGNALS:
    /// A batch will be re-sent after `delayMs` real milliseconds; `reason` in plain words.
    void retrying(const QString &targetKey, quint64 batchId, const QString &reason, qint64 delayMs);

private:
    struct Job;
    void acquireToken(quint64 serial);
    void schedule(quint64 serial);
    void send(quint64 serial);
    void handleAnswer(
        quint64 serial, int status, const QByteArray &retryAfter, const QByteArray &body, const QString &netError);
    void retryLater(quint64 serial, qint64 realDelayMs, const QString &reason);
    void complete(quint64 serial, BatchResult result);
    qint64 backoffMs(int failures) const;

    QNetworkAccessManager *m_network;
    TokenProvider *m_tokens;
    std::shared_ptr<RateLimiterRegistry> m_limiters;
    UploadPolicy m_policy;
    QHash<quint64, std::shared_ptr<Job>> m_jobs;
    quint64 m_nextSerial = 1;
};

} // namespace msb::sentinel
