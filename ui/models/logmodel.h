// SPDX-License-Identifier: BSD-2-Clause
#pragma once

#include <QAbstractTableModel>
#include <QDateTime>
#include <QList>
#include <QTimer>

#include <memory>

namespace spdlog::sinks {
class sink;
}

namespace msb::ui {

struct LogLine
{
    QDateTime time;
    int level = 2; ///< spdlog::level::level_enum (0 trace ... 5 critical)
    QString logger;
    QString message;
};

/// The last lines of the log (already redacted by the log stage), fed by an spdlog sink.
/// The sink only queues lines under a mutex (any thread); the model drains the queue on its own
/// thread every 100 ms, so a burst of logging costs one insert, not one queued call per line.
class LogModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LogModel)
public:
    enum Column { Time, Level, Logger, Message, ColumnCount };
    static constexpr int LevelRole = Qt::UserRole;

    explicit LogModel(int capacity = 20000, QObject *parent = nullptr);
    ~LogModel() override;

    /// Registers the sink with msb::log (removed again in the destructor).
    void attachToLog();
    /// The sink, for tests that want to feed a private logger.
    std::shared_ptr<spdlog::sinks::sink> sink() const;
    /// Moves queued lines into the model now (the timer does this every 100 ms).
    void drain();
    void appendLines(const QList<LogLine> &lines);
    void clear();

    static QString levelName(int level);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Queue;
    class Sink;
    int m_capacity;
    QList<LogLine> m_lines;
    std::shared_ptr<Queue> m_queue;
    std::shared_ptr<Sink> m_sink;
    bool m_attached = false;
    QTimer m_timer;
};

} // namespace msb::ui
