// SPDX-License-Identifier: BSD-2-Clause
#include "ui/guiapp.h"

#include "core/config/profilestore.h"
#include "core/log/logging.h"
#include "core/secrets/indexedsecretstore.h"
#include "core/secrets/keychainsecretstore.h"
#include "ui/deskbackend.h"
#include "ui/dialogs/settingsdialog.h"
#include "ui/languages.h"
#include "ui/mainwindow.h"
#include "ui/views/logdock.h"
#include "ui/views/previewview.h"
#include "ui/views/syncdock.h"
#include "ui/wizard/setupwizard.h"

#include <QApplication>
#include <QCheckBox>
#include <QCommandLineParser>
#include <QSettings>
#include <QStandardPaths>
#include <QTimer>

#include <cstdio>
#include <memory>
#include <utility>

using namespace Qt::Literals::StringLiterals;

namespace msb::ui {

namespace {

/// Options for demos, the README screenshots and tests; a normal start needs none.
struct GuiOptions
{
    QString screenshot; ///< grab the window into this PNG and quit
    QString page; ///< attributes (default), stix, json, dryrun, sync, sync-running, history, log, settings, wizard
    QString folder; ///< open this MISP folder and fetch (then dry run) at start
    QString profile;
    QString language;
    bool dark = false;
};

GuiOptions parseOptions(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate("msb::ui::GuiApp", "MISP Sentinel Bridge desktop"));
    const QCommandLineOption screenshot(QStringLiteral("screenshot"),
        QCoreApplication::translate("msb::ui::GuiApp", "Grab the window to FILE and quit."),
        QStringLiteral("FILE"));
    const QCommandLineOption page(QStringLiteral("page"),
        QCoreApplication::translate("msb::ui::GuiApp", "Page to show first."),
        QStringLiteral("PAGE"));
    const QCommandLineOption folder(QStringLiteral("open-folder"),
        QCoreApplication::translate("msb::ui::GuiApp", "Fetch from a local MISP folder."),
        QStringLiteral("DIR"));
    const QCommandLineOption profile(QStringLiteral("profile"),
        QCoreApplication::translate("msb::ui::GuiApp", "Profile to open."),
        QStringLiteral("NAME"));
    const QCommandLineOption language(QStringLiteral("lang"),
        QCoreApplication::translate("msb::ui::GuiApp", "Language (en, de)."),
        QStringLiteral("CODE"));
    const QCommandLineOption dark(
        QStringLiteral("dark"), QCoreApplication::translate("msb::ui::GuiApp", "Use a dark palette."));
    parser.addOptions({ screenshot, page, folder, profile, language, dark });
    // Unknown options (Qt's own like -platform were already taken by QApplication) are ignored.
    parser.parse(arguments);
    return GuiOptions { parser.value(screenshot),
        parser.value(page),
        parser.value(folder),
        parser.value(profile),
        parser.value(language),
        parser.isSet(dark) };
}

QPalette darkPalette()
{
    QPalette p;
    const QColor window(0x2b, 0x2d, 0x31), base(0x1f, 0x21, 0x24), text(0xe6, 0xe6, 0xe6);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, QColor(0x27, 0x29, 0x2d));
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, window);
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::ToolTipBase, base);
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, QColor(0x9a, 0x9d, 0xa3));
    p.setColor(QPalette::Highlight, QColor(0x3d, 0x8b, 0xd9));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Mid, QColor(0x55, 0x58, 0x5e));
    p.setColor(QPalette::Midlight, QColor(0x40, 0x43, 0x48));
    p.setColor(QPalette::Light, QColor(0x4a, 0x4d, 0x52));
    p.setColor(QPalette::Dark, QColor(0x18, 0x19, 0x1b));
    p.setColor(QPalette::Disabled, QPalette::Text, QColor(0x80, 0x80, 0x80));
    p.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(0x80, 0x80, 0x80));
    p.setColor(QPalette::Disabled, QPalette::WindowText, QColor(0x80, 0x80, 0x80));
    return p;
}

void showRequestedPage(MainWindow &window, const QString &page)
{
    if (page == u"dryrun" || page == u"sync" || page == u"sync-running")
        window.showPage(MainWindow::DryRunPage);
    else if (page == u"history")
        window.showPage(MainWindow::HistoryPage);
    else {
        window.showPage(MainWindow::PreviewPage);
        if (page == u"stix")
            window.previewView()->showTab(PreviewView::StixTab);
        else if (page == u"json")
            window.previewView()->showTab(PreviewView::JsonTab);
        else
            window.previewView()->showTab(PreviewView::AttributesTab);
    }
}

} // namespace

