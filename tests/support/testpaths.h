// SPDX-License-Identifier: BSD-2-Clause
#pragma once

#include <QString>

namespace msb::test {

/// ../shared of the checkout (CI puts it there too), or $MSB_SHARED_DIR when set.
QString sharedDir();
/// sharedDir() + "/data/misp".
QString mispDataDir();
/// The repository root.
QString sourceDir();
/// The build root (where the app and msb-sandbox executables are).
QString binaryDir();
/// Path of the built misp-sentinel-bridge executable.
QString appExecutable();

} // namespace msb::test
