// SPDX-License-Identifier: BSD-2-Clause
#pragma once

#include "tests/sandbox/sandboxclock.h"

#include <QHash>
#include <QMutex>
#include <QQueue>
#include <QString>

namespace msb::sandbox {

/// Whose requests share one budget. The doc says "per user" (principal), OpenCTI says "per workspace":
/// sentinel-api.md §1.5 leaves it [UNCONFIRMED], so both are available.
enum class RateLimitKey { PerApp, PerWorkspace };

struct RateLimitSettings
{
    bool enabled = true;
    int limit = 100; ///< requests per window
    qint64 windowMs = 60000; ///< sandbox time (see SandboxClock::setScale)
    RateLimitKey key = RateLimitKey::PerApp;
    bool sendRetryAfter = true; ///< off: clients must read the seconds from the message
    bool slidingWindow = true; ///< APIM's rate-limit policy is a sliding window; false: fixed windows
};

/// Counts admitted requests per key and refuses the ones over the limit. Thread-safe.
class RateLimiter final
{
public:
    explicit RateLimiter(const SandboxClock *clock);

    /// Applies new settings and starts over (windows and counters reset).
    void setSettings(const RateLimitSettings &settings);
    RateLimitSettings settings() const;

    /// 0 if the request is admitted (and counted); otherwise the sandbox ms until a slot frees up.
    /// Refused requests do not count against the budget.
    qint64 admit(const QString &key);

    int rejected() const;
    int admitted() const;
    void reset();

private:
    const SandboxClock *m_clock;
    mutable QMutex m_mutex;
    RateLimitSettings m_settings;
    QHash<QString, QQueue<qint64>> m_sliding;
    QHash<QString, QPair<qint64, int>> m_fixed; ///< window start, count
    int m_rejected = 0;
    int m_admitted = 0;
};

} // namespace msb::sandbox
