// SPDX-License-Identifier: BSD-2-Clause
#pragma once

#include "tests/sandbox/entraemulator.h"
#include "tests/sandbox/router.h"

#include <QHash>
#include <QMutex>
#include <QSet>
#include <QString>

namespace msb::sandbox {

/// Emulates Azure Key Vault "get secret" (sentinel-api.md §5): `GET /secrets/{name}[/{version}]?api-version=7.4`
/// with a bearer token for `https://vault.azure.net`, the 401 challenge, 403 ForbiddenByRbac, 404 SecretNotFound.
/// Thread-safe.
///
/// On loopback there is no `{vault}.vault.azure.net` host: the vault is taken from the Host header's first label
/// when it is a name (e.g. a client that sends `Host: myvault.vault.azure.net`), otherwise the default vault
/// (the first one added).
class KeyVaultEmulator final
{
public:
    explicit KeyVaultEmulator(const EntraEmulator *entra);

    void addVault(const QString &vaultName, const QString &tenantId);
    void setSecret(const QString &vaultName, const QString &secretName, const QString &value);
    /// Gives an app "Key Vault Secrets User" on the vault.
    void grant(const QString &vaultName, const QString &clientId);
    /// Audiences accepted in tokens (default https://vault.azure.net with and without the trailing slash).
    void setAcceptedAudiences(const QStringList &audiences);

    void registerRoutes(Router &router);

    int requestCount() const;

private:
    struct Secret
    {
        QString value;
        QString version;
        qint64 created = 0;
    };
    struct Vault
    {
        QString name;
        QString tenantId;
        QSet<QString> grants;
        QHash<QString, Secret> secrets; ///< by lower-case name (Key Vault names are case-insensitive)
    };

    HttpResponse handleGet(const HttpRequest &request);

    const EntraEmulator *m_entra;
    mutable QMutex m_mutex;
    QHash<QString, Vault> m_vaults; ///< by lower-case name
    QString m_defaultVault;
    QStringList m_audiences { QStringLiteral("https://vault.azure.net"), QStringLiteral("https://vault.azure.net/") };
    int m_requests = 0;
};

} // namespace msb::sandbox
