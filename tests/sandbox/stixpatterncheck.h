// SPDX-License-Identifier: BSD-2-Clause
#pragma once

#include <QString>

namespace msb::sandbox {

/// Checks the syntax of a STIX 2.1 pattern the way a strict receiver would: brackets, observation operators
/// (AND/OR/FOLLOWEDBY), qualifiers, `type:path op value` comparisons, value literals and balanced quotes.
/// Returns an empty string when the pattern is well formed, otherwise a reason with the position.
QString stixPatternError(const QString &pattern);

} // namespace msb::sandbox
