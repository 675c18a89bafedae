// SPDX-License-Identifier: BSD-2-Clause
#include "core/misp/mispclient.h"
#include "tests/misp/misptesthelpers.h"
#include "tests/support/testpaths.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QTest>
#include <QThread>

#include <functional>

using namespace Qt::Literals::StringLiterals;
using namespace msb::misp;
using namespace msb::misp::test;
using msb::sandbox::Fault;
using msb::sandbox::FaultKind;

namespace {

bool hasTag(const Event &e, const QString &name)
{
    return std::any_of(e.tags.begin(), e.tags.end(), [&name](const Tag &t) { return t.name == name; });
}

QSet<QString> uuids(const QList<Event> &events)
{
    QSet<QString> out;
    for (const Event &e : events)
        out.insert(e.uuid);
    return out;
}

qint64 attributeCount(const QList<Event> &events, const std::function<bool(const Attribute &)> &keep)
{
    qint64 n = 0;
    for (const Event &e : events) {
        for (const Attribute &a : e.attributes)
            n += keep(a) ? 1 : 0;
        for (const Object &o : e.objects)
            for (const Attribute &a : o.attributes)
                n += keep(a) ? 1 : 0;
    }
    return n;
}

} // namespace

class TestMispClient final : public QObject
{
    Q_OBJECT

private:
    // 60 events, 12 h apart, ending 1 day ago: relative filters like "14d" cut through the set.
    static msb::sandbox::misp::GeneratedInstance generated()
    {
        msb::sandbox::misp::GeneratedInstance g;
        g.events = 60;
        g.attributesPerEvent = 12;
        g.spacingSeconds = 12 * 3600;
        // Half a spacing off the 12-hour grid: relative filters ("10d", "14d", "20d") are whole
        // multiples of the spacing, so without the offset one event sits exactly on the boundary and
        // the second that ticks between the emulator's and the test's "now" decides its fate.
        g.baseTimestamp = QDateTime::currentSecsSinceEpoch() - 86400 - 59 * g.spacingSeconds - g.spacingSeconds / 2;
        return g;
    }

private Q_SLOTS:
    void connectionTestReadOnlyKey()
    {
        Sandbox sb;
        sb.emulator.setGenerated(generated());
        QVERIFY(sb.start());
        MispClient client(sb.connection());
        const ConnectionTestResult r = runConnectionTest(client);
        QVERIFY2(r.ok, qPrintable(r.failure.error.message));
        QCOMPARE(r.info.mispVersion, sb.emulator.options().version);
        QCOMPARE(r.info.email, sb.emulator.options().email);
        QCOMPARE(r.info.organisation, sb.emulator.options().organisation);
        QCOMPARE(r.info.role, u"Read Only"_s);
        QVERIFY(!r.info.canWrite());
        QVERIFY(r.info.warnings.isEmpty());
    }

    void connectionTestWarnsOnWritableKey()
    {
        msb::sandbox::misp::EmulatorOptions options;
        options.writableKey = true;
        Sandbox sb(options);
        QVERIFY(sb.start());
        MispClient client(sb.connection());
        const ConnectionTestResult r = runConnectionTest(client);
        QVERIFY(r.ok);
        QVERIFY(r.info.canWrite());
        QVERIFY(r.info.writePermissions.contains(u"perm_add"_s));
        QVERIFY(r.info.warnings.join(u' ').contains(u"read-only"_s));
    }

    void badKeyIsAuthorizationErrorWithoutTheKey()
    {
        Sandbox sb;
        QVERIFY(sb.start());
        MispConnection c = sb.connection();
        c.apiKey = u"wrong-key-abcdefghijklmnopqrstuvwxyz0123"_s;
        MispClient client(c);
        const ConnectionTestResult r = runConnectionTest(client);
        QVERIFY(!r.ok);
        QCOMPARE(r.failure.error.code, msb::Error::Code::Authorization);
        QCOMPARE(r.failure.error.httpStatus, 403);
        QVERIFY2(r.failure.error.message.contains(u"Authentication failed"_s), qPrintable(r.failure.error.message));
        QVERIFY(r.failure.error.message.contains(u"127.0.0.1"_s));
        QVERIFY(!r.failure.error.message.contains(c.apiKey));

        // The same key on a fetch: the run stops at once, page 1 is reported failed.
        Run run = runFetch(client, {});
        QCOMPARE(run.summary.failedPages.size(), 1);
        QCOMPARE(run.summary.failedPages.first().failure.error.code, msb::Error::Code::Authorization);
        QVERIFY(run.summary.failedPages.first().failure.error.message.contains(u"page 1"_s));
        QVERIFY(!run.summary.complete());
        QVERIFY(!run.summary.completeUpTo());
    }

