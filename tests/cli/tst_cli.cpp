// SPDX-License-Identifier: BSD-2-Clause
// Every subcommand and exit code of the CLI, run as a separate process against msb-sandbox.
#include "tests/cli/clitestenv.h"
#include "tests/support/testpaths.h"

#include <QDateTime>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using msb::test::CliRun;
using msb::test::CliWorld;

namespace {

// The documented exit codes (app/cli/commandregistry.h, README).
constexpr int kSuccess = 0;
constexpr int kPartial = 1;
constexpr int kUsage = 2;
constexpr int kConfiguration = 3;
constexpr int kAuthentication = 4;
constexpr int kUnreachable = 5;

QString describe(const CliRun &r)
{
    return u"exit %1\n--- stdout\n%2\n--- stderr\n%3"_s.arg(r.exitCode)
        .arg(QString::fromUtf8(r.out.left(4000)), QString::fromUtf8(r.err.left(4000)));
}

QJsonArray targetsOf(const QJsonObject &o)
{
    return o.value(u"targets"_s).toArray();
}

QJsonObject targetNamed(const QJsonObject &o, const QString &name)
{
    for (const QJsonValue &v : targetsOf(o)) {
        if (v.toObject().value(u"target"_s).toString() == name)
            return v.toObject();
    }
    return {};
}

} // namespace

class TestCli final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void usage_data();
    void usage();
    void everyCommandHasHelp_data();
    void everyCommandHasHelp();
    void noProfileIsAConfigurationError();
    void profilesImportListShow();
    void unknownProfileOrTarget_data();
    void unknownProfileOrTarget();
    void missingSecretIsAConfigurationError();
    void checkReportsEveryTarget();
    void checkWithWrongClientSecretIsAnAuthenticationError();
    void wrongMispKeyIsAnAuthenticationError();
    void unreachableSourceExits5();
    void fetchFromMispRest();
    void previewJsonListsActionsAndDrops();
    void dryRunThenSyncThenIncrementalSyncThenHistory();
    void partialFailureWhenOneTargetLacksItsRole();
    void exportWritesABundle();
    void secretsFromStdin();
    void convertOfflineGoesOnPastBadInput();
    void tenantsImportKeepsSecretsOffDisk();
    void keyVaultImport();
    void progressOnlyWhenStderrIsATerminal();
    void sigtermCancelsWithExit130();
    void logFileRecordsRunsWithoutSecrets();
    void cleanupTestCase();

private:
    CliRun run(const QStringList &args) { return checked(m_world.run(args)); }
    CliRun run(const QStringList &args,
        const QProcessEnvironment &env,
        const QByteArray &input = {},
        const QString &program = {})
    {
        return checked(m_world.run(args, env, input, program));
    }
    /// Every run: finished, and no secret in what it printed.
    CliRun checked(CliRun r)
    {
        m_runs += 1;
        if (!r.finished)
            qWarning("a CLI run did not finish in time");
        for (const QString &secret : { m_world.mispKey(), m_world.secretA(), m_world.secretB() }) {
            if (r.out.contains(secret.toUtf8()) || r.err.contains(secret.toUtf8()))
                m_leaks += 1;
        }
        return r;
    }
    QJsonObject sandboxObjects(const QString &workspace);

    /// Values that must never reach the log file, even the wrong ones tests pass on purpose.
    QStringList m_secrets;
    CliWorld m_world;
    int m_runs = 0;
    int m_leaks = 0;
};

void TestCli::initTestCase()
{
    QVERIFY2(QFile::exists(msb::test::appExecutable()), qPrintable(msb::test::appExecutable()));
    QString error;
    QVERIFY2(m_world.start(&error), qPrintable(error));
}

void TestCli::cleanupTestCase()
{
    QVERIFY(m_runs > 20);
    QCOMPARE(m_leaks, 0); // no secret ever appeared on stdout or stderr
}

QJsonObject TestCli::sandboxObjects(const QString &workspace)
{
    QNetworkAccessManager nam;
    QNetworkRequest request(QUrl(m_world.url() + u"/_sandbox/workspaces/"_s + workspace + u"/objects"_s));
    request.setTransferTimeout(10000);
    QNetworkReply *reply = nam.get(request);
    QSignalSpy done(reply, &QNetworkReply::finished);
    if (!done.wait(15000))
        return {};
    reply->deleteLater();
    return QJsonDocument::fromJson(reply->readAll()).object();
}

void TestCli::usage_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("stdoutContains");
    QTest::addColumn<QString>("stderrContains");
    QTest::newRow("--help") << QStringList { u"--help"_s } << kSuccess << u"Commands:"_s << QString();
    QTest::newRow("--version") << QStringList { u"--version"_s } << kSuccess << u"misp-sentinel-bridge 0."_s
                               << QString();
    QTest::newRow("unknown command") << QStringList { u"frobnicate"_s } << kUsage << QString() << u"unknown command"_s;
    QTest::newRow("unknown option") << QStringList { u"sync"_s, u"--no-such-option"_s } << kUsage << QString()
                                    << u"no-such-option"_s;
    QTest::newRow("profiles: unknown subcommand")
        << QStringList { u"profiles"_s, u"frobnicate"_s } << kUsage << QString() << u"unknown subcommand"_s;
    QTest::newRow("export without --out") << QStringList { u"export"_s } << kUsage << QString() << u"--out"_s;
    QTest::newRow("export: unknown format") << QStringList { u"export"_s, u"--format"_s, u"csv"_s, u"--out"_s, u"x"_s }
                                            << kUsage << QString() << u"stix-bundle"_s;
    QTest::newRow("history: bad limit") << QStringList { u"history"_s, u"--limit"_s, u"zero"_s } << kUsage << QString()
                                        << u"--limit"_s;
    QTest::newRow("no secret options: --client-secret")
        << QStringList { u"sync"_s, u"--client-secret"_s, u"x"_s } << kUsage << QString() << u"client-secret"_s;
    QTest::newRow("no secret options: --misp-key")
        << QStringList { u"check"_s, u"--misp-key"_s, u"x"_s } << kUsage << QString() << u"misp-key"_s;
    QTest::newRow("import without --name") << QStringList { u"profiles"_s, u"import"_s, u"--tenants"_s, u"x.json"_s }
                                           << kUsage << QString() << u"--name"_s;
}

