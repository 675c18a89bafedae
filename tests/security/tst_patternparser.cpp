// SPDX-License-Identifier: BSD-2-Clause
// The STIX pattern parser: accepts the STIX 2.1 grammar, rejects broken patterns with a column,
// and gives back exactly the value escapePatternValue() put in (no pattern injection).
#include "core/stix/pattern.h"
#include "core/stix/patternparser.h"

#include <QRandomGenerator>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace msb::stix;

class TestPatternParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void acceptsValidPatterns_data()
    {
        QTest::addColumn<QString>("pattern");
        QTest::addColumn<int>("comparisons");
        QTest::addColumn<QString>("firstPath");
        QTest::addColumn<QString>("firstValue");
        QTest::newRow("ipv4") << u"[ipv4-addr:value = '198.51.100.7']"_s << 1 << u"ipv4-addr:value"_s
                              << u"198.51.100.7"_s;
        QTest::newRow("quoted hash path")
            << u"[file:hashes.'SHA-256' = 'aa']"_s << 1 << u"file:hashes.'SHA-256'"_s << u"aa"_s;
        QTest::newRow("escaped quote") << uR"([url:value = 'http://x/?a=\'b\'&c'])"_s << 1 << u"url:value"_s
                                       << u"http://x/?a='b'&c"_s;
        QTest::newRow("escaped backslash") << uR"([windows-registry-key:key = 'HKLM\\Software\\'])"_s << 1
                                           << u"windows-registry-key:key"_s << uR"(HKLM\Software\)"_s;
        QTest::newRow("and or") << u"[file:name = 'a' AND file:size > 10 OR file:name = 'b']"_s << 3 << u"file:name"_s
                                << u"a"_s;
        QTest::newRow("parens") << u"[(file:name = 'a' OR file:name = 'b') AND file:size <= 5]"_s << 3 << u"file:name"_s
                                << u"a"_s;
        QTest::newRow("list index") << u"[email-message:to_refs[*].value = 'x@example.org']"_s << 1
                                    << u"email-message:to_refs[*].value"_s << u"x@example.org"_s;
        QTest::newRow("ext path") << u"[file:extensions.'windows-pebinary-ext'.sections[0].entropy > 7.5]"_s << 1
                                  << u"file:extensions.'windows-pebinary-ext'.sections[0].entropy"_s << u"7.5"_s;
        QTest::newRow("not in set") << u"[ipv4-addr:value NOT IN ('10.0.0.1', '10.0.0.2')]"_s << 1
                                    << u"ipv4-addr:value"_s << QString();
        QTest::newRow("like") << u"[domain-name:value LIKE '%.example.com']"_s << 1 << u"domain-name:value"_s
                              << u"%.example.com"_s;
        QTest::newRow("matches") << uR"([process:command_line MATCHES '^cmd\\.exe'])"_s << 1
                                 << u"process:command_line"_s << uR"(^cmd\.exe)"_s;
        QTest::newRow("exists") << u"[EXISTS windows-registry-key:values]"_s << 1 << u"windows-registry-key:values"_s
                                << QString();
        QTest::newRow("observations") << u"[a:b = 1] AND [c:d = true] FOLLOWEDBY [e:f != 'x'] WITHIN 300 SECONDS"_s << 3
                                      << u"a:b"_s << u"1"_s;
        QTest::newRow("start stop")
            << u"[file:name = 'x'] START t'2016-06-01T00:00:00Z' STOP t'2016-07-01T00:00:00.123Z'"_s << 1
            << u"file:name"_s << u"x"_s;
        QTest::newRow("repeats") << u"([x:y = h'00ff'] OR [x:z = b'AAEC']) REPEATS 5 TIMES"_s << 2 << u"x:y"_s
                                 << u"00ff"_s;
        QTest::newRow("unicode") << u"[file:name = 'Übersicht – 条イ音.exe']"_s << 1 << u"file:name"_s
                                 << u"Übersicht – 条イ音.exe"_s;
        QTest::newRow("empty string") << u"[file:name = '']"_s << 1 << u"file:name"_s << QString();
    }
    void acceptsValidPatterns()
    {
        QFETCH(QString, pattern);
        QFETCH(int, comparisons);
        QFETCH(QString, firstPath);
        QFETCH(QString, firstValue);
        const auto parsed = parsePattern(pattern);
        QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error().message));
        const auto all = parsed.value().comparisons();
        QCOMPARE(int(all.size()), comparisons);
        QCOMPARE(all.front().path.toString(), firstPath);
        QCOMPARE(all.front().literal.value, firstValue);
        // The canonical text parses to the same canonical text (the fuzz round-trip property).
        const QString canonical = formatPattern(parsed.value());
        const auto again = parsePattern(canonical);
        QVERIFY2(again.ok(), qPrintable(canonical));
        QCOMPARE(formatPattern(again.value()), canonical);
    }

    void rejectsBrokenPatterns_data()
    {
        QTest::addColumn<QString>("pattern");
        QTest::addColumn<QString>("reason");
        QTest::newRow("empty") << QString() << u"column 1: expected '[' or '('"_s;
        QTest::newRow("unterminated string") << u"[file:name = 'abc]"_s << u"column 14: unterminated string"_s;
        QTest::newRow("unescaped quote") << u"[file:name = 'a'b']"_s << u"column 17"_s;
        QTest::newRow("bad escape") << uR"([file:name = 'a\nb'])"_s << u"invalid escape"_s;
        QTest::newRow("trailing backslash") << uR"([file:name = 'ab\'])"_s << u"unterminated string"_s;
        QTest::newRow("no closing bracket") << u"[file:name = 'a'"_s << u"expected ']'"_s;
        QTest::newRow("no operator") << u"[file:name 'a']"_s << u"expected a comparison operator"_s;
        QTest::newRow("no colon") << u"[file.name = 'a']"_s << u"':' after the object type"_s;
        QTest::newRow("unquoted hyphen") << u"[file:hashes.SHA-256 = 'a']"_s << u"must be quoted"_s;
        QTest::newRow("lowercase and") << u"[a:b = 1 and a:c = 2]"_s << u"expected ']'"_s;
        QTest::newRow("bool with like") << u"[a:b LIKE true]"_s << u"needs a string literal"_s;
        QTest::newRow("bad hex") << u"[a:b = h'abc']"_s << u"even number of hex digits"_s;
        QTest::newRow("bad base64") << u"[a:b = b'A*==']"_s << u"not base64"_s;
        QTest::newRow("bad timestamp") << u"[a:b = t'2021-02-30T00:00:00Z']"_s << u"timestamp literal"_s;
        QTest::newRow("within no seconds") << u"[a:b = 1] WITHIN 5"_s << u"expected SECONDS"_s;
        QTest::newRow("trailing garbage") << u"[a:b = 1] ]"_s << u"expected the end of the pattern"_s;
        QTest::newRow("injection") << u"[file:name = 'x'] OR [file:name = 'y' ']"_s << u"unterminated string"_s;
        QTest::newRow("too deep") << QString(100, u'(') + u"[a:b = 1]"_s + QString(100, u')')
                                  << u"nested deeper than 64"_s;
    }
    void rejectsBrokenPatterns()
    {
        QFETCH(QString, pattern);
        QFETCH(QString, reason);
        const auto parsed = parsePattern(pattern);
        QVERIFY2(!parsed.ok(), qPrintable(pattern));
        QVERIFY2(parsed.error().message.contains(reason), qPrintable(parsed.error().message));
        QCOMPARE(parsed.error().code, msb::Error::Code::InvalidInput);
    }

    // Every value, however hostile, survives escape -> pattern -> parse unchanged: the same
    // property fuzz_pattern checks, here with a fixed seed so it runs in every build.
    void escapeRoundTrip_data()
    {
        QTest::addColumn<QString>("value");
        QTest::newRow("quote") << u"'"_s;
        QTest::newRow("backslash") << u"\\"_s;
        QTest::newRow("backslash quote") << u"\\'"_s;
        QTest::newRow("closing attempt") << u"x'] OR [file:name = 'y"_s;
        QTest::newRow("trailing backslash") << u"C:\\Windows\\"_s;
        QTest::newRow("double quote md5") << u"\"d41d8cd98f00b204e9800998ecf8427e\""_s;
        QTest::newRow("newline") << u"a\nb\r\n"_s;
        QTest::newRow("nul") << QString(QChar(0)) + u"x"_s;
    }
    void escapeRoundTrip()
    {
        QFETCH(QString, value);
        const QString pattern = equalityPattern(u"file:hashes.'SHA-256'", value);
        const auto parsed = parsePattern(pattern);
        QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error().message));
        const auto all = parsed.value().comparisons();
        QCOMPARE(int(all.size()), 1);
        QCOMPARE(all.front().literal.value, value);
        QCOMPARE(all.front().path.toString(), u"file:hashes.'SHA-256'"_s);
        QCOMPARE(unescapePatternValue(escapePatternValue(value)).value(), value);
    }

    void escapeRoundTripRandom()
    {
        QRandomGenerator rng(20260630);
        const char16_t alphabet[] = u"ab'\\ ]['\\\\=ORAND\n\u00e9\u6761";
        for (int i = 0; i < 5000; ++i) {
            QString value;
            const int len = int(rng.bounded(24));
            for (int k = 0; k < len; ++k)
                value.append(QChar(alphabet[rng.bounded(int(std::size(alphabet) - 1))]));
            const auto parsed = parsePattern(equalityPattern(u"url:value", value));
            QVERIFY2(parsed.ok(), qPrintable(value));
            const auto all = parsed.value().comparisons();
            QCOMPARE(int(all.size()), 1);
            QCOMPARE(all.front().literal.value, value);
        }
    }

    void unescapeRejectsInvalid()
    {
        QVERIFY(!unescapePatternValue(u"abc\\").ok());
        QVERIFY(!unescapePatternValue(u"a\\nb").ok());
        QCOMPARE(unescapePatternValue(u"a\\\\b\\'c").value(), u"a\\b'c"_s);
    }

    void pathsPrintCanonically()
    {
        const auto parsed = parsePattern(u"[x509-certificate:hashes.'SHA-1' = 'ab' AND x:'plain'[3].'it\\'s' = 1]");
        QVERIFY(parsed.ok());
        const auto all = parsed.value().comparisons();
        QCOMPARE(all.at(0).path.toString(), u"x509-certificate:hashes.'SHA-1'"_s);
        QCOMPARE(all.at(1).path.toString(), u"x:plain[3].'it\\'s'"_s);
        QCOMPARE(all.at(1).path.steps.at(2).name, u"it's"_s);
    }
};

QTEST_GUILESS_MAIN(TestPatternParser)
#include "tst_patternparser.moc"
