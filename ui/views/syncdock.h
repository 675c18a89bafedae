// SPDX-License-Identifier: BSD-2-Clause
#pragma once

#include "ui/desktypes.h"

#include <QDockWidget>
#include <QHash>
#include <QTimer>

class QLabel;
class QProgressBar;
class QPushButton;
class QVBoxLayout;

namespace msb::ui {

/// One progress bar per target with accepted / rejected / retrying, objects/s, ETA and the first
/// error in plain words, plus Cancel. Progress updates are coalesced and painted at most every
/// 100 ms, so a flood of progress signals never stalls the event loop.
class SyncDock final : public QDockWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SyncDock)
public:
    explicit SyncDock(QWidget *parent = nullptr);

    void start(const QStringList &targets);
    void updateProgress(const TargetProgress &progress);
    void finish(const RunRecord &run);
    void retranslate();

    /// Percentage shown for a target (-1 if unknown), for tests.
    int percent(const QString &target) const;
    QString statsText(const QString &target) const;
    QString errorText(const QString &target) const;
    QPushButton *cancelButton() const { return m_cancel; }

Q_SIGNALS:
    void cancelRequested();

private:
    struct Row
    {
        QLabel *name = nullptr;
        QProgressBar *bar = nullptr;
        QLabel *stats = nullptr;
        QLabel *error = nullptr;
        TargetProgress latest;
        bool dirty = false;
    };
    void paintPending();
    void paintRow(Row &row);

    QWidget *m_rowsWidget;
    QVBoxLayout *m_rowsLayout;
    QLabel *m_status;
    QPushButton *m_cancel;
    QList<Row> m_rows;
    QHash<QString, int> m_index;
    QTimer m_paintTimer;
    bool m_running = false;
};

} // namespace msb::ui
