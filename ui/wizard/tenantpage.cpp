// SPDX-License-Identifier: BSD-2-Clause
#include "ui/wizard/tenantpage.h"

#include "core/config/profile.h"
#include "core/config/profileconversion.h"
#include "core/sentinel/clientsecretprovider.h"
#include "core/sentinel/tokenprovider.h"
#include "ui/wizard/busyrow.h"
#include "ui/wizard/setupwizard.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QDateTime>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QVBoxLayout>

namespace msb::ui::wizard {

TenantPage::TenantPage(SetupWizard *wizard)
    : QWizardPage(wizard)
    , m_wizard(wizard)
    , m_cloud(new QComboBox(this))
    , m_tenant(new QLineEdit(this))
    , m_client(new QLineEdit(this))
    , m_secret(new QLineEdit(this))
    , m_advanced(new QGroupBox(tr("Advanced: token and upload endpoints (proxy or local sandbox)"), this))
    , m_authority(new QLineEdit(m_advanced))
    , m_upload(new QLineEdit(m_advanced))
    , m_test(new BusyRow(tr("&Test sign-in"), tr("tenant sign-in"), this))
    , m_error(new QLabel(this))
    , m_network(new QNetworkAccessManager(this))
{
    setTitle(tr("Tenant and app registration"));
    setSubTitle(tr("The Entra ID app that may write threat intelligence to Sentinel (role Microsoft Sentinel "
                   "Contributor on the workspace)."));
    m_cloud->addItem(tr("Azure (public)"), int(config::Cloud::AzurePublic));
    m_cloud->addItem(tr("Azure US Government"), int(config::Cloud::AzureUsGovernment));
    m_cloud->setAccessibleName(tr("Azure cloud"));
    m_tenant->setAccessibleName(tr("Tenant ID"));
    m_tenant->setPlaceholderText(tr("Directory (tenant) ID, a GUID"));
    m_client->setAccessibleName(tr("Client ID"));
    m_client->setPlaceholderText(tr("Application (client) ID, a GUID"));
    m_secret->setAccessibleName(tr("Client secret"));
    m_secret->setEchoMode(QLineEdit::Password);
    m_secret->setPlaceholderText(tr("the secret's value (not its ID); stored in the system keychain"));
    m_authority->setAccessibleName(tr("Token endpoint host"));
    m_authority->setPlaceholderText(tr("empty: the cloud's own sign-in host"));
    m_upload->setAccessibleName(tr("Upload endpoint host"));
    m_upload->setPlaceholderText(tr("empty: the cloud's own Sentinel API host"));
    m_advanced->setCheckable(true);
    m_advanced->setChecked(false);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #b3261e;"));
    m_error->setAccessibleName(tr("Problem on this page"));

    auto *advancedLayout = new QFormLayout(m_advanced);
    advancedLayout->addRow(tr("Token &host:"), m_authority);
    advancedLayout->addRow(tr("U&pload host:"), m_upload);
    auto *form = new QFormLayout;
    form->addRow(tr("C&loud:"), m_cloud);
    form->addRow(tr("T&enant ID:"), m_tenant);
    form->addRow(tr("C&lient ID:"), m_client);
    form->addRow(tr("Client &secret:"), m_secret);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_advanced);
    layout->addWidget(m_test);
    layout->addStretch();
    layout->addWidget(m_error);

    connect(m_tenant, &QLineEdit::textChanged, this, &TenantPage::completeChanged);
    connect(m_client, &QLineEdit::textChanged, this, &TenantPage::completeChanged);
    connect(m_secret, &QLineEdit::textChanged, this, &TenantPage::completeChanged);
    connect(m_test, &BusyRow::testRequested, this, &TenantPage::startTest);
    connect(m_test, &BusyRow::cancelRequested, this, &TenantPage::cancelTest);
}

TenantPage::~TenantPage()
{
    cancelTest();
}

void TenantPage::initializePage()
{
    const WizardState &state = m_wizard->state();
    m_test->clearResult();
    m_error->clear();
    if (state.addingTenant || state.currentTenant < 0 || state.currentTenant >= state.tenants.size()) {
        m_tenant->clear();
        m_client->clear();
        m_secret->clear();
        return;
    }
    const TenantApp &app = state.tenants[state.currentTenant];
    m_cloud->setCurrentIndex(m_cloud->findData(int(app.cloud)));
    m_tenant->setText(app.tenantId);
    m_client->setText(app.clientId);
    m_secret->setText(app.secret);
    m_authority->setText(app.authorityHostOverride);
    m_upload->setText(app.uploadHostOverride);
    m_advanced->setChecked(!app.authorityHostOverride.isEmpty() || !app.uploadHostOverride.isEmpty());
}

void TenantPage::startNewTenant()
{
    cancelTest();
    m_tenant->clear();
    m_secret->clear();
    m_test->clearResult();
    m_error->clear();
}

bool TenantPage::isComplete() const
{
    return !m_tenant->text().trimmed().isEmpty() && !m_client->text().trimmed().isEmpty()
        && !m_secret->text().isEmpty();
}

