// SPDX-License-Identifier: BSD-2-Clause
// msb-crash-driver: runs one headless sync (the same SyncEngine + ledger the CLI's `sync` uses)
// of a deterministic set of indicators to a sandbox, so tst_crash_resume can SIGKILL it at any
// point and run it again. The client secret comes from the environment (MSB_DRIVER_SECRET),
// never from the command line, so the canary check on /proc/<pid>/cmdline means something.
//
//   msb-crash-driver --base https://127.0.0.1:PORT --ledger FILE --count N --salt S
//                    [--scale 60] [--inflight 2]
// Prints "accepted=… rejected=… failed=… retries=…" and exits 0 when every object was taken.
#include "core/sentinel/clientsecretprovider.h"
#include "core/sync/syncengine.h"
#include "tests/reliability/campaignsupport.h"

#include <QCommandLineParser>
#include <QCoreApplication>

#include <cstdio>

using namespace msb;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    const QCommandLineOption base(QStringLiteral("base"), QStringLiteral("sandbox URL"), QStringLiteral("url"));
    const QCommandLineOption ledger(QStringLiteral("ledger"), QStringLiteral("ledger file"), QStringLiteral("path"));
    const QCommandLineOption count(QStringLiteral("count"), QStringLiteral("objects"), QStringLiteral("n"));
    const QCommandLineOption salt(QStringLiteral("salt"), QStringLiteral("id salt"), QStringLiteral("s"));
    const QCommandLineOption scale(
        QStringLiteral("scale"), QStringLiteral("sandbox clock scale"), QStringLiteral("x"), QStringLiteral("60"));
    const QCommandLineOption inflight(
        QStringLiteral("inflight"), QStringLiteral("requests in flight"), QStringLiteral("n"), QStringLiteral("2"));
    parser.addOptions({ base, ledger, count, salt, scale, inflight });
    parser.process(app);

    test::CampaignIdentity id;
    id.secret = qEnvironmentVariable("MSB_DRIVER_SECRET");
    if (id.secret.isEmpty()) {
        std::fputs("msb-crash-driver: MSB_DRIVER_SECRET is not set\n", stderr);
        return 2;
    }
    sync::SyncRequest request;
    request.targets = { test::sandboxTarget(parser.value(base), id) };
    request.input.objects = test::makeIndicators(parser.value(count).toInt(), parser.value(salt));
    request.ledgerPath = parser.value(ledger);
    request.profile = QStringLiteral("crash-driver");
    request.options.upload = test::fastPolicy(parser.value(scale).toDouble(), 5000);
    request.options.upload.maxInFlightPerTarget = parser.value(inflight).toInt();

    auto secrets = std::make_shared<sentinel::StaticSecretProvider>();
    secrets->setSecret(id.tenantId, id.clientId, id.secret);
    sync::SyncEngine engine(secrets);
    int rc = 1;
    QObject::connect(&engine, &sync::SyncEngine::finished, &app, [&rc](const sync::SyncSummary &summary) {
        const sync::TargetProgress t = summary.targets.value(0);
        std::printf("accepted=%d rejected=%d failed=%d unchanged=%d retries=%d total=%d\n",
            t.accepted,
            t.rejected,
            t.failed,
            t.unchanged,
            t.retries,
            t.total);
        for (const QString &e : summary.errors)
            std::fprintf(stderr, "error: %s\n", e.toUtf8().constData());
        rc = summary.ok() ? 0 : 1;
        QCoreApplication::quit();
    });
    if (!engine.start(request)) {
        std::fputs("msb-crash-driver: the engine did not start\n", stderr);
        return 2;
    }
    app.exec();
    return rc;
}
