// SPDX-License-Identifier: BSD-2-Clause
#pragma once
// Shared by the MISP tests: an emulator behind a sandbox server, and a client run collected into one value.

#include "core/misp/mispclient.h"
#include "tests/sandbox/httpserver.h"
#include "tests/sandbox/misp/mispemulator.h"

#include <QSignalSpy>
#include <QTest>

#include <memory>

namespace msb::misp::test {

struct Run
{
    QList<MispPage> pages; ///< events kept only when asked (tests of memory keep none)
    QList<FailedPage> failed;
    FetchSummary summary;
    QList<Event> events;
    bool finished = false;
};

/// Runs one fetch to the end (QSignalSpy::wait spins the test's event loop; product code never does).
inline Run runFetch(MispClient &client, const MispFilters &filters, const QList<int> &pages = {}, int timeoutMs = 60000)
{
    Run run;
    QObject context;
    QObject::connect(&client, &MispClient::pageReady, &context, [&run](const MispPage &page) {
        run.pages << page;
        run.events << page.events;
    });
    QObject::connect(&client, &MispClient::pageFailed, &context, [&run](const FailedPage &f) { run.failed << f; });
    QObject::connect(&client, &MispClient::finished, &context, [&run](const FetchSummary &s) {
        run.summary = s;
        run.finished = true;
    });
    if (pages.isEmpty())
        client.fetchEvents(filters);
    else
        client.fetchPages(filters, pages);
    if (!QTest::qWaitFor([&run]() { return run.finished; }, timeoutMs))
        qWarning("fetch did not finish within %d ms", timeoutMs);
    return run;
}

inline ConnectionTestResult runConnectionTest(MispClient &client)
{
    QSignalSpy spy(&client, &MispClient::connectionTested);
    client.testConnection();
    if (!spy.wait(30000))
        return {};
    return spy.first().first().value<ConnectionTestResult>();
}

/// An emulator on an HTTP (or HTTPS) loopback server.
struct Sandbox
{
    sandbox::Router router;
    sandbox::FaultPlan faults;
    sandbox::misp::MispEmulator emulator;
    std::unique_ptr<sandbox::HttpServer> server;

    static sandbox::misp::EmulatorOptions withMispNotFound(sandbox::misp::EmulatorOptions options)
    {
        options.mispNotFound = true; // this router serves MISP only
        return options;
    }
    explicit Sandbox(sandbox::misp::EmulatorOptions options = {})
        : emulator(withMispNotFound(std::move(options)))
    { }
    bool start(const sandbox::ServerOptions &options = {})
    {
        emulator.install(router);
        server = std::make_unique<sandbox::HttpServer>(&router, &faults);
        QString error;
        if (!server->listen(options, &error)) {
            qWarning("sandbox: %s", qPrintable(error));
            return false;
        }
        return true;
    }
    MispConnection connection() const
    {
        MispConnection c;
        c.baseUrl = server->baseUrl();
        c.apiKey = QString::fromLatin1(emulator.options().apiKey);
        c.timeout = std::chrono::milliseconds(10000);
        c.retry.baseDelay = std::chrono::milliseconds(5);
        c.retry.maxDelay = std::chrono::milliseconds(50);
        return c;
    }
};

} // namespace msb::misp::test
