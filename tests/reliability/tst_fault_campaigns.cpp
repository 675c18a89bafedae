// SPDX-License-Identifier: BSD-2-Clause
// Fault campaigns: the real upload engine (SyncEngine, ledger, token provider) against the
// sandbox over loopback HTTPS while the sandbox misbehaves. Each scenario ends by comparing the
// sandbox's store with the expected set: nothing lost, nothing stored with other content, every
// invalid object reported as rejected, every retry bounded. Figures go to
// <build>/reliability/<scenario>.txt for make-report.sh.
//
// Time: the sandbox clock runs 60x faster (a one-minute rate window is one second) and the
// engine's request timeout is 1.5 s real time, so the "30 s stall" is a stall longer than the
// client's timeout, not a real 30 s wait.
#include "core/sentinel/clientsecretprovider.h"
#include "core/store/ledger.h"
#include "core/sync/syncengine.h"
#include "tests/reliability/campaignsupport.h"
#include "tests/reliability/figures.h"
#include "tests/sandbox/sandbox.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <functional>

using namespace Qt::Literals::StringLiterals;
using namespace msb;
using sandbox::Fault;
using sandbox::FaultKind;
using sandbox::FaultRule;

namespace {

constexpr double kClockScale = 60.0;
constexpr int kObjects = 700; // 7 full batches

struct Scenario
{
    std::function<void(sandbox::Sandbox &)> setup;
    int invalidEvery = 0;
    qint64 requestTimeoutMs = 3000;
    int maxInFlight = 0; ///< 0: the policy's default
};

} // namespace

Q_DECLARE_METATYPE(Scenario)

