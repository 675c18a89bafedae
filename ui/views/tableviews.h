// SPDX-License-Identifier: BSD-2-Clause
#pragma once

class QTableView;

namespace msb::ui {

/// The settings every large table of the desk shares: uniform row heights (no per-row size queries,
/// which is what keeps a million rows smooth), whole-row selection, no word wrap, alternating rows.
void configureTable(QTableView *view);

} // namespace msb::ui
