// SPDX-License-Identifier: BSD-2-Clause
#pragma once

#include "core/util/result.h"

#include <QObject>
#include <QPointer>
#include <QString>

#include <functional>

namespace msb::secrets {

using ReadCallback = std::function<void(Result<QString>)>;
using StatusCallback = std::function<void(Status)>;

/// Asynchronous storage of secret values (client secrets, MISP keys) under names built by
/// secretkeys.h. Values never touch QSettings or any other file of ours.
///
/// Contract for every implementation:
/// - Calls return immediately; the callback always runs later (never inside the call), on the
///   thread of `context`, through its event loop.
/// - If `context` is destroyed before the result is ready, the callback is dropped.
/// - Every value handed to a read callback has been registered with msb::log::registerSecret.
/// - Errors use Error::Code::NotFound, KeychainUnavailable, KeychainDenied, InvalidInput or Other,
///   with a message that never contains the value.
/// Implementations are used from one thread (the one that created them).
class SecretStore
{
public:
    virtual ~SecretStore() = default;

    virtual void read(const QString &key, QObject *context, ReadCallback callback) = 0;
    virtual void write(const QString &key, const QString &value, QObject *context, StatusCallback callback) = 0;
    /// Deleting a missing key succeeds.
    virtual void remove(const QString &key, QObject *context, StatusCallback callback) = 0;
    /// Short name for messages ("system keychain", "environment", "memory").
    virtual QString displayName() const = 0;
};

/// Runs `fn` later on `context`'s thread unless `context` dies first. The helper all stores use
/// to honour the "callback later, dropped with its context" contract.
template <typename Fn> void deliverLater(QObject *context, Fn &&fn)
{
    if (!context)
        return;
    QMetaObject::invokeMethod(context, std::forward<Fn>(fn), Qt::QueuedConnection);
}

} // namespace msb::secrets
