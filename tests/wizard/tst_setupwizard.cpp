// SPDX-License-Identifier: BSD-2-Clause
#include "core/config/profilestore.h"
#include "core/log/redact.h"
#include "core/secrets/indexedsecretstore.h"
#include "core/secrets/inmemorysecretstore.h"
#include "core/secrets/secretkeys.h"
#include "tests/sandbox/misp/mispemulator.h"
#include "tests/sandbox/sandbox.h"
#include "tests/wizard/wizarddriver.h"
#include "ui/wizard/setupwizard.h"

#include <QApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QGroupBox>
#include <QPlainTextEdit>
#include <QSettings>
#include <QSignalSpy>
#include <QSslCertificate>
#include <QTableWidget>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::Literals::StringLiterals;
using namespace msb;
using namespace msb::test;
using msb::ui::wizard::SetupWizard;

namespace {
const QString kTenant = u"7a1c3e55-0d1b-4c8e-9f0a-2b3c4d5e6f70"_s;
const QString kApp = u"3f2e1d0c-b9a8-4766-8554-433221100fed"_s;
const QString kSecret = u"wizard-client-secret-Qx7~value"_s;
const QString kWorkspace = u"0e9d8c7b-6a59-4483-9271-605f4e3d2c1b"_s;
const QString kWorkspace2 = u"1e9d8c7b-6a59-4483-9271-605f4e3d2c1b"_s;
const QString kTenant2 = u"8b1c3e55-0d1b-4c8e-9f0a-2b3c4d5e6f70"_s;
const QString kSecret2 = u"second-tenant-secret-value"_s;
} // namespace

class TestSetupWizard final : public QObject
{
    Q_OBJECT

    sandbox::Sandbox m_sandbox;
    sandbox::misp::MispEmulator m_misp;
    QTemporaryDir m_dir;
    int m_round = 0;

    struct Fixture
    {
        std::unique_ptr<QSettings> settings;
        std::unique_ptr<config::ProfileStore> profiles;
        secrets::InMemorySecretStore memory;
        std::unique_ptr<secrets::IndexedSecretStore> secrets;
        std::unique_ptr<SetupWizard> wizard;
        QString iniPath;
    };

    std::unique_ptr<Fixture> makeFixture()
    {
        auto f = std::make_unique<Fixture>();
        f->iniPath = m_dir.filePath(u"settings-%1.ini"_s.arg(++m_round));
        f->settings = std::make_unique<QSettings>(f->iniPath, QSettings::IniFormat);
        f->profiles = std::make_unique<config::ProfileStore>(*f->settings);
        f->secrets = std::make_unique<secrets::IndexedSecretStore>(f->memory, *f->settings);
        f->wizard = std::make_unique<SetupWizard>(*f->profiles, *f->secrets);
        f->wizard->show();
        return f;
    }

    QString mispKey() const { return QString::fromLatin1(m_misp.options().apiKey); }
    QString httpBase() const { return m_sandbox.httpUrl().toString(QUrl::StripTrailingSlash); }

    void shoot(QWidget *w, const QString &name)
    {
        const QString dir = QStringLiteral(MSB_BINARY_DIR "/screenshots");
        QDir().mkpath(dir);
        w->grab().save(dir + u'/' + name + u".png"_s);
    }

    /// Welcome → MISP page with the sandbox MISP filled in.
    void toMispPage(SetupWizard *w, const QString &profile = u"sandbox"_s)
    {
        type(w, u"Profile name"_s, profile);
        w->next();
        QCOMPARE(w->currentId(), int(SetupWizard::MispId));
        type(w, u"MISP URL"_s, httpBase());
        type(w, u"MISP API key"_s, mispKey());
    }

    void fillTenant(SetupWizard *w, const QString &tenant, const QString &client, const QString &secret)
    {
        type(w, u"Tenant ID"_s, tenant);
        type(w, u"Client ID"_s, client);
        type(w, u"Client secret"_s, secret);
        auto *advanced = w->currentPage()->findChild<QGroupBox *>();
        QVERIFY(advanced);
        advanced->setChecked(true);
        type(w, u"Token endpoint host"_s, httpBase());
    }

