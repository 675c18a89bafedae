// SPDX-License-Identifier: BSD-2-Clause
#include "ui/dialogs/settingsdialog.h"

#include "ui/languages.h"
#include "ui/models/logmodel.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QVBoxLayout>

namespace msb::ui {

SettingsDialog::SettingsDialog(QWidget *parent)
    : QDialog(parent)
    , m_languageLabel(new QLabel(this))
    , m_logLevelLabel(new QLabel(this))
    , m_note(new QLabel(this))
    , m_language(new QComboBox(this))
    , m_logLevel(new QComboBox(this))
{
    setObjectName(QStringLiteral("settingsDialog"));
    for (const QString &code : availableLanguages())
        m_language->addItem(QString(), code);
    m_language->setCurrentIndex(qMax(0, m_language->findData(storedLanguage())));
    for (int level = 0; level <= 5; ++level)
        m_logLevel->addItem(QString(), level);
    m_logLevel->setCurrentIndex(qMax(0, m_logLevel->findData(storedLogLevel())));
    m_languageLabel->setBuddy(m_language);
    m_logLevelLabel->setBuddy(m_logLevel);
    m_note->setWordWrap(true);

    auto *form = new QFormLayout;
    form->addRow(m_languageLabel, m_language);
    form->addRow(m_logLevelLabel, m_logLevel);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_note);
    layout->addStretch(1);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        apply();
        accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    retranslate();
}

int SettingsDialog::storedLogLevel()
{
    return qBound(0, QSettings().value(QStringLiteral("ui/logLevel"), 2).toInt(), 5);
}

void SettingsDialog::apply()
{
    const QString code = m_language->currentData().toString();
    if (code != storedLanguage()) {
        storeLanguage(code);
        applyLanguage(code);
    }
    const int level = m_logLevel->currentData().toInt();
    if (level != storedLogLevel()) {
        QSettings().setValue(QStringLiteral("ui/logLevel"), level);
        Q_EMIT logLevelChanged(level);
    }
}

void SettingsDialog::retranslate()
{
    setWindowTitle(tr("Settings"));
    m_languageLabel->setText(tr("&Language:"));
    m_logLevelLabel->setText(tr("Log &level:"));
    m_language->setItemText(0, tr("System default"));
    m_language->setItemText(1, QStringLiteral("English"));
    m_language->setItemText(2, QStringLiteral("Deutsch"));
    m_language->setAccessibleName(tr("Language"));
    for (int i = 0; i < m_logLevel->count(); ++i)
        m_logLevel->setItemText(i, LogModel::levelName(m_logLevel->itemData(i).toInt()));
    m_logLevel->setAccessibleName(tr("Log level"));
    m_note->setText(tr("Profiles, MISP sources and Sentinel workspaces are set up with the setup wizard "
                       "(Settings > Setup wizard). Secrets are kept in the system keychain only."));
}

void SettingsDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDialog::changeEvent(event);
}

} // namespace msb::ui
