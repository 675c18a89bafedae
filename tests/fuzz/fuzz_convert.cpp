// SPDX-License-Identifier: BSD-2-Clause
// libFuzzer target: MISP JSON parse + convert (both modes) + JSON writing.
// Invariants checked on every input, besides "no crash, no sanitizer report":
//  - every attribute is accounted for: converted + dropped + errors == total, one outcome each;
//  - every written STIX object is valid JSON (QJsonDocument accepts it);
//  - parsing the same bytes twice gives the same ids (determinism).
#include "core/convert/converter.h"
#include "core/misp/mispparser.h"
#include "core/stix/jsonwriter.h"

#include <QJsonDocument>

#include <cstdint>
#include <cstdio>
#include <cstdlib>

namespace {

[[noreturn]] void violated(const char *what)
{
    std::fprintf(stderr, "fuzz_convert: invariant violated: %s\n", what);
    std::abort();
}

QStringList convertAll(const msb::misp::ParsedDocument &doc, msb::convert::OutputMode mode)
{
    msb::convert::ConversionPolicy policy;
    policy.mode = mode;
    policy.now = QDateTime::fromSecsSinceEpoch(1767225600, Qt::UTC);
    policy.defaultExpiryDays = 30;
    msb::convert::Converter converter(policy);
    QStringList ids;
    for (const auto &e : doc.events) {
        int total = int(e.attributes.size());
        for (const auto &o : e.objects)
            total += int(o.attributes.size());
        int outcomes = 0;
        const auto acc = converter.convert(
            e,
            [&](msb::stix::StixObject &&o) {
                const QByteArray json = msb::stix::toJson(o);
                QJsonParseError err;
                QJsonDocument::fromJson(json, &err);
                if (err.error != QJsonParseError::NoError)
                    violated("writer produced invalid JSON");
                ids.append(o.id);
            },
            [&](msb::convert::ItemOutcome &&) { ++outcomes; });
        if (acc.total != total || outcomes != total || acc.converted + acc.dropped + acc.errors != acc.total)
            violated("attribute accounting does not balance");
    }
    return ids;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 1 << 20)
        return 0;
    const QByteArray json(reinterpret_cast<const char *>(data), qsizetype(size));
    const auto doc = msb::misp::parseDocument(json, QStringLiteral("fuzz.json"));
    if (!doc.recognised && doc.issues.isEmpty())
        violated("unreadable input without an explanation");
    const QStringList sentinel = convertAll(doc, msb::convert::OutputMode::Sentinel);
    convertAll(doc, msb::convert::OutputMode::Bundle);
    if (convertAll(msb::misp::parseDocument(json, QStringLiteral("fuzz.json")), msb::convert::OutputMode::Sentinel)
        != sentinel)
        violated("conversion is not deterministic");
    return 0;
}
