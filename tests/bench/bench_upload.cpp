// SPDX-License-Identifier: BSD-2-Clause
// Upload throughput against the sandbox's enforced ceiling (100 requests per minute per workspace),
// with the sandbox clock scaled so a minute passes in seconds. Prints figures; asserts nothing.
//
//   bench_upload [--scale S] [--windows W] [--objects-per-request K] [--workspaces 1,2,4,8]
//
// Per workspace it reports requests/minute and objects/minute in sandbox time against the ceiling,
// measured between the first and the last answer: (requests - 1) / (last - first). The engine
// spreads requests evenly, so this is its steady rate; the sandbox refusing nothing (429 = 0)
// proves no window ever held more than the ceiling. Overall objects/min over the whole run too.
#include "core/sentinel/clientsecretprovider.h"
#include "core/sync/syncengine.h"
#include "tests/sandbox/sandbox.h"
#include "tests/sync/syncfixtures.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTimer>

#include <cstdio>

using namespace Qt::Literals::StringLiterals;
using namespace msb;

namespace {

struct Config
{
    double scale = 10;
    int windows = 3;
    int objectsPerRequest = 10;
    QList<int> workspaceCounts { 1, 2, 4, 8 };
};

class Bench final : public QObject
{
public:
    explicit Bench(const Config &config)
        : m_config(config)
    { }

    void next()
    {
        if (m_index >= m_config.workspaceCounts.size()) {
            std::printf("# done\n");
            std::fflush(stdout);
            QCoreApplication::quit();
            return;
        }
        runOnce(m_config.workspaceCounts.at(m_index++));
    }

private:
    void runOnce(int workspaces)
    {
        m_sandbox = std::make_unique<sandbox::Sandbox>();
        const QString tenant = u"aaaaaaaa-0000-4000-8000-000000000001"_s;
        const QString app = u"a1a1a1a1-0000-4000-8000-0000000000a1"_s;
        const QString secret = u"bench-secret-value"_s;
        m_sandbox->addApp(tenant, app, secret);
        sandbox::RateLimitSettings limits = m_sandbox->rateLimit();
        limits.key = sandbox::RateLimitKey::PerWorkspace;
        m_sandbox->setRateLimit(limits);
        m_sandbox->setClockScale(m_config.scale);
        sandbox::SandboxOptions options;
        options.https = false; // measure pacing, not TLS CPU on a shared 2-core box
        QString error;
        if (!m_sandbox->start(options, &error)) {
            std::fprintf(stderr, "sandbox: %s\n", qPrintable(error));
            QCoreApplication::exit(1);
            return;
        }
        auto secrets = std::make_shared<sentinel::StaticSecretProvider>();
        secrets->setSecret(tenant, app, secret);

        const int requestsPerWorkspace = m_config.windows * limits.limit;
        const int objectsPerWorkspace = requestsPerWorkspace * m_config.objectsPerRequest;
        sync::SyncRequest request;
        request.input.objects = test::makeIndicators(objectsPerWorkspace);
        request.options.upload.timeScale = m_config.scale;
        request.options.upload.maxObjectsPerRequest = m_config.objectsPerRequest;
        request.options.upload.maxInFlightPerTarget = 4;
        request.options.progressIntervalMs = 500;
        const QString host = m_sandbox->httpUrl().toString(QUrl::StripTrailingSlash);
        for (int w = 0; w < workspaces; ++w) {
            const QString ws = u"%1-0000-4000-8000-000000000000"_s.arg(0x10000000 + w, 8, 16, QLatin1Char('0'));
            m_sandbox->addWorkspace(ws, tenant);
            m_sandbox->grant(ws, app);
            sentinel::Target t;
            t.displayName = u"bench-%1"_s.arg(w);
            t.tenantId = tenant;
            t.clientId = app;
            t.workspaceId = ws;
            t.rateLimitScope = sentinel::RateLimitScope::PerWorkspace;
            t.authorityHostOverride = host;
            t.uploadHostOverride = host;
            request.targets.append(t);
        }
        m_answers.clear();
        m_clock.start();
        connect(m_sandbox.get(), &sandbox::Sandbox::requestFinished, this, [this](const QString &route, int status) {
            if (route == u"stix-upload" && status == 200)
                m_answers.append(m_clock.elapsed());
        });
        m_engine = std::make_unique<sync::SyncEngine>(secrets);
        connect(
            m_engine.get(), &sync::SyncEngine::finished, this, [this, workspaces, limits](const sync::SyncSummary &s) {
                report(workspaces, limits.limit, limits.windowMs, s);
                QTimer::singleShot(0, this, [this]() {
                    m_engine.reset();
                    m_sandbox.reset();
                    next();
                });
            });
        m_engine->start(request);
    }

