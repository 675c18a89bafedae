// SPDX-License-Identifier: BSD-2-Clause
// The Sentinel upload APIs of the sandbox against sentinel-api.md §1, §2 and §6, over real loopback HTTP:
// every documented status and body, per-object validation, the rate limiter and the store.
#include "tests/sandbox/sandbox.h"
#include "tests/sandbox/testhttp.h"

#include <QJsonArray>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace msb::sandbox;

namespace {

const QString Tenant = u"11111111-2222-4333-8444-555555555555"_s;
const QString Tenant2 = u"22222222-2222-4333-8444-555555555555"_s;
const QString App = u"aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee"_s;
const QString Ungranted = u"bbbbbbbb-bbbb-4ccc-8ddd-eeeeeeeeeeee"_s;
const QString App2 = u"cccccccc-bbbb-4ccc-8ddd-eeeeeeeeeeee"_s;
const QString Ws = u"0b0b0b0b-1111-4222-8333-444444444444"_s;
const QString Ws2 = u"0c0c0c0c-1111-4222-8333-444444444444"_s;
const QString WsOther = u"0d0d0d0d-1111-4222-8333-444444444444"_s; // in Tenant2
const QString StixVersion = u"2024-02-01-preview"_s;

/// The doc's "Test Indicator 1" (sentinel-api.md §1.7), with a chosen id and modified time.
QJsonObject indicator(int n = 1, const QString &modified = u"2011-02-26T18:29:07.778Z"_s)
{
    return QJsonObject { { u"type"_s, u"indicator"_s },
        { u"spec_version"_s, u"2.1"_s },
        { u"id"_s, u"indicator--10000003-71a2-445c-ab86-%1"_s.arg(n, 12, 10, QChar(u'0')) },
        { u"name"_s, u"Test Indicator %1"_s.arg(n) },
        { u"created"_s, u"2010-02-26T18:29:07.778Z"_s },
        { u"modified"_s, modified },
        { u"pattern"_s, u"[ipv4-addr:value = '172.29.6.7']"_s },
        { u"pattern_type"_s, u"stix"_s },
        { u"valid_from"_s, u"2015-02-26T18:29:07.778Z"_s } };
}

QByteArray stixBody(const QJsonArray &objects, const QString &sourceSystem = u"test"_s)
{
    return QJsonDocument(QJsonObject { { u"sourcesystem"_s, sourceSystem }, { u"stixobjects"_s, objects } })
        .toJson(QJsonDocument::Compact);
}

QJsonObject with(QJsonObject object, const QString &key, const QJsonValue &value)
{
    if (value.isUndefined())
        object.remove(key);
    else
        object.insert(key, value);
    return object;
}

} // namespace

class TestSandboxSentinel final : public QObject
{
    Q_OBJECT

private:
    Sandbox m_sandbox;
    QNetworkAccessManager m_nam;
    QByteArray m_token;

    QUrl stixUrl(const QString &workspace, const QString &version = StixVersion) const
    {
        return test::withPath(m_sandbox.httpUrl(),
            u"/workspaces/%1/threat-intelligence-stix-objects:upload"_s.arg(workspace),
            version.isNull() ? QString() : u"api-version="_s + version);
    }

    test::Reply upload(const QByteArray &body,
        const QString &workspace = Ws,
        QByteArray token = {},
        const QString &version = StixVersion)
    {
        if (token.isNull())
            token = m_token;
        return test::exchange(m_nam, test::jsonRequest(stixUrl(workspace, version), token), "POST", body);
    }

    test::Reply post(const QUrl &url, const QByteArray &body, const QByteArray &token)
    {
        return test::exchange(m_nam, test::jsonRequest(url, token), "POST", body);
    }

    QByteArray bodyWithError(const QJsonObject &object) { return stixBody(QJsonArray { indicator(1), object }); }

private Q_SLOTS:
    void initTestCase()
    {
        m_sandbox.addApp(Tenant, App, u"secret-1"_s);
        m_sandbox.addApp(Tenant, Ungranted, u"secret-2"_s);
        m_sandbox.addApp(Tenant2, App2, u"secret-3"_s);
        m_sandbox.addWorkspace(Ws, Tenant);
        m_sandbox.addWorkspace(Ws2, Tenant);
        m_sandbox.addWorkspace(WsOther, Tenant2);
        m_sandbox.grant(Ws, App);
        m_sandbox.grant(Ws2, App);
        m_sandbox.grant(WsOther, App2);
        SandboxOptions options;
        options.https = false;
        QString error;
        QVERIFY2(m_sandbox.start(options, &error), qPrintable(error));
        m_token = m_sandbox.issueToken(Tenant, App);
    }

    void init()
    {
        m_sandbox.setSentinelOptions(SentinelOptions());
        RateLimitSettings limits;
        limits.enabled = false;
        m_sandbox.setRateLimit(limits);
        m_sandbox.setClockScale(1);
        m_sandbox.faults().clear();
        for (const QString &ws : { Ws, Ws2, WsOther })
            m_sandbox.sentinel().store(ws)->clear();
    }

