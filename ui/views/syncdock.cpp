// SPDX-License-Identifier: BSD-2-Clause
#include "ui/views/syncdock.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

#include <algorithm>

namespace msb::ui {

namespace {

QString etaText(qint64 seconds)
{
    if (seconds < 0)
        return QStringLiteral("–");
    if (seconds < 60)
        return SyncDock::tr("%1 s").arg(seconds);
    if (seconds < 3600)
        return SyncDock::tr("%1 min %2 s").arg(seconds / 60).arg(seconds % 60);
    return SyncDock::tr("%1 h %2 min").arg(seconds / 3600).arg((seconds % 3600) / 60);
}

} // namespace

SyncDock::SyncDock(QWidget *parent)
    : QDockWidget(parent)
    , m_rowsWidget(new QWidget)
    , m_rowsLayout(new QVBoxLayout(m_rowsWidget))
    , m_status(new QLabel)
    , m_cancel(new QPushButton)
{
    setObjectName(QStringLiteral("syncDock"));
    auto *body = new QWidget(this);
    auto *layout = new QVBoxLayout(body);
    layout->setContentsMargins(6, 6, 6, 6);
    auto *head = new QHBoxLayout;
    m_status->setWordWrap(true);
    head->addWidget(m_status, 1);
    head->addWidget(m_cancel);
    layout->addLayout(head);
    auto *scroll = new QScrollArea(body);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    m_rowsLayout->setContentsMargins(0, 0, 0, 0);
    m_rowsLayout->addStretch(1);
    scroll->setWidget(m_rowsWidget);
    layout->addWidget(scroll, 1);
    setWidget(body);
    m_cancel->setEnabled(false);
    m_cancel->setIcon(QIcon(QStringLiteral(":/icons/cancel.svg")));
    connect(m_cancel, &QPushButton::clicked, this, &SyncDock::cancelRequested);
    m_paintTimer.setInterval(100);
    connect(&m_paintTimer, &QTimer::timeout, this, &SyncDock::paintPending);
    retranslate();
}

void SyncDock::retranslate()
{
    setWindowTitle(tr("Sync"));
    m_cancel->setText(tr("Cancel"));
    m_cancel->setAccessibleName(tr("Cancel the sync"));
    if (m_rows.isEmpty())
        m_status->setText(tr("No sync running. Press Sync after a dry run."));
    for (Row &row : m_rows) {
        row.bar->setAccessibleName(tr("Progress of %1").arg(row.name->text()));
        paintRow(row);
    }
}

void SyncDock::start(const QStringList &targets)
{
    for (Row &row : m_rows) {
        delete row.name->parentWidget();
    }
    m_rows.clear();
    m_index.clear();
    for (const QString &target : targets) {
        auto *box = new QWidget(m_rowsWidget);
        auto *grid = new QVBoxLayout(box);
        grid->setContentsMargins(0, 2, 0, 6);
        grid->setSpacing(2);
        Row row;
        row.name = new QLabel(target, box);
        QFont bold = row.name->font();
        bold.setBold(true);
        row.name->setFont(bold);
        row.bar = new QProgressBar(box);
        row.bar->setRange(0, 100);
        row.bar->setValue(0);
        row.bar->setAccessibleName(tr("Progress of %1").arg(target));
        row.stats = new QLabel(box);
        row.stats->setWordWrap(true); // the dock may be narrow; never clip the counts
        row.error = new QLabel(box);
        row.error->setWordWrap(true);
        row.error->setStyleSheet(QStringLiteral("color: #d93f3f;"));
        row.error->setVisible(false);
        row.latest.target = target;
        grid->addWidget(row.name);
        grid->addWidget(row.bar);
        grid->addWidget(row.stats);
        grid->addWidget(row.error);
        m_rowsLayout->insertWidget(m_rowsLayout->count() - 1, box);
        m_index.insert(target, int(m_rows.size()));
        m_rows.append(row);
        paintRow(m_rows.last());
    }
    m_running = true;
    m_cancel->setEnabled(true);
    m_status->setText(tr("Syncing to %n target(s)…", nullptr, int(targets.size())));
    m_paintTimer.start();
}

void SyncDock::updateProgress(const TargetProgress &progress)
{
    const auto it = m_index.constFind(progress.target);
    if (it == m_index.cend())
        return;
    Row &row = m_rows[*it];
    row.latest = progress;
    row.dirty = true;
}

void SyncDock::paintPending()
{
    for (Row &row : m_rows)
        if (row.dirty)
            paintRow(row);
}

void SyncDock::paintRow(Row &row)
{
    row.dirty = false;
    const TargetProgress &p = row.latest;
    const qint64 done = p.accepted + p.rejected + p.failed;
    const int pct = p.total > 0 ? int(std::clamp<qint64>(done * 100 / p.total, 0, 100)) : (p.finished ? 100 : 0);
    row.bar->setValue(pct);
    QString stats = tr("%1 of %2 · accepted %3 · rejected %4 · retrying %5")
                        .arg(done)
                        .arg(p.total)
                        .arg(p.accepted)
                        .arg(p.rejected)
                        .arg(p.retrying);
    if (p.finished)
        stats += QStringLiteral(" · ") + tr("done");
    else
        stats += QStringLiteral(" · ")
            + tr("%1 objects/s · ETA %2").arg(p.objectsPerSecond, 0, 'f', 0).arg(etaText(p.etaSeconds));
    row.stats->setText(stats);
    row.error->setVisible(!p.firstError.isEmpty());
    row.error->setText(p.firstError);
}

void SyncDock::finish(const RunRecord &run)
{
    for (const TargetCounts &t : run.targets) {
        const auto it = m_index.constFind(t.target);
        if (it == m_index.cend())
            continue;
        Row &row = m_rows[*it];
        row.latest.accepted = t.accepted;
        row.latest.rejected = t.rejected;
        row.latest.finished = true;
        if (row.latest.firstError.isEmpty())
            row.latest.firstError = t.error;
        row.dirty = true;
    }
    paintPending();
    m_paintTimer.stop();
    m_running = false;
    m_cancel->setEnabled(false);
    m_status->setText(run.cancelled
            ? tr("Sync cancelled: %1 accepted, %2 rejected.").arg(run.accepted()).arg(run.rejected())
            : tr("Sync finished: %1 accepted, %2 rejected.").arg(run.accepted()).arg(run.rejected()));
}

int SyncDock::percent(const QString &target) const
{
    const auto it = m_index.constFind(target);
    return it == m_index.cend() ? -1 : m_rows.at(*it).bar->value();
}

QString SyncDock::statsText(const QString &target) const
{
    const auto it = m_index.constFind(target);
    return it == m_index.cend() ? QString() : m_rows.at(*it).stats->text();
}

QString SyncDock::errorText(const QString &target) const
{
    const auto it = m_index.constFind(target);
    return it == m_index.cend() ? QString() : m_rows.at(*it).error->text();
}

} // namespace msb::ui
