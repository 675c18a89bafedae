// SPDX-License-Identifier: BSD-2-Clause
#pragma once

#include "core/misp/mispclient.h"
#include "core/misp/mispconnection.h"
#include "core/misp/mispfilters.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QString>

#include <optional>

namespace msb::misp {

class MispHttp;

/// Where a MISP feed is: a local folder, or an HTTP(S) URL of the folder holding manifest.json.
struct FeedLocation
{
    QString folder; ///< local folder; when set, `remote` is ignored
    MispConnection remote; ///< baseUrl = the feed folder URL (trust, proxy, timeout, retries apply)
    bool isRemote() const { return folder.isEmpty(); }
    QString displayName() const; ///< folder path or redacted URL
};

/// Per-feed memory between syncs: event uuid -> change token (manifest timestamp, else its md5).
/// Passed in and handed back updated; entries that failed keep their old token so they are fetched again.
using FeedState = QHash<QString, QString>;

/// One manifest entry, in either layout: MISP's dict keyed by uuid (file `<uuid>.json`) or a list of
/// entries with a `filename` (e.g. malvuln's `misp_event_<md5>.json`).
struct FeedEntry
{
    QString uuid;
    QString fileName; ///< relative to the feed folder
    QString changeToken; ///< timestamp, md5 or a digest of the entry
    FilterSubject subject;
};

/// Reads manifest.json text into entries; issues (entries without uuid…) are listed, not fatal.
struct ParsedManifest
{
    QList<FeedEntry> entries;
    QStringList issues;
};
Result<ParsedManifest> parseManifest(const QByteArray &json, const QString &sourceName);

struct FeedFailure
{
    QString uuid;
    QString fileName;
    RequestFailure failure;
};

/// The account of a feed run.
struct FeedSummary
{
    int manifestEntries = 0;
    int unchanged = 0; ///< skipped: same change token as last sync
    int filteredOut = 0; ///< by manifest data or, after reading, by the event itself
    int fetched = 0; ///< event files read and handed on
    qint64 events = 0;
    qint64 attributes = 0;
    qint64 parseIssues = 0;
    QList<FeedFailure> failed;
    QStringList manifestIssues;
    bool cancelled = false;
    std::optional<RequestFailure> manifestFailure; ///< the manifest itself could not be read
    FeedState state; ///< the state to store for the next sync
    bool complete() const { return failed.isEmpty() && !cancelled && !manifestFailure; }
    QString toString() const;
};

/// Reads a MISP feed: the manifest, then each selected event file, one at a time.
///
/// Selection: entries whose change token differs from `previous`, then the filters on what the
/// manifest tells (date, timestamp, tags, org, uuid, threat level; missing fields never exclude),
/// then the filters on the full event (feeds are published by definition, so `published` is not
/// checked). Attribute filters (to_ids, type_attribute) apply as for restSearch.
/// Each event file is handed on in eventsReady() (MispPage with page = entry index + 1) before the
/// next is read. Lives on its thread; asynchronous; no nested event loops.
class FeedSource final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FeedSource)

public:
    explicit FeedSource(FeedLocation location, QObject *parent = nullptr);
    ~FeedSource() override;

    void fetch(const MispFilters &filters, const FeedState &previous = {});
    void setAutoContinue(bool autoContinue) { m_autoContinue = autoContinue; }
    void continueFetch();
    void cancel();
    bool isBusy() const { return m_running; }

Q_SIGNALS:
    void eventsReady(const msb::misp::MispPage &page);
    void entryFailed(const msb::misp::FeedFailure &failure);
    void progress(int done, int total);
    void finished(const msb::misp::FeedSummary &summary);

private:
    void onManifest(const QByteArray &body);
    void next();
    void onEventFile(const QByteArray &body);
    void onEntryFailure(const RequestFailure &failure);
    void afterEntry();
    void finish();
    QUrl fileUrl(const QString &fileName) const;

    FeedLocation m_location;
    MispHttp *m_http = nullptr;
    MispFilters m_filters;
    FeedState m_previous;
    QList<FeedEntry> m_selected;
    int m_index = -1;
    FeedSummary m_summary;
    bool m_running = false;
    bool m_autoContinue = true;
    bool m_waiting = false;
    QDateTime m_now;
};

} // namespace msb::misp

Q_DECLARE_METATYPE(msb::misp::FeedFailure)
Q_DECLARE_METATYPE(msb::misp::FeedSummary)
