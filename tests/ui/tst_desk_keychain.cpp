// SPDX-License-Identifier: BSD-2-Clause
// The desk with its secrets in the REAL OS keychain (every other desk test uses the environment
// provider): the profile's MISP key and client secret are stored through KeychainSecretStore, then
// Fetch (key read on a QtConcurrent worker inside its own event loop) → Dry run → Sync (client secret
// read on the sync runner's QThread) to 100 % against the sandbox.
// Without a reachable Secret Service the test QSKIPs, unless MSB_REQUIRE_KEYCHAIN=1 (CI's run_headless)
// where that is a failure. The entries live under a test-only service name and are removed afterwards.
#include "core/secrets/keychainsecretstore.h"
#include "core/secrets/secretkeys.h"
#include "tests/sandbox/misp/mispemulator.h"
#include "tests/sandbox/sandbox.h"
#include "ui/deskbackend.h"
#include "ui/guithreadsecretstore.h"
#include "ui/mainwindow.h"
#include "ui/models/historymodel.h"
#include "ui/views/historyview.h"

#include <QAction>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <optional>

using namespace msb;
using namespace msb::ui;
using namespace Qt::Literals::StringLiterals;

namespace {

const QString kService = u"org.mispsentinelbridge.test.desk"_s;
const QString kTenant = u"33333333-cccc-4ccc-8ccc-000000000003"_s;
const QString kClient = u"cccccccc-0000-4000-8000-00000000000c"_s;
const QString kWorkspace = u"c0ffee00-0000-4000-8000-0000000000c3"_s;
const QString kSecret = u"desk-keychain-secret-7f3e21"_s;

bool keychainRequired()
{
    return qEnvironmentVariableIntValue("MSB_REQUIRE_KEYCHAIN") == 1;
}

} // namespace

class TestDeskKeychain final : public QObject
{
    Q_OBJECT

    sandbox::Sandbox m_sandbox;
    sandbox::misp::MispEmulator m_misp;
    QTemporaryDir m_dir;
    QString m_profileName = u"Desk Keychain "_s + QUuid::createUuid().toString(QUuid::Id128).left(12);
    QStringList m_written;

    config::Profile profile() const
    {
        const QString url = m_sandbox.httpUrl().toString(QUrl::StripTrailingSlash);
        config::Profile p;
        p.name = m_profileName;
        p.misp.kind = config::MispSettings::Kind::Server;
        p.misp.url = QUrl(url);
        p.misp.timeoutSeconds = 20;
        p.misp.eventFilters = QJsonObject { { u"published"_s, 1 } };
        p.policy.dropExpired = false; // the demo data is older than the run
        p.policy.defaultExpiryDays = 365;
        config::TargetSettings t;
        t.displayName = u"Keychain WS"_s;
        t.tenantId = kTenant;
        t.clientId = kClient;
        t.workspaceId = kWorkspace;
        t.authorityHostOverride = url;
        t.uploadHostOverride = url;
        p.targets = { t };
        return p;
    }

    /// Writes on this (the GUI) thread; false with `why` when the keychain does not take it.
    bool store(const QString &key, const QString &value, QString *why)
    {
        secrets::KeychainSecretStore keychain(kService);
        std::optional<Status> written;
        keychain.write(key, value, this, [&](Status s) { written = s; });
        // gnome-keyring can hang on a prompt under Xvfb: bounded wait.
        if (!QTest::qWaitFor([&] { return written.has_value(); }, 20000)) {
            *why = u"the keychain did not answer within 20 s"_s;
            return false;
        }
        if (!written->ok()) {
            *why = written->error().message;
            return false;
        }
        m_written << key;
        return true;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QString error;
        QVERIFY2(
            m_misp.loadDirectory(QStringLiteral(MSB_SOURCE_DIR "/resources/demo/misp"), &error), qPrintable(error));
        m_misp.install(m_sandbox.router());
        m_sandbox.addApp(kTenant, kClient, kSecret);
        m_sandbox.addWorkspace(kWorkspace, kTenant);
        m_sandbox.grant(kWorkspace, kClient);
        sandbox::SandboxOptions options;
        options.https = false;
        QVERIFY2(m_sandbox.start(options, &error), qPrintable(error));
    }

