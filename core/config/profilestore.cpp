// SPDX-License-Identifier: BSD-2-Clause
#include "core/config/profilestore.h"

#include "core/log/logging.h"
#include "core/log/redact.h"
#include "core/secrets/secretkeys.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSettings>

using namespace Qt::Literals::StringLiterals;

namespace msb::config {

namespace {

QString tr(const char *text, int n = -1)
{
    return QCoreApplication::translate("msb::config::ProfileStore", text, nullptr, n);
}

const QString kSchemaKey = u"General/schemaVersion"_s;
const QString kDefaultKey = u"General/defaultProfile"_s;
const QString kProfiles = u"profiles"_s;

// Lists and maps are stored as compact JSON text: QSettings' own list encoding differs between
// backends and loses the difference between an empty list and a missing one.
QString jsonList(const QStringList &list)
{
    return QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(list)).toJson(QJsonDocument::Compact));
}

QStringList fromJsonList(const QVariant &v)
{
    QStringList out;
    const QJsonArray a = QJsonDocument::fromJson(v.toString().toUtf8()).array();
    for (const QJsonValue &e : a)
        out.append(e.toString());
    return out;
}

QString jsonObject(const QJsonObject &o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

QJsonObject fromJsonObject(const QVariant &v)
{
    return QJsonDocument::fromJson(v.toString().toUtf8()).object();
}

int clamped(const QVariant &v, int fallback, int low, int high, const char *what)
{
    bool ok = false;
    const int value = v.toInt(&ok);
    if (!v.isValid() || !ok)
        return fallback;
    if (value < low || value > high) {
        msb::log::get("config")->warn(
            "setting {} = {} is outside {}..{}; using {}", what, value, low, high, std::clamp(value, low, high));
        return std::clamp(value, low, high);
    }
    return value;
}

void writePolicy(QSettings &s, const convert::ConversionPolicy &p)
{
    s.setValue(u"mode"_s, p.mode == convert::OutputMode::Bundle ? u"bundle"_s : u"sentinel"_s);
    s.setValue(u"requireToIds"_s, p.requireToIds);
    s.setValue(u"dropPrivateAddresses"_s, p.dropPrivateAddresses);
    s.setValue(u"dropExpired"_s, p.dropExpired);
    s.setValue(u"defaultExpiryDays"_s, p.defaultExpiryDays);
    QJsonObject byType;
    for (auto it = p.expiryDaysByType.cbegin(); it != p.expiryDaysByType.cend(); ++it)
        byType.insert(it.key(), it.value());
    s.setValue(u"expiryDaysByType"_s, jsonObject(byType));
    s.setValue(u"expiryBase"_s, p.expiryBase == convert::ExpiryBase::Now ? u"now"_s : u"valid_from"_s);
    s.setValue(u"defaultConfidence"_s, p.defaultConfidence);
    s.setValue(u"defaultTlp"_s, p.defaultTlp);
    s.setValue(u"keepLocalTags"_s, p.keepLocalTags);
    s.setValue(u"galaxiesAsLabels"_s, p.galaxiesAsLabels);
    s.setValue(u"labelExcludePrefixes"_s, jsonList(p.labelExcludePrefixes));
    s.setValue(u"mispBaseUrl"_s, p.mispBaseUrl);
}

convert::ConversionPolicy readPolicy(const QSettings &s)
{
    convert::ConversionPolicy p;
    p.mode = s.value(u"mode"_s).toString() == u"bundle" ? convert::OutputMode::Bundle : convert::OutputMode::Sentinel;
    p.requireToIds = s.value(u"requireToIds"_s, p.requireToIds).toBool();
    p.dropPrivateAddresses = s.value(u"dropPrivateAddresses"_s, p.dropPrivateAddresses).toBool();
    p.dropExpired = s.value(u"dropExpired"_s, p.dropExpired).toBool();
    p.defaultExpiryDays = clamped(s.value(u"defaultExpiryDays"_s), p.defaultExpiryDays, 0, 3650, "defaultExpiryDays");
    const QJsonObject byType = fromJsonObject(s.value(u"expiryDaysByType"_s));
    for (auto it = byType.begin(); it != byType.end(); ++it)
        p.expiryDaysByType.insert(it.key(), std::clamp(it.value().toInt(), 0, 3650));
    p.expiryBase
        = s.value(u"expiryBase"_s).toString() == u"now" ? convert::ExpiryBase::Now : convert::ExpiryBase::ValidFrom;
    p.defaultConfidence = clamped(s.value(u"defaultConfidence"_s), p.defaultConfidence, -1, 100, "defaultConfidence");
    p.defaultTlp = s.value(u"defaultTlp"_s).toString();
    p.keepLocalTags = s.value(u"keepLocalTags"_s, p.keepLocalTags).toBool();
    p.galaxiesAsLabels = s.value(u"galaxiesAsLabels"_s, p.galaxiesAsLabels).toBool();
    p.labelExcludePrefixes = fromJsonList(s.value(u"labelExcludePrefixes"_s));
    p.mispBaseUrl = s.value(u"mispBaseUrl"_s).toString();
    return p;
}

} // namespace

