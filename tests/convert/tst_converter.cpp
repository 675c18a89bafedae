// SPDX-License-Identifier: BSD-2-Clause
#include "core/convert/converter.h"
#include "core/convert/typemapping.h"
#include "core/misp/mispparser.h"
#include "core/stix/jsonwriter.h"
#include "core/stix/pattern.h"
#include "core/stix/tlp.h"
#include "core/util/uuid5.h"

#include <QBuffer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace msb;
using convert::ItemOutcome;

namespace {

const QString kEventUuid = QStringLiteral("11111111-2222-4333-8444-555555555555");
const QString kAttrUuid = QStringLiteral("aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee");

misp::Event makeEvent(QList<misp::Attribute> attributes, QList<misp::Tag> tags = {})
{
    misp::Event e;
    e.uuid = kEventUuid;
    e.info = QStringLiteral("Unit test event");
    e.timestamp = 1700000000;
    e.orgc
        = { QStringLiteral("0b7e3a6c-5d2f-4c1a-9e8b-1f2a3b4c5d6e"), QStringLiteral("Test Org"), QStringLiteral("1") };
    e.tags = std::move(tags);
    e.attributes = std::move(attributes);
    e.sourceName = QStringLiteral("unit");
    return e;
}

misp::Attribute makeAttr(const QString &type, const QString &value, std::optional<bool> toIds = true)
{
    misp::Attribute a;
    a.uuid = kAttrUuid;
    a.type = type;
    a.category = QStringLiteral("Network activity");
    a.value = value;
    a.toIds = toIds;
    a.timestamp = 1700000001;
    return a;
}

convert::ConversionPolicy fixedPolicy()
{
    convert::ConversionPolicy p;
    p.now = QDateTime(QDate(2024, 1, 1), QTime(0, 0), Qt::UTC);
    return p;
}

convert::ConversionResult convertOne(
    const misp::Attribute &a, convert::ConversionPolicy p = fixedPolicy(), QList<misp::Tag> eventTags = {})
{
    convert::Converter c(std::move(p));
    return c.convert(makeEvent({ a }, std::move(eventTags)));
}

QStringList patterns(const convert::ConversionResult &r)
{
    QStringList out;
    for (const auto &o : r.objects) {
        if (o.type == u"indicator")
            out.append(o.pattern);
    }
    return out;
}

} // namespace

class TestConverter final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void patternForType_data();
    void patternForType();
    void dropReasons_data();
    void dropReasons();
    void escaping_data();
    void escaping();
    void idsMatchMispStixAndAreStable();
    void derivedIdsAreUuid5();
    void timestamps();
    void expiryPolicy();
    void tlp_data();
    void tlp();
    void confidencePrecedence();
    void labelsAndFilters();
    void objectsSplitPerObservable();
    void bundleMode();
    void accountingAlwaysBalances();
    void writerIsDeterministicAndValidJson();
    void everyTypeIsCovered();
};

