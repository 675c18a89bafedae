// SPDX-License-Identifier: BSD-2-Clause
#pragma once

#include "ui/wizard/wizardstate.h"

#include <QWizard>

namespace msb::config {
class ProfileStore;
}
namespace msb::secrets {
class SecretStore;
}

namespace msb::ui::wizard {

class WelcomePage;
class MispPage;
class TenantPage;
class WorkspacesPage;
class PolicyPage;
class SummaryPage;

/// The setup wizard: welcome (new profile or import from misp2sentinel) → MISP → tenant and app →
/// workspaces (several per tenant; more tenants) → filters and policy → summary → Finish, which
/// writes the secrets to the SecretStore and then the profile to the ProfileStore.
///
/// Connection tests run asynchronously (QNetworkAccessManager on this thread, no nested event
/// loop, cancellable). The stores must outlive the wizard. Secrets are never shown after entry,
/// never logged, never written to settings.
class SetupWizard final : public QWizard
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SetupWizard)

public:
    enum PageId { WelcomeId, MispId, TenantId, WorkspacesId, PolicyId, SummaryId };

    SetupWizard(config::ProfileStore &profiles, secrets::SecretStore &secrets, QWidget *parent = nullptr);
    ~SetupWizard() override;

    WizardState &state() { return m_state; }
    config::ProfileStore &profiles() { return m_profiles; }
    secrets::SecretStore &secretStore() { return m_secrets; }

    /// Called by the workspaces page: go back to the tenant page with empty fields.
    void addAnotherTenant();
    bool isSaving() const { return m_saving; }

    void accept() override;

Q_SIGNALS:
    /// Finish wrote everything; the wizard closes right after.
    void profileSaved(const QString &name);
    /// Finish failed (the wizard stays open and shows the reason on the summary page).
    void saveFailed(const QString &message);

private:
    void writeNextSecret(QList<config::PendingSecret> remaining);
    void finishSave();
    void failSave(const QString &message);

    config::ProfileStore &m_profiles;
    secrets::SecretStore &m_secrets;
    WizardState m_state;
    TenantPage *m_tenantPage = nullptr;
    SummaryPage *m_summaryPage = nullptr;
    bool m_saving = false;
};

} // namespace msb::ui::wizard
