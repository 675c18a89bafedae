// SPDX-License-Identifier: BSD-2-Clause
#include "core/sync/syncjob.h"

#include "core/convert/converter.h"
#include "core/log/logging.h"
#include "core/log/redact.h"
#include "core/misp/mispconnection.h"
#include "core/misp/mispfilters.h"
#include "core/misp/mispparser.h"
#include "core/secrets/secretkeys.h"
#include "core/secrets/secretstore.h"
#include "core/sentinel/clientsecretprovider.h"
#include "core/sentinel/tokenprovider.h"
#include "core/stix/jsonwriter.h"
#include "core/stix/tlp.h"
#include "core/store/ledger.h"
#include "core/sync/syncengine.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QNetworkAccessManager>
#include <QSaveFile>
#include <QStandardPaths>
#include <QTimer>
#include <QUuid>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace msb::sync {

namespace {

auto logger()
{
    return log::get("sync");
}

stix::Tlp tlpFromSetting(const QString &name)
{
    if (name.isEmpty())
        return stix::Tlp::None;
    return stix::tlpFromTag(QString(u"tlp:"_s + name));
}

bool needsClientSecrets(JobMode mode)
{
    return mode == JobMode::Check || mode == JobMode::Sync;
}

/// Files of a MISP feed folder (or any folder of MISP JSON) in a stable order, manifest excluded.
QStringList feedFiles(const QString &folder)
{
    QDir dir(folder);
    QStringList files = dir.entryList({ u"*.json"_s }, QDir::Files, QDir::Name);
    files.removeAll(u"manifest.json"_s);
    files.removeAll(u"hashes.csv"_s);
    QStringList paths;
    paths.reserve(files.size());
    for (const QString &f : files)
        paths << dir.filePath(f);
    return paths;
}

constexpr int kMaxFeedFiles = 1'000'000;
constexpr qint64 kMaxFeedFileBytes = 512LL * 1024 * 1024;

} // namespace

QString jobModeName(JobMode mode)
{
    switch (mode) {
    case JobMode::Check:
        return u"check"_s;
    case JobMode::Fetch:
        return u"fetch"_s;
    case JobMode::Preview:
        return u"preview"_s;
    case JobMode::Sync:
        return u"sync"_s;
    case JobMode::Export:
        return u"export"_s;
    }
    return u"sync"_s;
}

bool JobReport::partialFailure() const
{
    if (fatal)
        return false;
    if (!targetErrors.isEmpty() || !fetch.failedPages.isEmpty() || fetch.stoppedEarly || mispError)
        return true;
    for (const TargetCheck &c : checks) {
        if (!c.ok)
            return true;
    }
    for (const TargetPlan &p : plans) {
        if (!p.error.isEmpty())
            return true;
    }
    return sync && !sync->ok();
}

SyncJob::SyncJob(config::Profile profile, secrets::SecretStore *secrets, JobOptions options, QObject *parent)
    : QObject(parent)
    , m_profile(std::move(profile))
    , m_secrets(secrets)
    , m_options(std::move(options))
    , m_secretProvider(std::make_shared<sentinel::StaticSecretProvider>())
{
    qRegisterMetaType<msb::sync::JobReport>();
    qRegisterMetaType<msb::sync::TargetProgress>();
    qRegisterMetaType<msb::sync::SyncSummary>();
    m_report.mode = m_options.mode;
    m_report.profile = m_profile.name;
}

SyncJob::~SyncJob()
{
    if (m_engine)
        m_engine->cancel();
}

QString SyncJob::defaultLedgerPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation) + u"/ledger.sqlite"_s;
}

