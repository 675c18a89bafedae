// SPDX-License-Identifier: BSD-2-Clause
#include "core/secrets/inmemorysecretstore.h"

#include "core/log/redact.h"

#include <QCoreApplication>

namespace msb::secrets {

namespace {
bool failing(const Error &e)
{
    return e.code != Error::Code::Other || !e.message.isEmpty();
}
} // namespace

QString InMemorySecretStore::displayName() const
{
    return QCoreApplication::translate("msb::secrets::InMemorySecretStore", "memory");
}

void InMemorySecretStore::read(const QString &key, QObject *context, ReadCallback callback)
{
    Result<QString> result = m_failure;
    if (!failing(m_failure)) {
        const auto it = m_values.constFind(key);
        if (it == m_values.cend()) {
            result = Error { Error::Code::NotFound,
                QCoreApplication::translate("msb::secrets::InMemorySecretStore", "No secret is stored for \"%1\".")
                    .arg(key) };
        } else {
            msb::log::registerSecret(*it);
            result = *it;
        }
    }
    deliverLater(context, [callback, result] { callback(result); });
}

void InMemorySecretStore::write(const QString &key, const QString &value, QObject *context, StatusCallback callback)
{
    Status status = Done {};
    if (failing(m_failure)) {
        status = m_failure;
    } else {
        msb::log::registerSecret(value);
        m_values.insert(key, value);
    }
    deliverLater(context, [callback, status] { callback(status); });
}

void InMemorySecretStore::remove(const QString &key, QObject *context, StatusCallback callback)
{
    Status status = Done {};
    if (failing(m_failure))
        status = m_failure;
    else
        m_values.remove(key);
    deliverLater(context, [callback, status] { callback(status); });
}

} // namespace msb::secrets
