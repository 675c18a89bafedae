// SPDX-License-Identifier: BSD-2-Clause
#include "core/misp/misphttp.h"

#include "core/log/logging.h"
#include "core/log/redact.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>

namespace msb::misp {
using namespace Qt::Literals::StringLiterals;

namespace {

// MISP's error bodies: {"name":"…","message":"…","url":"…"} (CakePHP), sometimes {"errors":…}.
QString mispErrorText(const QByteArray &body)
{
    const QJsonObject o = QJsonDocument::fromJson(body.left(qsizetype(64) * 1024)).object();
    QStringList parts;
    for (const QString &key : { u"name"_s, u"message"_s })
        if (const QString v = o.value(key).toString().trimmed(); !v.isEmpty() && !parts.contains(v))
            parts << v;
    if (parts.isEmpty() && o.contains(u"errors"_s))
        parts << QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact)).left(300);
    return log::redact(parts.join(u" "_s));
}

} // namespace

MispHttp::MispHttp(MispConnection connection, QObject *parent)
    : QObject(parent)
    , m_connection(std::move(connection))
{
    if (!m_connection.apiKey.isEmpty())
        log::registerSecret(m_connection.apiKey);
}

MispHttp::~MispHttp()
{
    m_callback = {};
    if (m_reply)
        m_reply->abort();
}

bool MispHttp::looksLikeHtml(const QByteArray &body, const QByteArray &contentType)
{
    if (contentType.contains("text/html"))
        return true;
    const QByteArray head = body.left(256).trimmed().toLower();
    return head.startsWith("<!doctype html") || head.startsWith("<html") || head.startsWith("<?xml")
        || head.startsWith("<head") || head.startsWith("<body");
}

void MispHttp::send(
    const QUrl &url, const QByteArray &postBody, const QString &what, Callback callback, int attemptsUsed)
{
    cancel();
    m_url = url;
    m_body = postBody;
    m_post = !postBody.isEmpty();
    m_what = what;
    m_callback = std::move(callback);
    m_attempt = 0;
    if (!m_manager) {
        m_manager = new QNetworkAccessManager(this);
        m_manager->setAutoDeleteReplies(false);
        net::applyProxy(*m_manager, m_connection.proxy);
        m_retryTimer = new QTimer(this);
        m_retryTimer->setSingleShot(true);
        connect(m_retryTimer, &QTimer::timeout, this, &MispHttp::startAttempt);
    }
    QString why;
    if (!net::isAllowedUrl(url, &why)) {
        // Reported from the event loop, like every other outcome, so callers never re-enter.
        RequestFailure failure {
            Error { Error::Code::Configuration, u"%1 from %2 refused: %3"_s.arg(what, log::redactUrl(url), why), 0 },
            std::nullopt,
            0
        };
        QMetaObject::invokeMethod(
            this, [this, failure]() { fail(failure); }, Qt::QueuedConnection);
        return;
    }
    m_attempt = std::max(0, attemptsUsed);
    startAttempt();
}

void MispHttp::cancel()
{
    m_callback = {};
    if (m_retryTimer)
        m_retryTimer->stop();
    if (m_reply) {
        QNetworkReply *reply = m_reply;
        m_reply = nullptr;
        reply->disconnect(this);
        reply->abort();
        reply->deleteLater();
    }
}

void MispHttp::startAttempt()
{
    ++m_attempt;
    QNetworkRequest request(m_url);
    net::prepareRequest(request, m_connection.timeout);
    net::applyTrust(request, m_connection.trust);
    if (!m_connection.apiKey.isEmpty())
        request.setRawHeader("Authorization", m_connection.apiKey.toUtf8());
    if (m_post)
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    QNetworkReply *reply = m_post ? m_manager->post(request, m_body) : m_manager->get(request);
    net::attachTrustCheck(reply, m_connection.trust);
    m_reply = reply;
    connect(reply, &QNetworkReply::finished, this, [this, reply]() { onFinished(reply); });
}

