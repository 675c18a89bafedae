// SPDX-License-Identifier: BSD-2-Clause
#include "core/misp/mispevent.h"

namespace msb::misp {

QString ParseIssue::toString() const
{
    QString where = source;
    if (!eventRef.isEmpty())
        where += QStringLiteral(", event ") + eventRef;
    if (!itemRef.isEmpty())
        where += QStringLiteral(", ") + itemRef;
    return where.isEmpty() ? message : where + QStringLiteral(": ") + message;
}

} // namespace msb::misp
