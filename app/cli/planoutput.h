// SPDX-License-Identifier: BSD-2-Clause
#pragma once

#include "app/cli/clioutput.h"
#include "core/sync/syncjob.h"

#include <QJsonObject>

namespace msb::cli {

/// JSON of one target's plan: counts per action and (with `objects`) every planned object.
QJsonObject planToJson(const sync::TargetPlan &plan, bool objects);
/// Prints per target what would be sent, changed, unchanged, revoked and filtered, then the
/// conversion drops by reason; with `objects` every planned object with its reason.
void printPlans(const sync::JobReport &report, bool objects, const Output &out);

} // namespace msb::cli
