// SPDX-License-Identifier: BSD-2-Clause
#include "core/misp/mispclient.h"

#include "core/log/logging.h"
#include "core/log/redact.h"
#include "core/misp/misphttp.h"
#include "core/misp/mispparser.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QTimer>

namespace msb::misp {
using namespace Qt::Literals::StringLiterals;

namespace {

// Role permissions that let a key change data on the MISP instance.
const QStringList kWritePermissions = { u"perm_add"_s,
    u"perm_modify"_s,
    u"perm_modify_org"_s,
    u"perm_publish"_s,
    u"perm_delegate"_s,
    u"perm_sync"_s,
    u"perm_admin"_s,
    u"perm_site_admin"_s,
    u"perm_tagger"_s,
    u"perm_tag_editor"_s,
    u"perm_sharing_group"_s,
    u"perm_template"_s,
    u"perm_galaxy_editor"_s,
    u"perm_object_template"_s,
    u"perm_warninglist"_s };

bool truthy(const QJsonValue &v)
{
    if (v.isBool())
        return v.toBool();
    if (v.isDouble())
        return v.toDouble() != 0;
    const QString s = v.toString();
    return s == u"1"_s || s.compare(u"true"_s, Qt::CaseInsensitive) == 0;
}

qint64 countAttributes(const Event &event)
{
    qint64 n = event.attributes.size();
    for (const Object &o : event.objects)
        n += o.attributes.size();
    return n;
}

// Tells an empty restSearch answer ([] or {"response":[]}) from one that is not JSON at all.
enum class BodyShape { EmptyList, InvalidJson, Other };
BodyShape classifyUnrecognised(const QByteArray &body, QString *jsonError)
{
    QJsonParseError error {};
    const QJsonDocument doc = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError) {
        *jsonError = u"%1 at byte %2"_s.arg(error.errorString()).arg(error.offset);
        return BodyShape::InvalidJson;
    }
    if (doc.isArray() && doc.array().isEmpty())
        return BodyShape::EmptyList;
    if (doc.isObject()) {
        const QJsonValue response = doc.object().value(u"response"_s);
        if (response.isArray() && response.toArray().isEmpty())
            return BodyShape::EmptyList;
    }
    return BodyShape::Other;
}

} // namespace

QString FetchSummary::toString() const
{
    QString text = u"%1 page(s), %2 event(s), %3 attribute(s)"_s.arg(pagesFetched).arg(events).arg(attributes);
    if (parseIssues > 0)
        text += u", %1 item(s) unreadable"_s.arg(parseIssues);
    if (!failedPages.isEmpty()) {
        QStringList pages;
        for (const FailedPage &f : failedPages)
            pages << QString::number(f.page);
        text += u"; FAILED page(s) %1 (their events are missing; the watermark is kept): %2"_s.arg(
            pages.join(u", "_s), failedPages.first().failure.error.message);
    }
    if (cancelled)
        text += u"; cancelled"_s;
    if (stoppedEarly)
        text += u"; stopped: "_s + stopReason;
    return text;
}

ConnectionInfo parseUserView(const QByteArray &body, ConnectionInfo info)
{
    const QJsonObject root = QJsonDocument::fromJson(body).object();
    const QJsonObject user = root.contains(u"User"_s) ? root.value(u"User"_s).toObject() : root;
    const QJsonObject role
        = root.contains(u"Role"_s) ? root.value(u"Role"_s).toObject() : user.value(u"Role"_s).toObject();
    const QJsonObject org = root.contains(u"Organisation"_s) ? root.value(u"Organisation"_s).toObject()
                                                             : user.value(u"Organisation"_s).toObject();
    info.email = user.value(u"email"_s).toString();
    info.organisation = org.value(u"name"_s).toString();
    info.role = role.value(u"name"_s).toString();
    info.writePermissions.clear();
    for (const QString &perm : kWritePermissions)
        if (truthy(role.value(perm)))
            info.writePermissions << perm;
    if (!info.writePermissions.isEmpty())
        info.warnings << u"This API key can change data on MISP (%1). A read-only key (role \"Read Only\") is "
                         "recommended for the bridge."_s.arg(info.writePermissions.join(u", "_s));
    if (role.isEmpty())
        info.warnings << u"MISP did not say which role the key has; its permissions are unknown."_s;
    return info;
}

