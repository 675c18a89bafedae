// SPDX-License-Identifier: BSD-2-Clause
#include "core/misp/feedsource.h"

#include "core/log/logging.h"
#include "core/log/redact.h"
#include "core/misp/misphttp.h"
#include "core/misp/mispparser.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

namespace msb::misp {
using namespace Qt::Literals::StringLiterals;

namespace {

constexpr qint64 kMaxEventFileBytes = 512LL * 1024 * 1024; // a bound, far above any real event

QString changeTokenOf(const QJsonObject &entry)
{
    const QJsonValue ts = entry.value(u"timestamp"_s);
    if (ts.isDouble())
        return u"ts:"_s + QString::number(qint64(ts.toDouble()));
    if (ts.isString() && !ts.toString().isEmpty())
        return u"ts:"_s + ts.toString();
    if (const QString md5 = entry.value(u"md5"_s).toString(); !md5.isEmpty())
        return u"md5:"_s + md5;
    // Neither: any change of the manifest entry counts as a change of the event.
    return u"sha:"_s
        + QString::fromLatin1(
            QCryptographicHash::hash(QJsonDocument(entry).toJson(QJsonDocument::Compact), QCryptographicHash::Sha256)
                .toHex()
                .left(32));
}

qint64 countAttributes(const Event &event)
{
    qint64 n = event.attributes.size();
    for (const Object &o : event.objects)
        n += o.attributes.size();
    return n;
}

QString baseName(const QString &fileName)
{
    const qsizetype slash = fileName.lastIndexOf(u'/');
    return slash < 0 ? fileName : fileName.mid(slash + 1);
}

} // namespace

QString FeedLocation::displayName() const
{
    return isRemote() ? log::redactUrl(remote.baseUrl) : folder;
}

Result<ParsedManifest> parseManifest(const QByteArray &json, const QString &sourceName)
{
    QJsonParseError error {};
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError)
        return Error { Error::Code::InvalidInput,
            u"feed manifest %1 is not valid JSON: %2 at byte %3"_s.arg(sourceName, error.errorString())
                .arg(error.offset),
            0 };
    ParsedManifest manifest;
    auto add = [&manifest, &sourceName](const QString &key, const QJsonObject &entry, int index) {
        QString uuid = entry.value(u"uuid"_s).toString();
        if (uuid.isEmpty())
            uuid = key;
        if (uuid.isEmpty()) {
            manifest.issues << u"%1: entry %2 has no uuid; skipped"_s.arg(sourceName).arg(index);
            return;
        }
        FeedEntry e;
        e.uuid = uuid;
        const QString fileName = entry.value(u"filename"_s).toString();
        e.fileName = fileName.isEmpty() ? uuid + u".json"_s : fileName;
        if (e.fileName.contains(u".."_s) || QDir::isAbsolutePath(e.fileName)) {
            manifest.issues << u"%1: entry %2 names a file outside the feed (%3); skipped"_s.arg(
                sourceName, uuid, e.fileName);
            return;
        }
        e.changeToken = changeTokenOf(entry);
        e.subject = FilterSubject::fromManifestEntry(uuid, entry);
        e.subject.published.reset(); // feeds only carry published events
        manifest.entries << e;
    };
    if (doc.isObject()) {
        const QJsonObject root = doc.object();
        int index = 0;
        for (auto it = root.begin(); it != root.end(); ++it, ++index) {
            if (!it.value().isObject()) {
                manifest.issues << u"%1: entry %2 is not an object; skipped"_s.arg(sourceName, it.key());
                continue;
            }
            add(it.key(), it.value().toObject(), index);
        }
    } else if (doc.isArray()) {
        const QJsonArray list = doc.array();
        for (int i = 0; i < list.size(); ++i) {
            if (!list.at(i).isObject()) {
                manifest.issues << u"%1: entry %2 is not an object; skipped"_s.arg(sourceName).arg(i);
                continue;
            }
            add(QString(), list.at(i).toObject(), i);
        }
    } else {
        return Error {
            Error::Code::InvalidInput, u"feed manifest %1 is neither an object nor a list"_s.arg(sourceName), 0
        };
    }
    return manifest;
}

QString FeedSummary::toString() const
{
    QString text = u"%1 manifest entries: %2 read (%3 events, %4 attributes), %5 unchanged, %6 filtered out"_s
                       .arg(manifestEntries)
                       .arg(fetched)
                       .arg(events)
                       .arg(attributes)
                       .arg(unchanged)
                       .arg(filteredOut);
    if (manifestFailure)
        text += u"; manifest FAILED: "_s + manifestFailure->error.message;
    if (!failed.isEmpty())
        text += u"; %1 event file(s) FAILED (kept for the next sync), first: %2"_s.arg(failed.size())
                    .arg(failed.first().failure.error.message);
    if (cancelled)
        text += u"; cancelled"_s;
    return text;
}

