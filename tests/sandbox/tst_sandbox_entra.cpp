// SPDX-License-Identifier: BSD-2-Clause
// The Entra ID v2.0 token endpoint of the sandbox against sentinel-api.md §4, over real loopback HTTP.
#include "tests/sandbox/sandbox.h"
#include "tests/sandbox/testhttp.h"

#include <QJsonArray>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace msb::sandbox;

namespace {

const QString Tenant = u"11111111-2222-4333-8444-555555555555"_s;
const QString OtherTenant = u"99999999-2222-4333-8444-555555555555"_s;
const QString App = u"aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee"_s;
const QString ExpiredApp = u"bbbbbbbb-bbbb-4ccc-8ddd-eeeeeeeeeeee"_s;
const QString UnknownApp = u"cccccccc-bbbb-4ccc-8ddd-eeeeeeeeeeee"_s;
const QString Secret = u"s3cr+t/with=odd&chars"_s;
const QString ArmScope = u"https://management.azure.com/.default"_s;

using Form = QList<QPair<QString, QString>>;

QByteArray encode(const Form &form)
{
    QByteArray body;
    for (const auto &[key, value] : form) {
        if (!body.isEmpty())
            body += '&';
        body += QUrl::toPercentEncoding(key) + '=' + QUrl::toPercentEncoding(value);
    }
    return body;
}

Form goodForm(const QString &clientId = App, const QString &secret = Secret, const QString &scope = ArmScope)
{
    return { { u"client_id"_s, clientId },
        { u"scope"_s, scope },
        { u"client_secret"_s, secret },
        { u"grant_type"_s, u"client_credentials"_s } };
}

Form without(Form form, const QString &key)
{
    form.removeIf([&key](const auto &pair) { return pair.first == key; });
    return form;
}

} // namespace

class TestSandboxEntra final : public QObject
{
    Q_OBJECT

private:
    Sandbox m_sandbox;
    QNetworkAccessManager m_nam;

    test::Reply requestToken(const QString &tenant, const QByteArray &body, const QByteArray &basic = {})
    {
        QNetworkRequest request(test::withPath(m_sandbox.httpUrl(), u"/%1/oauth2/v2.0/token"_s.arg(tenant)));
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/x-www-form-urlencoded"));
        if (!basic.isEmpty())
            request.setRawHeader("Authorization", "Basic " + basic.toBase64());
        return test::exchange(m_nam, request, "POST", body);
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_sandbox.addTenant(Tenant, { u"contoso.onmicrosoft.com"_s });
        m_sandbox.addApp(Tenant, App, Secret);
        m_sandbox.addApp(Tenant, ExpiredApp, u"old-secret"_s, true);
        QString error;
        QVERIFY2(m_sandbox.start({}, &error), qPrintable(error));
    }

    void init()
    {
        m_sandbox.setClockScale(1);
        m_sandbox.setTokenLifetime(3599);
    }

    void success_data()
    {
        QTest::addColumn<QString>("tenant");
        QTest::newRow("tenant guid") << Tenant;
        QTest::newRow("tenant guid upper case") << Tenant.toUpper();
        QTest::newRow("tenant domain") << u"contoso.onmicrosoft.com"_s;
    }

    void success()
    {
        QFETCH(QString, tenant);
        const int before = m_sandbox.tokenRequestCount();
        const test::Reply reply = requestToken(tenant, encode(goodForm()));
        QCOMPARE(reply.status, 200);
        const QJsonObject body = reply.json();
        QCOMPARE(body.value(u"token_type"_s).toString(), u"Bearer"_s);
        QCOMPARE(body.value(u"expires_in"_s).toInt(), 3599);
        QCOMPARE(body.value(u"ext_expires_in"_s).toInt(), 3599);
        QVERIFY(!body.value(u"access_token"_s).toString().isEmpty());
        QCOMPARE(body.size(), 4);
        QCOMPARE(reply.header("content-type"), QByteArray("application/json; charset=utf-8"));
        QCOMPARE(reply.header("cache-control"), QByteArray("no-store, no-cache"));
        QCOMPARE(reply.header("pragma"), QByteArray("no-cache"));
        QCOMPARE(m_sandbox.tokenRequestCount(), before + 1);

        const TokenInfo info = m_sandbox.entra().lookup(body.value(u"access_token"_s).toString().toLatin1());
        QVERIFY(info.known);
        QVERIFY(!info.expired);
        QCOMPARE(info.tenantId, Tenant);
        QCOMPARE(info.clientId, App);
        QCOMPARE(info.audience, u"https://management.azure.com"_s);
    }

