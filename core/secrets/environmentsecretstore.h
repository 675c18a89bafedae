// SPDX-License-Identifier: BSD-2-Clause
#pragma once

#include "core/secrets/secretstore.h"

#include <QProcessEnvironment>

namespace msb::secrets {

/// Read-only secrets from environment variables, for headless runs (cron, containers, CI)
/// where no keychain is available. Lookup order, first non-empty wins:
///
/// MISP key (`profile/<p>/misp-key`):
///   1. MSB_MISP_KEY_<P>   (<P> = profile name upper-cased, every non [A-Z0-9] character as `_`)
///   2. MSB_MISP_KEY
///   3. mispkey            (misp2sentinel Azure Function setting, accepted as is)
/// Client secret (`profile/<p>/tenant/<t>/client/<c>/secret`):
///   1. MSB_CLIENT_SECRET_<T>_<C>  (<T>, <C> = GUIDs upper-cased, `-` as `_`)
///   2. MSB_CLIENT_SECRET
///   3. tenants            (misp2sentinel JSON: array of {tenantId,id,secret,workspaceId}, or the old
///                          dict keyed by tenant id {"<tenant>":{"id":…,"secret":…}}), matched on tenant + client
///   4. client_secret      (misp2sentinel single-tenant setting) when client_id is unset or equals <c>
///
/// A value that still reads `@Microsoft.KeyVault(...)` is an unresolved Key Vault reference and is
/// refused with an explanation. write() and remove() fail with InvalidInput (the environment is
/// not ours to change). Values read are registered for log redaction.
class EnvironmentSecretStore final : public SecretStore
{
public:
    explicit EnvironmentSecretStore(const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment());

    void read(const QString &key, QObject *context, ReadCallback callback) override;
    void write(const QString &key, const QString &value, QObject *context, StatusCallback callback) override;
    void remove(const QString &key, QObject *context, StatusCallback callback) override;
    QString displayName() const override;

    /// Synchronous lookup used by read() (and by the CLI to decide early whether secrets are present).
    Result<QString> lookup(const QString &key) const;

    /// Variable names consulted for `key`, in order (for help texts and error messages).
    static QStringList variableNames(const QString &key);

private:
    QProcessEnvironment m_env;
};

} // namespace msb::secrets
