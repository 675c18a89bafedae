// SPDX-License-Identifier: BSD-2-Clause
#include "core/store/ledger.h"

#include "core/log/logging.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <atomic>

using namespace Qt::Literals::StringLiterals;

namespace msb::store {

namespace {

std::atomic<quint64> g_connectionCounter { 0 };

QString toText(const QDateTime &dt)
{
    return dt.isValid() ? dt.toUTC().toString(Qt::ISODateWithMs) : QString();
}

QDateTime fromText(const QVariant &v)
{
    const QString s = v.toString();
    if (s.isEmpty())
        return {};
    QDateTime dt = QDateTime::fromString(s, Qt::ISODateWithMs);
    return dt.toUTC();
}

Error sqlError(const QString &what, const QSqlError &e)
{
    return Error { Error::Code::Other, u"ledger: %1 failed: %2"_s.arg(what, e.text()), 0 };
}

/// Commits on success, rolls back if left without commit().
class Transaction final
{
public:
    explicit Transaction(const QSqlDatabase &db)
        : m_db(db)
    {
        m_open = m_db.transaction();
    }
    ~Transaction()
    {
        if (m_open)
            m_db.rollback();
    }
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;
    bool ok() const { return m_open; }
    bool commit()
    {
        m_open = false;
        return m_db.commit();
    }

private:
    QSqlDatabase m_db;
    bool m_open = false;
};

} // namespace

QString statusName(LedgerStatus status)
{
    switch (status) {
    case LedgerStatus::Pending:
        return u"pending"_s;
    case LedgerStatus::Sent:
        return u"sent"_s;
    case LedgerStatus::Accepted:
        return u"accepted"_s;
    case LedgerStatus::Rejected:
        return u"rejected"_s;
    case LedgerStatus::Failed:
        return u"failed"_s;
    case LedgerStatus::Revoked:
        return u"revoked"_s;
    }
    return u"unknown"_s;
}

Ledger::Ledger() = default;

Ledger::~Ledger()
{
    close();
}

bool Ledger::isOpen() const
{
    return !m_connection.isEmpty() && QSqlDatabase::database(m_connection, false).isOpen();
}

void Ledger::close()
{
    if (m_connection.isEmpty())
        return;
    {
        QSqlDatabase db = QSqlDatabase::database(m_connection, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_connection);
    m_connection.clear();
}

Status Ledger::exec(const QString &sql) const
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    if (!q.exec(sql))
        return sqlError(sql.left(40), q.lastError());
    return Done {};
}

Status Ledger::open(const QString &path)
{
    close();
    const QFileInfo fi(path);
    if (!fi.absoluteDir().exists() && !QDir().mkpath(fi.absolutePath()))
        return Error { Error::Code::Other, u"ledger: cannot create the folder %1"_s.arg(fi.absolutePath()), 0 };
    m_connection = u"msb-ledger-%1"_s.arg(++g_connectionCounter);
    m_path = path;
    QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, m_connection);
    db.setDatabaseName(path);
    db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=10000"_s);
    if (!db.open()) {
        const Error e = sqlError(u"opening %1"_s.arg(path), db.lastError());
        close();
        return e;
    }
    const QStringList schema = {
        u"PRAGMA journal_mode=WAL"_s,
        u"PRAGMA synchronous=NORMAL"_s,
        u"CREATE TABLE IF NOT EXISTS objects (target TEXT NOT NULL, stix_id TEXT NOT NULL, type TEXT, hash TEXT, "
        u"modified TEXT, status INTEGER NOT NULL, last_error TEXT, sent_at TEXT, revoked INTEGER NOT NULL DEFAULT 0, "
        u"event_uuid TEXT, valid_until TEXT, batch_id INTEGER, json BLOB, PRIMARY KEY (target, stix_id)) WITHOUT ROWID"_s,
        u"CREATE INDEX IF NOT EXISTS objects_batch ON objects (target, batch_id)"_s,
        u"CREATE TABLE IF NOT EXISTS batches (id INTEGER PRIMARY KEY AUTOINCREMENT, created TEXT)"_s,
        u"CREATE TABLE IF NOT EXISTS runs (id INTEGER PRIMARY KEY AUTOINCREMENT, started TEXT, finished TEXT, "
        u"profile TEXT, outcome TEXT, errors TEXT)"_s,
        u"CREATE TABLE IF NOT EXISTS run_targets (run_id INTEGER NOT NULL, target TEXT, name TEXT, planned INTEGER, "
        u"sent INTEGER, accepted INTEGER, rejected INTEGER, failed INTEGER, revoked INTEGER, unchanged INTEGER, "
        u"filtered INTEGER, retries INTEGER, rate_limited INTEGER, first_error TEXT)"_s,
        u"CREATE INDEX IF NOT EXISTS run_targets_run ON run_targets (run_id)"_s,
    };
    for (const QString &sql : schema) {
        Status s = exec(sql);
        if (!s.ok()) {
            close();
            return s;
        }
    }
    return Done {};
}

