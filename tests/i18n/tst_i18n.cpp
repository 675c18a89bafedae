// SPDX-License-Identifier: BSD-2-Clause
// The German translation: every message of the .ts finished with its placeholders and accelerator
// kept, the embedded .qm loaded through Settings, and real windows (settings, about, setup wizard)
// and core messages (profile validation) shown in German, then in English again.
#include "core/config/profile.h"
#include "core/config/profilestore.h"
#include "core/secrets/inmemorysecretstore.h"
#include "ui/dialogs/aboutdialog.h"
#include "ui/dialogs/settingsdialog.h"
#include "ui/languages.h"
#include "ui/wizard/setupwizard.h"

#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QLabel>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

using namespace Qt::Literals::StringLiterals;
using namespace msb;

namespace {

QStringList placeholders(const QString &text)
{
    static const QRegularExpression re(u"%(\\d|n)"_s);
    QStringList out;
    for (auto it = re.globalMatch(text); it.hasNext();)
        out.append(it.next().captured(0));
    out.sort();
    return out;
}

QStringList messagesOf(const QList<QString> &all, const QString &needle)
{
    QStringList out;
    for (const QString &m : all) {
        if (m.contains(needle))
            out.append(m);
    }
    return out;
}

} // namespace

class TestI18n final : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        // Settings (the stored language) in a private place, never the user's.
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_dir.path());
    }

    void cleanup() { ui::applyLanguage(u"en"_s); }

    void tsFileIsComplete()
    {
        QFile file(QStringLiteral(MSB_SOURCE_DIR "/translations/misp-sentinel-bridge_de.ts"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QXmlStreamReader xml(&file);
        int messages = 0;
        QStringList problems;
        QString source;
        QStringList forms;
        QString translationType;
        bool numerus = false;
        while (!xml.atEnd()) {
            xml.readNext();
            if (xml.isStartElement() && xml.name() == u"message") {
                ++messages;
                numerus = xml.attributes().value(u"numerus"_s) == u"yes";
                source.clear();
                forms.clear();
            } else if (xml.isStartElement() && xml.name() == u"source") {
                source = xml.readElementText();
            } else if (xml.isStartElement() && xml.name() == u"translation") {
                translationType = xml.attributes().value(u"type"_s).toString();
                if (!numerus)
                    forms.append(xml.readElementText());
            } else if (xml.isStartElement() && xml.name() == u"numerusform") {
                forms.append(xml.readElementText());
            } else if (xml.isEndElement() && xml.name() == u"message") {
                if (!translationType.isEmpty())
                    problems.append(translationType + u": "_s + source);
                if (numerus && forms.size() != 2)
                    problems.append(u"German needs 2 plural forms: "_s + source);
                for (const QString &form : std::as_const(forms)) {
                    if (form.isEmpty() || (form.trimmed().isEmpty() && !source.trimmed().isEmpty()))
                        problems.append(u"empty: "_s + source);
                    else if (placeholders(form) != placeholders(source))
                        problems.append(u"placeholders differ: "_s + source + u" → "_s + form);
                    else if (form.count(u'&') != source.count(u'&'))
                        problems.append(u"accelerator lost: "_s + source + u" → "_s + form);
                }
            }
        }
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
        QVERIFY2(messages > 500, "the translation should cover every window");
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
    }

    void germanIsEmbedded()
    {
        QVERIFY2(QFile::exists(u":/i18n/misp-sentinel-bridge_de.qm"_s), "the .qm is not in the resources of msb_ui");
        QCOMPARE(ui::applyLanguage(u"de"_s), u"de"_s);
        QCOMPARE(ui::applyLanguage(u"en"_s), u"en"_s);
    }

    void languagesOffered() { QCOMPARE(ui::availableLanguages(), QStringList({ QString(), u"en"_s, u"de"_s })); }

    void settingsSwitchesToGermanAndBack()
    {
        ui::SettingsDialog dialog;
        dialog.show();
        QCOMPARE(dialog.windowTitle(), u"Settings"_s);
        auto *language = dialog.findChild<QComboBox *>();
        QVERIFY(language);
        QCOMPARE(language->accessibleName(), u"Language"_s);
        language->setCurrentIndex(language->findData(u"de"_s));
        auto *buttons = dialog.findChild<QDialogButtonBox *>();
        QVERIFY(buttons);
        buttons->button(QDialogButtonBox::Ok)->click();

        QCOMPARE(ui::storedLanguage(), u"de"_s);
        // The open dialog retranslated itself on QEvent::LanguageChange.
        QTRY_COMPARE(dialog.windowTitle(), u"Einstellungen"_s); // LanguageChange is posted to windows
        QCOMPARE(language->accessibleName(), u"Sprache"_s);
        QCOMPARE(language->itemText(0), u"Systemstandard"_s);

        // Windows opened afterwards are German.
        ui::AboutDialog about;
        QCOMPARE(about.windowTitle(), u"Über MISP Sentinel Bridge"_s);
        QSettings settings(m_dir.filePath(u"profiles.ini"_s), QSettings::IniFormat);
        config::ProfileStore profiles(settings);
        secrets::InMemorySecretStore memory;
        ui::wizard::SetupWizard wizard(profiles, memory);
        wizard.show();
        QCOMPARE(wizard.windowTitle(), u"MISP Sentinel Bridge einrichten"_s);
        QCOMPARE(wizard.currentPage()->title(), u"Willkommen"_s);
        QStringList labels;
        for (QLabel *l : wizard.currentPage()->findChildren<QLabel *>())
            labels.append(l->text());
        QVERIFY2(labels.contains(u"Profil&name:"_s), qPrintable(labels.join(u" | "_s)));

        // Core messages too: profile validation and the profile store.
        QList<QString> messages;
        for (const config::ValidationIssue &issue : config::validateProfile(config::Profile {}))
            messages.append(issue.message);
        QVERIFY2(!messagesOf(messages, u"MISP-URL ist leer."_s).isEmpty(), qPrintable(messages.join(u'\n')));
        QVERIFY2(
            !messagesOf(messages, u"Liste ist leer: fügen Sie mindestens einen Sentinel-Workspace hinzu"_s).isEmpty(),
            qPrintable(messages.join(u'\n')));
        const Result<config::Profile> missing = profiles.load(u"nirgends"_s);
        QVERIFY(!missing.ok());
        QCOMPARE(missing.error().message, u"Es gibt kein Profil namens „nirgends“."_s);

        // And back to English through Settings.
        language->setCurrentIndex(language->findData(u"en"_s));
        buttons->button(QDialogButtonBox::Ok)->click();
        QCOMPARE(ui::storedLanguage(), u"en"_s);
        QTRY_COMPARE(dialog.windowTitle(), u"Settings"_s);
        ui::wizard::SetupWizard english(profiles, memory);
        QCOMPARE(english.windowTitle(), u"Set up MISP Sentinel Bridge"_s);
    }
};

QTEST_MAIN(TestI18n)
#include "tst_i18n.moc"
