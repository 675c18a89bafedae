// SPDX-License-Identifier: BSD-2-Clause
#pragma once

#include <QJsonObject>
#include <QString>

#include <memory>

namespace msb::sandbox {

class Router;
class Sandbox;

/// A part of the sandbox that lives in tests/sandbox/<name>/ (e.g. the MISP emulator) and is mounted on the
/// same HTTP(S) servers. Register it with Sandbox::addModule() before Sandbox::start().
class SandboxModule
{
public:
    virtual ~SandboxModule() = default;

    /// Short name; also the key of the module's section in the msb-sandbox config file ("modules": {"misp": {...}}).
    virtual QString name() const = 0;
    /// Applies the module's config section (msb-sandbox only). Return false with a reason for bad config.
    virtual bool configure(const QJsonObject &section, QString *error)
    {
        Q_UNUSED(section);
        Q_UNUSED(error);
        return true;
    }
    /// Adds the module's routes (called once, before the servers start). Use route names of your own
    /// ("misp-restsearch", ...) so tests can aim faults at them; the sandbox's FaultPlan applies to them too.
    virtual void registerRoutes(Router &router, Sandbox &sandbox) = 0;
    /// Extra facts for the ready file, e.g. {"apiKey": "..."} is NOT allowed: never put secrets here.
    virtual QJsonObject describe() const { return {}; }
};

/// Implemented by tests/sandbox/misp (library target msb_sandbox_misp) when it exists; msb-sandbox mounts it.
std::unique_ptr<SandboxModule> createMispModule();

} // namespace msb::sandbox
