// SPDX-License-Identifier: BSD-2-Clause
#include "core/sync/targetfilter.h"

using namespace Qt::Literals::StringLiterals;

namespace msb::sync {

QString tlpName(stix::Tlp tlp)
{
    switch (tlp) {
    case stix::Tlp::None:
        return u"none"_s;
    case stix::Tlp::Clear:
        return u"TLP:CLEAR"_s;
    case stix::Tlp::White:
        return u"TLP:WHITE"_s;
    case stix::Tlp::Green:
        return u"TLP:GREEN"_s;
    case stix::Tlp::Amber:
        return u"TLP:AMBER"_s;
    case stix::Tlp::AmberStrict:
        return u"TLP:AMBER+STRICT"_s;
    case stix::Tlp::Red:
        return u"TLP:RED"_s;
    }
    return QString();
}

int tlpRank(stix::Tlp tlp)
{
    switch (tlp) {
    case stix::Tlp::None:
        return -1;
    case stix::Tlp::Clear:
    case stix::Tlp::White:
        return 0;
    case stix::Tlp::Green:
        return 1;
    case stix::Tlp::Amber:
        return 2;
    case stix::Tlp::AmberStrict:
        return 3;
    case stix::Tlp::Red:
        return 4;
    }
    return -1;
}

QString filterReason(const stix::StixObject &object, const sentinel::TargetFilters &filters, sentinel::ApiKind api)
{
    const bool indicator = object.type == u"indicator";
    if (api == sentinel::ApiKind::LegacyIndicators && !indicator)
        return u"the legacy indicators API takes indicators only, not %1"_s.arg(object.type);
    if (filters.minimumConfidence >= 0 && object.confidence >= 0 && object.confidence < filters.minimumConfidence)
        return u"confidence %1 is below the target's minimum %2"_s.arg(object.confidence)
            .arg(filters.minimumConfidence);
    if (filters.maximumTlp != stix::Tlp::None && object.tlp != stix::Tlp::None
        && tlpRank(object.tlp) > tlpRank(filters.maximumTlp))
        return u"%1 is above the target's maximum %2"_s.arg(tlpName(object.tlp), tlpName(filters.maximumTlp));
    if (!indicator)
        return QString();
    if (!filters.includedObservableTypes.isEmpty()) {
        const QString observable = object.observableType.section(u':', 0, 0);
        if (!filters.includedObservableTypes.contains(observable, Qt::CaseInsensitive))
            return u"observable type %1 is not among the target's types"_s.arg(
                observable.isEmpty() ? u"(unknown)"_s : observable);
    }
    if (!filters.includedIndicatorTypes.isEmpty()) {
        bool any = false;
        for (const QString &t : object.indicatorTypes)
            any = any || filters.includedIndicatorTypes.contains(t, Qt::CaseInsensitive);
        if (!any)
            return u"indicator types [%1] are not among the target's types"_s.arg(object.indicatorTypes.join(u", "_s));
    }
    return QString();
}

} // namespace msb::sync
