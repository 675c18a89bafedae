// SPDX-License-Identifier: BSD-2-Clause
#include "core/misp/jsonreader.h"
#include "core/misp/mispparser.h"
#include "tests/support/testpaths.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace msb;

namespace {

QString issuesText(const misp::ParsedDocument &d)
{
    QStringList l;
    for (const auto &i : d.issues)
        l.append(i.toString());
    return l.join(u'\n');
}

const QByteArray kEventBody = R"({"uuid":"11111111-2222-4333-8444-555555555555","info":"x","timestamp":"1700000000",
  "Orgc":{"uuid":"0b7e3a6c-5d2f-4c1a-9e8b-1f2a3b4c5d6e","name":"Org"},
  "Attribute":[{"uuid":"aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee","type":"ip-dst","value":"198.51.100.7","to_ids":true,
  "timestamp":"1700000001","category":"Network activity"}]})";

} // namespace

class TestMispParser final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shapes_data();
    void shapes();
    void lenientScalars_data();
    void lenientScalars();
    void malformed_data();
    void malformed();
    void missingFieldsNamePlace();
    void objectsTagsGalaxies();
    void readerMatchesQJsonDocument();
};

void TestMispParser::shapes_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<int>("events");
    QTest::addColumn<int>("attributes");
    QTest::newRow("Event wrapper") << (QByteArray(R"({"Event":)") + kEventBody + "}") << 1 << 1;
    QTest::newRow("bare event") << kEventBody << 1 << 1;
    QTest::newRow("restSearch") << (QByteArray(R"({"response":[{"Event":)") + kEventBody + "},{\"Event\":" + kEventBody
        + "}]}") << 2 << 2;
    QTest::newRow("restSearch bare") << (QByteArray(R"({"response":[)") + kEventBody + "]}") << 1 << 1;
    QTest::newRow("list of events") << (QByteArray("[") + kEventBody + "," + kEventBody + "]") << 2 << 2;
    QTest::newRow("attribute collection")
        << QByteArray(R"({"Attribute":[{"type":"domain","value":"a.example.com"},{"type":"md5","value":"x"}]})") << 1
        << 2;
    QTest::newRow("restSearch attributes")
        << QByteArray(R"({"response":{"Attribute":[{"type":"domain","value":"a.example.com"}]}})") << 1 << 1;
    QTest::newRow("single attribute") << QByteArray(R"({"type":"domain","value":"a.example.com","uuid":"u"})") << 1
                                      << 1;
    QTest::newRow("attribute feed pairs")
        << QByteArray(R"([{"Attribute":{"type":"domain","value":"a.example.com"},"Event":{"uuid":"e1","info":"i"}},
                          {"Attribute":{"type":"domain","value":"b.example.com"},"Event":{"uuid":"e1","info":"i"}}])")
        << 1 << 2;
    QTest::newRow("BOM and whitespace") << (QByteArray("\xEF\xBB\xBF \n") + kEventBody + "\n") << 1 << 1;
}

void TestMispParser::shapes()
{
    QFETCH(QByteArray, json);
    QFETCH(int, events);
    QFETCH(int, attributes);
    const auto d = misp::parseDocument(json, u"t.json"_qs);
    QVERIFY2(d.recognised, qPrintable(issuesText(d)));
    QCOMPARE(d.events.size(), events);
    int n = 0;
    for (const auto &e : d.events) {
        n += int(e.attributes.size());
        QCOMPARE(e.sourceName, u"t.json"_qs);
    }
    QCOMPARE(n, attributes);
}

