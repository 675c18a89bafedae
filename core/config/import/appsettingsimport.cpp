// SPDX-License-Identifier: BSD-2-Clause
#include "core/config/import/appsettingsimport.h"

#include "core/config/import/tenantsimport.h"
#include "core/log/redact.h"
#include "core/secrets/secretkeys.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

using namespace Qt::Literals::StringLiterals;

namespace msb::config {

namespace {

// The context lupdate gives tr() calls in free functions of this namespace (else never translated).
QString tr(const char *text)
{
    return QCoreApplication::translate("msb::config", text);
}

bool isKeyVault(const QString &value)
{
    return value.trimmed().startsWith(u"@Microsoft.KeyVault", Qt::CaseInsensitive);
}

QString explainReference(const KeyVaultReference &r)
{
    return tr("Setting \"%1\" is a reference to secret \"%2\" in Azure Key Vault \"%3\", not the value itself: "
              "Azure Functions resolves it at run time. Import the secret's value (for example from "
              "`az keyvault secret show --vault-name %3 --name %2 --query value -o tsv`, piped into the import) "
              "or enter it in the wizard.")
        .arg(r.setting, r.secretName, r.vaultName);
}

bool isPlatformSetting(const QString &name)
{
    static const QStringList prefixes = { u"FUNCTIONS_"_s,
        u"AzureWebJobs"_s,
        u"WEBSITE"_s,
        u"APPINSIGHTS_"_s,
        u"APPLICATIONINSIGHTS_"_s,
        u"SCM_"_s,
        u"ENABLE_ORYX"_s,
        u"AzureFunctionsJobHost__"_s,
        u"PYTHON_"_s,
        u"DOCKER_"_s };
    for (const QString &p : prefixes) {
        if (name.startsWith(p, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

/// misp2sentinel reads every setting as a string; numbers and booleans keep their JSON spelling.
QString valueText(const QJsonValue &v)
{
    if (v.isString())
        return v.toString();
    if (v.isBool())
        return v.toBool() ? u"true"_s : u"false"_s;
    if (v.isDouble())
        return QString::number(v.toDouble(), 'g', 17);
    if (v.isObject())
        return QString::fromUtf8(QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
    if (v.isArray())
        return QString::fromUtf8(QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact));
    return {};
}

} // namespace

bool parseKeyVaultReference(const QString &value, KeyVaultReference *reference)
{
    static const QRegularExpression outer(
        u"^\\s*@Microsoft\\.KeyVault\\((.*)\\)\\s*$"_s, QRegularExpression::CaseInsensitiveOption);
    const auto m = outer.match(value);
    if (!m.hasMatch())
        return false;
    const QString inner = m.captured(1).trimmed();
    KeyVaultReference r;
    const QStringList parts = inner.split(u';', Qt::SkipEmptyParts);
    for (const QString &part : parts) {
        const QString name = part.section(u'=', 0, 0).trimmed();
        const QString v = part.section(u'=', 1).trimmed();
        if (name.compare(u"SecretUri", Qt::CaseInsensitive) == 0) {
            const QUrl url(v);
            r.vaultHost = url.host();
            r.vaultName = url.host().section(u'.', 0, 0);
            const QStringList path = url.path().split(u'/', Qt::SkipEmptyParts);
            if (path.size() >= 2 && path[0] == u"secrets") {
                r.secretName = path[1];
                r.version = path.value(2);
            }
        } else if (name.compare(u"VaultName", Qt::CaseInsensitive) == 0) {
            r.vaultName = v;
            r.vaultHost = v + u".vault.azure.net"_s;
        } else if (name.compare(u"SecretName", Qt::CaseInsensitive) == 0) {
            r.secretName = v;
        } else if (name.compare(u"SecretVersion", Qt::CaseInsensitive) == 0) {
            r.version = v;
        }
    }
    if (r.vaultName.isEmpty() || r.secretName.isEmpty())
        return false;
    *reference = r;
    return true;
}

ImportResult importSettingsMap(const QHash<QString, QString> &settings, const QString &profileName)
{
    ImportResult into;
    into.profile.name = profileName;
    QStringList handled;
    auto take = [&](const QString &name) {
        handled.append(name);
        return settings.value(name);
    };
    auto reference = [&](const QString &setting, const QString &value) {
        KeyVaultReference r;
        if (parseKeyVaultReference(value, &r)) {
            r.setting = setting;
            into.vaultReferences.append(r);
            into.notes.append(explainReference(r));
        } else {
            into.notes.append(tr("Setting \"%1\" looks like a Key Vault reference but could not be read; enter the "
                                 "value in the wizard.")
                                  .arg(setting));
        }
    };

    // Targets: `tenants` wins over the single-tenant variables, as in misp2sentinel.
    const QString tenants = take(u"tenants"_s);
    if (!tenants.isEmpty()) {
        if (isKeyVault(tenants))
            reference(u"tenants"_s, tenants);
        else
            importTenantsJson(tenants.toUtf8(), into);
    }
    const QString tenantId = take(u"tenant_id"_s), clientId = take(u"client_id"_s),
                  clientSecret = take(u"client_secret"_s), workspaceId = take(u"workspace_id"_s);
    if (!tenantId.isEmpty() || !workspaceId.isEmpty()) {
        if (!tenants.isEmpty()) {
            into.notes.append(tr("tenant_id/client_id/workspace_id were ignored: \"tenants\" is set and takes "
                                 "precedence, as in misp2sentinel."));
        } else {
            QJsonObject entry { { u"tenantId"_s, tenantId }, { u"id"_s, clientId }, { u"workspaceId"_s, workspaceId } };
            if (!clientSecret.isEmpty() && !isKeyVault(clientSecret))
                entry.insert(u"secret"_s, clientSecret);
            importTenantsJson(QJsonDocument(QJsonArray { entry }).toJson(), into);
            if (isKeyVault(clientSecret))
                reference(u"client_secret"_s, clientSecret);
        }
    }

    const QString mispUrl = take(u"mispurl"_s);
    if (!mispUrl.isEmpty()) {
        into.profile.misp.url = QUrl(mispUrl.trimmed());
        into.notes.append(tr("MISP URL: %1.").arg(into.profile.misp.url.toString(QUrl::RemoveUserInfo)));
    } else {
        into.notes.append(tr("No mispurl setting: enter the MISP URL."));
    }
    const QString mispKey = take(u"mispkey"_s);
    if (isKeyVault(mispKey)) {
        reference(u"mispkey"_s, mispKey);
    } else if (!mispKey.isEmpty()) {
        msb::log::registerSecret(mispKey);
        into.secrets.append({ secrets::mispKeyName(profileName), mispKey, tr("MISP key") });
        into.notes.append(tr("The MISP key goes to the keychain."));
    }

    const QString vault = take(u"key_vault_name"_s);
    if (!vault.isEmpty()) {
        into.notes.append(tr("key_vault_name is \"%1\": misp2sentinel reads the secrets \"MISP-Key\" and "
                             "\"ClientSecret\" from that vault. Import their values or enter them in the wizard.")
                              .arg(vault));
        for (const QString &secretName : { u"MISP-Key"_s, u"ClientSecret"_s })
            into.vaultReferences.append({ u"key_vault_name"_s, vault, vault + u".vault.azure.net"_s, secretName, {} });
    }

    const QString filters = take(u"misp_event_filters"_s);
    if (!filters.isEmpty()) {
        QJsonParseError e {};
        const QJsonDocument doc = QJsonDocument::fromJson(filters.toUtf8(), &e);
        if (e.error == QJsonParseError::NoError && doc.isObject()) {
            into.profile.misp.eventFilters = doc.object();
            into.notes.append(
                tr("MISP event filters imported: %1.").arg(QString::fromUtf8(doc.toJson(QJsonDocument::Compact))));
        } else {
            into.notes.append(tr("misp_event_filters is not a JSON object (%1); the default filters are used.")
                                  .arg(e.error == QJsonParseError::NoError ? tr("wrong type") : e.errorString()));
        }
    }

    if (settings.contains(u"local_mode"_s)) {
        take(u"local_mode"_s);
        into.notes.append(tr("local_mode was ignored: in misp2sentinel it switched TLS verification of MISP off. "
                             "Here verification is always on; if MISP uses a private CA, choose its CA file or pin "
                             "its certificate."));
    }
    const QString schedule = take(u"timerTriggerSchedule"_s);
    if (!schedule.isEmpty())
        into.notes.append(tr("timerTriggerSchedule \"%1\" was not imported: schedule runs with the systemd timer or "
                             "cron job of the installer.")
                              .arg(schedule));

    QStringList platform, unknown;
    for (auto it = settings.cbegin(); it != settings.cend(); ++it) {
        if (handled.contains(it.key()))
            continue;
        (isPlatformSetting(it.key()) ? platform : unknown).append(it.key());
    }
    platform.sort();
    unknown.sort();
    if (!platform.isEmpty())
        into.notes.append(
            tr("Azure platform settings ignored (they configure the Function host): %1.").arg(platform.join(u", ")));
    if (!unknown.isEmpty())
        into.notes.append(tr("Settings not used by misp2sentinel, ignored: %1.").arg(unknown.join(u", ")));

    // The Function app resolves every target against the same MISP key and URL; keep the policy defaults
    // of the Azure Function's hard-coded config.py (misp2sentinel-notes §1c).
    into.profile.policy.defaultExpiryDays = 30;
    into.profile.policy.expiryBase = convert::ExpiryBase::Now;
    into.profile.policy.expiryDaysByType
        = { { u"ipv4-addr"_s, 180 }, { u"ipv6-addr"_s, 180 }, { u"domain-name"_s, 300 }, { u"url"_s, 400 } };
    into.notes.append(tr("Expiry set to the Azure Function's built-in values: 30 days from now; IP addresses 180, "
                         "domains 300, URLs 400 days."));
    hideSecretsInNotes(into);
    return into;
}

ImportResult importAppSettings(const QByteArray &json, const QString &profileName)
{
    QJsonParseError e {};
    const QJsonDocument doc = QJsonDocument::fromJson(json, &e);
    QHash<QString, QString> map;
    QStringList problems;
    if (e.error != QJsonParseError::NoError) {
        ImportResult bad;
        bad.profile.name = profileName;
        bad.notes.append(tr("The app settings are not valid JSON (%1 at character %2); nothing was imported.")
                             .arg(e.errorString())
                             .arg(e.offset));
        return bad;
    }
    if (doc.isArray()) {
        const QJsonArray entries = doc.array();
        for (int i = 0; i < entries.size(); ++i) {
            const QJsonObject o = entries[i].toObject();
            const QString name = o.value(u"name").toString();
            if (name.isEmpty()) {
                problems.append(tr("App setting %1 was skipped: it has no name.").arg(i + 1));
                continue;
            }
            const QJsonValue v = o.value(u"value");
            map.insert(name, valueText(v));
        }
    } else {
        QJsonObject o = doc.object();
        if (o.value(u"Values").isObject())
            o = o.value(u"Values").toObject();
        for (auto it = o.begin(); it != o.end(); ++it)
            map.insert(it.key(), valueText(it.value()));
    }
    ImportResult result = importSettingsMap(map, profileName);
    result.notes = problems + result.notes;
    hideSecretsInNotes(result);
    return result;
}

ImportResult importEnvironment(const QProcessEnvironment &environment, const QString &profileName)
{
    QHash<QString, QString> map;
    for (const QString &name : { u"tenants"_s,
             u"tenant_id"_s,
             u"client_id"_s,
             u"client_secret"_s,
             u"workspace_id"_s,
             u"mispurl"_s,
             u"mispkey"_s,
             u"misp_event_filters"_s,
             u"key_vault_name"_s,
             u"local_mode"_s }) {
        if (environment.contains(name))
            map.insert(name, environment.value(name));
    }
    return importSettingsMap(map, profileName);
}

} // namespace msb::config
