// SPDX-License-Identifier: BSD-2-Clause
#include "ui/mainwindow.h"

#include "core/log/logging.h"
#include "ui/dialogs/aboutdialog.h"
#include "ui/dialogs/settingsdialog.h"
#include "ui/models/eventtablemodel.h"
#include "ui/models/historymodel.h"
#include "ui/models/logmodel.h"
#include "ui/views/dryrunview.h"
#include "ui/views/historyview.h"
#include "ui/views/logdock.h"
#include "ui/views/previewview.h"
#include "ui/views/syncdock.h"

#include <QAction>
#include <QCloseEvent>
#include <QComboBox>
#include <QFileDialog>
#include <QLabel>
#include <QMenuBar>
#include <QStatusBar>
#include <QTabWidget>
#include <QToolBar>

namespace msb::ui {

MainWindow::MainWindow(DeskBackend backend, QWidget *parent)
    : QMainWindow(parent)
    , m_controller(new DeskController(std::move(backend), this))
    , m_logModel(new LogModel(20000, this))
    , m_preview(new PreviewView(this))
    , m_dryRun(new DryRunView(this))
    , m_history(new HistoryView(this))
    , m_pages(new QTabWidget(this))
    , m_syncDock(new SyncDock(this))
    , m_logDock(new LogDock(m_logModel, this))
    , m_profileBox(new QComboBox(this))
    , m_profileLabel(new QLabel(this))
    , m_stateLabel(new QLabel(this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/app.svg")));
    m_logModel->attachToLog();

    m_pages->addTab(m_preview, QIcon(QStringLiteral(":/icons/preview.svg")), QString());
    m_pages->addTab(m_dryRun, QIcon(QStringLiteral(":/icons/dryrun.svg")), QString());
    m_pages->addTab(m_history, QIcon(QStringLiteral(":/icons/history.svg")), QString());
    m_pages->setDocumentMode(true);
    setCentralWidget(m_pages);
    addDockWidget(Qt::RightDockWidgetArea, m_syncDock);
    addDockWidget(Qt::BottomDockWidgetArea, m_logDock);
    resizeDocks({ m_syncDock }, { 340 }, Qt::Horizontal);
    resizeDocks({ m_logDock }, { 150 }, Qt::Vertical);

    m_profileBox->setMinimumContentsLength(18);
    m_profileBox->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_profileLabel->setBuddy(m_profileBox);
    createActions();
    createMenus();
    statusBar()->addPermanentWidget(m_stateLabel);

    connect(m_profileBox, &QComboBox::activated, this, [this](int index) {
        m_controller->selectProfile(m_profileBox->itemText(index));
    });
    connect(m_controller, &DeskController::profileChanged, this, [this](const QString &name) {
        if (m_profileBox->findText(name) < 0)
            m_profileBox->addItem(name);
        m_profileBox->setCurrentIndex(m_profileBox->findText(name));
        m_preview->setEvents({});
        m_dryRun->setPlan({});
        updateActions();
    });
    connect(m_controller, &DeskController::stateChanged, this, &MainWindow::updateActions);
    connect(
        m_controller, &DeskController::message, this, [this](const QString &text) { statusBar()->showMessage(text); });
    connect(m_controller, &DeskController::fetched, this, [this](const FetchOutcome &outcome) {
        m_preview->setEvents(outcome.events);
        m_dryRun->setPlan({});
        showPage(PreviewPage);
        updateActions();
    });
    connect(m_controller, &DeskController::planned, this, [this](const PreviewPlan &plan) {
        m_preview->setPlan(plan);
        m_dryRun->setPlan(plan);
        showPage(DryRunPage);
        updateActions();
    });
    connect(m_controller, &DeskController::syncStarted, m_syncDock, [this](const QStringList &targets) {
        m_syncDock->start(targets);
        m_syncDock->show();
        m_syncDock->raise();
    });
    connect(m_controller, &DeskController::syncProgress, m_syncDock, &SyncDock::updateProgress);
    connect(m_controller, &DeskController::syncFinished, m_syncDock, &SyncDock::finish);
    connect(m_controller, &DeskController::historyLoaded, m_history->model(), &HistoryModel::setRuns);
    connect(m_syncDock, &SyncDock::cancelRequested, m_controller, &DeskController::cancel);
    connect(m_history, &HistoryView::message, this, [this](const QString &text) { statusBar()->showMessage(text); });

    retranslate();
    reloadProfiles();
    updateActions();
    resize(1360, 860);
}

MainWindow::~MainWindow() = default;

void MainWindow::createActions()
{
    auto make = [this](const char *icon, const QKeySequence &shortcut) {
        auto *a = new QAction(this);
        if (icon)
            a->setIcon(QIcon(QStringLiteral(":/icons/") + QLatin1StringView(icon) + QStringLiteral(".svg")));
        if (!shortcut.isEmpty())
            a->setShortcut(shortcut);
        return a;
    };
    m_openFolder = make("folder", QKeySequence::Open);
    m_exportHistory = make("export", {});
    m_quit = make(nullptr, QKeySequence::Quit);
    m_fetch = make("fetch", QKeySequence(Qt::Key_F5));
    m_dryRunAction = make("dryrun", QKeySequence(Qt::CTRL | Qt::Key_D));
    m_sync = make("sync", QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S));
    m_cancel = make("cancel", QKeySequence(Qt::Key_Escape));
    m_wizard = make("wizard", {});
    m_settings = make("settings", QKeySequence::Preferences);
    m_about = make(nullptr, {});
    connect(m_openFolder, &QAction::triggered, this, &MainWindow::openFolder);
    connect(m_exportHistory, &QAction::triggered, m_history, &HistoryView::exportWithDialog);
    connect(m_quit, &QAction::triggered, this, &QWidget::close);
    connect(m_fetch, &QAction::triggered, m_controller, &DeskController::fetch);
    connect(m_dryRunAction, &QAction::triggered, m_controller, &DeskController::dryRun);
    connect(m_sync, &QAction::triggered, m_controller, &DeskController::sync);
    connect(m_cancel, &QAction::triggered, m_controller, &DeskController::cancel);
    connect(m_wizard, &QAction::triggered, this, [this] {
        if (m_wizardOpener)
            m_wizardOpener(this);
    });
    connect(m_settings, &QAction::triggered, this, &MainWindow::openSettings);
    connect(m_about, &QAction::triggered, this, &MainWindow::openAbout);

    m_toolBar = addToolBar(QString());
    m_toolBar->setObjectName(QStringLiteral("mainToolBar"));
    m_toolBar->setMovable(false);
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_toolBar->setIconSize(QSize(20, 20));
    m_toolBar->addWidget(m_profileLabel);
    m_toolBar->addWidget(m_profileBox);
    m_toolBar->addSeparator();
    m_toolBar->addAction(m_fetch);
    m_toolBar->addAction(m_dryRunAction);
    m_toolBar->addAction(m_sync);
    m_toolBar->addAction(m_cancel);
}

void MainWindow::createMenus()
{
    m_fileMenu = menuBar()->addMenu(QString());
    m_fileMenu->addAction(m_openFolder);
    m_fileMenu->addAction(m_exportHistory);
    m_fileMenu->addSeparator();
    m_fileMenu->addAction(m_quit);
    m_runMenu = menuBar()->addMenu(QString());
    m_runMenu->addAction(m_fetch);
    m_runMenu->addAction(m_dryRunAction);
    m_runMenu->addAction(m_sync);
    m_runMenu->addAction(m_cancel);
    m_viewMenu = menuBar()->addMenu(QString());
    m_viewMenu->addAction(m_syncDock->toggleViewAction());
    m_viewMenu->addAction(m_logDock->toggleViewAction());
    m_settingsMenu = menuBar()->addMenu(QString());
    m_settingsMenu->addAction(m_wizard);
    m_settingsMenu->addAction(m_settings);
    m_helpMenu = menuBar()->addMenu(QString());
    m_helpMenu->addAction(m_about);
}

void MainWindow::retranslate()
{
    setWindowTitle(tr("MISP Sentinel Bridge"));
    m_fileMenu->setTitle(tr("&File"));
    m_runMenu->setTitle(tr("&Run"));
    m_viewMenu->setTitle(tr("&View"));
    m_settingsMenu->setTitle(tr("&Settings"));
    m_helpMenu->setTitle(tr("&Help"));
    m_toolBar->setWindowTitle(tr("Main toolbar"));
    m_openFolder->setText(tr("&Open MISP folder…"));
    m_openFolder->setToolTip(tr("Preview the MISP events of a local folder (a MISP feed or event files)"));
    m_exportHistory->setText(tr("&Export history as CSV…"));
    m_quit->setText(tr("&Quit"));
    m_fetch->setText(tr("&Fetch"));
    m_fetch->setToolTip(tr("Fetch events from the profile's MISP source (%1)")
                            .arg(m_fetch->shortcut().toString(QKeySequence::NativeText)));
    m_dryRunAction->setText(tr("&Dry run"));
    m_dryRunAction->setToolTip(tr("Convert and show what each workspace would receive, without sending (%1)")
                                   .arg(m_dryRunAction->shortcut().toString(QKeySequence::NativeText)));
    m_sync->setText(tr("&Sync"));
    m_sync->setToolTip(tr("Send the dry run's objects to every workspace of the profile (%1)")
                           .arg(m_sync->shortcut().toString(QKeySequence::NativeText)));
    m_cancel->setText(tr("&Cancel"));
    m_cancel->setToolTip(tr("Stop the running step (%1)").arg(m_cancel->shortcut().toString(QKeySequence::NativeText)));
    m_wizard->setText(tr("Setup &wizard…"));
    m_wizard->setToolTip(m_wizardOpener ? tr("Create or import a profile: MISP source, tenants, workspaces, policy")
                                        : tr("The setup wizard is not part of this build"));
    m_settings->setText(tr("&Preferences…"));
    m_about->setText(tr("&About MISP Sentinel Bridge"));
    m_profileLabel->setText(tr("&Profile:"));
    m_profileBox->setAccessibleName(tr("Profile"));
    m_profileBox->setToolTip(tr("The profile: one MISP source, its Sentinel workspaces and the conversion policy"));
    m_pages->setTabText(PreviewPage, tr("Preview"));
    m_pages->setTabText(DryRunPage, tr("Dry run"));
    m_pages->setTabText(HistoryPage, tr("History"));
    m_pages->setAccessibleName(tr("Pages"));
    m_preview->retranslate();
    m_dryRun->retranslate();
    m_history->retranslate();
    m_syncDock->retranslate();
    m_logDock->retranslate();
    updateActions();
}

void MainWindow::updateActions()
{
    const DeskController::State state = m_controller->state();
    const bool idle = state == DeskController::State::Idle;
    const bool hasSource = !m_controller->profile().name.isEmpty();
    m_fetch->setEnabled(idle && hasSource);
    m_dryRunAction->setEnabled(idle && !m_controller->events().isEmpty());
    m_sync->setEnabled(idle && m_controller->canSync());
    m_cancel->setEnabled(!idle);
    m_profileBox->setEnabled(idle);
    m_openFolder->setEnabled(idle);
    m_wizard->setEnabled(idle && bool(m_wizardOpener));
    switch (state) {
    case DeskController::State::Idle:
        m_stateLabel->setText(tr("Ready"));
        break;
    case DeskController::State::Fetching:
        m_stateLabel->setText(tr("Fetching…"));
        break;
    case DeskController::State::Planning:
        m_stateLabel->setText(tr("Dry run…"));
        break;
    case DeskController::State::Syncing:
        m_stateLabel->setText(tr("Syncing…"));
        break;
    }
}

void MainWindow::setWizardOpener(std::function<void(QWidget *)> opener)
{
    m_wizardOpener = std::move(opener);
    retranslate();
}

void MainWindow::reloadProfiles(const QString &select)
{
    const QString current = select.isEmpty() ? m_profileBox->currentText() : select;
    m_profileBox->clear();
    m_profileBox->addItems(m_controller->profileNames());
    if (m_profileBox->count() == 0) {
        m_profileBox->setPlaceholderText(tr("No profile yet"));
        return;
    }
    const int index = qMax(0, m_profileBox->findText(current));
    m_profileBox->setCurrentIndex(index);
    if (m_profileBox->currentText() != m_controller->profile().name)
        m_controller->selectProfile(m_profileBox->currentText());
}

void MainWindow::showPage(Page page)
{
    m_pages->setCurrentIndex(page);
}

void MainWindow::openFolder()
{
    auto *dialog = new QFileDialog(this, tr("Open MISP folder"));
    dialog->setFileMode(QFileDialog::Directory);
    dialog->setOption(QFileDialog::ShowDirsOnly);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QFileDialog::fileSelected, this, [this](const QString &path) {
        m_controller->useFolder(path);
        m_controller->fetch();
    });
    dialog->open();
}

void MainWindow::openSettings()
{
    auto *dialog = new SettingsDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &SettingsDialog::logLevelChanged, this, [](int level) {
        spdlog::set_level(spdlog::level::level_enum(level));
    });
    dialog->open();
}

void MainWindow::openAbout()
{
    auto *dialog = new AboutDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void MainWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QMainWindow::changeEvent(event);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    // A running sync is cancelled cleanly; its batches stay unacknowledged and are re-sent next run.
    m_controller->cancel();
    event->accept();
}

} // namespace msb::ui
