// SPDX-License-Identifier: BSD-2-Clause
#pragma once

#include <QList>
#include <QString>
#include <QStringList>
#include <QStringView>

namespace msb::convert {

/// One observable found in a MISP value, ready for a single-comparison pattern.
struct Observable
{
    QString path; ///< STIX object path, e.g. "ipv4-addr:value", "file:hashes.'SHA-256'"
    QString stixType; ///< STIX observable type, e.g. "ipv4-addr", "file" (expiry policy key)
    QString value; ///< normalised value
    QString role; ///< which part of the MISP value: "ip", "domain", "filename", "sha256", ...
    bool isAddress = false; ///< an IP address (subject to the private/reserved filter)
};

/// What a MISP attribute value maps to.
struct TypeMapping
{
    enum class Outcome { Ok, Unsupported, Invalid };
    Outcome outcome = Outcome::Unsupported;
    QList<Observable> observables; ///< Ok: the valid observables (≥ 1)
    QStringList invalidParts; ///< reasons of composite parts that were invalid (others kept)
    QString reason; ///< Unsupported/Invalid: why
    QString port; ///< ip|port / hostname|port: the port (context, not an observable)
    QString registryData; ///< regkey|value: the data (context)
    QString patternType = QStringLiteral("stix"); ///< "sigma", "snort", "suricata", "yara" for rules
    QString rule; ///< the rule text for those pattern types
    bool composite = false; ///< the MISP value had several parts
};

/// Maps a MISP attribute (type + raw value) to validated, normalised observables. Covers every type
/// misp-stix turns into an indicator; anything else is Unsupported ("unsupported type X").
/// Pure and thread-safe.
TypeMapping mapAttribute(QStringView type, const QString &value);

/// True when mapAttribute() knows the type.
bool isSupportedType(QStringView type);
bool isSupportedType(const QString &type);
/// Every supported MISP type, sorted.
QStringList supportedTypes();

/// STIX hash key for a MISP hash type: "MD5", "'SHA-256'", "SSDEEP", ... (quoted when not an identifier).
QString stixHashKey(QStringView t);

} // namespace msb::convert
