// SPDX-License-Identifier: BSD-2-Clause
#include "core/log/redact.h"

#include <QTest>
#include <QUrl>

class TestRedact : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cleanup() { msb::log::clearRegisteredSecrets(); }

    void redactsShapes_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("secret");
        QTest::newRow("authorization header")
            << QStringLiteral("Authorization: s3cr3tMispKey0123456789") << QStringLiteral("s3cr3tMispKey0123456789");
        QTest::newRow("bearer") << QStringLiteral("sent with Bearer eyJhbGciOi.JIUzI1NiJ9.abc")
                                << QStringLiteral("eyJhbGciOi.JIUzI1NiJ9.abc");
        QTest::newRow("form client_secret")
            << QStringLiteral("client_id=abc&client_secret=Xy7~pQ.r9&scope=x") << QStringLiteral("Xy7~pQ.r9");
        QTest::newRow("json secret") << QStringLiteral(
            R"([{"tenantId":"t","id":"c","secret":"Sup3r\"Secret","workspaceId":"w"}])")
                                     << QStringLiteral("Sup3r");
        QTest::newRow("json access_token")
            << QStringLiteral(R"({"access_token":"tok123456","expires_in":3599})") << QStringLiteral("tok123456");
        QTest::newRow("query key") << QStringLiteral("GET https://misp.example/events?key=abcdef123&page=2")
                                   << QStringLiteral("abcdef123");
    }
    void redactsShapes()
    {
        QFETCH(QString, input);
        QFETCH(QString, secret);
        const QString out = msb::log::redact(input);
        QVERIFY2(!out.contains(secret), qPrintable(out));
        QVERIFY(out.contains(u"***"));
    }

    void redactsRegisteredSecretsAnywhere()
    {
        msb::log::registerSecret(QStringLiteral("canary-7f3a9c"));
        const QString out = msb::log::redact(QStringLiteral("token endpoint said: invalid canary-7f3a9c for app"));
        QCOMPARE(out, QStringLiteral("token endpoint said: invalid *** for app"));
    }

    void keepsHarmlessText()
    {
        const QString text = QStringLiteral("uploaded 100 indicators to workspace 1234 (keyboard layout ok)");
        QCOMPARE(msb::log::redact(text), text);
    }

    void redactsUrls()
    {
        const QUrl url(QStringLiteral("https://user:pw@misp.example/feed?key=abc123&page=3"));
        const QString out = msb::log::redactUrl(url);
        QVERIFY(!out.contains(u"abc123"));
        QVERIFY(!out.contains(u"pw@"));
        QVERIFY(out.contains(u"page=3"));
    }
};

QTEST_GUILESS_MAIN(TestRedact)
#include "tst_redact.moc"
