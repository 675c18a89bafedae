// SPDX-License-Identifier: BSD-2-Clause
// Every error class of the upload path over real loopback HTTP(S) against the sandbox: what the
// engine did (summary, ledger) AND what the sandbox stored.
#include "core/stix/jsonwriter.h"
#include "core/store/ledger.h"
#include "tests/sync/syncfixtures.h"
#include "tests/sync/syncsandbox.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTemporaryDir>

using namespace Qt::Literals::StringLiterals;
using namespace msb;
using namespace msb::sync;
using msb::sandbox::Fault;
using msb::sandbox::FaultKind;
using msb::test::SyncSandbox;

class TstSyncUpload final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void happyPathHttps();
    void legacyApiOverLoopbackHttp();
    void tokenErrors_data();
    void tokenErrors();
    void forbidden403NoRetry();
    void unknownWorkspace404();
    void unauthorized401RefreshesOnce();
    void unauthorized401Twice();
    void unauthorized401AgainAfterTheNewTokenWorked();
    void rateLimited429_data();
    void rateLimited429();
    void serverErrorsRetriedThenBounded();
    void networkFaults_data();
    void networkFaults();
    void partialRejections_data();
    void partialRejections();
    void cancelLeavesBatchUnacknowledged();
    void pacingKeepsUnderCeiling();

private:
    SyncRequest request(const QList<sentinel::Target> &targets, const QList<stix::StixObject> &objects) const;
    QSet<QString> storedIds(const QString &workspace) const;
    int ledgerCount(const sentinel::Target &t, store::LedgerStatus status) const;

    std::unique_ptr<SyncSandbox> m_box;
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TstSyncUpload::init()
{
    m_box = std::make_unique<SyncSandbox>();
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_box->start());
}

void TstSyncUpload::cleanup()
{
    m_box.reset();
    m_dir.reset();
}

SyncRequest TstSyncUpload::request(const QList<sentinel::Target> &targets, const QList<stix::StixObject> &objects) const
{
    SyncRequest r;
    r.targets = targets;
    r.input.objects = objects;
    r.ledgerPath = m_dir->filePath(u"ledger.sqlite"_s);
    r.profile = u"test"_s;
    r.options = SyncSandbox::fastOptions();
    return r;
}

QSet<QString> TstSyncUpload::storedIds(const QString &workspace) const
{
    QSet<QString> ids;
    for (const sandbox::StoredObject &o : m_box->sandbox.storedObjects(workspace))
        ids.insert(o.id);
    return ids;
}

int TstSyncUpload::ledgerCount(const sentinel::Target &t, store::LedgerStatus status) const
{
    store::Ledger ledger;
    if (!ledger.open(m_dir->filePath(u"ledger.sqlite"_s)).ok())
        return -1;
    const auto counts = ledger.statusCounts(t.key());
    return counts.ok() ? counts.value().value(status) : -1;
}

void TstSyncUpload::happyPathHttps()
{
    const auto objects = test::makeIndicators(250);
    const SyncSummary s = m_box->run(request({ m_box->targetA1() }, objects));
    QCOMPARE(s.targets.size(), 1);
    const TargetProgress &p = s.targets.first();
    QCOMPARE(p.state, TargetProgress::State::Finished);
    QCOMPARE(p.total, 250);
    QCOMPARE(p.accepted, 250);
    QCOMPARE(p.rejected + p.failed, 0);
    QVERIFY(s.ok());
    QVERIFY(s.runId > 0);
    // What arrived: 3 requests (100 + 100 + 50), every object exactly as serialised.
    const auto log = m_box->sandbox.uploadLog(SyncSandbox::WS_A1);
    QCOMPARE(log.size(), 3);
    QCOMPARE(log.at(0).objects.size() + log.at(1).objects.size() + log.at(2).objects.size(), 250);
    QCOMPARE(log.first().sourceSystem, u"MISP-test"_s);
    const auto stored = m_box->sandbox.storedObjects(SyncSandbox::WS_A1);
    QCOMPARE(stored.size(), 250);
    QHash<QString, QByteArray> expected;
    for (const auto &o : objects)
        expected.insert(o.id, stix::toJson(o));
    for (const auto &o : stored)
        QCOMPARE(QJsonDocument(o.object), QJsonDocument::fromJson(expected.value(o.id)));
    QCOMPARE(m_box->sandbox.tokenRequestCount(), 1); // cached across 3 batches
    QCOMPARE(ledgerCount(m_box->targetA1(), store::LedgerStatus::Accepted), 250);
}

