// SPDX-License-Identifier: BSD-2-Clause
#include "tests/sandbox/sandbox.h"

#include <QJsonArray>

using namespace Qt::Literals::StringLiterals;

namespace msb::sandbox {

Sandbox::Sandbox(QObject *parent)
    : QObject(parent)
    , m_entra(&m_clock)
    , m_sentinel(&m_entra, &m_clock)
    , m_keyVault(&m_entra)
{
    m_entra.registerRoutes(m_router);
    m_sentinel.registerRoutes(m_router);
    m_keyVault.registerRoutes(m_router);
    m_router.addInternal("GET", u"/_sandbox/status"_s, u"sandbox-status"_s, [this](const HttpRequest &) {
        QJsonObject workspaces;
        for (const QString &id : m_sentinel.workspaces())
            workspaces.insert(id, WorkspaceStore::countsJson(m_sentinel.store(id)->counts()));
        return HttpResponse::json(200,
            QJsonObject { { u"tokenRequests"_s, m_entra.tokenRequestCount() },
                { u"tokensIssued"_s, m_entra.tokensIssued() },
                { u"uploadRequests"_s, m_sentinel.uploadRequests() },
                { u"rateLimited"_s, m_sentinel.rateLimiter().rejected() },
                { u"faultsInjected"_s, m_faults.injected() },
                { u"workspaces"_s, workspaces } });
    });
}

Sandbox::~Sandbox()
{
    stop();
}

bool Sandbox::start(const SandboxOptions &options, QString *error)
{
    stop();
    // Modules are configured between addModule() and start(); their routes go in once.
    for (; m_installedModules < m_modules.size(); ++m_installedModules)
        m_modules.at(m_installedModules)->registerRoutes(m_router, *this);
    auto makeServer = [&](bool tls, quint16 port) -> std::unique_ptr<HttpServer> {
        auto server = std::make_unique<HttpServer>(&m_router, &m_faults);
        connect(server.get(), &HttpServer::requestFinished, this, &Sandbox::requestFinished);
        ServerOptions serverOptions;
        serverOptions.port = port;
        serverOptions.tls = tls;
        serverOptions.maxBodyBytes = options.maxBodyBytes;
        serverOptions.idleTimeoutMs = options.idleTimeoutMs;
        if (tls) {
            serverOptions.certificateFile = options.certificateFile.isEmpty()
                ? certs::certificateFile(options.certificate)
                : options.certificateFile;
            serverOptions.privateKeyFile
                = options.keyFile.isEmpty() ? certs::keyFile(options.certificate) : options.keyFile;
        }
        if (!server->listen(serverOptions, error))
            return nullptr;
        return server;
    };
    if (options.http) {
        m_http = makeServer(false, options.httpPort);
        if (!m_http)
            return false;
    }
    if (options.https) {
        m_https = makeServer(true, options.httpsPort);
        if (!m_https) {
            stop();
            return false;
        }
    }
    return true;
}

void Sandbox::stop()
{
    m_http.reset();
    m_https.reset();
}

QUrl Sandbox::httpUrl() const
{
    return m_http ? m_http->baseUrl() : QUrl();
}

QUrl Sandbox::httpsUrl() const
{
    return m_https ? m_https->baseUrl() : QUrl();
}

void Sandbox::addTenant(const QString &tenantId, const QStringList &domains)
{
    m_entra.addTenant(tenantId, domains);
}

void Sandbox::addApp(const QString &tenantId, const QString &clientId, const QString &secret, bool expired)
{
    m_entra.addApp(tenantId, clientId, secret, expired);
}

void Sandbox::setTokenLifetime(int seconds)
{
    m_entra.setTokenLifetime(seconds);
}

int Sandbox::tokenRequestCount() const
{
    return m_entra.tokenRequestCount();
}

QByteArray Sandbox::issueToken(const QString &tenantId, const QString &clientId, const QString &audience)
{
    return m_entra.issueToken(tenantId, clientId, audience);
}

void Sandbox::addWorkspace(const QString &workspaceId, const QString &tenantId)
{
    m_sentinel.addWorkspace(workspaceId, tenantId);
}

void Sandbox::grant(const QString &workspaceId, const QString &clientId)
{
    m_sentinel.grant(workspaceId, clientId);
}

void Sandbox::revoke(const QString &workspaceId, const QString &clientId)
{
    m_sentinel.revoke(workspaceId, clientId);
}

RateLimitSettings Sandbox::rateLimit() const
{
    return const_cast<SentinelEmulator &>(m_sentinel).rateLimiter().settings();
}

void Sandbox::setRateLimit(const RateLimitSettings &settings)
{
    m_sentinel.rateLimiter().setSettings(settings);
}

SentinelOptions Sandbox::sentinelOptions() const
{
    return m_sentinel.options();
}

void Sandbox::setSentinelOptions(const SentinelOptions &options)
{
    m_sentinel.setOptions(options);
}

QList<StoredObject> Sandbox::storedObjects(const QString &workspaceId) const
{
    const WorkspaceStore *store = m_sentinel.store(workspaceId);
    return store ? store->objects() : QList<StoredObject>();
}

QList<UploadRecord> Sandbox::uploadLog(const QString &workspaceId) const
{
    const WorkspaceStore *store = m_sentinel.store(workspaceId);
    return store ? store->log() : QList<UploadRecord>();
}

StoreCounts Sandbox::counts(const QString &workspaceId) const
{
    const WorkspaceStore *store = m_sentinel.store(workspaceId);
    return store ? store->counts() : StoreCounts();
}

void Sandbox::addVault(const QString &vaultName, const QString &tenantId)
{
    m_keyVault.addVault(vaultName, tenantId);
}

void Sandbox::setVaultSecret(const QString &vaultName, const QString &secretName, const QString &value)
{
    m_keyVault.setSecret(vaultName, secretName, value);
}

void Sandbox::grantVault(const QString &vaultName, const QString &clientId)
{
    m_keyVault.grant(vaultName, clientId);
}

void Sandbox::setClockScale(double scale)
{
    m_clock.setScale(scale);
}

void Sandbox::addModule(std::unique_ptr<SandboxModule> module)
{
    m_modules.push_back(std::move(module));
}

} // namespace msb::sandbox
