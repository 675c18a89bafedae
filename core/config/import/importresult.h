// SPDX-License-Identifier: BSD-2-Clause
#pragma once

#include "core/config/pendingsecret.h"
#include "core/config/profile.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace msb::config {

/// An `@Microsoft.KeyVault(...)` app-setting reference: Azure Functions resolves it at run time;
/// outside Azure it is only a pointer to the secret.
struct KeyVaultReference
{
    QString setting; ///< app setting that held it ("tenants", "mispkey")
    QString vaultName; ///< "kv-m2s"
    QString vaultHost; ///< "kv-m2s.vault.azure.net" (other clouds keep their suffix)
    QString secretName; ///< "tenants", "MISP-Key"
    QString version; ///< empty: latest
};

/// Parses both reference forms: `@Microsoft.KeyVault(SecretUri=https://v.vault.azure.net/secrets/n/ver)`
/// and `@Microsoft.KeyVault(VaultName=v;SecretName=n;SecretVersion=ver)`. False if `value` is not one.
bool parseKeyVaultReference(const QString &value, KeyVaultReference *reference);

/// What an import produced: a profile to review (possibly incomplete: validateProfile() says what
/// is missing), the secrets found (memory only; write them with secrets::writeSecrets), and notes
/// in plain language: what was imported, what was ignored and why. Importers never stop at the
/// first bad entry: each problem becomes a note and the rest is still imported.
struct ImportResult
{
    Profile profile;
    QList<PendingSecret> secrets;
    QList<KeyVaultReference> vaultReferences;
    QStringList notes;
};

/// Notes quote what the person wrote (URLs, setting names, schedules); a secret that also sits in
/// one of those texts must not reach the screen or the log through the note. Every importer calls
/// this last.
inline void hideSecretsInNotes(ImportResult &result)
{
    auto showsSecret = [&](const QString &note) {
        for (const PendingSecret &secret : std::as_const(result.secrets)) {
            if (secret.value.size() >= 4 && note.contains(secret.value))
                return true;
        }
        return false;
    };
    for (QString &note : result.notes) {
        for (const PendingSecret &secret : std::as_const(result.secrets)) {
            if (secret.value.size() >= 4) // as log::registerSecret: shorter values occur in ordinary words
                note.replace(secret.value, QStringLiteral("***"));
        }
        // One secret's "***" can complete another that contains "***": then the whole note goes (any
        // fixed text could itself hold a short secret; "***" cannot hold one of four characters).
        if (showsSecret(note))
            note = QStringLiteral("***");
    }
}

} // namespace msb::config
