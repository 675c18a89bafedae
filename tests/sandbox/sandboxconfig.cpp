// SPDX-License-Identifier: BSD-2-Clause
#include "tests/sandbox/sandboxconfig.h"

#include <QJsonArray>

using namespace Qt::Literals::StringLiterals;

namespace msb::sandbox {

namespace {

bool fail(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return false;
}

struct KindName
{
    FaultKind kind;
    const char *name;
};

constexpr KindName FaultKinds[] = {
    { FaultKind::None, "none" },
    { FaultKind::Status, "status" },
    { FaultKind::Delay, "delay" },
    { FaultKind::Stall, "stall" },
    { FaultKind::CloseAfterHeaders, "close-after-headers" },
    { FaultKind::CloseMidBody, "close-mid-body" },
    { FaultKind::Reset, "reset" },
    { FaultKind::MalformedJson, "malformed-json" },
    { FaultKind::HtmlLoginPage, "html-login-page" },
    { FaultKind::Empty200, "empty-200" },
};

bool applyServers(const QJsonObject &config, SandboxOptions *options, QString *error)
{
    const QJsonObject http = config.value(u"http"_s).toObject();
    options->http = http.value(u"enabled"_s).toBool(options->http);
    options->httpPort = quint16(http.value(u"port"_s).toInt(options->httpPort));
    const QJsonObject https = config.value(u"https"_s).toObject();
    options->https = https.value(u"enabled"_s).toBool(options->https);
    options->httpsPort = quint16(https.value(u"port"_s).toInt(options->httpsPort));
    if (https.contains(u"certificate"_s)
        && !certs::fromName(https.value(u"certificate"_s).toString(), &options->certificate))
        return fail(error,
            u"https.certificate: unknown kind '%1' (good, untrusted, expired, wronghost, otherca)"_s.arg(
                https.value(u"certificate"_s).toString()));
    options->certificateFile = https.value(u"certificateFile"_s).toString(options->certificateFile);
    options->keyFile = https.value(u"keyFile"_s).toString(options->keyFile);
    return true;
}

bool applyTenants(Sandbox &sandbox, const QJsonArray &tenants, QString *error)
{
    for (qsizetype i = 0; i < tenants.size(); ++i) {
        const QJsonObject tenant = tenants.at(i).toObject();
        const QString id = tenant.value(u"id"_s).toString();
        if (id.isEmpty())
            return fail(error, u"tenants[%1].id is missing"_s.arg(i));
        QStringList domains;
        for (const QJsonValue &domain : tenant.value(u"domains"_s).toArray())
            domains << domain.toString();
        sandbox.addTenant(id, domains);
        const QJsonArray apps = tenant.value(u"apps"_s).toArray();
        for (qsizetype j = 0; j < apps.size(); ++j) {
            const QJsonObject app = apps.at(j).toObject();
            const QString clientId = app.value(u"clientId"_s).toString();
            if (clientId.isEmpty())
                return fail(error, u"tenants[%1].apps[%2].clientId is missing"_s.arg(i).arg(j));
            const QJsonArray secrets = app.value(u"secrets"_s).toArray();
            if (secrets.isEmpty())
                sandbox.addApp(id, clientId, QString());
            for (const QJsonValue &secret : secrets)
                sandbox.addApp(id,
                    clientId,
                    secret.toObject().value(u"value"_s).toString(),
                    secret.toObject().value(u"expired"_s).toBool(false));
        }
    }
    return true;
}

bool applySentinel(Sandbox &sandbox, const QJsonObject &config, QString *error)
{
    const QJsonArray workspaces = config.value(u"workspaces"_s).toArray();
    for (qsizetype i = 0; i < workspaces.size(); ++i) {
        const QJsonObject workspace = workspaces.at(i).toObject();
        const QString id = workspace.value(u"id"_s).toString();
        const QString tenant = workspace.value(u"tenant"_s).toString();
        if (id.isEmpty() || tenant.isEmpty())
            return fail(error, u"workspaces[%1] needs an id and a tenant"_s.arg(i));
        sandbox.addWorkspace(id, tenant);
        for (const QJsonValue &clientId : workspace.value(u"grants"_s).toArray())
            sandbox.grant(id, clientId.toString());
    }

    if (config.contains(u"rateLimit"_s)) {
        const QJsonObject json = config.value(u"rateLimit"_s).toObject();
        RateLimitSettings limits = sandbox.rateLimit();
        limits.enabled = json.value(u"enabled"_s).toBool(limits.enabled);
        limits.limit = json.value(u"limit"_s).toInt(limits.limit);
        limits.windowMs = json.value(u"windowMs"_s).toInteger(limits.windowMs);
        limits.sendRetryAfter = json.value(u"retryAfterHeader"_s).toBool(limits.sendRetryAfter);
        limits.slidingWindow = json.value(u"sliding"_s).toBool(limits.slidingWindow);
        const QString key = json.value(u"key"_s).toString(u"app"_s);
        if (key != u"app"_s && key != u"workspace"_s)
            return fail(error, u"rateLimit.key must be \"app\" or \"workspace\", not '%1'"_s.arg(key));
        limits.key = key == u"app"_s ? RateLimitKey::PerApp : RateLimitKey::PerWorkspace;
        sandbox.setRateLimit(limits);
    }

    if (config.contains(u"sentinel"_s)) {
        const QJsonObject json = config.value(u"sentinel"_s).toObject();
        SentinelOptions options = sandbox.sentinelOptions();
        options.errorsField = json.value(u"errorsField"_s).toString(options.errorsField);
        if (options.errorsField != u"errorMessages"_s && options.errorsField != u"validationErrorMessages"_s)
            return fail(error, u"sentinel.errorsField must be errorMessages or validationErrorMessages"_s);
        const QString overLimit = json.value(u"overLimit"_s).toString(u"reject"_s);
        if (overLimit == u"reject"_s)
            options.overLimit = SentinelOptions::OverLimit::Reject;
        else if (overLimit == u"accept"_s)
            options.overLimit = SentinelOptions::OverLimit::Accept;
        else if (overLimit == u"truncate"_s)
            options.overLimit = SentinelOptions::OverLimit::Truncate;
        else
            return fail(error, u"sentinel.overLimit must be reject, accept or truncate, not '%1'"_s.arg(overLimit));
        options.maxObjects = json.value(u"maxObjects"_s).toInt(options.maxObjects);
        options.allInvalidIs400 = json.value(u"allInvalidIs400"_s).toBool(options.allInvalidIs400);
        options.acceptPathVariants = json.value(u"acceptPathVariants"_s).toBool(options.acceptPathVariants);
        options.stixCaseInsensitiveKeys
            = json.value(u"stixCaseInsensitiveKeys"_s).toBool(options.stixCaseInsensitiveKeys);
        options.legacyCaseInsensitiveKeys
            = json.value(u"legacyCaseInsensitiveKeys"_s).toBool(options.legacyCaseInsensitiveKeys);
        options.requireJsonContentType = json.value(u"requireJsonContentType"_s).toBool(options.requireJsonContentType);
        options.unauthorizedAccessStatus
            = json.value(u"unauthorizedAccessStatus"_s).toInt(options.unauthorizedAccessStatus);
        for (const QJsonValue &type : json.value(u"extraTypes"_s).toArray())
            options.validation.extraTypes << type.toString();
        sandbox.setSentinelOptions(options);
    }
    return true;
}

bool applyVaults(Sandbox &sandbox, const QJsonArray &vaults, QString *error)
{
    for (qsizetype i = 0; i < vaults.size(); ++i) {
        const QJsonObject vault = vaults.at(i).toObject();
        const QString name = vault.value(u"name"_s).toString();
        const QString tenant = vault.value(u"tenant"_s).toString();
        if (name.isEmpty() || tenant.isEmpty())
            return fail(error, u"vaults[%1] needs a name and a tenant"_s.arg(i));
        sandbox.addVault(name, tenant);
        for (const QJsonValue &clientId : vault.value(u"grants"_s).toArray())
            sandbox.grantVault(name, clientId.toString());
        const QJsonObject secrets = vault.value(u"secrets"_s).toObject();
        for (auto it = secrets.constBegin(); it != secrets.constEnd(); ++it)
            sandbox.setVaultSecret(name, it.key(), it.value().toString());
    }
    return true;
}

} // namespace

bool parseFaultRule(const QJsonObject &json, FaultRule *rule, QString *error)
{
    const QString kindName = json.value(u"kind"_s).toString();
    bool known = false;
    for (const KindName &entry : FaultKinds) {
        if (kindName == QLatin1StringView(entry.name)) {
            rule->fault.kind = entry.kind;
            known = true;
        }
    }
    if (!known)
        return fail(error, u"unknown fault kind '%1'"_s.arg(kindName));
    rule->route = json.value(u"route"_s).toString(u"*"_s);
    rule->fault.status = json.value(u"status"_s).toInt(rule->fault.status);
    rule->fault.delayMs = json.value(u"delayMs"_s).toInt(rule->fault.delayMs);
    rule->fault.afterHandler = json.value(u"afterHandler"_s).toBool(false);
    rule->fault.retryAfterSeconds = json.value(u"retryAfter"_s).toInt(rule->fault.retryAfterSeconds);
    rule->fault.sendRetryAfter = json.value(u"sendRetryAfter"_s).toBool(true);
    rule->skip = json.value(u"skip"_s).toInt(0);
    rule->count = json.value(u"count"_s).toInt(-1);
    rule->probability = json.value(u"probability"_s).toDouble(1.0);
    if (rule->probability < 0.0 || rule->probability > 1.0)
        return fail(error, u"fault probability must be within 0..1"_s);
    return true;
}

bool applyConfig(Sandbox &sandbox, const QJsonObject &config, SandboxOptions *options, QString *error)
{
    if (!applyServers(config, options, error))
        return false;
    if (config.contains(u"clockScale"_s)) {
        const double scale = config.value(u"clockScale"_s).toDouble();
        if (scale <= 0)
            return fail(error, u"clockScale must be positive"_s);
        sandbox.setClockScale(scale);
    }
    if (config.contains(u"tokenLifetime"_s))
        sandbox.setTokenLifetime(config.value(u"tokenLifetime"_s).toInt(3599));
    if (config.contains(u"seed"_s))
        sandbox.faults().setSeed(quint32(config.value(u"seed"_s).toInteger()));
    if (!applyTenants(sandbox, config.value(u"tenants"_s).toArray(), error) || !applySentinel(sandbox, config, error)
        || !applyVaults(sandbox, config.value(u"vaults"_s).toArray(), error))
        return false;
    const QJsonArray faults = config.value(u"faults"_s).toArray();
    for (qsizetype i = 0; i < faults.size(); ++i) {
        FaultRule rule;
        QString reason;
        if (!parseFaultRule(faults.at(i).toObject(), &rule, &reason))
            return fail(error, u"faults[%1]: %2"_s.arg(i).arg(reason));
        sandbox.faults().add(rule);
    }
    const QJsonObject modules = config.value(u"modules"_s).toObject();
    for (const auto &module : sandbox.modules()) {
        QString reason;
        if (modules.contains(module->name()) && !module->configure(modules.value(module->name()).toObject(), &reason))
            return fail(error, u"modules.%1: %2"_s.arg(module->name(), reason));
    }
    return true;
}

} // namespace msb::sandbox
