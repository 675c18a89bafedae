// SPDX-License-Identifier: BSD-2-Clause
// End to end: real MISP data converted once and fanned out to 3 workspaces in 2 tenants over
// HTTPS; incremental re-runs, one changed attribute, one removed attribute; and a 429 storm with
// 5xx bursts.
#include "core/convert/converter.h"
#include "core/misp/mispparser.h"
#include "core/stix/jsonwriter.h"
#include "core/store/ledger.h"
#include "core/util/uuid5.h"
#include "tests/support/testpaths.h"
#include "tests/sync/syncfixtures.h"
#include "tests/sync/syncsandbox.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTemporaryDir>

using namespace Qt::Literals::StringLiterals;
using namespace msb;
using namespace msb::sync;
using msb::sandbox::Fault;
using msb::test::SyncSandbox;

class TstSyncEngine final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void fanOutIncrementalChangeAndRevoke();
    void stormOf429AndServerErrorsLosesNothing();
    void sharedAppCeilingIsShared();

private:
    QList<misp::Event> loadEvents() const;
    convert::ConversionResult convert(const QList<misp::Event> &events) const;
    SyncRequest request(const convert::ConversionResult &conversion) const;
    QList<sentinel::Target> targets() const;

    QList<misp::Event> m_events;
    std::unique_ptr<SyncSandbox> m_box;
    std::unique_ptr<QTemporaryDir> m_dir;
};

QList<misp::Event> TstSyncEngine::loadEvents() const
{
    QList<misp::Event> events;
    const QDir feed(test::mispDataDir() + u"/malvuln-feed"_s);
    QStringList files = feed.entryList({ u"misp_event_*.json"_s }, QDir::Files, QDir::Name);
    files = files.mid(0, 40);
    for (const QString &f : std::as_const(files)) {
        QFile file(feed.filePath(f));
        if (!file.open(QIODevice::ReadOnly))
            continue;
        events.append(misp::parseDocument(file.readAll(), f).events);
    }
    QFile core(test::mispDataDir() + u"/misp-core/tests_event.json"_s);
    if (core.open(QIODevice::ReadOnly))
        events.append(misp::parseDocument(core.readAll(), u"tests_event.json"_s).events);
    return events;
}

convert::ConversionResult TstSyncEngine::convert(const QList<misp::Event> &events) const
{
    convert::ConversionPolicy policy;
    policy.now = QDateTime(QDate(2026, 11, 1), QTime(0, 0), Qt::UTC);
    policy.dropExpired = false;
    convert::Converter converter(policy);
    return converter.convert(events);
}

QList<sentinel::Target> TstSyncEngine::targets() const
{
    // Two workspaces in tenant A (same app), one in tenant B.
    return { m_box->targetA1(), m_box->targetA2(), m_box->targetB1() };
}

SyncRequest TstSyncEngine::request(const convert::ConversionResult &conversion) const
{
    SyncRequest r;
    r.targets = targets();
    r.input = PlanInput::fromConversion(conversion);
    r.ledgerPath = m_dir->filePath(u"ledger.sqlite"_s);
    r.profile = u"e2e"_s;
    r.options = SyncSandbox::fastOptions();
    return r;
}

void TstSyncEngine::initTestCase()
{
    m_events = loadEvents();
    QVERIFY2(m_events.size() >= 20, qPrintable(test::mispDataDir()));
}

void TstSyncEngine::init()
{
    m_box = std::make_unique<SyncSandbox>();
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_box->start());
}

void TstSyncEngine::cleanup()
{
    m_box.reset();
    m_dir.reset();
}

