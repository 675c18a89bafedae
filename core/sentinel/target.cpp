// SPDX-License-Identifier: BSD-2-Clause
#include "core/sentinel/target.h"

#include "core/util/uuid5.h"

using namespace Qt::Literals::StringLiterals;

namespace msb::sentinel {

namespace {
QString trimSlash(QString s)
{
    while (s.endsWith(u'/'))
        s.chop(1);
    return s;
}
} // namespace

QString Target::key() const
{
    return cloudName(cloud) % u'|' % tenantId.toLower() % u'|' % workspaceId.toLower() % u'|'
        % (apiKind == ApiKind::StixObjects ? u"stix"_s : u"legacy"_s) % u'|' % sourceSystem;
}

QString Target::tokenKey() const
{
    return authorityHost() % u'|' % tenantId.toLower() % u'|' % clientId.toLower();
}

QString Target::rateLimitKey() const
{
    if (rateLimitScope == RateLimitScope::PerWorkspace)
        return u"ws|"_s % uploadHostOverride % u'|' % workspaceId.toLower();
    return u"app|"_s % tokenKey();
}

QString Target::authorityHost() const
{
    return trimSlash(authorityHostOverride.isEmpty() ? cloudEndpoints(cloud).authorityHost : authorityHostOverride);
}

QString Target::scope() const
{
    return cloudEndpoints(cloud).scope;
}

QUrl Target::tokenUrl() const
{
    return QUrl(
        authorityHost() % u'/' % QString::fromLatin1(QUrl::toPercentEncoding(tenantId)) % u"/oauth2/v2.0/token"_s);
}

QUrl Target::uploadUrl() const
{
    const CloudEndpoints ep = cloudEndpoints(cloud);
    const QString ws = QString::fromLatin1(QUrl::toPercentEncoding(workspaceId));
    if (apiKind == ApiKind::LegacyIndicators) {
        const QString host = trimSlash(uploadHostOverride.isEmpty() ? ep.legacyUploadHost : uploadHostOverride);
        return QUrl(host % u'/' % ws % u"/threatintelligence:upload-indicators?api-version=2022-07-01"_s);
    }
    const QString host = trimSlash(uploadHostOverride.isEmpty() ? ep.stixUploadHost : uploadHostOverride);
    return QUrl(
        host % u"/workspaces/"_s % ws % u"/threat-intelligence-stix-objects:upload?api-version=2024-02-01-preview"_s);
}

QString Target::describe() const
{
    const QString name = displayName.isEmpty() ? workspaceId : displayName;
    return name % u" (workspace "_s % workspaceId % u')';
}

QString Target::validate() const
{
    if (tenantId.trimmed().isEmpty())
        return u"target %1: the tenant id is empty"_s.arg(describe());
    if (clientId.trimmed().isEmpty())
        return u"target %1: the client (application) id is empty"_s.arg(describe());
    QString ws = workspaceId;
    if (ws.startsWith(u'{') && ws.endsWith(u'}'))
        ws = ws.mid(1, ws.size() - 2);
    if (!isValidUuid(ws.toLower()))
        return u"target %1: the workspace id must be the workspace GUID, not its name"_s.arg(describe());
    if (sourceSystem.trimmed().isEmpty())
        return u"target %1: the source system is empty"_s.arg(describe());
    if (sourceSystem.size() > 256)
        return u"target %1: the source system is longer than 256 characters"_s.arg(describe());
    if (sourceSystem.compare(u"Microsoft Sentinel"_s, Qt::CaseInsensitive) == 0
        || sourceSystem.compare(u"Azure Sentinel"_s, Qt::CaseInsensitive) == 0
        || sourceSystem.compare(u"SecurityGraph"_s, Qt::CaseInsensitive) == 0)
        return u"target %1: the source system \"%2\" is reserved by Microsoft"_s.arg(describe(), sourceSystem);
    if (apiKind == ApiKind::LegacyIndicators && uploadHostOverride.isEmpty()
        && cloudEndpoints(cloud).legacyUploadHost.isEmpty())
        return u"target %1: the legacy indicators API does not exist in %2; use the STIX objects API"_s.arg(
            describe(), cloudName(cloud));
    QString why;
    if (!net::isAllowedUrl(tokenUrl(), &why))
        return u"target %1: token endpoint refused: %2"_s.arg(describe(), why);
    if (!net::isAllowedUrl(uploadUrl(), &why))
        return u"target %1: upload endpoint refused: %2"_s.arg(describe(), why);
    return {};
}

} // namespace msb::sentinel
