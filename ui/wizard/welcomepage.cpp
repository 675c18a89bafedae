// SPDX-License-Identifier: BSD-2-Clause
#include "ui/wizard/welcomepage.h"

#include "core/config/import/appsettingsimport.h"
#include "core/config/import/configpyimport.h"
#include "core/config/import/tenantsimport.h"
#include "core/config/profilestore.h"
#include "core/secrets/secretkeys.h"
#include "ui/wizard/setupwizard.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QFile>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace msb::ui::wizard {

namespace {

config::ImportResult runImport(int kind, const QString &path, const QString &profileName)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        config::ImportResult failed;
        failed.profile.name = profileName;
        failed.notes.append(QCoreApplication::translate("msb::ui::wizard::WelcomePage", "%1 could not be read: %2")
                                .arg(path, file.errorString()));
        return failed;
    }
    // Bounded: a configuration file is small; anything bigger is not one.
    const QByteArray data = file.read(4 * 1024 * 1024);
    switch (kind) {
    case WelcomePage::AppSettings:
        return config::importAppSettings(data, profileName);
    case WelcomePage::ConfigPy:
        return config::importConfigPy(QString::fromUtf8(data), profileName);
    default:
        return config::importTenants(data, profileName);
    }
}

} // namespace

WelcomePage::WelcomePage(SetupWizard *wizard)
    : QWizardPage(wizard)
    , m_wizard(wizard)
    , m_name(new QLineEdit(this))
    , m_new(new QRadioButton(tr("Set up a new profile"), this))
    , m_import(new QRadioButton(tr("Import an existing misp2sentinel set-up"), this))
    , m_kind(new QComboBox(this))
    , m_file(new QLineEdit(this))
    , m_browse(new QPushButton(tr("Browse…"), this))
    , m_importButton(new QPushButton(tr("Import"), this))
    , m_notes(new QPlainTextEdit(this))
    , m_error(new QLabel(this))
{
    setTitle(tr("Welcome"));
    setSubTitle(tr("This wizard connects a MISP instance to one or more Microsoft Sentinel workspaces. "
                   "Secrets go to the system keychain, never to a file or a log."));

    m_name->setText(QStringLiteral("default"));
    m_name->setAccessibleName(tr("Profile name"));
    m_name->setObjectName(QStringLiteral("profileName"));
    m_new->setChecked(true);
    m_new->setAccessibleName(tr("Set up a new profile"));
    m_import->setAccessibleName(tr("Import a misp2sentinel set-up"));
    m_kind->addItem(tr("tenants secret (JSON)"), TenantsJson);
    m_kind->addItem(tr("Azure Function app settings (az functionapp config appsettings list)"), AppSettings);
    m_kind->addItem(tr("config.py (values are read, never executed)"), ConfigPy);
    m_kind->setAccessibleName(tr("What to import"));
    m_file->setPlaceholderText(tr("File to import"));
    m_file->setAccessibleName(tr("File to import"));
    m_browse->setAccessibleName(tr("Choose the file to import"));
    m_importButton->setAccessibleName(tr("Import the file"));
    m_notes->setReadOnly(true);
    m_notes->setAccessibleName(tr("Import notes"));
    m_notes->setPlaceholderText(tr("What was imported and what was left out will be listed here."));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #b3261e;"));
    m_error->setAccessibleName(tr("Problem on this page"));

    auto *form = new QFormLayout;
    form->addRow(tr("Profile &name:"), m_name);
    auto *fileRow = new QHBoxLayout;
    fileRow->addWidget(m_file, 1);
    fileRow->addWidget(m_browse);
    fileRow->addWidget(m_importButton);
    auto *importBox = new QVBoxLayout;
    importBox->setContentsMargins(24, 0, 0, 0);
    importBox->addWidget(m_kind);
    importBox->addLayout(fileRow);
    importBox->addWidget(m_notes, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_new);
    layout->addWidget(m_import);
    layout->addLayout(importBox, 1);
    layout->addWidget(m_error);

    auto updateEnabled = [this] {
        const bool importing = m_import->isChecked();
        m_kind->setEnabled(importing);
        m_file->setEnabled(importing);
        m_browse->setEnabled(importing);
        m_importButton->setEnabled(importing && !m_file->text().isEmpty() && !m_watcher.isRunning());
        m_notes->setEnabled(importing);
        Q_EMIT completeChanged();
    };
    updateEnabled();
    connect(m_import, &QRadioButton::toggled, this, updateEnabled);
    connect(m_file, &QLineEdit::textChanged, this, [this, updateEnabled] {
        m_imported = false;
        updateEnabled();
    });
    connect(m_name, &QLineEdit::textChanged, this, &WelcomePage::completeChanged);
    connect(m_browse, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Choose the file to import"));
        if (!path.isEmpty())
            m_file->setText(path);
    });
    connect(m_importButton, &QPushButton::clicked, this, &WelcomePage::startImport);
    connect(&m_watcher, &QFutureWatcher<config::ImportResult>::finished, this, [this, updateEnabled] {
        applyImport(m_watcher.result());
        updateEnabled();
    });
}