void TstSyncUpload::legacyApiOverLoopbackHttp()
{
    m_box = std::make_unique<SyncSandbox>();
    QVERIFY(m_box->start(false));
    sentinel::Target t = m_box->targetB1();
    QVERIFY(t.uploadUrl().scheme() == u"http"_s || !m_box->sandbox.httpUrl().isEmpty());
    t.apiKind = sentinel::ApiKind::LegacyIndicators;
    const SyncSummary s = m_box->run(request({ t }, test::makeIndicators(20)));
    QCOMPARE(s.targets.first().accepted, 20);
    const auto log = m_box->sandbox.uploadLog(SyncSandbox::WS_B1);
    QCOMPARE(log.size(), 1);
    QCOMPARE(log.first().api, u"legacy"_s);
    QCOMPARE(storedIds(SyncSandbox::WS_B1).size(), 20);
}

void TstSyncUpload::tokenErrors_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("expected");
    QTest::newRow("wrong secret") << u"wrong-secret"_s
                                  << u"the client secret is wrong or expired for app %1 in tenant %2"_s;
    QTest::newRow("expired secret") << u"expired"_s << u"has expired"_s;
    QTest::newRow("unknown app") << u"unknown-app"_s << u"was not found in tenant"_s;
    QTest::newRow("unknown tenant") << u"unknown-tenant"_s << u"was not found: check the tenant id"_s;
    QTest::newRow("no secret stored") << u"no-secret"_s << u"no client secret is stored"_s;
}

void TstSyncUpload::tokenErrors()
{
    QFETCH(QString, kind);
    QFETCH(QString, expected);
    sentinel::Target t = m_box->targetA1();
    QString secret;
    if (kind == u"wrong-secret") {
        secret = u"definitely-wrong-secret-123"_s;
        m_box->secrets->setSecret(t.tenantId, t.clientId, secret);
    } else if (kind == u"expired") {
        const QString app = u"e0e0e0e0-0000-4000-8000-0000000000e0"_s;
        secret = u"expired-secret-456"_s;
        m_box->sandbox.addApp(t.tenantId, app, secret, true);
        m_box->sandbox.grant(t.workspaceId, app);
        m_box->secrets->setSecret(t.tenantId, app, secret);
        t.clientId = app;
    } else if (kind == u"unknown-app") {
        t.clientId = u"d0d0d0d0-0000-4000-8000-0000000000d0"_s;
        m_box->secrets->setSecret(t.tenantId, t.clientId, u"whatever-secret"_s);
    } else if (kind == u"unknown-tenant") {
        t.tenantId = u"cccccccc-0000-4000-8000-00000000000c"_s;
        m_box->secrets->setSecret(t.tenantId, t.clientId, u"whatever-secret"_s);
    } else if (kind == u"no-secret") {
        t.clientId = u"f0f0f0f0-0000-4000-8000-0000000000f0"_s;
    }
    if (expected.contains(u"%1"_s))
        expected = expected.arg(t.clientId, t.tenantId);
    const SyncSummary s = m_box->run(request({ t }, test::makeIndicators(150)));
    QCOMPARE(s.targets.size(), 1);
    const TargetProgress &p = s.targets.first();
    QCOMPARE(p.state, TargetProgress::State::Failed);
    QVERIFY2(p.firstError.contains(expected), qPrintable(p.firstError));
    QCOMPARE(p.accepted, 0);
    QCOMPARE(p.failed, 150);
    if (!secret.isEmpty())
        QVERIFY(!p.firstError.contains(secret));
    QCOMPARE(m_box->sandbox.sentinel().uploadRequests(), 0);
    QVERIFY(storedIds(t.workspaceId).isEmpty());
    QVERIFY(m_box->sandbox.tokenRequestCount() <= 1); // one failing token request, not one per batch
    // Nothing is lost: the next run plans every object again.
    QCOMPARE(ledgerCount(t, store::LedgerStatus::Accepted), 0);
}

