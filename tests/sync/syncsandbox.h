// SPDX-License-Identifier: BSD-2-Clause
#pragma once

#include "core/sentinel/clientsecretprovider.h"
#include "core/sentinel/target.h"
#include "core/sync/syncengine.h"
#include "tests/sandbox/sandbox.h"

#include <QSignalSpy>
#include <QTest>

#include <memory>

namespace msb::test {

/// Two tenants, three apps, four workspaces in a sandbox, and targets pointing at it over HTTPS.
/// TENANT_A: app A1 (granted on WS_A1 and WS_A2), app A2 (granted nowhere); TENANT_B: app B1 on WS_B1.
/// WS_UNKNOWN is not a workspace at all.
struct SyncSandbox
{
    static inline const QString TENANT_A = QStringLiteral("aaaaaaaa-0000-4000-8000-000000000001");
    static inline const QString TENANT_B = QStringLiteral("bbbbbbbb-0000-4000-8000-000000000002");
    static inline const QString APP_A1 = QStringLiteral("a1a1a1a1-0000-4000-8000-0000000000a1");
    static inline const QString APP_A2 = QStringLiteral("a2a2a2a2-0000-4000-8000-0000000000a2");
    static inline const QString APP_B1 = QStringLiteral("b1b1b1b1-0000-4000-8000-0000000000b1");
    static inline const QString WS_A1 = QStringLiteral("11111111-aaaa-4000-8000-000000000001");
    static inline const QString WS_A2 = QStringLiteral("22222222-aaaa-4000-8000-000000000002");
    static inline const QString WS_B1 = QStringLiteral("33333333-bbbb-4000-8000-000000000003");
    static inline const QString WS_UNKNOWN = QStringLiteral("44444444-cccc-4000-8000-000000000004");
    static inline const QString SECRET_A1 = QStringLiteral("secret-A1-value~x+y/z");
    static inline const QString SECRET_A2 = QStringLiteral("secret-A2-value");
    static inline const QString SECRET_B1 = QStringLiteral("secret-B1-value");

    sandbox::Sandbox sandbox;
    std::shared_ptr<sentinel::StaticSecretProvider> secrets = std::make_shared<sentinel::StaticSecretProvider>();

    bool start(bool https = true)
    {
        sandbox.addApp(TENANT_A, APP_A1, SECRET_A1);
        sandbox.addApp(TENANT_A, APP_A2, SECRET_A2);
        sandbox.addApp(TENANT_B, APP_B1, SECRET_B1);
        sandbox.addWorkspace(WS_A1, TENANT_A);
        sandbox.addWorkspace(WS_A2, TENANT_A);
        sandbox.addWorkspace(WS_B1, TENANT_B);
        sandbox.grant(WS_A1, APP_A1);
        sandbox.grant(WS_A2, APP_A1);
        sandbox.grant(WS_B1, APP_B1);
        secrets->setSecret(TENANT_A, APP_A1, SECRET_A1);
        secrets->setSecret(TENANT_A, APP_A2, SECRET_A2);
        secrets->setSecret(TENANT_B, APP_B1, SECRET_B1);
        m_https = https;
        QString error;
        const bool ok = sandbox.start({}, &error);
        if (!ok)
            qWarning("sandbox: %s", qPrintable(error));
        return ok;
    }

    sentinel::Target target(const QString &workspace, const QString &tenant, const QString &app) const
    {
        sentinel::Target t;
        t.displayName = QStringLiteral("ws-") + workspace.left(8);
        t.tenantId = tenant;
        t.clientId = app;
        t.workspaceId = workspace;
        t.sourceSystem = QStringLiteral("MISP-test");
        const QUrl base = m_https ? sandbox.httpsUrl() : sandbox.httpUrl();
        const QString host = base.toString(QUrl::StripTrailingSlash);
        t.authorityHostOverride = host;
        t.uploadHostOverride = host;
        t.tls.caFile = sandbox::certs::caFile();
        return t;
    }
    sentinel::Target targetA1() const { return target(WS_A1, TENANT_A, APP_A1); }
    sentinel::Target targetA2() const { return target(WS_A2, TENANT_A, APP_A1); }
    sentinel::Target targetB1() const { return target(WS_B1, TENANT_B, APP_B1); }

    /// Fast, bounded policy for tests: small backoffs, short timeout.
    static sync::SyncOptions fastOptions()
    {
        sync::SyncOptions o;
        o.upload.backoffBaseMs = 50;
        o.upload.backoffMaxMs = 400;
        o.upload.requestTimeoutMs = 3000;
        o.progressIntervalMs = 50;
        return o;
    }

    /// Runs a sync and waits for finished() (the sandbox serves meanwhile on this thread).
    sync::SyncSummary run(
        const sync::SyncRequest &request, int timeoutMs = 60000, QList<sync::TargetProgress> *progress = nullptr)
    {
        sync::SyncEngine engine(secrets);
        QSignalSpy finished(&engine, &sync::SyncEngine::finished);
        QSignalSpy progressSpy(&engine, &sync::SyncEngine::progress);
        if (!engine.start(request))
            return {};
        if (!finished.wait(timeoutMs)) {
            qWarning("sync did not finish in time");
            engine.cancel();
            finished.wait(10000);
        }
        if (progress)
            for (const QList<QVariant> &args : std::as_const(progressSpy))
                progress->append(args.at(0).value<sync::TargetProgress>());
        return finished.isEmpty() ? sync::SyncSummary {} : finished.first().at(0).value<sync::SyncSummary>();
    }

private:
    bool m_https = true;
};

} // namespace msb::test
