// SPDX-License-Identifier: BSD-2-Clause
// The desk against the sandbox, with the real core behind every button: Fetch from the MISP emulator
// (REST, paged, key from the secret store) → events/attributes/STIX tables → Dry run against an empty
// ledger → Sync to two workspaces in two tenants (SyncJob + SyncEngine) to 100 % → a History row read
// back from the ledger → the sandbox holds exactly the converted objects. A second dry run shows
// everything unchanged (the ledger the CLI shares). Expected values come from the demo data itself.
#include "core/convert/converter.h"
#include "core/misp/mispfilters.h"
#include "core/misp/mispparser.h"
#include "core/secrets/environmentsecretstore.h"
#include "core/secrets/layeredsecretstore.h"
#include "core/secrets/secretkeys.h"
#include "core/store/ledger.h"
#include "tests/sandbox/misp/mispemulator.h"
#include "tests/sandbox/sandbox.h"
#include "ui/deskbackend.h"
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
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QJsonObject>
#include <QPlainTextEdit>
#include <QSet>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace msb;
using namespace msb::ui;
using namespace Qt::Literals::StringLiterals;

namespace {

const QString kTenantA = u"11111111-aaaa-4aaa-8aaa-000000000001"_s;
const QString kTenantB = u"22222222-bbbb-4bbb-8bbb-000000000002"_s;
const QString kClientA = u"aaaaaaaa-0000-4000-8000-00000000000a"_s;
const QString kClientB = u"bbbbbbbb-0000-4000-8000-00000000000b"_s;
const QString kWsProd = u"c0ffee00-0000-4000-8000-000000000001"_s;
const QString kWsPartner = u"c0ffee00-0000-4000-8000-000000000003"_s;
const QString kSecretA = u"desk-e2e-secret-a-5b1f0c"_s;
const QString kSecretB = u"desk-e2e-secret-b-93d2aa"_s;

QString demoDir()
{
    return QStringLiteral(MSB_SOURCE_DIR "/resources/demo/misp");
}

/// What the demo data says the desk must show: the events the profile's filters select, their
/// attributes, and what the converter makes of them.
struct Expected
{
    QList<misp::Event> events;
    int attributes = 0;
    QList<stix::StixObject> objects;
    int dropped = 0;
};

Expected expectedFor(const config::Profile &profile)
{
    Expected e;
    const misp::MispFilters filters = misp::MispFilters::fromJson(profile.misp.eventFilters).value();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QDir dir(demoDir());
    for (const QString &name : dir.entryList({ u"*.json"_s }, QDir::Files, QDir::Name)) {
        if (name == u"manifest.json")
            continue;
        QFile f(dir.filePath(name));
        if (!f.open(QIODevice::ReadOnly))
            continue;
        misp::ParsedDocument doc = misp::parseDocument(f.readAll(), name);
        for (misp::Event &event : doc.events)
            if (filters.matchesEvent(misp::FilterSubject::fromEvent(event), now))
                e.events.append(std::move(event));
    }
    convert::Converter converter(profile.policy);
    convert::ConversionResult result;
    for (const misp::Event &event : std::as_const(e.events)) {
        e.attributes += int(event.attributes.size());
        for (const misp::Object &o : event.objects)
            e.attributes += int(o.attributes.size());
        converter.convert(event, result);
    }
    e.objects = result.objects;
    for (const convert::ItemOutcome &o : std::as_const(result.outcomes))
        if (o.status != convert::ItemOutcome::Status::Converted)
            ++e.dropped;
    return e;
}

QSet<QString> ids(const QList<stix::StixObject> &objects)
{
    QSet<QString> out;
    for (const stix::StixObject &o : objects)
        out.insert(o.id);
    return out;
}

} // namespace

class TestDeskEndToEnd final : public QObject
{
    Q_OBJECT

    sandbox::Sandbox m_sandbox;
    sandbox::misp::MispEmulator m_misp;
    QTemporaryDir m_dir;