void TestCli::usage()
{
    QFETCH(QStringList, args);
    QFETCH(int, exitCode);
    QFETCH(QString, stdoutContains);
    QFETCH(QString, stderrContains);
    const CliRun r = run(args);
    QVERIFY2(r.exitCode == exitCode, qPrintable(describe(r)));
    QVERIFY2(QString::fromUtf8(r.out).contains(stdoutContains), qPrintable(describe(r)));
    QVERIFY2(QString::fromUtf8(r.err).contains(stderrContains), qPrintable(describe(r)));
}

void TestCli::everyCommandHasHelp_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("check") << QStringList { u"check"_s, u"--help"_s } << u"--target"_s;
    QTest::newRow("fetch") << QStringList { u"fetch"_s, u"--help"_s } << u"--profile"_s;
    QTest::newRow("preview") << QStringList { u"preview"_s, u"--help"_s } << u"--objects"_s;
    QTest::newRow("sync") << QStringList { u"sync"_s, u"--help"_s } << u"--dry-run"_s;
    QTest::newRow("export") << QStringList { u"export"_s, u"--help"_s } << u"--format"_s;
    QTest::newRow("history") << QStringList { u"history"_s, u"--help"_s } << u"--limit"_s;
    QTest::newRow("profiles") << QStringList { u"profiles"_s, u"--help"_s } << u"import"_s;
    QTest::newRow("profiles import") << QStringList { u"profiles"_s, u"import"_s, u"--help"_s } << u"--app-settings"_s;
    QTest::newRow("convert") << QStringList { u"convert"_s, u"--help"_s } << u"--out"_s;
}

void TestCli::everyCommandHasHelp()
{
    QFETCH(QStringList, args);
    QFETCH(QString, mentions);
    const CliRun r = run(args);
    QVERIFY2(r.exitCode == kSuccess, qPrintable(describe(r)));
    QVERIFY2(QString::fromUtf8(r.out).contains(mentions), qPrintable(describe(r)));
    QVERIFY2(QString::fromUtf8(r.out).contains(u"Usage: misp-sentinel-bridge "_s), qPrintable(describe(r)));
    // Secrets never on the command line: no option takes a key, secret, password or token
    // (--key-vault and --key-vault-host name an Azure Key Vault and its address, not a key).
    static const QRegularExpression secretOption(
        u"--(?!secrets-from-stdin|key-vault)[a-z-]*(secret|key|password|token)"_s);
    QVERIFY2(!secretOption.match(QString::fromUtf8(r.out)).hasMatch(), qPrintable(describe(r)));
}

void TestCli::noProfileIsAConfigurationError()
{
    // Runs first (slots run in order): no profile exists yet.
    for (const QString &command : { u"sync"_s, u"check"_s, u"preview"_s }) {
        const CliRun r = run({ command });
        QVERIFY2(r.exitCode == kConfiguration, qPrintable(describe(r)));
        QVERIFY2(QString::fromUtf8(r.err).contains(u"no profile"_s, Qt::CaseInsensitive), qPrintable(describe(r)));
    }
    const CliRun json = run({ u"sync"_s, u"--json"_s });
    QCOMPARE(json.exitCode, kConfiguration);
}

void TestCli::profilesImportListShow()
{
    QCOMPARE(m_world.importProfile(m_world.profileJson(u"Rest"_s, u"server"_s)), kSuccess);
    QCOMPARE(m_world.importProfile(m_world.profileJson(u"Feed"_s, u"feed"_s)), kSuccess);
    QCOMPARE(m_world.importProfile(m_world.profileJson(u"Partial"_s, u"feed"_s, true)), kSuccess);

    const CliRun list = run({ u"profiles"_s, u"list"_s, u"--json"_s });
    QVERIFY2(list.exitCode == kSuccess, qPrintable(describe(list)));
    QStringList names;
    for (const QJsonValue &p : list.json().value(u"profiles"_s).toArray())
        names << p.toObject().value(u"name"_s).toString();
    names.sort();
    QCOMPARE(names, (QStringList { u"Feed"_s, u"Partial"_s, u"Rest"_s }));
    // The first import became the default.
    QCOMPARE(list.json().value(u"default"_s).toString(), u"Rest"_s);

    const CliRun show = run({ u"profiles"_s, u"show"_s, u"Partial"_s, u"--json"_s });
    QVERIFY2(show.exitCode == kSuccess, qPrintable(describe(show)));
    const QJsonObject p = show.json();
    QCOMPARE(p.value(u"name"_s).toString(), u"Partial"_s);
    QCOMPARE(p.value(u"misp"_s).toObject().value(u"kind"_s).toString(), u"feed"_s);
    QCOMPARE(targetsOf(p).size(), 3);
    QCOMPARE(targetsOf(p).at(2).toObject().value(u"workspaceId"_s).toString(), CliWorld::wsNoRole());
    QCOMPARE(targetsOf(p).at(1).toObject().value(u"apiKind"_s).toString(), u"legacy-indicators"_s);

    const CliRun text = run({ u"profiles"_s, u"show"_s, u"Rest"_s });
    QVERIFY2(text.exitCode == kSuccess, qPrintable(describe(text)));
    QVERIFY(text.out.contains(CliWorld::wsProd().toUtf8()));

    // A profile JSON that is not one is an input error, and nothing is saved.
    const QString bad = m_world.home() + u"/bad.json"_s;
    QFile f(bad);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("[1,2,3]");
    f.close();
    const CliRun invalid = run({ u"profiles"_s, u"import"_s, u"--name"_s, u"Bad"_s, u"--profile-json"_s, bad });
    QVERIFY2(invalid.exitCode == 6, qPrintable(describe(invalid)));
}