void TestMispParser::lenientScalars_data()
{
    QTest::addColumn<QByteArray>("toIds");
    QTest::addColumn<QByteArray>("timestamp");
    QTest::addColumn<int>("expectedToIds"); // -1 absent
    QTest::addColumn<qint64>("expectedTimestamp");
    QTest::newRow("bool/string") << QByteArray("true") << QByteArray("\"1700000000\"") << 1 << qint64(1700000000);
    QTest::newRow("\"1\"/number") << QByteArray("\"1\"") << QByteArray("1700000000") << 1 << qint64(1700000000);
    QTest::newRow("0/float") << QByteArray("0") << QByteArray("1.7e9") << 0 << qint64(1700000000);
    QTest::newRow("\"False\"/null") << QByteArray("\"False\"") << QByteArray("null") << 0 << qint64(-1);
    QTest::newRow("null/empty") << QByteArray("null") << QByteArray("\"\"") << -1 << qint64(-1);
}

void TestMispParser::lenientScalars()
{
    QFETCH(QByteArray, toIds);
    QFETCH(QByteArray, timestamp);
    QFETCH(int, expectedToIds);
    QFETCH(qint64, expectedTimestamp);
    const QByteArray json
        = R"({"Event":{"uuid":"e","info":"i","published":"1","Attribute":[{"type":"md5","value":42,"to_ids":)" + toIds
        + ",\"timestamp\":" + timestamp + "}]}}";
    const auto d = misp::parseDocument(json, u"t.json"_qs);
    QCOMPARE(d.events.size(), 1);
    const auto &a = d.events.first().attributes.first();
    QCOMPARE(a.toIds.has_value() ? int(*a.toIds) : -1, expectedToIds);
    QCOMPARE(a.timestamp, expectedTimestamp);
    QCOMPARE(a.value, u"42"_qs);
    QVERIFY(d.events.first().published);
}

void TestMispParser::malformed_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<bool>("recognised");
    QTest::addColumn<QString>("message");
    QTest::newRow("empty") << QByteArray("") << false << u"t.json: empty input"_qs;
    QTest::newRow("truncated")
        << QByteArray(R"({"Event":{"uuid":"e","info":"i")") << false
        << u"t.json: invalid JSON at line 1, column 32: unexpected end of input inside an object"_qs;
    QTest::newRow("bad literal") << QByteArray("{\"Event\":\n{\"published\":tru}}") << false
                                 << u"t.json: invalid JSON at line 2, column 14: invalid literal"_qs;
    QTest::newRow("trailing garbage") << (kEventBody
        + "x") << false << u"t.json: invalid JSON at line 4, column 60: trailing characters after the JSON value"_qs;
    QTest::newRow("not MISP") << QByteArray(R"({"hello":"world"})") << false
                              << u"t.json: input does not look like MISP data"_qs;
    QTest::newRow("number") << QByteArray("42") << false << u"t.json: input does not look like MISP data"_qs;
    QTest::newRow("Attribute not a list") << QByteArray(R"({"Event":{"uuid":"e","info":"i","Attribute":"x"}})") << true
                                          << u"t.json, event e: field \"Attribute\" is not a list"_qs;
    QTest::newRow("attribute item not object") << QByteArray(R"({"Event":{"uuid":"e","info":"i","Attribute":[1]}})")
                                               << true << u"t.json, event e: \"Attribute\" item #1 is not an object"_qs;
    QTest::newRow("deep nesting") << (QByteArray(300, '[') + QByteArray(300, ']')) << false
                                  << u"t.json: lists nested too deep"_qs;
}

void TestMispParser::malformed()
{
    QFETCH(QByteArray, json);
    QFETCH(bool, recognised);
    QFETCH(QString, message);
    const auto d = misp::parseDocument(json, u"t.json"_qs);
    QCOMPARE(d.recognised, recognised);
    QVERIFY2(issuesText(d).split(u'\n').contains(message), qPrintable(issuesText(d)));
}

