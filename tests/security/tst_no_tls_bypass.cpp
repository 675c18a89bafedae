// SPDX-License-Identifier: BSD-2-Clause
// No code path may switch TLS verification off: the product sources (core/, app/, ui/) are
// searched for the ways Qt lets one do it. The only allowed ignoreSslErrors is the pin check in
// core/net/tlstrust.cpp, which passes the exact, checked error list.
#include <QDirIterator>
#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

namespace {

struct Hit
{
    QString file;
    int line = 0;
    QString text;
};

const QList<QRegularExpression> &forbidden()
{
    static const QList<QRegularExpression> patterns {
        QRegularExpression(u"VerifyNone"_s),
        QRegularExpression(u"QueryPeer"_s),
        // Only the explicit VerifyPeer is allowed.
        QRegularExpression(u"setPeerVerifyMode\\s*\\((?!\\s*QSslSocket::VerifyPeer\\s*\\))"_s),
        QRegularExpression(u"ignoreSslErrors\\s*\\(\\s*\\)"_s), // the no-argument form ignores everything
        QRegularExpression(u"setInsecureFallback\\s*\\(\\s*true"_s),
        QRegularExpression(u"CURLOPT_SSL_VERIFY"_s),
        QRegularExpression(u"setPeerVerifyDepth\\s*\\(\\s*0"_s),
    };
    return patterns;
}

// ignoreSslErrors(list) is allowed only where the pin is checked.
bool allowedIgnore(const QString &file, const QString &line)
{
    return file.endsWith(u"core/net/tlstrust.cpp"_s) && line.contains(u"ignoreSslErrors("_s)
        && !line.contains(u"ignoreSslErrors()"_s);
}

QList<Hit> scan(const QString &root, const QStringList &dirs)
{
    QList<Hit> hits;
    for (const QString &dir : dirs) {
        QDirIterator it(root + u'/' + dir, { u"*.cpp"_s, u"*.h"_s }, QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            QFile f(path);
            if (!f.open(QIODevice::ReadOnly))
                continue;
            int n = 0;
            while (!f.atEnd()) {
                const QString line = QString::fromUtf8(f.readLine());
                ++n;
                const QString code = line.section(u"//"_s, 0, 0); // comments may name the APIs
                bool hit = code.contains(u"ignoreSslErrors"_s) && !allowedIgnore(path, code);
                for (const auto &re : forbidden())
                    hit = hit || re.match(code).hasMatch();
                if (hit)
                    hits.append({ path, n, line.trimmed() });
            }
        }
    }
    return hits;
}

QString describe(const QList<Hit> &hits)
{
    QStringList out;
    for (const Hit &h : hits)
        out.append(u"%1:%2: %3"_s.arg(h.file).arg(h.line).arg(h.text));
    return out.join(u'\n');
}

} // namespace

class TestNoTlsBypass : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void productSourcesNeverDisableVerification()
    {
        const QString root = QStringLiteral(MSB_SOURCE_DIR);
        QVERIFY(QFile::exists(root + u"/core/net/tlstrust.cpp"_s));
        const auto hits = scan(root, { u"core"_s, u"app"_s, u"ui"_s });
        QVERIFY2(hits.isEmpty(), qPrintable(describe(hits)));
    }

    // The scanner itself must catch each form, or the test above proves nothing.
    void scannerCatchesEachForm_data()
    {
        QTest::addColumn<QString>("line");
        QTest::newRow("VerifyNone") << u"config.setPeerVerifyMode(QSslSocket::VerifyNone);"_s;
        QTest::newRow("ignore all") << u"reply->ignoreSslErrors();"_s;
        QTest::newRow("ignore all spaced") << u"reply->ignoreSslErrors( );"_s;
        QTest::newRow("ignore list elsewhere") << u"reply->ignoreSslErrors(reply->sslErrors());"_s;
        QTest::newRow("insecure keychain") << u"job->setInsecureFallback(true);"_s;
        QTest::newRow("query peer") << u"socket.setPeerVerifyMode(QSslSocket::QueryPeer);"_s;
        QTest::newRow("auto verify") << u"c.setPeerVerifyMode(QSslSocket::AutoVerifyPeer);"_s;
    }
    void scannerCatchesEachForm()
    {
        QFETCH(QString, line);
        QTemporaryDir dir;
        QVERIFY(QDir().mkpath(dir.filePath(u"core/misp"_s)));
        QFile f(dir.filePath(u"core/misp/leaky.cpp"_s));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(
            QString(u"// a comment naming ignoreSslErrors() is fine\nvoid f() {\n    "_s + line + u"\n}\n"_s).toUtf8());
        f.close();
        const auto hits = scan(dir.path(), { u"core"_s });
        QCOMPARE(hits.size(), 1);
        QCOMPARE(hits.front().line, 3);
    }
};

QTEST_GUILESS_MAIN(TestNoTlsBypass)
#include "tst_no_tls_bypass.moc"
