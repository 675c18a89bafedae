// SPDX-License-Identifier: BSD-2-Clause
#pragma once

#include "tests/sandbox/entraemulator.h"
#include "tests/sandbox/ratelimiter.h"
#include "tests/sandbox/router.h"
#include "tests/sandbox/stixvalidator.h"
#include "tests/sandbox/workspacestore.h"

#include <QHash>
#include <QMutex>
#include <QSet>
#include <QString>
#include <QStringList>

#include <atomic>
#include <memory>

namespace msb::sandbox {

/// The switches for everything sentinel-api.md marks [UNCONFIRMED]. Defaults are the strictest reading.
struct SentinelOptions
{
    /// Field name of the per-object messages in a 200 partial-failure body: the Learn doc says "errorMessages",
    /// the current specs "validationErrorMessages".
    QString errorsField = QStringLiteral("errorMessages");
    /// More than maxObjects objects in one request: Reject (400), Accept (all), Truncate (keep the first maxObjects).
    enum class OverLimit { Reject, Accept, Truncate } overLimit = OverLimit::Reject;
    int maxObjects = 100;
    /// Every object invalid: 200 with errors[] (the doc's wording allows both), or 400 with the same body.
    bool allInvalidIs400 = false;
    /// Also serve the path spellings seen only in connector UI text and an early spec draft (§1.1).
    bool acceptPathVariants = false;
    /// Body keys of the STIX API in other letter case ("SourceSystem", "StixObjects") — [UNCONFIRMED].
    bool stixCaseInsensitiveKeys = false;
    /// Body keys of the legacy API ("SourceSystem", "Value") — third-party code relies on it.
    bool legacyCaseInsensitiveKeys = true;
    /// Content-Type must be application/json (415 otherwise).
    bool requireJsonContentType = true;
    QStringList reservedSourceSystems { QStringLiteral("Microsoft Sentinel") };
    int maxSourceSystemLength = 256;
    /// Token audiences the upload APIs accept (§1.2).
    QStringList acceptedAudiences { QStringLiteral("https://management.core.windows.net/"),
        QStringLiteral("https://management.core.windows.net"),
        QStringLiteral("https://management.azure.com/"),
        QStringLiteral("https://management.azure.com") };
    /// Status of the UnauthorizedAccess body (most likely 403).
    int unauthorizedAccessStatus = 403;
    ValidationOptions validation;
};

/// Emulates the Sentinel STIX objects upload API and the legacy upload-indicators API (sentinel-api.md §1, §2)
/// on top of an EntraEmulator's tokens, with per-workspace role grants, the rate limiter and a WorkspaceStore
/// per workspace. Thread-safe.
class SentinelEmulator final
{
public:
    SentinelEmulator(const EntraEmulator *entra, const SandboxClock *clock);

    void setOptions(const SentinelOptions &options);
    SentinelOptions options() const;
    RateLimiter &rateLimiter() { return m_limiter; }

    /// A Log Analytics workspace (GUID) in a tenant.
    void addWorkspace(const QString &workspaceId, const QString &tenantId);
    /// Gives an app the Microsoft Sentinel Contributor role on a workspace (the app must live in the
    /// workspace's tenant). revoke() takes it away.
    void grant(const QString &workspaceId, const QString &clientId);
    void revoke(const QString &workspaceId, const QString &clientId);

    /// nullptr for an unknown workspace. Stores live as long as the emulator.
    WorkspaceStore *store(const QString &workspaceId) const;
    QStringList workspaces() const;

    void registerRoutes(Router &router);

    /// Upload requests answered, by status, over all workspaces (including unknown ones).
    int uploadRequests() const { return m_uploadRequests.load(); }

private:
    struct Workspace
    {
        QString id;
        QString tenantId;
        QSet<QString> grants; ///< client ids (lower case)
        std::shared_ptr<WorkspaceStore> store; ///< shared: QHash needs copyable values
    };
    enum class Api { Stix, Legacy, LegacyV2 };

    HttpResponse handleUpload(const HttpRequest &request, Api api);
    HttpResponse processBody(const HttpRequest &request, Api api, const SentinelOptions &options, UploadRecord *record);
    static QString normalizeWorkspaceId(const QString &text);

    const EntraEmulator *m_entra;
    const SandboxClock *m_clock;
    RateLimiter m_limiter;
    mutable QMutex m_mutex;
    SentinelOptions m_options;
    QHash<QString, Workspace> m_workspaces; ///< by lower-case id
    std::atomic<quint64> m_sequence { 0 };
    std::atomic<int> m_uploadRequests { 0 };
};

} // namespace msb::sandbox
