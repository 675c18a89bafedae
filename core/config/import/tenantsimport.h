// SPDX-License-Identifier: BSD-2-Clause
#pragma once

#include "core/config/import/importresult.h"

namespace msb::config {

/// Imports misp2sentinel's `tenants` secret: the JSON array `[{"tenantId","id","secret","workspaceId"}]`
/// (one target per entry, entries may share a tenant), or the ORIGIN layout, a dict keyed by tenant
/// id `{"<tenant>":{"id","secret"[,"workspaceId"]}}`. Targets are appended to `into.profile`
/// (named "Sentinel 1", "Sentinel 2"...), client secrets go to `into.secrets` under
/// secrets::clientSecretKeyName(into.profile.name, …). A malformed entry is skipped with a note
/// naming it; the others are still imported. Returns false only if `json` is not JSON at all.
bool importTenantsJson(const QByteArray &json, ImportResult &into);

/// Convenience: a fresh result for profile `profileName`.
ImportResult importTenants(const QByteArray &json, const QString &profileName);

} // namespace msb::config
