// SPDX-License-Identifier: BSD-2-Clause
#include "core/convert/conversionresult.h"

namespace msb::convert {

QHash<QString, int> ConversionResult::dropsByReason() const
{
    QHash<QString, int> counts;
    for (const ItemOutcome &o : outcomes) {
        if (o.status != ItemOutcome::Status::Dropped)
            continue;
        // "invalid MD5 hash: 31 characters, expected 32" groups under "invalid MD5 hash".
        const qsizetype colon = o.reason.indexOf(u':');
        counts[colon > 0 ? o.reason.left(colon) : o.reason] += 1;
    }
    return counts;
}

void ConversionResult::append(ConversionResult &&other)
{
    objects.append(std::move(other.objects));
    outcomes.append(std::move(other.outcomes));
    accounts.append(std::move(other.accounts));
}

} // namespace msb::convert