ProfileStore::ProfileStore(QSettings &settings)
    : m_settings(settings)
{
    migrate();
}

int ProfileStore::schemaVersion() const
{
    return m_settings.value(kSchemaKey, 0).toInt();
}

void ProfileStore::migrate()
{
    const int version = schemaVersion();
    m_migration.fromVersion = version;
    if (version > kSchemaVersion) {
        // A newer release wrote these settings: read what we understand, never downgrade them.
        m_migration.notes.append(tr("The settings were written by a newer version (schema %1); unknown entries "
                                    "are left untouched.")
                                     .arg(version));
        return;
    }
    if (version == 1 || (version == 0 && m_settings.contains(u"misp/url"_s))) // 0.0.x wrote no version
        migrateFrom1();
    if (version != kSchemaVersion) {
        m_settings.setValue(kSchemaKey, kSchemaVersion);
        m_settings.sync();
    }
}

void ProfileStore::migrateFrom1()
{
    Profile p;
    p.name = u"default"_s;
    p.misp.url = QUrl(m_settings.value(u"misp/url"_s).toString());
    p.misp.caFile = m_settings.value(u"misp/caFile"_s).toString();
    p.misp.eventFilters = fromJsonObject(m_settings.value(u"misp/filters"_s));
    p.misp.pageSize = clamped(m_settings.value(u"misp/pageSize"_s), 100, 1, 10000, "misp/pageSize");
    TargetSettings t;
    t.displayName = u"Sentinel"_s;
    t.tenantId = m_settings.value(u"sentinel/tenantId"_s).toString();
    t.clientId = m_settings.value(u"sentinel/clientId"_s).toString();
    t.workspaceId = m_settings.value(u"sentinel/workspaceId"_s).toString();
    if (!t.tenantId.isEmpty() || !t.workspaceId.isEmpty())
        p.targets.append(t);
    p.policy.defaultExpiryDays = clamped(m_settings.value(u"policy/daysToExpire"_s), 0, 0, 3650, "policy/daysToExpire");
    p.policy.defaultConfidence
        = clamped(m_settings.value(u"policy/defaultConfidence"_s), -1, -1, 100, "policy/defaultConfidence");

    // Plain-text secrets of schema 1 leave the settings file now; the caller moves them to the keychain.
    const QString mispKey = m_settings.value(u"misp/key"_s).toString();
    if (!mispKey.isEmpty()) {
        msb::log::registerSecret(mispKey);
        m_migration.secretsToMove.append({ secrets::mispKeyName(p.name), mispKey, tr("MISP key") });
    }
    const QString clientSecret = m_settings.value(u"sentinel/clientSecret"_s).toString();
    if (!clientSecret.isEmpty() && !t.tenantId.isEmpty()) {
        msb::log::registerSecret(clientSecret);
        m_migration.secretsToMove.append({ secrets::clientSecretKeyName(p.name, t.tenantId, t.clientId),
            clientSecret,
            tr("client secret of app %1").arg(t.clientId) });
    }
    for (const QString &group : { u"misp"_s, u"sentinel"_s, u"policy"_s })
        m_settings.remove(group);

    // Written without validation so a half-filled old profile is kept for the user to complete.
    writeProfile(p);
    const QList<ValidationIssue> issues = validateProfile(p);
    for (const ValidationIssue &issue : issues)
        m_migration.notes.append(tr("Profile \"default\" needs attention: %1").arg(issue.message));
    setDefaultProfile(p.name);
    m_migration.notes.append(tr("Settings of version 0.0 were moved to profile \"default\"."));
    if (!m_migration.secretsToMove.isEmpty())
        m_migration.notes.append(tr("%n plain-text secret(s) were removed from the settings file and must be stored "
                                    "in the keychain.",
            int(m_migration.secretsToMove.size())));
}

