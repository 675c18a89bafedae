// SPDX-License-Identifier: BSD-2-Clause
#include "app/cli/keyvaultimport.h"

#include "core/config/import/tenantsimport.h"
#include "core/log/redact.h"
#include "core/secrets/secretkeys.h"

#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QTimer>

#include <optional>

using namespace Qt::Literals::StringLiterals;

namespace msb::cli {
namespace {

Result<QString> readStoreSecret(secrets::SecretStore &store, const QString &key)
{
    QObject context;
    QEventLoop loop;
    std::optional<Result<QString>> result;
    store.read(key, &context, [&](Result<QString> r) {
        result = std::move(r);
        loop.quit();
    });
    if (!result)
        loop.exec();
    return *result;
}

Result<QString> readVaultSecret(secrets::KeyVaultClient &client, const QString &name)
{
    QEventLoop loop;
    std::optional<Result<QString>> result;
    client.getSecret(name, [&](Result<QString> r) {
        result = std::move(r);
        loop.quit();
    });
    if (!result)
        loop.exec();
    return *result;
}

} // namespace

Result<config::ImportResult> importFromKeyVault(
    const KeyVaultImportRequest &request, secrets::SecretStore &store, const QString &profileName)
{
    const secrets::KeyVaultSettings &vault = request.vault;
    const QString invalid = vault.validate();
    if (!invalid.isEmpty())
        return Error { Error::Code::Configuration, invalid, 0 };

    const QString appKey = secrets::clientSecretKeyName(profileName, vault.tenantId, vault.clientId);
    const Result<QString> appSecret = readStoreSecret(store, appKey);
    if (!appSecret.ok()) {
        return Error { appSecret.error().code,
            u"the client secret of app %1 (to read Key Vault \"%2\") is missing: %3"_s.arg(
                vault.clientId, vault.name(), appSecret.error().message),
            0 };
    }
    log::registerSecret(appSecret.value());

    QNetworkAccessManager network;
    secrets::KeyVaultClient client(&network, vault, appSecret.value());

    config::ImportResult result;
    result.profile.name = profileName;
    int found = 0;
    // A secret the vault lacks is a note; anything else stops the import (the next read would fail alike).
    auto fetch = [&](const QString &name) -> Result<std::optional<QString>> {
        if (name.isEmpty())
            return std::optional<QString>();
        Result<QString> r = readVaultSecret(client, name);
        if (r.ok()) {
            ++found;
            return std::optional<QString>(r.value());
        }
        if (r.error().code == Error::Code::NotFound && r.error().httpStatus == 404
            && !r.error().message.contains(u"was not found"_s)) {
            result.notes << r.error().message;
            return std::optional<QString>();
        }
        return r.error();
    };

    const Result<std::optional<QString>> tenants = fetch(request.tenantsSecret);
    if (!tenants.ok())
        return tenants.error();
    if (tenants.value()) {
        if (!config::importTenantsJson(tenants.value()->toUtf8(), result)) {
            return Error { Error::Code::InvalidInput,
                u"the secret \"%1\" in Key Vault \"%2\" is not a misp2sentinel tenants JSON"_s.arg(
                    request.tenantsSecret, vault.name()),
                0 };
        }
        config::Cloud cloud = config::Cloud::AzurePublic;
        if (config::cloudFromName(sentinel::cloudName(vault.cloud), &cloud)) {
            for (config::TargetSettings &t : result.profile.targets)
                t.cloud = cloud;
        }
    }
    const Result<std::optional<QString>> mispKey = fetch(request.mispKeySecret);
    if (!mispKey.ok())
        return mispKey.error();
    if (mispKey.value())
        result.secrets.append({ secrets::mispKeyName(profileName), *mispKey.value(), u"MISP key"_s });
    const Result<std::optional<QString>> clientSecret = fetch(request.clientSecretSecret);
    if (!clientSecret.ok())
        return clientSecret.error();
    if (clientSecret.value()) {
        // misp2sentinel's single-tenant ClientSecret belongs to the app that reads the vault.
        result.secrets.append({ appKey, *clientSecret.value(), u"client secret of app %1"_s.arg(vault.clientId) });
    }
    if (found == 0) {
        return Error { Error::Code::NotFound,
            u"Key Vault \"%1\" has none of the secrets \"%2\", \"%3\", \"%4\""_s.arg(
                vault.name(), request.tenantsSecret, request.mispKeySecret, request.clientSecretSecret),
            404 };
    }
    return result;
}

} // namespace msb::cli
