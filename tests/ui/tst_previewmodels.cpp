// SPDX-License-Identifier: BSD-2-Clause
#include "ui/models/attributetablemodel.h"
#include "ui/models/dryrunsummarymodel.h"
#include "ui/models/eventtablemodel.h"
#include "ui/models/stixtablemodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTest>

using namespace msb;
using namespace msb::ui;

namespace {

misp::Attribute attr(const QString &type, const QString &value, std::optional<bool> toIds)
{
    misp::Attribute a;
    a.uuid = QStringLiteral("a-") + value;
    a.type = type;
    a.category = QStringLiteral("Network activity");
    a.value = value;
    a.toIds = toIds;
    a.timestamp = 1700000000;
    return a;
}

misp::Event makeEvent(const QString &id, const QString &info, int attributes, int toIds, int threat)
{
    misp::Event e;
    e.id = id;
    e.uuid = QStringLiteral("event-") + id;
    e.info = info;
    e.date = QDate(2024, 1, id.toInt());
    e.orgc.name = QStringLiteral("CIRCL");
    e.threatLevelId = threat;
    e.published = id.toInt() % 2 == 1;
    e.tags = { misp::Tag { QStringLiteral("tlp:green"), false }, misp::Tag { QStringLiteral("osint"), false } };
    for (int i = 0; i < attributes; ++i)
        e.attributes.append(attr(QStringLiteral("ip-dst"), QStringLiteral("10.0.%1.%2").arg(id).arg(i), i < toIds));
    return e;
}

stix::StixObject indicator(const QString &eventUuid, const QString &value)
{
    stix::StixObject o;
    o.type = QStringLiteral("indicator");
    o.id = QStringLiteral("indicator--") + value;
    o.pattern = QStringLiteral("[ipv4-addr:value = '%1']").arg(value);
    o.validFrom = QDateTime(QDate(2024, 1, 1), QTime(0, 0), Qt::UTC);
    o.confidence = 50;
    o.labels = { QStringLiteral("osint") };
    o.eventUuid = eventUuid;
    o.tlp = stix::Tlp::Green;
    return o;
}

PreviewPlan plan(int objects, const QStringList &targets)
{
    PreviewPlan p;
    p.targets = targets;
    for (int i = 0; i < objects; ++i) {
        p.objects.append(indicator(QStringLiteral("event-%1").arg(i % 3), QStringLiteral("192.0.2.%1").arg(i)));
        for (qsizetype t = 0; t < targets.size(); ++t)
            p.statuses.append(PlanStatus((i + t) % 4));
    }
    convert::ItemOutcome d;
    d.status = convert::ItemOutcome::Status::Dropped;
    d.eventUuid = QStringLiteral("event-1");
    d.mispType = QStringLiteral("text");
    d.value = QStringLiteral("some comment");
    d.reason = QStringLiteral("unsupported type text");
    p.dropped.append(d);
    p.dropsByReason.insert(d.reason, 1);
    p.reasons.insert(0 * targets.size() + 0, QStringLiteral("below minimum confidence"));
    return p;
}

} // namespace

class TestPreviewModels final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void events_data();
    void events();
    void eventSortingAndFilter();
    void attributes();
    void stixRowsAndTargets();
    void stixFilters();
    void stixBatchedAppend();
    void dryRunCounts();
    void dropReasons();
};

void TestPreviewModels::events_data()
{
    QTest::addColumn<int>("attributes");
    QTest::addColumn<int>("toIds");
    QTest::addColumn<int>("threat");
    QTest::addColumn<QString>("threatText");
    QTest::newRow("high") << 5 << 2 << 1 << QStringLiteral("High");
    QTest::newRow("low, none to_ids") << 3 << 0 << 3 << QStringLiteral("Low");
    QTest::newRow("empty event") << 0 << 0 << 4 << QStringLiteral("Undefined");
}