void TestCli::unknownProfileOrTarget_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("profile") << QStringList { u"sync"_s, u"--profile"_s, u"Nope"_s } << u"Nope"_s;
    QTest::newRow("target") << QStringList { u"preview"_s, u"--profile"_s, u"Feed"_s, u"--target"_s, u"Nowhere"_s }
                            << u"Nowhere"_s;
    QTest::newRow("profile via env") << QStringList { u"check"_s } << u"FromEnv"_s;
}

void TestCli::unknownProfileOrTarget()
{
    QFETCH(QStringList, args);
    QFETCH(QString, mentions);
    QProcessEnvironment env = m_world.environment();
    if (mentions == u"FromEnv"_s)
        env.insert(u"MSB_PROFILE"_s, u"FromEnv"_s);
    const CliRun r = run(args, env);
    QVERIFY2(r.exitCode == kConfiguration, qPrintable(describe(r)));
    QVERIFY2(QString::fromUtf8(r.err).contains(mentions), qPrintable(describe(r)));
}

void TestCli::missingSecretIsAConfigurationError()
{
    QProcessEnvironment env = m_world.environment();
    env.remove(u"MSB_MISP_KEY"_s);
    const CliRun r = run({ u"fetch"_s, u"--profile"_s, u"Rest"_s }, env);
    QVERIFY2(r.exitCode == kConfiguration, qPrintable(describe(r)));
    // The message names where the key was looked for.
    QVERIFY2(r.err.contains("MSB_MISP_KEY"), qPrintable(describe(r)));
}

void TestCli::checkReportsEveryTarget()
{
    const CliRun r = run({ u"check"_s, u"--profile"_s, u"Rest"_s, u"--json"_s });
    QVERIFY2(r.exitCode == kSuccess, qPrintable(describe(r)));
    const QJsonObject o = r.json();
    QCOMPARE(o.value(u"misp"_s).toObject().value(u"ok"_s).toBool(), true);
    QVERIFY(!o.value(u"misp"_s).toObject().value(u"version"_s).toString().isEmpty());
    QCOMPARE(targetsOf(o).size(), 2);
    for (const QJsonValue &t : targetsOf(o))
        QVERIFY2(t.toObject().value(u"ok"_s).toBool(), qPrintable(describe(r)));

    const CliRun text = run({ u"check"_s, u"--profile"_s, u"Rest"_s });
    QCOMPARE(text.exitCode, kSuccess);
    QCOMPARE(text.out.count("OK"), 3);
}

void TestCli::checkWithWrongClientSecretIsAnAuthenticationError()
{
    QProcessEnvironment env = m_world.environment();
    env.insert(CliWorld::secretVariable(CliWorld::tenantB(), CliWorld::clientB()), u"definitely-not-the-secret"_s);
    const CliRun r = run({ u"check"_s, u"--profile"_s, u"Rest"_s, u"--json"_s }, env);
    QVERIFY2(r.exitCode == kAuthentication, qPrintable(describe(r)));
    const QJsonObject partner = targetNamed(r.json(), u"Partner"_s);
    QCOMPARE(partner.value(u"ok"_s).toBool(), false);
    QVERIFY2(
        partner.value(u"error"_s).toObject().value(u"message"_s).toString().contains(u"secret"_s, Qt::CaseInsensitive),
        qPrintable(describe(r)));
    QCOMPARE(targetNamed(r.json(), u"Prod"_s).value(u"ok"_s).toBool(), true);
    QVERIFY(!r.out.contains("definitely-not-the-secret"));

    // A sync where every target's token is refused stops with the same exit code.
    QProcessEnvironment allWrong = env;
    allWrong.insert(CliWorld::secretVariable(CliWorld::tenantA(), CliWorld::clientA()), u"also-wrong-secret"_s);
    const CliRun s = run({ u"sync"_s, u"--profile"_s, u"Feed"_s }, allWrong);
    QVERIFY2(s.exitCode == kAuthentication, qPrintable(describe(s)));
    // ... and is still a run in `history` (outcome "failed", the refusal per target in plain words).
    const CliRun h = run({ u"history"_s, u"--profile"_s, u"Feed"_s, u"--json"_s });
    QVERIFY2(h.exitCode == kSuccess, qPrintable(describe(h)));
    const QJsonObject stopped = h.json().value(u"runs"_s).toArray().at(0).toObject();
    QCOMPARE(stopped.value(u"outcome"_s).toString(), u"failed"_s);
    QVERIFY2(targetNamed(stopped, u"Prod"_s).value(u"error"_s).toString().contains(u"AADSTS7000215"_s),
        qPrintable(describe(h)));
    QCOMPARE(targetNamed(stopped, u"Prod"_s).value(u"accepted"_s).toInt(), 0);
    QVERIFY(!h.out.contains("also-wrong-secret"));
}

