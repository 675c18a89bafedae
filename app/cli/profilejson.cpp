// SPDX-License-Identifier: BSD-2-Clause
#include "app/cli/profilejson.h"

#include <QJsonArray>

using namespace Qt::Literals::StringLiterals;

namespace msb::cli {

namespace {

QJsonObject policyToJson(const convert::ConversionPolicy &p)
{
    QJsonObject expiry;
    for (auto it = p.expiryDaysByType.cbegin(); it != p.expiryDaysByType.cend(); ++it)
        expiry.insert(it.key(), it.value());
    return QJsonObject {
        { u"mode"_s, p.mode == convert::OutputMode::Bundle ? u"bundle"_s : u"sentinel"_s },
        { u"requireToIds"_s, p.requireToIds },
        { u"dropPrivateAddresses"_s, p.dropPrivateAddresses },
        { u"dropExpired"_s, p.dropExpired },
        { u"defaultExpiryDays"_s, p.defaultExpiryDays },
        { u"expiryDaysByType"_s, expiry },
        { u"expiryBase"_s, p.expiryBase == convert::ExpiryBase::Now ? u"now"_s : u"valid_from"_s },
        { u"defaultConfidence"_s, p.defaultConfidence },
        { u"defaultTlp"_s, p.defaultTlp },
        { u"keepLocalTags"_s, p.keepLocalTags },
        { u"galaxiesAsLabels"_s, p.galaxiesAsLabels },
        { u"labelExcludePrefixes"_s, QJsonArray::fromStringList(p.labelExcludePrefixes) },
    };
}

/// Reads members with type checks; the first wrong type is remembered and reported.
class Reader
{
public:
    Reader(const QJsonObject &o, QString where)
        : m_o(o)
        , m_where(std::move(where))
    { }
    QString string(const QString &key, const QString &def, QString *error) const
    {
        const QJsonValue v = m_o.value(key);
        if (v.isUndefined() || v.isNull())
            return def;
        if (!v.isString() && error->isEmpty())
            *error = u"%1.%2 must be a string"_s.arg(m_where, key);
        return v.toString(def);
    }
    int integer(const QString &key, int def, QString *error) const
    {
        const QJsonValue v = m_o.value(key);
        if (v.isUndefined() || v.isNull())
            return def;
        if (!v.isDouble() && error->isEmpty())
            *error = u"%1.%2 must be a number"_s.arg(m_where, key);
        return v.toInt(def);
    }
    bool boolean(const QString &key, bool def, QString *error) const
    {
        const QJsonValue v = m_o.value(key);
        if (v.isUndefined() || v.isNull())
            return def;
        if (!v.isBool() && error->isEmpty())
            *error = u"%1.%2 must be true or false"_s.arg(m_where, key);
        return v.toBool(def);
    }
    QStringList strings(const QString &key, QString *error) const
    {
        const QJsonValue v = m_o.value(key);
        if (v.isUndefined() || v.isNull())
            return {};
        if (!v.isArray() && error->isEmpty())
            *error = u"%1.%2 must be an array of strings"_s.arg(m_where, key);
        QStringList out;
        const QJsonArray array = v.toArray();
        for (const QJsonValue &item : array)
            out << item.toString();
        return out;
    }
    QJsonObject object(const QString &key, QString *error) const
    {
        const QJsonValue v = m_o.value(key);
        if (!v.isUndefined() && !v.isNull() && !v.isObject() && error->isEmpty())
            *error = u"%1.%2 must be an object"_s.arg(m_where, key);
        return v.toObject();
    }

private:
    QJsonObject m_o;
    QString m_where;
};

} // namespace

QJsonObject profileToJson(const config::Profile &profile)
{
    const config::MispSettings &m = profile.misp;
    QJsonObject misp {
        { u"kind"_s, m.kind == config::MispSettings::Kind::Feed ? u"feed"_s : u"server"_s },
        { u"url"_s, m.url.toString() },
        { u"feedPath"_s, m.feedPath },
        { u"caFile"_s, m.caFile },
        { u"pinSha256"_s, QString::fromLatin1(m.pinnedSha256Hex) },
        { u"eventFilters"_s, m.eventFilters },
        { u"pageSize"_s, m.pageSize },
        { u"timeoutSeconds"_s, m.timeoutSeconds },
    };
    QJsonArray targets;
    for (const config::TargetSettings &t : profile.targets) {
        targets.append(QJsonObject {
            { u"displayName"_s, t.displayName },
            { u"cloud"_s, config::cloudName(t.cloud) },
            { u"tenantId"_s, t.tenantId },
            { u"clientId"_s, t.clientId },
            { u"workspaceId"_s, t.workspaceId },
            { u"apiKind"_s, config::apiKindName(t.apiKind) },
            { u"sourceSystem"_s, t.sourceSystem },
            { u"minimumConfidence"_s, t.filters.minimumConfidence },
            { u"maximumTlp"_s, t.filters.maximumTlp },
            { u"includedTypes"_s, QJsonArray::fromStringList(t.filters.includedTypes) },
            { u"authorityHost"_s, t.authorityHostOverride },
            { u"uploadHost"_s, t.uploadHostOverride },
        });
    }
    return QJsonObject {
        { u"name"_s, profile.name },
        { u"misp"_s, misp },
        { u"targets"_s, targets },
        { u"policy"_s, policyToJson(profile.policy) },
    };
}

Result<config::Profile> profileFromJson(const QJsonObject &json)
{
    QString error;
    config::Profile p;
    const Reader top(json, u"profile"_s);
    p.name = top.string(u"name"_s, {}, &error);

    const Reader misp(top.object(u"misp"_s, &error), u"misp"_s);
    p.misp.kind = misp.string(u"kind"_s, u"server"_s, &error) == u"feed"_s ? config::MispSettings::Kind::Feed
                                                                           : config::MispSettings::Kind::Server;
    p.misp.url = QUrl(misp.string(u"url"_s, {}, &error));
    p.misp.feedPath = misp.string(u"feedPath"_s, {}, &error);
    p.misp.caFile = misp.string(u"caFile"_s, {}, &error);
    p.misp.pinnedSha256Hex = misp.string(u"pinSha256"_s, {}, &error).toLatin1();
    p.misp.eventFilters = misp.object(u"eventFilters"_s, &error);
    p.misp.pageSize = misp.integer(u"pageSize"_s, p.misp.pageSize, &error);
    p.misp.timeoutSeconds = misp.integer(u"timeoutSeconds"_s, p.misp.timeoutSeconds, &error);

    const QJsonValue targetsValue = json.value(u"targets"_s);
    if (!targetsValue.isUndefined() && !targetsValue.isArray() && error.isEmpty())
        error = u"profile.targets must be an array"_s;
    const QJsonArray targets = targetsValue.toArray();
    for (qsizetype i = 0; i < targets.size(); ++i) {
        const Reader r(targets.at(i).toObject(), u"targets[%1]"_s.arg(i));
        config::TargetSettings t;
        t.displayName = r.string(u"displayName"_s, {}, &error);
        if (!config::cloudFromName(r.string(u"cloud"_s, u"azure-public"_s, &error), &t.cloud) && error.isEmpty())
            error = u"targets[%1].cloud is not azure-public or azure-us-government"_s.arg(i);
        t.tenantId = r.string(u"tenantId"_s, {}, &error);
        t.clientId = r.string(u"clientId"_s, {}, &error);
        t.workspaceId = r.string(u"workspaceId"_s, {}, &error);
        if (!config::apiKindFromName(r.string(u"apiKind"_s, u"stix-objects"_s, &error), &t.apiKind) && error.isEmpty())
            error = u"targets[%1].apiKind is not stix-objects or legacy-indicators"_s.arg(i);
        t.sourceSystem = r.string(u"sourceSystem"_s, t.sourceSystem, &error);
        t.filters.minimumConfidence = r.integer(u"minimumConfidence"_s, -1, &error);
        t.filters.maximumTlp = r.string(u"maximumTlp"_s, {}, &error);
        t.filters.includedTypes = r.strings(u"includedTypes"_s, &error);
        t.authorityHostOverride = r.string(u"authorityHost"_s, {}, &error);
        t.uploadHostOverride = r.string(u"uploadHost"_s, {}, &error);
        p.targets << t;
    }

    const Reader pol(top.object(u"policy"_s, &error), u"policy"_s);
    convert::ConversionPolicy &c = p.policy;
    c.mode = pol.string(u"mode"_s, u"sentinel"_s, &error) == u"bundle"_s ? convert::OutputMode::Bundle
                                                                         : convert::OutputMode::Sentinel;
    c.requireToIds = pol.boolean(u"requireToIds"_s, c.requireToIds, &error);
    c.dropPrivateAddresses = pol.boolean(u"dropPrivateAddresses"_s, c.dropPrivateAddresses, &error);
    c.dropExpired = pol.boolean(u"dropExpired"_s, c.dropExpired, &error);
    c.defaultExpiryDays = pol.integer(u"defaultExpiryDays"_s, c.defaultExpiryDays, &error);
    const QJsonObject expiry = pol.object(u"expiryDaysByType"_s, &error);
    for (auto it = expiry.begin(); it != expiry.end(); ++it)
        c.expiryDaysByType.insert(it.key(), it.value().toInt());
    c.expiryBase = pol.string(u"expiryBase"_s, u"valid_from"_s, &error) == u"now"_s ? convert::ExpiryBase::Now
                                                                                    : convert::ExpiryBase::ValidFrom;
    c.defaultConfidence = pol.integer(u"defaultConfidence"_s, c.defaultConfidence, &error);
    c.defaultTlp = pol.string(u"defaultTlp"_s, c.defaultTlp, &error);
    c.keepLocalTags = pol.boolean(u"keepLocalTags"_s, c.keepLocalTags, &error);
    c.galaxiesAsLabels = pol.boolean(u"galaxiesAsLabels"_s, c.galaxiesAsLabels, &error);
    c.labelExcludePrefixes = pol.strings(u"labelExcludePrefixes"_s, &error);

    if (!error.isEmpty())
        return Error { Error::Code::InvalidInput, error + u'.' };
    return p;
}

} // namespace msb::cli