void TestConverter::patternForType_data()
{
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QStringList>("expected");
    auto row = [](const char *name, const char *type, const QString &value, const QStringList &expected) {
        QTest::newRow(name) << QString::fromLatin1(type) << value << expected;
    };
    row("ip-dst v4", "ip-dst", u"198.51.100.7"_qs, { u"[ipv4-addr:value = '198.51.100.7']"_qs });
    row("ip-src v6 canonical", "ip-src", u"2001:DB8:0:0:0:0:0:2"_qs, { u"[ipv6-addr:value = '2001:db8::2']"_qs });
    row("ip cidr", "ip-dst", u"198.51.100.0/24"_qs, { u"[ipv4-addr:value = '198.51.100.0/24']"_qs });
    row("ip /32 dropped suffix", "ip-dst", u"198.51.100.9/32"_qs, { u"[ipv4-addr:value = '198.51.100.9']"_qs });
    row("ip-dst|port", "ip-dst|port", u"203.0.113.5|443"_qs, { u"[ipv4-addr:value = '203.0.113.5']"_qs });
    row("ip-src|port colon", "ip-src|port", u"203.0.113.6:8080"_qs, { u"[ipv4-addr:value = '203.0.113.6']"_qs });
    row("domain lower", "domain", u"Evil.Example.COM."_qs, { u"[domain-name:value = 'evil.example.com']"_qs });
    row("hostname refang", "hostname", u"c2[.]example[.]net"_qs, { u"[domain-name:value = 'c2.example.net']"_qs });
    row("domain|ip",
        "domain|ip",
        u"evil.example.org|192.0.2.10"_qs,
        { u"[domain-name:value = 'evil.example.org']"_qs, u"[ipv4-addr:value = '192.0.2.10']"_qs });
    row("hostname|port", "hostname|port", u"c2.example.com|4444"_qs, { u"[domain-name:value = 'c2.example.com']"_qs });
    row("url refang", "url", u"hxxps://evil[.]example.com/a"_qs, { u"[url:value = 'https://evil.example.com/a']"_qs });
    row("md5 lower",
        "md5",
        u"D41D8CD98F00B204E9800998ECF8427E"_qs,
        { u"[file:hashes.MD5 = 'd41d8cd98f00b204e9800998ecf8427e']"_qs });
    row("sha1",
        "sha1",
        u"da39a3ee5e6b4b0d3255bfef95601890afd80709"_qs,
        { u"[file:hashes.'SHA-1' = 'da39a3ee5e6b4b0d3255bfef95601890afd80709']"_qs });
    row("sha256", "sha256", QString(64, u'a'), { u"[file:hashes.'SHA-256' = '"_qs + QString(64, u'a') + u"']"_qs });
    row("sha3-256",
        "sha3-256",
        QString(64, u'b'),
        { u"[file:hashes.'SHA3-256' = '"_qs + QString(64, u'b') + u"']"_qs });
    row("sha512/256 named exactly",
        "sha512/256",
        QString(64, u'c'),
        { u"[file:hashes.'SHA-512/256' = '"_qs + QString(64, u'c') + u"']"_qs });
    row("ssdeep", "ssdeep", u"3:abc:def"_qs, { u"[file:hashes.SSDEEP = '3:abc:def']"_qs });
    row("tlsh", "tlsh", QString(70, u'1'), { u"[file:hashes.TLSH = '"_qs + QString(70, u'1') + u"']"_qs });
    row("filename|sha256 keeps hash",
        "filename|sha256",
        u"a.exe|"_qs + QString(64, u'D'),
        { u"[file:name = 'a.exe']"_qs, u"[file:hashes.'SHA-256' = '"_qs + QString(64, u'd') + u"']"_qs });
    row("filename|md5",
        "filename|md5",
        u"b.dll|"_qs + QString(32, u'e'),
        { u"[file:name = 'b.dll']"_qs, u"[file:hashes.MD5 = '"_qs + QString(32, u'e') + u"']"_qs });
    row("filename|ssdeep",
        "filename|ssdeep",
        u"c.bin|12:ab:cd"_qs,
        { u"[file:name = 'c.bin']"_qs, u"[file:hashes.SSDEEP = '12:ab:cd']"_qs });
    row("email-src", "email-src", u"Attacker@Example.COM"_qs, { u"[email-addr:value = 'attacker@example.com']"_qs });
    row("email refang", "email", u"x[at]example[.]org"_qs, { u"[email-addr:value = 'x@example.org']"_qs });
    row("email-subject", "email-subject", u"Hello"_qs, { u"[email-message:subject = 'Hello']"_qs });
    row("mac", "mac-address", u"00-1A-2B-3C-4D-5E"_qs, { u"[mac-addr:value = '00:1a:2b:3c:4d:5e']"_qs });
    row("AS", "AS", u"AS64496"_qs, { u"[autonomous-system:number = '64496']"_qs });
    row("AS asdot", "AS", u"1.10"_qs, { u"[autonomous-system:number = '65546']"_qs });
    row("mutex", "mutex", u"Global\\Evil"_qs, { u"[mutex:name = 'Global\\\\Evil']"_qs });
    row("regkey",
        "regkey",
        u"HKLM\\Software\\Run"_qs,
        { u"[windows-registry-key:key = 'HKLM\\\\Software\\\\Run']"_qs });
    row("regkey|value",
        "regkey|value",
        u"HKCU\\Evil|%APPDATA%\\e.exe"_qs,
        { u"[windows-registry-key:key = 'HKCU\\\\Evil']"_qs });
    row("user-agent",
        "user-agent",
        u"Mozilla/5.0 (\"Evil\")"_qs,
        { u"[network-traffic:extensions.'http-request-ext'.request_header.'User-Agent' = 'Mozilla/5.0 (\"Evil\")']"_qs });
    row("x509 sha1",
        "x509-fingerprint-sha1",
        u"A9:99:3E:36:47:06:81:6A:BA:3E:25:71:78:50:C2:6C:9C:D0:D8:9D"_qs,
        { u"[x509-certificate:hashes.'SHA-1' = 'a9993e364706816aba3e25717850c26c9cd0d89d']"_qs });
    row("port", "port", u"4444"_qs, { u"[network-traffic:dst_port = '4444']"_qs });
    row("filename", "filename", u"evil.exe"_qs, { u"[file:name = 'evil.exe']"_qs });
    // Values that normalisation changes next to ones it shares unchanged (valuecheck's fast path).
    row("ip padded", "ip-dst", u"  198.51.100.8 "_qs, { u"[ipv4-addr:value = '198.51.100.8']"_qs });
    row("domain padded", "domain", u" evil.example.net "_qs, { u"[domain-name:value = 'evil.example.net']"_qs });
    row("domain kelvin sign", "domain", u"\u212Aa.example.com"_qs, { u"[domain-name:value = 'ka.example.com']"_qs });
    row("domain idn", "domain", u"b\u00FCcher.example"_qs, { u"[domain-name:value = 'xn--bcher-kva.example']"_qs });
    row("url padded", "url", u" https://x.example/a "_qs, { u"[url:value = 'https://x.example/a']"_qs });
    row("md5 quoted",
        "md5",
        u" \"d41d8cd98f00b204e9800998ecf8427e\" "_qs,
        { u"[file:hashes.MD5 = 'd41d8cd98f00b204e9800998ecf8427e']"_qs });
}

