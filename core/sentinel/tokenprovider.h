// SPDX-License-Identifier: BSD-2-Clause
#pragma once

#include "core/sentinel/clientsecretprovider.h"
#include "core/sentinel/target.h"
#include "core/util/result.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>

#include <functional>
#include <memory>

class QNetworkAccessManager;
class QNetworkReply;

namespace msb::sentinel {

/// A bearer token for the Sentinel API.
struct AccessToken
{
    QString token;
    qint64 expiresAtMs = 0; ///< QDateTime::currentMSecsSinceEpoch() scale
};

/// Client-credentials tokens from Entra ID, one cache entry per (authority, tenant, client id).
///
/// Threading: lives in, and must only be used from, the thread of the QNetworkAccessManager it is
/// given (the sync worker thread). Callbacks always run later on that thread, never inside
/// token(). Exactly ONE token request is in flight per key: concurrent callers for the same key
/// wait for it. A token is refreshed once less than refreshMargin() of its lifetime remains.
/// The secret and every token are registered with log::registerSecret.
class TokenProvider final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TokenProvider)

public:
    using Callback = std::function<void(Result<AccessToken>)>;

    TokenProvider(
        QNetworkAccessManager *network, std::shared_ptr<ClientSecretProvider> secrets, QObject *parent = nullptr);
    // NOLINTNEXTLINE(bugprone-exception-escape): see the destructor in tokenprovider.cpp
    ~TokenProvider() override;

    /// Gets a valid token for the target's app, from the cache or from Entra ID.
    /// Network errors and 5xx are retried (at most 3 attempts); AADSTS errors fail at once with
    /// a plain message (see describeTokenError). Every request has requestTimeoutMs().
    void token(const Target &target, Callback callback);
    /// Forgets the cached token of the target's app (the API answered 401).
    void invalidate(const Target &target);
    /// Aborts requests in flight; their callers get Error::Code::Cancelled.
    void cancelAll();

    void setRequestTimeoutMs(int ms) { m_timeoutMs = ms; }
    int requestTimeoutMs() const { return m_timeoutMs; }
    /// Number of token requests sent so far (tests: "one request for N concurrent callers").
    int requestsSent() const { return m_requestsSent; }

    /// Refresh margin for a token of the given lifetime: 5 minutes, or a tenth of a short lifetime.
    static qint64 refreshMarginMs(qint64 lifetimeMs);

private:
    struct Pending
    {
        Target target;
        QList<Callback> waiters;
        QPointer<QNetworkReply> reply;
        int attempt = 0;
    };
    void fetch(const QString &key);
    void post(const QString &key, const QString &secret);
    void finish(const QString &key, const Result<AccessToken> &result);

    QNetworkAccessManager *m_network;
    std::shared_ptr<ClientSecretProvider> m_secrets;
    QHash<QString, AccessToken> m_cache;
    QHash<QString, Pending> m_pending;
    int m_timeoutMs = 30000;
    int m_requestsSent = 0;
};

} // namespace msb::sentinel
