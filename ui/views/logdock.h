// SPDX-License-Identifier: BSD-2-Clause
#pragma once

#include <QDockWidget>

class QCheckBox;
class QComboBox;
class QLineEdit;
class QTableView;

namespace msb::ui {

class LogFilterProxy;
class LogModel;

/// The log as a table (lines come from the redacting log stage), with a level filter and search.
class LogDock final : public QDockWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LogDock)
public:
    explicit LogDock(LogModel *model, QWidget *parent = nullptr);
    void retranslate();
    LogFilterProxy *proxy() const { return m_proxy; }
    QComboBox *levelBox() const { return m_level; }

private:
    LogModel *m_model;
    LogFilterProxy *m_proxy;
    QComboBox *m_level;
    QLineEdit *m_search;
    QCheckBox *m_follow;
    QTableView *m_table;
};

} // namespace msb::ui
