// SPDX-License-Identifier: BSD-2-Clause
#pragma once

#include <QHash>
#include <QMutex>
#include <QString>

#include <deque>
#include <memory>

namespace msb::sentinel {

/// Sliding-window pacing: at most `capacity` requests in any window of `windowMs` (real
/// milliseconds, already divided by the clock scale), plus a safety margin so network jitter
/// cannot push two windows' worth into the server's window. Callers reserve a send time ahead.
///
/// Thread-safe (one limiter may be shared by targets in different workers when the limit key is
/// per app). No timers inside: it only computes times; callers schedule.
class RateLimiter final
{
public:
    RateLimiter(int capacity, qint64 windowMs, qint64 marginMs);

    /// Reserves one request slot and returns the earliest time (ms, caller's clock) it may be
    /// sent: `nowMs` when a slot is free, later otherwise. Never earlier than pauseUntil().
    qint64 reserve(qint64 nowMs);
    /// The server said 429: no slot before `untilMs`.
    void pauseUntil(qint64 untilMs);
    qint64 pausedUntil() const;

    int capacity() const { return m_capacity; }
    qint64 windowMs() const { return m_windowMs; }

private:
    mutable QMutex m_mutex;
    const int m_capacity;
    const qint64 m_windowMs;
    const qint64 m_marginMs;
    std::deque<qint64> m_slots; ///< reserved send times, ascending; at most capacity kept
    qint64 m_pausedUntil = 0;
};

/// Limiters by limit key (Target::rateLimitKey()). Share one registry between engines that may
/// run at the same time so that a per-app ceiling is shared. Thread-safe.
class RateLimiterRegistry final
{
public:
    RateLimiterRegistry(int capacity, qint64 windowMs, qint64 marginMs);
    std::shared_ptr<RateLimiter> limiter(const QString &key);

private:
    QMutex m_mutex;
    int m_capacity;
    qint64 m_windowMs;
    qint64 m_marginMs;
    QHash<QString, std::shared_ptr<RateLimiter>> m_limiters;
};

} // namespace msb::sentinel
