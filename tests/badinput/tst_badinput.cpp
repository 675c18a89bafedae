// SPDX-License-Identifier: BSD-2-Clause
// Bad input: a generated corpus of malformed MISP data (truncated JSON, wrong types, huge values,
// invalid uuids, 10 MB strings, deep nesting) and the malformed cases of the shared data. Every
// bad item must come out as an error or drop that NAMES it (its uuid), the good items beside it
// must still be converted, and every attribute must be accounted for; a document that cannot be
// read at all is reported by name and the run goes on. Also through the CLI `convert`.
#include "core/convert/converter.h"
#include "core/misp/mispparser.h"
#include "tests/reliability/figures.h"
#include "tests/support/testpaths.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace msb;

namespace {

const QString kEventUuid = u"5e0c6f3a-8d1b-4c7e-9a2f-3b4c5d6e7f80"_s;
const QString kBadUuid = u"bad0bad0-0000-4000-8000-00000000b0b0"_s;
const QStringList kGoodUuids { u"600d0001-0000-4000-8000-000000000001"_s,
    u"600d0002-0000-4000-8000-000000000002"_s,
    u"600d0003-0000-4000-8000-000000000003"_s };

QJsonObject goodAttribute(int i)
{
    return QJsonObject { { u"uuid"_s, kGoodUuids.at(i) },
        { u"type"_s, u"ip-dst"_s },
        { u"category"_s, u"Network activity"_s },
        { u"value"_s, u"198.51.100.%1"_s.arg(10 + i) },
        { u"to_ids"_s, true },
        { u"timestamp"_s, u"1700000000"_s } };
}

QJsonObject baseBad()
{
    return QJsonObject { { u"uuid"_s, kBadUuid },
        { u"type"_s, u"domain"_s },
        { u"category"_s, u"Network activity"_s },
        { u"value"_s, u"bad.example.org"_s },
        { u"to_ids"_s, true },
        { u"timestamp"_s, u"1700000000"_s } };
}

QByteArray eventWith(const QJsonValue &bad)
{
    QJsonArray attributes { goodAttribute(0), goodAttribute(1) };
    attributes.append(bad);
    attributes.append(goodAttribute(2));
    const QJsonObject event { { u"uuid"_s, kEventUuid },
        { u"info"_s, u"bad input corpus"_s },
        { u"date"_s, u"2024-01-01"_s },
        { u"timestamp"_s, u"1700000000"_s },
        { u"published"_s, true },
        { u"Orgc"_s, QJsonObject { { u"name"_s, u"CERT"_s }, { u"uuid"_s, kEventUuid } } },
        { u"Attribute"_s, attributes } };
    return QJsonDocument(QJsonObject { { u"Event"_s, event } }).toJson(QJsonDocument::Compact);
}

QJsonObject badWith(const QString &key, const QJsonValue &value)
{
    QJsonObject o = baseBad();
    if (value.isUndefined())
        o.remove(key);
    else
        o.insert(key, value);
    return o;
}

QByteArray deepArray(int depth)
{
    return QByteArray(depth, '[') + QByteArray(depth, ']');
}

// Splices raw JSON text into the bad attribute's `comment` (for nesting no QJsonValue can hold).
QByteArray eventWithRawComment(const QByteArray &raw)
{
    QByteArray doc = eventWith(badWith(u"comment"_s, u"@@RAW@@"_s));
    doc.replace("\"@@RAW@@\"", raw);
    return doc;
}

// Named: by its uuid, or (when the uuid itself is what is broken, or the streaming reader met the
// broken field first) by its position "#3" in the event's attribute list.
bool named(const misp::ParsedDocument &doc,
    const convert::ConversionResult &result,
    const QString &uuid,
    const QString &position = QString())
{
    for (const auto &issue : doc.issues) {
        if (issue.itemRef.contains(uuid) || issue.message.contains(uuid)
            || (!position.isEmpty() && issue.itemRef.endsWith(position)))
            return true;
    }
    for (const auto &o : result.outcomes) {
        if (o.attributeUuid == uuid && o.status != convert::ItemOutcome::Status::Converted && !o.reason.isEmpty())
            return true;
    }
    return false;
}

int convertedGood(const convert::ConversionResult &result)
{
    int n = 0;
    for (const auto &o : result.outcomes) {
        if (kGoodUuids.contains(o.attributeUuid) && o.status == convert::ItemOutcome::Status::Converted)
            ++n;
    }
    return n;
}

bool accountsBalance(const convert::ConversionResult &result)
{
    for (const auto &a : result.accounts) {
        if (a.converted + a.dropped + a.errors != a.total)
            return false;
    }
    return !result.accounts.isEmpty();
}

convert::ConversionPolicy policy()
{
    convert::ConversionPolicy p;
    p.dropExpired = false;
    return p;
}

} // namespace