    void pagesOverMalvulnFeedWithLimit50()
    {
        Sandbox sb;
        const QString dir = msb::test::mispDataDir() + u"/malvuln-feed"_s;
        QString error;
        QVERIFY2(sb.emulator.loadDirectory(dir, &error), qPrintable(error));
        QVERIFY(sb.start());
        MispConnection c = sb.connection();
        c.pageSize = 50;
        MispClient client(c);
        int maxEventsInOnePage = 0;
        connect(&client, &MispClient::pageReady, this, [&maxEventsInOnePage](const MispPage &p) {
            maxEventsInOnePage = std::max(maxEventsInOnePage, int(p.events.size()));
        });
        Run run = runFetch(client, {});
        // Expected: every event file of the folder, by its uuid, read independently here.
        QSet<QString> expected;
        const QStringList files = QDir(dir).entryList({ u"misp_event_*.json"_s }, QDir::Files);
        for (const QString &f : files) {
            QFile file(QDir(dir).filePath(f));
            QVERIFY(file.open(QIODevice::ReadOnly));
            expected.insert(QJsonDocument::fromJson(file.readAll())
                                .object()
                                .value(u"Event"_s)
                                .toObject()
                                .value(u"uuid"_s)
                                .toString());
        }
        QCOMPARE(run.summary.events, qint64(files.size()));
        QCOMPARE(uuids(run.events), expected);
        const int pages = int((files.size() + 49) / 50);
        QCOMPARE(run.summary.pagesFetched, pages);
        QCOMPARE(int(sb.emulator.restSearchRequests()), pages); // the short last page ends the run
        QCOMPARE(maxEventsInOnePage, 50);
        QVERIFY(run.summary.complete());
        QVERIFY(run.summary.completeUpTo().has_value());
        QCOMPARE(sb.emulator.lastRestSearchBody().value(u"limit"_s).toInt(), 50);
        QCOMPARE(sb.emulator.lastRestSearchBody().value(u"page"_s).toInt(), pages);
        QCOMPARE(sb.emulator.lastAuthorization(), sb.emulator.options().apiKey);
    }

