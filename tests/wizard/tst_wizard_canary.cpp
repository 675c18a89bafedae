// SPDX-License-Identifier: BSD-2-Clause
// Canary: unique secrets typed into the wizard, tested against the sandbox (MISP connection test with
// the key, Entra ID token requests with a wrong and the right client secret), saved on Finish into a
// secret store and then used by a real sync (SyncJob reading them back from that store) must not
// appear in any file under the test's HOME / XDG config, data, cache and state directories, the log
// directory, the process arguments, the environment or stderr.
//
// Two stores: the in-memory one (always runs) and the system keychain through QtKeychain. The
// keychain case skips without a usable Secret Service, and fails instead when MSB_REQUIRE_KEYCHAIN=1
// (CI runs ctest in a private D-Bus session with an unlocked gnome-keyring: run_headless in build.sh).
#include "core/config/profilestore.h"
#include "core/log/logging.h"
#include "core/log/redact.h"
#include "core/secrets/indexedsecretstore.h"
#include "core/secrets/inmemorysecretstore.h"
#include "core/secrets/keychainsecretstore.h"
#include "core/sync/syncjob.h"
#include "tests/reliability/figures.h"
#include "tests/sandbox/misp/mispemulator.h"
#include "tests/sandbox/sandbox.h"
#include "tests/wizard/wizarddriver.h"
#include "ui/wizard/setupwizard.h"

#include <QApplication>
#include <QDateTime>
#include <QDirIterator>
#include <QFile>
#include <QGroupBox>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>
#include <QUuid>

#include <cstdio>
#include <memory>
#include <optional>
#include <unistd.h>

using namespace Qt::Literals::StringLiterals;
using namespace msb;
using namespace msb::test;
using msb::ui::wizard::SetupWizard;

namespace {
QString g_root; // the private HOME of this run, set in main() before Qt starts
QString g_keyringDir; // where the session's gnome-keyring keeps its files (inherited XDG_DATA_HOME)
const QString kKeychainService = u"org.mispsentinelbridge.canary"_s;

bool keychainRequired()
{
    return qEnvironmentVariableIntValue("MSB_REQUIRE_KEYCHAIN") == 1;
}

/// Every form a secret could take on its way to a file: raw, UTF-16, base64, percent-encoded.
QList<QByteArray> forms(const QByteArray &secret)
{
    const QString s = QString::fromUtf8(secret);
    return { secret,
        QByteArray(reinterpret_cast<const char *>(s.utf16()), s.size() * 2),
        secret.toBase64(),
        QUrl::toPercentEncoding(s) };
}
} // namespace

class TestWizardCanary final : public QObject
{
    Q_OBJECT

    const QString kTenant = u"7a1c3e55-0d1b-4c8e-9f0a-2b3c4d5e6f70"_s;
    const QString kApp = u"3f2e1d0c-b9a8-4766-8554-433221100fed"_s;
    const QString kWorkspace = u"0e9d8c7b-6a59-4483-9271-605f4e3d2c1b"_s;

