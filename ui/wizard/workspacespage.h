// SPDX-License-Identifier: BSD-2-Clause
#pragma once

#include <QWizardPage>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;

namespace msb::ui::wizard {

class SetupWizard;

/// The Sentinel workspaces to send to: one or more per tenant app, more tenants through
/// "Add another tenant". Names, workspace ids and source systems can be edited in the table.
class WorkspacesPage final : public QWizardPage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WorkspacesPage)

public:
    explicit WorkspacesPage(SetupWizard *wizard);

    void initializePage() override;
    void cleanupPage() override;
    bool isComplete() const override;
    bool validatePage() override;

    /// Adds the workspace typed in the fields for the current tenant app; false (with the reason
    /// shown) if the workspace ID is not a GUID or already listed.
    bool addWorkspace();

private:
    void refreshTable();
    void readTable();

    SetupWizard *m_wizard;
    QLabel *m_tenantLabel;
    QLineEdit *m_name;
    QLineEdit *m_workspace;
    QComboBox *m_apiKind;
    QLineEdit *m_sourceSystem;
    QPushButton *m_add;
    QPushButton *m_remove;
    QPushButton *m_addTenant;
    QTableWidget *m_table;
    QLabel *m_error;
};

} // namespace msb::ui::wizard
