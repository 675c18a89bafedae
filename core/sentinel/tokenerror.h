// SPDX-License-Identifier: BSD-2-Clause
#pragma once

#include "core/util/result.h"

#include <QByteArray>
#include <QString>

namespace msb::sentinel {

/// Turns an Entra ID token-endpoint error (HTTP status + JSON body with `error`,
/// `error_description`, `error_codes`) into one plain sentence naming the app and tenant, e.g.
/// "the client secret is wrong or expired for app X in tenant Y". Never includes the secret.
Error describeTokenError(int httpStatus, const QByteArray &body, const QString &clientId, const QString &tenantId);

} // namespace msb::sentinel
