// SPDX-License-Identifier: BSD-2-Clause
#pragma once

#include "core/secrets/layeredsecretstore.h"

#include <QProcessEnvironment>

#include <cstdio>
#include <memory>

namespace msb::cli {

/// The secret store of a headless run: the environment provider first (variables, or NAME=VALUE
/// lines given on stdin with --secrets-from-stdin), then the OS keychain; shared with the desk.
using CliSecretStore = secrets::LayeredSecretStore;

/// Reads NAME=VALUE lines (the environment provider's variable names) from `in` until end of
/// input and lays them over `base`. Blank lines and lines starting with '#' are skipped; a line
/// without '=' is an InvalidInput error naming its line number (never its content). At most
/// 1000 lines of 64 KiB each. Every value is registered for log redaction.
Result<QProcessEnvironment> readSecretsFromStdin(std::FILE *in, QProcessEnvironment base);

/// The store a command should use, following --secrets-from-stdin and MSB_SECRETS.
Result<std::unique_ptr<CliSecretStore>> makeCliSecretStore(bool secretsFromStdin);

} // namespace msb::cli
