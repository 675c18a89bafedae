// SPDX-License-Identifier: BSD-2-Clause
#include "core/convert/converter.h"
#include "core/misp/feedsource.h"
#include "tests/misp/misptesthelpers.h"
#include "tests/support/testpaths.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace msb::misp;
using namespace msb::misp::test;
using msb::sandbox::Fault;

namespace {

struct FeedRun
{
    QList<Event> events;
    QList<FeedFailure> failed;
    FeedSummary summary;
    bool finished = false;
};

FeedRun runFeed(FeedSource &source, const MispFilters &filters, const FeedState &state = {})
{
    FeedRun run;
    QObject context;
    QObject::connect(
        &source, &FeedSource::eventsReady, &context, [&run](const MispPage &p) { run.events << p.events; });
    QObject::connect(&source, &FeedSource::entryFailed, &context, [&run](const FeedFailure &f) { run.failed << f; });
    QObject::connect(&source, &FeedSource::finished, &context, [&run](const FeedSummary &s) {
        run.summary = s;
        run.finished = true;
    });
    source.fetch(filters, state);
    if (!QTest::qWaitFor([&run]() { return run.finished; }, 120000))
        qWarning("feed run did not finish");
    return run;
}

QSet<QString> uuids(const QList<Event> &events)
{
    QSet<QString> out;
    for (const Event &e : events)
        out.insert(e.uuid);
    return out;
}

/// id + pattern of every indicator, sorted: what "the same STIX" means across sources.
QStringList stixFingerprint(const QList<Event> &events)
{
    msb::convert::Converter converter;
    QStringList out;
    QList<Event> sorted = events;
    std::sort(sorted.begin(), sorted.end(), [](const Event &a, const Event &b) { return a.uuid < b.uuid; });
    for (const Event &e : std::as_const(sorted)) {
        const auto result = converter.convert(e);
        for (const auto &o : result.objects)
            out << o.id + u' ' + o.pattern;
    }
    out.sort();
    return out;
}

QString malvuln()
{
    return msb::test::mispDataDir() + u"/malvuln-feed"_s;
}

int malvulnFileCount()
{
    return int(QDir(malvuln()).entryList({ u"misp_event_*.json"_s }, QDir::Files).size());
}

} // namespace

