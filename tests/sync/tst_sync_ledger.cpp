// SPDX-License-Identifier: BSD-2-Clause
// The ledger and the planner together: incremental sync, revocation, crash resume, run history.
#include "core/stix/jsonwriter.h"
#include "core/store/ledger.h"
#include "core/sync/syncplanner.h"
#include "tests/sync/syncfixtures.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace msb;
using namespace msb::sync;
using store::LedgerStatus;

class TstSyncLedger final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void firstRunIsAllNew();
    void acceptedThenUnchanged();
    void changedObjectIsResentWithNewerModified();
    void disappearedIndicatorIsRevoked();
    void withdrawnEventRevokesAllItsIndicators();
    void expiredIndicatorRevokedWhenAsked();
    void unacknowledgedBatchIsResentAndNothingElse();
    void rejectedObjectsAreNotResentUnlessChanged();
    void filteredObjectsAreReported();
    void runsAreRecorded();
    void secondConnectionSeesWrites();

private:
    sentinel::Target target() const;
    /// Plans, then records everything sendable as one accepted batch.
    TargetPlan planAndAccept(const PlanInput &input, const QHash<QString, QString> &rejected = {});

    QTemporaryDir m_dir;
    std::unique_ptr<store::Ledger> m_ledger;
};

sentinel::Target TstSyncLedger::target() const
{
    sentinel::Target t;
    t.displayName = u"SOC"_s;
    t.tenantId = u"11111111-1111-1111-1111-111111111111"_s;
    t.clientId = u"22222222-2222-2222-2222-222222222222"_s;
    t.workspaceId = u"33333333-3333-3333-3333-333333333333"_s;
    return t;
}

void TstSyncLedger::init()
{
    m_ledger = std::make_unique<store::Ledger>();
    const QString path = m_dir.filePath(u"ledger-%1.sqlite"_s.arg(QString::fromLatin1(QTest::currentTestFunction())));
    QFile::remove(path);
    const Status s = m_ledger->open(path);
    QVERIFY2(s.ok(), s.ok() ? "" : qPrintable(s.error().message));
}

TargetPlan TstSyncLedger::planAndAccept(const PlanInput &input, const QHash<QString, QString> &rejected)
{
    const SyncPlanner planner(input);
    TargetPlan plan = planner.plan(target(), m_ledger.get());
    QList<store::LedgerEntry> rows;
    for (const PlannedObject &p : plan.items) {
        if (p.json.isEmpty())
            continue;
        store::LedgerEntry e;
        e.stixId = p.stixId;
        e.type = p.type;
        e.contentHash = p.contentHash;
        e.modified = p.modified;
        e.revoked = p.revoked;
        e.eventUuid = p.eventUuid;
        e.validUntil = p.validUntil;
        e.json = p.json;
        rows.append(e);
    }
    if (!rows.isEmpty()) {
        const qint64 batch = m_ledger->nextBatchId();
        [&] { QVERIFY(m_ledger->markSent(plan.targetKey, batch, rows).ok()); }();
        [&] { QVERIFY(m_ledger->acknowledge(plan.targetKey, batch, rejected).ok()); }();
    }
    return plan;
}

void TstSyncLedger::firstRunIsAllNew()
{
    PlanInput in;
    in.objects = test::makeIndicators(5);
    const TargetPlan plan = SyncPlanner(in).plan(target(), m_ledger.get());
    QVERIFY(plan.error.isEmpty());
    QCOMPARE(plan.items.size(), 5);
    QCOMPARE(plan.count(PlanAction::New), 5);
    for (const PlannedObject &p : plan.items)
        QCOMPARE(p.json, stix::toJson(in.objects.at(p.objectIndex)));
}

void TstSyncLedger::acceptedThenUnchanged()
{
    PlanInput in;
    in.objects = test::makeIndicators(5);
    in.fetchedEventUuids = { u"ev-1"_s };
    planAndAccept(in);
    const auto counts = m_ledger->statusCounts(target().key());
    QVERIFY(counts.ok());
    QCOMPARE(counts.value().value(LedgerStatus::Accepted), 5);
    const TargetPlan second = SyncPlanner(in).plan(target(), m_ledger.get());
    QCOMPARE(second.count(PlanAction::Unchanged), 5);
    QVERIFY(!second.needsSending());
}

void TstSyncLedger::changedObjectIsResentWithNewerModified()
{
    PlanInput in;
    in.objects = test::makeIndicators(5);
    planAndAccept(in);
    in.objects[2].description = u"now with a description"_s; // same `modified`: a careless source
    const TargetPlan plan = SyncPlanner(in).plan(target(), m_ledger.get());
    QCOMPARE(plan.count(PlanAction::Changed), 1);
    QCOMPARE(plan.count(PlanAction::Unchanged), 4);
    const PlannedObject &changed = plan.items.at(2);
    QCOMPARE(changed.action, PlanAction::Changed);
    QVERIFY(changed.modified > in.objects.at(2).modified);
    const QJsonObject sent = QJsonDocument::fromJson(changed.json).object();
    QCOMPARE(sent.value(u"description"_s).toString(), u"now with a description"_s);
    QCOMPARE(sent.value(u"modified"_s).toString(), stix::formatTimestampMillis(changed.modified));
    // A newer `modified` from the source is kept as it is.
    in.objects[3].name = u"renamed"_s;
    in.objects[3].modified = in.objects[3].modified.addDays(1);
    const TargetPlan plan2 = SyncPlanner(in).plan(target(), m_ledger.get());
    QCOMPARE(plan2.items.at(3).modified, in.objects.at(3).modified);
}

