// SPDX-License-Identifier: BSD-2-Clause
#include "core/config/import/tenantsimport.h"

#include "core/log/redact.h"
#include "core/secrets/secretkeys.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::Literals::StringLiterals;

namespace msb::config {

namespace {

// The context lupdate gives tr() calls in free functions of this namespace (else never translated).
QString tr(const char *text, int n = -1)
{
    return QCoreApplication::translate("msb::config", text, nullptr, n);
}

QString lowerGuid(const QString &text)
{
    QString t = text.trimmed().toLower();
    if (t.startsWith(u'{') && t.endsWith(u'}'))
        t = t.mid(1, t.size() - 2);
    return t;
}

void addEntry(const QJsonObject &o, const QString &tenantFromKey, const QString &where, ImportResult &into)
{
    const QString tenantId = lowerGuid(tenantFromKey.isEmpty() ? o.value(u"tenantId").toString() : tenantFromKey);
    const QString clientId = lowerGuid(o.value(u"id").toString(o.value(u"clientId").toString()));
    const QString workspaceId = lowerGuid(o.value(u"workspaceId").toString());
    const QString secret = o.value(u"secret").toString();

    QStringList problems;
    if (!isGuid(tenantId))
        problems.append(
            tenantId.isEmpty() ? tr("tenantId is missing") : tr("tenantId \"%1\" is not a GUID").arg(tenantId));
    if (!isGuid(clientId))
        problems.append(clientId.isEmpty() ? tr("id (the app's client id) is missing")
                                           : tr("id \"%1\" is not a GUID").arg(clientId));
    if (!problems.isEmpty()) {
        into.notes.append(tr("%1 was skipped: %2.").arg(where, problems.join(u"; ")));
        return;
    }

    TargetSettings t;
    t.displayName = tr("Sentinel %1").arg(into.profile.targets.size() + 1);
    t.tenantId = tenantId;
    t.clientId = clientId;
    t.workspaceId = workspaceId;
    into.profile.targets.append(t);

    QString note
        = tr("%1: imported workspace %2 of tenant %3 (app %4) as \"%5\".")
              .arg(where, workspaceId.isEmpty() ? tr("(none)") : workspaceId, tenantId, clientId, t.displayName);
    if (workspaceId.isEmpty())
        note += u' ' + tr("It has no workspaceId (the old layout had none): enter the workspace ID before syncing.");
    else if (!isGuid(workspaceId))
        note += u' ' + tr("Its workspaceId is not a GUID: correct it before syncing.");

    if (secret.trimmed().startsWith(u"@Microsoft.KeyVault", Qt::CaseInsensitive)) {
        note += u' ' + tr("Its secret is an unresolved Key Vault reference: enter the client secret.");
    } else if (secret.isEmpty()) {
        note += u' ' + tr("It has no secret: enter the client secret.");
    } else {
        msb::log::registerSecret(secret);
        const QString key = secrets::clientSecretKeyName(into.profile.name, tenantId, clientId);
        bool duplicate = false;
        for (const PendingSecret &s : std::as_const(into.secrets)) {
            if (s.key == key) {
                duplicate = true;
                if (s.value != secret)
                    note += u' '
                        + tr("Another entry gave a different secret for the same app and tenant; the first "
                             "one is kept.");
            }
        }
        if (!duplicate)
            into.secrets.append({ key, secret, tr("client secret of app %1 in tenant %2").arg(clientId, tenantId) });
        note += u' ' + tr("Its client secret goes to the keychain.");
    }
    into.notes.append(note);
}

} // namespace

bool importTenantsJson(const QByteArray &json, ImportResult &into)
{
    QJsonParseError parseError {};
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        // The parser's message quotes no input, so no secret can leak through it.
        into.notes.append(tr("The tenants value is not valid JSON (%1 at character %2); nothing was imported from it.")
                              .arg(parseError.errorString())
                              .arg(parseError.offset));
        return false;
    }
    if (doc.isArray()) {
        const QJsonArray entries = doc.array();
        if (entries.isEmpty())
            into.notes.append(tr("The tenants list is empty."));
        for (int i = 0; i < entries.size(); ++i) {
            const QString where = tr("Tenants entry %1").arg(i + 1);
            if (!entries[i].isObject()) {
                into.notes.append(tr("%1 was skipped: it is not an object.").arg(where));
                continue;
            }
            addEntry(entries[i].toObject(), {}, where, into);
        }
    } else if (doc.isObject()) {
        const QJsonObject dict = doc.object();
        into.notes.append(tr("The tenants value uses the old layout (a dict keyed by tenant id)."));
        for (auto it = dict.begin(); it != dict.end(); ++it) {
            const QString where = tr("Tenants entry \"%1\"").arg(it.key());
            if (!it.value().isObject()) {
                into.notes.append(tr("%1 was skipped: it is not an object.").arg(where));
                continue;
            }
            addEntry(it.value().toObject(), it.key(), where, into);
        }
    } else {
        into.notes.append(tr("The tenants value is neither a list nor a dict; nothing was imported from it."));
        return false;
    }
    return true;
}

ImportResult importTenants(const QByteArray &json, const QString &profileName)
{
    ImportResult result;
    result.profile.name = profileName;
    importTenantsJson(json, result);
    hideSecretsInNotes(result);
    return result;
}

} // namespace msb::config