void TstSyncUpload::forbidden403NoRetry()
{
    const sentinel::Target t = m_box->target(SyncSandbox::WS_A1, SyncSandbox::TENANT_A, SyncSandbox::APP_A2);
    const SyncSummary s = m_box->run(request({ t }, test::makeIndicators(250)));
    const TargetProgress &p = s.targets.first();
    QCOMPARE(p.state, TargetProgress::State::Failed);
    const QString want = u"assign the Microsoft Sentinel Contributor role to app %1 on workspace %2"_s.arg(
        SyncSandbox::APP_A2, SyncSandbox::WS_A1);
    QVERIFY2(p.firstError.contains(want), qPrintable(p.firstError));
    QCOMPARE(p.failed, 250);
    QCOMPARE(p.retries, 0);
    // No retry and no further batches after a 403: at most the batches already in flight.
    QVERIFY(m_box->sandbox.sentinel().uploadRequests() <= s.targets.first().total / 100 + 1);
    QVERIFY(m_box->sandbox.sentinel().uploadRequests() >= 1);
    QVERIFY(storedIds(SyncSandbox::WS_A1).isEmpty());
    QCOMPARE(ledgerCount(t, store::LedgerStatus::Sent), 0);
    QVERIFY(ledgerCount(t, store::LedgerStatus::Failed) >= 100);
    QCOMPARE(s.errors.size(), 1);
}

void TstSyncUpload::unknownWorkspace404()
{
    const sentinel::Target t = m_box->target(SyncSandbox::WS_UNKNOWN, SyncSandbox::TENANT_A, SyncSandbox::APP_A1);
    SyncRequest r = request({ t }, test::makeIndicators(50));
    r.options.upload.maxInFlightPerTarget = 1;
    const SyncSummary s = m_box->run(r);
    const TargetProgress &p = s.targets.first();
    QCOMPARE(p.state, TargetProgress::State::Failed);
    QVERIFY2(p.firstError.contains(u"was not found (HTTP 404)"_s) && p.firstError.contains(SyncSandbox::WS_UNKNOWN),
        qPrintable(p.firstError));
    QCOMPARE(m_box->sandbox.sentinel().uploadRequests(), 1);
}

void TstSyncUpload::unauthorized401RefreshesOnce()
{
    m_box->sandbox.faults().failNext(u"stix-upload"_s, 1, Fault::httpStatus(401));
    SyncRequest r = request({ m_box->targetA1() }, test::makeIndicators(100));
    const SyncSummary s = m_box->run(r);
    QCOMPARE(s.targets.first().state, TargetProgress::State::Finished);
    QCOMPARE(s.targets.first().accepted, 100);
    QCOMPARE(m_box->sandbox.tokenRequestCount(), 2); // the 401 dropped the cached token once
    QCOMPARE(storedIds(SyncSandbox::WS_A1).size(), 100);
}

void TstSyncUpload::unauthorized401Twice()
{
    m_box->sandbox.faults().failNext(u"stix-upload"_s, 10, Fault::httpStatus(401));
    SyncRequest r = request({ m_box->targetA1() }, test::makeIndicators(100));
    const SyncSummary s = m_box->run(r);
    const TargetProgress &p = s.targets.first();
    QCOMPARE(p.state, TargetProgress::State::Failed);
    QVERIFY2(p.firstError.contains(u"refused the token of app"_s), qPrintable(p.firstError));
    QCOMPARE(m_box->sandbox.faults().injected(u"stix-upload"_s), 2); // the first try and one after refreshing
    QCOMPARE(m_box->sandbox.tokenRequestCount(), 2);
    QVERIFY(storedIds(SyncSandbox::WS_A1).isEmpty());
}