    void filters_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::newRow("published") << QByteArray(R"({"published":1})");
        QTest::newRow("tags list") << QByteArray(R"({"tags":["workflow:state=\u0022complete\u0022"]})");
        QTest::newRow("tags !not") << QByteArray(R"({"tags":["!tlp:amber"]})");
        QTest::newRow("tags OR/NOT") << QByteArray(R"({"tags":{"OR":["tlp:white","tlp:green"],"NOT":["type:OSINT"]}})");
        QTest::newRow("publish_timestamp") << QByteArray(R"({"publish_timestamp":"14d"})");
        QTest::newRow("timestamp") << QByteArray(R"({"timestamp":"10d"})");
        QTest::newRow("last") << QByteArray(R"({"last":"20d"})");
        QTest::newRow("date_from/date_to") << QByteArray(R"({"date_from":"DFROM","date_to":"DTO"})");
        QTest::newRow("org") << QByteArray(R"({"org":"Org B"})");
        QTest::newRow("org !") << QByteArray(R"({"org":"!Org A"})");
        QTest::newRow("eventid") << QByteArray(R"({"eventid":[3,5,7]})");
        QTest::newRow("uuid") << QByteArray(R"({"uuid":["UUID1","UUID2"]})");
        QTest::newRow("threat_level_id") << QByteArray(R"({"threat_level_id":[1,2]})");
        QTest::newRow("to_ids") << QByteArray(R"({"to_ids":1})");
        QTest::newRow("type_attribute") << QByteArray(R"({"type_attribute":["domain","url"]})");
        QTest::newRow("enforceWarninglist") << QByteArray(R"({"enforceWarninglist":true})");
        QTest::newRow("includeEventTags") << QByteArray(R"({"includeEventTags":true})");
        QTest::newRow("combined m2s default") << QByteArray(
            R"({"published":1,"tags":["workflow:state=\u0022complete\u0022"],"enforceWarninglist":true,"includeEventTags":true,"publish_timestamp":"14d"})");
    }

    void filters()
    {
        QFETCH(QByteArray, json);
        Sandbox sb;
        const auto g = generated();
        sb.emulator.setGenerated(g);
        QVERIFY(sb.start());
        MispConnection c = sb.connection();
        c.pageSize = 7; // several pages per filter
        MispClient client(c);
        const Run all = runFetch(client, {});
        QVERIFY2(all.summary.events == g.events, qPrintable(all.summary.toString()));

        // Fill in values that depend on the generated set.
        const QDate dfrom = all.events.at(10).date;
        const QDate dto = all.events.at(30).date;
        json.replace("DFROM", dfrom.toString(Qt::ISODate).toLatin1());
        json.replace("DTO", dto.toString(Qt::ISODate).toLatin1());
        json.replace("UUID1", all.events.at(4).uuid.toLatin1());
        json.replace("UUID2", all.events.at(44).uuid.toLatin1());
        auto parsed = MispFilters::fromJsonText(json);
        QVERIFY(parsed.ok());
        const MispFilters f = parsed.value();
        const Run filtered = runFetch(client, f);
        QVERIFY(filtered.summary.complete());

        // The expectation, written independently of MispFilters against the unfiltered events.
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        const QJsonObject o = f.toJson();
        std::function<bool(const Event &)> keepEvent = [](const Event &) { return true; };
        std::function<bool(const Attribute &)> keepAttribute = [](const Attribute &) { return true; };
        const QString tag = QString::fromUtf8(QTest::currentDataTag());
        if (tag == u"published"_s)
            keepEvent = [](const Event &e) { return e.published; };
        else if (tag == u"tags list"_s)
            keepEvent = [](const Event &e) { return hasTag(e, u"workflow:state=\"complete\""_s); };
        else if (tag == u"tags !not"_s)
            keepEvent = [](const Event &e) { return !hasTag(e, u"tlp:amber"_s); };
        else if (tag == u"tags OR/NOT"_s)
            keepEvent = [](const Event &e) {
                return (hasTag(e, u"tlp:white"_s) || hasTag(e, u"tlp:green"_s)) && !hasTag(e, u"type:OSINT"_s);
            };
        else if (tag == u"publish_timestamp"_s)
            keepEvent = [now](const Event &e) { return e.published && e.publishTimestamp >= now - 14 * 86400; };
        else if (tag == u"timestamp"_s)
            keepEvent = [now](const Event &e) { return e.timestamp >= now - 10 * 86400; };
        else if (tag == u"last"_s)
            keepEvent = [now](const Event &e) { return e.published && e.publishTimestamp >= now - 20 * 86400; };
        else if (tag == u"date_from/date_to"_s)
            keepEvent = [dfrom, dto](const Event &e) { return e.date >= dfrom && e.date <= dto; };
        else if (tag == u"org"_s)
            keepEvent = [](const Event &e) { return e.orgc.name == u"Org B"_s; };
        else if (tag == u"org !"_s)
            keepEvent = [](const Event &e) { return e.orgc.name != u"Org A"_s; };
        else if (tag == u"eventid"_s)
            keepEvent = [](const Event &e) { return e.id == u"3"_s || e.id == u"5"_s || e.id == u"7"_s; };
        else if (tag == u"uuid"_s)
            keepEvent = [&all](const Event &e) {
                return e.uuid == all.events.at(4).uuid || e.uuid == all.events.at(44).uuid;
            };
        else if (tag == u"threat_level_id"_s)
            keepEvent = [](const Event &e) { return e.threatLevelId == 1 || e.threatLevelId == 2; };
        else if (tag == u"to_ids"_s)
            keepAttribute = [](const Attribute &a) { return a.toIds.value_or(false); };
        else if (tag == u"type_attribute"_s)
            keepAttribute = [](const Attribute &a) { return a.type == u"domain"_s || a.type == u"url"_s; };
        else if (tag == u"enforceWarninglist"_s)
            keepAttribute = [](const Attribute &a) { return a.value != u"8.8.8.8"_s; };
        else if (tag == u"combined m2s default"_s) {
            keepEvent = [now](const Event &e) {
                return e.published && hasTag(e, u"workflow:state=\"complete\""_s)
                    && e.publishTimestamp >= now - 14 * 86400;
            };
            keepAttribute = [](const Attribute &a) { return a.value != u"8.8.8.8"_s; };
        }
        QList<Event> expectedEvents;
        for (const Event &e : all.events)
            if (keepEvent(e) && attributeCount({ e }, keepAttribute) > 0)
                expectedEvents << e;
        QVERIFY2(!expectedEvents.isEmpty() || tag == u"none"_s, "the filter case must select something");
        QVERIFY2(expectedEvents.size() < all.events.size() || tag == u"includeEventTags"_s
                || tag == u"enforceWarninglist"_s || tag == u"to_ids"_s || tag == u"type_attribute"_s,
            "the filter case must also drop something");
        QCOMPARE(uuids(filtered.events), uuids(expectedEvents));
        QCOMPARE(attributeCount(filtered.events, [](const Attribute &) { return true; }),
            attributeCount(expectedEvents, keepAttribute));
        // The client sent the filter as written.
        const QJsonObject sent = sb.emulator.lastRestSearchBody();
        for (auto it = o.begin(); it != o.end(); ++it)
            QCOMPARE(sent.value(it.key()), it.value());
    }

    void rawKeysArePassedThrough()
    {
        Sandbox sb;
        sb.emulator.setGenerated(generated());
        QVERIFY(sb.start());
        MispClient client(sb.connection());
        auto f = MispFilters::fromJsonText(R"({"searchall":"x","withAttachments":0,"metadata":false})");
        QVERIFY(f.ok());
        runFetch(client, f.value());
        const QJsonObject sent = sb.emulator.lastRestSearchBody();
        QCOMPARE(sent.value(u"searchall"_s).toString(), u"x"_s);
        QCOMPARE(sent.value(u"withAttachments"_s).toInt(), 0);
        QCOMPARE(sent.value(u"metadata"_s).toBool(true), false);
    }

    void userLimitMeansOneQuery()
    {
        Sandbox sb;
        sb.emulator.setGenerated(generated());
        QVERIFY(sb.start());
        MispClient client(sb.connection());
        auto f = MispFilters::fromJsonText(R"({"limit":5,"page":2})");
        const Run run = runFetch(client, f.value());
        QCOMPARE(run.summary.events, 5);
        QCOMPARE(int(sb.emulator.restSearchRequests()), 1);
        QCOMPARE(run.events.first().id, u"6"_s);
    }

    void errorClasses_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<int>("status");
        QTest::addColumn<int>("expectedCode");
        QTest::addColumn<QString>("words");
        QTest::newRow("500") << int(FaultKind::Status) << 500 << int(msb::Error::Code::Server) << u"HTTP 500"_s;
        QTest::newRow("503") << int(FaultKind::Status) << 503 << int(msb::Error::Code::Server) << u"HTTP 503"_s;
        QTest::newRow("html login page") << int(FaultKind::HtmlLoginPage) << 0 << int(msb::Error::Code::Configuration)
                                         << u"HTML page"_s;
        QTest::newRow("invalid json") << int(FaultKind::MalformedJson) << 0 << int(msb::Error::Code::InvalidInput)
                                      << u"not valid JSON"_s;
        QTest::newRow("empty 200") << int(FaultKind::Empty200) << 0 << int(msb::Error::Code::Server)
                                   << u"empty answer"_s;
        QTest::newRow("reset") << int(FaultKind::Reset) << 0 << int(msb::Error::Code::Network) << u"failed"_s;
        QTest::newRow("stall (timeout)") << int(FaultKind::Stall) << 0 << int(msb::Error::Code::Timeout)
                                         << u"no answer within"_s;
    }
    void errorClasses()
    {
        QFETCH(int, kind);
        QFETCH(int, status);
        QFETCH(int, expectedCode);
        QFETCH(QString, words);
        Sandbox sb;
        sb.emulator.setGenerated(generated());
        QVERIFY(sb.start());
        Fault fault = FaultKind(kind) == FaultKind::Status ? Fault::httpStatus(status) : Fault::of(FaultKind(kind));
        sb.faults.failNext(u"misp-restsearch"_s, 1000, fault);
        MispConnection c = sb.connection();
        c.retry.maxAttempts = 2;
        c.timeout = std::chrono::milliseconds(1000);
        c.maxConsecutiveFailedPages = 2;
        MispClient client(c);
        const Run run = runFetch(client, {});
        QVERIFY(!run.summary.failedPages.isEmpty());
        const FailedPage &first = run.summary.failedPages.first();
        QCOMPARE(int(first.failure.error.code), expectedCode);
        QVERIFY2(first.failure.error.message.contains(words), qPrintable(first.failure.error.message));
        QVERIFY2(first.failure.error.message.contains(u"restSearch page 1"_s), qPrintable(first.failure.error.message));
        QVERIFY(first.failure.error.message.contains(u"127.0.0.1"_s));
        QVERIFY(!run.summary.complete());
        QVERIFY(!run.summary.completeUpTo());
        QVERIFY(run.summary.stoppedEarly); // bounded: never an endless loop
        QCOMPARE(run.failed.size(), run.summary.failedPages.size());
    }

    void wrongUrlIs404()
    {
        Sandbox sb;
        QVERIFY(sb.start());
        MispConnection c = sb.connection();
        c.baseUrl.setPath(u"/misp-is-not-here"_s);
        MispClient client(c);
        const ConnectionTestResult r = runConnectionTest(client);
        QCOMPARE(r.failure.error.code, msb::Error::Code::NotFound);
        QVERIFY(r.failure.error.message.contains(u"/misp-is-not-here"_s));
        const Run run = runFetch(client, {});
        QCOMPARE(run.summary.failedPages.size(), 1);
        QCOMPARE(run.summary.failedPages.first().failure.error.httpStatus, 404);
    }

    void transientFailuresAreRetried()
    {
        Sandbox sb;
        sb.emulator.setGenerated(generated());
        QVERIFY(sb.start());
        sb.faults.script(u"misp-restsearch"_s,
            { Fault::httpStatus(503), Fault::of(FaultKind::MalformedJson), Fault::none(), Fault::httpStatus(502) });
        MispConnection c = sb.connection();
        c.pageSize = 25;
        MispClient client(c);
        const Run run = runFetch(client, {});
        QVERIFY2(run.summary.complete(), qPrintable(run.summary.toString()));
        QCOMPARE(run.summary.events, 60);
        QCOMPARE(sb.faults.injected(u"misp-restsearch"_s), 3);
    }

    void failedPageIsAccountedAndRecoverable()
    {
        Sandbox sb;
        sb.emulator.setGenerated(generated());
        QVERIFY(sb.start());
        MispConnection c = sb.connection();
        c.pageSize = 10;
        c.retry.maxAttempts = 3;
        // Page 1 fine, page 2 fails on all three tries, the rest fine.
        sb.faults.script(u"misp-restsearch"_s,
            { Fault::none(), Fault::httpStatus(500), Fault::httpStatus(500), Fault::httpStatus(500) });
        MispClient client(c);
        const Run run = runFetch(client, {});
        QCOMPARE(run.summary.failedPages.size(), 1);
        QCOMPARE(run.summary.failedPages.first().page, 2);
        QCOMPARE(run.summary.failedPages.first().failure.attempts, 3);
        QCOMPARE(run.summary.events, 50); // the other pages went on
        QVERIFY(!run.summary.complete());
        QVERIFY(!run.summary.completeUpTo()); // the watermark must not move past page 2
        QVERIFY(run.summary.toString().contains(u"FAILED page(s) 2"_s));

        const Run retry = runFetch(client, {}, { 2 });
        QVERIFY(retry.summary.complete());
        QCOMPARE(retry.summary.events, 10);
        QSet<QString> all = uuids(run.events) + uuids(retry.events);
        QCOMPARE(all.size(), 60);
    }

    void backPressureWaitsForContinue()
    {
        Sandbox sb;
        sb.emulator.setGenerated(generated());
        QVERIFY(sb.start());
        MispConnection c = sb.connection();
        c.pageSize = 20;
        MispClient client(c);
        client.setAutoContinue(false);
        QSignalSpy pages(&client, &MispClient::pageReady);
        QSignalSpy done(&client, &MispClient::finished);
        client.fetchEvents({});
        QVERIFY(pages.wait(10000));
        QTest::qWait(200);
        QCOMPARE(pages.size(), 1);
        QCOMPARE(int(sb.emulator.restSearchRequests()), 1);
        client.continueFetch();
        QTRY_COMPARE(pages.size(), 2);
        client.continueFetch();
        QTRY_COMPARE(pages.size(), 3);
        client.continueFetch(); // page 4 is empty: the run ends
        QTRY_COMPARE(done.size(), 1);
        QVERIFY(done.first().first().value<FetchSummary>().complete());
    }

    void worksOnAWorkerThreadWithBackPressure()
    {
        Sandbox sb;
        sb.emulator.setGenerated(generated());
        QVERIFY(sb.start());
        MispConnection c = sb.connection();
        c.pageSize = 8;
        QThread worker;
        auto *client = new MispClient(c);
        client->setAutoContinue(false);
        client->moveToThread(&worker);
        connect(&worker, &QThread::finished, client, &QObject::deleteLater);
        worker.start();
        QList<Event> events;
        int maxOutstanding = 0;
        int delivered = 0;
        bool finished = false;
        FetchSummary summary;
        // Receiver on the test thread: queued signals, and the next page only after this one is consumed.
        connect(client, &MispClient::pageReady, this, [&](const MispPage &page) {
            QCOMPARE(QThread::currentThread(), thread());
            events << page.events;
            ++delivered;
            maxOutstanding = std::max(maxOutstanding, int(sb.emulator.restSearchRequests()) - delivered);
            QMetaObject::invokeMethod(client, &MispClient::continueFetch);
        });
        connect(client, &MispClient::finished, this, [&](const FetchSummary &s) {
            summary = s;
            finished = true;
        });
        QMetaObject::invokeMethod(client, [client]() { client->fetchEvents({}); });
        QTRY_VERIFY_WITH_TIMEOUT(finished, 60000);
        worker.quit();
        worker.wait();
        QVERIFY(summary.complete());
        QCOMPARE(events.size(), 60);
        QCOMPARE(uuids(events).size(), 60);
        QCOMPARE(maxOutstanding, 0); // never a page fetched ahead of the consumer
    }

    void cancelStopsTheRun()
    {
        Sandbox sb;
        sb.emulator.setGenerated(generated());
        QVERIFY(sb.start());
        sb.faults.failNext(u"misp-restsearch"_s, 5, Fault::delay(3000));
        MispClient client(sb.connection());
        QSignalSpy done(&client, &MispClient::finished);
        client.fetchEvents({});
        QTest::qWait(100);
        client.cancel();
        QCOMPARE(done.size(), 1);
        const auto summary = done.first().first().value<FetchSummary>();
        QVERIFY(summary.cancelled);
        QVERIFY(!summary.completeUpTo());
        QVERIFY(!client.isBusy());
    }

    void refusesPlainHttpToRemoteHosts()
    {
        MispConnection c;
        c.baseUrl = QUrl(u"http://misp.example.org"_s);
        c.apiKey = u"k"_s;
        const auto status = c.validate();
        QVERIFY(!status.ok());
        QVERIFY(status.error().message.contains(u"https"_s));
        MispClient client(c);
        const ConnectionTestResult r = runConnectionTest(client);
        QVERIFY(!r.ok);
        QCOMPARE(r.failure.error.code, msb::Error::Code::Configuration);
    }
};

QTEST_GUILESS_MAIN(TestMispClient)
#include "tst_misp_client.moc"