class TestFaultCampaigns : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { qRegisterMetaType<sync::SyncSummary>(); }

    void campaign_data()
    {
        QTest::addColumn<Scenario>("scenario");
        QTest::newRow("429-on-half") << Scenario { [](sandbox::Sandbox &s) {
            s.faults().setSeed(429);
            s.faults().failRandomly(u"stix-upload"_s, 0.5, Fault::tooManyRequests(1));
        } };
        QTest::newRow("429-without-retry-after") << Scenario { [](sandbox::Sandbox &s) {
            s.faults().setSeed(4290);
            s.faults().failRandomly(u"stix-upload"_s, 0.3, Fault::tooManyRequests(1, false));
        } };
        // Four bursts of up to three 5xx answers with a success between them, one request at a time:
        // a batch meets at most three failures in a row, below the policy's six attempts, so a
        // correct engine always recovers. (Back-to-back bursts with parallel batches let timing decide
        // whether one unlucky batch absorbs six and gives up, which tests the scheduler, not the retry.)
        QTest::newRow("5xx-bursts") << Scenario {
            [](sandbox::Sandbox &s) {
                const Fault ok = Fault::none();
                const Fault e503 = Fault::httpStatus(503);
                const Fault e500 = Fault::httpStatus(500);
                const Fault e502 = Fault::httpStatus(502);
                const Fault e504 = Fault::httpStatus(504, true);
                s.faults().script(
                    u"stix-upload"_s, { e503, e503, e503, ok, e500, e500, ok, ok, e502, e502, e502, ok, e504, e504 });
            },
            0,
            3000,
            1
        };
        // A successful upload answers with an empty body, so cutting it proves nothing: every batch
        // here holds invalid objects, so the answer carries errors[] and a cut one is garbled JSON.
        // QNAM silently re-sends up to twice when a connection dies before the answer: resets
        // come four in a row so the engine itself sees one.
        QTest::newRow("reset-mid-response")
            << Scenario { [](sandbox::Sandbox &s) {
                             const Fault none = Fault::none();
                             const Fault mid = Fault::of(FaultKind::CloseMidBody);
                             const Fault rst = Fault::of(FaultKind::Reset);
                             s.faults().script(u"stix-upload"_s, { none, mid, none, rst, rst, rst, rst, none, mid });
                         },
                   10,
                   3000,
                   1 };
        // The connection closes right after the headers of a 200 whose body (errors[]) never comes.
        QTest::newRow("close-after-headers")
            << Scenario { [](sandbox::Sandbox &s) {
                             const Fault none = Fault::none();
                             const Fault hdr = Fault::of(FaultKind::CloseAfterHeaders);
                             s.faults().script(u"stix-upload"_s, { none, hdr, none, none, hdr });
                         },
                   10,
                   3000,
                   1 };
        QTest::newRow("stall-beyond-timeout")
            << Scenario { [](sandbox::Sandbox &s) {
                             s.faults().add(FaultRule { u"stix-upload"_s, Fault::stall(0), 1, 2, 1.0 });
                             s.faults().add(FaultRule { u"stix-upload"_s, Fault::stall(0, true), 3, 2, 1.0 });
                         },
                   0,
                   1500 };
        QTest::newRow("token-expiry") << Scenario { [](sandbox::Sandbox &s) {
                                                       // 30 sandbox seconds = 0.5 real seconds (the sandbox says
                                                       // expires_in=1): with one request at a time, each slowed by 400
                                                       // ms, the token expires every few requests.
                                                       s.setTokenLifetime(30);
                                                       s.faults().failRandomly(
                                                           u"stix-upload"_s, 1.0, Fault::delay(400));
                                                   },
            0,
            3000,
            1 };
        QTest::newRow("malformed-bodies") << Scenario { [](sandbox::Sandbox &s) {
            s.faults().add(FaultRule { u"stix-upload"_s, Fault::of(FaultKind::MalformedJson, true), 0, 2, 1.0 });
            s.faults().add(FaultRule { u"stix-upload"_s, Fault::of(FaultKind::HtmlLoginPage), 2, 2, 1.0 });
            s.faults().add(FaultRule { u"stix-upload"_s, Fault::of(FaultKind::Empty200, true), 4, 2, 1.0 });
        } };
        QTest::newRow("partial-validation-errors") << Scenario { [](sandbox::Sandbox &) {}, 7 };
        QTest::newRow("everything-at-once") << Scenario {
            [](sandbox::Sandbox &s) {
                s.setTokenLifetime(120);
                s.faults().setSeed(99);
                s.faults().failRandomly(u"stix-upload"_s, 0.25, Fault::tooManyRequests(1));
                s.faults().add(FaultRule { u"stix-upload"_s, Fault::httpStatus(503), 1, 2, 1.0 });
                s.faults().add(FaultRule { u"stix-upload"_s, Fault::of(FaultKind::CloseMidBody), 4, 2, 1.0 });
                s.faults().add(FaultRule { u"token"_s, Fault::httpStatus(500), 1, 1, 1.0 });
            },
            11
        };
    }

    void campaign()
    {
        QFETCH(Scenario, scenario);
        const QString name = QString::fromLatin1(QTest::currentDataTag());

        test::CampaignIdentity id;
        id.secret = u"campaign-secret-"_s + name;
        sandbox::Sandbox box;
        box.addApp(id.tenantId, id.clientId, id.secret);
        box.addWorkspace(id.workspaceId, id.tenantId);
        box.grant(id.workspaceId, id.clientId);
        box.setClockScale(kClockScale);
        scenario.setup(box);
        sandbox::SandboxOptions options;
        options.http = false;
        QString error;
        QVERIFY2(box.start(options, &error), qPrintable(error));

        const auto objects = test::makeIndicators(kObjects, name, scenario.invalidEvery);
        const QSet<QString> expected = test::validIds(objects);
        const QSet<QString> invalid = test::invalidIds(objects);

        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        sync::SyncRequest request;
        request.targets = { test::sandboxTarget(box.httpsUrl().toString(QUrl::StripTrailingSlash), id) };
        request.input.objects = objects;
        request.ledgerPath = dir.filePath(u"ledger.sqlite"_s);
        request.profile = u"reliability"_s;
        request.options.upload = test::fastPolicy(kClockScale, scenario.requestTimeoutMs);
        if (scenario.maxInFlight > 0)
            request.options.upload.maxInFlightPerTarget = scenario.maxInFlight;

        auto secrets = std::make_shared<sentinel::StaticSecretProvider>();
        secrets->setSecret(id.tenantId, id.clientId, id.secret);
        sync::SyncEngine engine(secrets);
        QSignalSpy finished(&engine, &sync::SyncEngine::finished);
        QElapsedTimer timer;
        timer.start();
        QVERIFY(engine.start(request));
        QVERIFY2(finished.wait(180'000), "the run did not end within 3 minutes");
        const qint64 elapsed = timer.elapsed();
        const auto summary = finished.at(0).at(0).value<sync::SyncSummary>();
        QCOMPARE(summary.targets.size(), 1);
        const sync::TargetProgress &t = summary.targets.front();

        // Compare the sandbox store with the expected set.
        const auto stored = box.storedObjects(id.workspaceId);
        QHash<QString, QJsonObject> storedById;
        int resent = 0;
        for (const auto &o : stored) {
            storedById.insert(o.id, o.object);
            resent += std::max(0, o.timesReceived - 1);
        }
        int lost = 0;
        int wrongContent = 0;
        for (const auto &o : objects) {
            if (!expected.contains(o.id))
                continue;
            const auto it = storedById.constFind(o.id);
            if (it == storedById.cend()) {
                ++lost;
                continue;
            }
            if (it->value(u"pattern"_s).toString() != o.pattern || it->value(u"name"_s).toString() != o.name)
                ++wrongContent;
        }
        int unexpected = 0;
        for (auto it = storedById.cbegin(); it != storedById.cend(); ++it) {
            if (!expected.contains(it.key()))
                ++unexpected;
        }
        QSet<QString> rejectedIds;
        for (const auto &r : summary.rejections)
            rejectedIds.insert(r.stixId);
        const auto counts = box.counts(id.workspaceId);

        // The ledger agrees: every valid object accepted, every invalid one rejected, none left "sent".
        store::Ledger ledger;
        QVERIFY(ledger.open(request.ledgerPath).ok());
        const auto entries = ledger.entries(request.targets.front().key());
        QVERIFY(entries.ok());
        int ledgerAccepted = 0;
        int ledgerRejected = 0;
        int ledgerOther = 0;
        for (const auto &e : entries.value()) {
            if (e.status == store::LedgerStatus::Accepted && expected.contains(e.stixId))
                ++ledgerAccepted;
            else if (e.status == store::LedgerStatus::Rejected && invalid.contains(e.stixId))
                ++ledgerRejected;
            else
                ++ledgerOther;
        }

        test::Figures figures(name, u"fault"_s);
        figures.set(u"expected"_s, expected.size())
            .set(u"stored"_s, stored.size())
            .set(u"lost"_s, lost)
            .set(u"unexpected"_s, unexpected)
            .set(u"wrong_content"_s, wrongContent)
            .set(u"conflicts"_s, counts.conflicts)
            .set(u"rejected"_s, t.rejected)
            .set(u"resent"_s, resent)
            .set(u"retries"_s, t.retries)
            .set(u"rate_limited"_s, t.rateLimited)
            .set(u"faults_injected"_s, box.faults().injected())
            .set(u"token_requests"_s, box.tokenRequestCount())
            .set(u"requests"_s, counts.requests)
            .set(u"accepted"_s, t.accepted)
            .set(u"failed"_s, t.failed)
            .set(u"ledger_accepted"_s, ledgerAccepted)
            .set(u"ledger_rejected"_s, ledgerRejected)
            .set(u"ledger_other"_s, ledgerOther)
            .set(u"elapsed_ms"_s, elapsed);
        figures.print();
        const bool passed = lost == 0 && unexpected == 0 && wrongContent == 0 && counts.conflicts == 0
            && rejectedIds == invalid && t.accepted == expected.size() && t.failed == 0
            && ledgerAccepted == expected.size() && ledgerRejected == invalid.size() && ledgerOther == 0;
        figures.write(passed);

        QCOMPARE(lost, 0);
        QCOMPARE(unexpected, 0);
        QCOMPARE(wrongContent, 0);
        QCOMPARE(counts.conflicts, 0);
        const bool accountedFor = rejectedIds == invalid && t.accepted == expected.size() && t.failed == 0
            && ledgerAccepted == expected.size() && ledgerRejected == invalid.size() && ledgerOther == 0;
        // A 200 cut off before its body is no answer: re-sent, so the rejections it held are still
        // recorded (a cut answer taken as "all accepted" would mark rejected objects Accepted).
        QVERIFY2(accountedFor, qPrintable(figures.line()));
        // Every retry is bounded: at most the policy's attempts per batch.
        const int batches = (kObjects + 99) / 100;
        QVERIFY2(t.retries <= batches
                    * (request.options.upload.maxTransientAttempts + request.options.upload.maxRateLimitedAttempts),
            qPrintable(figures.line()));
        if (box.faults().injected() > 0 && name != u"token-expiry")
            QVERIFY2(t.retries > 0, "faults were injected but the engine never retried");
        if (name == u"token-expiry")
            QVERIFY2(
                box.tokenRequestCount() > 1, "the token never expired during the run: the scenario proves nothing");
    }
};

QTEST_GUILESS_MAIN(TestFaultCampaigns)
#include "tst_fault_campaigns.moc"