    /// The wizard, the sync and the scan over one backing store (the wizard sees it through the
    /// IndexedSecretStore the app uses).
    void runCanary(secrets::SecretStore &backing, const QString &profileName)
    {
        const QString unique = QUuid::createUuid().toString(QUuid::Id128);
        const QString clientCanary = u"CANARY-client-"_s + unique;
        const QString wrongCanary = u"CANARY-wrong-client-"_s + unique;
        const QByteArray mispCanary = "CANARY-misp-" + unique.toLatin1();
        const QString wrongMispCanary = u"CANARY-wrong-misp-"_s + unique;

        sandbox::Sandbox sandbox;
        sandbox.addTenant(kTenant);
        sandbox.addApp(kTenant, kApp, clientCanary);
        sandbox.addWorkspace(kWorkspace, kTenant);
        sandbox.grant(kWorkspace, kApp);
        sandbox::misp::EmulatorOptions mispOptions;
        mispOptions.apiKey = mispCanary;
        sandbox::misp::MispEmulator misp(mispOptions);
        // Recent events: the wizard's default filters take the last 14 days only.
        misp.setGenerated({ 5, 5, QDateTime::currentSecsSinceEpoch() - 3600, 60 });
        misp.install(sandbox.router());
        sandbox::SandboxOptions options;
        options.https = false;
        QString error;
        QVERIFY2(sandbox.start(options, &error), qPrintable(error));
        const QString base = sandbox.httpUrl().toString(QUrl::StripTrailingSlash);

        // The real settings location of the app (QSettings defaults → $XDG_CONFIG_HOME).
        QSettings settings;
        config::ProfileStore profiles(settings);
        secrets::IndexedSecretStore store(backing, settings);
        {
            SetupWizard wizard(profiles, store);
            QSignalSpy saved(&wizard, &SetupWizard::profileSaved);
            wizard.show();
            type(&wizard, u"Profile name"_s, profileName);
            wizard.next();
            QCOMPARE(wizard.currentId(), int(SetupWizard::MispId));
            type(&wizard, u"MISP URL"_s, base);
            // A wrong key first: the error path must not echo it either.
            type(&wizard, u"MISP API key"_s, wrongMispCanary);
            click(&wizard, u"Test MISP connection"_s);
            QTRY_VERIFY_WITH_TIMEOUT(labelText(&wizard, u"MISP connection test result"_s).startsWith(u"✘"_s), 15000);
            QVERIFY(!labelText(&wizard, u"MISP connection test result"_s).contains(wrongMispCanary));
            type(&wizard, u"MISP API key"_s, QString::fromLatin1(mispCanary));
            click(&wizard, u"Test MISP connection"_s);
            QTRY_VERIFY_WITH_TIMEOUT(labelText(&wizard, u"MISP connection test result"_s).startsWith(u"✔"_s), 15000);
            wizard.next();
            QCOMPARE(wizard.currentId(), int(SetupWizard::TenantId));
            type(&wizard, u"Tenant ID"_s, kTenant);
            type(&wizard, u"Client ID"_s, kApp);
            wizard.currentPage()->findChild<QGroupBox *>()->setChecked(true);
            type(&wizard, u"Token endpoint host"_s, base);
            type(&wizard, u"Upload endpoint host"_s, base);
            type(&wizard, u"Client secret"_s, wrongCanary);
            click(&wizard, u"Test tenant sign-in"_s);
            QTRY_VERIFY_WITH_TIMEOUT(labelText(&wizard, u"tenant sign-in test result"_s).startsWith(u"✘"_s), 15000);
            QVERIFY(!labelText(&wizard, u"tenant sign-in test result"_s).contains(wrongCanary));
            type(&wizard, u"Client secret"_s, clientCanary);
            click(&wizard, u"Test tenant sign-in"_s);
            QTRY_VERIFY_WITH_TIMEOUT(labelText(&wizard, u"tenant sign-in test result"_s).startsWith(u"✔"_s), 15000);
            wizard.next();
            type(&wizard, u"Workspace ID"_s, kWorkspace);
            click(&wizard, u"Add workspace"_s);
            wizard.next();
            wizard.next();
            QCOMPARE(wizard.currentId(), int(SetupWizard::SummaryId));
            wizard.button(QWizard::FinishButton)->click();
            QTRY_COMPARE_WITH_TIMEOUT(saved.size(), 1, 20000);
        }
        QCOMPARE(store.keysOfProfile(profileName).size(), 2);

        // The sync: a fresh SyncJob reads both secrets back from the store and uses them.
        const config::Profile profile = profiles.load(profileName).value();
        QCOMPARE(profile.targets.size(), 1);
        QCOMPARE(profile.targets[0].uploadHostOverride, base); // the sandbox's upload API, set in the wizard
        sync::JobOptions jobOptions;
        jobOptions.mode = sync::JobMode::Sync; // default ledger path: under $XDG_DATA_HOME, scanned below
        const int tokensBefore = sandbox.tokenRequestCount();
        log::clearRegisteredSecrets(); // the job must register what it reads, not rely on the wizard
        sync::SyncJob job(profile, &store, jobOptions);
        std::optional<sync::JobReport> report;
        connect(&job, &sync::SyncJob::finished, this, [&](const sync::JobReport &r) { report = r; });
        job.start();
        QTRY_VERIFY_WITH_TIMEOUT(report.has_value(), 60000);
        QVERIFY2(!report->fatal, qPrintable(report->fatal ? report->fatal->message : QString()));
        QVERIFY(report->sync.has_value());
        QVERIFY2(report->sync->ok(), qPrintable(report->sync->errors.join(u"; "_s)));
        QVERIFY(report->objects > 0);
        QCOMPARE(qsizetype(sandbox.storedObjects(kWorkspace).size()), report->objects);
        QVERIFY(sandbox.tokenRequestCount() > tokensBefore); // the stored client secret was used

        settings.sync();
        spdlog::apply_all([](const std::shared_ptr<spdlog::logger> &l) { l->flush(); });
        std::fflush(stderr);

        QList<QByteArray> canaries;
        for (const QByteArray &c :
            { clientCanary.toUtf8(), wrongCanary.toUtf8(), mispCanary, wrongMispCanary.toUtf8() })
            canaries += forms(c);
        // A control string put where a leak would land (a file in the tree, stderr) proves the scan
        // can see it: a scan that finds nothing because it reads nothing would pass for clean.
        const QByteArray control = "CONTROL-" + unique.toLatin1();
        {
            QFile planted(g_root + u"/cache/planted.txt"_s);
            QVERIFY(planted.open(QIODevice::WriteOnly));
            planted.write("x " + control + " x");
        }
        std::fprintf(stderr, "%s\n", control.constData());
        std::fflush(stderr);

        int filesScanned = 0;
        QStringList hits;
        QStringList controlHits;
        auto scanContent = [&](const QString &where, const QByteArray &content) {
            for (const QByteArray &c : std::as_const(canaries)) {
                if (content.contains(c))
                    hits.append(where);
            }
            if (content.contains(control))
                controlHits.append(where);
        };
        auto scanTree = [&](const QString &root) {
            QDirIterator it(root, QDir::Files | QDir::Hidden | QDir::NoSymLinks, QDirIterator::Subdirectories);
            while (it.hasNext()) {
                const QString path = it.next();
                QFile f(path);
                if (!f.open(QIODevice::ReadOnly))
                    continue;
                ++filesScanned;
                scanContent(path, f.readAll());
            }
        };
        scanTree(g_root); // HOME, XDG config/data/cache/state, logs, captured stderr, ledger
        if (!g_keyringDir.isEmpty())
            scanTree(g_keyringDir); // the keyring's own files hold ciphertext only
        for (const QString &proc : { u"/proc/self/cmdline"_s, u"/proc/self/environ"_s }) {
            QFile f(proc);
            QVERIFY(f.open(QIODevice::ReadOnly));
            scanContent(proc, f.readAll());
        }
        controlHits.sort();
        QCOMPARE(controlHits, QStringList({ g_root + u"/cache/planted.txt"_s, g_root + u"/stderr.txt"_s }));
        QFile::remove(g_root + u"/cache/planted.txt"_s);
        hits.removeDuplicates();
        std::printf("canary (%s): scanned %d files under %s%s, cmdline, environ: %d hits\n",
            qPrintable(backing.displayName()),
            filesScanned,
            qPrintable(g_root),
            qPrintable(g_keyringDir.isEmpty() ? QString() : u" and "_s + g_keyringDir),
            int(hits.size()));
        // For the reliability report (tests/reliability/make-report.sh): one canary scenario per store.
        test::Figures figures(u"canary-wizard-"_s + profileName, u"canary"_s);
        figures.set(u"hits"_s, int(hits.size())).set(u"files"_s, filesScanned).set(u"proc_files"_s, 2);
        figures.write(hits.isEmpty() && filesScanned >= 5);
        QVERIFY2(filesScanned >= 5, "expected at least the settings, the log, the ledger, stderr and the planted file");
        QVERIFY2(hits.isEmpty(), qPrintable(hits.join(u", "_s)));

        // Leave no canary entries behind in the store (a real keyring outlives the test).
        for (const QString &key : store.keysOfProfile(profileName)) {
            std::optional<Status> removed;
            store.remove(key, this, [&](Status s) { removed = s; });
            QTRY_VERIFY_WITH_TIMEOUT(removed.has_value(), 20000);
            QVERIFY2(removed->ok(), qPrintable(removed->ok() ? QString() : removed->error().message));
        }
        QVERIFY(store.keysOfProfile(profileName).isEmpty());
    }

private Q_SLOTS:
    void cleanup() { log::clearRegisteredSecrets(); }

