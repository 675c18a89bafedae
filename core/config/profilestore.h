// SPDX-License-Identifier: BSD-2-Clause
#pragma once

#include "core/config/pendingsecret.h"
#include "core/config/profile.h"
#include "core/util/result.h"

#include <QStringList>

class QSettings;

namespace msb::config {

/// Typed profiles over an injected QSettings (the app passes its INI/registry settings, tests a
/// temporary INI file). Layout, schema version 2:
///
///   General/schemaVersion = 2
///   General/defaultProfile = <name>
///   profiles/<name>/misp/{kind,url,feedPath,caFile,pinSha256,eventFilters,pageSize,timeoutSeconds}
///   profiles/<name>/targets/<i>/{displayName,cloud,tenantId,clientId,workspaceId,apiKind,sourceSystem,
///                                 minConfidence,maxTlp,includedTypes,authorityHost,uploadHost}
///   profiles/<name>/policy/{...}
///
/// No secret is ever written here: keys and client secrets live in the SecretStore.
/// Construction runs migrate(): schema 1 (0.0.x, one flat unnamed profile with the MISP key and
/// client secret in plain text) becomes profile "default"; the plain-text secrets are removed from
/// the settings and handed out through migration().secretsToMove for the caller to put into the
/// keychain. Not thread-safe; one thread owns it. The QSettings must outlive the store.
class ProfileStore final
{
public:
    static constexpr int kSchemaVersion = 2;

    struct Migration
    {
        int fromVersion = kSchemaVersion;
        QStringList notes;
        QList<PendingSecret> secretsToMove;
    };

    explicit ProfileStore(QSettings &settings);

    QStringList profileNames() const;
    bool contains(const QString &name) const;
    /// NotFound if absent; values out of range are clamped on read (and noted in the log).
    Result<Profile> load(const QString &name) const;
    /// Refuses (InvalidInput, all issues in the message, one per line) an invalid profile.
    Status save(const Profile &profile);
    void remove(const QString &name);

    QString defaultProfile() const;
    void setDefaultProfile(const QString &name);

    const Migration &migration() const { return m_migration; }
    int schemaVersion() const;

private:
    void migrate();
    void migrateFrom1();
    Status writeProfile(const Profile &profile);

    QSettings &m_settings;
    Migration m_migration;
};

} // namespace msb::config
