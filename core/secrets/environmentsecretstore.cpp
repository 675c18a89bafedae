// SPDX-License-Identifier: BSD-2-Clause
#include "core/secrets/environmentsecretstore.h"

#include "core/log/redact.h"
#include "core/secrets/secretkeys.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::Literals::StringLiterals;

namespace msb::secrets {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("msb::secrets::EnvironmentSecretStore", text);
}

QString envToken(const QString &text)
{
    QString out = text.toUpper();
    for (QChar &c : out) {
        if (!((c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9')))
            c = u'_';
    }
    return out;
}

bool sameId(const QString &a, const QString &b)
{
    return a.trimmed().compare(b.trimmed(), Qt::CaseInsensitive) == 0;
}

/// Finds the secret for tenant + client in misp2sentinel's `tenants` JSON (both layouts).
QString secretFromTenantsJson(const QString &json, const QString &tenantId, const QString &clientId)
{
    const QJsonDocument doc = QJsonDocument::fromJson(json.toUtf8());
    if (doc.isArray()) {
        const QJsonArray entries = doc.array();
        for (const QJsonValue &entry : entries) {
            const QJsonObject o = entry.toObject();
            if (sameId(o.value(u"tenantId").toString(), tenantId) && sameId(o.value(u"id").toString(), clientId))
                return o.value(u"secret").toString();
        }
    } else if (doc.isObject()) {
        const QJsonObject tenants = doc.object();
        for (auto it = tenants.begin(); it != tenants.end(); ++it) {
            const QJsonObject o = it.value().toObject();
            if (sameId(it.key(), tenantId) && sameId(o.value(u"id").toString(), clientId))
                return o.value(u"secret").toString();
        }
    }
    return {};
}

} // namespace

EnvironmentSecretStore::EnvironmentSecretStore(const QProcessEnvironment &environment)
    : m_env(environment)
{ }

QString EnvironmentSecretStore::displayName() const
{
    return tr("environment");
}

QStringList EnvironmentSecretStore::variableNames(const QString &key)
{
    const ParsedKey parsed = parseKeyName(key);
    if (parsed.kind == u"misp-key")
        return { u"MSB_MISP_KEY_"_s + envToken(parsed.profile), u"MSB_MISP_KEY"_s, u"mispkey"_s };
    if (parsed.kind == u"client-secret")
        return { u"MSB_CLIENT_SECRET_"_s + envToken(parsed.tenantId) + u'_' + envToken(parsed.clientId),
            u"MSB_CLIENT_SECRET"_s,
            u"tenants"_s,
            u"client_secret"_s };
    return {};
}

Result<QString> EnvironmentSecretStore::lookup(const QString &key) const
{
    const ParsedKey parsed = parseKeyName(key);
    const QStringList names = variableNames(key);
    if (names.isEmpty())
        return Error { Error::Code::InvalidInput, tr("\"%1\" is not a secret name this program uses.").arg(key) };

    for (const QString &name : names) {
        if (!m_env.contains(name))
            continue;
        QString value = m_env.value(name);
        if (name == u"tenants") {
            if (value.trimmed().startsWith(u"@Microsoft.KeyVault", Qt::CaseInsensitive))
                value = m_env.value(name).trimmed();
            else
                value = secretFromTenantsJson(value, parsed.tenantId, parsed.clientId);
        } else if (name == u"client_secret") {
            const QString clientId = m_env.value(u"client_id"_s);
            if (!clientId.isEmpty() && !sameId(clientId, parsed.clientId))
                continue;
        }
        if (value.isEmpty())
            continue;
        if (value.trimmed().startsWith(u"@Microsoft.KeyVault", Qt::CaseInsensitive)) {
            return Error { Error::Code::Configuration,
                tr("The environment variable %1 holds an unresolved Azure Key Vault reference, not the "
                   "secret itself. Outside Azure Functions nothing resolves it: put the secret value in the "
                   "variable, or import it from the vault.")
                    .arg(name) };
        }
        msb::log::registerSecret(value);
        return value;
    }
    return Error { Error::Code::NotFound,
        tr("No environment variable holds the secret \"%1\"; set one of: %2.").arg(key, names.join(u", ")) };
}

void EnvironmentSecretStore::read(const QString &key, QObject *context, ReadCallback callback)
{
    Result<QString> result = lookup(key);
    deliverLater(context, [callback, result] { callback(result); });
}

void EnvironmentSecretStore::write(const QString &key, const QString &value, QObject *context, StatusCallback callback)
{
    Q_UNUSED(value)
    Status status = Error { Error::Code::InvalidInput,
        tr("Secrets from the environment are read-only; \"%1\" was not stored. Set %2 instead.")
            .arg(key, variableNames(key).value(0)) };
    deliverLater(context, [callback, status] { callback(status); });
}

void EnvironmentSecretStore::remove(const QString &key, QObject *context, StatusCallback callback)
{
    Status status = Error { Error::Code::InvalidInput,
        tr("Secrets from the environment are read-only; \"%1\" was not removed.").arg(key) };
    deliverLater(context, [callback, status] { callback(status); });
}

} // namespace msb::secrets
