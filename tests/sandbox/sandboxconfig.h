// SPDX-License-Identifier: BSD-2-Clause
#pragma once

#include "tests/sandbox/sandbox.h"

#include <QJsonObject>
#include <QString>

namespace msb::sandbox {

/// Applies an msb-sandbox JSON configuration to a sandbox (before start()). Secrets only ever come from here
/// (a file), never from command-line flags. Returns false with a message naming the offending key.
///
/// \code{.json}
/// {
///   "http": {"enabled": true, "port": 0},
///   "https": {"enabled": true, "port": 0, "certificate": "good"},        // good|untrusted|expired|wronghost|otherca
///   "clockScale": 1, "tokenLifetime": 3599, "seed": 1,
///   "tenants": [{"id": "<guid>", "domains": ["contoso.onmicrosoft.com"],
///                "apps": [{"clientId": "<guid>", "secrets": [{"value": "...", "expired": false}]}]}],
///   "workspaces": [{"id": "<guid>", "tenant": "<guid>", "grants": ["<clientId>"]}],
///   "rateLimit": {"enabled": true, "limit": 100, "windowMs": 60000, "key": "app|workspace",
///                 "retryAfterHeader": true, "sliding": true},
///   "sentinel": {"errorsField": "errorMessages", "overLimit": "reject|accept|truncate", "maxObjects": 100,
///                "allInvalidIs400": false, "acceptPathVariants": false, "stixCaseInsensitiveKeys": false,
///                "legacyCaseInsensitiveKeys": true, "requireJsonContentType": true,
///                "unauthorizedAccessStatus": 403, "extraTypes": []},
///   "vaults": [{"name": "kv", "tenant": "<guid>", "grants": ["<clientId>"], "secrets": {"tenants": "..."}}],
///   "faults": [{"route": "stix-upload", "kind": "status", "status": 503, "count": 3, "skip": 0,
///               "probability": 1.0, "delayMs": 0, "afterHandler": false, "retryAfter": 1}],
///   "modules": {"misp": {...}}
/// }
/// \endcode
bool applyConfig(Sandbox &sandbox, const QJsonObject &config, SandboxOptions *options, QString *error);

/// Parses one fault rule ({"route","kind",...}, kinds: none, status, delay, stall, close-after-headers,
/// close-mid-body, reset, malformed-json, html-login-page, empty-200).
bool parseFaultRule(const QJsonObject &json, FaultRule *rule, QString *error);

} // namespace msb::sandbox
