// SPDX-License-Identifier: BSD-2-Clause
// KeyVaultClient against the sandbox's Entra ID and Key Vault emulators over HTTPS with the test CA:
// the secret is read, and each documented failure (sentinel-api.md §5) becomes a plain sentence naming
// the vault and the secret, never a secret value. TLS and plain-http refusals are covered too.
#include "core/secrets/keyvaultclient.h"
#include "tests/sandbox/sandbox.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QTest>
#include <QTimer>

#include <optional>

using namespace Qt::Literals::StringLiterals;
using namespace msb;
using sandbox::certs::Kind;

namespace {

const QString Tenant = u"11111111-2222-4333-8444-555555555555"_s;
const QString OtherTenant = u"22222222-2222-4333-8444-555555555555"_s;
const QString Reader = u"aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee"_s;
const QString Stranger = u"bbbbbbbb-bbbb-4ccc-8ddd-eeeeeeeeeeee"_s;
const QString Foreigner = u"cccccccc-bbbb-4ccc-8ddd-eeeeeeeeeeee"_s;
const QString ReaderSecret = u"kv-reader-secret-CANARY-7f3a9"_s;
const QString StrangerSecret = u"kv-stranger-secret-CANARY-1c2d"_s;
const QString ForeignerSecret = u"kv-foreigner-secret-CANARY-99aa"_s;
const QString Vault = u"misp2sentinel-kv"_s;
const QString MispKeyValue = u"misp-key-value-CANARY-0b1e2c"_s;

Result<QString> fetch(const secrets::KeyVaultSettings &settings, const QString &clientSecret, const QString &name)
{
    QNetworkAccessManager nam;
    secrets::KeyVaultClient client(&nam, settings, clientSecret);
    std::optional<Result<QString>> result;
    QEventLoop loop;
    client.getSecret(name, [&](Result<QString> r) {
        result = std::move(r);
        loop.quit();
    });
    QTimer::singleShot(60000, &loop, &QEventLoop::quit);
    if (!result)
        loop.exec();
    if (!result)
        return Error { Error::Code::Other, u"no answer from the client within 60 s"_s, 0 };
    return *result;
}

} // namespace

class TestKeyVault final : public QObject
{
    Q_OBJECT

private:
    sandbox::Sandbox m_box;

    secrets::KeyVaultSettings settingsFor(const QString &tenant, const QString &client) const
    {
        secrets::KeyVaultSettings s;
        s.vaultName = Vault;
        s.tenantId = tenant;
        s.clientId = client;
        const QString url = m_box.httpsUrl().toString(QUrl::StripTrailingSlash);
        s.authorityHostOverride = url;
        s.vaultHostOverride = url;
        s.tls.caFile = sandbox::certs::caFile();
        s.timeoutMs = 5000;
        return s;
    }

    static void verifyNoSecretIn(const QString &text)
    {
        for (const QString &s : { ReaderSecret, StrangerSecret, ForeignerSecret, MispKeyValue })
            QVERIFY2(!text.contains(s), qPrintable(u"a secret leaked into: "_s + text));
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_box.addApp(Tenant, Reader, ReaderSecret);
        m_box.addApp(Tenant, Stranger, StrangerSecret);
        m_box.addApp(OtherTenant, Foreigner, ForeignerSecret);
        m_box.addVault(Vault, Tenant);
        m_box.setVaultSecret(Vault, u"MISP-Key"_s, MispKeyValue);
        m_box.grantVault(Vault, Reader);
        sandbox::SandboxOptions o;
        o.http = false;
        QVERIFY(m_box.start(o));
    }

    void urls()
    {
        secrets::KeyVaultSettings s;
        s.vaultName = u"MyVault"_s;
        s.tenantId = Tenant;
        s.clientId = Reader;
        QCOMPARE(
            s.secretUrl(u"tenants"_s).toString(), u"https://myvault.vault.azure.net/secrets/tenants?api-version=7.4"_s);
        QCOMPARE(s.tokenUrl().toString(), u"https://login.microsoftonline.com/"_s + Tenant + u"/oauth2/v2.0/token"_s);
        QVERIFY(s.validate().isEmpty());
        s.cloud = sentinel::Cloud::AzureUsGovernment;
        QCOMPARE(s.secretUrl(u"MISP-Key"_s).host(), u"myvault.vault.usgovcloudapi.net"_s);
        QCOMPARE(sentinel::keyVaultScope(s.cloud), u"https://vault.usgovcloudapi.net/.default"_s);
        QCOMPARE(sentinel::keyVaultScope(sentinel::Cloud::AzurePublic), u"https://vault.azure.net/.default"_s);
        s.vaultName = u"https://myvault.vault.usgovcloudapi.net/"_s;
        QCOMPARE(s.name(), u"myvault"_s);
        s.vaultName = u"1bad_name"_s;
        QVERIFY(s.validate().contains(u"1bad_name"_s));
    }