void MispHttp::onFinished(QNetworkReply *reply)
{
    reply->deleteLater();
    if (reply != m_reply)
        return;
    m_reply = nullptr;
    const int status = net::httpStatus(reply);
    const QNetworkReply::NetworkError netError = reply->error();
    const QByteArray body = reply->readAll();
    const QByteArray contentType = reply->header(QNetworkRequest::ContentTypeHeader).toByteArray().toLower();
    const QString where = u"%1 from %2"_s.arg(m_what, log::redactUrl(m_url));

    std::optional<RequestFailure> failure;
    bool transient = false;
    const net::CertificateDetails certificate = net::tlsFailureDetails(reply);
    if (!certificate.subject.isEmpty() || netError == QNetworkReply::SslHandshakeFailedError) {
        failure = RequestFailure { Error { Error::Code::Tls,
                                       u"%1: the server's TLS certificate was refused (%2)"_s.arg(
                                           where, certificate.toString()),
                                       0 },
            certificate,
            m_attempt };
    } else if (status == 401 || status == 403) {
        const QString detail = mispErrorText(body);
        failure = RequestFailure {
            Error { status == 401 ? Error::Code::Authentication : Error::Code::Authorization,
                u"%1: MISP refused the API key (HTTP %2)%3. Check the key and that its user may use the API."_s.arg(
                    where, QString::number(status), detail.isEmpty() ? QString() : u": "_s + detail),
                status },
            std::nullopt,
            m_attempt
        };
    } else if (status == 404) {
        failure = RequestFailure {
            Error { Error::Code::NotFound,
                u"%1: not found (HTTP 404). Is the MISP URL the root of the instance (e.g. https://misp.example.org)?"_s
                    .arg(where),
                status },
            std::nullopt,
            m_attempt
        };
    } else if (status >= 400 || (netError != QNetworkReply::NoError && status == 0)) {
        transient = net::isTransient(netError, status);
        Error::Code code = status >= 500 ? Error::Code::Server
            : status == 429              ? Error::Code::RateLimited
                                         : Error::Code::Network;
        QString reason;
        if (status != 0) {
            const QString detail = mispErrorText(body);
            reason = u"HTTP %1%2"_s.arg(QString::number(status), detail.isEmpty() ? QString() : u": "_s + detail);
        } else if (netError == QNetworkReply::OperationCanceledError || netError == QNetworkReply::TimeoutError) {
            code = Error::Code::Timeout;
            reason = u"no answer within %1 s"_s.arg(double(m_connection.timeout.count()) / 1000.0);
        } else {
            reason = log::redact(reply->errorString());
        }
        failure
            = RequestFailure { Error { code, u"%1 failed: %2"_s.arg(where, reason), status }, std::nullopt, m_attempt };
    } else if (looksLikeHtml(body, contentType)) {
        failure = RequestFailure {
            Error { Error::Code::Configuration,
                u"%1: got an HTML page (a login or proxy page?) instead of JSON. Check the MISP URL and that nothing "
                "in front of MISP intercepts API calls."_s.arg(where),
                status },
            std::nullopt,
            m_attempt
        };
    } else if (body.trimmed().isEmpty()) {
        transient = true; // a cut connection or an overloaded PHP worker
        failure = RequestFailure {
            Error { Error::Code::Server, u"%1: empty answer (HTTP %2)"_s.arg(where).arg(status), status },
            std::nullopt,
            m_attempt
        };
    }

    if (failure && transient && m_attempt < m_connection.retry.maxAttempts) {
        const auto delay
            = m_connection.retry.delayBefore(m_attempt + 1, net::parseRetryAfter(reply->rawHeader("Retry-After")));
        log::get("misp")->warn("{} (try {} of {}); retrying in {} ms",
            failure->error.message,
            m_attempt,
            m_connection.retry.maxAttempts,
            delay.count());
        m_retryTimer->start(delay);
        return;
    }
    if (failure) {
        fail(std::move(*failure));
        return;
    }
    Callback callback = std::move(m_callback);
    m_callback = {};
    if (callback)
        callback(Outcome(body));
}

void MispHttp::fail(RequestFailure failure)
{
    failure.attempts = std::max(failure.attempts, m_attempt);
    Callback callback = std::move(m_callback);
    m_callback = {};
    if (callback)
        callback(Outcome(std::move(failure)));
}

} // namespace msb::misp