    void cleanupTestCase()
    {
        secrets::KeychainSecretStore keychain(kService);
        for (const QString &key : std::as_const(m_written)) {
            std::optional<Status> removed;
            keychain.remove(key, this, [&](Status s) { removed = s; });
            QTRY_VERIFY_WITH_TIMEOUT(removed.has_value(), 20000);
            QVERIFY2(removed->ok(), qPrintable(removed->ok() ? QString() : removed->error().message));
        }
    }

    void syncWithSecretsFromTheKeychain()
    {
        QString why;
        if (!store(secrets::mispKeyName(m_profileName), QString::fromLatin1(m_misp.options().apiKey), &why)) {
            if (keychainRequired())
                QFAIL(qPrintable(u"keychain unusable although MSB_REQUIRE_KEYCHAIN=1: "_s + why));
            QSKIP(qPrintable(u"no usable Secret Service in this session (run it under build.sh's run_headless, "
                             u"or set MSB_REQUIRE_KEYCHAIN=1 to make this a failure): "_s
                + why));
        }
        QVERIFY2(store(secrets::clientSecretKeyName(m_profileName, kTenant, kClient), kSecret, &why), qPrintable(why));

        CoreBackendOptions options;
        options.ledgerPath = m_dir.filePath(u"ledger.sqlite"_s);
        // The keychain only (no environment layer), on this (the GUI) thread like the app's: the workers
        // (fetch on a QtConcurrent thread, sync on the runner's QThread) reach it through
        // GuiThreadSecretStore. QtKeychain binds its job executor to the thread of its first job (the
        // writes above), so a keychain job started on a worker thread crashed here before.
        auto keychain = std::make_shared<secrets::KeychainSecretStore>(kService);
        options.secretStore = [keychain, home = this] {
            return std::unique_ptr<secrets::SecretStore>(std::make_unique<GuiThreadSecretStore>(keychain, home));
        };
        DeskBackend b = coreBackend(options);
        const config::Profile p = profile();
        b.profileNames = [p] { return QStringList { p.name }; };
        b.loadProfile = [p](const QString &) { return p; };

        MainWindow window(b);
        QSignalSpy fetched(window.controller(), &DeskController::fetched);
        window.fetchAction()->trigger();
        QVERIFY(fetched.wait(60000));
        const FetchOutcome outcome = fetched.at(0).at(0).value<FetchOutcome>();
        QVERIFY2(outcome.error.isEmpty(), qPrintable(outcome.error));
        QVERIFY(!outcome.events.isEmpty());

        window.dryRunAction()->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(window.controller()->hasPlan(), 30000);
        const PreviewPlan &plan = window.controller()->plan();
        const qsizetype planned = plan.inputObjects < 0 ? plan.objects.size() : plan.inputObjects;
        QVERIFY(planned > 0);

        QSignalSpy finished(window.controller(), &DeskController::syncFinished);
        window.syncAction()->trigger();
        QVERIFY(finished.wait(120000));
        const RunRecord run = finished.at(0).at(0).value<RunRecord>();
        QVERIFY2(run.errors.isEmpty(), qPrintable(run.errors.join(u"; "_s)));
        QVERIFY(!run.cancelled);
        QCOMPARE(run.targets.size(), 1);
        QCOMPARE(run.targets.constFirst().accepted, qint64(planned));
        QCOMPARE(m_sandbox.storedObjects(kWorkspace).size(), planned);
        QTRY_COMPARE_WITH_TIMEOUT(window.historyView()->model()->rowCount(), 1, 10000);
        QCOMPARE(window.historyView()->model()->index(0, HistoryModel::Result).data().toString(), u"complete"_s);
    }
};

QTEST_MAIN(TestDeskKeychain)
#include "tst_desk_keychain.moc"