void TestPreviewModels::events()
{
    QFETCH(int, attributes);
    QFETCH(int, toIds);
    QFETCH(int, threat);
    QFETCH(QString, threatText);
    EventTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    misp::Event e = makeEvent(QStringLiteral("7"), QStringLiteral("Phishing wave"), attributes, toIds, threat);
    misp::Object o;
    o.name = QStringLiteral("file");
    o.attributes.append(attr(QStringLiteral("sha256"), QStringLiteral("abc"), true));
    e.objects.append(o);
    model.setEvents({ e, makeEvent(QStringLiteral("8"), QStringLiteral("Other"), 1, 1, 2) });
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.columnCount(), int(EventTableModel::ColumnCount));
    auto cell = [&](int column) { return model.index(0, column).data().toString(); };
    QCOMPARE(cell(EventTableModel::Id), QStringLiteral("7"));
    QCOMPARE(cell(EventTableModel::Date), QStringLiteral("2024-01-07"));
    QCOMPARE(cell(EventTableModel::Organisation), QStringLiteral("CIRCL"));
    QCOMPARE(cell(EventTableModel::Info), QStringLiteral("Phishing wave"));
    QCOMPARE(cell(EventTableModel::Tags), QStringLiteral("tlp:green, osint"));
    QCOMPARE(model.index(0, EventTableModel::Attributes).data().toInt(), attributes + 1); // + the object's
    QCOMPARE(model.index(0, EventTableModel::ToIds).data().toInt(), toIds + 1);
    QCOMPARE(cell(EventTableModel::Published), QStringLiteral("yes"));
    QCOMPARE(cell(EventTableModel::ThreatLevel), threatText);
    QCOMPARE(model.rowOfUuid(QStringLiteral("event-8")), 1);
    QCOMPARE(model.rowOfUuid(QStringLiteral("nope")), -1);
}

void TestPreviewModels::eventSortingAndFilter()
{
    EventTableModel model;
    QSortFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    proxy.setSortRole(EventTableModel::SortRole);
    proxy.setFilterKeyColumn(-1);
    proxy.setFilterCaseSensitivity(Qt::CaseInsensitive);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setEvents({ makeEvent(QStringLiteral("2"), QStringLiteral("Ransomware"), 10, 1, 1),
        makeEvent(QStringLiteral("10"), QStringLiteral("Phishing"), 2, 2, 2),
        makeEvent(QStringLiteral("9"), QStringLiteral("Botnet C2"), 30, 3, 3) });
    proxy.sort(EventTableModel::Id, Qt::AscendingOrder);
    // Numeric, not lexical: 2 < 9 < 10.
    QCOMPARE(proxy.index(0, EventTableModel::Id).data().toString(), QStringLiteral("2"));
    QCOMPARE(proxy.index(2, EventTableModel::Id).data().toString(), QStringLiteral("10"));
    proxy.sort(EventTableModel::Attributes, Qt::DescendingOrder);
    QCOMPARE(proxy.index(0, EventTableModel::Info).data().toString(), QStringLiteral("Botnet C2"));
    proxy.setFilterFixedString(QStringLiteral("phish"));
    QCOMPARE(proxy.rowCount(), 1);
    QCOMPARE(proxy.index(0, EventTableModel::Id).data().toString(), QStringLiteral("10"));
}

void TestPreviewModels::attributes()
{
    AttributeTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    misp::Event e = makeEvent(QStringLiteral("3"), QStringLiteral("x"), 2, 1, 1);
    e.attributes[1].toIds.reset();
    e.attributes[0].tags = { misp::Tag { QStringLiteral("kill-chain:c2"), false } };
    misp::Object o;
    o.name = QStringLiteral("domain-ip");
    o.attributes.append(attr(QStringLiteral("domain"), QStringLiteral("evil.example"), false));
    e.objects.append(o);
    model.setEvent(e);
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.index(0, AttributeTableModel::Value).data().toString(), QStringLiteral("10.0.3.0"));
    QCOMPARE(model.index(0, AttributeTableModel::ToIds).data().toString(), QStringLiteral("yes"));
    QCOMPARE(model.index(0, AttributeTableModel::Tags).data().toString(), QStringLiteral("kill-chain:c2"));
    QCOMPARE(model.index(0, AttributeTableModel::Timestamp).data().toString(), QStringLiteral("2023-11-14T22:13:20Z"));
    QCOMPARE(model.index(1, AttributeTableModel::ToIds).data().toString(), QStringLiteral("default"));
    QCOMPARE(model.index(2, AttributeTableModel::Type).data().toString(), QStringLiteral("domain"));
    QCOMPARE(model.index(2, AttributeTableModel::ToIds).data().toString(), QStringLiteral("no"));
    QCOMPARE(model.index(2, AttributeTableModel::Object).data().toString(), QStringLiteral("domain-ip"));
    model.clear();
    QCOMPARE(model.rowCount(), 0);
}

