// SPDX-License-Identifier: BSD-2-Clause
// The canary scanner must find a planted secret in every form a leak takes; otherwise every
// "0 hits" the canary tests report would prove nothing.
#include "tests/security/canaryscanner.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QUrl>

using namespace Qt::Literals::StringLiterals;
using msb::test::CanaryScanner;

class TestCanaryScanner : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void findsEveryForm_data()
    {
        QTest::addColumn<QByteArray>("haystack");
        QTest::addColumn<QString>("form");
        const QString c = m_canary;
        QTest::newRow("plain") << QString(u"log line secret="_s + c + u" end"_s).toUtf8() << u"plain"_s;
        QTest::newRow("utf-16") << QByteArray(reinterpret_cast<const char *>(QString(u"x"_s + c).utf16()),
            (c.size() + 1) * 2) << u"utf-16"_s;
        QTest::newRow("base64 aligned") << QByteArray("Basic " + c.toUtf8().toBase64()) << u"base64"_s;
        QTest::newRow("base64 shifted 1") << QByteArray("a:" + c.toUtf8()).toBase64() << u"base64"_s;
        QTest::newRow("base64 shifted 2") << QByteArray("id:" + c.toUtf8() + "x").toBase64() << u"base64"_s;
        QTest::newRow("all but last five") << c.left(c.size() - 5).toUtf8() << u"fragment"_s;
        QTest::newRow("middle piece") << c.mid(5, 14).toUtf8() << u"fragment"_s;
    }
    void findsEveryForm()
    {
        QFETCH(QByteArray, haystack);
        QFETCH(QString, form);
        const CanaryScanner scanner({ m_canary });
        const auto hits = scanner.scanBytes(haystack, u"test"_s);
        QCOMPARE(hits.size(), 1);
        QCOMPARE(hits.front().form, form);
        QCOMPARE(hits.front().canary, m_canary);
    }

    void findsSpecialCharacterForms()
    {
        const QString secret = u"Xy7~pQ.r9/abc+def=ghi\"jk&lmnop"_s;
        const CanaryScanner scanner({ secret }, 0);
        const QByteArray form = QByteArray("client_id=a&client_secret=" + QUrl::toPercentEncoding(secret));
        QCOMPARE(scanner.scanBytes(form, u"form"_s).value(0).form, u"percent-encoded"_s);
        QByteArray json = secret.toUtf8();
        json.replace("\"", "\\\"").replace("/", "\\/");
        QCOMPARE(
            scanner.scanBytes(QByteArray("{\"secret\":\"" + json + "\"}"), u"json"_s).value(0).form, u"json-escaped"_s);
    }

    void ignoresCleanData()
    {
        const CanaryScanner scanner({ m_canary });
        QVERIFY(scanner.scanBytes("MSBCANARY nothing to see here ***", u"x"_s).isEmpty());
        QVERIFY(scanner.scanBytes(QByteArray(), u"x"_s).isEmpty());
    }

    void scansTreesIncludingHiddenFiles()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QVERIFY(QDir().mkpath(dir.filePath(u".config/deep/er"_s)));
        QFile clean(dir.filePath(u"clean.txt"_s));
        QVERIFY(clean.open(QIODevice::WriteOnly));
        clean.write("nothing");
        clean.close();
        QFile leak(dir.filePath(u".config/deep/er/.hidden.db-wal"_s));
        QVERIFY(leak.open(QIODevice::WriteOnly));
        leak.write(QByteArray(QByteArray(5000, '\0') + m_canary.toUtf8() + QByteArray(10, '\1')));
        leak.close();
        int files = 0;
        const auto hits = CanaryScanner({ m_canary }).scanTree(dir.path(), &files);
        QCOMPARE(files, 2);
        QCOMPARE(hits.size(), 1);
        QVERIFY(hits.front().where.endsWith(u".hidden.db-wal"));
        QCOMPARE(hits.front().offset, 5000);
    }

    void scansProcessArguments()
    {
        QProcess proc;
        // `sh -c 'sleep 5' CANARY` keeps running with the canary as $0 (GNU sleep itself would reject
        // the extra argument and exit at once, leaving a zombie with an empty cmdline).
        proc.start(u"sh"_s, { u"-c"_s, u"sleep 5"_s, m_canary });
        QVERIFY(proc.waitForStarted());
        // On a loaded machine the child may still show the parent's arguments for a moment after
        // start; wait (bounded) until it runs `sleep`.
        auto hits = CanaryScanner({ m_canary }).scanProcessArguments(proc.processId());
        for (int i = 0; i < 100 && hits.isEmpty(); ++i) {
            QThread::msleep(20);
            hits = CanaryScanner({ m_canary }).scanProcessArguments(proc.processId());
        }
        proc.kill();
        proc.waitForFinished();
        QCOMPARE(hits.size(), 1);
        QVERIFY(hits.front().where.endsWith(u"/cmdline"));
    }

    void canariesAreUnique()
    {
        const QString a = CanaryScanner::makeCanary(u"a"_s);
        const QString b = CanaryScanner::makeCanary(u"a"_s);
        QVERIFY(a != b);
        QVERIFY(a.size() >= 30);
        QCOMPARE(QUrl::toPercentEncoding(a), a.toUtf8());
    }

private:
    QString m_canary = CanaryScanner::makeCanary(u"scan"_s);
};

QTEST_GUILESS_MAIN(TestCanaryScanner)
#include "tst_canaryscanner.moc"
