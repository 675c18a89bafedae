// SPDX-License-Identifier: BSD-2-Clause
#include "ui/wizard/setupwizard.h"

#include "core/config/profilestore.h"
#include "core/log/logging.h"
#include "core/secrets/secretkeys.h"
#include "core/secrets/secretstore.h"
#include "ui/wizard/mispage.h"
#include "ui/wizard/policypage.h"
#include "ui/wizard/summarypage.h"
#include "ui/wizard/tenantpage.h"
#include "ui/wizard/welcomepage.h"
#include "ui/wizard/workspacespage.h"

#include <QAbstractButton>
#include <QCoreApplication>

namespace msb::ui::wizard {

QString WizardState::secretFor(const QString &tenantId, const QString &clientId) const
{
    for (const TenantApp &app : tenants) {
        if (app.tenantId.compare(tenantId, Qt::CaseInsensitive) == 0
            && app.clientId.compare(clientId, Qt::CaseInsensitive) == 0 && !app.secret.isEmpty())
            return app.secret;
    }
    const QString key = secrets::clientSecretKeyName(profile.name, tenantId, clientId);
    for (const config::PendingSecret &s : importedSecrets) {
        if (s.key == key)
            return s.value;
    }
    return {};
}

// WizardState is no QObject: its words use the wizard's translation context (a literal, for lupdate).
QList<config::PendingSecret> WizardState::secretsToWrite() const
{
    QList<config::PendingSecret> out;
    auto add = [&](const config::PendingSecret &s) {
        for (const config::PendingSecret &existing : std::as_const(out)) {
            if (existing.key == s.key)
                return;
        }
        out.append(s);
    };
    if (profile.misp.kind == config::MispSettings::Kind::Server && !mispKey.isEmpty())
        add({ secrets::mispKeyName(profile.name),
            mispKey,
            QCoreApplication::translate("msb::ui::wizard::SetupWizard", "MISP API key") });
    for (const config::TargetSettings &t : profile.targets) {
        const QString secret = secretFor(t.tenantId, t.clientId);
        if (!secret.isEmpty())
            add({ secrets::clientSecretKeyName(profile.name, t.tenantId, t.clientId),
                secret,
                QCoreApplication::translate("msb::ui::wizard::SetupWizard", "client secret of app %1")
                    .arg(t.clientId) });
    }
    return out;
}

SetupWizard::SetupWizard(config::ProfileStore &profiles, secrets::SecretStore &secrets, QWidget *parent)
    : QWizard(parent)
    , m_profiles(profiles)
    , m_secrets(secrets)
{
    setWindowTitle(tr("Set up MISP Sentinel Bridge"));
    setAccessibleName(tr("Setup wizard"));
    setWizardStyle(QWizard::ClassicStyle);
    setOption(QWizard::NoBackButtonOnStartPage);
    setOption(QWizard::HaveHelpButton, false);
    m_state.profile.name = QStringLiteral("default");

    m_tenantPage = new TenantPage(this);
    m_summaryPage = new SummaryPage(this);
    setPage(WelcomeId, new WelcomePage(this));
    setPage(MispId, new MispPage(this));
    setPage(TenantId, m_tenantPage);
    setPage(WorkspacesId, new WorkspacesPage(this));
    setPage(PolicyId, new PolicyPage(this));
    setPage(SummaryId, m_summaryPage);
    setStartId(WelcomeId);
    resize(760, 600);
}

SetupWizard::~SetupWizard() = default;

void SetupWizard::addAnotherTenant()
{
    m_state.addingTenant = true;
    m_tenantPage->startNewTenant();
    back();
}

void SetupWizard::accept()
{
    if (m_saving)
        return;
    const QList<config::ValidationIssue> issues = config::validateProfile(m_state.profile);
    if (!issues.isEmpty()) {
        QStringList lines;
        for (const config::ValidationIssue &issue : issues)
            lines.append(issue.message);
        failSave(lines.join(QLatin1Char('\n')));
        return;
    }
    m_saving = true;
    button(QWizard::FinishButton)->setEnabled(false);
    button(QWizard::BackButton)->setEnabled(false);
    m_summaryPage->showStatus(false, tr("Saving: writing secrets to the %1…").arg(m_secrets.displayName()));
    writeNextSecret(m_state.secretsToWrite());
}

void SetupWizard::writeNextSecret(QList<config::PendingSecret> remaining)
{
    if (remaining.isEmpty()) {
        finishSave();
        return;
    }
    const config::PendingSecret next = remaining.takeFirst();
    m_secrets.write(next.key, next.value, this, [this, next, remaining](Status status) {
        if (!status.ok()) {
            failSave(tr("The %1 could not be stored, so nothing was saved: %2").arg(next.what, status.error().message));
            return;
        }
        writeNextSecret(remaining);
    });
}

void SetupWizard::finishSave()
{
    const Status saved = m_profiles.save(m_state.profile);
    if (!saved.ok()) {
        failSave(saved.error().message);
        return;
    }
    if (m_profiles.defaultProfile().isEmpty())
        m_profiles.setDefaultProfile(m_state.profile.name);
    msb::log::get("ui")->info(
        "profile {} saved with {} target(s)", m_state.profile.name, m_state.profile.targets.size());
    m_saving = false;
    // The typed secrets are in the store now; drop the copies.
    m_state.mispKey.clear();
    for (TenantApp &app : m_state.tenants)
        app.secret.clear();
    m_state.importedSecrets.clear();
    Q_EMIT profileSaved(m_state.profile.name);
    QWizard::accept();
}

void SetupWizard::failSave(const QString &message)
{
    m_saving = false;
    if (QAbstractButton *finish = button(QWizard::FinishButton))
        finish->setEnabled(true);
    if (QAbstractButton *backButton = button(QWizard::BackButton))
        backButton->setEnabled(true);
    m_summaryPage->showStatus(true, message);
    Q_EMIT saveFailed(message);
}

} // namespace msb::ui::wizard