void TstSyncLedger::disappearedIndicatorIsRevoked()
{
    PlanInput in;
    in.objects = test::makeIndicators(4, u"ev-1"_s);
    in.objects.append(test::makeIndicators(2, u"ev-2"_s, 100));
    in.fetchedEventUuids = { u"ev-1"_s, u"ev-2"_s };
    planAndAccept(in);
    const QString goneId = in.objects.at(1).id;
    PlanInput next = in;
    next.objects.removeAt(1); // lost to_ids / deleted in ev-1
    next.objects.removeLast(); // in ev-2, but ev-2 was not re-fetched this time
    next.fetchedEventUuids = { u"ev-1"_s };
    next.now = QDateTime(QDate(2026, 6, 1), QTime(12, 0), Qt::UTC);
    const TargetPlan plan = SyncPlanner(next).plan(target(), m_ledger.get());
    QCOMPARE(plan.count(PlanAction::Revoke), 1);
    QCOMPARE(plan.count(PlanAction::Unchanged), 4);
    const PlannedObject *revoke = nullptr;
    for (const PlannedObject &p : plan.items)
        if (p.action == PlanAction::Revoke)
            revoke = &p;
    QVERIFY(revoke);
    QCOMPARE(revoke->stixId, goneId);
    const QJsonObject o = QJsonDocument::fromJson(revoke->json).object();
    QCOMPARE(o.value(u"revoked"_s).toBool(), true);
    QCOMPARE(o.value(u"id"_s).toString(), goneId);
    QCOMPARE(o.value(u"pattern"_s).toString(), in.objects.at(1).pattern);
    QCOMPARE(o.value(u"modified"_s).toString(), u"2026-06-01T12:00:00.000Z"_s);
    // Once the revocation is acknowledged it is not planned again.
    planAndAccept(next);
    const auto e = m_ledger->entry(target().key(), goneId);
    QVERIFY(e.ok());
    QCOMPARE(e.value().status, LedgerStatus::Revoked);
    QCOMPARE(SyncPlanner(next).plan(target(), m_ledger.get()).count(PlanAction::Revoke), 0);
}

void TstSyncLedger::withdrawnEventRevokesAllItsIndicators()
{
    PlanInput in;
    in.objects = test::makeIndicators(3, u"ev-1"_s);
    in.objects.append(test::makeIndicators(2, u"ev-2"_s, 50));
    planAndAccept(in);
    PlanInput next = in; // the unpublished event still arrives, but is withdrawn
    next.withdrawnEventUuids = { u"ev-2"_s };
    const TargetPlan plan = SyncPlanner(next).plan(target(), m_ledger.get());
    QCOMPARE(plan.count(PlanAction::Revoke), 2);
    QCOMPARE(plan.count(PlanAction::Unchanged), 3);
    for (const PlannedObject &p : plan.items)
        if (p.action == PlanAction::Revoke)
            QCOMPARE(p.eventUuid, u"ev-2"_s);
}

void TstSyncLedger::expiredIndicatorRevokedWhenAsked()
{
    PlanInput in;
    in.objects = test::makeIndicators(3);
    in.objects[0].validUntil = QDateTime(QDate(2026, 2, 1), QTime(0, 0), Qt::UTC);
    planAndAccept(in);
    PlanInput next = in;
    next.now = QDateTime(QDate(2026, 3, 1), QTime(0, 0), Qt::UTC);
    QCOMPARE(SyncPlanner(next).plan(target(), m_ledger.get()).count(PlanAction::Revoke), 0);
    next.revokeExpired = true;
    const TargetPlan plan = SyncPlanner(next).plan(target(), m_ledger.get());
    QCOMPARE(plan.count(PlanAction::Revoke), 1);
    QCOMPARE(plan.items.at(0).reason, u"expired"_s);
    QVERIFY(QJsonDocument::fromJson(plan.items.at(0).json).object().value(u"revoked"_s).toBool());
}

