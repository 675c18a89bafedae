// SPDX-License-Identifier: BSD-2-Clause
#pragma once

#include "core/util/result.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace msb::sentinel {

/// One object the API refused inside an otherwise accepted request.
struct RecordError
{
    int recordIndex = -1; ///< 0-based index into the request's array
    QString message; ///< the messages joined with "; "
};

/// What the upload API answered, classified. Pure function of status, headers and body.
struct UploadResponse
{
    enum class Kind {
        Accepted, ///< 200 (possibly with per-record errors)
        RateLimited, ///< 429: retry after retryAfterMs (server time; -1 unknown)
        Unauthorized, ///< 401: refresh the token once
        Transient, ///< 5xx, network error, timeout, unreadable 200 body: back off and retry
        Fatal, ///< 400/403/404 and other 4xx: no retry
    };
    Kind kind = Kind::Transient;
    QList<RecordError> recordErrors;
    qint64 retryAfterMs = -1;
    QString serverMessage; ///< message/code from the error envelope, for the plain-words error
    QString serverCode;
};

/// Classifies an answer. `retryAfterHeader` is the raw Retry-After header (seconds or HTTP date).
/// Accepts both `errorMessages` and `validationErrorMessages`, both envelopes
/// (`{statusCode,message}` and `{error:{code,message}}`), and an empty 200 body.
/// A 200 whose body is not JSON (or not the documented shape) is Transient: it is unknown which
/// objects were taken, and re-sending is harmless because Sentinel keys objects by id.
UploadResponse classifyUploadResponse(int httpStatus, const QByteArray &retryAfterHeader, const QByteArray &body);

/// Seconds from "Rate limit is exceeded. Try again in 45 seconds." (-1 if none).
int secondsFromRateLimitMessage(const QString &message);

} // namespace msb::sentinel
