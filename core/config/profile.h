// SPDX-License-Identifier: BSD-2-Clause
#pragma once

#include "core/convert/conversionpolicy.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUrl>

namespace msb::config {

/// Azure cloud of a target; names in settings: "azure-public", "azure-us-government".
enum class Cloud { AzurePublic, AzureUsGovernment };
/// Sentinel upload API: the STIX objects API (current) or the legacy upload-indicators API.
enum class ApiKind { StixObjects, LegacyIndicators };

/// What a target accepts (sentinel::TargetFilters in value form).
struct TargetFilters
{
    int minimumConfidence = -1; ///< -1: no minimum
    QString maximumTlp; ///< "clear", "green", "amber", "amber+strict", "red"; empty: no maximum
    QStringList includedTypes; ///< STIX observable types; empty: all
    bool operator==(const TargetFilters &) const = default;
};

/// One Sentinel workspace of a profile. No secret: the client secret lives in the SecretStore
/// under secrets::clientSecretKeyName(profile, tenantId, clientId).
struct TargetSettings
{
    QString displayName;
    Cloud cloud = Cloud::AzurePublic;
    QString tenantId;
    QString clientId;
    QString workspaceId;
    ApiKind apiKind = ApiKind::StixObjects;
    QString sourceSystem = QStringLiteral("MISP");
    TargetFilters filters;
    QString authorityHostOverride; ///< sandbox/proxy, e.g. "https://127.0.0.1:8443"; empty: the cloud's
    QString uploadHostOverride;
    bool operator==(const TargetSettings &) const = default;
};

/// Where indicators come from: a MISP server (URL + key in the SecretStore) or a MISP feed
/// (directory path or URL, no key).
struct MispSettings
{
    enum class Kind { Server, Feed };
    Kind kind = Kind::Server;
    QUrl url; ///< server base URL, or feed URL
    QString feedPath; ///< local feed directory (Kind::Feed without url)
    QString caFile; ///< extra CA PEM; empty: system store
    QByteArray pinnedSha256Hex; ///< accepted server certificate; empty: none
    QJsonObject eventFilters; ///< misp2sentinel `misp_event_filters` (restSearch arguments)
    int pageSize = 100; ///< events per restSearch page, 1..10000
    int timeoutSeconds = 60; ///< per request, 1..3600
    bool operator==(const MispSettings &) const = default;
};

/// A named set-up: one source, its targets and the conversion policy.
struct Profile
{
    QString name;
    MispSettings misp;
    QList<TargetSettings> targets;
    convert::ConversionPolicy policy;
};

bool samePolicy(const convert::ConversionPolicy &a, const convert::ConversionPolicy &b);
bool operator==(const Profile &a, const Profile &b);

QString cloudName(Cloud cloud);
bool cloudFromName(const QString &name, Cloud *cloud);
QString apiKindName(ApiKind kind);
bool apiKindFromName(const QString &name, ApiKind *kind);

/// A field-level problem. `field` is a path a person can find ("Target 2 (Prod): workspace ID").
struct ValidationIssue
{
    QString field;
    QString message; ///< full sentence, names the field and the reason
};

/// Checks everything a sync needs: name, URLs (https, or http only to loopback), GUIDs, ranges,
/// filters. Empty list: valid. Messages never contain secrets (the profile holds none).
QList<ValidationIssue> validateProfile(const Profile &profile);
/// One target (index is 0-based, shown 1-based in messages).
QList<ValidationIssue> validateTarget(const TargetSettings &target, int index);

bool isGuid(const QString &text);
/// Names allowed for profiles: 1-64 characters of letters, digits, space, '.', '_' and '-'.
bool isValidProfileName(const QString &name);

} // namespace msb::config