void TstSyncEngine::fanOutIncrementalChangeAndRevoke()
{
    QList<misp::Event> events = m_events;
    const convert::ConversionResult first = convert(events);
    QVERIFY(first.objects.size() > 50);
    QHash<QString, QByteArray> expected;
    for (const stix::StixObject &o : first.objects)
        expected.insert(o.id, stix::toJson(o));
    QCOMPARE(expected.size(), first.objects.size()); // ids are unique

    // Run 1: everything to every workspace.
    QList<TargetProgress> progress;
    SyncSummary s = m_box->run(request(first), 120000, &progress);
    QCOMPARE(s.targets.size(), 3);
    QVERIFY2(s.rejections.isEmpty(),
        s.rejections.isEmpty() ? "" : qPrintable(s.rejections.first().stixId + u": "_s + s.rejections.first().message));
    for (const TargetProgress &p : std::as_const(s.targets)) {
        QCOMPARE(p.state, TargetProgress::State::Finished);
        QCOMPARE(p.accepted, int(expected.size()));
    }
    for (const QString &ws : { SyncSandbox::WS_A1, SyncSandbox::WS_A2, SyncSandbox::WS_B1 }) {
        const auto stored = m_box->sandbox.storedObjects(ws);
        QCOMPARE(stored.size(), expected.size());
        for (const sandbox::StoredObject &o : stored) {
            QVERIFY(expected.contains(o.id));
            QCOMPARE(QJsonDocument(o.object), QJsonDocument::fromJson(expected.value(o.id)));
            QCOMPARE(o.versions, 1);
        }
    }
    // Progress arrived per target with rates.
    QSet<QString> reported;
    for (const TargetProgress &p : std::as_const(progress))
        reported.insert(p.targetKey);
    QCOMPARE(reported.size(), 3);
    QVERIFY(s.targets.first().objectsPerSecond > 0);
    QCOMPARE(m_box->sandbox.tokenRequestCount(), 2); // one per app, shared by its two workspaces

    // Run 2: nothing changed, nothing is sent.
    const int requestsBefore = m_box->sandbox.sentinel().uploadRequests();
    s = m_box->run(request(convert(events)));
    for (const TargetProgress &p : std::as_const(s.targets)) {
        QCOMPARE(p.total, 0);
        QCOMPARE(p.unchanged, int(expected.size()));
    }
    QCOMPARE(m_box->sandbox.sentinel().uploadRequests(), requestsBefore);

    // Run 3: one attribute changes value: exactly that object is re-sent to each workspace.
    const auto pick = [&](int skip) -> std::pair<int, int> {
        for (int e = 0; e < events.size(); ++e)
            for (int a = 0; a < events[e].attributes.size(); ++a) {
                const misp::Attribute &attr = events[e].attributes[a];
                const bool hash = attr.type == u"md5" || attr.type == u"sha1" || attr.type == u"sha256";
                // With a uuid the id stays the same when the value changes (else it derives from the value).
                if ((hash || attr.type == u"ip-dst" || attr.type == u"domain") && isValidUuid(attr.uuid) && skip-- == 0)
                    return { e, a };
            }
        return { -1, -1 };
    };
    auto [ce, ca] = pick(0);
    QVERIFY(ce >= 0);
    misp::Attribute &changed = events[ce].attributes[ca];
    if (changed.type == u"ip-dst")
        changed.value = u"198.51.100.77"_s;
    else if (changed.type == u"domain")
        changed.value = u"changed.example.org"_s;
    else
        changed.value = QString(changed.value.size(), u'e');
    const convert::ConversionResult third = convert(events);
    QString changedId;
    for (const stix::StixObject &o : third.objects)
        if (stix::toJson(o) != expected.value(o.id))
            changedId = changedId.isEmpty() ? o.id : u"more than one"_s;
    QVERIFY(!changedId.isEmpty() && changedId != u"more than one"_s);
    int logBefore = m_box->sandbox.uploadLog(SyncSandbox::WS_A1).size();
    s = m_box->run(request(third));
    for (const TargetProgress &p : std::as_const(s.targets)) {
        QCOMPARE(p.total, 1);
        QCOMPARE(p.accepted, 1);
    }
    for (const QString &ws : { SyncSandbox::WS_A1, SyncSandbox::WS_A2, SyncSandbox::WS_B1 }) {
        const auto log = m_box->sandbox.uploadLog(ws);
        QCOMPARE(log.last().objects.size(), 1);
        QCOMPARE(log.last().objects.first().toObject().value(u"id"_s).toString(), changedId);
        const auto stored = m_box->sandbox.storedObjects(ws);
        QCOMPARE(stored.size(), expected.size());
        for (const sandbox::StoredObject &o : stored)
            QCOMPARE(o.versions, o.id == changedId ? 2 : 1);
    }
    QCOMPARE(m_box->sandbox.uploadLog(SyncSandbox::WS_A1).size(), logBefore + 1);

    // Run 4: another attribute disappears: exactly that indicator is revoked everywhere.
    const auto [re, ra] = pick(1);
    QVERIFY(re >= 0);
    QList<QString> before;
    for (const stix::StixObject &o : third.objects)
        before.append(o.id);
    events[re].attributes.removeAt(ra);
    const convert::ConversionResult fourth = convert(events);
    QSet<QString> after;
    for (const stix::StixObject &o : fourth.objects)
        after.insert(o.id);
    QStringList gone;
    for (const QString &id : before)
        if (!after.contains(id))
            gone.append(id);
    QCOMPARE(gone.size(), 1);
    {
        const auto plans = SyncPlanner::dryRun(request(fourth).input, targets(), m_dir->filePath(u"ledger.sqlite"_s));
        for (const PlannedObject &p : plans.first().items)
            if (p.action != PlanAction::Unchanged)
                qInfo("%s %s %s", qPrintable(actionName(p.action)), qPrintable(p.stixId), qPrintable(p.reason));
    }
    s = m_box->run(request(fourth));
    for (const TargetProgress &p : std::as_const(s.targets)) {
        QCOMPARE(p.total, 1);
        QCOMPARE(p.revoked, 1);
    }
    for (const QString &ws : { SyncSandbox::WS_A1, SyncSandbox::WS_A2, SyncSandbox::WS_B1 }) {
        int revoked = 0;
        for (const sandbox::StoredObject &o : m_box->sandbox.storedObjects(ws)) {
            if (o.revoked) {
                ++revoked;
                QCOMPARE(o.id, gone.first());
            }
        }
        QCOMPARE(revoked, 1);
        QCOMPARE(m_box->sandbox.counts(ws).conflicts, 0);
    }
    // The run history has all four runs.
    store::Ledger ledger;
    QVERIFY(ledger.open(m_dir->filePath(u"ledger.sqlite"_s)).ok());
    const auto runs = ledger.runs(10);
    QVERIFY(runs.ok());
    QCOMPARE(runs.value().size(), 4);
    QCOMPARE(runs.value().first().targets.size(), 3);
    QCOMPARE(runs.value().first().outcome, u"ok"_s);
}