sentinel::Target SyncJob::toSentinelTarget(const config::TargetSettings &s)
{
    sentinel::Target t;
    t.displayName = s.displayName.isEmpty() ? s.workspaceId : s.displayName;
    t.cloud = s.cloud == config::Cloud::AzureUsGovernment ? sentinel::Cloud::AzureUsGovernment
                                                          : sentinel::Cloud::AzurePublic;
    t.tenantId = s.tenantId.toLower();
    t.clientId = s.clientId.toLower();
    t.workspaceId = s.workspaceId.toLower();
    t.apiKind = s.apiKind == config::ApiKind::LegacyIndicators ? sentinel::ApiKind::LegacyIndicators
                                                               : sentinel::ApiKind::StixObjects;
    t.sourceSystem = s.sourceSystem;
    t.filters.minimumConfidence = s.filters.minimumConfidence;
    t.filters.maximumTlp = tlpFromSetting(s.filters.maximumTlp);
    t.filters.includedObservableTypes = s.filters.includedTypes;
    t.authorityHostOverride = s.authorityHostOverride;
    t.uploadHostOverride = s.uploadHostOverride;
    return t;
}

Result<QList<config::TargetSettings>> SyncJob::selectTargets(const config::Profile &profile, const QStringList &only)
{
    if (only.isEmpty())
        return profile.targets;
    QList<config::TargetSettings> selected;
    for (const QString &name : only) {
        bool found = false;
        for (const config::TargetSettings &t : profile.targets) {
            if (t.displayName.compare(name, Qt::CaseInsensitive) == 0
                || t.workspaceId.compare(name, Qt::CaseInsensitive) == 0) {
                if (!selected.contains(t))
                    selected << t;
                found = true;
            }
        }
        if (!found) {
            QStringList names;
            for (const config::TargetSettings &t : profile.targets)
                names << (t.displayName.isEmpty() ? t.workspaceId : t.displayName);
            return Error { Error::Code::Configuration,
                QObject::tr("Profile \"%1\" has no target \"%2\" (its targets: %3).")
                    .arg(profile.name, name, names.isEmpty() ? QObject::tr("none") : names.join(u", "_s)) };
        }
    }
    return selected;
}

void SyncJob::start()
{
    if (m_running || m_done)
        return;
    m_running = true;
    m_report.started = QDateTime::currentDateTimeUtc();
    logger()->info("{} of profile {} started", jobModeName(m_options.mode), m_profile.name);

    const QList<config::ValidationIssue> issues = config::validateProfile(m_profile);
    if (!issues.isEmpty()) {
        QStringList lines;
        for (const config::ValidationIssue &i : issues)
            lines << i.message;
        fail({ Error::Code::Configuration,
            tr("Profile \"%1\" is not valid: %2").arg(m_profile.name, lines.join(u" "_s)) });
        return;
    }
    Result<QList<config::TargetSettings>> selected = selectTargets(m_profile, m_options.onlyTargets);
    if (!selected.ok()) {
        fail(selected.error());
        return;
    }
    m_selected = selected.value();
    m_requested = m_selected;
    if (m_selected.isEmpty() && (m_options.mode == JobMode::Sync || m_options.mode == JobMode::Preview)) {
        fail({ Error::Code::Configuration, tr("Profile \"%1\" has no Sentinel target.").arg(m_profile.name) });
        return;
    }
    readSecrets();
}

