// SPDX-License-Identifier: BSD-2-Clause
// The desk driven like an analyst would: Fetch from the demo MISP folder (real parser) → preview
// tables → Dry run (real converter and planner, two targets, no ledger) → Sync (simulated engine,
// see simulatedsyncrunner.h) to 100 % → a History row; plus cancel, CSV export, German and About.
#include "simulatedsyncrunner.h"
#include "ui/deskbackend.h"
#include "ui/dialogs/aboutdialog.h"
#include "ui/languages.h"
#include "ui/mainwindow.h"
#include "ui/models/attributetablemodel.h"
#include "ui/models/dryrunsummarymodel.h"
#include "ui/models/eventtablemodel.h"
#include "ui/models/historymodel.h"
#include "ui/models/stixtablemodel.h"
#include "ui/views/dryrunview.h"
#include "ui/views/historyview.h"
#include "ui/views/previewview.h"
#include "ui/views/syncdock.h"

#include <QAction>
#include <QChart>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace msb;
using namespace msb::ui;

namespace {

QString demoDir()
{
    return QStringLiteral(MSB_SOURCE_DIR "/resources/demo/misp");
}

config::Profile demoProfile()
{
    config::Profile p;
    p.name = QStringLiteral("Demo");
    p.misp.kind = config::MispSettings::Kind::Feed;
    p.misp.feedPath = demoDir();
    config::TargetSettings west;
    west.displayName = QStringLiteral("SOC West");
    west.tenantId = QStringLiteral("11111111-1111-1111-1111-111111111111");
    west.clientId = QStringLiteral("22222222-2222-2222-2222-222222222222");
    west.workspaceId = QStringLiteral("33333333-3333-3333-3333-333333333333");
    config::TargetSettings east = west;
    east.displayName = QStringLiteral("SOC East");
    east.workspaceId = QStringLiteral("44444444-4444-4444-4444-444444444444");
    east.filters.includedTypes = { QStringLiteral("ipv4-addr") };
    p.targets = { west, east };
    return p;
}

DeskBackend testBackend(double rate)
{
    DeskBackend b;
    b.profileNames = [] { return QStringList { QStringLiteral("Demo") }; };
    b.loadProfile = [](const QString &) { return demoProfile(); };
    b.fetch = [](const config::Profile &p, const std::atomic_bool &cancelled) {
        return readMispFolder(p.misp.feedPath, cancelled);
    };
    b.plan = [](const QList<misp::Event> &events, const config::Profile &p, const std::atomic_bool &cancelled) {
        return convertAndPlan(events, p, QString(), cancelled);
    };
    b.makeSyncRunner = [rate](QObject *parent) { return new test::SimulatedSyncRunner(rate, 7, parent); };
    return b;
}

} // namespace

class TestMainWindow final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void fetchDryRunSyncHistory();
    void cancelSync();
    void germanTranslation();
    void aboutShowsVersions();
};

void TestMainWindow::initTestCase()
{
    if (!QDir(demoDir()).exists())
        QSKIP("resources/demo/misp is not there");
}

