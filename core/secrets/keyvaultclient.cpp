// SPDX-License-Identifier: BSD-2-Clause
#include "core/secrets/keyvaultclient.h"

#include "core/log/logging.h"
#include "core/log/redact.h"
#include "core/net/httpdefaults.h"
#include "core/sentinel/tokenerror.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRegularExpression>
#include <QTimer>

#include <chrono>

using namespace Qt::Literals::StringLiterals;

namespace msb::secrets {

namespace {

constexpr int kMaxAttempts = 3;

QString trimSlash(QString s)
{
    while (s.endsWith(u'/'))
        s.chop(1);
    return s;
}

bool validSecretName(const QString &name)
{
    static const QRegularExpression re(u"^[0-9a-zA-Z-]{1,127}$"_s);
    return re.match(name).hasMatch();
}

/// The HTTP status of a finished reply, or 0 when the transport failed (connection, TLS, timeout, an
/// answer cut off after its status line): such an answer is retried, never read.
int answeredStatus(QNetworkReply *reply)
{
    const QNetworkReply::NetworkError netError = reply->error();
    if (netError != QNetworkReply::NoError && (int(netError) < 200 || netError == QNetworkReply::ProtocolFailure))
        return 0;
    return net::httpStatus(reply);
}
} // namespace

QString KeyVaultSettings::name() const
{
    QString n = vaultName.trimmed();
    if (n.contains(u"://"_s))
        n = QUrl(n).host();
    const QString suffix = sentinel::keyVaultDnsSuffix(cloud);
    if (n.endsWith(suffix, Qt::CaseInsensitive))
        n.chop(suffix.size());
    return n.toLower();
}

QString KeyVaultSettings::vaultBaseUrl() const
{
    if (!vaultHostOverride.isEmpty())
        return trimSlash(vaultHostOverride);
    return u"https://"_s % name() % sentinel::keyVaultDnsSuffix(cloud);
}

QUrl KeyVaultSettings::secretUrl(const QString &secretName) const
{
    return QUrl(vaultBaseUrl() % u"/secrets/"_s % QString::fromLatin1(QUrl::toPercentEncoding(secretName))
        % u"?api-version=7.4"_s);
}

QUrl KeyVaultSettings::tokenUrl() const
{
    const QString authority = trimSlash(
        authorityHostOverride.isEmpty() ? sentinel::cloudEndpoints(cloud).authorityHost : authorityHostOverride);
    return QUrl(authority % u'/' % QString::fromLatin1(QUrl::toPercentEncoding(tenantId)) % u"/oauth2/v2.0/token"_s);
}

QString KeyVaultSettings::validate() const
{
    // Vault names: 3-24 characters, letters, digits and hyphens, starting with a letter.
    static const QRegularExpression vaultRe(u"^[a-z][a-z0-9-]{1,22}[a-z0-9]$"_s);
    if (!vaultRe.match(name()).hasMatch())
        return u"the Key Vault name \"%1\" is not valid: 3 to 24 letters, digits and hyphens, starting with a "
               "letter"_s.arg(vaultName);
    if (tenantId.trimmed().isEmpty())
        return u"Key Vault %1: the tenant id is empty"_s.arg(name());
    if (clientId.trimmed().isEmpty())
        return u"Key Vault %1: the client (application) id is empty"_s.arg(name());
    QString why;
    if (!net::isAllowedUrl(tokenUrl(), &why))
        return u"Key Vault %1: token endpoint refused: %2"_s.arg(name(), why);
    if (!net::isAllowedUrl(QUrl(vaultBaseUrl()), &why))
        return u"Key Vault %1: vault address refused: %2"_s.arg(name(), why);
    return {};
}

Error describeKeyVaultError(int httpStatus,
    const QByteArray &body,
    const QString &vaultName,
    const QString &secretName,
    const QString &clientId,
    const QString &tenantId)
{
    const QJsonObject error = QJsonDocument::fromJson(body).object().value(u"error"_s).toObject();
    const QString code = error.value(u"code"_s).toString();
    const QString inner = error.value(u"innererror"_s).toObject().value(u"code"_s).toString();
    // The service's first line is enough; the rest repeats caller and resource.
    QString serviceMessage = error.value(u"message"_s).toString().section(u'\r', 0, 0).section(u'\n', 0, 0);
    serviceMessage = log::redact(serviceMessage.left(300));
    const QString detail = serviceMessage.isEmpty() ? QString() : u" (Key Vault said: %1)"_s.arg(serviceMessage);

    if (httpStatus == 401) {
        return Error { Error::Code::Authentication,
            u"Key Vault \"%1\" did not accept the token of app %2 from tenant %3 when reading secret \"%4\": "
            "check that the vault belongs to that tenant and the cloud is right%5"_s.arg(
                vaultName, clientId, tenantId, secretName, detail),
            httpStatus };
    }
    if (httpStatus == 403) {
        const bool rbac = inner.compare(u"ForbiddenByRbac"_s, Qt::CaseInsensitive) == 0;
        const QString how = rbac
            ? u"give the app the role \"Key Vault Secrets User\" on the vault"_s
            : u"give the app the \"Get\" secret permission in the vault's access policies (or, on an RBAC vault, "
              "the role \"Key Vault Secrets User\")"_s;
        return Error { Error::Code::Authorization,
            u"app %1 is not allowed to read secret \"%2\" in Key Vault \"%3\": %4"_s.arg(
                clientId, secretName, vaultName, how),
            httpStatus };
    }
    if (httpStatus == 404) {
        if (code.compare(u"SecretNotFound"_s, Qt::CaseInsensitive) == 0 || code.isEmpty()) {
            return Error { Error::Code::NotFound,
                u"there is no secret \"%1\" in Key Vault \"%2\" (check its name; a deleted secret must be "
                "recovered first)"_s.arg(secretName, vaultName),
                httpStatus };
        }
        return Error { Error::Code::NotFound,
            u"Key Vault \"%1\" was not found: check the vault name and the cloud%2"_s.arg(vaultName, detail),
            httpStatus };
    }
    if (httpStatus == 400) {
        return Error { Error::Code::InvalidInput,
            u"Key Vault \"%1\" refused the request for secret \"%2\"%3"_s.arg(vaultName, secretName, detail),
            httpStatus };
    }
    if (httpStatus == 429) {
        return Error { Error::Code::RateLimited,
            u"Key Vault \"%1\" is throttling requests; try again in a minute"_s.arg(vaultName),
            httpStatus };
    }
    return Error { httpStatus >= 500 ? Error::Code::Server : Error::Code::Other,
        u"Key Vault \"%1\" answered HTTP %2 for secret \"%3\"%4"_s.arg(vaultName)
            .arg(httpStatus)
            .arg(secretName, detail),
        httpStatus };
}

KeyVaultClient::KeyVaultClient(
    QNetworkAccessManager *network, KeyVaultSettings settings, const QString &clientSecret, QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_settings(std::move(settings))
    , m_clientSecret(clientSecret)
{
    log::registerSecret(m_clientSecret);
}

KeyVaultClient::~KeyVaultClient()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
}

void KeyVaultClient::getSecret(const QString &secretName, Callback callback)
{
    if (m_callback) {
        QMetaObject::invokeMethod(
            this,
            [callback = std::move(callback)]() {
                callback(Error { Error::Code::Other, u"a Key Vault request is already running"_s, 0 });
            },
            Qt::QueuedConnection);
        return;
    }
    m_secretName = secretName;
    m_callback = std::move(callback);
    const QString invalid = m_settings.validate();
    if (!invalid.isEmpty()) {
        QMetaObject::invokeMethod(
            this,
            [this, invalid]() {
                finish(Error { Error::Code::Configuration, invalid, 0 });
            },
            Qt::QueuedConnection);
        return;
    }
    if (!validSecretName(secretName)) {
        QMetaObject::invokeMethod(
            this,
            [this, secretName]() {
                finish(Error { Error::Code::InvalidInput,
                    u"\"%1\" is not a Key Vault secret name (1 to 127 letters, digits and hyphens)"_s.arg(secretName),
                    0 });
            },
            Qt::QueuedConnection);
        return;
    }
    m_attempt = 0;
    if (!m_token.isEmpty() && m_tokenExpiresAtMs > QDateTime::currentMSecsSinceEpoch())
        requestSecret();
    else
        requestToken();
}

void KeyVaultClient::cancel()
{
    if (m_reply) {
        QNetworkReply *reply = m_reply;
        m_reply = nullptr;
        reply->disconnect(this);
        reply->abort();
        reply->deleteLater();
    }
    if (m_callback)
        finish(Error { Error::Code::Cancelled, u"cancelled"_s, 0 });
}

void KeyVaultClient::finish(const Result<QString> &result)
{
    Callback cb = std::move(m_callback);
    m_callback = nullptr;
    if (!result.ok() && result.error().code != Error::Code::Cancelled)
        log::get("secrets")->error("{}", result.error().message);
    if (cb)
        cb(result);
}

bool KeyVaultClient::retryLater(int status, void (KeyVaultClient::*step)())
{
    const bool transient = status == 0 || status == 429 || status >= 500;
    if (!transient || m_attempt >= kMaxAttempts)
        return false;
    const int delay = 250 * (1 << m_attempt);
    log::get("secrets")->warn("Key Vault {}: request failed ({}), retrying", m_settings.name(), status);
    QTimer::singleShot(delay, this, [this, step]() {
        if (m_callback)
            (this->*step)();
    });
    return true;
}

Error KeyVaultClient::transportError(QNetworkReply *reply, const QString &what) const
{
    const net::CertificateDetails tls = net::tlsFailureDetails(reply);
    if (!tls.subject.isEmpty() || reply->error() == QNetworkReply::SslHandshakeFailedError) {
        const QString detail = tls.subject.isEmpty() ? reply->errorString() : tls.errors.join(u"; "_s);
        return Error { Error::Code::Tls, log::redact(u"%1: TLS certificate refused: %2"_s.arg(what, detail)), 0 };
    }
    if (reply->error() == QNetworkReply::OperationCanceledError || reply->error() == QNetworkReply::TimeoutError)
        return Error {
            Error::Code::Timeout, u"%1: no answer within %2 s"_s.arg(what).arg(m_settings.timeoutMs / 1000.0), 0
        };
    if (reply->error() == QNetworkReply::HostNotFoundError)
        return Error { Error::Code::NotFound,
            u"%1: the host %2 does not exist (check the vault name and the cloud)"_s.arg(what, reply->url().host()),
            0 };
    return Error { Error::Code::Network, log::redact(u"%1: %2"_s.arg(what, reply->errorString())), 0 };
}

void KeyVaultClient::requestToken()
{
    ++m_attempt;
    QNetworkRequest request(m_settings.tokenUrl());
    net::prepareRequest(request, std::chrono::milliseconds(m_settings.timeoutMs));
    request.setHeader(QNetworkRequest::ContentTypeHeader, u"application/x-www-form-urlencoded"_s);
    net::applyTrust(request, m_settings.tls);
    auto enc = [](const QString &v) { return QUrl::toPercentEncoding(v); };
    const QByteArray form = "client_id=" + enc(m_settings.clientId)
        + "&scope=" + enc(sentinel::keyVaultScope(m_settings.cloud)) + "&client_secret=" + enc(m_clientSecret)
        + "&grant_type=client_credentials";
    QNetworkReply *reply = m_network->post(request, form);
    net::attachTrustCheck(reply, m_settings.tls);
    m_reply = reply;
    const qint64 sentAt = QDateTime::currentMSecsSinceEpoch();
    connect(reply, &QNetworkReply::finished, this, [this, reply, sentAt]() {
        reply->deleteLater();
        if (m_reply != reply)
            return;
        m_reply = nullptr;
        const int status = answeredStatus(reply);
        const QByteArray body = reply->readAll();
        if (status == 200) {
            const std::optional<sentinel::TokenAnswer> answer = sentinel::readTokenAnswer(body);
            if (!answer) {
                finish(Error { Error::Code::Server,
                    u"the token service sent an unreadable answer for app %1 in tenant %2"_s.arg(
                        m_settings.clientId, m_settings.tenantId),
                    status });
                return;
            }
            log::registerSecret(answer->accessToken);
            m_token = answer->accessToken;
            m_tokenExpiresAtMs = sentAt + answer->expiresInSeconds * 1000 - 60'000;
            m_attempt = 0;
            requestSecret();
            return;
        }
        if (retryLater(status, &KeyVaultClient::requestToken))
            return;
        if (status == 0) {
            finish(transportError(reply,
                u"the token service %1 could not be reached for app %2 in tenant %3"_s.arg(
                    m_settings.tokenUrl().host(), m_settings.clientId, m_settings.tenantId)));
            return;
        }
        finish(sentinel::describeTokenError(status, body, m_settings.clientId, m_settings.tenantId));
    });
}

void KeyVaultClient::requestSecret()
{
    ++m_attempt;
    QNetworkRequest request(m_settings.secretUrl(m_secretName));
    net::prepareRequest(request, std::chrono::milliseconds(m_settings.timeoutMs));
    request.setRawHeader("Authorization", "Bearer " + m_token.toUtf8());
    net::applyTrust(request, m_settings.tls);
    QNetworkReply *reply = m_network->get(request);
    net::attachTrustCheck(reply, m_settings.tls);
    m_reply = reply;
    connect(reply, &QNetworkReply::finished, this, [this, reply]() {
        reply->deleteLater();
        if (m_reply != reply)
            return;
        m_reply = nullptr;
        const int status = answeredStatus(reply);
        const QByteArray body = reply->readAll();
        const QString vault = m_settings.name();
        if (status == 200) {
            const QJsonValue value = QJsonDocument::fromJson(body).object().value(u"value"_s);
            if (!value.isString()) {
                finish(Error { Error::Code::Server,
                    u"Key Vault \"%1\" sent an unreadable answer for secret \"%2\""_s.arg(vault, m_secretName),
                    status });
                return;
            }
            const QString secret = value.toString();
            log::registerSecret(secret);
            finish(secret);
            return;
        }
        if (status == 401) {
            m_token.clear(); // a later call fetches a new one
            m_tokenExpiresAtMs = 0;
        }
        if (retryLater(status, &KeyVaultClient::requestSecret))
            return;
        if (status == 0) {
            finish(transportError(reply,
                u"Key Vault \"%1\" could not be reached at %2 for secret \"%3\""_s.arg(
                    vault, reply->url().host(), m_secretName)));
            return;
        }
        finish(describeKeyVaultError(status, body, vault, m_secretName, m_settings.clientId, m_settings.tenantId));
    });
}

} // namespace msb::secrets
