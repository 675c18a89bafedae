// SPDX-License-Identifier: BSD-2-Clause
#pragma once

#include "core/net/tlstrust.h"
#include "core/sentinel/cloud.h"
#include "core/util/result.h"

#include <QByteArray>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QUrl>

#include <functional>

class QNetworkAccessManager;
class QNetworkReply;

namespace msb::secrets {

/// Where and as whom to read Azure Key Vault secrets (sentinel-api.md §5). No secret in it.
struct KeyVaultSettings
{
    sentinel::Cloud cloud = sentinel::Cloud::AzurePublic;
    QString vaultName; ///< "myvault" (or "myvault.vault.azure.net" / "https://myvault.vault.azure.net/")
    QString tenantId;
    QString clientId;
    /// Overrides for a sandbox or proxy: "https://127.0.0.1:8443". Empty: the cloud's hosts.
    QString authorityHostOverride;
    QString vaultHostOverride;
    /// Extra trust (test CA file or pin). Verification is never disabled.
    net::TlsTrust tls;
    int timeoutMs = 30000; ///< per request (token and secret each)

    /// The bare vault name: a full host or URL of this cloud's suffix is reduced to its first label.
    QString name() const;
    /// https://{vault}{suffix} or the override, without a trailing slash.
    QString vaultBaseUrl() const;
    /// {vault}/secrets/{secret}?api-version=7.4
    QUrl secretUrl(const QString &secretName) const;
    /// {authority}/{tenant}/oauth2/v2.0/token
    QUrl tokenUrl() const;
    /// Why these settings cannot be used (empty: usable): bad vault name, missing ids, refused URL.
    QString validate() const;
};

/// Plain-words error for a Key Vault "get secret" answer that is not 200: names the vault and the
/// secret, never a secret value. Pure function (tests, fuzzing).
Error describeKeyVaultError(int httpStatus,
    const QByteArray &body,
    const QString &vaultName,
    const QString &secretName,
    const QString &clientId,
    const QString &tenantId);

/// Reads secrets from one Key Vault with the client credentials of an Entra ID app: one token for
/// the scope https://vault.azure.net/.default (per cloud), then GET /secrets/{name}?api-version=7.4.
///
/// The token request reuses the token service's answer parsing and AADSTS messages
/// (core/sentinel/tokenerror.h); the TokenProvider itself is tied to the Sentinel scope of a Target.
/// Network errors, 429 and 5xx are retried (at most 3 attempts per request); every request has
/// the settings' timeout; TLS goes through net::applyTrust/attachTrustCheck; plain http only to
/// loopback. The client secret, the token and every secret value read are registered for log
/// redaction. Lives in the thread of the QNetworkAccessManager; callbacks run later on it.
class KeyVaultClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(KeyVaultClient)

public:
    using Callback = std::function<void(Result<QString>)>;

    KeyVaultClient(QNetworkAccessManager *network,
        KeyVaultSettings settings,
        const QString &clientSecret,
        QObject *parent = nullptr);
    ~KeyVaultClient() override;

    /// The latest version of the secret's value. One request at a time per client.
    void getSecret(const QString &secretName, Callback callback);
    /// Aborts a request in flight; its caller gets Error::Code::Cancelled.
    void cancel();

    const KeyVaultSettings &settings() const { return m_settings; }

private:
    void requestToken();
    void requestSecret();
    void finish(const Result<QString> &result);
    bool retryLater(int status, void (KeyVaultClient::*step)());
    Error transportError(QNetworkReply *reply, const QString &what) const;

    QNetworkAccessManager *m_network;
    KeyVaultSettings m_settings;
    QString m_clientSecret;
    QString m_token;
    qint64 m_tokenExpiresAtMs = 0;
    QString m_secretName;
    Callback m_callback;
    QPointer<QNetworkReply> m_reply;
    int m_attempt = 0;
};

} // namespace msb::secrets
