// SPDX-License-Identifier: BSD-2-Clause
#include "tests/sandbox/stixvalidator.h"

#include "tests/sandbox/stixpatterncheck.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

using namespace Qt::Literals::StringLiterals;

namespace msb::sandbox {

namespace {

const QStringList &supportedTypes()
{
    static const QStringList types {
        u"indicator"_s, u"attack-pattern"_s, u"threat-actor"_s, u"identity"_s, u"relationship"_s
    };
    return types;
}

QString show(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        return u"NULL"_s;
    case QJsonValue::String:
        return value.toString();
    case QJsonValue::Bool:
        return value.toBool() ? u"True"_s : u"False"_s;
    case QJsonValue::Double:
        return QString::number(value.toDouble());
    case QJsonValue::Array:
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    case QJsonValue::Object:
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    }
    return {};
}

QString message(const QString &property, const QString &reason, const QJsonValue &actual)
{
    return u"Error for Property=%1: %2. Actual value: %3."_s.arg(property, reason, show(actual));
}

bool isStixId(const QString &text, const QString &type = {})
{
    static const QRegularExpression id(
        u"^([a-z0-9][a-z0-9-]*[a-z0-9])--[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"_s);
    const QRegularExpressionMatch match = id.match(text);
    return match.hasMatch() && (type.isEmpty() || match.captured(1) == type);
}

/// STIX timestamps: RFC 3339 in UTC with a literal 'Z', optional fractional seconds.
QDateTime parseTimestamp(const QJsonValue &value)
{
    static const QRegularExpression form(u"^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?Z$"_s);
    if (!value.isString() || !form.match(value.toString()).hasMatch())
        return {};
    QString text = value.toString();
    text.chop(1);
    if (const qsizetype dot = text.indexOf(u'.'); dot >= 0)
        text = text.left(dot) + u'.' + text.mid(dot + 1).leftJustified(3, u'0').left(3);
    QDateTime parsed
        = QDateTime::fromString(text, text.contains(u'.') ? u"yyyy-MM-ddTHH:mm:ss.zzz"_s : u"yyyy-MM-ddTHH:mm:ss"_s);
    parsed.setTimeSpec(Qt::UTC);
    return parsed;
}

class Checker
{
public:
    Checker(const QJsonObject &object, QStringList *errors)
        : m_object(object)
        , m_errors(errors)
    { }

    bool has(const QString &name) const { return m_object.contains(name) && !m_object.value(name).isNull(); }
    QJsonValue value(const QString &name) const { return m_object.value(name); }
    void add(const QString &text) { m_errors->append(text); }

    bool required(const QString &name)
    {
        if (has(name))
            return true;
        add(missingPropertyMessage(name));
        return false;
    }
    void string(const QString &name)
    {
        if (has(name) && !value(name).isString())
            add(message(name, u"The value must be a string"_s, value(name)));
    }
    void stringList(const QString &name)
    {
        if (!has(name))
            return;
        const QJsonValue v = value(name);
        bool ok = v.isArray();
        for (const QJsonValue &item : v.toArray())
            ok = ok && item.isString();
        if (!ok)
            add(message(name, u"The value must be a list of strings"_s, v));
    }
    QDateTime timestamp(const QString &name)
    {
        if (!has(name))
            return {};
        const QDateTime parsed = parseTimestamp(value(name));
        if (!parsed.isValid())
            add(message(name,
                u"The value is not a valid timestamp (RFC 3339 in UTC, e.g. 2024-01-31T12:00:00Z)"_s,
                value(name)));
        return parsed;
    }
    void reference(const QString &name, const QString &type = {})
    {
        if (has(name) && !isStixId(value(name).toString(), type))
            add(message(name,
                type.isEmpty() ? u"The value is not a valid STIX identifier"_s
                               : u"The value is not a valid STIX identifier of type %1"_s.arg(type),
                value(name)));
    }

private:
    const QJsonObject &m_object;
    QStringList *m_errors;
};

} // namespace

QString missingPropertyMessage(const QString &name)
{
    return u"Error for Property=%1: Required property is missing. Actual value: NULL."_s.arg(name);
}

