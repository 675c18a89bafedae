// SPDX-License-Identifier: BSD-2-Clause
#pragma once

#include <QString>
#include <QUrl>

#include <string>
#include <string_view>

namespace msb::log {

/// Remember a secret value (client secret, MISP key, token) so that every log line, error
/// message and crash note is scrubbed of it. Thread-safe. Values shorter than 4 characters are ignored.
void registerSecret(const QString &secret);
/// Forget all registered secrets (tests).
void clearRegisteredSecrets();

/// Scrubs registered secrets and well-known secret shapes: `Authorization: …` headers,
/// `Bearer …` tokens, `client_secret=…`/`secret=`/`key=`/`token=`/`sig=` form or query values,
/// JSON `"secret"`/`"client_secret"`/`"access_token"`/`"mispkey"`/`"apikey"` members.
QString redact(const QString &text);
std::string redactUtf8(std::string_view text);

/// A URL fit for a log line: no user info, secret-looking query values replaced by `***`.
QString redactUrl(const QUrl &url);

inline constexpr QStringView kRedacted = u"***";

} // namespace msb::log
