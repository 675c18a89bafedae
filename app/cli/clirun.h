// SPDX-License-Identifier: BSD-2-Clause
#pragma once

#include "app/cli/cliargs.h"
#include "app/cli/clioutput.h"
#include "core/config/profile.h"
#include "core/sync/syncjob.h"
#include "core/util/result.h"

#include <QJsonObject>

#include <functional>
#include <memory>

class QSettings;

namespace msb::cli {

/// The settings every part of the app shares: QSettings() with the organisation and application
/// names set in main() (~/.config/misp-sentinel-bridge/misp-sentinel-bridge.conf; XDG_CONFIG_HOME
/// moves it, which the demo uses).
std::unique_ptr<QSettings> openSettings();

/// The profile a command works on: `requested` (from --profile or $MSB_PROFILE), else the default
/// profile, else the only profile. The name "env" (or no profile at all while misp2sentinel's
/// `mispurl` and `tenants` variables are set) builds a profile from the environment instead.
/// Errors are Configuration errors that list the profiles there are.
Result<config::Profile> resolveProfile(const QString &requested);

/// Runs a SyncJob to its end on this thread's event loop, with progress on stderr and Ctrl+C /
/// SIGTERM turned into a clean cancel. Returns the job's report.
sync::JobReport runJob(
    const config::Profile &profile, const CommonOptions &common, sync::JobOptions options, Output &out);

/// Exit code of a finished job (commandregistry.h): fatal error → its code, partial → 1, else 0.
int exitCodeFor(const sync::JobReport &report);

/// Shared JSON pieces of reports.
QJsonObject reportHeaderJson(const sync::JobReport &report);
QJsonObject sourceJson(const sync::JobReport &report);

/// Prints the fatal error / target errors / failed pages of a report on stderr (text mode).
void printProblems(const sync::JobReport &report, const Output &out);

/// Installs SIGINT/SIGTERM handlers that call `onSignal` from the event loop (not the handler).
void onTerminationSignal(QObject *context, std::function<void()> onSignal);

} // namespace msb::cli