struct MispClient::Run
{
    MispFilters filters;
    QList<int> explicitPages; ///< empty: page 1, 2, … until an empty or short page
    int index = 0; ///< into explicitPages
    int page = 1;
    int limit = 100;
    bool singleQuery = false;
    int consecutiveFailures = 0;
    FetchSummary summary;
};

MispClient::MispClient(MispConnection connection, QObject *parent)
    : QObject(parent)
    , m_http(new MispHttp(std::move(connection), this))
{
    qRegisterMetaType<ConnectionTestResult>();
    qRegisterMetaType<MispPage>();
    qRegisterMetaType<FailedPage>();
    qRegisterMetaType<FetchSummary>();
}

MispClient::~MispClient() = default;

const MispConnection &MispClient::connection() const
{
    return m_http->connection();
}

bool MispClient::isBusy() const
{
    return m_testing || m_run != nullptr;
}

void MispClient::setAutoContinue(bool autoContinue)
{
    m_autoContinue = autoContinue;
}

void MispClient::cancel()
{
    m_http->cancel();
    m_testing = false;
    if (m_run) {
        m_run->summary.cancelled = true;
        finish();
    }
}

void MispClient::testConnection()
{
    cancel();
    m_testing = true;
    m_test = {};
    if (const Status valid = connection().validate(); !valid) {
        m_test.failure.error = valid.error();
        QMetaObject::invokeMethod(
            this,
            [this]() {
                m_testing = false;
                Q_EMIT connectionTested(m_test);
            },
            Qt::QueuedConnection);
        return;
    }
    m_http->send(connection().endpoint(u"/servers/getVersion"_s), {}, u"MISP version"_s, [this](const auto &outcome) {
        if (const auto *failure = std::get_if<RequestFailure>(&outcome)) {
            m_testing = false;
            m_test.failure = *failure;
            Q_EMIT connectionTested(m_test);
            return;
        }
        onVersion(std::get<QByteArray>(outcome));
    });
}

void MispClient::onVersion(const QByteArray &body)
{
    const QJsonObject root = QJsonDocument::fromJson(body).object();
    m_test.info.mispVersion = root.value(u"version"_s).toString();
    if (m_test.info.mispVersion.isEmpty()) {
        m_testing = false;
        m_test.failure.error = Error { Error::Code::InvalidInput,
            u"%1 answered /servers/getVersion without a MISP version: is this a MISP server?"_s.arg(
                log::redactUrl(connection().baseUrl)),
            200 };
        Q_EMIT connectionTested(m_test);
        return;
    }
    m_http->send(connection().endpoint(u"/users/view/me"_s), {}, u"MISP user"_s, [this](const auto &outcome) {
        m_testing = false;
        if (const auto *failure = std::get_if<RequestFailure>(&outcome)) {
            m_test.failure = *failure;
            Q_EMIT connectionTested(m_test);
            return;
        }
        onMe(std::get<QByteArray>(outcome));
    });
}

void MispClient::onMe(const QByteArray &body)
{
    m_test.info = parseUserView(body, m_test.info);
    if (m_test.info.email.isEmpty() && m_test.info.role.isEmpty()) {
        m_test.failure.error = Error { Error::Code::InvalidInput,
            u"%1 answered /users/view/me without a user: is the key valid?"_s.arg(log::redactUrl(connection().baseUrl)),
            200 };
    } else {
        m_test.ok = true;
        for (const QString &warning : std::as_const(m_test.info.warnings))
            log::get("misp")->warn("{}", warning);
    }
    Q_EMIT connectionTested(m_test);
}

void MispClient::fetchEvents(const MispFilters &filters)
{
    fetchPages(filters, {});
}

