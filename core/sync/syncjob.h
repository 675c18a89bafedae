// SPDX-License-Identifier: BSD-2-Clause
#pragma once

#include "core/config/profile.h"
#include "core/convert/conversionresult.h"
#include "core/misp/mispclient.h"
#include "core/sentinel/target.h"
#include "core/sync/syncplanner.h"
#include "core/sync/syncprogress.h"
#include "core/util/result.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

class QNetworkAccessManager;

namespace msb::secrets {
class SecretStore;
}
namespace msb::sentinel {
class StaticSecretProvider;
class TokenProvider;
} // namespace msb::sentinel
namespace msb::convert {
class Converter;
}

namespace msb::sync {

class SyncEngine;

/// What a SyncJob does. Every mode reads the profile and the secrets it needs first.
enum class JobMode {
    Check, ///< MISP connection test + a token for every target; nothing fetched
    Fetch, ///< fetch and convert; report events and conversion outcomes
    Preview, ///< fetch, convert and plan every target against the ledger (the dry run); sends nothing
    Sync, ///< fetch, convert, plan and upload; the run is recorded in the ledger
    Export, ///< fetch, convert and write a STIX 2.1 bundle file
};

struct JobOptions
{
    JobMode mode = JobMode::Sync;
    /// Display names or workspace ids (case-insensitive); empty: every target of the profile.
    QStringList onlyTargets;
    /// Ledger file; empty: defaultLedgerPath(). Used by Preview (read) and Sync (read/write).
    QString ledgerPath;
    bool useLedger = true;
    /// Export: the bundle file to write.
    QString exportPath;
    /// Keep the events' summaries (Fetch) and every planned object (Preview) in the report.
    bool keepDetails = true;
    /// Bound on conversion outcomes kept in the report (drops and errors; counts are always exact).
    int maxOutcomesKept = 100'000;
    SyncOptions sync;
    /// Timeout of token requests in Check and the Sync preflight.
    int tokenTimeoutMs = 30'000;
    /// Objects already fetched and converted (the desk's dry run): the source is not read and no
    /// MISP key is needed; Preview, Sync and Export work on these.
    std::optional<PlanInput> input;
};

/// One event as the `fetch` listing shows it.
struct EventSummary
{
    QString uuid;
    QString id;
    QDate date;
    QString organisation;
    QString info;
    bool published = false;
    int threatLevelId = 0;
    int attributes = 0; ///< event + object attributes
    int toIds = 0;
    QStringList tags;
};

/// Result of the connection checks (Check mode, and the Sync preflight).
struct TargetCheck
{
    QString targetName;
    QString targetKey;
    QString workspaceId;
    bool ok = false;
    Error error; ///< when !ok, in plain words
};

/// Everything a job found out; delivered once by SyncJob::finished().
struct JobReport
{
    JobMode mode = JobMode::Sync;
    QString profile;
    QDateTime started;
    QDateTime finished;
    /// Set when the job stopped before doing its work: invalid profile, missing secret, MISP
    /// unreachable or refusing the key, every target refusing its token, cancelled...
    std::optional<Error> fatal;

    // Source and conversion.
    bool sourceFetched = false;
    misp::FetchSummary fetch;
    QList<EventSummary> events; ///< Fetch mode with keepDetails
    int converted = 0; ///< attributes that became objects
    int dropped = 0; ///< attributes dropped by the policy (reason in `outcomes`)
    int conversionErrors = 0;
    qsizetype objects = 0; ///< STIX objects produced
    QHash<QString, int> dropsByReason; ///< conversion drops + errors, by stable reason
    QList<convert::ItemOutcome> outcomes; ///< dropped and error outcomes (bounded)
    QList<misp::ParseIssue> parseIssues; ///< bounded like outcomes

    // Check mode / Sync preflight.
    std::optional<misp::ConnectionInfo> mispInfo;
    std::optional<Error> mispError;
    QList<TargetCheck> checks;

    // Preview: one plan per target. Sync: the engine's summary.
    QList<TargetPlan> plans;
    std::optional<SyncSummary> sync;
    /// Targets that could not take part (missing secret, token refused, invalid), in plain words.
    QStringList targetErrors;

    // Export.
    QString exportPath;
    qsizetype exported = 0;

