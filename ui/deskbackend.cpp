// SPDX-License-Identifier: BSD-2-Clause
#include "ui/deskbackend.h"

#include "core/config/profileconversion.h"
#include "core/config/profilestore.h"
#include "core/convert/converter.h"
#include "core/log/logging.h"
#include "core/misp/mispparser.h"
#include "core/secrets/layeredsecretstore.h"
#include "core/sync/syncjob.h"
#include "core/sync/syncplanner.h"
#include "ui/coresyncrunner.h"
#include "ui/deskfetch.h"
#include "ui/guithreadsecretstore.h"
#include "ui/ledgerhistory.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QProcessEnvironment>
#include <QSettings>

namespace msb::ui {

namespace {

constexpr int kMaxFolderFiles = 100000;
constexpr qint64 kMaxFileBytes = 512LL * 1024 * 1024;

/// Gives the free functions below a translation context lupdate understands.
struct DeskBackendText
{
    Q_DECLARE_TR_FUNCTIONS(msb::ui::DeskBackend)
};

int tlpRank(stix::Tlp tlp)
{
    switch (tlp) {
    case stix::Tlp::None:
    case stix::Tlp::Clear:
    case stix::Tlp::White:
        return 0;
    case stix::Tlp::Green:
        return 1;
    case stix::Tlp::Amber:
        return 2;
    case stix::Tlp::AmberStrict:
        return 3;
    case stix::Tlp::Red:
        return 4;
    }
    return 4;
}

int tlpRank(const QString &name)
{
    const QString n = name.toLower().remove(QStringLiteral("tlp:"));
    if (n == u"clear" || n == u"white")
        return 0;
    if (n == u"green")
        return 1;
    if (n == u"amber")
        return 2;
    if (n == u"amber+strict")
        return 3;
    return 4;
}

/// Why a target does not take this object; empty if it does.
QString filterReason(const stix::StixObject &o, const config::TargetFilters &f)
{
    if (f.minimumConfidence >= 0 && o.confidence >= 0 && o.confidence < f.minimumConfidence)
        return DeskBackendText::tr("confidence %1 below the target's minimum %2")
            .arg(o.confidence)
            .arg(f.minimumConfidence);
    if (!f.maximumTlp.isEmpty() && tlpRank(o.tlp) > tlpRank(f.maximumTlp))
        return DeskBackendText::tr("TLP above the target's maximum %1").arg(f.maximumTlp.toUpper());
    if (!f.includedTypes.isEmpty() && o.type == u"indicator") {
        const QString type = o.observableType.section(u':', 0, 0);
        if (!f.includedTypes.contains(type))
            return DeskBackendText::tr("type %1 not included for this target").arg(type);
    }
    return {};
}

} // namespace

FetchOutcome readMispFolder(const QString &path, const std::atomic_bool &cancelled)
{
    FetchOutcome out;
    const QDir dir(path);
    if (path.isEmpty() || !dir.exists()) {
        out.error = DeskBackendText::tr("The MISP folder \"%1\" does not exist.").arg(path);
        return out;
    }
    QDirIterator it(path, { QStringLiteral("*.json") }, QDir::Files | QDir::Readable, QDirIterator::Subdirectories);
    QStringList files;
    while (it.hasNext() && files.size() < kMaxFolderFiles)
        files.append(it.next());
    if (it.hasNext())
        out.issues.append(
            DeskBackendText::tr("%1: more than %2 files; only the first %2 were read.").arg(path).arg(kMaxFolderFiles));
    files.sort();
    for (const QString &file : std::as_const(files)) {
        if (cancelled.load())
            break;
        const QString name = QFileInfo(file).fileName();
        if (name == u"manifest.json" || name == u"hashes.csv")
            continue; // feed index, not events
        QFile f(file);
        if (f.size() > kMaxFileBytes) {
            out.issues.append(DeskBackendText::tr("%1: larger than 512 MB, skipped.").arg(file));
            continue;
        }
        if (!f.open(QIODevice::ReadOnly)) {
            out.issues.append(DeskBackendText::tr("%1: cannot be read (%2).").arg(file, f.errorString()));
            continue;
        }
        misp::ParsedDocument doc = misp::parseDocument(f.readAll(), dir.relativeFilePath(file));
        for (const misp::ParseIssue &issue : std::as_const(doc.issues))
            out.issues.append(issue.toString());
        out.events.append(std::move(doc.events));
    }
    msb::log::get("ui")->info(
        "read {} events from {} files in {} ({} issues)", out.events.size(), files.size(), path, out.issues.size());
    return out;
}

PreviewPlan planWithoutLedger(
    QList<stix::StixObject> objects, const QList<config::TargetSettings> &targets, const std::atomic_bool &cancelled)
{
    PreviewPlan plan;
    for (const auto &t : targets)
        plan.targets.append(t.displayName.isEmpty() ? t.workspaceId : t.displayName);
    if (targets.isEmpty())
        plan.targets.append(DeskBackendText::tr("Preview"));
    plan.objects = std::move(objects);
    const qsizetype n = plan.targets.size();
    plan.statuses.resize(plan.objects.size() * n, PlanStatus::New);
    for (qsizetype t = 0; t < targets.size(); ++t) {
        if (cancelled.load())
            break;
        const config::TargetFilters &f = targets.at(t).filters;
        if (f == config::TargetFilters {})
            continue;
        for (qsizetype row = 0; row < plan.objects.size(); ++row) {
            const QString reason = filterReason(plan.objects.at(row), f);
            if (reason.isEmpty())
                continue;
            plan.statuses[row * n + t] = PlanStatus::Filtered;
            plan.reasons.insert(row * n + t, reason);
        }
    }
    return plan;
}

PlanStatus toPlanStatus(sync::PlanAction action)
{
    switch (action) {
    case sync::PlanAction::New:
        return PlanStatus::New;
    case sync::PlanAction::Changed:
    case sync::PlanAction::Resend:
        return PlanStatus::Changed;
    case sync::PlanAction::Unchanged:
        return PlanStatus::Unchanged;
    case sync::PlanAction::Revoke:
        return PlanStatus::Revoke;
    case sync::PlanAction::Filtered:
        return PlanStatus::Filtered;
    }
    return PlanStatus::Filtered;
}

PreviewPlan convertAndPlan(const QList<misp::Event> &events,
    const config::Profile &profile,
    const QString &ledgerPath,
    const std::atomic_bool &cancelled)
{
    convert::Converter converter(profile.policy);
    convert::ConversionResult result;
    for (const misp::Event &event : events) {
        if (cancelled.load())
            return {};
        converter.convert(event, result);
    }
    PreviewPlan plan;
    if (profile.targets.isEmpty()) {
        plan = planWithoutLedger(result.objects, {}, cancelled);
    } else {
        const sync::PlanInput input = sync::PlanInput::fromConversion(result);
        const QList<sync::TargetPlan> targetPlans
            = sync::SyncPlanner::dryRun(input, config::toSentinelTargets(profile), ledgerPath);
        plan.objects = input.objects;
        plan.inputObjects = input.objects.size();
        plan.fetchedEventUuids = input.fetchedEventUuids;
        // Revocations of objects no longer in the input get rows of their own after the input's.
        QHash<QString, qsizetype> revokedRows;
        for (const sync::TargetPlan &tp : targetPlans)
            for (const sync::PlannedObject &item : tp.items)
                if (item.objectIndex < 0 && !revokedRows.contains(item.stixId)) {
                    stix::StixObject o;
                    o.id = item.stixId;
                    o.type = item.type;
                    o.name = item.label;
                    o.pattern = item.label;
                    o.modified = item.modified;
                    o.validUntil = item.validUntil;
                    o.eventUuid = item.eventUuid;
                    o.revoked = true;
                    revokedRows.insert(item.stixId, plan.objects.size());
                    plan.objects.append(o);
                }
        for (const sync::TargetPlan &tp : targetPlans)
            plan.targets.append(tp.targetName);
        const qsizetype n = plan.targets.size();
        plan.statuses.fill(PlanStatus::Filtered, plan.objects.size() * n);
        for (qsizetype t = 0; t < n; ++t) {
            const sync::TargetPlan &tp = targetPlans.at(t);
            if (!tp.error.isEmpty()) {
                for (qsizetype row = 0; row < plan.objects.size(); ++row)
                    plan.reasons.insert(row * n + t, tp.error);
                continue;
            }
            for (const sync::PlannedObject &item : tp.items) {
                const qsizetype row = item.objectIndex >= 0 ? item.objectIndex : revokedRows.value(item.stixId, -1);
                if (row < 0 || row >= plan.objects.size())
                    continue;
                plan.statuses[row * n + t] = toPlanStatus(item.action);
                if (!item.reason.isEmpty())
                    plan.reasons.insert(row * n + t, item.reason);
            }
        }
    }
    for (const convert::ItemOutcome &o : std::as_const(result.outcomes))
        if (o.status != convert::ItemOutcome::Status::Converted)
            plan.dropped.append(o);
    plan.dropsByReason = result.dropsByReason();
    return plan;
}

DeskBackend coreBackend(CoreBackendOptions options)
{
    if (options.ledgerPath.isEmpty())
        options.ledgerPath = sync::SyncJob::defaultLedgerPath();
    if (!options.secretStore && QCoreApplication::instance()) {
        // One store on the GUI thread, used by the workers through GuiThreadSecretStore: QtKeychain's
        // job executor is bound to the thread of its first job (the wizard's, on the GUI thread).
        std::shared_ptr<secrets::SecretStore> shared
            = secrets::LayeredSecretStore::fromEnvironment(QProcessEnvironment::systemEnvironment());
        QObject *home = QCoreApplication::instance();
        options.secretStore = [shared, home] {
            return std::unique_ptr<secrets::SecretStore>(std::make_unique<GuiThreadSecretStore>(shared, home));
        };
    }
    if (!options.secretStore)
        options.secretStore = [] {
            return std::unique_ptr<secrets::SecretStore>(
                secrets::LayeredSecretStore::fromEnvironment(QProcessEnvironment::systemEnvironment()));
        };
    DeskBackend b;
    b.profileNames = [] {
        QSettings settings;
        return config::ProfileStore(settings).profileNames();
    };
    b.loadProfile = [](const QString &name) {
        QSettings settings;
        Result<config::Profile> p = config::ProfileStore(settings).load(name);
        if (p.ok())
            return p.value();
        config::Profile empty;
        empty.name = name;
        return empty;
    };
    b.fetch = [factory = options.secretStore](const config::Profile &profile, const std::atomic_bool &cancelled) {
        // Made here, on the worker thread that uses it (the store needs this thread's event loop).
        std::unique_ptr<secrets::SecretStore> store;
        if (profile.misp.kind == config::MispSettings::Kind::Server)
            store = factory();
        return fetchSource(profile, store.get(), cancelled);
    };
    b.plan = [ledger = options.ledgerPath](
                 const QList<misp::Event> &events, const config::Profile &profile, const std::atomic_bool &cancelled) {
        // The CLI's ledger: GUI and CLI share incremental state. Not there yet: nothing sent yet.
        return convertAndPlan(events, profile, QFile::exists(ledger) ? ledger : QString(), cancelled);
    };
    b.makeSyncRunner = [options](QObject *parent) -> SyncRunner * {
        return new CoreSyncRunner(options.secretStore, options.ledgerPath, options.sync, parent);
    };
    b.history = [ledger = options.ledgerPath](const QString &profile) { return readLedgerHistory(ledger, profile); };
    return b;
}

} // namespace msb::ui
