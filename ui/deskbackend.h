// SPDX-License-Identifier: BSD-2-Clause
#pragma once

#include "core/config/profile.h"
#include "ui/desktypes.h"

#include <QStringList>

#include <atomic>
#include <functional>
#include <memory>

namespace msb::ui {

class SyncRunner;

/// The pipeline pieces the desk drives, as plain functions so each core stage plugs in with one line
/// and tests can inject their own. fetch/plan/history run on a worker thread (never the UI thread)
/// and must return when `cancelled` becomes true; makeSyncRunner runs on the UI thread.
struct DeskBackend
{
    std::function<QStringList()> profileNames;
    std::function<config::Profile(const QString &name)> loadProfile;
    std::function<FetchOutcome(const config::Profile &, const std::atomic_bool &cancelled)> fetch;
    std::function<PreviewPlan(const QList<misp::Event> &, const config::Profile &, const std::atomic_bool &cancelled)>
        plan;
    std::function<SyncRunner *(QObject *parent)> makeSyncRunner; ///< empty: sync is not available
    std::function<QList<RunRecord>(const QString &profile)> history;
};

/// The backend over the core that is in this build: profiles from core/config, fetch from a MISP feed
/// directory with core/misp's parser, and the converter, planner, engine and ledger as they exist.
DeskBackend coreBackend();

/// Reads every MISP JSON document of a folder (a MISP feed with manifest.json, or loose event files).
/// Unreadable files and items become issues; the rest is kept. Bounded: at most 100,000 files.
FetchOutcome readMispFolder(const QString &path, const std::atomic_bool &cancelled);

/// Statuses for a plan without a ledger: every object is new at every target unless a target filter
/// excludes it (then "filtered" with the reason). Used until core/sync's planner is present.
PreviewPlan planWithoutLedger(
    QList<stix::StixObject> objects, const QList<config::TargetSettings> &targets, const std::atomic_bool &cancelled);

/// Converts the events under the profile's policy and plans every target against the ledger at
/// `ledgerPath` (empty: no ledger, everything new). Pure function of its inputs; any thread.
PreviewPlan convertAndPlan(const QList<misp::Event> &events,
    const config::Profile &profile,
    const QString &ledgerPath,
    const std::atomic_bool &cancelled);

} // namespace msb::ui
