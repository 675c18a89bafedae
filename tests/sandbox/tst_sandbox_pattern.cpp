// SPDX-License-Identifier: BSD-2-Clause
// The sandbox's STIX pattern syntax check: what a strict receiver accepts and refuses.
#include "tests/sandbox/stixpatterncheck.h"

#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace msb::sandbox;

class TestSandboxPattern final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void valid_data()
    {
        QTest::addColumn<QString>("pattern");
        QTest::newRow("ipv4") << u"[ipv4-addr:value = '172.29.6.7']"_s;
        QTest::newRow("domain, no spaces") << u"[domain-name:value='example.com']"_s;
        QTest::newRow("file hash with quoted key") << u"[file:hashes.'SHA-256' = 'aec070645fe53ee3b3763059376134f0']"_s;
        QTest::newRow("file hash bare key") << u"[file:hashes.MD5 = 'd41d8cd98f00b204e9800998ecf8427e']"_s;
        QTest::newRow("escaped quote") << u"[url:value = 'http://x/it\\'s']"_s;
        QTest::newRow("escaped backslash") << u"[file:name = 'C:\\\\evil.exe']"_s;
        QTest::newRow("AND inside")
            << u"[network-traffic:dst_ref.type = 'ipv4-addr' AND network-traffic:dst_ref.value = '1.2.3.4']"_s;
        QTest::newRow("OR of observations") << u"[ipv4-addr:value = '1.2.3.4'] OR [ipv4-addr:value = '5.6.7.8']"_s;
        QTest::newRow("FOLLOWEDBY and WITHIN")
            << u"([file:name = 'a'] FOLLOWEDBY [file:name = 'b']) WITHIN 300 SECONDS"_s;
        QTest::newRow("REPEATS") << u"[ipv4-addr:value = '1.2.3.4'] REPEATS 5 TIMES"_s;
        QTest::newRow("START STOP")
            << u"[ipv4-addr:value = '1.2.3.4'] START t'2016-06-01T00:00:00Z' STOP t'2016-07-01T00:00:00Z'"_s;
        QTest::newRow("IN set") << u"[ipv4-addr:value IN ('1.2.3.4', '5.6.7.8')]"_s;
        QTest::newRow("NOT LIKE") << u"[domain-name:value NOT LIKE '%.example.com']"_s;
        QTest::newRow("MATCHES") << u"[url:value MATCHES '^https?://']"_s;
        QTest::newRow("ISSUBSET") << u"[ipv4-addr:value ISSUBSET '198.51.100.0/24']"_s;
        QTest::newRow("numbers and comparisons") << u"[file:size >= 1024 AND file:size < 2048.5]"_s;
        QTest::newRow("index and star") << u"[email-message:to_refs[*].value = 'a@b.c' AND x-custom:list[0] != 'x']"_s;
        QTest::newRow("EXISTS") << u"[EXISTS windows-registry-key:values]"_s;
        QTest::newRow("hex and binary")
            << u"[artifact:payload_bin = b'ZXhhbXBsZQ==' OR file:magic_number_hex = h'ffd8']"_s;
        QTest::newRow("boolean") << u"[process:is_hidden = true]"_s;
        QTest::newRow("parenthesised comparison") << u"[(file:name = 'a' OR file:name = 'b') AND file:size > 0]"_s;
    }

    void valid()
    {
        QFETCH(QString, pattern);
        QCOMPARE(stixPatternError(pattern), QString());
    }

    void invalid_data()
    {
        QTest::addColumn<QString>("pattern");
        QTest::addColumn<QString>("reason");
        QTest::newRow("empty") << u""_s << u"empty"_s;
        QTest::newRow("no brackets") << u"ipv4-addr:value = '1.2.3.4'"_s << u"expected '['"_s;
        QTest::newRow("unclosed bracket") << u"[ipv4-addr:value = '1.2.3.4'"_s << u"expected ']'"_s;
        QTest::newRow("open quote") << u"[ipv4-addr:value = '1.2.3.4]"_s << u"unterminated string"_s;
        QTest::newRow("double quotes") << u"[ipv4-addr:value = \"1.2.3.4\"]"_s << u"unexpected character"_s;
        QTest::newRow("no operator") << u"[ipv4-addr:value '1.2.3.4']"_s << u"comparison operator"_s;
        QTest::newRow("no value") << u"[ipv4-addr:value = ]"_s << u"expected a value"_s;
        QTest::newRow("no path") << u"[ipv4-addr = '1.2.3.4']"_s << u"':'"_s;
        QTest::newRow("upper-case type") << u"[IPv4-Addr:value = '1.2.3.4']"_s << u"invalid object type"_s;
        QTest::newRow("dangling AND") << u"[ipv4-addr:value = '1.2.3.4' AND]"_s << u"object type"_s;
        QTest::newRow("trailing text") << u"[ipv4-addr:value = '1.2.3.4'] garbage"_s << u"unexpected"_s;
        QTest::newRow("bad escape") << u"[url:value = 'a\\b']"_s << u"invalid escape"_s;
        QTest::newRow("WITHIN without SECONDS") << u"[file:name = 'a'] WITHIN 5"_s << u"SECONDS"_s;
        QTest::newRow("MISP free text") << u"1.2.3.4"_s << u"expected '['"_s;
        QTest::newRow("deep nesting") << (QString(200, u'(') + u"[file:name = 'a']"_s + QString(200, u')'))
                                      << u"nested too deeply"_s;
    }

    void invalid()
    {
        QFETCH(QString, pattern);
        QFETCH(QString, reason);
        const QString error = stixPatternError(pattern);
        QVERIFY2(error.contains(reason), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestSandboxPattern)
#include "tst_sandbox_pattern.moc"
