// SPDX-License-Identifier: BSD-2-Clause
#pragma once

#include "core/net/tlstrust.h"

#include <QPointer>
#include <QWizardPage>

class QGroupBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;

namespace msb::misp {
class MispClient;
struct ConnectionTestResult;
} // namespace msb::misp

namespace msb::ui::wizard {

class BusyRow;
class SetupWizard;

/// The MISP source: server URL + API key (or a feed directory/URL), CA file or certificate pin.
/// "Test" asks the server for its version and the key's user, organisation and role
/// (misp::MispClient::testConnection, asynchronous, cancellable). When TLS refuses the server
/// certificate its subject, issuer, validity and SHA-256 are shown and it can be pinned.
class MispPage final : public QWizardPage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MispPage)

public:
    explicit MispPage(SetupWizard *wizard);
    ~MispPage() override;

    void initializePage() override;
    bool isComplete() const override;
    bool validatePage() override;

    void startTest();
    void cancelTest();

private:
    void onTested(const misp::ConnectionTestResult &result);
    void storeInto() const;

    SetupWizard *m_wizard;
    QRadioButton *m_server;
    QRadioButton *m_feed;
    QLineEdit *m_url;
    QLineEdit *m_key;
    QLineEdit *m_feedPath;
    QLineEdit *m_caFile;
    QLineEdit *m_pin;
    BusyRow *m_test;
    QGroupBox *m_certBox;
    QLabel *m_certDetails;
    QPushButton *m_pinButton;
    QLabel *m_error;
    QPointer<misp::MispClient> m_client;
    net::CertificateDetails m_lastCertificate;
};

} // namespace msb::ui::wizard
