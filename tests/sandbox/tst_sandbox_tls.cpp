// SPDX-License-Identifier: BSD-2-Clause
// The sandbox's HTTPS servers and TLS test material: the good certificate verifies against the test CA,
// every bad one fails verification with the specific error a client must report.
#include "tests/sandbox/sandbox.h"
#include "tests/sandbox/testhttp.h"

#include <QSslConfiguration>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace msb::sandbox;

Q_DECLARE_METATYPE(msb::sandbox::certs::Kind)

class TestSandboxTls final : public QObject
{
    Q_OBJECT

private:
    static test::Reply fetch(const QUrl &url, const QList<QSslCertificate> &extraCas)
    {
        QNetworkAccessManager nam;
        QNetworkRequest request(url);
        QSslConfiguration config = QSslConfiguration::defaultConfiguration();
        if (!extraCas.isEmpty())
            config.addCaCertificates(extraCas);
        request.setSslConfiguration(config);
        return test::exchange(nam, request, "GET");
    }

private Q_SLOTS:
    void materialExists()
    {
        QVERIFY(QFile::exists(certs::caFile()));
        QVERIFY(QFile::exists(certs::otherCaFile()));
        QCOMPARE(certs::caCertificates().size(), 1);
        const QSslCertificate good = certs::certificate(certs::Kind::Good);
        QVERIFY(!good.isNull());
        QCOMPARE(good.issuerDisplayName(), u"MSB Sandbox Test CA"_s);
        QVERIFY(good.expiryDate() > QDateTime::currentDateTimeUtc().addYears(5));
        QVERIFY(certs::certificate(certs::Kind::Expired).expiryDate() < QDateTime::currentDateTimeUtc());
        QVERIFY(certs::certificate(certs::Kind::Untrusted).isSelfSigned());
        certs::Kind kind = certs::Kind::Good;
        QVERIFY(certs::fromName(u"wronghost"_s, &kind));
        QCOMPARE(kind, certs::Kind::WrongHost);
        QVERIFY(!certs::fromName(u"bogus"_s, &kind));
    }

    void verification_data()
    {
        QTest::addColumn<certs::Kind>("kind");
        QTest::addColumn<bool>("trustTestCa");
        QTest::addColumn<QString>("host");
        QTest::addColumn<int>("sslError"); // QSslError::NoError: must succeed
        QTest::newRow("good") << certs::Kind::Good << true << u"127.0.0.1"_s << int(QSslError::NoError);
        QTest::newRow("good via localhost") << certs::Kind::Good << true << u"localhost"_s << int(QSslError::NoError);
        QTest::newRow("good, CA not trusted")
            << certs::Kind::Good << false << u"127.0.0.1"_s << int(QSslError::UnableToGetLocalIssuerCertificate);
        QTest::newRow("self-signed") << certs::Kind::Untrusted << true << u"127.0.0.1"_s
                                     << int(QSslError::SelfSignedCertificate);
        QTest::newRow("expired") << certs::Kind::Expired << true << u"127.0.0.1"_s
                                 << int(QSslError::CertificateExpired);
        QTest::newRow("wrong host") << certs::Kind::WrongHost << true << u"127.0.0.1"_s
                                    << int(QSslError::HostNameMismatch);
        QTest::newRow("other CA") << certs::Kind::OtherCa << true << u"127.0.0.1"_s
                                  << int(QSslError::UnableToGetLocalIssuerCertificate);
    }

    void verification()
    {
        QFETCH(certs::Kind, kind);
        QFETCH(bool, trustTestCa);
        QFETCH(QString, host);
        QFETCH(int, sslError);
        Sandbox sandbox;
        SandboxOptions options;
        options.http = false;
        options.certificate = kind;
        QString error;
        QVERIFY2(sandbox.start(options, &error), qPrintable(error));
        QVERIFY(sandbox.httpUrl().isEmpty());
        QUrl url = test::withPath(sandbox.httpsUrl(), u"/_sandbox/status"_s);
        QCOMPARE(url.scheme(), u"https"_s);
        url.setHost(host);
        const test::Reply reply = fetch(url, trustTestCa ? certs::caCertificates() : QList<QSslCertificate>());
        QVERIFY(reply.finished);
        if (sslError == QSslError::NoError) {
            QCOMPARE(reply.error, QNetworkReply::NoError);
            QCOMPARE(reply.status, 200);
            QVERIFY(reply.sslErrors.isEmpty());
            return;
        }
        QCOMPARE(reply.error, QNetworkReply::SslHandshakeFailedError);
        QCOMPARE(reply.status, 0);
        QStringList seen;
        bool found = false;
        for (const QSslError &e : reply.sslErrors) {
            seen << e.errorString();
            found = found || e.error() == QSslError::SslError(sslError);
        }
        QVERIFY2(found, qPrintable(seen.join(u"; "_s)));
    }

    void tokenEndpointOverHttps()
    {
        Sandbox sandbox;
        sandbox.addApp(u"11111111-2222-4333-8444-555555555555"_s, u"aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee"_s, u"pw"_s);
        QVERIFY(sandbox.start());
        QVERIFY(!sandbox.httpUrl().isEmpty());
        QNetworkAccessManager nam;
        QNetworkRequest request(
            test::withPath(sandbox.httpsUrl(), u"/11111111-2222-4333-8444-555555555555/oauth2/v2.0/token"_s));
        QSslConfiguration config = QSslConfiguration::defaultConfiguration();
        config.addCaCertificates(certs::caCertificates());
        request.setSslConfiguration(config);
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/x-www-form-urlencoded"));
        const test::Reply reply = test::exchange(nam,
            request,
            "POST",
            "grant_type=client_credentials&client_id=aaaaaaaa-bbbb-4ccc-8ddd-"
            "eeeeeeeeeeee&client_secret=pw&scope=https%3A%2F%2Fmanagement.azure."
            "com%2F.default");
        QCOMPARE(reply.status, 200);
        QCOMPARE(sandbox.tokenRequestCount(), 1);
        QCOMPARE(sandbox.httpsServer()->requestCount(u"token"_s), 1u);
    }
};

QTEST_GUILESS_MAIN(TestSandboxTls)
#include "tst_sandbox_tls.moc"