Result<QHash<QString, LedgerEntry>> Ledger::entries(const QString &targetKey) const
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.setForwardOnly(true);
    q.prepare(u"SELECT stix_id, type, hash, modified, status, last_error, sent_at, revoked, event_uuid, valid_until, "
              u"batch_id FROM objects WHERE target = ?"_s);
    q.addBindValue(targetKey);
    if (!q.exec())
        return sqlError(u"reading entries"_s, q.lastError());
    QHash<QString, LedgerEntry> out;
    while (q.next()) {
        LedgerEntry e;
        e.stixId = q.value(0).toString();
        e.type = q.value(1).toString();
        e.contentHash = q.value(2).toString();
        e.modified = fromText(q.value(3));
        e.status = LedgerStatus(q.value(4).toInt());
        e.lastError = q.value(5).toString();
        e.sentAt = fromText(q.value(6));
        e.revoked = q.value(7).toInt() != 0;
        e.eventUuid = q.value(8).toString();
        e.validUntil = fromText(q.value(9));
        e.batchId = q.value(10).toLongLong();
        out.insert(e.stixId, e);
    }
    return out;
}

Result<LedgerEntry> Ledger::entry(const QString &targetKey, const QString &stixId) const
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(u"SELECT stix_id, type, hash, modified, status, last_error, sent_at, revoked, event_uuid, valid_until, "
              u"batch_id, json FROM objects WHERE target = ? AND stix_id = ?"_s);
    q.addBindValue(targetKey);
    q.addBindValue(stixId);
    if (!q.exec())
        return sqlError(u"reading an entry"_s, q.lastError());
    if (!q.next())
        return Error { Error::Code::NotFound, u"ledger: %1 is unknown for this target"_s.arg(stixId), 0 };
    LedgerEntry e;
    e.stixId = q.value(0).toString();
    e.type = q.value(1).toString();
    e.contentHash = q.value(2).toString();
    e.modified = fromText(q.value(3));
    e.status = LedgerStatus(q.value(4).toInt());
    e.lastError = q.value(5).toString();
    e.sentAt = fromText(q.value(6));
    e.revoked = q.value(7).toInt() != 0;
    e.eventUuid = q.value(8).toString();
    e.validUntil = fromText(q.value(9));
    e.batchId = q.value(10).toLongLong();
    e.json = q.value(11).toByteArray();
    return e;
}

