// SPDX-License-Identifier: BSD-2-Clause
#pragma once

#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QMutex>
#include <QString>

#include <optional>

namespace msb::sandbox {

/// The current version of one object in a workspace, keyed like Sentinel's `Id`: (sourcesystem, STIX id).
struct StoredObject
{
    QString sourceSystem;
    QString id;
    QJsonObject object; ///< exactly as it arrived (the newest accepted version)
    QDateTime modified;
    bool revoked = false;
    int versions = 0; ///< accepted versions (first upload + newer `modified`)
    int timesReceived = 0; ///< every valid arrival, duplicates and stale ones included
};

/// One upload request that reached a known workspace, in arrival order.
struct UploadRecord
{
    quint64 sequence = 0; ///< global order over all workspaces
    QDateTime receivedAt;
    QString api; ///< "stix", "legacy" or "legacy-v2"
    QString tenantId; ///< from the token, empty if there was none
    QString clientId;
    QString sourceSystem;
    int status = 0; ///< what the sandbox answered
    QJsonArray objects; ///< the array as sent (empty if the body did not parse)
    QList<int> rejectedIndexes; ///< recordIndex values reported back as errors
};

/// What happened to objects in one workspace.
struct StoreCounts
{
    int requests = 0; ///< upload requests logged (any status)
    int acceptedRequests = 0; ///< requests answered 200
    int objectsReceived = 0; ///< objects in 200-answered requests
    int rejected = 0; ///< objects reported in errors[]
    int inserted = 0; ///< first version of an object
    int updated = 0; ///< newer `modified` replaced the stored version
    int duplicates = 0; ///< same `modified`, identical content (a harmless re-send)
    int conflicts = 0; ///< same `modified`, different content (a client bug: tests assert 0)
    int stale = 0; ///< older `modified` than stored: ignored
    int afterRevoke = 0; ///< a non-revoked version after a revocation: ignored (revocation is permanent)
};

/// The sandbox's model of one workspace's threat-intelligence store. Thread-safe.
///
/// Dedup by (sourcesystem, id) and keep the newest `modified` (sentinel-api.md §6; equal-or-older updates are
/// [UNCONFIRMED] upstream, here they are ignored and counted). Revocation is permanent.
class WorkspaceStore final
{
public:
    /// Logs a request; for a 200 answer, ingests the objects whose index is not in record.rejectedIndexes.
    void record(UploadRecord record);

    QList<StoredObject> objects() const; ///< sorted by (sourcesystem, id)
    std::optional<StoredObject> object(const QString &sourceSystem, const QString &id) const;
    QList<UploadRecord> log() const;
    StoreCounts counts() const;
    void clear();

    /// {"objects":[{sourcesystem,id,revoked,versions,timesReceived,object}], "counts":{...}}
    QJsonObject objectsJson() const;
    /// {"uploads":[{sequence,receivedAt,api,tenantId,clientId,sourcesystem,status,objectCount,rejectedIndexes,objects}]}
    QJsonObject logJson() const;
    static QJsonObject countsJson(const StoreCounts &counts);

private:
    void ingest(const QString &sourceSystem, const QJsonObject &object);

    mutable QMutex m_mutex;
    QHash<QString, StoredObject> m_objects; ///< key: sourcesystem + '\n' + id
    QList<UploadRecord> m_log;
    StoreCounts m_counts;
};

} // namespace msb::sandbox
