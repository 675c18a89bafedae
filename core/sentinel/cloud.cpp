// SPDX-License-Identifier: BSD-2-Clause
#include "core/sentinel/cloud.h"

using namespace Qt::Literals::StringLiterals;

namespace msb::sentinel {

CloudEndpoints cloudEndpoints(Cloud cloud)
{
    switch (cloud) {
    case Cloud::AzureUsGovernment:
        // No legacy (sentinelus.azure-api.net) host is published for Azure Government (reference §2).
        return { u"https://login.microsoftonline.us"_s,
            u"https://management.usgovcloudapi.net/.default"_s,
            u"https://api.ti.sentinel.azure.us"_s,
            QString() };
    case Cloud::AzurePublic:
        break;
    }
    return { u"https://login.microsoftonline.com"_s,
        u"https://management.azure.com/.default"_s,
        u"https://api.ti.sentinel.azure.com"_s,
        u"https://sentinelus.azure-api.net"_s };
}

QString keyVaultDnsSuffix(Cloud cloud)
{
    return cloud == Cloud::AzureUsGovernment ? u".vault.usgovcloudapi.net"_s : u".vault.azure.net"_s;
}

QString keyVaultScope(Cloud cloud)
{
    return cloud == Cloud::AzureUsGovernment ? u"https://vault.usgovcloudapi.net/.default"_s
                                             : u"https://vault.azure.net/.default"_s;
}

QString cloudName(Cloud cloud)
{
    return cloud == Cloud::AzureUsGovernment ? u"azure-us-government"_s : u"azure-public"_s;
}

bool cloudFromName(const QString &name, Cloud *cloud)
{
    const QString n = name.trimmed().toLower();
    if (n == u"azure-public" || n == u"public" || n == u"azurecloud" || n == u"global") {
        *cloud = Cloud::AzurePublic;
        return true;
    }
    if (n == u"azure-us-government" || n == u"usgov" || n == u"gov" || n == u"azureusgovernment") {
        *cloud = Cloud::AzureUsGovernment;
        return true;
    }
    return false;
}

} // namespace msb::sentinel
