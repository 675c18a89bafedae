// SPDX-License-Identifier: BSD-2-Clause
#include "core/sentinel/clientsecretprovider.h"

#include "core/log/redact.h"

using namespace Qt::Literals::StringLiterals;

namespace msb::sentinel {

namespace {
QString secretKey(const QString &tenantId, const QString &clientId)
{
    return tenantId.toLower() % u'|' % clientId.toLower();
}
} // namespace

void StaticSecretProvider::setSecret(const QString &tenantId, const QString &clientId, const QString &secret)
{
    log::registerSecret(secret);
    const QMutexLocker lock(&m_mutex);
    m_secrets.insert(secretKey(tenantId, clientId), secret);
}

void StaticSecretProvider::requestSecret(const QString &tenantId, const QString &clientId, Callback callback)
{
    QString secret;
    {
        const QMutexLocker lock(&m_mutex);
        secret = m_secrets.value(secretKey(tenantId, clientId));
    }
    if (secret.isEmpty()) {
        callback(Error { Error::Code::NotFound,
            u"no client secret is stored for app %1 in tenant %2"_s.arg(clientId, tenantId),
            0 });
        return;
    }
    callback(secret);
}

} // namespace msb::sentinel
