// SPDX-License-Identifier: BSD-2-Clause
#include "tests/sandbox/misp/mispemulator.h"

#include "core/misp/mispfilters.h"
#include "core/util/uuid5.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMutex>
#include <QMutexLocker>

#include <atomic>

namespace msb::sandbox::misp {
using namespace Qt::Literals::StringLiterals;
using msb::misp::FilterSubject;
using msb::misp::MispFilters;

namespace {

const QString kAuthFailed = u"Authentication failed. Please make sure you pass the API key of an API enabled user "
                            "along in the Authorization header."_s;

HttpResponse mispError(int status, const QString &name, const QString &message, const QString &url)
{
    return HttpResponse::json(
        status, QJsonObject { { u"name"_s, name }, { u"message"_s, message }, { u"url"_s, url } });
}

const QStringList kGeneratedTypes = {
    u"ip-dst"_s, u"domain"_s, u"url"_s, u"sha256"_s, u"md5"_s, u"hostname"_s, u"email-src"_s, u"filename|sha256"_s
};

QString hexOf(quint64 a, int width)
{
    QString s = QString::number(a, 16);
    while (s.size() < width)
        s = s + s; // deterministic filler, keeps the digits hex
    return s.left(width);
}

QString generatedValue(const QString &type, int i, int j)
{
    const quint64 n = quint64(i) * 100003ULL + quint64(j) * 7919ULL + 1;
    if (type == u"ip-dst"_s) {
        if (i == 0 && j == 0)
            return u"8.8.8.8"_s; // on the warning list
        return u"10.%1.%2.%3"_s.arg((n >> 16) & 0xff).arg((n >> 8) & 0xff).arg(n & 0xff);
    }
    if (type == u"domain"_s)
        return u"d%1-%2.example.com"_s.arg(i).arg(j);
    if (type == u"url"_s)
        return u"https://u%1.example.net/p/%2"_s.arg(i).arg(j);
    if (type == u"sha256"_s)
        return hexOf(n * 0x9E3779B97F4A7C15ULL | 1, 64);
    if (type == u"md5"_s)
        return hexOf(n * 0xC2B2AE3D27D4EB4FULL | 1, 32);
    if (type == u"hostname"_s)
        return u"h%1-%2.example.org"_s.arg(i).arg(j);
    if (type == u"email-src"_s)
        return u"s%1.%2@example.org"_s.arg(i).arg(j);
    return u"f%1_%2.exe|%3"_s.arg(i).arg(j).arg(hexOf(n * 0xD6E8FEB86659FD93ULL | 1, 64));
}

QStringList generatedTags(int i)
{
    static const QStringList tlp = { u"tlp:white"_s, u"tlp:green"_s, u"tlp:amber"_s };
    QStringList tags { tlp.at(i % 3) };
    if (i % 2 == 0)
        tags << u"workflow:state=\"complete\""_s;
    if (i % 5 == 0)
        tags << u"type:OSINT"_s;
    return tags;
}

QJsonArray tagArray(const QStringList &tags)
{
    QJsonArray out;
    for (const QString &t : tags)
        out.append(QJsonObject { { u"name"_s, t }, { u"colour"_s, u"#ffffff"_s }, { u"local"_s, false } });
    return out;
}

} // namespace

const QStringList &warninglistValues()
{
    static const QStringList values = { u"8.8.8.8"_s,
        u"8.8.4.4"_s,
        u"1.1.1.1"_s,
        u"127.0.0.1"_s,
        u"google.com"_s,
        u"www.google.com"_s,
        u"microsoft.com"_s,
        u"example.com"_s };
    return values;
}

struct MispEmulator::Data
{
    QList<QJsonObject> events; ///< the Event objects (unwrapped), from files
    QList<FilterSubject> subjects;
    QList<QByteArray> rawFiles; ///< as read, for the feed
    QHash<QString, int> fileIndex;
    QByteArray manifest;
    std::optional<GeneratedInstance> generated;
    std::atomic<quint64> restSearches { 0 };
    mutable QMutex mutex;
    QJsonObject lastBody;
    QByteArray lastAuthorization;
};

MispEmulator::MispEmulator(EmulatorOptions options)
    : m_options(std::move(options))
    , d(std::make_unique<Data>())
{ }

MispEmulator::~MispEmulator() = default;

quint64 MispEmulator::restSearchRequests() const
{
    return d->restSearches.load();
}

QJsonObject MispEmulator::lastRestSearchBody() const
{
    QMutexLocker lock(&d->mutex);
    return d->lastBody;
}

QByteArray MispEmulator::lastAuthorization() const
{
    QMutexLocker lock(&d->mutex);
    return d->lastAuthorization;
}

int MispEmulator::eventCount() const
{
    return d->generated ? d->generated->events : int(d->events.size());
}

bool MispEmulator::loadDirectory(const QString &folder, QString *error)
{
    const QDir dir(folder);
    const QStringList files = dir.entryList({ u"*.json"_s }, QDir::Files, QDir::Name);
    if (files.isEmpty()) {
        if (error)
            *error = u"no *.json files in %1"_s.arg(folder);
        return false;
    }
    for (const QString &name : files) {
        QFile file(dir.filePath(name));
        if (!file.open(QIODevice::ReadOnly)) {
            if (error)
                *error = u"cannot read %1: %2"_s.arg(file.fileName(), file.errorString());
            return false;
        }
        const QByteArray bytes = file.readAll();
        if (name == u"manifest.json"_s) {
            d->manifest = bytes;
            continue;
        }
        const QJsonObject root = QJsonDocument::fromJson(bytes).object();
        const QJsonObject event = root.contains(u"Event"_s) ? root.value(u"Event"_s).toObject() : root;
        if (event.isEmpty())
            continue; // not an event (attribute collections and the like are not served)
        d->fileIndex.insert(name, int(d->events.size()));
        d->fileIndex.insert(event.value(u"uuid"_s).toString() + u".json"_s, int(d->events.size()));
        d->events << event;
        d->subjects << FilterSubject::fromJson(event);
        d->rawFiles << bytes;
    }
    if (d->manifest.isEmpty()) {
        QJsonObject manifest;
        for (const QJsonObject &e : std::as_const(d->events)) {
            QJsonObject entry;
            for (const QString &key :
                { u"info"_s, u"date"_s, u"analysis"_s, u"threat_level_id"_s, u"timestamp"_s, u"Orgc"_s, u"Tag"_s })
                if (e.contains(key))
                    entry.insert(key, e.value(key));
            manifest.insert(e.value(u"uuid"_s).toString(), entry);
        }
        d->manifest = QJsonDocument(manifest).toJson(QJsonDocument::Compact);
    }
    return true;
}

void MispEmulator::setGenerated(const GeneratedInstance &instance)
{
    d->generated = instance;
    // The feed view of the instance: MISP's manifest layout, files named <uuid>.json.
    GeneratedInstance headersOnly = instance;
    headersOnly.attributesPerEvent = 0;
    QJsonObject manifest;
    for (int i = 0; i < instance.events; ++i) {
        const QJsonObject e = generatedEvent(headersOnly, i);
        QJsonObject entry;
        for (const QString &key :
            { u"info"_s, u"date"_s, u"analysis"_s, u"threat_level_id"_s, u"timestamp"_s, u"Orgc"_s, u"Tag"_s })
            entry.insert(key, e.value(key));
        const QString uuid = e.value(u"uuid"_s).toString();
        manifest.insert(uuid, entry);
        FilterSubject subject = FilterSubject::fromJson(e);
        for (int j = 0; j < std::min<int>(instance.attributesPerEvent, int(kGeneratedTypes.size())); ++j)
            subject.attributeTypes << kGeneratedTypes.at(j);
        d->subjects << subject;
        d->fileIndex.insert(uuid + u".json"_s, i);
    }
    d->manifest = QJsonDocument(manifest).toJson(QJsonDocument::Compact);
}

QByteArray MispEmulator::generatedEventJson(const GeneratedInstance &g, int i)
{
    return QJsonDocument(QJsonObject { { u"Event"_s, generatedEvent(g, i) } }).toJson(QJsonDocument::Compact);
}

QJsonObject MispEmulator::generatedEvent(const GeneratedInstance &g, int i)
{
    const qint64 ts = g.baseTimestamp + g.spacingSeconds * i;
    const bool published = i % 10 != 9;
    static const QStringList orgs = { u"Org A"_s, u"Org B"_s, u"Org C"_s };
    const QString uuid = msb::uuid5(msb::kMsbUuidNamespace, u"sandbox-event-%1"_s.arg(i));
    QJsonArray attributes;
    for (int j = 0; j < g.attributesPerEvent; ++j) {
        const QString type = kGeneratedTypes.at(j % kGeneratedTypes.size());
        attributes.append(QJsonObject {
            { u"id"_s, QString::number(qint64(i) * g.attributesPerEvent + j + 1) },
            { u"uuid"_s, msb::uuid5(msb::kMsbUuidNamespace, u"sandbox-attr-%1-%2"_s.arg(i).arg(j)) },
            { u"type"_s, type },
            { u"category"_s,
                type.startsWith(u"ip"_s) || type == u"domain"_s || type == u"url"_s || type == u"hostname"_s
                    ? u"Network activity"_s
                    : u"Payload delivery"_s },
            { u"value"_s, generatedValue(type, i, j) },
            { u"to_ids"_s, j % 4 != 3 },
            { u"timestamp"_s, QString::number(ts) },
            { u"comment"_s, QString() },
            { u"deleted"_s, false },
            { u"distribution"_s, u"5"_s },
        });
    }
    QJsonObject event {
        { u"id"_s, QString::number(i + 1) },
        { u"uuid"_s, uuid },
        { u"info"_s, u"Sandbox event %1"_s.arg(i) },
        { u"date"_s, QDateTime::fromSecsSinceEpoch(ts, Qt::UTC).date().toString(Qt::ISODate) },
        { u"timestamp"_s, QString::number(ts) },
        { u"publish_timestamp"_s, published ? QString::number(ts + 30) : u"0"_s },
        { u"published"_s, published },
        { u"threat_level_id"_s, QString::number(1 + i % 4) },
        { u"analysis"_s, u"2"_s },
        { u"distribution"_s, u"1"_s },
        { u"orgc_id"_s, QString::number(1 + i % 3) },
        { u"Orgc"_s,
            QJsonObject { { u"id"_s, QString::number(1 + i % 3) },
                { u"name"_s, orgs.at(i % 3) },
                { u"uuid"_s, msb::uuid5(msb::kMsbUuidNamespace, orgs.at(i % 3)) } } },
        { u"Tag"_s, tagArray(generatedTags(i)) },
        { u"Attribute"_s, attributes },
        { u"Object"_s, QJsonArray() },
    };
    return event;
}

void MispEmulator::install(Router &router)
{
    router.add(
        "POST", u"/events/restSearch"_s, u"misp-restsearch"_s, [this](const HttpRequest &r) { return restSearch(r); });
    router.add("GET", u"/servers/getVersion"_s, u"misp-version"_s, [this](const HttpRequest &r) {
        if (auto denied = checkKey(r))
            return *denied;
        return HttpResponse::json(200,
            QJsonObject { { u"version"_s, m_options.version },
                { u"pymisp_recommended_version"_s, m_options.version },
                { u"perm_sync"_s, m_options.writableKey },
                { u"perm_sighting"_s, m_options.writableKey },
                { u"perm_galaxy_editor"_s, false },
                { u"request_encoding"_s, QJsonArray { u"gzip"_s } },
                { u"filter_sightings"_s, true } });
    });
    router.add("GET", u"/users/view/me"_s, u"misp-me"_s, [this](const HttpRequest &r) {
        if (auto denied = checkKey(r))
            return *denied;
        const bool w = m_options.writableKey;
        QJsonObject role { { u"id"_s, w ? u"3"_s : u"6"_s },
            { u"name"_s, w ? u"User"_s : u"Read Only"_s },
            { u"perm_add"_s, w },
            { u"perm_modify"_s, w },
            { u"perm_modify_org"_s, false },
            { u"perm_publish"_s, false },
            { u"perm_sync"_s, false },
            { u"perm_admin"_s, false },
            { u"perm_site_admin"_s, false },
            { u"perm_auth"_s, true },
            { u"perm_tagger"_s, w },
            { u"perm_sighting"_s, w } };
        return HttpResponse::json(200,
            QJsonObject { { u"User"_s,
                              QJsonObject { { u"id"_s, u"7"_s },
                                  { u"email"_s, m_options.email },
                                  { u"org_id"_s, u"1"_s },
                                  { u"role_id"_s, role.value(u"id"_s) },
                                  { u"disabled"_s, false } } },
                { u"Role"_s, role },
                { u"UserSetting"_s, QJsonArray() },
                { u"Organisation"_s,
                    QJsonObject { { u"id"_s, u"1"_s },
                        { u"name"_s, m_options.organisation },
                        { u"uuid"_s, msb::uuid5(msb::kMsbUuidNamespace, m_options.organisation) } } } });
    });
    router.add("GET", u"/feed/manifest.json"_s, u"misp-feed-manifest"_s, [this](const HttpRequest &) {
        return feedManifest();
    });
    router.add("GET", u"/feed/{file}"_s, u"misp-feed-event"_s, [this](const HttpRequest &r) {
        return feedEvent(r.params.value(u"file"_s));
    });
    if (m_options.mispNotFound) {
        router.setNotFoundHandler(
            [](const HttpRequest &r) { return mispError(404, u"Not Found"_s, u"Not Found"_s, r.path); });
    }
}

std::optional<HttpResponse> MispEmulator::checkKey(const HttpRequest &request) const
{
    const QByteArray key = request.header("authorization").trimmed();
    if (!key.isEmpty() && key == m_options.apiKey)
        return std::nullopt;
    return mispError(403, kAuthFailed, kAuthFailed, request.path);
}

HttpResponse MispEmulator::feedManifest() const
{
    return HttpResponse::raw(200, d->manifest, "application/json; charset=utf-8");
}

HttpResponse MispEmulator::feedEvent(const QString &file) const
{
    const auto it = d->fileIndex.constFind(file);
    if (it == d->fileIndex.constEnd())
        return mispError(404, u"Not Found"_s, u"Not Found"_s, u"/feed/"_s + file);
    if (d->generated)
        return HttpResponse::raw(200, generatedEventJson(*d->generated, *it), "application/json; charset=utf-8");
    return HttpResponse::raw(200, d->rawFiles.at(*it), "application/json; charset=utf-8");
}

HttpResponse MispEmulator::restSearch(const HttpRequest &request)
{
    ++d->restSearches;
    {
        QMutexLocker lock(&d->mutex);
        d->lastAuthorization = request.header("authorization");
    }
    if (auto denied = checkKey(request))
        return *denied;
    QJsonParseError parseError {};
    const QJsonDocument doc
        = QJsonDocument::fromJson(request.body.isEmpty() ? QByteArrayLiteral("{}") : request.body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject())
        return mispError(400, u"Invalid JSON"_s, u"The request body is not a JSON object."_s, request.path);
    QJsonObject body = doc.object();
    {
        QMutexLocker lock(&d->mutex);
        d->lastBody = body;
    }
    const int limit = body.value(u"limit"_s).toVariant().toInt();
    const int page = std::max(1, body.value(u"page"_s).toVariant().toInt());
    for (const QString &key : { u"limit"_s, u"page"_s, u"returnFormat"_s })
        body.remove(key);
    const auto filters = MispFilters::fromJson(body);
    if (!filters)
        return mispError(400, u"Invalid filters"_s, filters.error().message, request.path);
    const MispFilters &f = filters.value();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const bool attributeFilters = f.toIds().has_value() || !f.typeAttribute().isEmpty() || f.enforceWarninglist();
    const qint64 skip = limit > 0 ? qint64(page - 1) * limit : 0;
    qint64 matched = 0;
    QByteArray out = QByteArrayLiteral("{\"response\":[");
    bool first = true;
    const int total = eventCount();
    for (int i = 0; i < total; ++i) {
        if (limit > 0 && matched >= skip + limit)
            break;
        if (!f.matchesEvent(d->subjects.at(i), now))
            continue;
        if (!attributeFilters && matched < skip) {
            ++matched; // counted for paging without building the event
            continue;
        }
        QJsonObject event = d->generated ? generatedEvent(*d->generated, i) : d->events.at(i);
        if (attributeFilters) {
            auto keep = [&f](const QJsonArray &list) {
                QJsonArray kept;
                for (const QJsonValue &v : list) {
                    const QJsonObject a = v.toObject();
                    const QJsonValue toIds = a.value(u"to_ids"_s);
                    std::optional<bool> ids;
                    if (toIds.isBool())
                        ids = toIds.toBool();
                    else if (!toIds.isUndefined())
                        ids = toIds.toVariant().toInt() != 0;
                    if (!f.keepsAttribute(a.value(u"type"_s).toString(), ids))
                        continue;
                    if (f.enforceWarninglist()) {
                        const QString value = a.value(u"value"_s).toString();
                        if (warninglistValues().contains(value.section(u'|', -1)))
                            continue;
                    }
                    kept.append(a);
                }
                return kept;
            };
            const QJsonArray attributes = keep(event.value(u"Attribute"_s).toArray());
            QJsonArray objects;
            qsizetype total_ = attributes.size();
            for (const QJsonValue &o : event.value(u"Object"_s).toArray()) {
                QJsonObject object = o.toObject();
                const QJsonArray kept = keep(object.value(u"Attribute"_s).toArray());
                if (kept.isEmpty())
                    continue;
                total_ += kept.size();
                object.insert(u"Attribute"_s, kept);
                objects.append(object);
            }
            if (total_ == 0)
                continue; // MISP returns no event whose attributes were all filtered away
            event.insert(u"Attribute"_s, attributes);
            event.insert(u"Object"_s, objects);
        }
        ++matched;
        if (matched <= skip)
            continue;
        if (!first)
            out += ',';
        first = false;
        out += QJsonDocument(QJsonObject { { u"Event"_s, event } }).toJson(QJsonDocument::Compact);
    }
    out += "]}";
    return HttpResponse::raw(200, out, "application/json; charset=utf-8");
}

} // namespace msb::sandbox::misp
