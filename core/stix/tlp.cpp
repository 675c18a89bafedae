// SPDX-License-Identifier: BSD-2-Clause
#include "core/stix/tlp.h"

#include <QJsonObject>
#include <QTimeZone>

namespace msb::stix {

Tlp tlpFromTag(QStringView tag)
{
    const QStringView t = tag.trimmed();
    if (!t.startsWith(u"tlp:", Qt::CaseInsensitive))
        return Tlp::None;
    const QStringView level = t.mid(4).trimmed();
    auto is = [&](const char16_t *name) { return level.compare(QStringView(name), Qt::CaseInsensitive) == 0; };
    if (is(u"clear"))
        return Tlp::Clear;
    if (is(u"white"))
        return Tlp::White;
    if (is(u"green"))
        return Tlp::Green;
    if (is(u"amber"))
        return Tlp::Amber;
    if (is(u"amber+strict"))
        return Tlp::AmberStrict;
    if (is(u"red"))
        return Tlp::Red;
    return Tlp::None;
}

QString tlpMarkingId(Tlp tlp)
{
    switch (tlp) {
    case Tlp::None:
        return {};
    case Tlp::White:
        return QStringLiteral("marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9");
    case Tlp::Green:
        return QStringLiteral("marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da");
    case Tlp::Amber:
        return QStringLiteral("marking-definition--f88d31f6-486f-44da-b317-01333bde0b82");
    case Tlp::Red:
        return QStringLiteral("marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed");
    case Tlp::Clear:
        return QStringLiteral("marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487");
    case Tlp::AmberStrict:
        return QStringLiteral("marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003");
    }
    return {};
}

int tlpRank(Tlp tlp)
{
    switch (tlp) {
    case Tlp::None:
        return 0;
    case Tlp::Clear:
    case Tlp::White:
        return 1;
    case Tlp::Green:
        return 2;
    case Tlp::Amber:
        return 3;
    case Tlp::AmberStrict:
        return 4;
    case Tlp::Red:
        return 5;
    }
    return 0;
}

QString tlpName(Tlp tlp)
{
    switch (tlp) {
    case Tlp::None:
        return {};
    case Tlp::Clear:
        return QStringLiteral("TLP:CLEAR");
    case Tlp::White:
        return QStringLiteral("TLP:WHITE");
    case Tlp::Green:
        return QStringLiteral("TLP:GREEN");
    case Tlp::Amber:
        return QStringLiteral("TLP:AMBER");
    case Tlp::AmberStrict:
        return QStringLiteral("TLP:AMBER+STRICT");
    case Tlp::Red:
        return QStringLiteral("TLP:RED");
    }
    return {};
}

StixObject tlpMarkingDefinition(Tlp tlp)
{
    StixObject o;
    o.type = QStringLiteral("marking-definition");
    o.id = tlpMarkingId(tlp);
    o.tlp = tlp;
    if (tlp == Tlp::Clear || tlp == Tlp::AmberStrict) {
        o.created = QDateTime(QDate(2022, 10, 1), QTime(0, 0), Qt::UTC);
        o.name = tlpName(tlp);
        o.extra.insert(QStringLiteral("extensions"),
            QJsonObject { { QStringLiteral("extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d"),
                QJsonObject { { QStringLiteral("extension_type"), QStringLiteral("property-extension") },
                    { QStringLiteral("tlp_2_0"),
                        tlp == Tlp::Clear ? QStringLiteral("clear") : QStringLiteral("amber+strict") } } } });
    } else {
        o.created = QDateTime(QDate(2017, 1, 20), QTime(0, 0), Qt::UTC);
        o.name = tlpName(tlp);
        o.extra.insert(QStringLiteral("definition_type"), QStringLiteral("tlp"));
        o.extra.insert(
            QStringLiteral("definition"), QJsonObject { { QStringLiteral("tlp"), o.name.mid(4).toLower() } });
    }
    return o;
}

} // namespace msb::stix