void MispClient::fetchPages(const MispFilters &filters, const QList<int> &pages)
{
    cancel();
    m_run = std::make_unique<Run>();
    m_run->filters = filters;
    m_run->explicitPages = pages;
    m_run->summary.startedAt = QDateTime::currentSecsSinceEpoch();
    m_run->limit = connection().pageSize;
    if (const auto userLimit = filters.userLimit()) {
        m_run->limit = *userLimit;
        m_run->singleQuery = true;
        m_run->page = filters.toJson().value(u"page"_s).toVariant().toInt();
        if (m_run->page < 1)
            m_run->page = 1;
    }
    if (!pages.isEmpty()) {
        m_run->page = pages.first();
        m_run->singleQuery = false;
    }
    m_waiting = false;
    if (const Status valid = connection().validate(); !valid) {
        m_run->summary.stoppedEarly = true;
        m_run->summary.stopReason = valid.error().message;
        m_run->summary.failedPages << FailedPage { m_run->page, RequestFailure { valid.error(), std::nullopt, 0 } };
        QMetaObject::invokeMethod(
            this, [this]() { finish(); }, Qt::QueuedConnection);
        return;
    }
    requestPage();
}

void MispClient::requestPage(int attemptsUsed)
{
    if (!m_run)
        return;
    const QByteArray body
        = QJsonDocument(m_run->filters.restSearchBody(m_run->limit, m_run->page)).toJson(QJsonDocument::Compact);
    const int page = m_run->page;
    m_http->send(
        connection().endpoint(u"/events/restSearch"_s),
        body,
        u"restSearch page %1"_s.arg(page),
        [this](const auto &outcome) {
            if (const auto *failure = std::get_if<RequestFailure>(&outcome))
                onPageFailure(*failure);
            else
                onPage(std::get<QByteArray>(outcome), m_http->attempts());
        },
        attemptsUsed);
}

void MispClient::onPage(const QByteArray &body, int attemptsUsed)
{
    Run &run = *m_run;
    const QString source = u"restSearch page %1 from %2"_s.arg(run.page).arg(log::redactUrl(connection().baseUrl));
    ParsedDocument parsed = parseDocument(body, source);
    // An issue naming neither an event nor an item is about the whole answer (cut, not JSON): the
    // page is unusable as a whole, and keeping whatever came before the break would hide a gap.
    QStringList documentIssues;
    for (const ParseIssue &issue : std::as_const(parsed.issues))
        if (issue.eventRef.isEmpty() && issue.itemRef.isEmpty())
            documentIssues << issue.message;
    if (!documentIssues.isEmpty() && parsed.recognised) {
        if (m_http->canRetry(attemptsUsed)) {
            const auto delay = connection().retry.delayBefore(attemptsUsed + 1);
            log::get("misp")->warn("{}: {}; retrying in {} ms", source, documentIssues.join(u"; "_s), delay.count());
            QTimer::singleShot(delay, this, [this, attemptsUsed, page = run.page]() {
                if (m_run && m_run->page == page)
                    requestPage(attemptsUsed);
            });
            return;
        }
        onPageFailure(RequestFailure { Error { Error::Code::InvalidInput,
                                           u"%1 could not be read: %2"_s.arg(source, documentIssues.join(u"; "_s)),
                                           200 },
            std::nullopt,
            attemptsUsed });
        return;
    }
    if (!parsed.recognised && parsed.events.isEmpty()) {
        QString jsonError;
        const BodyShape shape = classifyUnrecognised(body, &jsonError);
        if (shape == BodyShape::InvalidJson) {
            // A truncated body is usually a cut connection: try again within the same bound.
            if (m_http->canRetry(attemptsUsed)) {
                const auto delay = connection().retry.delayBefore(attemptsUsed + 1);
                log::get("misp")->warn("{}: invalid JSON ({}); retrying in {} ms", source, jsonError, delay.count());
                QTimer::singleShot(delay, this, [this, attemptsUsed, page = run.page]() {
                    if (m_run && m_run->page == page)
                        requestPage(attemptsUsed);
                });
                return;
            }
            onPageFailure(RequestFailure {
                Error { Error::Code::InvalidInput, u"%1 is not valid JSON: %2"_s.arg(source, jsonError), 200 },
                std::nullopt,
                attemptsUsed });
            return;
        }
        if (shape == BodyShape::Other) {
            QStringList why;
            for (const ParseIssue &issue : std::as_const(parsed.issues))
                why << issue.message;
            onPageFailure(RequestFailure { Error { Error::Code::InvalidInput,
                                               u"%1 does not look like a MISP restSearch answer%2"_s.arg(
                                                   source, why.isEmpty() ? QString() : u": "_s + why.join(u"; "_s)),
                                               200 },
                std::nullopt,
                attemptsUsed });
            return;
        }
    }

    MispPage page;
    page.page = run.page;
    page.bytes = body.size();
    page.issues = std::move(parsed.issues);
    page.events = std::move(parsed.events);
    int eventLevelIssues = 0;
    for (const ParseIssue &issue : std::as_const(page.issues))
        if (issue.itemRef.isEmpty())
            ++eventLevelIssues;
    const qsizetype rawCount = page.events.size() + eventLevelIssues;
    for (Event &event : page.events) {
        page.attributesFilteredOut += run.filters.applyAttributeFilters(event);
        page.attributeCount += countAttributes(event);
        if (event.timestamp >= 0)
            run.summary.newestEventTimestamp = std::max(run.summary.newestEventTimestamp.value_or(0), event.timestamp);
        if (event.sourceName.isEmpty())
            event.sourceName = source;
    }
    run.consecutiveFailures = 0;
    run.summary.pagesFetched += 1;
    run.summary.events += page.events.size();
    run.summary.attributes += page.attributeCount;
    run.summary.parseIssues += page.issues.size();
    run.summary.bytes += page.bytes;
    for (const ParseIssue &issue : std::as_const(page.issues))
        log::get("misp")->warn("{}", issue.toString());

    const bool lastPage = run.singleQuery || rawCount < run.limit;
    m_waiting = true;
    Q_EMIT pageReady(page);
    page = {}; // drop this page's events before the next one is fetched
    afterPage(lastPage);
}

