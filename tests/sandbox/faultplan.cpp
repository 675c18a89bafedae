// SPDX-License-Identifier: BSD-2-Clause
#include "tests/sandbox/faultplan.h"

#include <QJsonObject>
#include <QMutexLocker>
#include <QUuid>

using namespace Qt::Literals::StringLiterals;

namespace msb::sandbox {

Fault Fault::httpStatus(int status, bool afterHandler)
{
    Fault fault;
    fault.kind = FaultKind::Status;
    fault.status = status;
    fault.afterHandler = afterHandler;
    return fault;
}

Fault Fault::tooManyRequests(int retryAfterSeconds, bool sendRetryAfter)
{
    Fault fault = httpStatus(429);
    fault.retryAfterSeconds = retryAfterSeconds;
    fault.sendRetryAfter = sendRetryAfter;
    return fault;
}

Fault Fault::delay(int ms)
{
    Fault fault;
    fault.kind = FaultKind::Delay;
    fault.delayMs = ms;
    return fault;
}

Fault Fault::stall(int closeAfterMs, bool afterHandler)
{
    Fault fault;
    fault.kind = FaultKind::Stall;
    fault.delayMs = closeAfterMs;
    fault.afterHandler = afterHandler;
    return fault;
}

Fault Fault::of(FaultKind kind, bool afterHandler)
{
    Fault fault;
    fault.kind = kind;
    fault.afterHandler = afterHandler;
    return fault;
}

HttpResponse Fault::response() const
{
    switch (kind) {
    case FaultKind::Status: {
        if (status == 429) {
            HttpResponse response = HttpResponse::gatewayError(
                429, u"Rate limit is exceeded. Try again in %1 seconds."_s.arg(retryAfterSeconds));
            if (sendRetryAfter)
                response.setHeader("Retry-After", QByteArray::number(retryAfterSeconds));
            return response;
        }
        if (status == 500) {
            const QString activity = QUuid::createUuid().toString(QUuid::WithoutBraces);
            return HttpResponse::json(500,
                OrderedMembers { { u"statusCode"_s, 500 },
                    { u"message"_s, u"Internal server error"_s },
                    { u"activityId"_s, activity } });
        }
        HttpResponse response = HttpResponse::gatewayError(status, QString::fromLatin1(reasonPhrase(status)));
        if (status == 503 && sendRetryAfter)
            response.setHeader("Retry-After", QByteArray::number(retryAfterSeconds));
        return response;
    }
    case FaultKind::MalformedJson:
        return HttpResponse::raw(200,
            R"({"errors":[{"recordIndex":0,"errorMessages":["Error for Property=)",
            "application/json; charset=utf-8");
    case FaultKind::HtmlLoginPage:
        return HttpResponse::raw(200,
            "<!DOCTYPE html>\n<html><head><title>Sign in to your account</title></head>\n"
            "<body><form method=\"post\" action=\"/login\"><input type=\"text\" name=\"login\">"
            "<input type=\"password\" name=\"passwd\"><input type=\"submit\" value=\"Sign in\">"
            "</form></body></html>\n",
            "text/html; charset=utf-8");
    case FaultKind::Empty200:
        return HttpResponse::empty(200);
    default:
        return HttpResponse::empty(500);
    }
}

void FaultPlan::setSeed(quint32 seed)
{
    QMutexLocker lock(&m_mutex);
    m_random.seed(seed);
}

int FaultPlan::add(const FaultRule &rule)
{
    QMutexLocker lock(&m_mutex);
    m_rules.append(RuleState { rule, 0, 0 });
    return int(m_rules.size() - 1);
}

void FaultPlan::failNext(const QString &route, int count, const Fault &fault)
{
    FaultRule rule;
    rule.route = route;
    rule.fault = fault;
    rule.count = count;
    add(rule);
}

void FaultPlan::failRandomly(const QString &route, double probability, const Fault &fault)
{
    FaultRule rule;
    rule.route = route;
    rule.fault = fault;
    rule.probability = probability;
    add(rule);
}

void FaultPlan::script(const QString &route, const QList<Fault> &sequence)
{
    QMutexLocker lock(&m_mutex);
    m_scripts[route].append(sequence);
}

void FaultPlan::clear()
{
    QMutexLocker lock(&m_mutex);
    m_rules.clear();
    m_scripts.clear();
    m_byKind.clear();
    m_byRoute.clear();
    m_total = 0;
}

Fault FaultPlan::decide(const QString &route, bool internal)
{
    QMutexLocker lock(&m_mutex);
    Fault chosen;
    bool decided = false;
    if (auto it = m_scripts.find(route); it != m_scripts.end() && !it->isEmpty()) {
        chosen = it->takeFirst();
        decided = true;
    }
    // Route rules first, then global ones; each rule sees every request it could apply to.
    for (int pass = 0; pass < 2 && !decided; ++pass) {
        for (RuleState &state : m_rules) {
            const bool global = state.rule.route == u"*"_s;
            if ((pass == 0 && (global || state.rule.route != route)) || (pass == 1 && (!global || internal)))
                continue;
            if (state.rule.count >= 0 && state.hits >= state.rule.count)
                continue;
            if (state.seen++ < state.rule.skip)
                continue;
            if (state.rule.probability < 1.0 && m_random.generateDouble() >= state.rule.probability)
                continue;
            ++state.hits;
            chosen = state.rule.fault;
            decided = true;
            break;
        }
    }
    if (chosen.kind != FaultKind::None) {
        ++m_total;
        ++m_byKind[int(chosen.kind)];
        ++m_byRoute[route];
    }
    return chosen;
}

int FaultPlan::injected() const
{
    QMutexLocker lock(&m_mutex);
    return m_total;
}

int FaultPlan::injected(FaultKind kind) const
{
    QMutexLocker lock(&m_mutex);
    return m_byKind.value(int(kind));
}

int FaultPlan::injected(const QString &route) const
{
    QMutexLocker lock(&m_mutex);
    return m_byRoute.value(route);
}

} // namespace msb::sandbox
