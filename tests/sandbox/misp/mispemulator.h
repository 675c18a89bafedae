// SPDX-License-Identifier: BSD-2-Clause
#pragma once

#include "tests/sandbox/router.h"

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

namespace msb::misp {
class MispFilters;
struct FilterSubject;
} // namespace msb::misp

namespace msb::sandbox::misp {

/// Who the emulated API key belongs to.
struct EmulatorOptions
{
    QByteArray apiKey = QByteArrayLiteral("msb-sandbox-misp-key-0123456789abcdef0123");
    QString version = QStringLiteral("2.4.190");
    QString email = QStringLiteral("sync@sandbox.example");
    QString organisation = QStringLiteral("Sandbox CERT");
    bool writableKey = false; ///< true: the role is "User" with perm_add/perm_modify (the client should warn)
    bool mispNotFound = false; ///< install MISP's own 404 body as the router's not-found answer (own router only)
};

/// A synthetic instance generated on the fly (nothing held in memory): event i has id i+1, a v5 uuid,
/// timestamp base + spacing·i, published unless i % 10 == 9, threat level 1 + i % 4, org "Org A/B/C" (i % 3),
/// tags tlp:white/green/amber (i % 3), workflow:state="complete" on even i, type:OSINT when i % 5 == 0,
/// and `attributesPerEvent` attributes cycling ip-dst, domain, url, sha256, md5, hostname, email-src,
/// filename|sha256 (to_ids false when j % 4 == 3). Event 0 carries 8.8.8.8 (a warning-list value).
struct GeneratedInstance
{
    int events = 1000;
    int attributesPerEvent = 100;
    qint64 baseTimestamp = 1'700'000'000;
    qint64 spacingSeconds = 60; ///< between the timestamps of consecutive events
};

/// The MISP emulator: restSearch with the filters of msb::misp::MispFilters (same semantics as the
/// client's local filtering), paging, the API-key check with MISP's 403 body, /servers/getVersion,
/// /users/view/me and the feed files (/feed/manifest.json, /feed/<file>). Faults come from the
/// server's FaultPlan; route names: misp-restsearch, misp-version, misp-me, misp-feed-manifest,
/// misp-feed-event.
///
/// Set up (load/generate) before install(); afterwards it is read-only and handlers may run on the
/// server's thread. Must outlive the router it is installed in.
class MispEmulator final
{
public:
    explicit MispEmulator(EmulatorOptions options = {});
    ~MispEmulator();
    MispEmulator(const MispEmulator &) = delete;
    MispEmulator &operator=(const MispEmulator &) = delete;

    /// Loads every *.json event file of a folder (not manifest.json, which is served as the feed
    /// manifest when present; otherwise a MISP-style manifest is built). Returns false with a reason.
    bool loadDirectory(const QString &folder, QString *error = nullptr);
    /// Serves a generated instance instead of files.
    void setGenerated(const GeneratedInstance &instance);

    void install(Router &router);

    int eventCount() const;
    const EmulatorOptions &options() const { return m_options; }
    quint64 restSearchRequests() const;
    /// The body of the last restSearch (tests check what the client sent). Thread-safe copy.
    QJsonObject lastRestSearchBody() const;
    QByteArray lastAuthorization() const;

    /// The generated event i as {"Event":…} JSON (also used by tests and benchmarks).
    static QByteArray generatedEventJson(const GeneratedInstance &instance, int index);
    /// The generated event i (the object under "Event").
    static QJsonObject generatedEvent(const GeneratedInstance &instance, int index);

private:
    struct Data;
    HttpResponse restSearch(const HttpRequest &request);
    HttpResponse feedManifest() const;
    HttpResponse feedEvent(const QString &file) const;
    std::optional<HttpResponse> checkKey(const HttpRequest &request) const;

    EmulatorOptions m_options;
    std::unique_ptr<Data> d;
};

/// The built-in warning list of the emulator (enforceWarninglist removes these values).
const QStringList &warninglistValues();

} // namespace msb::sandbox::misp
