// SPDX-License-Identifier: BSD-2-Clause
#include "tests/sandbox/sentinelemulator.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QMutexLocker>
#include <QRegularExpression>

using namespace Qt::Literals::StringLiterals;

namespace msb::sandbox {

namespace {

const QString StixApiVersion = u"2024-02-01-preview"_s;
const QStringList LegacyApiVersions { u"2022-07-01"_s, u"2022-12-01-preview"_s };

HttpResponse badBody(const QString &message)
{
    return HttpResponse::armError(400, u"InvalidRequestBodyProperty(RequestBody)"_s, message);
}

/// Looks a body key up exactly or, when allowed, in any letter case.
QJsonValue bodyValue(const QJsonObject &body, const QString &key, bool caseInsensitive)
{
    if (body.contains(key))
        return body.value(key);
    if (caseInsensitive) {
        for (auto it = body.constBegin(); it != body.constEnd(); ++it) {
            if (it.key().compare(key, Qt::CaseInsensitive) == 0)
                return it.value();
        }
    }
    return QJsonValue(QJsonValue::Undefined);
}

} // namespace

SentinelEmulator::SentinelEmulator(const EntraEmulator *entra, const SandboxClock *clock)
    : m_entra(entra)
    , m_clock(clock)
    , m_limiter(clock)
{ }

void SentinelEmulator::setOptions(const SentinelOptions &options)
{
    QMutexLocker lock(&m_mutex);
    m_options = options;
}

SentinelOptions SentinelEmulator::options() const
{
    QMutexLocker lock(&m_mutex);
    return m_options;
}

QString SentinelEmulator::normalizeWorkspaceId(const QString &text)
{
    QString id = text.toLower();
    if (id.startsWith(u'{') && id.endsWith(u'}'))
        id = id.mid(1, id.size() - 2);
    return id;
}

void SentinelEmulator::addWorkspace(const QString &workspaceId, const QString &tenantId)
{
    QMutexLocker lock(&m_mutex);
    const QString id = normalizeWorkspaceId(workspaceId);
    Workspace &workspace = m_workspaces[id];
    workspace.id = id;
    workspace.tenantId = tenantId.toLower();
    if (!workspace.store)
        workspace.store = std::make_shared<WorkspaceStore>();
}

void SentinelEmulator::grant(const QString &workspaceId, const QString &clientId)
{
    QMutexLocker lock(&m_mutex);
    auto it = m_workspaces.find(normalizeWorkspaceId(workspaceId));
    if (it != m_workspaces.end())
        it->grants.insert(clientId.toLower());
}

void SentinelEmulator::revoke(const QString &workspaceId, const QString &clientId)
{
    QMutexLocker lock(&m_mutex);
    auto it = m_workspaces.find(normalizeWorkspaceId(workspaceId));
    if (it != m_workspaces.end())
        it->grants.remove(clientId.toLower());
}

WorkspaceStore *SentinelEmulator::store(const QString &workspaceId) const
{
    QMutexLocker lock(&m_mutex);
    const auto it = m_workspaces.constFind(normalizeWorkspaceId(workspaceId));
    return it == m_workspaces.cend() ? nullptr : it->store.get();
}

QStringList SentinelEmulator::workspaces() const
{
    QMutexLocker lock(&m_mutex);
    QStringList ids = m_workspaces.keys();
    ids.sort();
    return ids;
}

void SentinelEmulator::registerRoutes(Router &router)
{
    auto stix = [this](const HttpRequest &request) { return handleUpload(request, Api::Stix); };
    router.add("POST", u"/workspaces/{workspaceId}/threat-intelligence-stix-objects:upload"_s, u"stix-upload"_s, stix);
    // The spellings of the connector UI text and of the early spec draft (§1.1): only when enabled.
    auto variant = [this](const HttpRequest &request) {
        if (!options().acceptPathVariants)
            return HttpResponse::gatewayError(404, u"Resource not found"_s);
        return handleUpload(request, Api::Stix);
    };
    router.add(
        "POST", u"/workspaces/{workspaceId}/threatintelligence-stix-objects:upload"_s, u"stix-upload"_s, variant);
    router.add("POST", u"/workspaces/{workspaceId}/threatintelligencestixobjects:upload"_s, u"stix-upload"_s, variant);
    router.add("POST",
        u"/{workspaceId}/threatintelligence:upload-indicators"_s,
        u"legacy-upload"_s,
        [this](const HttpRequest &request) { return handleUpload(request, Api::Legacy); });
    router.add("POST",
        u"/workspaces/{workspaceId}/threatintelligenceindicators:upload"_s,
        u"legacy-upload"_s,
        [this](const HttpRequest &request) { return handleUpload(request, Api::LegacyV2); });

    // Sandbox-only read-back (never part of Azure): what arrived, exactly.
    router.addInternal("GET",
        u"/_sandbox/workspaces/{workspaceId}/objects"_s,
        u"sandbox-objects"_s,
        [this](const HttpRequest &request) {
            const WorkspaceStore *workspaceStore = store(request.params.value(u"workspaceId"_s));
            if (!workspaceStore)
                return HttpResponse::gatewayError(404, u"Unknown workspace"_s);
            return HttpResponse::json(200, workspaceStore->objectsJson());
        });
    router.addInternal("GET",
        u"/_sandbox/workspaces/{workspaceId}/uploads"_s,
        u"sandbox-uploads"_s,
        [this](const HttpRequest &request) {
            const WorkspaceStore *workspaceStore = store(request.params.value(u"workspaceId"_s));
            if (!workspaceStore)
                return HttpResponse::gatewayError(404, u"Unknown workspace"_s);
            return HttpResponse::json(200, workspaceStore->logJson());
        });
}

HttpResponse SentinelEmulator::handleUpload(const HttpRequest &request, Api api)
{
    ++m_uploadRequests;
    const SentinelOptions options = this->options();
    const QString workspaceId = normalizeWorkspaceId(request.params.value(u"workspaceId"_s));
    WorkspaceStore *workspaceStore = store(workspaceId);
    UploadRecord record;
    record.api = api == Api::Stix ? u"stix"_s : api == Api::Legacy ? u"legacy"_s : u"legacy-v2"_s;
    record.receivedAt = QDateTime::currentDateTimeUtc();

    HttpResponse response = [&]() -> HttpResponse {
        // 1. The gateway: token, then the rate limit (sentinel-api.md §1.6, §1.8).
        const QByteArray token = request.bearerToken();
        const TokenInfo info = m_entra->lookup(token);
        if (token.isEmpty() || !info.known || info.expired)
            return HttpResponse::gatewayError(401, u"Unauthorized. Access token is missing or invalid."_s);
        record.tenantId = info.tenantId;
        record.clientId = info.clientId;
        if (!options.acceptedAudiences.contains(info.audience))
            return HttpResponse::empty(401); // wrong audience: 401 with no body at all (§7.4)
        const RateLimitSettings limits = m_limiter.settings();
        const QString limitKey = limits.key == RateLimitKey::PerApp ? QString(info.tenantId + u'/' + info.clientId)
                                                                    : QString(u"workspace/"_s + workspaceId);
        if (const qint64 waitMs = m_limiter.admit(limitKey); waitMs > 0) {
            const qint64 seconds = m_clock->toRealSeconds(waitMs);
            HttpResponse tooMany
                = HttpResponse::gatewayError(429, u"Rate limit is exceeded. Try again in %1 seconds."_s.arg(seconds));
            if (limits.sendRetryAfter)
                tooMany.setHeader("Retry-After", QByteArray::number(seconds));
            return tooMany;
        }
        // 2. The API: version, workspace, role.
        const QString version = request.queryValue(u"api-version"_s);
        if (version.isNull())
            return HttpResponse::armError(400,
                u"MissingApiVersionParameter"_s,
                u"The api-version query parameter (?api-version=) is required for all requests."_s);
        const QStringList supported = api == Api::Stix ? QStringList { StixApiVersion } : LegacyApiVersions;
        if (!supported.contains(version))
            return HttpResponse::armError(400,
                u"InvalidApiVersionParameter"_s,
                u"The api-version '%1' is invalid. The supported versions are '%2'."_s.arg(
                    version, supported.join(u"','"_s)));
        static const QRegularExpression guid(u"^[0-9a-f]{8}-([0-9a-f]{4}-){3}[0-9a-f]{12}$"_s);
        if (!guid.match(workspaceId).hasMatch() || !workspaceStore)
            return HttpResponse::armError(404,
                u"WorkspaceNotFound"_s,
                u"The workspace [%1] was not found."_s.arg(request.params.value(u"workspaceId"_s)));
        bool granted = false;
        QString workspaceTenant;
        {
            QMutexLocker lock(&m_mutex);
            const Workspace &workspace = m_workspaces[workspaceId];
            workspaceTenant = workspace.tenantId;
            granted = workspace.tenantId == info.tenantId && workspace.grants.contains(info.clientId);
        }
        if (!granted) {
            QString objectId = m_entra->objectId(info.tenantId, info.clientId);
            return HttpResponse::armError(options.unauthorizedAccessStatus,
                u"UnauthorizedAccess"_s,
                u"The Object ID [%1] does not have required permission to perform this action on the workspace [%2]."_s
                    .arg(objectId.isEmpty() ? info.clientId : objectId, workspaceId));
        }
        // 3. The body.
        return processBody(request, api, options, &record);
    }();

    record.status = response.status;
    if (workspaceStore) {
        record.sequence = ++m_sequence;
        workspaceStore->record(std::move(record));
    }
    return response;
}

HttpResponse SentinelEmulator::processBody(
    const HttpRequest &request, Api api, const SentinelOptions &options, UploadRecord *record)
{
    if (options.requireJsonContentType
        && !request.header("content-type").trimmed().toLower().startsWith("application/json"))
        return HttpResponse::armError(415,
            u"UnsupportedMediaType"_s,
            u"The content type '%1' is not supported. Use 'application/json'."_s.arg(
                QString::fromLatin1(request.header("content-type"))));
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(request.body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return badBody(u"Body of the request is not in valid JSON format."_s);
    const QJsonObject body = document.object();
    const bool caseInsensitive = api == Api::Stix ? options.stixCaseInsensitiveKeys : options.legacyCaseInsensitiveKeys;
    const QString arrayKey = api == Api::Stix ? u"stixobjects"_s : api == Api::Legacy ? u"value"_s : u"indicators"_s;

    const QJsonValue sourceSystem = bodyValue(body, u"sourcesystem"_s, caseInsensitive);
    if (sourceSystem.isUndefined() || sourceSystem.isNull())
        return badBody(u"Required property 'sourcesystem' is missing."_s);
    if (!sourceSystem.isString() || sourceSystem.toString().trimmed().isEmpty())
        return badBody(u"The property 'sourcesystem' must be a non-empty string."_s);
    record->sourceSystem = sourceSystem.toString();
    for (const QString &reserved : options.reservedSourceSystems) {
        if (record->sourceSystem.trimmed().compare(reserved, Qt::CaseInsensitive) == 0)
            return badBody(u"Source system name cannot be %1."_s.arg(reserved));
    }
    if (record->sourceSystem.size() > options.maxSourceSystemLength)
        return badBody(
            u"Source system name is too long: maximum length is %1 characters."_s.arg(options.maxSourceSystemLength));

    const QJsonValue array = bodyValue(body, arrayKey, caseInsensitive);
    if (array.isUndefined() || array.isNull())
        return badBody(u"Required property '%1' is missing."_s.arg(arrayKey));
    if (!array.isArray())
        return badBody(u"The property '%1' must be an array."_s.arg(arrayKey));
    QJsonArray objects = array.toArray();
    record->objects = objects;
    if (objects.isEmpty())
        return badBody(u"The property '%1' must contain at least one object."_s.arg(arrayKey));
    if (objects.size() > options.maxObjects) {
        if (options.overLimit == SentinelOptions::OverLimit::Reject)
            return badBody(u"The number of objects in the request (%1) exceeds the maximum of %2."_s.arg(objects.size())
                               .arg(options.maxObjects));
        if (options.overLimit == SentinelOptions::OverLimit::Truncate) {
            while (objects.size() > options.maxObjects)
                objects.removeLast();
            record->objects = objects;
        }
    }

    ValidationOptions validation = options.validation;
    validation.indicatorsOnly = api != Api::Stix;
    QJsonArray errors;
    for (qsizetype i = 0; i < objects.size(); ++i) {
        const QStringList messages = validateStixObject(objects.at(i), validation);
        if (messages.isEmpty())
            continue;
        record->rejectedIndexes.append(int(i));
        errors.append(QJsonObject {
            { u"recordIndex"_s, int(i) }, { options.errorsField, QJsonArray::fromStringList(messages) } });
    }
    if (errors.isEmpty())
        return HttpResponse::empty(200); // all valid: 200 with an empty body (§1.6)
    const int status = options.allInvalidIs400 && errors.size() == objects.size() ? 400 : 200;
    return HttpResponse::json(status, QJsonObject { { u"errors"_s, errors } });
}

} // namespace msb::sandbox
