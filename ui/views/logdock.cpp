// SPDX-License-Identifier: BSD-2-Clause
#include "ui/views/logdock.h"

#include "ui/models/logfilterproxy.h"
#include "ui/models/logmodel.h"
#include "ui/views/tableviews.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLineEdit>
#include <QTableView>
#include <QVBoxLayout>

namespace msb::ui {

LogDock::LogDock(LogModel *model, QWidget *parent)
    : QDockWidget(parent)
    , m_model(model)
    , m_proxy(new LogFilterProxy(this))
    , m_level(new QComboBox)
    , m_search(new QLineEdit)
    , m_follow(new QCheckBox)
    , m_table(new QTableView)
{
    setObjectName(QStringLiteral("logDock"));
    m_proxy->setSourceModel(model);
    configureTable(m_table);
    m_table->setModel(m_proxy);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->horizontalHeader()->resizeSection(LogModel::Time, 100);
    m_table->horizontalHeader()->resizeSection(LogModel::Level, 75);
    m_table->horizontalHeader()->resizeSection(LogModel::Logger, 80);
    for (int level = 0; level <= 5; ++level)
        m_level->addItem(QString(), level);
    m_level->setCurrentIndex(2);
    m_proxy->setMinimumLevel(2);
    m_search->setClearButtonEnabled(true);
    m_follow->setChecked(true);

    auto *body = new QWidget(this);
    auto *layout = new QVBoxLayout(body);
    layout->setContentsMargins(6, 6, 6, 6);
    auto *bar = new QHBoxLayout;
    bar->addWidget(m_level);
    bar->addWidget(m_search, 1);
    bar->addWidget(m_follow);
    layout->addLayout(bar);
    layout->addWidget(m_table, 1);
    setWidget(body);

    connect(m_level, &QComboBox::currentIndexChanged, this, [this](int index) {
        m_proxy->setMinimumLevel(m_level->itemData(index).toInt());
    });
    connect(m_search, &QLineEdit::textChanged, m_proxy, &LogFilterProxy::setFilterFixedString);
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, [this] {
        if (m_follow->isChecked())
            m_table->scrollToBottom();
    });
    retranslate();
}

void LogDock::retranslate()
{
    setWindowTitle(tr("Log"));
    for (int i = 0; i < m_level->count(); ++i)
        m_level->setItemText(i, tr("%1 and above").arg(LogModel::levelName(m_level->itemData(i).toInt())));
    m_level->setAccessibleName(tr("Minimum log level"));
    m_search->setPlaceholderText(tr("Search the log"));
    m_search->setAccessibleName(tr("Log search"));
    m_follow->setText(tr("Follow"));
    m_follow->setToolTip(tr("Keep the newest line in view"));
    m_table->setAccessibleName(tr("Log lines"));
    Q_EMIT m_model->headerDataChanged(Qt::Horizontal, 0, m_model->columnCount() - 1);
}

} // namespace msb::ui
