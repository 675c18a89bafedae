// SPDX-License-Identifier: BSD-2-Clause
// Pure parts of the upload engine: response classification, AADSTS messages, pacing, batching,
// targets and filters.
#include "core/sentinel/ratelimiter.h"
#include "core/sentinel/target.h"
#include "core/sentinel/tokenerror.h"
#include "core/sentinel/uploadclient.h"
#include "core/sentinel/uploadresponse.h"
#include "core/sync/batcher.h"
#include "core/sync/targetfilter.h"
#include "tests/sync/syncfixtures.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace msb;
using namespace msb::sentinel;

Q_DECLARE_METATYPE(msb::sentinel::UploadResponse::Kind)
Q_DECLARE_METATYPE(msb::Error::Code)

class TstSyncUnits final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void classify_data();
    void classify();
    void recordErrorMessages();
    void tokenErrors_data();
    void tokenErrors();
    void rateLimiterNeverExceedsWindow();
    void rateLimiterPause();
    void batching();
    void targetUrls();
    void targetValidation_data();
    void targetValidation();
    void requestBody();
    void filters_data();
    void filters();
};

void TstSyncUnits::classify_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("retryAfter");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<UploadResponse::Kind>("kind");
    QTest::addColumn<int>("records");
    QTest::addColumn<qint64>("retryAfterMs");
    using K = UploadResponse::Kind;
    QTest::newRow("200 empty") << 200 << QByteArray() << QByteArray() << K::Accepted << 0 << qint64(-1);
    QTest::newRow("200 errorMessages")
        << 200 << QByteArray()
        << QByteArray(
               R"({"errors":[{"recordIndex":3,"errorMessages":["Error for Property=id: Required property is missing. Actual value: NULL."]}]})")
        << K::Accepted << 1 << qint64(-1);
    QTest::newRow("200 validationErrorMessages")
        << 200 << QByteArray()
        << QByteArray(
               R"({"errors":[{"recordIndex":0,"validationErrorMessages":["a"]},{"recordIndex":1,"validationErrorMessages":["b","c"]}]})")
        << K::Accepted << 2 << qint64(-1);
    QTest::newRow("200 truncated json") << 200 << QByteArray() << QByteArray(R"({"errors":[{"recordI)") << K::Transient
                                        << 0 << qint64(-1);
    QTest::newRow("200 html login page") << 200 << QByteArray() << QByteArray("<html><body>Sign in</body></html>")
                                         << K::Transient << 0 << qint64(-1);
    QTest::newRow("200 errors not a list")
        << 200 << QByteArray() << QByteArray(R"({"errors":"boom"})") << K::Transient << 0 << qint64(-1);
    QTest::newRow("429 header")
        << 429 << QByteArray("7")
        << QByteArray(R"({"statusCode":429,"message":"Rate limit is exceeded. Try again in 45 seconds."})")
        << K::RateLimited << 0 << qint64(7000);
    QTest::newRow("429 message only")
        << 429 << QByteArray()
        << QByteArray(R"({"statusCode":429,"message":"Rate limit is exceeded. Try again in 45 seconds."})")
        << K::RateLimited << 0 << qint64(45000);
    QTest::newRow("429 nothing") << 429 << QByteArray() << QByteArray("busy") << K::RateLimited << 0 << qint64(-1);
    QTest::newRow("401 gateway")
        << 401 << QByteArray()
        << QByteArray(R"({"statusCode":401,"message":"Unauthorized. Access token is missing or invalid."})")
        << K::Unauthorized << 0 << qint64(-1);
    QTest::newRow("401 empty") << 401 << QByteArray() << QByteArray() << K::Unauthorized << 0 << qint64(-1);
    QTest::newRow("403") << 403 << QByteArray()
                         << QByteArray(R"({"error":{"code":"UnauthorizedAccess","message":"no"}})") << K::Fatal << 0
                         << qint64(-1);
    QTest::newRow("404") << 404 << QByteArray() << QByteArray() << K::Fatal << 0 << qint64(-1);
    QTest::newRow("400 malformed")
        << 400 << QByteArray()
        << QByteArray(
               R"J({"error":{"code":"InvalidRequestBodyProperty(RequestBody)","message":"Body of the request is not in valid JSON format."}})J")
        << K::Fatal << 0 << qint64(-1);
    QTest::newRow("400 all invalid") << 400 << QByteArray()
                                     << QByteArray(R"({"errors":[{"recordIndex":0,"errorMessages":["x"]}]})")
                                     << K::Accepted << 1 << qint64(-1);
    QTest::newRow("500") << 500 << QByteArray() << QByteArray(R"({"statusCode":500,"message":"Internal server error"})")
                         << K::Transient << 0 << qint64(-1);
    QTest::newRow("503") << 503 << QByteArray() << QByteArray() << K::Transient << 0 << qint64(-1);
    QTest::newRow("network") << 0 << QByteArray() << QByteArray() << K::Transient << 0 << qint64(-1);
}

