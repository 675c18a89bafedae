// SPDX-License-Identifier: BSD-2-Clause
// libFuzzer target: MISP filters as users paste them (misp2sentinel's misp_event_filters) and the
// /users/view/me answer of the connection test. Properties: no crash; a rejected filter names a
// reason; an accepted filter survives toJson() -> fromJson() unchanged and can judge an event.
#include "core/misp/mispclient.h"
#include "core/misp/mispfilters.h"

#include <QByteArray>
#include <QDateTime>

#include <cstdint>
#include <cstdio>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 256 * 1024)
        return 0;
    const QByteArray text(reinterpret_cast<const char *>(data), qsizetype(size));
    const auto filters = msb::misp::MispFilters::fromJsonText(text);
    if (!filters) {
        if (filters.error().message.isEmpty()) {
            std::fputs("fuzz_misp_filters: rejected without a reason\n", stderr);
            std::abort();
        }
    } else {
        const auto again = msb::misp::MispFilters::fromJson(filters.value().toJson());
        if (!again || !(again.value() == filters.value())) {
            std::fputs("fuzz_misp_filters: toJson/fromJson round trip changed the filters\n", stderr);
            std::abort();
        }
        msb::misp::FilterSubject subject = msb::misp::FilterSubject::fromJson(filters.value().toJson());
        subject.tags = QStringList { QStringLiteral("tlp:green") };
        const QDateTime now = QDateTime::fromSecsSinceEpoch(1'800'000'000, Qt::UTC);
        (void)filters.value().matchesEvent(subject, now);
        (void)filters.value().keepsAttribute(QStringLiteral("ip-dst"), true);
        (void)filters.value().earliestTimestamp(now);
        (void)filters.value().restSearchBody(100, 1);
    }
    (void)msb::misp::parseUserView(text);
    return 0;
}