    config::Profile profile() const
    {
        const QString url = m_sandbox.httpUrl().toString(QUrl::StripTrailingSlash);
        config::Profile p;
        p.name = u"Desk E2E"_s;
        p.misp.kind = config::MispSettings::Kind::Server;
        p.misp.url = QUrl(url);
        p.misp.pageSize = 2; // several pages
        p.misp.timeoutSeconds = 20;
        p.misp.eventFilters = QJsonObject { { u"published"_s, 1 } };
        p.policy.dropExpired = false; // the demo data is older than the run
        p.policy.defaultExpiryDays = 365;
        auto target = [&](const QString &name, const QString &tenant, const QString &client, const QString &ws) {
            config::TargetSettings t;
            t.displayName = name;
            t.tenantId = tenant;
            t.clientId = client;
            t.workspaceId = ws;
            t.authorityHostOverride = url;
            t.uploadHostOverride = url;
            return t;
        };
        p.targets
            = { target(u"Prod"_s, kTenantA, kClientA, kWsProd), target(u"Partner"_s, kTenantB, kClientB, kWsPartner) };
        return p;
    }

    DeskBackend backend(const QString &ledger = u"ledger.sqlite"_s) const
    {
        CoreBackendOptions options;
        options.ledgerPath = m_dir.filePath(ledger);
        // The CLI's lookup over a private environment: the keychain is never touched.
        QProcessEnvironment env;
        env.insert(secrets::EnvironmentSecretStore::variableNames(secrets::mispKeyName(profile().name)).constFirst(),
            QString::fromLatin1(m_misp.options().apiKey));
        env.insert(secrets::EnvironmentSecretStore::variableNames(
                       secrets::clientSecretKeyName(profile().name, kTenantA, kClientA))
                       .constFirst(),
            kSecretA);
        env.insert(secrets::EnvironmentSecretStore::variableNames(
                       secrets::clientSecretKeyName(profile().name, kTenantB, kClientB))
                       .constFirst(),
            kSecretB);
        options.secretStore = [env] {
            return std::unique_ptr<secrets::SecretStore>(std::make_unique<secrets::LayeredSecretStore>(env, false));
        };
        DeskBackend b = coreBackend(options);
        const config::Profile p = profile();
        b.profileNames = [p] { return QStringList { p.name }; };
        b.loadProfile = [p](const QString &) { return p; };
        return b;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QString error;
        QVERIFY2(m_misp.loadDirectory(demoDir(), &error), qPrintable(error));
        m_misp.install(m_sandbox.router());
        m_sandbox.addApp(kTenantA, kClientA, kSecretA);
        m_sandbox.addApp(kTenantB, kClientB, kSecretB);
        m_sandbox.addWorkspace(kWsProd, kTenantA);
        m_sandbox.grant(kWsProd, kClientA);
        m_sandbox.addWorkspace(kWsPartner, kTenantB);
        m_sandbox.grant(kWsPartner, kClientB);
        sandbox::SandboxOptions options;
        options.https = false;
        QVERIFY2(m_sandbox.start(options, &error), qPrintable(error));
    }

