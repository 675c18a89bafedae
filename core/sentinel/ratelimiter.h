// SPDX-License-Identifier: BSD-2-Clause
#pragma once

#include <QHash>
#include <QMutex>
#include <QString>

#include <deque>
#include <memory>

namespace msb::sentinel {

/// Sliding-window pacing: at most `capacity` requests in any window of `windowMs` (real
/// milliseconds, already divided by the clock scale), plus a safety margin, spread evenly (one
/// request every windowMs / capacity). Callers reserve a
/// send time ahead and report when the answer came: the server counted the request somewhere
/// between sending and answering, so the window of a request is measured from its answer
/// (queueing in the network stack or at the server can then never squeeze 101 into a window).
///
/// Thread-safe (one limiter may be shared by targets in different workers when the limit key is
/// per app). No timers inside: it only computes times; callers schedule.
class RateLimiter final
{
public:
    RateLimiter(int capacity, qint64 windowMs, qint64 marginMs);

    struct Reservation
    {
        quint64 id = 0;
        qint64 at = 0; ///< earliest send time (ms, caller's clock)
    };
    /// Reserves one request slot: `at` is `nowMs` when a slot is free, later otherwise, and
    /// never earlier than pausedUntil().
    Reservation reserve(qint64 nowMs);
    /// The request of reservation `id` got its answer (or failed) at `nowMs`.
    void complete(quint64 id, qint64 nowMs);
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
    struct Slot
    {
        quint64 id;
        qint64 at; ///< max(reserved send time, answer time)
    };
    std::deque<Slot> m_slots; ///< the last `capacity` reservations, in reservation order
    qint64 m_evictedMax = 0; ///< latest time of any reservation older than those
    qint64 m_lastAt = 0;
    quint64 m_nextId = 1;
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