void SyncJob::readSecrets()
{
    Q_EMIT stage(tr("Reading secrets"));
    if (!m_secrets) {
        fail({ Error::Code::Configuration, tr("No secret store was given.") });
        return;
    }
    const bool needMispKey = m_profile.misp.kind == config::MispSettings::Kind::Server && !m_options.input;
    QSet<QString> requested;
    struct Request
    {
        QString key;
        QString tenant;
        QString client;
        bool misp = false;
    };
    QList<Request> requests;
    if (needMispKey)
        requests << Request { secrets::mispKeyName(m_profile.name), {}, {}, true };
    if (needsClientSecrets(m_options.mode)) {
        for (const config::TargetSettings &t : std::as_const(m_selected)) {
            const QString key = secrets::clientSecretKeyName(m_profile.name, t.tenantId, t.clientId);
            if (requested.contains(key))
                continue;
            requested.insert(key);
            requests << Request { key, t.tenantId.toLower(), t.clientId.toLower(), false };
        }
    }
    if (requests.isEmpty()) {
        afterSecrets();
        return;
    }
    m_pendingSecrets = int(requests.size());
    for (const Request &r : std::as_const(requests)) {
        m_secrets->read(r.key, this, [this, r](Result<QString> value) {
            if (m_done)
                return;
            if (r.misp) {
                if (value.ok()) {
                    m_mispKey = value.value();
                    log::registerSecret(m_mispKey);
                } else {
                    Error e = value.error();
                    if (e.code == Error::Code::NotFound)
                        e.code = Error::Code::Configuration;
                    e.message = tr("The MISP API key of profile \"%1\" is missing: %2").arg(m_profile.name, e.message);
                    m_report.fatal = e;
                }
            } else if (value.ok()) {
                m_secretProvider->setSecret(r.tenant, r.client, value.value());
            } else {
                m_report.targetErrors << tr("No client secret for app %1 in tenant %2: %3")
                                             .arg(r.client, r.tenant, value.error().message);
                // Every target of that app is unusable this run.
                for (qsizetype i = m_selected.size() - 1; i >= 0; --i) {
                    if (m_selected.at(i).tenantId.compare(r.tenant, Qt::CaseInsensitive) == 0
                        && m_selected.at(i).clientId.compare(r.client, Qt::CaseInsensitive) == 0) {
                        m_targetFailures.insert(toSentinelTarget(m_selected.at(i)).key(),
                            tr("No client secret for app %1 in tenant %2: %3")
                                .arg(r.client, r.tenant, value.error().message));
                        m_selected.removeAt(i);
                    }
                }
            }
            if (--m_pendingSecrets == 0)
                afterSecrets();
        });
    }
}

void SyncJob::afterSecrets()
{
    if (m_cancelled) {
        fail({ Error::Code::Cancelled, tr("Cancelled.") });
        return;
    }
    if (m_report.fatal) {
        finish();
        return;
    }
    if (needsClientSecrets(m_options.mode) && m_selected.isEmpty() && !m_report.targetErrors.isEmpty()
        && m_options.mode == JobMode::Sync) {
        fail({ Error::Code::Configuration, m_report.targetErrors.join(u" "_s) });
        return;
    }
    for (const config::TargetSettings &t : std::as_const(m_selected))
        m_targets << toSentinelTarget(t);
    if (needsClientSecrets(m_options.mode) && !m_targets.isEmpty()) {
        runChecks();
        return;
    }
    if (m_options.mode == JobMode::Check) {
        runChecks();
        return;
    }
    startSource();
}

