// SPDX-License-Identifier: BSD-2-Clause
// TLS refusal on every outgoing connection: the MISP client, the Entra ID token request, the
// Sentinel upload and the Key Vault read each face an untrusted, another-CA, expired, wrong-host and
// wrong-pin server certificate. Each must refuse before sending a single request (the sandbox handler never runs)
// and say it was TLS. Plain http:// is refused for any non-loopback host.
#include "core/misp/mispclient.h"
#include "core/misp/mispconnection.h"
#include "core/net/tlstrust.h"
#include "core/secrets/keyvaultclient.h"
#include "core/sentinel/clientsecretprovider.h"
#include "core/sync/syncengine.h"
#include "tests/reliability/campaignsupport.h"
#include "tests/reliability/figures.h"
#include "tests/sandbox/sandbox.h"

#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

#include <optional>

using namespace Qt::Literals::StringLiterals;
using namespace msb;
using sandbox::certs::Kind;

namespace {

struct Case
{
    Kind certificate = Kind::Good;
    bool wrongPin = false; ///< pin the Good certificate's hash while the server shows `certificate`
};

net::TlsTrust trustFor(const Case &c)
{
    net::TlsTrust trust;
    trust.caFile = sandbox::certs::caFile();
    if (c.wrongPin)
        trust.pinnedSha256Hex = net::sha256Hex(sandbox::certs::certificate(Kind::Good));
    return trust;
}

bool startBox(sandbox::Sandbox &box, Kind kind, const test::CampaignIdentity &id)
{
    box.addApp(id.tenantId, id.clientId, id.secret);
    box.addWorkspace(id.workspaceId, id.tenantId);
    box.grant(id.workspaceId, id.clientId);
    sandbox::SandboxOptions o;
    o.http = false;
    o.certificate = kind;
    return box.start(o);
}

} // namespace

Q_DECLARE_METATYPE(Case)

