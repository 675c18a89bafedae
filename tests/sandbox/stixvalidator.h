// SPDX-License-Identifier: BSD-2-Clause
#pragma once

#include <QJsonValue>
#include <QStringList>

namespace msb::sandbox {

/// Switches for the receiver-side checks where sentinel-api.md leaves behaviour [UNCONFIRMED].
struct ValidationOptions
{
    bool indicatorsOnly = false; ///< the legacy API: every object must be an indicator
    /// Types accepted besides the five documented ones (indicator, attack-pattern, threat-actor, identity,
    /// relationship). Empty: anything else is rejected.
    QStringList extraTypes;
};

/// Validates one object of an upload the way the Sentinel service answers in `errors[].errorMessages`:
/// required common and indicator properties, timestamps, `modified >= created`, `valid_until > valid_from`,
/// `confidence` 0..100, property types, STIX identifiers, and the STIX pattern syntax.
/// Messages follow the one documented form: "Error for Property=<name>: <reason>. Actual value: <value>."
/// Returns an empty list for a valid object.
QStringList validateStixObject(const QJsonValue &object, const ValidationOptions &options);

/// "Error for Property=<name>: Required property is missing. Actual value: NULL." (verbatim from the doc).
QString missingPropertyMessage(const QString &name);

} // namespace msb::sandbox
