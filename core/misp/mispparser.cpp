// SPDX-License-Identifier: BSD-2-Clause
#include "core/misp/mispparser.h"

#include "core/misp/jsonreader.h"

#include <QHash>

#include <cstring>
#include <utility>

namespace msb::misp {

namespace {

using Key = QByteArrayView;

/// Member name comparison against a literal: size first, no strlen (hot path, ~10 per attribute).
template <std::size_t N> bool keyIs(Key key, const char (&literal)[N])
{
    return key.size() == qsizetype(N - 1) && std::memcmp(key.data(), literal, N - 1) == 0;
}

/// Where the parser is, for messages that name file, event and item.
/// Names an item for messages; built lazily because almost every item is fine (hot path).
struct ItemRef
{
    QString fixed;
    const QString *objectRef = nullptr;
    const QString *uuid = nullptr;
    int index = -1;

    ItemRef() = default;
    ItemRef(const QString &text)
        : fixed(text)
    { }
    ItemRef(const QString *object, const QString *attributeUuid, int attributeIndex)
        : objectRef(object)
        , uuid(attributeUuid)
        , index(attributeIndex)
    { }
    QString str() const
    {
        if (index < 0)
            return fixed;
        QString ref = objectRef && !objectRef->isEmpty() ? *objectRef + QStringLiteral(" ") : QString();
        if (uuid && !uuid->isEmpty())
            return ref + QStringLiteral("attribute ") + *uuid;
        return ref + QStringLiteral("attribute #%1").arg(index + 1);
    }
};

/// Where the parser is, for messages that name file, event and item.
struct Context
{
    const QString &source;
    QList<ParseIssue> &issues;
    QString eventRef;
    /// Repeated attribute/object texts (type, category, comment, relation, object name…) are shared.
    JsonReader::StringCache typeCache {};
    JsonReader::StringCache categoryCache {};
    JsonReader::StringCache commentCache {};
    JsonReader::StringCache relationCache {};

