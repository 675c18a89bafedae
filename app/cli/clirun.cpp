// SPDX-License-Identifier: BSD-2-Clause
#include "app/cli/clirun.h"

#include "app/cli/clisecrets.h"
#include "core/config/import/appsettingsimport.h"
#include "core/config/profilestore.h"
#include "core/log/logging.h"
#include "core/log/redact.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QProcessEnvironment>
#include <QSet>
#include <QSettings>
#include <QSocketNotifier>

#include <csignal>
#include <fcntl.h>
#include <unistd.h>

using namespace Qt::Literals::StringLiterals;

namespace msb::cli {

namespace {

int g_signalPipe[2] = { -1, -1 };

void signalHandler(int)
{
    const char byte = 1;
    // Only async-signal-safe calls here; the event loop does the rest.
    [[maybe_unused]] const auto written = ::write(g_signalPipe[1], &byte, 1);
}

QString progressLine(const sync::TargetProgress &p)
{
    QString line = u"%1: %2/%3 sent, %4 accepted"_s.arg(p.targetName).arg(p.sent).arg(p.total).arg(p.accepted);
    if (p.rejected)
        line += u", %1 rejected"_s.arg(p.rejected);
    if (p.retrying)
        line += u", %1 retrying"_s.arg(p.retrying);
    if (p.objectsPerSecond > 0)
        line += u", %1 obj/s"_s.arg(p.objectsPerSecond, 0, 'f', 0);
    if (p.etaSeconds >= 0)
        line += u", ETA %1 s"_s.arg(qRound(p.etaSeconds));
    return line;
}

} // namespace

std::unique_ptr<QSettings> openSettings()
{
    return std::make_unique<QSettings>();
}

Result<config::Profile> resolveProfile(const QString &requested)
{
    auto settings = openSettings();
    config::ProfileStore store(*settings);
    const QStringList names = store.profileNames();
    const QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    const bool envConfigured
        = env.contains(u"mispurl"_s) && (env.contains(u"tenants"_s) || env.contains(u"workspace_id"_s));
    QString name = requested;
    if (name.isEmpty())
        name = store.defaultProfile();
    if (name.isEmpty() && names.size() == 1)
        name = names.constFirst();
    if (name == u"env"_s && !store.contains(name)) {
        if (!envConfigured)
            return Error { Error::Code::Configuration,
                QObject::tr("Profile \"env\" needs the variables mispurl and tenants (misp2sentinel's names).") };
        config::ImportResult imported = config::importEnvironment(env, u"env"_s);
        return imported.profile;
    }
    if (name.isEmpty()) {
        if (names.isEmpty() && envConfigured)
            return config::importEnvironment(env, u"env"_s).profile;
        if (names.isEmpty())
            return Error { Error::Code::Configuration,
                QObject::tr("There is no profile yet. Create one with the setup wizard (start "
                            "misp-sentinel-bridge without arguments) or 'misp-sentinel-bridge profiles "
                            "import', or set mispurl and tenants for the environment profile.") };
        return Error { Error::Code::Configuration,
            QObject::tr("Several profiles and none is the default: choose one with --profile (%1).")
                .arg(names.join(u", "_s)) };
    }
    Result<config::Profile> profile = store.load(name);
    if (!profile.ok()) {
        Error e = profile.error();
        if (e.code == Error::Code::NotFound) {
            e.code = Error::Code::Configuration;
            e.message = QObject::tr("There is no profile \"%1\" (profiles: %2).")
                            .arg(name, names.isEmpty() ? QObject::tr("none") : names.join(u", "_s));
        }
        return e;
    }
    return profile;
}

void onTerminationSignal(QObject *context, std::function<void()> onSignal)
{
    if (g_signalPipe[0] < 0) {
        if (::pipe(g_signalPipe) != 0)
            return;
        ::fcntl(g_signalPipe[0], F_SETFD, FD_CLOEXEC);
        ::fcntl(g_signalPipe[1], F_SETFD, FD_CLOEXEC);
        ::fcntl(g_signalPipe[1], F_SETFL, O_NONBLOCK);
    }
    auto *notifier = new QSocketNotifier(g_signalPipe[0], QSocketNotifier::Read, context);
    QObject::connect(notifier, &QSocketNotifier::activated, context, [onSignal = std::move(onSignal)]() {
        char buffer[16];
        [[maybe_unused]] const auto n = ::read(g_signalPipe[0], buffer, sizeof buffer);
        onSignal();
    });
    struct sigaction action = {};
    action.sa_handler = signalHandler;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    ::sigaction(SIGINT, &action, nullptr);
    ::sigaction(SIGTERM, &action, nullptr);
}

sync::JobReport runJob(
    const config::Profile &profile, const CommonOptions &common, sync::JobOptions options, Output &out)
{
    sync::JobReport report;
    report.mode = options.mode;
    report.profile = profile.name;
    Result<std::unique_ptr<CliSecretStore>> store = makeCliSecretStore(common.secretsFromStdin);
    if (!store.ok()) {
        report.fatal = store.error();
        return report;
    }
    std::unique_ptr<CliSecretStore> secrets = std::move(store).value();
    options.onlyTargets = common.targets;
    QObject context;
    auto *job = new sync::SyncJob(profile, secrets.get(), std::move(options), &context);
    QObject::connect(job, &sync::SyncJob::stage, &context, [&out](const QString &s) { out.progress(s); });
    QObject::connect(job, &sync::SyncJob::sourceProgress, &context, [&out](int pages, qint64 events) {
        out.progress(QObject::tr("source: %1 page(s), %2 event(s)").arg(pages).arg(events));
    });
    QObject::connect(job, &sync::SyncJob::targetProgress, &context, [&out](const sync::TargetProgress &p) {
        out.progress(progressLine(p));
    });
    bool done = false;
    QObject::connect(job, &sync::SyncJob::finished, &context, [&](const sync::JobReport &r) {
        report = r;
        done = true;
        out.endProgress();
        QCoreApplication::exit(0);
    });
    onTerminationSignal(&context, [job, &out]() {
        out.endProgress();
        out.warning(QObject::tr("cancelling (unacknowledged objects are re-sent by the next run)…"));
        job->cancel();
    });
    job->start();
    // The command runs before main() enters its event loop: this IS the application's one loop.
    while (!done)
        QCoreApplication::exec();
    ::signal(SIGINT, SIG_DFL);
    ::signal(SIGTERM, SIG_DFL);
    // One line per headless run in the log file: what a scheduled run did, even when nobody reads stdout.
    log::get("cli")->info("{} of profile {} ended with exit code {}{}",
        sync::jobModeName(report.mode),
        report.profile,
        exitCodeFor(report),
        report.fatal ? u": "_s + report.fatal->message : QString());
    return report;
}

int exitCodeFor(const sync::JobReport &report)
{
    if (report.fatal)
        return exitCodeFor(*report.fatal);
    return report.partialFailure() ? PartialFailure : Success;
}

QJsonObject reportHeaderJson(const sync::JobReport &report)
{
    QJsonObject o {
        { u"command"_s, sync::jobModeName(report.mode) },
        { u"profile"_s, report.profile },
        { u"started"_s, report.started.toString(Qt::ISODateWithMs) },
        { u"finished"_s, report.finished.toString(Qt::ISODateWithMs) },
        { u"exitCode"_s, exitCodeFor(report) },
        { u"ok"_s, !report.fatal && !report.partialFailure() },
    };
    if (report.fatal)
        o.insert(u"error"_s, errorToJson(*report.fatal));
    if (!report.targetErrors.isEmpty()) {
        QJsonArray errors;
        for (const QString &e : report.targetErrors)
            errors.append(log::redact(e));
        o.insert(u"targetErrors"_s, errors);
    }
    return o;
}

QJsonObject sourceJson(const sync::JobReport &report)
{
    QJsonArray failed;
    for (const misp::FailedPage &p : report.fetch.failedPages)
        failed.append(QJsonObject { { u"page"_s, p.page }, { u"error"_s, errorToJson(p.failure.error) } });
    QJsonObject drops;
    for (auto it = report.dropsByReason.cbegin(); it != report.dropsByReason.cend(); ++it)
        drops.insert(it.key(), it.value());
    QJsonArray issues;
    for (const misp::ParseIssue &i : report.parseIssues)
        issues.append(log::redact(i.toString()));
    return QJsonObject {
        { u"pages"_s, report.fetch.pagesFetched },
        { u"events"_s, double(report.fetch.events) },
        { u"attributes"_s, double(report.fetch.attributes) },
        { u"converted"_s, report.converted },
        { u"dropped"_s, report.dropped },
        { u"conversionErrors"_s, report.conversionErrors },
        { u"objects"_s, double(report.objects) },
        { u"dropsByReason"_s, drops },
        { u"parseIssues"_s, issues },
        { u"failedPages"_s, failed },
        { u"complete"_s, report.sourceFetched && report.fetch.failedPages.isEmpty() && !report.fetch.stoppedEarly },
    };
}

void printProblems(const sync::JobReport &report, const Output &out)
{
    // One failure often surfaces as a failed page, the reason the fetch stopped and the fatal
    // error: say each distinct thing once.
    QSet<QString> said;
    const QString fatal = report.fatal ? report.fatal->message : QString();
    auto warnOnce = [&](const QString &text, const QString &cause) {
        if (cause.isEmpty() || cause == fatal || said.contains(cause))
            return;
        said.insert(cause);
        out.warning(text);
    };
    for (const misp::FailedPage &p : report.fetch.failedPages)
        warnOnce(QObject::tr("source page %1 is missing from this run: %2").arg(p.page).arg(p.failure.error.message),
            p.failure.error.message);
    if (report.fetch.stoppedEarly)
        warnOnce(QObject::tr("source stopped early: %1").arg(report.fetch.stopReason), report.fetch.stopReason);
    for (const QString &e : report.targetErrors)
        warnOnce(e, e);
    if (!report.parseIssues.isEmpty())
        out.warning(QObject::tr("%n problem(s) in the MISP data (each is in the log file and in --json).",
            nullptr,
            int(report.parseIssues.size())));
    if (report.fatal)
        out.error(report.fatal->message);
    const QString logFile = log::logFilePath();
    if ((report.fatal || !said.isEmpty()) && !logFile.isEmpty())
        out.warning(QObject::tr("details: %1").arg(logFile));
}

} // namespace msb::cli