QStringList ProfileStore::profileNames() const
{
    m_settings.beginGroup(kProfiles);
    QStringList names = m_settings.childGroups();
    m_settings.endGroup();
    names.sort(Qt::CaseInsensitive);
    return names;
}

bool ProfileStore::contains(const QString &name) const
{
    return profileNames().contains(name);
}

Result<Profile> ProfileStore::load(const QString &name) const
{
    if (!contains(name))
        return Error { Error::Code::NotFound, tr("There is no profile named \"%1\".").arg(name) };
    Profile p;
    p.name = name;
    m_settings.beginGroup(kProfiles + u'/' + name);

    m_settings.beginGroup(u"misp"_s);
    p.misp.kind
        = m_settings.value(u"kind"_s).toString() == u"feed" ? MispSettings::Kind::Feed : MispSettings::Kind::Server;
    p.misp.url = QUrl(m_settings.value(u"url"_s).toString());
    p.misp.feedPath = m_settings.value(u"feedPath"_s).toString();
    p.misp.caFile = m_settings.value(u"caFile"_s).toString();
    p.misp.pinnedSha256Hex = m_settings.value(u"pinSha256"_s).toString().toLatin1();
    p.misp.eventFilters = fromJsonObject(m_settings.value(u"eventFilters"_s));
    p.misp.pageSize = clamped(m_settings.value(u"pageSize"_s), 100, 1, 10000, "misp/pageSize");
    p.misp.timeoutSeconds = clamped(m_settings.value(u"timeoutSeconds"_s), 60, 1, 3600, "misp/timeoutSeconds");
    m_settings.endGroup();

    const int count = m_settings.beginReadArray(u"targets"_s);
    for (int i = 0; i < count; ++i) {
        m_settings.setArrayIndex(i);
        TargetSettings t;
        t.displayName = m_settings.value(u"displayName"_s).toString();
        cloudFromName(m_settings.value(u"cloud"_s).toString(), &t.cloud);
        t.tenantId = m_settings.value(u"tenantId"_s).toString();
        t.clientId = m_settings.value(u"clientId"_s).toString();
        t.workspaceId = m_settings.value(u"workspaceId"_s).toString();
        apiKindFromName(m_settings.value(u"apiKind"_s).toString(), &t.apiKind);
        t.sourceSystem = m_settings.value(u"sourceSystem"_s, t.sourceSystem).toString();
        t.filters.minimumConfidence = clamped(m_settings.value(u"minConfidence"_s), -1, -1, 100, "minConfidence");
        t.filters.maximumTlp = m_settings.value(u"maxTlp"_s).toString();
        t.filters.includedTypes = fromJsonList(m_settings.value(u"includedTypes"_s));
        t.authorityHostOverride = m_settings.value(u"authorityHost"_s).toString();
        t.uploadHostOverride = m_settings.value(u"uploadHost"_s).toString();
        p.targets.append(t);
    }
    m_settings.endArray();

    m_settings.beginGroup(u"policy"_s);
    p.policy = readPolicy(m_settings);
    m_settings.endGroup();

    m_settings.endGroup();
    return p;
}