    void readsTheSecret()
    {
        const Result<QString> r = fetch(settingsFor(Tenant, Reader), ReaderSecret, u"MISP-Key"_s);
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message));
        QCOMPARE(r.value(), MispKeyValue);
    }

    void secretNotFound()
    {
        const Result<QString> r = fetch(settingsFor(Tenant, Reader), ReaderSecret, u"ClientSecret"_s);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, Error::Code::NotFound);
        QCOMPARE(r.error().httpStatus, 404);
        QVERIFY2(r.error().message.contains(u"no secret \"ClientSecret\" in Key Vault \"misp2sentinel-kv\""_s),
            qPrintable(r.error().message));
        verifyNoSecretIn(r.error().message);
    }

    void forbidden()
    {
        const Result<QString> r = fetch(settingsFor(Tenant, Stranger), StrangerSecret, u"MISP-Key"_s);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, Error::Code::Authorization);
        QCOMPARE(r.error().httpStatus, 403);
        const QString m = r.error().message;
        QVERIFY2(m.contains(Stranger) && m.contains(u"\"MISP-Key\""_s) && m.contains(Vault)
                && m.contains(u"Key Vault Secrets User"_s),
            qPrintable(m));
        verifyNoSecretIn(m);
    }

    void accessPolicyVariant()
    {
        const QByteArray body
            = R"({"error":{"code":"Forbidden","message":"The user, group or application does not have secrets get permission on key vault 'kv'.","innererror":{"code":"AccessDenied"}}})";
        const Error e = secrets::describeKeyVaultError(403, body, u"kv1"_s, u"tenants"_s, Reader, Tenant);
        QCOMPARE(e.code, Error::Code::Authorization);
        QVERIFY2(
            e.message.contains(u"access policies"_s) && e.message.contains(u"\"tenants\""_s), qPrintable(e.message));
    }

    void tokenFromAnotherTenant()
    {
        // The app lives in another tenant than the vault: the vault answers 401 (AKV10032).
        const Result<QString> r = fetch(settingsFor(OtherTenant, Foreigner), ForeignerSecret, u"MISP-Key"_s);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, Error::Code::Authentication);
        QCOMPARE(r.error().httpStatus, 401);
        QVERIFY2(r.error().message.contains(Vault) && r.error().message.contains(u"\"MISP-Key\""_s)
                && r.error().message.contains(OtherTenant),
            qPrintable(r.error().message));
        verifyNoSecretIn(r.error().message);
    }

    void wrongClientSecret()
    {
        const QString wrong = u"not-the-secret-CANARY-5e6f"_s;
        const Result<QString> r = fetch(settingsFor(Tenant, Reader), wrong, u"MISP-Key"_s);
        QVERIFY(!r.ok());
        QVERIFY2(r.error().message.contains(Reader), qPrintable(r.error().message));
        QVERIFY(!r.error().message.contains(wrong));
        verifyNoSecretIn(r.error().message);
    }

    void vaultNotFound()
    {
        // A sandbox with no vault at all answers 404 VaultNotFound.
        sandbox::Sandbox empty;
        empty.addApp(Tenant, Reader, ReaderSecret);
        sandbox::SandboxOptions o;
        o.http = false;
        QVERIFY(empty.start(o));
        secrets::KeyVaultSettings s = settingsFor(Tenant, Reader);
        s.vaultHostOverride = empty.httpsUrl().toString(QUrl::StripTrailingSlash);
        s.authorityHostOverride = s.vaultHostOverride;
        const Result<QString> r = fetch(s, ReaderSecret, u"tenants"_s);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, Error::Code::NotFound);
        QVERIFY2(r.error().message.contains(u"Key Vault \"misp2sentinel-kv\" was not found"_s),
            qPrintable(r.error().message));
    }

    void vaultHostDoesNotExist()
    {
        // No DNS name: the vault name is wrong (or the cloud).
        secrets::KeyVaultSettings s = settingsFor(Tenant, Reader);
        s.vaultHostOverride = u"https://misp2sentinel-kv.vault.invalid"_s;
        const Result<QString> r = fetch(s, ReaderSecret, u"tenants"_s);
        QVERIFY(!r.ok());
        QVERIFY2(r.error().message.contains(u"misp2sentinel-kv"_s) && r.error().message.contains(u"\"tenants\""_s),
            qPrintable(r.error().message));
        QVERIFY2(r.error().code == Error::Code::NotFound || r.error().code == Error::Code::Network,
            qPrintable(r.error().message));
    }

    void transientFailuresAreRetriedBounded()
    {
        // Two 503s then the answer: read on the third attempt.
        m_box.faults().failNext(u"keyvault"_s, 2, sandbox::Fault::httpStatus(503));
        const Result<QString> r = fetch(settingsFor(Tenant, Reader), ReaderSecret, u"MISP-Key"_s);
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message));
        QCOMPARE(r.value(), MispKeyValue);
        // Always 503: at most three attempts, then a message naming vault and secret.
        m_box.faults().failNext(u"keyvault"_s, 10, sandbox::Fault::httpStatus(503));
        QElapsedTimer elapsed;
        elapsed.start();
        const Result<QString> down = fetch(settingsFor(Tenant, Reader), ReaderSecret, u"MISP-Key"_s);
        m_box.faults().clear();
        QVERIFY(!down.ok());
        QCOMPARE(down.error().code, Error::Code::Server);
        QVERIFY2(down.error().message.contains(Vault) && down.error().message.contains(u"\"MISP-Key\""_s),
            qPrintable(down.error().message));
        QVERIFY(elapsed.elapsed() < 20000);
    }

    void stalledVaultTimesOut()
    {
        m_box.faults().failNext(u"keyvault"_s, 10, sandbox::Fault::stall());
        secrets::KeyVaultSettings s = settingsFor(Tenant, Reader);
        s.timeoutMs = 1000;
        QElapsedTimer elapsed;
        elapsed.start();
        const Result<QString> r = fetch(s, ReaderSecret, u"MISP-Key"_s);
        m_box.faults().clear();
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, Error::Code::Timeout);
        QVERIFY2(r.error().message.contains(Vault) && r.error().message.contains(u"\"MISP-Key\""_s),
            qPrintable(r.error().message));
        // Three attempts of one second each plus the back-off, not the 30-second default.
        QVERIFY2(elapsed.elapsed() < 15000, qPrintable(QString::number(elapsed.elapsed())));
    }

    void tlsRefused_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<bool>("trustCa");
        QTest::newRow("no-test-ca") << int(Kind::Good) << false;
        QTest::newRow("untrusted") << int(Kind::Untrusted) << true;
        QTest::newRow("other-ca") << int(Kind::OtherCa) << true;
        QTest::newRow("expired") << int(Kind::Expired) << true;
        QTest::newRow("wrong-host") << int(Kind::WrongHost) << true;
    }
    void tlsRefused()
    {
        QFETCH(int, kind);
        QFETCH(bool, trustCa);
        sandbox::Sandbox bad;
        bad.addApp(Tenant, Reader, ReaderSecret);
        bad.addVault(Vault, Tenant);
        bad.setVaultSecret(Vault, u"MISP-Key"_s, MispKeyValue);
        bad.grantVault(Vault, Reader);
        sandbox::SandboxOptions o;
        o.http = false;
        o.certificate = Kind(kind);
        QVERIFY(bad.start(o));
        int reached = 0;
        connect(&bad, &sandbox::Sandbox::requestFinished, this, [&reached] { ++reached; });
        // The token comes from the good sandbox; the vault host presents the bad certificate.
        secrets::KeyVaultSettings s = settingsFor(Tenant, Reader);
        s.vaultHostOverride = bad.httpsUrl().toString(QUrl::StripTrailingSlash);
        if (!trustCa)
            s.tls.caFile.clear();
        if (!trustCa)
            s.authorityHostOverride = s.vaultHostOverride; // then the token request is refused first
        const Result<QString> r = fetch(s, ReaderSecret, u"MISP-Key"_s);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, Error::Code::Tls);
        QVERIFY2(r.error().message.contains(u"TLS"_s), qPrintable(r.error().message));
        QCOMPARE(reached, 0);
        QCOMPARE(bad.keyVault().requestCount(), 0);
        verifyNoSecretIn(r.error().message);
    }

    void plainHttpOnlyToLoopback()
    {
        secrets::KeyVaultSettings s = settingsFor(Tenant, Reader);
        s.vaultHostOverride = u"http://vault.example.org"_s;
        QVERIFY(!s.validate().isEmpty());
        const Result<QString> r = fetch(s, ReaderSecret, u"MISP-Key"_s);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, Error::Code::Configuration);
        s.vaultHostOverride = u"http://127.0.0.1:9"_s;
        QVERIFY(s.validate().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestKeyVault)
#include "tst_keyvault.moc"
