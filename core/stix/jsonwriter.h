// SPDX-License-Identifier: BSD-2-Clause
#pragma once

#include "core/stix/stixobject.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonValue>
#include <QString>
#include <QStringView>

class QIODevice;

namespace msb::stix {

/// Compact JSON of one STIX object with a deterministic key order: type, spec_version, id,
/// created_by_ref, created, modified, then the typed properties, then `extra` (sorted keys).
/// Indicators are written without building a QJsonObject (the hot path). Preview fields are never
/// written. Pure function, thread-safe.
QByteArray toJson(const StixObject &object);

/// Same as toJson() but appends to `out` (lets a caller reuse one buffer for millions of objects).
void appendJson(QByteArray &out, const StixObject &object);

/// Appends `text` as a JSON string literal (quotes included), UTF-8, escaping `"`, `\` and control
/// characters; lone surrogates become U+FFFD so the output is always valid UTF-8.
void appendJsonString(QByteArray &out, QStringView text);

/// Appends any QJsonValue compactly (objects with sorted keys, as QJsonObject keeps them).
void appendJsonValue(QByteArray &out, const QJsonValue &value);

/// STIX timestamp, UTC, always with milliseconds: `2023-11-14T22:30:01.000Z` (created/modified).
QString formatTimestampMillis(const QDateTime &time);
/// STIX timestamp, UTC, milliseconds only when non-zero: `2023-11-14T22:30:01Z` (valid_from, as misp-stix).
QString formatTimestamp(const QDateTime &time);

/// Streams one STIX 2.1 bundle `{"type":"bundle","id":"bundle--…","objects":[…]}` to a device, so a
/// million indicators never sit in memory as one JSON document. Not thread-safe; use from one thread.
/// The device must stay open and alive until finish() returns.
class BundleWriter final
{
public:
    /// `bundleId` is the full id ("bundle--<uuid>").
    BundleWriter(QIODevice *device, const QString &bundleId);
    ~BundleWriter();
    BundleWriter(const BundleWriter &) = delete;
    BundleWriter &operator=(const BundleWriter &) = delete;

    /// Writes the bundle header (called by the first add() if not called explicitly).
    bool begin();
    /// Appends one object. Returns false once a write to the device failed (see errorString()).
    bool add(const StixObject &object);
    /// Writes the closing brackets and flushes. Returns false if any write failed.
    bool finish();

    qsizetype objectCount() const { return m_count; }
    QString errorString() const { return m_error; }

private:
    bool flush();

    QIODevice *m_device;
    QString m_bundleId;
    QByteArray m_buffer;
    qsizetype m_count = 0;
    bool m_begun = false;
    bool m_finished = false;
    QString m_error;
};

} // namespace msb::stix