    void issue(const ItemRef &itemRef, const QString &message)
    {
        issues.append(ParseIssue { source, eventRef, itemRef.str(), message });
    }
};

// ---- lenient scalars: MISP writes ints as strings or numbers, booleans as true/"1"/1 ----

/// Reads a string, number or bool as text; null gives an empty string. False for objects/arrays
/// (the value is skipped so parsing continues).
bool readText(JsonReader &r, QString &out, JsonReader::StringCache *cache = nullptr)
{
    switch (r.peek()) {
    case JsonReader::Token::String:
        return cache ? r.readString(out, *cache) : r.readString(out);
    case JsonReader::Token::Number: {
        QByteArrayView n;
        if (!r.readNumber(n))
            return false;
        out = QString::fromLatin1(n);
        return true;
    }
    case JsonReader::Token::True:
    case JsonReader::Token::False: {
        bool b = false;
        if (!r.readBool(b))
            return false;
        out = b ? QStringLiteral("true") : QStringLiteral("false");
        return true;
    }
    case JsonReader::Token::Null:
        out.clear();
        return r.readNull();
    default:
        r.skipValue();
        return false;
    }
}

std::optional<qint64> parseInt(QStringView text)
{
    bool ok = false;
    const qint64 v = text.trimmed().toLongLong(&ok);
    if (ok)
        return v;
    const double d = text.trimmed().toDouble(&ok);
    if (ok && d > -9.2e18 && d < 9.2e18)
        return qint64(d);
    return std::nullopt;
}

/// Plain decimal digits with an optional '-' (at most 18 digits, so no overflow); false for anything else.
bool plainInt(QByteArrayView text, qint64 &out)
{
    qsizetype i = 0;
    const bool negative = !text.isEmpty() && text[0] == '-';
    if (negative)
        i = 1;
    if (text.size() == i || text.size() - i > 18)
        return false;
    qint64 v = 0;
    for (; i < text.size(); ++i) {
        const char c = text[i];
        if (c < '0' || c > '9')
            return false;
        v = v * 10 + (c - '0');
    }
    out = negative ? -v : v;
    return true;
}

/// Integer from a number or numeric string. nullopt for null/empty; `bad` set when present but not numeric.
std::optional<qint64> readInt(JsonReader &r, bool &bad)
{
    bad = false;
    if (r.peek() == JsonReader::Token::String) {
        // Hot path (MISP writes timestamps as strings): plain digits are read from the bytes.
        QByteArrayView text;
        if (!r.readStringView(text)) {
            bad = !r.failed();
            return std::nullopt;
        }
        if (text.isEmpty())
            return std::nullopt;
        qint64 v = 0;
        if (plainInt(text, v))
            return v;
        const auto parsed = parseInt(QString::fromUtf8(text));
        bad = !parsed;
        return parsed;
    }
    if (r.peek() == JsonReader::Token::Number) {
        QByteArrayView n;
        if (!r.readNumber(n))
            return std::nullopt;
        bool ok = false;
        const qint64 v = n.toLongLong(&ok);
        if (ok)
            return v;
        const auto d = parseInt(QString::fromLatin1(n));
        bad = !d;
        return d;
    }
    QString text;
    if (!readText(r, text)) {
        bad = !r.failed();
        return std::nullopt;
    }
    if (text.isEmpty())
        return std::nullopt;
    const auto v = parseInt(text);
    bad = !v;
    return v;
}

/// true/1/"1"/"true"/"True"/"yes" → true; false/0/"0"/"false"/"" → false.
std::optional<bool> readBoolish(JsonReader &r, bool &bad)
{
    bad = false;
    const auto t = r.peek();
    if (t == JsonReader::Token::True || t == JsonReader::Token::False) {
        bool b = false;
        r.readBool(b);
        return b;
    }
    QString text;
    if (!readText(r, text)) {
        bad = !r.failed();
        return std::nullopt;
    }
    const QString v = text.trimmed().toLower();
    if (v.isEmpty())
        return std::nullopt;
    if (v == u"1" || v == u"true" || v == u"yes")
        return true;
    if (v == u"0" || v == u"false" || v == u"no")
        return false;
    bad = true;
    return std::nullopt;
}

QString keyName(Key key)
{
    return QString::fromUtf8(key);
}

/// The issue for a value of the wrong JSON type; a value too deeply nested to read says so.
void wrongType(const JsonReader &r, Key key, const char *expected, Context &ctx, const ItemRef &itemRef)
{
    if (r.lastSkipTooDeep())
        ctx.issue(itemRef,
            QStringLiteral("field \"%1\" is nested deeper than %2 levels: skipped")
                .arg(keyName(key))
                .arg(JsonReader::kMaxDepth));
    else
        ctx.issue(itemRef, QStringLiteral("field \"%1\" is not %2").arg(keyName(key), QLatin1StringView(expected)));
}

/// Skips a member the parser does not use; a too-deep one is still an error on the item.
void skipField(JsonReader &r, Key key, Context &ctx, const ItemRef &itemRef)
{
    if (r.skipValue() && r.lastSkipTooDeep())
        wrongType(r, key, "", ctx, itemRef);
}

/// Reads a text field, recording an issue when it has the wrong JSON type.
void textField(JsonReader &r,
    Key key,
    QString &out,
    Context &ctx,
    const ItemRef &itemRef,
    JsonReader::StringCache *cache = nullptr)
{
    if (!readText(r, out, cache) && !r.failed())
        wrongType(r, key, "a string", ctx, itemRef);
}

void intField(JsonReader &r, Key key, qint64 &out, Context &ctx, const ItemRef &itemRef)
{
    bool bad = false;
    const auto v = readInt(r, bad);
    if (v)
        out = *v;
    else if (bad)
        wrongType(r, key, "a number", ctx, itemRef);
}

void intField(JsonReader &r, Key key, int &out, Context &ctx, const ItemRef &itemRef)
{
    qint64 v = out;
    intField(r, key, v, ctx, itemRef);
    out = int(qBound(qint64(-1), v, qint64(1000000)));
}

void boolField(JsonReader &r, Key key, bool &out, Context &ctx, const ItemRef &itemRef)
{
    bool bad = false;
    const auto v = readBoolish(r, bad);
    if (v)
        out = *v;
    else if (bad)
        wrongType(r, key, "a boolean", ctx, itemRef);
}

/// Iterates the elements of an array, calling `each` for every element that is an object.
/// A non-array value, or non-object elements, become issues; nothing else is lost.
template <typename Fn> void forEachObject(JsonReader &r, Key key, Context &ctx, const ItemRef &itemRef, Fn &&each)
{
    const auto t = r.peek();
    if (t == JsonReader::Token::Null) {
        r.readNull();
        return;
    }
    if (t == JsonReader::Token::Object) { // a single object where a list is expected: accept it
        each(0);
        return;
    }
    if (t != JsonReader::Token::Array) {
        if (r.skipValue())
            wrongType(r, key, "a list", ctx, itemRef);
        return;
    }
    r.beginArray();
    int index = 0;
    while (r.nextElement()) {
        if (r.peek() == JsonReader::Token::Object) {
            each(index);
        } else if (r.skipValue()) {
            ctx.issue(itemRef,
                (r.lastSkipTooDeep() ? QStringLiteral("\"%1\" item #%2 is nested too deep: skipped")
                                     : QStringLiteral("\"%1\" item #%2 is not an object"))
                    .arg(keyName(key))
                    .arg(index + 1));
        }
        ++index;
    }
}

void parseTag(JsonReader &r, QList<Tag> &tags, Context &ctx, const ItemRef &itemRef, bool wrapped = false)
{
    Tag tag;
    Key key;
    r.beginObject();
    while (r.nextKey(key)) {
        if (keyIs(key, "name"))
            textField(r, key, tag.name, ctx, itemRef);
        else if (keyIs(key, "local"))
            boolField(r, key, tag.local, ctx, itemRef);
        else if (keyIs(key, "Tag") && !wrapped && r.peek() == JsonReader::Token::Object) // EventTag wrapper
            parseTag(r, tags, ctx, itemRef, true);
        else
            skipField(r, key, ctx, itemRef);
    }
    if (!tag.name.isEmpty())
        tags.append(std::move(tag));
}

void parseGalaxy(JsonReader &r, QList<GalaxyCluster> &out, Context &ctx, const ItemRef &itemRef)
{
    QString galaxyType;
    QString galaxyName;
    QList<GalaxyCluster> clusters;
    Key key;
    r.beginObject();
    while (r.nextKey(key)) {
        if (keyIs(key, "type")) {
            textField(r, key, galaxyType, ctx, itemRef);
        } else if (keyIs(key, "name")) {
            textField(r, key, galaxyName, ctx, itemRef);
        } else if (keyIs(key, "GalaxyCluster")) {
            forEachObject(r, key, ctx, itemRef, [&](int) {
                GalaxyCluster c;
                Key k;
                r.beginObject();
                while (r.nextKey(k)) {
                    if (keyIs(k, "uuid"))
                        textField(r, k, c.uuid, ctx, itemRef);
                    else if (keyIs(k, "type"))
                        textField(r, k, c.type, ctx, itemRef);
                    else if (keyIs(k, "value"))
                        textField(r, k, c.value, ctx, itemRef);
                    else if (keyIs(k, "tag_name"))
                        textField(r, k, c.tagName, ctx, itemRef);
                    else if (keyIs(k, "description"))
                        textField(r, k, c.description, ctx, itemRef);
                    else
                        skipField(r, k, ctx, itemRef);
                }
                clusters.append(std::move(c));
            });
        } else {
            skipField(r, key, ctx, itemRef);
        }
    }
    for (GalaxyCluster &c : clusters) {
        if (c.type.isEmpty())
            c.type = galaxyType;
        c.galaxyName = galaxyName;
        if (c.tagName.isEmpty() && !c.type.isEmpty() && !c.value.isEmpty())
            c.tagName = QStringLiteral("misp-galaxy:%1=\"%2\"").arg(c.type, c.value);
        out.append(std::move(c));
    }
}

void parseOrg(JsonReader &r, Organisation &org, Context &ctx)
{
    Key key;
    r.beginObject();
    while (r.nextKey(key)) {
        if (keyIs(key, "uuid"))
            textField(r, key, org.uuid, ctx, QStringLiteral("Orgc"));
        else if (keyIs(key, "name"))
            textField(r, key, org.name, ctx, QStringLiteral("Orgc"));
        else if (keyIs(key, "id"))
            textField(r, key, org.id, ctx, QStringLiteral("Orgc"));
        else
            skipField(r, key, ctx, QStringLiteral("Orgc"));
    }
}

/// Parses one attribute object. Missing type/value are reported here; the converter still accounts
/// for the attribute (as an error), so nothing disappears.
Attribute parseAttribute(JsonReader &r, int index, Context &ctx, const QString &objectRef)
{
    Attribute a;
    const ItemRef provisional(&objectRef, nullptr, index);
    bool hasValue = false;
    Key key;
    r.beginObject();
    while (r.nextKey(key)) {
        switch (key.isEmpty() ? '\0' : key[0]) {
        case 'u':
            if (keyIs(key, "uuid")) {
                textField(r, key, a.uuid, ctx, provisional);
                continue;
            }
            break;
        case 'i':
            if (keyIs(key, "id")) {
                textField(r, key, a.id, ctx, provisional);
                continue;
            }
            break;
        case 't':
            if (keyIs(key, "type")) {
                textField(r, key, a.type, ctx, provisional, &ctx.typeCache);
                continue;
            }
            if (keyIs(key, "to_ids")) {
                bool bad = false;
                a.toIds = readBoolish(r, bad);
                if (bad)
                    wrongType(r, key, "a boolean", ctx, provisional);
                continue;
            }
            if (keyIs(key, "timestamp")) {
                intField(r, key, a.timestamp, ctx, provisional);
                continue;
            }
            break;
        case 'c':
            if (keyIs(key, "category")) {
                textField(r, key, a.category, ctx, provisional, &ctx.categoryCache);
                continue;
            }
            if (keyIs(key, "comment")) {
                textField(r, key, a.comment, ctx, provisional, &ctx.commentCache);
                continue;
            }
            break;
        case 'v':
            if (keyIs(key, "value")) {
                if (r.peek() == JsonReader::Token::Null) {
                    r.readNull();
                } else {
                    textField(r, key, a.value, ctx, provisional);
                    hasValue = true;
                }
                continue;
            }
            break;
        case 'f':
            if (keyIs(key, "first_seen")) {
                textField(r, key, a.firstSeen, ctx, provisional);
                continue;
            }
            break;
        case 'l':
            if (keyIs(key, "last_seen")) {
                textField(r, key, a.lastSeen, ctx, provisional);
                continue;
            }
            break;
        case 'o':
            if (keyIs(key, "object_relation")) {
                textField(r, key, a.objectRelation, ctx, provisional, &ctx.relationCache);
                continue;
            }
            break;
        case 'd':
            if (keyIs(key, "data")) {
                textField(r, key, a.data, ctx, provisional);
                continue;
            }
            if (keyIs(key, "deleted")) {
                boolField(r, key, a.deleted, ctx, provisional);
                continue;
            }
            if (keyIs(key, "distribution")) {
                intField(r, key, a.distribution, ctx, provisional);
                continue;
            }
            break;
        case 'T':
            if (keyIs(key, "Tag")) {
                forEachObject(r, key, ctx, provisional, [&](int) { parseTag(r, a.tags, ctx, provisional); });
                continue;
            }
            break;
        case 'A':
            if (keyIs(key, "AttributeTag")) {
                forEachObject(r, key, ctx, provisional, [&](int) { parseTag(r, a.tags, ctx, provisional); });
                continue;
            }
            break;
        case 'G':
            if (keyIs(key, "Galaxy")) {
                forEachObject(r, key, ctx, provisional, [&](int) { parseGalaxy(r, a.galaxies, ctx, provisional); });
                continue;
            }
            break;
        default:
            break;
        }
        skipField(r, key, ctx, provisional);
    }
    if (r.failed())
        return a;
    const ItemRef ref(&objectRef, &a.uuid, index);
    if (a.type.isEmpty())
        ctx.issue(ref, QStringLiteral("attribute has no type"));
    if (!hasValue)
        ctx.issue(ref, QStringLiteral("attribute has no value"));
    return a;
}

Object parseObject(JsonReader &r, int index, Context &ctx)
{
    Object o;
    const QString provisional = QStringLiteral("object #%1").arg(index + 1);
    QString ref = provisional;
    Key key;
    r.beginObject();
    while (r.nextKey(key)) {
        if (keyIs(key, "uuid")) {
            textField(r, key, o.uuid, ctx, provisional);
            if (!o.uuid.isEmpty())
                ref = QStringLiteral("object ") + o.uuid;
        } else if (keyIs(key, "id")) {
            textField(r, key, o.id, ctx, ref);
        } else if (keyIs(key, "name")) {
            textField(r, key, o.name, ctx, ref);
        } else if (keyIs(key, "meta-category")) {
            textField(r, key, o.metaCategory, ctx, ref);
        } else if (keyIs(key, "comment")) {
            textField(r, key, o.comment, ctx, ref);
        } else if (keyIs(key, "timestamp")) {
            intField(r, key, o.timestamp, ctx, ref);
        } else if (keyIs(key, "first_seen")) {
            textField(r, key, o.firstSeen, ctx, ref);
        } else if (keyIs(key, "last_seen")) {
            textField(r, key, o.lastSeen, ctx, ref);
        } else if (keyIs(key, "deleted")) {
            boolField(r, key, o.deleted, ctx, ref);
        } else if (keyIs(key, "Attribute")) {
            forEachObject(r, key, ctx, ref, [&](int i) { o.attributes.append(parseAttribute(r, i, ctx, ref)); });
        } else if (keyIs(key, "ObjectReference")) {
            forEachObject(r, key, ctx, ref, [&](int) {
                ObjectReference ref2;
                Key k;
                r.beginObject();
                while (r.nextKey(k)) {
                    if (keyIs(k, "uuid"))
                        textField(r, k, ref2.uuid, ctx, ref);
                    else if (keyIs(k, "referenced_uuid"))
                        textField(r, k, ref2.referencedUuid, ctx, ref);
                    else if (keyIs(k, "relationship_type"))
                        textField(r, k, ref2.relationshipType, ctx, ref);
                    else
                        skipField(r, k, ctx, ref);
                }
                o.references.append(std::move(ref2));
            });
        } else {
            skipField(r, key, ctx, ref);
        }
    }
    return o;
}

QString eventRefOf(const Event &e, int index)
{
    if (!e.uuid.isEmpty())
        return e.uuid;
    if (!e.id.isEmpty())
        return QStringLiteral("id ") + e.id;
    return QStringLiteral("#%1").arg(index + 1);
}

/// Parses the members of an event object (the reader is positioned on its `{`).
/// `asAttributeFeedPair` marks `{"Attribute":{…},"Event":{…}}` style input handled by the caller.
Event parseEventBody(JsonReader &r, int index, const QString &source, QList<ParseIssue> &issues)
{
    Event e;
    e.sourceName = source;
    Context ctx { source, issues, QStringLiteral("#%1").arg(index + 1) };
    bool hasTimestamp = false;
    bool hasOrgc = false;
    Key key;
    r.beginObject();
    while (r.nextKey(key)) {
        if (keyIs(key, "uuid")) {
            textField(r, key, e.uuid, ctx, {});
            if (!e.uuid.isEmpty())
                ctx.eventRef = e.uuid;
        } else if (keyIs(key, "id")) {
            textField(r, key, e.id, ctx, {});
        } else if (keyIs(key, "info")) {
            textField(r, key, e.info, ctx, {});
        } else if (keyIs(key, "date")) {
            QString d;
            textField(r, key, d, ctx, {});
            e.date = QDate::fromString(d.left(10), Qt::ISODate);
            if (!d.isEmpty() && !e.date.isValid())
                ctx.issue({}, QStringLiteral("event date \"%1\" is not a date").arg(d.left(40)));
        } else if (keyIs(key, "timestamp")) {
            intField(r, key, e.timestamp, ctx, {});
            hasTimestamp = e.timestamp >= 0;
        } else if (keyIs(key, "publish_timestamp")) {
            intField(r, key, e.publishTimestamp, ctx, {});
        } else if (keyIs(key, "published")) {
            boolField(r, key, e.published, ctx, {});
        } else if (keyIs(key, "threat_level_id")) {
            intField(r, key, e.threatLevelId, ctx, {});
        } else if (keyIs(key, "analysis")) {
            intField(r, key, e.analysis, ctx, {});
        } else if (keyIs(key, "distribution")) {
            intField(r, key, e.distribution, ctx, {});
        } else if (keyIs(key, "Orgc")) {
            if (r.peek() == JsonReader::Token::Object) {
                parseOrg(r, e.orgc, ctx);
                hasOrgc = true;
            } else if (r.skipValue()) {
                wrongType(r, key, "an object", ctx, {});
            }
        } else if (keyIs(key, "Tag") || keyIs(key, "EventTag")) {
            forEachObject(r, key, ctx, {}, [&](int) { parseTag(r, e.tags, ctx, {}); });
        } else if (keyIs(key, "Galaxy")) {
            forEachObject(r, key, ctx, {}, [&](int) { parseGalaxy(r, e.galaxies, ctx, {}); });
        } else if (keyIs(key, "Attribute")) {
            forEachObject(r, key, ctx, {}, [&](int i) { e.attributes.append(parseAttribute(r, i, ctx, {})); });
        } else if (keyIs(key, "Object")) {
            forEachObject(r, key, ctx, {}, [&](int i) { e.objects.append(parseObject(r, i, ctx)); });
        } else {
            skipField(r, key, ctx, {});
        }
    }
    if (r.failed())
        return e;
    ctx.eventRef = eventRefOf(e, index);
    if (e.uuid.isEmpty())
        ctx.issue({}, QStringLiteral("event has no uuid: derived ids are used"));
    if (!hasTimestamp)
        ctx.issue({}, QStringLiteral("event has no timestamp"));
    if (!hasOrgc || e.orgc.uuid.isEmpty() || e.orgc.name.isEmpty())
        ctx.issue({}, QStringLiteral("event has no creator organisation (Orgc): no created_by_ref"));
    // One summary line per event rather than thousands of identical lines (e.g. generated feeds).
    int noUuid = 0;
    int noTimestamp = 0;
    QString firstNoUuid;
    for (int i = 0; i < e.attributes.size(); ++i) {
        const Attribute &a = e.attributes.at(i);
        if (a.uuid.isEmpty() && !noUuid++)
            firstNoUuid = QStringLiteral("attribute #%1").arg(i + 1);
        noTimestamp += a.timestamp < 0 ? 1 : 0;
    }
    for (int j = 0; j < e.objects.size(); ++j) {
        const Object &o = e.objects.at(j);
        for (int i = 0; i < o.attributes.size(); ++i) {
            const Attribute &a = o.attributes.at(i);
            if (a.uuid.isEmpty() && !noUuid++)
                firstNoUuid = QStringLiteral("object #%1 attribute #%2").arg(j + 1).arg(i + 1);
            noTimestamp += a.timestamp < 0 ? 1 : 0;
        }
    }
    if (noUuid)
        ctx.issue({},
            QStringLiteral("%1 attribute(s) have no uuid (first: %2): derived ids are used")
                .arg(noUuid)
                .arg(firstNoUuid));
    if (noTimestamp && hasTimestamp)
        ctx.issue(
            {}, QStringLiteral("%1 attribute(s) have no timestamp: the event timestamp is used").arg(noTimestamp));
    return e;
}

/// Offsets of the members of one object, found by skipping values (cheap), so the shape can be
/// decided before parsing.
struct Members
{
    QHash<QByteArray, qsizetype> offsets;
    bool has(const char *k) const { return offsets.contains(QByteArray(k)); }
    qsizetype at(const char *k) const { return offsets.value(QByteArray(k), -1); }
};

struct Parser
{
    const QByteArray &json;
    const QString &source;
    ParsedDocument doc;
    int eventIndex = 0;
    int itemIndex = 0;
    Event collection; ///< synthetic event for attribute/object collections
    bool hasCollection = false;
    int nesting = 0; ///< parseItem/parseList calls open: hostile "response" chains must not recurse unbounded