void SyncJob::runChecks()
{
    Q_EMIT stage(tr("Checking targets"));
    if (!m_network)
        m_network = new QNetworkAccessManager(this);
    if (!m_tokens) {
        m_tokens = new sentinel::TokenProvider(m_network, m_secretProvider, this);
        m_tokens->setRequestTimeoutMs(m_options.tokenTimeoutMs);
    }
    const bool testMisp = m_options.mode == JobMode::Check;
    m_pendingChecks = int(m_targets.size()) + (testMisp ? 1 : 0);
    if (m_pendingChecks == 0) {
        checkDone();
        return;
    }
    for (const sentinel::Target &target : std::as_const(m_targets)) {
        const QString invalid = target.validate();
        if (!invalid.isEmpty()) {
            m_report.checks << TargetCheck { target.displayName,
                target.key(),
                target.workspaceId,
                false,
                Error { Error::Code::Configuration, invalid, 0 } };
            QTimer::singleShot(0, this, [this]() {
                if (--m_pendingChecks == 0)
                    checkDone();
            });
            continue;
        }
        m_tokens->token(target, [this, target](const Result<sentinel::AccessToken> &token) {
            if (m_done)
                return;
            TargetCheck check { target.displayName, target.key(), target.workspaceId, token.ok(), {} };
            if (!token.ok())
                check.error = token.error();
            m_report.checks << check;
            if (--m_pendingChecks == 0)
                checkDone();
        });
    }
    if (testMisp) {
        if (m_profile.misp.kind == config::MispSettings::Kind::Feed) {
            // A feed has no API to test: check that it can be read at all.
            const QString folder = m_profile.misp.feedPath;
            if (!folder.isEmpty() && !QFileInfo(folder).isDir())
                m_report.mispError
                    = Error { Error::Code::Network, tr("The feed folder %1 does not exist.").arg(folder) };
            QTimer::singleShot(0, this, [this]() {
                if (--m_pendingChecks == 0)
                    checkDone();
            });
        } else {
            misp::MispConnection connection;
            connection.baseUrl = m_profile.misp.url;
            connection.apiKey = m_mispKey;
            connection.trust.caFile = m_profile.misp.caFile;
            connection.trust.pinnedSha256Hex = m_profile.misp.pinnedSha256Hex;
            connection.timeout = std::chrono::seconds(m_profile.misp.timeoutSeconds);
            m_misp = new misp::MispClient(connection, this);
            connect(m_misp, &misp::MispClient::connectionTested, this, [this](const misp::ConnectionTestResult &r) {
                if (m_done)
                    return;
                if (r.ok)
                    m_report.mispInfo = r.info;
                else
                    m_report.mispError = r.failure.error;
                if (--m_pendingChecks == 0)
                    checkDone();
            });
            m_misp->testConnection();
        }
    }
}

void SyncJob::checkDone()
{
    if (m_cancelled) {
        fail({ Error::Code::Cancelled, tr("Cancelled.") });
        return;
    }
    // Keep the profile's order in the report, whatever order the answers came in.
    std::stable_sort(
        m_report.checks.begin(), m_report.checks.end(), [this](const TargetCheck &a, const TargetCheck &b) {
            auto index = [this](const QString &key) {
                for (qsizetype i = 0; i < m_targets.size(); ++i) {
                    if (m_targets.at(i).key() == key)
                        return i;
                }
                return qsizetype(-1);
            };
            return index(a.targetKey) < index(b.targetKey);
        });
    if (m_options.mode == JobMode::Check) {
        finish();
        return;
    }
    // Sync preflight: targets whose token was refused do not take part; if none is left the
    // run stops with the first refusal (usually an authentication error).
    QList<sentinel::Target> usable;
    std::optional<Error> first;
    for (const sentinel::Target &t : std::as_const(m_targets)) {
        for (const TargetCheck &c : std::as_const(m_report.checks)) {
            if (c.targetKey != t.key())
                continue;
            if (c.ok) {
                usable << t;
            } else {
                m_report.targetErrors << tr("%1: %2").arg(t.describe(), c.error.message);
                m_targetFailures.insert(t.key(), c.error.message);
                if (!first)
                    first = c.error;
            }
        }
    }
    m_targets = usable;
    if (m_targets.isEmpty()) {
        fail(first.value_or(Error { Error::Code::Configuration, tr("No usable Sentinel target.") }));
        return;
    }
    startSource();
}