void TestConverter::patternForType()
{
    QFETCH(QString, type);
    QFETCH(QString, value);
    QFETCH(QStringList, expected);
    const auto r = convertOne(makeAttr(type, value));
    QCOMPARE(patterns(r), expected);
    QCOMPARE(r.outcomes.size(), 1);
    QCOMPARE(r.outcomes.first().status, ItemOutcome::Status::Converted);
    QCOMPARE(r.outcomes.first().stixIds.size(), expected.size());
    for (const auto &o : r.objects) {
        QCOMPARE(o.mispType, type);
        QVERIFY(!o.observableType.isEmpty());
        QVERIFY(o.pattern.contains(stix::escapePatternValue(o.observableValue)));
    }
}

void TestConverter::dropReasons_data()
{
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("value");
    QTest::addColumn<int>("toIds"); // -1 absent
    QTest::addColumn<bool>("dropPrivate");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("reason");
    const int drop = int(ItemOutcome::Status::Dropped);
    const int error = int(ItemOutcome::Status::Error);
    QTest::newRow("unsupported") << u"text"_qs << u"hello"_qs << 1 << false << drop << u"unsupported type text"_qs;
    QTest::newRow("not to_ids") << u"ip-dst"_qs << u"198.51.100.1"_qs << 0 << false << drop << u"not to_ids"_qs;
    QTest::newRow("default to_ids of AS is false")
        << u"AS"_qs << u"64496"_qs << -1 << false << drop << u"not to_ids"_qs;
    QTest::newRow("bad ipv4") << u"ip-dst"_qs << u"999.1.1.1"_qs << 1 << false << drop << u"invalid IPv4 address"_qs;
    QTest::newRow("bad ipv6") << u"ip-dst"_qs << u"2001:db8::zz"_qs << 1 << false << drop << u"invalid IPv6 address"_qs;
    QTest::newRow("bad cidr") << u"ip-dst"_qs << u"10.0.0.0/33"_qs << 1 << false << drop
                              << u"invalid IPv4 address: prefix length above 32"_qs;
    QTest::newRow("domain space") << u"domain"_qs << u"bad domain.com"_qs << 1 << false << drop
                                  << u"invalid domain name: character ' ' not allowed"_qs;
    QTest::newRow("domain label dash") << u"domain"_qs << u"-bad.example.com"_qs << 1 << false << drop
                                       << u"invalid domain name: label starts or ends with '-'"_qs;
    QTest::newRow("domain one label") << u"hostname"_qs << u"localhost"_qs << 1 << false << drop
                                      << u"invalid domain name: needs at least two labels"_qs;
    QTest::newRow("url relative") << u"url"_qs << u"/wp-admin/x.php"_qs << 1 << false << drop
                                  << u"invalid URL: not absolute (no scheme)"_qs;
    QTest::newRow("md5 short") << u"md5"_qs << u"d41d8cd98f00b204e9800998ecf8427"_qs << 1 << false << drop
                               << u"invalid MD5 hash: 31 characters, expected 32"_qs;
    QTest::newRow("sha1 not hex") << u"sha1"_qs << u"zz39a3ee5e6b4b0d3255bfef95601890afd80709"_qs << 1 << false << drop
                                  << u"invalid SHA1 hash: not hexadecimal"_qs;
    QTest::newRow("email") << u"email-src"_qs << u"not-an-email"_qs << 1 << false << drop
                           << u"invalid email address"_qs;
    QTest::newRow("private") << u"ip-dst"_qs << u"10.1.2.3"_qs << 1 << true << drop
                             << u"private or reserved address: 10.1.2.3"_qs;
    QTest::newRow("private kept by default")
        << u"ip-dst"_qs << u"10.1.2.3"_qs << 1 << false << int(ItemOutcome::Status::Converted) << QString();
    QTest::newRow("no value") << u"ip-dst"_qs << QString() << 1 << false << error << u"attribute has no value"_qs;
    QTest::newRow("no type") << QString() << u"1.2.3.4"_qs << 1 << false << error << u"attribute has no type"_qs;
    QTest::newRow("composite without separator") << u"filename|md5"_qs << u"abc"_qs << 1 << false << drop
                                                 << u"invalid filename|md5: no '|' between file name and hash"_qs;
}