    /// Enters one more item/list level; false (and an issue) past any shape MISP writes.
    bool enter()
    {
        if (nesting >= 16) {
            doc.issues.append(ParseIssue { source, {}, {}, QStringLiteral("items nested too deep") });
            return false;
        }
        ++nesting;
        return true;
    }
    struct Leave
    {
        int &nesting;
        ~Leave() { --nesting; }
    };

    JsonReader readerAt(qsizetype offset)
    {
        return JsonReader(json.constData(), json.constData() + offset, json.constData() + json.size());
    }

    JsonReader::Token tokenAt(qsizetype offset)
    {
        JsonReader r = readerAt(offset);
        return r.peek();
    }

    bool scanMembers(JsonReader &r, Members &m)
    {
        Key key;
        if (!r.beginObject())
            return false;
        while (r.nextKey(key)) {
            m.offsets.insert(key.toByteArray(), r.offset());
            // run() validated the whole document: the values are skipped without a second check.
            if (!r.skipValidatedValue())
                return false;
        }
        return !r.failed();
    }

    void syntaxError(const JsonReader &r, qsizetype base)
    {
        Q_UNUSED(base);
        doc.issues.append(ParseIssue { source, {}, {}, r.errorString() });
    }

    void addEvent(Event &&e)
    {
        doc.events.append(std::move(e));
        ++eventIndex;
    }

