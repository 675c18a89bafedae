// SPDX-License-Identifier: BSD-2-Clause
// Desk benchmark (prints, never asserts):
//  1. event-loop stalls (p50/p99/max) on the UI thread while a 100,000-object sync streams progress
//     into the main window, twice:
//     a. the real core: CoreSyncRunner → SyncJob → SyncEngine → 2 workspaces of an msb-sandbox that
//        runs on its own thread (rate limit off: this measures the desk, not Sentinel's ceiling), with
//        a ledger; what an analyst's window goes through, minus the MISP fetch;
//     b. SimulatedSyncRunner (progress in the engine's shape, 3 targets, ~3,000 signals/s): the
//        desk's cost of a flood of progress without any network.
//  2. the time to load 1,000,000 rows into the STIX table (one reset) and in 50,000-row batches,
//     each until the view has painted.
#include "../sandbox/sandbox.h"
#include "../sync/syncfixtures.h"
#include "../ui/simulatedsyncrunner.h"
#include "core/secrets/environmentsecretstore.h"
#include "core/secrets/layeredsecretstore.h"
#include "core/secrets/secretkeys.h"
#include "ui/coresyncrunner.h"
#include "ui/deskbackend.h"
#include "ui/mainwindow.h"
#include "ui/models/stixtablemodel.h"
#include "ui/views/previewview.h"

#include <QAction>
#include <QApplication>
#include <QElapsedTimer>
#include <QTableView>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <cstdio>

using namespace msb;
using namespace msb::ui;

namespace {

PreviewPlan bigPlan(int objects, const QStringList &targets)
{
    PreviewPlan plan;
    plan.targets = targets;
    plan.objects.reserve(objects);
    for (int i = 0; i < objects; ++i)
        plan.objects.append(msb::test::makeIndicator(i, QStringLiteral("event-%1").arg(i / 1000)));
    plan.inputObjects = objects;
    plan.statuses.fill(PlanStatus::New, qsizetype(objects) * targets.size());
    return plan;
}

double percentile(QList<double> v, double p)
{
    if (v.isEmpty())
        return 0;
    std::sort(v.begin(), v.end());
    return v.at(std::min<qsizetype>(v.size() - 1, qsizetype(p * double(v.size() - 1) + 0.5)));
}

/// Runs fetch → dry run → sync in a fresh main window over `backend` and prints the UI thread's
/// stalls while the sync runs (a 5 ms timer: any lateness is time the event loop could not run).
void measureSync(const DeskBackend &backend, const char *label)
{
    MainWindow window(backend);
    window.resize(1360, 860);
    window.show();
    QList<double> stalls;
    QElapsedTimer tick;
    bool measuring = false;
    QTimer probe;
    probe.setInterval(5);
    QObject::connect(&probe, &QTimer::timeout, [&] {
        if (measuring)
            stalls.append(std::max(0.0, double(tick.nsecsElapsed()) / 1e6 - 5.0));
        tick.restart();
    });
    QElapsedTimer syncClock;
    QObject::connect(window.controller(), &DeskController::fetched, [&] { window.controller()->dryRun(); });
    QObject::connect(window.controller(), &DeskController::planned, [&] {
        window.previewView()->stixModel()->setEventFilter({});
        measuring = true;
        tick.start();
        probe.start();
        syncClock.start();
        window.controller()->sync();
    });
    QObject::connect(window.controller(), &DeskController::syncFinished, [&](const RunRecord &run) {
        measuring = false;
        probe.stop();
        std::printf("%s: %lld objects accepted, %lld rejected, %lld targets in %.2f s%s%s\n",
            label,
            static_cast<long long>(run.accepted()),
            static_cast<long long>(run.rejected()),
            static_cast<long long>(run.targets.size()),
            double(syncClock.elapsed()) / 1000.0,
            run.errors.isEmpty() ? "" : "; first error: ",
            run.errors.isEmpty() ? "" : qPrintable(run.errors.constFirst()));
        std::printf(
            "%s: event-loop stall during sync: p50 %.2f ms, p99 %.2f ms, max %.2f ms (%lld samples, 5 ms probe)\n",
            label,
            percentile(stalls, 0.5),
            percentile(stalls, 0.99),
            stalls.isEmpty() ? 0.0 : *std::max_element(stalls.cbegin(), stalls.cend()),
            static_cast<long long>(stalls.size()));
        std::fflush(stdout);
        QCoreApplication::quit();
    });
    window.controller()->fetch();
    QApplication::exec();
}

/// The sandbox on a thread of its own, so its request handling never runs on the measured UI thread.
class SandboxThread
{
public:
    SandboxThread()
    {
        m_thread.start();
        m_anchor.moveToThread(&m_thread);
    }
    ~SandboxThread()
    {
        QMetaObject::invokeMethod(
            &m_anchor, [this] { m_sandbox.reset(); }, Qt::BlockingQueuedConnection);
        m_thread.quit();
        m_thread.wait();
    }
    template <typename Fn> void run(Fn &&fn)
    {
        QMetaObject::invokeMethod(&m_anchor, std::forward<Fn>(fn), Qt::BlockingQueuedConnection);
    }
    std::unique_ptr<sandbox::Sandbox> m_sandbox;

private:
    QThread m_thread;
    QObject m_anchor;
};

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const int syncObjects = 100000;
    const QStringList targets { QStringLiteral("SOC West"), QStringLiteral("SOC East"), QStringLiteral("MSSP") };

