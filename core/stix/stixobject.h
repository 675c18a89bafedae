// SPDX-License-Identifier: BSD-2-Clause
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace msb::stix {

/// Traffic Light Protocol level of an object, for per-target filtering ("send at most AMBER").
enum class Tlp { None, Clear, White, Green, Amber, AmberStrict, Red };

/// One STIX 2.1 object as the pipeline carries it.
///
/// Indicators (the hot path, millions of them) are fully typed; the JSON writer serialises them
/// without building a QJsonObject. Every other kind (identity, report, grouping, marking-definition,
/// relationship, observed-data, SCOs) keeps its STIX properties in `extra` and is written from there.
/// The fields after "preview" are not STIX: they feed the preview tables, per-target filters and
/// error messages, and are never serialised.
struct StixObject
{
    QString type; ///< "indicator", "identity", "report", ...
    QString id; ///< "<type>--<uuid>"
    QDateTime created;
    QDateTime modified;
    QString createdByRef;

    // Indicator properties (type == "indicator").
    QString name;
    QString description;
    QString pattern;
    QString patternType = QStringLiteral("stix");
    QString patternVersion = QStringLiteral("2.1");
    QDateTime validFrom;
    QDateTime validUntil; ///< invalid: not set
    QStringList indicatorTypes;
    QStringList labels;
    int confidence = -1; ///< -1: not set
    QStringList objectMarkingRefs;
    struct KillChainPhase
    {
        QString killChainName;
        QString phaseName;
    };
    QList<KillChainPhase> killChainPhases;
    struct ExternalReference
    {
        QString sourceName;
        QString externalId;
        QString url;
        QString description;
    };
    QList<ExternalReference> externalReferences;
    bool revoked = false;

    /// Properties of non-indicator objects (and any custom extra property of an indicator),
    /// written after the typed ones.
    QJsonObject extra;

    // Preview / routing metadata (never serialised).
    QString observableType; ///< STIX observable path, e.g. "ipv4-addr:value", "file:hashes.'SHA-256'"
    QString observableValue; ///< normalised value inside the pattern
    QString mispType; ///< MISP attribute type it came from
    QString eventUuid;
    QString sourceUuid; ///< uuid of the MISP attribute or object it came from
    Tlp tlp = Tlp::None;
};

} // namespace msb::stix
