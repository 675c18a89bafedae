// SPDX-License-Identifier: BSD-2-Clause
#pragma once

#include <QString>

namespace msb::sentinel {

/// The Azure clouds the Sentinel upload APIs exist in (China/21Vianet has no upload API: left out).
enum class Cloud { AzurePublic, AzureUsGovernment };

/// Hosts and scope of one cloud (sentinel-api.md §1.1, §2, §4.4). Plain value, no I/O.
struct CloudEndpoints
{
    QString authorityHost; ///< "https://login.microsoftonline.com"
    QString scope; ///< "https://management.azure.com/.default"
    QString stixUploadHost; ///< "https://api.ti.sentinel.azure.com"
    QString legacyUploadHost; ///< "https://sentinelus.azure-api.net"; empty if the cloud has none
};

/// The one table of cloud endpoints.
CloudEndpoints cloudEndpoints(Cloud cloud);

/// Key Vault DNS suffix of a cloud (sentinel-api.md §5): ".vault.azure.net" / ".vault.usgovcloudapi.net".
QString keyVaultDnsSuffix(Cloud cloud);
/// Client-credentials scope for Key Vault: "https://vault.azure.net/.default" (public) or
/// "https://vault.usgovcloudapi.net/.default" (US Government).
QString keyVaultScope(Cloud cloud);

/// "azure-public" / "azure-us-government" (profiles and CLI).
QString cloudName(Cloud cloud);
/// Parses cloudName() output (also "public", "usgov", "gov"); false if unknown.
bool cloudFromName(const QString &name, Cloud *cloud);

} // namespace msb::sentinel
