// SPDX-License-Identifier: BSD-2-Clause
#pragma once

#include <QDateTime>
#include <QHash>
#include <QString>
#include <QStringList>

namespace msb::convert {

enum class OutputMode {
    Sentinel, ///< one indicator per observable, single-comparison patterns (default)
    Bundle, ///< misp-stix 2026.x structure: identity, report/grouping, indicators, markings, relationships
};

enum class ExpiryBase { ValidFrom, Now };

/// Everything a user can tune about conversion. Plain value; defaults are the documented ones.
struct ConversionPolicy
{
    OutputMode mode = OutputMode::Sentinel;
    bool requireToIds = true; ///< drop attributes whose to_ids is false ("not to_ids")
    bool dropPrivateAddresses = false; ///< drop RFC 1918 / loopback / reserved addresses
    bool dropExpired = true; ///< drop indicators whose valid_until is already past
    int defaultExpiryDays = 0; ///< 0: no valid_until unless last_seen says so
    QHash<QString, int> expiryDaysByType; ///< keyed by STIX observable type ("ipv4-addr", "file", "url", ...)
    ExpiryBase expiryBase = ExpiryBase::ValidFrom;
    int defaultConfidence = -1; ///< -1: leave unset when no confidence tag
    QString defaultTlp; ///< e.g. "tlp:amber"; empty: none
    bool keepLocalTags = false;
    bool galaxiesAsLabels = true;
    QStringList labelExcludePrefixes; ///< tags starting with one of these are not copied to labels
    QString mispBaseUrl; ///< for the external reference back to the event, if known
    QDateTime now; ///< injectable clock; invalid: the real current time
};

} // namespace msb::convert
