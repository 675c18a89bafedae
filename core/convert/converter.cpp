// SPDX-License-Identifier: BSD-2-Clause
#include "core/convert/converter.h"

#include "core/convert/typemapping.h"
#include "core/misp/misptypes.h"
#include "core/sanitize/valuecheck.h"
#include "core/stix/jsonwriter.h"
#include "core/stix/pattern.h"
#include "core/stix/tlp.h"
#include "core/util/fixedstringmap.h"
#include "core/util/uuid5.h"

#include <QJsonArray>
#include <QTimeZone>

#include <algorithm>
#include <array>

namespace msb::convert {

using namespace Qt::Literals::StringLiterals;

using misp::Attribute;
using misp::Event;
using misp::Object;
using misp::Tag;
using stix::StixObject;
using stix::Tlp;

namespace {

constexpr qsizetype kMaxContextValue = 200;
constexpr int kMaxContextSiblings = 12;

/// What a set of tags (and galaxy blocks) says.
struct TagInfo
{
    QStringList labels;
    Tlp tlp = Tlp::None;
    int confidence = -1;
    QStringList threatTypes;
};

int confidenceFromTag(QStringView tag)
{
    static constexpr QStringView prefix = u"misp:confidence-level=";
    if (!tag.startsWith(prefix, Qt::CaseInsensitive))
        return -1;
    QStringView level = tag.mid(prefix.size()).trimmed();
    if (level.startsWith(u'"'))
        level = level.mid(1);
    if (level.endsWith(u'"'))
        level.chop(1);
    struct Level
    {
        const char16_t *name;
        int value;
    };
    static constexpr Level levels[] = { { u"completely-confident", 100 },
        { u"usually-confident", 75 },
        { u"fairly-confident", 50 },
        { u"rarely-confident", 25 },
        { u"unconfident", 0 },
        { u"confidence-cannot-be-evaluated", -1 } };
    for (const Level &l : levels) {
        if (level.compare(QStringView(l.name), Qt::CaseInsensitive) == 0)
            return l.value;
    }
    return -1;
}

TagInfo analyseTags(const QList<Tag> &tags, const QList<misp::GalaxyCluster> &galaxies, const ConversionPolicy &p)
{
    TagInfo info;
    for (const Tag &tag : tags) {
        const QString name = tag.name.trimmed();
        if (name.isEmpty())
            continue;
        const Tlp tlp = stix::tlpFromTag(name);
        if (tlp != Tlp::None) {
            // Several TLP tags (feeds often carry tlp:clear and tlp:white): the most restrictive wins.
            if (stix::tlpRank(tlp) > stix::tlpRank(info.tlp))
                info.tlp = tlp;
            continue;
        }
        const int c = confidenceFromTag(name);
        if (c >= 0)
            info.confidence = info.confidence < 0 ? c : std::min(info.confidence, c); // as misp-stix: the lowest
        if (name.startsWith(u"sentinel-threattype:", Qt::CaseInsensitive))
            info.threatTypes.append(name.mid(20).trimmed());
        if (tag.local && !p.keepLocalTags)
            continue;
        if (name.startsWith(u"misp-galaxy:", Qt::CaseInsensitive) && !p.galaxiesAsLabels)
            continue;
        bool excluded = false;
        for (const QString &prefix : p.labelExcludePrefixes)
            excluded = excluded || (!prefix.isEmpty() && name.startsWith(prefix, Qt::CaseInsensitive));
        if (!excluded && !info.labels.contains(name))
            info.labels.append(name);
    }
    if (p.galaxiesAsLabels) {
        for (const misp::GalaxyCluster &g : galaxies) {
            if (!g.tagName.isEmpty() && !info.labels.contains(g.tagName))
                info.labels.append(g.tagName);
        }
    }
    return info;
}

QDateTime fromEpoch(qint64 secs)
{
    return QDateTime::fromSecsSinceEpoch(secs, Qt::UTC);
}

/// MISP first_seen/last_seen: ISO 8601, often with microseconds and an offset.
QDateTime parseSeen(const QString &text)
{
    if (text.isEmpty())
        return {};
    QString t = text.trimmed();
    // Qt keeps milliseconds only: cut longer fractions ("05.123456+00:00" → "05.123+00:00").
    const qsizetype dot = t.indexOf(u'.', 19);
    if (dot == 19) {
        qsizetype end = dot + 1;
        while (end < t.size() && t.at(end).isDigit())
            ++end;
        if (end - dot > 4)
            t.remove(dot + 4, end - dot - 4);
    }
    QDateTime d = QDateTime::fromString(t, Qt::ISODateWithMs);
    if (!d.isValid())
        return {};
    if (d.timeSpec() == Qt::LocalTime)
        d.setTimeSpec(Qt::UTC);
    return d.toUTC();
}

QString clip(const QString &s)
{
    return s.size() > kMaxContextValue ? s.left(kMaxContextValue) + QStringLiteral("…") : s;
}

/// Per-event constants, computed once.
struct EventContext
{
    const Event &event;
    QString eventKey; ///< event uuid, or "source:<file>" when the event has none (for derived ids)
    QString createdByRef;
    QDateTime eventTime; ///< fallback when items have no timestamp
    TagInfo tags;
    QList<StixObject::ExternalReference> externalRefs;
    QString name;
    QString eventLine; ///< "MISP event: <info>" for descriptions
    QDateTime now;
};

QString lowerUuid(const QString &uuid)
{
    // Fast path: already lower-case ASCII without surrounding space (MISP's own form) is shared as is.
    const QChar *d = uuid.constData();
    const qsizetype n = uuid.size();
    bool plain = n > 0 && d[0].unicode() > u' ' && d[n - 1].unicode() > u' ';
    for (qsizetype i = 0; plain && i < n; ++i) {
        const char16_t c = d[i].unicode();
        plain = c < 0x80 && !(c >= u'A' && c <= u'Z');
    }
    if (plain)
        return uuid;
    return uuid.trimmed().toLower();
}

/// QUuid::fromString for the canonical 36-character form without its Latin-1 conversion;
/// anything else goes to QUuid::fromString (same result either way).
QUuid uuidFromText(QStringView text)
{
    QUuid uuid;
    return parseUuid(text, &uuid) ? uuid : QUuid::fromString(text);
}

/// object_marking_refs for one TLP level, built once (shared by every indicator of that level).
const QStringList &markingRefs(Tlp tlp)
{
    static const std::array<QStringList, 7> refs = [] {
        std::array<QStringList, 7> r;
        for (int i = 1; i < 7; ++i)
            r[size_t(i)] = QStringList { stix::tlpMarkingId(Tlp(i)) };
        return r;
    }();
    return refs[size_t(tlp)];
}

} // namespace

int supportedTypeCount()
{
    return int(supportedTypes().size());
}

Converter::Converter(ConversionPolicy policy)
    : m_policy(std::move(policy))
{ }

void Converter::reset()
{
    m_emittedIds.clear();
    m_emittedIdentities.clear();
    m_usedTlps.clear();
}

QList<StixObject> Converter::markingDefinitions() const
{
    QList<StixObject> out;
    for (const Tlp t : m_usedTlps)
        out.append(stix::tlpMarkingDefinition(t));
    return out;
}

ConversionResult Converter::convert(const Event &event)
{
    ConversionResult r;
    convert(event, r);
    return r;
}

ConversionResult Converter::convert(const QList<Event> &events)
{
    ConversionResult r;
    for (const Event &e : events)
        convert(e, r);
    return r;
}

void Converter::convert(const Event &event, ConversionResult &result)
{
    const EventAccount account = convert(
        event,
        [&](StixObject &&o) { result.objects.append(std::move(o)); },
        [&](ItemOutcome &&o) { result.outcomes.append(std::move(o)); });
    result.accounts.append(account);
}

namespace {

/// The work of one event; kept out of the header so the session class stays small.
class EventConversion
{
public:
    EventConversion(const ConversionPolicy &policy,
        UuidSet &emittedIds,
        QSet<QString> &emittedIdentities,
        QList<Tlp> &usedTlps,
        const Event &event,
        const Converter::ObjectSink &objects,
        const Converter::OutcomeSink &outcomes)
        : m_p(policy)
        , m_emittedIds(emittedIds)
        , m_emittedIdentities(emittedIdentities)
        , m_usedTlps(usedTlps)
        , m_ctx { event, {}, {}, {}, {}, {}, {}, {}, {} }
        , m_objects(objects)
        , m_outcomes(outcomes)
        , m_bundle(policy.mode == OutputMode::Bundle)
    {
        m_account.eventUuid = event.uuid;
        m_account.eventInfo = event.info;
    }

