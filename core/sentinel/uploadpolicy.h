// SPDX-License-Identifier: BSD-2-Clause
#pragma once

#include <QtGlobal>

namespace msb::sentinel {

/// Limits and pacing of uploads. Plain value; the defaults are the documented Sentinel limits.
/// Every wait that models server time (rate window, backoff) is divided by
/// `timeScale`, so a test or benchmark with a sandbox running N times faster passes N.
/// Retry-After and "Try again in N seconds" are real seconds and are never scaled.
struct UploadPolicy
{
    int maxObjectsPerRequest = 100; ///< documented limit
    qint64 maxBytesPerRequest = 1 << 20; ///< payload limit is unpublished: stay at 1 MiB
    int requestsPerWindow = 100; ///< documented: 100 requests per minute
    qint64 windowMs = 60'000;
    double pacingMargin = 0.01; ///< extra fraction of the window between window-fulls
    qint64 pacingMarginMinMs = 5; ///< at least this many real ms (loopback jitter)
    double timeScale = 1.0; ///< server seconds per real second (sandbox clock scale)
    int maxTransientAttempts = 6; ///< attempts per batch for 5xx / network / timeout / garbled answers
    int maxRateLimitedAttempts = 30; ///< attempts per batch answered 429 (a storm must still end)
    qint64 backoffBaseMs = 1'000; ///< first backoff (server time); doubles, full jitter
    qint64 backoffMaxMs = 60'000;
    qint64 requestTimeoutMs = 60'000; ///< real ms for the whole request; stalled requests are aborted
    int maxInFlightPerTarget = 4;

    qint64 realMs(qint64 serverMs) const { return timeScale > 0 ? qint64(double(serverMs) / timeScale) : serverMs; }
    qint64 realWindowMs() const { return realMs(windowMs); }
    qint64 realMarginMs() const
    {
        return std::max<qint64>(pacingMarginMinMs, qint64(double(realWindowMs()) * pacingMargin));
    }
};

} // namespace msb::sentinel
