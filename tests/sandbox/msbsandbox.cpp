// SPDX-License-Identifier: BSD-2-Clause
// msb-sandbox: the whole sandbox as a process, for the demo, CLI tests and manual runs.
// Prints its base URLs, writes them to --ready-file, runs until SIGTERM/SIGINT or (with
// --exit-on-stdin-close) until stdin closes. Secrets come only from the --config file.
#include "tests/sandbox/sandbox.h"
#include "tests/sandbox/sandboxconfig.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>
#include <QSocketNotifier>
#include <QTextStream>

#include <csignal>
#include <cstdio>
#include <unistd.h>

using namespace Qt::Literals::StringLiterals;
using namespace msb::sandbox;

namespace {

int g_signalPipe[2] = { -1, -1 };

void onSignal(int)
{
    const char byte = 1;
    // Only async-signal-safe work here: wake the event loop through the pipe.
    [[maybe_unused]] const auto written = ::write(g_signalPipe[1], &byte, 1);
}

int failWith(const QString &message)
{
    QTextStream(stderr) << "msb-sandbox: " << message << Qt::endl;
    return 2;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"msb-sandbox"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(MSB_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(u"Local Entra ID / Sentinel / Key Vault (and MISP) sandbox on loopback."_s);
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption configOption(
        u"config"_s, u"JSON configuration (tenants, apps, secrets, ...)."_s, u"file"_s);
    const QCommandLineOption httpPort(u"http-port"_s, u"HTTP port (0: ephemeral)."_s, u"port"_s);
    const QCommandLineOption httpsPort(u"https-port"_s, u"HTTPS port (0: ephemeral)."_s, u"port"_s);
    const QCommandLineOption noHttp(u"no-http"_s, u"Do not serve plain HTTP."_s);
    const QCommandLineOption noHttps(u"no-https"_s, u"Do not serve HTTPS."_s);
    const QCommandLineOption certificate(
        u"certificate"_s, u"HTTPS certificate: good, untrusted, expired, wronghost, otherca."_s, u"kind"_s);
    const QCommandLineOption readyFile(
        u"ready-file"_s, u"Write the base URLs (JSON) here once listening."_s, u"file"_s);
    const QCommandLineOption stdinClose(u"exit-on-stdin-close"_s, u"Exit when stdin reaches end of file."_s);
    const QCommandLineOption clockScale(u"clock-scale"_s, u"Sandbox time runs this many times faster."_s, u"factor"_s);
    const QCommandLineOption tokenLifetime(u"token-lifetime"_s, u"Token lifetime in sandbox seconds."_s, u"seconds"_s);
    const QCommandLineOption rateLimit(u"rate-limit"_s, u"Upload requests per window (0: no limit)."_s, u"n"_s);
    const QCommandLineOption rateWindow(u"rate-window-ms"_s, u"Rate-limit window in sandbox ms."_s, u"ms"_s);
    const QCommandLineOption rateKey(
        u"rate-key"_s, u"Rate-limit budget per app or per workspace."_s, u"app|workspace"_s);
    const QCommandLineOption noRetryAfter(u"no-retry-after"_s, u"Send 429 without a Retry-After header."_s);
    const QCommandLineOption errorsField(u"errors-field"_s, u"errorMessages or validationErrorMessages."_s, u"name"_s);
    const QCommandLineOption fault(u"fault"_s,
        u"A fault rule as JSON, e.g. {\"route\":\"stix-upload\",\"kind\":\"status\","
        "\"status\":503,\"count\":3} (repeatable)."_s,
        u"json"_s);
    const QCommandLineOption seed(u"seed"_s, u"Seed of random faults."_s, u"n"_s);
    parser.addOptions({ configOption,
        httpPort,
        httpsPort,
        noHttp,
        noHttps,
        certificate,
        readyFile,
        stdinClose,
        clockScale,
        tokenLifetime,
        rateLimit,
        rateWindow,
        rateKey,
        noRetryAfter,
        errorsField,
        fault,
        seed });
    parser.process(app);

    Sandbox sandbox;
#ifdef MSB_SANDBOX_HAVE_MISP
    sandbox.addModule(createMispModule());
#endif
    SandboxOptions options;
    if (parser.isSet(configOption)) {
        QFile file(parser.value(configOption));
        if (!file.open(QIODevice::ReadOnly))
            return failWith(u"cannot read %1: %2"_s.arg(file.fileName(), file.errorString()));
        QJsonParseError parseError;
        const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
        if (!document.isObject())
            return failWith(u"%1 is not a JSON object: %2"_s.arg(file.fileName(), parseError.errorString()));
        QString error;
        if (!applyConfig(sandbox, document.object(), &options, &error))
            return failWith(u"%1: %2"_s.arg(file.fileName(), error));
    }
    // Flags override the file.
    if (parser.isSet(httpPort))
        options.httpPort = quint16(parser.value(httpPort).toUInt());
    if (parser.isSet(httpsPort))
        options.httpsPort = quint16(parser.value(httpsPort).toUInt());
    if (parser.isSet(noHttp))
        options.http = false;
    if (parser.isSet(noHttps))
        options.https = false;
    if (parser.isSet(certificate) && !certs::fromName(parser.value(certificate), &options.certificate))
        return failWith(u"--certificate: unknown kind '%1'"_s.arg(parser.value(certificate)));
    if (parser.isSet(clockScale)) {
        const double scale = parser.value(clockScale).toDouble();
        if (scale <= 0)
            return failWith(u"--clock-scale must be positive"_s);
        sandbox.setClockScale(scale);
    }
    if (parser.isSet(tokenLifetime))
        sandbox.setTokenLifetime(parser.value(tokenLifetime).toInt());
    RateLimitSettings limits = sandbox.rateLimit();
    if (parser.isSet(rateLimit)) {
        limits.limit = parser.value(rateLimit).toInt();
        limits.enabled = limits.limit > 0;
    }
    if (parser.isSet(rateWindow))
        limits.windowMs = parser.value(rateWindow).toLongLong();
    if (parser.isSet(rateKey)) {
        if (parser.value(rateKey) != u"app"_s && parser.value(rateKey) != u"workspace"_s)
            return failWith(u"--rate-key must be app or workspace"_s);
        limits.key = parser.value(rateKey) == u"app"_s ? RateLimitKey::PerApp : RateLimitKey::PerWorkspace;
    }
    if (parser.isSet(noRetryAfter))
        limits.sendRetryAfter = false;
    if (parser.isSet(rateLimit) || parser.isSet(rateWindow) || parser.isSet(rateKey) || parser.isSet(noRetryAfter))
        sandbox.setRateLimit(limits);
    if (parser.isSet(errorsField)) {
        SentinelOptions sentinel = sandbox.sentinelOptions();
        sentinel.errorsField = parser.value(errorsField);
        sandbox.setSentinelOptions(sentinel);
    }
    if (parser.isSet(seed))
        sandbox.faults().setSeed(parser.value(seed).toUInt());
    for (const QString &text : parser.values(fault)) {
        FaultRule rule;
        QString error;
        if (!parseFaultRule(QJsonDocument::fromJson(text.toUtf8()).object(), &rule, &error))
            return failWith(u"--fault %1: %2"_s.arg(text, error));
        sandbox.faults().add(rule);
    }

    QString error;
    if (!sandbox.start(options, &error))
        return failWith(error);

    QJsonObject ready { { u"http"_s, sandbox.httpUrl().toString() },
        { u"https"_s, sandbox.httpsUrl().toString() },
        { u"caFile"_s, certs::caFile() },
        { u"pid"_s, qint64(QCoreApplication::applicationPid()) } };
    QJsonObject modules;
    for (const auto &module : sandbox.modules())
        modules.insert(module->name(), module->describe());
    ready.insert(u"modules"_s, modules);
    QTextStream out(stdout);
    if (!sandbox.httpUrl().isEmpty())
        out << "http " << sandbox.httpUrl().toString() << '\n';
    if (!sandbox.httpsUrl().isEmpty())
        out << "https " << sandbox.httpsUrl().toString() << '\n';
    out << "ready" << Qt::endl;
    if (parser.isSet(readyFile)) {
        // Atomic: a script polling for the file never reads half of it.
        QSaveFile file(parser.value(readyFile));
        if (!file.open(QIODevice::WriteOnly) || file.write(QJsonDocument(ready).toJson()) < 0 || !file.commit())
            return failWith(u"cannot write the ready file %1: %2"_s.arg(file.fileName(), file.errorString()));
    }

    if (::pipe(g_signalPipe) != 0)
        return failWith(u"cannot create the signal pipe"_s);
    QSocketNotifier signalNotifier(g_signalPipe[0], QSocketNotifier::Read);
    QObject::connect(&signalNotifier, &QSocketNotifier::activated, &app, [] { QCoreApplication::quit(); });
    std::signal(SIGTERM, onSignal);
    std::signal(SIGINT, onSignal);

    std::unique_ptr<QSocketNotifier> stdinNotifier;
    if (parser.isSet(stdinClose)) {
        stdinNotifier = std::make_unique<QSocketNotifier>(STDIN_FILENO, QSocketNotifier::Read);
        QObject::connect(stdinNotifier.get(), &QSocketNotifier::activated, &app, [&stdinNotifier] {
            char buffer[4096];
            const ssize_t n = ::read(STDIN_FILENO, buffer, sizeof(buffer));
            if (n <= 0) {
                stdinNotifier->setEnabled(false);
                QCoreApplication::quit();
            }
        });
    }
    const int code = QCoreApplication::exec();
    sandbox.stop();
    if (parser.isSet(readyFile))
        QFile::remove(parser.value(readyFile));
    return code;
}