    EventAccount run();

private:
    struct Item
    {
        const Attribute &a;
        const Object *object;
        int objectIndex;
        int attributeIndex;
    };

    void prepareContext();
    void handle(const Item &item);
    void finishOutcome(ItemOutcome &&o);
    ItemOutcome baseOutcome(const Item &item) const;
    QDateTime itemTime(const Item &item) const;
    QString derivedId(const QString &name) const;
    bool claimId(const QString &id);
    bool claimUuid(const QUuid &uuid);
    void useTlp(Tlp tlp);
    StixObject indicatorBase(const Item &item, const TagInfo &attrTags) const;
    QString describe(const Item &item, const TypeMapping &m) const;
    void emitIndicator(StixObject &&o);
    void flushBundleObject(int objectIndex);
    void emitBundleEnvelope();

    const ConversionPolicy &m_p;
    UuidSet &m_emittedIds;
    QSet<QString> &m_emittedIdentities;
    QList<Tlp> &m_usedTlps;
    EventContext m_ctx;
    const Converter::ObjectSink &m_objects;
    const Converter::OutcomeSink &m_outcomes;
    bool m_bundle;
    EventAccount m_account;
    FixedStringMap<int> m_expiryDays; ///< the policy's expiryDaysByType, looked up per indicator

    // Bundle mode: objects are held per event so the report (2nd object) can list them all.
    QList<StixObject> m_held;
    QHash<QString, QString> m_indicatorByMispUuid;
    struct PendingObject
    {
        QStringList terms;
        QList<ItemOutcome> outcomes;
        QDateTime modified;
        QDateTime validFrom;
        QDateTime validUntil;
        QString observableType;
        QString observableValue;
    };
    PendingObject m_pending;
    QHash<int, QString> m_objectContext; ///< object index → sibling values text (Sentinel descriptions)
    mutable QString m_lastCategory; ///< cache for indicatorBase(): kill chain phases of the last category
    mutable QList<StixObject::KillChainPhase> m_lastPhases;
};

void EventConversion::prepareContext()
{
    const Event &e = m_ctx.event;
    m_ctx.eventKey = isValidUuid(e.uuid) ? lowerUuid(e.uuid) : QStringLiteral("source:") + e.sourceName;
    if (isValidUuid(e.orgc.uuid) && !e.orgc.name.isEmpty())
        m_ctx.createdByRef = QStringLiteral("identity--") + lowerUuid(e.orgc.uuid);
    if (e.timestamp >= 0)
        m_ctx.eventTime = fromEpoch(e.timestamp);
    else if (e.publishTimestamp > 0)
        m_ctx.eventTime = fromEpoch(e.publishTimestamp);
    else if (e.date.isValid())
        m_ctx.eventTime = QDateTime(e.date, QTime(0, 0), Qt::UTC);
    else
        m_ctx.eventTime = m_ctx.now; // nothing to go by: the only non-deterministic fallback
    m_ctx.tags = analyseTags(e.tags, e.galaxies, m_p);
    if (m_ctx.tags.tlp == Tlp::None && !m_p.defaultTlp.isEmpty())
        m_ctx.tags.tlp = stix::tlpFromTag(m_p.defaultTlp);
    StixObject::ExternalReference ref;
    ref.sourceName = QStringLiteral("MISP");
    ref.externalId = isValidUuid(e.uuid) ? lowerUuid(e.uuid) : e.id;
    ref.description = QStringLiteral("MISP event: ") + clip(e.info);
    if (!m_p.mispBaseUrl.isEmpty() && isValidUuid(e.uuid)) {
        QString base = m_p.mispBaseUrl;
        while (base.endsWith(u'/'))
            base.chop(1);
        ref.url = base + QStringLiteral("/events/view/") + lowerUuid(e.uuid);
    }
    if (!ref.externalId.isEmpty() || !ref.url.isEmpty())
        m_ctx.externalRefs.append(ref);
    m_ctx.name = e.info.isEmpty() ? QStringLiteral("MISP event ") + (e.uuid.isEmpty() ? e.sourceName : e.uuid)
                                  : e.info.left(250);
    m_ctx.eventLine = QStringLiteral("MISP event: ") + clip(e.info);
}

QDateTime EventConversion::itemTime(const Item &item) const
{
    if (item.a.timestamp >= 0)
        return fromEpoch(item.a.timestamp);
    if (item.object && item.object->timestamp >= 0)
        return fromEpoch(item.object->timestamp);
    return m_ctx.eventTime;
}

QString EventConversion::derivedId(const QString &name) const
{
    return prefixedUuid(u"indicator--", uuid5Of(kMsbUuidNamespace, name));
}

bool EventConversion::claimId(const QString &id)
{
    return claimUuid(uuidFromText(QStringView(id).mid(id.indexOf(u"--") + 2)));
}

bool EventConversion::claimUuid(const QUuid &uuid)
{
    return m_emittedIds.insert(uuid);
}

void EventConversion::useTlp(Tlp tlp)
{
    if (tlp != Tlp::None && !m_usedTlps.contains(tlp))
        m_usedTlps.append(tlp);
}

ItemOutcome EventConversion::baseOutcome(const Item &item) const
{
    ItemOutcome o;
    o.eventUuid = m_ctx.event.uuid;
    o.eventInfo = m_ctx.event.info;
    o.attributeUuid = item.a.uuid;
    if (item.object) {
        o.objectUuid = item.object->uuid;
        o.objectName = item.object->name;
    }
    o.mispType = item.a.type;
    o.value = item.a.value;
    o.source = m_ctx.event.sourceName;
    return o;
}

void EventConversion::finishOutcome(ItemOutcome &&o)
{
    ++m_account.total;
    switch (o.status) {
    case ItemOutcome::Status::Converted:
        ++m_account.converted;
        break;
    case ItemOutcome::Status::Dropped:
        ++m_account.dropped;
        break;
    case ItemOutcome::Status::Error:
        ++m_account.errors;
        break;
    }
    if (m_outcomes)
        m_outcomes(std::move(o));
}

StixObject EventConversion::indicatorBase(const Item &item, const TagInfo &attrTags) const
{
    StixObject s;
    s.type = QStringLiteral("indicator");
    s.createdByRef = m_ctx.createdByRef;
    s.created = itemTime(item);
    s.modified = s.created;
    const QDateTime firstSeen
        = parseSeen(item.a.firstSeen.isEmpty() && item.object ? item.object->firstSeen : item.a.firstSeen);
    s.validFrom = firstSeen.isValid() ? firstSeen : s.created;
    const QDateTime lastSeen
        = parseSeen(item.a.lastSeen.isEmpty() && item.object ? item.object->lastSeen : item.a.lastSeen);
    if (lastSeen.isValid() && lastSeen > s.validFrom)
        s.validUntil = lastSeen;
    s.mispType = item.a.type;
    s.eventUuid = m_ctx.event.uuid;
    s.sourceUuid = item.a.uuid.isEmpty() && item.object ? item.object->uuid : item.a.uuid;
    const QString category
        = item.object && !item.object->metaCategory.isEmpty() && m_bundle ? item.object->metaCategory : item.a.category;
    if (!category.isEmpty()) {
        // Consecutive attributes mostly share a category: reuse (share) the last list.
        if (category != m_lastCategory || m_lastPhases.isEmpty()) {
            m_lastCategory = category;
            m_lastPhases = { { QStringLiteral("misp-category"), category } };
        }
        s.killChainPhases = m_lastPhases;
    }
    s.externalReferences = m_ctx.externalRefs;
    if (m_bundle) {
        // misp-stix: attribute tags only (event tags go to the report).
        s.labels.append(QStringLiteral("misp:type=\"%1\"").arg(item.a.type));
        if (!item.a.category.isEmpty())
            s.labels.append(QStringLiteral("misp:category=\"%1\"").arg(item.a.category));
        s.labels.append(attrTags.labels);
        s.tlp = attrTags.tlp;
        s.confidence = attrTags.confidence >= 0 ? attrTags.confidence : m_p.defaultConfidence;
    } else {
        s.name = m_ctx.name;
        if (attrTags.labels.isEmpty()) {
            s.labels = m_ctx.tags.labels; // the common case: the event's list, shared
        } else {
            s.labels = attrTags.labels;
            for (const QString &l : m_ctx.tags.labels) {
                if (!s.labels.contains(l))
                    s.labels.append(l);
            }
        }
        s.tlp = attrTags.tlp != Tlp::None ? attrTags.tlp : m_ctx.tags.tlp;
        s.confidence = attrTags.confidence >= 0 ? attrTags.confidence
            : m_ctx.tags.confidence >= 0        ? m_ctx.tags.confidence
                                                : m_p.defaultConfidence;
        s.indicatorTypes = !attrTags.threatTypes.isEmpty() ? attrTags.threatTypes : m_ctx.tags.threatTypes;
    }
    if (s.tlp != Tlp::None)
        s.objectMarkingRefs = markingRefs(s.tlp);
    return s;
}

QString EventConversion::describe(const Item &item, const TypeMapping &m) const
{
    if (!m.composite && !item.object && item.a.comment.isEmpty())
        return m_ctx.eventLine; // the common case: shared, no allocation
    // Appended in place (every line of an object attribute's text, once per indicator): the same
    // text as joining the lines with '\n', without a list and arg() passes.
    QString out;
    const QString siblings = item.object ? m_objectContext.value(item.objectIndex) : QString();
    out.reserve(item.a.comment.size() + siblings.size() + m_ctx.eventLine.size() + 2 * kMaxContextValue + 96
        + (item.object ? item.object->name.size() + item.a.objectRelation.size() : 0));
    auto line = [&out]() -> QString & {
        if (!out.isEmpty())
            out += u'\n';
        return out;
    };
    const QString comment = item.a.comment.trimmed();
    if (!comment.isEmpty())
        line() += comment;
    if (m.composite) {
        line() += u"MISP "_s % item.a.type % u": "_s % clip(item.a.value);
        if (!m.port.isEmpty())
            out += u" (port "_s % m.port % u')';
        if (!m.registryData.isEmpty())
            out += u" (value data: "_s % clip(m.registryData) % u')';
        for (const QString &bad : m.invalidParts)
            line() += u"Not converted: "_s % bad;
    }
    if (item.object) {
        line() += u"MISP object "_s % item.object->name;
        if (!item.a.objectRelation.isEmpty())
            out += u", "_s % item.a.objectRelation;
        const QString objectComment = item.object->comment.trimmed();
        if (!objectComment.isEmpty())
            out += u" ("_s % clip(objectComment) % u')';
        if (!siblings.isEmpty())
            line() += u"Object values: "_s % siblings;
    }
    line() += m_ctx.eventLine;
    return out;
}

void EventConversion::emitIndicator(StixObject &&o)
{
    useTlp(o.tlp);
    if (m_bundle)
        m_held.append(std::move(o));
    else
        m_objects(std::move(o));
}

void EventConversion::handle(const Item &item)
{
    const Attribute &a = item.a;
    ItemOutcome outcome = baseOutcome(item);
    auto drop = [&](ItemOutcome::Status status, QString reason) {
        outcome.status = status;
        outcome.reason = std::move(reason);
        if (m_bundle && item.object)
            m_pending.outcomes.append(std::move(outcome));
        else
            finishOutcome(std::move(outcome));
    };
    if (a.deleted || (item.object && item.object->deleted))
        return drop(ItemOutcome::Status::Dropped, QStringLiteral("deleted in MISP"));
    if (a.type.trimmed().isEmpty())
        return drop(ItemOutcome::Status::Error, QStringLiteral("attribute has no type"));
    if (a.value.trimmed().isEmpty())
        return drop(ItemOutcome::Status::Error, QStringLiteral("attribute has no value"));
    if (!isSupportedType(a.type))
        return drop(ItemOutcome::Status::Dropped, QStringLiteral("unsupported type ") + a.type);
    const bool toIds = a.toIds.has_value() ? *a.toIds : misp::defaultToIds(a.type);
    if (m_p.requireToIds && !toIds)
        return drop(ItemOutcome::Status::Dropped, QStringLiteral("not to_ids"));
    const TypeMapping m = mapAttribute(a.type, a.value);
    if (m.outcome != TypeMapping::Outcome::Ok)
        return drop(ItemOutcome::Status::Dropped, m.reason);

    // Private/reserved filter per observable; the other parts of a composite survive.
    QList<Observable> observables = m.observables; // shared; rebuilt only when a part is filtered out
    QStringList filtered;
    if (m_p.dropPrivateAddresses) {
        for (const Observable &o : m.observables) {
            if (o.isAddress && sanitize::isPrivateOrReserved(o.value))
                filtered.append(o.value);
        }
        if (!filtered.isEmpty()) {
            observables.clear();
            for (const Observable &o : m.observables) {
                if (!(o.isAddress && sanitize::isPrivateOrReserved(o.value)))
                    observables.append(o);
            }
        }
    }
    if (observables.isEmpty())
        return drop(
            ItemOutcome::Status::Dropped, QStringLiteral("private or reserved address: ") + filtered.join(u' '));

    const TagInfo attrTags = analyseTags(a.tags, a.galaxies, m_p);
    StixObject base = indicatorBase(item, attrTags);
    const QString description = describe(item, m);

    // Expiry per observable type ("ipv4-addr", "file", ...), never by looking into the pattern text.
    auto expiryFor = [&](const QString &stixType, StixObject &s) {
        if (s.validUntil.isValid())
            return;
        const int days = m_expiryDays.value(stixType, m_p.defaultExpiryDays);
        if (days <= 0)
            return;
        const QDateTime from = m_p.expiryBase == ExpiryBase::ValidFrom ? s.validFrom : m_ctx.now;
        // UTC (always, here): a day is 86400 s, and addSecs skips addDays' calendar round trip.
        s.validUntil = from.timeSpec() == Qt::UTC ? from.addSecs(qint64(days) * 86400) : from.addDays(days);
        if (s.validUntil <= s.validFrom)
            s.validUntil = s.validFrom.addSecs(1);
    };
    const bool expiredCheck = m_p.dropExpired;

    if (m_bundle) {
        // One indicator per attribute (id = misp-stix's) or, for objects, one per object (collected).
        QStringList terms;
        if (m.patternType == u"stix") {
            const bool src = a.type.startsWith(u"ip-src");
            for (const Observable &o : observables) {
                QString t;
                if (o.isAddress && (a.type.startsWith(u"ip-src") || a.type.startsWith(u"ip-dst"))) {
                    const QString side = src ? QStringLiteral("src") : QStringLiteral("dst");
                    t = QStringLiteral("network-traffic:%1_ref.type = '%2' AND ").arg(side, o.stixType);
                    stix::appendComparison(t, QStringLiteral("network-traffic:%1_ref.value").arg(side), o.value);
                } else if (o.isAddress && a.type == u"domain|ip") {
                    stix::appendComparison(t, u"domain-name:resolves_to_refs[*].value", o.value);
                } else if (a.type == u"email-src") {
                    stix::appendComparison(t, u"email-message:from_ref.value", o.value);
                } else if (a.type == u"email-dst") {
                    stix::appendComparison(t, u"email-message:to_refs[*].value", o.value);
                } else {
                    stix::appendComparison(t, o.path, o.value);
                }
                terms.append(t);
            }
            if (!m.port.isEmpty()) {
                QString t;
                stix::appendComparison(t,
                    src ? QStringView(u"network-traffic:src_port") : QStringView(u"network-traffic:dst_port"),
                    m.port);
                terms.append(t);
            }
            if (!m.registryData.isEmpty()) {
                QString t;
                stix::appendComparison(t, u"windows-registry-key:values.data", m.registryData);
                terms.append(t);
            }
        }
        if (item.object) {
            // Collected into the object's indicator when the object is finished.
            if (m.patternType != u"stix") {
                terms.clear();
                QString t;
                stix::appendComparison(t, QStringLiteral("x_misp_%1").arg(m.patternType), m.rule);
                terms.append(t);
            }
            m_pending.terms.append(terms);
            if (!m_pending.modified.isValid() || base.modified > m_pending.modified)
                m_pending.modified = base.modified;
            if (!m_pending.validFrom.isValid() || base.validFrom < m_pending.validFrom)
                m_pending.validFrom = base.validFrom;
            if (m_pending.observableType.isEmpty()) {
                m_pending.observableType = observables.first().path;
                m_pending.observableValue = observables.first().value;
            }
            outcome.status = ItemOutcome::Status::Converted;
            m_pending.outcomes.append(std::move(outcome));
            return;
        }
        StixObject s = std::move(base);
        s.id = isValidUuid(a.uuid)
            ? QStringLiteral("indicator--") + lowerUuid(a.uuid)
            : derivedId(m_ctx.eventKey + QStringLiteral("|attribute|") + a.type + u'|' + a.value);
        if (m.patternType == u"stix") {
            s.pattern = u'[' + terms.join(QStringLiteral(" AND ")) + u']';
        } else {
            s.pattern = m.rule;
            s.patternType = m.patternType;
        }
        s.description = a.comment.trimmed();
        s.observableType = observables.first().path;
        s.observableValue = observables.first().value;
        expiryFor(observables.first().stixType, s);
        if (expiredCheck && s.validUntil.isValid() && s.validUntil <= m_ctx.now)
            return drop(ItemOutcome::Status::Dropped, QStringLiteral("expired"));
        if (!claimId(s.id))
            return drop(ItemOutcome::Status::Dropped, QStringLiteral("duplicate id"));
        m_indicatorByMispUuid.insert(lowerUuid(a.uuid), s.id);
        outcome.stixIds.append(s.id);
        outcome.status = ItemOutcome::Status::Converted;
        emitIndicator(std::move(s));
        finishOutcome(std::move(outcome));
        return;
    }

    // Sentinel mode: one single-comparison indicator per observable.
    QUuid attributeUuid;
    const bool validUuid = parseUuid(a.uuid, &attributeUuid);
    const bool ownId = !m.composite && !item.object && validUuid && observables.size() == 1;
    QString sourceKey;
    if (!ownId) {
        if (validUuid)
            sourceKey = lowerUuid(a.uuid);
        else if (item.object && isValidUuid(item.object->uuid))
            sourceKey = m_ctx.eventKey + u'|' + lowerUuid(item.object->uuid);
        else
            sourceKey = m_ctx.eventKey;
    }
    int expired = 0;
    int duplicates = 0;
    for (qsizetype oi = 0; oi < observables.size(); ++oi) {
        const Observable &o = observables.at(oi);
        // The last (usually the only) observable takes the base without copying it.
        // NOLINTNEXTLINE(bugprone-use-after-move): base is moved from only on the last iteration
        StixObject s = oi + 1 == observables.size() ? std::move(base) : base;
        if (m.patternType == u"stix") {
            s.pattern = stix::equalityPattern(o.path, o.value);
        } else {
            s.pattern = m.rule;
            s.patternType = m.patternType;
        }
        const QUuid idUuid = ownId
            ? attributeUuid
            : uuid5Of(kMsbUuidNamespace,
                QString(sourceKey + u'|' + (o.path.isEmpty() ? m.patternType : o.path) + u'|' + o.value));
        s.id = prefixedUuid(u"indicator--", idUuid);
        s.description = description;
        s.observableType = o.path.isEmpty() ? m.patternType : o.path;
        s.observableValue = o.value;
        expiryFor(o.stixType, s);
        if (expiredCheck && s.validUntil.isValid() && s.validUntil <= m_ctx.now) {
            ++expired;
            continue;
        }
        if (!claimUuid(idUuid)) {
            ++duplicates;
            continue;
        }
        outcome.stixIds.append(s.id);
        emitIndicator(std::move(s));
    }
    if (outcome.stixIds.isEmpty())
        return drop(ItemOutcome::Status::Dropped, expired ? QStringLiteral("expired") : QStringLiteral("duplicate id"));
    outcome.status = ItemOutcome::Status::Converted;
    QStringList notes = m.invalidParts;
    if (!filtered.isEmpty())
        notes.append(QStringLiteral("private or reserved address left out: ") + filtered.join(u' '));
    if (expired)
        notes.append(QStringLiteral("%1 part(s) expired").arg(expired));
    if (duplicates)
        notes.append(QStringLiteral("%1 part(s) duplicate").arg(duplicates));
    outcome.reason = notes.join(QStringLiteral("; "));
    finishOutcome(std::move(outcome));
}

void EventConversion::flushBundleObject(int objectIndex)
{
    const Object &obj = m_ctx.event.objects.at(objectIndex);
    PendingObject pending = std::move(m_pending);
    m_pending = PendingObject {};
    QString id;
    if (!pending.terms.isEmpty()) {
        id = isValidUuid(obj.uuid)
            ? QStringLiteral("indicator--") + lowerUuid(obj.uuid)
            : derivedId(m_ctx.eventKey + QStringLiteral("|object|%1|").arg(objectIndex) + obj.name);
        StixObject s;
        s.type = QStringLiteral("indicator");
        s.id = id;
        s.createdByRef = m_ctx.createdByRef;
        s.created = obj.timestamp >= 0 ? fromEpoch(obj.timestamp) : pending.modified;
        s.modified = s.created;
        s.validFrom = s.created;
        s.pattern = u'[' + pending.terms.join(QStringLiteral(" AND ")) + u']';
        s.description = obj.comment.trimmed();
        s.labels = { QStringLiteral("misp:name=\"%1\"").arg(obj.name),
            QStringLiteral("misp:meta-category=\"%1\"").arg(obj.metaCategory) };
        if (!obj.metaCategory.isEmpty())
            s.killChainPhases.append({ QStringLiteral("misp-category"), obj.metaCategory });
        s.externalReferences = m_ctx.externalRefs;
        s.confidence = m_p.defaultConfidence;
        s.mispType = QStringLiteral("object:") + obj.name;
        s.eventUuid = m_ctx.event.uuid;
        s.sourceUuid = obj.uuid;
        s.observableType = pending.observableType;
        s.observableValue = pending.observableValue;
        if (claimId(id)) {
            m_indicatorByMispUuid.insert(lowerUuid(obj.uuid), id);
            emitIndicator(std::move(s));
        } else {
            id.clear();
        }
    }
    for (ItemOutcome &o : pending.outcomes) {
        if (o.status == ItemOutcome::Status::Converted) {
            if (id.isEmpty()) {
                o.status = ItemOutcome::Status::Dropped;
                o.reason = QStringLiteral("duplicate id");
            } else {
                o.stixIds = { id };
            }
        }
        finishOutcome(std::move(o));
    }
}

void EventConversion::emitBundleEnvelope()
{
    const Event &e = m_ctx.event;
    const QString uuid = isValidUuid(e.uuid) ? lowerUuid(e.uuid) : uuid5(kMsbUuidNamespace, m_ctx.eventKey);
    // Relationships from MISP object references whose both ends became indicators.
    QList<StixObject> relationships;
    for (const Object &obj : e.objects) {
        const QString source = m_indicatorByMispUuid.value(lowerUuid(obj.uuid));
        if (source.isEmpty())
            continue;
        for (const misp::ObjectReference &r : obj.references) {
            const QString target = m_indicatorByMispUuid.value(lowerUuid(r.referencedUuid));
            if (target.isEmpty() || target == source)
                continue;
            QString type;
            for (const QChar c : r.relationshipType.trimmed().toLower())
                type.append((c.isLetterOrNumber() && c.unicode() < 0x80) ? c : QChar(u'-'));
            if (type.isEmpty())
                type = QStringLiteral("related-to");
            StixObject rel;
            rel.type = QStringLiteral("relationship");
            rel.id = QStringLiteral("relationship--")
                + (isValidUuid(r.uuid) ? lowerUuid(r.uuid)
                                       : uuid5(kMispStixRelationshipNamespace,
                                           source + QStringLiteral(" - ") + type + QStringLiteral(" - ") + target));
            rel.createdByRef = m_ctx.createdByRef;
            rel.created = m_ctx.eventTime;
            rel.modified = m_ctx.eventTime;
            rel.extra.insert(QStringLiteral("relationship_type"), type);
            rel.extra.insert(QStringLiteral("source_ref"), source);
            rel.extra.insert(QStringLiteral("target_ref"), target);
            rel.eventUuid = e.uuid;
            const QUuid ru = QUuid::fromString(QStringView(rel.id).mid(14));
            if (m_emittedIds.contains(ru))
                continue;
            m_emittedIds.insert(ru);
            relationships.append(std::move(rel));
        }
    }

    if (!m_ctx.createdByRef.isEmpty() && !m_emittedIdentities.contains(m_ctx.createdByRef)) {
        m_emittedIdentities.insert(m_ctx.createdByRef);
        StixObject identity;
        identity.type = QStringLiteral("identity");
        identity.id = m_ctx.createdByRef;
        identity.created = m_ctx.eventTime;
        identity.modified = m_ctx.eventTime;
        identity.name = e.orgc.name;
        identity.extra.insert(QStringLiteral("identity_class"), QStringLiteral("organization"));
        m_objects(std::move(identity));
    }

    const bool published = e.published && e.publishTimestamp > 0;
    StixObject report;
    report.type = published ? QStringLiteral("report") : QStringLiteral("grouping");
    report.id = report.type + QStringLiteral("--") + uuid;
    report.createdByRef = m_ctx.createdByRef;
    report.created = m_ctx.eventTime;
    report.modified = m_ctx.eventTime;
    report.name = e.info.isEmpty() ? QStringLiteral("MISP Event exported to STIX 2.1 with misp-stix.") : e.info;
    report.labels = { QStringLiteral("Threat-Report"), QStringLiteral("misp:tool=\"MISP-STIX-Converter\"") };
    for (const QString &l : m_ctx.tags.labels) {
        if (!l.startsWith(u"misp-galaxy:", Qt::CaseInsensitive))
            report.labels.append(l);
    }
    report.confidence = m_ctx.tags.confidence;
    if (m_ctx.tags.tlp != Tlp::None) {
        report.objectMarkingRefs.append(stix::tlpMarkingId(m_ctx.tags.tlp));
        useTlp(m_ctx.tags.tlp);
    }
    report.externalReferences = m_ctx.externalRefs;
    report.eventUuid = e.uuid;
    report.tlp = m_ctx.tags.tlp;
    QJsonArray refs;
    for (const StixObject &o : std::as_const(m_held))
        refs.append(o.id);
    for (const StixObject &o : std::as_const(relationships))
        refs.append(o.id);
    StixObject note;
    if (refs.isEmpty()) {
        // object_refs must not be empty (STIX 2.1): say so in a note, as misp-stix does for empty events.
        note.type = QStringLiteral("note");
        note.id = QStringLiteral("note--") + uuid;
        note.createdByRef = m_ctx.createdByRef;
        note.created = m_ctx.eventTime;
        note.modified = m_ctx.eventTime;
        note.extra.insert(QStringLiteral("content"),
            QStringLiteral("This MISP event produced no indicator under the conversion policy."));
        note.extra.insert(QStringLiteral("object_refs"), QJsonArray { report.id });
        refs.append(note.id);
    }
    if (published)
        report.extra.insert(QStringLiteral("published"), stix::formatTimestampMillis(fromEpoch(e.publishTimestamp)));
    else
        report.extra.insert(QStringLiteral("context"), QStringLiteral("suspicious-activity"));
    report.extra.insert(QStringLiteral("object_refs"), refs);
    m_objects(std::move(report));
    if (!note.id.isEmpty())
        m_objects(std::move(note));
    for (StixObject &o : m_held)
        m_objects(std::move(o));
    m_held.clear();
    for (StixObject &o : relationships)
        m_objects(std::move(o));
}

EventAccount EventConversion::run()
{
    m_ctx.now = m_p.now.isValid() ? m_p.now.toUTC() : QDateTime::currentDateTimeUtc();
    prepareContext();
    const Event &e = m_ctx.event;
    for (auto it = m_p.expiryDaysByType.cbegin(); it != m_p.expiryDaysByType.cend(); ++it)
        m_expiryDays.insert(it.key(), it.value());
    // One id per attribute is the common case: size the duplicate-id set once, not by rehashing.
    m_emittedIds.reserve(m_emittedIds.size() + std::size_t(e.attributes.size()));
    for (int i = 0; i < e.attributes.size(); ++i)
        handle(Item { e.attributes.at(i), nullptr, -1, i });
    for (int j = 0; j < e.objects.size(); ++j) {
        const Object &obj = e.objects.at(j);
        if (!m_bundle) {
            QStringList siblings;
            for (const Attribute &a : obj.attributes) {
                if (siblings.size() >= kMaxContextSiblings) {
                    siblings.append(QStringLiteral("…"));
                    break;
                }
                siblings.append(
                    (a.objectRelation.isEmpty() ? a.type : a.objectRelation) + u'=' + clip(a.value).left(80));
            }
            m_objectContext.insert(j, siblings.join(QStringLiteral("; ")));
        }
        for (int i = 0; i < obj.attributes.size(); ++i)
            handle(Item { obj.attributes.at(i), &obj, j, i });
        if (m_bundle)
            flushBundleObject(j);
        m_objectContext.remove(j);
    }
    if (m_bundle)
        emitBundleEnvelope();
    return m_account;
}

} // namespace

EventAccount Converter::convert(const Event &event, const ObjectSink &objects, const OutcomeSink &outcomes)
{
    const ObjectSink discard = [](StixObject &&) {};
    EventConversion conversion(
        m_policy, m_emittedIds, m_emittedIdentities, m_usedTlps, event, objects ? objects : discard, outcomes);
    return conversion.run();
}

} // namespace msb::convert