Status ProfileStore::save(const Profile &profile)
{
    const QList<ValidationIssue> issues = validateProfile(profile);
    if (!issues.isEmpty()) {
        QStringList lines;
        for (const ValidationIssue &issue : issues)
            lines.append(issue.message);
        return Error { Error::Code::InvalidInput,
            tr("Profile \"%1\" was not saved:\n%2").arg(profile.name, lines.join(u'\n')) };
    }
    return writeProfile(profile);
}

Status ProfileStore::writeProfile(const Profile &profile)
{
    m_settings.beginGroup(kProfiles);
    m_settings.remove(profile.name); // targets may have shrunk
    m_settings.beginGroup(profile.name);

    m_settings.beginGroup(u"misp"_s);
    m_settings.setValue(u"kind"_s, profile.misp.kind == MispSettings::Kind::Feed ? u"feed"_s : u"server"_s);
    m_settings.setValue(u"url"_s, profile.misp.url.toString(QUrl::RemoveUserInfo));
    m_settings.setValue(u"feedPath"_s, profile.misp.feedPath);
    m_settings.setValue(u"caFile"_s, profile.misp.caFile);
    m_settings.setValue(u"pinSha256"_s, QString::fromLatin1(profile.misp.pinnedSha256Hex));
    m_settings.setValue(u"eventFilters"_s, jsonObject(profile.misp.eventFilters));
    m_settings.setValue(u"pageSize"_s, profile.misp.pageSize);
    m_settings.setValue(u"timeoutSeconds"_s, profile.misp.timeoutSeconds);
    m_settings.endGroup();

    m_settings.beginWriteArray(u"targets"_s, int(profile.targets.size()));
    for (int i = 0; i < profile.targets.size(); ++i) {
        const TargetSettings &t = profile.targets[i];
        m_settings.setArrayIndex(i);
        m_settings.setValue(u"displayName"_s, t.displayName);
        m_settings.setValue(u"cloud"_s, cloudName(t.cloud));
        m_settings.setValue(u"tenantId"_s, t.tenantId);
        m_settings.setValue(u"clientId"_s, t.clientId);
        m_settings.setValue(u"workspaceId"_s, t.workspaceId);
        m_settings.setValue(u"apiKind"_s, apiKindName(t.apiKind));
        m_settings.setValue(u"sourceSystem"_s, t.sourceSystem);
        m_settings.setValue(u"minConfidence"_s, t.filters.minimumConfidence);
        m_settings.setValue(u"maxTlp"_s, t.filters.maximumTlp);
        m_settings.setValue(u"includedTypes"_s, jsonList(t.filters.includedTypes));
        m_settings.setValue(u"authorityHost"_s, t.authorityHostOverride);
        m_settings.setValue(u"uploadHost"_s, t.uploadHostOverride);
    }
    m_settings.endArray();

    m_settings.beginGroup(u"policy"_s);
    writePolicy(m_settings, profile.policy);
    m_settings.endGroup();

    m_settings.endGroup();
    m_settings.endGroup();
    m_settings.sync();
    if (m_settings.status() != QSettings::NoError)
        return Error { Error::Code::Configuration,
            tr("Profile \"%1\" could not be written to %2.").arg(profile.name, m_settings.fileName()) };
    return Done {};
}

void ProfileStore::remove(const QString &name)
{
    m_settings.beginGroup(kProfiles);
    m_settings.remove(name);
    m_settings.endGroup();
    if (defaultProfile() == name)
        m_settings.remove(kDefaultKey);
    m_settings.sync();
}

QString ProfileStore::defaultProfile() const
{
    QString name = m_settings.value(kDefaultKey).toString();
    if (!name.isEmpty() && contains(name))
        return name;
    const QStringList names = profileNames();
    return names.size() == 1 ? names.first() : QString();
}

void ProfileStore::setDefaultProfile(const QString &name)
{
    m_settings.setValue(kDefaultKey, name);
}

} // namespace msb::config
