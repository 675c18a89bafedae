// SPDX-License-Identifier: BSD-2-Clause
// libFuzzer target: restSearch answers as the MISP client hands them to the parser. Byte 0 picks
// the wrapper MISP uses ({"response":[…]}, a bare list, {"Event":…}, as is). Properties: no crash;
// an answer that is not read as MISP data says why; every issue names its source.
#include "core/misp/mispparser.h"

#include <QByteArray>

#include <cstdint>
#include <cstdio>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1 || size > 1024 * 1024)
        return 0;
    const QByteArray body(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));
    QByteArray json;
    switch (data[0] % 4) {
    case 0:
        json = "{\"response\":[" + body + "]}";
        break;
    case 1:
        json = "[" + body + "]";
        break;
    case 2:
        json = "{\"Event\":" + body + "}";
        break;
    default:
        json = body;
        break;
    }
    const QString source = QStringLiteral("restSearch page 1");
    const auto doc = msb::misp::parseDocument(json, source);
    if (!doc.recognised && doc.issues.isEmpty()) {
        std::fputs("fuzz_restsearch: unreadable answer without an issue\n", stderr);
        std::abort();
    }
    for (const auto &issue : doc.issues) {
        if (issue.source != source) {
            std::fputs("fuzz_restsearch: an issue does not name its source\n", stderr);
            std::abort();
        }
    }
    return 0;
}
