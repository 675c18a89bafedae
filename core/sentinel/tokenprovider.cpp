// SPDX-License-Identifier: BSD-2-Clause
#include "core/sentinel/tokenprovider.h"

#include "core/log/logging.h"
#include "core/log/redact.h"
#include "core/net/tlstrust.h"
#include "core/sentinel/tokenerror.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>

using namespace Qt::Literals::StringLiterals;

namespace msb::sentinel {

namespace {
constexpr int kMaxAttempts = 3;
}

TokenProvider::TokenProvider(
    QNetworkAccessManager *network, std::shared_ptr<ClientSecretProvider> secrets, QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_secrets(std::move(secrets))
{ }

// A throw from cancelAll() (out of memory, or a waiter's callback throwing) ends in std::terminate,
// as for any destructor; there is nothing sensible to recover from while the provider goes away.
// NOLINTNEXTLINE(bugprone-exception-escape): terminating is the intended outcome, see above
TokenProvider::~TokenProvider()
{
    cancelAll();
}

qint64 TokenProvider::refreshMarginMs(qint64 lifetimeMs)
{
    return std::min<qint64>(300'000, lifetimeMs / 10);
}

void TokenProvider::token(const Target &target, Callback callback)
{
    const QString key = target.tokenKey();
    const auto cached = m_cache.constFind(key);
    if (cached != m_cache.constEnd() && cached->expiresAtMs > QDateTime::currentMSecsSinceEpoch()) {
        const AccessToken &t = *cached; // copied into the lambda below
        QMetaObject::invokeMethod(
            this, [callback = std::move(callback), t]() { callback(t); }, Qt::QueuedConnection);
        return;
    }
    auto it = m_pending.find(key);
    if (it != m_pending.end()) {
        it->waiters.append(std::move(callback));
        return;
    }
    Pending p;
    p.target = target;
    p.waiters.append(std::move(callback));
    m_pending.insert(key, p);
    fetch(key);
}

void TokenProvider::invalidate(const Target &target)
{
    m_cache.remove(target.tokenKey());
}

void TokenProvider::cancelAll()
{
    const QStringList keys = m_pending.keys();
    for (const QString &key : keys) {
        auto it = m_pending.find(key);
        if (it == m_pending.end())
            continue;
        if (it->reply) {
            QNetworkReply *reply = it->reply;
            it->reply = nullptr;
            reply->disconnect(this);
            reply->abort();
            reply->deleteLater();
        }
        finish(key, Error { Error::Code::Cancelled, u"cancelled"_s, 0 });
    }
}

void TokenProvider::fetch(const QString &key)
{
    auto it = m_pending.find(key);
    if (it == m_pending.end())
        return;
    const Target target = it->target;
    QPointer<TokenProvider> self(this);
    m_secrets->requestSecret(target.tenantId, target.clientId, [self, key](Result<QString> secret) {
        if (!self)
            return;
        if (!self->m_pending.contains(key))
            return; // cancelled meanwhile
        if (!secret.ok()) {
            self->finish(key, secret.error());
            return;
        }
        log::registerSecret(secret.value());
        self->post(key, secret.value());
    });
}

void TokenProvider::post(const QString &key, const QString &secret)
{
    auto it = m_pending.find(key);
    if (it == m_pending.end())
        return;
    const Target &target = it->target;
    ++it->attempt;
    const QUrl url = target.tokenUrl();
    QString why;
    if (!net::isAllowedUrl(url, &why)) {
        finish(key,
            Error { Error::Code::Configuration, u"token endpoint %1 refused: %2"_s.arg(log::redactUrl(url), why), 0 });
        return;
    }
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, u"application/x-www-form-urlencoded"_s);
    request.setTransferTimeout(m_timeoutMs);
    net::applyTrust(request, target.tls);
    // Built by hand: QUrlQuery leaves '+' alone, which a form decoder reads as a space.
    auto enc = [](const QString &v) { return QUrl::toPercentEncoding(v); };
    const QByteArray form = "client_id=" + enc(target.clientId) + "&scope=" + enc(target.scope())
        + "&client_secret=" + enc(secret) + "&grant_type=client_credentials";
    ++m_requestsSent;
    QNetworkReply *reply = m_network->post(request, form);
    net::attachTrustCheck(reply, target.tls);
    it->reply = reply;
    const qint64 sentAt = QDateTime::currentMSecsSinceEpoch();
    connect(reply, &QNetworkReply::finished, this, [this, key, reply, sentAt, secret]() {
        reply->deleteLater();
        auto pit = m_pending.find(key);
        if (pit == m_pending.end() || pit->reply != reply)
            return;
        pit->reply = nullptr;
        const Target t = pit->target;
        int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QByteArray body = reply->readAll();
        // An answer cut off after its status line (closed, reset, timed out) is no answer: retried
        // like a network error rather than read as "unreadable" or as an error body.
        const QNetworkReply::NetworkError netError = reply->error();
        if (netError != QNetworkReply::NoError && (int(netError) < 200 || netError == QNetworkReply::ProtocolFailure))
            status = 0;
        if (status == 200) {
            const std::optional<TokenAnswer> answer = readTokenAnswer(body);
            if (!answer) {
                finish(key,
                    Error { Error::Code::Server,
                        u"the token service sent an unreadable answer for app %1 in tenant %2"_s.arg(
                            t.clientId, t.tenantId),
                        status });
                return;
            }
            log::registerSecret(answer->accessToken);
            const qint64 lifetime = answer->expiresInSeconds * 1000;
            AccessToken token { answer->accessToken, sentAt + lifetime - refreshMarginMs(lifetime) };
            m_cache.insert(key, token);
            finish(key, token);
            return;
        }
        const bool transient = status == 0 || status >= 500 || status == 429;
        if (transient && pit->attempt < kMaxAttempts) {
            log::get("sentinel")
                ->warn("token request for app {} in tenant {} failed ({}), retrying",
                    t.clientId,
                    t.tenantId,
                    status ? QString::number(status) : reply->errorString());
            const int delay = 500 * (1 << pit->attempt);
            QTimer::singleShot(delay, this, [this, key, secret]() { post(key, secret); });
            return;
        }
        if (status == 0) {
            const net::CertificateDetails tls = net::tlsFailureDetails(reply);
            const QString detail = tls.subject.isEmpty() ? reply->errorString() : u"TLS: "_s % tls.errors.join(u"; "_s);
            finish(key,
                Error { reply->error() == QNetworkReply::OperationCanceledError ? Error::Code::Timeout
                                                                                : Error::Code::Network,
                    log::redact(u"the token service %1 could not be reached for app %2 in tenant %3: %4"_s.arg(
                        t.authorityHost(), t.clientId, t.tenantId, detail)),
                    0 });
            return;
        }
        finish(key, describeTokenError(status, body, t.clientId, t.tenantId));
    });
}

void TokenProvider::finish(const QString &key, const Result<AccessToken> &result)
{
    auto it = m_pending.find(key);
    if (it == m_pending.end())
        return;
    const QList<Callback> waiters = it->waiters;
    m_pending.erase(it);
    if (!result.ok() && result.error().code != Error::Code::Cancelled)
        log::get("sentinel")->error("{}", result.error().message);
    for (const Callback &cb : waiters) {
        QMetaObject::invokeMethod(
            this, [cb, result]() { cb(result); }, Qt::QueuedConnection);
    }
}

} // namespace msb::sentinel
