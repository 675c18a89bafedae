// SPDX-License-Identifier: BSD-2-Clause
#pragma once

#include <QString>
#include <QStringView>

namespace msb::stix {

/// Escapes a value for a STIX pattern string literal the way misp-stix 2026.6.30 does:
/// `\` becomes `\\`, then `'` becomes `\'`; nothing else changes. Pure, thread-safe.
QString escapePatternValue(QStringView value);

/// `[<path> = '<escaped value>']`, the single-comparison form Sentinel maps to
/// ObservableKey/ObservableValue. `path` is used verbatim (e.g. `file:hashes.'SHA-256'`).
QString equalityPattern(QStringView path, QStringView value);

/// Appends `<path> = '<escaped value>'` (no brackets) to `out`, for AND-combined bundle patterns.
void appendComparison(QString &out, QStringView path, QStringView value);

} // namespace msb::stix
