// SPDX-License-Identifier: BSD-2-Clause
#pragma once

#include "core/config/import/importresult.h"
#include "core/secrets/keyvaultclient.h"
#include "core/secrets/secretstore.h"
#include "core/util/result.h"

#include <QString>

namespace msb::cli {

/// What `profiles import --key-vault` reads: misp2sentinel's Key Vault secrets, by name.
struct KeyVaultImportRequest
{
    secrets::KeyVaultSettings vault; ///< vault, cloud, tenant and client id of the reading app, overrides
    QString tenantsSecret = QStringLiteral("tenants");
    QString mispKeySecret = QStringLiteral("MISP-Key");
    QString clientSecretSecret = QStringLiteral("ClientSecret");
};

/// Reads the reading app's client secret from `store` (environment provider or keychain), then the
/// three secrets from the vault, and turns them into an ImportResult for `profileName` exactly like
/// `--tenants` does: targets from `tenants`, the MISP key and ClientSecret (for the reading app) as
/// pending secrets. A secret the vault does not have is a note; any other failure (token refused,
/// 403, TLS, vault not found) is the error. Blocks in a local event loop.
Result<config::ImportResult> importFromKeyVault(
    const KeyVaultImportRequest &request, secrets::SecretStore &store, const QString &profileName);

} // namespace msb::cli
