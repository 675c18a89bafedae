// SPDX-License-Identifier: BSD-2-Clause
#include "ui/wizard/summarypage.h"

#include "core/secrets/secretstore.h"
#include "ui/wizard/setupwizard.h"

#include <QJsonDocument>
#include <QLabel>
#include <QPlainTextEdit>
#include <QVBoxLayout>

namespace msb::ui::wizard {

SummaryPage::SummaryPage(SetupWizard *wizard)
    : QWizardPage(wizard)
    , m_wizard(wizard)
    , m_summary(new QPlainTextEdit(this))
    , m_status(new QLabel(this))
{
    setTitle(tr("Summary"));
    setSubTitle(
        tr("Finish saves the profile and stores the secrets in the %1.").arg(wizard->secretStore().displayName()));
    m_summary->setReadOnly(true);
    m_summary->setAccessibleName(tr("Summary of the profile"));
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText);
    m_status->setAccessibleName(tr("Save status"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary, 1);
    layout->addWidget(m_status);
    setFinalPage(true);
}

void SummaryPage::initializePage()
{
    m_summary->setPlainText(summaryText());
    m_status->clear();
}

QString SummaryPage::summaryText() const
{
    const WizardState &state = m_wizard->state();
    const config::Profile &p = state.profile;
    const QString store = m_wizard->secretStore().displayName();
    QStringList lines;
    lines << tr("Profile: %1").arg(p.name) << QString();
    if (p.misp.kind == config::MispSettings::Kind::Server) {
        lines << tr("MISP server: %1").arg(p.misp.url.toString(QUrl::RemoveUserInfo));
        lines << (state.mispKey.isEmpty() ? tr("  API key: none entered")
                                          : tr("  API key: entered (will be stored in the %1)").arg(store));
    } else {
        lines << tr("MISP feed: %1").arg(p.misp.url.isEmpty() ? p.misp.feedPath : p.misp.url.toString());
    }
    if (!p.misp.caFile.isEmpty())
        lines << tr("  CA file: %1").arg(p.misp.caFile);
    if (!p.misp.pinnedSha256Hex.isEmpty())
        lines << tr("  Pinned certificate SHA-256: %1").arg(QString::fromLatin1(p.misp.pinnedSha256Hex));
    lines << tr("  Filters: %1")
                 .arg(QString::fromUtf8(QJsonDocument(p.misp.eventFilters).toJson(QJsonDocument::Compact)));
    lines << tr("  Events per page: %1").arg(p.misp.pageSize) << QString();
    lines << tr("Sentinel workspaces (%1):").arg(p.targets.size());
    for (const config::TargetSettings &t : p.targets) {
        lines << tr("  %1: workspace %2, tenant %3, app %4, %5, source system %6")
                     .arg(t.displayName,
                         t.workspaceId,
                         t.tenantId,
                         t.clientId,
                         t.apiKind == config::ApiKind::StixObjects ? tr("STIX objects API") : tr("legacy API"),
                         t.sourceSystem);
        lines << (state.secretFor(t.tenantId, t.clientId).isEmpty()
                ? tr("    client secret: MISSING")
                : tr("    client secret: entered (will be stored in the %1)").arg(store));
        if (!t.authorityHostOverride.isEmpty())
            lines << tr("    token endpoint host: %1").arg(t.authorityHostOverride);
        if (!t.uploadHostOverride.isEmpty())
            lines << tr("    upload endpoint host: %1").arg(t.uploadHostOverride);
    }
    lines << QString() << tr("Policy:");
    lines << tr("  only to_ids attributes: %1").arg(p.policy.requireToIds ? tr("yes") : tr("no"));
    lines << tr("  drop private addresses: %1").arg(p.policy.dropPrivateAddresses ? tr("yes") : tr("no"));
    lines << tr("  default expiry: %1")
                 .arg(p.policy.defaultExpiryDays == 0 ? tr("none") : tr("%1 days").arg(p.policy.defaultExpiryDays));
    lines << tr("  default confidence: %1")
                 .arg(p.policy.defaultConfidence < 0 ? tr("not set") : QString::number(p.policy.defaultConfidence));
    lines << tr("  default TLP: %1").arg(p.policy.defaultTlp.isEmpty() ? tr("none") : p.policy.defaultTlp);
    if (!state.importNotes.isEmpty()) {
        lines << QString() << tr("Import notes:");
        for (const QString &note : state.importNotes)
            lines << QStringLiteral("  • ") + note;
    }
    return lines.join(QLatin1Char('\n'));
}

void SummaryPage::showStatus(bool isError, const QString &text)
{
    m_status->setStyleSheet(isError ? QStringLiteral("color: #b3261e;") : QString());
    m_status->setText(text);
}

} // namespace msb::ui::wizard
