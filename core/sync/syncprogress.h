// SPDX-License-Identifier: BSD-2-Clause
#pragma once

#include "core/sentinel/uploadpolicy.h"
#include "core/sync/syncplanner.h"

#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

namespace msb::sync {

/// Progress of one target; a value copied across threads with every progress signal.
struct TargetProgress
{
    enum class State { Planning, Running, Finished, Failed, Cancelled };
    QString targetKey;
    QString targetName;
    State state = State::Planning;
    int total = 0; ///< objects this run sends (new + changed + resend + revoke)
    int queued = 0; ///< not yet in a request
    int inFlight = 0; ///< in requests not answered yet
    int sent = 0; ///< handed to a request (each object counted once)
    int accepted = 0; ///< taken by the API (revocations included)
    int revoked = 0; ///< of accepted: revocations
    int rejected = 0; ///< refused by the API, each with its message
    int failed = 0; ///< not taken: batch failed, or target stopped before sending them
    int unchanged = 0; ///< skipped, same content already there
    int filtered = 0; ///< excluded by the target's filters
    int retrying = 0; ///< batches waiting to be re-sent right now
    int retries = 0; ///< re-sends so far
    int rateLimited = 0; ///< 429 answers so far
    double objectsPerSecond = 0;
    double etaSeconds = -1; ///< -1: unknown
    QString firstError; ///< in plain words
    QDateTime started;
    QDateTime finished;

    bool isDone() const { return state == State::Finished || state == State::Failed || state == State::Cancelled; }
};

/// One object the API refused.
struct ObjectRejection
{
    QString targetKey;
    QString targetName;
    QString stixId;
    QString message;
};

/// How a run ended.
struct SyncSummary
{
    qint64 runId = 0; ///< ledger run id; 0 without a ledger
    QDateTime started;
    QDateTime finished;
    bool cancelled = false;
    QList<TargetProgress> targets;
    QList<ObjectRejection> rejections;
    QStringList errors; ///< target-level errors in plain words
    bool ok() const { return !cancelled && errors.isEmpty() && rejections.isEmpty(); }
};

/// Everything tunable about a sync run.
struct SyncOptions
{
    sentinel::UploadPolicy upload;
    int progressIntervalMs = 250; ///< at most this often per target (state changes at once)
    int maxConsecutiveFailedBatches = 3; ///< after this many a target stops (server down, not the data)
};

/// One sync: the input goes to every target.
struct SyncRequest
{
    QList<sentinel::Target> targets;
    PlanInput input;
    QString ledgerPath; ///< empty: no ledger (no incremental sync, no crash resume)
    QString profile;
    SyncOptions options;
};

} // namespace msb::sync

Q_DECLARE_METATYPE(msb::sync::TargetProgress)
Q_DECLARE_METATYPE(msb::sync::SyncSummary)
