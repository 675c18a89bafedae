// SPDX-License-Identifier: BSD-2-Clause
#include "core/sentinel/ratelimiter.h"

#include <algorithm>

namespace msb::sentinel {

RateLimiter::RateLimiter(int capacity, qint64 windowMs, qint64 marginMs)
    : m_capacity(std::max(1, capacity))
    , m_windowMs(std::max<qint64>(1, windowMs))
    , m_marginMs(std::max<qint64>(0, marginMs))
{ }

RateLimiter::Reservation RateLimiter::reserve(qint64 nowMs)
{
    const QMutexLocker lock(&m_mutex);
    qint64 at = std::max(nowMs, m_pausedUntil);
    // Spread evenly (one request every window/capacity) instead of a window-full at once: the
    // server never sees a burst, and each window's answers arrive early enough not to stretch it.
    if (!m_slots.empty() || m_evictedMax > 0)
        at = std::max(at, m_lastAt + m_windowMs / m_capacity);
    if (int(m_slots.size()) >= m_capacity) {
        // Every request `capacity` or more places back must have left the window first.
        const qint64 oldest = std::max(m_evictedMax, m_slots.front().at);
        at = std::max(at, oldest + m_windowMs + m_marginMs);
    }
    const Reservation r { m_nextId++, at };
    m_lastAt = at;
    m_slots.push_back({ r.id, at });
    while (int(m_slots.size()) > m_capacity) {
        m_evictedMax = std::max(m_evictedMax, m_slots.front().at);
        m_slots.pop_front();
    }
    return r;
}

void RateLimiter::complete(quint64 id, qint64 nowMs)
{
    const QMutexLocker lock(&m_mutex);
    for (auto it = m_slots.rbegin(); it != m_slots.rend(); ++it) {
        if (it->id == id) {
            it->at = std::max(it->at, nowMs);
            return;
        }
    }
    if (!m_slots.empty() && id < m_slots.front().id)
        m_evictedMax = std::max(m_evictedMax, nowMs);
}

void RateLimiter::pauseUntil(qint64 untilMs)
{
    const QMutexLocker lock(&m_mutex);
    m_pausedUntil = std::max(m_pausedUntil, untilMs);
}

qint64 RateLimiter::pausedUntil() const
{
    const QMutexLocker lock(&m_mutex);
    return m_pausedUntil;
}

RateLimiterRegistry::RateLimiterRegistry(int capacity, qint64 windowMs, qint64 marginMs)
    : m_capacity(capacity)
    , m_windowMs(windowMs)
    , m_marginMs(marginMs)
{ }

std::shared_ptr<RateLimiter> RateLimiterRegistry::limiter(const QString &key)
{
    const QMutexLocker lock(&m_mutex);
    auto it = m_limiters.find(key);
    if (it == m_limiters.end())
        it = m_limiters.insert(key, std::make_shared<RateLimiter>(m_capacity, m_windowMs, m_marginMs));
    return *it;
}

} // namespace msb::sentinel