Status Ledger::markSent(const QString &targetKey, qint64 batchId, const QList<LedgerEntry> &rows)
{
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    Transaction tx(db);
    if (!tx.ok())
        return sqlError(u"starting a transaction"_s, db.lastError());
    QSqlQuery q(db);
    q.prepare(u"INSERT INTO objects (target, stix_id, type, hash, modified, status, last_error, sent_at, revoked, "
              u"event_uuid, valid_until, batch_id, json) VALUES (?, ?, ?, ?, ?, ?, NULL, ?, ?, ?, ?, ?, ?) "
              u"ON CONFLICT (target, stix_id) DO UPDATE SET type = excluded.type, hash = excluded.hash, "
              u"modified = excluded.modified, status = excluded.status, last_error = NULL, sent_at = excluded.sent_at, "
              u"revoked = excluded.revoked, event_uuid = COALESCE(excluded.event_uuid, objects.event_uuid), "
              u"valid_until = excluded.valid_until, batch_id = excluded.batch_id, json = excluded.json"_s);
    const QString now = toText(QDateTime::currentDateTimeUtc());
    for (const LedgerEntry &e : rows) {
        q.addBindValue(targetKey);
        q.addBindValue(e.stixId);
        q.addBindValue(e.type);
        q.addBindValue(e.contentHash);
        q.addBindValue(toText(e.modified));
        q.addBindValue(int(LedgerStatus::Sent));
        q.addBindValue(now);
        q.addBindValue(e.revoked ? 1 : 0);
        q.addBindValue(e.eventUuid.isEmpty() ? QVariant() : QVariant(e.eventUuid));
        q.addBindValue(toText(e.validUntil));
        q.addBindValue(batchId);
        q.addBindValue(e.json);
        if (!q.exec())
            return sqlError(u"recording a batch as sent"_s, q.lastError());
    }
    if (!tx.commit())
        return sqlError(u"committing a batch"_s, db.lastError());
    return Done {};
}

Status Ledger::acknowledge(const QString &targetKey, qint64 batchId, const QHash<QString, QString> &rejected)
{
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    Transaction tx(db);
    if (!tx.ok())
        return sqlError(u"starting a transaction"_s, db.lastError());
    QSqlQuery q(db);
    q.prepare(u"UPDATE objects SET status = CASE WHEN revoked = 1 THEN ? ELSE ? END, last_error = NULL "
              u"WHERE target = ? AND batch_id = ? AND status = ?"_s);
    q.addBindValue(int(LedgerStatus::Revoked));
    q.addBindValue(int(LedgerStatus::Accepted));
    q.addBindValue(targetKey);
    q.addBindValue(batchId);
    q.addBindValue(int(LedgerStatus::Sent));
    if (!q.exec())
        return sqlError(u"acknowledging a batch"_s, q.lastError());
    if (!rejected.isEmpty()) {
        QSqlQuery r(db);
        r.prepare(u"UPDATE objects SET status = ?, last_error = ? WHERE target = ? AND batch_id = ? AND stix_id = ?"_s);
        for (auto it = rejected.cbegin(); it != rejected.cend(); ++it) {
            r.addBindValue(int(LedgerStatus::Rejected));
            r.addBindValue(it.value());
            r.addBindValue(targetKey);
            r.addBindValue(batchId);
            r.addBindValue(it.key());
            if (!r.exec())
                return sqlError(u"recording a rejection"_s, r.lastError());
        }
    }
    if (!tx.commit())
        return sqlError(u"committing an acknowledgement"_s, db.lastError());
    return Done {};
}

Status Ledger::markFailed(const QString &targetKey, qint64 batchId, const QString &error)
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(u"UPDATE objects SET status = ?, last_error = ? WHERE target = ? AND batch_id = ? AND status = ?"_s);
    q.addBindValue(int(LedgerStatus::Failed));
    q.addBindValue(error);
    q.addBindValue(targetKey);
    q.addBindValue(batchId);
    q.addBindValue(int(LedgerStatus::Sent));
    if (!q.exec())
        return sqlError(u"recording a failed batch"_s, q.lastError());
    return Done {};
}

qint64 Ledger::nextBatchId()
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(u"INSERT INTO batches (created) VALUES (?)"_s);
    q.addBindValue(toText(QDateTime::currentDateTimeUtc()));
    if (!q.exec()) {
        log::get("store")->error("ledger: cannot allocate a batch id: {}", q.lastError().text());
        return 0;
    }
    return q.lastInsertId().toLongLong();
}

Result<QHash<LedgerStatus, int>> Ledger::statusCounts(const QString &targetKey) const
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(u"SELECT status, COUNT(*) FROM objects WHERE target = ? GROUP BY status"_s);
    q.addBindValue(targetKey);
    if (!q.exec())
        return sqlError(u"counting"_s, q.lastError());
    QHash<LedgerStatus, int> out;
    while (q.next())
        out.insert(LedgerStatus(q.value(0).toInt()), q.value(1).toInt());
    return out;
}

