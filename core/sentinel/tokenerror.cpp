// SPDX-License-Identifier: BSD-2-Clause
#include "core/sentinel/tokenerror.h"

#include "core/log/redact.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <cmath>

using namespace Qt::Literals::StringLiterals;

namespace msb::sentinel {

namespace {

/// First line of error_description without the trace/correlation ids Entra appends.
QString firstLine(const QString &description)
{
    QString line = description.section(u'\n', 0, 0).trimmed();
    if (line.endsWith(u'\r'))
        line.chop(1);
    return line;
}

} // namespace

Error describeTokenError(int httpStatus, const QByteArray &body, const QString &clientId, const QString &tenantId)
{
    const QJsonObject o = QJsonDocument::fromJson(body).object();
    const QString oauthError = o.value(u"error"_s).toString();
    const QString description = firstLine(o.value(u"error_description"_s).toString());
    qint64 code = 0;
    const QJsonArray codes = o.value(u"error_codes"_s).toArray();
    if (!codes.isEmpty())
        code = codes.first().toInteger();
    if (code == 0) {
        static const QRegularExpression re(u"AADSTS(\\d+)"_s);
        const auto m = re.match(description);
        if (m.hasMatch())
            code = m.captured(1).toLongLong();
    }
    const QString &app = clientId;
    const QString &tenant = tenantId;
    const QString tag = code ? u" (AADSTS%1)"_s.arg(code) : QString();
    auto make = [&](Error::Code c, const QString &text) { return Error { c, log::redact(text), httpStatus }; };

    switch (code) {
    case 7000215:
        return make(Error::Code::Authentication,
            u"the client secret is wrong or expired for app %1 in tenant %2: use the secret's value, not its "
            u"ID%3"_s.arg(app, tenant, tag));
    case 7000222:
        return make(Error::Code::Authentication,
            u"the client secret of app %1 in tenant %2 has expired: create a new secret in the Azure portal "
            u"and store it again%3"_s.arg(app, tenant, tag));
    case 7000218:
        return make(Error::Code::Authentication,
            u"no client secret was sent for app %1 in tenant %2: store the app's secret first%3"_s.arg(
                app, tenant, tag));
    case 700016:
        return make(Error::Code::Configuration,
            u"app %1 was not found in tenant %2: check the client (application) id and that the app is "
            u"registered in that tenant%3"_s.arg(app, tenant, tag));
    case 90002:
        return make(Error::Code::Configuration,
            u"tenant %1 was not found: check the tenant id and the cloud (public or US Government)%2"_s.arg(
                tenant, tag));
    case 900023:
        return make(
            Error::Code::Configuration, u"tenant id \"%1\" is neither a GUID nor a domain name%2"_s.arg(tenant, tag));
    case 900144: {
        static const QRegularExpression re(u"parameter: '([^']+)'"_s);
        const auto m = re.match(description);
        return make(Error::Code::Configuration,
            u"the token request for app %1 in tenant %2 lacks the parameter '%3'%4"_s.arg(
                app, tenant, m.hasMatch() ? m.captured(1) : u"?"_s, tag));
    }
    case 70011:
    case 700022:
        return make(Error::Code::Configuration,
            u"the scope requested for app %1 in tenant %2 is not valid: %3"_s.arg(app, tenant, description));
    case 7000112:
        return make(Error::Code::Authentication, u"app %1 is disabled in tenant %2%3"_s.arg(app, tenant, tag));
    case 90055:
        return make(
            Error::Code::RateLimited, u"tenant %1 is throttling token requests; try again later%2"_s.arg(tenant, tag));
    default:
        break;
    }
    if (oauthError == u"invalid_client")
        return make(Error::Code::Authentication,
            u"the client secret is wrong or expired for app %1 in tenant %2: %3"_s.arg(app, tenant, description));
    if (oauthError == u"unauthorized_client")
        return make(
            Error::Code::Configuration, u"app %1 is not usable in tenant %2: %3"_s.arg(app, tenant, description));
    if (oauthError == u"invalid_scope")
        return make(Error::Code::Configuration,
            u"the scope requested for app %1 in tenant %2 is not valid: %3"_s.arg(app, tenant, description));
    if (httpStatus >= 500)
        return make(Error::Code::Server,
            u"the token service answered HTTP %1 for app %2 in tenant %3"_s.arg(httpStatus).arg(app, tenant));
    if (description.isEmpty())
        return make(httpStatus == 401 ? Error::Code::Authentication : Error::Code::Other,
            u"the token request for app %1 in tenant %2 failed with HTTP %3"_s.arg(app, tenant).arg(httpStatus));
    return make(Error::Code::Authentication,
        u"the token request for app %1 in tenant %2 failed: %3"_s.arg(app, tenant, description));
}

std::optional<TokenAnswer> readTokenAnswer(const QByteArray &body)
{
    const QJsonObject o = QJsonDocument::fromJson(body).object();
    TokenAnswer answer;
    answer.accessToken = o.value(u"access_token"_s).toString();
    const QJsonValue expires = o.value(u"expires_in"_s);
    // Converted through double and clamped before any integer arithmetic: a hostile 1e300 must
    // not overflow the expiry computation.
    double seconds = 0;
    if (expires.isDouble())
        seconds = expires.toDouble();
    else if (expires.isString())
        seconds = expires.toString().trimmed().toDouble();
    if (answer.accessToken.isEmpty() || !std::isfinite(seconds) || seconds < 1)
        return std::nullopt;
    answer.expiresInSeconds = seconds > 86400 ? 86400 : qint64(seconds);
    return answer;
}

} // namespace msb::sentinel
