// SPDX-License-Identifier: BSD-2-Clause
#pragma once

#include "core/util/result.h"

#include <QDate>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace msb::misp {

struct Event;

/// Tag selection as MISP's restSearch understands it: a plain list is "any of" (entries starting
/// with '!' are exclusions), or {"OR":[…],"AND":[…],"NOT":[…]}. '%' is MISP's wildcard.
struct TagFilter
{
    QStringList anyOf; ///< event must carry at least one (if not empty)
    QStringList allOf; ///< event must carry every one
    QStringList noneOf; ///< event must carry none
    bool isEmpty() const { return anyOf.isEmpty() && allOf.isEmpty() && noneOf.isEmpty(); }
};

/// A closed time range in epoch seconds; a missing end is open.
struct TimeRange
{
    std::optional<qint64> from;
    std::optional<qint64> to;
    bool contains(qint64 t) const { return (!from || t >= *from) && (!to || t <= *to); }
};

/// A list of values with optional '!'-negated ones (org, eventid, uuid, type_attribute…).
struct ValueFilter
{
    QStringList include;
    QStringList exclude;
    bool isEmpty() const { return include.isEmpty() && exclude.isEmpty(); }
    /// True if any of `candidates` is included (or there is no include list) and none is excluded.
    bool accepts(const QStringList &candidates) const;
};

/// What the filters look at on one event. Built from a parsed Event, from raw event JSON (the
/// emulator) or from a feed manifest entry (fields a manifest lacks stay unset and never exclude).
struct FilterSubject
{
    QString uuid;
    QString id;
    QDate date;
    std::optional<qint64> timestamp;
    std::optional<qint64> publishTimestamp;
    std::optional<bool> published;
    std::optional<int> threatLevelId;
    QStringList orgValues; ///< Orgc name, uuid and id (any may match)
    std::optional<QStringList> tags; ///< event tags plus attribute tags; unset: unknown
    QStringList attributeTypes; ///< empty: unknown

    static FilterSubject fromEvent(const Event &event);
    static FilterSubject fromJson(const QJsonObject &json); ///< {"Event":…} or the bare event
    static FilterSubject fromManifestEntry(const QString &uuid, const QJsonObject &entry);
};

/// The restSearch filters a user writes, kept exactly as written (so misp2sentinel's
/// `misp_event_filters` imports unchanged and exports identically) plus typed, validated views.
/// Plain value type: cheap to copy, safe to share across threads.
///
/// Known keys: published, tags, publish_timestamp, timestamp, last, date_from, date_to (also
/// "from"/"to"), org, eventid, uuid, threat_level_id, to_ids, type_attribute, enforceWarninglist,
/// includeEventTags, limit, page. Every other key is passed through to MISP untouched.
class MispFilters final
{
public:
    MispFilters() = default;

    /// Validates the known keys; an error names the key, the value and what is expected.
    static Result<MispFilters> fromJson(const QJsonObject &json);
    /// Same from text (what users paste from misp2sentinel's config).
    static Result<MispFilters> fromJsonText(const QByteArray &text);
    QJsonObject toJson() const { return m_json; }

    /// The restSearch body for one page: the filters plus returnFormat json, limit and page.
    QJsonObject restSearchBody(int limit, int page) const;

    /// misp2sentinel semantics: a user-given `limit` disables paging (one query with that limit).
    std::optional<int> userLimit() const;

    /// Event-level decision at the time `now` (relative values like "14d" are resolved against it).
    bool matchesEvent(const FilterSubject &subject, const QDateTime &now) const;
    /// Attribute-level decision (to_ids, type_attribute). `toIds` unset: treated as false, as MISP does.
    bool keepsAttribute(const QString &type, std::optional<bool> toIds) const;
    /// Applies the attribute-level filters to an event (also object attributes); drops objects left empty.
    /// Returns how many attributes were removed.
    int applyAttributeFilters(Event &event) const;

    /// Typed views (already validated by fromJson).
    std::optional<bool> published() const { return m_published; }
    const TagFilter &tags() const { return m_tags; }
    std::optional<bool> toIds() const { return m_toIds; }
    const ValueFilter &typeAttribute() const { return m_typeAttribute; }
    bool enforceWarninglist() const { return m_enforceWarninglist; }
    /// Earliest time any time filter admits, resolved at `now` (for watermarks and feed pre-selection).
    std::optional<qint64> earliestTimestamp(const QDateTime &now) const;

    /// Returns a copy with `timestamp` set to ">= since" (an incremental run after a watermark).
    MispFilters withTimestampSince(qint64 since) const;

    bool operator==(const MispFilters &other) const { return m_json == other.m_json; }

private:
    QJsonObject m_json;
    std::optional<bool> m_published;
    TagFilter m_tags;
    std::optional<bool> m_toIds;
    ValueFilter m_typeAttribute;
    ValueFilter m_org;
    ValueFilter m_eventId;
    ValueFilter m_uuid;
    QList<int> m_threatLevels;
    bool m_enforceWarninglist = false;
};

/// Parses a MISP time value at `now`: epoch seconds (number or digits), or a relative span "14d",
/// "12h", "30m", "45s", "2w". Returns nullopt for anything else.
std::optional<qint64> resolveMispTime(const QJsonValue &value, const QDateTime &now);
/// Parses a MISP time filter: one value (meaning "since"), or [from, to]. Error text names `key`.
Result<TimeRange> resolveMispTimeRange(const QString &key, const QJsonValue &value, const QDateTime &now);

/// MISP's tag match: case-insensitive, '%' matches any run of characters.
bool tagMatches(const QString &pattern, const QString &tag);

} // namespace msb::misp
