// SPDX-License-Identifier: BSD-2-Clause
#include "ui/models/logmodel.h"

#include "core/log/logging.h"

#include <QColor>
#include <QGuiApplication>
#include <QPalette>

#include <spdlog/sinks/base_sink.h>

#include <mutex>

namespace msb::ui {

struct LogModel::Queue
{
    std::mutex mutex;
    QList<LogLine> lines;
    int capacity = 20000;
};

class LogModel::Sink final : public spdlog::sinks::base_sink<std::mutex>
{
public:
    explicit Sink(std::shared_ptr<Queue> queue)
        : m_queue(std::move(queue))
    { }

protected:
    void sink_it_(const spdlog::details::log_msg &msg) override
    {
        LogLine line;
        line.time = QDateTime::fromMSecsSinceEpoch(
            std::chrono::duration_cast<std::chrono::milliseconds>(msg.time.time_since_epoch()).count());
        line.level = int(msg.level);
        line.logger = QString::fromUtf8(msg.logger_name.data(), qsizetype(msg.logger_name.size()));
        line.message = QString::fromUtf8(msg.payload.data(), qsizetype(msg.payload.size()));
        std::lock_guard lock(m_queue->mutex);
        // Bounded even if the UI thread is busy for a while: the oldest queued lines go first.
        if (m_queue->lines.size() >= m_queue->capacity)
            m_queue->lines.removeFirst();
        m_queue->lines.append(std::move(line));
    }
    void flush_() override { }

private:
    std::shared_ptr<Queue> m_queue;
};

LogModel::LogModel(int capacity, QObject *parent)
    : QAbstractTableModel(parent)
    , m_capacity(qMax(1, capacity))
    , m_queue(std::make_shared<Queue>())
{
    m_queue->capacity = m_capacity;
    m_sink = std::make_shared<Sink>(m_queue);
    m_sink->set_level(spdlog::level::trace);
    m_timer.setInterval(100);
    connect(&m_timer, &QTimer::timeout, this, &LogModel::drain);
    m_timer.start();
}

LogModel::~LogModel()
{
    if (m_attached)
        msb::log::removeSink(m_sink);
}

void LogModel::attachToLog()
{
    if (m_attached)
        return;
    msb::log::addSink(m_sink);
    m_attached = true;
}

std::shared_ptr<spdlog::sinks::sink> LogModel::sink() const
{
    return m_sink;
}

void LogModel::drain()
{
    QList<LogLine> lines;
    {
        std::lock_guard lock(m_queue->mutex);
        lines.swap(m_queue->lines);
    }
    appendLines(lines);
}

void LogModel::appendLines(const QList<LogLine> &lines)
{
    if (lines.isEmpty())
        return;
    const qsizetype incoming = qMin<qsizetype>(lines.size(), m_capacity);
    const qsizetype overflow = m_lines.size() + incoming - m_capacity;
    if (overflow > 0) {
        beginRemoveRows({}, 0, int(overflow) - 1);
        m_lines.remove(0, overflow);
        endRemoveRows();
    }
    const int first = int(m_lines.size());
    beginInsertRows({}, first, first + int(incoming) - 1);
    m_lines.append(lines.mid(lines.size() - incoming));
    endInsertRows();
}

void LogModel::clear()
{
    beginResetModel();
    m_lines.clear();
    endResetModel();
}

QString LogModel::levelName(int level)
{
    switch (level) {
    case 0:
        return tr("trace");
    case 1:
        return tr("debug");
    case 2:
        return tr("info");
    case 3:
        return tr("warning");
    case 4:
        return tr("error");
    case 5:
        return tr("critical");
    default:
        return {};
    }
}

int LogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_lines.size());
}

int LogModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant LogModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const LogLine &l = m_lines.at(index.row());
    if (role == LevelRole)
        return l.level;
    if (role == Qt::ForegroundRole) {
        if (l.level >= 4)
            return QColor(0xd9, 0x3f, 0x3f);
        if (l.level == 3)
            return QColor(0xc7, 0x84, 0x00);
        if (l.level <= 1)
            return QGuiApplication::palette().color(QPalette::PlaceholderText);
        return {};
    }
    if (role != Qt::DisplayRole && !(role == Qt::ToolTipRole && index.column() == Message))
        return {};
    switch (index.column()) {
    case Time:
        return l.time.toString(QStringLiteral("HH:mm:ss.zzz"));
    case Level:
        return levelName(l.level);
    case Logger:
        return l.logger;
    case Message:
        return l.message;
    default:
        return {};
    }
}

QVariant LogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Time:
        return tr("Time");
    case Level:
        return tr("Level");
    case Logger:
        return tr("Source");
    case Message:
        return tr("Message");
    default:
        return {};
    }
}

} // namespace msb::ui
