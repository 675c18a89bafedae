// SPDX-License-Identifier: BSD-2-Clause
#pragma once

#include "core/config/import/importresult.h"

#include <QJsonValue>
#include <QMap>

namespace msb::config {

/// Top-level `name = <literal>` assignments of a Python file, read with parsePythonLiteral();
/// `name["key"] = <literal>` updates a dict assigned before. Nothing is executed: statements that
/// are not plain assignments of literals (imports, calls, if/try blocks, expressions) are skipped and
/// listed in `skipped` with the reason.
struct PythonAssignments
{
    QMap<QString, QJsonValue> values;
    QStringList skipped; ///< "line 12: misp_key = os.getenv(...) is not a plain value"
};
PythonAssignments readPythonAssignments(const QString &source);

/// Imports a misp2sentinel script-mode `config.py`: ms_auth (→ one target; client_secret → keychain),
/// misp_domain, misp_key (→ keychain), misp_event_filters, misp_event_limit_per_page, default_confidence,
/// days_to_expire, days_to_expire_start, days_to_expire_mapping, ignore_localtags, sourcesystem,
/// ms_api_version/new_upload_api (→ API kind), and explains every option that has no equivalent.
ImportResult importConfigPy(const QString &source, const QString &profileName);

} // namespace msb::config
