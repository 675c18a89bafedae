// SPDX-License-Identifier: BSD-2-Clause
#include "tests/sandbox/sandboxclock.h"

#include <QMutexLocker>

#include <cmath>

namespace msb::sandbox {

SandboxClock::SandboxClock()
{
    m_timer.start();
}

void SandboxClock::setScale(double scale)
{
    QMutexLocker lock(&m_mutex);
    const qint64 real = m_timer.elapsed();
    m_baseSandboxMs += qint64(double(real - m_baseRealMs) * m_scale);
    m_baseRealMs = real;
    m_scale = scale > 0.0 ? scale : 1.0;
}

double SandboxClock::scale() const
{
    QMutexLocker lock(&m_mutex);
    return m_scale;
}

qint64 SandboxClock::nowMs() const
{
    QMutexLocker lock(&m_mutex);
    return m_baseSandboxMs + qint64(double(m_timer.elapsed() - m_baseRealMs) * m_scale);
}

qint64 SandboxClock::toRealMs(qint64 sandboxMs) const
{
    QMutexLocker lock(&m_mutex);
    return qint64(std::ceil(double(sandboxMs) / m_scale));
}

qint64 SandboxClock::toRealSeconds(qint64 sandboxMs, qint64 minimum) const
{
    const qint64 realMs = toRealMs(sandboxMs);
    return qMax(minimum, (realMs + 999) / 1000);
}

} // namespace msb::sandbox
