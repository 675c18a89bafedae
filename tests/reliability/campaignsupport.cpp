// SPDX-License-Identifier: BSD-2-Clause
#include "tests/reliability/campaignsupport.h"

#include "core/stix/pattern.h"
#include "tests/sandbox/sandboxcerts.h"

#include <QTimeZone>
#include <QUuid>

namespace msb::test {

namespace {
const QUuid kNamespace(QStringLiteral("{5f0c3c8e-6d2a-4a51-9d1b-7b3c2e4f5a60}"));
constexpr int kInvalidConfidence = 150;
} // namespace

QList<stix::StixObject> makeIndicators(int count, const QString &salt, int invalidEvery)
{
    QList<stix::StixObject> out;
    out.reserve(count);
    const QDateTime t0 = QDateTime::fromSecsSinceEpoch(1767225600, Qt::UTC); // 2026-01-01
    for (int i = 0; i < count; ++i) {
        stix::StixObject o;
        o.type = QStringLiteral("indicator");
        const QUuid id = QUuid::createUuidV5(kNamespace, salt + u'/' + QString::number(i));
        o.id = u"indicator--" + id.toString(QUuid::WithoutBraces);
        o.created = t0.addSecs(i);
        o.modified = t0.addSecs(i);
        o.validFrom = t0;
        o.validUntil = t0.addDays(3650);
        o.observableType = QStringLiteral("domain-name:value");
        o.observableValue = QStringLiteral("host-%1.%2.example.org").arg(i).arg(salt.toLower());
        o.pattern = stix::equalityPattern(o.observableType, o.observableValue);
        o.name = u"reliability " + salt + u" #" + QString::number(i);
        o.indicatorTypes = { QStringLiteral("malicious-activity") };
        o.confidence = (invalidEvery > 0 && i % invalidEvery == invalidEvery - 1) ? kInvalidConfidence : 80;
        o.eventUuid = QUuid::createUuidV5(kNamespace, salt).toString(QUuid::WithoutBraces);
        o.mispType = QStringLiteral("domain");
        out.append(o);
    }
    return out;
}

QSet<QString> validIds(const QList<stix::StixObject> &objects)
{
    QSet<QString> ids;
    for (const auto &o : objects) {
        if (o.confidence != kInvalidConfidence)
            ids.insert(o.id);
    }
    return ids;
}

QSet<QString> invalidIds(const QList<stix::StixObject> &objects)
{
    QSet<QString> ids;
    for (const auto &o : objects) {
        if (o.confidence == kInvalidConfidence)
            ids.insert(o.id);
    }
    return ids;
}

sentinel::Target sandboxTarget(const QString &baseUrl, const CampaignIdentity &identity)
{
    sentinel::Target t;
    t.displayName = QStringLiteral("reliability");
    t.tenantId = identity.tenantId;
    t.clientId = identity.clientId;
    t.workspaceId = identity.workspaceId;
    t.authorityHostOverride = baseUrl;
    t.uploadHostOverride = baseUrl;
    t.tls.caFile = sandbox::certs::caFile();
    return t;
}

sentinel::UploadPolicy fastPolicy(double scale, qint64 requestTimeoutMs)
{
    sentinel::UploadPolicy p;
    p.timeScale = scale;
    p.requestTimeoutMs = requestTimeoutMs;
    return p;
}

} // namespace msb::test
