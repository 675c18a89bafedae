// SPDX-License-Identifier: BSD-2-Clause
#pragma once

namespace msb::ui {

/// Runs the desktop application (QApplication, translations, main window). Returns the exit code.
int runGui(int &argc, char **argv);

} // namespace msb::ui