    void report(int workspaces, int limit, qint64 windowMs, const sync::SyncSummary &s)
    {
        int accepted = 0;
        int rejected = 0;
        int failed = 0;
        int rateLimited = 0;
        for (const sync::TargetProgress &p : s.targets) {
            accepted += p.accepted;
            rejected += p.rejected;
            failed += p.failed;
            rateLimited += p.rateLimited;
        }
        const int requests = int(m_answers.size());
        const double realMinute = double(windowMs) / m_config.scale; // real ms per sandbox window
        double perWorkspaceRpm = 0;
        if (requests > workspaces && m_answers.last() > m_answers.first()) {
            const double steadyRequests = double(requests - workspaces) / workspaces;
            const double minutes = double(m_answers.last() - m_answers.first()) / realMinute;
            perWorkspaceRpm = steadyRequests / minutes;
        }
        const double objectsPerMinute = perWorkspaceRpm * m_config.objectsPerRequest;
        const double ceilingObjects = double(limit) * m_config.objectsPerRequest;
        std::printf("workspaces=%d requests=%d objects=%d elapsed=%.1fs | per workspace: %.1f requests/min "
                    "(ceiling %d) = %.0f objects/min (ceiling %.0f) = %.1f%% | all workspaces: %.0f objects/min | "
                    "429 received=%d rejected=%d failed=%d sandbox-refused=%d\n",
            workspaces,
            requests,
            accepted,
            double(m_clock.elapsed()) / 1000.0,
            perWorkspaceRpm,
            limit,
            objectsPerMinute,
            ceilingObjects,
            100.0 * perWorkspaceRpm / limit,
            objectsPerMinute * workspaces,
            rateLimited,
            rejected,
            failed,
            m_sandbox->sentinel().rateLimiter().rejected());
        std::fflush(stdout);
    }

    Config m_config;
    int m_index = 0;
    std::unique_ptr<sandbox::Sandbox> m_sandbox;
    std::unique_ptr<sync::SyncEngine> m_engine;
    QList<qint64> m_answers;
    QElapsedTimer m_clock;
};

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption scale(u"scale"_s, u"sandbox clock scale"_s, u"S"_s, u"10"_s);
    const QCommandLineOption windows(u"windows"_s, u"rate windows per workspace"_s, u"W"_s, u"3"_s);
    const QCommandLineOption perRequest(u"objects-per-request"_s, u"objects per request (max 100)"_s, u"K"_s, u"10"_s);
    const QCommandLineOption counts(u"workspaces"_s, u"workspace counts"_s, u"LIST"_s, u"1,2,4,8"_s);
    parser.addOptions({ scale, windows, perRequest, counts });
    parser.process(app);
    Config config;
    config.scale = std::max(1.0, parser.value(scale).toDouble());
    config.windows = std::max(2, parser.value(windows).toInt());
    config.objectsPerRequest = std::clamp(parser.value(perRequest).toInt(), 1, 100);
    config.workspaceCounts.clear();
    for (const QString &n : parser.value(counts).split(u',', Qt::SkipEmptyParts))
        config.workspaceCounts.append(std::max(1, n.toInt()));
    std::printf("# bench_upload: sandbox clock x%.0f, %d windows per workspace, %d objects per request, ceiling "
                "100 requests/min per workspace (rate limit key per workspace), plain HTTP on loopback\n",
        config.scale,
        config.windows,
        config.objectsPerRequest);
    Bench bench(config);
    QTimer::singleShot(0, &bench, [&bench]() { bench.next(); });
    return app.exec();
}
