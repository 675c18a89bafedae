// SPDX-License-Identifier: BSD-2-Clause
#pragma once

#include "ui/deskbackend.h"
#include "ui/deskcontroller.h"

#include <QMainWindow>

#include <functional>

class QAction;
class QComboBox;
class QLabel;
class QTabWidget;

namespace msb::ui {

class DryRunView;
class HistoryView;
class LogDock;
class LogModel;
class PreviewView;
class SyncDock;

/// The analyst's desk: profile switcher, Fetch / Dry run / Sync / Cancel, the preview, dry-run and
/// history pages, the sync and log docks. Holds no business logic: DeskController runs the steps.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)
public:
    enum Page { PreviewPage, DryRunPage, HistoryPage };

    explicit MainWindow(DeskBackend backend, QWidget *parent = nullptr);
    ~MainWindow() override;

    /// How the "Setup wizard" action opens the wizard (guiapp wires ui/wizard's SetupWizard).
    void setWizardOpener(std::function<void(QWidget *parent)> opener);
    /// Re-reads the profile list (after the wizard saved one) and selects `select` if given.
    void reloadProfiles(const QString &select = {});

    DeskController *controller() const { return m_controller; }
    PreviewView *previewView() const { return m_preview; }
    DryRunView *dryRunView() const { return m_dryRun; }
    HistoryView *historyView() const { return m_history; }
    SyncDock *syncDock() const { return m_syncDock; }
    LogDock *logDock() const { return m_logDock; }
    LogModel *logModel() const { return m_logModel; }
    QComboBox *profileBox() const { return m_profileBox; }
    QAction *fetchAction() const { return m_fetch; }
    QAction *dryRunAction() const { return m_dryRunAction; }
    QAction *syncAction() const { return m_sync; }
    QAction *cancelAction() const { return m_cancel; }
    void showPage(Page page);

protected:
    void changeEvent(QEvent *event) override;
    void closeEvent(QCloseEvent *event) override;

private:
    void createActions();
    void createMenus();
    void retranslate();
    void updateActions();
    void openFolder();
    void openSettings();
    void openAbout();

    DeskController *m_controller;
    LogModel *m_logModel;
    PreviewView *m_preview;
    DryRunView *m_dryRun;
    HistoryView *m_history;
    QTabWidget *m_pages;
    SyncDock *m_syncDock;
    LogDock *m_logDock;
    QComboBox *m_profileBox;
    QLabel *m_profileLabel;
    QLabel *m_stateLabel;
    std::function<void(QWidget *)> m_wizardOpener;

    QAction *m_openFolder = nullptr;
    QAction *m_exportHistory = nullptr;
    QAction *m_quit = nullptr;
    QAction *m_fetch = nullptr;
    QAction *m_dryRunAction = nullptr;
    QAction *m_sync = nullptr;
    QAction *m_cancel = nullptr;
    QAction *m_wizard = nullptr;
    QAction *m_settings = nullptr;
    QAction *m_about = nullptr;
    QMenu *m_fileMenu = nullptr;
    QMenu *m_runMenu = nullptr;
    QMenu *m_viewMenu = nullptr;
    QMenu *m_settingsMenu = nullptr;
    QMenu *m_helpMenu = nullptr;
    QToolBar *m_toolBar = nullptr;
};

} // namespace msb::ui