void MispClient::onPageFailure(const RequestFailure &failure)
{
    Run &run = *m_run;
    FailedPage failed { run.page, failure };
    run.summary.failedPages << failed;
    ++run.consecutiveFailures;
    log::get("misp")->error(
        "{} (after {} tries); its events are missing from this run", failure.error.message, failure.attempts);
    // Failures that every further page would meet too end the run now.
    switch (failure.error.code) {
    case Error::Code::Authentication:
    case Error::Code::Authorization:
    case Error::Code::NotFound:
    case Error::Code::Tls:
    case Error::Code::Configuration:
        run.summary.stoppedEarly = true;
        run.summary.stopReason = failure.error.message;
        break;
    default:
        if (run.consecutiveFailures >= connection().maxConsecutiveFailedPages) {
            run.summary.stoppedEarly = true;
            run.summary.stopReason = u"%1 pages in a row failed"_s.arg(run.consecutiveFailures);
        }
        break;
    }
    m_waiting = true;
    Q_EMIT pageFailed(failed);
    afterPage(run.singleQuery);
}

void MispClient::afterPage(bool lastPage)
{
    if (!m_run)
        return; // cancelled from a slot
    Run &run = *m_run;
    Q_EMIT progress(run.summary.pagesFetched + int(run.summary.failedPages.size()), run.summary.events);
    if (!m_run)
        return;
    bool done = lastPage || run.summary.stoppedEarly;
    if (!run.explicitPages.isEmpty()) {
        ++run.index;
        done = run.summary.stoppedEarly || run.index >= run.explicitPages.size();
        if (!done)
            run.page = run.explicitPages.at(run.index);
    } else if (!done) {
        ++run.page;
        if (run.page > connection().maxPages) {
            run.summary.stoppedEarly = true;
            run.summary.stopReason = u"reached the bound of %1 pages"_s.arg(connection().maxPages);
            done = true;
        }
    }
    if (done) {
        m_waiting = false;
        finish();
        return;
    }
    if (m_autoContinue && m_waiting) {
        m_waiting = false;
        requestPage();
    }
}

void MispClient::continueFetch()
{
    if (!m_run || !m_waiting)
        return;
    m_waiting = false;
    // From the event loop, so a receiver calling this inside its slot does not recurse.
    QMetaObject::invokeMethod(
        this,
        [this]() {
            if (m_run && !m_http->isBusy())
                requestPage();
        },
        Qt::QueuedConnection);
}

void MispClient::finish()
{
    if (!m_run)
        return;
    m_http->cancel();
    const FetchSummary summary = m_run->summary;
    m_run.reset();
    m_waiting = false;
    if (summary.complete())
        log::get("misp")->info("MISP fetch complete: {}", summary.toString());
    else
        log::get("misp")->warn("MISP fetch incomplete: {}", summary.toString());
    Q_EMIT finished(summary);
}

} // namespace msb::misp
