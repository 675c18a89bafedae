// SPDX-License-Identifier: BSD-2-Clause
#include "core/config/profileconversion.h"

#include <chrono>

using namespace Qt::Literals::StringLiterals;

namespace msb::config {

stix::Tlp tlpFromName(const QString &name)
{
    QString n = name.trimmed().toLower();
    if (n.startsWith(u"tlp:"))
        n = n.mid(4);
    if (n == u"clear")
        return stix::Tlp::Clear;
    if (n == u"white")
        return stix::Tlp::White;
    if (n == u"green")
        return stix::Tlp::Green;
    if (n == u"amber")
        return stix::Tlp::Amber;
    if (n == u"amber+strict")
        return stix::Tlp::AmberStrict;
    if (n == u"red")
        return stix::Tlp::Red;
    return stix::Tlp::None;
}

sentinel::Target toSentinelTarget(const TargetSettings &s)
{
    sentinel::Target t;
    t.displayName = s.displayName;
    t.cloud = s.cloud == Cloud::AzureUsGovernment ? sentinel::Cloud::AzureUsGovernment : sentinel::Cloud::AzurePublic;
    t.tenantId = s.tenantId.trimmed().toLower();
    t.clientId = s.clientId.trimmed().toLower();
    t.workspaceId = s.workspaceId.trimmed().toLower();
    t.apiKind
        = s.apiKind == ApiKind::LegacyIndicators ? sentinel::ApiKind::LegacyIndicators : sentinel::ApiKind::StixObjects;
    t.sourceSystem = s.sourceSystem;
    t.filters.minimumConfidence = s.filters.minimumConfidence;
    t.filters.maximumTlp = tlpFromName(s.filters.maximumTlp);
    t.filters.includedObservableTypes = s.filters.includedTypes;
    t.authorityHostOverride = s.authorityHostOverride;
    t.uploadHostOverride = s.uploadHostOverride;
    return t;
}

QList<sentinel::Target> toSentinelTargets(const Profile &profile)
{
    QList<sentinel::Target> out;
    out.reserve(profile.targets.size());
    for (const TargetSettings &s : profile.targets)
        out.append(toSentinelTarget(s));
    return out;
}

misp::MispConnection toMispConnection(const Profile &profile, const QString &apiKey)
{
    misp::MispConnection c;
    c.baseUrl = profile.misp.url;
    c.apiKey = apiKey;
    c.trust.caFile = profile.misp.caFile;
    c.trust.pinnedSha256Hex = profile.misp.pinnedSha256Hex;
    c.timeout = std::chrono::seconds(profile.misp.timeoutSeconds);
    c.pageSize = profile.misp.pageSize;
    return c;
}

} // namespace msb::config
