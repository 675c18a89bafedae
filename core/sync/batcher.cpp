// SPDX-License-Identifier: BSD-2-Clause
#include "core/sync/batcher.h"

namespace msb::sync {

int nextBatchSize(const QList<qsizetype> &sizes, int from, int maxObjects, qint64 maxBytes)
{
    const int available = int(sizes.size()) - from;
    if (available <= 0)
        return 0;
    constexpr qint64 kEnvelope = 512; // {"sourcesystem":…,"stixobjects":[…]}
    qint64 bytes = kEnvelope;
    int n = 0;
    while (n < available && n < maxObjects) {
        const qint64 next = bytes + sizes.at(from + n) + 1;
        if (n > 0 && next > maxBytes)
            break;
        bytes = next;
        ++n;
    }
    return n;
}

} // namespace msb::sync
