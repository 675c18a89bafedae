// SPDX-License-Identifier: BSD-2-Clause
#pragma once

#include "core/convert/conversionresult.h"
#include "core/sentinel/target.h"
#include "core/stix/stixobject.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

namespace msb::store {
class Ledger;
}

namespace msb::sync {

/// What a sync will do with one object for one target.
enum class PlanAction {
    New, ///< never sent to this target
    Changed, ///< sent before with other content: re-sent
    Resend, ///< sent but never acknowledged (crash / cancel) or its batch failed: re-sent
    Unchanged, ///< accepted (or rejected) with this very content: skipped
    Revoke, ///< gone from a re-fetched event, event withdrawn, or expired: re-sent revoked
    Filtered, ///< excluded by the target's filters or API (reason says which)
};
QString actionName(PlanAction action);

/// The input of a sync: the converted objects plus what tells the planner which ledger objects
/// are gone (and must be revoked).
struct PlanInput
{
    QList<stix::StixObject> objects;
    /// Events whose complete current state is in `objects`: any indicator the ledger has for
    /// such an event that is no longer in `objects` (deleted, lost to_ids) is revoked.
    QStringList fetchedEventUuids;
    /// Events unpublished or deleted at the source: all their indicators are revoked.
    QStringList withdrawnEventUuids;
    /// `objects` is everything the source has: every other indicator in the ledger is revoked.
    bool completeSnapshot = false;
    /// Also revoke indicators the ledger holds whose valid_until has passed.
    bool revokeExpired = false;
    /// Injectable clock for `modified` of revocations and expiry; invalid: the current time.
    QDateTime now;

    /// objects + fetchedEventUuids from a conversion (every event it accounted for).
    static PlanInput fromConversion(const convert::ConversionResult &result);
};

/// One object in a target's plan.
struct PlannedObject
{
    QString stixId;
    QString type;
    PlanAction action = PlanAction::New;
    QString reason; ///< why (filter reason, "content changed", "unacknowledged batch", "expired"...)
    int objectIndex = -1; ///< into PlanInput::objects; -1 for revocations of objects no longer in the input
    QByteArray json; ///< exact content to send (New/Changed/Resend/Revoke), else empty
    QString contentHash; ///< of json without `modified`
    QDateTime modified;
    QString eventUuid;
    QDateTime validUntil;
    bool revoked = false;
    QString label; ///< observable value or name, for previews
};

/// A target's plan. `error` non-empty: the target cannot be synced (nothing planned).
struct TargetPlan
{
    QString targetKey;
    QString targetName;
    QString error;
    QList<PlannedObject> items; ///< every input object with its action, plus the revocations
    int count(PlanAction action) const;
    bool needsSending() const;
};

/// Decides per target what to send. Serialises and hashes every object once (shared by all
/// targets); plan() only reads the ledger. Thread: any; the ledger passed to plan() must belong
/// to the calling thread. Sends nothing (this is the dry run behind `preview` and the desk).
class SyncPlanner final
{
public:
    explicit SyncPlanner(PlanInput input);

    /// `ledger` may be null (no history: everything is New).
    TargetPlan plan(const sentinel::Target &target, const store::Ledger *ledger) const;

    /// Plans several targets, opening the ledger at `ledgerPath` (empty: none) on this thread.
    static QList<TargetPlan> dryRun(
        const PlanInput &input, const QList<sentinel::Target> &targets, const QString &ledgerPath);

    /// Hash used to compare content: SHA-256 of the JSON without its `modified` member.
    static QString contentHash(const QByteArray &json);

    const PlanInput &input() const { return m_input; }

private:
    struct Prepared
    {
        QByteArray json;
        QString hash;
    };
    PlanInput m_input;
    QList<Prepared> m_prepared;
    QSet<QString> m_fetched;
    QSet<QString> m_withdrawn;
    QDateTime m_now;
};

} // namespace msb::sync
