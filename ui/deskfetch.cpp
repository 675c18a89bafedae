// SPDX-License-Identifier: BSD-2-Clause
#include "ui/deskfetch.h"

#include "core/config/profileconversion.h"
#include "core/log/logging.h"
#include "core/log/redact.h"
#include "core/misp/feedsource.h"
#include "core/misp/mispclient.h"
#include "core/misp/mispfilters.h"
#include "core/secrets/secretkeys.h"
#include "core/secrets/secretstore.h"
#include "ui/deskbackend.h"

#include <QCoreApplication>
#include <QDir>
#include <QEventLoop>
#include <QTimer>

#include <functional>
#include <optional>

namespace msb::ui {

namespace {

/// Translation context for the free functions below.
struct FetchText
{
    Q_DECLARE_TR_FUNCTIONS(msb::ui::DeskFetch)
};

/// Spins `loop` until something quits it; polls `cancelled` and calls `onCancel` once when it flips.
void runUntilDone(QEventLoop &loop, const std::atomic_bool &cancelled, const std::function<void()> &onCancel)
{
    QTimer poll;
    poll.setInterval(50);
    bool asked = false;
    QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
        if (!asked && cancelled.load()) {
            asked = true;
            onCancel();
        }
    });
    poll.start();
    loop.exec();
}

void addPage(FetchOutcome &out, const misp::MispPage &page)
{
    out.events.append(page.events);
    for (const misp::ParseIssue &issue : page.issues)
        out.issues.append(issue.toString());
}

std::optional<misp::MispFilters> readFilters(const config::Profile &profile, FetchOutcome &out)
{
    Result<misp::MispFilters> filters = misp::MispFilters::fromJson(profile.misp.eventFilters);
    if (filters.ok())
        return filters.value();
    out.error = FetchText::tr("The MISP filters of profile \"%1\" are invalid: %2")
                    .arg(profile.name, filters.error().message);
    return std::nullopt;
}

FetchOutcome fetchServer(const config::Profile &profile, secrets::SecretStore *store, const std::atomic_bool &cancelled)
{
    FetchOutcome out;
    const std::optional<misp::MispFilters> filters = readFilters(profile, out);
    if (!filters)
        return out;
    if (!store) {
        out.error = FetchText::tr("No secret store is available for the MISP API key.");
        return out;
    }
    QEventLoop loop;
    std::optional<Result<QString>> key;
    store->read(secrets::mispKeyName(profile.name), &loop, [&](Result<QString> value) {
        key = std::move(value);
        loop.quit();
    });
    runUntilDone(loop, cancelled, [&] { loop.quit(); });
    if (!key) {
        out.error = FetchText::tr("Fetch cancelled.");
        return out;
    }
    if (!key->ok()) {
        out.error = FetchText::tr("The MISP API key of profile \"%1\" is missing: %2")
                        .arg(profile.name, key->error().message);
        return out;
    }
    const misp::MispConnection connection = config::toMispConnection(profile, key->value());
    if (const Status valid = connection.validate(); !valid.ok()) {
        out.error = valid.error().message;
        return out;
    }
    misp::MispClient client(connection);
    QList<misp::FailedPage> failed;
    misp::FetchSummary summary;
    QObject::connect(
        &client, &misp::MispClient::pageReady, &loop, [&](const misp::MispPage &page) { addPage(out, page); });
    QObject::connect(&client, &misp::MispClient::pageFailed, &loop, [&](const misp::FailedPage &page) {
        failed.append(page);
        out.issues.append(
            FetchText::tr("MISP page %1 could not be read: %2").arg(page.page).arg(page.failure.error.message));
    });
    QObject::connect(&client, &misp::MispClient::finished, &loop, [&](const misp::FetchSummary &s) {
        summary = s;
        loop.quit();
    });
    client.fetchEvents(*filters);
    runUntilDone(loop, cancelled, [&] { client.cancel(); });
    // Nothing arrived at all: the server is unreachable or refused the key; say why.
    if (summary.pagesFetched == 0 && !failed.isEmpty())
        out.error = FetchText::tr("MISP %1: %2")
                        .arg(log::redactUrl(connection.baseUrl), failed.constFirst().failure.error.message);
    msb::log::get("ui")->info("fetched {} from MISP {}", summary.toString(), log::redactUrl(connection.baseUrl));
    return out;
}

FetchOutcome fetchFeed(const config::Profile &profile, const std::atomic_bool &cancelled)
{
    FetchOutcome out;
    const std::optional<misp::MispFilters> filters = readFilters(profile, out);
    if (!filters)
        return out;
    misp::FeedLocation location;
    location.folder = profile.misp.feedPath;
    if (location.isRemote()) {
        location.remote = config::toMispConnection(profile, QString());
        if (const Status valid = location.remote.validate(); !valid.ok()) {
            out.error = valid.error().message;
            return out;
        }
    }
    QEventLoop loop;
    misp::FeedSource feed(location);
    misp::FeedSummary summary;
    QObject::connect(
        &feed, &misp::FeedSource::eventsReady, &loop, [&](const misp::MispPage &page) { addPage(out, page); });
    QObject::connect(&feed, &misp::FeedSource::entryFailed, &loop, [&](const misp::FeedFailure &f) {
        out.issues.append(
            FetchText::tr("Feed event %1 (%2) could not be read: %3").arg(f.uuid, f.fileName, f.failure.error.message));
    });
    QObject::connect(&feed, &misp::FeedSource::finished, &loop, [&](const misp::FeedSummary &s) {
        summary = s;
        loop.quit();
    });
    feed.fetch(*filters);
    runUntilDone(loop, cancelled, [&] { feed.cancel(); });
    for (const QString &issue : std::as_const(summary.manifestIssues))
        out.issues.append(issue);
    if (summary.manifestFailure)
        out.error = FetchText::tr("The feed %1 cannot be read: %2")
                        .arg(location.displayName(), summary.manifestFailure->error.message);
    msb::log::get("ui")->info("read feed {}: {}", location.displayName(), summary.toString());
    return out;
}

} // namespace

FetchOutcome fetchSource(const config::Profile &profile, secrets::SecretStore *store, const std::atomic_bool &cancelled)
{
    if (profile.misp.kind == config::MispSettings::Kind::Server)
        return fetchServer(profile, store, cancelled);
    // A folder without a manifest is a plain set of event files (File > Open MISP folder).
    if (!profile.misp.feedPath.isEmpty() && !QDir(profile.misp.feedPath).exists(QStringLiteral("manifest.json")))
        return readMispFolder(profile.misp.feedPath, cancelled);
    if (profile.misp.feedPath.isEmpty() && profile.misp.url.isEmpty()) {
        FetchOutcome out;
        out.error = FetchText::tr("Profile \"%1\" has neither a feed folder nor a feed URL.").arg(profile.name);
        return out;
    }
    return fetchFeed(profile, cancelled);
}

} // namespace msb::ui
