// SPDX-License-Identifier: BSD-2-Clause
#include "ui/wizard/mispage.h"

#include "core/config/profile.h"
#include "core/misp/mispclient.h"
#include "core/misp/mispconnection.h"
#include "ui/wizard/busyrow.h"
#include "ui/wizard/setupwizard.h"

#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

#include <chrono>

namespace msb::ui::wizard {

MispPage::MispPage(SetupWizard *wizard)
    : QWizardPage(wizard)
    , m_wizard(wizard)
    , m_server(new QRadioButton(tr("MISP server"), this))
    , m_feed(new QRadioButton(tr("MISP feed (directory or URL, no key)"), this))
    , m_url(new QLineEdit(this))
    , m_key(new QLineEdit(this))
    , m_feedPath(new QLineEdit(this))
    , m_caFile(new QLineEdit(this))
    , m_pin(new QLineEdit(this))
    , m_test(new BusyRow(tr("&Test connection"), tr("MISP connection"), this))
    , m_certBox(new QGroupBox(tr("The server's certificate is not trusted"), this))
    , m_certDetails(new QLabel(m_certBox))
    , m_pinButton(new QPushButton(tr("&Pin this certificate"), m_certBox))
    , m_error(new QLabel(this))
{
    setTitle(tr("MISP"));
    setSubTitle(tr("Where the threat intelligence comes from. A read-only API key is enough."));
    m_server->setChecked(true);
    m_server->setAccessibleName(tr("Source is a MISP server"));
    m_feed->setAccessibleName(tr("Source is a MISP feed"));
    m_url->setPlaceholderText(QStringLiteral("https://misp.example.org"));
    m_url->setAccessibleName(tr("MISP URL"));
    m_key->setEchoMode(QLineEdit::Password);
    m_key->setAccessibleName(tr("MISP API key"));
    m_key->setPlaceholderText(tr("stored in the system keychain"));
    m_feedPath->setAccessibleName(tr("Feed directory"));
    m_feedPath->setPlaceholderText(tr("local feed directory (or leave empty and give a feed URL above)"));
    m_caFile->setAccessibleName(tr("CA certificate file"));
    m_caFile->setPlaceholderText(tr("optional PEM file of a private CA"));
    m_pin->setAccessibleName(tr("Pinned certificate SHA-256"));
    m_pin->setPlaceholderText(tr("optional: SHA-256 of the server certificate"));
    m_certDetails->setWordWrap(true);
    m_certDetails->setTextFormat(Qt::PlainText);
    m_certDetails->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_certDetails->setAccessibleName(tr("Certificate details"));
    m_pinButton->setAccessibleName(tr("Pin this certificate"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #b3261e;"));
    m_error->setAccessibleName(tr("Problem on this page"));

    auto *certLayout = new QVBoxLayout(m_certBox);
    certLayout->addWidget(m_certDetails);
    certLayout->addWidget(m_pinButton, 0, Qt::AlignLeft);
    m_certBox->setVisible(false);

    auto *form = new QFormLayout;
    form->addRow(tr("&URL:"), m_url);
    form->addRow(tr("API &key:"), m_key);
    form->addRow(tr("Feed &directory:"), m_feedPath);
    form->addRow(tr("&CA file:"), m_caFile);
    form->addRow(tr("Certificate p&in:"), m_pin);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_server);
    layout->addWidget(m_feed);
    layout->addLayout(form);
    layout->addWidget(m_test);
    layout->addWidget(m_certBox);
    layout->addStretch();
    layout->addWidget(m_error);

    auto kindChanged = [this] {
        const bool server = m_server->isChecked();
        m_key->setEnabled(server);
        m_feedPath->setEnabled(!server);
        m_test->testButton()->setEnabled(server && !m_test->isBusy());
        Q_EMIT completeChanged();
    };
    connect(m_server, &QRadioButton::toggled, this, kindChanged);
    connect(m_url, &QLineEdit::textChanged, this, &MispPage::completeChanged);
    connect(m_feedPath, &QLineEdit::textChanged, this, &MispPage::completeChanged);
    connect(m_test, &BusyRow::testRequested, this, &MispPage::startTest);
    connect(m_test, &BusyRow::cancelRequested, this, &MispPage::cancelTest);
    connect(m_pinButton, &QPushButton::clicked, this, [this] {
        m_pin->setText(m_lastCertificate.sha256Hex);
        m_certBox->setVisible(false);
        m_test->showResult(true, tr("Certificate pinned. Test again to confirm the connection."));
    });
    kindChanged();
}

MispPage::~MispPage() = default;

void MispPage::initializePage()
{
    const WizardState &state = m_wizard->state();
    const config::MispSettings &m = state.profile.misp;
    (m.kind == config::MispSettings::Kind::Feed ? m_feed : m_server)->setChecked(true);
    m_url->setText(m.url.toString(QUrl::RemoveUserInfo));
    m_key->setText(state.mispKey);
    m_feedPath->setText(m.feedPath);
    m_caFile->setText(m.caFile);
    m_pin->setText(QString::fromLatin1(m.pinnedSha256Hex));
}

bool MispPage::isComplete() const
{
    if (m_server->isChecked())
        return !m_url->text().trimmed().isEmpty();
    return !m_url->text().trimmed().isEmpty() || !m_feedPath->text().trimmed().isEmpty();
}

void MispPage::storeInto() const
{
    WizardState &state = m_wizard->state();
    config::MispSettings &m = state.profile.misp;
    m.kind = m_server->isChecked() ? config::MispSettings::Kind::Server : config::MispSettings::Kind::Feed;
    m.url = QUrl(m_url->text().trimmed());
    m.feedPath = m_feedPath->text().trimmed();
    m.caFile = m_caFile->text().trimmed();
    m.pinnedSha256Hex = m_pin->text().trimmed().toLower().toLatin1();
    state.mispKey = m_server->isChecked() ? m_key->text() : QString();
    state.profile.policy.mispBaseUrl = m_server->isChecked() ? m.url.toString(QUrl::RemoveUserInfo) : QString();
}

bool MispPage::validatePage()
{
    cancelTest();
    storeInto();
    QStringList problems;
    for (const config::ValidationIssue &issue : config::validateProfile(m_wizard->state().profile)) {
        if (issue.field.startsWith(QStringLiteral("MISP"))) // every language keeps the product name first
            problems.append(issue.message);
    }
    if (m_server->isChecked() && m_key->text().isEmpty())
        problems.append(tr("MISP API key is empty."));
    m_error->setText(problems.join(QLatin1Char('\n')));
    return problems.isEmpty();
}

void MispPage::startTest()
{
    if (m_test->isBusy())
        return;
    storeInto();
    m_certBox->setVisible(false);
    const WizardState &state = m_wizard->state();
    misp::MispConnection connection;
    connection.baseUrl = state.profile.misp.url;
    connection.apiKey = state.mispKey;
    connection.trust.caFile = state.profile.misp.caFile;
    connection.trust.pinnedSha256Hex = state.profile.misp.pinnedSha256Hex;
    connection.timeout = std::chrono::seconds(20);
    connection.retry.maxAttempts = 1; // a person is waiting: report the first failure
    if (const Status valid = connection.validate(); !valid.ok()) {
        m_test->showResult(false, valid.error().message);
        return;
    }
    m_client = new misp::MispClient(connection, this);
    connect(m_client, &misp::MispClient::connectionTested, this, &MispPage::onTested);
    m_test->setBusy(true);
    m_client->testConnection();
}

void MispPage::cancelTest()
{
    if (!m_client)
        return;
    m_client->cancel();
    m_client->deleteLater();
    m_client = nullptr;
    if (m_test->isBusy()) {
        m_test->setBusy(false);
        m_test->showResult(false, tr("Test cancelled."));
    }
}

void MispPage::onTested(const misp::ConnectionTestResult &result)
{
    m_test->setBusy(false);
    if (m_client) {
        m_client->deleteLater();
        m_client = nullptr;
    }
    if (result.ok) {
        const misp::ConnectionInfo &i = result.info;
        QString text = tr("Connected to MISP %1 as %2, organisation %3, role %4.")
                           .arg(i.mispVersion, i.email, i.organisation, i.role);
        for (const QString &w : i.warnings)
            text += QLatin1Char('\n') + w;
        m_test->showResult(true, text);
        return;
    }
    m_test->showResult(false, result.failure.error.message);
    if (result.failure.certificate && !result.failure.certificate->sha256Hex.isEmpty()) {
        m_lastCertificate = *result.failure.certificate;
        const net::CertificateDetails &c = m_lastCertificate;
        m_certDetails->setText(
            tr("Subject: %1\nIssuer: %2\nValid from %3 to %4\nSHA-256: %5\nRefused because: %6\n\n"
               "Pin it only if you have checked the SHA-256 with the MISP administrator.")
                .arg(c.subject, c.issuer, c.notBefore, c.notAfter, c.sha256Hex, c.errors.join(QStringLiteral("; "))));
        m_certBox->setVisible(true);
    }
}

} // namespace msb::ui::wizard