void TestCli::wrongMispKeyIsAnAuthenticationError()
{
    QProcessEnvironment env = m_world.environment();
    env.insert(u"MSB_MISP_KEY"_s, u"wrong-misp-key-0123456789"_s);
    const CliRun fetch = run({ u"fetch"_s, u"--profile"_s, u"Rest"_s }, env);
    QVERIFY2(fetch.exitCode == kAuthentication, qPrintable(describe(fetch)));
    const CliRun check = run({ u"check"_s, u"--profile"_s, u"Rest"_s, u"--json"_s }, env);
    QVERIFY2(check.exitCode == kAuthentication, qPrintable(describe(check)));
    QCOMPARE(check.json().value(u"misp"_s).toObject().value(u"ok"_s).toBool(), false);
}

void TestCli::unreachableSourceExits5()
{
    QJsonObject p = m_world.profileJson(u"Unreachable"_s, u"server"_s);
    QJsonObject misp = p.value(u"misp"_s).toObject();
    misp.insert(u"url"_s, u"http://127.0.0.1:9"_s); // discard port: nothing listens
    misp.insert(u"timeoutSeconds"_s, 5);
    p.insert(u"misp"_s, misp);
    QCOMPARE(m_world.importProfile(p), kSuccess);
    const CliRun r = run({ u"fetch"_s, u"--profile"_s, u"Unreachable"_s, u"--json"_s });
    QVERIFY2(r.exitCode == kUnreachable, qPrintable(describe(r)));
    QVERIFY(!r.json().value(u"error"_s).toObject().value(u"message"_s).toString().isEmpty());

    // A feed folder that does not exist is unreachable too.
    QJsonObject feed = m_world.profileJson(u"NoFeed"_s, u"feed"_s);
    QJsonObject feedMisp = feed.value(u"misp"_s).toObject();
    feedMisp.insert(u"feedPath"_s, QString(m_world.home() + u"/no-such-feed"_s));
    feed.insert(u"misp"_s, feedMisp);
    QCOMPARE(m_world.importProfile(feed), kSuccess);
    const CliRun f = run({ u"preview"_s, u"--profile"_s, u"NoFeed"_s });
    QVERIFY2(f.exitCode == kUnreachable, qPrintable(describe(f)));
}

void TestCli::fetchFromMispRest()
{
    const CliRun feed = run({ u"fetch"_s, u"--profile"_s, u"Feed"_s, u"--json"_s });
    QVERIFY2(feed.exitCode == kSuccess, qPrintable(describe(feed)));
    const int feedEvents = feed.json().value(u"events"_s).toArray().size();
    QVERIFY(feedEvents > 0);

    // The same events through restSearch, in pages of 2.
    const CliRun r = run({ u"fetch"_s, u"--profile"_s, u"Rest"_s, u"--json"_s });
    QVERIFY2(r.exitCode == kSuccess, qPrintable(describe(r)));
    const QJsonObject o = r.json();
    QCOMPARE(o.value(u"events"_s).toArray().size(), feedEvents);
    QVERIFY(o.value(u"source"_s).toObject().value(u"pages"_s).toInt() >= feedEvents / 2);
    for (const QJsonValue &e : o.value(u"events"_s).toArray())
        QVERIFY(e.toObject().value(u"published"_s).toBool()); // the profile filters on published
}

void TestCli::previewJsonListsActionsAndDrops()
{
    const CliRun r = run({ u"preview"_s, u"--profile"_s, u"Feed"_s, u"--json"_s });
    QVERIFY2(r.exitCode == kSuccess, qPrintable(describe(r)));
    const QJsonObject o = r.json();
    const int objects = o.value(u"source"_s).toObject().value(u"objects"_s).toInt();
    QVERIFY(objects > 0);
    const QJsonObject prod = targetNamed(o, u"Prod"_s);
    // Nothing was ever sent: everything for the STIX API is new.
    QCOMPARE(prod.value(u"counts"_s).toObject().value(u"new"_s).toInt(), objects);
    QCOMPARE(prod.value(u"objects"_s).toArray().size(), objects);
    // The legacy API takes indicators only, and says so for what it filters.
    const QJsonObject partner = targetNamed(o, u"Partner"_s);
    const QJsonObject counts = partner.value(u"counts"_s).toObject();
    QCOMPARE(counts.value(u"new"_s).toInt() + counts.value(u"filtered"_s).toInt(), objects);
    for (const QJsonValue &v : partner.value(u"objects"_s).toArray()) {
        if (v.toObject().value(u"action"_s).toString() == u"filtered"_s)
            QVERIFY(!v.toObject().value(u"reason"_s).toString().isEmpty());
    }
    // Every dropped attribute comes with its reason.
    const QJsonArray dropped = o.value(u"dropped"_s).toArray();
    QVERIFY(!dropped.isEmpty());
    for (const QJsonValue &d : dropped)
        QVERIFY(!d.toObject().value(u"reason"_s).toString().isEmpty());
    int byReason = 0;
    const QJsonObject reasons = o.value(u"source"_s).toObject().value(u"dropsByReason"_s).toObject();
    for (auto it = reasons.begin(); it != reasons.end(); ++it)
        byReason += it.value().toInt();
    QCOMPARE(byReason, int(dropped.size()));
}

