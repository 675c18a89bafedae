// SPDX-License-Identifier: BSD-2-Clause
#pragma once

#include "core/config/import/importresult.h"

#include <QFutureWatcher>
#include <QWizardPage>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QRadioButton;

namespace msb::ui::wizard {

class SetupWizard;

/// First page: the profile name, and either a new set-up or an import of a misp2sentinel
/// `tenants` JSON, Azure Function app settings export, or `config.py` (parsed off the UI thread).
class WelcomePage final : public QWizardPage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WelcomePage)

public:
    enum ImportKind { TenantsJson, AppSettings, ConfigPy };

    explicit WelcomePage(SetupWizard *wizard);

    bool isComplete() const override;
    bool validatePage() override;

    /// Starts the import of `path` (what the Import button does).
    void startImport();

private:
    void applyImport(const config::ImportResult &result);

    SetupWizard *m_wizard;
    QLineEdit *m_name;
    QRadioButton *m_new;
    QRadioButton *m_import;
    QComboBox *m_kind;
    QLineEdit *m_file;
    QPushButton *m_browse;
    QPushButton *m_importButton;
    QPlainTextEdit *m_notes;
    QLabel *m_error;
    QFutureWatcher<config::ImportResult> m_watcher;
    bool m_imported = false;
    QString m_overwriteConfirmed; ///< the existing profile name the user agreed to replace
};

} // namespace msb::ui::wizard
