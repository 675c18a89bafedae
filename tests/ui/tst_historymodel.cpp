// SPDX-License-Identifier: BSD-2-Clause
#include "ui/models/historymodel.h"

#include <QAbstractItemModelTester>
#include <QTest>

using namespace msb::ui;

class TestHistoryModel final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void newestFirst();
    void csvExport();
};

namespace {

RunRecord run(int day, const QString &profile, qint64 accepted, qint64 rejected, const QString &error = {})
{
    RunRecord r;
    r.started = QDateTime(QDate(2026, 3, day), QTime(8, 0), Qt::UTC);
    r.finished = r.started.addSecs(90);
    r.profile = profile;
    r.targets.append(TargetCounts { QStringLiteral("SOC West"), accepted, rejected, 5, 1, error });
    r.targets.append(TargetCounts { QStringLiteral("SOC \"East\", DE"), accepted, 0, 0, 0, {} });
    if (!error.isEmpty())
        r.errors.append(error);
    return r;
}

} // namespace

void TestHistoryModel::newestFirst()
{
    HistoryModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setRuns(
        { run(1, QStringLiteral("Prod"), 10, 0), run(3, QStringLiteral("Prod"), 20, 2, QStringLiteral("x")) });
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.index(0, HistoryModel::Accepted).data().toLongLong(), 40);
    QCOMPARE(model.index(0, HistoryModel::Result).data().toString(), QStringLiteral("with errors"));
    QCOMPARE(model.index(1, HistoryModel::Result).data().toString(), QStringLiteral("complete"));
    model.addRun(run(5, QStringLiteral("Demo"), 1, 0));
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.index(0, HistoryModel::Profile).data().toString(), QStringLiteral("Demo"));
    QVERIFY(model.index(0, HistoryModel::Targets).data().toString().contains(QStringLiteral("SOC West: 1 accepted")));
}

void TestHistoryModel::csvExport()
{
    HistoryModel model;
    model.setRuns({ run(2, QStringLiteral("Prod"), 7, 3, QStringLiteral("403: assign role, then retry")) });
    const QStringList lines = QString::fromUtf8(model.toCsv()).split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 3);
    QCOMPARE(lines.at(0),
        QStringLiteral("started,finished,profile,target,accepted,rejected,skipped,revoked,cancelled,error"));
    QCOMPARE(lines.at(1),
        QStringLiteral("2026-03-02T08:00:00Z,2026-03-02T08:01:30Z,Prod,SOC West,7,3,5,1,no,"
                       "\"403: assign role, then retry\""));
    QCOMPARE(lines.at(2),
        QStringLiteral("2026-03-02T08:00:00Z,2026-03-02T08:01:30Z,Prod,\"SOC \"\"East\"\", DE\",7,0,0,0,no,"));
}

QTEST_MAIN(TestHistoryModel)
#include "tst_historymodel.moc"
