// SPDX-License-Identifier: BSD-2-Clause
#pragma once

#include <QByteArray>
#include <QNetworkReply>

#include <chrono>
#include <optional>

namespace msb::net {

/// Bounded exponential backoff with jitter. Pure value type; thread-safe to copy and use.
struct RetryPolicy
{
    int maxAttempts = 4; ///< total tries per request, including the first (1 = never retry)
    std::chrono::milliseconds baseDelay { 500 };
    std::chrono::milliseconds maxDelay { 30'000 };

    /// Delay before try number `attempt` (2 = first retry). A server's Retry-After wins when it
    /// is given, capped at maxDelay so a hostile header cannot stall a run.
    std::chrono::milliseconds delayBefore(
        int attempt, std::optional<std::chrono::milliseconds> retryAfter = std::nullopt) const;
};

/// Whether a failed exchange is worth trying again: connection refused/reset, timeouts,
/// temporary network failures, HTTP 408, 425, 429, 500, 502, 503, 504. Authentication, 404 and
/// TLS failures are not.
bool isTransient(QNetworkReply::NetworkError error, int httpStatus);

/// Parses Retry-After (seconds or an HTTP date). nullopt when absent or unreadable.
std::optional<std::chrono::milliseconds> parseRetryAfter(const QByteArray &value);

} // namespace msb::net
