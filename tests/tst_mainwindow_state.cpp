#include "browser/detailpane.h"
#include "browser/filterpanel.h"
#include "dashboard/dashboardwidget.h"
#include "dialogs/helpdialog.h"
#include "mainwindowfixture.h"

#include <QAbstractItemView>
#include <QDockWidget>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QScatterSeries>
#include <QScreen>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTextBrowser>

#include <functional>

// The window offscreen as a whole: what it opens (an empty cache, a foreign file), the
// dashboard tab, the state it saves and brings back, its menus and user guide.

using namespace uptake;

class TestMainWindowState : public MainWindowFixture
{
    Q_OBJECT

private slots:
    void emptyCacheBuildsTheDemo();
    void unfinishedDemoIsFinishedOnOpen();
    void foreignFileShowsAMessage();
    void dashboardFollowsTheView();
    void demandMapClickShowsTheModel();
    void filtersAndColumnsComeBackNextStart();
    void layoutComesBackOnScreenWithItsDetailPane();
    void menusShowDistinctShortcuts();
    void userGuideListsTheShortcuts();
};

void TestMainWindowState::emptyCacheBuildsTheDemo()
{
    const QString path = m_dir.filePath(QStringLiteral("empty.sqlite"));
    DemoOptions small;
    small.models = 400;
    small.events = 3000;
    MainWindow w(path, small);
    QSignalSpy ready(&w, &MainWindow::ready);
    // The table is given the listings as soon as they are in, while the usage is still written.
    bool readyWhileBuilding = false;
    connect(&w, &MainWindow::ready, this, [&] { readyWhileBuilding = w.isBuildingDemo(); });
    w.show();
    QTRY_VERIFY_WITH_TIMEOUT(w.isBuildingDemo() || ready.count() > 0, 10000);
    QVERIFY(w.demoBanner()->isVisible());
    QVERIFY(ready.count() > 0 || ready.wait(60000));
    QVERIFY(waitLoaded(w));
    QCOMPARE(w.catalogueModel()->rowCount(), 400);
    QVERIFY(readyWhileBuilding);
    QCOMPARE(ready.count(), 1);
    QVERIFY(w.demoBanner()->isVisible());
    Database db = Cache::open(path, Database::Mode::ReadOnly);
    QVERIFY(Demo::isDemoCache(db));
    QVERIFY(!Demo::isPending(db));
    // Once the usage is in, the table shows it: the calls the cache holds, summed over the rows.
    QTRY_COMPARE_WITH_TIMEOUT(w.figures().calls, Cache::callCount(db), 10000);
    QCOMPARE(Cache::modelCount(db), 400);
}

void TestMainWindowState::unfinishedDemoIsFinishedOnOpen()
{
    // A demo stopped after its listings (the window closed or the process killed then).
    const QString path = m_dir.filePath(QStringLiteral("pending.sqlite"));
    DemoOptions opt;
    opt.models = 500;
    opt.events = 20000;
    {
        Database db = Cache::open(path);
        bool listed = false;
        QVERIFY_THROWS_EXCEPTION(Cancelled, Demo::generate(db, opt, [&](std::int64_t, std::int64_t) { return !listed; },
                                                           [&] { listed = true; }));
        QVERIFY(Demo::isPending(db));
    }
    MainWindow w(path, MainWindow::EmptyCache::StayEmpty);
    w.show();
    QTRY_VERIFY_WITH_TIMEOUT(w.isBuildingDemo(), 10000);
    QVERIFY(waitLoaded(w));
    QCOMPARE(w.catalogueModel()->rowCount(), 500);
    Database db = Cache::open(path, Database::Mode::ReadOnly);
    QVERIFY(!Demo::isPending(db));
    QVERIFY(Cache::callCount(db) > 0);
    QTRY_COMPARE_WITH_TIMEOUT(w.figures().calls, Cache::callCount(db), 10000);
}