void TstSyncUpload::unauthorized401AgainAfterTheNewTokenWorked()
{
    // A refreshed token that was answered 429 (so the API took it) and later refused, as when it
    // expires during long rate-limit waits, earns another refresh instead of failing the batch.
    m_box->sandbox.faults().script(
        u"stix-upload"_s, { Fault::httpStatus(401), Fault::tooManyRequests(0), Fault::httpStatus(401), Fault::none() });
    SyncRequest r = request({ m_box->targetA1() }, test::makeIndicators(100));
    const SyncSummary s = m_box->run(r);
    const TargetProgress &p = s.targets.first();
    QVERIFY2(p.state == TargetProgress::State::Finished, qPrintable(p.firstError));
    QCOMPARE(p.accepted, 100);
    QCOMPARE(m_box->sandbox.faults().injected(u"stix-upload"_s), 3);
    QCOMPARE(m_box->sandbox.tokenRequestCount(), 3);
    QCOMPARE(storedIds(SyncSandbox::WS_A1).size(), 100);
}

void TstSyncUpload::rateLimited429_data()
{
    QTest::addColumn<bool>("header");
    QTest::newRow("Retry-After header") << true;
    QTest::newRow("seconds in the message") << false;
}

void TstSyncUpload::rateLimited429()
{
    QFETCH(bool, header);
    m_box->sandbox.faults().failNext(u"stix-upload"_s, 2, Fault::tooManyRequests(1, header));
    SyncRequest r = request({ m_box->targetA1() }, test::makeIndicators(350));
    r.options.upload.maxInFlightPerTarget = 1;
    QElapsedTimer clock;
    clock.start();
    const SyncSummary s = m_box->run(r);
    const TargetProgress &p = s.targets.first();
    QCOMPARE(p.state, TargetProgress::State::Finished);
    QCOMPARE(p.accepted, 350); // misp2sentinel lost 99 per 429 here
    QCOMPARE(p.rateLimited, 2);
    QCOMPARE(p.retries, 2);
    QVERIFY2(clock.elapsed() >= 1900, qPrintable(QString::number(clock.elapsed()))); // waited as told, twice
    QCOMPARE(storedIds(SyncSandbox::WS_A1).size(), 350);
    QCOMPARE(m_box->sandbox.counts(SyncSandbox::WS_A1).conflicts, 0);
}

void TstSyncUpload::serverErrorsRetriedThenBounded()
{
    // A burst of 3 x 503 is ridden out.
    m_box->sandbox.faults().failNext(u"stix-upload"_s, 3, Fault::httpStatus(503));
    SyncRequest r = request({ m_box->targetA1() }, test::makeIndicators(100));
    SyncSummary s = m_box->run(r);
    QCOMPARE(s.targets.first().accepted, 100);
    QCOMPARE(s.targets.first().retries, 3);
    QCOMPARE(storedIds(SyncSandbox::WS_A1).size(), 100);

    // A server that keeps failing: bounded attempts, then the batch is Failed, not lost.
    m_box->sandbox.faults().clear();
    m_box->sandbox.faults().failNext(u"stix-upload"_s, 1000, Fault::httpStatus(500));
    r = request({ m_box->targetA1() }, test::makeIndicators(100, u"ev-1"_s, 1000));
    r.options.upload.maxInFlightPerTarget = 1;
    s = m_box->run(r);
    const TargetProgress &p = s.targets.first();
    QCOMPARE(p.state, TargetProgress::State::Failed);
    QCOMPARE(p.failed, 100);
    QCOMPARE(m_box->sandbox.faults().injected(u"stix-upload"_s), r.options.upload.maxTransientAttempts);
    QVERIFY2(p.firstError.contains(u"gave up"_s) && p.firstError.contains(u"HTTP 500"_s), qPrintable(p.firstError));
    QCOMPARE(ledgerCount(m_box->targetA1(), store::LedgerStatus::Failed), 100);

    // The server recovers: the next run re-sends exactly those 100 and nothing else.
    m_box->sandbox.faults().clear();
    const int before = m_box->sandbox.uploadLog(SyncSandbox::WS_A1).size();
    auto all = test::makeIndicators(100);
    all.append(test::makeIndicators(100, u"ev-1"_s, 1000));
    s = m_box->run(request({ m_box->targetA1() }, all));
    QCOMPARE(s.targets.first().total, 100);
    QCOMPARE(s.targets.first().unchanged, 100);
    QCOMPARE(s.targets.first().accepted, 100);
    QCOMPARE(m_box->sandbox.uploadLog(SyncSandbox::WS_A1).size(), before + 1);
    QCOMPARE(storedIds(SyncSandbox::WS_A1).size(), 200);
}

