// SPDX-License-Identifier: BSD-2-Clause
#pragma once

#include <QElapsedTimer>
#include <QMutex>
#include <QtGlobal>

namespace msb::sandbox {

/// Monotonic sandbox time that can run faster than real time, so a one-minute rate window or a one-hour
/// token lifetime passes in a second of a test or benchmark while every limit is still enforced.
/// Durations the sandbox is configured with (rate windows, token lifetimes) are sandbox time; durations it
/// reports to clients (Retry-After, expires_in) are converted back to real seconds. Thread-safe.
class SandboxClock final
{
public:
    SandboxClock();

    /// Sandbox time runs `scale` times faster than real time (1 = real time, 60 = a minute per second).
    void setScale(double scale);
    double scale() const;

    /// Sandbox milliseconds since the clock was created.
    qint64 nowMs() const;
    /// A sandbox duration expressed in real milliseconds (rounded up).
    qint64 toRealMs(qint64 sandboxMs) const;
    /// A sandbox duration expressed in whole real seconds, rounded up, at least `minimum`.
    qint64 toRealSeconds(qint64 sandboxMs, qint64 minimum = 1) const;

private:
    mutable QMutex m_mutex;
    QElapsedTimer m_timer;
    double m_scale = 1.0;
    qint64 m_baseSandboxMs = 0; ///< sandbox time at the last scale change
    qint64 m_baseRealMs = 0; ///< real time at the last scale change
};

} // namespace msb::sandbox
