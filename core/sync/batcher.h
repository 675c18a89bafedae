// SPDX-License-Identifier: BSD-2-Clause
#pragma once

#include <QByteArray>
#include <QList>

namespace msb::sync {

/// Cuts the next batch from `sizes` (JSON byte size of each object, in order) starting at
/// `from`: at most `maxObjects` objects and at most `maxBytes` of objects (plus separators), but
/// never fewer than one object, so an oversized object still goes (alone). Returns the count.
int nextBatchSize(const QList<qsizetype> &sizes, int from, int maxObjects, qint64 maxBytes);

} // namespace msb::sync
