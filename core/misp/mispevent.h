// SPDX-License-Identifier: BSD-2-Clause
#pragma once

#include <QDate>
#include <QList>
#include <QString>

#include <optional>

namespace msb::misp {

/// The MISP data model as the rest of the pipeline sees it. Plain values, cheap to copy
/// (implicitly shared Qt containers), safe to hand across threads.

struct Tag
{
    QString name;
    bool local = false;
};

struct GalaxyCluster
{
    QString uuid;
    QString type; ///< galaxy type, e.g. "mitre-attack-pattern"
    QString galaxyName; ///< e.g. "Attack Pattern"
    QString value; ///< e.g. "Spearphishing Attachment - T1193"
    QString tagName; ///< e.g. misp-galaxy:mitre-attack-pattern="Spearphishing Attachment - T1193"
    QString description;
};

struct Attribute
{
    QString uuid; ///< as found; may be empty or invalid (the converter derives a stable id then)
    QString id;
    QString type;
    QString category;
    QString value;
    std::optional<bool> toIds; ///< absent in many feeds: the type's MISP default applies
    QString comment;
    qint64 timestamp = -1; ///< epoch seconds; -1 when absent
    QString firstSeen; ///< ISO 8601 as MISP gives it; empty when absent
    QString lastSeen;
    QString objectRelation; ///< for object attributes
    QString data; ///< base64 payload of malware-sample / attachment, if any
    QList<Tag> tags;
    QList<GalaxyCluster> galaxies;
    bool deleted = false;
    int distribution = -1;
};

struct ObjectReference
{
    QString uuid;
    QString referencedUuid;
    QString relationshipType;
};

struct Object
{
    QString uuid;
    QString id;
    QString name;
    QString metaCategory;
    QString comment;
    qint64 timestamp = -1;
    QString firstSeen;
    QString lastSeen;
    bool deleted = false;
    QList<Attribute> attributes;
    QList<ObjectReference> references;
};

struct Organisation
{
    QString uuid;
    QString name;
    QString id;
};

struct Event
{
    QString uuid;
    QString id;
    QString info;
    QDate date;
    qint64 timestamp = -1;
    qint64 publishTimestamp = -1;
    bool published = false;
    int threatLevelId = 0; ///< 1 high, 2 medium, 3 low, 4 undefined; 0 absent
    int analysis = -1; ///< 0 initial, 1 ongoing, 2 completed
    int distribution = -1;
    Organisation orgc;
    QList<Tag> tags;
    QList<GalaxyCluster> galaxies;
    QList<Attribute> attributes;
    QList<Object> objects;
    QString sourceName; ///< file, feed entry or MISP URL/page it came from, for error messages
};

/// One problem met while reading MISP data. Names the place precisely so a person can find it.
struct ParseIssue
{
    QString source; ///< file name, feed URL or "restSearch page 3"
    QString eventRef; ///< event uuid or id or index, if known
    QString itemRef; ///< attribute/object uuid or index, if the problem is below the event
    QString message; ///< what is wrong, e.g. "attribute has no value"

    QString toString() const;
};

} // namespace msb::misp

// Plain Qt values (QString, QList, QDate, scalars): relocatable, so a growing QList<Attribute> of a
// million-attribute event is realloc()ed in place instead of moved element by element (which also
// kept the old and the new array alive together at the peak).
Q_DECLARE_TYPEINFO(msb::misp::Tag, Q_RELOCATABLE_TYPE);
Q_DECLARE_TYPEINFO(msb::misp::GalaxyCluster, Q_RELOCATABLE_TYPE);
Q_DECLARE_TYPEINFO(msb::misp::Attribute, Q_RELOCATABLE_TYPE);
Q_DECLARE_TYPEINFO(msb::misp::ObjectReference, Q_RELOCATABLE_TYPE);
Q_DECLARE_TYPEINFO(msb::misp::Object, Q_RELOCATABLE_TYPE);
Q_DECLARE_TYPEINFO(msb::misp::Organisation, Q_RELOCATABLE_TYPE);
Q_DECLARE_TYPEINFO(msb::misp::Event, Q_RELOCATABLE_TYPE);
Q_DECLARE_TYPEINFO(msb::misp::ParseIssue, Q_RELOCATABLE_TYPE);
