// SPDX-License-Identifier: BSD-2-Clause
#include "tests/sandbox/keyvaultemulator.h"

#include <QDateTime>
#include <QHostAddress>
#include <QJsonObject>
#include <QMutexLocker>
#include <QRandomGenerator>
#include <QRegularExpression>

using namespace Qt::Literals::StringLiterals;

namespace msb::sandbox {

namespace {

HttpResponse vaultError(int status, const QString &code, const QString &message, const QString &innerCode = {})
{
    QJsonObject error { { u"code"_s, code }, { u"message"_s, message } };
    if (!innerCode.isEmpty())
        error.insert(u"innererror"_s, QJsonObject { { u"code"_s, innerCode } });
    return HttpResponse::json(status, QJsonObject { { u"error"_s, error } });
}

} // namespace

KeyVaultEmulator::KeyVaultEmulator(const EntraEmulator *entra)
    : m_entra(entra)
{ }

void KeyVaultEmulator::addVault(const QString &vaultName, const QString &tenantId)
{
    QMutexLocker lock(&m_mutex);
    Vault &vault = m_vaults[vaultName.toLower()];
    vault.name = vaultName.toLower();
    vault.tenantId = tenantId.toLower();
    if (m_defaultVault.isEmpty())
        m_defaultVault = vault.name;
}

void KeyVaultEmulator::setSecret(const QString &vaultName, const QString &secretName, const QString &value)
{
    QMutexLocker lock(&m_mutex);
    auto vault = m_vaults.find(vaultName.toLower());
    if (vault == m_vaults.end())
        return;
    const QString version = QString::number(QRandomGenerator::global()->generate64(), 16).rightJustified(16, u'0')
        + QString::number(QRandomGenerator::global()->generate64(), 16).rightJustified(16, u'0');
    vault->secrets.insert(secretName.toLower(), Secret { value, version, QDateTime::currentSecsSinceEpoch() });
}

void KeyVaultEmulator::grant(const QString &vaultName, const QString &clientId)
{
    QMutexLocker lock(&m_mutex);
    auto vault = m_vaults.find(vaultName.toLower());
    if (vault != m_vaults.end())
        vault->grants.insert(clientId.toLower());
}

void KeyVaultEmulator::setAcceptedAudiences(const QStringList &audiences)
{
    QMutexLocker lock(&m_mutex);
    m_audiences = audiences;
}

int KeyVaultEmulator::requestCount() const
{
    QMutexLocker lock(&m_mutex);
    return m_requests;
}

void KeyVaultEmulator::registerRoutes(Router &router)
{
    auto handler = [this](const HttpRequest &request) { return handleGet(request); };
    router.add("GET", u"/secrets/{name}"_s, u"keyvault"_s, handler);
    router.add("GET", u"/secrets/{name}/{version}"_s, u"keyvault"_s, handler);
}

HttpResponse KeyVaultEmulator::handleGet(const HttpRequest &request)
{
    QMutexLocker lock(&m_mutex);
    ++m_requests;
    QString vaultName = m_defaultVault;
    const QString host = QString::fromLatin1(request.host);
    if (!host.isEmpty() && QHostAddress(host).isNull() && host != u"localhost"_s)
        vaultName = host.section(u'.', 0, 0);
    const auto vault = m_vaults.constFind(vaultName);
    if (vault == m_vaults.cend())
        return vaultError(404, u"VaultNotFound"_s, u"The vault '%1' does not exist in this sandbox."_s.arg(vaultName));

    // The 401 challenge tells SDKs where to get a token; here that is the sandbox's own token endpoint.
    QUrl authority = request.baseUrl;
    authority.setPath(u'/' + vault->tenantId);
    const QByteArray challenge
        = "Bearer authorization=\"" + authority.toString().toUtf8() + "\", resource=\"https://vault.azure.net\"";
    auto unauthorized = [&challenge](const QString &message) {
        HttpResponse response = vaultError(401, u"Unauthorized"_s, message);
        response.setHeader("WWW-Authenticate", challenge);
        return response;
    };
    const QByteArray token = request.bearerToken();
    if (token.isEmpty())
        return unauthorized(u"AKV10000: Request is missing a Bearer or PoP token."_s);
    const TokenInfo info = m_entra->lookup(token);
    if (!info.known)
        return unauthorized(u"AKV10000: Request is missing a Bearer or PoP token."_s);
    if (info.expired)
        return unauthorized(u"AKV10013: Token is expired."_s);
    if (!m_audiences.contains(info.audience))
        return unauthorized(
            u"AKV10022: Invalid audience. Expected https://vault.azure.net, found: %1."_s.arg(info.audience));
    if (info.tenantId != vault->tenantId)
        return unauthorized(u"AKV10032: Invalid issuer. Expected one of https://sts.windows.net/%1/, found "
                            "https://sts.windows.net/%2/."_s.arg(vault->tenantId, info.tenantId));

    const QString version = request.queryValue(u"api-version"_s);
    if (version.isEmpty())
        return vaultError(400, u"BadParameter"_s, u"The request URI contains an invalid or missing api-version."_s);

    const QString name = request.params.value(u"name"_s);
    static const QRegularExpression validName(u"^[0-9a-zA-Z-]{1,127}$"_s);
    if (!validName.match(name).hasMatch())
        return vaultError(400, u"BadParameter"_s, u"The secret name '%1' is not valid."_s.arg(name));
    if (!vault->grants.contains(info.clientId))
        return vaultError(403,
            u"Forbidden"_s,
            u"Caller is not authorized to perform action on resource.\r\nIf role assignments, deny assignments or role "
            "definitions were changed recently, please observe propagation time.\r\nCaller: appid=%1;iss=https://"
            "sts.windows.net/%2/\r\nAction: 'Microsoft.KeyVault/vaults/secrets/getSecret/action'\r\nResource: "
            "'/secrets/%3'\r\nAssignment: (not found)\r\nVault: %4\r\n"_s.arg(
                info.clientId, info.tenantId, name, vault->name),
            u"ForbiddenByRbac"_s);
    const auto secret = vault->secrets.constFind(name.toLower());
    const QString requestedVersion = request.params.value(u"version"_s);
    if (secret == vault->secrets.cend() || (!requestedVersion.isEmpty() && requestedVersion != secret->version))
        return vaultError(404,
            u"SecretNotFound"_s,
            u"A secret with (name/id) %1 was not found in this key vault. If you recently deleted this "
            "secret you may be able to recover it using the correct recovery command. For help resolving "
            "this issue, please see https://go.microsoft.com/fwlink/?linkid=2125182"_s.arg(
                requestedVersion.isEmpty() ? name : name + u'/' + requestedVersion));
    return HttpResponse::json(200,
        QJsonObject { { u"value"_s, secret->value },
            { u"id"_s, u"https://%1.vault.azure.net/secrets/%2/%3"_s.arg(vault->name, name, secret->version) },
            { u"attributes"_s,
                QJsonObject { { u"enabled"_s, true },
                    { u"created"_s, secret->created },
                    { u"updated"_s, secret->created },
                    { u"recoveryLevel"_s, u"Recoverable+Purgeable"_s } } } });
}

} // namespace msb::sandbox