void TestMainWindow::fetchDryRunSyncHistory()
{
    MainWindow window(testBackend(20000));
    window.show();
    QCOMPARE(window.profileBox()->currentText(), QStringLiteral("Demo"));
    QVERIFY(window.fetchAction()->isEnabled());
    QVERIFY(!window.syncAction()->isEnabled());

    // Fetch: the events table holds one row per demo event file.
    const int files = QDir(demoDir()).entryList({ QStringLiteral("*.json") }, QDir::Files).size() - 1; // manifest
    window.fetchAction()->trigger();
    QVERIFY(!window.fetchAction()->isEnabled()); // one step at a time
    QTRY_COMPARE_WITH_TIMEOUT(window.previewView()->eventModel()->rowCount(), files, 10000);
    const int attributes = [&] {
        int sum = 0;
        for (const misp::Event &e : window.controller()->events()) {
            sum += int(e.attributes.size());
            for (const misp::Object &o : e.objects)
                sum += int(o.attributes.size());
        }
        return sum;
    }();
    QVERIFY(attributes > 0);
    int shownAttributes = 0;
    for (int row = 0; row < window.previewView()->eventModel()->rowCount(); ++row)
        shownAttributes += window.previewView()->eventModel()->index(row, EventTableModel::Attributes).data().toInt();
    QCOMPARE(shownAttributes, attributes);
    // The selected event's attributes are in the Attributes tab.
    QTRY_VERIFY(window.previewView()->attributeModel()->rowCount() > 0);
    window.previewView()->eventFilter()->setText(QStringLiteral("no event has this text"));
    QCOMPARE(window.previewView()->eventProxy()->rowCount(), 0);
    window.previewView()->eventFilter()->clear();

    // Dry run: every attribute is accounted for (object or drop), and counts match the plan.
    QVERIFY(window.dryRunAction()->isEnabled());
    window.dryRunAction()->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(window.controller()->hasPlan(), 20000);
    const PreviewPlan &plan = window.controller()->plan();
    QCOMPARE(plan.targets, QStringList({ QStringLiteral("SOC West"), QStringLiteral("SOC East") }));
    QVERIFY(!plan.objects.isEmpty());
    QVERIFY(!plan.dropped.isEmpty()); // the demo data carries non-indicator attributes
    DryRunSummaryModel *summary = window.dryRunView()->summaryModel();
    QCOMPARE(summary->rowCount(), 2);
    const int westNew = summary->count(0, PlanStatus::New);
    QCOMPARE(westNew, int(plan.objects.size())); // no ledger, no filter: all new at SOC West
    QVERIFY(summary->count(1, PlanStatus::Filtered) > 0); // SOC East takes ipv4-addr only
    QCOMPARE(summary->count(1, PlanStatus::New) + summary->count(1, PlanStatus::Filtered), int(plan.objects.size()));
    QCOMPARE(summary->count(0, PlanStatus::Dropped), int(plan.dropped.size()));
    QCOMPARE(window.dryRunView()->targetChart()->series().size(), 1);
    QVERIFY(!window.dryRunView()->typeChart()->series().isEmpty());
    // STIX tab, all events: objects + dropped rows, one status column per target; JSON of the selection.
    StixTableModel *stix = window.previewView()->stixModel();
    stix->setEventFilter({});
    QCOMPARE(stix->rowCount(), int(plan.objects.size() + plan.dropped.size()));
    QCOMPARE(stix->columnCount(), StixTableModel::FirstTargetColumn + 2);
    window.previewView()->stixTable()->setCurrentIndex(stix->index(0, 0));
    QTRY_VERIFY(window.previewView()->jsonView()->toPlainText().contains(u"\"pattern\""));

    // Sync: each target reaches 100 %, then a History row with the counts appears.
    QVERIFY(window.syncAction()->isEnabled());
    QSignalSpy finished(window.controller(), &DeskController::syncFinished);
    window.syncAction()->trigger();
    QVERIFY(window.cancelAction()->isEnabled());
    QVERIFY(finished.wait(30000));
    const RunRecord run = finished.at(0).at(0).value<RunRecord>();
    QVERIFY(!run.cancelled);
    QCOMPARE(run.targets.size(), 2);
    QCOMPARE(run.targets.at(0).accepted + run.targets.at(0).rejected, qint64(westNew));
    QCOMPARE(window.syncDock()->percent(QStringLiteral("SOC West")), 100);
    QCOMPARE(window.syncDock()->percent(QStringLiteral("SOC East")), 100);
    QVERIFY(window.syncDock()->statsText(QStringLiteral("SOC West")).contains(u"done"));
    if (run.targets.at(0).rejected > 0)
        QVERIFY(window.syncDock()->errorText(QStringLiteral("SOC West")).contains(u"valid_until"));
    QTRY_COMPARE(window.historyView()->model()->rowCount(), 1);
    QCOMPARE(window.historyView()->model()->index(0, HistoryModel::Accepted).data().toLongLong(), run.accepted());
    QTemporaryDir dir;
    const QString csv = dir.filePath(QStringLiteral("history.csv"));
    QCOMPARE(window.historyView()->exportCsv(csv), QString());
    QFile file(csv);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll().count('\n'), 3); // header + one line per target
    QVERIFY(window.fetchAction()->isEnabled());
}

void TestMainWindow::cancelSync()
{
    MainWindow window(testBackend(200)); // slow enough to cancel midway
    window.show();
    window.fetchAction()->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(!window.controller()->events().isEmpty(), 10000);
    window.dryRunAction()->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(window.controller()->hasPlan(), 20000);
    QSignalSpy finished(window.controller(), &DeskController::syncFinished);
    window.syncAction()->trigger();
    QTest::qWait(100);
    window.cancelAction()->trigger();
    QVERIFY(finished.wait(10000));
    const RunRecord run = finished.at(0).at(0).value<RunRecord>();
    QVERIFY(run.cancelled);
    QVERIFY(run.accepted() + run.rejected() < qint64(window.controller()->plan().objects.size()) * 2);
    QTRY_COMPARE(
        window.historyView()->model()->index(0, HistoryModel::Result).data().toString(), QStringLiteral("cancelled"));
}

void TestMainWindow::germanTranslation()
{
    MainWindow window(testBackend(20000));
    QCOMPARE(applyLanguage(QStringLiteral("de")), QStringLiteral("de"));
    QTRY_COMPARE(window.fetchAction()->text(), QStringLiteral("A&brufen")); // LanguageChange is posted
    QCOMPARE(window.previewView()->eventModel()->headerData(EventTableModel::ThreatLevel, Qt::Horizontal).toString(),
        QStringLiteral("Bedrohungsstufe"));
    QCOMPARE(planStatusName(PlanStatus::Revoke), QStringLiteral("widerrufen"));
    applyLanguage(QStringLiteral("en"));
    QTRY_COMPARE(window.fetchAction()->text(), QStringLiteral("&Fetch"));
}

void TestMainWindow::aboutShowsVersions()
{
    const QString text = AboutDialog::versionText();
    QVERIFY2(text.contains(QStringLiteral("Qt ") + QString::fromLatin1(qVersion())), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("QtKeychain 0.")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("spdlog 1.")), qPrintable(text));
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
