// SPDX-License-Identifier: BSD-2-Clause
// libFuzzer target: importing misp2sentinel setups — the `tenants` JSON, an Azure Function
// app-settings export and a config.py (read as literals, never executed). Byte 0 picks the
// importer. Properties: no crash; no imported secret value ever appears in the notes shown to
// the person (they are displayed and logged).
#include "core/config/import/appsettingsimport.h"
#include "core/config/import/configpyimport.h"
#include "core/config/import/pythonliteral.h"
#include "core/config/import/tenantsimport.h"
#include "core/log/redact.h"

#include <QByteArray>
#include <QString>

#include <cstdint>
#include <cstdio>
#include <cstdlib>

namespace {

void checkNotes(const msb::config::ImportResult &result)
{
    for (const auto &secret : result.secrets) {
        if (secret.value.size() < 8)
            continue; // short values occur in ordinary words; the scrubber ignores them too
        for (const QString &note : result.notes) {
            if (note.contains(secret.value)) {
                std::fprintf(stderr, "fuzz_import: a note shows the secret (%s)\n", secret.what.toUtf8().constData());
                std::abort();
            }
        }
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1 || size > 512 * 1024)
        return 0;
    const QByteArray input(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));
    const QString profile = QStringLiteral("fuzz");
    // Importers register every secret for log redaction; forget them so runs stay independent
    // (and memory flat over millions of runs).
    msb::log::clearRegisteredSecrets();
    switch (data[0] % 4) {
    case 0:
        checkNotes(msb::config::importTenants(input, profile));
        break;
    case 1:
        checkNotes(msb::config::importAppSettings(input, profile));
        break;
    case 2:
        checkNotes(msb::config::importConfigPy(QString::fromUtf8(input), profile));
        break;
    default:
        (void)msb::config::parsePythonLiteral(QString::fromUtf8(input));
        break;
    }
    return 0;
}