void TestCli::dryRunThenSyncThenIncrementalSyncThenHistory()
{
    const CliRun dry = run({ u"sync"_s, u"--dry-run"_s, u"--profile"_s, u"Feed"_s, u"--json"_s });
    QVERIFY2(dry.exitCode == kSuccess, qPrintable(describe(dry)));
    QVERIFY(dry.json().value(u"dryRun"_s).toBool());
    const int planned = targetNamed(dry.json(), u"Prod"_s).value(u"counts"_s).toObject().value(u"new"_s).toInt();
    QVERIFY(planned > 0);
    QCOMPARE(sandboxObjects(CliWorld::wsProd()).value(u"objects"_s).toArray().size(), 0); // dry run sent nothing

    const CliRun first = run({ u"sync"_s, u"--profile"_s, u"Feed"_s, u"--json"_s });
    QVERIFY2(first.exitCode == kSuccess, qPrintable(describe(first)));
    const QJsonObject prod = targetNamed(first.json(), u"Prod"_s);
    QCOMPARE(prod.value(u"accepted"_s).toInt(), planned);
    QCOMPARE(prod.value(u"rejected"_s).toInt(), 0);
    // What the workspace holds is exactly what we said was accepted.
    QCOMPARE(sandboxObjects(CliWorld::wsProd()).value(u"objects"_s).toArray().size(), planned);
    const int partnerAccepted = targetNamed(first.json(), u"Partner"_s).value(u"accepted"_s).toInt();
    QCOMPARE(sandboxObjects(CliWorld::wsPartner()).value(u"objects"_s).toArray().size(), partnerAccepted);

    const CliRun second = run({ u"sync"_s, u"--profile"_s, u"Feed"_s, u"--json"_s });
    QVERIFY2(second.exitCode == kSuccess, qPrintable(describe(second)));
    const QJsonObject again = targetNamed(second.json(), u"Prod"_s);
    QCOMPARE(again.value(u"accepted"_s).toInt(), 0);
    QCOMPARE(again.value(u"unchanged"_s).toInt(), planned);

    const CliRun history = run({ u"history"_s, u"--profile"_s, u"Feed"_s, u"--json"_s });
    QVERIFY2(history.exitCode == kSuccess, qPrintable(describe(history)));
    // Runs that stopped before uploading (an earlier case's refused tokens) are left out here.
    QJsonArray runs;
    for (const QJsonValue &r : history.json().value(u"runs"_s).toArray())
        if (r.toObject().value(u"outcome"_s).toString() != u"failed"_s)
            runs.append(r);
    QCOMPARE(runs.size(), 2);
    // Newest first: the second run sent nothing, the first sent `planned` to Prod.
    auto prodCounts = [](const QJsonObject &runRecord) {
        for (const QJsonValue &t : runRecord.value(u"targets"_s).toArray()) {
            if (t.toObject().value(u"target"_s).toString() == u"Prod"_s)
                return t.toObject();
        }
        return QJsonObject();
    };
    QCOMPARE(prodCounts(runs.at(1).toObject()).value(u"accepted"_s).toInt(), planned);
    QCOMPARE(prodCounts(runs.at(0).toObject()).value(u"accepted"_s).toInt(), 0);
    QCOMPARE(runs.at(0).toObject().value(u"outcome"_s).toString(), u"ok"_s);

    const CliRun text = run({ u"history"_s });
    QCOMPARE(text.exitCode, kSuccess);
    QVERIFY(text.out.contains("Prod"));
}

void TestCli::partialFailureWhenOneTargetLacksItsRole()
{
    const CliRun r = run({ u"sync"_s, u"--profile"_s, u"Partial"_s, u"--json"_s });
    QVERIFY2(r.exitCode == kPartial, qPrintable(describe(r)));
    const QJsonObject noRole = targetNamed(r.json(), u"NoRole"_s);
    QCOMPARE(noRole.value(u"accepted"_s).toInt(), 0);
    QVERIFY(noRole.value(u"failed"_s).toInt() > 0);
    QVERIFY2(noRole.value(u"error"_s).toString().contains(u"Sentinel Contributor"_s), qPrintable(describe(r)));
    // The other targets are not held back by it.
    QCOMPARE(targetNamed(r.json(), u"Prod"_s).value(u"failed"_s).toInt(), 0);
    QCOMPARE(sandboxObjects(CliWorld::wsNoRole()).value(u"objects"_s).toArray().size(), 0);
}

void TestCli::exportWritesABundle()
{
    const QString out = m_world.home() + u"/bundle.json"_s;
    const CliRun r = run(
        { u"export"_s, u"--profile"_s, u"Feed"_s, u"--format"_s, u"stix-bundle"_s, u"--out"_s, out, u"--json"_s });
    QVERIFY2(r.exitCode == kSuccess, qPrintable(describe(r)));
    QFile f(out);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QJsonObject bundle = QJsonDocument::fromJson(f.readAll()).object();
    QCOMPARE(bundle.value(u"type"_s).toString(), u"bundle"_s);
    const QJsonArray objects = bundle.value(u"objects"_s).toArray();
    QCOMPARE(objects.size(), r.json().value(u"objects"_s).toInt());
    int indicators = 0;
    for (const QJsonValue &o : objects)
        indicators += o.toObject().value(u"type"_s).toString() == u"indicator"_s ? 1 : 0;
    QVERIFY(indicators > 0);
    QVERIFY(indicators <= r.json().value(u"source"_s).toObject().value(u"objects"_s).toInt());
}

void TestCli::secretsFromStdin()
{
    QProcessEnvironment env = m_world.environment();
    env.remove(u"MSB_MISP_KEY"_s);
    env.remove(CliWorld::secretVariable(CliWorld::tenantA(), CliWorld::clientA()));
    env.remove(CliWorld::secretVariable(CliWorld::tenantB(), CliWorld::clientB()));
    const QByteArray input = "# secrets for this run only\n"
        + u"MSB_MISP_KEY=%1\n%2=%3\n%4=%5\n"_s
              .arg(m_world.mispKey(),
                  CliWorld::secretVariable(CliWorld::tenantA(), CliWorld::clientA()),
                  m_world.secretA(),
                  CliWorld::secretVariable(CliWorld::tenantB(), CliWorld::clientB()),
                  m_world.secretB())
              .toUtf8();
    const CliRun r = run({ u"check"_s, u"--profile"_s, u"Rest"_s, u"--secrets-from-stdin"_s }, env, input);
    QVERIFY2(r.exitCode == kSuccess, qPrintable(describe(r)));
    // Without them the same check cannot run.
    const CliRun without = run({ u"check"_s, u"--profile"_s, u"Rest"_s }, env);
    QVERIFY2(without.exitCode == kConfiguration, qPrintable(describe(without)));
    // A malformed line is refused without echoing it.
    const CliRun bad = run(
        { u"check"_s, u"--profile"_s, u"Rest"_s, u"--secrets-from-stdin"_s }, env, "this-line-has-no-equals-sign\n");
    QVERIFY2(bad.exitCode == kConfiguration || bad.exitCode == 6, qPrintable(describe(bad)));
    QVERIFY(!bad.err.contains("this-line-has-no-equals-sign"));
}