void TestConverter::dropReasons()
{
    QFETCH(QString, type);
    QFETCH(QString, value);
    QFETCH(int, toIds);
    QFETCH(bool, dropPrivate);
    QFETCH(int, status);
    QFETCH(QString, reason);
    auto p = fixedPolicy();
    p.dropPrivateAddresses = dropPrivate;
    const auto r = convertOne(makeAttr(type, value, toIds < 0 ? std::nullopt : std::optional<bool>(toIds == 1)), p);
    QCOMPARE(r.outcomes.size(), 1);
    QCOMPARE(int(r.outcomes.first().status), status);
    QCOMPARE(r.outcomes.first().reason, reason);
    QCOMPARE(r.objects.isEmpty(), status != int(ItemOutcome::Status::Converted));
}

void TestConverter::escaping_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("escaped");
    QTest::newRow("quote") << u"o'neil.doc"_qs << u"o\\'neil.doc"_qs;
    QTest::newRow("backslash then quote") << u"a\\'b"_qs << u"a\\\\\\'b"_qs;
    QTest::newRow("double quotes kept") << u"say \"hi\""_qs << u"say \"hi\""_qs;
    QTest::newRow("windows path") << u"C:\\Users\\x"_qs << u"C:\\\\Users\\\\x"_qs;
}

void TestConverter::escaping()
{
    QFETCH(QString, value);
    QFETCH(QString, escaped);
    QCOMPARE(stix::escapePatternValue(value), escaped);
    const auto r = convertOne(makeAttr(u"filename"_qs, value));
    QCOMPARE(patterns(r), QStringList { u"[file:name = '"_qs + escaped + u"']"_qs });
}

void TestConverter::idsMatchMispStixAndAreStable()
{
    const auto a = makeAttr(u"ip-dst"_qs, u"198.51.100.7"_qs);
    const auto r1 = convertOne(a);
    const auto r2 = convertOne(a);
    QCOMPARE(r1.objects.size(), 1);
    QCOMPARE(r1.objects.first().id, u"indicator--"_qs + kAttrUuid);
    QCOMPARE(r2.objects.first().id, r1.objects.first().id);
    // Upper-case uuids are normalised, as STIX ids are lower-case.
    auto upper = a;
    upper.uuid = kAttrUuid.toUpper();
    QCOMPARE(convertOne(upper).objects.first().id, u"indicator--"_qs + kAttrUuid);
}