void TstSyncLedger::unacknowledgedBatchIsResentAndNothingElse()
{
    PlanInput in;
    in.objects = test::makeIndicators(10);
    planAndAccept(in);
    // A later run changes 3 objects, marks them sent, and "crashes" before the answer.
    PlanInput next = in;
    for (int i : { 1, 4, 7 })
        next.objects[i].name = u"changed %1"_s.arg(i);
    const TargetPlan plan = SyncPlanner(next).plan(target(), m_ledger.get());
    QCOMPARE(plan.count(PlanAction::Changed), 3);
    QList<store::LedgerEntry> rows;
    for (const PlannedObject &p : plan.items)
        if (!p.json.isEmpty()) {
            store::LedgerEntry e;
            e.stixId = p.stixId;
            e.type = p.type;
            e.contentHash = p.contentHash;
            e.modified = p.modified;
            e.json = p.json;
            rows.append(e);
        }
    QVERIFY(m_ledger->markSent(plan.targetKey, m_ledger->nextBatchId(), rows).ok());
    // Restart: a fresh connection, same input. Exactly the 3 unacknowledged ones are planned.
    m_ledger->close();
    QVERIFY(m_ledger->open(m_dir.filePath(u"ledger-%1.sqlite"_s.arg(QString::fromLatin1(QTest::currentTestFunction()))))
                .ok());
    const TargetPlan resumed = SyncPlanner(next).plan(target(), m_ledger.get());
    QCOMPARE(resumed.count(PlanAction::Resend), 3);
    QCOMPARE(resumed.count(PlanAction::Unchanged), 7);
    for (const PlannedObject &p : resumed.items)
        if (p.action == PlanAction::Resend)
            QVERIFY(p.stixId == next.objects.at(1).id || p.stixId == next.objects.at(4).id
                || p.stixId == next.objects.at(7).id);
}

void TstSyncLedger::rejectedObjectsAreNotResentUnlessChanged()
{
    PlanInput in;
    in.objects = test::makeIndicators(3);
    planAndAccept(in, { { in.objects.at(1).id, u"Error for Property=pattern: bad"_s } });
    const auto e = m_ledger->entry(target().key(), in.objects.at(1).id);
    QVERIFY(e.ok());
    QCOMPARE(e.value().status, LedgerStatus::Rejected);
    QCOMPARE(e.value().lastError, u"Error for Property=pattern: bad"_s);
    TargetPlan plan = SyncPlanner(in).plan(target(), m_ledger.get());
    QCOMPARE(plan.count(PlanAction::Unchanged), 3);
    QVERIFY(plan.items.at(1).reason.contains(u"rejected before"_s));
    in.objects[1].pattern = u"[ipv4-addr:value = '10.9.9.9']"_s;
    plan = SyncPlanner(in).plan(target(), m_ledger.get());
    QCOMPARE(plan.items.at(1).action, PlanAction::Changed);
}

void TstSyncLedger::filteredObjectsAreReported()
{
    PlanInput in;
    in.objects = test::makeIndicators(4);
    in.objects[0].confidence = 10;
    in.objects[1].tlp = stix::Tlp::Red;
    sentinel::Target t = target();
    t.filters.minimumConfidence = 40;
    t.filters.maximumTlp = stix::Tlp::Amber;
    const TargetPlan plan = SyncPlanner(in).plan(t, m_ledger.get());
    QCOMPARE(plan.count(PlanAction::Filtered), 2);
    QCOMPARE(plan.count(PlanAction::New), 2);
    QVERIFY(plan.items.at(0).reason.contains(u"confidence 10"_s));
    QVERIFY(plan.items.at(1).reason.contains(u"TLP:RED"_s));
    QVERIFY(plan.items.at(0).json.isEmpty());
}

void TstSyncLedger::runsAreRecorded()
{
    auto id = m_ledger->beginRun(u"prod"_s);
    QVERIFY(id.ok());
    store::RunRecord r;
    r.id = id.value();
    r.outcome = u"errors"_s;
    r.errors = { u"SOC: boom"_s };
    store::RunTargetCounts c;
    c.targetKey = target().key();
    c.targetName = u"SOC"_s;
    c.planned = 10;
    c.accepted = 8;
    c.rejected = 2;
    c.firstError = u"x was rejected"_s;
    r.targets = { c };
    QVERIFY(m_ledger->finishRun(r).ok());
    const auto runs = m_ledger->runs(10);
    QVERIFY(runs.ok());
    QCOMPARE(runs.value().size(), 1);
    const store::RunRecord &back = runs.value().first();
    QCOMPARE(back.profile, u"prod"_s);
    QCOMPARE(back.outcome, u"errors"_s);
    QCOMPARE(back.errors, QStringList { u"SOC: boom"_s });
    QCOMPARE(back.targets.size(), 1);
    QCOMPARE(back.targets.first().accepted, 8);
    QCOMPARE(back.targets.first().rejected, 2);
    QVERIFY(back.finished.isValid());
}

void TstSyncLedger::secondConnectionSeesWrites()
{
    PlanInput in;
    in.objects = test::makeIndicators(2);
    planAndAccept(in);
    store::Ledger other;
    QVERIFY(other.open(m_ledger->path()).ok());
    const auto entries = other.entries(target().key());
    QVERIFY(entries.ok());
    QCOMPARE(entries.value().size(), 2);
}

QTEST_GUILESS_MAIN(TstSyncLedger)
#include "tst_sync_ledger.moc"