void TstSyncUnits::classify()
{
    QFETCH(int, status);
    QFETCH(QByteArray, retryAfter);
    QFETCH(QByteArray, body);
    QFETCH(UploadResponse::Kind, kind);
    QFETCH(int, records);
    QFETCH(qint64, retryAfterMs);
    const UploadResponse r = classifyUploadResponse(status, retryAfter, body);
    QCOMPARE(r.kind, kind);
    QCOMPARE(r.recordErrors.size(), records);
    if (kind == UploadResponse::Kind::RateLimited)
        QCOMPARE(r.retryAfterMs, retryAfterMs);
}

void TstSyncUnits::recordErrorMessages()
{
    const UploadResponse r = classifyUploadResponse(200,
        {},
        R"({"errors":[{"recordIndex":1,"validationErrorMessages":["first","second"]},{"recordIndex":4,"errorMessages":[]}]})");
    QCOMPARE(r.recordErrors.size(), 2);
    QCOMPARE(r.recordErrors.at(0).recordIndex, 1);
    QCOMPARE(r.recordErrors.at(0).message, u"first; second"_s);
    QCOMPARE(r.recordErrors.at(1).recordIndex, 4);
    QVERIFY(!r.recordErrors.at(1).message.isEmpty());
    QCOMPARE(secondsFromRateLimitMessage(u"Rate limit is exceeded. Try again in 12 seconds."_s), 12);
    QCOMPARE(secondsFromRateLimitMessage(u"nothing here"_s), -1);
}

void TstSyncUnits::tokenErrors_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<Error::Code>("code");
    QTest::addColumn<QString>("expected");
    auto aad = [](const char *error, int code, const QString &text) {
        return QJsonDocument(
            QJsonObject { { u"error"_s, QString::fromLatin1(error) },
                { u"error_description"_s, u"AADSTS%1: %2\r\nTrace ID: 1\r\nCorrelation ID: 2"_s.arg(code).arg(text) },
                { u"error_codes"_s, QJsonArray { code } } })
            .toJson();
    };
    QTest::newRow("wrong secret") << 401 << aad("invalid_client", 7000215, u"Invalid client secret provided."_s)
                                  << Error::Code::Authentication
                                  << u"the client secret is wrong or expired for app APP in tenant TEN"_s;
    QTest::newRow("expired secret") << 401
                                    << aad("invalid_client", 7000222, u"The provided client secret keys are expired."_s)
                                    << Error::Code::Authentication
                                    << u"the client secret of app APP in tenant TEN has expired"_s;
    QTest::newRow("unknown app") << 400 << aad("unauthorized_client", 700016, u"Application not found."_s)
                                 << Error::Code::Configuration << u"app APP was not found in tenant TEN"_s;
    QTest::newRow("unknown tenant") << 400 << aad("invalid_request", 90002, u"Tenant 'TEN' not found."_s)
                                    << Error::Code::Configuration << u"tenant TEN was not found"_s;
    QTest::newRow("missing parameter") << 400
                                       << aad("invalid_request",
                                              900144,
                                              u"The request body must contain the following parameter: 'scope'."_s)
                                       << Error::Code::Configuration << u"lacks the parameter 'scope'"_s;
    QTest::newRow("bad scope") << 400 << aad("invalid_scope", 70011, u"The provided value for scope x is not valid."_s)
                               << Error::Code::Configuration
                               << u"the scope requested for app APP in tenant TEN is not valid"_s;
    QTest::newRow("garbage 500") << 503 << QByteArray("<html>") << Error::Code::Server << u"HTTP 503"_s;
}