void TestPreviewModels::stixRowsAndTargets()
{
    StixTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setPlan(plan(8, { QStringLiteral("SOC West"), QStringLiteral("SOC East") }));
    QCOMPARE(model.rowCount(), 9); // 8 objects + 1 dropped item
    QCOMPARE(model.columnCount(), StixTableModel::FirstTargetColumn + 2);
    QCOMPARE(
        model.headerData(StixTableModel::FirstTargetColumn + 1, Qt::Horizontal).toString(), QStringLiteral("SOC East"));
    QCOMPARE(
        model.index(0, StixTableModel::Pattern).data().toString(), QStringLiteral("[ipv4-addr:value = '192.0.2.0']"));
    QCOMPARE(model.index(0, StixTableModel::ValidFrom).data().toString(), QStringLiteral("2024-01-01T00:00:00Z"));
    QCOMPARE(model.index(0, StixTableModel::ValidUntil).data().toString(), QString());
    QCOMPARE(model.index(0, StixTableModel::Confidence).data().toInt(), 50);
    QCOMPARE(model.index(0, StixTableModel::Tlp).data().toString(), QStringLiteral("TLP:GREEN"));
    QCOMPARE(model.index(0, StixTableModel::FirstTargetColumn).data().toString(),
        QStringLiteral("new: below minimum confidence"));
    QCOMPARE(model.index(2, StixTableModel::FirstTargetColumn + 1).data().toString(), QStringLiteral("revoke"));
    QCOMPARE(model.index(2, StixTableModel::FirstTargetColumn + 1).data(StixTableModel::StatusRole).toInt(),
        int(PlanStatus::Revoke));
    QCOMPARE(model.objectIndex(8), -1);
    QCOMPARE(model.droppedIndex(8), 0);
    QCOMPARE(model.index(8, StixTableModel::Type).data().toString(), QStringLiteral("MISP text"));
    QCOMPARE(model.index(8, StixTableModel::FirstTargetColumn).data().toString(),
        QStringLiteral("dropped: unsupported type text"));
}

void TestPreviewModels::stixFilters()
{
    StixTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setPlan(plan(9, { QStringLiteral("A") }));
    model.setEventFilter(QStringLiteral("event-1"));
    QCOMPARE(model.rowCount(), 4); // objects 1, 4, 7 and the dropped item of event-1
    QCOMPARE(model.objectIndex(1), 4);
    QCOMPARE(model.droppedIndex(3), 0);
    model.setTextFilter(QStringLiteral("192.0.2.7"));
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.objectIndex(0), 7);
    model.setEventFilter({});
    model.setTextFilter(QStringLiteral("UNSUPPORTED"));
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.droppedIndex(0), 0);
    model.setTextFilter({});
    QCOMPARE(model.rowCount(), 10);
}

void TestPreviewModels::stixBatchedAppend()
{
    StixTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    PreviewPlan p;
    p.targets = { QStringLiteral("A"), QStringLiteral("B") };
    model.setPlan(p);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    for (int batch = 0; batch < 5; ++batch) {
        QList<stix::StixObject> objects;
        QList<PlanStatus> statuses;
        for (int i = 0; i < 1000; ++i) {
            objects.append(indicator(QStringLiteral("e"), QStringLiteral("198.51.%1.%2").arg(batch).arg(i % 250)));
            statuses.append(PlanStatus::New);
            statuses.append(PlanStatus::Unchanged);
        }
        model.appendObjects(objects, statuses);
    }
    QCOMPARE(inserted.count(), 5); // one insert per batch, not per row
    QCOMPARE(model.rowCount(), 5000);
    QCOMPARE(model.index(4999, StixTableModel::FirstTargetColumn + 1).data().toString(), QStringLiteral("unchanged"));
}

void TestPreviewModels::dryRunCounts()
{
    DryRunSummaryModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setPlan(plan(8, { QStringLiteral("A"), QStringLiteral("B") }));
    QCOMPARE(model.rowCount(), 2);
    // Target A: rows i%4 -> New 0,4; Changed 1,5; Unchanged 2,6; Revoke 3,7; plus one dropped item.
    QCOMPARE(model.count(0, PlanStatus::New), 2);
    QCOMPARE(model.count(0, PlanStatus::Revoke), 2);
    QCOMPARE(model.count(0, PlanStatus::Dropped), 1);
    QCOMPARE(model.count(1, PlanStatus::Filtered), 0);
    QCOMPARE(model.index(1, DryRunSummaryModel::TotalColumn).data().toInt(), 9);
    QCOMPARE(model.index(0, DryRunSummaryModel::Target).data().toString(), QStringLiteral("A"));
    QCOMPARE(
        model.headerData(DryRunSummaryModel::FirstStatusColumn + int(PlanStatus::Revoke), Qt::Horizontal).toString(),
        QStringLiteral("revoke"));
}

void TestPreviewModels::dropReasons()
{
    DropReasonModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setDrops({ { QStringLiteral("not to_ids"), 4 },
        { QStringLiteral("unsupported type text"), 12 },
        { QStringLiteral("invalid IPv4 address"), 1 } });
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.index(0, DropReasonModel::Reason).data().toString(), QStringLiteral("unsupported type text"));
    QCOMPARE(model.index(0, DropReasonModel::Count).data().toInt(), 12);
    QCOMPARE(model.index(2, DropReasonModel::Count).data().toInt(), 1);
}

QTEST_MAIN(TestPreviewModels)
#include "tst_previewmodels.moc"
