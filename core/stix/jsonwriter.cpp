// SPDX-License-Identifier: BSD-2-Clause
#include "core/stix/jsonwriter.h"

#include <QIODevice>
#include <QJsonArray>
#include <QJsonObject>
#include <QTimeZone>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstring>

namespace msb::stix {

namespace {

constexpr qsizetype kFlushThreshold = qsizetype(256) * 1024;

/// Appends bytes through a raw pointer: QByteArray::append(const char *) goes through insert() in Qt 6.4
/// and was a hot spot of the writer.
void appendBytes(QByteArray &out, const char *text, qsizetype n)
{
    const qsizetype start = out.size();
    out.resize(start + n);
    std::memcpy(out.data() + start, text, size_t(n));
}

void appendRaw(QByteArray &out, const char *text)
{
    appendBytes(out, text, qsizetype(std::strlen(text)));
}

void appendKey(QByteArray &out, bool &first, const char *key)
{
    const qsizetype n = qsizetype(std::strlen(key));
    const qsizetype start = out.size();
    out.resize(start + n + 4);
    char *d = out.data() + start;
    if (!first)
        *d++ = ',';
    first = false;
    *d++ = '"';
    std::memcpy(d, key, size_t(n));
    d += n;
    *d++ = '"';
    *d++ = ':';
    out.resize(d - out.data());
}

void appendStringList(QByteArray &out, const QStringList &list)
{
    out.append('[');
    for (qsizetype i = 0; i < list.size(); ++i) {
        if (i)
            out.append(',');
        appendJsonString(out, list.at(i));
    }
    out.append(']');
}

void appendTimestamp(QByteArray &out, const QDateTime &time, bool alwaysMillis)
{
    // Hand-formatted: QDateTime::toString and printf were hot in the profile. Valid times are split
    // from the epoch milliseconds directly (civil-from-days, proleptic Gregorian like QDate) instead of
    // going through toUTC()/date()/time(), which each recompute the broken-down time.
    int year = 0;
    int month = 0;
    int day = 0;
    int hour = 0;
    int minute = 0;
    int second = 0;
    int ms = 0;
    if (time.isValid()) {
        const qint64 msecs = time.toMSecsSinceEpoch();
        qint64 days = msecs / 86400000;
        qint64 rest = msecs % 86400000;
        if (rest < 0) {
            rest += 86400000;
            --days;
        }
        ms = int(rest % 1000);
        second = int((rest / 1000) % 60);
        minute = int((rest / 60000) % 60);
        hour = int(rest / 3600000);
        // Howard Hinnant's days_from_civil inverse.
        const qint64 z = days + 719468;
        const qint64 era = (z >= 0 ? z : z - 146096) / 146097;
        const qint64 doe = z - era * 146097;
        const qint64 yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
        const qint64 doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        const qint64 mp = (5 * doy + 2) / 153;
        day = int(doy - (153 * mp + 2) / 5 + 1);
        month = int(mp < 10 ? mp + 3 : mp - 9);
        const qint64 y = yoe + era * 400 + (month <= 2 ? 1 : 0);
        year = int(std::clamp<qint64>(y, -1, 10000));
    } else {
        const QDateTime utc = time.toUTC();
        const QDate d = utc.date();
        const QTime t = utc.time();
        year = d.year();
        month = d.month();
        day = d.day();
        hour = t.hour();
        minute = t.minute();
        second = t.second();
        ms = t.msec();
    }
    char buf[32];
    char *p = buf;
    auto put = [&p](int v, int width) {
        for (int i = width - 1; i >= 0; --i) {
            p[i] = char('0' + v % 10);
            v /= 10;
        }
        p += width;
    };
    *p++ = '"';
    put(qBound(0, year, 9999), 4);
    *p++ = '-';
    put(month, 2);
    *p++ = '-';
    put(day, 2);
    *p++ = 'T';
    put(hour, 2);
    *p++ = ':';
    put(minute, 2);
    *p++ = ':';
    put(second, 2);
    if (alwaysMillis || ms != 0) {
        *p++ = '.';
        put(ms, 3);
    }
    *p++ = 'Z';
    *p++ = '"';
    out.append(buf, p - buf);
}

bool isWrittenTyped(const QString &key, const StixObject &o)
{
    // Keys the typed part already wrote must not appear twice.
    static const std::array<QLatin1StringView, 6> always { QLatin1StringView("type"),
        QLatin1StringView("spec_version"),
        QLatin1StringView("id"),
        QLatin1StringView("created_by_ref"),
        QLatin1StringView("created"),
        QLatin1StringView("modified") };
    for (const auto &k : always) {
        if (key == k)
            return k != QLatin1StringView("created_by_ref") || !o.createdByRef.isEmpty();
    }
    if (key == QLatin1StringView("name"))
        return !o.name.isEmpty();
    if (key == QLatin1StringView("description"))
        return !o.description.isEmpty();
    if (key == QLatin1StringView("labels"))
        return !o.labels.isEmpty();
    if (key == QLatin1StringView("confidence"))
        return o.confidence >= 0;
    if (key == QLatin1StringView("object_marking_refs"))
        return !o.objectMarkingRefs.isEmpty();
    if (key == QLatin1StringView("external_references"))
        return !o.externalReferences.isEmpty();
    if (key == QLatin1StringView("kill_chain_phases"))
        return !o.killChainPhases.isEmpty();
    if (key == QLatin1StringView("revoked"))
        return o.revoked;
    if (key == QLatin1StringView("valid_from"))
        return o.validFrom.isValid();
    if (key == QLatin1StringView("valid_until"))
        return o.validUntil.isValid();
    if (key == QLatin1StringView("indicator_types"))
        return !o.indicatorTypes.isEmpty();
    if (o.type == QLatin1StringView("indicator"))
        return key == QLatin1StringView("pattern") || key == QLatin1StringView("pattern_type")
            || key == QLatin1StringView("pattern_version");
    return false;
}

} // namespace

void appendJsonString(QByteArray &out, QStringView text)
{
    // Written through a raw pointer into pre-grown storage: appending byte by byte through
    // QByteArray::append dominated the profile. Worst case 6 output bytes per UTF-16 unit (\u00XX).
    static constexpr char hex[] = "0123456789abcdef";
    const qsizetype n = text.size();
    const qsizetype start = out.size();
    out.resize(start + n * 6 + 2);
    char *d = out.data() + start;
    const char16_t *p = text.utf16();
    *d++ = '"';
    for (qsizetype i = 0; i < n; ++i) {
        const char16_t c = p[i];
        if (c < 0x80) {
            if (c >= 0x20 && c != u'"' && c != u'\\') {
                *d++ = char(c);
                continue;
            }
            *d++ = '\\';
            switch (c) {
            case u'"':
                *d++ = '"';
                break;
            case u'\\':
                *d++ = '\\';
                break;
            case u'\n':
                *d++ = 'n';
                break;
            case u'\r':
                *d++ = 'r';
                break;
            case u'\t':
                *d++ = 't';
                break;
            default:
                *d++ = 'u';
                *d++ = '0';
                *d++ = '0';
                *d++ = hex[(c >> 4) & 0xF];
                *d++ = hex[c & 0xF];
            }
            continue;
        }
        char32_t cp = c;
        if (QChar::isHighSurrogate(c) && i + 1 < n && QChar::isLowSurrogate(p[i + 1])) {
            cp = QChar::surrogateToUcs4(c, p[i + 1]);
            ++i;
        } else if (QChar::isSurrogate(c)) {
            cp = 0xFFFD;
        }
        if (cp < 0x800) {
            *d++ = char(0xC0 | (cp >> 6));
            *d++ = char(0x80 | (cp & 0x3F));
        } else if (cp < 0x10000) {
            *d++ = char(0xE0 | (cp >> 12));
            *d++ = char(0x80 | ((cp >> 6) & 0x3F));
            *d++ = char(0x80 | (cp & 0x3F));
        } else {
            *d++ = char(0xF0 | (cp >> 18));
            *d++ = char(0x80 | ((cp >> 12) & 0x3F));
            *d++ = char(0x80 | ((cp >> 6) & 0x3F));
            *d++ = char(0x80 | (cp & 0x3F));
        }
    }
    *d++ = '"';
    out.resize(d - out.data());
}

void appendJsonValue(QByteArray &out, const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        appendRaw(out, "null");
        break;
    case QJsonValue::Bool:
        appendRaw(out, value.toBool() ? "true" : "false");
        break;
    case QJsonValue::Double: {
        const double d = value.toDouble();
        if (!std::isfinite(d))
            appendRaw(out, "null");
        else if (d == std::floor(d) && std::fabs(d) < 9007199254740992.0)
            out.append(QByteArray::number(qint64(d)));
        else
            out.append(QByteArray::number(d, 'g', 17));
        break;
    }
    case QJsonValue::String:
        appendJsonString(out, value.toString());
        break;
    case QJsonValue::Array: {
        const QJsonArray a = value.toArray();
        out.append('[');
        for (qsizetype i = 0; i < a.size(); ++i) {
            if (i)
                out.append(',');
            appendJsonValue(out, a.at(i));
        }
        out.append(']');
        break;
    }
    case QJsonValue::Object: {
        const QJsonObject o = value.toObject();
        out.append('{');
        bool first = true;
        for (auto it = o.constBegin(); it != o.constEnd(); ++it) {
            if (!first)
                out.append(',');
            first = false;
            appendJsonString(out, it.key());
            out.append(':');
            appendJsonValue(out, it.value());
        }
        out.append('}');
        break;
    }
    }
}