    void inMemoryStore()
    {
        secrets::InMemorySecretStore memory;
        runCanary(memory, u"canary-memory"_s);
        if (QTest::currentTestFailed())
            return;
        QVERIFY(memory.contents().isEmpty());
    }

    void systemKeychain()
    {
        secrets::KeychainSecretStore keychain(kKeychainService);
        // Probe first: without a usable Secret Service this is a skip (or a failure in CI).
        const QString probeKey = u"canary-probe-"_s + QUuid::createUuid().toString(QUuid::Id128);
        std::optional<Status> probe;
        keychain.write(probeKey, u"probe"_s, this, [&](Status s) { probe = s; });
        if (!QTest::qWaitFor([&] { return probe.has_value(); }, 20000)) {
            if (keychainRequired())
                QFAIL("the keychain did not answer within 20 s (MSB_REQUIRE_KEYCHAIN=1)");
            QSKIP("the keychain did not answer (no unlocked Secret Service in this session)");
        }
        if (!probe->ok()) {
            if (keychainRequired())
                QFAIL(qPrintable(u"keychain unusable although MSB_REQUIRE_KEYCHAIN=1: "_s + probe->error().message));
            QSKIP(
                qPrintable(u"no usable keychain (run under run_headless for this case): "_s + probe->error().message));
        }
        std::optional<Status> removed;
        keychain.remove(probeKey, this, [&](Status s) { removed = s; });
        QTRY_VERIFY_WITH_TIMEOUT(removed.has_value(), 20000);
        runCanary(keychain, u"canary-keychain"_s);
    }
};

