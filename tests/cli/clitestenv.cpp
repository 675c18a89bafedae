// SPDX-License-Identifier: BSD-2-Clause
#include "tests/cli/clitestenv.h"

#include "tests/support/testpaths.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QThread>
#include <QUuid>

using namespace Qt::Literals::StringLiterals;

namespace msb::test {

QJsonObject CliRun::json() const
{
    return QJsonDocument::fromJson(out).object();
}

CliWorld::CliWorld()
    : m_mispKey(u"cli-misp-"_s + QUuid::createUuid().toString(QUuid::Id128))
    , m_secretA(u"cli-secret-a-"_s + QUuid::createUuid().toString(QUuid::Id128))
    , m_secretB(u"cli-secret-b-"_s + QUuid::createUuid().toString(QUuid::Id128))
{ }

CliWorld::~CliWorld()
{
    if (m_sandbox && m_sandbox->state() != QProcess::NotRunning) {
        m_sandbox->terminate();
        if (!m_sandbox->waitForFinished(5000))
            m_sandbox->kill();
        m_sandbox->waitForFinished(2000);
    }
}

QString CliWorld::secretVariable(const QString &tenant, const QString &client)
{
    auto part = [](QString s) { return s.toUpper().replace(u'-', u'_'); };
    return u"MSB_CLIENT_SECRET_"_s + part(tenant) + u'_' + part(client);
}

bool CliWorld::start(QString *error)
{
    if (!m_dir.isValid()) {
        *error = u"no temporary directory"_s;
        return false;
    }
    for (const char *sub : { "home", "config", "data", "cache", "run" })
        QDir(m_dir.path()).mkpath(QString::fromLatin1(sub));
    QFile::setPermissions(
        m_dir.path() + u"/run"_s, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    auto tenant = [](const QString &id, const QString &client, const QString &secret) {
        return QJsonObject { { u"id"_s, id },
            { u"apps"_s,
                QJsonArray { QJsonObject { { u"clientId"_s, client },
                    { u"secrets"_s, QJsonArray { QJsonObject { { u"value"_s, secret } } } } } } } };
    };
    auto workspace = [](const QString &id, const QString &tenantId, const QJsonArray &grants) {
        return QJsonObject { { u"id"_s, id }, { u"tenant"_s, tenantId }, { u"grants"_s, grants } };
    };
    const QJsonObject config {
        { u"http"_s, QJsonObject { { u"enabled"_s, true }, { u"port"_s, 0 } } },
        { u"https"_s, QJsonObject { { u"enabled"_s, false } } },
        { u"tenants"_s,
            QJsonArray { tenant(tenantA(), clientA(), m_secretA), tenant(tenantB(), clientB(), m_secretB) } },
        { u"workspaces"_s,
            QJsonArray { workspace(wsProd(), tenantA(), { clientA() }),
                workspace(wsTest(), tenantA(), { clientA() }),
                workspace(wsPartner(), tenantB(), { clientB() }),
                workspace(wsNoRole(), tenantA(), {}) } },
        // misp2sentinel's Key Vault (profiles import --key-vault): app A may read it, app B may not.
        { u"vaults"_s,
            QJsonArray { QJsonObject { { u"name"_s, keyVaultName() },
                { u"tenant"_s, tenantA() },
                { u"grants"_s, QJsonArray { clientA() } },
                { u"secrets"_s,
                    QJsonObject { { u"tenants"_s, vaultTenantsJson() }, { u"MISP-Key"_s, m_mispKey } } } } } },
        { u"modules"_s,
            QJsonObject { { u"misp"_s,
                QJsonObject { { u"directory"_s, QString(sourceDir() + u"/resources/demo/misp"_s) },
                    { u"apiKey"_s, m_mispKey } } } } },
    };
    const QString configPath = m_dir.filePath(u"sandbox.json"_s);
    QFile file(configPath);
    if (!file.open(QIODevice::WriteOnly) || file.write(QJsonDocument(config).toJson()) < 0) {
        *error = u"cannot write the sandbox config"_s;
        return false;
    }
    file.close();
    const QString readyPath = m_dir.filePath(u"ready.json"_s);
    m_sandbox = std::make_unique<QProcess>();
    m_sandbox->setProcessChannelMode(QProcess::ForwardedErrorChannel);
    m_sandbox->start(binaryDir() + u"/msb-sandbox"_s,
        { u"--config"_s, configPath, u"--ready-file"_s, readyPath, u"--exit-on-stdin-close"_s });
    if (!m_sandbox->waitForStarted(10000)) {
        *error = u"msb-sandbox did not start: "_s + m_sandbox->errorString();
        return false;
    }
    QDeadlineTimer deadline(20000);
    while (!QFile::exists(readyPath) && !deadline.hasExpired() && m_sandbox->state() == QProcess::Running) {
        m_sandbox->waitForReadyRead(50);
        QThread::msleep(20);
    }
    QFile ready(readyPath);
    if (!ready.open(QIODevice::ReadOnly)) {
        *error = u"msb-sandbox wrote no ready file"_s;
        return false;
    }
    m_url = QJsonDocument::fromJson(ready.readAll()).object().value(u"http"_s).toString();
    while (m_url.endsWith(u'/'))
        m_url.chop(1);
    return !m_url.isEmpty();
}

QString CliWorld::vaultTenantsJson() const
{
    return QString::fromUtf8(QJsonDocument(QJsonArray { QJsonObject { { u"tenantId"_s, tenantA() },
                                                            { u"id"_s, clientA() },
                                                            { u"secret"_s, m_secretA },
                                                            { u"workspaceId"_s, wsProd() } },
                                               QJsonObject { { u"tenantId"_s, tenantB() },
                                                   { u"id"_s, clientB() },
                                                   { u"secret"_s, m_secretB },
                                                   { u"workspaceId"_s, wsPartner() } } })
                                 .toJson(QJsonDocument::Compact));
}

QProcessEnvironment CliWorld::environment() const
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    // Nothing of the developer's or CI's own setup may leak in.
    for (const QString &name : env.keys()) {
        if (name.startsWith(u"MSB_"_s) || name == u"tenants"_s || name == u"mispurl"_s || name == u"mispkey"_s
            || name == u"client_secret"_s)
            env.remove(name);
    }
    env.insert(u"HOME"_s, m_dir.filePath(u"home"_s));
    env.insert(u"XDG_CONFIG_HOME"_s, m_dir.filePath(u"config"_s));
    env.insert(u"XDG_DATA_HOME"_s, m_dir.filePath(u"data"_s));
    env.insert(u"XDG_CACHE_HOME"_s, m_dir.filePath(u"cache"_s));
    env.insert(u"XDG_RUNTIME_DIR"_s, m_dir.filePath(u"run"_s));
    env.insert(u"MSB_SECRETS"_s, u"env"_s);
    env.insert(u"MSB_MISP_KEY"_s, m_mispKey);
    env.insert(secretVariable(tenantA(), clientA()), m_secretA);
    env.insert(secretVariable(tenantB(), clientB()), m_secretB);
    return env;
}

CliRun CliWorld::run(
    const QStringList &args, const QProcessEnvironment &env, const QByteArray &input, const QString &program) const
{
    QProcess p;
    p.setProcessEnvironment(env);
    p.start(program.isEmpty() ? appExecutable() : program, args);
    CliRun r;
    if (!p.waitForStarted(10000))
        return r;
    if (!input.isEmpty())
        p.write(input);
    p.closeWriteChannel();
    r.finished = p.waitForFinished(120000);
    if (!r.finished) {
        p.kill();
        p.waitForFinished(5000);
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

QJsonObject CliWorld::profileJson(const QString &name, const QString &kind, bool badTarget) const
{
    auto target = [this](const QString &display,
                      const QString &tenant,
                      const QString &client,
                      const QString &ws,
                      const QString &api) {
        return QJsonObject { { u"displayName"_s, display },
            { u"tenantId"_s, tenant },
            { u"clientId"_s, client },
            { u"workspaceId"_s, ws },
            { u"apiKind"_s, api },
            { u"authorityHost"_s, m_url },
            { u"uploadHost"_s, m_url } };
    };
    QJsonArray targets { target(u"Prod"_s, tenantA(), clientA(), wsProd(), u"stix-objects"_s),
        target(u"Partner"_s, tenantB(), clientB(), wsPartner(), u"legacy-indicators"_s) };
    if (badTarget)
        targets.append(target(u"NoRole"_s, tenantA(), clientA(), wsNoRole(), u"stix-objects"_s));
    QJsonObject misp { { u"kind"_s, kind },
        { u"pageSize"_s, 2 },
        { u"timeoutSeconds"_s, 20 },
        { u"eventFilters"_s, QJsonObject { { u"published"_s, 1 } } } };
    if (kind == u"feed"_s)
        misp.insert(u"feedPath"_s, QString(sourceDir() + u"/resources/demo/misp"_s));
    else
        misp.insert(u"url"_s, m_url);
    return QJsonObject { { u"name"_s, name },
        { u"misp"_s, misp },
        { u"targets"_s, targets },
        { u"policy"_s,
            QJsonObject { { u"dropExpired"_s, false },
                { u"defaultExpiryDays"_s, 365 },
                { u"expiryBase"_s, u"valid_from"_s } } } };
}

int CliWorld::importProfile(const QJsonObject &profile) const
{
    const QString path = m_dir.filePath(profile.value(u"name"_s).toString() + u".profile.json"_s);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return -1;
    file.write(QJsonDocument(profile).toJson());
    file.close();
    return run(
        { u"profiles"_s, u"import"_s, u"--name"_s, profile.value(u"name"_s).toString(), u"--profile-json"_s, path })
        .exitCode;
}

} // namespace msb::test