void SyncJob::startSource()
{
    if (m_cancelled) {
        fail({ Error::Code::Cancelled, tr("Cancelled.") });
        return;
    }
    m_converter = std::make_unique<convert::Converter>(m_profile.policy);
    m_report.fetch.startedAt = QDateTime::currentSecsSinceEpoch();
    if (m_options.input) {
        // Fetched and converted by the caller (the desk's dry run): plan and send exactly that.
        m_conversion.objects = m_options.input->objects;
        m_fetchedEvents = m_options.input->fetchedEventUuids;
        m_report.objects = m_conversion.objects.size();
        m_report.sourceFetched = true;
        afterSource();
        return;
    }
    if (m_profile.misp.kind == config::MispSettings::Kind::Feed) {
        if (m_profile.misp.feedPath.isEmpty()) {
            fail({ Error::Code::Configuration,
                tr("Profile \"%1\" uses a feed URL; this build reads feeds from a folder only. "
                   "Download the feed (manifest.json and the event files) and set the folder.")
                    .arg(m_profile.name) });
            return;
        }
        startFeedFolder();
        return;
    }
    Result<misp::MispFilters> filters = misp::MispFilters::fromJson(m_profile.misp.eventFilters);
    if (!filters.ok()) {
        fail({ Error::Code::Configuration,
            tr("The MISP filters of profile \"%1\" are invalid: %2").arg(m_profile.name, filters.error().message) });
        return;
    }
    misp::MispConnection connection;
    connection.baseUrl = m_profile.misp.url;
    connection.apiKey = m_mispKey;
    connection.trust.caFile = m_profile.misp.caFile;
    connection.trust.pinnedSha256Hex = m_profile.misp.pinnedSha256Hex;
    connection.timeout = std::chrono::seconds(m_profile.misp.timeoutSeconds);
    connection.pageSize = m_profile.misp.pageSize;
    const Status valid = connection.validate();
    if (!valid.ok()) {
        fail({ Error::Code::Configuration, valid.error().message });
        return;
    }
    Q_EMIT stage(tr("Fetching from MISP %1").arg(log::redactUrl(connection.baseUrl)));
    if (m_misp)
        m_misp->deleteLater();
    m_misp = new misp::MispClient(connection, this);
    connect(m_misp, &misp::MispClient::pageReady, this, &SyncJob::onPage);
    connect(m_misp, &misp::MispClient::pageFailed, this, &SyncJob::onPageFailed);
    connect(m_misp, &misp::MispClient::progress, this, &SyncJob::sourceProgress);
    connect(m_misp, &misp::MispClient::finished, this, &SyncJob::onSourceFinished);
    m_misp->fetchEvents(filters.value());
}

void SyncJob::startFeedFolder()
{
    const QString folder = m_profile.misp.feedPath;
    if (!QFileInfo(folder).isDir()) {
        fail({ Error::Code::Network, tr("The feed folder %1 does not exist or cannot be read.").arg(folder) });
        return;
    }
    Result<misp::MispFilters> filters = misp::MispFilters::fromJson(m_profile.misp.eventFilters);
    if (!filters.ok()) {
        fail({ Error::Code::Configuration,
            tr("The MISP filters of profile \"%1\" are invalid: %2").arg(m_profile.name, filters.error().message) });
        return;
    }
    Q_EMIT stage(tr("Reading feed folder %1").arg(folder));
    auto files = std::make_shared<QStringList>(feedFiles(folder));
    if (files->size() > kMaxFeedFiles)
        files->resize(kMaxFeedFiles);
    auto index = std::make_shared<qsizetype>(0);
    auto step = std::make_shared<std::function<void()>>();
    const misp::MispFilters eventFilters = filters.value();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    // One file per event-loop turn: cancel() stays responsive and memory holds one file at a time.
    *step = [this, files, index, step, eventFilters, now]() {
        if (m_done)
            return;
        if (m_cancelled || *index >= files->size()) {
            m_report.fetch.cancelled = m_cancelled;
            onSourceFinished(m_report.fetch);
            *step = nullptr; // break the self-reference
            return;
        }
        const QString path = files->at(*index);
        const int pageNo = int(++*index);
        QFile file(path);
        misp::MispPage page;
        page.page = pageNo;
        if (file.size() > kMaxFeedFileBytes || !file.open(QIODevice::ReadOnly)) {
            misp::FailedPage failed;
            failed.page = pageNo;
            failed.failure.error = Error { Error::Code::InvalidInput,
                file.size() > kMaxFeedFileBytes ? tr("%1 is larger than 512 MiB").arg(path)
                                                : tr("%1: %2").arg(path, file.errorString()) };
            onPageFailed(failed);
        } else {
            const QByteArray bytes = file.readAll();
            misp::ParsedDocument doc = misp::parseDocument(bytes, QFileInfo(path).fileName());
            page.bytes = bytes.size();
            page.issues = doc.issues;
            for (misp::Event &e : doc.events) {
                if (eventFilters.matchesEvent(misp::FilterSubject::fromEvent(e), now))
                    page.events << std::move(e);
            }
            onPage(page);
        }
        QTimer::singleShot(0, this, *step);
    };
    QTimer::singleShot(0, this, *step);
}

