// SPDX-License-Identifier: BSD-2-Clause
#pragma once

#include "core/config/pendingsecret.h"
#include "core/config/profile.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace msb::ui::wizard {

/// An Entra ID app registration entered on the tenant page. The secret stays in memory until
/// Finish writes it to the SecretStore.
struct TenantApp
{
    config::Cloud cloud = config::Cloud::AzurePublic;
    QString tenantId;
    QString clientId;
    QString secret;
    QString authorityHostOverride;
    QString uploadHostOverride;
};

/// What the pages fill in, shared by all pages of one SetupWizard.
struct WizardState
{
    config::Profile profile;
    QString mispKey;
    QList<TenantApp> tenants;
    int currentTenant = -1; ///< index into tenants of the app new workspaces belong to
    bool addingTenant = false; ///< the tenant page starts empty for one more tenant
    QList<config::PendingSecret> importedSecrets; ///< from an import, until replaced by typed values
    QStringList importNotes;

    /// The secret of an app: typed, else imported.
    QString secretFor(const QString &tenantId, const QString &clientId) const;
    /// Everything Finish writes to the SecretStore (no duplicates; typed values win).
    QList<config::PendingSecret> secretsToWrite() const;
};

} // namespace msb::ui::wizard
