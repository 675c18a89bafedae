// SPDX-License-Identifier: BSD-2-Clause
#pragma once

#include "core/stix/stixobject.h"

#include <QHash>
#include <QList>
#include <QString>

namespace msb::convert {

/// What happened to one MISP attribute (event-level or inside an object). Every attribute gets
/// exactly one outcome: converted + dropped + errors == total for every event.
struct ItemOutcome
{
    enum class Status { Converted, Dropped, Error };
    Status status = Status::Converted;
    QString eventUuid;
    QString eventInfo;
    QString attributeUuid; ///< as in MISP (may be empty)
    QString objectUuid; ///< set for object attributes
    QString objectName;
    QString mispType;
    QString value;
    QString reason; ///< for Dropped/Error: "unsupported type X", "not to_ids", "invalid IPv4 address" ...
    QStringList stixIds; ///< for Converted: the indicator ids it fed
    QString source; ///< file / feed / page it came from
};

struct EventAccount
{
    QString eventUuid;
    QString eventInfo;
    int total = 0;
    int converted = 0;
    int dropped = 0;
    int errors = 0;
};

struct ConversionResult
{
    QList<stix::StixObject> objects; ///< indicators (and in bundle mode the other SDOs/SROs/markings)
    QList<ItemOutcome> outcomes;
    QList<EventAccount> accounts;

    /// Drops counted by reason ("unsupported type text" -> 12). Reasons with a value-specific part are
    /// grouped by their stable prefix.
    QHash<QString, int> dropsByReason() const;
    void append(ConversionResult &&other);
};

} // namespace msb::convert