    Event &collectionEvent()
    {
        if (!hasCollection) {
            hasCollection = true;
            collection.sourceName = source;
            collection.info = QStringLiteral("MISP attributes from %1").arg(source);
        }
        return collection;
    }

    bool parseEventAt(qsizetype offset)
    {
        JsonReader r = readerAt(offset);
        const qsizetype before = doc.issues.size();
        Event e = parseEventBody(r, eventIndex, source, doc.issues);
        if (r.failed()) {
            // The event is cut by a syntax error: do not keep half an event.
            doc.issues.resize(before);
            doc.issues.append(ParseIssue { source, eventRefOf(e, eventIndex), {}, r.errorString() });
            return false;
        }
        addEvent(std::move(e));
        return true;
    }

    /// One item of a list or the top-level object. Returns false on a syntax error (stop).
    bool parseItem(qsizetype offset, bool &recognised)
    {
        recognised = false;
        if (!enter())
            return true;
        const Leave leave { nesting };
        JsonReader r = readerAt(offset);
        Members m;
        if (!scanMembers(r, m)) {
            syntaxError(r, offset);
            return false;
        }
        Context ctx { source, doc.issues, {} };
        if (m.has("response")) {
            const qsizetype at = m.at("response");
            if (tokenAt(at) == JsonReader::Token::Array) {
                recognised = true;
                return parseList(at, recognised);
            }
            if (tokenAt(at) == JsonReader::Token::Object) {
                return parseItem(at, recognised);
            }
            ctx.issue({}, QStringLiteral("\"response\" is neither a list nor an object"));
            return true;
        }
        if (m.has("Event") && tokenAt(m.at("Event")) == JsonReader::Token::Object) {
            recognised = true;
            if (m.has("Attribute") && tokenAt(m.at("Attribute")) == JsonReader::Token::Object)
                return parseFeedPair(m.at("Event"), m.at("Attribute"));
            return parseEventAt(m.at("Event"));
        }
        if (m.has("info") || (m.has("uuid") && (m.has("Attribute") || m.has("Object")) && !m.has("type"))) {
            recognised = true;
            return parseEventAt(offset);
        }
        if (m.has("Attribute") || m.has("Object")) {
            // Attribute/object collection (no event around it): kept in one synthetic event.
            recognised = true;
            Event &e = collectionEvent();
            for (const char *k : { "Attribute", "Object" }) {
                if (!m.has(k))
                    continue;
                JsonReader ir = readerAt(m.at(k));
                Context cctx { source, doc.issues, QStringLiteral("(collection)") };
                const bool isAttr = std::string_view(k) == "Attribute";
                forEachObject(ir, Key(k), cctx, {}, [&](int) {
                    if (isAttr)
                        e.attributes.append(parseAttribute(ir, itemIndex++, cctx, {}));
                    else
                        e.objects.append(parseObject(ir, int(e.objects.size()), cctx));
                });
                if (ir.failed()) {
                    syntaxError(ir, 0);
                    return false;
                }
            }
            if (m.has("Galaxy")) {
                JsonReader gr = readerAt(m.at("Galaxy"));
                Context cctx { source, doc.issues, QStringLiteral("(collection)") };
                forEachObject(gr, "Galaxy", cctx, {}, [&](int) { parseGalaxy(gr, e.galaxies, cctx, {}); });
            }
            return true;
        }
        if (m.has("type") && m.has("value")) {
            recognised = true;
            return parseLooseAttribute(offset);
        }
        if (m.has("type") && (m.has("uuid") || m.has("category"))) {
            recognised = true; // an attribute without value: accounted for as an error later
            return parseLooseAttribute(offset);
        }
        return true;
    }

