// SPDX-License-Identifier: BSD-2-Clause
#pragma once

#include <QPointer>
#include <QWizardPage>

class QComboBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QNetworkAccessManager;

namespace msb::sentinel {
class TokenProvider;
}

namespace msb::ui::wizard {

class BusyRow;
class SetupWizard;

/// The Entra ID app registration of one tenant: cloud, tenant id, client id, client secret.
/// "Test" acquires a client-credentials token (sentinel::TokenProvider, asynchronous, cancellable)
/// or explains the AADSTS error in plain words. Advanced fields override the token and upload endpoint
/// hosts (a proxy, or the local sandbox).
class TenantPage final : public QWizardPage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TenantPage)

public:
    explicit TenantPage(SetupWizard *wizard);
    ~TenantPage() override;

    void initializePage() override;
    bool isComplete() const override;
    bool validatePage() override;

    /// Empties the fields for one more tenant (the workspaces page's "Add another tenant").
    void startNewTenant();
    void startTest();
    void cancelTest();

private:
    QStringList problems() const;

    SetupWizard *m_wizard;
    QComboBox *m_cloud;
    QLineEdit *m_tenant;
    QLineEdit *m_client;
    QLineEdit *m_secret;
    QGroupBox *m_advanced;
    QLineEdit *m_authority;
    QLineEdit *m_upload;
    BusyRow *m_test;
    QLabel *m_error;
    QNetworkAccessManager *m_network;
    QPointer<sentinel::TokenProvider> m_provider;
};

} // namespace msb::ui::wizard
