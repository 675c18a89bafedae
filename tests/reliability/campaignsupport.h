// SPDX-License-Identifier: BSD-2-Clause
#pragma once

#include "core/sentinel/target.h"
#include "core/sentinel/uploadpolicy.h"
#include "core/stix/stixobject.h"

#include <QList>
#include <QSet>
#include <QString>

namespace msb::test {

/// The identities one campaign uses in the sandbox (fixed, so runs are comparable).
struct CampaignIdentity
{
    QString tenantId = QStringLiteral("7a1e0c5b-4b1f-4c55-9d7e-1f5c0e2d9a01");
    QString clientId = QStringLiteral("3c9d4e2f-8a6b-4d0c-b1e5-6f7a8b9c0d12");
    QString workspaceId = QStringLiteral("0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0");
    QString secret; ///< set per test (a canary when the test also scans for leaks)
};

/// `count` deterministic indicators (ids from uuid5 of `salt` and the index); every
/// `invalidEvery`-th one (0: none) carries confidence 150, which the sandbox's validation rejects.
QList<stix::StixObject> makeIndicators(int count, const QString &salt, int invalidEvery = 0);

/// The ids of the indicators makeIndicators() makes valid / invalid.
QSet<QString> validIds(const QList<stix::StixObject> &objects);
QSet<QString> invalidIds(const QList<stix::StixObject> &objects);

/// A target pointing at a sandbox base URL (token and upload hosts alike) trusting the test CA.
sentinel::Target sandboxTarget(const QString &baseUrl, const CampaignIdentity &identity);

/// Upload policy for a sandbox whose clock runs `scale` times faster, with a short request timeout
/// (real ms) so stalls end quickly.
sentinel::UploadPolicy fastPolicy(double scale, qint64 requestTimeoutMs = 3000);

} // namespace msb::test