class TestTlsRefusal : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        qRegisterMetaType<sync::SyncSummary>();
        qRegisterMetaType<misp::ConnectionTestResult>();
    }

    void refused_data()
    {
        QTest::addColumn<QString>("client");
        QTest::addColumn<Case>("tlsCase");
        const QList<QPair<const char *, Case>> cases {
            { "untrusted", { Kind::Untrusted, false } },
            { "other-ca", { Kind::OtherCa, false } },
            { "expired", { Kind::Expired, false } },
            { "wrong-host", { Kind::WrongHost, false } },
            { "wrong-pin", { Kind::Untrusted, true } },
        };
        for (const char *client : { "misp", "token", "upload", "keyvault" }) {
            for (const auto &c : cases)
                QTest::addRow("%s-%s", client, c.first) << QString::fromLatin1(client) << c.second;
        }
    }

    void refused()
    {
        QFETCH(QString, client);
        QFETCH(Case, tlsCase);
        test::CampaignIdentity id;
        id.secret = u"tls-refusal-secret-0123456789"_s;
        sandbox::Sandbox bad;
        QVERIFY(startBox(bad, tlsCase.certificate, id));
        int badRequests = 0;
        connect(&bad, &sandbox::Sandbox::requestFinished, this, [&badRequests] { ++badRequests; });

        QString errorText;
        bool refused = false;
        if (client == u"misp") {
            misp::MispConnection c;
            c.baseUrl = bad.httpsUrl();
            c.apiKey = u"misp-key-for-tls-test-0123456789"_s;
            c.trust = trustFor(tlsCase);
            c.timeout = std::chrono::milliseconds(5000);
            misp::MispClient mispClient(c);
            QSignalSpy spy(&mispClient, &misp::MispClient::connectionTested);
            mispClient.testConnection();
            QVERIFY(spy.wait(20000));
            const auto r = spy.at(0).at(0).value<misp::ConnectionTestResult>();
            refused = !r.ok && r.failure.error.code == Error::Code::Tls;
            errorText = r.failure.error.message;
        } else if (client == u"keyvault") {
            // Key Vault credential import: a good server issues the token, the bad one is the vault.
            sandbox::Sandbox good;
            QVERIFY(startBox(good, Kind::Good, id));
            secrets::KeyVaultSettings s;
            s.vaultName = u"tls-refusal-kv"_s;
            s.tenantId = id.tenantId;
            s.clientId = id.clientId;
            s.authorityHostOverride = good.httpsUrl().toString(QUrl::StripTrailingSlash);
            s.vaultHostOverride = bad.httpsUrl().toString(QUrl::StripTrailingSlash);
            s.tls = trustFor(tlsCase);
            s.timeoutMs = 5000;
            QNetworkAccessManager nam;
            secrets::KeyVaultClient kv(&nam, s, id.secret);
            std::optional<Result<QString>> result;
            QEventLoop loop;
            kv.getSecret(u"tenants"_s, [&](Result<QString> r) {
                result = std::move(r);
                loop.quit();
            });
            QTimer::singleShot(60000, &loop, &QEventLoop::quit);
            if (!result)
                loop.exec();
            QVERIFY(result.has_value());
            refused = !result->ok() && result->error().code == Error::Code::Tls;
            errorText = result->ok() ? u"read the secret"_s : result->error().message;
            QVERIFY2(good.tokenRequestCount() >= 1, "the token step did not run: the vault was never tried");
        } else {
            // Token: the authority is the bad server. Upload: a good server issues the token,
            // the bad one takes uploads.
            sandbox::Sandbox good;
            QVERIFY(startBox(good, Kind::Good, id));
            const QString badUrl = bad.httpsUrl().toString(QUrl::StripTrailingSlash);
            const QString goodUrl = good.httpsUrl().toString(QUrl::StripTrailingSlash);
            sentinel::Target target = test::sandboxTarget(client == u"token" ? badUrl : goodUrl, id);
            target.uploadHostOverride = badUrl;
            target.tls = trustFor(tlsCase);
            sync::SyncRequest request;
            request.targets = { target };
            request.input.objects = test::makeIndicators(5, u"tls"_s);
            request.options.upload = test::fastPolicy(60, 5000);
            request.options.upload.maxTransientAttempts = 2;
            auto secrets = std::make_shared<sentinel::StaticSecretProvider>();
            secrets->setSecret(id.tenantId, id.clientId, id.secret);
            sync::SyncEngine engine(secrets);
            QSignalSpy spy(&engine, &sync::SyncEngine::finished);
            QVERIFY(engine.start(request));
            QVERIFY(spy.wait(60000));
            const auto summary = spy.at(0).at(0).value<sync::SyncSummary>();
            const auto t = summary.targets.value(0);
            errorText = summary.errors.join(u"; "_s) + u" | "_s + t.firstError;
            refused = t.accepted == 0 && bad.storedObjects(id.workspaceId).isEmpty()
                && errorText.contains(u"TLS"_s, Qt::CaseInsensitive);
            if (client == u"upload")
                QVERIFY2(good.tokenRequestCount() >= 1, "the token step did not run: the upload was never tried");
        }
        test::Figures figures(u"tls-"_s + QString::fromLatin1(QTest::currentDataTag()), u"tls"_s);
        figures.set(u"refused"_s, refused ? 1 : 0).set(u"requests_reaching_server"_s, badRequests);
        figures.write(refused && badRequests == 0);
        QVERIFY2(refused, qPrintable(errorText));
        QCOMPARE(badRequests, 0);
    }

    // The positive control: with the right trust the same clients do connect, so the refusals
    // above are about the certificates and not a broken setup.
    void acceptedWithTestCa()
    {
        test::CampaignIdentity id;
        id.secret = u"tls-refusal-secret-0123456789"_s;
        sandbox::Sandbox good;
        QVERIFY(startBox(good, Kind::Good, id));
        sentinel::Target target = test::sandboxTarget(good.httpsUrl().toString(QUrl::StripTrailingSlash), id);
        sync::SyncRequest request;
        request.targets = { target };
        request.input.objects = test::makeIndicators(5, u"tls"_s);
        request.options.upload = test::fastPolicy(60, 5000);
        auto secrets = std::make_shared<sentinel::StaticSecretProvider>();
        secrets->setSecret(id.tenantId, id.clientId, id.secret);
        sync::SyncEngine engine(secrets);
        QSignalSpy spy(&engine, &sync::SyncEngine::finished);
        QVERIFY(engine.start(request));
        QVERIFY(spy.wait(60000));
        QCOMPARE(good.storedObjects(id.workspaceId).size(), 5);
    }

    void plainHttpRefusedExceptLoopback_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<bool>("allowed");
        QTest::newRow("https public") << u"https://misp.example.org"_s << true;
        QTest::newRow("http public") << u"http://misp.example.org"_s << false;
        QTest::newRow("http private") << u"http://10.1.2.3:8080"_s << false;
        QTest::newRow("http 127/8") << u"http://127.0.0.1:8080"_s << true;
        QTest::newRow("http 127.5") << u"http://127.5.6.7"_s << true;
        QTest::newRow("http localhost") << u"http://localhost:1234"_s << true;
        QTest::newRow("http ::1") << u"http://[::1]:8080"_s << true;
        QTest::newRow("http localhost-ish") << u"http://localhost.evil.example"_s << false;
        QTest::newRow("http 127 as name") << u"http://127.0.0.1.nip.example"_s << false;
        QTest::newRow("ftp") << u"ftp://127.0.0.1"_s << false;
    }
    void plainHttpRefusedExceptLoopback()
    {
        QFETCH(QString, url);
        QFETCH(bool, allowed);
        QString why;
        QCOMPARE(net::isAllowedUrl(QUrl(url), &why), allowed);
        if (!allowed)
            QVERIFY(!why.isEmpty());
        // Every client checks it before connecting.
        misp::MispConnection c;
        c.baseUrl = QUrl(url);
        c.apiKey = u"k0123456789abcdef"_s;
        QCOMPARE(c.validate().ok(), allowed);
        test::CampaignIdentity id;
        const sentinel::Target t = test::sandboxTarget(url, id);
        QCOMPARE(t.validate().isEmpty(), allowed);
    }
};

QTEST_GUILESS_MAIN(TestTlsRefusal)
#include "tst_tls_refusal.moc"