int runGui(int &argc, char **argv)
{
    QApplication app(argc, argv);
    msb::log::Options logOptions;
    logOptions.directory
        = QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation) + QStringLiteral("/logs");
    logOptions.level = spdlog::level::level_enum(SettingsDialog::storedLogLevel());
    msb::log::init(logOptions);

    const GuiOptions options = parseOptions(QCoreApplication::arguments());
    if (options.dark) {
        QApplication::setStyle(QStringLiteral("Fusion"));
        QApplication::setPalette(darkPalette());
    }
    applyLanguage(options.language.isEmpty() ? storedLanguage() : options.language);

    // The wizard writes profiles and secrets; both stores live as long as the window.
    QSettings settings;
    config::ProfileStore profiles(settings);
    secrets::KeychainSecretStore keychain;
    secrets::IndexedSecretStore secretStore(keychain, settings);

    MainWindow window(coreBackend());
    window.setWizardOpener([&profiles, &secretStore, &window](QWidget *parent) {
        auto *wizard = new wizard::SetupWizard(profiles, secretStore, parent);
        wizard->setAttribute(Qt::WA_DeleteOnClose);
        QObject::connect(wizard, &wizard::SetupWizard::profileSaved, &window, [&window](const QString &name) {
            window.reloadProfiles(name);
        });
        wizard->open();
    });
    if (!options.profile.isEmpty())
        window.controller()->selectProfile(options.profile);
    if (!options.screenshot.isEmpty())
        window.resize(1360, 860); // the README's pictures share one size
    window.show();

    const bool autoRun = !options.folder.isEmpty() || (!options.screenshot.isEmpty() && !options.profile.isEmpty());
    if (autoRun) {
        // Demo / screenshot start: fetch, then dry run, then show the requested page.
        QObject::connect(
            window.controller(), &DeskController::fetched, &window, [&window] { window.controller()->dryRun(); });
        if (!options.folder.isEmpty())
            window.controller()->useFolder(options.folder);
        window.controller()->fetch();
    }
    if (!options.screenshot.isEmpty()) {
        auto once = std::make_shared<bool>(false);
        auto save = [options, once](QWidget *widget) {
            if (std::exchange(*once, true))
                return; // one picture per run
            const bool saved = widget->grab().save(options.screenshot);
            if (!saved)
                std::fprintf(stderr, "cannot write screenshot %s\n", qPrintable(options.screenshot));
            QCoreApplication::exit(saved ? 0 : 1);
        };
        auto grab = [&window, &profiles, &secretStore, options, save] {
            if (options.page == u"settings") {
                auto *dialog = new SettingsDialog(&window);
                dialog->setAttribute(Qt::WA_DeleteOnClose);
                dialog->show();
                QTimer::singleShot(500, dialog, [dialog, save] { save(dialog); });
                return;
            }
            if (options.page == u"wizard") {
                auto *wizard = new wizard::SetupWizard(profiles, secretStore, &window);
                wizard->setAttribute(Qt::WA_DeleteOnClose);
                wizard->show();
                QTimer::singleShot(500, wizard, [wizard, save] { save(wizard); });
                return;
            }
            const bool syncFirst
                = options.page == u"sync" || options.page == u"sync-running" || options.page == u"history";
            if (syncFirst && window.controller()->canSync()) {
                showRequestedPage(window, options.page == u"history" ? options.page : u"dryrun"_s);
                if (options.page == u"sync-running") {
                    // Caught mid-run.
                    QObject::connect(window.controller(),
                        &DeskController::syncProgress,
                        &window,
                        [&window, save](const TargetProgress &p) {
                            // The demo is small (one batch per target): the first answer while
                            // other targets still wait is as "mid-run" as it gets.
                            if (p.accepted > 0 && window.controller()->state() == DeskController::State::Syncing)
                                QTimer::singleShot(
                                    150, &window, [&window, save] { save(&window); }); // after the dock repaints
                        });
                }
                QObject::connect(window.controller(), &DeskController::syncFinished, &window, [&window, save] {
                    QTimer::singleShot(800, &window, [&window, save] { save(&window); });
                });
                window.controller()->sync();
                return;
            }
            if (options.page == u"stix" || options.page == u"json") {
                // Room for the status columns of every target; every event's objects.
                window.syncDock()->hide();
                window.previewView()->allEventsBox()->setChecked(options.page == u"stix");
            }
            if (options.page == u"log") {
                window.resizeDocks({ window.logDock() }, { 420 }, Qt::Vertical);
                window.logDock()->raise();
            }
            showRequestedPage(window, options.page);
            QTimer::singleShot(500, &window, [&window, save] { save(&window); });
        };
        if (!autoRun)
            grab();
        else
            QObject::connect(window.controller(), &DeskController::planned, &window, grab, Qt::SingleShotConnection);
    } else if (!options.page.isEmpty()) {
        showRequestedPage(window, options.page);
    }
    return QApplication::exec();
}

} // namespace msb::ui
