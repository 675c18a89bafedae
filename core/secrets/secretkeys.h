// SPDX-License-Identifier: BSD-2-Clause
#pragma once

#include <QString>

namespace msb::secrets {

/// Naming scheme of the keychain entries (one entry per profile and target), stored under the
/// service name kServiceName:
///   profile/<profile>/misp-key
///   profile/<profile>/tenant/<tenantId>/client/<clientId>/secret
/// Tenant and client ids are lower-cased GUIDs, so the same app registration always maps to one
/// entry whichever spelling the user typed.
inline constexpr QStringView kServiceName = u"org.mispsentinelbridge.MispSentinelBridge";

QString mispKeyName(const QString &profile);
QString clientSecretKeyName(const QString &profile, const QString &tenantId, const QString &clientId);

/// The parts of a key built above; `kind` is "misp-key", "client-secret" or empty if unknown.
struct ParsedKey
{
    QString kind;
    QString profile;
    QString tenantId;
    QString clientId;
};
ParsedKey parseKeyName(const QString &key);

} // namespace msb::secrets