void TestCli::convertOfflineGoesOnPastBadInput()
{
    const QString demo = msb::test::sourceDir() + u"/resources/demo/misp"_s;
    const QString broken = m_world.home() + u"/broken-event.json"_s;
    QFile f(broken);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("{\"Event\": {\"uuid\": ");
    f.close();
    const QString bundlePath = m_world.home() + u"/convert-bundle.json"_s;
    const QString reportPath = m_world.home() + u"/convert-report.csv"_s;

    const CliRun good = run({ u"convert"_s, demo, u"--out"_s, bundlePath, u"--report"_s, reportPath, u"--json"_s });
    QVERIFY2(good.exitCode == kSuccess, qPrintable(describe(good)));
    const QJsonObject summary = good.json();
    const int attributes = summary.value(u"attributes"_s).toInt();
    QVERIFY2(attributes > 0, qPrintable(describe(good)));
    // Every attribute has exactly one outcome, and one CSV row.
    QCOMPARE(summary.value(u"converted"_s).toInt() + summary.value(u"dropped"_s).toInt()
            + summary.value(u"errors"_s).toInt(),
        attributes);
    QFile report(reportPath);
    QVERIFY(report.open(QIODevice::ReadOnly));
    QCOMPARE(int(report.readAll().count('\n')) - 1, attributes);
    auto bundleObjects = [&bundlePath]() {
        QFile file(bundlePath);
        return file.open(QIODevice::ReadOnly)
            ? int(QJsonDocument::fromJson(file.readAll()).object().value(u"objects"_s).toArray().size())
            : -1;
    };
    const int objects = summary.value(u"objects"_s).toInt();
    QVERIFY(objects > 0);
    QCOMPARE(bundleObjects(), objects);

    // A broken file and a missing one: named on stderr, exit 6, and the good input is still converted.
    const CliRun mixed
        = run({ u"convert"_s, broken, demo, m_world.home() + u"/no-such-input.json"_s, u"--out"_s, bundlePath });
    QVERIFY2(mixed.exitCode == 6, qPrintable(describe(mixed)));
    QVERIFY2(mixed.err.contains("broken-event.json"), qPrintable(describe(mixed)));
    QVERIFY2(mixed.err.contains("no-such-input.json"), qPrintable(describe(mixed)));
    QCOMPARE(bundleObjects(), objects);
}

