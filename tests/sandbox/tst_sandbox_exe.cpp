// SPDX-License-Identifier: BSD-2-Clause
// msb-sandbox as a process: config file, ready file, real requests, shutdown on stdin close and SIGTERM.
#include "tests/sandbox/testhttp.h"
#include "tests/support/testpaths.h"

#include <QFile>
#include <QJsonArray>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace Qt::Literals::StringLiterals;

namespace {

const QString Tenant = u"11111111-2222-4333-8444-555555555555"_s;
const QString App = u"aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee"_s;
const QString Ws = u"0b0b0b0b-1111-4222-8333-444444444444"_s;
const QString Secret = u"canary-secret-7f3a9c"_s;

} // namespace

class TestSandboxExe final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QString executable() const { return msb::test::binaryDir() + u"/msb-sandbox"_s; }

    QString writeConfig(const QJsonObject &config)
    {
        const QString path = m_dir.filePath(u"sandbox.json"_s);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            return {};
        file.write(QJsonDocument(config).toJson());
        return path;
    }

    static QJsonObject baseConfig()
    {
        return QJsonObject { { u"https"_s, QJsonObject { { u"enabled"_s, true } } },
            { u"tenants"_s,
                QJsonArray { QJsonObject { { u"id"_s, Tenant },
                    { u"apps"_s,
                        QJsonArray { QJsonObject { { u"clientId"_s, App },
                            { u"secrets"_s, QJsonArray { QJsonObject { { u"value"_s, Secret } } } } } } } } } },
            { u"workspaces"_s,
                QJsonArray {
                    QJsonObject { { u"id"_s, Ws }, { u"tenant"_s, Tenant }, { u"grants"_s, QJsonArray { App } } } } },
            { u"rateLimit"_s, QJsonObject { { u"limit"_s, 2 }, { u"key"_s, u"workspace"_s } } },
            { u"faults"_s,
                QJsonArray { QJsonObject { { u"route"_s, u"stix-upload"_s },
                    { u"kind"_s, u"status"_s },
                    { u"status"_s, 503 },
                    { u"count"_s, 1 } } } } };
    }

    /// Starts the process and waits for its ready file; returns the ready JSON.
    QJsonObject startAndWait(QProcess &process, const QStringList &extra = {})
    {
        const QString ready = m_dir.filePath(u"ready.json"_s);
        QFile::remove(ready);
        process.setProgram(executable());
        process.setArguments(
            QStringList { u"--config"_s, writeConfig(baseConfig()), u"--ready-file"_s, ready } + extra);
        process.start();
        if (!process.waitForStarted(5000))
            return {};
        if (!QTest::qWaitFor([&] { return QFile::exists(ready) || process.state() == QProcess::NotRunning; }, 10000))
            return {};
        QFile file(ready);
        if (!file.open(QIODevice::ReadOnly))
            return {};
        return QJsonDocument::fromJson(file.readAll()).object();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY2(QFile::exists(executable()), qPrintable(executable()));
    }

    void servesAndStopsWhenStdinCloses()
    {
        QProcess process;
        const QJsonObject ready = startAndWait(process, { u"--exit-on-stdin-close"_s });
        QVERIFY2(!ready.isEmpty(), process.readAllStandardError().constData());
        const QUrl http(ready.value(u"http"_s).toString());
        QCOMPARE(http.host(), u"127.0.0.1"_s);
        QVERIFY(http.port() > 0);
        QVERIFY(ready.value(u"https"_s).toString().startsWith(u"https://127.0.0.1:"_s));
        QVERIFY(QFile::exists(ready.value(u"caFile"_s).toString()));
        // The secret was never on the command line.
        QVERIFY(!process.arguments().join(u' ').contains(Secret));

        QNetworkAccessManager nam;
        QNetworkRequest tokenRequest(msb::sandbox::test::withPath(http, u"/%1/oauth2/v2.0/token"_s.arg(Tenant)));
        tokenRequest.setHeader(
            QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/x-www-form-urlencoded"));
        const auto token = msb::sandbox::test::exchange(nam,
            tokenRequest,
            "POST",
            "grant_type=client_credentials&client_id=" + App.toLatin1() + "&client_secret=" + Secret.toLatin1()
                + "&scope=https%3A%2F%2Fmanagement.azure.com%2F.default");
        QCOMPARE(token.status, 200);
        const QByteArray accessToken = token.json().value(u"access_token"_s).toString().toLatin1();

        const QUrl upload = msb::sandbox::test::withPath(http,
            u"/workspaces/%1/threat-intelligence-stix-objects:upload"_s.arg(Ws),
            u"api-version=2024-02-01-preview"_s);
        const QByteArray body
            = QJsonDocument(QJsonObject { { u"sourcesystem"_s, u"MISP"_s },
                                { u"stixobjects"_s,
                                    QJsonArray { QJsonObject { { u"type"_s, u"indicator"_s },
                                        { u"id"_s, u"indicator--10000003-71a2-445c-ab86-927291df48f8"_s },
                                        { u"created"_s, u"2020-01-01T00:00:00Z"_s },
                                        { u"modified"_s, u"2020-01-01T00:00:00Z"_s },
                                        { u"pattern"_s, u"[ipv4-addr:value = '1.2.3.4']"_s },
                                        { u"pattern_type"_s, u"stix"_s },
                                        { u"valid_from"_s, u"2020-01-01T00:00:00Z"_s } } } } })
                  .toJson();
        // The configured fault (one 503, which never reaches the limiter), then the configured limit of 2.
        QCOMPARE(msb::sandbox::test::exchange(nam, msb::sandbox::test::jsonRequest(upload, accessToken), "POST", body)
                     .status,
            503);
        for (int i = 0; i < 2; ++i)
            QCOMPARE(
                msb::sandbox::test::exchange(nam, msb::sandbox::test::jsonRequest(upload, accessToken), "POST", body)
                    .status,
                200);
        QCOMPARE(msb::sandbox::test::exchange(nam, msb::sandbox::test::jsonRequest(upload, accessToken), "POST", body)
                     .status,
            429);
        const auto stored = msb::sandbox::test::exchange(nam,
            QNetworkRequest(msb::sandbox::test::withPath(http, u"/_sandbox/workspaces/%1/objects"_s.arg(Ws))),
            "GET");
        QCOMPARE(stored.json().value(u"objects"_s).toArray().size(), 1);

        process.closeWriteChannel();
        QVERIFY(process.waitForFinished(10000));
        QCOMPARE(process.exitStatus(), QProcess::NormalExit);
        QCOMPARE(process.exitCode(), 0);
        QVERIFY(!QFile::exists(m_dir.filePath(u"ready.json"_s)));
        const QByteArray output = process.readAllStandardOutput() + process.readAllStandardError();
        QVERIFY(output.contains("ready"));
        QVERIFY(!output.contains(Secret.toLatin1()));
    }

    void stopsOnSigterm()
    {
        QProcess process;
        const QJsonObject ready = startAndWait(process, { u"--no-https"_s });
        QVERIFY(!ready.isEmpty());
        QCOMPARE(ready.value(u"https"_s).toString(), QString());
        process.terminate();
        QVERIFY(process.waitForFinished(10000));
        QCOMPARE(process.exitStatus(), QProcess::NormalExit);
        QCOMPARE(process.exitCode(), 0);
    }

    void badConfigNamesTheKey()
    {
        QJsonObject config = baseConfig();
        config.insert(u"rateLimit"_s, QJsonObject { { u"key"_s, u"tenant"_s } });
        QProcess process;
        process.start(executable(), { u"--config"_s, writeConfig(config) });
        QVERIFY(process.waitForFinished(10000));
        QCOMPARE(process.exitCode(), 2);
        const QByteArray error = process.readAllStandardError();
        QVERIFY2(error.contains("rateLimit.key"), error.constData());
    }
};

QTEST_GUILESS_MAIN(TestSandboxExe)
#include "tst_sandbox_exe.moc"
