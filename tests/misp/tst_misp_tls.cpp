// SPDX-License-Identifier: BSD-2-Clause
#include "core/misp/mispclient.h"
#include "core/net/tlstrust.h"
#include "tests/misp/misptesthelpers.h"
#include "tests/sandbox/sandboxcerts.h"

#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace msb::misp;
using namespace msb::misp::test;
namespace certs = msb::sandbox::certs;

class TestMispTls final : public QObject
{
    Q_OBJECT

private:
    static msb::sandbox::ServerOptions https(certs::Kind kind)
    {
        msb::sandbox::ServerOptions o;
        o.tls = true;
        o.certificateFile = certs::certificateFile(kind);
        o.privateKeyFile = certs::keyFile(kind);
        return o;
    }
    static QByteArray pinOf(certs::Kind kind) { return msb::net::sha256Hex(certs::certificate(kind)); }

private Q_SLOTS:
    void matrix_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("caFile");
        QTest::addColumn<QByteArray>("pin");
        QTest::addColumn<bool>("accepted");
        const QString ca = certs::caFile();
        const auto untrusted = int(certs::Kind::Untrusted);
        QTest::newRow("untrusted refused") << untrusted << QString() << QByteArray() << false;
        QTest::newRow("good with CA file") << int(certs::Kind::Good) << ca << QByteArray() << true;
        QTest::newRow("good without CA file") << int(certs::Kind::Good) << QString() << QByteArray() << false;
        QTest::newRow("untrusted with right pin") << untrusted << QString() << pinOf(certs::Kind::Untrusted) << true;
        QTest::newRow("untrusted with right pin, colon form")
            << untrusted << QString()
            << QByteArray(
                   certs::certificate(certs::Kind::Untrusted).digest(QCryptographicHash::Sha256).toHex(':').toUpper())
            << true;
        QTest::newRow("untrusted with wrong pin") << untrusted << QString() << pinOf(certs::Kind::Good) << false;
        QTest::newRow("expired with CA file") << int(certs::Kind::Expired) << ca << QByteArray() << false;
        QTest::newRow("expired even when pinned")
            << int(certs::Kind::Expired) << ca << pinOf(certs::Kind::Expired) << false;
        QTest::newRow("wrong host with CA file") << int(certs::Kind::WrongHost) << ca << QByteArray() << false;
        QTest::newRow("other CA with our CA file") << int(certs::Kind::OtherCa) << ca << QByteArray() << false;
        QTest::newRow("trusted but pin differs")
            << int(certs::Kind::Good) << ca << pinOf(certs::Kind::Untrusted) << false;
    }
    void matrix()
    {
        QFETCH(int, kind);
        QFETCH(QString, caFile);
        QFETCH(QByteArray, pin);
        QFETCH(bool, accepted);
        Sandbox sb;
        QVERIFY(sb.start(https(certs::Kind(kind))));
        MispConnection c = sb.connection();
        c.baseUrl.setHost(u"127.0.0.1"_s);
        c.trust.caFile = caFile;
        c.trust.pinnedSha256Hex = pin;
        c.retry.maxAttempts = 1;
        MispClient client(c);
        const ConnectionTestResult r = runConnectionTest(client);
        if (accepted) {
            QVERIFY2(r.ok, qPrintable(r.failure.error.message));
            QCOMPARE(r.info.mispVersion, sb.emulator.options().version);
            return;
        }
        QVERIFY(!r.ok);
        QCOMPARE(r.failure.error.code, msb::Error::Code::Tls);
        QVERIFY2(r.failure.certificate.has_value(), qPrintable(r.failure.error.message));
        const msb::net::CertificateDetails &d = *r.failure.certificate;
        const QSslCertificate presented = certs::certificate(certs::Kind(kind));
        QCOMPARE(d.sha256Hex, QString::fromLatin1(msb::net::sha256Hex(presented)));
        QVERIFY(!d.subject.isEmpty());
        QVERIFY(!d.issuer.isEmpty());
        QCOMPARE(d.notAfter, presented.expiryDate().toUTC().toString(Qt::ISODate));
        QVERIFY(!d.errors.isEmpty());
        QVERIFY2(r.failure.error.message.contains(d.sha256Hex), qPrintable(r.failure.error.message));
        QCOMPARE(sb.server->requestCount(), 0u); // nothing, not even the key, went to a refused server
    }

    void fetchOverHttpsWithPin()
    {
        Sandbox sb;
        msb::sandbox::misp::GeneratedInstance g;
        g.events = 12;
        g.attributesPerEvent = 3;
        sb.emulator.setGenerated(g);
        QVERIFY(sb.start(https(certs::Kind::Untrusted)));
        MispConnection c = sb.connection();
        c.trust.pinnedSha256Hex = pinOf(certs::Kind::Untrusted);
        c.pageSize = 5;
        MispClient client(c);
        const Run run = runFetch(client, {});
        QVERIFY2(run.summary.complete(), qPrintable(run.summary.toString()));
        QCOMPARE(run.summary.events, 12);
    }

    void describeAndPins()
    {
        const QSslCertificate cert = certs::certificate(certs::Kind::Good);
        const auto d = msb::net::describe(cert);
        QVERIFY(d.subject.contains(u"CN="_s));
        QCOMPARE(d.sha256Hex.size(), 64);
        QVERIFY(d.toString().contains(d.sha256Hex));
        QCOMPARE(msb::net::normalisePin(u"AB:cd 01-EF"_s), QByteArray("abcd01ef"));
        QString why;
        QVERIFY(msb::net::isAllowedUrl(QUrl(u"http://127.0.0.1:8080"_s)));
        QVERIFY(msb::net::isAllowedUrl(QUrl(u"http://localhost"_s)));
        QVERIFY(msb::net::isAllowedUrl(QUrl(u"http://[::1]:1"_s)));
        QVERIFY(!msb::net::isAllowedUrl(QUrl(u"http://10.0.0.1"_s), &why));
        QVERIFY(why.contains(u"loopback"_s));
        QVERIFY(!msb::net::isAllowedUrl(QUrl(u"ftp://misp.example.org"_s)));
        QVERIFY(msb::net::loadCaFile(certs::caFile()).ok());
        QVERIFY(!msb::net::loadCaFile(u"/nonexistent/ca.pem"_s).ok());
    }
};

QTEST_GUILESS_MAIN(TestMispTls)
#include "tst_misp_tls.moc"