FeedSource::FeedSource(FeedLocation location, QObject *parent)
    : QObject(parent)
    , m_location(std::move(location))
{
    qRegisterMetaType<MispPage>();
    qRegisterMetaType<FeedFailure>();
    qRegisterMetaType<FeedSummary>();
    if (m_location.isRemote()) {
        QUrl base = m_location.remote.baseUrl;
        QString path = base.path();
        if (path.endsWith(u"/manifest.json"_s))
            path.chop(int(QStringView(u"manifest.json").size()));
        if (!path.endsWith(u'/'))
            path += u'/';
        base.setPath(path);
        m_location.remote.baseUrl = base;
        m_http = new MispHttp(m_location.remote, this);
    }
}

FeedSource::~FeedSource() = default;

QUrl FeedSource::fileUrl(const QString &fileName) const
{
    return m_location.remote.baseUrl.resolved(QUrl(fileName, QUrl::StrictMode));
}

void FeedSource::cancel()
{
    if (m_http)
        m_http->cancel();
    if (m_running) {
        m_summary.cancelled = true;
        finish();
    }
}

void FeedSource::fetch(const MispFilters &filters, const FeedState &previous)
{
    cancel();
    m_filters = filters;
    m_previous = previous;
    m_summary = {};
    m_selected.clear();
    m_index = -1;
    m_running = true;
    m_waiting = false;
    m_now = QDateTime::currentDateTimeUtc();
    if (!m_location.isRemote()) {
        QMetaObject::invokeMethod(
            this,
            [this]() {
                QFile file(QDir(m_location.folder).filePath(u"manifest.json"_s));
                if (!file.open(QIODevice::ReadOnly)) {
                    m_summary.manifestFailure = RequestFailure { Error { Error::Code::NotFound,
                                                                     u"feed %1: cannot read manifest.json: %2"_s.arg(
                                                                         m_location.folder, file.errorString()),
                                                                     0 },
                        std::nullopt,
                        1 };
                    finish();
                    return;
                }
                onManifest(file.readAll());
            },
            Qt::QueuedConnection);
        return;
    }
    if (const Status valid = m_location.remote.validate(); !valid) {
        m_summary.manifestFailure = RequestFailure { valid.error(), std::nullopt, 0 };
        QMetaObject::invokeMethod(
            this, [this]() { finish(); }, Qt::QueuedConnection);
        return;
    }
    m_http->send(fileUrl(u"manifest.json"_s), {}, u"feed manifest"_s, [this](const MispHttp::Outcome &outcome) {
        if (const auto *failure = std::get_if<RequestFailure>(&outcome)) {
            m_summary.manifestFailure = *failure;
            finish();
            return;
        }
        onManifest(std::get<QByteArray>(outcome));
    });
}

void FeedSource::onManifest(const QByteArray &body)
{
    auto manifest = parseManifest(body, m_location.displayName() + u"/manifest.json"_s);
    if (!manifest) {
        m_summary.manifestFailure = RequestFailure { manifest.error(), std::nullopt, 1 };
        finish();
        return;
    }
    m_summary.manifestIssues = manifest.value().issues;
    m_summary.manifestEntries = int(manifest.value().entries.size());
    for (const FeedEntry &entry : std::as_const(manifest.value().entries)) {
        if (m_previous.value(entry.uuid) == entry.changeToken) {
            ++m_summary.unchanged;
            m_summary.state.insert(entry.uuid, entry.changeToken);
            continue;
        }
        if (!m_filters.matchesEvent(entry.subject, m_now)) {
            ++m_summary.filteredOut;
            continue;
        }
        m_selected << entry;
    }
    for (const QString &issue : std::as_const(m_summary.manifestIssues))
        log::get("misp")->warn("{}", issue);
    next();
}

void FeedSource::next()
{
    if (!m_running)
        return;
    ++m_index;
    if (m_index >= m_selected.size()) {
        finish();
        return;
    }
    const FeedEntry &entry = m_selected.at(m_index);
    if (!m_location.isRemote()) {
        // One file per event-loop turn, so cancel() and other work get their turn.
        QMetaObject::invokeMethod(
            this,
            [this]() {
                if (!m_running)
                    return;
                const FeedEntry &e = m_selected.at(m_index);
                const QDir dir(m_location.folder);
                QString path = dir.filePath(baseName(e.fileName));
                if (!QFileInfo::exists(path))
                    path = dir.filePath(e.fileName);
                QFile file(path);
                if (QFileInfo(path).size() > kMaxEventFileBytes) {
                    onEntryFailure(RequestFailure {
                        Error { Error::Code::InvalidInput, u"feed event file %1 is larger than 512 MB"_s.arg(path), 0 },
                        std::nullopt,
                        1 });
                    return;
                }
                if (!file.open(QIODevice::ReadOnly)) {
                    onEntryFailure(RequestFailure {
                        Error { Error::Code::NotFound,
                            u"feed event %1: cannot read %2: %3"_s.arg(e.uuid, path, file.errorString()),
                            0 },
                        std::nullopt,
                        1 });
                    return;
                }
                onEventFile(file.readAll());
            },
            Qt::QueuedConnection);
        return;
    }
    m_http->send(fileUrl(baseName(entry.fileName)),
        {},
        u"feed event %1"_s.arg(entry.uuid),
        [this](const MispHttp::Outcome &outcome) {
            if (const auto *failure = std::get_if<RequestFailure>(&outcome))
                onEntryFailure(*failure);
            else
                onEventFile(std::get<QByteArray>(outcome));
        });
}

