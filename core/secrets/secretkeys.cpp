// SPDX-License-Identifier: BSD-2-Clause
#include "core/secrets/secretkeys.h"

#include <QStringList>

using namespace Qt::Literals::StringLiterals;

namespace msb::secrets {

QString mispKeyName(const QString &profile)
{
    return u"profile/"_s + profile + u"/misp-key"_s;
}

QString clientSecretKeyName(const QString &profile, const QString &tenantId, const QString &clientId)
{
    return u"profile/"_s + profile + u"/tenant/"_s + tenantId.trimmed().toLower() + u"/client/"_s
        + clientId.trimmed().toLower() + u"/secret"_s;
}

ParsedKey parseKeyName(const QString &key)
{
    const QStringList parts = key.split(u'/');
    ParsedKey parsed;
    if (parts.size() == 3 && parts[0] == u"profile" && parts[2] == u"misp-key") {
        parsed.kind = u"misp-key"_s;
        parsed.profile = parts[1];
    } else if (parts.size() == 7 && parts[0] == u"profile" && parts[2] == u"tenant" && parts[4] == u"client"
        && parts[6] == u"secret") {
        parsed.kind = u"client-secret"_s;
        parsed.profile = parts[1];
        parsed.tenantId = parts[3];
        parsed.clientId = parts[5];
    }
    return parsed;
}

} // namespace msb::secrets
