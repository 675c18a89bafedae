// SPDX-License-Identifier: BSD-2-Clause
#pragma once

#include <QStringView>

namespace msb::misp {

/// MISP's default `to_ids` for an attribute type (PyMISP describeTypes `sane_defaults`), used when an
/// attribute carries no `to_ids` key. Unknown types default to false. Thread-safe.
bool defaultToIds(QStringView type);

} // namespace msb::misp