void SyncJob::onPage(const misp::MispPage &page)
{
    if (m_done)
        return;
    m_report.fetch.pagesFetched += 1;
    m_report.fetch.events += page.events.size();
    m_report.fetch.bytes += page.bytes;
    m_report.fetch.parseIssues += page.issues.size();
    for (const misp::ParseIssue &issue : page.issues) {
        if (m_report.parseIssues.size() < m_options.maxOutcomesKept)
            m_report.parseIssues << issue;
    }
    Q_EMIT sourceProgress(m_report.fetch.pagesFetched, m_report.fetch.events);
    convertEvents(page.events);
}

void SyncJob::onPageFailed(const misp::FailedPage &failed)
{
    if (m_done)
        return;
    m_report.fetch.failedPages << failed;
    logger()->warn("source page {} failed: {}", failed.page, failed.failure.error.message);
}

void SyncJob::convertEvents(const QList<misp::Event> &events)
{
    for (const misp::Event &event : events) {
        if (m_options.mode == JobMode::Fetch && m_options.keepDetails) {
            EventSummary s;
            s.uuid = event.uuid;
            s.id = event.id;
            s.date = event.date;
            s.organisation = event.orgc.name;
            s.info = event.info;
            s.published = event.published;
            s.threatLevelId = event.threatLevelId;
            for (const misp::Tag &t : event.tags)
                s.tags << t.name;
            auto count = [&s](const misp::Attribute &a) {
                ++s.attributes;
                if (a.toIds.value_or(false))
                    ++s.toIds;
            };
            for (const misp::Attribute &a : event.attributes)
                count(a);
            for (const misp::Object &o : event.objects) {
                for (const misp::Attribute &a : o.attributes)
                    count(a);
            }
            m_report.events << s;
        }
        for (const misp::Object &o : event.objects)
            m_report.fetch.attributes += o.attributes.size();
        m_report.fetch.attributes += event.attributes.size();

        convert::ConversionResult result;
        m_converter->convert(event, result);
        for (const convert::EventAccount &a : std::as_const(result.accounts)) {
            m_report.converted += a.converted;
            m_report.dropped += a.dropped;
            m_report.conversionErrors += a.errors;
            if (!a.eventUuid.isEmpty())
                m_fetchedEvents << a.eventUuid;
        }
        for (convert::ItemOutcome &o : result.outcomes) {
            if (o.status == convert::ItemOutcome::Status::Converted)
                continue;
            // Drops and errors alike, grouped by the stable part of the reason (as dropsByReason()).
            const qsizetype colon = o.reason.indexOf(u':');
            m_report.dropsByReason[colon > 0 ? o.reason.left(colon) : o.reason] += 1;
            if (m_report.outcomes.size() < m_options.maxOutcomesKept)
                m_report.outcomes << std::move(o);
        }
        m_report.objects += result.objects.size();
        // Fetch only reports; the other modes need the objects.
        if (m_options.mode != JobMode::Fetch)
            m_conversion.objects.append(std::move(result.objects));
    }
}

