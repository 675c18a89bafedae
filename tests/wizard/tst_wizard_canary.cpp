// SPDX-License-Identifier: BSD-2-Clause
// Canary: unique secrets typed into the wizard and used against the sandbox (MISP connection test
// with the key, Entra ID token request with the client secret, Finish into the secret store) must
// not appear in any file under the test's HOME / XDG config, data, cache and state directories, the
// log directory, the process arguments or stderr.
#include "core/config/profilestore.h"
#include "core/log/logging.h"
#include "core/secrets/indexedsecretstore.h"
#include "core/secrets/inmemorysecretstore.h"
#include "tests/sandbox/misp/mispemulator.h"
#include "tests/sandbox/sandbox.h"
#include "tests/wizard/wizarddriver.h"
#include "ui/wizard/setupwizard.h"

#include <QApplication>
#include <QDirIterator>
#include <QFile>
#include <QGroupBox>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <cstdio>
#include <memory>
#include <unistd.h>

using namespace Qt::Literals::StringLiterals;
using namespace msb;
using namespace msb::test;
using msb::ui::wizard::SetupWizard;

namespace {
QString g_root; // the private HOME of this run, set in main() before Qt starts
}

class TestWizardCanary final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void canarySecretsLeaveNoTrace()
    {
        const QString tenant = u"7a1c3e55-0d1b-4c8e-9f0a-2b3c4d5e6f70"_s;
        const QString app = u"3f2e1d0c-b9a8-4766-8554-433221100fed"_s;
        const QString workspace = u"0e9d8c7b-6a59-4483-9271-605f4e3d2c1b"_s;
        const QString clientCanary = u"CANARY-client-"_s + QUuid::createUuid().toString(QUuid::Id128);
        const QByteArray mispCanary = "CANARY-misp-" + QUuid::createUuid().toString(QUuid::Id128).toLatin1();

        sandbox::Sandbox sandbox;
        sandbox.addTenant(tenant);
        sandbox.addApp(tenant, app, clientCanary);
        sandbox.addWorkspace(workspace, tenant);
        sandbox.grant(workspace, app);
        sandbox::misp::EmulatorOptions mispOptions;
        mispOptions.apiKey = mispCanary;
        sandbox::misp::MispEmulator misp(mispOptions);
        misp.setGenerated({ 5, 5 });
        misp.install(sandbox.router());
        sandbox::SandboxOptions options;
        options.https = false;
        QString error;
        QVERIFY2(sandbox.start(options, &error), qPrintable(error));
        const QString base = sandbox.httpUrl().toString(QUrl::StripTrailingSlash);

        // The real settings location of the app (QSettings defaults → $XDG_CONFIG_HOME).
        QSettings settings;
        config::ProfileStore profiles(settings);
        secrets::InMemorySecretStore memory;
        secrets::IndexedSecretStore store(memory, settings);
        SetupWizard wizard(profiles, store);
        QSignalSpy saved(&wizard, &SetupWizard::profileSaved);
        wizard.show();
        type(&wizard, u"Profile name"_s, u"canary"_s);
        wizard.next();
        type(&wizard, u"MISP URL"_s, base);
        type(&wizard, u"MISP API key"_s, QString::fromLatin1(mispCanary));
        click(&wizard, u"Test MISP connection"_s);
        QTRY_VERIFY_WITH_TIMEOUT(labelText(&wizard, u"MISP connection test result"_s).startsWith(u"✔"_s), 15000);
        wizard.next();
        type(&wizard, u"Tenant ID"_s, tenant);
        type(&wizard, u"Client ID"_s, app);
        type(&wizard, u"Client secret"_s, clientCanary);
        wizard.currentPage()->findChild<QGroupBox *>()->setChecked(true);
        type(&wizard, u"Token endpoint host"_s, base);
        click(&wizard, u"Test tenant sign-in"_s);
        QTRY_VERIFY_WITH_TIMEOUT(labelText(&wizard, u"tenant sign-in test result"_s).startsWith(u"✔"_s), 15000);
        // Also a failing sign-in with a second canary: error paths must not echo it either.
        wizard.next();
        type(&wizard, u"Workspace ID"_s, workspace);
        click(&wizard, u"Add workspace"_s);
        wizard.next();
        wizard.next();
        wizard.button(QWizard::FinishButton)->click();
        QTRY_COMPARE(saved.size(), 1);
        QCOMPARE(memory.contents().size(), 2); // both secrets really went to the store
        QVERIFY(sandbox.tokenRequestCount() >= 1);
        // (the MISP test above succeeded, and the emulator answers 403 to any other key: the key was used)

        settings.sync();
        spdlog::apply_all([](const std::shared_ptr<spdlog::logger> &l) { l->flush(); });
        std::fflush(stderr);

        const QList<QByteArray> canaries { clientCanary.toUtf8(), mispCanary };
        int filesScanned = 0;
        QStringList hits;
        QDirIterator it(g_root, QDir::Files | QDir::Hidden | QDir::NoSymLinks, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            QFile f(path);
            if (!f.open(QIODevice::ReadOnly))
                continue;
            const QByteArray content = f.readAll();
            ++filesScanned;
            for (const QByteArray &c : canaries) {
                if (content.contains(c) || content.contains(c.toBase64()))
                    hits.append(path);
            }
        }
        QFile cmdline(u"/proc/self/cmdline"_s);
        if (cmdline.open(QIODevice::ReadOnly)) {
            const QByteArray args = cmdline.readAll();
            for (const QByteArray &c : canaries) {
                if (args.contains(c))
                    hits.append(u"process arguments"_s);
            }
        }
        std::printf("canary: scanned %d files under %s (settings, logs, stderr): %d hits\n",
            filesScanned,
            qPrintable(g_root),
            int(hits.size()));
        QVERIFY2(filesScanned >= 3, "expected at least the settings file, the log file and stderr");
        QVERIFY2(hits.isEmpty(), qPrintable(hits.join(u", "_s)));
    }
};

int main(int argc, char **argv)
{
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
    return rc;
}

#include "tst_wizard_canary.moc"
