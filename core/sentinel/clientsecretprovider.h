// SPDX-License-Identifier: BSD-2-Clause
#pragma once

#include "core/util/result.h"

#include <QHash>
#include <QMutex>
#include <QString>

#include <functional>

namespace msb::sentinel {

/// Supplies the client secret of an Entra ID app registration when a token is needed. Injected
/// into the TokenProvider so that no secret is ever part of a Target, a profile or a log line.
///
/// Threading: requestSecret() is called on the TokenProvider's (worker) thread. The callback must
/// be invoked exactly once, on that same thread, either before requestSecret() returns or later
/// through that thread's event loop (for a keychain read, post the result back with
/// QMetaObject::invokeMethod on a context object living in the calling thread).
class ClientSecretProvider
{
public:
    using Callback = std::function<void(Result<QString>)>;
    virtual ~ClientSecretProvider() = default;
    virtual void requestSecret(const QString &tenantId, const QString &clientId, Callback callback) = 0;
};

/// Secrets held in memory (tests, the CLI after reading the keychain once). Thread-safe; answers
/// synchronously. Every secret added is registered for log redaction.
class StaticSecretProvider final : public ClientSecretProvider
{
public:
    void setSecret(const QString &tenantId, const QString &clientId, const QString &secret);
    void requestSecret(const QString &tenantId, const QString &clientId, Callback callback) override;

private:
    QMutex m_mutex;
    QHash<QString, QString> m_secrets;
};

} // namespace msb::sentinel
