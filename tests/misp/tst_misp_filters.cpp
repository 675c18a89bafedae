// SPDX-License-Identifier: BSD-2-Clause
#include "core/misp/mispevent.h"
#include "core/misp/mispfilters.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace msb::misp;

class TestMispFilters final : public QObject
{
    Q_OBJECT

private:
    static MispFilters filters(const char *json)
    {
        auto f = MispFilters::fromJsonText(QByteArray(json));
        if (!f)
            qFatal("%s", qPrintable(f.error().message));
        return f.value();
    }
    static FilterSubject subject()
    {
        FilterSubject s;
        s.uuid = u"5a1f0e0c-0000-4000-8000-000000000001"_s;
        s.id = u"42"_s;
        s.date = QDate(2026, 11, 20);
        s.timestamp = QDateTime(QDate(2026, 11, 20), QTime(12, 0), Qt::UTC).toSecsSinceEpoch();
        s.publishTimestamp = *s.timestamp + 60;
        s.published = true;
        s.threatLevelId = 2;
        s.orgValues = { u"CIRCL"_s, u"55f6ea5e-2c60-40e5-964f-47a8950d210f"_s, u"3"_s };
        s.tags = QStringList {
            u"tlp:green"_s, u"workflow:state=\"complete\""_s, u"misp-galaxy:threat-actor=\"APT 28\""_s
        };
        s.attributeTypes = { u"ip-dst"_s, u"domain"_s };
        return s;
    }
    const QDateTime m_now = QDateTime(QDate(2026, 11, 29), QTime(0, 0), Qt::UTC);

private Q_SLOTS:
    void importsMisp2SentinelDefaultsUnchanged()
    {
        // misp2sentinel's config.py.default misp_event_filters, as JSON.
        const QByteArray text = "{\"published\":1,\"tags\":[\"workflow:state=\\\"complete\\\"\"],"
                                "\"enforceWarninglist\":true,\"includeEventTags\":true,\"publish_timestamp\":\"14d\","
                                "\"custom_key\":{\"x\":[1,2]}}";
        auto f = MispFilters::fromJsonText(text);
        QVERIFY2(f.ok(), qPrintable(f.ok() ? QString() : f.error().message));
        QCOMPARE(f.value().toJson(), QJsonDocument::fromJson(text).object());
        QCOMPARE(f.value().published(), std::optional<bool>(true));
        QVERIFY(f.value().enforceWarninglist());
        QCOMPARE(f.value().tags().anyOf, QStringList { u"workflow:state=\"complete\""_s });
        const QJsonObject body = f.value().restSearchBody(50, 3);
        QCOMPARE(body.value(u"limit"_s).toInt(), 50);
        QCOMPARE(body.value(u"page"_s).toInt(), 3);
        QCOMPARE(body.value(u"returnFormat"_s).toString(), u"json"_s);
        QCOMPARE(body.value(u"custom_key"_s).toObject().value(u"x"_s).toArray().size(), 2); // passed through
    }

