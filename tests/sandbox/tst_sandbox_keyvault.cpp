// SPDX-License-Identifier: BSD-2-Clause
// The Key Vault "get secret" emulation against sentinel-api.md §5, over real loopback HTTP.
#include "tests/sandbox/sandbox.h"
#include "tests/sandbox/testhttp.h"

#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace msb::sandbox;

namespace {

const QString Tenant = u"11111111-2222-4333-8444-555555555555"_s;
const QString OtherTenant = u"22222222-2222-4333-8444-555555555555"_s;
const QString Reader = u"aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee"_s;
const QString Stranger = u"bbbbbbbb-bbbb-4ccc-8ddd-eeeeeeeeeeee"_s;
const QString Foreigner = u"cccccccc-bbbb-4ccc-8ddd-eeeeeeeeeeee"_s;
const QString Vault = u"misp2sentinel-kv"_s;
const QString VaultAudience = u"https://vault.azure.net"_s;

} // namespace

class TestSandboxKeyVault final : public QObject
{
    Q_OBJECT

private:
    Sandbox m_sandbox;
    QNetworkAccessManager m_nam;

    test::Reply getSecret(const QString &path,
        const QByteArray &token,
        const QString &query = u"api-version=7.4"_s,
        const QByteArray &host = {})
    {
        QNetworkRequest request(test::withPath(m_sandbox.httpUrl(), path, query));
        if (!token.isEmpty())
            request.setRawHeader("Authorization", "Bearer " + token);
        if (!host.isEmpty())
            request.setRawHeader("Host", host);
        return test::exchange(m_nam, request, "GET");
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_sandbox.addApp(Tenant, Reader, u"r"_s);
        m_sandbox.addApp(Tenant, Stranger, u"s"_s);
        m_sandbox.addApp(OtherTenant, Foreigner, u"f"_s);
        m_sandbox.addVault(Vault, Tenant);
        m_sandbox.addVault(u"second-kv"_s, Tenant);
        m_sandbox.setVaultSecret(Vault, u"tenants"_s, u"[{\"tenantId\":\"x\"}]"_s);
        m_sandbox.setVaultSecret(Vault, u"MISP-Key"_s, u"misp-key-value"_s);
        m_sandbox.setVaultSecret(u"second-kv"_s, u"MISP-Key"_s, u"second-value"_s);
        m_sandbox.grantVault(Vault, Reader);
        m_sandbox.grantVault(u"second-kv"_s, Reader);
        SandboxOptions options;
        options.https = false;
        QVERIFY(m_sandbox.start(options));
    }

    void getsTheSecret()
    {
        const test::Reply reply = getSecret(u"/secrets/tenants"_s, m_sandbox.issueToken(Tenant, Reader, VaultAudience));
        QCOMPARE(reply.status, 200);
        const QJsonObject body = reply.json();
        QCOMPARE(body.value(u"value"_s).toString(), u"[{\"tenantId\":\"x\"}]"_s);
        const QString id = body.value(u"id"_s).toString();
        QVERIFY2(id.startsWith(u"https://misp2sentinel-kv.vault.azure.net/secrets/tenants/"_s), qPrintable(id));
        const QJsonObject attributes = body.value(u"attributes"_s).toObject();
        QCOMPARE(attributes.value(u"enabled"_s).toBool(), true);
        QCOMPARE(attributes.value(u"recoveryLevel"_s).toString(), u"Recoverable+Purgeable"_s);
        QVERIFY(attributes.value(u"created"_s).toInteger() > 1600000000);

        // The same version by its id; names are case-insensitive.
        const QString version = id.section(u'/', -1);
        const test::Reply byVersion
            = getSecret(u"/secrets/TENANTS/"_s + version, m_sandbox.issueToken(Tenant, Reader, VaultAudience));
        QCOMPARE(byVersion.status, 200);
        QCOMPARE(byVersion.json().value(u"value"_s), body.value(u"value"_s));
    }

    void vaultFromTheHostHeader()
    {
        const QByteArray token = m_sandbox.issueToken(Tenant, Reader, VaultAudience);
        QCOMPARE(getSecret(u"/secrets/MISP-Key"_s, token).json().value(u"value"_s).toString(), u"misp-key-value"_s);
        QCOMPARE(getSecret(u"/secrets/MISP-Key"_s, token, u"api-version=7.4"_s, "second-kv.vault.azure.net")
                     .json()
                     .value(u"value"_s)
                     .toString(),
            u"second-value"_s);
    }

