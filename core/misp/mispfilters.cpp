// SPDX-License-Identifier: BSD-2-Clause
#include "core/misp/mispfilters.h"

#include "core/misp/mispevent.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QRegularExpression>

#include <algorithm>

namespace msb::misp {
using namespace Qt::Literals::StringLiterals;

namespace {

Error invalid(const QString &key, const QJsonValue &value, const QString &expected)
{
    const QString shown = value.isString()
        ? value.toString()
        : QString::fromUtf8(QJsonDocument(QJsonArray { value }).toJson(QJsonDocument::Compact)).mid(1).chopped(1);
    return Error {
        Error::Code::InvalidInput, u"MISP filter \"%1\": %2 is not valid; expected %3"_s.arg(key, shown, expected), 0
    };
}

// MISP accepts true/false, 0/1 and "0"/"1"/"true"/"false".
std::optional<bool> readBool(const QJsonValue &value)
{
    if (value.isBool())
        return value.toBool();
    if (value.isDouble()) {
        const double d = value.toDouble();
        if (d == 0 || d == 1)
            return d == 1;
        return std::nullopt;
    }
    if (value.isString()) {
        const QString s = value.toString().trimmed().toLower();
        if (s == u"1"_s || s == u"true"_s)
            return true;
        if (s == u"0"_s || s == u"false"_s)
            return false;
    }
    return std::nullopt;
}

QString scalarText(const QJsonValue &value)
{
    if (value.isString())
        return value.toString().trimmed();
    if (value.isDouble())
        return QString::number(qint64(value.toDouble()));
    return {};
}

// A string, a number or a list of them; "!x" excludes x. MISP also allows "a&&b" style lists
// joined by "||" in strings; a plain string is one value.
Result<ValueFilter> readValueFilter(const QString &key, const QJsonValue &value)
{
    ValueFilter filter;
    QJsonArray items;
    if (value.isArray())
        items = value.toArray();
    else if (value.isObject()) {
        const QJsonObject object = value.toObject();
        for (const QJsonValue &v : object.value(u"OR"_s).toArray())
            items.append(v);
        for (const QJsonValue &v : object.value(u"NOT"_s).toArray())
            items.append(QString(u"!"_s + scalarText(v)));
    } else
        items.append(value);
    for (const QJsonValue &item : std::as_const(items)) {
        const QString text = scalarText(item);
        if (text.isEmpty() && !(item.isString() || item.isDouble()))
            return invalid(key, item, u"a string, a number or a list of them"_s);
        if (text.isEmpty())
            continue;
        if (text.startsWith(u'!'))
            filter.exclude << text.mid(1);
        else
            filter.include << text;
    }
    return filter;
}

Result<TagFilter> readTags(const QJsonValue &value)
{
    TagFilter filter;
    auto addListed = [&filter](const QJsonValue &v, QStringList &target) -> bool {
        if (!v.isString())
            return false;
        const QString text = v.toString().trimmed();
        if (text.startsWith(u'!'))
            filter.noneOf << text.mid(1);
        else if (!text.isEmpty())
            target << text;
        return true;
    };
    if (value.isString()) {
        addListed(value, filter.anyOf);
        return filter;
    }
    if (value.isArray()) {
        for (const QJsonValue &v : value.toArray())
            if (!addListed(v, filter.anyOf))
                return invalid(u"tags"_s, v, u"a tag name (string)"_s);
        return filter;
    }
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            const QString op = it.key().toUpper();
            QStringList *target = op == u"OR"_s ? &filter.anyOf
                : op == u"AND"_s                ? &filter.allOf
                : op == u"NOT"_s                ? &filter.noneOf
                                                : nullptr;
            if (!target)
                return invalid(u"tags"_s, QJsonValue(it.key()), u"an operator OR, AND or NOT"_s);
            const QJsonArray list = it.value().isArray() ? it.value().toArray() : QJsonArray { it.value() };
            for (const QJsonValue &v : list) {
                if (!v.isString())
                    return invalid(u"tags"_s, v, u"a tag name (string) under %1"_s.arg(op));
                if (op == u"NOT"_s) {
                    QString text = v.toString().trimmed();
                    if (text.startsWith(u'!'))
                        text = text.mid(1);
                    filter.noneOf << text;
                } else if (!addListed(v, *target))
                    return invalid(u"tags"_s, v, u"a tag name"_s);
            }
        }
        return filter;
    }
    if (value.isNull())
        return filter;
    return invalid(u"tags"_s, value, u"a tag, a list of tags or {\"OR\":[…],\"AND\":[…],\"NOT\":[…]}"_s);
}

