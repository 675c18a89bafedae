// SPDX-License-Identifier: BSD-2-Clause
#include "core/sync/syncplanner.h"

#include "core/log/logging.h"
#include "core/stix/jsonwriter.h"
#include "core/store/ledger.h"
#include "core/sync/targetfilter.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::Literals::StringLiterals;

namespace msb::sync {

namespace {

/// A `modified` strictly newer than what the target holds, so Sentinel (which keeps the newest)
/// takes the new content.
QDateTime newerModified(const QDateTime &wanted, const QDateTime &held, const QDateTime &now)
{
    if (!held.isValid() || (wanted.isValid() && wanted > held))
        return wanted;
    return std::max(now, held.addMSecs(1));
}

QString labelOf(const stix::StixObject &o)
{
    if (!o.observableValue.isEmpty())
        return o.observableValue;
    if (!o.name.isEmpty())
        return o.name;
    return o.id;
}

} // namespace

QString actionName(PlanAction action)
{
    switch (action) {
    case PlanAction::New:
        return u"new"_s;
    case PlanAction::Changed:
        return u"changed"_s;
    case PlanAction::Resend:
        return u"resend"_s;
    case PlanAction::Unchanged:
        return u"unchanged"_s;
    case PlanAction::Revoke:
        return u"revoke"_s;
    case PlanAction::Filtered:
        return u"filtered"_s;
    }
    return QString();
}

PlanInput PlanInput::fromConversion(const convert::ConversionResult &result)
{
    PlanInput in;
    in.objects = result.objects;
    for (const convert::EventAccount &a : result.accounts)
        if (!a.eventUuid.isEmpty())
            in.fetchedEventUuids.append(a.eventUuid);
    return in;
}

int TargetPlan::count(PlanAction action) const
{
    int n = 0;
    for (const PlannedObject &p : items)
        n += p.action == action ? 1 : 0;
    return n;
}

bool TargetPlan::needsSending() const
{
    for (const PlannedObject &p : items)
        if (!p.json.isEmpty())
            return true;
    return false;
}

QString SyncPlanner::contentHash(const QByteArray &json)
{
    QByteArray stripped = json;
    // The writer emits `"modified":"<timestamp>"`; timestamps contain no quote.
    static const QByteArray key = QByteArrayLiteral("\"modified\":\"");
    const qsizetype at = stripped.indexOf(key);
    if (at >= 0) {
        const qsizetype end = stripped.indexOf('"', at + key.size());
        if (end > at)
            stripped.remove(at, end - at + 1);
    }
    return QString::fromLatin1(QCryptographicHash::hash(stripped, QCryptographicHash::Sha256).toHex());
}

SyncPlanner::SyncPlanner(PlanInput input)
    : m_input(std::move(input))
{
    m_now = m_input.now.isValid() ? m_input.now.toUTC() : QDateTime::currentDateTimeUtc();
    m_prepared.reserve(m_input.objects.size());
    for (const stix::StixObject &o : std::as_const(m_input.objects)) {
        Prepared p;
        p.json = stix::toJson(o);
        p.hash = contentHash(p.json);
        m_prepared.append(std::move(p));
    }
    for (const QString &e : std::as_const(m_input.fetchedEventUuids))
        m_fetched.insert(e);
    for (const QString &e : std::as_const(m_input.withdrawnEventUuids))
        m_withdrawn.insert(e);
}

TargetPlan SyncPlanner::plan(const sentinel::Target &target, const store::Ledger *ledger) const
{
    TargetPlan plan;
    plan.targetKey = target.key();
    plan.targetName = target.displayName.isEmpty() ? target.workspaceId : target.displayName;
    plan.error = target.validate();
    if (!plan.error.isEmpty())
        return plan;
    QHash<QString, store::LedgerEntry> entries;
    if (ledger) {
        auto r = ledger->entries(plan.targetKey);
        if (!r.ok()) {
            plan.error = r.error().message;
            return plan;
        }
        entries = std::move(r).value();
    }

    QSet<QString> present;
    present.reserve(m_input.objects.size());
    plan.items.reserve(m_input.objects.size());
    for (int i = 0; i < m_input.objects.size(); ++i) {
        const stix::StixObject &o = m_input.objects.at(i);
        if (!o.eventUuid.isEmpty() && m_withdrawn.contains(o.eventUuid))
            continue; // its event is withdrawn: handled with the revocations below
        present.insert(o.id);
        PlannedObject p;
        p.stixId = o.id;
        p.type = o.type;
        p.objectIndex = i;
        p.eventUuid = o.eventUuid;
        p.validUntil = o.validUntil;
        p.modified = o.modified;
        p.label = labelOf(o);
        p.contentHash = m_prepared.at(i).hash;
        const QString why = filterReason(o, target.filters, target.apiKind);
        const auto e = entries.constFind(o.id);
        const bool known = e != entries.constEnd();
        const bool expired = m_input.revokeExpired && o.validUntil.isValid() && o.validUntil < m_now;
        if (!why.isEmpty()) {
            p.action = PlanAction::Filtered;
            p.reason = why;
        } else if (expired) {
            if (known && !e->revoked && e->status != store::LedgerStatus::Rejected) {
                stix::StixObject copy = o;
                copy.revoked = true;
                copy.modified = newerModified(m_now, e->modified, m_now);
                p.action = PlanAction::Revoke;
                p.reason = u"expired"_s;
                p.json = stix::toJson(copy);
                p.contentHash = contentHash(p.json);
                p.modified = copy.modified;
                p.revoked = true;
            } else {
                p.action = PlanAction::Filtered;
                p.reason = u"expired"_s;
            }
        } else if (!known) {
            p.action = PlanAction::New;
        } else {
            const bool sameContent = e->contentHash == p.contentHash;
            switch (e->status) {
            case store::LedgerStatus::Accepted:
            case store::LedgerStatus::Rejected:
            case store::LedgerStatus::Revoked:
                if (sameContent) {
                    p.action = PlanAction::Unchanged;
                    if (e->status == store::LedgerStatus::Rejected)
                        p.reason = u"rejected before: "_s % e->lastError;
                } else {
                    p.action = PlanAction::Changed;
                    p.reason = e->revoked ? u"was revoked; sent again (STIX revocation is final, Sentinel may keep "
                                            u"it revoked)"_s
                                          : u"content changed"_s;
                }
                break;
            case store::LedgerStatus::Sent:
                p.action = PlanAction::Resend;
                p.reason = u"its last batch was never acknowledged"_s;
                break;
            case store::LedgerStatus::Failed:
            case store::LedgerStatus::Pending:
                p.action = PlanAction::Resend;
                p.reason = e->lastError.isEmpty() ? u"not sent yet"_s : u"last attempt failed: "_s % e->lastError;
                break;
            }
            if (p.action != PlanAction::Unchanged) {
                p.json = m_prepared.at(i).json;
                if (!sameContent && e->modified.isValid() && (!o.modified.isValid() || o.modified <= e->modified)) {
                    stix::StixObject copy = o;
                    copy.modified = newerModified(o.modified, e->modified, m_now);
                    p.json = stix::toJson(copy);
                    p.modified = copy.modified;
                }
            }
        }
        if (p.action == PlanAction::New)
            p.json = m_prepared.at(i).json;
        plan.items.append(std::move(p));
    }

    if (!ledger)
        return plan;
    for (auto it = entries.cbegin(); it != entries.cend(); ++it) {
        const store::LedgerEntry &e = it.value();
        if (present.contains(e.stixId) || e.type != u"indicator")
            continue;
        if (e.status == store::LedgerStatus::Rejected || e.status == store::LedgerStatus::Pending)
            continue; // never in the workspace
        if (e.revoked && e.status == store::LedgerStatus::Revoked)
            continue; // already revoked
        QString reason;
        if (m_withdrawn.contains(e.eventUuid))
            reason = u"its event was unpublished or deleted"_s;
        else if (m_fetched.contains(e.eventUuid))
            reason = u"no longer in its event (deleted or to_ids cleared)"_s;
        else if (m_input.completeSnapshot)
            reason = u"no longer at the source"_s;
        else if (m_input.revokeExpired && e.validUntil.isValid() && e.validUntil < m_now)
            reason = u"expired"_s;
        else if (e.revoked)
            reason = u"its revocation was never acknowledged"_s;
        else
            continue;
        auto full = ledger->entry(plan.targetKey, e.stixId);
        if (!full.ok() || full.value().json.isEmpty()) {
            log::get("sync")->error(
                "cannot revoke {} on {}: its last content is not in the ledger", e.stixId, plan.targetName);
            continue;
        }
        PlannedObject p;
        p.stixId = e.stixId;
        p.type = e.type;
        p.action = PlanAction::Revoke;
        p.reason = reason;
        p.eventUuid = e.eventUuid;
        p.validUntil = e.validUntil;
        p.revoked = true;
        if (e.revoked) {
            p.json = full.value().json; // resend the same revocation
            p.modified = e.modified;
        } else {
            QJsonObject o = QJsonDocument::fromJson(full.value().json).object();
            p.modified = newerModified(m_now, e.modified, m_now);
            o.insert(u"revoked"_s, true);
            o.insert(u"modified"_s, stix::formatTimestampMillis(p.modified));
            p.json.clear();
            stix::appendJsonValue(p.json, o);
        }
        p.contentHash = contentHash(p.json);
        const QJsonObject shown = QJsonDocument::fromJson(p.json).object();
        p.label = shown.value(u"name"_s).toString(e.stixId);
        plan.items.append(std::move(p));
    }
    return plan;
}

QList<TargetPlan> SyncPlanner::dryRun(
    const PlanInput &input, const QList<sentinel::Target> &targets, const QString &ledgerPath)
{
    store::Ledger ledger;
    bool haveLedger = false;
    QString ledgerError;
    if (!ledgerPath.isEmpty()) {
        const Status s = ledger.open(ledgerPath);
        haveLedger = s.ok();
        if (!s.ok())
            ledgerError = s.error().message;
    }
    const SyncPlanner planner(input);
    QList<TargetPlan> out;
    for (const sentinel::Target &t : targets) {
        if (!ledgerError.isEmpty()) {
            TargetPlan p;
            p.targetKey = t.key();
            p.targetName = t.displayName;
            p.error = ledgerError;
            out.append(p);
            continue;
        }
        out.append(planner.plan(t, haveLedger ? &ledger : nullptr));
    }
    return out;
}

} // namespace msb::sync
