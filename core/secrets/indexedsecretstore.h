// SPDX-License-Identifier: BSD-2-Clause
#pragma once

#include "core/secrets/secretstore.h"

#include <QStringList>

class QSettings;

namespace msb::secrets {

/// Wraps a store and keeps an index of the key NAMES (never values) in QSettings under
/// `Secrets/index`, so entries can be listed and cleared (keychains cannot enumerate reliably).
/// A name is added after a successful write and dropped after a successful remove.
/// Both the inner store and the settings must outlive this object; same thread as the inner store.
class IndexedSecretStore final : public SecretStore
{
public:
    IndexedSecretStore(SecretStore &inner, QSettings &settings);

    void read(const QString &key, QObject *context, ReadCallback callback) override;
    void write(const QString &key, const QString &value, QObject *context, StatusCallback callback) override;
    void remove(const QString &key, QObject *context, StatusCallback callback) override;
    QString displayName() const override;

    QStringList keys() const;
    /// Keys of one profile (prefix `profile/<name>/`).
    QStringList keysOfProfile(const QString &profile) const;

private:
    void setKeys(const QStringList &keys);

    SecretStore &m_inner;
    QSettings &m_settings;
};

} // namespace msb::secrets
