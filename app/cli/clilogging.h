// SPDX-License-Identifier: BSD-2-Clause
#pragma once

#include <QString>

namespace msb::cli {

/// Logging of a headless run: every info line and above goes to the rotating log file
/// (AppLocalDataLocation/logs/misp-sentinel-bridge.log, 3 × 5 MiB), so a scheduled run leaves a
/// record; stderr gets only the command's own problem lines, each once, so cron mail and journals
/// stay short. Lines pass through the redaction stage of core/log. $MSB_LOG_LEVEL (debug, info,
/// warn...) overrides the file's level. Returns the log file path (empty when unwritable).
QString initCliLogging();

} // namespace msb::cli
