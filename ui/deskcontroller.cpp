// SPDX-License-Identifier: BSD-2-Clause
#include "ui/deskcontroller.h"

#include "core/log/logging.h"
#include "ui/syncrunner.h"

#include <QDir>
#include <QtConcurrent/QtConcurrentRun>

#include <utility>

namespace msb::ui {

DeskController::DeskController(DeskBackend backend, QObject *parent)
    : QObject(parent)
    , m_backend(std::move(backend))
    , m_cancel(std::make_shared<std::atomic_bool>(false))
{
    qRegisterMetaType<msb::ui::TargetProgress>();
    qRegisterMetaType<msb::ui::RunRecord>();
    connect(&m_fetchWatcher, &QFutureWatcherBase::finished, this, &DeskController::onFetched);
    connect(&m_planWatcher, &QFutureWatcherBase::finished, this, &DeskController::onPlanned);
    connect(&m_historyWatcher, &QFutureWatcherBase::finished, this, [this] {
        if (m_historyWatcher.future().isValid() && m_historyWatcher.future().resultCount() > 0)
            Q_EMIT historyLoaded(m_historyWatcher.result());
        if (std::exchange(m_historyAgain, false))
            reloadHistory(); // asked for while the previous read ran (a sync just ended)
    });
}

DeskController::~DeskController()
{
    // Workers check the flag; waiting here keeps them from outliving the data they read.
    m_cancel->store(true);
    m_fetchWatcher.waitForFinished();
    m_planWatcher.waitForFinished();
    m_historyWatcher.waitForFinished();
}

bool DeskController::canSync() const
{
    return bool(m_backend.makeSyncRunner) && m_hasPlan && !m_profile.targets.isEmpty();
}

QStringList DeskController::profileNames() const
{
    QStringList names = m_backend.profileNames ? m_backend.profileNames() : QStringList();
    for (const auto &p : m_adHocProfiles)
        if (!names.contains(p.name))
            names.append(p.name);
    return names;
}

void DeskController::selectProfile(const QString &name)
{
    if (m_state != State::Idle || name.isEmpty())
        return;
    for (const auto &p : std::as_const(m_adHocProfiles))
        if (p.name == name) {
            setProfile(p);
            return;
        }
    if (m_backend.loadProfile)
        setProfile(m_backend.loadProfile(name));
}

void DeskController::useFolder(const QString &path)
{
    config::Profile p;
    p.name = tr("Folder: %1").arg(QDir(path).dirName());
    p.misp.kind = config::MispSettings::Kind::Feed;
    p.misp.feedPath = path;
    m_adHocProfiles.removeIf([&p](const config::Profile &q) { return q.name == p.name; });
    m_adHocProfiles.append(p);
    setProfile(p);
}

void DeskController::setProfile(const config::Profile &profile)
{
    if (!m_adHocProfiles.isEmpty() || m_backend.profileNames) {
        const QStringList known = m_backend.profileNames ? m_backend.profileNames() : QStringList();
        const bool adHoc = std::any_of(
            m_adHocProfiles.cbegin(), m_adHocProfiles.cend(), [&](const auto &p) { return p.name == profile.name; });
        if (!known.contains(profile.name) && !adHoc)
            m_adHocProfiles.append(profile);
    }
    m_profile = profile;
    m_events.clear();
    m_plan = {};
    m_hasPlan = false;
    Q_EMIT profileChanged(profile.name);
    reloadHistory();
}

void DeskController::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

void DeskController::fetch()
{
    if (m_state != State::Idle || !m_backend.fetch)
        return;
    m_cancel = std::make_shared<std::atomic_bool>(false);
    setState(State::Fetching);
    Q_EMIT message(tr("Fetching events for profile %1…").arg(m_profile.name));
    m_stepTimer.start();
    auto fn = m_backend.fetch;
    m_fetchWatcher.setFuture(
        QtConcurrent::run([fn, profile = m_profile, cancel = m_cancel] { return fn(profile, *cancel); }));
}

void DeskController::onFetched()
{
    const QFuture<FetchOutcome> future = m_fetchWatcher.future();
    FetchOutcome outcome = future.resultCount() > 0 ? future.result() : FetchOutcome {};
    const bool cancelled = m_cancel->load();
    setState(State::Idle);
    if (!outcome.error.isEmpty()) {
        msb::log::get("ui")->error("fetch failed: {}", outcome.error);
        Q_EMIT message(outcome.error);
    } else if (cancelled) {
        Q_EMIT message(tr("Fetch cancelled; %n event(s) read before that.", nullptr, int(outcome.events.size())));
    } else {
        Q_EMIT message(tr("Fetched %n event(s) in %1 s.", nullptr, int(outcome.events.size()))
                           .arg(double(m_stepTimer.elapsed()) / 1000.0, 0, 'f', 1)
            + (outcome.issues.isEmpty()
                    ? QString()
                    : u' ' + tr("%n item(s) could not be read (see the log).", nullptr, int(outcome.issues.size()))));
    }
    for (const QString &issue : std::as_const(outcome.issues))
        msb::log::get("ui")->warn("{}", issue);
    m_events = outcome.events;
    m_plan = {};
    m_hasPlan = false;
    Q_EMIT fetched(outcome);
}

void DeskController::dryRun()
{
    if (m_state != State::Idle || !m_backend.plan)
        return;
    m_cancel = std::make_shared<std::atomic_bool>(false);
    setState(State::Planning);
    Q_EMIT message(tr("Converting and planning %n event(s)…", nullptr, int(m_events.size())));
    m_stepTimer.start();
    auto fn = m_backend.plan;
    m_planWatcher.setFuture(QtConcurrent::run(
        [fn, events = m_events, profile = m_profile, cancel = m_cancel] { return fn(events, profile, *cancel); }));
}

void DeskController::onPlanned()
{
    const QFuture<PreviewPlan> future = m_planWatcher.future();
    const bool cancelled = m_cancel->load();
    setState(State::Idle);
    if (cancelled || future.resultCount() == 0) {
        Q_EMIT message(tr("Dry run cancelled."));
        return;
    }
    m_plan = future.result();
    m_hasPlan = true;
    Q_EMIT message(tr("Dry run: %n STIX object(s), %1 MISP item(s) dropped, %2 s.", nullptr, int(m_plan.objects.size()))
                       .arg(m_plan.dropped.size())
                       .arg(double(m_stepTimer.elapsed()) / 1000.0, 0, 'f', 1));
    Q_EMIT planned(m_plan);
}

void DeskController::sync()
{
    if (m_state != State::Idle)
        return;
    if (!m_backend.makeSyncRunner) {
        Q_EMIT message(tr("Sync is not available in this build."));
        return;
    }
    if (!m_hasPlan) {
        Q_EMIT message(tr("Run a dry run first: sync sends what the dry run shows."));
        return;
    }
    if (m_profile.targets.isEmpty()) {
        Q_EMIT message(tr("Profile %1 has no Sentinel workspace; add one with the setup wizard.").arg(m_profile.name));
        return;
    }
    if (m_runner)
        m_runner->deleteLater();
    m_runner = m_backend.makeSyncRunner(this);
    connect(m_runner, &SyncRunner::progress, this, &DeskController::syncProgress);
    connect(m_runner, &SyncRunner::finished, this, [this](const RunRecord &run) {
        setState(State::Idle);
        QString text = run.cancelled
            ? tr("Sync cancelled: %1 accepted, %2 rejected.").arg(run.accepted()).arg(run.rejected())
            : tr("Sync finished: %1 accepted, %2 rejected.").arg(run.accepted()).arg(run.rejected());
        if (!run.errors.isEmpty())
            text += u' ' + run.errors.constFirst();
        Q_EMIT message(text);
        if (!m_backend.history)
            m_sessionRuns.append(run); // no ledger in this build: keep this session's runs
        Q_EMIT syncFinished(run);
        reloadHistory();
    });
    setState(State::Syncing);
    Q_EMIT syncStarted(m_plan.targets);
    Q_EMIT message(tr("Syncing to %n target(s)…", nullptr, int(m_plan.targets.size())));
    m_runner->start(m_profile, m_plan);
}

void DeskController::cancel()
{
    switch (m_state) {
    case State::Idle:
        return;
    case State::Fetching:
    case State::Planning:
        m_cancel->store(true);
        Q_EMIT message(tr("Cancelling…"));
        return;
    case State::Syncing:
        if (m_runner)
            m_runner->cancel();
        Q_EMIT message(tr("Cancelling the sync; batches in flight finish first…"));
        return;
    }
}

void DeskController::reloadHistory()
{
    if (!m_backend.history) {
        QList<RunRecord> runs;
        for (const RunRecord &r : std::as_const(m_sessionRuns))
            if (r.profile == m_profile.name)
                runs.append(r);
        Q_EMIT historyLoaded(runs);
        return;
    }
    if (m_historyWatcher.isRunning()) {
        m_historyAgain = true;
        return;
    }
    auto fn = m_backend.history;
    m_historyWatcher.setFuture(QtConcurrent::run([fn, name = m_profile.name] { return fn(name); }));
}

} // namespace msb::ui
