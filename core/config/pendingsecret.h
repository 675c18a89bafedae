// SPDX-License-Identifier: BSD-2-Clause
#pragma once

#include <QList>
#include <QString>

namespace msb::config {

/// A secret found during an import or migration, on its way into the SecretStore. Lives only in
/// memory; write it with secrets::writeSecrets() and drop it.
struct PendingSecret
{
    QString key; ///< secrets::mispKeyName() / clientSecretKeyName()
    QString value; ///< already registered for log redaction
    QString what; ///< for notes and errors: "MISP key", "client secret of app …"
};

} // namespace msb::config
