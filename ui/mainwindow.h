#pragma once

#include "db/cache.h"
#include "ingest/demo.h"
#include "view/figures.h"
#include "ingest/importer.h"

#include <QMainWindow>
#include <QPointer>
#include <QString>

#include <memory>

class QLabel;
class QMenu;
class QProgressBar;
class QTabWidget;
class QTableView;
class QToolButton;

namespace uptake {

class BackgroundJob;
class JobRunner;
class CatalogueModel;
class CatalogueView;
class DashboardWidget;
class DetailPane;
class FilterPanel;
class LoaderThread;
class SyncDialog;

// The catalogue browser: filter panel, lazy table, detail pane and status figures.
// Every query runs in the loader thread; the window only posts requests and reacts.
// Its definitions are split by concern: mainwindow.cpp (building it, remembered state,
// running the view), mainwindowcache.cpp (opening and switching caches),
// mainwindowjobs.cpp (demo, import, export, sync), mainwindowmenus.cpp (menus, actions,
// small dialogs), mainwindowtable.cpp (selection, copy, row menu, detail pane).
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    // What an empty cache gets: the demo registry (the first start on the default cache), or
    // nothing, for a cache the user made to import their own data into.
    enum class EmptyCache { BuildDemo, StayEmpty };

    explicit MainWindow(const QString &cachePath, QWidget *parent = nullptr);
    // The demo built when the cache is empty (tests use a small one).
    MainWindow(const QString &cachePath, const DemoOptions &firstStartDemo, QWidget *parent = nullptr);
    MainWindow(const QString &cachePath, EmptyCache whenEmpty, const DemoOptions &firstStartDemo = DemoOptions(),
               QWidget *parent = nullptr);
    ~MainWindow() override;

    CatalogueModel *catalogueModel() const { return m_model; }
    QTableView *table() const;
    FilterPanel *filterPanel() const { return m_filters; }
    DetailPane *detailPane() const { return m_detail; }
    QLabel *statusFigures() const { return m_figuresLabel; }
    QWidget *demoBanner() const { return m_banner; }
    bool isBuildingDemo() const { return m_demoJob != nullptr; }
    const CatalogueFigures &figures() const { return m_figures; }
    bool isBusy() const { return m_job != nullptr; }
    bool isCacheOpen() const { return m_open; }
    QString cachePath() const { return m_cachePath; }
    // Shown instead of the table when the cache cannot be opened, with its three ways out.
    QWidget *openFailureOffer() const { return m_failure; }
    QLabel *cacheLabel() const { return m_cacheLabel; }
    QTabWidget *tabs() const { return m_tabs; }
    // Created the first time its tab is shown.
    DashboardWidget *dashboard() const { return m_dashboard; }

    // File > Import and File > Export without the file dialogs (also for tests). Each runs on
    // its own thread and connection, behind a cancellable progress dialog.
    void importFiles(ImportOptions::Kind kind, const QStringList &paths);
    void exportSnapshot(const QString &path);
    // File > Open Cache, New Cache and Open Recent without the file dialogs (also for tests):
    // after checks (and, if an import or export runs, the user's consent to stop it) they ask
    // whoever owns the window to open the cache in its place. New refuses an existing file.
    void requestOpenCache(const QString &path);
    void requestNewCache(const QString &path);
    // Asks before stopping an import or export; stops it when the user agrees (or nothing runs).
    bool stopWork();
    // Window geometry, docks, table columns and filters into the settings.
    void saveSettings();
    // Registry > Sync: the dialog, shown (nullptr while the cache is busy or not open).
    SyncDialog *openSyncDialog();

signals:
    // The cache is open and its view is loading (after a first-start demo, if one was built).
    void ready();
    void failedToOpen(const QString &message);
    void importFinished();
    void exportFinished(const QString &error);
    // Another cache should take this one's place (the window is done with its own by then).
    void openCacheRequested(const QString &path, MainWindow::EmptyCache whenEmpty);
    void syncFinished();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    Cache::LockWaitNotice lockWaitNotice() const;
    void buildUi();
    void buildMenus();
    void restoreSettings();
    void fitOnScreen();
    void onOpened(bool empty, bool demo, bool demoPending);
    void onOpenFailed(const QString &message);
    void startDemo();
    void onDemoProgress(qint64 done, qint64 total);
    void onDemoListed();
    void onDemoFinished(const QString &error);
    void startView();
    void applyFilters();
    void refresh();
    void requestDetail();
    void updateStatus();
    void updateVisibleRows();
    void showBanner(bool building);
    void about();
    void warn(const QString &title, const QString &text, const QString &objectName = {});
    void showUserGuide();
    void showPreferences();
    void chooseOpenCache();
    void chooseNewCache();
    void fillRecentMenu();
    void showOpenFailure(const QString &message);
    void updateTitle();
    void chooseImport(ImportOptions::Kind kind);
    void chooseExport();
    void updateActions();
    void onTabChanged();
    void updateDashboard();
    void selectModelWhenLoaded();
    // After a new view's rows came in: the top of it shown, the selected model kept only
    // if the view still holds it.
    void onViewShown(bool complete);
    // The detail dock at its working height with a model, at one line's without.
    void fitDetailDock(bool hasModel);
    QList<int> selectedRows() const;
    // Edit > Copy Rows (Ctrl+C): the selected rows as TSV, once they are loaded.
    void copySelectedRows();
    void copyWhenLoaded();
    void showRowMenu(const QPoint &pos);

    QString m_cachePath;
    DemoOptions m_demoOptions;
    EmptyCache m_whenEmpty = EmptyCache::BuildDemo;
    std::unique_ptr<LoaderThread> m_loader;
    CatalogueModel *m_model = nullptr;
    CatalogueView *m_table = nullptr;
    FilterPanel *m_filters = nullptr;
    DetailPane *m_detail = nullptr;
    QWidget *m_banner = nullptr;
    QLabel *m_bannerText = nullptr;
    QProgressBar *m_bannerProgress = nullptr;
    QToolButton *m_bannerClose = nullptr;
    QLabel *m_countLabel = nullptr;
    QLabel *m_figuresLabel = nullptr;
    QLabel *m_busyLabel = nullptr;
    QLabel *m_cacheLabel = nullptr;
    QWidget *m_failure = nullptr;
    QLabel *m_failureText = nullptr;
    QMenu *m_recentMenu = nullptr;
    CatalogueFigures m_figures;
    bool m_figuresCurrent = false;
    bool m_open = false;
    bool m_isDemo = false;
    bool m_demoListed = false; // the demo being built has its listings in, and the table shows them
    JobRunner *m_demoJob = nullptr; // the demo data being built
    BackgroundJob *m_job = nullptr;
    QList<QAction *> m_cacheActions; // need an open cache and no job running
    QTabWidget *m_tabs = nullptr;
    QWidget *m_dashboardPage = nullptr;
    DashboardWidget *m_dashboard = nullptr;
    QAction *m_exportChart = nullptr;
    bool m_detailDockWasVisible = true;
    bool m_dashboardStale = false; // the cache changed while the dashboard was hidden
    QString m_selectAfterLoad; // a model id picked on the dashboard
    quint64 m_detailRequest = 0;
    qint64 m_detailModel = 0;
    ViewSpec m_shownSpec; // the view whose rows the table shows
    bool m_emptyNote = false; // the banner says the cache is empty
    bool m_detailDockOpen = true; // at its working height
    int m_detailDockHeight = 330;
    QAction *m_copyRows = nullptr;
    QList<int> m_pendingCopy; // rows to copy once their pages are in
};

} // namespace uptake
