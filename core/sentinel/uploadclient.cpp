// SPDX-License-Identifier: BSD-2-Clause
#include "core/sentinel/uploadclient.h"

#include "core/log/logging.h"
#include "core/log/redact.h"
#include "core/net/tlstrust.h"
#include "core/sentinel/tokenprovider.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonValue>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>
#include <QRandomGenerator>
#include <QTimer>

using namespace Qt::Literals::StringLiterals;

namespace msb::sentinel {

struct UploadClient::Job
{
    Target target;
    UploadBatch batch;
    QByteArray body;
    Callback callback;
    std::shared_ptr<RateLimiter> limiter;
    BatchResult result;
    QString token;
    QPointer<QNetworkReply> reply;
    QPointer<QTimer> timer; ///< the one pending wait (slot, backoff) or the request deadline
    quint64 slot = 0; ///< rate-limiter reservation of the current attempt
    bool timedOut = false;
    /// The token fetched after a 401 has not yet been answered with anything but 401. A second
    /// 401 then means the app itself is refused; once any other answer proves the new token, a
    /// later 401 (it expired during long 429 waits) earns one more refresh. Bounded, because
    /// every other answer counts against the transient or rate-limit attempt limits.
    bool refreshedTokenUnproven = false;
    QString lastCause;
};

namespace {

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

/// True when the transport broke (connection closed or reset, timeout abort, garbled HTTP) rather
/// than the server answering with an error status: the body that did arrive is incomplete.
bool transportBroke(QNetworkReply::NetworkError e)
{
    // Qt numbers network and proxy errors below 200; 2xx-4xx codes mirror HTTP statuses.
    return e != QNetworkReply::NoError && (int(e) < 200 || e == QNetworkReply::ProtocolFailure);
}

QString envelopeText(const UploadResponse &r)
{
    if (r.serverCode.isEmpty() && r.serverMessage.isEmpty())
        return QString();
    if (r.serverCode.isEmpty())
        return r.serverMessage;
    return r.serverCode % u": "_s % r.serverMessage;
}

} // namespace

UploadClient::UploadClient(QNetworkAccessManager *network,
    TokenProvider *tokens,
    std::shared_ptr<RateLimiterRegistry> limiters,
    const UploadPolicy &policy,
    QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_tokens(tokens)
    , m_limiters(std::move(limiters))
    , m_policy(policy)
{
    if (!m_limiters)
        m_limiters = std::make_shared<RateLimiterRegistry>(
            m_policy.requestsPerWindow, m_policy.realWindowMs(), m_policy.realMarginMs());
}

UploadClient::~UploadClient()
{
    cancelAll();
}

QByteArray UploadClient::buildBody(const Target &target, const QList<QByteArray> &objects)
{
    qsizetype size = 64 + target.sourceSystem.size() * 2;
    for (const QByteArray &o : objects)
        size += o.size() + 1;
    QByteArray body;
    body.reserve(size);
    body += "{\"sourcesystem\":";
    body += QJsonDocument(QJsonArray { target.sourceSystem }).toJson(QJsonDocument::Compact).mid(1).chopped(1);
    body += target.apiKind == ApiKind::LegacyIndicators ? ",\"value\":[" : ",\"stixobjects\":[";
    for (qsizetype i = 0; i < objects.size(); ++i) {
        if (i)
            body += ',';
        body += objects.at(i);
    }
    body += "]}";
    return body;
}

void UploadClient::upload(const Target &target, UploadBatch batch, Callback callback)
{
    auto job = std::make_shared<Job>();
    job->target = target;
    job->body = buildBody(target, batch.objects);
    job->batch = std::move(batch);
    job->callback = std::move(callback);
    job->limiter = m_limiters->limiter(target.rateLimitKey());
    const quint64 serial = m_nextSerial++;
    m_jobs.insert(serial, job);
    acquireToken(serial);
}

void UploadClient::cancelAll()
{
    const QList<quint64> serials = m_jobs.keys();
    for (quint64 serial : serials) {
        const auto job = m_jobs.value(serial);
        if (!job)
            continue;
        if (job->timer)
            job->timer->deleteLater();
        if (job->reply) {
            QNetworkReply *reply = job->reply;
            job->reply = nullptr;
            reply->disconnect(this);
            reply->abort();
            reply->deleteLater();
            job->limiter->complete(job->slot, nowMs());
        }
        BatchResult r = job->result;
        r.status = BatchResult::Status::Cancelled;
        r.error = Error { Error::Code::Cancelled, u"cancelled before the answer arrived"_s, 0 };
        complete(serial, r);
    }
}

void UploadClient::acquireToken(quint64 serial)
{
    const auto job = m_jobs.value(serial);
    if (!job)
        return;
    m_tokens->token(job->target, [this, serial](Result<AccessToken> token) {
        const auto j = m_jobs.value(serial);
        if (!j)
            return;
        if (!token.ok()) {
            BatchResult r = j->result;
            r.status = token.error().code == Error::Code::Cancelled ? BatchResult::Status::Cancelled
                                                                    : BatchResult::Status::Failed;
            r.error = token.error();
            complete(serial, r);
            return;
        }
        j->token = token.value().token;
        schedule(serial);
    });
}

void UploadClient::schedule(quint64 serial)
{
    const auto job = m_jobs.value(serial);
    if (!job)
        return;
    const qint64 now = nowMs();
    const RateLimiter::Reservation reservation = job->limiter->reserve(now);
    job->slot = reservation.id;
    const qint64 at = reservation.at;
    if (at <= now) {
        send(serial);
        return;
    }
    auto *timer = new QTimer(this);
    timer->setSingleShot(true);
    timer->setTimerType(Qt::PreciseTimer);
    connect(timer, &QTimer::timeout, this, [this, serial, timer]() {
        timer->deleteLater();
        const auto j = m_jobs.value(serial);
        if (!j)
            return;
        j->timer = nullptr;
        // A 429 elsewhere on this key may have paused it after this slot was reserved.
        if (j->limiter->pausedUntil() > nowMs()) {
            schedule(serial);
            return;
        }
        send(serial);
    });
    job->timer = timer;
    timer->start(int(std::min<qint64>(at - now, qint64(24) * 3600 * 1000)));
}

void UploadClient::send(quint64 serial)
{
    const auto job = m_jobs.value(serial);
    if (!job)
        return;
    QNetworkRequest request(job->target.uploadUrl());
    request.setHeader(QNetworkRequest::ContentTypeHeader, u"application/json"_s);
    request.setRawHeader("Authorization", "Bearer " + job->token.toUtf8());
    net::applyTrust(request, job->target.tls);
    ++job->result.attempts;
    job->timedOut = false;
    QNetworkReply *reply = m_network->post(request, job->body);
    net::attachTrustCheck(reply, job->target.tls);
    job->reply = reply;

    auto *deadline = new QTimer(reply);
    deadline->setSingleShot(true);
    connect(deadline, &QTimer::timeout, this, [this, serial, reply]() {
        const auto j = m_jobs.value(serial);
        if (j && j->reply == reply) {
            j->timedOut = true;
            reply->abort();
        }
    });
    deadline->start(int(m_policy.requestTimeoutMs));

    connect(reply, &QNetworkReply::finished, this, [this, serial, reply]() {
        reply->deleteLater();
        const auto j = m_jobs.value(serial);
        if (!j || j->reply != reply)
            return;
        j->reply = nullptr;
        j->limiter->complete(j->slot, nowMs());
        int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        QString netError;
        // A status line followed by a cut answer (connection closed before the whole body, reset,
        // timeout) is no answer: a 200 whose errors[] never arrived must not count as "all accepted".
        // 401/403/404/429 are kept: their status alone decides and the headers (Retry-After) arrived.
        if (status != 0 && transportBroke(reply->error()) && status != 401 && status != 403 && status != 404
            && status != 429) {
            netError = u"the HTTP %1 answer was cut off (%2)"_s.arg(status).arg(j->timedOut
                    ? u"no complete answer within %1 s"_s.arg(double(m_policy.requestTimeoutMs) / 1000.0)
                    : reply->errorString());
            status = 0;
        } else if (status == 0) {
            if (j->timedOut) {
                netError = u"no answer within %1 s"_s.arg(double(m_policy.requestTimeoutMs) / 1000.0);
            } else {
                const net::CertificateDetails tls = net::tlsFailureDetails(reply);
                netError = tls.subject.isEmpty() ? reply->errorString() : u"TLS: "_s % tls.errors.join(u"; "_s);
            }
        }
        handleAnswer(
            serial, status, reply->rawHeader("Retry-After"), status ? reply->readAll() : QByteArray(), netError);
    });
}

qint64 UploadClient::backoffMs(int failures) const
{
    const int exp = std::clamp(failures - 1, 0, 20);
    const qint64 ceiling = std::min(m_policy.backoffMaxMs, m_policy.backoffBaseMs << exp);
    // Equal jitter: half fixed so the wait grows, half random so parallel clients spread out.
    const qint64 half = ceiling / 2;
    const qint64 jitter = half > 0 ? qint64(QRandomGenerator::global()->bounded(quint64(half) + 1)) : 0;
    return m_policy.realMs(half + jitter);
}

void UploadClient::handleAnswer(
    quint64 serial, int status, const QByteArray &retryAfter, const QByteArray &body, const QString &netError)
{
    const auto job = m_jobs.value(serial);
    if (!job)
        return;
    const Target &t = job->target;
    const QString ws = t.describe();
    const UploadResponse r = classifyUploadResponse(status, retryAfter, body);
    const QString detail = envelopeText(r);
    if (r.kind != UploadResponse::Kind::Unauthorized)
        job->refreshedTokenUnproven = false;
    BatchResult result = job->result;
    const int n = int(job->batch.objects.size());

    auto fail = [&](Error::Code code, const QString &message) {
        result.status = BatchResult::Status::Failed;
        result.error = Error { code, log::redact(message), status };
        complete(serial, result);
    };

    switch (r.kind) {
    case UploadResponse::Kind::Accepted:
        result.status = BatchResult::Status::Done;
        for (const RecordError &e : r.recordErrors) {
            if (e.recordIndex >= 0 && e.recordIndex < n)
                result.rejected.append(e);
            else
                log::get("sentinel")
                    ->warn("{}: the API reported an error for record {} of a {}-object batch", ws, e.recordIndex, n);
        }
        complete(serial, result);
        return;
    case UploadResponse::Kind::Unauthorized:
        if (!job->refreshedTokenUnproven) {
            result.tokenRefreshed = true;
            job->refreshedTokenUnproven = true;
            job->result = result;
            m_tokens->invalidate(t);
            log::get("sentinel")->info("{}: token refused (401), fetching a new one", ws);
            acquireToken(serial);
            return;
        }
        fail(Error::Code::Authentication,
            u"the Sentinel API refused the token of app %1 for %2 (HTTP 401%3)"_s.arg(t.clientId,
                ws,
                detail.isEmpty() ? u", empty answer: the token's audience is not accepted"_s : u": "_s % detail));
        return;
    case UploadResponse::Kind::RateLimited: {
        ++result.rateLimited;
        job->result = result;
        if (result.rateLimited >= m_policy.maxRateLimitedAttempts) {
            fail(Error::Code::RateLimited,
                u"%1 still answered 429 (rate limit) after %2 attempts; the batch of %3 objects stays unsent"_s.arg(ws)
                    .arg(result.rateLimited)
                    .arg(n));
            return;
        }
        // Retry-After and the message's seconds are real time, even from a sandbox with a scaled clock.
        const qint64 wait
            = r.retryAfterMs >= 0 ? r.retryAfterMs + m_policy.realMarginMs() : backoffMs(result.rateLimited);
        job->limiter->pauseUntil(nowMs() + wait);
        retryLater(serial,
            wait,
            r.retryAfterMs >= 0 ? u"rate limited (429), waiting %1 s as asked"_s.arg(double(r.retryAfterMs) / 1000.0)
                                : u"rate limited (429) without a wait time, backing off"_s);
        return;
    }
    case UploadResponse::Kind::Transient: {
        ++result.transientFailures;
        job->result = result;
        const QString cause
            = status == 0 ? netError : (u"HTTP %1"_s.arg(status) % (detail.isEmpty() ? QString() : u": "_s % detail));
        if (result.transientFailures >= m_policy.maxTransientAttempts) {
            fail(status == 0 ? (job->timedOut ? Error::Code::Timeout : Error::Code::Network) : Error::Code::Server,
                u"%1: gave up on a batch of %2 objects after %3 failed attempts (last: %4)"_s.arg(ws)
                    .arg(n)
                    .arg(result.transientFailures)
                    .arg(cause));
            return;
        }
        retryLater(serial, backoffMs(result.transientFailures), cause);
        return;
    }
    case UploadResponse::Kind::Fatal:
        break;
    }
    const QString suffix = detail.isEmpty() ? QString() : u": "_s % detail;
    switch (status) {
    case 400:
        fail(Error::Code::InvalidInput, u"%1 refused the request as malformed (HTTP 400%2)"_s.arg(ws, suffix));
        return;
    case 403:
        fail(Error::Code::Authorization,
            u"app %1 may not write to %2: assign the Microsoft Sentinel Contributor role to app %1 on workspace %3 "
            u"(HTTP 403%4)"_s.arg(t.clientId, ws, t.workspaceId, suffix));
        return;
    case 404:
        fail(Error::Code::NotFound,
            u"%1 was not found (HTTP 404): check the workspace id (the GUID, not the name) and the cloud%2"_s.arg(
                ws, suffix));
        return;
    case 413:
        fail(Error::Code::InvalidInput,
            u"%1 refused a batch of %2 objects as too large (HTTP 413); lower the batch byte limit"_s.arg(ws).arg(n));
        return;
    default:
        fail(Error::Code::Other, u"%1 refused the upload with HTTP %2%3"_s.arg(ws).arg(status).arg(suffix));
        return;
    }
}

void UploadClient::retryLater(quint64 serial, qint64 realDelayMs, const QString &reason)
{
    const auto job = m_jobs.value(serial);
    if (!job)
        return;
    job->lastCause = reason;
    log::get("sentinel")
        ->warn("{}: batch {} ({} objects): {}; retrying in {} ms",
            job->target.describe(),
            job->batch.id,
            job->batch.objects.size(),
            log::redact(reason),
            realDelayMs);
    Q_EMIT retrying(job->target.key(), job->batch.id, reason, realDelayMs);
    auto *timer = new QTimer(this);
    timer->setSingleShot(true);
    connect(timer, &QTimer::timeout, this, [this, serial, timer]() {
        timer->deleteLater();
        const auto j = m_jobs.value(serial);
        if (!j)
            return;
        j->timer = nullptr;
        // Ask for the token again: the one held may have expired during the wait, or another
        // batch may already have refreshed it (the provider answers from its cache).
        acquireToken(serial);
    });
    job->timer = timer;
    timer->start(int(std::clamp<qint64>(realDelayMs, 0, qint64(24) * 3600 * 1000)));
}

void UploadClient::complete(quint64 serial, BatchResult result)
{
    const auto job = m_jobs.take(serial);
    if (!job)
        return;
    if (job->timer)
        job->timer->deleteLater();
    if (result.status == BatchResult::Status::Failed)
        log::get("sentinel")->error("{}", result.error.message);
    Callback cb = std::move(job->callback);
    QMetaObject::invokeMethod(
        this, [cb = std::move(cb), result = std::move(result)]() { cb(result); }, Qt::QueuedConnection);
}

} // namespace msb::sentinel
