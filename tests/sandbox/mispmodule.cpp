// SPDX-License-Identifier: BSD-2-Clause
// Mounts the MISP emulator (tests/sandbox/misp, owned by the MISP-source side) in msb-sandbox.
// Built only when the msb_sandbox_misp target exists.
#include "tests/sandbox/misp/mispemulator.h"
#include "tests/sandbox/sandbox.h"
#include "tests/sandbox/sandboxmodule.h"

using namespace Qt::Literals::StringLiterals;

namespace msb::sandbox {

namespace {

/// Config section "modules": {"misp": {"directory": "<events folder>" | "generated": {"events": N,
/// "attributesPerEvent": M}, "apiKey": "...", "version": "2.4.190", "writableKey": false}}.
/// The API key is a secret and therefore only read from the config file.
class MispModule final : public SandboxModule
{
public:
    QString name() const override { return u"misp"_s; }

    bool configure(const QJsonObject &section, QString *error) override
    {
        misp::EmulatorOptions options;
        if (section.contains(u"apiKey"_s))
            options.apiKey = section.value(u"apiKey"_s).toString().toUtf8();
        options.version = section.value(u"version"_s).toString(options.version);
        options.email = section.value(u"email"_s).toString(options.email);
        options.organisation = section.value(u"organisation"_s).toString(options.organisation);
        options.writableKey = section.value(u"writableKey"_s).toBool(options.writableKey);
        m_emulator = std::make_unique<misp::MispEmulator>(options);
        if (section.contains(u"directory"_s))
            return m_emulator->loadDirectory(section.value(u"directory"_s).toString(), error);
        if (section.contains(u"generated"_s)) {
            const QJsonObject generated = section.value(u"generated"_s).toObject();
            misp::GeneratedInstance instance;
            instance.events = generated.value(u"events"_s).toInt(instance.events);
            instance.attributesPerEvent = generated.value(u"attributesPerEvent"_s).toInt(instance.attributesPerEvent);
            m_emulator->setGenerated(instance);
        }
        return true;
    }

    void registerRoutes(Router &router, Sandbox &) override
    {
        if (!m_emulator)
            m_emulator = std::make_unique<misp::MispEmulator>();
        m_emulator->install(router);
    }

    QJsonObject describe() const override
    {
        return QJsonObject { { u"events"_s, m_emulator ? m_emulator->eventCount() : 0 } };
    }

private:
    std::unique_ptr<misp::MispEmulator> m_emulator;
};

} // namespace

std::unique_ptr<SandboxModule> createMispModule()
{
    return std::make_unique<MispModule>();
}

} // namespace msb::sandbox
