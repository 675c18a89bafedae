// SPDX-License-Identifier: BSD-2-Clause
#pragma once

#include "core/secrets/environmentsecretstore.h"
#include "core/secrets/keychainsecretstore.h"
#include "core/secrets/secretstore.h"

#include <QProcessEnvironment>

#include <memory>

namespace msb::secrets {

/// The secret lookup the CLI and the desk share: the environment provider first, then the OS
/// keychain. With MSB_SECRETS=env the keychain is never touched (containers, CI, the demo).
/// Writes go to the keychain only. Same thread as its creator (needs an event loop).
class LayeredSecretStore final : public SecretStore
{
public:
    LayeredSecretStore(const QProcessEnvironment &environment, bool useKeychain);

    void read(const QString &key, QObject *context, ReadCallback callback) override;
    void write(const QString &key, const QString &value, QObject *context, StatusCallback callback) override;
    void remove(const QString &key, QObject *context, StatusCallback callback) override;
    QString displayName() const override;

    /// The store for `environment`, following its MSB_SECRETS variable.
    static std::unique_ptr<LayeredSecretStore> fromEnvironment(const QProcessEnvironment &environment);

private:
    EnvironmentSecretStore m_environment;
    std::unique_ptr<KeychainSecretStore> m_keychain;
};

} // namespace msb::secrets
