#include "mainwindow.h"

#include "browser/catalogueview.h"
#include "browser/filterpanel.h"
#include "dashboard/dashboardwidget.h"
#include "db/cache.h"
#include "dialogs/helpdialog.h"
#include "dialogs/preferencesdialog.h"
#include "jobs/backgroundjob.h"
#include "text/displaytext.h"

#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QShortcut>

#include <sqlite3.h>

#include <utility>

namespace uptake {

// MainWindow, part: the menus, which actions a cache state allows, and the small dialogs
// they open (preferences, the user guide, about).

void MainWindow::buildMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *newCache = file->addAction(tr("&New Cache\u2026"), this, &MainWindow::chooseNewCache);
    newCache->setObjectName(QStringLiteral("actionNewCache"));
    newCache->setShortcut(QKeySequence(tr("Ctrl+Shift+N")));
    newCache->setToolTip(tr("Start an empty cache in a new file, for your own catalogue and usage"));
    QAction *openCache = file->addAction(tr("&Open Cache\u2026"), this, &MainWindow::chooseOpenCache);
    openCache->setObjectName(QStringLiteral("actionOpenCache"));
    openCache->setShortcut(QKeySequence(tr("Ctrl+O")));
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    m_recentMenu->setObjectName(QStringLiteral("recentMenu"));
    connect(m_recentMenu, &QMenu::aboutToShow, this, &MainWindow::fillRecentMenu);
    fillRecentMenu(); // so that the menu is not empty (and disabled) before it is first shown
    file->addSeparator();
    QAction *importCatalogue = file->addAction(tr("Import &Catalogue\u2026"), this,
                                               [this] { chooseImport(ImportOptions::Catalogue); });
    importCatalogue->setShortcut(QKeySequence(tr("Ctrl+I")));
    QAction *importUsage = file->addAction(tr("Import &Usage\u2026"), this,
                                           [this] { chooseImport(ImportOptions::Usage); });
    importUsage->setShortcut(QKeySequence(tr("Ctrl+Shift+I")));
    QAction *exportSnapshot = file->addAction(tr("&Export Snapshot\u2026"), this, &MainWindow::chooseExport);
    exportSnapshot->setShortcut(QKeySequence(tr("Ctrl+E")));
    exportSnapshot->setToolTip(tr("Write every row of the current filter and sort to CSV"));
    m_exportChart = file->addAction(tr("Export C&hart\u2026"), this, [this] {
        if (m_dashboard)
            m_dashboard->exportChartDialog();
    });
    m_exportChart->setShortcut(QKeySequence(tr("Ctrl+Shift+E")));
    m_exportChart->setEnabled(false);
    file->addSeparator();
    m_cacheActions = {importCatalogue, importUsage, exportSnapshot};
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence(tr("Ctrl+Q")));
    quit->setMenuRole(QAction::QuitRole);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    m_copyRows = edit->addAction(tr("&Copy Rows"), this, &MainWindow::copySelectedRows);
    m_copyRows->setShortcut(QKeySequence::Copy);
    m_copyRows->setToolTip(tr("The selected rows as tab-separated text with a header line, for a spreadsheet"));
    // Only for the table: Ctrl+C in a text field copies its text.
    m_copyRows->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_table->addAction(m_copyRows);
    edit->addSeparator();
    QAction *preferences = edit->addAction(tr("&Preferences\u2026"), this, &MainWindow::showPreferences);
    preferences->setObjectName(QStringLiteral("actionPreferences"));
    preferences->setShortcut(QKeySequence(tr("Ctrl+,")));
    preferences->setMenuRole(QAction::PreferencesRole);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    QAction *refresh = view->addAction(tr("&Refresh"), this, &MainWindow::refresh);
    refresh->setShortcut(QKeySequence(tr("Ctrl+R")));
    m_cacheActions << refresh;
    updateActions();
    QAction *clear = view->addAction(tr("&Clear Filters"), m_filters, &FilterPanel::clearAll);
    clear->setShortcut(QKeySequence(tr("Ctrl+Shift+L")));
    QAction *find = view->addAction(tr("&Search"), this, [this] {
        m_filters->searchEdit()->setFocus();
        m_filters->searchEdit()->selectAll();
    });
    find->setShortcut(QKeySequence::Find);
    // Escape in the search field clears it (and the view follows at once).
    auto *clearSearch = new QShortcut(QKeySequence(Qt::Key_Escape), m_filters->searchEdit(), nullptr, nullptr,
                                      Qt::WidgetShortcut);
    connect(clearSearch, &QShortcut::activated, this, [this] {
        if (!m_filters->searchEdit()->text().isEmpty())
            m_filters->setSearch(QString());
    });
    view->addSeparator();
    QAction *cataloguePage = view->addAction(tr("C&atalogue"), this, [this] { m_tabs->setCurrentIndex(0); });
    cataloguePage->setShortcut(QKeySequence(tr("Ctrl+1")));
    QAction *dashboardPage = view->addAction(tr("&Dashboard"), this, [this] { m_tabs->setCurrentIndex(1); });
    dashboardPage->setShortcut(QKeySequence(tr("Ctrl+2")));
    view->addSeparator();
    for (QDockWidget *dock : findChildren<QDockWidget *>())
        view->addAction(dock->toggleViewAction());

    QMenu *registry = menuBar()->addMenu(tr("&Registry"));
    QAction *sync = registry->addAction(tr("&Sync\u2026"), this, &MainWindow::openSyncDialog);
    sync->setObjectName(QStringLiteral("actionSync"));
    sync->setShortcut(QKeySequence(tr("Ctrl+Shift+Y")));
    sync->setToolTip(tr("Fetch the listing of a registry over HTTP and keep it as a dated snapshot"));
    m_cacheActions << sync;
    updateActions();

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *guide = help->addAction(tr("User &Guide"), this, &MainWindow::showUserGuide);
    guide->setObjectName(QStringLiteral("actionUserGuide"));
    guide->setShortcut(QKeySequence(tr("F1")));
    help->addSeparator();
    QAction *about = help->addAction(tr("&About Uptake"), this, &MainWindow::about);
    about->setMenuRole(QAction::AboutRole);
    help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
}

void MainWindow::showPreferences()
{
    auto *dialog = new PreferencesDialog(Cache::defaultPath(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void MainWindow::showUserGuide()
{
    // One guide per window, raised again when F1 is pressed twice.
    auto *guide = findChild<HelpDialog *>();
    if (!guide) {
        guide = new HelpDialog(menuBar()->actions(), this);
        guide->setAttribute(Qt::WA_DeleteOnClose);
    }
    guide->show();
    guide->raise();
    guide->activateWindow();
}

void MainWindow::about()
{
    QMessageBox box(this);
    box.setWindowTitle(tr("About Uptake"));
    box.setIconPixmap(windowIcon().pixmap(64, 64));
    box.setTextFormat(Qt::PlainText);
    box.setText(tr("Uptake %1").arg(QCoreApplication::applicationVersion()));
    box.setInformativeText(tr("Each model's listing next to its observed usage.\n\n"
                              "Qt %1 (built with %2)\nSQLite %3\n\nCache: %4%5")
                               .arg(QString::fromLatin1(qVersion()), QStringLiteral(QT_VERSION_STR),
                                    QString::fromLatin1(sqlite3_libversion()), m_cachePath,
                                    m_isDemo ? tr(" (demo data)") : QString()));
    box.exec();
}

void MainWindow::updateActions()
{
    const bool usable = m_open && !m_demoJob && !m_job;
    for (QAction *a : std::as_const(m_cacheActions))
        a->setEnabled(usable);
}

} // namespace uptake