    void fetchDryRunSyncHistory()
    {
        const Expected expected = expectedFor(profile());
        QVERIFY(!expected.events.isEmpty());
        QVERIFY(!expected.objects.isEmpty());
        qInfo("demo data under the profile's filters: %d events, %d attributes -> %d STIX objects, %d dropped",
            int(expected.events.size()),
            expected.attributes,
            int(expected.objects.size()),
            expected.dropped);

        MainWindow window(backend());
        window.show();
        QCOMPARE(window.profileBox()->currentText(), profile().name);

        // Fetch over REST: one row per selected event, every attribute counted.
        window.fetchAction()->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(window.previewView()->eventModel()->rowCount(), int(expected.events.size()), 30000);
        QVERIFY(window.fetchAction()->isEnabled());
        int shownAttributes = 0;
        for (int row = 0; row < window.previewView()->eventModel()->rowCount(); ++row)
            shownAttributes
                += window.previewView()->eventModel()->index(row, EventTableModel::Attributes).data().toInt();
        QCOMPARE(shownAttributes, expected.attributes);
        QSet<QString> fetchedUuids, expectedUuids;
        for (const misp::Event &e : window.controller()->events())
            fetchedUuids.insert(e.uuid);
        for (const misp::Event &e : expected.events)
            expectedUuids.insert(e.uuid);
        QCOMPARE(fetchedUuids, expectedUuids);
        // The selected event's attributes fill the Attributes tab.
        window.previewView()->eventTable()->selectRow(0);
        const QModelIndex first = window.previewView()->eventProxy()->index(0, EventTableModel::Attributes);
        QTRY_COMPARE(window.previewView()->attributeModel()->rowCount(), first.data().toInt());

        // Dry run: every converted object is new at both targets; the drops are listed.
        window.dryRunAction()->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(window.controller()->hasPlan(), 30000);
        const PreviewPlan plan = window.controller()->plan();
        QCOMPARE(plan.targets, QStringList({ u"Prod"_s, u"Partner"_s }));
        QCOMPARE(ids(plan.objects), ids(expected.objects));
        DryRunSummaryModel *summary = window.dryRunView()->summaryModel();
        QCOMPARE(summary->rowCount(), 2);
        for (int t = 0; t < 2; ++t) {
            QCOMPARE(summary->count(t, PlanStatus::New), int(expected.objects.size()));
            QCOMPARE(summary->count(t, PlanStatus::Unchanged), 0);
            QCOMPARE(summary->count(t, PlanStatus::Dropped), expected.dropped);
        }
        StixTableModel *stix = window.previewView()->stixModel();
        stix->setEventFilter({});
        QCOMPARE(stix->rowCount(), int(expected.objects.size()) + expected.dropped);
        window.previewView()->stixTable()->setCurrentIndex(stix->index(0, 0));
        QTRY_VERIFY(window.previewView()->jsonView()->toPlainText().contains(u"\"type\""));

        // Sync: both targets reach 100 %, the run lands in the ledger and the History view.
        QVERIFY(window.syncAction()->isEnabled());
        QSignalSpy finished(window.controller(), &DeskController::syncFinished);
        QSignalSpy history(window.controller(), &DeskController::historyLoaded);
        window.syncAction()->trigger();
        QVERIFY(window.cancelAction()->isEnabled());
        QVERIFY(finished.wait(120000));
        const RunRecord run = finished.at(0).at(0).value<RunRecord>();
        QVERIFY2(run.errors.isEmpty(), qPrintable(run.errors.join(u"; "_s)));
        QVERIFY(!run.cancelled);
        QCOMPARE(run.targets.size(), 2);
        for (const TargetCounts &t : run.targets) {
            QCOMPARE(t.accepted, qint64(expected.objects.size()));
            QCOMPARE(t.rejected, qint64(0));
            QCOMPARE(window.syncDock()->percent(t.target), 100);
        }
        QTRY_COMPARE_WITH_TIMEOUT(window.historyView()->model()->rowCount(), 1, 10000);
        QCOMPARE(window.historyView()->model()->index(0, HistoryModel::Accepted).data().toLongLong(),
            2 * qint64(expected.objects.size()));

        // The sandbox holds exactly the converted objects in each workspace.
        for (const QString &ws : { kWsProd, kWsPartner }) {
            QSet<QString> stored;
            for (const sandbox::StoredObject &o : m_sandbox.storedObjects(ws))
                stored.insert(o.id);
            QCOMPARE(stored, ids(expected.objects));
        }

        // Same data again: the shared ledger says everything is unchanged.
        window.dryRunAction()->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(window.dryRunAction()->isEnabled(), 30000);
        QTRY_COMPARE(summary->count(0, PlanStatus::Unchanged), int(expected.objects.size()));
        QCOMPARE(summary->count(1, PlanStatus::New), 0);
    }