void TestCli::tenantsImportKeepsSecretsOffDisk()
{
    // misp2sentinel's `tenants` secret, as pasted from the Azure Function.
    const QString secret = u"tenants-secret-"_s + QString::number(QDateTime::currentMSecsSinceEpoch());
    m_secrets << secret;
    const QString path = m_world.home() + u"/tenants.json"_s;
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(QJsonDocument(QJsonArray { QJsonObject { { u"tenantId"_s, CliWorld::tenantA() },
                                           { u"id"_s, CliWorld::clientA() },
                                           { u"secret"_s, secret },
                                           { u"workspaceId"_s, CliWorld::wsProd() } },
                              QJsonObject { { u"tenantId"_s, CliWorld::tenantB() },
                                  { u"id"_s, CliWorld::clientB() },
                                  { u"secret"_s, secret },
                                  { u"workspaceId"_s, CliWorld::wsPartner() } } })
                .toJson());
    f.close();
    // A tenants file has no MISP URL: a new profile needs --misp-url, and nothing is saved without it.
    const CliRun noUrl = run({ u"profiles"_s, u"import"_s, u"--name"_s, u"Migrated"_s, u"--tenants"_s, path });
    QVERIFY2(noUrl.exitCode == kConfiguration, qPrintable(describe(noUrl)));
    QVERIFY2(noUrl.err.contains("--misp-url"), qPrintable(describe(noUrl)));
    QCOMPARE(run({ u"profiles"_s, u"show"_s, u"Migrated"_s }).exitCode, kConfiguration);

    // MSB_SECRETS=env: no keychain to put the secrets in. The profile is saved, the run says where
    // the secrets must come from instead, and exits with a configuration error.
    const CliRun r = run({ u"profiles"_s,
        u"import"_s,
        u"--name"_s,
        u"Migrated"_s,
        u"--tenants"_s,
        path,
        u"--misp-url"_s,
        m_world.url() });
    QVERIFY2(r.exitCode == kConfiguration, qPrintable(describe(r)));
    QVERIFY2(r.err.contains("MSB_SECRETS"), qPrintable(describe(r)));
    QVERIFY(!r.out.contains(secret.toUtf8()) && !r.err.contains(secret.toUtf8()));

    const CliRun show = run({ u"profiles"_s, u"show"_s, u"Migrated"_s, u"--json"_s });
    QCOMPARE(show.json().value(u"misp"_s).toObject().value(u"url"_s).toString(), m_world.url());
    QCOMPARE(targetsOf(show.json()).size(), 2);
    QCOMPARE(targetsOf(show.json()).at(1).toObject().value(u"workspaceId"_s).toString(), CliWorld::wsPartner());
    QVERIFY(!show.out.contains(secret.toUtf8()));
    // Nothing under the config directory holds the secret.
    QDirIterator it(m_world.home() + u"/config"_s, QDir::Files, QDirIterator::Subdirectories);
    int files = 0;
    while (it.hasNext()) {
        QFile settings(it.next());
        QVERIFY(settings.open(QIODevice::ReadOnly));
        QVERIFY2(!settings.readAll().contains(secret.toUtf8()), qPrintable(settings.fileName()));
        ++files;
    }
    QVERIFY(files > 0);

    // Then the Function's app settings into the same profile, as the README describes: the Key
    // Vault references are named (not followed), the filters are taken, the targets are kept.
    const QString settingsPath = m_world.home() + u"/appsettings.json"_s;
    QFile settings(settingsPath);
    QVERIFY(settings.open(QIODevice::WriteOnly));
    auto setting = [](const QString &name, const QString &value) {
        return QJsonObject { { u"name"_s, name }, { u"slotSetting"_s, false }, { u"value"_s, value } };
    };
    settings.write(QJsonDocument(
        QJsonArray { setting(u"mispurl"_s, m_world.url()),
            setting(u"mispkey"_s, u"@Microsoft.KeyVault(SecretUri=https://cli-kv.vault.azure.net/secrets/mispkey/)"_s),
            setting(u"tenants"_s, u"@Microsoft.KeyVault(SecretUri=https://cli-kv.vault.azure.net/secrets/tenants/)"_s),
            setting(u"misp_event_filters"_s, u"{\"published\":1,\"publish_timestamp\":\"14d\"}"_s) })
                       .toJson());
    settings.close();
    const CliRun af = run(
        { u"profiles"_s, u"import"_s, u"--name"_s, u"Migrated"_s, u"--app-settings"_s, settingsPath, u"--json"_s });
    QVERIFY2(af.exitCode == kSuccess, qPrintable(describe(af)));
    QStringList vaultSecrets;
    for (const QJsonValue &v : af.json().value(u"keyVaultReferences"_s).toArray()) {
        QCOMPARE(v.toObject().value(u"vault"_s).toString(), u"cli-kv"_s);
        vaultSecrets << v.toObject().value(u"secret"_s).toString();
    }
    vaultSecrets.sort();
    QCOMPARE(vaultSecrets, (QStringList { u"mispkey"_s, u"tenants"_s }));
    const QJsonObject merged = run({ u"profiles"_s, u"show"_s, u"Migrated"_s, u"--json"_s }).json();
    QCOMPARE(targetsOf(merged).size(), 2);
    QCOMPARE(merged.value(u"misp"_s).toObject().value(u"eventFilters"_s).toObject().value(u"publish_timestamp"_s),
        QJsonValue(u"14d"_s));
}

void TestCli::keyVaultImport()
{
    // misp2sentinel's Key Vault, read with app A whose secret comes only through the environment.
    const QStringList base { u"profiles"_s,
        u"import"_s,
        u"--name"_s,
        u"FromVault"_s,
        u"--key-vault"_s,
        CliWorld::keyVaultName(),
        u"--key-vault-host"_s,
        m_world.url(),
        u"--authority-host"_s,
        m_world.url(),
        u"--misp-url"_s,
        m_world.url(),
        u"--json"_s };
    const QStringList appA { u"--tenant-id"_s, CliWorld::tenantA(), u"--client-id"_s, CliWorld::clientA() };

    // Without --tenant-id/--client-id: a usage error, nothing saved.
    const CliRun usage = run(base);
    QVERIFY2(usage.exitCode == kUsage, qPrintable(describe(usage)));

    // App B lives in tenant B, the vault in tenant A: the vault refuses its token (401) in plain
    // words naming the vault, and nothing is saved.
    const CliRun refused
        = run(base + QStringList { u"--tenant-id"_s, CliWorld::tenantB(), u"--client-id"_s, CliWorld::clientB() });
    QVERIFY2(refused.exitCode != kSuccess, qPrintable(describe(refused)));
    QVERIFY2(refused.err.contains("Key Vault \"cli-m2s-kv\"") && refused.err.contains("tenant"),
        qPrintable(describe(refused)));
    QCOMPARE(run({ u"profiles"_s, u"show"_s, u"FromVault"_s }).exitCode, kConfiguration);

    // App A: the profile is saved with both targets of the vault's tenants secret. MSB_SECRETS=env has
    // no keychain to store the MISP key and client secrets in, so the run says so (exit 3).
    const CliRun r = run(base + appA);
    QVERIFY2(r.exitCode == kConfiguration, qPrintable(describe(r)));
    QVERIFY2(r.err.contains("MSB_SECRETS"), qPrintable(describe(r)));
    const QJsonObject profile = r.json().value(u"profile"_s).toObject();
    QCOMPARE(profile.value(u"targets"_s).toArray().size(), 2);

    const CliRun show = run({ u"profiles"_s, u"show"_s, u"FromVault"_s, u"--json"_s });
    QCOMPARE(show.json().value(u"misp"_s).toObject().value(u"url"_s).toString(), m_world.url());
    const QJsonArray targets = targetsOf(show.json());
    QCOMPARE(targets.size(), 2);
    QCOMPARE(targets.at(0).toObject().value(u"tenantId"_s).toString(), CliWorld::tenantA());
    QCOMPARE(targets.at(0).toObject().value(u"workspaceId"_s).toString(), CliWorld::wsProd());
    QCOMPARE(targets.at(1).toObject().value(u"workspaceId"_s).toString(), CliWorld::wsPartner());

    // A secret name the vault lacks is only a note; the rest is imported.
    const CliRun renamed = run(base + appA + QStringList { u"--kv-misp-name"_s, u"no-such-secret"_s });
    QVERIFY2(renamed.out.contains("no-such-secret"), qPrintable(describe(renamed)));

    // No secret in any settings, data or cache file, nor in what the runs printed (checked()).
    for (const char *dir : { "/config", "/data", "/cache", "/home" }) {
        QDirIterator it(m_world.home() + QString::fromLatin1(dir), QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile f(it.next());
            if (!f.open(QIODevice::ReadOnly))
                continue;
            const QByteArray content = f.readAll();
            for (const QString &secret : { m_world.mispKey(), m_world.secretA(), m_world.secretB() })
                QVERIFY2(!content.contains(secret.toUtf8()), qPrintable(f.fileName()));
        }
    }

    // --help documents the option.
    const CliRun help = run({ u"profiles"_s, u"import"_s, u"--help"_s });
    QVERIFY2(
        help.out.contains("--key-vault <vault>") && help.out.contains("--kv-tenants-name"), qPrintable(describe(help)));
}

