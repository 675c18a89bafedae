// SPDX-License-Identifier: BSD-2-Clause
#pragma once

#include <QWidget>

class QLabel;
class QPushButton;
class QTableView;

namespace msb::ui {

class HistoryModel;

/// Past runs of the current profile, exportable to CSV.
class HistoryView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HistoryView)
public:
    explicit HistoryView(QWidget *parent = nullptr);
    HistoryModel *model() const { return m_model; }
    void retranslate();
    /// Writes the CSV; returns an error text, empty on success.
    QString exportCsv(const QString &path) const;

public Q_SLOTS:
    void exportWithDialog();

Q_SIGNALS:
    void message(const QString &text);

private:
    HistoryModel *m_model;
    QLabel *m_title;
    QPushButton *m_export;
    QTableView *m_table;
};

} // namespace msb::ui
