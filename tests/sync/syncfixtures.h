// SPDX-License-Identifier: BSD-2-Clause
#pragma once

#include "core/stix/stixobject.h"
#include "core/util/uuid5.h"

#include <QDateTime>
#include <QList>
#include <QString>

namespace msb::test {

/// A valid Sentinel-ready indicator for [ipv4-addr:value = '10.<n>'], id derived from `n`.
inline stix::StixObject makeIndicator(int n, const QString &eventUuid = QStringLiteral("ev-1"))
{
    using namespace Qt::Literals::StringLiterals;
    stix::StixObject o;
    o.type = u"indicator"_s;
    o.id = u"indicator--"_s + uuid5(kMsbUuidNamespace, u"sync-test-%1"_s.arg(n));
    o.created = QDateTime(QDate(2026, 1, 1), QTime(10, 0), Qt::UTC);
    o.modified = o.created;
    const QString ip = u"10.%1.%2.%3"_s.arg((n >> 16) & 255).arg((n >> 8) & 255).arg(n & 255);
    o.name = u"ip "_s + ip;
    o.pattern = u"[ipv4-addr:value = '%1']"_s.arg(ip);
    o.patternType = u"stix"_s;
    o.patternVersion = u"2.1"_s;
    o.validFrom = o.created;
    o.indicatorTypes = { u"malicious-activity"_s };
    o.confidence = 50;
    o.observableType = u"ipv4-addr:value"_s;
    o.observableValue = ip;
    o.eventUuid = eventUuid;
    return o;
}

inline QList<stix::StixObject> makeIndicators(
    int count, const QString &eventUuid = QStringLiteral("ev-1"), int first = 0)
{
    QList<stix::StixObject> out;
    for (int i = 0; i < count; ++i)
        out.append(makeIndicator(first + i, eventUuid));
    return out;
}

} // namespace msb::test
