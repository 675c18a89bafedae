// SPDX-License-Identifier: BSD-2-Clause
#pragma once

#include <QString>

#include <spdlog/fwd.h>
#include <spdlog/spdlog.h>

#include <memory>
#include <string_view>

/// Lets spdlog/fmt print QString directly: log::get("sync")->info("target {}", name).
template <> struct fmt::formatter<QString> : fmt::formatter<std::string_view>
{
    template <typename FormatContext> auto format(const QString &s, FormatContext &ctx) const -> decltype(ctx.out())
    {
        const QByteArray utf8 = s.toUtf8();
        return fmt::formatter<std::string_view>::format(std::string_view(utf8.constData(), size_t(utf8.size())), ctx);
    }
};

namespace msb::log {

struct Options
{
    QString directory; ///< where the rotating file goes; empty: no file
    spdlog::level::level_enum level = spdlog::level::info;
    bool console = true; ///< coloured stderr sink
};

/// Sets up the shared sinks (every line passes through secret redaction first) and routes
/// Qt's own messages into the "qt" logger. Safe to call more than once; the last call wins.
void init(const Options &options);

/// The named logger of one subsystem ("misp", "convert", "sentinel", "sync", "store", "secrets",
/// "ui", "cli", "qt"...). Created on first use with the shared sinks. Thread-safe.
std::shared_ptr<spdlog::logger> get(std::string_view subsystem);

/// Adds a sink (for example the GUI log model) behind the redaction stage.
void addSink(const std::shared_ptr<spdlog::sinks::sink> &sink);
void removeSink(const std::shared_ptr<spdlog::sinks::sink> &sink);

/// Path of the current log file, empty if none.
QString logFilePath();

} // namespace msb::log
