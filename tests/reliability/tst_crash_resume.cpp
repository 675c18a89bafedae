// SPDX-License-Identifier: BSD-2-Clause
// Crash and resume: msb-crash-driver (a headless sync: SyncEngine + SQLite ledger) is killed
// with SIGKILL at a seeded point — after a random time, right as the sandbox answers the k-th
// upload (a batch in flight), or right as the ledger's WAL file changes (mid ledger write) —
// then run again. The second run must complete; the sandbox store must equal the expected set;
// every ledger entry must be Accepted; and nothing may be re-sent beyond the batches that were
// in flight when the process died (at most inflight x 100 objects).
#include "core/store/ledger.h"
#include "tests/reliability/campaignsupport.h"
#include "tests/reliability/figures.h"
#include "tests/sandbox/sandbox.h"
#include "tests/security/canaryscanner.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace msb;

namespace {
constexpr int kObjects = 1200; // 12 batches
constexpr int kInFlight = 2;
constexpr double kScale = 60.0;

QString driverPath()
{
    return QStringLiteral(MSB_BINARY_DIR "/tests/reliability/msb-crash-driver");
}
} // namespace

class TestCrashResume : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void killAndResume_data()
    {
        QTest::addColumn<quint32>("seed");
        for (quint32 seed = 1; seed <= 12; ++seed)
            QTest::addRow("seed-%u", seed) << seed;
    }

    void killAndResume()
    {
        QFETCH(quint32, seed);
        QVERIFY2(QFile::exists(driverPath()), qPrintable(driverPath()));
        QRandomGenerator rng(seed);
        const QString name = u"crash-"_s + QString::fromLatin1(QTest::currentDataTag());
        const QString salt = u"crash"_s + QString::number(seed);

        test::CampaignIdentity id;
        id.secret = test::CanaryScanner::makeCanary(u"driver"_s);
        sandbox::Sandbox box;
        box.addApp(id.tenantId, id.clientId, id.secret);
        box.addWorkspace(id.workspaceId, id.tenantId);
        box.grant(id.workspaceId, id.clientId);
        box.setClockScale(kScale);
        // Slow answers keep batches in flight long enough to die with them.
        box.faults().failRandomly(u"stix-upload"_s, 1.0, sandbox::Fault::delay(120));
        sandbox::SandboxOptions options;
        options.http = false;
        QString error;
        QVERIFY2(box.start(options, &error), qPrintable(error));

        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString ledgerPath = dir.filePath(u"ledger.sqlite"_s);
        const QStringList args { u"--base"_s,
            box.httpsUrl().toString(QUrl::StripTrailingSlash),
            u"--ledger"_s,
            ledgerPath,
            u"--count"_s,
            QString::number(kObjects),
            u"--salt"_s,
            salt,
            u"--scale"_s,
            QString::number(kScale),
            u"--inflight"_s,
            QString::number(kInFlight) };
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"MSB_DRIVER_SECRET"_s, id.secret);
        env.insert(u"HOME"_s, dir.path());

        // Run 1: killed. Strategy by seed: 0 random time, 1 on the k-th upload answer, 2 on a ledger write.
        const int strategy = int(seed % 3);
        QProcess first;
        first.setProcessEnvironment(env);
        QString killedAt;
        int uploadsSeen = 0;
        int walChanges = 0;
        const int killAfterUploads = 1 + int(rng.bounded(8));
        const int killAfterWalChanges = 2 + int(rng.bounded(12));
        auto killNow = [&first, &killedAt](const QString &why) {
            if (first.state() == QProcess::Running && killedAt.isEmpty()) {
                first.kill(); // SIGKILL
                killedAt = why;
            }
        };
        if (strategy == 1) {
            connect(&box, &sandbox::Sandbox::requestFinished, this, [&](const QString &route, int) {
                if (route == u"stix-upload" && ++uploadsSeen == killAfterUploads)
                    killNow(u"after upload answer %1"_s.arg(uploadsSeen));
            });
        }
        first.start(driverPath(), args);
        QVERIFY2(first.waitForStarted(), qPrintable(first.errorString()));
        const QList<test::CanaryHit> argHits
            = test::CanaryScanner({ id.secret }).scanProcessArguments(first.processId());
        if (strategy == 2) {
            // Poll the WAL (the watcher cannot follow a file that does not exist yet).
            QElapsedTimer t;
            t.start();
            qint64 lastSize = -1;
            QDateTime lastMod;
            while (first.state() == QProcess::Running && t.elapsed() < 20000 && killedAt.isEmpty()) {
                const QFileInfo wal(ledgerPath + u"-wal"_s);
                if (wal.exists() && (wal.size() != lastSize || wal.lastModified() != lastMod)) {
                    lastSize = wal.size();
                    lastMod = wal.lastModified();
                    if (++walChanges == killAfterWalChanges)
                        killNow(u"on ledger write %1"_s.arg(walChanges));
                }
                QTest::qWait(1);
            }
        } else if (strategy == 0) {
            const int ms = 150 + int(rng.bounded(1400));
            QTest::qWait(ms);
            killNow(u"after %1 ms"_s.arg(ms));
        }
        QTRY_VERIFY_WITH_TIMEOUT(first.state() == QProcess::NotRunning || !killedAt.isEmpty(), 20000);
        first.waitForFinished(5000);
        const bool killed = first.exitStatus() == QProcess::CrashExit;
        const auto afterFirst = box.storedObjects(id.workspaceId);
        int receivedFirst = 0;
        for (const auto &o : afterFirst)
            receivedFirst += o.timesReceived;

        // Run 2: must complete.
        QProcess second;
        second.setProcessEnvironment(env);
        second.start(driverPath(), args);
        QVERIFY(second.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(second.state() == QProcess::NotRunning, 120000);
        const QByteArray out = second.readAllStandardOutput();
        const QByteArray err = second.readAllStandardError();

        const QSet<QString> expected = test::validIds(test::makeIndicators(kObjects, salt));
        const auto stored = box.storedObjects(id.workspaceId);
        QSet<QString> storedIds;
        int resent = 0;
        for (const auto &o : stored) {
            storedIds.insert(o.id);
            resent += std::max(0, o.timesReceived - 1);
        }
        const int lost = int((expected - storedIds).size());
        const int unexpected = int((storedIds - expected).size());
        const int inFlightBound = kInFlight * 100;
        const int beyond = std::max(0, resent - inFlightBound);

        store::Ledger ledger;
        QVERIFY(ledger.open(ledgerPath).ok());
        const auto entries = ledger.entries(test::sandboxTarget(QString(), id).key());
        QVERIFY(entries.ok());
        int notAccepted = 0;
        for (const auto &e : entries.value()) {
            if (e.status != store::LedgerStatus::Accepted || !expected.contains(e.stixId))
                ++notAccepted;
        }
        const int ledgerSize = int(entries.value().size());
        const auto secretHits = test::CanaryScanner({ id.secret })
                                    .scanBytes(out + err + first.readAllStandardError(), u"driver output"_s);

        test::Figures figures(name, u"crash"_s);
        figures.set(u"killed_at"_s, killedAt.isEmpty() ? u"(finished first)"_s : killedAt)
            .set(u"killed"_s, killed ? 1 : 0)
            .set(u"expected"_s, expected.size())
            .set(u"stored_after_kill"_s, afterFirst.size())
            .set(u"received_before_kill"_s, receivedFirst)
            .set(u"stored"_s, stored.size())
            .set(u"lost"_s, lost)
            .set(u"unexpected"_s, unexpected)
            .set(u"resent"_s, resent)
            .set(u"resent_beyond_inflight"_s, beyond)
            .set(u"ledger_entries"_s, ledgerSize)
            .set(u"ledger_not_accepted"_s, notAccepted)
            .set(u"second_exit"_s, second.exitCode());
        figures.print();
        const bool passed = second.exitStatus() == QProcess::NormalExit && second.exitCode() == 0 && lost == 0
            && unexpected == 0 && beyond == 0 && notAccepted == 0 && ledgerSize == expected.size() && argHits.isEmpty()
            && secretHits.isEmpty();
        figures.write(passed);

        QVERIFY2(argHits.isEmpty(), qPrintable(test::CanaryScanner::describe(argHits)));
        QVERIFY2(secretHits.isEmpty(), qPrintable(test::CanaryScanner::describe(secretHits)));
        QVERIFY2(second.exitStatus() == QProcess::NormalExit && second.exitCode() == 0,
            qPrintable(QString::fromUtf8(out + err)));
        QCOMPARE(lost, 0);
        QCOMPARE(unexpected, 0);
        QCOMPARE(ledgerSize, int(expected.size()));
        QCOMPARE(notAccepted, 0);
        QVERIFY2(beyond == 0, qPrintable(figures.line()));
        // The kill must have hit a run in progress, or the trial proves nothing.
        QVERIFY2(killed && afterFirst.size() < expected.size(), qPrintable(figures.line()));
    }
};

QTEST_GUILESS_MAIN(TestCrashResume)
#include "tst_crash_resume.moc"
