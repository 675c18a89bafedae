// SPDX-License-Identifier: BSD-2-Clause
// libFuzzer target: MISP feed manifests (MISP's dict keyed by event uuid, and the list layout of
// feeds such as malvuln). Properties: no crash; a failed parse says why.
#include "core/misp/feedsource.h"

#include <QByteArray>

#include <cstdint>
#include <cstdio>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 1024 * 1024)
        return 0;
    const QByteArray json(reinterpret_cast<const char *>(data), qsizetype(size));
    const auto manifest = msb::misp::parseManifest(json, QStringLiteral("fuzz/manifest.json"));
    if (!manifest.ok() && manifest.error().message.isEmpty()) {
        std::fputs("fuzz_feed_manifest: refused without a reason\n", stderr);
        std::abort();
    }
    return 0;
}