void TstSyncUnits::tokenErrors()
{
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(Error::Code, code);
    QFETCH(QString, expected);
    const Error e = describeTokenError(status, body, u"APP"_s, u"TEN"_s);
    QCOMPARE(e.code, code);
    QVERIFY2(e.message.contains(expected), qPrintable(e.message));
    QVERIFY2(!e.message.contains(u"Trace ID"_s), qPrintable(e.message));
    QCOMPARE(e.httpStatus, status);
}

void TstSyncUnits::rateLimiterNeverExceedsWindow()
{
    RateLimiter limiter(100, 1000, 10);
    QList<qint64> times;
    qint64 now = 0;
    for (int i = 0; i < 450; ++i) {
        const qint64 at = limiter.reserve(now).at;
        QVERIFY(at >= now);
        times.append(at);
        now += (i % 7 == 0) ? 3 : 0; // callers arrive in bursts
    }
    QCOMPARE(times.at(0), qint64(0));
    QCOMPARE(times.at(1), qint64(10)); // evenly spread: window / capacity apart
    QCOMPARE(times.at(100), qint64(1010)); // a window + margin after the first
    // Sliding check: no window of 1000 ms holds more than 100 sends.
    for (int i = 0; i + 100 < times.size(); ++i)
        QVERIFY2(times.at(i + 100) - times.at(i) >= 1000, qPrintable(QString::number(i)));
    // And it is not slower than needed: one margin per window-full on top of the even spread.
    QVERIFY2(times.last() <= 449 * 10 + 4 * 10, qPrintable(QString::number(times.last())));
}

void TstSyncUnits::rateLimiterPause()
{
    RateLimiter limiter(100, 1000, 0);
    limiter.pauseUntil(5000);
    QCOMPARE(limiter.reserve(100).at, qint64(5000));
    // A slow answer moves its window: the slot it frees comes a window after the answer.
    RateLimiter slow(2, 1000, 0);
    const auto a = slow.reserve(0);
    slow.reserve(0);
    slow.complete(a.id, 700);
    QCOMPARE(slow.reserve(0).at, qint64(1700));
    QCOMPARE(limiter.pausedUntil(), qint64(5000));
    RateLimiterRegistry registry(10, 1000, 0);
    QCOMPARE(registry.limiter(u"a"_s).get(), registry.limiter(u"a"_s).get());
    QVERIFY(registry.limiter(u"a"_s).get() != registry.limiter(u"b"_s).get());
}

void TstSyncUnits::batching()
{
    QList<qsizetype> sizes(250, 100);
    QCOMPARE(sync::nextBatchSize(sizes, 0, 100, 1 << 20), 100);
    QCOMPARE(sync::nextBatchSize(sizes, 200, 100, 1 << 20), 50);
    QCOMPARE(sync::nextBatchSize(sizes, 250, 100, 1 << 20), 0);
    // Bytes bound: 512 envelope + n * 101 <= 5000 -> 44
    QCOMPARE(sync::nextBatchSize(sizes, 0, 100, 5000), 44);
    // An object larger than the bound still goes, alone.
    QList<qsizetype> big { 10, 100000, 10 };
    QCOMPARE(sync::nextBatchSize(big, 0, 100, 5000), 1);
    QCOMPARE(sync::nextBatchSize(big, 1, 100, 5000), 1);
    QCOMPARE(sync::nextBatchSize(big, 2, 100, 5000), 1);
}