    /// The run finished but something is missing: failed pages, target errors, rejections.
    bool partialFailure() const;
};

/// The headless orchestration both the CLI and the GUI use:
/// profile → secrets → source (MISP REST or a feed folder) → convert page by page →
/// plan per target (ledger) → sync with progress → run recorded. Preview plans only.
///
/// Threading and lifetime: lives on one thread with an event loop (the CLI's main thread, or a
/// worker thread the GUI moves it to before start()); the SecretStore must belong to the same
/// thread and outlive the job. Network, conversion and planning run on that thread (uploads on the
/// SyncEngine's own worker thread), so it must not be the GUI thread. Signals are emitted on that
/// thread. One start() per object. No nested event loops; every request has a timeout.
class SyncJob final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SyncJob)

public:
    SyncJob(config::Profile profile, secrets::SecretStore *secrets, JobOptions options, QObject *parent = nullptr);
    ~SyncJob() override;

    const config::Profile &profile() const { return m_profile; }
    const JobOptions &options() const { return m_options; }

    /// Starts the job; finished() follows exactly once (also on failure and after cancel()).
    void start();
    /// Stops cleanly: in-flight requests are aborted, unacknowledged batches stay in the ledger.
    void cancel();
    bool isRunning() const { return m_running; }

    /// AppLocalDataLocation + "/ledger.sqlite": the ledger the GUI and the CLI share.
    static QString defaultLedgerPath();
    /// The sentinel::Target of a profile target (filters, cloud, API kind, host overrides).
    static sentinel::Target toSentinelTarget(const config::TargetSettings &settings);
    /// The selected targets of a profile: all, or those named in `only` (display name or
    /// workspace id, case-insensitive). A name that matches nothing is a Configuration error.
    static Result<QList<config::TargetSettings>> selectTargets(const config::Profile &profile, const QStringList &only);

Q_SIGNALS:
    /// A step begins ("Reading secrets", "Fetching MISP page 3"...), for progress lines.
    void stage(const QString &description);
    /// Source progress: pages and events so far.
    void sourceProgress(int pagesDone, qint64 eventsSoFar);
    /// Upload progress of one target (Sync mode), forwarded from the SyncEngine.
    void targetProgress(const msb::sync::TargetProgress &progress);
    void finished(const msb::sync::JobReport &report);

private:
    void readSecrets();
    void afterSecrets();
    void runChecks();
    void checkDone();
    void startSource();
    void startFeedFolder();
    void onPage(const misp::MispPage &page);
    void onPageFailed(const misp::FailedPage &failed);
    void onSourceFinished(const misp::FetchSummary &summary);
    void convertEvents(const QList<misp::Event> &events);
    void afterSource();
    void runPreview();
    void runSync();
    void runExport();
    void fail(const Error &error);
    void finish();
    /// A Sync that stopped before the engine ran (token refused, 403, missing secret, MISP down...):
    /// recorded in the ledger as "failed" with the error per target, so History shows it.
    void recordStoppedRun();

    config::Profile m_profile;
    secrets::SecretStore *m_secrets;
    JobOptions m_options;
    JobReport m_report;

    QList<config::TargetSettings> m_selected;
    QList<config::TargetSettings> m_requested; ///< the selection before unusable targets were removed
    QHash<QString, QString> m_targetFailures; ///< target key -> why it could not take part
    QList<sentinel::Target> m_targets; ///< usable targets (secret present, token ok)
    QString m_mispKey;
    int m_pendingSecrets = 0;
    int m_pendingChecks = 0;
    bool m_running = false;
    bool m_done = false;
    bool m_cancelled = false;

    std::shared_ptr<sentinel::StaticSecretProvider> m_secretProvider;
    QNetworkAccessManager *m_network = nullptr;
    sentinel::TokenProvider *m_tokens = nullptr;
    misp::MispClient *m_misp = nullptr;
    SyncEngine *m_engine = nullptr;
    std::unique_ptr<convert::Converter> m_converter;
    convert::ConversionResult m_conversion; ///< objects of every page (outcomes kept bounded)
    QStringList m_fetchedEvents;
};

/// Stable names: "check", "fetch", "preview", "sync", "export".
QString jobModeName(JobMode mode);

} // namespace msb::sync

Q_DECLARE_METATYPE(msb::sync::JobReport)