void TestConverter::derivedIdsAreUuid5()
{
    const auto a = makeAttr(u"domain|ip"_qs, u"evil.example.org|192.0.2.10"_qs);
    const auto r = convertOne(a);
    QCOMPARE(r.objects.size(), 2);
    QCOMPARE(r.objects.at(0).id,
        u"indicator--"_qs + uuid5(kMsbUuidNamespace, kAttrUuid + u"|domain-name:value|evil.example.org"_qs));
    QCOMPARE(r.objects.at(1).id,
        u"indicator--"_qs + uuid5(kMsbUuidNamespace, kAttrUuid + u"|ipv4-addr:value|192.0.2.10"_qs));
    QCOMPARE(convertOne(a).objects.at(1).id, r.objects.at(1).id);
    // No uuid: derived from the event uuid and the observable, never random.
    auto noUuid = makeAttr(u"ip-dst"_qs, u"198.51.100.8"_qs);
    noUuid.uuid.clear();
    const auto n1 = convertOne(noUuid);
    QCOMPARE(n1.objects.first().id,
        u"indicator--"_qs + uuid5(kMsbUuidNamespace, kEventUuid + u"|ipv4-addr:value|198.51.100.8"_qs));
    QCOMPARE(convertOne(noUuid).objects.first().id, n1.objects.first().id);
}

void TestConverter::timestamps()
{
    auto a = makeAttr(u"domain"_qs, u"example.com"_qs);
    const auto r = convertOne(a);
    const auto &o = r.objects.first();
    QCOMPARE(o.created, QDateTime::fromSecsSinceEpoch(1700000001, Qt::UTC));
    QCOMPARE(o.modified, o.created);
    QCOMPARE(o.validFrom, o.created);
    QVERIFY(!o.validUntil.isValid());
    const QByteArray json = stix::toJson(o);
    QVERIFY(json.contains("\"created\":\"2023-11-14T22:13:21.000Z\""));
    QVERIFY(json.contains("\"valid_from\":\"2023-11-14T22:13:21Z\""));
    // first_seen / last_seen win; microseconds are cut to milliseconds.
    a.firstSeen = u"2023-01-02T03:04:05.123456+00:00"_qs;
    a.lastSeen = u"2023-02-02T03:04:05+00:00"_qs;
    auto keep = fixedPolicy();
    keep.dropExpired = false;
    const auto s = convertOne(a, keep).objects.first();
    QCOMPARE(s.validFrom, QDateTime(QDate(2023, 1, 2), QTime(3, 4, 5, 123), Qt::UTC));
    QCOMPARE(s.validUntil, QDateTime(QDate(2023, 2, 2), QTime(3, 4, 5), Qt::UTC));
    // modified rises when MISP changes the attribute.
    a.timestamp = 1700000999;
    QVERIFY(convertOne(a, keep).objects.first().modified > o.modified);
}

void TestConverter::expiryPolicy()
{
    auto p = fixedPolicy();
    p.dropExpired = true;
    p.expiryDaysByType.insert(u"ipv4-addr"_qs, 30);
    p.defaultExpiryDays = 365;
    // 2023-11-14 + 30 days is before "now" (2024-01-01): expired.
    const auto ip = convertOne(makeAttr(u"ip-dst"_qs, u"198.51.100.7"_qs), p);
    QCOMPARE(ip.outcomes.first().reason, u"expired"_qs);
    // Domain uses the default 365 days: still valid; the type key is the STIX type, not pattern text
    // (a domain containing "ipv4-addr" must not pick up the IP rule).
    const auto d = convertOne(makeAttr(u"domain"_qs, u"ipv4-addr.example.com"_qs), p);
    QCOMPARE(d.objects.size(), 1);
    QCOMPARE(d.objects.first().validUntil, d.objects.first().validFrom.addDays(365));
    // From "now".
    p.expiryBase = convert::ExpiryBase::Now;
    const auto n = convertOne(makeAttr(u"ip-dst"_qs, u"198.51.100.7"_qs), p);
    QCOMPARE(n.objects.first().validUntil, p.now.addDays(30));
}