    void basicAuthentication()
    {
        const test::Reply reply = requestToken(Tenant,
            encode(without(without(goodForm(), u"client_id"_s), u"client_secret"_s)),
            QUrl::toPercentEncoding(App) + ':' + QUrl::toPercentEncoding(Secret));
        QCOMPARE(reply.status, 200);
    }

    void audienceFollowsTheScope()
    {
        const test::Reply reply
            = requestToken(Tenant, encode(goodForm(App, Secret, u"https://vault.azure.net/.default"_s)));
        QCOMPARE(reply.status, 200);
        const TokenInfo info = m_sandbox.entra().lookup(reply.json().value(u"access_token"_s).toString().toLatin1());
        QCOMPARE(info.audience, u"https://vault.azure.net"_s);
    }

    void errors_data()
    {
        QTest::addColumn<QString>("tenant");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("error");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("text");

        QTest::newRow("wrong secret")
            << Tenant << encode(goodForm(App, u"nope"_s)) << 401 << u"invalid_client"_s << 7000215
            << u"AADSTS7000215: Invalid client secret provided. Ensure the secret being sent in the request is the "
               "client secret value, not the client secret ID, for a secret added to app '%1'."_s.arg(App);
        // '+' in a form body means a space: a client that forgets to URL-encode the secret is rejected.
        QByteArray unencoded = encode(without(goodForm(), u"client_secret"_s));
        unencoded += "&client_secret=" + Secret.toUtf8().replace('&', "%26");
        QTest::newRow("secret not url-encoded")
            << Tenant << unencoded << 401 << u"invalid_client"_s << 7000215 << u"AADSTS7000215: "_s;
        QTest::newRow("expired secret")
            << Tenant << encode(goodForm(ExpiredApp, u"old-secret"_s)) << 401 << u"invalid_client"_s << 7000222
            << u"AADSTS7000222: The provided client secret keys for app '%1' are expired. Visit the Azure portal to "
               "create new keys for your app: https://aka.ms/NewClientSecret, or consider using certificate "
               "credentials for added security: https://aka.ms/certCreds."_s.arg(ExpiredApp);
        QTest::newRow("unknown app")
            << Tenant << encode(goodForm(UnknownApp)) << 400 << u"unauthorized_client"_s << 700016
            << u"AADSTS700016: Application with identifier '%1' was not found in the directory '%2'. This can happen "
               "if the application has not been installed by the administrator of the tenant or consented to by any "
               "user in the tenant. You may have sent your authentication request to the wrong tenant."_s.arg(
                   UnknownApp, Tenant);
        QTest::newRow("unknown tenant")
            << OtherTenant << encode(goodForm()) << 400 << u"invalid_request"_s << 90002
            << u"AADSTS90002: Tenant '%1' not found. Check to make sure you have the correct tenant ID and are signing "
               "into the correct cloud. Check with your subscription administrator, this may happen if there are no "
               "active subscriptions for the tenant."_s.arg(OtherTenant);
        QTest::newRow("unknown domain") << u"fabrikam.onmicrosoft.com"_s << encode(goodForm()) << 400
                                        << u"invalid_request"_s << 90002
                                        << u"AADSTS90002: Tenant 'fabrikam.onmicrosoft.com' not found."_s;
        QTest::newRow("malformed tenant")
            << u"not_a_tenant"_s << encode(goodForm()) << 400 << u"invalid_request"_s << 900023
            << u"AADSTS900023: Specified tenant identifier 'not_a_tenant' is neither a valid DNS name, nor a valid "
               "external domain."_s;
        for (const QString &parameter : { u"scope"_s, u"client_id"_s, u"grant_type"_s }) {
            QTest::addRow("missing %s", qPrintable(parameter))
                << Tenant << encode(without(goodForm(), parameter)) << 400 << u"invalid_request"_s << 900144
                << u"AADSTS900144: The request body must contain the following parameter: '%1'."_s.arg(parameter);
        }
        QTest::newRow("missing secret")
            << Tenant << encode(without(goodForm(), u"client_secret"_s)) << 401 << u"invalid_client"_s << 7000218
            << u"AADSTS7000218: The request body must contain the following parameter: 'client_assertion' or "
               "'client_secret'."_s;
        QTest::newRow("bad scope")
            << Tenant << encode(goodForm(App, Secret, u"https://example.contoso.com/activity.read"_s)) << 400
            << u"invalid_scope"_s << 70011
            << u"AADSTS70011: The provided value for the input parameter 'scope' isn't valid. The scope "
               "https://example.contoso.com/activity.read isn't valid."_s;
        QTest::newRow("scope without .default")
            << Tenant << encode(goodForm(App, Secret, u"https://management.azure.com"_s)) << 400 << u"invalid_scope"_s
            << 70011 << u"AADSTS70011: "_s;
        QTest::newRow("two resources")
            << Tenant
            << encode(
                   goodForm(App, Secret, u"https://management.azure.com/.default https://vault.azure.net/.default"_s))
            << 400 << u"invalid_scope"_s << 70011 << u"AADSTS70011: "_s;
        QTest::newRow("v1 resource parameter")
            << Tenant
            << encode(goodForm() << QPair<QString, QString> { u"resource"_s, u"https://management.azure.com/"_s })
            << 400 << u"invalid_request"_s << 901002
            << u"AADSTS901002: The 'resource' request parameter isn't supported."_s;
        QTest::newRow("password grant") << Tenant
                                        << encode(without(goodForm(), u"grant_type"_s)
                                               << QPair<QString, QString> { u"grant_type"_s, u"password"_s })
                                        << 400 << u"unsupported_grant_type"_s << 70003 << u"AADSTS70003: "_s;
    }

