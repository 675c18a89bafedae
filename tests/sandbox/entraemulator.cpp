// SPDX-License-Identifier: BSD-2-Clause
#include "tests/sandbox/entraemulator.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QMutexLocker>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QUuid>

using namespace Qt::Literals::StringLiterals;

namespace msb::sandbox {

namespace {

bool isGuid(const QString &text)
{
    static const QRegularExpression guid(u"^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$"_s);
    return guid.match(text).hasMatch();
}

bool isDnsName(const QString &text)
{
    static const QRegularExpression dns(u"^([a-zA-Z0-9-]+\\.)+[a-zA-Z]{2,}$"_s);
    return dns.match(text).hasMatch();
}

/// The error body of sentinel-api.md §4.3, with fresh trace and correlation ids.
HttpResponse aadError(int status, const QString &error, int code, const QString &description)
{
    const QString trace = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const QString correlation = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const QString timestamp = QDateTime::currentDateTimeUtc().toString(u"yyyy-MM-dd HH:mm:ss'Z'"_s);
    const QString text = u"AADSTS%1: %2\r\nTrace ID: %3\r\nCorrelation ID: %4\r\nTimestamp: %5"_s.arg(
        QString::number(code), description, trace, correlation, timestamp);
    HttpResponse response = HttpResponse::json(status,
        OrderedMembers { { u"error"_s, error },
            { u"error_description"_s, text },
            { u"error_codes"_s, QJsonArray { code } },
            { u"timestamp"_s, timestamp },
            { u"trace_id"_s, trace },
            { u"correlation_id"_s, correlation },
            { u"error_uri"_s, u"https://login.microsoftonline.com/error?code=%1"_s.arg(code) } });
    response.setHeader("Cache-Control", "no-store, no-cache");
    response.setHeader("Pragma", "no-cache");
    return response;
}

HttpResponse missingParameter(const QString &name)
{
    return aadError(
        400, u"invalid_request"_s, 900144, u"The request body must contain the following parameter: '%1'."_s.arg(name));
}

QString stripSlash(QString text)
{
    while (text.endsWith(u'/'))
        text.chop(1);
    return text;
}

} // namespace

EntraEmulator::EntraEmulator(const SandboxClock *clock)
    : m_clock(clock)
    , m_resources { u"https://management.azure.com"_s,
        u"https://management.core.windows.net"_s,
        u"https://management.usgovcloudapi.net"_s,
        u"https://management.chinacloudapi.cn"_s,
        u"https://vault.azure.net"_s,
        u"https://vault.usgovcloudapi.net"_s,
        u"https://graph.microsoft.com"_s,
        u"https://api.loganalytics.io"_s }
{ }

void EntraEmulator::addTenant(const QString &tenantId, const QStringList &domains)
{
    QMutexLocker lock(&m_mutex);
    Tenant &tenant = m_tenants[tenantId.toLower()];
    tenant.id = tenantId.toLower();
    for (const QString &domain : domains) {
        if (!tenant.domains.contains(domain.toLower()))
            tenant.domains.append(domain.toLower());
    }
}

void EntraEmulator::addApp(const QString &tenantId, const QString &clientId, const QString &secret, bool expired)
{
    QMutexLocker lock(&m_mutex);
    Tenant &tenant = m_tenants[tenantId.toLower()];
    tenant.id = tenantId.toLower();
    App &app = tenant.apps[clientId.toLower()];
    if (app.clientId.isEmpty()) {
        app.clientId = clientId.toLower();
        app.objectId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    }
    if (!secret.isEmpty())
        app.secrets.append(Secret { secret, expired });
}

void EntraEmulator::setSecretsExpired(const QString &tenantId, const QString &clientId, bool expired)
{
    QMutexLocker lock(&m_mutex);
    auto tenant = m_tenants.find(tenantId.toLower());
    if (tenant == m_tenants.end())
        return;
    auto app = tenant->apps.find(clientId.toLower());
    if (app == tenant->apps.end())
        return;
    for (Secret &secret : app->secrets)
        secret.expired = expired;
}

QString EntraEmulator::objectId(const QString &tenantId, const QString &clientId) const
{
    QMutexLocker lock(&m_mutex);
    const auto tenant = m_tenants.constFind(tenantId.toLower());
    if (tenant == m_tenants.cend())
        return {};
    return tenant->apps.value(clientId.toLower()).objectId;
}

void EntraEmulator::setTokenLifetime(int seconds)
{
    QMutexLocker lock(&m_mutex);
    m_lifetimeSeconds = qMax(1, seconds);
}

int EntraEmulator::tokenLifetime() const
{
    QMutexLocker lock(&m_mutex);
    return m_lifetimeSeconds;
}

void EntraEmulator::setKnownResources(const QStringList &resources)
{
    QMutexLocker lock(&m_mutex);
    m_resources.clear();
    for (const QString &resource : resources)
        m_resources.append(stripSlash(resource));
}

void EntraEmulator::registerRoutes(Router &router)
{
    router.add("POST", u"/{tenant}/oauth2/v2.0/token"_s, u"token"_s, [this](const HttpRequest &request) {
        return handleToken(request);
    });
}

QString EntraEmulator::resolveTenant(const QString &tenantOrDomain) const
{
    QMutexLocker lock(&m_mutex);
    return resolveTenantLocked(tenantOrDomain);
}

QString EntraEmulator::resolveTenantLocked(const QString &tenantOrDomain) const
{
    const QString key = tenantOrDomain.toLower();
    if (m_tenants.contains(key))
        return key;
    for (const Tenant &tenant : m_tenants) {
        if (tenant.domains.contains(key))
            return tenant.id;
    }
    return {};
}

HttpResponse EntraEmulator::handleToken(const HttpRequest &request)
{
    QMutexLocker lock(&m_mutex);
    ++m_requests;
    const QUrlQuery form = request.formBody();
    const QString tenantText = request.params.value(u"tenant"_s);
    auto value = [&form](const QString &key) {
        return form.hasQueryItem(key) ? form.queryItemValue(key, QUrl::FullyDecoded) : QString();
    };
    QString clientId = value(u"client_id"_s);
    QString clientSecret = value(u"client_secret"_s);
    // RFC 6749 §2.3.1: the client may authenticate with Basic instead of body parameters.
    const QByteArray authorization = request.header("authorization");
    if (authorization.startsWith("Basic ")) {
        const QByteArray decoded = QByteArray::fromBase64(authorization.mid(6).trimmed());
        const qsizetype colon = decoded.indexOf(':');
        if (colon > 0) {
            if (clientId.isEmpty())
                clientId = QUrl::fromPercentEncoding(decoded.left(colon));
            if (clientSecret.isEmpty())
                clientSecret = QUrl::fromPercentEncoding(decoded.mid(colon + 1));
        }
    }
    if (!clientId.isEmpty())
        ++m_requestsByClient[clientId.toLower()];

    if (!isGuid(tenantText) && !isDnsName(tenantText))
        return aadError(400,
            u"invalid_request"_s,
            900023,
            u"Specified tenant identifier '%1' is neither a valid DNS name, nor a valid external domain."_s.arg(
                tenantText));
    const QString tenantId = resolveTenantLocked(tenantText);
    if (tenantId.isEmpty())
        return aadError(400,
            u"invalid_request"_s,
            90002,
            u"Tenant '%1' not found. Check to make sure you have the correct tenant ID and are signing into "
            "the correct cloud. Check with your subscription administrator, this may happen if there are no "
            "active subscriptions for the tenant."_s.arg(tenantText));
    if (form.hasQueryItem(u"resource"_s))
        return aadError(400, u"invalid_request"_s, 901002, u"The 'resource' request parameter isn't supported."_s);
    const QString grantType = value(u"grant_type"_s);
    if (grantType.isEmpty())
        return missingParameter(u"grant_type"_s);
    if (grantType != u"client_credentials"_s)
        return aadError(400,
            u"unsupported_grant_type"_s,
            70003,
            u"The app requested an unsupported grant type '%1'."_s.arg(grantType));
    if (clientId.isEmpty())
        return missingParameter(u"client_id"_s);
    const QString scope = value(u"scope"_s);
    if (scope.isEmpty())
        return missingParameter(u"scope"_s);

    // One resource, "<resource>/.default": several scopes or any other form is AADSTS70011.
    const QStringList scopes = scope.split(u' ', Qt::SkipEmptyParts);
    QString audience;
    bool scopeValid = scopes.size() == 1 && scopes.first().endsWith(u"/.default"_s);
    if (scopeValid) {
        audience = scopes.first().chopped(int(qstrlen("/.default")));
        scopeValid = m_resources.contains(stripSlash(audience));
    }
    if (!scopeValid)
        return aadError(400,
            u"invalid_scope"_s,
            70011,
            u"The provided value for the input parameter 'scope' isn't valid. The scope %1 isn't valid."_s.arg(scope));

    const Tenant &tenant = m_tenants[tenantId];
    const auto app = tenant.apps.constFind(clientId.toLower());
    if (app == tenant.apps.cend())
        return aadError(400,
            u"unauthorized_client"_s,
            700016,
            u"Application with identifier '%1' was not found in the directory '%2'. This can happen if the "
            "application has not been installed by the administrator of the tenant or consented to by any "
            "user in the tenant. You may have sent your authentication request to the wrong tenant."_s.arg(
                clientId, tenantText));
    if (clientSecret.isEmpty())
        return aadError(401,
            u"invalid_client"_s,
            7000218,
            u"The request body must contain the following parameter: 'client_assertion' or "
            "'client_secret'."_s);
    const Secret *matched = nullptr;
    for (const Secret &secret : app->secrets) {
        if (secret.value == clientSecret) {
            matched = &secret;
            break;
        }
    }
    if (!matched)
        return aadError(401,
            u"invalid_client"_s,
            7000215,
            u"Invalid client secret provided. Ensure the secret being sent in the request is the client "
            "secret value, not the client secret ID, for a secret added to app '%1'."_s.arg(clientId));
    if (matched->expired)
        return aadError(401,
            u"invalid_client"_s,
            7000222,
            u"The provided client secret keys for app '%1' are expired. Visit the Azure portal to create "
            "new keys for your app: https://aka.ms/NewClientSecret, or consider using certificate "
            "credentials for added security: https://aka.ms/certCreds."_s.arg(clientId));

    QByteArray token = "sbx." + QByteArray::number(QRandomGenerator::global()->generate64(), 16)
        + QByteArray::number(QRandomGenerator::global()->generate64(), 16);
    const qint64 lifetimeMs = qint64(m_lifetimeSeconds) * 1000;
    m_tokens.insert(
        token, TokenInfo { true, tenantId, clientId.toLower(), audience, m_clock->nowMs() + lifetimeMs, false });
    ++m_issued;
    const qint64 expiresIn = m_clock->toRealSeconds(lifetimeMs);
    HttpResponse response = HttpResponse::json(200,
        OrderedMembers { { u"token_type"_s, u"Bearer"_s },
            { u"expires_in"_s, expiresIn },
            { u"ext_expires_in"_s, expiresIn },
            { u"access_token"_s, QString::fromLatin1(token) } });
    response.setHeader("Cache-Control", "no-store, no-cache");
    response.setHeader("Pragma", "no-cache");
    return response;
}

TokenInfo EntraEmulator::lookup(const QByteArray &token) const
{
    QMutexLocker lock(&m_mutex);
    TokenInfo info = m_tokens.value(token);
    if (info.known)
        info.expired = m_clock->nowMs() >= info.expiresAtMs;
    return info;
}

QByteArray EntraEmulator::issueToken(const QString &tenantId, const QString &clientId, const QString &audience)
{
    QMutexLocker lock(&m_mutex);
    QByteArray token = "sbx.direct." + QByteArray::number(QRandomGenerator::global()->generate64(), 16);
    m_tokens.insert(token,
        TokenInfo { true,
            tenantId.toLower(),
            clientId.toLower(),
            audience,
            m_clock->nowMs() + qint64(m_lifetimeSeconds) * 1000,
            false });
    return token;
}

void EntraEmulator::expireAllTokens()
{
    QMutexLocker lock(&m_mutex);
    const qint64 now = m_clock->nowMs();
    for (TokenInfo &info : m_tokens)
        info.expiresAtMs = qMin(info.expiresAtMs, now);
}

int EntraEmulator::tokenRequestCount() const
{
    QMutexLocker lock(&m_mutex);
    return m_requests;
}

int EntraEmulator::tokensIssued() const
{
    QMutexLocker lock(&m_mutex);
    return m_issued;
}

int EntraEmulator::tokenRequestCount(const QString &clientId) const
{
    QMutexLocker lock(&m_mutex);
    return m_requestsByClient.value(clientId.toLower());
}

} // namespace msb::sandbox
