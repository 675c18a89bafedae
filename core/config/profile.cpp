// SPDX-License-Identifier: BSD-2-Clause
#include "core/config/profile.h"

#include <QCoreApplication>
#include <QHostAddress>
#include <QRegularExpression>

using namespace Qt::Literals::StringLiterals;

namespace msb::config {

namespace {

// The context lupdate gives tr() calls in free functions of this namespace (else never translated).
QString tr(const char *text)
{
    return QCoreApplication::translate("msb::config", text);
}

const QStringList kTlps = { u"clear"_s, u"white"_s, u"green"_s, u"amber"_s, u"amber+strict"_s, u"red"_s };

bool isLoopbackHost(const QString &host)
{
    if (host.compare(u"localhost", Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

/// https always; http only to loopback (a local sandbox or MISP on this machine).
QString urlProblem(const QUrl &url)
{
    if (!url.isValid() || url.host().isEmpty())
        return tr("is not a valid URL");
    if (!url.userInfo().isEmpty())
        return tr("must not contain a user name or password (the key is stored in the keychain)");
    if (url.scheme() == u"https")
        return {};
    if (url.scheme() == u"http" && isLoopbackHost(url.host()))
        return {};
    if (url.scheme() == u"http")
        return tr("uses plain http; only https is allowed (plain http only to this machine)");
    return tr("must start with https://");
}

QString hostOverrideProblem(const QString &text)
{
    if (text.isEmpty())
        return {};
    const QUrl url(text, QUrl::StrictMode);
    if (!url.path().isEmpty() && url.path() != u"/")
        return tr("must be scheme and host only, like https://127.0.0.1:8443");
    return urlProblem(url);
}

} // namespace

bool samePolicy(const convert::ConversionPolicy &a, const convert::ConversionPolicy &b)
{
    return a.mode == b.mode && a.requireToIds == b.requireToIds && a.dropPrivateAddresses == b.dropPrivateAddresses
        && a.dropExpired == b.dropExpired && a.defaultExpiryDays == b.defaultExpiryDays
        && a.expiryDaysByType == b.expiryDaysByType && a.expiryBase == b.expiryBase
        && a.defaultConfidence == b.defaultConfidence && a.defaultTlp == b.defaultTlp
        && a.keepLocalTags == b.keepLocalTags && a.galaxiesAsLabels == b.galaxiesAsLabels
        && a.labelExcludePrefixes == b.labelExcludePrefixes && a.mispBaseUrl == b.mispBaseUrl;
}

bool operator==(const Profile &a, const Profile &b)
{
    return a.name == b.name && a.misp == b.misp && a.targets == b.targets && samePolicy(a.policy, b.policy);
}

QString cloudName(Cloud cloud)
{
    return cloud == Cloud::AzureUsGovernment ? u"azure-us-government"_s : u"azure-public"_s;
}

bool cloudFromName(const QString &name, Cloud *cloud)
{
    const QString n = name.trimmed().toLower();
    if (n == u"azure-public" || n == u"public" || n == u"azurecloud" || n == u"global") {
        *cloud = Cloud::AzurePublic;
        return true;
    }
    if (n == u"azure-us-government" || n == u"usgov" || n == u"gov" || n == u"azureusgovernment") {
        *cloud = Cloud::AzureUsGovernment;
        return true;
    }
    return false;
}

QString apiKindName(ApiKind kind)
{
    return kind == ApiKind::LegacyIndicators ? u"legacy-indicators"_s : u"stix-objects"_s;
}

bool apiKindFromName(const QString &name, ApiKind *kind)
{
    const QString n = name.trimmed().toLower();
    if (n == u"stix-objects") {
        *kind = ApiKind::StixObjects;
        return true;
    }
    if (n == u"legacy-indicators") {
        *kind = ApiKind::LegacyIndicators;
        return true;
    }
    return false;
}

bool isGuid(const QString &text)
{
    static const QRegularExpression re(u"^\\{?[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}\\}?$"_s);
    return re.match(text).hasMatch();
}

bool isValidProfileName(const QString &name)
{
    static const QRegularExpression re(u"^[A-Za-z0-9 ._-]{1,64}$"_s);
    return re.match(name).hasMatch() && name.trimmed() == name;
}

QList<ValidationIssue> validateTarget(const TargetSettings &t, int index)
{
    QList<ValidationIssue> issues;
    const QString where = t.displayName.isEmpty() ? tr("Target %1").arg(index + 1)
                                                  : tr("Target %1 (%2)").arg(index + 1).arg(t.displayName);
    auto add = [&](const QString &fieldName, const QString &problem) {
        const QString field = where + u": "_s + fieldName;
        issues.append({ field, field + u' ' + problem + u'.' });
    };
    auto guid = [&](const QString &fieldName, const QString &value) {
        if (value.isEmpty())
            add(fieldName, tr("is empty"));
        else if (!isGuid(value))
            add(fieldName, tr("\"%1\" is not a GUID (expected xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx)").arg(value));
    };
    guid(tr("tenant ID"), t.tenantId);
    guid(tr("client (application) ID"), t.clientId);
    guid(tr("workspace ID"), t.workspaceId);
    if (t.sourceSystem.trimmed().isEmpty())
        add(tr("source system"), tr("is empty"));
    if (t.filters.minimumConfidence < -1 || t.filters.minimumConfidence > 100)
        add(tr("minimum confidence"), tr("%1 is outside 0-100").arg(t.filters.minimumConfidence));
    if (!t.filters.maximumTlp.isEmpty() && !kTlps.contains(t.filters.maximumTlp.toLower()))
        add(tr("maximum TLP"), tr("\"%1\" is not one of %2").arg(t.filters.maximumTlp, kTlps.join(u", ")));
    if (const QString p = hostOverrideProblem(t.authorityHostOverride); !p.isEmpty())
        add(tr("token endpoint override"), p);
    if (const QString p = hostOverrideProblem(t.uploadHostOverride); !p.isEmpty())
        add(tr("upload endpoint override"), p);
    return issues;
}

QList<ValidationIssue> validateProfile(const Profile &profile)
{
    QList<ValidationIssue> issues;
    auto add = [&](const QString &field, const QString &problem) {
        issues.append({ field, field + u' ' + problem + u'.' });
    };
    if (!isValidProfileName(profile.name))
        add(tr("Profile name"),
            tr("\"%1\" is not allowed: use 1-64 letters, digits, spaces, '.', '_' or '-'").arg(profile.name));

    const MispSettings &m = profile.misp;
    if (m.kind == MispSettings::Kind::Server) {
        if (m.url.isEmpty())
            add(tr("MISP URL"), tr("is empty"));
        else if (const QString p = urlProblem(m.url); !p.isEmpty())
            add(tr("MISP URL"), tr("\"%1\" %2").arg(m.url.toString(QUrl::RemoveUserInfo), p));
    } else {
        if (m.url.isEmpty() && m.feedPath.isEmpty())
            add(tr("MISP feed"), tr("needs a directory or a URL"));
        else if (!m.url.isEmpty()) {
            if (const QString p = urlProblem(m.url); !p.isEmpty())
                add(tr("MISP feed URL"), tr("\"%1\" %2").arg(m.url.toString(QUrl::RemoveUserInfo), p));
        }
    }
    static const QRegularExpression hex64(u"^[0-9a-f]{64}$"_s);
    if (!m.pinnedSha256Hex.isEmpty() && !hex64.match(QString::fromLatin1(m.pinnedSha256Hex)).hasMatch())
        add(tr("MISP certificate pin"), tr("must be 64 lower-case hex digits (SHA-256)"));
    if (m.pageSize < 1 || m.pageSize > 10000)
        add(tr("MISP page size"), tr("%1 is outside 1-10000").arg(m.pageSize));
    if (m.timeoutSeconds < 1 || m.timeoutSeconds > 3600)
        add(tr("MISP timeout"), tr("%1 s is outside 1-3600 s").arg(m.timeoutSeconds));

    if (profile.targets.isEmpty())
        add(tr("Targets"), tr("list is empty: add at least one Sentinel workspace"));
    QStringList seen;
    for (int i = 0; i < profile.targets.size(); ++i) {
        const TargetSettings &t = profile.targets[i];
        issues.append(validateTarget(t, i));
        const QString key = t.tenantId.toLower() + u'/' + t.workspaceId.toLower() + u'/' + apiKindName(t.apiKind) + u'/'
            + t.sourceSystem;
        if (!t.workspaceId.isEmpty() && seen.contains(key))
            add(tr("Target %1: workspace ID").arg(i + 1),
                tr("\"%1\" is listed twice with the same API and source system").arg(t.workspaceId));
        seen.append(key);
    }

    const convert::ConversionPolicy &p = profile.policy;
    if (p.defaultConfidence < -1 || p.defaultConfidence > 100)
        add(tr("Default confidence"), tr("%1 is outside 0-100").arg(p.defaultConfidence));
    if (p.defaultExpiryDays < 0 || p.defaultExpiryDays > 3650)
        add(tr("Default expiry"), tr("%1 days is outside 0-3650").arg(p.defaultExpiryDays));
    for (auto it = p.expiryDaysByType.cbegin(); it != p.expiryDaysByType.cend(); ++it) {
        if (it.value() < 0 || it.value() > 3650)
            add(tr("Expiry for %1").arg(it.key()), tr("%1 days is outside 0-3650").arg(it.value()));
    }
    if (!p.defaultTlp.isEmpty()) {
        QString tlp = p.defaultTlp.toLower();
        if (tlp.startsWith(u"tlp:"))
            tlp = tlp.mid(4);
        if (!kTlps.contains(tlp))
            add(tr("Default TLP"), tr("\"%1\" is not one of %2").arg(p.defaultTlp, kTlps.join(u", ")));
    }
    return issues;
}

} // namespace msb::config
