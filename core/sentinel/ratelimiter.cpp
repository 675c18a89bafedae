// SPDX-License-Identifier: BSD-2-Clause
#include "core/sentinel/ratelimiter.h"

#include <algorithm>

namespace msb::sentinel {

RateLimiter::RateLimiter(int capacity, qint64 windowMs, qint64 marginMs)
    : m_capacity(std::max(1, capacity))
    , m_windowMs(std::max<qint64>(1, windowMs))
    , m_marginMs(std::max<qint64>(0, marginMs))
{ }

qint64 RateLimiter::reserve(qint64 nowMs)
{
    const QMutexLocker lock(&m_mutex);
    qint64 at = std::max(nowMs, m_pausedUntil);
    if (!m_slots.empty())
        at = std::max(at, m_slots.back()); // keep the deque ordered
    if (int(m_slots.size()) >= m_capacity) {
        // The request `capacity` places back must have left the window before this one goes.
        const qint64 oldest = m_slots[m_slots.size() - size_t(m_capacity)];
        at = std::max(at, oldest + m_windowMs + m_marginMs);
    }
    m_slots.push_back(at);
    while (int(m_slots.size()) > m_capacity)
        m_slots.pop_front();
    return at;
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