    void allValidIsAnEmpty200()
    {
        const test::Reply reply = upload(stixBody(QJsonArray { indicator(1) }));
        QCOMPARE(reply.status, 200);
        QVERIFY(reply.body.isEmpty());
        const QList<StoredObject> stored = m_sandbox.storedObjects(Ws);
        QCOMPARE(stored.size(), 1);
        QCOMPARE(stored.first().object, indicator(1));
        QCOMPARE(stored.first().sourceSystem, u"test"_s);
    }

    void tokenFromTheEndpointWorks()
    {
        QNetworkRequest request(test::withPath(m_sandbox.httpUrl(), u"/%1/oauth2/v2.0/token"_s.arg(Tenant)));
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/x-www-form-urlencoded"));
        const test::Reply tokenReply = test::exchange(m_nam,
            request,
            "POST",
            "grant_type=client_credentials&client_id=" + App.toLatin1()
                + "&client_secret=secret-1&scope=https%3A%2F%2Fmanagement.azure.com%2F.default");
        QCOMPARE(tokenReply.status, 200);
        const QByteArray token = tokenReply.json().value(u"access_token"_s).toString().toLatin1();
        QCOMPARE(upload(stixBody(QJsonArray { indicator(1) }), Ws, token).status, 200);
    }

    void authentication_data()
    {
        QTest::addColumn<QString>("audience");
        QTest::addColumn<int>("tokenKind"); // 0 none, 1 unknown, 2 expired, 3 issued with audience
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        const QByteArray gateway
            = "{\"statusCode\":401,\"message\":\"Unauthorized. Access token is missing or invalid.\"}";
        QTest::newRow("no token") << QString() << 0 << 401 << gateway;
        QTest::newRow("unknown token") << QString() << 1 << 401 << gateway;
        QTest::newRow("expired token") << u"https://management.azure.com"_s << 2 << 401 << gateway;
        QTest::newRow("log analytics audience") << u"https://api.loganalytics.io"_s << 3 << 401 << QByteArray();
        QTest::newRow("vault audience") << u"https://vault.azure.net"_s << 3 << 401 << QByteArray();
        for (const QString &audience : { u"https://management.core.windows.net/"_s,
                 u"https://management.core.windows.net"_s,
                 u"https://management.azure.com/"_s,
                 u"https://management.azure.com"_s })
            QTest::addRow("accepted %s", qPrintable(audience)) << audience << 3 << 200 << QByteArray();
    }

    void authentication()
    {
        QFETCH(QString, audience);
        QFETCH(int, tokenKind);
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QByteArray token;
        if (tokenKind == 1)
            token = "sbx.not-issued-here";
        if (tokenKind >= 2)
            token = m_sandbox.issueToken(Tenant, App, audience);
        if (tokenKind == 2) {
            m_sandbox.entra().expireAllTokens();
            m_token = m_sandbox.issueToken(Tenant, App);
        }
        const test::Reply reply = upload(stixBody(QJsonArray { indicator(1) }), Ws, token.isEmpty() ? "" : token);
        QCOMPARE(reply.status, status);
        QCOMPARE(reply.body, body);
        QCOMPARE(m_sandbox.storedObjects(Ws).size(), status == 200 ? 1 : 0);
    }

    void unauthorizedAccess_data()
    {
        QTest::addColumn<QString>("tenant");
        QTest::addColumn<QString>("app");
        QTest::addColumn<QString>("workspace");
        QTest::newRow("app without the role") << Tenant << Ungranted << Ws;
        QTest::newRow("app of another tenant") << Tenant2 << App2 << Ws;
    }

    void unauthorizedAccess()
    {
        QFETCH(QString, tenant);
        QFETCH(QString, app);
        QFETCH(QString, workspace);
        const test::Reply reply
            = upload(stixBody(QJsonArray { indicator(1) }), workspace, m_sandbox.issueToken(tenant, app));
        QCOMPARE(reply.status, 403);
        const QString objectId = m_sandbox.entra().objectId(tenant, app);
        QVERIFY(!objectId.isEmpty());
        const QByteArray expected = "{\"error\":{\"code\":\"UnauthorizedAccess\",\"message\":\"The Object ID ["
            + objectId.toLatin1() + "] does not have required permission to perform this action on the workspace ["
            + workspace.toLatin1() + "].\",\"details\":[],\"target\":null,\"additionalInfo\":null}}";
        QCOMPARE(reply.body, expected);
        QCOMPARE(reply.header("x-ms-error-code"), QByteArray("UnauthorizedAccess"));
        QVERIFY(m_sandbox.storedObjects(workspace).isEmpty());
    }

    void grantsCanBeRevoked()
    {
        QCOMPARE(upload(stixBody(QJsonArray { indicator(1) }), Ws2).status, 200);
        m_sandbox.revoke(Ws2, App);
        QCOMPARE(upload(stixBody(QJsonArray { indicator(1) }), Ws2).status, 403);
        m_sandbox.grant(Ws2, App);
    }

    void workspaceId_data()
    {
        QTest::addColumn<QString>("workspace");
        QTest::addColumn<int>("status");
        QTest::newRow("known") << Ws << 200;
        QTest::newRow("known, upper case") << Ws.toUpper() << 200;
        QTest::newRow("known, in braces") << u"{"_s + Ws + u"}"_s << 200;
        QTest::newRow("unknown guid") << u"0e0e0e0e-1111-4222-8333-444444444444"_s << 404;
        QTest::newRow("workspace name, not id") << u"my-sentinel-workspace"_s << 404;
    }