void TestConverter::tlp_data()
{
    QTest::addColumn<QString>("tag");
    QTest::addColumn<QString>("marking");
    QTest::addColumn<int>("level");
    QTest::newRow("white") << u"tlp:white"_qs << stix::tlpMarkingId(stix::Tlp::White) << int(stix::Tlp::White);
    QTest::newRow("green upper") << u"TLP:GREEN"_qs << u"marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da"_qs
                                 << int(stix::Tlp::Green);
    QTest::newRow("amber spaced") << u" tlp:amber "_qs << u"marking-definition--f88d31f6-486f-44da-b317-01333bde0b82"_qs
                                  << int(stix::Tlp::Amber);
    QTest::newRow("red") << u"tlp:red"_qs << u"marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed"_qs
                         << int(stix::Tlp::Red);
    QTest::newRow("clear (TLP 2.0)") << u"tlp:clear"_qs
                                     << u"marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487"_qs
                                     << int(stix::Tlp::Clear);
    QTest::newRow("amber+strict (TLP 2.0)")
        << u"TLP:Amber+Strict"_qs << u"marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003"_qs
        << int(stix::Tlp::AmberStrict);
}

void TestConverter::tlp()
{
    QFETCH(QString, tag);
    QFETCH(QString, marking);
    QFETCH(int, level);
    auto a = makeAttr(u"domain"_qs, u"example.com"_qs);
    a.tags = { { tag, false } };
    convert::Converter c(fixedPolicy());
    const auto r = c.convert(makeEvent({ a }));
    QCOMPARE(r.objects.first().objectMarkingRefs, QStringList { marking });
    QCOMPARE(int(r.objects.first().tlp), level);
    QVERIFY(!r.objects.first().labels.contains(tag)); // mapped, not a label
    const auto defs = c.markingDefinitions();
    QCOMPARE(defs.size(), 1);
    QCOMPARE(defs.first().id, marking);
    // Event TLP applies when the attribute has none; the attribute's wins otherwise.
    const auto e = convertOne(makeAttr(u"domain"_qs, u"example.com"_qs), fixedPolicy(), { { tag, false } });
    QCOMPARE(e.objects.first().objectMarkingRefs, QStringList { marking });
    auto red = makeAttr(u"domain"_qs, u"example.com"_qs);
    red.tags = { { u"tlp:red"_qs, false } };
    QCOMPARE(convertOne(red, fixedPolicy(), { { tag, false } }).objects.first().tlp, stix::Tlp::Red);
}

void TestConverter::confidencePrecedence()
{
    auto p = fixedPolicy();
    p.defaultConfidence = 40;
    auto a = makeAttr(u"domain"_qs, u"example.com"_qs);
    QCOMPARE(convertOne(a, p).objects.first().confidence, 40);
    const QList<misp::Tag> eventTags { { u"misp:confidence-level=\"usually-confident\""_qs, false } };
    QCOMPARE(convertOne(a, p, eventTags).objects.first().confidence, 75);
    a.tags = { { u"misp:confidence-level=\"rarely-confident\""_qs, false } };
    QCOMPARE(convertOne(a, p, eventTags).objects.first().confidence, 25);
}

void TestConverter::labelsAndFilters()
{
    auto a = makeAttr(u"domain"_qs, u"example.com"_qs);
    a.tags = { { u"kill-chain:Delivery"_qs, false }, { u"internal:secret"_qs, true }, { u"tlp:green"_qs, false } };
    a.galaxies = { { u"c"_qs,
        u"mitre-attack-pattern"_qs,
        u"Attack Pattern"_qs,
        u"Phishing - T1566"_qs,
        u"misp-galaxy:mitre-attack-pattern=\"Phishing - T1566\""_qs,
        QString() } };
    const QList<misp::Tag> eventTags { { u"campaign:demo"_qs, false } };
    auto p = fixedPolicy();
    auto labels = convertOne(a, p, eventTags).objects.first().labels;
    QCOMPARE(labels,
        (QStringList { u"kill-chain:Delivery"_qs,
            u"misp-galaxy:mitre-attack-pattern=\"Phishing - T1566\""_qs,
            u"campaign:demo"_qs }));
    p.keepLocalTags = true;
    p.galaxiesAsLabels = false;
    p.labelExcludePrefixes = { u"campaign:"_qs };
    labels = convertOne(a, p, eventTags).objects.first().labels;
    QCOMPARE(labels, (QStringList { u"kill-chain:Delivery"_qs, u"internal:secret"_qs }));
    const auto o = convertOne(a, p).objects.first();
    QCOMPARE(o.killChainPhases.size(), 1);
    QCOMPARE(o.killChainPhases.first().phaseName, u"Network activity"_qs);
    QCOMPARE(o.createdByRef, u"identity--0b7e3a6c-5d2f-4c1a-9e8b-1f2a3b4c5d6e"_qs);
    QCOMPARE(o.externalReferences.first().externalId, kEventUuid);
}