QStringList TenantPage::problems() const
{
    QStringList out;
    if (!config::isGuid(m_tenant->text().trimmed()))
        out.append(tr("Tenant ID \"%1\" is not a GUID (Directory (tenant) ID in the app's overview).")
                       .arg(m_tenant->text().trimmed()));
    if (!config::isGuid(m_client->text().trimmed()))
        out.append(tr("Client ID \"%1\" is not a GUID (Application (client) ID in the app's overview).")
                       .arg(m_client->text().trimmed()));
    if (m_secret->text().isEmpty())
        out.append(tr("Client secret is empty."));
    if (m_advanced->isChecked()) {
        config::TargetSettings probe;
        probe.tenantId = m_tenant->text().trimmed();
        probe.clientId = m_client->text().trimmed();
        probe.workspaceId = probe.tenantId;
        probe.authorityHostOverride = m_authority->text().trimmed();
        probe.uploadHostOverride = m_upload->text().trimmed();
        // The field names are translated: compare with the same translation, not an English word.
        const QStringList overrideFields { QCoreApplication::translate("msb::config", "token endpoint override"),
            QCoreApplication::translate("msb::config", "upload endpoint override") };
        for (const config::ValidationIssue &issue : config::validateTarget(probe, 0)) {
            for (const QString &field : overrideFields) {
                if (issue.field.endsWith(field))
                    out.append(issue.message);
            }
        }
    }
    return out;
}

bool TenantPage::validatePage()
{
    cancelTest();
    const QStringList found = problems();
    m_error->setText(found.join(QLatin1Char('\n')));
    if (!found.isEmpty())
        return false;
    WizardState &state = m_wizard->state();
    TenantApp app;
    app.cloud = config::Cloud(m_cloud->currentData().toInt());
    app.tenantId = m_tenant->text().trimmed().toLower();
    app.clientId = m_client->text().trimmed().toLower();
    app.secret = m_secret->text();
    app.authorityHostOverride = m_advanced->isChecked() ? m_authority->text().trimmed() : QString();
    app.uploadHostOverride = m_advanced->isChecked() ? m_upload->text().trimmed() : QString();
    int index = -1;
    for (int i = 0; i < state.tenants.size(); ++i) {
        if (state.tenants[i].tenantId == app.tenantId && state.tenants[i].clientId == app.clientId)
            index = i;
    }
    if (index < 0 && !state.addingTenant && state.currentTenant >= 0 && state.currentTenant < state.tenants.size())
        index = state.currentTenant; // the user corrected the ids of the current app
    if (index < 0) {
        state.tenants.append(app);
        index = int(state.tenants.size()) - 1;
    } else {
        const TenantApp old = state.tenants[index];
        state.tenants[index] = app;
        // Workspaces already added for this app follow the corrected ids.
        for (config::TargetSettings &t : state.profile.targets) {
            if (t.tenantId == old.tenantId && t.clientId == old.clientId) {
                t.tenantId = app.tenantId;
                t.clientId = app.clientId;
                t.cloud = app.cloud;
                t.authorityHostOverride = app.authorityHostOverride;
                t.uploadHostOverride = app.uploadHostOverride;
            }
        }
    }
    state.currentTenant = index;
    state.addingTenant = false;
    return true;
}

void TenantPage::startTest()
{
    if (m_test->isBusy())
        return;
    const QStringList found = problems();
    if (!found.isEmpty()) {
        m_test->showResult(false, found.join(QLatin1Char('\n')));
        return;
    }
    config::TargetSettings settings;
    settings.cloud = config::Cloud(m_cloud->currentData().toInt());
    settings.tenantId = m_tenant->text().trimmed();
    settings.clientId = m_client->text().trimmed();
    settings.authorityHostOverride = m_advanced->isChecked() ? m_authority->text().trimmed() : QString();
    const sentinel::Target target = config::toSentinelTarget(settings);

    auto secrets = std::make_shared<sentinel::StaticSecretProvider>();
    secrets->setSecret(target.tenantId, target.clientId, m_secret->text());
    // A fresh provider per test: no cached token may hide a wrong secret.
    m_provider = new sentinel::TokenProvider(m_network, secrets, this);
    m_provider->setRequestTimeoutMs(20000);
    m_test->setBusy(true);
    QPointer<sentinel::TokenProvider> provider = m_provider;
    m_provider->token(target, [this, provider](Result<sentinel::AccessToken> result) {
        if (provider != m_provider)
            return; // a cancelled test answering late
        m_test->setBusy(false);
        m_provider->deleteLater();
        m_provider = nullptr;
        if (result.ok()) {
            const qint64 minutes = (result.value().expiresAtMs - QDateTime::currentMSecsSinceEpoch()) / 60000;
            m_test->showResult(true,
                tr("Signed in: the app received a token (valid for %n more minute(s)).",
                    nullptr,
                    int(std::max<qint64>(0, minutes))));
        } else if (result.error().code == Error::Code::Cancelled) {
            m_test->showResult(false, tr("Test cancelled."));
        } else {
            m_test->showResult(false, result.error().message);
        }
    });
}

void TenantPage::cancelTest()
{
    if (!m_provider)
        return;
    sentinel::TokenProvider *provider = m_provider;
    m_provider = nullptr;
    provider->cancelAll();
    provider->deleteLater();
    if (m_test->isBusy()) {
        m_test->setBusy(false);
        m_test->showResult(false, tr("Test cancelled."));
    }
}

} // namespace msb::ui::wizard
