// SPDX-License-Identifier: BSD-2-Clause
#include "app/cli/clilogging.h"

#include "core/log/logging.h"

#include <QStandardPaths>

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
    // No console sink: each command prints its own problems once on stderr (clirun.h
    // printProblems); the library's log lines, retries and input warnings go to the file only.
    options.console = false;
    log::init(options);
    return log::logFilePath();
}

} // namespace msb::cli