void TstSyncUpload::networkFaults_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<int>("count");
    QTest::addColumn<bool>("afterHandler");
    QTest::newRow("reset") << int(FaultKind::Reset) << 3 << false;
    QTest::newRow("stall until timeout") << int(FaultKind::Stall) << 2 << false;
    QTest::newRow("stored, then stall") << int(FaultKind::Stall) << 2 << true;
    QTest::newRow("close mid body") << int(FaultKind::CloseMidBody) << 2 << true;
    QTest::newRow("close after headers") << int(FaultKind::CloseAfterHeaders) << 2 << true;
    QTest::newRow("malformed json, stored") << int(FaultKind::MalformedJson) << 2 << true;
    QTest::newRow("html login page") << int(FaultKind::HtmlLoginPage) << 2 << false;
}

void TstSyncUpload::networkFaults()
{
    QFETCH(int, kind);
    QFETCH(int, count);
    QFETCH(bool, afterHandler);
    sandbox::FaultRule rule;
    rule.route = u"stix-upload"_s;
    rule.fault = Fault::of(FaultKind(kind), afterHandler);
    rule.count = count;
    m_box->sandbox.faults().add(rule);
    SyncRequest r = request({ m_box->targetA1() }, test::makeIndicators(200));
    r.options.upload.requestTimeoutMs = 800;
    const SyncSummary s = m_box->run(r);
    const TargetProgress &p = s.targets.first();
    QCOMPARE(p.state, TargetProgress::State::Finished);
    QCOMPARE(p.accepted, 200);
    QCOMPARE(p.failed, 0);
    QCOMPARE(m_box->sandbox.faults().injected(u"stix-upload"_s), count); // every fault really hit
    QVERIFY(p.retries <= count); // QNAM itself re-sends once after a dead connection; ours are bounded
    QCOMPARE(storedIds(SyncSandbox::WS_A1).size(), 200);
    QCOMPARE(m_box->sandbox.counts(SyncSandbox::WS_A1).conflicts, 0); // re-sends are identical
    QCOMPARE(ledgerCount(m_box->targetA1(), store::LedgerStatus::Accepted), 200);
}

void TstSyncUpload::partialRejections_data()
{
    QTest::addColumn<QString>("field");
    QTest::newRow("errorMessages") << u"errorMessages"_s;
    QTest::newRow("validationErrorMessages") << u"validationErrorMessages"_s;
}

void TstSyncUpload::partialRejections()
{
    QFETCH(QString, field);
    auto options = m_box->sandbox.sentinelOptions();
    options.errorsField = field;
    m_box->sandbox.setSentinelOptions(options);
    auto objects = test::makeIndicators(120);
    objects[3].confidence = 150; // out of range
    objects[107].validUntil = objects[107].validFrom.addDays(-1); // before valid_from (2nd batch)
    const SyncSummary s = m_box->run(request({ m_box->targetA1() }, objects));
    const TargetProgress &p = s.targets.first();
    QCOMPARE(p.accepted, 118);
    QCOMPARE(p.rejected, 2);
    QCOMPARE(p.failed, 0);
    QCOMPARE(s.rejections.size(), 2);
    QSet<QString> rejectedIds;
    for (const ObjectRejection &r : s.rejections) {
        rejectedIds.insert(r.stixId);
        QVERIFY2(r.message.startsWith(u"Error for Property="_s), qPrintable(r.message));
    }
    QCOMPARE(rejectedIds, (QSet<QString> { objects.at(3).id, objects.at(107).id }));
    const QSet<QString> stored = storedIds(SyncSandbox::WS_A1);
    QCOMPARE(stored.size(), 118);
    QVERIFY(!stored.contains(objects.at(3).id));
    QCOMPARE(m_box->sandbox.uploadLog(SyncSandbox::WS_A1).size(), 2); // no endless re-post of the batch
    store::Ledger ledger;
    QVERIFY(ledger.open(m_dir->filePath(u"ledger.sqlite"_s)).ok());
    const auto e = ledger.entry(m_box->targetA1().key(), objects.at(3).id);
    QVERIFY(e.ok());
    QCOMPARE(e.value().status, store::LedgerStatus::Rejected);
    QVERIFY(e.value().lastError.contains(u"confidence"_s));
}

