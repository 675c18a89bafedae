// SPDX-License-Identifier: BSD-2-Clause
#pragma once

#include "ui/desktypes.h"

namespace msb::ui {

/// Past runs of `profile` from the ledger at `ledgerPath` (the one the CLI's `history` reads), newest
/// first, at most `limit`. A missing ledger means no runs yet; an unreadable one is an error row.
/// Opens its own connection on the calling thread (a worker thread).
QList<RunRecord> readLedgerHistory(const QString &ledgerPath, const QString &profile, int limit = 500);

} // namespace msb::ui