void TstSyncEngine::stormOf429AndServerErrorsLosesNothing()
{
    m_box->sandbox.faults().setSeed(42);
    // 5xx bursts first (rules are tried in order), then 429 on half of everything else.
    const auto burst = [this](int skip, int count, const Fault &fault) {
        sandbox::FaultRule rule;
        rule.route = u"stix-upload"_s;
        rule.fault = fault;
        rule.skip = skip;
        rule.count = count;
        m_box->sandbox.faults().add(rule);
    };
    burst(2, 3, Fault::httpStatus(503));
    burst(9, 2, Fault::httpStatus(500, true)); // stored, then 500: the re-send must not conflict
    burst(15, 3, Fault::httpStatus(502));
    m_box->sandbox.faults().failRandomly(u"stix-upload"_s, 0.5, Fault::tooManyRequests(1));
    const QList<stix::StixObject> objects = test::makeIndicators(500);
    convert::ConversionResult conversion;
    conversion.objects = objects;
    SyncRequest r = request(conversion);
    r.targets = { m_box->targetA1(), m_box->targetB1(), m_box->targetA2() };
    QHash<int, int> statuses;
    connect(&m_box->sandbox, &sandbox::Sandbox::requestFinished, this, [&statuses](const QString &route, int status) {
        if (route == u"stix-upload")
            ++statuses[status];
    });
    const SyncSummary s = m_box->run(r, 240000);
    for (auto it = statuses.cbegin(); it != statuses.cend(); ++it)
        qInfo("HTTP %d: %d", it.key(), it.value());
    QVERIFY(m_box->sandbox.faults().injected() > 5);
    int received429 = 0;
    int retries = 0;
    for (const TargetProgress &p : std::as_const(s.targets)) {
        retries += p.retries;
        QCOMPARE(p.state, TargetProgress::State::Finished);
        QCOMPARE(p.accepted, 500);
        QCOMPARE(p.failed, 0);
        // Bounded: 5 batches, each at most maxRateLimited + maxTransient attempts.
        QVERIFY(p.retries <= 5 * (r.options.upload.maxRateLimitedAttempts + r.options.upload.maxTransientAttempts));
        received429 += p.rateLimited;
    }
    QVERIFY(received429 > 0);
    QVERIFY(retries > received429); // 5xx were retried too
    for (const QString &ws : { SyncSandbox::WS_A1, SyncSandbox::WS_A2, SyncSandbox::WS_B1 }) {
        const auto stored = m_box->sandbox.storedObjects(ws);
        QCOMPARE(stored.size(), 500); // 0 lost
        for (const sandbox::StoredObject &o : stored)
            QCOMPARE(o.versions, 1); // never stored twice with different content
        QCOMPARE(m_box->sandbox.counts(ws).conflicts, 0);
    }
    qInfo("storm: %d faults injected, %d x 429 and %d retries in all seen by the engine",
        m_box->sandbox.faults().injected(),
        received429,
        retries);
}

void TstSyncEngine::sharedAppCeilingIsShared()
{
    // Per-app limit: A1 and A2 share one app, so together they must stay under 100 per window.
    m_box->sandbox.setClockScale(60);
    const QList<stix::StixObject> objects = test::makeIndicators(600);
    convert::ConversionResult conversion;
    conversion.objects = objects;
    SyncRequest r = request(conversion);
    r.targets = { m_box->targetA1(), m_box->targetA2() };
    r.options.upload.timeScale = 60;
    r.options.upload.maxObjectsPerRequest = 5; // 120 requests per workspace, 240 on one app
    r.options.upload.maxInFlightPerTarget = 8;
    const SyncSummary s = m_box->run(r, 60000);
    for (const TargetProgress &p : std::as_const(s.targets)) {
        QCOMPARE(p.accepted, 600);
        QCOMPARE(p.rateLimited, 0);
    }
    QCOMPARE(m_box->sandbox.sentinel().rateLimiter().rejected(), 0);
    QCOMPARE(m_box->sandbox.sentinel().rateLimiter().admitted(), 240);
}

QTEST_GUILESS_MAIN(TstSyncEngine)
#include "tst_sync_engine.moc"
