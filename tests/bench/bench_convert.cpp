// SPDX-License-Identifier: BSD-2-Clause
// Prints parse+convert speed (attributes/s) and peak RSS for the largest shared MISP events and for a
// generated 1,000,000-attribute event. Not a timed test: figures only (label "benchmark").
//
//   bench_convert [--attributes N] [FILE...]
#include "core/convert/converter.h"
#include "core/misp/mispparser.h"
#include "core/stix/jsonwriter.h"
#include "tests/support/testpaths.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QUuid>

#include <cstdio>
#include <ctime>
#include <vector>

namespace {

using namespace msb;

qint64 statusKb(const char *field)
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray key = QByteArray(field) + ':';
    for (const QByteArray &line : f.readAll().split('\n')) {
        if (line.startsWith(key))
            return line.mid(key.size()).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

double cpuSeconds()
{
    timespec ts {};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) + double(ts.tv_nsec) / 1e9;
}

struct Figures
{
    double cpuParseConvert = 0; ///< CPU time of this thread: the honest figure on a loaded machine
    qint64 attributes = 0;
    qint64 indicators = 0;
    qint64 outputBytes = 0;
    double parseSeconds = 0;
    double convertSeconds = 0;
    double writeSeconds = 0;
};

/// Parses and converts one document the way the pipeline does (streaming sinks), serialising every
/// indicator into a reused buffer so the writer's cost is measured too (but not the disk).
/// Indicators are serialised in chunks of kChunk, so reading the clocks (a system call for the
/// thread's CPU time) costs nothing measurable per indicator and is not billed to the converter.
Figures run(const QByteArray &json, const QString &name)
{
    constexpr std::size_t kChunk = 4096;
    Figures f;
    QElapsedTimer t;
    const double cpu0 = cpuSeconds();
    double cpuWrite = 0;
    t.start();
    const misp::ParsedDocument doc = misp::parseDocument(json, name);
    f.parseSeconds = double(t.nsecsElapsed()) / 1e9;
    convert::Converter converter;
    QByteArray buffer;
    buffer.reserve(1 << 20);
    std::vector<stix::StixObject> chunk;
    chunk.reserve(kChunk);
    qint64 writeNs = 0;
    auto writeChunk = [&]() {
        const double c0 = cpuSeconds();
        QElapsedTimer w;
        w.start();
        for (const stix::StixObject &o : chunk) {
            stix::appendJson(buffer, o);
            if (buffer.size() > (1 << 20)) {
                f.outputBytes += buffer.size();
                buffer.resize(0);
            }
        }
        writeNs += w.nsecsElapsed();
        cpuWrite += cpuSeconds() - c0;
        chunk.clear(); // freeing the objects stays billed to parse+convert, as when the sink drops them
    };
    t.restart();
    for (const misp::Event &e : doc.events) {
        const convert::EventAccount acc = converter.convert(
            e,
            [&](stix::StixObject &&o) {
                ++f.indicators;
                chunk.push_back(std::move(o));
                if (chunk.size() == kChunk)
                    writeChunk();
            },
            [](convert::ItemOutcome &&) {});
        f.attributes += acc.total;
    }
    writeChunk();
    f.outputBytes += buffer.size();
    f.convertSeconds = double(t.nsecsElapsed() - writeNs) / 1e9;
    f.writeSeconds = double(writeNs) / 1e9;
    f.cpuParseConvert = cpuSeconds() - cpu0 - cpuWrite;
    return f;
}

void print(const QString &label, qint64 inputBytes, const Figures &f)
{
    const double pc = f.parseSeconds + f.convertSeconds;
    const double all = pc + f.writeSeconds;
    std::printf("%-40s attrs=%-8lld indicators=%-8lld input=%.1f MB output=%.1f MB\n",
        qPrintable(label),
        static_cast<long long>(f.attributes),
        static_cast<long long>(f.indicators),
        double(inputBytes) / 1e6,
        double(f.outputBytes) / 1e6);
    std::printf("    parse %.3f s + convert %.3f s = %.3f s -> %.0f attributes/s (parse+convert); "
                "with JSON writing %.3f s -> %.0f attributes/s\n",
        f.parseSeconds,
        f.convertSeconds,
        pc,
        pc > 0 ? double(f.attributes) / pc : 0.0,
        all,
        all > 0 ? double(f.attributes) / all : 0.0);
    std::printf("    CPU time parse+convert %.3f s -> %.0f attributes/s per core (wall figures above include waiting "
                "for the CPU on a loaded machine)\n",
        f.cpuParseConvert,
        f.cpuParseConvert > 0 ? double(f.attributes) / f.cpuParseConvert : 0.0);
    std::printf("    peak RSS (VmHWM) %.1f MB, current RSS %.1f MB\n",
        double(statusKb("VmHWM")) / 1024.0,
        double(statusKb("VmRSS")) / 1024.0);
    std::fflush(stdout);
}

QByteArray generateEvent(qint64 count)
{
    // A realistic mix of indicator types, every attribute with its own uuid and timestamp.
    QByteArray json;
    json.reserve(count * 330 + 1024);
    json.append(R"({"Event":{"uuid":"5a0f3c1e-6b2d-4e8f-9a7c-3d1e2f4a5b6c","info":"generated benchmark event",)"
                R"("timestamp":"1767225600","published":true,"publish_timestamp":"1767225700",)"
                R"("Orgc":{"uuid":"0b7e3a6c-5d2f-4c1a-9e8b-1f2a3b4c5d6e","name":"bench"},)"
                R"("Tag":[{"name":"tlp:green"}],"Attribute":[)");
    for (qint64 i = 0; i < count; ++i) {
        if (i)
            json.append(',');
        const QByteArray uuid = QUuid::createUuidV5(QUuid(), QByteArray::number(i)).toByteArray(QUuid::WithoutBraces);
        QByteArray type;
        QByteArray value;
        switch (i % 5) {
        case 0:
            type = "ip-dst";
            value = QByteArray::number(1 + (i >> 16) % 223) + '.' + QByteArray::number((i >> 8) & 255) + '.'
                + QByteArray::number(i & 255) + ".7";
            break;
        case 1:
            type = "domain";
            value = "host" + QByteArray::number(i) + ".example.com";
            break;
        case 2:
            type = "sha256";
            value = QByteArray::number(i, 16).rightJustified(64, '0');
            break;
        case 3:
            type = "url";
            value = "https://site" + QByteArray::number(i) + ".example.org/path/index.php?id=" + QByteArray::number(i);
            break;
        default:
            type = "md5";
            value = QByteArray::number(i, 16).rightJustified(32, 'a');
            break;
        }
        json.append(R"({"uuid":")" + uuid + R"(","type":")" + type
            + R"(","category":"Network activity","to_ids":true,"value":")" + value + R"(","comment":"","timestamp":")"
            + QByteArray::number(1767225600 + i % 86400) + R"(","Tag":[]})");
    }
    json.append("]}}");
    return json;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QStringList files;
    qint64 generated = 1000000;
    const QStringList args = app.arguments().mid(1);
    for (qsizetype i = 0; i < args.size(); ++i) {
        if (args.at(i) == u"--attributes" && i + 1 < args.size())
            generated = args.at(++i).toLongLong();
        else
            files.append(args.at(i));
    }
    if (files.isEmpty()) {
        files = { test::mispDataDir() + QStringLiteral("/pymisp-tests/reportlab_testfiles_long_event.json"),
            test::mispDataDir() + QStringLiteral("/stalkerware-indicators/generated_misp_event.json") };
    }
    std::printf("bench_convert: parse+convert (Sentinel mode, streaming sinks), one thread\n");
    std::printf("baseline RSS %.1f MB\n", double(statusKb("VmRSS")) / 1024.0);
    for (const QString &path : std::as_const(files)) {
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly)) {
            std::printf("%s: cannot read\n", qPrintable(path));
            continue;
        }
        const QByteArray json = f.readAll();
        // Small inputs run in rounds for about a second (at most 200) so the timer sees more than
        // noise; the fastest round counts (other load on the machine only ever adds time).
        Figures best;
        int rounds = 0;
        double spent = 0;
        const bool small = json.size() < 4 * 1024 * 1024;
        do {
            const Figures fig = run(json, QFileInfo(path).fileName());
            if (rounds == 0 || fig.cpuParseConvert < best.cpuParseConvert)
                best = fig;
            spent += fig.cpuParseConvert;
            ++rounds;
        } while (small && spent < 1.0 && rounds < 200);
        std::printf("(%d round%s)\n", rounds, rounds == 1 ? "" : "s");
        print(QFileInfo(path).fileName(), json.size(), best);
    }
    if (generated > 0) {
        QElapsedTimer g;
        g.start();
        const QByteArray json = generateEvent(generated);
        std::printf("generated %lld-attribute event (%.1f MB) in %.2f s\n",
            static_cast<long long>(generated),
            double(json.size()) / 1e6,
            double(g.nsecsElapsed()) / 1e9);
        print(QStringLiteral("generated event"), json.size(), run(json, QStringLiteral("generated")));
    }
    return 0;
}