void TstSyncUnits::targetUrls()
{
    Target t;
    t.tenantId = u"11111111-1111-1111-1111-111111111111"_s;
    t.clientId = u"22222222-2222-2222-2222-222222222222"_s;
    t.workspaceId = u"33333333-3333-3333-3333-333333333333"_s;
    QCOMPARE(t.tokenUrl().toString(),
        u"https://login.microsoftonline.com/11111111-1111-1111-1111-111111111111/oauth2/v2.0/token"_s);
    QCOMPARE(t.uploadUrl().toString(),
        u"https://api.ti.sentinel.azure.com/workspaces/33333333-3333-3333-3333-333333333333/"
        u"threat-intelligence-stix-objects:upload?api-version=2024-02-01-preview"_s);
    QCOMPARE(t.scope(), u"https://management.azure.com/.default"_s);
    t.apiKind = ApiKind::LegacyIndicators;
    QCOMPARE(t.uploadUrl().toString(),
        u"https://sentinelus.azure-api.net/33333333-3333-3333-3333-333333333333/"
        u"threatintelligence:upload-indicators?api-version=2022-07-01"_s);
    t.apiKind = ApiKind::StixObjects;
    t.cloud = Cloud::AzureUsGovernment;
    QVERIFY(t.tokenUrl().toString().startsWith(u"https://login.microsoftonline.us/"_s));
    QVERIFY(t.uploadUrl().toString().startsWith(u"https://api.ti.sentinel.azure.us/workspaces/"_s));
    QCOMPARE(t.scope(), u"https://management.usgovcloudapi.net/.default"_s);
    t.authorityHostOverride = u"https://127.0.0.1:8443/"_s;
    t.uploadHostOverride = u"https://127.0.0.1:8443"_s;
    QVERIFY(t.tokenUrl().toString().startsWith(u"https://127.0.0.1:8443/1111"_s));
    QVERIFY(t.uploadUrl().toString().startsWith(u"https://127.0.0.1:8443/workspaces/3333"_s));
    // Token cache and ledger keys
    Target other = t;
    other.workspaceId = u"44444444-4444-4444-4444-444444444444"_s;
    QCOMPARE(other.tokenKey(), t.tokenKey());
    QVERIFY(other.key() != t.key());
    QCOMPARE(other.rateLimitKey(), t.rateLimitKey()); // per app by default
    other.rateLimitScope = RateLimitScope::PerWorkspace;
    t.rateLimitScope = RateLimitScope::PerWorkspace;
    QVERIFY(other.rateLimitKey() != t.rateLimitKey());
    Cloud c {};
    QVERIFY(cloudFromName(u"usgov"_s, &c));
    QCOMPARE(c, Cloud::AzureUsGovernment);
    QVERIFY(!cloudFromName(u"mars"_s, &c));
}

void TstSyncUnits::targetValidation_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("expected");
    QTest::newRow("ok") << QString() << QString() << QString();
    QTest::newRow("workspace name") << u"workspace"_s << u"my-workspace"_s << u"workspace GUID"_s;
    QTest::newRow("braced guid ok") << u"workspace"_s << u"{33333333-3333-3333-3333-333333333333}"_s << QString();
    QTest::newRow("no tenant") << u"tenant"_s << QString() << u"tenant id is empty"_s;
    QTest::newRow("reserved sourcesystem") << u"source"_s << u"Microsoft Sentinel"_s << u"reserved"_s;
    QTest::newRow("long sourcesystem") << u"source"_s << QString(257, u'x') << u"longer than 256"_s;
    QTest::newRow("plain http remote") << u"upload"_s << u"http://example.com"_s << u"refused"_s;
    QTest::newRow("plain http loopback") << u"upload"_s << u"http://127.0.0.1:1234"_s << QString();
}

void TstSyncUnits::targetValidation()
{
    QFETCH(QString, field);
    QFETCH(QString, value);
    QFETCH(QString, expected);
    Target t;
    t.displayName = u"SOC"_s;
    t.tenantId = u"11111111-1111-1111-1111-111111111111"_s;
    t.clientId = u"22222222-2222-2222-2222-222222222222"_s;
    t.workspaceId = u"33333333-3333-3333-3333-333333333333"_s;
    if (field == u"workspace")
        t.workspaceId = value;
    else if (field == u"tenant")
        t.tenantId = value;
    else if (field == u"source")
        t.sourceSystem = value;
    else if (field == u"upload")
        t.uploadHostOverride = value;
    const QString why = t.validate();
    if (expected.isEmpty())
        QVERIFY2(why.isEmpty(), qPrintable(why));
    else
        QVERIFY2(why.contains(expected), qPrintable(why));
}