void TestMispParser::missingFieldsNamePlace()
{
    const QByteArray json = R"({"Event":{"uuid":"e1","info":"i","Attribute":[
        {"uuid":"a1","type":"ip-dst"},{"value":"x","uuid":"a2"},{"type":"md5","value":"y"}],
        "Object":[{"uuid":"o1","name":"file","Attribute":[{"type":"md5"}]}]}})";
    const auto d = misp::parseDocument(json, u"feed/x.json"_qs);
    QVERIFY(d.recognised);
    const QString text = issuesText(d);
    QVERIFY2(text.contains(u"feed/x.json, event e1, attribute a1: attribute has no value"_qs), qPrintable(text));
    QVERIFY2(text.contains(u"feed/x.json, event e1, attribute a2: attribute has no type"_qs), qPrintable(text));
    QVERIFY2(
        text.contains(u"feed/x.json, event e1, object o1 attribute #1: attribute has no value"_qs), qPrintable(text));
    QVERIFY2(text.contains(u"event e1: event has no timestamp"_qs), qPrintable(text));
    QVERIFY2(
        text.contains(u"event e1: event has no creator organisation (Orgc): no created_by_ref"_qs), qPrintable(text));
    QVERIFY2(text.contains(u"2 attribute(s) have no uuid (first: attribute #3)"_qs), qPrintable(text));
    // Nothing is lost: every attribute is kept for the converter to account for.
    QCOMPARE(d.events.first().attributes.size(), 3);
    QCOMPARE(d.events.first().objects.first().attributes.size(), 1);
}

void TestMispParser::objectsTagsGalaxies()
{
    const QByteArray json = R"({"Event":{"uuid":"e1","info":"i","date":"2024-02-03","threat_level_id":"1",
        "Tag":[{"name":"tlp:green","local":0},{"name":"x","local":"1"}],
        "Galaxy":[{"type":"threat-actor","name":"Threat Actor","GalaxyCluster":[{"uuid":"g","value":"APT X"}]}],
        "Object":[{"uuid":"o1","name":"file","meta-category":"file","timestamp":"5",
          "Attribute":[{"uuid":"a","type":"md5","object_relation":"md5","value":"v","Tag":[{"name":"t"}]}],
          "ObjectReference":[{"uuid":"r","referenced_uuid":"a2","relationship_type":"drops"}]}]}})";
    const auto d = misp::parseDocument(json, u"t"_qs);
    const auto &e = d.events.first();
    QCOMPARE(e.date, QDate(2024, 2, 3));
    QCOMPARE(e.threatLevelId, 1);
    QCOMPARE(e.tags.size(), 2);
    QVERIFY(e.tags.at(1).local);
    QCOMPARE(e.galaxies.first().tagName, u"misp-galaxy:threat-actor=\"APT X\""_qs);
    QCOMPARE(e.objects.first().metaCategory, u"file"_qs);
    QCOMPARE(e.objects.first().timestamp, 5);
    QCOMPARE(e.objects.first().attributes.first().objectRelation, u"md5"_qs);
    QCOMPARE(e.objects.first().attributes.first().tags.first().name, u"t"_qs);
    QCOMPARE(e.objects.first().references.first().relationshipType, u"drops"_qs);
}

void TestMispParser::readerMatchesQJsonDocument()
{
    // The pull reader accepts exactly what it must: every shared MISP file parses and skips cleanly,
    // and strings decode like QJsonDocument (escapes, surrogate pairs).
    const QByteArray s = R"(["a\"b\\c\/d\n\u00e9\ud83d\ude00\u0041"])";
    misp::JsonReader r(s);
    QVERIFY(r.beginArray());
    QVERIFY(r.nextElement());
    QString out;
    QVERIFY(r.readString(out));
    QCOMPARE(out, QJsonDocument::fromJson(s).array().first().toString());
    QVERIFY(!r.nextElement());
    QVERIFY(r.atEnd());
    QFile f(test::mispDataDir() + u"/misp-core/tests_event.json"_qs);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray big = f.readAll();
    misp::JsonReader all(big);
    QVERIFY2(all.skipValue(), qPrintable(all.errorString()));
    QVERIFY(all.atEnd());
}

QTEST_GUILESS_MAIN(TestMispParser)
#include "tst_mispparser.moc"
