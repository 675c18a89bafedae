// SPDX-License-Identifier: BSD-2-Clause
// Redaction beyond the basics of tests/log/tst_redact.cpp: every way a secret travels in this
// product (Authorization headers in all spellings, form bodies with client_secret anywhere in the
// body, keys in URL queries, JSON members, secrets registered at run time) and the log pipeline
// end to end: what a logger writes to its file never carries the canary.
#include "core/log/logging.h"
#include "core/log/redact.h"
#include "tests/security/canaryscanner.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

using namespace Qt::Literals::StringLiterals;

class TestRedactionMatrix : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cleanup() { msb::log::clearRegisteredSecrets(); }

    void shapes_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("secret");
        const QString s = u"Zq9~x.Y7-secretValue_42"_s;
        QTest::newRow("Authorization header") << u"Authorization: "_s + s << s;
        QTest::newRow("authorization lower") << u"authorization:"_s + s << s;
        QTest::newRow("AUTHORIZATION upper") << u"AUTHORIZATION = "_s + s << s;
        QTest::newRow("header in a dump")
            << u"GET /events HTTP/1.1\r\nAuthorization: "_s + s + u"\r\nAccept: */*"_s << s;
        QTest::newRow("header as json") << u"{\"Authorization\": \""_s + s + u"\"}"_s << s;
        QTest::newRow("bearer") << u"Authorization: Bearer "_s + s << s;
        QTest::newRow("form first") << u"client_secret="_s + s + u"&client_id=abc&grant_type=client_credentials"_s << s;
        QTest::newRow("form middle") << u"client_id=abc&client_secret="_s + s + u"&scope=x"_s << s;
        QTest::newRow("form last") << u"grant_type=client_credentials&client_secret="_s + s << s;
        QTest::newRow("form upper") << u"CLIENT_SECRET="_s + s << s;
        QTest::newRow("url key") << u"https://misp.example/feed/manifest.json?key="_s + s + u"&x=1"_s << s;
        QTest::newRow("url apikey") << u"https://misp.example/x?apikey="_s + s << s;
        QTest::newRow("url sig") << u"https://store.example/blob?sv=2021&sig="_s + s << s;
        QTest::newRow("json client_secret") << u"{\"client_secret\":\""_s + s + u"\"}"_s << s;
        QTest::newRow("json mispkey") << u"{\"mispkey\": \""_s + s + u"\"}"_s << s;
        QTest::newRow("json access_token") << u"{\"token_type\":\"Bearer\",\"access_token\":\""_s + s + u"\"}"_s << s;
        QTest::newRow("tenants json") << u"[{\"tenantId\":\"t\",\"id\":\"c\",\"secret\":\""_s + s
                + u"\",\"workspaceId\":\"w\"}]"_s
                                      << s;
    }
    void shapes()
    {
        QFETCH(QString, text);
        QFETCH(QString, secret);
        const QString out = msb::log::redact(text);
        QVERIFY2(!out.contains(secret), qPrintable(out));
        // Not even the misp2sentinel-style partial leak.
        QVERIFY2(!out.contains(secret.left(secret.size() - 5)), qPrintable(out));
        QVERIFY(out.contains(u"***"));
    }

    void urlsLoseQuerySecretsAndUserInfo_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("secret");
        QTest::newRow("key") << u"https://misp.example/events?key=AbCdEf0123456789&page=2"_s << u"AbCdEf0123456789"_s;
        QTest::newRow("user info") << u"https://admin:Pa55word!x@misp.example/"_s << u"Pa55word!x"_s;
        QTest::newRow("percent-encoded") << u"https://x.example/?client_secret=a%2Bb%2Fc0123456"_s << u"a+b/c0123456"_s;
        QTest::newRow("token") << u"https://x.example/?token=tok_9876543210"_s << u"tok_9876543210"_s;
    }
    void urlsLoseQuerySecretsAndUserInfo()
    {
        QFETCH(QString, url);
        QFETCH(QString, secret);
        const QString out = msb::log::redactUrl(QUrl(url));
        QVERIFY2(!out.contains(secret), qPrintable(out));
        QVERIFY2(!out.contains(QString::fromLatin1(QUrl::toPercentEncoding(secret))), qPrintable(out));
    }

    void registeredSecretsAnywhere()
    {
        const QString canary = msb::test::CanaryScanner::makeCanary(u"redact"_s);
        msb::log::registerSecret(canary);
        const QStringList texts { canary,
            u"prefix"_s + canary + u"suffix"_s,
            u"error: token request for app x failed: "_s + canary,
            u"two: "_s + canary + u" and "_s + canary };
        for (const QString &t : texts)
            QVERIFY2(!msb::log::redact(t).contains(canary), qPrintable(t));
        QVERIFY(!QString::fromStdString(msb::log::redactUtf8(canary.toStdString())).contains(canary));
    }

    void shortSecretsAreNotScrubbedEverywhere()
    {
        // Values under 4 characters are ignored, or every "a" in every log line would vanish.
        msb::log::registerSecret(u"abc"_s);
        QCOMPARE(msb::log::redact(u"abc def"_s), u"abc def"_s);
    }

    // End to end: a logger writing to a file, fed the secret in every shape: the file has 0 hits.
    void logFileNeverCarriesTheCanary()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString canary = msb::test::CanaryScanner::makeCanary(u"logfile"_s);
        msb::log::Options options;
        options.directory = dir.path();
        options.console = false;
        options.level = spdlog::level::trace;
        msb::log::init(options);
        msb::log::registerSecret(canary);
        auto logger = msb::log::get("security");
        logger->info("client_secret={}", canary);
        logger->warn("Authorization: {}", canary);
        logger->error("token failed for secret {}", canary);
        logger->debug("{{\"secret\":\"{}\"}}", canary);
        qWarning("Qt message with %s", canary.toUtf8().constData());
        logger->flush();
        spdlog::apply_all([](const std::shared_ptr<spdlog::logger> &l) { l->flush(); });
        int files = 0;
        const auto hits = msb::test::CanaryScanner({ canary }).scanTree(dir.path(), &files);
        QVERIFY2(files > 0, "the logger wrote no file: nothing was checked");
        QVERIFY2(hits.isEmpty(), qPrintable(msb::test::CanaryScanner::describe(hits)));
        // And the lines are there (redacted), so the scan looked at real output.
        QFile log(msb::log::logFilePath());
        QVERIFY(log.open(QIODevice::ReadOnly));
        const QByteArray text = log.readAll();
        QVERIFY2(text.contains("token failed for secret ***"), text.constData());
        msb::log::init({});
    }
};

QTEST_GUILESS_MAIN(TestRedactionMatrix)
#include "tst_redaction_matrix.moc"