void SyncJob::onSourceFinished(const misp::FetchSummary &summary)
{
    if (m_done)
        return;
    // The MISP client keeps its own account; the feed reader fills ours directly.
    const QList<misp::FailedPage> failed = m_report.fetch.failedPages;
    const int pages = m_report.fetch.pagesFetched;
    const qint64 events = m_report.fetch.events;
    const qint64 attributes = m_report.fetch.attributes;
    const qint64 issues = m_report.fetch.parseIssues;
    const qint64 bytes = m_report.fetch.bytes;
    m_report.fetch = summary;
    m_report.fetch.failedPages = failed;
    m_report.fetch.pagesFetched = std::max(pages, summary.pagesFetched);
    m_report.fetch.events = std::max(events, summary.events);
    m_report.fetch.attributes = std::max(attributes, summary.attributes);
    m_report.fetch.parseIssues = std::max(issues, summary.parseIssues);
    m_report.fetch.bytes = std::max(bytes, summary.bytes);
    m_report.sourceFetched = true;
    if (m_cancelled || summary.cancelled) {
        fail({ Error::Code::Cancelled, tr("Cancelled.") });
        return;
    }
    // Nothing arrived at all: the source is unreachable or refused us; stop with its reason.
    if (m_report.fetch.pagesFetched == 0 && !m_report.fetch.failedPages.isEmpty()) {
        fail(m_report.fetch.failedPages.constFirst().failure.error);
        return;
    }
    afterSource();
}

void SyncJob::afterSource()
{
    switch (m_options.mode) {
    case JobMode::Check:
    case JobMode::Fetch:
        finish();
        return;
    case JobMode::Preview:
        runPreview();
        return;
    case JobMode::Sync:
        runSync();
        return;
    case JobMode::Export:
        runExport();
        return;
    }
}

void SyncJob::runPreview()
{
    Q_EMIT stage(tr("Planning %n target(s)", nullptr, int(m_selected.size())));
    QList<sentinel::Target> targets;
    for (const config::TargetSettings &t : std::as_const(m_selected))
        targets << toSentinelTarget(t);
    PlanInput input;
    input.objects = std::move(m_conversion.objects);
    input.fetchedEventUuids = m_fetchedEvents;
    const QString ledger = m_options.useLedger
        ? (m_options.ledgerPath.isEmpty() ? defaultLedgerPath() : m_options.ledgerPath)
        : QString();
    // A ledger that does not exist yet means "nothing sent yet": plan without creating one.
    const QString existing = (!ledger.isEmpty() && QFileInfo::exists(ledger)) ? ledger : QString();
    m_report.plans = SyncPlanner::dryRun(input, targets, existing);
    if (!m_options.keepDetails) {
        for (TargetPlan &p : m_report.plans) {
            for (PlannedObject &o : p.items)
                o.json.clear();
        }
    }
    finish();
}

void SyncJob::runSync()
{
    Q_EMIT stage(tr("Uploading to %n target(s)", nullptr, int(m_targets.size())));
    SyncRequest request;
    request.targets = m_targets;
    request.input.objects = std::move(m_conversion.objects);
    request.input.fetchedEventUuids = m_fetchedEvents;
    request.profile = m_profile.name;
    request.options = m_options.sync;
    if (m_options.useLedger) {
        request.ledgerPath = m_options.ledgerPath.isEmpty() ? defaultLedgerPath() : m_options.ledgerPath;
        QDir().mkpath(QFileInfo(request.ledgerPath).absolutePath());
    }
    m_engine = new SyncEngine(m_secretProvider, nullptr, this);
    connect(m_engine, &SyncEngine::progress, this, &SyncJob::targetProgress);
    connect(m_engine, &SyncEngine::finished, this, [this](const SyncSummary &summary) {
        m_report.sync = summary;
        if (summary.cancelled)
            m_report.fatal
                = Error { Error::Code::Cancelled, tr("Cancelled; unacknowledged objects are re-sent next time.") };
        finish();
    });
    if (!m_engine->start(request))
        fail({ Error::Code::Other, tr("A sync is already running.") });
}