QString formatTimestampMillis(const QDateTime &time)
{
    QByteArray b;
    appendTimestamp(b, time, true);
    return QString::fromLatin1(b.mid(1, b.size() - 2));
}

QString formatTimestamp(const QDateTime &time)
{
    QByteArray b;
    appendTimestamp(b, time, false);
    return QString::fromLatin1(b.mid(1, b.size() - 2));
}

void appendJson(QByteArray &out, const StixObject &o)
{
    const bool isIndicator = o.type == QLatin1StringView("indicator");
    bool first = true;
    out.append('{');
    appendKey(out, first, "type");
    appendJsonString(out, o.type);
    appendKey(out, first, "spec_version");
    appendRaw(out, "\"2.1\"");
    appendKey(out, first, "id");
    appendJsonString(out, o.id);
    if (!o.createdByRef.isEmpty()) {
        appendKey(out, first, "created_by_ref");
        appendJsonString(out, o.createdByRef);
    }
    if (o.created.isValid()) {
        appendKey(out, first, "created");
        appendTimestamp(out, o.created, true);
    }
    if (o.modified.isValid()) {
        appendKey(out, first, "modified");
        appendTimestamp(out, o.modified, true);
    }
    if (!o.name.isEmpty()) {
        appendKey(out, first, "name");
        appendJsonString(out, o.name);
    }
    if (!o.description.isEmpty()) {
        appendKey(out, first, "description");
        appendJsonString(out, o.description);
    }
    if (!o.indicatorTypes.isEmpty()) {
        appendKey(out, first, "indicator_types");
        appendStringList(out, o.indicatorTypes);
    }
    if (isIndicator) {
        appendKey(out, first, "pattern");
        appendJsonString(out, o.pattern);
        appendKey(out, first, "pattern_type");
        appendJsonString(out, o.patternType);
        appendKey(out, first, "pattern_version");
        appendJsonString(out, o.patternVersion);
    }
    if (o.validFrom.isValid()) {
        appendKey(out, first, "valid_from");
        appendTimestamp(out, o.validFrom, false);
    }
    if (o.validUntil.isValid()) {
        appendKey(out, first, "valid_until");
        appendTimestamp(out, o.validUntil, false);
    }
    if (!o.killChainPhases.isEmpty()) {
        appendKey(out, first, "kill_chain_phases");
        out.append('[');
        for (qsizetype i = 0; i < o.killChainPhases.size(); ++i) {
            if (i)
                out.append(',');
            appendRaw(out, "{\"kill_chain_name\":");
            appendJsonString(out, o.killChainPhases.at(i).killChainName);
            appendRaw(out, ",\"phase_name\":");
            appendJsonString(out, o.killChainPhases.at(i).phaseName);
            out.append('}');
        }
        out.append(']');
    }
    if (!o.labels.isEmpty()) {
        appendKey(out, first, "labels");
        appendStringList(out, o.labels);
    }
    if (o.confidence >= 0) {
        appendKey(out, first, "confidence");
        out.append(QByteArray::number(o.confidence));
    }
    if (o.revoked) {
        appendKey(out, first, "revoked");
        appendRaw(out, "true");
    }
    if (!o.externalReferences.isEmpty()) {
        appendKey(out, first, "external_references");
        out.append('[');
        for (qsizetype i = 0; i < o.externalReferences.size(); ++i) {
            const auto &r = o.externalReferences.at(i);
            if (i)
                out.append(',');
            bool f = true;
            out.append('{');
            appendKey(out, f, "source_name");
            appendJsonString(out, r.sourceName);
            if (!r.description.isEmpty()) {
                appendKey(out, f, "description");
                appendJsonString(out, r.description);
            }
            if (!r.url.isEmpty()) {
                appendKey(out, f, "url");
                appendJsonString(out, r.url);
            }
            if (!r.externalId.isEmpty()) {
                appendKey(out, f, "external_id");
                appendJsonString(out, r.externalId);
            }
            out.append('}');
        }
        out.append(']');
    }
    if (!o.objectMarkingRefs.isEmpty()) {
        appendKey(out, first, "object_marking_refs");
        appendStringList(out, o.objectMarkingRefs);
    }
    for (auto it = o.extra.constBegin(); it != o.extra.constEnd(); ++it) {
        const QString key = it.key();
        if (isWrittenTyped(key, o))
            continue;
        if (!first)
            out.append(',');
        first = false;
        appendJsonString(out, key);
        out.append(':');
        appendJsonValue(out, it.value());
    }
    out.append('}');
}