    void challengeWithoutToken()
    {
        const test::Reply reply = getSecret(u"/secrets/tenants"_s, {});
        QCOMPARE(reply.status, 401);
        const QByteArray challenge = reply.header("www-authenticate");
        QVERIFY2(challenge.startsWith("Bearer authorization=\""), challenge.constData());
        QVERIFY(challenge.contains(QByteArray("/" + Tenant.toLatin1() + "\"")));
        QVERIFY(challenge.endsWith("resource=\"https://vault.azure.net\""));
        QCOMPARE(reply.json().value(u"error"_s).toObject().value(u"code"_s).toString(), u"Unauthorized"_s);
    }

    void errors_data()
    {
        QTest::addColumn<QString>("tenant");
        QTest::addColumn<QString>("app");
        QTest::addColumn<QString>("audience");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("query");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("message");
        QTest::newRow("management token")
            << Tenant << Reader << u"https://management.azure.com"_s << u"/secrets/tenants"_s << u"api-version=7.4"_s
            << 401 << u"Unauthorized"_s << u"AKV10022: Invalid audience"_s;
        QTest::newRow("token of another tenant") << OtherTenant << Foreigner << VaultAudience << u"/secrets/tenants"_s
                                                 << u"api-version=7.4"_s << 401 << u"Unauthorized"_s << u"AKV10032"_s;
        QTest::newRow("no role") << Tenant << Stranger << VaultAudience << u"/secrets/tenants"_s << u"api-version=7.4"_s
                                 << 403 << u"Forbidden"_s
                                 << u"Caller is not authorized to perform action on resource.\r\n"_s;
        QTest::newRow("unknown secret")
            << Tenant << Reader << VaultAudience << u"/secrets/ClientSecret"_s << u"api-version=7.4"_s << 404
            << u"SecretNotFound"_s
            << u"A secret with (name/id) ClientSecret was not found in this key vault. If you recently deleted this "
               "secret you may be able to recover it using the correct recovery command. For help resolving this "
               "issue, please see https://go.microsoft.com/fwlink/?linkid=2125182"_s;
        QTest::newRow("unknown version") << Tenant << Reader << VaultAudience << u"/secrets/tenants/0123"_s
                                         << u"api-version=7.4"_s << 404 << u"SecretNotFound"_s
                                         << u"A secret with (name/id) tenants/0123 was not found"_s;
        QTest::newRow("no api-version") << Tenant << Reader << VaultAudience << u"/secrets/tenants"_s << QString()
                                        << 400 << u"BadParameter"_s << u"api-version"_s;
        QTest::newRow("bad name") << Tenant << Reader << VaultAudience << u"/secrets/bad_name"_s << u"api-version=7.4"_s
                                  << 400 << u"BadParameter"_s << u"bad_name"_s;
    }

    void errors()
    {
        QFETCH(QString, tenant);
        QFETCH(QString, app);
        QFETCH(QString, audience);
        QFETCH(QString, path);
        QFETCH(QString, query);
        QFETCH(int, status);
        QFETCH(QString, code);
        QFETCH(QString, message);
        const test::Reply reply = getSecret(path, m_sandbox.issueToken(tenant, app, audience), query);
        QCOMPARE(reply.status, status);
        const QJsonObject error = reply.json().value(u"error"_s).toObject();
        QCOMPARE(error.value(u"code"_s).toString(), code);
        QVERIFY2(
            error.value(u"message"_s).toString().contains(message), qPrintable(error.value(u"message"_s).toString()));
        QVERIFY(!reply.body.contains("misp-key-value"));
        if (status == 403)
            QCOMPARE(error.value(u"innererror"_s).toObject().value(u"code"_s).toString(), u"ForbiddenByRbac"_s);
        if (status == 401)
            QVERIFY(reply.hasHeader("www-authenticate"));
    }

    void expiredToken()
    {
        const QByteArray token = m_sandbox.issueToken(Tenant, Reader, VaultAudience);
        m_sandbox.entra().expireAllTokens();
        const test::Reply reply = getSecret(u"/secrets/tenants"_s, token);
        QCOMPARE(reply.status, 401);
        QVERIFY(reply.json().value(u"error"_s).toObject().value(u"message"_s).toString().contains(u"expired"_s));
    }
};

QTEST_GUILESS_MAIN(TestSandboxKeyVault)
#include "tst_sandbox_keyvault.moc"
