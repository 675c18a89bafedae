// SPDX-License-Identifier: BSD-2-Clause
#pragma once

#include <QSortFilterProxyModel>

namespace msb::ui {

/// Hides log lines below a minimum level (LogModel::LevelRole) and filters by text.
class LogFilterProxy final : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LogFilterProxy)
public:
    explicit LogFilterProxy(QObject *parent = nullptr);
    void setMinimumLevel(int level);
    int minimumLevel() const { return m_minimumLevel; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    int m_minimumLevel = 0;
};

} // namespace msb::ui