    void errors()
    {
        QFETCH(QString, tenant);
        QFETCH(QByteArray, body);
        QFETCH(int, status);
        QFETCH(QString, error);
        QFETCH(int, code);
        QFETCH(QString, text);
        const test::Reply reply = requestToken(tenant, body);
        QCOMPARE(reply.status, status);
        const QJsonObject json = reply.json();
        QCOMPARE(json.value(u"error"_s).toString(), error);
        QCOMPARE(json.value(u"error_codes"_s).toArray(), QJsonArray { code });
        const QString description = json.value(u"error_description"_s).toString();
        QVERIFY2(description.startsWith(text), qPrintable(description));
        // The trailer of every AADSTS description, and the fields that carry the same values.
        const QString trace = json.value(u"trace_id"_s).toString();
        const QString correlation = json.value(u"correlation_id"_s).toString();
        QCOMPARE(trace.size(), 36);
        QCOMPARE(correlation.size(), 36);
        QVERIFY2(description.contains(u"\r\nTrace ID: "_s + trace + u"\r\nCorrelation ID: "_s + correlation
                     + u"\r\nTimestamp: "_s + json.value(u"timestamp"_s).toString()),
            qPrintable(description));
        QCOMPARE(json.value(u"error_uri"_s).toString(), u"https://login.microsoftonline.com/error?code=%1"_s.arg(code));
        QVERIFY(!json.contains(u"access_token"_s));
        QCOMPARE(reply.header("cache-control"), QByteArray("no-store, no-cache"));
    }

    void tokenRequestsAreCounted()
    {
        const int before = m_sandbox.tokenRequestCount();
        const int beforeApp = m_sandbox.entra().tokenRequestCount(App);
        QCOMPARE(requestToken(Tenant, encode(goodForm())).status, 200);
        QCOMPARE(requestToken(Tenant, encode(goodForm(App, u"x"_s))).status, 401);
        QCOMPARE(m_sandbox.tokenRequestCount(), before + 2);
        QCOMPARE(m_sandbox.entra().tokenRequestCount(App), beforeApp + 2);
    }

    void lifetimeIsConfigurable()
    {
        m_sandbox.setTokenLifetime(60);
        QCOMPARE(requestToken(Tenant, encode(goodForm())).json().value(u"expires_in"_s).toInt(), 60);
        // Under a scaled clock the client is told real seconds: 3599 s at 1000x is 3.6 s, rounded up.
        m_sandbox.setTokenLifetime(3599);
        m_sandbox.setClockScale(1000);
        QCOMPARE(requestToken(Tenant, encode(goodForm())).json().value(u"expires_in"_s).toInt(), 4);
    }

    void tokensExpire()
    {
        m_sandbox.setTokenLifetime(2);
        m_sandbox.setClockScale(10); // 2 sandbox seconds = 200 ms
        const test::Reply reply = requestToken(Tenant, encode(goodForm()));
        QCOMPARE(reply.json().value(u"expires_in"_s).toInt(), 1);
        const QByteArray token = reply.json().value(u"access_token"_s).toString().toLatin1();
        QVERIFY(!m_sandbox.entra().lookup(token).expired);
        QTRY_VERIFY_WITH_TIMEOUT(m_sandbox.entra().lookup(token).expired, 2000);
    }

    void getIsNotAllowed()
    {
        const test::Reply reply = test::exchange(
            m_nam, QNetworkRequest(test::withPath(m_sandbox.httpUrl(), u"/%1/oauth2/v2.0/token"_s.arg(Tenant))), "GET");
        QCOMPARE(reply.status, 405);
    }
};

QTEST_GUILESS_MAIN(TestSandboxEntra)
#include "tst_sandbox_entra.moc"