    // --- 1a. the real core against the sandbox ---------------------------------------------------
    {
        const QString tenant = QStringLiteral("aaaaaaaa-0000-4000-8000-000000000001");
        const QString client = QStringLiteral("a1a1a1a1-0000-4000-8000-0000000000a1");
        const QString secret = QStringLiteral("bench-desk-secret-value");
        const QStringList workspaces { QStringLiteral("c0ffee00-0000-4000-8000-00000000b001"),
            QStringLiteral("c0ffee00-0000-4000-8000-00000000b002") };
        SandboxThread sandboxThread;
        QString url;
        sandboxThread.run([&] {
            sandboxThread.m_sandbox = std::make_unique<sandbox::Sandbox>();
            sandbox::Sandbox &sb = *sandboxThread.m_sandbox;
            sb.addApp(tenant, client, secret);
            for (const QString &ws : workspaces) {
                sb.addWorkspace(ws, tenant);
                sb.grant(ws, client);
            }
            sandbox::RateLimitSettings limits = sb.rateLimit();
            limits.enabled = false;
            sb.setRateLimit(limits);
            sandbox::SandboxOptions options;
            options.https = false;
            QString error;
            if (sb.start(options, &error))
                url = sb.httpUrl().toString(QUrl::StripTrailingSlash);
            else
                std::fprintf(stderr, "sandbox: %s\n", qPrintable(error));
        });
        if (url.isEmpty())
            return 1;
        config::Profile profile;
        profile.name = QStringLiteral("Bench");
        profile.misp.url = QUrl(url);
        for (qsizetype i = 0; i < workspaces.size(); ++i) {
            config::TargetSettings t;
            t.displayName = QStringLiteral("Workspace %1").arg(i + 1);
            t.tenantId = tenant;
            t.clientId = client;
            t.workspaceId = workspaces.at(i);
            t.authorityHostOverride = url;
            t.uploadHostOverride = url;
            profile.targets.append(t);
        }
        PreviewPlan realPlan = bigPlan(syncObjects, { QStringLiteral("Workspace 1"), QStringLiteral("Workspace 2") });
        QTemporaryDir dir;
        QProcessEnvironment env;
        env.insert(
            secrets::EnvironmentSecretStore::variableNames(secrets::clientSecretKeyName(profile.name, tenant, client))
                .constFirst(),
            secret);
        sync::SyncOptions syncOptions;
        syncOptions.upload.requestsPerWindow = 1000000; // the sandbox's limit is off
        DeskBackend real;
        real.profileNames = [&] { return QStringList { profile.name }; };
        real.loadProfile = [&](const QString &) { return profile; };
        real.fetch = [](const config::Profile &, const std::atomic_bool &) {
            FetchOutcome o;
            o.events.append(misp::Event {});
            return o;
        };
        real.plan = [&realPlan](const QList<misp::Event> &, const config::Profile &, const std::atomic_bool &) {
            return realPlan;
        };
        const QString ledger = dir.filePath(QStringLiteral("ledger.sqlite"));
        real.makeSyncRunner = [env, ledger, syncOptions](QObject *parent) {
            return new CoreSyncRunner(
                [env] {
                    return std::unique_ptr<secrets::SecretStore>(
                        std::make_unique<secrets::LayeredSecretStore>(env, false));
                },
                ledger,
                syncOptions,
                parent);
        };
        measureSync(real, "desk sync, real core -> sandbox (100,000 objects x 2 workspaces)");
    }