void TstSyncUnits::requestBody()
{
    Target t;
    t.sourceSystem = u"MISP \"prod\""_s;
    const QList<QByteArray> objects { R"({"type":"indicator","id":"indicator--1"})",
        R"({"type":"indicator","id":"indicator--2"})" };
    QJsonObject o = QJsonDocument::fromJson(UploadClient::buildBody(t, objects)).object();
    QCOMPARE(o.value(u"sourcesystem"_s).toString(), t.sourceSystem);
    QCOMPARE(o.value(u"stixobjects"_s).toArray().size(), 2);
    QCOMPARE(o.value(u"stixobjects"_s).toArray().at(1).toObject().value(u"id"_s).toString(), u"indicator--2"_s);
    t.apiKind = ApiKind::LegacyIndicators;
    o = QJsonDocument::fromJson(UploadClient::buildBody(t, objects)).object();
    QCOMPARE(o.value(u"value"_s).toArray().size(), 2);
    QVERIFY(!o.contains(u"stixobjects"_s));
}

void TstSyncUnits::filters_data()
{
    QTest::addColumn<int>("confidence");
    QTest::addColumn<int>("tlp");
    QTest::addColumn<QString>("observable");
    QTest::addColumn<QString>("type");
    QTest::addColumn<int>("api");
    QTest::addColumn<QString>("expected");
    const int legacy = int(ApiKind::LegacyIndicators);
    const int stixApi = int(ApiKind::StixObjects);
    QTest::newRow("passes") << 80 << int(stix::Tlp::Green) << u"ipv4-addr:value"_s << u"indicator"_s << stixApi
                            << QString();
    QTest::newRow("low confidence") << 30 << int(stix::Tlp::Green) << u"ipv4-addr:value"_s << u"indicator"_s << stixApi
                                    << u"confidence 30 is below the target's minimum 50"_s;
    QTest::newRow("no confidence passes")
        << -1 << int(stix::Tlp::Green) << u"ipv4-addr:value"_s << u"indicator"_s << stixApi << QString();
    QTest::newRow("red over amber") << 80 << int(stix::Tlp::Red) << u"ipv4-addr:value"_s << u"indicator"_s << stixApi
                                    << u"TLP:RED is above the target's maximum TLP:AMBER"_s;
    QTest::newRow("type excluded") << 80 << int(stix::Tlp::Green) << u"url:value"_s << u"indicator"_s << stixApi
                                   << u"observable type url is not among the target's types"_s;
    QTest::newRow("identity passes") << -1 << int(stix::Tlp::None) << QString() << u"identity"_s << stixApi
                                     << QString();
    QTest::newRow("legacy no identity") << -1 << int(stix::Tlp::None) << QString() << u"identity"_s << legacy
                                        << u"legacy indicators API takes indicators only"_s;
}

void TstSyncUnits::filters()
{
    QFETCH(int, confidence);
    QFETCH(int, tlp);
    QFETCH(QString, observable);
    QFETCH(QString, type);
    QFETCH(int, api);
    QFETCH(QString, expected);
    stix::StixObject o = test::makeIndicator(1);
    o.type = type;
    o.confidence = confidence;
    o.tlp = stix::Tlp(tlp);
    o.observableType = observable;
    TargetFilters f;
    f.minimumConfidence = 50;
    f.maximumTlp = stix::Tlp::Amber;
    f.includedObservableTypes = { u"ipv4-addr"_s, u"domain-name"_s };
    const QString why = sync::filterReason(o, f, ApiKind(api));
    if (expected.isEmpty())
        QVERIFY2(why.isEmpty(), qPrintable(why));
    else
        QVERIFY2(why.contains(expected), qPrintable(why));
}

QTEST_GUILESS_MAIN(TstSyncUnits)
#include "tst_sync_units.moc"
