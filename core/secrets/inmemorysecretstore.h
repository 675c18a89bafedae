// SPDX-License-Identifier: BSD-2-Clause
#pragma once

#include "core/secrets/secretstore.h"

#include <QHash>

namespace msb::secrets {

/// Keeps secrets in process memory only: tests, and a "don't remember secrets" mode.
/// Honours the full SecretStore contract (callbacks later, dropped with their context).
/// A failure can be injected to exercise error paths.
class InMemorySecretStore final : public SecretStore
{
public:
    void read(const QString &key, QObject *context, ReadCallback callback) override;
    void write(const QString &key, const QString &value, QObject *context, StatusCallback callback) override;
    void remove(const QString &key, QObject *context, StatusCallback callback) override;
    QString displayName() const override;

    /// Synchronous view for tests.
    QHash<QString, QString> contents() const { return m_values; }
    /// Every following operation fails with this error until cleared (code Other clears).
    void failWith(const Error &error) { m_failure = error; }
    void clearFailure() { m_failure = Error {}; }

private:
    QHash<QString, QString> m_values;
    Error m_failure;
};

} // namespace msb::secrets
