// SPDX-License-Identifier: BSD-2-Clause
#pragma once

#include "core/misp/mispconnection.h"

#include <QByteArray>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QString>

#include <functional>
#include <variant>

class QNetworkAccessManager;
class QNetworkReply;
class QTimer;

namespace msb::misp {

/// One JSON exchange with MISP (or a feed server), with verified TLS, timeout, bounded retries with
/// backoff and a precise error. Used by MispClient and FeedSource; one request at a time.
///
/// Lives on the thread that owns it (creates its QNetworkAccessManager lazily there); completion is
/// reported through the callback on that thread. No nested event loops.
class MispHttp final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MispHttp)

public:
    using Outcome = std::variant<QByteArray, RequestFailure>;
    using Callback = std::function<void(const Outcome &outcome)>;

    explicit MispHttp(MispConnection connection, QObject *parent = nullptr);
    ~MispHttp() override;

    const MispConnection &connection() const { return m_connection; }

    /// GET (body empty) or POST a JSON body to `url`. `what` names the request in errors
    /// ("restSearch page 3"). The callback runs exactly once, unless cancel() came first.
    /// `attemptsUsed` lets a caller that found the body unusable (truncated JSON) retry within the
    /// same bounded budget: pass RequestFailure/previous attempts; canRetry() says if any are left.
    void send(
        const QUrl &url, const QByteArray &postBody, const QString &what, Callback callback, int attemptsUsed = 0);
    /// Attempts used by the last send() so far.
    int attempts() const { return m_attempt; }
    bool canRetry(int attemptsUsed) const { return attemptsUsed < m_connection.retry.maxAttempts; }
    /// Aborts the request in flight and any pending retry; its callback is not called.
    void cancel();
    bool isBusy() const { return bool(m_callback); }

    /// Whether the body looks like an HTML page rather than JSON (login page, proxy page).
    static bool looksLikeHtml(const QByteArray &body, const QByteArray &contentType);

private:
    void startAttempt();
    void onFinished(QNetworkReply *reply);
    void fail(RequestFailure failure);

    MispConnection m_connection;
    QNetworkAccessManager *m_manager = nullptr;
    QPointer<QNetworkReply> m_reply;
    QTimer *m_retryTimer = nullptr;
    QUrl m_url;
    QByteArray m_body;
    bool m_post = false;
    QString m_what;
    Callback m_callback;
    int m_attempt = 0;
};

} // namespace msb::misp