void SyncJob::runExport()
{
    Q_EMIT stage(tr("Writing %1").arg(m_options.exportPath));
    QSaveFile file(m_options.exportPath);
    if (!file.open(QIODevice::WriteOnly)) {
        fail({ Error::Code::InvalidInput, tr("Cannot write %1: %2").arg(m_options.exportPath, file.errorString()) });
        return;
    }
    stix::BundleWriter writer(&file, u"bundle--"_s + QUuid::createUuid().toString(QUuid::WithoutBraces));
    writer.begin();
    const QList<stix::StixObject> markings = m_converter->markingDefinitions();
    for (const stix::StixObject &o : markings)
        writer.add(o);
    for (const stix::StixObject &o : std::as_const(m_conversion.objects))
        writer.add(o);
    if (!writer.finish() || !file.commit()) {
        fail({ Error::Code::InvalidInput,
            tr("Cannot write %1: %2")
                .arg(m_options.exportPath,
                    writer.errorString().isEmpty() ? file.errorString() : writer.errorString()) });
        return;
    }
    m_report.exportPath = m_options.exportPath;
    m_report.exported = writer.objectCount();
    m_conversion.objects.clear();
    finish();
}

void SyncJob::cancel()
{
    if (m_done || m_cancelled)
        return;
    m_cancelled = true;
    if (m_misp)
        m_misp->cancel();
    if (m_tokens)
        m_tokens->cancelAll();
    if (m_engine && m_engine->isRunning()) {
        m_engine->cancel(); // its finished() ends the job
        return;
    }
    if (!m_running)
        return;
    // Waiting on secrets, tokens or a feed step: those callbacks see m_cancelled and finish.
    QTimer::singleShot(0, this, [this]() {
        if (!m_done && !(m_engine && m_engine->isRunning()))
            fail({ Error::Code::Cancelled, tr("Cancelled.") });
    });
}

void SyncJob::fail(const Error &error)
{
    if (m_done)
        return;
    m_report.fatal = error;
    logger()->error("{} of profile {} stopped: {}", jobModeName(m_options.mode), m_profile.name, error.message);
    finish();
}

void SyncJob::finish()
{
    if (m_done)
        return;
    m_done = true;
    m_running = false;
    m_report.finished = QDateTime::currentDateTimeUtc();
    if (!m_report.fatal)
        logger()->info("{} of profile {} finished", jobModeName(m_options.mode), m_profile.name);
    if (m_options.mode == JobMode::Sync && m_options.useLedger && m_report.fatal && !m_report.sync
        && m_report.fatal->code != Error::Code::Cancelled)
        recordStoppedRun();
    // Queued, so a failure found inside start() still reaches a receiver after start() returns.
    QMetaObject::invokeMethod(
        this, [this]() { Q_EMIT finished(m_report); }, Qt::QueuedConnection);
}

void SyncJob::recordStoppedRun()
{
    const QString path = m_options.ledgerPath.isEmpty() ? defaultLedgerPath() : m_options.ledgerPath;
    QDir().mkpath(QFileInfo(path).absolutePath());
    store::Ledger ledger;
    Status s = ledger.open(path);
    if (s.ok()) {
        Result<qint64> id = ledger.beginRun(m_profile.name, m_report.started);
        if (id.ok()) {
            store::RunRecord run;
            run.id = id.value();
            run.finished = m_report.finished;
            run.outcome = u"failed"_s;
            run.errors << m_report.fatal->message;
            for (const QString &e : std::as_const(m_report.targetErrors))
                if (!run.errors.contains(e))
                    run.errors << e;
            for (const config::TargetSettings &t : std::as_const(m_requested)) {
                store::RunTargetCounts c;
                c.targetKey = toSentinelTarget(t).key();
                c.targetName = t.displayName;
                c.firstError = m_targetFailures.value(c.targetKey, m_report.fatal->message);
                run.targets << c;
            }
            s = ledger.finishRun(run);
        } else {
            s = id.error();
        }
    }
    if (!s.ok())
        logger()->error("cannot record the stopped run in {}: {}", path, s.error().message);
}

} // namespace msb::sync