std::optional<QDate> resolveMispDate(const QJsonValue &value, const QDateTime &now)
{
    if (value.isString()) {
        const QDate date = QDate::fromString(value.toString().trimmed().left(10), Qt::ISODate);
        if (date.isValid())
            return date;
    }
    if (const auto t = resolveMispTime(value, now))
        return QDateTime::fromSecsSinceEpoch(*t, Qt::UTC).date();
    return std::nullopt;
}

bool anyTagMatches(const QString &pattern, const QStringList &tags)
{
    return std::any_of(tags.begin(), tags.end(), [&pattern](const QString &tag) { return tagMatches(pattern, tag); });
}

const QStringList kTimeKeys = { u"publish_timestamp"_s, u"timestamp"_s, u"last"_s };

} // namespace

bool ValueFilter::accepts(const QStringList &candidates) const
{
    auto has = [&candidates](const QStringList &list) {
        return std::any_of(list.begin(), list.end(), [&candidates](const QString &v) {
            return candidates.contains(v, Qt::CaseInsensitive);
        });
    };
    if (has(exclude))
        return false;
    return include.isEmpty() || has(include);
}

std::optional<qint64> resolveMispTime(const QJsonValue &value, const QDateTime &now)
{
    if (value.isDouble())
        return qint64(value.toDouble());
    if (!value.isString())
        return std::nullopt;
    const QString text = value.toString().trimmed();
    bool ok = false;
    const qint64 epoch = text.toLongLong(&ok);
    if (ok)
        return epoch;
    static const QRegularExpression relative(u"^(\\d+)\\s*([smhdw])$"_s, QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch m = relative.match(text);
    if (!m.hasMatch())
        return std::nullopt;
    const qint64 amount = m.captured(1).toLongLong();
    const QChar unit = m.captured(2).at(0).toLower();
    const qint64 seconds = unit == u's' ? 1
        : unit == u'm'                  ? 60
        : unit == u'h'                  ? 3600
        : unit == u'd'                  ? 86400
                                        : 7 * 86400;
    return now.toSecsSinceEpoch() - amount * seconds;
}

Result<TimeRange> resolveMispTimeRange(const QString &key, const QJsonValue &value, const QDateTime &now)
{
    TimeRange range;
    const QString expected = u"epoch seconds, a span like \"14d\"/\"12h\"/\"30m\", or [from, to]"_s;
    if (value.isArray()) {
        const QJsonArray list = value.toArray();
        if (list.size() != 2)
            return invalid(key, value, expected);
        range.from = resolveMispTime(list.at(0), now);
        range.to = resolveMispTime(list.at(1), now);
        if (!range.from || !range.to)
            return invalid(key, value, expected);
        if (*range.from > *range.to)
            std::swap(*range.from, *range.to); // MISP accepts both orders ("14d","7d")
        return range;
    }
    range.from = resolveMispTime(value, now);
    if (!range.from)
        return invalid(key, value, expected);
    return range;
}

bool tagMatches(const QString &pattern, const QString &tag)
{
    if (!pattern.contains(u'%'))
        return pattern.compare(tag, Qt::CaseInsensitive) == 0;
    QStringList parts = pattern.split(u'%');
    for (QString &part : parts)
        part = QRegularExpression::escape(part);
    const QString re = parts.join(u".*"_s);
    return QRegularExpression(QRegularExpression::anchoredPattern(re), QRegularExpression::CaseInsensitiveOption)
        .match(tag)
        .hasMatch();
}

FilterSubject FilterSubject::fromEvent(const Event &event)
{
    FilterSubject s;
    s.uuid = event.uuid;
    s.id = event.id;
    s.date = event.date;
    if (event.timestamp >= 0)
        s.timestamp = event.timestamp;
    if (event.publishTimestamp >= 0)
        s.publishTimestamp = event.publishTimestamp;
    s.published = event.published;
    if (event.threatLevelId > 0)
        s.threatLevelId = event.threatLevelId;
    for (const QString &v : { event.orgc.name, event.orgc.uuid, event.orgc.id })
        if (!v.isEmpty())
            s.orgValues << v;
    QStringList tags;
    for (const Tag &t : event.tags)
        tags << t.name;
    auto addAttribute = [&s, &tags](const Attribute &a) {
        s.attributeTypes << a.type;
        for (const Tag &t : a.tags)
            tags << t.name;
    };
    for (const Attribute &a : event.attributes)
        addAttribute(a);
    for (const Object &o : event.objects)
        for (const Attribute &a : o.attributes)
            addAttribute(a);
    s.tags = tags;
    s.attributeTypes.removeDuplicates();
    return s;
}

FilterSubject FilterSubject::fromJson(const QJsonObject &json)
{
    const QJsonObject e = json.contains(u"Event"_s) ? json.value(u"Event"_s).toObject() : json;
    FilterSubject s;
    s.uuid = e.value(u"uuid"_s).toString();
    s.id = scalarText(e.value(u"id"_s));
    s.date = QDate::fromString(e.value(u"date"_s).toString(), Qt::ISODate);
    const QDateTime epoch = QDateTime::fromSecsSinceEpoch(0, Qt::UTC);
    if (e.contains(u"timestamp"_s))
        s.timestamp = resolveMispTime(e.value(u"timestamp"_s), epoch);
    if (e.contains(u"publish_timestamp"_s))
        s.publishTimestamp = resolveMispTime(e.value(u"publish_timestamp"_s), epoch);
    if (e.contains(u"published"_s))
        s.published = readBool(e.value(u"published"_s));
    if (e.contains(u"threat_level_id"_s))
        s.threatLevelId = scalarText(e.value(u"threat_level_id"_s)).toInt();
    const QJsonObject orgc = e.value(u"Orgc"_s).toObject();
    for (const QString &k : { u"name"_s, u"uuid"_s, u"id"_s })
        if (const QString v = scalarText(orgc.value(k)); !v.isEmpty())
            s.orgValues << v;
    if (const QString v = scalarText(e.value(u"orgc_id"_s)); !v.isEmpty() && !s.orgValues.contains(v))
        s.orgValues << v;
    QStringList tags;
    auto readTagList = [&tags](const QJsonValue &list) {
        for (const QJsonValue &t : list.toArray())
            tags << t.toObject().value(u"name"_s).toString();
    };
    readTagList(e.value(u"Tag"_s));
    auto readAttributes = [&](const QJsonValue &list) {
        for (const QJsonValue &a : list.toArray()) {
            const QJsonObject attribute = a.toObject();
            s.attributeTypes << attribute.value(u"type"_s).toString();
            readTagList(attribute.value(u"Tag"_s));
        }
    };
    readAttributes(e.value(u"Attribute"_s));
    for (const QJsonValue &o : e.value(u"Object"_s).toArray())
        readAttributes(o.toObject().value(u"Attribute"_s));
    s.tags = tags;
    s.attributeTypes.removeDuplicates();
    return s;
}

FilterSubject FilterSubject::fromManifestEntry(const QString &uuid, const QJsonObject &entry)
{
    FilterSubject s = fromJson(entry);
    s.uuid = uuid;
    s.attributeTypes.clear(); // a manifest does not list attributes
    if (!entry.contains(u"Tag"_s))
        s.tags.reset();
    return s;
}

Result<MispFilters> MispFilters::fromJsonText(const QByteArray &text)
{
    QJsonParseError error {};
    const QJsonDocument doc = QJsonDocument::fromJson(text, &error);
    if (error.error != QJsonParseError::NoError)
        return Error { Error::Code::InvalidInput,
            u"MISP filters are not valid JSON: %1 at offset %2"_s.arg(error.errorString()).arg(error.offset),
            0 };
    if (!doc.isObject())
        return Error { Error::Code::InvalidInput, u"MISP filters must be a JSON object like {\"published\":1}"_s, 0 };
    return fromJson(doc.object());
}

Result<MispFilters> MispFilters::fromJson(const QJsonObject &json)
{
    MispFilters f;
    f.m_json = json;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (auto it = json.begin(); it != json.end(); ++it) {
        const QString &key = it.key();
        const QJsonValue value = it.value();
        if (key == u"published"_s || key == u"to_ids"_s || key == u"enforceWarninglist"_s
            || key == u"includeEventTags"_s) {
            const auto b = readBool(value);
            if (!b)
                return invalid(key, value, u"true/false or 1/0"_s);
            if (key == u"published"_s)
                f.m_published = b;
            else if (key == u"to_ids"_s)
                f.m_toIds = b;
            else if (key == u"enforceWarninglist"_s)
                f.m_enforceWarninglist = *b;
        } else if (key == u"tags"_s) {
            auto tags = readTags(value);
            if (!tags)
                return tags.error();
            f.m_tags = tags.value();
        } else if (kTimeKeys.contains(key)) {
            if (auto range = resolveMispTimeRange(key, value, now); !range)
                return range.error();
        } else if (key == u"date_from"_s || key == u"date_to"_s || key == u"from"_s || key == u"to"_s) {
            if (!resolveMispDate(value, now))
                return invalid(key, value, u"a date YYYY-MM-DD or a span like \"7d\""_s);
        } else if (key == u"org"_s || key == u"eventid"_s || key == u"uuid"_s || key == u"type_attribute"_s
            || key == u"threat_level_id"_s) {
            auto values = readValueFilter(key, value);
            if (!values)
                return values.error();
            if (key == u"org"_s)
                f.m_org = values.value();
            else if (key == u"eventid"_s)
                f.m_eventId = values.value();
            else if (key == u"uuid"_s)
                f.m_uuid = values.value();
            else if (key == u"type_attribute"_s)
                f.m_typeAttribute = values.value();
            else {
                for (const QString &level : values.value().include) {
                    bool ok = false;
                    const int n = level.toInt(&ok);
                    if (!ok || n < 1 || n > 4)
                        return invalid(key, QJsonValue(level), u"1 (high), 2 (medium), 3 (low) or 4 (undefined)"_s);
                    f.m_threatLevels << n;
                }
            }
        } else if (key == u"limit"_s || key == u"page"_s) {
            bool ok = false;
            const int n = scalarText(value).toInt(&ok);
            if (!ok || n < 1)
                return invalid(key, value, u"a positive whole number"_s);
        }
        // Any other key goes to MISP unchanged (PyMISP does the same).
    }
    return f;
}

std::optional<int> MispFilters::userLimit() const
{
    if (!m_json.contains(u"limit"_s))
        return std::nullopt;
    return scalarText(m_json.value(u"limit"_s)).toInt();
}

QJsonObject MispFilters::restSearchBody(int limit, int page) const
{
    QJsonObject body = m_json;
    body.insert(u"returnFormat"_s, u"json"_s);
    body.insert(u"limit"_s, limit);
    body.insert(u"page"_s, page);
    return body;
}

bool MispFilters::matchesEvent(const FilterSubject &s, const QDateTime &now) const
{
    if (m_published && s.published && *m_published != *s.published)
        return false;
    if (!m_tags.isEmpty() && s.tags) {
        const QStringList &tags = *s.tags;
        if (!m_tags.anyOf.isEmpty()
            && std::none_of(
                m_tags.anyOf.begin(), m_tags.anyOf.end(), [&tags](const QString &p) { return anyTagMatches(p, tags); }))
            return false;
        for (const QString &p : m_tags.allOf)
            if (!anyTagMatches(p, tags))
                return false;
        for (const QString &p : m_tags.noneOf)
            if (anyTagMatches(p, tags))
                return false;
    }
    // Events without the timestamp (some feeds) fall back to their date, so a time window still applies.
    const std::optional<qint64> dateTime
        = s.date.isValid() ? std::optional<qint64>(s.date.startOfDay(Qt::UTC).toSecsSinceEpoch()) : std::nullopt;
    for (const QString &key : kTimeKeys) {
        if (!m_json.contains(key))
            continue;
        const auto range = resolveMispTimeRange(key, m_json.value(key), now);
        if (!range)
            continue; // validated in fromJson; cannot happen for values built there
        std::optional<qint64> t = key == u"timestamp"_s ? s.timestamp : s.publishTimestamp;
        if (!t && key != u"timestamp"_s && s.published && !*s.published)
            return false; // never published: no publish time can match
        if (!t)
            t = key == u"timestamp"_s ? dateTime : (s.timestamp ? s.timestamp : dateTime);
        if (t && !range.value().contains(*t))
            return false;
    }
    for (const auto &[key, isFrom] : { std::pair { u"date_from"_s, true },
             std::pair { u"from"_s, true },
             std::pair { u"date_to"_s, false },
             std::pair { u"to"_s, false } }) {
        if (!m_json.contains(key) || !s.date.isValid())
            continue;
        const auto limit = resolveMispDate(m_json.value(key), now);
        if (limit && (isFrom ? s.date < *limit : s.date > *limit))
            return false;
    }
    if (!m_org.isEmpty() && !s.orgValues.isEmpty() && !m_org.accepts(s.orgValues))
        return false;
    if (!m_eventId.isEmpty() && !s.id.isEmpty() && !m_eventId.accepts({ s.id }))
        return false;
    if (!m_uuid.isEmpty() && !s.uuid.isEmpty() && !m_uuid.accepts({ s.uuid }))
        return false;
    if (!m_threatLevels.isEmpty() && s.threatLevelId && !m_threatLevels.contains(*s.threatLevelId))
        return false;
    if (!m_typeAttribute.include.isEmpty() && !s.attributeTypes.isEmpty()
        && std::none_of(s.attributeTypes.begin(), s.attributeTypes.end(), [this](const QString &t) {
               return m_typeAttribute.accepts({ t });
           }))
        return false;
    return true;
}

bool MispFilters::keepsAttribute(const QString &type, std::optional<bool> toIds) const
{
    if (m_toIds && toIds.value_or(false) != *m_toIds)
        return false;
    return m_typeAttribute.isEmpty() || m_typeAttribute.accepts({ type });
}

int MispFilters::applyAttributeFilters(Event &event) const
{
    if (!m_toIds && m_typeAttribute.isEmpty())
        return 0;
    int removed = 0;
    auto filterList = [this, &removed](QList<Attribute> &attributes) {
        const qsizetype before = attributes.size();
        attributes.removeIf([this](const Attribute &a) { return !keepsAttribute(a.type, a.toIds); });
        removed += int(before - attributes.size());
    };
    filterList(event.attributes);
    for (Object &o : event.objects)
        filterList(o.attributes);
    event.objects.removeIf([](const Object &o) { return o.attributes.isEmpty(); });
    return removed;
}

std::optional<qint64> MispFilters::earliestTimestamp(const QDateTime &now) const
{
    std::optional<qint64> earliest;
    for (const QString &key : kTimeKeys) {
        if (!m_json.contains(key))
            continue;
        const auto range = resolveMispTimeRange(key, m_json.value(key), now);
        if (range && range.value().from)
            earliest = earliest ? std::max(*earliest, *range.value().from) : *range.value().from;
    }
    return earliest;
}

MispFilters MispFilters::withTimestampSince(qint64 since) const
{
    MispFilters copy = *this;
    copy.m_json.insert(u"timestamp"_s, QString::number(since));
    return copy;
}

} // namespace msb::misp
