// SPDX-License-Identifier: BSD-2-Clause
#pragma once

#include "core/config/profile.h"
#include "core/sync/syncprogress.h"
#include "ui/desktypes.h"

#include <QStringList>

#include <atomic>
#include <functional>
#include <memory>

namespace msb::secrets {
class SecretStore;
}

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

/// What the core backend uses; every default is what the CLI uses, so both share state.
struct CoreBackendOptions
{
    QString ledgerPath; ///< empty: sync::SyncJob::defaultLedgerPath()
    /// Called on the worker thread that reads secrets; empty: the CLI's lookup (environment
    /// provider, then the keychain unless MSB_SECRETS=env).
    std::function<std::unique_ptr<secrets::SecretStore>()> secretStore;
    sync::SyncOptions sync;
};

/// The backend over the core: profiles from core/config; fetch from MISP REST, a feed URL or folder
/// (deskfetch.h); convert and plan against the CLI's ledger; sync with core/sync's SyncJob on worker
/// threads (CoreSyncRunner); history from the ledger.
DeskBackend coreBackend(CoreBackendOptions options = {});

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