    QString testResult(SetupWizard *w, const QString &context) { return labelText(w, context + u" test result"_s); }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_sandbox.addTenant(kTenant);
        m_sandbox.addTenant(kTenant2);
        m_sandbox.addApp(kTenant, kApp, kSecret);
        m_sandbox.addApp(kTenant2, kApp, kSecret2);
        m_sandbox.addWorkspace(kWorkspace, kTenant);
        m_sandbox.grant(kWorkspace, kApp);
        m_misp.setGenerated({ 10, 5 });
        m_misp.install(m_sandbox.router());
        sandbox::SandboxOptions options;
        options.certificate = sandbox::certs::Kind::Untrusted; // the "pin this certificate?" path
        QString error;
        QVERIFY2(m_sandbox.start(options, &error), qPrintable(error));
    }

    void cleanup() { log::clearRegisteredSecrets(); }

    void happyPathTwoTenants()
    {
        auto f = makeFixture();
        SetupWizard *w = f->wizard.get();
        QSignalSpy saved(w, &SetupWizard::profileSaved);
        shoot(w, u"1-welcome"_s);
        toMispPage(w);

        click(w, u"Test MISP connection"_s);
        QVERIFY(control<QWidget>(w, u"MISP connection test in progress"_s)); // busy indicator shown
        QTRY_VERIFY_WITH_TIMEOUT(testResult(w, u"MISP connection"_s).startsWith(u"✔"_s), 15000);
        const QString mispResult = testResult(w, u"MISP connection"_s);
        QVERIFY2(mispResult.contains(u"2.4.190"_s) && mispResult.contains(u"sync@sandbox.example"_s)
                && mispResult.contains(u"Sandbox CERT"_s),
            qPrintable(mispResult));
        shoot(w, u"2-misp"_s);
        w->next();
        QCOMPARE(w->currentId(), int(SetupWizard::TenantId));

        fillTenant(w, kTenant, kApp, kSecret);
        click(w, u"Test tenant sign-in"_s);
        QTRY_VERIFY_WITH_TIMEOUT(testResult(w, u"tenant sign-in"_s).startsWith(u"✔"_s), 15000);
        shoot(w, u"3-tenant"_s);
        w->next();
        QCOMPARE(w->currentId(), int(SetupWizard::WorkspacesId));

        type(w, u"Workspace display name"_s, u"SOC"_s);
        type(w, u"Workspace ID"_s, kWorkspace);
        click(w, u"Add workspace"_s);
        auto *table = control<QTableWidget>(w, u"Workspaces"_s);
        QVERIFY(table);
        QCOMPARE(table->rowCount(), 1);
        // A bad workspace id is refused with a message naming the field.
        type(w, u"Workspace ID"_s, u"not-a-guid"_s);
        click(w, u"Add workspace"_s);
        QVERIFY(labelText(w, u"Problem on this page"_s).contains(u"Workspace ID \"not-a-guid\" is not a GUID"_s));
        QCOMPARE(table->rowCount(), 1);

        // A second tenant with its own app secret and workspace.
        click(w, u"Add another tenant"_s);
        QCOMPARE(w->currentId(), int(SetupWizard::TenantId));
        QVERIFY(control<QLineEdit>(w, u"Tenant ID"_s)->text().isEmpty());
        fillTenant(w, kTenant2, kApp, kSecret2);
        w->next();
        QCOMPARE(w->currentId(), int(SetupWizard::WorkspacesId));
        type(w, u"Workspace ID"_s, kWorkspace2);
        click(w, u"Add workspace"_s);
        QCOMPARE(table->rowCount(), 2);
        shoot(w, u"4-workspaces"_s);
        w->next();
        QCOMPARE(w->currentId(), int(SetupWizard::PolicyId));
        shoot(w, u"5-policy"_s);
        w->next();
        QCOMPARE(w->currentId(), int(SetupWizard::SummaryId));
        const QString summary = control<QPlainTextEdit>(w, u"Summary of the profile"_s)->toPlainText();
        QVERIFY(summary.contains(kWorkspace) && summary.contains(kWorkspace2));
        QVERIFY2(summary.contains(u"token endpoint host: "_s + httpBase()), qPrintable(summary));
        QVERIFY2(!summary.contains(kSecret) && !summary.contains(kSecret2) && !summary.contains(mispKey()),
            "the summary must not show secrets");
        shoot(w, u"6-summary"_s);

        w->button(QWizard::FinishButton)->click();
        QTRY_COMPARE(saved.size(), 1);
        QCOMPARE(saved.first().first().toString(), u"sandbox"_s);

        // Profile in settings, secrets in the store, index of names only.
        const config::Profile p = f->profiles->load(u"sandbox"_s).value();
        QCOMPARE(p.misp.url, m_sandbox.httpUrl().adjusted(QUrl::StripTrailingSlash));
        QCOMPARE(p.targets.size(), 2);
        QCOMPARE(p.targets[0].displayName, u"SOC"_s);
        QCOMPARE(p.targets[0].tenantId, kTenant);
        QCOMPARE(p.targets[1].tenantId, kTenant2);
        QCOMPARE(p.targets[1].workspaceId, kWorkspace2);
        const auto stored = f->memory.contents();
        QCOMPARE(stored.value(secrets::mispKeyName(u"sandbox"_s)), mispKey());
        QCOMPARE(stored.value(secrets::clientSecretKeyName(u"sandbox"_s, kTenant, kApp)), kSecret);
        QCOMPARE(stored.value(secrets::clientSecretKeyName(u"sandbox"_s, kTenant2, kApp)), kSecret2);
        QCOMPARE(f->secrets->keysOfProfile(u"sandbox"_s).size(), 3);
        f->settings->sync();
        QFile ini(f->iniPath);
        QVERIFY(ini.open(QIODevice::ReadOnly));
        const QByteArray text = ini.readAll();
        QVERIFY(text.contains(kWorkspace.toUtf8()));
        QVERIFY2(!text.contains(kSecret.toUtf8()) && !text.contains(kSecret2.toUtf8())
                && !text.contains(m_misp.options().apiKey),
            "a secret reached the settings file");
    }

    void mispFailures_data()
    {
        QTest::addColumn<QString>("which");
        QTest::addColumn<QString>("expected");
        QTest::newRow("wrong key") << u"key"_s << u"MISP refused the API key (HTTP 403)"_s;
        QTest::newRow("nothing listening") << u"closed"_s << u"127.0.0.1"_s;
        QTest::newRow("plain http to a remote host")
            << u"http"_s << u"plain http:// is only allowed to a loopback address; use https:// for misp.example.org"_s;
    }

    void mispFailures()
    {
        QFETCH(QString, which);
        QFETCH(QString, expected);
        auto f = makeFixture();
        SetupWizard *w = f->wizard.get();
        toMispPage(w);
        const QString badKey = u"wrong-misp-key-000000000000000000000000"_s;
        if (which == u"key") {
            type(w, u"MISP API key"_s, badKey);
        } else if (which == u"closed") {
            QTcpServer probe;
            QVERIFY(probe.listen(QHostAddress::LocalHost));
            const quint16 port = probe.serverPort();
            probe.close();
            type(w, u"MISP URL"_s, u"http://127.0.0.1:%1"_s.arg(port));
        } else {
            type(w, u"MISP URL"_s, u"http://misp.example.org"_s);
        }
        click(w, u"Test MISP connection"_s);
        QTRY_VERIFY_WITH_TIMEOUT(testResult(w, u"MISP connection"_s).startsWith(u"✘"_s), 25000);
        const QString result = testResult(w, u"MISP connection"_s);
        QVERIFY2(result.contains(expected, Qt::CaseInsensitive), qPrintable(result));
        QVERIFY(!result.contains(badKey));
        QVERIFY(control<QAbstractButton>(w, u"Test MISP connection"_s)->isEnabled());
        shoot(w, u"misp-failure-"_s + which);
    }

    void untrustedCertificateCanBePinned()
    {
        auto f = makeFixture();
        SetupWizard *w = f->wizard.get();
        toMispPage(w);
        type(w, u"MISP URL"_s, m_sandbox.httpsUrl().toString(QUrl::StripTrailingSlash));
        click(w, u"Test MISP connection"_s);
        QTRY_VERIFY_WITH_TIMEOUT(testResult(w, u"MISP connection"_s).startsWith(u"✘"_s), 15000);
        QTRY_VERIFY(control<QLabel>(w, u"Certificate details"_s));
        const QString details = labelText(w, u"Certificate details"_s);
        const QByteArray expectedSha = QCryptographicHash::hash(
            sandbox::certs::certificate(sandbox::certs::Kind::Untrusted).toDer(), QCryptographicHash::Sha256)
                                           .toHex();
        QVERIFY2(details.contains(QString::fromLatin1(expectedSha)), qPrintable(details));
        const QSslCertificate cert = sandbox::certs::certificate(sandbox::certs::Kind::Untrusted);
        QVERIFY2(details.contains(u"Subject: "_s) && details.contains(u"Issuer: "_s), qPrintable(details));
        for (const QString &cn :
            cert.subjectInfo(QSslCertificate::CommonName) + cert.issuerInfo(QSslCertificate::CommonName))
            QVERIFY2(details.contains(cn), qPrintable(cn + u" missing in: "_s + details));
        QVERIFY2(details.contains(u"Valid from %1 to %2"_s.arg(cert.effectiveDate().toUTC().toString(Qt::ISODate),
                     cert.expiryDate().toUTC().toString(Qt::ISODate))),
            qPrintable(details));
        shoot(w, u"2b-misp-untrusted"_s);
        click(w, u"Pin this certificate"_s);
        QCOMPARE(control<QLineEdit>(w, u"Pinned certificate SHA-256"_s)->text(), QString::fromLatin1(expectedSha));
        click(w, u"Test MISP connection"_s);
        QTRY_VERIFY_WITH_TIMEOUT(testResult(w, u"MISP connection"_s).startsWith(u"✔"_s), 15000);
        w->next();
        QCOMPARE(w->currentId(), int(SetupWizard::TenantId));
        QCOMPARE(w->state().profile.misp.pinnedSha256Hex, expectedSha);
    }

    void tenantFailures_data()
    {
        QTest::addColumn<QString>("tenant");
        QTest::addColumn<QString>("client");
        QTest::addColumn<QString>("secret");
        QTest::addColumn<QString>("expected");
        // The AADSTS code is explained in plain words; the code itself stays for a support search.
        QTest::newRow("wrong secret") << kTenant << kApp << u"not-the-secret"_s
                                      << u"the client secret is wrong or expired for app %1 in tenant %2: use the "
                                         "secret's value, not its ID (AADSTS7000215)"_s.arg(kApp, kTenant);
        QTest::newRow("unknown app") << kTenant << u"00000000-1111-2222-3333-444444444444"_s << kSecret
                                     << u"app 00000000-1111-2222-3333-444444444444 was not found in tenant %1: check "
                                        "the client (application) id"_s.arg(kTenant);
        QTest::newRow("unknown tenant") << u"99999999-1111-2222-3333-444444444444"_s << kApp << kSecret
                                        << u"tenant 99999999-1111-2222-3333-444444444444 was not found: check the "
                                           "tenant id and the cloud (public or US Government) (AADSTS90002)"_s;
        QTest::newRow("tenant not a GUID")
            << u"contoso"_s << kApp << kSecret << u"Tenant ID \"contoso\" is not a GUID"_s;
    }

    void tenantFailures()
    {
        QFETCH(QString, tenant);
        QFETCH(QString, client);
        QFETCH(QString, secret);
        QFETCH(QString, expected);
        auto f = makeFixture();
        SetupWizard *w = f->wizard.get();
        toMispPage(w);
        w->next();
        QCOMPARE(w->currentId(), int(SetupWizard::TenantId));
        fillTenant(w, tenant, client, secret);
        click(w, u"Test tenant sign-in"_s);
        QTRY_VERIFY_WITH_TIMEOUT(testResult(w, u"tenant sign-in"_s).startsWith(u"✘"_s), 15000);
        const QString result = testResult(w, u"tenant sign-in"_s);
        QVERIFY2(result.contains(expected), qPrintable(result));
        QVERIFY(!result.contains(secret));
        shoot(w, u"tenant-failure-"_s + QString::fromLatin1(QTest::currentDataTag()).replace(u' ', u'-'));
    }

    void tokenTestCanBeCancelled()
    {
        auto f = makeFixture();
        SetupWizard *w = f->wizard.get();
        toMispPage(w);
        w->next();
        fillTenant(w, kTenant, kApp, kSecret);
        m_sandbox.faults().failNext(u"token"_s, 3, sandbox::Fault::stall(0));
        click(w, u"Test tenant sign-in"_s);
        QTest::qWait(200);
        QVERIFY(control<QWidget>(w, u"tenant sign-in test in progress"_s));
        QVERIFY(!control<QAbstractButton>(w, u"Test tenant sign-in"_s)->isEnabled());
        click(w, u"Cancel the tenant sign-in test"_s);
        QCOMPARE(testResult(w, u"tenant sign-in"_s), u"✘ Test cancelled."_s);
        QVERIFY(control<QAbstractButton>(w, u"Test tenant sign-in"_s)->isEnabled());
        m_sandbox.faults().clear();
    }

    void mispTestCanBeCancelled()
    {
        auto f = makeFixture();
        SetupWizard *w = f->wizard.get();
        toMispPage(w);
        m_sandbox.faults().failNext(u"misp-version"_s, 3, sandbox::Fault::stall(0));
        m_sandbox.faults().failNext(u"misp-me"_s, 3, sandbox::Fault::stall(0));
        click(w, u"Test MISP connection"_s);
        QTest::qWait(200);
        QVERIFY(control<QWidget>(w, u"MISP connection test in progress"_s));
        QVERIFY(!control<QAbstractButton>(w, u"Test MISP connection"_s)->isEnabled());
        click(w, u"Cancel the MISP connection test"_s);
        QCOMPARE(testResult(w, u"MISP connection"_s), u"✘ Test cancelled."_s);
        QVERIFY(!control<QWidget>(w, u"MISP connection test in progress"_s)); // busy indicator gone
        QVERIFY(control<QAbstractButton>(w, u"Test MISP connection"_s)->isEnabled());
        // A late answer of the cancelled test must not overwrite the result.
        QTest::qWait(300);
        QCOMPARE(testResult(w, u"MISP connection"_s), u"✘ Test cancelled."_s);
        m_sandbox.faults().clear();
    }

    void keychainFailureKeepsWizardOpen()
    {
        auto f = makeFixture();
        SetupWizard *w = f->wizard.get();
        QSignalSpy failed(w, &SetupWizard::saveFailed);
        toMispPage(w);
        w->next();
        fillTenant(w, kTenant, kApp, kSecret);
        w->next();
        type(w, u"Workspace ID"_s, kWorkspace);
        click(w, u"Add workspace"_s);
        w->next();
        w->next();
        QCOMPARE(w->currentId(), int(SetupWizard::SummaryId));
        f->memory.failWith({ Error::Code::KeychainUnavailable, u"No system keychain answered (test)."_s });
        w->button(QWizard::FinishButton)->click();
        QTRY_COMPARE(failed.size(), 1);
        QVERIFY(w->isVisible());
        QVERIFY(labelText(w, u"Save status"_s).contains(u"No system keychain answered"_s));
        QVERIFY(f->profiles->profileNames().isEmpty()); // nothing half-saved
        shoot(w, u"6b-summary-keychain-failure"_s);
        f->memory.clearFailure();
        w->button(QWizard::FinishButton)->click();
        QTRY_VERIFY(!w->isVisible());
        QCOMPARE(f->profiles->profileNames(), QStringList { u"sandbox"_s });
    }

    void replacingAProfileNeedsConfirmation()
    {
        auto f = makeFixture();
        config::Profile existing;
        existing.name = u"existing"_s;
        existing.misp.url = QUrl(u"https://misp.example.org"_s);
        config::TargetSettings target;
        target.tenantId = kTenant;
        target.clientId = kApp;
        target.workspaceId = kWorkspace;
        existing.targets = { target };
        QVERIFY(f->profiles->save(existing).ok());
        config::Profile other = existing;
        other.name = u"other"_s;
        QVERIFY(f->profiles->save(other).ok());
        SetupWizard *w = f->wizard.get();
        type(w, u"Profile name"_s, u"existing"_s);
        w->next();
        QCOMPARE(w->currentId(), int(SetupWizard::WelcomeId));
        QVERIFY(labelText(w, u"Problem on this page"_s).contains(u"\"existing\" exists already"_s));
        // Confirming one name does not confirm another existing one.
        type(w, u"Profile name"_s, u"other"_s);
        w->next();
        QCOMPARE(w->currentId(), int(SetupWizard::WelcomeId));
        QVERIFY(labelText(w, u"Problem on this page"_s).contains(u"\"other\" exists already"_s));
        w->next();
        QCOMPARE(w->currentId(), int(SetupWizard::MispId));
        QCOMPARE(w->state().profile.name, u"other"_s);
    }

    void importTenantsFile()
    {
        auto f = makeFixture();
        SetupWizard *w = f->wizard.get();
        const QString path = m_dir.filePath(u"tenants.json"_s);
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(u"[{\"tenantId\":\"%1\",\"id\":\"%2\",\"secret\":\"%3\",\"workspaceId\":\"%4\"}]"_s
                       .arg(kTenant, kApp, kSecret, kWorkspace)
                       .toUtf8());
        file.close();
        type(w, u"Profile name"_s, u"imported"_s);
        click(w, u"Import a misp2sentinel set-up"_s);
        type(w, u"File to import"_s, path);
        click(w, u"Import the file"_s);
        auto *notes = control<QPlainTextEdit>(w, u"Import notes"_s);
        QTRY_VERIFY(notes->toPlainText().contains(u"Imported 1 target(s) and 1 secret(s)."_s));
        QVERIFY(!notes->toPlainText().contains(kSecret));
        shoot(w, u"1b-welcome-import"_s);
        w->next();
        type(w, u"MISP URL"_s, httpBase());
        type(w, u"MISP API key"_s, mispKey());
        w->next();
        QCOMPARE(w->currentId(), int(SetupWizard::TenantId));
        QCOMPARE(control<QLineEdit>(w, u"Tenant ID"_s)->text(), kTenant);
        QCOMPARE(control<QLineEdit>(w, u"Client secret"_s)->text(), kSecret);
        w->next();
        QCOMPARE(control<QTableWidget>(w, u"Workspaces"_s)->rowCount(), 1);
        w->next();
        w->next();
        w->button(QWizard::FinishButton)->click();
        QTRY_VERIFY(!w->isVisible());
        QCOMPARE(f->memory.contents().value(secrets::clientSecretKeyName(u"imported"_s, kTenant, kApp)), kSecret);
    }
};

QTEST_MAIN(TestSetupWizard)
#include "tst_setupwizard.moc"
