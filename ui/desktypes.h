// SPDX-License-Identifier: BSD-2-Clause
#pragma once

#include "core/convert/conversionresult.h"
#include "core/misp/mispevent.h"
#include "core/stix/stixobject.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

namespace msb::ui {

/// What a dry run says will happen to one STIX object at one target.
enum class PlanStatus : quint8 { New, Changed, Unchanged, Revoke, Filtered, Dropped };
inline constexpr int PlanStatusCount = 6;

/// Translated display name of a status ("new", "changed", ...).
QString planStatusName(PlanStatus status);

/// Result of a fetch: the events plus every item that could not be read (never silently lost).
struct FetchOutcome
{
    QList<misp::Event> events;
    QStringList issues;
    QString error; ///< non-empty: the whole fetch failed (source unreachable, ...)
};

/// A dry-run plan: every object with its status per target, plus the MISP items the conversion dropped.
/// Flat, row-major status storage so a million objects stay cheap: status(row, target).
struct PreviewPlan
{
    QStringList targets;
    QList<stix::StixObject> objects;
    QList<PlanStatus> statuses; ///< objects.size() * targets.size()
    QHash<qint64, QString> reasons; ///< key row * targets.size() + target; filtered/revoke reasons
    QList<convert::ItemOutcome> dropped; ///< conversion drops and errors, shown as "dropped" rows
    QHash<QString, int> dropsByReason;
    /// The first inputObjects rows are the conversion's objects (the rest: revocations the planner
    /// added); with fetchedEventUuids they are what a sync sends. -1: every row.
    qsizetype inputObjects = -1;
    QStringList fetchedEventUuids;

    PlanStatus status(qsizetype row, qsizetype target) const { return statuses.at(row * targets.size() + target); }
    QString reason(qsizetype row, qsizetype target) const { return reasons.value(row * targets.size() + target); }
    /// Count of objects per status for one target (dropped conversion items included as Dropped).
    QList<int> countsForTarget(qsizetype target) const;
};

/// Live progress of one target during a sync. Sent often; cheap to copy.
struct TargetProgress
{
    QString target;
    qint64 total = 0;
    qint64 sent = 0;
    qint64 accepted = 0;
    qint64 rejected = 0;
    qint64 retrying = 0;
    qint64 failed = 0; ///< not taken: batch failed or the target stopped
    double objectsPerSecond = 0;
    qint64 etaSeconds = -1; ///< -1: unknown
    QString firstError; ///< plain words, already free of secrets
    bool finished = false;
};

/// Counts of one target in a finished run.
struct TargetCounts
{
    QString target;
    qint64 accepted = 0;
    qint64 rejected = 0;
    qint64 skipped = 0;
    qint64 revoked = 0;
    QString error;
};

/// One run for the history table (from the ledger or from this session).
struct RunRecord
{
    QDateTime started;
    QDateTime finished;
    QString profile;
    bool cancelled = false;
    /// Stopped before anything was sent (token refused, 403, missing secret...): the error of each
    /// target is in targets[i].error, the run's in errors.
    bool stopped = false;
    QList<TargetCounts> targets;
    QStringList errors;

    qint64 accepted() const;
    qint64 rejected() const;
};

} // namespace msb::ui

Q_DECLARE_METATYPE(msb::ui::TargetProgress)
Q_DECLARE_METATYPE(msb::ui::RunRecord)
Q_DECLARE_METATYPE(msb::ui::FetchOutcome)
Q_DECLARE_METATYPE(msb::ui::PreviewPlan)