    void rejectsBadValues_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("key");
        QTest::newRow("published") << QByteArray(R"({"published":"maybe"})") << u"published"_s;
        QTest::newRow("publish_timestamp")
            << QByteArray(R"({"publish_timestamp":"14 days"})") << u"publish_timestamp"_s;
        QTest::newRow("timestamp range") << QByteArray(R"({"timestamp":["1d"]})") << u"timestamp"_s;
        QTest::newRow("tags op") << QByteArray(R"({"tags":{"XOR":["a"]}})") << u"tags"_s;
        QTest::newRow("tags type") << QByteArray(R"({"tags":[1]})") << u"tags"_s;
        QTest::newRow("threat level") << QByteArray(R"({"threat_level_id":7})") << u"threat_level_id"_s;
        QTest::newRow("date_from") << QByteArray(R"({"date_from":"yesterday"})") << u"date_from"_s;
        QTest::newRow("limit") << QByteArray(R"({"limit":0})") << u"limit"_s;
        QTest::newRow("to_ids") << QByteArray(R"({"to_ids":2})") << u"to_ids"_s;
    }
    void rejectsBadValues()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, key);
        auto f = MispFilters::fromJsonText(json);
        QVERIFY(!f.ok());
        QVERIFY2(f.error().message.contains(u'"' + key + u'"'), qPrintable(f.error().message));
        QCOMPARE(f.error().code, msb::Error::Code::InvalidInput);
    }

    void invalidJsonNamesOffset()
    {
        auto f = MispFilters::fromJsonText("{\"published\":");
        QVERIFY(!f.ok());
        QVERIFY(f.error().message.contains(u"offset"_s));
    }

    void matchesEvent_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<bool>("expected");
        QTest::newRow("empty") << QByteArray("{}") << true;
        QTest::newRow("published 1") << QByteArray(R"({"published":1})") << true;
        QTest::newRow("published false") << QByteArray(R"({"published":false})") << false;
        QTest::newRow("tag list any") << QByteArray(R"({"tags":["tlp:red","tlp:green"]})") << true;
        QTest::newRow("tag list none") << QByteArray(R"({"tags":["tlp:red"]})") << false;
        QTest::newRow("tag case-insensitive") << QByteArray(R"({"tags":["TLP:GREEN"]})") << true;
        QTest::newRow("tag wildcard") << QByteArray(R"({"tags":["misp-galaxy:threat-actor=%"]})") << true;
        QTest::newRow("tag !not") << QByteArray(R"({"tags":["!tlp:green"]})") << false;
        QTest::newRow("tag !not other") << QByteArray(R"({"tags":["!tlp:red"]})") << true;
        QTest::newRow("tag OR/NOT") << QByteArray(R"({"tags":{"OR":["tlp:green"],"NOT":["tlp:red"]}})") << true;
        QTest::newRow("tag OR/NOT hit") << QByteArray(R"({"tags":{"OR":["tlp:green"],"NOT":["workflow:%"]}})") << false;
        QTest::newRow("tag AND") << QByteArray(R"({"tags":{"AND":["tlp:green","tlp:red"]}})") << false;
        QTest::newRow("publish_timestamp 14d") << QByteArray(R"({"publish_timestamp":"14d"})") << true;
        QTest::newRow("publish_timestamp 1d") << QByteArray(R"({"publish_timestamp":"1d"})") << false;
        QTest::newRow("last 10d") << QByteArray(R"({"last":"10d"})") << true;
        QTest::newRow("timestamp epoch after") << QByteArray(R"({"timestamp":)"
            + QByteArray::number(QDateTime(QDate(2026, 11, 21), QTime(0, 0), Qt::UTC).toSecsSinceEpoch()) + "}")
                                               << false;
        QTest::newRow("timestamp range") << QByteArray(R"({"timestamp":["10d","8d"]})") << true;
        QTest::newRow("timestamp range miss") << QByteArray(R"({"timestamp":["5d","1d"]})") << false;
        QTest::newRow("date_from") << QByteArray(R"({"date_from":"2026-11-20"})") << true;
        QTest::newRow("date_from later") << QByteArray(R"({"date_from":"2026-11-21"})") << false;
        QTest::newRow("date_to earlier") << QByteArray(R"({"date_to":"2026-11-19"})") << false;
        QTest::newRow("org name") << QByteArray(R"({"org":"circl"})") << true;
        QTest::newRow("org id list") << QByteArray(R"({"org":[1,3]})") << true;
        QTest::newRow("org !") << QByteArray(R"({"org":"!CIRCL"})") << false;
        QTest::newRow("eventid") << QByteArray(R"({"eventid":[41,42]})") << true;
        QTest::newRow("eventid miss") << QByteArray(R"({"eventid":"43"})") << false;
        QTest::newRow("uuid") << QByteArray(R"({"uuid":"5a1f0e0c-0000-4000-8000-000000000001"})") << true;
        QTest::newRow("uuid miss") << QByteArray(R"({"uuid":["5a1f0e0c-0000-4000-8000-000000000002"]})") << false;
        QTest::newRow("threat level") << QByteArray(R"({"threat_level_id":["1","2"]})") << true;
        QTest::newRow("threat level miss") << QByteArray(R"({"threat_level_id":3})") << false;
        QTest::newRow("type_attribute") << QByteArray(R"({"type_attribute":["domain","url"]})") << true;
        QTest::newRow("type_attribute miss") << QByteArray(R"({"type_attribute":"sha256"})") << false;
        QTest::newRow("unknown key ignored") << QByteArray(R"({"searchall":"x"})") << true;
    }
    void matchesEvent()
    {
        QFETCH(QByteArray, json);
        QFETCH(bool, expected);
        QCOMPARE(filters(json.constData()).matchesEvent(subject(), m_now), expected);
    }

    void unknownFieldsNeverExclude()
    {
        FilterSubject manifestOnly;
        manifestOnly.uuid = u"x"_s;
        manifestOnly.date = QDate(2026, 11, 25);
        QVERIFY(filters(R"({"tags":["tlp:red"],"published":1,"org":"X"})").matchesEvent(manifestOnly, m_now));
        // The date stands in for a missing timestamp.
        QVERIFY(filters(R"({"timestamp":"7d"})").matchesEvent(manifestOnly, m_now));
        QVERIFY(!filters(R"({"timestamp":"2d"})").matchesEvent(manifestOnly, m_now));
    }

    void attributeFilters()
    {
        Event event;
        Attribute a;
        a.type = u"ip-dst"_s;
        a.toIds = true;
        Attribute b;
        b.type = u"comment"_s;
        b.toIds = false;
        Attribute c;
        c.type = u"domain"_s; // to_ids absent: MISP treats it as false
        event.attributes = { a, b, c };
        Object o;
        o.attributes = { b };
        event.objects = { o };
        Event copy = event;
        QCOMPARE(filters(R"({"to_ids":1})").applyAttributeFilters(copy), 3);
        QCOMPARE(copy.attributes.size(), 1);
        QCOMPARE(copy.attributes.first().type, u"ip-dst"_s);
        QVERIFY(copy.objects.isEmpty());
        copy = event;
        QCOMPARE(filters(R"({"type_attribute":["!comment"]})").applyAttributeFilters(copy), 2);
        QCOMPARE(copy.attributes.size(), 2);
        copy = event;
        QCOMPARE(filters("{}").applyAttributeFilters(copy), 0);
    }

    void timeResolution()
    {
        QCOMPARE(resolveMispTime(QJsonValue(u"2h"_s), m_now), m_now.toSecsSinceEpoch() - 7200);
        QCOMPARE(resolveMispTime(QJsonValue(u"1w"_s), m_now), m_now.toSecsSinceEpoch() - 7 * 86400);
        QCOMPARE(resolveMispTime(QJsonValue(1700000000), m_now), 1700000000);
        QCOMPARE(resolveMispTime(QJsonValue(u"1700000000"_s), m_now), 1700000000);
        QVERIFY(!resolveMispTime(QJsonValue(u"soon"_s), m_now));
        QCOMPARE(filters(R"({"publish_timestamp":"14d","timestamp":"7d"})").earliestTimestamp(m_now),
            m_now.toSecsSinceEpoch() - 7 * 86400);
        QCOMPARE(filters("{}").withTimestampSince(123).toJson().value(u"timestamp"_s).toString(), u"123"_s);
    }

    void userLimitDisablesPaging()
    {
        QCOMPARE(filters(R"({"limit":10})").userLimit(), std::optional<int>(10));
        QVERIFY(!filters("{}").userLimit());
    }
};

QTEST_GUILESS_MAIN(TestMispFilters)
#include "tst_misp_filters.moc"
