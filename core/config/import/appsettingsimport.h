// SPDX-License-Identifier: BSD-2-Clause
#pragma once

#include "core/config/import/importresult.h"

#include <QHash>
#include <QProcessEnvironment>

namespace msb::config {

/// Imports a misp2sentinel Azure Function's settings. Accepts what
/// `az functionapp config appsettings list` prints (a JSON array of {name, value, slotSetting}),
/// a plain {"name": "value"} object, or local.settings.json ({"Values": {...}}).
/// Recognised: tenants (see importTenantsJson), tenant_id/client_id/client_secret/workspace_id
/// (single-tenant mode), mispurl, mispkey, misp_event_filters, key_vault_name, local_mode,
/// timerTriggerSchedule; Azure platform settings are ignored with one note.
/// `@Microsoft.KeyVault(...)` values are recognised, listed in vaultReferences and explained.
ImportResult importAppSettings(const QByteArray &json, const QString &profileName);

/// The same mapping over name → value pairs (used for the JSON forms and the environment).
ImportResult importSettingsMap(const QHash<QString, QString> &settings, const QString &profileName);

/// misp2sentinel's own variables (tenants, mispurl, mispkey, …) from a process environment, for
/// headless runs that keep an Azure-Function-style configuration.
ImportResult importEnvironment(const QProcessEnvironment &environment, const QString &profileName);

} // namespace msb::config
