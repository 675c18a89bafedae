// SPDX-License-Identifier: BSD-2-Clause
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <memory>

namespace msb::test {

/// What one run of the CLI produced.
struct CliRun
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    bool finished = false;
    QJsonObject json() const; ///< stdout parsed as one JSON object (empty if it is not)
};

/// Demo-like world for CLI tests: msb-sandbox (MISP emulator with resources/demo/misp, two
/// tenants, three workspaces of which one lacks the role grant) on 127.0.0.1, and a private
/// HOME/XDG tree. Secrets go to the CLI only through its environment (MSB_SECRETS=env).
class CliWorld final
{
public:
    CliWorld();
    ~CliWorld();
    CliWorld(const CliWorld &) = delete;
    CliWorld &operator=(const CliWorld &) = delete;

    /// Starts the sandbox; false with a message in `error`.
    bool start(QString *error);
    QString url() const { return m_url; }
    QString home() const { return m_dir.path(); }

    /// The environment of a CLI run: private XDG dirs, MSB_SECRETS=env, the right secrets.
    QProcessEnvironment environment() const;
    /// Runs the app (or `program`, e.g. a wrapper) with `args`, `env` and optional stdin.
    CliRun run(const QStringList &args,
        const QProcessEnvironment &env,
        const QByteArray &input = {},
        const QString &program = {}) const;
    CliRun run(const QStringList &args) const { return run(args, environment()); }

    /// A profile JSON (as `profiles import --profile-json` reads) for the sandbox.
    /// kind: "server" or "feed". `badTarget`: add the workspace the app has no role on.
    QJsonObject profileJson(const QString &name, const QString &kind, bool badTarget = false) const;
    /// Imports it; returns the CLI's exit code.
    int importProfile(const QJsonObject &profile) const;

    // Fixed identities of the sandbox.
    static QString tenantA() { return QStringLiteral("11111111-aaaa-4aaa-8aaa-000000000001"); }
    static QString tenantB() { return QStringLiteral("22222222-bbbb-4bbb-8bbb-000000000002"); }
    static QString clientA() { return QStringLiteral("aaaaaaaa-0000-4000-8000-00000000000a"); }
    static QString clientB() { return QStringLiteral("bbbbbbbb-0000-4000-8000-00000000000b"); }
    static QString wsProd() { return QStringLiteral("c0ffee00-0000-4000-8000-000000000001"); }
    static QString wsTest() { return QStringLiteral("c0ffee00-0000-4000-8000-000000000002"); }
    static QString wsPartner() { return QStringLiteral("c0ffee00-0000-4000-8000-000000000003"); }
    static QString wsNoRole() { return QStringLiteral("c0ffee00-0000-4000-8000-000000000004"); }

    /// The sandbox's Key Vault (secrets "tenants" = both apps, "MISP-Key"; app A granted, B not).
    static QString keyVaultName() { return QStringLiteral("cli-m2s-kv"); }
    QString vaultTenantsJson() const;

    QString mispKey() const { return m_mispKey; }
    QString secretA() const { return m_secretA; }
    QString secretB() const { return m_secretB; }
    static QString secretVariable(const QString &tenant, const QString &client);

private:
    QTemporaryDir m_dir;
    std::unique_ptr<QProcess> m_sandbox;
    QString m_url;
    QString m_mispKey;
    QString m_secretA;
    QString m_secretB;
};

} // namespace msb::test