QStringList validateStixObject(const QJsonValue &value, const ValidationOptions &options)
{
    QStringList errors;
    if (!value.isObject()) {
        errors.append(message(u"stixobject"_s, u"The record is not a JSON object"_s, value));
        return errors;
    }
    const QJsonObject object = value.toObject();
    Checker check(object, &errors);

    const bool hasType = check.required(u"type"_s);
    const QString type = object.value(u"type"_s).toString();
    if (hasType) {
        if (options.indicatorsOnly && type != u"indicator"_s)
            check.add(
                message(u"type"_s, u"Only indicator objects can be uploaded with this API"_s, object.value(u"type"_s)));
        else if (!supportedTypes().contains(type) && !options.extraTypes.contains(type))
            check.add(message(u"type"_s, u"The STIX object type is not supported"_s, object.value(u"type"_s)));
    }
    if (check.required(u"id"_s))
        check.reference(u"id"_s, type);
    const QDateTime created = check.required(u"created"_s) ? check.timestamp(u"created"_s) : QDateTime();
    const QDateTime modified = check.required(u"modified"_s) ? check.timestamp(u"modified"_s) : QDateTime();
    if (created.isValid() && modified.isValid() && modified < created)
        check.add(
            message(u"modified"_s, u"The value must be later than or equal to created"_s, object.value(u"modified"_s)));

    if (check.has(u"spec_version"_s)) {
        const QString version = object.value(u"spec_version"_s).toString();
        if (version != u"2.0"_s && version != u"2.1"_s)
            check.add(
                message(u"spec_version"_s, u"Only STIX 2.0 and 2.1 are supported"_s, object.value(u"spec_version"_s)));
    }
    if (check.has(u"confidence"_s)) {
        const QJsonValue confidence = object.value(u"confidence"_s);
        const double number = confidence.toDouble(-1);
        if (!confidence.isDouble() || number != double(qint64(number)) || number < 0 || number > 100)
            check.add(message(u"confidence"_s, u"The value must be an integer in the range 0-100"_s, confidence));
    }
    if (check.has(u"revoked"_s) && !object.value(u"revoked"_s).isBool())
        check.add(message(u"revoked"_s, u"The value must be a boolean"_s, object.value(u"revoked"_s)));
    check.stringList(u"labels"_s);
    check.string(u"lang"_s);
    check.reference(u"created_by_ref"_s, u"identity"_s);
    if (check.has(u"object_marking_refs"_s)) {
        const QJsonValue refs = object.value(u"object_marking_refs"_s);
        bool ok = refs.isArray();
        for (const QJsonValue &ref : refs.toArray())
            ok = ok && isStixId(ref.toString(), u"marking-definition"_s);
        if (!ok)
            check.add(message(
                u"object_marking_refs"_s, u"The value must be a list of marking-definition identifiers"_s, refs));
    }
    if (check.has(u"external_references"_s)) {
        const QJsonValue refs = object.value(u"external_references"_s);
        bool ok = refs.isArray();
        for (const QJsonValue &ref : refs.toArray())
            ok = ok && ref.isObject() && ref.toObject().value(u"source_name"_s).isString();
        if (!ok)
            check.add(message(u"external_references"_s,
                u"The value must be a list of external references, each with a source_name"_s,
                refs));
    }
    if (check.has(u"granular_markings"_s) && !object.value(u"granular_markings"_s).isArray())
        check.add(message(u"granular_markings"_s, u"The value must be a list"_s, object.value(u"granular_markings"_s)));

    if (type == u"indicator"_s) {
        const bool hasPattern = check.required(u"pattern"_s);
        const bool hasPatternType = check.required(u"pattern_type"_s);
        const QDateTime validFrom = check.required(u"valid_from"_s) ? check.timestamp(u"valid_from"_s) : QDateTime();
        const QDateTime validUntil = check.timestamp(u"valid_until"_s);
        if (validFrom.isValid() && validUntil.isValid() && validUntil <= validFrom)
            check.add(message(u"valid_until"_s,
                u"The value must be greater than the valid_from timestamp"_s,
                object.value(u"valid_until"_s)));
        check.string(u"pattern"_s);
        check.string(u"pattern_type"_s);
        check.string(u"pattern_version"_s);
        check.string(u"name"_s);
        check.string(u"description"_s);
        check.stringList(u"indicator_types"_s);
        if (hasPattern && hasPatternType && object.value(u"pattern_type"_s).toString() == u"stix"_s
            && object.value(u"pattern"_s).isString()) {
            const QString error = stixPatternError(object.value(u"pattern"_s).toString());
            if (!error.isEmpty())
                check.add(message(
                    u"pattern"_s, u"The STIX pattern is not valid: %1"_s.arg(error), object.value(u"pattern"_s)));
        }
        if (check.has(u"kill_chain_phases"_s)) {
            const QJsonValue phases = object.value(u"kill_chain_phases"_s);
            bool ok = phases.isArray();
            for (const QJsonValue &phase : phases.toArray())
                ok = ok && phase.toObject().value(u"kill_chain_name"_s).isString()
                    && phase.toObject().value(u"phase_name"_s).isString();
            if (!ok)
                check.add(message(
                    u"kill_chain_phases"_s, u"The value must be a list of {kill_chain_name, phase_name}"_s, phases));
        }
    } else if (type == u"relationship"_s) {
        if (check.required(u"relationship_type"_s))
            check.string(u"relationship_type"_s);
        if (check.required(u"source_ref"_s))
            check.reference(u"source_ref"_s);
        if (check.required(u"target_ref"_s))
            check.reference(u"target_ref"_s);
    } else if (type == u"identity"_s || type == u"threat-actor"_s || type == u"attack-pattern"_s) {
        if (check.required(u"name"_s))
            check.string(u"name"_s);
    }
    return errors;
}

} // namespace msb::sandbox