void TstSyncUpload::cancelLeavesBatchUnacknowledged()
{
    // Slow answers so the cancel lands with batches in flight.
    m_box->sandbox.faults().failRandomly(u"stix-upload"_s, 1.0, Fault::delay(400));
    const auto objects = test::makeIndicators(1000);
    SyncRequest r = request({ m_box->targetA1() }, objects);
    r.options.upload.maxInFlightPerTarget = 2;
    SyncSummary first;
    {
        sync::SyncEngine engine(m_box->secrets);
        QSignalSpy finished(&engine, &sync::SyncEngine::finished);
        QVERIFY(engine.start(r));
        QTRY_VERIFY_WITH_TIMEOUT(m_box->sandbox.uploadLog(SyncSandbox::WS_A1).size() >= 2, 20000);
        engine.cancel();
        QVERIFY(finished.wait(20000));
        first = finished.first().at(0).value<SyncSummary>();
    }
    QVERIFY(first.cancelled);
    QCOMPARE(first.targets.first().state, TargetProgress::State::Cancelled);
    QVERIFY(first.targets.first().accepted < 1000);
    const int unacknowledged = ledgerCount(m_box->targetA1(), store::LedgerStatus::Sent);
    const int accepted = ledgerCount(m_box->targetA1(), store::LedgerStatus::Accepted);
    QCOMPARE(accepted, first.targets.first().accepted);
    QVERIFY(unacknowledged > 0);

    // Next run: the unacknowledged ones are re-sent, the never-sent ones are new, the rest skipped.
    m_box->sandbox.faults().clear();
    const SyncSummary second = m_box->run(request({ m_box->targetA1() }, objects));
    QCOMPARE(second.targets.first().unchanged, accepted);
    QCOMPARE(second.targets.first().total, 1000 - accepted);
    QCOMPARE(second.targets.first().accepted, 1000 - accepted);
    QCOMPARE(storedIds(SyncSandbox::WS_A1).size(), 1000);
    QCOMPARE(m_box->sandbox.counts(SyncSandbox::WS_A1).conflicts, 0);
    QCOMPARE(ledgerCount(m_box->targetA1(), store::LedgerStatus::Accepted), 1000);
}

void TstSyncUpload::pacingKeepsUnderCeiling()
{
    // 100 requests per (scaled) minute = per real second; 240 requests must take > 2 windows and get 0 x 429.
    m_box->sandbox.setClockScale(60);
    SyncRequest r = request({ m_box->targetA1() }, test::makeIndicators(1200));
    r.options.upload.timeScale = 60;
    r.options.upload.maxObjectsPerRequest = 5;
    r.options.upload.maxInFlightPerTarget = 8;
    QElapsedTimer clock;
    clock.start();
    const SyncSummary s = m_box->run(r);
    const qint64 elapsed = clock.elapsed();
    QCOMPARE(s.targets.first().accepted, 1200);
    QCOMPARE(s.targets.first().rateLimited, 0);
    QCOMPARE(m_box->sandbox.sentinel().rateLimiter().rejected(), 0);
    QCOMPARE(m_box->sandbox.uploadLog(SyncSandbox::WS_A1).size(), 240);
    QVERIFY2(elapsed >= 2000, qPrintable(QString::number(elapsed))); // it did wait for the windows
}

QTEST_GUILESS_MAIN(TstSyncUpload)
#include "tst_sync_upload.moc"
