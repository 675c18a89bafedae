// SPDX-License-Identifier: BSD-2-Clause
#pragma once

#include "core/secrets/secretstore.h"

#include <QPointer>

#include <memory>

namespace msb::ui {

/// Runs every operation of `inner` on the thread of `home` (the GUI thread) and answers on the
/// caller's `context` thread. QtKeychain keeps one job executor per process, bound to the thread of
/// the first job: keychain jobs started from a worker thread after one ran on the GUI thread crash
/// it. The desk's workers (fetch, sync) read the keychain through this.
class GuiThreadSecretStore final : public secrets::SecretStore
{
public:
    GuiThreadSecretStore(std::shared_ptr<secrets::SecretStore> inner, QObject *home);

    void read(const QString &key, QObject *context, secrets::ReadCallback callback) override;
    void write(const QString &key, const QString &value, QObject *context, secrets::StatusCallback callback) override;
    void remove(const QString &key, QObject *context, secrets::StatusCallback callback) override;
    QString displayName() const override;

private:
    std::shared_ptr<secrets::SecretStore> m_inner;
    QPointer<QObject> m_home;
};

} // namespace msb::ui
