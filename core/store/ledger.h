// SPDX-License-Identifier: BSD-2-Clause
#pragma once

#include "core/util/result.h"

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

namespace msb::store {

/// Where one object stands with one target.
enum class LedgerStatus {
    Pending = 0, ///< known but never sent
    Sent = 1, ///< in a batch that was sent and not acknowledged (in flight, or the run crashed)
    Accepted = 2, ///< the API took it
    Rejected = 3, ///< the API refused it (lastError says why); re-sent only when its content changes
    Failed = 4, ///< its batch failed (403, 5xx after all retries...); re-sent on the next run
    Revoked = 5, ///< a revocation of it was accepted
};
QString statusName(LedgerStatus status);

/// What the ledger knows about one STIX id for one target.
struct LedgerEntry
{
    QString stixId;
    QString type; ///< STIX type ("indicator"...)
    QString contentHash; ///< hash of the last content sent (without `modified`)
    QDateTime modified; ///< `modified` of the last content sent
    LedgerStatus status = LedgerStatus::Pending;
    QString lastError;
    QDateTime sentAt;
    bool revoked = false; ///< the last content sent carried revoked: true
    QString eventUuid; ///< MISP event it came from (revocation scope)
    QDateTime validUntil; ///< invalid: none
    qint64 batchId = 0;
    QByteArray json; ///< the last content sent (only filled by entry()/entriesWithJson)
};

/// Per-target counts of one run.
struct RunTargetCounts
{
    QString targetKey;
    QString targetName;
    int planned = 0;
    int sent = 0;
    int accepted = 0;
    int rejected = 0;
    int failed = 0;
    int revoked = 0;
    int unchanged = 0;
    int filtered = 0;
    int retries = 0;
    int rateLimited = 0;
    QString firstError;
};

/// One sync run for the History view and the `history` CLI.
struct RunRecord
{
    qint64 id = 0;
    QDateTime started;
    QDateTime finished; ///< invalid: still running or crashed
    QString profile;
    QString outcome; ///< "ok", "errors", "cancelled", "failed", "" while running
    QList<RunTargetCounts> targets;
    QStringList errors;
};

/// The sync ledger: SQLite (Qt SQL, WAL journal) in one file.
///
/// Threading: one Ledger object = one database connection, bound to the thread that called
/// open(); use it from that thread only and give every thread its own Ledger on the same path
/// (WAL lets them read while another writes). Not copyable. close() or the destructor releases
/// the connection.
///
/// Crash safety: markSent() is committed before a batch is sent; acknowledge()/markFailed()
/// after its answer. Rows still `Sent` when a run starts belong to a batch whose answer never
/// arrived; the planner re-sends exactly those.
class Ledger final
{
public:
    Ledger();
    ~Ledger();
    Ledger(const Ledger &) = delete;
    Ledger &operator=(const Ledger &) = delete;

    /// Opens (creating if needed) the database; creates the schema.
    Status open(const QString &path);
    void close();
    bool isOpen() const;
    QString path() const { return m_path; }

    /// Every row of a target, keyed by STIX id, without the stored JSON.
    Result<QHash<QString, LedgerEntry>> entries(const QString &targetKey) const;
    /// One row with its JSON; NotFound if unknown.
    Result<LedgerEntry> entry(const QString &targetKey, const QString &stixId) const;

    /// Records (upserts) the objects of a batch as Sent before the request goes out. `rows`
    /// carry id, type, hash, modified, revoked, eventUuid, validUntil and json. One transaction.
    Status markSent(const QString &targetKey, qint64 batchId, const QList<LedgerEntry> &rows);
    /// The API answered: every object of the batch not in `rejected` (stix id -> message) is
    /// Accepted (Revoked when its content was a revocation).
    Status acknowledge(const QString &targetKey, qint64 batchId, const QHash<QString, QString> &rejected);
    /// The batch was not taken: its objects become Failed with `error`.
    Status markFailed(const QString &targetKey, qint64 batchId, const QString &error);
    /// A fresh batch id (unique in this database).
    qint64 nextBatchId();

    /// Counts of rows per status for a target.
    Result<QHash<LedgerStatus, int>> statusCounts(const QString &targetKey) const;

    /// Records a run as started at `started` (invalid: now); finishRun() completes it.
    Result<qint64> beginRun(const QString &profile, const QDateTime &started = {});
    Status finishRun(const RunRecord &run);
    /// Newest first, at most `limit`.
    Result<QList<RunRecord>> runs(int limit = 50) const;

private:
    Status exec(const QString &sql) const;
    QString m_connection;
    QString m_path;
};

} // namespace msb::store
