// SPDX-License-Identifier: BSD-2-Clause
#include "core/log/logging.h"

#include "core/log/redact.h"

#include <QDir>
#include <QMutex>
#include <QMutexLocker>
#include <QtGlobal>

#include <spdlog/sinks/base_sink.h>
#include <spdlog/sinks/dist_sink.h>
#include <spdlog/sinks/rotating_file_sink.h>
#include <spdlog/sinks/stdout_color_sinks.h>

#include <mutex>

namespace msb::log {
namespace {

/// Scrubs every message before it reaches a real sink, so no secret can be written by mistake.
class RedactingSink final : public spdlog::sinks::base_sink<std::mutex>
{
public:
    explicit RedactingSink(std::shared_ptr<spdlog::sinks::dist_sink_mt> inner)
        : m_inner(std::move(inner))
    { }

protected:
    void sink_it_(const spdlog::details::log_msg &msg) override
    {
        const std::string clean = redactUtf8(std::string_view(msg.payload.data(), msg.payload.size()));
        spdlog::details::log_msg copy(msg);
        copy.payload = spdlog::string_view_t(clean.data(), clean.size());
        m_inner->log(copy);
    }
    void flush_() override { m_inner->flush(); }

private:
    std::shared_ptr<spdlog::sinks::dist_sink_mt> m_inner;
};

struct State
{
    QMutex mutex;
    std::shared_ptr<spdlog::sinks::dist_sink_mt> fanout = std::make_shared<spdlog::sinks::dist_sink_mt>();
    std::shared_ptr<RedactingSink> front = std::make_shared<RedactingSink>(fanout);
    std::shared_ptr<spdlog::sinks::sink> console;
    std::shared_ptr<spdlog::sinks::sink> file;
    QString filePath;
    spdlog::level::level_enum level = spdlog::level::info;
};

State &state()
{
    static State s;
    return s;
}

void qtMessageHandler(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    auto logger = get("qt");
    const char *category = context.category ? context.category : "default";
    switch (type) {
    case QtDebugMsg:
        logger->debug("[{}] {}", category, message);
        break;
    case QtInfoMsg:
        logger->info("[{}] {}", category, message);
        break;
    case QtWarningMsg:
        logger->warn("[{}] {}", category, message);
        break;
    case QtCriticalMsg:
        logger->error("[{}] {}", category, message);
        break;
    case QtFatalMsg:
        logger->critical("[{}] {}", category, message);
        logger->flush();
        std::abort();
    }
}

} // namespace

void init(const Options &options)
{
    State &s = state();
    QMutexLocker lock(&s.mutex);
    s.level = options.level;
    if (s.console) {
        s.fanout->remove_sink(s.console);
        s.console.reset();
    }
    if (s.file) {
        s.fanout->remove_sink(s.file);
        s.file.reset();
        s.filePath.clear();
    }
    if (options.console) {
        s.console = std::make_shared<spdlog::sinks::stderr_color_sink_mt>();
        s.fanout->add_sink(s.console);
    }
    if (!options.directory.isEmpty() && QDir().mkpath(options.directory)) {
        s.filePath = QDir(options.directory).filePath(QStringLiteral("misp-sentinel-bridge.log"));
        try {
            s.file
                = std::make_shared<spdlog::sinks::rotating_file_sink_mt>(s.filePath.toStdString(), 5 * 1024 * 1024, 3);
            s.fanout->add_sink(s.file);
        } catch (const spdlog::spdlog_ex &) {
            s.filePath.clear(); // unwritable log directory: keep going with the console only
        }
    }
    spdlog::apply_all([&](const std::shared_ptr<spdlog::logger> &l) { l->set_level(options.level); });
    qInstallMessageHandler(qtMessageHandler);
}

std::shared_ptr<spdlog::logger> get(std::string_view subsystem)
{
    const std::string name(subsystem);
    if (auto existing = spdlog::get(name))
        return existing;
    State &s = state();
    QMutexLocker lock(&s.mutex);
    if (auto existing = spdlog::get(name))
        return existing;
    auto logger = std::make_shared<spdlog::logger>(name, s.front);
    logger->set_level(s.level);
    logger->flush_on(spdlog::level::warn);
    spdlog::register_logger(logger);
    return logger;
}

void addSink(const std::shared_ptr<spdlog::sinks::sink> &sink)
{
    state().fanout->add_sink(sink);
}

void removeSink(const std::shared_ptr<spdlog::sinks::sink> &sink)
{
    state().fanout->remove_sink(sink);
}

QString logFilePath()
{
    QMutexLocker lock(&state().mutex);
    return state().filePath;
}

} // namespace msb::log
