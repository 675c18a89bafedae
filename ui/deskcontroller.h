// SPDX-License-Identifier: BSD-2-Clause
#pragma once

#include "ui/deskbackend.h"
#include "ui/desktypes.h"

#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QObject>
#include <QPointer>

namespace msb::ui {

class SyncRunner;

/// Drives fetch → dry run → sync for the window. Every step runs off the UI thread
/// (QtConcurrent for fetch/plan/history, the SyncRunner's own threads for sync); results come back
/// as value structs through the watchers' queued signals. One step at a time; cancel() stops the
/// current one. Lives on the UI thread.
class DeskController final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DeskController)
public:
    enum class State { Idle, Fetching, Planning, Syncing };
    Q_ENUM(State)

    explicit DeskController(DeskBackend backend, QObject *parent = nullptr);
    ~DeskController() override;

    State state() const { return m_state; }
    bool canSync() const;
    const config::Profile &profile() const { return m_profile; }
    const QList<misp::Event> &events() const { return m_events; }
    const PreviewPlan &plan() const { return m_plan; }
    bool hasPlan() const { return m_hasPlan; }

    QStringList profileNames() const;
    void selectProfile(const QString &name);
    /// An ad-hoc profile reading a local MISP folder (feed or event files), no targets.
    void useFolder(const QString &path);
    /// For profiles built elsewhere (tests, the demo, the wizard).
    void setProfile(const config::Profile &profile);

public Q_SLOTS:
    void fetch();
    void dryRun();
    void sync();
    void cancel();
    void reloadHistory();

Q_SIGNALS:
    void stateChanged(msb::ui::DeskController::State state);
    void profileChanged(const QString &name);
    void fetched(const msb::ui::FetchOutcome &outcome);
    void planned(const msb::ui::PreviewPlan &plan);
    void syncStarted(const QStringList &targets);
    void syncProgress(const msb::ui::TargetProgress &progress);
    void syncFinished(const msb::ui::RunRecord &run);
    void historyLoaded(const QList<msb::ui::RunRecord> &runs);
    /// A plain-words message for the status bar (errors included).
    void message(const QString &text);

private:
    void setState(State state);
    void onFetched();
    void onPlanned();

    DeskBackend m_backend;
    State m_state = State::Idle;
    config::Profile m_profile;
    QList<config::Profile> m_adHocProfiles;
    QList<misp::Event> m_events;
    PreviewPlan m_plan;
    bool m_hasPlan = false;
    std::shared_ptr<std::atomic_bool> m_cancel;
    QFutureWatcher<FetchOutcome> m_fetchWatcher;
    QFutureWatcher<PreviewPlan> m_planWatcher;
    QFutureWatcher<QList<RunRecord>> m_historyWatcher;
    QPointer<SyncRunner> m_runner;
    QList<RunRecord> m_sessionRuns;
    bool m_historyAgain = false;
    QElapsedTimer m_stepTimer;
};

} // namespace msb::ui