int main(int argc, char **argv)
{
    // gnome-keyring keeps its files under the XDG_DATA_HOME it was started with: scanned as well.
    if (const QByteArray data = qgetenv("XDG_DATA_HOME"); !data.isEmpty() && keychainRequired())
        g_keyringDir = QString::fromLocal8Bit(data) + u"/keyrings"_s;
    if (!g_keyringDir.isEmpty() && !QFileInfo::exists(g_keyringDir))
        g_keyringDir.clear();

    // A private HOME with its own XDG directories, created before Qt reads them.
    QTemporaryDir root;
    if (!root.isValid())
        return 2;
    g_root = root.path();
    for (const char *sub : { "home", "config", "data", "cache", "state", "logs" })
        QDir().mkpath(g_root + u'/' + QString::fromLatin1(sub));
    qputenv("HOME", (g_root + u"/home"_s).toUtf8());
    qputenv("XDG_CONFIG_HOME", (g_root + u"/config"_s).toUtf8());
    qputenv("XDG_DATA_HOME", (g_root + u"/data"_s).toUtf8());
    qputenv("XDG_CACHE_HOME", (g_root + u"/cache"_s).toUtf8());
    qputenv("XDG_STATE_HOME", (g_root + u"/state"_s).toUtf8());

    // stderr goes to a file inside the scanned tree; restored before exit.
    const int savedStderr = dup(STDERR_FILENO);
    if (!std::freopen((g_root + u"/stderr.txt"_s).toLocal8Bit().constData(), "w", stderr))
        return 2;

    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(u"msb-canary"_s);
    QCoreApplication::setApplicationName(u"misp-sentinel-bridge"_s);
    log::Options options;
    options.directory = g_root + u"/logs"_s;
    options.level = spdlog::level::trace; // the chattiest level: nothing may leak even here
    options.console = true;
    log::init(options);
    TestWizardCanary test;
    const int rc = QTest::qExec(&test, argc, argv);

    std::fflush(stderr);
    dup2(savedStderr, STDERR_FILENO);
    close(savedStderr);
    // The run's stderr (Qt Test's own messages included) shown after the scan, for a failing CI log.
    if (rc != 0) {
        QFile captured(g_root + u"/stderr.txt"_s);
        if (captured.open(QIODevice::ReadOnly))
            std::fprintf(stderr, "%s", captured.readAll().constData());
    }
    return rc;
}

#include "tst_wizard_canary.moc"
