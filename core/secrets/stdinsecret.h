// SPDX-License-Identifier: BSD-2-Clause
#pragma once

#include "core/util/result.h"

#include <QString>

#include <cstdio>

namespace msb::secrets {

/// Reads one secret line from `in` for the CLI (`--client-secret-stdin`), so secrets never appear
/// on a command line. When `in` is a terminal, `prompt` goes to stderr and echo is switched off
/// while typing. The trailing newline (LF or CRLF) is removed; an empty line or end of input is an
/// InvalidInput error naming `what`. Lines are bounded to 64 KiB. The value is registered for redaction.
/// Blocking: call from the CLI thread only, never from the GUI.
Result<QString> readSecretLine(std::FILE *in, const QString &what, const QString &prompt = {});

} // namespace msb::secrets
