// SPDX-License-Identifier: BSD-2-Clause
#pragma once

#include "core/net/tlstrust.h"
#include "core/sentinel/cloud.h"
#include "core/stix/stixobject.h"

#include <QString>
#include <QStringList>
#include <QUrl>

namespace msb::sentinel {

/// Which Sentinel upload API a target uses (sentinel-api.md §1 and §2).
enum class ApiKind {
    StixObjects, ///< POST /workspaces/{id}/threat-intelligence-stix-objects:upload, body key "stixobjects"
    LegacyIndicators, ///< POST /{id}/threatintelligence:upload-indicators, body key "value" (indicators only)
};

/// Who shares the 100 requests/minute ceiling. The documentation says "per user" (the app), a third
/// party says per workspace; per app is the safe default because it never exceeds either reading.
enum class RateLimitScope { PerApp, PerWorkspace };

/// What a target accepts; objects failing a filter are reported as "filtered out" with the reason.
struct TargetFilters
{
    int minimumConfidence = -1; ///< -1: no minimum. Objects without confidence pass.
    stix::Tlp maximumTlp = stix::Tlp::None; ///< None: no maximum. Objects without TLP pass.
    QStringList includedObservableTypes; ///< STIX observable object types ("ipv4-addr", "file"...); empty: all
    QStringList includedIndicatorTypes; ///< STIX indicator_types ("malicious-activity"...); empty: all
};

/// One Sentinel workspace to send to. Plain value type; no secret in it: the client secret is
/// fetched through a ClientSecretProvider for (tenantId, clientId) when a token is needed.
struct Target
{
    QString displayName;
    Cloud cloud = Cloud::AzurePublic;
    QString tenantId;
    QString clientId;
    QString workspaceId;
    ApiKind apiKind = ApiKind::StixObjects;
    QString sourceSystem = QStringLiteral("MISP");
    TargetFilters filters;
    RateLimitScope rateLimitScope = RateLimitScope::PerApp;

    /// Overrides for a sandbox or proxy: "https://127.0.0.1:8443". Empty: the cloud's hosts.
    QString authorityHostOverride;
    QString uploadHostOverride;
    /// Extra trust for the overridden hosts (test CA). Verification is never disabled.
    net::TlsTrust tls;

    /// Stable identity for the ledger: cloud, tenant, workspace, API kind and source system
    /// (Sentinel keys objects by sourcesystem + id, so another source system is another target).
    QString key() const;
    /// Cache key of the token: cloud/authority, tenant, client id.
    QString tokenKey() const;
    /// Key of the shared rate-limit window.
    QString rateLimitKey() const;

    QString authorityHost() const;
    QString scope() const;
    /// {authority}/{tenant}/oauth2/v2.0/token
    QUrl tokenUrl() const;
    /// The upload URL with api-version, per API kind.
    QUrl uploadUrl() const;
    /// "name (workspace …)" for messages.
    QString describe() const;

    /// Why this target cannot be used (empty: usable): missing ids, reserved source system...
    QString validate() const;
};

} // namespace msb::sentinel
