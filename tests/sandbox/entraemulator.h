// SPDX-License-Identifier: BSD-2-Clause
#pragma once

#include "tests/sandbox/router.h"
#include "tests/sandbox/sandboxclock.h"

#include <QHash>
#include <QMutex>
#include <QSet>
#include <QString>
#include <QStringList>

namespace msb::sandbox {

/// What an issued (opaque) access token stands for.
struct TokenInfo
{
    bool known = false; ///< false: never issued here (or forgotten)
    QString tenantId; ///< canonical tenant GUID
    QString clientId;
    QString audience; ///< the scope's resource as requested, e.g. "https://management.azure.com"
    qint64 expiresAtMs = 0; ///< sandbox clock
    bool expired = false; ///< at the time of lookup()
};

/// Emulates the Entra ID v2.0 client-credentials token endpoint `POST /{tenant}/oauth2/v2.0/token`
/// with the success and error bodies of sentinel-api.md §4. Thread-safe.
///
/// Tokens are opaque random strings; lookup() maps them back to tenant, app, audience and expiry so the
/// other emulators can check them.
class EntraEmulator final
{
public:
    explicit EntraEmulator(const SandboxClock *clock);

    /// A tenant by GUID, optionally also reachable by domain names ("contoso.onmicrosoft.com").
    void addTenant(const QString &tenantId, const QStringList &domains = {});
    /// An app registration with one client secret (call again to add more secrets to the same app).
    /// An expired secret answers AADSTS7000222.
    void addApp(const QString &tenantId, const QString &clientId, const QString &secret, bool expired = false);
    /// Marks every secret of an app expired (or valid again).
    void setSecretsExpired(const QString &tenantId, const QString &clientId, bool expired);
    /// Stable service-principal object id of an app (used in UnauthorizedAccess messages).
    QString objectId(const QString &tenantId, const QString &clientId) const;

    /// Token lifetime in sandbox seconds (default 3599, like Entra).
    void setTokenLifetime(int seconds);
    int tokenLifetime() const;
    /// Resources a scope may name ("<resource>/.default"). Defaults: ARM (public, US Gov, China), Key Vault,
    /// Graph, Log Analytics.
    void setKnownResources(const QStringList &resources);

    void registerRoutes(Router &router);

    TokenInfo lookup(const QByteArray &token) const;
    /// Issues a token without an HTTP round trip (tests that only care about the upload side).
    QByteArray issueToken(const QString &tenantId, const QString &clientId, const QString &audience);
    /// Makes every token issued so far expired (the next use gets 401).
    void expireAllTokens();

    /// Every POST to the token endpoint, successful or not.
    int tokenRequestCount() const;
    /// Successful token responses only.
    int tokensIssued() const;
    /// Token requests per client id.
    int tokenRequestCount(const QString &clientId) const;

    /// The canonical tenant id for a GUID or domain, empty if unknown.
    QString resolveTenant(const QString &tenantOrDomain) const;

private:
    struct Secret
    {
        QString value;
        bool expired = false;
    };
    struct App
    {
        QString clientId;
        QString objectId;
        QList<Secret> secrets;
    };
    struct Tenant
    {
        QString id;
        QStringList domains;
        QHash<QString, App> apps; ///< by lower-case client id
    };

    HttpResponse handleToken(const HttpRequest &request);
    QString resolveTenantLocked(const QString &tenantOrDomain) const;

    const SandboxClock *m_clock;
    mutable QMutex m_mutex;
    QHash<QString, Tenant> m_tenants; ///< by lower-case id
    QHash<QByteArray, TokenInfo> m_tokens;
    QStringList m_resources;
    int m_lifetimeSeconds = 3599;
    int m_requests = 0;
    int m_issued = 0;
    QHash<QString, int> m_requestsByClient;
};

} // namespace msb::sandbox