Result<qint64> Ledger::beginRun(const QString &profile, const QDateTime &started)
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(u"INSERT INTO runs (started, profile, outcome) VALUES (?, ?, '')"_s);
    q.addBindValue(toText(started.isValid() ? started.toUTC() : QDateTime::currentDateTimeUtc()));
    q.addBindValue(profile);
    if (!q.exec())
        return sqlError(u"recording a run"_s, q.lastError());
    return q.lastInsertId().toLongLong();
}

Status Ledger::finishRun(const RunRecord &run)
{
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    Transaction tx(db);
    if (!tx.ok())
        return sqlError(u"starting a transaction"_s, db.lastError());
    QSqlQuery q(db);
    q.prepare(u"UPDATE runs SET finished = ?, outcome = ?, errors = ? WHERE id = ?"_s);
    q.addBindValue(toText(run.finished.isValid() ? run.finished : QDateTime::currentDateTimeUtc()));
    q.addBindValue(run.outcome);
    q.addBindValue(
        QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(run.errors)).toJson(QJsonDocument::Compact)));
    q.addBindValue(run.id);
    if (!q.exec())
        return sqlError(u"finishing a run"_s, q.lastError());
    QSqlQuery t(db);
    t.prepare(
        u"INSERT INTO run_targets (run_id, target, name, planned, sent, accepted, rejected, failed, revoked, "
        u"unchanged, filtered, retries, rate_limited, first_error) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s);
    for (const RunTargetCounts &c : run.targets) {
        t.addBindValue(run.id);
        t.addBindValue(c.targetKey);
        t.addBindValue(c.targetName);
        t.addBindValue(c.planned);
        t.addBindValue(c.sent);
        t.addBindValue(c.accepted);
        t.addBindValue(c.rejected);
        t.addBindValue(c.failed);
        t.addBindValue(c.revoked);
        t.addBindValue(c.unchanged);
        t.addBindValue(c.filtered);
        t.addBindValue(c.retries);
        t.addBindValue(c.rateLimited);
        t.addBindValue(c.firstError);
        if (!t.exec())
            return sqlError(u"recording run counts"_s, t.lastError());
    }
    if (!tx.commit())
        return sqlError(u"committing a run"_s, db.lastError());
    return Done {};
}

Result<QList<RunRecord>> Ledger::runs(int limit) const
{
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    QSqlQuery q(db);
    q.prepare(u"SELECT id, started, finished, profile, outcome, errors FROM runs ORDER BY id DESC LIMIT ?"_s);
    q.addBindValue(std::max(1, limit));
    if (!q.exec())
        return sqlError(u"reading runs"_s, q.lastError());
    QList<RunRecord> out;
    while (q.next()) {
        RunRecord r;
        r.id = q.value(0).toLongLong();
        r.started = fromText(q.value(1));
        r.finished = fromText(q.value(2));
        r.profile = q.value(3).toString();
        r.outcome = q.value(4).toString();
        for (const QJsonValue &v : QJsonDocument::fromJson(q.value(5).toString().toUtf8()).array())
            r.errors.append(v.toString());
        out.append(r);
    }
    QSqlQuery t(db);
    t.prepare(u"SELECT target, name, planned, sent, accepted, rejected, failed, revoked, unchanged, filtered, retries, "
              u"rate_limited, first_error FROM run_targets WHERE run_id = ?"_s);
    for (RunRecord &r : out) {
        t.addBindValue(r.id);
        if (!t.exec())
            return sqlError(u"reading run counts"_s, t.lastError());
        while (t.next()) {
            RunTargetCounts c;
            c.targetKey = t.value(0).toString();
            c.targetName = t.value(1).toString();
            c.planned = t.value(2).toInt();
            c.sent = t.value(3).toInt();
            c.accepted = t.value(4).toInt();
            c.rejected = t.value(5).toInt();
            c.failed = t.value(6).toInt();
            c.revoked = t.value(7).toInt();
            c.unchanged = t.value(8).toInt();
            c.filtered = t.value(9).toInt();
            c.retries = t.value(10).toInt();
            c.rateLimited = t.value(11).toInt();
            c.firstError = t.value(12).toString();
            r.targets.append(c);
        }
    }
    return out;
}

} // namespace msb::store