void TestMainWindowState::foreignFileShowsAMessage()
{
    const QString path = m_dir.filePath(QStringLiteral("foreign.sqlite"));
    {
        Database other(path);
        other.exec("CREATE TABLE t(x); INSERT INTO t VALUES (1);");
    }
    const QString garbage = m_dir.filePath(QStringLiteral("garbage.sqlite"));
    {
        QFile f(garbage);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray(8192, 'x'));
    }
    for (const QString &p : {path, garbage}) {
        MainWindow w(p);
        QSignalSpy failed(&w, &MainWindow::failedToOpen);
        w.show();
        QVERIFY(failed.wait(10000));
        QVERIFY(!failed.first().at(0).toString().isEmpty());
        // Said in the window, with the ways on (tst_openfailure tests them); no modal box.
        QTRY_VERIFY(w.openFailureOffer()->isVisible());
        QCOMPARE(w.openFailureOffer()->findChild<QLabel *>(QStringLiteral("openFailureMessage"))->text(),
                 failed.first().at(0).toString());
        QCOMPARE(w.catalogueModel()->rowCount(), 0);
    }
    // The foreign file was left as it was.
    Database other(path);
    QCOMPARE(*other.queryInt("SELECT count(*) FROM t"), 1);
}

void TestMainWindowState::dashboardFollowsTheView()
{
    MainWindow w(m_demo);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QVERIFY(waitLoaded(w));
    QVERIFY(!w.dashboard()); // nothing computed for a page nobody looked at
    w.tabs()->setCurrentIndex(1);
    QVERIFY(w.dashboard());
    QTRY_VERIFY_WITH_TIMEOUT(!w.dashboard()->isBusy(), 30000);
    QVERIFY(w.dashboard()->view() == w.catalogueModel()->spec());

    // A task picked on the dashboard filters the table.
    emit w.dashboard()->taskActivated(QStringLiteral("text-generation"));
    QCOMPARE(w.tabs()->currentIndex(), 0);
    QTRY_COMPARE_WITH_TIMEOUT(w.catalogueModel()->spec().task, QStringLiteral("text-generation"), 5000);
    QVERIFY(waitLoaded(w));
    ViewSpec expected;
    expected.task = QStringLiteral("text-generation");
    QCOMPARE(w.catalogueModel()->matchCount(), sqlCount(m_demo, expected));
    w.tabs()->setCurrentIndex(1);
    QTRY_VERIFY_WITH_TIMEOUT(w.dashboard()->view().task == QLatin1String("text-generation"), 5000);
}

void TestMainWindowState::filtersAndColumnsComeBackNextStart()
{
    {
        MainWindow w(m_demo);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(waitLoaded(w));
        QTest::keyClicks(w.filterPanel()->searchEdit(), QStringLiteral("microsoft"));
        QTRY_COMPARE_WITH_TIMEOUT(w.catalogueModel()->spec().search, QStringLiteral("microsoft"), 5000);
        w.table()->horizontalHeader()->setSectionHidden(Columns::Author, true);
        w.table()->horizontalHeader()->moveSection(w.table()->horizontalHeader()->visualIndex(Columns::Calls), 0);
        QVERIFY(w.close()); // saves
    }
    const Settings s;
    QCOMPARE(s.filterState().value(QStringLiteral("search")).toString(), QStringLiteral("microsoft"));
    {
        MainWindow w(m_demo);
        w.show();
        QVERIFY(waitLoaded(w));
        // The first view already has the filter: no full load of everything first.
        QCOMPARE(w.filterPanel()->searchEdit()->text(), QStringLiteral("microsoft"));
        QCOMPARE(w.catalogueModel()->spec().search, QStringLiteral("microsoft"));
        ViewSpec expected;
        expected.search = QStringLiteral("microsoft");
        QCOMPARE(w.catalogueModel()->matchCount(), sqlCount(m_demo, expected));
        QVERIFY(w.table()->horizontalHeader()->isSectionHidden(Columns::Author));
        QCOMPARE(w.table()->horizontalHeader()->logicalIndex(0), int(Columns::Calls));
    }
    // With the preference off, the window starts unfiltered (the columns still come back).
    Settings().setRestoreFilters(false);
    MainWindow w(m_demo);
    w.show();
    QVERIFY(waitLoaded(w));
    QCOMPARE(w.filterPanel()->searchEdit()->text(), QString());
    QCOMPARE(w.catalogueModel()->matchCount(), 3000);
    QVERIFY(w.table()->horizontalHeader()->isSectionHidden(Columns::Author));
}

