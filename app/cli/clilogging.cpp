// SPDX-License-Identifier: BSD-2-Clause
#include "app/cli/clilogging.h"

#include "core/log/logging.h"

#include <QStandardPaths>

#include <spdlog/sinks/stdout_color_sinks.h>

namespace msb::cli {

QString initCliLogging()
{
    log::Options options;
    options.directory
        = QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation) + QStringLiteral("/logs");
    options.level = spdlog::level::info;
    const QByteArray requested = qgetenv("MSB_LOG_LEVEL");
    if (!requested.isEmpty()) {
        const auto level = spdlog::level::from_str(requested.toStdString());
        // from_str answers "off" for unknown names: keep the default rather than silence the log.
        if (level != spdlog::level::off || requested == "off")
            options.level = level;
    }
    options.console = false; // replaced by the warn-level sink below
    log::init(options);
    static const auto console = [] {
        auto sink = std::make_shared<spdlog::sinks::stderr_color_sink_mt>();
        sink->set_level(spdlog::level::warn);
        return sink;
    }();
    log::removeSink(console);
    log::addSink(console);
    return log::logFilePath();
}

} // namespace msb::cli
