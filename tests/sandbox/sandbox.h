// SPDX-License-Identifier: BSD-2-Clause
#pragma once

#include "tests/sandbox/entraemulator.h"
#include "tests/sandbox/faultplan.h"
#include "tests/sandbox/httpserver.h"
#include "tests/sandbox/keyvaultemulator.h"
#include "tests/sandbox/ratelimiter.h"
#include "tests/sandbox/router.h"
#include "tests/sandbox/sandboxcerts.h"
#include "tests/sandbox/sandboxclock.h"
#include "tests/sandbox/sandboxmodule.h"
#include "tests/sandbox/sentinelemulator.h"
#include "tests/sandbox/workspacestore.h"

#include <QObject>
#include <QUrl>

#include <memory>
#include <vector>

namespace msb::sandbox {

/// How the sandbox listens.
struct SandboxOptions
{
    bool http = true;
    bool https = true;
    quint16 httpPort = 0; ///< 0: ephemeral
    quint16 httpsPort = 0;
    certs::Kind certificate = certs::Kind::Good; ///< what the HTTPS server presents
    QString certificateFile; ///< overrides `certificate` when set (PEM)
    QString keyFile;
    qint64 maxBodyBytes = 32 * 1024 * 1024;
    int idleTimeoutMs = 120000;
};

/// Everything Azure-side in one object: Entra ID tokens, Sentinel uploads (STIX + legacy), Key Vault, the
/// workspace stores, rate limiting and faults, served over loopback HTTP and HTTPS.
///
/// Lives on the thread that creates it (tests: the main thread; wait with QSignalSpy::wait / QTRY_*); the
/// configuration and read-back calls are thread-safe. Configure tenants/apps/workspaces before or after
/// start(); add routes and modules before start().
///
/// \code
/// Sandbox sandbox;
/// sandbox.addApp(tenant, clientId, secret);
/// sandbox.addWorkspace(workspace, tenant);
/// sandbox.grant(workspace, clientId);
/// QVERIFY(sandbox.start());
/// // point the client at sandbox.httpsUrl() (login, upload and vault hosts alike), trust certs::caFile()
/// \endcode
class Sandbox final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Sandbox)

public:
    explicit Sandbox(QObject *parent = nullptr);
    ~Sandbox() override;

    bool start(const SandboxOptions &options = {}, QString *error = nullptr);
    void stop();
    QUrl httpUrl() const; ///< empty when not serving HTTP
    QUrl httpsUrl() const; ///< empty when not serving HTTPS

    // Identity ---------------------------------------------------------------------------------------------
    void addTenant(const QString &tenantId, const QStringList &domains = {});
    /// Adds the tenant too if needed. Call again with another secret to give the app several.
    void addApp(const QString &tenantId, const QString &clientId, const QString &secret, bool expired = false);
    /// Token lifetime in sandbox seconds (expires_in = lifetime / clock scale, rounded up).
    void setTokenLifetime(int seconds);
    /// Every POST to the token endpoint (tests assert token caching with it).
    int tokenRequestCount() const;
    /// A valid token without an HTTP round trip.
    QByteArray issueToken(const QString &tenantId,
        const QString &clientId,
        const QString &audience = QStringLiteral("https://management.azure.com"));

    // Sentinel ---------------------------------------------------------------------------------------------
    void addWorkspace(const QString &workspaceId, const QString &tenantId);
    void grant(const QString &workspaceId, const QString &clientId);
    void revoke(const QString &workspaceId, const QString &clientId);
    RateLimitSettings rateLimit() const;
    void setRateLimit(const RateLimitSettings &settings);
    SentinelOptions sentinelOptions() const;
    void setSentinelOptions(const SentinelOptions &options);
    QList<StoredObject> storedObjects(const QString &workspaceId) const;
    QList<UploadRecord> uploadLog(const QString &workspaceId) const;
    StoreCounts counts(const QString &workspaceId) const;

    // Key Vault --------------------------------------------------------------------------------------------
    void addVault(const QString &vaultName, const QString &tenantId);
    void setVaultSecret(const QString &vaultName, const QString &secretName, const QString &value);
    void grantVault(const QString &vaultName, const QString &clientId);

    // Time, faults, extension ------------------------------------------------------------------------------
    /// Sandbox time runs `scale` times faster (rate windows, token lifetimes).
    void setClockScale(double scale);
    FaultPlan &faults() { return m_faults; }
    Router &router() { return m_router; }
    SandboxClock &clock() { return m_clock; }
    EntraEmulator &entra() { return m_entra; }
    SentinelEmulator &sentinel() { return m_sentinel; }
    KeyVaultEmulator &keyVault() { return m_keyVault; }
    HttpServer *httpServer() const { return m_http.get(); }
    HttpServer *httpsServer() const { return m_https.get(); }
    /// Adds a module; its routes are registered by the next start(). The sandbox owns it.
    void addModule(std::unique_ptr<SandboxModule> module);
    const std::vector<std::unique_ptr<SandboxModule>> &modules() const { return m_modules; }

Q_SIGNALS:
    /// After every request on either server (status 0: a fault sent no status line).
    void requestFinished(const QString &routeName, int status);

private:
    SandboxClock m_clock;
    Router m_router;
    FaultPlan m_faults;
    EntraEmulator m_entra;
    SentinelEmulator m_sentinel;
    KeyVaultEmulator m_keyVault;
    std::vector<std::unique_ptr<SandboxModule>> m_modules;
    size_t m_installedModules = 0;
    std::unique_ptr<HttpServer> m_http;
    std::unique_ptr<HttpServer> m_https;
};

} // namespace msb::sandbox
