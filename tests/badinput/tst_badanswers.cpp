// SPDX-License-Identifier: BSD-2-Clause
// Bad input from servers: hostile token-endpoint and upload answers are read without overflow
// (a lifetime or Retry-After of 1e300 once reached integer arithmetic unclamped) and anything
// not of the documented shape is refused rather than half-taken.
#include "core/sentinel/tokenerror.h"
#include "core/sentinel/uploadresponse.h"

#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace msb::sentinel;

class TestBadAnswers : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void tokenAnswer_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<qint64>("seconds"); // -1: refused
        QTest::newRow("documented") << QByteArray(
            "{\"token_type\":\"Bearer\",\"expires_in\":3599,\"access_token\":\"t0k\"}")
                                    << qint64(3599);
        QTest::newRow("lifetime as text")
            << QByteArray("{\"expires_in\":\"3600\",\"access_token\":\"t0k\"}") << qint64(3600);
        QTest::newRow("lifetime 1e300") << QByteArray("{\"expires_in\":1e300,\"access_token\":\"t0k\"}")
                                        << qint64(86400);
        QTest::newRow("lifetime 2^63 as text")
            << QByteArray("{\"expires_in\":\"9223372036854775808\",\"access_token\":\"t0k\"}") << qint64(86400);
        QTest::newRow("lifetime inf as text")
            << QByteArray("{\"expires_in\":\"inf\",\"access_token\":\"t0k\"}") << qint64(-1);
        QTest::newRow("lifetime nan as text")
            << QByteArray("{\"expires_in\":\"nan\",\"access_token\":\"t0k\"}") << qint64(-1);
        QTest::newRow("lifetime negative") << QByteArray("{\"expires_in\":-5,\"access_token\":\"t0k\"}") << qint64(-1);
        QTest::newRow("lifetime zero") << QByteArray("{\"expires_in\":0,\"access_token\":\"t0k\"}") << qint64(-1);
        QTest::newRow("lifetime missing") << QByteArray("{\"access_token\":\"t0k\"}") << qint64(-1);
        QTest::newRow("token missing") << QByteArray("{\"expires_in\":3599}") << qint64(-1);
        QTest::newRow("token not text") << QByteArray("{\"expires_in\":3599,\"access_token\":42}") << qint64(-1);
        QTest::newRow("cut off") << QByteArray("{\"token_type\":\"Bearer\",\"expires_in\":3599,\"acc") << qint64(-1);
        QTest::newRow("html") << QByteArray("<html><body>Sign in</body></html>") << qint64(-1);
        QTest::newRow("empty") << QByteArray() << qint64(-1);
    }
    void tokenAnswer()
    {
        QFETCH(QByteArray, body);
        QFETCH(qint64, seconds);
        const auto answer = readTokenAnswer(body);
        QCOMPARE(answer.has_value(), seconds >= 0);
        if (answer) {
            QCOMPARE(answer->expiresInSeconds, seconds);
            QCOMPARE(answer->accessToken, u"t0k"_s);
        }
    }

    void retryAfter_data()
    {
        QTest::addColumn<QByteArray>("header");
        QTest::addColumn<qint64>("waitMs");
        QTest::newRow("seconds") << QByteArray("7") << qint64(7000);
        QTest::newRow("fraction") << QByteArray("0.5") << qint64(500);
        QTest::newRow("1e300") << QByteArray("1e300") << qint64(86400000);
        QTest::newRow("inf") << QByteArray("inf") << qint64(86400000);
        QTest::newRow("negative") << QByteArray("-3") << qint64(-1);
        QTest::newRow("garbage") << QByteArray("soon") << qint64(-1);
        QTest::newRow("date in the past") << QByteArray("Wed, 21 Oct 2015 07:28:00 GMT") << qint64(0);
    }
    void retryAfter()
    {
        QFETCH(QByteArray, header);
        QFETCH(qint64, waitMs);
        const UploadResponse r
            = classifyUploadResponse(429, header, QByteArray("{\"statusCode\":429,\"message\":\"busy\"}"));
        QCOMPARE(r.kind, UploadResponse::Kind::RateLimited);
        QCOMPARE(r.retryAfterMs, waitMs);
    }

    // A 200 whose errors[] is cut or garbled is not "all accepted": unknown which objects were taken.
    void garbledAcceptedAnswerIsTransient()
    {
        const QByteArray full = "{\"errors\":[{\"recordIndex\":1,\"errorMessages\":[\"bad pattern\"]}]}";
        QCOMPARE(classifyUploadResponse(200, {}, full).kind, UploadResponse::Kind::Accepted);
        QCOMPARE(classifyUploadResponse(200, {}, full).recordErrors.size(), 1);
        for (qsizetype cut = 1; cut < full.size() - 1; cut += 7)
            QCOMPARE(classifyUploadResponse(200, {}, full.left(cut)).kind, UploadResponse::Kind::Transient);
        QCOMPARE(classifyUploadResponse(200, {}, "{\"errors\":\"oops\"}").kind, UploadResponse::Kind::Transient);
    }
};

QTEST_GUILESS_MAIN(TestBadAnswers)
#include "tst_badanswers.moc"