class TestBadInput : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cleanupTestCase()
    {
        test::Figures f(u"badinput-generated"_s, u"badinput"_s);
        f.set(u"cases"_s, m_cases).set(u"item_errors"_s, m_named).set(u"failures"_s, m_failures);
        f.print();
        f.write(m_failures == 0 && m_cases > 0);
    }

    void badItemNamedRestKept_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<bool>("mustBeNamed");
        QTest::newRow("value is an object") << eventWith(badWith(u"value"_s, QJsonObject { { u"x"_s, 1 } })) << true;
        QTest::newRow("value missing") << eventWith(badWith(u"value"_s, QJsonValue::Undefined)) << true;
        QTest::newRow("type missing") << eventWith(badWith(u"type"_s, QJsonValue::Undefined)) << true;
        QTest::newRow("type is a list") << eventWith(badWith(u"type"_s, QJsonArray { u"domain"_s })) << true;
        QTest::newRow("invalid ipv4") << eventWith(QJsonObject { { u"uuid"_s, kBadUuid },
            { u"type"_s, u"ip-dst"_s },
            { u"value"_s, u"999.1.1.1"_s },
            { u"to_ids"_s, true } }) << true;
        QTest::newRow("md5 wrong length") << eventWith(QJsonObject {
            { u"uuid"_s, kBadUuid }, { u"type"_s, u"md5"_s }, { u"value"_s, u"abc"_s }, { u"to_ids"_s, true } })
                                          << true;
        QTest::newRow("10 MB domain") << eventWith(badWith(u"value"_s, QString(10 * 1024 * 1024, u'a'))) << true;
        QTest::newRow("10 MB comment") << eventWith(badWith(u"comment"_s, QString(10 * 1024 * 1024, u'c'))) << false;
        QTest::newRow("huge timestamp") << eventWith(badWith(u"timestamp"_s, u"99999999999999999999999"_s)) << false;
        QTest::newRow("timestamp 1e300") << eventWith(badWith(u"timestamp"_s, 1e300)) << false;
        QTest::newRow("negative timestamp") << eventWith(badWith(u"timestamp"_s, -5)) << false;
        QTest::newRow("to_ids is text") << eventWith(badWith(u"to_ids"_s, u"maybe"_s)) << false;
        QTest::newRow("Tag is a string") << eventWith(badWith(u"Tag"_s, u"tlp:red"_s)) << true;
        QTest::newRow("attribute is a string") << eventWith(QJsonValue(u"not an attribute"_s)) << false;
        QTest::newRow("attribute is null") << eventWith(QJsonValue::Null) << false;
        QTest::newRow("deep nesting 5000") << eventWithRawComment(deepArray(5000)) << true;
        QTest::newRow("deep nesting 200000") << eventWithRawComment(deepArray(200000)) << true;
        QTest::newRow("deep nesting unknown field")
            << eventWith(badWith(u"x_extra"_s, u"@@RAW@@"_s)).replace("\"@@RAW@@\"", deepArray(100000)) << true;
        QTest::newRow("invalid uuid") << eventWith(badWith(u"uuid"_s, u"not-a-uuid"_s)) << false;
        QTest::newRow("uuid is a number") << eventWith(badWith(u"uuid"_s, 42)) << false;
        QTest::newRow("control chars") << eventWith(badWith(u"value"_s, u"bad\u0000\u0007.example.org"_s)) << true;
    }
    void badItemNamedRestKept()
    {
        QFETCH(QByteArray, json);
        QFETCH(bool, mustBeNamed);
        ++m_cases;
        const QString source = u"generated/"_s + QString::fromLatin1(QTest::currentDataTag()) + u".json"_s;
        const auto doc = misp::parseDocument(json, source);
        convert::Converter converter(policy());
        const auto result = converter.convert(doc.events);
        const bool isNamed = named(doc, result, kBadUuid, u"#3"_s);
        const int good = convertedGood(result);
        const bool ok = doc.recognised && doc.events.size() == 1 && good == 3 && accountsBalance(result)
            && (!mustBeNamed || isNamed);
        if (isNamed)
            ++m_named;
        if (!ok)
            ++m_failures;
        QVERIFY(doc.recognised);
        QCOMPARE(doc.events.size(), 1);
        QCOMPARE(good, 3); // the good attributes around the bad one survive
        QVERIFY2(accountsBalance(result), "converted + dropped + errors != total");
        if (mustBeNamed)
            QVERIFY2(isNamed, "the bad attribute is not named by any issue or outcome");
        // Too-deep nesting costs the value, not the item or the document, and says so.
        if (QByteArrayView(QTest::currentDataTag()).startsWith("deep nesting")) {
            bool said = false;
            for (const auto &issue : doc.issues)
                said = said || issue.message.contains(u"nested deeper than"_s);
            QVERIFY2(said, "no issue says the value was nested too deep");
            QCOMPARE(result.outcomes.size(), 4); // the bad attribute itself is still converted
        }
        // An error text never carries a 10 MB value whole.
        for (const auto &issue : doc.issues)
            QVERIFY(issue.toString().size() < 4096);
        for (const auto &o : result.outcomes)
            QVERIFY(o.reason.size() < 4096);
    }

    void unreadableDocumentNamed_data()
    {
        QTest::addColumn<QByteArray>("json");
        const QByteArray good = eventWith(baseBad());
        for (const int cut : { 1, 10, int(good.size() / 2), int(good.size() - 2) })
            QTest::addRow("truncated at %d", cut) << good.left(cut);
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("whitespace") << QByteArray("  \n\t ");
        QTest::newRow("binary") << QByteArray("\x00\xff\xfe\x01garbage\x00", 12);
        QTest::newRow("html login page") << QByteArray("<!DOCTYPE html><html><body>Sign in</body></html>");
        QTest::newRow("not misp") << QByteArray(R"({"foo": [1, 2, 3]})");
        QTest::newRow("deep array") << deepArray(300000);
        QTest::newRow("deep object") << QByteArray(100000, '{');
        QTest::newRow("number") << QByteArray("1e999999");
        QTest::newRow("invalid utf8 in string") << QByteArray("{\"Event\": {\"info\": \"\xc3\x28\", \"Attribute\": [");
    }
    void unreadableDocumentNamed()
    {
        QFETCH(QByteArray, json);
        ++m_cases;
        const QString source = u"generated/"_s + QString::fromLatin1(QTest::currentDataTag()) + u".json"_s;
        const auto doc = misp::parseDocument(json, source);
        bool isNamed = false;
        for (const auto &i : doc.issues)
            isNamed = isNamed || (i.source == source && !i.message.isEmpty());
        if (isNamed)
            ++m_named;
        if (doc.recognised || !isNamed)
            ++m_failures;
        QVERIFY(!doc.recognised);
        QVERIFY2(isNamed, "no issue names the document");
    }

    void badEventAmongGoodOnes()
    {
        ++m_cases;
        QJsonArray response;
        response.append(QJsonDocument::fromJson(eventWith(baseBad())).object());
        response.append(QJsonObject { { u"Event"_s, u"not an event"_s } });
        response.append(QJsonObject { { u"Event"_s, QJsonObject { { u"uuid"_s, 7 }, { u"Attribute"_s, 3 } } } });
        const QJsonObject second { { u"uuid"_s, u"5e0c6f3a-8d1b-4c7e-9a2f-3b4c5d6e7f81"_s },
            { u"info"_s, u"second"_s },
            { u"timestamp"_s, u"1700000000"_s },
            { u"Attribute"_s, QJsonArray { goodAttribute(0) } } };
        response.append(QJsonObject { { u"Event"_s, second } });
        const QByteArray json = QJsonDocument(QJsonObject { { u"response"_s, response } }).toJson();
        const auto doc = misp::parseDocument(json, u"restSearch page 1"_s);
        QVERIFY(doc.recognised);
        QSet<QString> uuids;
        for (const auto &e : doc.events)
            uuids.insert(e.uuid);
        const bool ok = uuids.contains(kEventUuid) && uuids.contains(second.value(u"uuid"_s).toString())
            && doc.issues.size() >= 2;
        if (!ok)
            ++m_failures;
        else
            ++m_named;
        QVERIFY2(uuids.contains(kEventUuid), "the good event before the bad ones was lost");
        QVERIFY2(uuids.contains(second.value(u"uuid"_s).toString()), "the good event after the bad ones was lost");
        QVERIFY2(doc.issues.size() >= 2, "the two broken events are not both reported");
    }

    // The malformed cases PROVENANCE.md lists in the shared data.
    void sharedMalformedCases_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("marker");
        QTest::newRow("attribute without value")
            << u"misp-stix-tests/invalid_attribute.json"_s << u"11111111-1111-4111-8111-111111111111"_s;
        QTest::newRow("not a misp format") << u"misp-stix-tests/hash_attributes.json"_s << QString();
    }
    void sharedMalformedCases()
    {
        QFETCH(QString, file);
        QFETCH(QString, marker);
        ++m_cases;
        QFile f(test::mispDataDir() + u'/' + file);
        QVERIFY2(f.open(QIODevice::ReadOnly), qPrintable(f.fileName()));
        const auto doc = misp::parseDocument(f.readAll(), file);
        convert::Converter converter(policy());
        const auto result = converter.convert(doc.events);
        bool isNamed = false;
        if (marker.isEmpty()) {
            for (const auto &i : doc.issues)
                isNamed = isNamed || i.source == file;
            isNamed = isNamed && !doc.recognised;
        } else {
            isNamed = named(doc, result, marker);
        }
        isNamed ? ++m_named : ++m_failures;
        QVERIFY2(isNamed, qPrintable(file));
    }

    void weaknessObjectsWithoutType()
    {
        ++m_cases;
        const QString file = u"misp-stix-tests/event_with_weakness_object.json"_s;
        QFile f(test::mispDataDir() + u'/' + file);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const auto doc = misp::parseDocument(f.readAll(), file);
        convert::Converter converter(policy());
        const auto result = converter.convert(doc.events);
        QVERIFY(accountsBalance(result));
        int typeless = 0;
        for (const auto &i : doc.issues)
            typeless += i.message.contains(u"no type"_s) ? 1 : 0;
        for (const auto &o : result.outcomes)
            typeless += (o.status != convert::ItemOutcome::Status::Converted && o.reason.contains(u"type"_s)
                            && o.mispType.isEmpty())
                ? 1
                : 0;
        typeless > 0 ? ++m_named : ++m_failures;
        QVERIFY2(typeless > 0, "object attributes without a type are not reported");
    }

    // Through the CLI: a folder with the corpus and one good file. Unreadable files are named,
    // the good file's indicators are in the bundle, and the exit code says not everything was read.
    void cliConvertGoesOn()
    {
        const QString app = test::appExecutable();
        if (!QFile::exists(app))
            QSKIP("misp-sentinel-bridge is not built in this tree");
        ++m_cases;
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString in = dir.filePath(u"in"_s);
        QVERIFY(QDir().mkpath(in));
        auto write = [&in](const QString &name, const QByteArray &data) {
            QFile f(in + u'/' + name);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(data);
        };
        write(u"a-good.json"_s, eventWith(baseBad()));
        write(u"b-truncated.json"_s, eventWith(baseBad()).left(50));
        write(u"c-html.json"_s, "<html><body>login</body></html>");
        write(u"d-deep.json"_s, deepArray(200000));
        write(u"e-bad-item.json"_s, eventWith(badWith(u"value"_s, QJsonValue::Undefined)));
        QProcess p;
        p.setProcessChannelMode(QProcess::MergedChannels);
        const QString out = dir.filePath(u"bundle.json"_s);
        p.start(app, { u"convert"_s, in, u"--out"_s, out });
        QVERIFY(p.waitForFinished(120000));
        const QString text = QString::fromUtf8(p.readAll());
        QFile bundle(out);
        const bool haveBundle = bundle.open(QIODevice::ReadOnly);
        const QByteArray bundleText = haveBundle ? bundle.readAll() : QByteArray();
        const bool ok = p.exitStatus() == QProcess::NormalExit && p.exitCode() != 0
            && text.contains(u"b-truncated.json"_s) && text.contains(u"c-html.json"_s)
            && text.contains(u"d-deep.json"_s) && bundleText.contains(kGoodUuids.at(0).toUtf8());
        ok ? ++m_named : ++m_failures;
        QCOMPARE(p.exitStatus(), QProcess::NormalExit);
        QVERIFY2(p.exitCode() != 0, qPrintable(text));
        QVERIFY2(text.contains(u"b-truncated.json"_s), qPrintable(text));
        QVERIFY2(text.contains(u"c-html.json"_s), qPrintable(text));
        QVERIFY2(text.contains(u"d-deep.json"_s), qPrintable(text));
        QVERIFY2(haveBundle, "no bundle written for the readable files");
        QVERIFY2(bundleText.contains(kGoodUuids.at(0).toUtf8()), "the good file's indicator is missing");
    }

private:
    int m_cases = 0;
    int m_named = 0;
    int m_failures = 0;
};

QTEST_GUILESS_MAIN(TestBadInput)
#include "tst_badinput.moc"
