// SPDX-License-Identifier: BSD-2-Clause
#include "tests/sandbox/workspacestore.h"

#include <QMutexLocker>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace msb::sandbox {

namespace {

QDateTime parseModified(const QJsonValue &value)
{
    QString text = value.toString();
    if (!text.endsWith(u'Z'))
        return {};
    text.chop(1);
    if (const qsizetype dot = text.indexOf(u'.'); dot >= 0)
        text = text.left(dot) + u'.' + text.mid(dot + 1).leftJustified(3, u'0').left(3);
    QDateTime parsed
        = QDateTime::fromString(text, text.contains(u'.') ? u"yyyy-MM-ddTHH:mm:ss.zzz"_s : u"yyyy-MM-ddTHH:mm:ss"_s);
    parsed.setTimeSpec(Qt::UTC);
    return parsed;
}

} // namespace

void WorkspaceStore::record(UploadRecord record)
{
    QMutexLocker lock(&m_mutex);
    ++m_counts.requests;
    if (record.status == 200) {
        ++m_counts.acceptedRequests;
        m_counts.objectsReceived += int(record.objects.size());
        m_counts.rejected += int(record.rejectedIndexes.size());
        for (qsizetype i = 0; i < record.objects.size(); ++i) {
            if (!record.rejectedIndexes.contains(int(i)))
                ingest(record.sourceSystem, record.objects.at(i).toObject());
        }
    }
    m_log.append(std::move(record));
}

void WorkspaceStore::ingest(const QString &sourceSystem, const QJsonObject &object)
{
    const QString id = object.value(u"id"_s).toString();
    const QString key = sourceSystem + u'\n' + id;
    const QDateTime modified = parseModified(object.value(u"modified"_s));
    const bool revoked = object.value(u"revoked"_s).toBool(false);
    auto it = m_objects.find(key);
    if (it == m_objects.end()) {
        m_objects.insert(key, StoredObject { sourceSystem, id, object, modified, revoked, 1, 1 });
        ++m_counts.inserted;
        return;
    }
    StoredObject &stored = it.value();
    ++stored.timesReceived;
    if (stored.revoked && !revoked) {
        ++m_counts.afterRevoke;
        return;
    }
    if (modified > stored.modified) {
        stored.object = object;
        stored.modified = modified;
        stored.revoked = revoked;
        ++stored.versions;
        ++m_counts.updated;
    } else if (modified == stored.modified) {
        if (stored.object == object)
            ++m_counts.duplicates;
        else
            ++m_counts.conflicts;
    } else {
        ++m_counts.stale;
    }
}

QList<StoredObject> WorkspaceStore::objects() const
{
    QMutexLocker lock(&m_mutex);
    QList<StoredObject> list = m_objects.values();
    std::sort(list.begin(), list.end(), [](const StoredObject &a, const StoredObject &b) {
        return a.sourceSystem != b.sourceSystem ? a.sourceSystem < b.sourceSystem : a.id < b.id;
    });
    return list;
}

std::optional<StoredObject> WorkspaceStore::object(const QString &sourceSystem, const QString &id) const
{
    QMutexLocker lock(&m_mutex);
    const auto it = m_objects.constFind(sourceSystem + u'\n' + id);
    if (it == m_objects.cend())
        return std::nullopt;
    return it.value();
}

QList<UploadRecord> WorkspaceStore::log() const
{
    QMutexLocker lock(&m_mutex);
    return m_log;
}

StoreCounts WorkspaceStore::counts() const
{
    QMutexLocker lock(&m_mutex);
    return m_counts;
}

void WorkspaceStore::clear()
{
    QMutexLocker lock(&m_mutex);
    m_objects.clear();
    m_log.clear();
    m_counts = StoreCounts();
}

QJsonObject WorkspaceStore::countsJson(const StoreCounts &c)
{
    return QJsonObject { { u"requests"_s, c.requests },
        { u"acceptedRequests"_s, c.acceptedRequests },
        { u"objectsReceived"_s, c.objectsReceived },
        { u"rejected"_s, c.rejected },
        { u"inserted"_s, c.inserted },
        { u"updated"_s, c.updated },
        { u"duplicates"_s, c.duplicates },
        { u"conflicts"_s, c.conflicts },
        { u"stale"_s, c.stale },
        { u"afterRevoke"_s, c.afterRevoke } };
}

QJsonObject WorkspaceStore::objectsJson() const
{
    QJsonArray array;
    for (const StoredObject &stored : objects()) {
        array.append(QJsonObject { { u"sourcesystem"_s, stored.sourceSystem },
            { u"id"_s, stored.id },
            { u"revoked"_s, stored.revoked },
            { u"versions"_s, stored.versions },
            { u"timesReceived"_s, stored.timesReceived },
            { u"object"_s, stored.object } });
    }
    return QJsonObject { { u"objects"_s, array }, { u"counts"_s, countsJson(counts()) } };
}

QJsonObject WorkspaceStore::logJson() const
{
    QJsonArray array;
    for (const UploadRecord &entry : log()) {
        QJsonArray rejected;
        for (int index : entry.rejectedIndexes)
            rejected.append(index);
        array.append(QJsonObject { { u"sequence"_s, qint64(entry.sequence) },
            { u"receivedAt"_s, entry.receivedAt.toString(Qt::ISODateWithMs) },
            { u"api"_s, entry.api },
            { u"tenantId"_s, entry.tenantId },
            { u"clientId"_s, entry.clientId },
            { u"sourcesystem"_s, entry.sourceSystem },
            { u"status"_s, entry.status },
            { u"objectCount"_s, int(entry.objects.size()) },
            { u"rejectedIndexes"_s, rejected },
            { u"objects"_s, entry.objects } });
    }
    return QJsonObject { { u"uploads"_s, array } };
}

} // namespace msb::sandbox
