// SPDX-License-Identifier: BSD-2-Clause
#pragma once

#include "core/util/result.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace msb::sentinel {

/// Turns an Entra ID token-endpoint error (HTTP status + JSON body with `error`,
/// `error_description`, `error_codes`) into one plain sentence naming the app and tenant, e.g.
/// "the client secret is wrong or expired for app X in tenant Y". Never includes the secret.
Error describeTokenError(int httpStatus, const QByteArray &body, const QString &clientId, const QString &tenantId);

/// A successful token-endpoint answer.
struct TokenAnswer
{
    QString accessToken;
    qint64 expiresInSeconds = 0; ///< clamped to 1 s .. 24 h whatever the server wrote
};

/// Reads a 200 body of the token endpoint (`access_token`, `expires_in` as number or numeric
/// string); nullopt when it is not that shape. Pure function, for the provider and the fuzzer.
std::optional<TokenAnswer> readTokenAnswer(const QByteArray &body);

} // namespace msb::sentinel