    // --- 1b. stalls during a simulated sync --------------------------------------------------------
    const PreviewPlan plan = bigPlan(syncObjects, targets);
    DeskBackend backend;
    backend.profileNames = [] { return QStringList { QStringLiteral("Bench") }; };
    backend.loadProfile = [](const QString &) {
        config::Profile p;
        p.name = QStringLiteral("Bench");
        for (const char *n : { "SOC West", "SOC East", "MSSP" }) {
            config::TargetSettings t;
            t.displayName = QString::fromLatin1(n);
            p.targets.append(t);
        }
        return p;
    };
    backend.fetch = [](const config::Profile &, const std::atomic_bool &) {
        FetchOutcome o;
        o.events.append(misp::Event {});
        return o;
    };
    backend.plan
        = [&plan](const QList<misp::Event> &, const config::Profile &, const std::atomic_bool &) { return plan; };
    // 100,000 objects to each of 3 targets in ~6 s: ~3,000 progress signals per second.
    backend.makeSyncRunner = [](QObject *parent) { return new msb::ui::test::SimulatedSyncRunner(50000, 0, parent); };
    measureSync(backend, "desk sync, simulated engine (100,000 objects x 3 targets)");
    MainWindow window(backend);
    window.resize(1360, 860);
    window.show();

    // --- 2. a million rows ---------------------------------------------------------------------
    const int rows = 1000000;
    QElapsedTimer build;
    build.start();
    PreviewPlan million = bigPlan(rows, targets);
    const double buildMs = double(build.elapsed());
    StixTableModel *model = window.previewView()->stixModel();
    QTableView *view = window.previewView()->stixTable();
    window.previewView()->showTab(PreviewView::StixTab);

    QElapsedTimer load;
    load.start();
    model->setPlan(million);
    view->scrollToBottom();
    window.repaint();
    QCoreApplication::processEvents();
    const double resetMs = double(load.elapsed());

    PreviewPlan empty;
    empty.targets = targets;
    model->setPlan(empty);
    QCoreApplication::processEvents();
    load.restart();
    double worstBatch = 0;
    for (int first = 0; first < rows; first += 50000) {
        QElapsedTimer batch;
        batch.start();
        const QList<stix::StixObject> objects = million.objects.mid(first, 50000);
        model->appendObjects(objects, QList<PlanStatus>(objects.size() * targets.size(), PlanStatus::New));
        QCoreApplication::processEvents();
        worstBatch = std::max(worstBatch, double(batch.elapsed()));
    }
    view->scrollToBottom();
    window.repaint();
    const double batchedMs = double(load.elapsed());
    // The text filter: how long the UI thread is blocked (the call itself, then the longest gap
    // between two event-loop turns until the rows are in) and how long until the result shows.
    load.restart();
    QElapsedTimer call;
    call.start();
    model->setTextFilter(QStringLiteral("10.3.4."));
    double worstStall = double(call.elapsed());
    bool filtered = !model->isFiltering();
    QObject::connect(model, &StixTableModel::filterFinished, model, [&filtered] { filtered = true; });
    while (!filtered) {
        QElapsedTimer turn;
        turn.start();
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
        worstStall = std::max(worstStall, double(turn.elapsed()));
        QThread::msleep(1);
    }
    const double filterMs = double(load.elapsed());
    std::printf("STIX text filter over %d rows: result after %.0f ms, UI thread blocked at most %.0f ms\n",
        rows,
        filterMs,
        worstStall);
    std::printf(
        "STIX table, %d rows x %lld targets: build plan %.0f ms (not the table), load+paint in one reset %.0f ms, "
        "in 50,000-row batches %.0f ms (worst batch %.0f ms), text filter over all rows %.0f ms (%d hits)\n",
        rows,
        static_cast<long long>(targets.size()),
        buildMs,
        resetMs,
        batchedMs,
        worstBatch,
        filterMs,
        model->rowCount());
    return 0;
}
