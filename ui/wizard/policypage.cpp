// SPDX-License-Identifier: BSD-2-Clause
#include "ui/wizard/policypage.h"

#include "ui/wizard/setupwizard.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSpinBox>
#include <QVBoxLayout>

namespace msb::ui::wizard {

PolicyPage::PolicyPage(SetupWizard *wizard)
    : QWizardPage(wizard)
    , m_wizard(wizard)
    , m_filters(new QPlainTextEdit(this))
    , m_pageSize(new QSpinBox(this))
    , m_expiry(new QSpinBox(this))
    , m_confidence(new QSpinBox(this))
    , m_tlp(new QComboBox(this))
    , m_toIds(new QCheckBox(tr("Only attributes marked for detection (to_ids)"), this))
    , m_private(new QCheckBox(tr("Drop private, loopback and reserved IP addresses"), this))
    , m_labelPrefixes(new QLineEdit(this))
    , m_error(new QLabel(this))
{
    setTitle(tr("Filters and policy"));
    setSubTitle(tr("Which MISP events are fetched and how indicators are built."));
    m_filters->setAccessibleName(tr("MISP event filters (JSON)"));
    m_filters->setPlaceholderText(QStringLiteral("{\"published\": 1, \"publish_timestamp\": \"14d\"}"));
    m_filters->setTabChangesFocus(true);
    m_pageSize->setRange(1, 10000);
    m_pageSize->setAccessibleName(tr("Events per page"));
    m_expiry->setRange(0, 3650);
    m_expiry->setSpecialValueText(tr("never (unless MISP says so)"));
    m_expiry->setSuffix(tr(" days"));
    m_expiry->setAccessibleName(tr("Default expiry in days"));
    m_confidence->setRange(-1, 100);
    m_confidence->setSpecialValueText(tr("not set"));
    m_confidence->setAccessibleName(tr("Default confidence"));
    m_tlp->addItem(tr("none"), QString());
    for (const char *tlp : { "tlp:clear", "tlp:green", "tlp:amber", "tlp:amber+strict", "tlp:red" })
        m_tlp->addItem(QString::fromLatin1(tlp), QString::fromLatin1(tlp));
    m_tlp->setAccessibleName(tr("Default TLP"));
    m_toIds->setAccessibleName(tr("Only to_ids attributes"));
    m_private->setAccessibleName(tr("Drop private addresses"));
    m_labelPrefixes->setAccessibleName(tr("Tag prefixes not copied to labels"));
    m_labelPrefixes->setPlaceholderText(tr("comma separated, e.g. misp-galaxy:, workflow:"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #b3261e;"));
    m_error->setAccessibleName(tr("Problem on this page"));

    auto *form = new QFormLayout;
    form->addRow(tr("MISP event &filters (JSON):"), m_filters);
    form->addRow(tr("Events per &page:"), m_pageSize);
    form->addRow(tr("Default e&xpiry:"), m_expiry);
    form->addRow(tr("Default &confidence:"), m_confidence);
    form->addRow(tr("Default &TLP:"), m_tlp);
    form->addRow(tr("&Labels: skip tags starting with:"), m_labelPrefixes);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_toIds);
    layout->addWidget(m_private);
    layout->addWidget(m_error);
}

void PolicyPage::initializePage()
{
    const config::Profile &p = m_wizard->state().profile;
    QJsonObject filters = p.misp.eventFilters;
    if (filters.isEmpty()) // misp2sentinel's Azure Function defaults
        filters = { { QStringLiteral("published"), 1 },
            { QStringLiteral("publish_timestamp"), QStringLiteral("14d") },
            { QStringLiteral("enforceWarninglist"), true },
            { QStringLiteral("includeEventTags"), true } };
    m_filters->setPlainText(QString::fromUtf8(QJsonDocument(filters).toJson(QJsonDocument::Indented)));
    m_pageSize->setValue(p.misp.pageSize);
    m_expiry->setValue(p.policy.defaultExpiryDays);
    m_confidence->setValue(p.policy.defaultConfidence);
    const int tlp = m_tlp->findData(p.policy.defaultTlp.toLower());
    m_tlp->setCurrentIndex(tlp < 0 ? 0 : tlp);
    m_toIds->setChecked(p.policy.requireToIds);
    m_private->setChecked(p.policy.dropPrivateAddresses);
    m_labelPrefixes->setText(p.policy.labelExcludePrefixes.join(QStringLiteral(", ")));
}

bool PolicyPage::validatePage()
{
    QJsonParseError e {};
    const QString text = m_filters->toPlainText().trimmed();
    const QJsonDocument doc = QJsonDocument::fromJson(text.isEmpty() ? QByteArrayLiteral("{}") : text.toUtf8(), &e);
    if (e.error != QJsonParseError::NoError || !doc.isObject()) {
        m_error->setText(tr("MISP event filters: not a JSON object (%1 at character %2).")
                             .arg(e.error != QJsonParseError::NoError ? e.errorString() : tr("wrong type"))
                             .arg(e.offset));
        return false;
    }
    m_error->clear();
    config::Profile &p = m_wizard->state().profile;
    p.misp.eventFilters = doc.object();
    p.misp.pageSize = m_pageSize->value();
    p.policy.defaultExpiryDays = m_expiry->value();
    p.policy.defaultConfidence = m_confidence->value();
    p.policy.defaultTlp = m_tlp->currentData().toString();
    p.policy.requireToIds = m_toIds->isChecked();
    p.policy.dropPrivateAddresses = m_private->isChecked();
    QStringList prefixes;
    const QStringList parts = m_labelPrefixes->text().split(QLatin1Char(','), Qt::SkipEmptyParts);
    for (const QString &part : parts) {
        if (!part.trimmed().isEmpty())
            prefixes.append(part.trimmed());
    }
    p.policy.labelExcludePrefixes = prefixes;
    return true;
}

} // namespace msb::ui::wizard