    void feedUrlFetch()
    {
        // The same demo as a MISP feed over HTTP (manifest.json + event files): every event arrives.
        config::Profile p = profile();
        p.name = u"Desk Feed"_s;
        p.misp.kind = config::MispSettings::Kind::Feed;
        p.misp.url = QUrl(m_sandbox.httpUrl().toString(QUrl::StripTrailingSlash) + u"/feed"_s);
        p.misp.eventFilters = {};
        const Expected expected = expectedFor(p);
        DeskBackend b = backend();
        b.profileNames = [p] { return QStringList { p.name }; };
        b.loadProfile = [p](const QString &) { return p; };
        MainWindow window(b);
        QSignalSpy fetched(window.controller(), &DeskController::fetched);
        window.fetchAction()->trigger();
        QVERIFY(fetched.wait(30000));
        const FetchOutcome outcome = fetched.at(0).at(0).value<FetchOutcome>();
        QVERIFY2(outcome.error.isEmpty(), qPrintable(outcome.error));
        QSet<QString> fetchedUuids, expectedUuids;
        for (const misp::Event &e : outcome.events)
            fetchedUuids.insert(e.uuid);
        for (const misp::Event &e : expected.events)
            expectedUuids.insert(e.uuid);
        QCOMPARE(fetchedUuids, expectedUuids);
        QCOMPARE(window.previewView()->eventModel()->rowCount(), int(expected.events.size()));
    }

    void feedFolderFetch()
    {
        // File > Open MISP folder on a feed folder (manifest.json): read by the core's FeedSource.
        config::Profile all = profile();
        all.misp.eventFilters = {};
        const Expected expected = expectedFor(all);
        MainWindow window(backend());
        QSignalSpy fetched(window.controller(), &DeskController::fetched);
        window.controller()->useFolder(demoDir());
        window.fetchAction()->trigger();
        QVERIFY(fetched.wait(30000));
        const FetchOutcome outcome = fetched.at(0).at(0).value<FetchOutcome>();
        QVERIFY2(outcome.error.isEmpty(), qPrintable(outcome.error));
        QCOMPARE(outcome.events.size(), expected.events.size());
        QCOMPARE(window.previewView()->eventModel()->rowCount(), int(expected.events.size()));
    }

    void cancelBeforeTheJobRuns()
    {
        // Cancel right after Sync: the job stops before sending, says so, and the window is idle again.
        // A fresh ledger, so there is something to send that must not arrive.
        MainWindow window(backend(u"cancel.sqlite"_s));
        window.fetchAction()->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(!window.controller()->events().isEmpty(), 30000);
        window.dryRunAction()->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(window.controller()->hasPlan(), 30000);
        QSignalSpy finished(window.controller(), &DeskController::syncFinished);
        window.syncAction()->trigger();
        window.cancelAction()->trigger();
        QVERIFY(finished.wait(30000));
        const RunRecord run = finished.at(0).at(0).value<RunRecord>();
        QVERIFY(run.cancelled);
        QCOMPARE(run.accepted(), qint64(0));
        QVERIFY(window.fetchAction()->isEnabled());
        QCOMPARE(window.controller()->plan().countsForTarget(0).at(int(PlanStatus::New)),
            int(window.controller()->plan().inputObjects));
    }

