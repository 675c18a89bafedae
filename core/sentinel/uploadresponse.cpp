// SPDX-License-Identifier: BSD-2-Clause
#include "core/sentinel/uploadresponse.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QRegularExpression>

using namespace Qt::Literals::StringLiterals;

namespace msb::sentinel {

namespace {

void readEnvelope(const QJsonObject &o, UploadResponse &r)
{
    if (o.contains(u"error"_s) && o.value(u"error"_s).isObject()) {
        const QJsonObject e = o.value(u"error"_s).toObject();
        r.serverCode = e.value(u"code"_s).toString();
        r.serverMessage = e.value(u"message"_s).toString();
        return;
    }
    r.serverMessage = o.value(u"message"_s).toString();
    if (r.serverMessage.isEmpty())
        r.serverMessage = o.value(u"Message"_s).toString();
}

/// Reads errors[] into r; false if there is an `errors` member that is not the documented shape.
bool readRecordErrors(const QJsonObject &o, UploadResponse &r)
{
    const QJsonValue errors = o.value(u"errors"_s);
    if (errors.isUndefined() || errors.isNull())
        return true;
    if (!errors.isArray())
        return false;
    for (const QJsonValue &v : errors.toArray()) {
        const QJsonObject e = v.toObject();
        if (!e.contains(u"recordIndex"_s))
            return false;
        RecordError re;
        re.recordIndex = e.value(u"recordIndex"_s).toInt(-1);
        QJsonArray msgs = e.value(u"errorMessages"_s).toArray();
        if (msgs.isEmpty())
            msgs = e.value(u"validationErrorMessages"_s).toArray();
        QStringList texts;
        for (const QJsonValue &m : msgs)
            texts.append(m.toString());
        re.message = texts.isEmpty() ? u"rejected by Sentinel (no reason given)"_s : texts.join(u"; "_s);
        r.recordErrors.append(re);
    }
    return true;
}

qint64 parseRetryAfter(const QByteArray &header)
{
    const QByteArray h = header.trimmed();
    if (h.isEmpty())
        return -1;
    bool ok = false;
    const double seconds = h.toDouble(&ok);
    // Clamped to a day before the integer conversion: "1e300" (or "inf") must not overflow.
    if (ok && seconds >= 0)
        return seconds < 86400 ? qint64(seconds * 1000) : qint64(86400) * 1000;
    const QDateTime when = QLocale::c().toDateTime(QString::fromLatin1(h), u"ddd, dd MMM yyyy HH:mm:ss 'GMT'"_s);
    if (when.isValid()) {
        QDateTime utc = when;
        utc.setTimeSpec(Qt::UTC);
        return std::max<qint64>(0, QDateTime::currentDateTimeUtc().msecsTo(utc));
    }
    return -1;
}

} // namespace

int secondsFromRateLimitMessage(const QString &message)
{
    static const QRegularExpression re(u"try again in (\\d+) second"_s, QRegularExpression::CaseInsensitiveOption);
    const auto m = re.match(message);
    return m.hasMatch() ? m.captured(1).toInt() : -1;
}

UploadResponse classifyUploadResponse(int httpStatus, const QByteArray &retryAfterHeader, const QByteArray &body)
{
    UploadResponse r;
    const QByteArray trimmed = body.trimmed();
    QJsonParseError perr {};
    const QJsonDocument doc = trimmed.isEmpty() ? QJsonDocument() : QJsonDocument::fromJson(trimmed, &perr);
    const bool parsed = !trimmed.isEmpty() && perr.error == QJsonParseError::NoError && doc.isObject();
    if (parsed)
        readEnvelope(doc.object(), r);
    else if (!trimmed.isEmpty() && httpStatus != 200)
        r.serverMessage = QString::fromUtf8(trimmed.left(300));

    if (httpStatus >= 200 && httpStatus < 300) {
        if (trimmed.isEmpty()) {
            r.kind = UploadResponse::Kind::Accepted;
            return r;
        }
        if (!parsed || !readRecordErrors(doc.object(), r)) {
            r.recordErrors.clear();
            r.kind = UploadResponse::Kind::Transient;
            r.serverMessage = u"the answer to an accepted upload could not be read"_s;
            return r;
        }
        r.kind = UploadResponse::Kind::Accepted;
        return r;
    }
    switch (httpStatus) {
    case 429: {
        r.kind = UploadResponse::Kind::RateLimited;
        r.retryAfterMs = parseRetryAfter(retryAfterHeader);
        if (r.retryAfterMs < 0) {
            const int s = secondsFromRateLimitMessage(r.serverMessage);
            if (s >= 0)
                r.retryAfterMs = qint64(s) * 1000;
        }
        return r;
    }
    case 401:
        r.kind = UploadResponse::Kind::Unauthorized;
        return r;
    case 408:
        r.kind = UploadResponse::Kind::Transient;
        return r;
    case 400:
        // If every object failed validation the service may answer 400 with the errors[] list
        // (unconfirmed, reference §1.6); then it is per-record rejection, not a broken request.
        if (parsed && doc.object().value(u"errors"_s).isArray() && readRecordErrors(doc.object(), r)
            && !r.recordErrors.isEmpty()) {
            r.kind = UploadResponse::Kind::Accepted;
            return r;
        }
        r.recordErrors.clear();
        r.kind = UploadResponse::Kind::Fatal;
        return r;
    default:
        break;
    }
    if (httpStatus == 0 || httpStatus >= 500)
        r.kind = UploadResponse::Kind::Transient;
    else
        r.kind = UploadResponse::Kind::Fatal;
    return r;
}

} // namespace msb::sentinel