QByteArray toJson(const StixObject &object)
{
    QByteArray out;
    out.reserve(512);
    appendJson(out, object);
    return out;
}

BundleWriter::BundleWriter(QIODevice *device, const QString &bundleId)
    : m_device(device)
    , m_bundleId(bundleId)
{
    m_buffer.reserve(kFlushThreshold + 4096);
}

BundleWriter::~BundleWriter() = default;

bool BundleWriter::begin()
{
    if (m_begun)
        return m_error.isEmpty();
    m_begun = true;
    m_buffer.append("{\"type\":\"bundle\",\"id\":");
    appendJsonString(m_buffer, m_bundleId);
    m_buffer.append(",\"objects\":[");
    return true;
}

bool BundleWriter::add(const StixObject &object)
{
    if (!m_error.isEmpty() || m_finished)
        return false;
    begin();
    if (m_count > 0)
        m_buffer.append(',');
    appendJson(m_buffer, object);
    ++m_count;
    if (m_buffer.size() >= kFlushThreshold)
        return flush();
    return true;
}

bool BundleWriter::finish()
{
    if (m_finished)
        return m_error.isEmpty();
    begin();
    m_finished = true;
    m_buffer.append("]}\n");
    return flush() && m_error.isEmpty();
}

bool BundleWriter::flush()
{
    if (!m_error.isEmpty())
        return false;
    if (!m_device || !m_device->isWritable()) {
        m_error = QStringLiteral("output is not open for writing");
        return false;
    }
    const qint64 written = m_device->write(m_buffer);
    if (written != m_buffer.size()) {
        m_error = QStringLiteral("cannot write the bundle: ") + m_device->errorString();
        return false;
    }
    m_buffer.clear();
    return true;
}

} // namespace msb::stix