void TestConverter::objectsSplitPerObservable()
{
    misp::Object obj;
    obj.uuid = u"bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb"_qs;
    obj.name = u"file"_qs;
    obj.metaCategory = u"file"_qs;
    auto f = makeAttr(u"filename"_qs, u"x.exe"_qs);
    f.uuid = u"cccccccc-cccc-4ccc-8ccc-cccccccccccc"_qs;
    f.objectRelation = u"filename"_qs;
    auto h = makeAttr(u"sha256"_qs, QString(64, u'f'));
    h.uuid = u"dddddddd-dddd-4ddd-8ddd-dddddddddddd"_qs;
    h.objectRelation = u"sha256"_qs;
    auto s = makeAttr(u"size-in-bytes"_qs, u"100"_qs, std::nullopt); // default to_ids false
    s.uuid = u"eeeeeeee-eeee-4eee-8eee-eeeeeeeeeeee"_qs;
    obj.attributes = { f, h, s };
    auto e = makeEvent({});
    e.objects = { obj };
    convert::Converter c(fixedPolicy());
    const auto r = c.convert(e);
    QCOMPARE(patterns(r),
        (QStringList { u"[file:name = 'x.exe']"_qs, u"[file:hashes.'SHA-256' = '"_qs + QString(64, u'f') + u"']"_qs }));
    QCOMPARE(r.outcomes.size(), 3);
    QCOMPARE(r.outcomes.at(2).reason, u"not to_ids"_qs);
    QVERIFY(r.objects.first().description.contains(u"MISP object file"_qs));
    QVERIFY(r.objects.first().description.contains(u"sha256="_qs)); // context of the sibling values
}

void TestConverter::bundleMode()
{
    auto p = fixedPolicy();
    p.mode = convert::OutputMode::Bundle;
    auto a = makeAttr(u"ip-dst"_qs, u"198.51.100.7"_qs);
    a.tags = { { u"tlp:amber"_qs, false } };
    convert::Converter c(p);
    auto e = makeEvent({ a });
    e.published = true;
    e.publishTimestamp = 1700000100;
    const auto r = c.convert(e);
    QCOMPARE(r.objects.size(), 3);
    QCOMPARE(r.objects.at(0).type, u"identity"_qs);
    QCOMPARE(r.objects.at(1).id, u"report--"_qs + kEventUuid);
    QCOMPARE(
        r.objects.at(1).extra.value(u"object_refs"_qs).toArray().first().toString(), u"indicator--"_qs + kAttrUuid);
    QCOMPARE(r.objects.at(2).id, u"indicator--"_qs + kAttrUuid);
    QCOMPARE(r.objects.at(2).pattern,
        u"[network-traffic:dst_ref.type = 'ipv4-addr' AND network-traffic:dst_ref.value = '198.51.100.7']"_qs);
    QVERIFY(r.objects.at(2).labels.contains(u"misp:type=\"ip-dst\""_qs));
    QCOMPARE(c.markingDefinitions().size(), 1);
    // Unpublished → grouping with a context.
    e.published = false;
    c.reset();
    const auto g = c.convert(e);
    QCOMPARE(g.objects.at(1).type, u"grouping"_qs);
    QCOMPARE(g.objects.at(1).extra.value(u"context"_qs).toString(), u"suspicious-activity"_qs);
}