void FeedSource::onEventFile(const QByteArray &body)
{
    const FeedEntry &entry = m_selected.at(m_index);
    const QString source = m_location.displayName() + u'/' + baseName(entry.fileName);
    ParsedDocument parsed = parseDocument(body, source);
    if (!parsed.recognised && parsed.events.isEmpty()) {
        QStringList why;
        for (const ParseIssue &issue : std::as_const(parsed.issues))
            why << issue.message;
        onEntryFailure(RequestFailure {
            Error { Error::Code::InvalidInput,
                u"feed event %1 (%2) could not be read: %3"_s.arg(entry.uuid, source, why.join(u"; "_s)),
                0 },
            std::nullopt,
            1 });
        return;
    }
    MispPage page;
    page.page = m_index + 1;
    page.bytes = body.size();
    page.issues = std::move(parsed.issues);
    for (Event &event : parsed.events) {
        FilterSubject subject = FilterSubject::fromEvent(event);
        subject.published.reset();
        if (!m_filters.matchesEvent(subject, m_now))
            continue;
        page.attributesFilteredOut += m_filters.applyAttributeFilters(event);
        page.attributeCount += countAttributes(event);
        if (event.sourceName.isEmpty())
            event.sourceName = source;
        page.events << std::move(event);
    }
    m_summary.state.insert(entry.uuid, entry.changeToken);
    m_summary.parseIssues += page.issues.size();
    if (page.events.isEmpty()) {
        ++m_summary.filteredOut;
    } else {
        ++m_summary.fetched;
        m_summary.events += page.events.size();
        m_summary.attributes += page.attributeCount;
    }
    m_waiting = true;
    if (!page.events.isEmpty() || !page.issues.isEmpty())
        Q_EMIT eventsReady(page);
    afterEntry();
}

void FeedSource::onEntryFailure(const RequestFailure &failure)
{
    const FeedEntry &entry = m_selected.at(m_index);
    FeedFailure failed { entry.uuid, entry.fileName, failure };
    m_summary.failed << failed;
    // Keep the old token so a failed entry is fetched again next time.
    if (m_previous.contains(entry.uuid))
        m_summary.state.insert(entry.uuid, m_previous.value(entry.uuid));
    log::get("misp")->error("{}", failure.error.message);
    m_waiting = true;
    Q_EMIT entryFailed(failed);
    // A TLS or key problem hits every file: stop instead of failing hundreds of times.
    if (failure.error.code == Error::Code::Tls || failure.error.code == Error::Code::Authentication
        || failure.error.code == Error::Code::Authorization) {
        for (int i = m_index + 1; i < m_selected.size(); ++i) {
            const FeedEntry &rest = m_selected.at(i);
            m_summary.failed << FeedFailure { rest.uuid, rest.fileName, failure };
            if (m_previous.contains(rest.uuid))
                m_summary.state.insert(rest.uuid, m_previous.value(rest.uuid));
        }
        finish();
        return;
    }
    afterEntry();
}

void FeedSource::afterEntry()
{
    if (!m_running)
        return;
    Q_EMIT progress(m_index + 1, int(m_selected.size()));
    if (m_autoContinue && m_waiting) {
        m_waiting = false;
        next();
    }
}

void FeedSource::continueFetch()
{
    if (!m_running || !m_waiting)
        return;
    m_waiting = false;
    QMetaObject::invokeMethod(
        this, [this]() { next(); }, Qt::QueuedConnection);
}

void FeedSource::finish()
{
    if (!m_running)
        return;
    m_running = false;
    m_waiting = false;
    if (m_http)
        m_http->cancel();
    // Entries never reached (cancel) keep their previous token.
    for (int i = std::max(0, m_index); i < m_selected.size(); ++i) {
        const FeedEntry &entry = m_selected.at(i);
        if (!m_summary.state.contains(entry.uuid) && m_previous.contains(entry.uuid))
            m_summary.state.insert(entry.uuid, m_previous.value(entry.uuid));
    }
    log::get("misp")->info("feed {}: {}", m_location.displayName(), m_summary.toString());
    const FeedSummary summary = m_summary;
    Q_EMIT finished(summary);
}

} // namespace msb::misp