void WelcomePage::startImport()
{
    if (m_watcher.isRunning() || m_file->text().isEmpty())
        return;
    m_error->clear();
    m_notes->setPlainText(tr("Reading %1…").arg(m_file->text()));
    m_importButton->setEnabled(false);
    m_watcher.setFuture(
        QtConcurrent::run(runImport, m_kind->currentData().toInt(), m_file->text(), m_name->text().trimmed()));
}

void WelcomePage::applyImport(const config::ImportResult &result)
{
    WizardState &state = m_wizard->state();
    state.profile = result.profile;
    state.importedSecrets = result.secrets;
    state.importNotes = result.notes;
    state.tenants.clear();
    state.mispKey.clear();
    for (const config::PendingSecret &s : result.secrets) {
        if (s.key == secrets::mispKeyName(result.profile.name))
            state.mispKey = s.value;
    }
    for (const config::TargetSettings &t : std::as_const(state.profile.targets)) {
        bool known = false;
        for (const TenantApp &app : std::as_const(state.tenants))
            known |= app.tenantId == t.tenantId && app.clientId == t.clientId;
        if (!known)
            state.tenants.append({ t.cloud,
                t.tenantId,
                t.clientId,
                state.secretFor(t.tenantId, t.clientId),
                t.authorityHostOverride,
                t.uploadHostOverride });
    }
    state.currentTenant = state.tenants.isEmpty() ? -1 : 0;
    QStringList lines;
    lines.append(tr("Imported %n target(s) and %1 secret(s).", nullptr, int(result.profile.targets.size()))
                     .arg(result.secrets.size()));
    for (const QString &note : result.notes)
        lines.append(QStringLiteral("• ") + note);
    m_notes->setPlainText(lines.join(QLatin1Char('\n')));
    m_imported = true;
    Q_EMIT completeChanged();
}

bool WelcomePage::isComplete() const
{
    if (m_name->text().trimmed().isEmpty())
        return false;
    return !m_import->isChecked() || m_imported;
}

bool WelcomePage::validatePage()
{
    const QString name = m_name->text().trimmed();
    if (!config::isValidProfileName(name)) {
        m_error->setText(
            tr("Profile name \"%1\" is not allowed: use 1-64 letters, digits, spaces, '.', '_' or '-'.").arg(name));
        return false;
    }
    // Replacing a profile needs a second Next for that very name (a confirmation of another name
    // does not count).
    if (m_wizard->profiles().contains(name) && m_overwriteConfirmed != name) {
        m_error->setText(tr("A profile named \"%1\" exists already; Finish will replace it. Press Next again to "
                            "continue.")
                             .arg(name));
        m_overwriteConfirmed = name;
        return false;
    }
    m_error->clear();
    WizardState &state = m_wizard->state();
    if (state.profile.name != name) {
        // Imported secrets were keyed with the old name: re-key them.
        const QString old = state.profile.name;
        for (config::PendingSecret &s : state.importedSecrets) {
            if (s.key.startsWith(QStringLiteral("profile/") + old + QLatin1Char('/')))
                s.key = QStringLiteral("profile/") + name + s.key.mid(8 + old.size());
        }
        state.profile.name = name;
    }
    return true;
}

} // namespace msb::ui::wizard
