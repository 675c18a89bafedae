// SPDX-License-Identifier: BSD-2-Clause
#pragma once

#include "core/secrets/environmentsecretstore.h"
#include "core/secrets/keychainsecretstore.h"
#include "core/secrets/secretstore.h"

#include <QProcessEnvironment>

#include <cstdio>
#include <memory>

namespace msb::cli {

/// The secret store of a headless run: the environment provider first (variables, or NAME=VALUE
/// lines given on stdin with --secrets-from-stdin), then the OS keychain. Secrets never come from
/// the command line. With MSB_SECRETS=env the keychain is never touched (containers, CI).
/// Writes go to the keychain only. Same thread as its creator (needs an event loop).
class CliSecretStore final : public secrets::SecretStore
{
public:
    CliSecretStore(QProcessEnvironment environment, bool useKeychain);

    void read(const QString &key, QObject *context, secrets::ReadCallback callback) override;
    void write(const QString &key, const QString &value, QObject *context, secrets::StatusCallback callback) override;
    void remove(const QString &key, QObject *context, secrets::StatusCallback callback) override;
    QString displayName() const override;

private:
    secrets::EnvironmentSecretStore m_environment;
    std::unique_ptr<secrets::KeychainSecretStore> m_keychain;
};

/// Reads NAME=VALUE lines (the environment provider's variable names) from `in` until end of
/// input and lays them over `base`. Blank lines and lines starting with '#' are skipped; a line
/// without '=' is an InvalidInput error naming its line number (never its content). At most
/// 1000 lines of 64 KiB each. Every value is registered for log redaction.
Result<QProcessEnvironment> readSecretsFromStdin(std::FILE *in, QProcessEnvironment base);

/// The store a command should use, following --secrets-from-stdin and MSB_SECRETS.
Result<std::unique_ptr<CliSecretStore>> makeCliSecretStore(bool secretsFromStdin);

} // namespace msb::cli
