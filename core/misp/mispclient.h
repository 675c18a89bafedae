// SPDX-License-Identifier: BSD-2-Clause
#pragma once

#include "core/misp/mispconnection.h"
#include "core/misp/mispevent.h"
#include "core/misp/mispfilters.h"

#include <QList>
#include <QMetaType>
#include <QObject>
#include <QString>
#include <QStringList>

#include <optional>

namespace msb::misp {

class MispHttp;

/// What the connection test learnt about the instance and the key.
struct ConnectionInfo
{
    QString mispVersion;
    QString email;
    QString organisation;
    QString role;
    QStringList writePermissions; ///< e.g. "perm_add", "perm_modify": non-empty means the key can write
    QStringList warnings; ///< for a person: "this key can modify events; a read-only key is recommended"
    bool canWrite() const { return !writePermissions.isEmpty(); }
};

struct ConnectionTestResult
{
    bool ok = false;
    ConnectionInfo info; ///< when ok
    RequestFailure failure; ///< when not ok (certificate set on TLS failures)
};

/// One restSearch page, parsed. Handed on before the next page is requested.
struct MispPage
{
    int page = 0;
    QList<Event> events;
    QList<ParseIssue> issues; ///< items of this page that could not be read (the rest are kept)
    qint64 bytes = 0;
    qint64 attributeCount = 0; ///< event + object attributes after attribute filters
    int attributesFilteredOut = 0;
};

/// A page that still failed after its retries. Its events are missing from the run.
struct FailedPage
{
    int page = 0;
    RequestFailure failure;
};

/// The account of a run: what was fetched, what is missing, how far the watermark may move.
struct FetchSummary
{
    int pagesFetched = 0;
    qint64 events = 0;
    qint64 attributes = 0;
    qint64 parseIssues = 0;
    qint64 bytes = 0;
    QList<FailedPage> failedPages;
    bool cancelled = false;
    bool stoppedEarly = false; ///< too many failed pages in a row, or the page bound was reached
    QString stopReason;
    qint64 startedAt = 0; ///< epoch seconds when the run started (client clock)
    std::optional<qint64> newestEventTimestamp;

    /// Every page arrived and none failed: nothing is missing.
    bool complete() const { return failedPages.isEmpty() && !cancelled && !stoppedEarly; }
    /// The incremental watermark may advance to this (the run's start) only when complete; otherwise
    /// nullopt, so the next run asks for the same window again and the failed pages are not lost.
    std::optional<qint64> completeUpTo() const { return complete() ? std::optional<qint64>(startedAt) : std::nullopt; }
    /// "3 pages, 250 events; pages 4 and 7 failed: …" for logs and the run report.
    QString toString() const;
};

/// The MISP REST client: connection test and paged `POST /events/restSearch`.
///
/// Asynchronous, no nested event loops: lives on (and must be used from) the thread that owns it,
/// normally a worker thread; signals are emitted on that thread. One operation at a time
/// (a new call cancels the previous one). Each page is parsed on this thread and pageReady() is
/// emitted BEFORE the next page is requested, so memory holds one page at a time as long as
/// receivers do not keep the events. With a receiver on another thread, switch off auto-continue
/// and call continueFetch() when the page has been consumed (back-pressure).
class MispClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MispClient)

public:
    explicit MispClient(MispConnection connection, QObject *parent = nullptr);
    ~MispClient() override;

    const MispConnection &connection() const;

    /// GET /servers/getVersion and /users/view/me; emits connectionTested().
    void testConnection();
    /// Fetches every page of the restSearch; emits pageReady()/pageFailed() per page and finished() once.
    /// A `limit` in the filters disables paging (one page, as misp2sentinel does).
    void fetchEvents(const MispFilters &filters);
    /// Fetches only the given pages (retrying the failed pages of an earlier run with the same filters).
    void fetchPages(const MispFilters &filters, const QList<int> &pages);

    /// Default true. When false, the client waits after each pageReady()/pageFailed() for continueFetch().
    void setAutoContinue(bool autoContinue);
    void continueFetch();
    /// Stops the running operation; finished() follows with cancelled set (connection tests just stop).
    void cancel();
    bool isBusy() const;

Q_SIGNALS:
    void connectionTested(const msb::misp::ConnectionTestResult &result);
    void pageReady(const msb::misp::MispPage &page);
    void pageFailed(const msb::misp::FailedPage &failed);
    /// After each page: pages done so far and events so far.
    void progress(int pagesDone, qint64 eventsSoFar);
    void finished(const msb::misp::FetchSummary &summary);

private:
    struct Run;
    void requestPage(int attemptsUsed = 0);
    void onPage(const QByteArray &body, int attemptsUsed);
    void onPageFailure(const RequestFailure &failure);
    void afterPage(bool lastPage);
    void advance();
    void finish();
    void onVersion(const QByteArray &body);
    void onMe(const QByteArray &body);

    MispHttp *m_http;
    std::unique_ptr<Run> m_run;
    ConnectionTestResult m_test;
    bool m_testing = false;
    bool m_autoContinue = true;
    bool m_waiting = false;
};

/// Reads /users/view/me (either the {"User","Role","Organisation"} shape or a bare user). Exposed for tests.
ConnectionInfo parseUserView(const QByteArray &body, ConnectionInfo info = {});

} // namespace msb::misp

Q_DECLARE_METATYPE(msb::misp::ConnectionTestResult)
Q_DECLARE_METATYPE(msb::misp::MispPage)
Q_DECLARE_METATYPE(msb::misp::FailedPage)
Q_DECLARE_METATYPE(msb::misp::FetchSummary)