    bool parseLooseAttribute(qsizetype offset)
    {
        JsonReader r = readerAt(offset);
        Context ctx { source, doc.issues, QStringLiteral("(collection)") };
        Event &e = collectionEvent();
        Attribute a = parseAttribute(r, itemIndex++, ctx, {});
        if (r.failed()) {
            syntaxError(r, offset);
            return false;
        }
        e.attributes.append(std::move(a));
        return true;
    }

    bool parseFeedPair(qsizetype eventOffset, qsizetype attributeOffset)
    {
        JsonReader er = readerAt(eventOffset);
        QList<ParseIssue> scratch; // the header of every pair repeats: report its issues once per event
        Event header = parseEventBody(er, eventIndex, source, scratch);
        if (er.failed()) {
            syntaxError(er, eventOffset);
            return false;
        }
        Event *target = nullptr;
        if (!doc.events.isEmpty() && doc.events.last().uuid == header.uuid && !header.uuid.isEmpty())
            target = &doc.events.last();
        if (!target) {
            doc.issues.append(scratch);
            addEvent(std::move(header));
            target = &doc.events.last();
        }
        JsonReader ar = readerAt(attributeOffset);
        Context ctx { source, doc.issues, eventRefOf(*target, eventIndex - 1) };
        Attribute a = parseAttribute(ar, int(target->attributes.size()), ctx, {});
        if (ar.failed()) {
            syntaxError(ar, attributeOffset);
            return false;
        }
        target->attributes.append(std::move(a));
        return true;
    }