    void workspaceId()
    {
        QFETCH(QString, workspace);
        QFETCH(int, status);
        const test::Reply reply = upload(stixBody(QJsonArray { indicator(1) }), workspace);
        QCOMPARE(reply.status, status);
        if (status == 404)
            QCOMPARE(reply.json().value(u"error"_s).toObject().value(u"code"_s).toString(), u"WorkspaceNotFound"_s);
    }

    void apiVersion_data()
    {
        QTest::addColumn<QString>("version");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");
        QTest::newRow("documented") << StixVersion << 200 << QString();
        QTest::newRow("missing") << QString() << 400 << u"MissingApiVersionParameter"_s;
        QTest::newRow("empty") << QString(u""_s) << 400 << u"InvalidApiVersionParameter"_s;
        QTest::newRow("legacy version") << u"2022-07-01"_s << 400 << u"InvalidApiVersionParameter"_s;
    }

    void apiVersion()
    {
        QFETCH(QString, version);
        QFETCH(int, status);
        QFETCH(QString, code);
        const test::Reply reply = upload(stixBody(QJsonArray { indicator(1) }), Ws, m_token, version);
        QCOMPARE(reply.status, status);
        QCOMPARE(reply.json().value(u"error"_s).toObject().value(u"code"_s).toString(), code);
    }

    void malformedJson()
    {
        const test::Reply reply = upload("{\"sourcesystem\":\"test\",\"stixobjects\":[{\"type\":\"indicator\",");
        QCOMPARE(reply.status, 400);
        QCOMPARE(reply.body,
            QByteArray(
                "{\"error\":{\"code\":\"InvalidRequestBodyProperty(RequestBody)\",\"message\":\"Body of the request "
                "is not in valid JSON format.\",\"details\":[],\"target\":null,\"additionalInfo\":null}}"));
    }