void TestConverter::accountingAlwaysBalances()
{
    QList<misp::Attribute> attrs { makeAttr(u"ip-dst"_qs, u"198.51.100.7"_qs),
        makeAttr(u"text"_qs, u"x"_qs),
        makeAttr(u"md5"_qs, u"bad"_qs),
        makeAttr(QString(), QString()) };
    attrs.append(attrs.first()); // same uuid twice: duplicate id
    convert::Converter c(fixedPolicy());
    const auto r = c.convert(makeEvent(attrs));
    const auto &acc = r.accounts.first();
    QCOMPARE(acc.total, 5);
    QCOMPARE(acc.converted, 1);
    QCOMPARE(acc.dropped, 3);
    QCOMPARE(acc.errors, 1);
    QCOMPARE(r.outcomes.at(4).reason, u"duplicate id"_qs);
    QCOMPARE(r.dropsByReason().value(u"invalid MD5 hash"_qs), 1);
}

void TestConverter::writerIsDeterministicAndValidJson()
{
    auto a = makeAttr(u"filename"_qs, u"tab\there \"q\" \\ é 😀"_qs);
    a.comment = u"line1\nline2\u0001"_qs;
    const auto r = convertOne(a);
    const QByteArray json = stix::toJson(r.objects.first());
    QCOMPARE(stix::toJson(convertOne(a).objects.first()), json);
    QJsonParseError err;
    const QJsonObject o = QJsonDocument::fromJson(json, &err).object();
    QCOMPARE(err.error, QJsonParseError::NoError);
    QVERIFY(json.startsWith("{\"type\":\"indicator\",\"spec_version\":\"2.1\",\"id\":"));
    QCOMPARE(o.value(u"pattern"_qs).toString(), r.objects.first().pattern);
    QCOMPARE(o.value(u"description"_qs).toString(), r.objects.first().description);
    QVERIFY(!o.contains(u"observableType"_qs));
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    stix::BundleWriter w(&buffer, u"bundle--"_qs + kEventUuid);
    QVERIFY(w.add(r.objects.first()));
    QVERIFY(w.add(stix::tlpMarkingDefinition(stix::Tlp::Clear)));
    QVERIFY(w.finish());
    const QJsonObject bundle = QJsonDocument::fromJson(buffer.data()).object();
    QCOMPARE(bundle.value(u"type"_qs).toString(), u"bundle"_qs);
    QCOMPARE(bundle.value(u"objects"_qs).toArray().size(), 2);
}

void TestConverter::everyTypeIsCovered()
{
    // misp-stix mapping §6: every type that becomes an indicator is supported.
    for (const char *t : { "ip-src",
             "ip-dst",
             "ip-src|port",
             "ip-dst|port",
             "domain",
             "hostname",
             "domain|ip",
             "hostname|port",
             "url",
             "uri",
             "link",
             "md5",
             "sha1",
             "sha224",
             "sha256",
             "sha384",
             "sha512",
             "sha3-224",
             "sha3-256",
             "sha3-384",
             "sha3-512",
             "sha512/224",
             "sha512/256",
             "ssdeep",
             "tlsh",
             "imphash",
             "authentihash",
             "vhash",
             "pehash",
             "telfhash",
             "impfuzzy",
             "cdhash",
             "filename|md5",
             "filename|sha256",
             "filename|tlsh",
             "filename|sha3-512",
             "filename",
             "malware-sample",
             "attachment",
             "email",
             "email-src",
             "email-dst",
             "email-subject",
             "email-reply-to",
             "email-x-mailer",
             "email-attachment",
             "email-body",
             "email-header",
             "email-message-id",
             "mac-address",
             "AS",
             "regkey",
             "regkey|value",
             "mutex",
             "user-agent",
             "http-method",
             "port",
             "size-in-bytes",
             "x509-fingerprint-md5",
             "x509-fingerprint-sha1",
             "x509-fingerprint-sha256",
             "github-username",
             "sigma",
             "snort",
             "suricata",
             "yara" })
        QVERIFY2(convert::isSupportedType(QString::fromLatin1(t)), t);
    qInfo("supported MISP types: %d", convert::supportedTypeCount());
}

QTEST_GUILESS_MAIN(TestConverter)
#include "tst_converter.moc"