// Quitting on the Dashboard tab lost the detail dock for good; a window saved on a larger
// screen came back off-screen.
void TestMainWindowState::layoutComesBackOnScreenWithItsDetailPane()
{
    {
        MainWindow w(m_demo);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(waitLoaded(w));
        auto *dock = w.findChild<QDockWidget *>(QStringLiteral("detailDock"));
        QVERIFY(dock && dock->isVisible());
        w.tabs()->setCurrentIndex(1);
        QTRY_VERIFY_WITH_TIMEOUT(!dock->isVisible(), 5000);
        const QRect screen = w.screen()->availableGeometry();
        w.setGeometry(QRect(screen.bottomRight() + QPoint(500, 400), screen.size() * 2));
        QVERIFY(w.close());
    }
    MainWindow w(m_demo);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QVERIFY(waitLoaded(w));
    auto *dock = w.findChild<QDockWidget *>(QStringLiteral("detailDock"));
    QVERIFY(dock);
    QCOMPARE(w.tabs()->currentIndex(), 0);
    QVERIFY(dock->isVisible());
    const QRect available = w.screen()->availableGeometry();
    // As much of it on the screen as can be (a window cannot shrink below its minimum size).
    QVERIFY2(available.intersected(w.frameGeometry()).size() == w.frameGeometry().size().boundedTo(available.size()),
             qPrintable(QStringLiteral("window %1,%2 %3x%4 on a screen of %5x%6")
                            .arg(w.frameGeometry().x()).arg(w.frameGeometry().y())
                            .arg(w.frameGeometry().width()).arg(w.frameGeometry().height())
                            .arg(available.width()).arg(available.height())));
}

void TestMainWindowState::menusShowDistinctShortcuts()
{
    MainWindow w(m_demo);
    QHash<QString, QString> seen; // shortcut -> action
    QStringList withShortcut;
    std::function<void(QMenu *)> walk = [&](QMenu *menu) {
        for (QAction *a : menu->actions()) {
            if (a->menu()) {
                walk(a->menu());
                continue;
            }
            if (a->isSeparator() || a->shortcut().isEmpty())
                continue;
            const QString key = a->shortcut().toString();
            QVERIFY2(!seen.contains(key), qPrintable(key + QStringLiteral(": ") + seen.value(key) + QStringLiteral(" and ") + a->text()));
            seen.insert(key, a->text());
            // Shown beside the entry: the menu draws what the action carries.
            QVERIFY(a->isShortcutVisibleInContextMenu() || !QCoreApplication::testAttribute(Qt::AA_DontShowShortcutsInContextMenus));
            withShortcut << a->objectName();
        }
    };
    for (QAction *top : w.menuBar()->actions())
        walk(top->menu());
    if (!qEnvironmentVariableIsEmpty("UPTAKE_SCREENSHOT_DIR")) {
        Settings().addRecentCache(m_demo);
        for (QAction *top : w.menuBar()->actions()) {
            top->menu()->popup(QPoint(0, 0));
            Screenshots::save(top->menu(), QStringLiteral("menu-") + top->menu()->title().remove(QLatin1Char('&')));
            top->menu()->hide();
        }
    }
    for (const char *name : {"actionNewCache", "actionOpenCache", "actionPreferences", "actionUserGuide"})
        QVERIFY2(withShortcut.contains(QLatin1String(name)), name);
    QCOMPARE(seen.value(QStringLiteral("F1")), w.findChild<QAction *>(QStringLiteral("actionUserGuide"))->text());
    QCOMPARE(seen.value(QStringLiteral("Ctrl+O")), w.findChild<QAction *>(QStringLiteral("actionOpenCache"))->text());
    QCOMPARE(seen.value(QStringLiteral("Ctrl+,")), w.findChild<QAction *>(QStringLiteral("actionPreferences"))->text());
}

