// SPDX-License-Identifier: BSD-2-Clause
#pragma once

#include "core/secrets/secretstore.h"

namespace msb::secrets {

/// The OS keychain through QtKeychain (Secret Service / gnome-keyring / KWallet on Linux,
/// Credential Manager on Windows, Keychain on macOS). Service name: kServiceName unless given.
///
/// The insecure plaintext fallback is off: when no secret service answers, operations fail with
/// KeychainUnavailable (QtKeychain 0.13 reports OtherError/NoBackendAvailable without D-Bus or
/// provider) or KeychainDenied (AccessDenied: locked collection) and a message that says what to do.
/// There is never a silent fallback to a file.
///
/// Must be used from a thread with a running event loop (QtKeychain jobs are asynchronous).
class KeychainSecretStore final : public SecretStore
{
public:
    explicit KeychainSecretStore(QString service = {});

    void read(const QString &key, QObject *context, ReadCallback callback) override;
    void write(const QString &key, const QString &value, QObject *context, StatusCallback callback) override;
    void remove(const QString &key, QObject *context, StatusCallback callback) override;
    QString displayName() const override;

    /// Maps a QtKeychain error code + text to our Error (exposed for tests).
    static Error mapError(int keychainError, const QString &keychainMessage, const QString &key);

private:
    QString m_service;
};

} // namespace msb::secrets
