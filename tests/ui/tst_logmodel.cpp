// SPDX-License-Identifier: BSD-2-Clause
#include "core/log/logging.h"
#include "core/log/redact.h"
#include "ui/models/logfilterproxy.h"
#include "ui/models/logmodel.h"

#include <QAbstractItemModelTester>
#include <QTest>

#include <thread>
#include <vector>

using namespace msb::ui;

class TestLogModel final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void sinkFeedsModelInBatches();
    void capacityDropsOldest();
    void levelFilter();
    void attachedSinkSeesRedactedLines();
};

void TestLogModel::sinkFeedsModelInBatches()
{
    LogModel model(1000);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    auto logger = std::make_shared<spdlog::logger>("tst", model.sink());
    logger->set_level(spdlog::level::trace);
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t)
        threads.emplace_back([logger, t] {
            for (int i = 0; i < 50; ++i)
                logger->info("thread {} line {}", t, i);
        });
    for (auto &th : threads)
        th.join();
    QCOMPARE(model.rowCount(), 0); // nothing crosses threads until the UI thread drains
    QTRY_COMPARE(model.rowCount(), 200);
    QCOMPARE(model.index(0, LogModel::Logger).data().toString(), QStringLiteral("tst"));
    QCOMPARE(model.index(0, LogModel::Level).data().toString(), QStringLiteral("info"));
    QVERIFY(model.index(199, LogModel::Message).data().toString().startsWith(QStringLiteral("thread ")));
}

void TestLogModel::capacityDropsOldest()
{
    LogModel model(10);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QList<LogLine> lines;
    for (int i = 0; i < 25; ++i)
        lines.append(LogLine { QDateTime::currentDateTime(), 2, QStringLiteral("x"), QString::number(i) });
    model.appendLines(lines.mid(0, 7));
    model.appendLines(lines.mid(7));
    QCOMPARE(model.rowCount(), 10);
    QCOMPARE(model.index(0, LogModel::Message).data().toString(), QStringLiteral("15"));
    QCOMPARE(model.index(9, LogModel::Message).data().toString(), QStringLiteral("24"));
}

void TestLogModel::levelFilter()
{
    LogModel model;
    LogFilterProxy proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QList<LogLine> lines;
    for (int level = 0; level <= 5; ++level)
        lines.append(
            LogLine { QDateTime::currentDateTime(), level, QStringLiteral("sync"), QStringLiteral("m%1").arg(level) });
    model.appendLines(lines);
    QCOMPARE(proxy.rowCount(), 6);
    proxy.setMinimumLevel(3);
    QCOMPARE(proxy.rowCount(), 3);
    QCOMPARE(proxy.index(0, LogModel::Level).data().toString(), QStringLiteral("warning"));
    proxy.setFilterFixedString(QStringLiteral("M5"));
    QCOMPARE(proxy.rowCount(), 1);
}

void TestLogModel::attachedSinkSeesRedactedLines()
{
    msb::log::Options options;
    options.console = false;
    msb::log::init(options);
    LogModel model;
    model.attachToLog();
    const QString secret = QStringLiteral("s3cr3t-Value-For-Desk-Test");
    msb::log::registerSecret(secret);
    msb::log::get("ui")->warn("token is {}", secret);
    QTRY_VERIFY(model.rowCount() >= 1);
    const QString message = model.index(model.rowCount() - 1, LogModel::Message).data().toString();
    QVERIFY2(message.startsWith(QStringLiteral("token is ")), qPrintable(message));
    QVERIFY2(!message.contains(secret), qPrintable(message));
}

QTEST_MAIN(TestLogModel)
#include "tst_logmodel.moc"
