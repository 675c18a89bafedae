// SPDX-License-Identifier: BSD-2-Clause
#pragma once

#include "core/util/result.h"

#include <QJsonValue>
#include <QString>

namespace msb::config {

/// Parses one Python literal expression, the way ast.literal_eval would, into JSON: dict → object
/// (keys turned into strings), list/tuple/set → array, str (all quote styles, r/u/b prefixes,
/// escapes, adjacent strings concatenated) → string, int/float (with sign, `_` separators,
/// hex/octal/binary) → number, True/False → bool, None → null. Comments and line breaks inside
/// brackets are allowed. Anything else (names, calls, operators, f-strings) is refused with an
/// error naming the position: nothing is ever evaluated. Nesting is bounded (64 levels).
Result<QJsonValue> parsePythonLiteral(QStringView text);

} // namespace msb::config