void TestCli::progressOnlyWhenStderrIsATerminal()
{
    // A pipe (cron, systemd, CI): no progress line, no terminal control sequences.
    const CliRun piped = run({ u"sync"_s, u"--dry-run"_s, u"--profile"_s, u"Feed"_s });
    QVERIFY2(piped.exitCode == kSuccess, qPrintable(describe(piped)));
    QVERIFY2(!piped.err.contains("\x1b[K") && !piped.err.contains('\r'), qPrintable(describe(piped)));

    // A terminal on stderr (script(1) gives the run a pty; stdout goes to a file): progress shows.
    const QString script = QStandardPaths::findExecutable(u"script"_s);
    if (script.isEmpty())
        QSKIP("script(1) is not installed (bsdutils)");
    const QString stdoutFile = m_world.home() + u"/tty-stdout.txt"_s;
    const QString command = u"'%1' sync --dry-run --profile Feed >'%2'"_s.arg(msb::test::appExecutable(), stdoutFile);
    const CliRun tty = run({ u"-qefc"_s, command, u"/dev/null"_s }, m_world.environment(), {}, script);
    QVERIFY2(tty.exitCode == kSuccess, qPrintable(describe(tty)));
    QVERIFY2(tty.out.contains("\x1b[K"), qPrintable(describe(tty)));
    QFile out(stdoutFile);
    QVERIFY(out.open(QIODevice::ReadOnly));
    const QByteArray stdoutText = out.readAll();
    QVERIFY(stdoutText.contains("Dry run: nothing was sent."));
    QVERIFY(!stdoutText.contains("\x1b[K")); // progress never mixes into the results
}

void TestCli::sigtermCancelsWithExit130()
{
    // A MISP that accepts the connection and never answers: the run waits inside the fetch.
    QTcpServer silent;
    QVERIFY(silent.listen(QHostAddress::LocalHost));
    QJsonObject p = m_world.profileJson(u"Silent"_s, u"server"_s);
    QJsonObject misp = p.value(u"misp"_s).toObject();
    misp.insert(u"url"_s, u"http://127.0.0.1:%1"_s.arg(silent.serverPort()));
    misp.insert(u"timeoutSeconds"_s, 120);
    p.insert(u"misp"_s, misp);
    QCOMPARE(m_world.importProfile(p), kSuccess);

    QProcess process;
    process.setProcessEnvironment(m_world.environment());
    process.start(msb::test::appExecutable(), { u"sync"_s, u"--profile"_s, u"Silent"_s });
    QVERIFY(process.waitForStarted(10000));
    QTRY_VERIFY_WITH_TIMEOUT(silent.hasPendingConnections() || silent.waitForNewConnection(100), 20000);
    process.terminate(); // SIGTERM, as systemd and Kubernetes stop a job
    QVERIFY2(process.waitForFinished(20000), "the run did not stop on SIGTERM");
    const CliRun r = checked(CliRun { process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
        process.readAllStandardOutput(),
        process.readAllStandardError(),
        true });
    QVERIFY2(r.exitCode == 130, qPrintable(describe(r)));
    QVERIFY2(r.err.contains("cancel"), qPrintable(describe(r)));
}

void TestCli::logFileRecordsRunsWithoutSecrets()
{
    // Runs last: every earlier run wrote to the same rotating log file.
    QStringList logs;
    QDirIterator it(
        m_world.home() + u"/data"_s, { u"*.log"_s, u"*.log.*"_s }, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext())
        logs << it.next();
    QVERIFY2(!logs.isEmpty(), "no log file under XDG_DATA_HOME");
    QVERIFY2(logs.constFirst().endsWith(u"/logs/misp-sentinel-bridge.log"_s), qPrintable(logs.join(u", "_s)));
    QByteArray all;
    for (const QString &path : std::as_const(logs)) {
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        all += f.readAll();
    }
    // Scheduled runs leave a record: start, outcome and exit code of each run.
    QVERIFY2(all.contains("sync of profile Feed ended with exit code 0"), all.right(2000).constData());
    QVERIFY(all.contains("sync of profile Partial ended with exit code 1"));
    QStringList secrets = m_secrets;
    secrets << m_world.mispKey() << m_world.secretA() << m_world.secretB() << u"definitely-not-the-secret"_s
            << u"also-wrong-secret"_s << u"wrong-misp-key-0123456789"_s;
    for (const QString &s : std::as_const(secrets))
        QVERIFY2(!all.contains(s.toUtf8()), qPrintable(u"the log file holds a secret: "_s + s.left(12)));
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
