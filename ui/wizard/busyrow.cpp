// SPDX-License-Identifier: BSD-2-Clause
#include "ui/wizard/busyrow.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

namespace msb::ui::wizard {

BusyRow::BusyRow(const QString &testText, const QString &accessibleContext, QWidget *parent)
    : QWidget(parent)
    , m_test(new QPushButton(testText, this))
    , m_cancel(new QPushButton(tr("Cancel test"), this))
    , m_progress(new QProgressBar(this))
    , m_result(new QLabel(this))
{
    m_test->setAccessibleName(tr("Test %1").arg(accessibleContext));
    m_cancel->setAccessibleName(tr("Cancel the %1 test").arg(accessibleContext));
    m_progress->setAccessibleName(tr("%1 test in progress").arg(accessibleContext));
    m_result->setAccessibleName(tr("%1 test result").arg(accessibleContext));
    m_progress->setRange(0, 0); // indeterminate: a test has no measurable progress
    m_progress->setTextVisible(false);
    m_progress->setMaximumHeight(12);
    m_progress->setVisible(false);
    m_cancel->setVisible(false);
    m_result->setWordWrap(true);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_result->setTextFormat(Qt::PlainText);

    auto *row = new QHBoxLayout;
    row->addWidget(m_test);
    row->addWidget(m_cancel);
    row->addWidget(m_progress, 1);
    row->addStretch();
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(row);
    layout->addWidget(m_result);

    connect(m_test, &QPushButton::clicked, this, &BusyRow::testRequested);
    connect(m_cancel, &QPushButton::clicked, this, &BusyRow::cancelRequested);
}

void BusyRow::setBusy(bool busy)
{
    m_busy = busy;
    m_test->setEnabled(!busy);
    m_cancel->setVisible(busy);
    m_progress->setVisible(busy);
    if (busy) {
        m_result->setStyleSheet({});
        m_result->setText(tr("Testing…"));
    }
}

void BusyRow::showResult(bool ok, const QString &text)
{
    m_result->setStyleSheet(ok ? QStringLiteral("color: #1b7f3b;") : QStringLiteral("color: #b3261e;"));
    m_result->setText((ok ? QStringLiteral("✔ ") : QStringLiteral("✘ ")) + text);
}

void BusyRow::clearResult()
{
    m_result->clear();
}

} // namespace msb::ui::wizard