    bool parseList(qsizetype offset, bool &anyRecognised, int depth = 0)
    {
        // Lists of lists are accepted a few levels deep; deeper nesting is no MISP shape (and would
        // recurse without bound on hostile input).
        if (depth > 3) {
            doc.issues.append(ParseIssue { source, {}, {}, QStringLiteral("lists nested too deep") });
            return true;
        }
        if (!enter())
            return true;
        const Leave leave { nesting };
        JsonReader r = readerAt(offset);
        r.beginArray();
        int index = 0;
        while (r.nextElement()) {
            const qsizetype at = r.offset();
            if (r.peek() == JsonReader::Token::Object) {
                bool recognised = false;
                if (!parseItem(at, recognised))
                    return false;
                if (recognised)
                    anyRecognised = true;
                else
                    doc.issues.append(ParseIssue { source,
                        {},
                        QStringLiteral("item #%1").arg(index + 1),
                        QStringLiteral("item does not look like MISP data") });
            } else if (r.peek() == JsonReader::Token::Array) {
                bool recognised = false;
                if (!parseList(at, recognised, depth + 1))
                    return false;
                anyRecognised = anyRecognised || recognised;
            } else {
                doc.issues.append(ParseIssue {
                    source, {}, QStringLiteral("item #%1").arg(index + 1), QStringLiteral("item is not an object") });
            }
            if (!r.skipValidatedValue()) // validated by run()
                break;
            ++index;
        }
        if (r.failed()) {
            syntaxError(r, offset);
            return false;
        }
        return true;
    }

