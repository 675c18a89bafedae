// SPDX-License-Identifier: BSD-2-Clause
#include "ui/views/historyview.h"

#include "ui/models/historymodel.h"
#include "ui/views/tableviews.h"

#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSaveFile>
#include <QTableView>
#include <QVBoxLayout>

namespace msb::ui {

HistoryView::HistoryView(QWidget *parent)
    : QWidget(parent)
    , m_model(new HistoryModel(this))
    , m_title(new QLabel(this))
    , m_export(new QPushButton(this))
    , m_table(new QTableView(this))
{
    configureTable(m_table);
    m_table->setModel(m_model);
    m_table->horizontalHeader()->resizeSection(HistoryModel::Started, 150);
    m_table->horizontalHeader()->resizeSection(HistoryModel::Profile, 120);
    m_table->horizontalHeader()->resizeSection(HistoryModel::Targets, 420);
    m_table->horizontalHeader()->resizeSection(HistoryModel::Accepted, 85);
    m_table->horizontalHeader()->resizeSection(HistoryModel::Rejected, 85);
    m_table->horizontalHeader()->resizeSection(HistoryModel::Result, 100);
    m_export->setIcon(QIcon(QStringLiteral(":/icons/export.svg")));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    auto *bar = new QHBoxLayout;
    bar->addWidget(m_title, 1);
    bar->addWidget(m_export);
    layout->addLayout(bar);
    layout->addWidget(m_table, 1);
    connect(m_export, &QPushButton::clicked, this, &HistoryView::exportWithDialog);
    retranslate();
}

void HistoryView::retranslate()
{
    m_title->setText(tr("Past runs of this profile, newest first"));
    m_export->setText(tr("Export CSV…"));
    m_export->setAccessibleName(tr("Export the history as CSV"));
    m_table->setAccessibleName(tr("Run history"));
    Q_EMIT m_model->headerDataChanged(Qt::Horizontal, 0, m_model->columnCount() - 1);
}

QString HistoryView::exportCsv(const QString &path) const
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return tr("Cannot write %1: %2").arg(path, file.errorString());
    file.write(m_model->toCsv());
    if (!file.commit())
        return tr("Cannot write %1: %2").arg(path, file.errorString());
    return {};
}

void HistoryView::exportWithDialog()
{
    // open(), not exec(): no nested event loop while the dialog is up.
    auto *dialog
        = new QFileDialog(this, tr("Export history"), QStringLiteral("sync-history.csv"), tr("CSV files (*.csv)"));
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setDefaultSuffix(QStringLiteral("csv"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QFileDialog::fileSelected, this, [this](const QString &path) {
        const QString error = exportCsv(path);
        Q_EMIT message(error.isEmpty() ? tr("History exported to %1.").arg(path) : error);
    });
    dialog->open();
}

} // namespace msb::ui
