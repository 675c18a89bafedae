// SPDX-License-Identifier: BSD-2-Clause
// The converter's hot-path helpers against their plain Qt equivalents: FixedStringMap against
// QHash, UuidSet against QSet<QUuid>, parseUuid/prefixedUuid against QUuid's own parsing and
// formatting, hexDigitValue against QChar arithmetic.
#include "core/util/fixedstringmap.h"
#include "core/util/hexdigits.h"
#include "core/util/uuid5.h"
#include "core/util/uuidset.h"

#include <QHash>
#include <QRandomGenerator>
#include <QSet>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace msb;

class TestLookupTables final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fixedStringMapMatchesQHash()
    {
        FixedStringMap<int> map;
        QHash<QString, int> reference;
        for (int i = 0; i < 500; ++i) { // grows several times
            const QString key = u"type-"_s + QString::number(i * 7919);
            map.insert(key, i);
            reference.insert(key, i);
        }
        map.insert(u"type-0"_s, -5); // replaces
        reference.insert(u"type-0"_s, -5);
        QCOMPARE(map.size(), reference.size());
        for (auto it = reference.cbegin(); it != reference.cend(); ++it) {
            QVERIFY(map.contains(it.key()));
            QCOMPARE(map.value(it.key()), it.value());
        }
        QVERIFY(!map.contains(u"type-1"_s));
        QVERIFY(!map.contains(QStringView()));
        QCOMPARE(map.value(u"absent"_s, 42), 42);
        QCOMPARE(FixedStringMap<int>().find(u"x"), nullptr);
        // A lookup key that is a view into a longer text.
        const QString text = u"ip-dst|port"_s;
        const FixedStringMap<int> types { { u"ip-dst"_s, 1 }, { u"ip-dst|port"_s, 2 } };
        QCOMPARE(types.value(QStringView(text).left(6)), 1);
        QCOMPARE(types.value(text), 2);
        QCOMPARE(types.keys().size(), 2);
    }

    void uuidSetMatchesQSet()
    {
        UuidSet set;
        QSet<QUuid> reference;
        QRandomGenerator random(7);
        QList<QUuid> seen;
        for (int i = 0; i < 20000; ++i) {
            QUuid u;
            const int kind = i % 4;
            if (kind == 0 && !seen.isEmpty())
                u = seen.at(int(random.bounded(quint32(seen.size())))); // a duplicate
            else if (kind == 1) // hand-made: only the last digits differ
                u = QUuid::fromString(u"aaaaaaaa-0000-4000-8000-%1"_s.arg(i, 12, 10, QLatin1Char('0')));
            else
                u = QUuid::createUuidV5(QUuid(), QString::number(i));
            seen.append(u);
            const bool added = !reference.contains(u);
            reference.insert(u);
            QCOMPARE(set.insert(u), added);
        }
        QCOMPARE(set.size(), std::size_t(reference.size()));
        for (const QUuid &u : std::as_const(reference))
            QVERIFY(set.contains(u));
        QVERIFY(!set.contains(QUuid::createUuidV5(QUuid(), u"never"_s)));
        // The nil uuid is a value like any other, not a free slot.
        QVERIFY(!set.contains(QUuid()));
        QVERIFY(set.insert(QUuid()));
        QVERIFY(!set.insert(QUuid()));
        QVERIFY(set.contains(QUuid()));
        set.clear();
        QCOMPARE(set.size(), std::size_t(0));
        QVERIFY(!set.contains(seen.first()));
        set.reserve(100000);
        QVERIFY(set.insert(seen.first()));
    }

    void parseUuidMatchesQUuid_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("valid");
        QTest::newRow("lower") << u"5a0f3c1e-6b2d-4e8f-9a7c-3d1e2f4a5b6c"_s << true;
        QTest::newRow("upper") << u"5A0F3C1E-6B2D-4E8F-9A7C-3D1E2F4A5B6C"_s << true;
        QTest::newRow("nil") << u"00000000-0000-0000-0000-000000000000"_s << true;
        QTest::newRow("braces") << u"{5a0f3c1e-6b2d-4e8f-9a7c-3d1e2f4a5b6c}"_s << false;
        QTest::newRow("g") << u"5a0f3c1e-6b2d-4e8f-9a7c-3d1e2f4a5b6g"_s << false;
        QTest::newRow("dash moved") << u"5a0f3c1e6-b2d-4e8f-9a7c-3d1e2f4a5b6c"_s << false;
        QTest::newRow("short") << u"5a0f3c1e-6b2d-4e8f-9a7c-3d1e2f4a5b6"_s << false;
        QTest::newRow("non-ascii") << u"5a0f3c1e-6b2d-4e8f-9a7c-3d1e2f4a5b6\u0663"_s << false;
        QTest::newRow("empty") << QString() << false;
    }

    void parseUuidMatchesQUuid()
    {
        QFETCH(QString, text);
        QFETCH(bool, valid);
        QUuid parsed(u"11111111-1111-1111-1111-111111111111"_s);
        const QUuid before = parsed;
        QCOMPARE(parseUuid(text, &parsed), valid);
        QCOMPARE(isValidUuid(text), valid);
        if (!valid) {
            QCOMPARE(parsed, before); // untouched
            return;
        }
        QCOMPARE(parsed, QUuid::fromString(text));
        QCOMPARE(prefixedUuid(u"indicator--", parsed), u"indicator--"_s + text.toLower());
    }

    void prefixedUuidMatchesQUuidToString()
    {
        for (int i = 0; i < 1000; ++i) {
            const QUuid u = QUuid::createUuidV5(QUuid(), QString::number(i));
            QCOMPARE(prefixedUuid(u"x--", u), u"x--"_s + u.toString(QUuid::WithoutBraces));
        }
        QCOMPARE(prefixedUuid(QStringView(), QUuid()), u"00000000-0000-0000-0000-000000000000"_s);
    }

    void uuid5MatchesQUuid()
    {
        QRandomGenerator random(5);
        const QList<QUuid> namespaces { kMsbUuidNamespace, kMispStixRelationshipNamespace, QUuid() };
        for (int i = 0; i < 2000; ++i) {
            // Names of every length around the SHA-1 block boundaries, ASCII and not.
            QString name;
            const int length = i % 150;
            for (int c = 0; c < length; ++c)
                name.append(QChar(char16_t(i % 3 == 0 ? 0x20 + random.bounded(0x5F) : 0x20 + random.bounded(0x2FE0))));
            const QUuid &ns = namespaces.at(i % namespaces.size());
            const QUuid expected = QUuid::createUuidV5(ns, name);
            QCOMPARE(uuid5Of(ns, name), expected);
            QCOMPARE(uuid5(ns, name), expected.toString(QUuid::WithoutBraces));
        }
    }

    void hexDigitValues()
    {
        for (int c = 0; c < 0x3000; ++c) {
            const QChar ch(c);
            int expected = -1;
            if (c < 128 && ch.isDigit())
                expected = c - '0';
            else if (c >= 'a' && c <= 'f')
                expected = c - 'a' + 10;
            else if (c >= 'A' && c <= 'F')
                expected = c - 'A' + 10;
            QCOMPARE(hexDigitValue(char16_t(c)), expected);
        }
    }
};

QTEST_GUILESS_MAIN(TestLookupTables)
#include "tst_lookuptables.moc"
