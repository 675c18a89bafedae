// SPDX-License-Identifier: BSD-2-Clause
// bench_misp_fetch: a paged restSearch run over a generated MISP instance (default 10,000 events x 100
// attributes = 1,000,000 attributes), end to end: HTTP fetch + parse + convert, one page in memory at a
// time. The emulator runs on its own thread in this process, so the peak RSS printed covers both sides.
// Prints figures; asserts nothing. Usage: bench_misp_fetch [events] [attributesPerEvent] [pageSize]
#include "core/convert/converter.h"
#include "core/misp/mispclient.h"
#include "tests/sandbox/httpserver.h"
#include "tests/sandbox/misp/mispemulator.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QThread>

#include <atomic>
#include <cstdio>
#include <memory>
#include <sys/resource.h>

using namespace Qt::Literals::StringLiterals;

namespace {

qint64 statusKb(const char *field)
{
    QFile f(u"/proc/self/status"_s);
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    const QList<QByteArray> lines = f.readAll().split('\n');
    for (const QByteArray &line : lines)
        if (line.startsWith(field))
            return line.mid(qsizetype(qstrlen(field)) + 1).trimmed().split(' ').first().toLongLong();
    return -1;
}

/// The emulator and its server, created and run on a thread of their own.
class ServerThread final : public QThread
{
public:
    explicit ServerThread(msb::sandbox::misp::GeneratedInstance instance)
        : m_instance(instance)
    { }
    std::atomic<int> port { 0 };
    QByteArray apiKey;

protected:
    void run() override
    {
        msb::sandbox::Router router;
        msb::sandbox::FaultPlan faults;
        msb::sandbox::misp::MispEmulator emulator;
        emulator.setGenerated(m_instance);
        emulator.install(router);
        msb::sandbox::HttpServer server(&router, &faults);
        QString error;
        if (!server.listen({}, &error)) {
            std::fprintf(stderr, "listen failed: %s\n", qPrintable(error));
            port = -1;
            return;
        }
        apiKey = emulator.options().apiKey;
        port = server.port();
        exec();
    }

private:
    msb::sandbox::misp::GeneratedInstance m_instance;
};

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    msb::sandbox::misp::GeneratedInstance instance;
    // Non-numeric arguments (benchmarks.sh passes its extras to every benchmark) keep the defaults.
    auto number = [argc, argv](int index, int fallback) {
        const int value = argc > index ? std::atoi(argv[index]) : 0;
        return value > 0 ? value : fallback;
    };
    instance.events = number(1, 10'000);
    instance.attributesPerEvent = number(2, 100);
    const int pageSize = number(3, 100);
    std::printf("bench_misp_fetch: %d events x %d attributes = %lld attributes, page size %d\n",
        instance.events,
        instance.attributesPerEvent,
        qint64(instance.events) * instance.attributesPerEvent,
        pageSize);
    std::printf("baseline RSS %.1f MB\n", double(statusKb("VmRSS")) / 1024.0);

    QElapsedTimer setup;
    setup.start();
    ServerThread server(instance);
    server.start();
    while (server.port == 0)
        QThread::msleep(10);
    if (server.port < 0)
        return 1;
    std::printf(
        "emulator ready in %.2f s, RSS %.1f MB\n", setup.elapsed() / 1000.0, double(statusKb("VmRSS")) / 1024.0);

    msb::misp::MispConnection connection;
    connection.baseUrl = QUrl(u"http://127.0.0.1:%1"_s.arg(server.port.load()));
    connection.apiKey = QString::fromLatin1(server.apiKey);
    connection.pageSize = pageSize;
    connection.timeout = std::chrono::milliseconds(120'000);
    msb::misp::MispClient client(connection);
    msb::convert::Converter converter;
    qint64 indicators = 0;
    qint64 convertNs = 0;
    qint64 maxPageBytes = 0;
    QObject::connect(&client, &msb::misp::MispClient::pageReady, &client, [&](const msb::misp::MispPage &page) {
        QElapsedTimer t;
        t.start();
        maxPageBytes = std::max(maxPageBytes, page.bytes);
        for (const msb::misp::Event &event : page.events)
            converter.convert(
                event, [&indicators](msb::stix::StixObject &&) { ++indicators; }, nullptr);
        convertNs += t.nsecsElapsed();
    });
    msb::misp::FetchSummary summary;
    QObject::connect(&client, &msb::misp::MispClient::finished, &app, [&](const msb::misp::FetchSummary &s) {
        summary = s;
        app.quit();
    });
    QElapsedTimer wall;
    wall.start();
    client.fetchEvents({});
    app.exec();
    const double seconds = wall.elapsed() / 1000.0;
    server.quit();
    server.wait();

    std::printf("fetched %lld events, %lld attributes in %d pages (largest %.1f MB), %lld indicators; %s\n",
        summary.events,
        summary.attributes,
        summary.pagesFetched,
        double(maxPageBytes) / (1024.0 * 1024.0),
        indicators,
        summary.complete() ? "complete" : qPrintable(summary.toString()));
    std::printf("end to end (emulator generate + HTTP + parse + convert) %.2f s -> %.0f attributes/s; convert %.2f s\n",
        seconds,
        double(summary.attributes) / seconds,
        double(convertNs) / 1e9);
    rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    const double cpu = double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
        + double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
    std::printf(
        "process CPU time %.2f s (client + emulator) -> %.0f attributes per CPU-second (less dependent on load)\n",
        cpu,
        double(summary.attributes) / cpu);
    std::printf("peak RSS (VmHWM) %.1f MB (target < 300 MB), current RSS %.1f MB\n",
        double(statusKb("VmHWM")) / 1024.0,
        double(statusKb("VmRSS")) / 1024.0);
    return summary.complete() ? 0 : 2;
}