    void refusedSecretIsInHistory()
    {
        // A wrong client secret for one app (AADSTS7000215) while the other app's target syncs is the
        // partial case; here the only target is the refused one, so the run stops before uploading.
        // It must still be a History row (read back from the ledger the CLI's `history` reads) with
        // the plain-words error for the target, and nothing may reach the sandbox.
        config::Profile p = profile();
        p.name = u"Desk Refused"_s;
        p.targets = { p.targets.constFirst() };
        // The right MISP key, a wrong client secret.
        CoreBackendOptions options;
        options.ledgerPath = m_dir.filePath(u"refused.sqlite"_s);
        QProcessEnvironment env;
        env.insert(
            secrets::EnvironmentSecretStore::variableNames(secrets::clientSecretKeyName(p.name, kTenantA, kClientA))
                .constFirst(),
            u"not-the-secret"_s);
        env.insert(secrets::EnvironmentSecretStore::variableNames(secrets::mispKeyName(p.name)).constFirst(),
            QString::fromLatin1(m_misp.options().apiKey));
        options.secretStore = [env] {
            return std::unique_ptr<secrets::SecretStore>(std::make_unique<secrets::LayeredSecretStore>(env, false));
        };
        DeskBackend b = coreBackend(options);
        b.profileNames = [p] { return QStringList { p.name }; };
        b.loadProfile = [p](const QString &) { return p; };

        const qsizetype storedBefore = m_sandbox.storedObjects(kWsProd).size();
        MainWindow window(b);
        window.fetchAction()->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(!window.controller()->events().isEmpty(), 30000);
        window.dryRunAction()->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(window.controller()->hasPlan(), 30000);
        QSignalSpy finished(window.controller(), &DeskController::syncFinished);
        window.syncAction()->trigger();
        QVERIFY(finished.wait(60000));
        const RunRecord run = finished.at(0).at(0).value<RunRecord>();
        QVERIFY(!run.cancelled);
        QVERIFY(run.stopped);
        QCOMPARE(run.accepted(), qint64(0));

        // History: one row, "failed", the refusal in plain words next to the target.
        HistoryModel *history = window.historyView()->model();
        QTRY_COMPARE_WITH_TIMEOUT(history->rowCount(), 1, 10000);
        QCOMPARE(history->index(0, HistoryModel::Result).data().toString(), u"failed"_s);
        const QString targets = history->index(0, HistoryModel::Targets).data().toString();
        QVERIFY2(targets.startsWith(u"Prod: "_s) && targets.contains(u"client secret is wrong or expired"_s)
                && targets.contains(u"AADSTS7000215"_s),
            qPrintable(targets));
        QVERIFY2(history->index(0, HistoryModel::Errors).data().toString().contains(u"AADSTS7000215"_s),
            qPrintable(history->index(0, HistoryModel::Errors).data().toString()));
        QVERIFY(!targets.contains(u"not-the-secret"_s));

        // The ledger the CLI reads has the same run.
        store::Ledger ledger;
        QVERIFY(ledger.open(m_dir.filePath(u"refused.sqlite"_s)).ok());
        const Result<QList<store::RunRecord>> runs = ledger.runs(10);
        QVERIFY(runs.ok());
        QCOMPARE(runs.value().size(), 1);
        const store::RunRecord &recorded = runs.value().constFirst();
        QCOMPARE(recorded.profile, p.name);
        QCOMPARE(recorded.outcome, u"failed"_s);
        QVERIFY(recorded.finished.isValid());
        QCOMPARE(recorded.targets.size(), 1);
        QCOMPARE(recorded.targets.constFirst().targetName, u"Prod"_s);
        QCOMPARE(recorded.targets.constFirst().accepted, 0);
        QVERIFY(recorded.targets.constFirst().firstError.contains(u"AADSTS7000215"_s));
        ledger.close();

        // Nothing was uploaded.
        QCOMPARE(m_sandbox.storedObjects(kWsProd).size(), storedBefore);
    }

    void missingKeyIsNamed()
    {
        // A profile whose key is not in the store: Fetch says so in plain words, the window stays usable.
        DeskBackend b = backend();
        CoreBackendOptions options;
        options.ledgerPath = m_dir.filePath(u"other.sqlite"_s);
        options.secretStore = [] {
            return std::unique_ptr<secrets::SecretStore>(
                std::make_unique<secrets::LayeredSecretStore>(QProcessEnvironment(), false));
        };
        b.fetch = coreBackend(options).fetch;
        MainWindow window(b);
        QSignalSpy fetched(window.controller(), &DeskController::fetched);
        window.fetchAction()->trigger();
        QVERIFY(fetched.wait(30000));
        const FetchOutcome outcome = fetched.at(0).at(0).value<FetchOutcome>();
        QVERIFY2(outcome.error.contains(u"MISP API key"_s) && outcome.error.contains(profile().name),
            qPrintable(outcome.error));
        QVERIFY(outcome.events.isEmpty());
        QVERIFY(window.fetchAction()->isEnabled());
    }
};

QTEST_MAIN(TestDeskEndToEnd)
#include "tst_desk_e2e.moc"