    void run()
    {
        // Validate the whole document first (fast, no allocation): invalid JSON makes the input
        // unreadable as a whole, reported with line and column. Deep nesting is no syntax error: the
        // walk below skips too-deep values iteratively and reports them on their item, and its own
        // recursion is bounded by enter() and the reader's depth limit.
        JsonReader top(json);
        if (top.peek() == JsonReader::Token::End) {
            doc.issues.append(ParseIssue { source, {}, {}, QStringLiteral("empty input") });
            return;
        }
        if (top.skipValue() && !top.atEnd())
            top.fail("trailing characters after the JSON value");
        if (top.failed()) {
            doc.issues.append(ParseIssue { source, {}, {}, top.errorString() });
            return;
        }
        JsonReader r(json);
        const qsizetype start = r.offset();
        bool recognised = false;
        if (r.peek() == JsonReader::Token::Object)
            parseItem(start, recognised);
        else if (r.peek() == JsonReader::Token::Array)
            parseList(start, recognised);
        if (hasCollection)
            doc.events.append(std::move(collection));
        doc.recognised = recognised;
        if (!recognised)
            doc.issues.append(ParseIssue { source, {}, {}, QStringLiteral("input does not look like MISP data") });
    }
};

} // namespace

ParsedDocument parseDocument(const QByteArray &json, const QString &sourceName)
{
    Parser p { json, sourceName, {}, 0, 0, {}, false, 0 };
    p.run();
    return std::move(p.doc);
}

} // namespace msb::misp
