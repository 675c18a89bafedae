// SPDX-License-Identifier: BSD-2-Clause
#include "tests/sandbox/ratelimiter.h"

#include <QMutexLocker>

namespace msb::sandbox {

RateLimiter::RateLimiter(const SandboxClock *clock)
    : m_clock(clock)
{ }

void RateLimiter::setSettings(const RateLimitSettings &settings)
{
    QMutexLocker lock(&m_mutex);
    m_settings = settings;
    m_settings.limit = qMax(1, settings.limit);
    m_settings.windowMs = qMax<qint64>(1, settings.windowMs);
    m_sliding.clear();
    m_fixed.clear();
    m_rejected = 0;
    m_admitted = 0;
}

RateLimitSettings RateLimiter::settings() const
{
    QMutexLocker lock(&m_mutex);
    return m_settings;
}

qint64 RateLimiter::admit(const QString &key)
{
    QMutexLocker lock(&m_mutex);
    if (!m_settings.enabled) {
        ++m_admitted;
        return 0;
    }
    const qint64 now = m_clock->nowMs();
    if (m_settings.slidingWindow) {
        QQueue<qint64> &stamps = m_sliding[key];
        while (!stamps.isEmpty() && stamps.head() <= now - m_settings.windowMs)
            stamps.dequeue();
        if (stamps.size() < m_settings.limit) {
            stamps.enqueue(now);
            ++m_admitted;
            return 0;
        }
        ++m_rejected;
        return qMax<qint64>(1, stamps.head() + m_settings.windowMs - now);
    }
    const qint64 start = now - now % m_settings.windowMs;
    auto &[windowStart, count] = m_fixed[key];
    if (windowStart != start) {
        windowStart = start;
        count = 0;
    }
    if (count < m_settings.limit) {
        ++count;
        ++m_admitted;
        return 0;
    }
    ++m_rejected;
    return qMax<qint64>(1, start + m_settings.windowMs - now);
}

int RateLimiter::rejected() const
{
    QMutexLocker lock(&m_mutex);
    return m_rejected;
}

int RateLimiter::admitted() const
{
    QMutexLocker lock(&m_mutex);
    return m_admitted;
}

void RateLimiter::reset()
{
    QMutexLocker lock(&m_mutex);
    m_sliding.clear();
    m_fixed.clear();
    m_rejected = 0;
    m_admitted = 0;
}

} // namespace msb::sandbox
