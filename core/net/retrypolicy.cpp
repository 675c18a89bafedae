// SPDX-License-Identifier: BSD-2-Clause
#include "core/net/retrypolicy.h"

#include <QDateTime>
#include <QLocale>
#include <QRandomGenerator>

#include <algorithm>

namespace msb::net {

std::chrono::milliseconds RetryPolicy::delayBefore(
    int attempt, std::optional<std::chrono::milliseconds> retryAfter) const
{
    if (retryAfter)
        return std::clamp(*retryAfter, std::chrono::milliseconds(0), maxDelay);
    const int exponent = std::clamp(attempt - 2, 0, 20);
    const qint64 raw = std::min<qint64>(baseDelay.count() << exponent, maxDelay.count());
    // Full jitter on the upper half, so parallel clients do not retry in lock step.
    const qint64 jitter = raw > 1 ? QRandomGenerator::global()->bounded(raw / 2 + 1) : 0;
    return std::chrono::milliseconds(raw / 2 + jitter);
}

bool isTransient(QNetworkReply::NetworkError error, int httpStatus)
{
    switch (httpStatus) {
    case 408:
    case 425:
    case 429:
    case 500:
    case 502:
    case 503:
    case 504:
        return true;
    default:
        break;
    }
    if (httpStatus != 0)
        return false;
    switch (error) {
    case QNetworkReply::ConnectionRefusedError:
    case QNetworkReply::RemoteHostClosedError:
    case QNetworkReply::TimeoutError:
    case QNetworkReply::OperationCanceledError: // transfer timeout aborts this way
    case QNetworkReply::TemporaryNetworkFailureError:
    case QNetworkReply::NetworkSessionFailedError:
    case QNetworkReply::ProxyConnectionClosedError:
    case QNetworkReply::ProxyTimeoutError:
    case QNetworkReply::UnknownNetworkError:
    case QNetworkReply::UnknownServerError:
    case QNetworkReply::InternalServerError:
    case QNetworkReply::ServiceUnavailableError:
        return true;
    default:
        return false;
    }
}

std::optional<std::chrono::milliseconds> parseRetryAfter(const QByteArray &value)
{
    const QByteArray trimmed = value.trimmed();
    if (trimmed.isEmpty())
        return std::nullopt;
    bool ok = false;
    const qint64 seconds = trimmed.toLongLong(&ok);
    if (ok && seconds >= 0)
        return std::chrono::milliseconds(seconds * 1000);
    const QDateTime when
        = QLocale::c().toDateTime(QString::fromLatin1(trimmed), QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'"));
    if (!when.isValid())
        return std::nullopt;
    QDateTime utc = when;
    utc.setTimeSpec(Qt::UTC);
    const qint64 ms = QDateTime::currentDateTimeUtc().msecsTo(utc);
    return std::chrono::milliseconds(std::max<qint64>(ms, 0));
}

} // namespace msb::net