class TestMispFeed final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void manifestLayouts()
    {
        const QByteArray list
            = R"([{"filename":"feed/events/misp_event_ab.json","uuid":"u1","date":"2025-10-08","md5":"m1"},
                                    {"filename":"../../etc/passwd","uuid":"u2"}, 7])";
        auto parsed = parseManifest(list, u"list"_s);
        QVERIFY(parsed.ok());
        QCOMPARE(parsed.value().entries.size(), 1);
        QCOMPARE(parsed.value().entries.first().fileName, u"feed/events/misp_event_ab.json"_s);
        QCOMPARE(parsed.value().entries.first().changeToken, u"md5:m1"_s);
        QCOMPARE(parsed.value().issues.size(), 2); // the escaping path and the non-object, both named
        QVERIFY(parsed.value().issues.join(u' ').contains(u"outside the feed"_s));

        QFile misp(msb::test::mispDataDir() + u"/misp-core/tests_Files_feeds_misp_manifest.json"_s);
        QVERIFY(misp.open(QIODevice::ReadOnly));
        auto dict = parseManifest(misp.readAll(), u"misp"_s);
        QVERIFY(dict.ok());
        QCOMPARE(dict.value().entries.size(), 1);
        const FeedEntry &e = dict.value().entries.first();
        QCOMPARE(e.uuid, u"56bf399d-c46c-4fdb-a9cf-d9bb02de0b81"_s);
        QCOMPARE(e.fileName, u"56bf399d-c46c-4fdb-a9cf-d9bb02de0b81.json"_s);
        QCOMPARE(e.changeToken, u"ts:1455373240"_s);
        QVERIFY(e.subject.tags.has_value());
        QVERIFY(e.subject.tags->contains(u"tlp:white"_s));

        QVERIFY(!parseManifest("{", u"broken"_s).ok());
    }

    void localFolderAndChangeTracking()
    {
        FeedLocation location;
        location.folder = malvuln();
        FeedSource source(location);
        const FeedRun first = runFeed(source, {});
        QVERIFY2(first.summary.complete(), qPrintable(first.summary.toString()));
        QCOMPARE(first.summary.manifestEntries, malvulnFileCount());
        QCOMPARE(int(first.events.size()), malvulnFileCount());
        QCOMPARE(first.summary.state.size(), malvulnFileCount());

        // Same manifest: nothing is read again.
        const FeedRun second = runFeed(source, {}, first.summary.state);
        QCOMPARE(second.summary.unchanged, malvulnFileCount());
        QCOMPARE(second.summary.fetched, 0);
        QVERIFY(second.events.isEmpty());
        QCOMPARE(second.summary.state, first.summary.state);

        // Three entries changed since: exactly those are read.
        FeedState state = first.summary.state;
        QStringList changed;
        for (auto it = state.begin(); it != state.end() && changed.size() < 3; ++it) {
            it.value() = u"md5:old"_s;
            changed << it.key();
        }
        const FeedRun third = runFeed(source, {}, state);
        QCOMPARE(third.summary.fetched, 3);
        QCOMPARE(uuids(third.events), QSet<QString>(changed.begin(), changed.end()));
        QCOMPARE(third.summary.state, first.summary.state);
    }

    void feedFilters()
    {
        FeedLocation location;
        location.folder = malvuln();
        FeedSource source(location);
        const FeedRun all = runFeed(source, {});
        // Manifest date selection, and attribute filters as for restSearch.
        QDate newest;
        for (const Event &e : all.events)
            newest = std::max(newest, e.date);
        auto byDate = MispFilters::fromJsonText(u"{\"date_from\":\"%1\"}"_s.arg(newest.toString(Qt::ISODate)).toUtf8());
        const FeedRun recent = runFeed(source, byDate.value());
        QSet<QString> expected;
        for (const Event &e : all.events)
            if (e.date >= newest)
                expected.insert(e.uuid);
        QVERIFY(!expected.isEmpty());
        QCOMPARE(uuids(recent.events), expected);

        auto toIds = MispFilters::fromJsonText(R"({"to_ids":1,"type_attribute":["md5","sha256"]})");
        const FeedRun ids = runFeed(source, toIds.value());
        qint64 expectedAttributes = 0;
        for (const Event &e : all.events) {
            auto count = [&expectedAttributes](const Attribute &a) {
                if (a.toIds.value_or(false) && (a.type == u"md5"_s || a.type == u"sha256"_s))
                    ++expectedAttributes;
            };
            for (const Attribute &a : e.attributes)
                count(a);
            for (const Object &o : e.objects)
                for (const Attribute &a : o.attributes)
                    count(a);
        }
        QVERIFY(expectedAttributes > 0);
        QCOMPARE(ids.summary.attributes, expectedAttributes);

        auto tags = MispFilters::fromJsonText(R"({"tags":["!tlp:clear"]})"); // every malvuln event has tlp:clear
        const FeedRun none = runFeed(source, tags.value());
        QCOMPARE(none.summary.fetched, 0);
        QCOMPARE(none.summary.filteredOut, malvulnFileCount());
    }

    void overHttpSameAsDiskSameAsRestSearch()
    {
        Sandbox sb;
        QString error;
        QVERIFY2(sb.emulator.loadDirectory(malvuln(), &error), qPrintable(error));
        QVERIFY(sb.start());

        FeedLocation disk;
        disk.folder = malvuln();
        FeedSource diskSource(disk);
        const FeedRun fromDisk = runFeed(diskSource, {});

        FeedLocation http;
        http.remote = sb.connection();
        http.remote.baseUrl = sb.server->baseUrl().resolved(QUrl(u"/feed/manifest.json"_s));
        FeedSource httpSource(http);
        const FeedRun fromHttp = runFeed(httpSource, {});
        QVERIFY2(fromHttp.summary.complete(), qPrintable(fromHttp.summary.toString()));

        MispConnection c = sb.connection();
        c.pageSize = 50;
        MispClient client(c);
        const Run fromRest = runFetch(client, {});
        QVERIFY2(fromRest.summary.complete(), qPrintable(fromRest.summary.toString()));

        QCOMPARE(uuids(fromHttp.events), uuids(fromDisk.events));
        QCOMPARE(uuids(fromRest.events), uuids(fromDisk.events));
        const QStringList stix = stixFingerprint(fromDisk.events);
        QVERIFY(stix.size() > 1000);
        QCOMPARE(stixFingerprint(fromHttp.events), stix);
        QCOMPARE(stixFingerprint(fromRest.events), stix);
    }

    void failedEntryIsKeptForNextSync()
    {
        Sandbox sb;
        msb::sandbox::misp::GeneratedInstance g;
        g.events = 20;
        g.attributesPerEvent = 4;
        sb.emulator.setGenerated(g);
        QVERIFY(sb.start());
        sb.faults.script(u"misp-feed-event"_s, { Fault::none(), Fault::none(), Fault::httpStatus(404) });
        FeedLocation http;
        http.remote = sb.connection();
        http.remote.baseUrl = sb.server->baseUrl().resolved(QUrl(u"/feed/"_s));
        FeedSource source(http);
        const FeedRun first = runFeed(source, {});
        QCOMPARE(first.failed.size(), 1);
        QCOMPARE(first.summary.failed.size(), 1);
        QCOMPARE(first.summary.fetched, 19);
        QVERIFY(!first.summary.complete());
        QVERIFY(first.summary.failed.first().failure.error.message.contains(first.failed.first().uuid));
        QVERIFY(!first.summary.state.contains(first.failed.first().uuid));
        // Next sync: only the failed one is read.
        const FeedRun second = runFeed(source, {}, first.summary.state);
        QVERIFY(second.summary.complete());
        QCOMPARE(second.summary.fetched, 1);
        QCOMPARE(second.events.first().uuid, first.failed.first().uuid);
        QCOMPARE(second.summary.state.size(), 20);
    }

    void generatedFeedFiltersByManifest()
    {
        Sandbox sb;
        msb::sandbox::misp::GeneratedInstance g;
        g.events = 30;
        g.attributesPerEvent = 2;
        sb.emulator.setGenerated(g);
        QVERIFY(sb.start());
        FeedLocation http;
        http.remote = sb.connection();
        http.remote.baseUrl = sb.server->baseUrl().resolved(QUrl(u"/feed"_s));
        FeedSource source(http);
        auto f = MispFilters::fromJsonText(
            R"({"tags":{"OR":["tlp:green"],"NOT":["type:OSINT"]},"threat_level_id":[1,2,3,4]})");
        const quint64 before = sb.server->requestCount(u"misp-feed-event"_s);
        const FeedRun run = runFeed(source, f.value());
        QVERIFY(run.summary.complete());
        int expected = 0;
        for (int i = 0; i < g.events; ++i)
            expected += (i % 3 == 1 && i % 5 != 0) ? 1 : 0;
        QCOMPARE(int(run.events.size()), expected);
        // Manifest tags decided it: the other event files were never requested.
        QCOMPARE(int(sb.server->requestCount(u"misp-feed-event"_s) - before), expected);
        for (const Event &e : run.events)
            QCOMPARE(e.tags.first().name, u"tlp:green"_s);
    }
};

QTEST_GUILESS_MAIN(TestMispFeed)
#include "tst_misp_feed.moc"
