// SPDX-License-Identifier: BSD-2-Clause
#pragma once

#include <QWizardPage>

class QLabel;
class QPlainTextEdit;

namespace msb::ui::wizard {

class SetupWizard;

/// What Finish will save. Secrets are never shown: only where they will be stored.
class SummaryPage final : public QWizardPage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SummaryPage)

public:
    explicit SummaryPage(SetupWizard *wizard);

    void initializePage() override;
    /// A line under the summary: progress of Finish, or why it failed (isError).
    void showStatus(bool isError, const QString &text);
    QString summaryText() const;

private:
    SetupWizard *m_wizard;
    QPlainTextEdit *m_summary;
    QLabel *m_status;
};

} // namespace msb::ui::wizard
