// SPDX-License-Identifier: BSD-2-Clause
#pragma once

#include <QWidget>

class QLabel;
class QProgressBar;
class QPushButton;

namespace msb::ui::wizard {

/// "Test" button, "Cancel" button, busy indicator and a result label: the row every connection
/// test of the wizard uses. Purely visual; the page runs the test and calls the setters.
class BusyRow final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BusyRow)

public:
    explicit BusyRow(const QString &testText, const QString &accessibleContext, QWidget *parent = nullptr);

    void setBusy(bool busy);
    bool isBusy() const { return m_busy; }
    /// ok: a success (green tick), otherwise an error text.
    void showResult(bool ok, const QString &text);
    void clearResult();

    QPushButton *testButton() const { return m_test; }
    QPushButton *cancelButton() const { return m_cancel; }
    QLabel *resultLabel() const { return m_result; }

Q_SIGNALS:
    void testRequested();
    void cancelRequested();

private:
    QPushButton *m_test;
    QPushButton *m_cancel;
    QProgressBar *m_progress;
    QLabel *m_result;
    bool m_busy = false;
};

} // namespace msb::ui::wizard