void TestMainWindowState::userGuideListsTheShortcuts()
{
    MainWindow w(m_demo);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QTest::keyClick(&w, Qt::Key_F1);
    HelpDialog *guide = nullptr;
    QTRY_VERIFY((guide = w.findChild<HelpDialog *>()) && guide->isVisible());
    const QString text = guide->browser()->toPlainText();
    for (const char *part : {"Filters", "Repeat callers", "Gini", "Week-1 / week-4 retention", "Effective callers",
                             "Import and export", "Keyboard shortcuts"})
        QVERIFY2(text.contains(QLatin1String(part)), part);
    // The shortcut table is read from the menus: every shortcut is there, with its entry.
    auto *open = w.findChild<QAction *>(QStringLiteral("actionOpenCache"));
    QVERIFY(text.contains(open->shortcut().toString(QKeySequence::NativeText)));
    QVERIFY(text.contains(QString(open->text()).remove(QLatin1Char('&')))); // without the mnemonic
    QVERIFY(!text.contains(open->text()));
    // F1 again raises the same guide instead of stacking a second one.
    QTest::keyClick(&w, Qt::Key_F1);
    QCOMPARE(w.findChildren<HelpDialog *>().size(), 1);
    Screenshots::save(guide, QStringLiteral("userguide"));
    guide->browser()->scrollToAnchor(QStringLiteral("keys"));
    Screenshots::save(guide, QStringLiteral("userguide-keys"));
}

void TestMainWindowState::demandMapClickShowsTheModel()
{
    MainWindow w(m_demo);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QVERIFY(waitLoaded(w));
    w.tabs()->setCurrentIndex(1);
    QVERIFY(w.dashboard());
    w.dashboard()->showChart(DashboardChart::DemandMap);
    QTRY_VERIFY_WITH_TIMEOUT(!w.dashboard()->isBusy(), 60000);
    DashboardChartView *map = w.dashboard()->chartView(DashboardChart::DemandMap);
    QVERIFY2(map->message().isEmpty(), qPrintable(map->message()));
    QScatterSeries *points = nullptr;
    for (QAbstractSeries *s : map->chart()->series())
        if (auto *dots = qobject_cast<QScatterSeries *>(s); dots && dots->count() > 0 && !points)
            points = dots;
    QVERIFY(points);
    QSignalSpy picked(map, &DashboardChartView::modelActivated);
    emit points->clicked(points->at(points->count() - 1));
    QCOMPARE(picked.size(), 1);
    const QString id = picked.at(0).at(0).toString();
    QVERIFY(!id.isEmpty());

    // The table shows that model, selected.
    QCOMPARE(w.tabs()->currentIndex(), 0);
    QTRY_COMPARE_WITH_TIMEOUT(w.catalogueModel()->spec().search, id, 5000);
    QVERIFY(waitLoaded(w));
    QTRY_VERIFY_WITH_TIMEOUT(w.table()->selectionModel()->hasSelection(), 5000);
    const QModelIndex selected = w.table()->selectionModel()->selectedRows(Columns::ModelId).value(0);
    QCOMPARE(selected.data(CatalogueModel::RawRole).toString(), id);
}

QTEST_MAIN(TestMainWindowState)
#include "tst_mainwindow_state.moc"
