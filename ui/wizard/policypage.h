// SPDX-License-Identifier: BSD-2-Clause
#pragma once

#include <QWizardPage>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QSpinBox;

namespace msb::ui::wizard {

class SetupWizard;

/// MISP event filters (misp2sentinel's misp_event_filters JSON) and the conversion policy:
/// default expiry, default confidence, default TLP, to_ids gate, private-address filter, labels.
class PolicyPage final : public QWizardPage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PolicyPage)

public:
    explicit PolicyPage(SetupWizard *wizard);

    void initializePage() override;
    bool validatePage() override;

private:
    SetupWizard *m_wizard;
    QPlainTextEdit *m_filters;
    QSpinBox *m_pageSize;
    QSpinBox *m_expiry;
    QSpinBox *m_confidence;
    QComboBox *m_tlp;
    QCheckBox *m_toIds;
    QCheckBox *m_private;
    QLineEdit *m_labelPrefixes;
    QLabel *m_error;
};

} // namespace msb::ui::wizard