    void contentTypeIsRequired()
    {
        QNetworkRequest request(stixUrl(Ws));
        request.setRawHeader("Authorization", "Bearer " + m_token);
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("text/plain"));
        QCOMPARE(test::exchange(m_nam, request, "POST", stixBody(QJsonArray { indicator(1) })).status, 415);
    }

    void requestRules_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("message");
        const QJsonArray one { indicator(1) };
        auto doc = [](const QJsonObject &o) { return QJsonDocument(o).toJson(QJsonDocument::Compact); };
        QTest::newRow("no sourcesystem") << doc({ { u"stixobjects"_s, one } })
                                         << u"Required property 'sourcesystem' is missing."_s;
        QTest::newRow("reserved sourcesystem")
            << stixBody(one, u"Microsoft Sentinel"_s) << u"Source system name cannot be Microsoft Sentinel."_s;
        QTest::newRow("reserved sourcesystem, other case")
            << stixBody(one, u"microsoft sentinel"_s) << u"Source system name cannot be Microsoft Sentinel."_s;
        QTest::newRow("sourcesystem of 257 characters")
            << stixBody(one, QString(257, u'x')) << u"Source system name is too long"_s;
        QTest::newRow("empty sourcesystem") << stixBody(one, u""_s) << u"must be a non-empty string"_s;
        QTest::newRow("no stixobjects") << doc({ { u"sourcesystem"_s, u"test"_s } })
                                        << u"Required property 'stixobjects' is missing."_s;
        QTest::newRow("legacy key on the STIX API") << doc({ { u"sourcesystem"_s, u"test"_s }, { u"value"_s, one } })
                                                    << u"Required property 'stixobjects' is missing."_s;
        QTest::newRow("capitalised keys") << doc({ { u"SourceSystem"_s, u"test"_s }, { u"StixObjects"_s, one } })
                                          << u"Required property 'sourcesystem' is missing."_s;
        QTest::newRow("stixobjects not an array")
            << doc({ { u"sourcesystem"_s, u"test"_s }, { u"stixobjects"_s, indicator(1) } }) << u"must be an array"_s;
        QTest::newRow("empty stixobjects") << stixBody(QJsonArray()) << u"at least one object"_s;
        QTest::newRow("body is an array") << QJsonDocument(one).toJson() << u"not in valid JSON format"_s;
    }

    void requestRules()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, message);
        const test::Reply reply = upload(body);
        QCOMPARE(reply.status, 400);
        const QJsonObject error = reply.json().value(u"error"_s).toObject();
        QCOMPARE(error.value(u"code"_s).toString(), u"InvalidRequestBodyProperty(RequestBody)"_s);
        QVERIFY2(
            error.value(u"message"_s).toString().contains(message), qPrintable(error.value(u"message"_s).toString()));
        QVERIFY(m_sandbox.storedObjects(Ws).isEmpty());
    }

    void sourceSystemOf256IsFine()
    {
        QCOMPARE(upload(stixBody(QJsonArray { indicator(1) }, QString(256, u'x'))).status, 200);
    }

    void objectLimit_data()
    {
        QTest::addColumn<int>("count");
        QTest::addColumn<int>("overLimit");
        QTest::addColumn<int>("status");
        QTest::addColumn<int>("stored");
        QTest::newRow("100") << 100 << int(SentinelOptions::OverLimit::Reject) << 200 << 100;
        QTest::newRow("101 rejected") << 101 << int(SentinelOptions::OverLimit::Reject) << 400 << 0;
        QTest::newRow("101 truncated") << 101 << int(SentinelOptions::OverLimit::Truncate) << 200 << 100;
        QTest::newRow("101 accepted") << 101 << int(SentinelOptions::OverLimit::Accept) << 200 << 101;
    }

    void objectLimit()
    {
        QFETCH(int, count);
        QFETCH(int, overLimit);
        QFETCH(int, status);
        QFETCH(int, stored);
        SentinelOptions options;
        options.overLimit = SentinelOptions::OverLimit(overLimit);
        m_sandbox.setSentinelOptions(options);
        QJsonArray objects;
        for (int i = 0; i < count; ++i)
            objects.append(indicator(i));
        const test::Reply reply = upload(stixBody(objects));
        QCOMPARE(reply.status, status);
        if (status == 400)
            QVERIFY(reply.json()
                        .value(u"error"_s)
                        .toObject()
                        .value(u"message"_s)
                        .toString()
                        .contains(u"(101) exceeds the maximum of 100"_s));
        QCOMPARE(m_sandbox.storedObjects(Ws).size(), stored);
    }

    void validation_data()
    {
        QTest::addColumn<QJsonObject>("object");
        QTest::addColumn<QString>("message");
        const QJsonObject ok = indicator(2);
        const QJsonValue gone(QJsonValue::Undefined);
        QTest::newRow("no id") << with(ok, u"id"_s, gone)
                               << u"Error for Property=id: Required property is missing. Actual value: NULL."_s;
        for (const QString &field :
            { u"type"_s, u"created"_s, u"modified"_s, u"pattern"_s, u"pattern_type"_s, u"valid_from"_s }) {
            QTest::addRow("no %s", qPrintable(field))
                << with(ok, field, gone)
                << u"Error for Property=%1: Required property is missing. Actual value: NULL."_s.arg(field);
        }
        QTest::newRow("id null") << with(ok, u"id"_s, QJsonValue::Null)
                                 << u"Error for Property=id: Required property is missing. Actual value: NULL."_s;
        QTest::newRow("valid_until = valid_from")
            << with(ok, u"valid_until"_s, u"2015-02-26T18:29:07.778Z"_s)
            << u"Error for Property=valid_until: The value must be greater than the valid_from timestamp"_s;
        QTest::newRow("valid_until before valid_from")
            << with(ok, u"valid_until"_s, u"2014-01-01T00:00:00Z"_s) << u"Error for Property=valid_until"_s;
        QTest::newRow("confidence 101")
            << with(ok, u"confidence"_s, 101)
            << u"Error for Property=confidence: The value must be an integer in the range 0-100. Actual value: 101."_s;
        QTest::newRow("confidence -1") << with(ok, u"confidence"_s, -1) << u"Error for Property=confidence"_s;
        QTest::newRow("confidence 50.5") << with(ok, u"confidence"_s, 50.5) << u"Error for Property=confidence"_s;
        QTest::newRow("confidence as text") << with(ok, u"confidence"_s, u"50"_s) << u"Error for Property=confidence"_s;
        QTest::newRow("pattern without brackets") << with(ok, u"pattern"_s, u"ipv4-addr:value = '1.2.3.4'"_s)
                                                  << u"Error for Property=pattern: The STIX pattern is not valid"_s;
        QTest::newRow("pattern with an open quote")
            << with(ok, u"pattern"_s, u"[ipv4-addr:value = '1.2.3.4]"_s) << u"unterminated string"_s;
        QTest::newRow("pattern without operator")
            << with(ok, u"pattern"_s, u"[ipv4-addr:value '1.2.3.4']"_s) << u"expected a comparison operator"_s;
        QTest::newRow("pattern without path")
            << with(ok, u"pattern"_s, u"[ipv4-addr = '1.2.3.4']"_s) << u"expected ':' after the object type"_s;
        QTest::newRow("pattern unbalanced bracket")
            << with(ok, u"pattern"_s, u"[ipv4-addr:value = '1.2.3.4'"_s) << u"expected ']'"_s;
        QTest::newRow("unsupported type")
            << with(with(ok, u"type"_s, u"malware"_s), u"id"_s, u"malware--10000003-71a2-445c-ab86-927291df48f8"_s)
            << u"Error for Property=type: The STIX object type is not supported. Actual value: malware."_s;
        QTest::newRow("id of another type")
            << with(ok, u"id"_s, u"malware--10000003-71a2-445c-ab86-927291df48f8"_s)
            << u"Error for Property=id: The value is not a valid STIX identifier of type indicator"_s;
        QTest::newRow("id not a uuid") << with(ok, u"id"_s, u"indicator--1234"_s) << u"Error for Property=id"_s;
        QTest::newRow("created not a timestamp") << with(ok, u"created"_s, u"2010-02-26 18:29:07"_s)
                                                 << u"Error for Property=created: The value is not a valid timestamp"_s;
        QTest::newRow("timestamp with offset")
            << with(ok, u"valid_from"_s, u"2015-02-26T18:29:07+02:00"_s) << u"Error for Property=valid_from"_s;
        QTest::newRow("modified before created")
            << with(ok, u"modified"_s, u"2009-01-01T00:00:00Z"_s) << u"Error for Property=modified"_s;
        QTest::newRow("spec_version 2.2")
            << with(ok, u"spec_version"_s, u"2.2"_s) << u"Error for Property=spec_version"_s;
        QTest::newRow("labels not a list") << with(ok, u"labels"_s, u"tag"_s) << u"Error for Property=labels"_s;
        QTest::newRow("marking not a marking") << with(ok, u"object_marking_refs"_s, QJsonArray { u"tlp:green"_s })
                                               << u"Error for Property=object_marking_refs"_s;
        QTest::newRow("revoked as text") << with(ok, u"revoked"_s, u"yes"_s) << u"Error for Property=revoked"_s;
        QTest::newRow("created_by_ref not an identity")
            << with(ok, u"created_by_ref"_s, u"indicator--10000003-71a2-445c-ab86-927291df48f8"_s)
            << u"Error for Property=created_by_ref"_s;
        QTest::newRow("not an object") << QJsonObject() << u"Error for Property=type: Required property is missing"_s;
    }

    void validation()
    {
        QFETCH(QJsonObject, object);
        QFETCH(QString, message);
        const test::Reply reply = upload(bodyWithError(object));
        QCOMPARE(reply.status, 200);
        const QJsonArray errors = reply.json().value(u"errors"_s).toArray();
        QCOMPARE(errors.size(), 1);
        const QJsonObject error = errors.first().toObject();
        QCOMPARE(error.value(u"recordIndex"_s).toInt(-1), 1);
        const QJsonArray messages = error.value(u"errorMessages"_s).toArray();
        QVERIFY(!messages.isEmpty());
        bool found = false;
        for (const QJsonValue &m : messages)
            found = found || m.toString().contains(message);
        QVERIFY2(found, QJsonDocument(messages).toJson().constData());
        // The valid object of the same request is stored, the invalid one is not.
        QCOMPARE(m_sandbox.storedObjects(Ws).size(), 1);
        QCOMPARE(m_sandbox.storedObjects(Ws).first().id, indicator(1).value(u"id"_s).toString());
        QCOMPARE(m_sandbox.counts(Ws).rejected, 1);
    }

    void validObjectsOfEveryDocumentedType()
    {
        const QJsonArray objects {
            with(with(indicator(1), u"valid_until"_s, u"2016-02-26T18:29:07.778Z"_s), u"confidence"_s, 55),
            QJsonObject { { u"type"_s, u"identity"_s },
                { u"spec_version"_s, u"2.1"_s },
                { u"id"_s, u"identity--733c5838-34d9-4fbf-949c-62aba761184c"_s },
                { u"created"_s, u"2016-08-23T18:05:49.307Z"_s },
                { u"modified"_s, u"2016-08-23T18:05:49.307Z"_s },
                { u"name"_s, u"Identity 1"_s } },
            QJsonObject { { u"type"_s, u"attack-pattern"_s },
                { u"spec_version"_s, u"2.1"_s },
                { u"id"_s, u"attack-pattern--fb6aa549-c94a-4e45-b4fd-7e32602dad85"_s },
                { u"created"_s, u"2015-05-15T09:12:16.432Z"_s },
                { u"modified"_s, u"2015-05-20T09:12:16.432Z"_s },
                { u"name"_s, u"Attack Pattern 1"_s } },
            QJsonObject { { u"type"_s, u"threat-actor"_s },
                { u"spec_version"_s, u"2.0"_s },
                { u"id"_s, u"threat-actor--dac8b2e5-3a0b-4b7f-9e6b-ed1b2d8f9c01"_s },
                { u"created"_s, u"2015-05-15T09:12:16Z"_s },
                { u"modified"_s, u"2015-05-15T09:12:16Z"_s },
                { u"name"_s, u"Threat Actor 1"_s } },
            QJsonObject { { u"type"_s, u"relationship"_s },
                { u"spec_version"_s, u"2.1"_s },
                { u"id"_s, u"relationship--a2e3efb5-351d-4d46-97a0-6897ee7c77a0"_s },
                { u"created"_s, u"2020-02-29T18:01:28.577Z"_s },
                { u"modified"_s, u"2020-02-29T18:01:28.577Z"_s },
                { u"relationship_type"_s, u"indicates"_s },
                { u"source_ref"_s, u"indicator--10000003-71a2-445c-ab86-000000000001"_s },
                { u"target_ref"_s, u"threat-actor--dac8b2e5-3a0b-4b7f-9e6b-ed1b2d8f9c01"_s } },
        };
        const test::Reply reply = upload(stixBody(objects));
        QCOMPARE(reply.status, 200);
        QVERIFY2(reply.body.isEmpty(), reply.body.constData());
        QCOMPARE(m_sandbox.storedObjects(Ws).size(), 5);
    }

    void recordIndexesPointAtTheBadObjects()
    {
        QJsonArray objects;
        for (int i = 0; i < 6; ++i)
            objects.append(i % 2 ? with(indicator(i), u"pattern"_s, QJsonValue(QJsonValue::Undefined)) : indicator(i));
        const test::Reply reply = upload(stixBody(objects));
        QCOMPARE(reply.status, 200);
        QList<int> indexes;
        for (const QJsonValue &error : reply.json().value(u"errors"_s).toArray())
            indexes << error.toObject().value(u"recordIndex"_s).toInt();
        QCOMPARE(indexes, (QList<int> { 1, 3, 5 }));
        QCOMPARE(m_sandbox.storedObjects(Ws).size(), 3);
        QCOMPARE(m_sandbox.uploadLog(Ws).last().rejectedIndexes, (QList<int> { 1, 3, 5 }));
    }

    void errorsFieldIsConfigurable()
    {
        SentinelOptions options;
        options.errorsField = u"validationErrorMessages"_s;
        m_sandbox.setSentinelOptions(options);
        const test::Reply reply = upload(bodyWithError(with(indicator(2), u"id"_s, QJsonValue(QJsonValue::Undefined))));
        QCOMPARE(reply.body,
            QByteArray("{\"errors\":[{\"recordIndex\":1,\"validationErrorMessages\":[\"Error for Property=id: "
                       "Required property is missing. Actual value: NULL.\"]}]}"));
    }

    void allInvalid_data()
    {
        QTest::addColumn<bool>("as400");
        QTest::newRow("200 (default)") << false;
        QTest::newRow("400") << true;
    }

    void allInvalid()
    {
        QFETCH(bool, as400);
        SentinelOptions options;
        options.allInvalidIs400 = as400;
        m_sandbox.setSentinelOptions(options);
        const test::Reply reply = upload(stixBody(QJsonArray { with(indicator(1), u"pattern"_s, u"nonsense"_s) }));
        QCOMPARE(reply.status, as400 ? 400 : 200);
        QCOMPARE(reply.json().value(u"errors"_s).toArray().size(), 1);
        QVERIFY(m_sandbox.storedObjects(Ws).isEmpty());
    }

    void rateLimit_data()
    {
        QTest::addColumn<bool>("retryAfter");
        QTest::newRow("with Retry-After") << true;
        QTest::newRow("without Retry-After") << false;
    }

    void rateLimit()
    {
        QFETCH(bool, retryAfter);
        RateLimitSettings limits;
        limits.limit = 5;
        limits.sendRetryAfter = retryAfter;
        m_sandbox.setRateLimit(limits);
        for (int i = 0; i < 5; ++i)
            QCOMPARE(upload(stixBody(QJsonArray { indicator(i) })).status, 200);
        const test::Reply reply = upload(stixBody(QJsonArray { indicator(9) }));
        QCOMPARE(reply.status, 429);
        const QJsonObject body = reply.json();
        QCOMPARE(body.value(u"statusCode"_s).toInt(), 429);
        const QString message = body.value(u"message"_s).toString();
        QVERIFY2(message.startsWith(u"Rate limit is exceeded. Try again in "_s) && message.endsWith(u" seconds."_s),
            qPrintable(message));
        const int seconds = message.section(u' ', -2, -2).toInt();
        QVERIFY2(seconds >= 59 && seconds <= 60, qPrintable(message));
        QCOMPARE(reply.hasHeader("retry-after"), retryAfter);
        if (retryAfter)
            QCOMPARE(reply.header("retry-after").toInt(), seconds);
        QCOMPARE(m_sandbox.storedObjects(Ws).size(), 5);
        QCOMPARE(m_sandbox.uploadLog(Ws).last().status, 429);
    }

    void rateLimitKey_data()
    {
        QTest::addColumn<int>("key");
        QTest::addColumn<int>("secondWorkspaceStatus");
        QTest::newRow("per app: one budget over both workspaces") << int(RateLimitKey::PerApp) << 429;
        QTest::newRow("per workspace: a budget each") << int(RateLimitKey::PerWorkspace) << 200;
    }

    void rateLimitKey()
    {
        QFETCH(int, key);
        QFETCH(int, secondWorkspaceStatus);
        RateLimitSettings limits;
        limits.limit = 3;
        limits.key = RateLimitKey(key);
        m_sandbox.setRateLimit(limits);
        for (int i = 0; i < 3; ++i)
            QCOMPARE(upload(stixBody(QJsonArray { indicator(i) }), Ws).status, 200);
        QCOMPARE(upload(stixBody(QJsonArray { indicator(1) }), Ws).status, 429);
        QCOMPARE(upload(stixBody(QJsonArray { indicator(1) }), Ws2).status, secondWorkspaceStatus);
    }

    void scaledClockReopensTheWindow()
    {
        m_sandbox.setClockScale(60); // the 60 s window passes in 1 s
        RateLimitSettings limits;
        limits.limit = 2;
        m_sandbox.setRateLimit(limits);
        QCOMPARE(upload(stixBody(QJsonArray { indicator(1) })).status, 200);
        QCOMPARE(upload(stixBody(QJsonArray { indicator(2) })).status, 200);
        const test::Reply refused = upload(stixBody(QJsonArray { indicator(3) }));
        QCOMPARE(refused.status, 429);
        QCOMPARE(refused.header("retry-after"), QByteArray("1")); // real seconds
        QTest::qWait(1100);
        QCOMPARE(upload(stixBody(QJsonArray { indicator(3) })).status, 200);
        QCOMPARE(m_sandbox.sentinel().rateLimiter().rejected(), 1);
    }

    void storeKeepsTheNewestVersion()
    {
        const QJsonObject v1 = indicator(1, u"2020-01-01T00:00:00Z"_s);
        const QJsonObject v2 = with(indicator(1, u"2020-01-02T00:00:00.5Z"_s), u"confidence"_s, 80);
        QCOMPARE(upload(stixBody(QJsonArray { v1 })).status, 200);
        QCOMPARE(upload(stixBody(QJsonArray { v1 })).status, 200); // identical re-send
        QCOMPARE(upload(stixBody(QJsonArray { v2 })).status, 200); // newer
        QCOMPARE(upload(stixBody(QJsonArray { v1 })).status, 200); // older again
        QCOMPARE(
            upload(stixBody(QJsonArray { with(v2, u"confidence"_s, 10) })).status, 200); // same modified, other content
        const QList<StoredObject> stored = m_sandbox.storedObjects(Ws);
        QCOMPARE(stored.size(), 1);
        QCOMPARE(stored.first().object, v2);
        QCOMPARE(stored.first().versions, 2);
        QCOMPARE(stored.first().timesReceived, 5);
        const StoreCounts counts = m_sandbox.counts(Ws);
        QCOMPARE(counts.inserted, 1);
        QCOMPARE(counts.duplicates, 1);
        QCOMPARE(counts.updated, 1);
        QCOMPARE(counts.stale, 1);
        QCOMPARE(counts.conflicts, 1);
        QCOMPARE(counts.objectsReceived, 5);
        QCOMPARE(counts.acceptedRequests, 5);
    }

    void revocationIsPermanent()
    {
        const QJsonObject revoked = with(indicator(1, u"2021-01-01T00:00:00Z"_s), u"revoked"_s, true);
        QCOMPARE(upload(stixBody(QJsonArray { indicator(1) })).status, 200);
        QCOMPARE(upload(stixBody(QJsonArray { revoked })).status, 200);
        QCOMPARE(upload(stixBody(QJsonArray { indicator(1, u"2022-01-01T00:00:00Z"_s) })).status, 200);
        const StoredObject stored = m_sandbox.storedObjects(Ws).first();
        QVERIFY(stored.revoked);
        QCOMPARE(stored.object, revoked);
        QCOMPARE(m_sandbox.counts(Ws).afterRevoke, 1);
    }

    void sourceSystemIsPartOfTheIdentity()
    {
        QCOMPARE(upload(stixBody(QJsonArray { indicator(1) }, u"MISP"_s)).status, 200);
        QCOMPARE(upload(stixBody(QJsonArray { indicator(1) }, u"MISP-2"_s)).status, 200);
        QCOMPARE(m_sandbox.storedObjects(Ws).size(), 2);
        QVERIFY(m_sandbox.sentinel().store(Ws)->object(u"MISP"_s, indicator(1).value(u"id"_s).toString()));
        QVERIFY(!m_sandbox.sentinel().store(Ws)->object(u"misp"_s, indicator(1).value(u"id"_s).toString()));
    }

    void uploadLogKeepsEveryRequestInOrder()
    {
        QCOMPARE(upload(stixBody(QJsonArray { indicator(1) })).status, 200);
        QCOMPARE(
            upload(stixBody(QJsonArray { indicator(2) }), Ws, m_sandbox.issueToken(Tenant, Ungranted)).status, 403);
        QCOMPARE(upload("{").status, 400);
        QCOMPARE(upload(stixBody(QJsonArray { indicator(3), indicator(4) })).status, 200);
        const QList<UploadRecord> log = m_sandbox.uploadLog(Ws);
        QCOMPARE(log.size(), 4);
        QList<int> statuses;
        for (const UploadRecord &entry : log)
            statuses << entry.status;
        QCOMPARE(statuses, (QList<int> { 200, 403, 400, 200 }));
        QVERIFY(log.at(0).sequence < log.at(1).sequence && log.at(2).sequence < log.at(3).sequence);
        QCOMPARE(log.at(1).clientId, Ungranted);
        QCOMPARE(log.at(3).objects, (QJsonArray { indicator(3), indicator(4) }));
        QCOMPARE(log.at(3).api, u"stix"_s);
        QCOMPARE(m_sandbox.counts(Ws).requests, 4);
    }

    void readBackEndpoints()
    {
        QCOMPARE(upload(stixBody(QJsonArray { indicator(1), indicator(2) }, u"MISP"_s)).status, 200);
        m_sandbox.faults().failNext(u"*"_s, 5, Fault::httpStatus(503)); // read-back is never faulted
        test::Reply reply = test::exchange(m_nam,
            QNetworkRequest(test::withPath(m_sandbox.httpUrl(), u"/_sandbox/workspaces/%1/objects"_s.arg(Ws))),
            "GET");
        QCOMPARE(reply.status, 200);
        const QJsonArray objects = reply.json().value(u"objects"_s).toArray();
        QCOMPARE(objects.size(), 2);
        QCOMPARE(objects.at(0).toObject().value(u"object"_s).toObject(), indicator(1));
        QCOMPARE(objects.at(1).toObject().value(u"sourcesystem"_s).toString(), u"MISP"_s);
        QCOMPARE(reply.json().value(u"counts"_s).toObject().value(u"inserted"_s).toInt(), 2);
        reply = test::exchange(m_nam,
            QNetworkRequest(test::withPath(m_sandbox.httpUrl(), u"/_sandbox/workspaces/%1/uploads"_s.arg(Ws))),
            "GET");
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.json().value(u"uploads"_s).toArray().size(), 1);
        reply
            = test::exchange(m_nam, QNetworkRequest(test::withPath(m_sandbox.httpUrl(), u"/_sandbox/status"_s)), "GET");
        QCOMPARE(reply.status, 200);
        QVERIFY(reply.json().value(u"workspaces"_s).toObject().contains(Ws));
    }

    void legacyApi_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("version");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("status");
        QTest::addColumn<int>("stored");
        const QJsonArray one { indicator(1) };
        auto doc = [](const QJsonObject &o) { return QJsonDocument(o).toJson(QJsonDocument::Compact); };
        const QString v1 = u"/%1/threatintelligence:upload-indicators"_s.arg(Ws);
        const QString v2 = u"/workspaces/%1/threatintelligenceindicators:upload"_s.arg(Ws);
        QTest::newRow("v1 value") << v1 << u"2022-07-01"_s
                                  << doc({ { u"sourcesystem"_s, u"test"_s }, { u"value"_s, one } }) << 200 << 1;
        QTest::newRow("v1 capitalised keys")
            << v1 << u"2022-07-01"_s << doc({ { u"SourceSystem"_s, u"test"_s }, { u"Value"_s, one } }) << 200 << 1;
        QTest::newRow("v1 with stixobjects")
            << v1 << u"2022-07-01"_s << doc({ { u"sourcesystem"_s, u"test"_s }, { u"stixobjects"_s, one } }) << 400
            << 0;
        QTest::newRow("v1 STIX api-version")
            << v1 << StixVersion << doc({ { u"sourcesystem"_s, u"test"_s }, { u"value"_s, one } }) << 400 << 0;
        QTest::newRow("v1 no api-version")
            << v1 << QString() << doc({ { u"sourcesystem"_s, u"test"_s }, { u"value"_s, one } }) << 400 << 0;
        QTest::newRow("v2 indicators") << v2 << u"2022-07-01"_s
                                       << doc({ { u"sourcesystem"_s, u"test"_s }, { u"indicators"_s, one } }) << 200
                                       << 1;
        QTest::newRow("v2 with value") << v2 << u"2022-07-01"_s
                                       << doc({ { u"sourcesystem"_s, u"test"_s }, { u"value"_s, one } }) << 400 << 0;
    }

    void legacyApi()
    {
        QFETCH(QString, path);
        QFETCH(QString, version);
        QFETCH(QByteArray, body);
        QFETCH(int, status);
        QFETCH(int, stored);
        const QUrl url
            = test::withPath(m_sandbox.httpUrl(), path, version.isNull() ? QString() : u"api-version="_s + version);
        const test::Reply reply = post(url, body, m_token);
        QCOMPARE(reply.status, status);
        QCOMPARE(m_sandbox.storedObjects(Ws).size(), stored);
        if (stored)
            QVERIFY(m_sandbox.uploadLog(Ws).last().api.startsWith(u"legacy"_s));
    }

    void legacyApiTakesIndicatorsOnly()
    {
        const QJsonObject identity { { u"type"_s, u"identity"_s },
            { u"id"_s, u"identity--733c5838-34d9-4fbf-949c-62aba761184c"_s },
            { u"created"_s, u"2016-08-23T18:05:49.307Z"_s },
            { u"modified"_s, u"2016-08-23T18:05:49.307Z"_s },
            { u"name"_s, u"Identity 1"_s } };
        const QUrl url = test::withPath(
            m_sandbox.httpUrl(), u"/%1/threatintelligence:upload-indicators"_s.arg(Ws), u"api-version=2022-07-01"_s);
        const test::Reply reply = post(url,
            QJsonDocument(
                QJsonObject { { u"sourcesystem"_s, u"test"_s }, { u"value"_s, QJsonArray { indicator(1), identity } } })
                .toJson(),
            m_token);
        QCOMPARE(reply.status, 200);
        const QJsonObject error = reply.json().value(u"errors"_s).toArray().first().toObject();
        QCOMPARE(error.value(u"recordIndex"_s).toInt(), 1);
        QVERIFY(error.value(u"errorMessages"_s).toArray().first().toString().contains(u"Only indicator objects"_s));
    }

    void pathVariants_data()
    {
        QTest::addColumn<bool>("accept");
        QTest::newRow("strict") << false;
        QTest::newRow("accepted") << true;
    }

    void pathVariants()
    {
        QFETCH(bool, accept);
        SentinelOptions options;
        options.acceptPathVariants = accept;
        m_sandbox.setSentinelOptions(options);
        for (const QString &segment :
            { u"threatintelligence-stix-objects:upload"_s, u"threatintelligencestixobjects:upload"_s }) {
            const QUrl url = test::withPath(
                m_sandbox.httpUrl(), u"/workspaces/%1/%2"_s.arg(Ws, segment), u"api-version="_s + StixVersion);
            QCOMPARE(post(url, stixBody(QJsonArray { indicator(1) }), m_token).status, accept ? 200 : 404);
        }
    }
};

QTEST_GUILESS_MAIN(TestSandboxSentinel)
#include "tst_sandbox_sentinel.moc"
