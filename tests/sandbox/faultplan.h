// SPDX-License-Identifier: BSD-2-Clause
#pragma once

#include "tests/sandbox/httpmessage.h"

#include <QHash>
#include <QList>
#include <QMutex>
#include <QRandomGenerator>
#include <QString>

namespace msb::sandbox {

/// What goes wrong with one response.
enum class FaultKind {
    None, ///< answer normally
    Status, ///< answer `status` (429/500/502/503/504...) with the gateway body, without running the handler
    Delay, ///< answer normally, but only after `delayMs` (real ms)
    Stall, ///< send nothing; close after `delayMs` (0: hold the connection until the client gives up)
    CloseAfterHeaders, ///< send the real headers (full Content-Length), then close
    CloseMidBody, ///< send the headers and half of the body, then close
    Reset, ///< reset the connection (TCP RST) without sending a byte
    MalformedJson, ///< 200 with a truncated JSON body
    HtmlLoginPage, ///< 200 with an HTML sign-in page (what a proxy or a wrong URL gives)
    Empty200, ///< 200 with no body at all
};

/// One injected failure.
struct Fault
{
    FaultKind kind = FaultKind::None;
    int status = 503; ///< for Status
    int delayMs = 0; ///< for Delay and Stall
    /// The request is processed (e.g. stored) before the fault hits its response, like a server that committed
    /// the work and then lost the connection. CloseAfterHeaders and CloseMidBody always process.
    bool afterHandler = false;
    int retryAfterSeconds = 1; ///< for Status 429/503: seconds in the message and the header
    bool sendRetryAfter = true; ///< for Status 429/503: send the Retry-After header

    static Fault none() { return {}; }
    static Fault httpStatus(int status, bool afterHandler = false);
    static Fault tooManyRequests(int retryAfterSeconds, bool sendRetryAfter = true);
    static Fault delay(int ms);
    static Fault stall(int closeAfterMs = 0, bool afterHandler = false);
    static Fault of(FaultKind kind, bool afterHandler = false);

    /// The response this fault sends in place of the real one (Status, MalformedJson, HtmlLoginPage, Empty200).
    HttpResponse response() const;
};

/// A rule that decides which requests of a route get a fault.
struct FaultRule
{
    QString route = QStringLiteral("*"); ///< route name; "*" = every non-internal route
    Fault fault;
    int skip = 0; ///< let this many matching requests pass first
    int count = -1; ///< hit at most this many requests (-1: no limit)
    double probability = 1.0; ///< each candidate request is hit with this probability (seeded generator)
};

/// Scripted and random fault injection, per route or global. Thread-safe.
///
/// For each request the server asks decide(): a route's script (one entry per request, in order) comes first,
/// then the rules naming the route, then the "*" rules, in the order they were added. A seed makes random
/// rules repeatable.
class FaultPlan final
{
public:
    void setSeed(quint32 seed);

    /// Adds a rule; returns its index.
    int add(const FaultRule &rule);
    /// The next `count` requests to `route` get `fault`.
    void failNext(const QString &route, int count, const Fault &fault);
    /// Each request to `route` gets `fault` with probability p.
    void failRandomly(const QString &route, double probability, const Fault &fault);
    /// The next requests to `route` get these faults in order (FaultKind::None lets one through).
    void script(const QString &route, const QList<Fault> &sequence);
    /// Removes every rule and script and resets the counters.
    void clear();

    /// Called by the server once per request.
    Fault decide(const QString &route, bool internal);

    int injected() const;
    int injected(FaultKind kind) const;
    int injected(const QString &route) const;

private:
    struct RuleState
    {
        FaultRule rule;
        int seen = 0;
        int hits = 0;
    };

    mutable QMutex m_mutex;
    QRandomGenerator m_random { 20260101u };
    QList<RuleState> m_rules;
    QHash<QString, QList<Fault>> m_scripts;
    QHash<int, int> m_byKind;
    QHash<QString, int> m_byRoute;
    int m_total = 0;
};

} // namespace msb::sandbox
