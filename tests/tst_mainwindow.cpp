#include "browser/cataloguemodel.h"
#include "browser/catalogueview.h"
#include "dashboard/dashboardwidget.h"
#include "ingest/demo.h"
#include "browser/detailpane.h"
#include "browser/filterpanel.h"
#include "dialogs/helpdialog.h"
#include "dialogs/importresultdialog.h"
#include "mainwindow.h"
#include "screenshots.h"
#include "settings.h"
#include "browser/tablecopy.h"
#include "testutil.h"

#include <QChart>
#include <QChartView>
#include <QAbstractItemView>
#include <QClipboard>
#include <QComboBox>
#include <QDialog>
#include <QDockWidget>
#include <QScreen>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSettings>
#include <QScatterSeries>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QTimer>
#include <QToolButton>

#include <functional>

// The window offscreen on small caches: what it shows must be what SQL says.
class TestMainWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void showsRowsAndStatusFigures();
    void clickingAHeaderSorts();
    void typingFiltersAndCounts();
    void pickListsCarryCounts();
    void selectingARowFillsTheDetailPane();
    void aNewViewStartsAtItsFirstRow();
    void ctrlCCopiesRowsAsTsv();
    void modelColumnStaysInSightScrollingRight();
    void columnsFillAWideWindow();
    void detailPaneGivesTheTableRoomWithoutAModel();
    void escapeClearsTheSearch();
    void quickPicksEndOnTheDataLastDay();
    void registryPagesOnlyForPlainIds();
    void headersNeverNarrowerThanTheirTitles();
    void hostileListingStaysPlainText();
    void emptyCacheBuildsTheDemo();
    void emptyNoteGoesAfterAnImport();
    void foreignFileShowsAMessage();
    void importReportsRejectedRows();
    void importGoesOnPastABadFile();
    void dashboardFollowsTheView();
    void demandMapClickShowsTheModel();
    void exportWritesTheFilteredView();
    void filtersAndColumnsComeBackNextStart();
    void layoutComesBackOnScreenWithItsDetailPane();
    void menusShowDistinctShortcuts();
    void userGuideListsTheShortcuts();
    void closingIsPromptWhileAnotherProgramHoldsTheLock();
    void lockWaitIsToldAfterTheWindowBeforeCloses();

private:
    static bool waitLoaded(MainWindow &w);
    static qint64 sqlCount(const QString &path, const ViewSpec &spec);

    QTemporaryDir m_dir;
    QString m_demo;
};

void TestMainWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
    // The window saves its settings on close: into this run's folder, never the real ones.
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_dir.filePath(QStringLiteral("config")));
    Screenshots::installTranslation();
    m_demo = m_dir.filePath(QStringLiteral("demo.sqlite"));
    Database db = Cache::open(m_demo);
    DemoOptions opt;
    opt.models = 3000;
    opt.events = 40000;
    opt.seed = 3;
    opt.endDay = 20500;
    Demo::generate(db, opt);
}

void TestMainWindow::init()
{
    Settings().clear();
}

bool TestMainWindow::waitLoaded(MainWindow &w)
{
    return QTest::qWaitFor([&] { return w.catalogueModel()->isComplete() && !w.isBuildingDemo(); }, 60000);
}

// A cache with one model, and a usage file with one call of it.
static bool oneModelAndOneCall(const QString &cache, const QString &usage)
{
    {
        Database db = Cache::open(cache);
        TestUtil::writeModel(db, "acme/one", "text-generation", "acme");
    }
    QFile f(usage);
    const QByteArray text("timestamp,model_id,caller\n2026-03-01T10:00:00Z,acme/one,u1\n");
    return f.open(QIODevice::WriteOnly) && f.write(text) == text.size();
}

// Whether a label under the widget shows text containing these words.
static bool findChildText(QWidget *parent, const QString &words)
{
    for (QLabel *l : parent->findChildren<QLabel *>())
        if (l->text().contains(words))
            return true;
    return false;
}

qint64 TestMainWindow::sqlCount(const QString &path, const ViewSpec &spec)
{
    Database db = Cache::open(path, Database::Mode::ReadOnly);
    const SqlQuery q = ViewQuery::count(spec);
    Statement st(db, q.sql);
    q.bindTo(st);
    return st.step() ? st.int64(0) : -1;
}

void TestMainWindow::showsRowsAndStatusFigures()
{
    MainWindow w(m_demo);
    QSignalSpy ready(&w, &MainWindow::ready);
    w.show();
    QVERIFY(ready.wait(10000));
    QVERIFY(waitLoaded(w));
    CatalogueModel *m = w.catalogueModel();
    QCOMPARE(m->rowCount(), 3000);
    QTRY_VERIFY_WITH_TIMEOUT(m->data(m->index(0, 0), CatalogueModel::LoadedRole).toBool(), 10000);
    // The default sort is calls, descending.
    QCOMPARE(m->spec().sortColumn, int(Columns::Calls));
    QVERIFY(m->spec().sortDescending);
    QCOMPARE(w.table()->horizontalHeader()->sortIndicatorSection(), int(Columns::Calls));

    Database db = Cache::open(m_demo, Database::Mode::ReadOnly);
    QCOMPARE(m->data(m->index(0, Columns::Calls), CatalogueModel::RawRole).toLongLong(),
             *db.queryInt("SELECT max(calls) FROM models"));
    QTRY_COMPARE_WITH_TIMEOUT(w.figures().models, 3000, 10000);
    const qint64 calls = *db.queryInt("SELECT sum(calls) FROM models");
    const qint64 called = *db.queryInt("SELECT count(*) FROM models WHERE listed AND calls > 0");
    QCOMPARE(w.figures().calls, calls);
    QCOMPARE(w.figures().called, called);
    const QString status = w.statusBar()->findChild<QLabel *>(QStringLiteral("statusCounts"))->text();
    QVERIFY2(status.contains(QLocale().toString(calls)), qPrintable(status));
    QVERIFY2(status.contains(QLocale().toString(3000)), qPrintable(status));
    QVERIFY(w.statusFigures()->text().contains(QLocale().toString(called)));
    QVERIFY(w.statusFigures()->text().contains(QLatin1String("Gini")));
    QVERIFY(w.filterPanel()->countLabel()->text().contains(QLocale().toString(3000)));
    // A demo cache says so.
    QVERIFY(w.demoBanner()->isVisible());
    QTest::mouseClick(w.demoBanner()->findChild<QToolButton *>(QStringLiteral("dismissBanner")), Qt::LeftButton);
    QVERIFY(!w.demoBanner()->isVisible());
}

void TestMainWindow::clickingAHeaderSorts()
{
    MainWindow w(m_demo);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QVERIFY(waitLoaded(w));
    QHeaderView *header = w.table()->horizontalHeader();
    const int x = header->sectionViewportPosition(Columns::ModelId) + header->sectionSize(Columns::ModelId) / 2;
    QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, QPoint(x, header->height() / 2));
    CatalogueModel *m = w.catalogueModel();
    QCOMPARE(m->spec().sortColumn, int(Columns::ModelId));
    QVERIFY(waitLoaded(w));
    QTRY_VERIFY_WITH_TIMEOUT(m->data(m->index(0, 0), CatalogueModel::LoadedRole).toBool(), 10000);
    Database db = Cache::open(m_demo, Database::Mode::ReadOnly);
    Statement st(db, m->spec().sortDescending ? "SELECT max(model_id) FROM models" : "SELECT min(model_id) FROM models");
    QVERIFY(st.step());
    QCOMPARE(m->data(m->index(0, 0), CatalogueModel::RawRole).toString(), st.text(0));

    // Clicking again turns the order round.
    const bool before = m->spec().sortDescending;
    QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, QPoint(x, header->height() / 2));
    QCOMPARE(m->spec().sortDescending, !before);
    QVERIFY(waitLoaded(w));
    QTRY_VERIFY_WITH_TIMEOUT(m->data(m->index(0, 0), CatalogueModel::LoadedRole).toBool(), 10000);
    Statement st2(db, before ? "SELECT min(model_id) FROM models" : "SELECT max(model_id) FROM models");
    QVERIFY(st2.step());
    QCOMPARE(m->data(m->index(0, 0), CatalogueModel::RawRole).toString(), st2.text(0));
}

void TestMainWindow::typingFiltersAndCounts()
{
    MainWindow w(m_demo);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QVERIFY(waitLoaded(w));
    CatalogueModel *m = w.catalogueModel();
    QLineEdit *search = w.filterPanel()->searchEdit();
    search->setFocus();
    QTest::keyClicks(search, QStringLiteral("opengradient"));
    ViewSpec expected;
    expected.search = QStringLiteral("opengradient");
    const qint64 n = sqlCount(m_demo, expected);
    QVERIFY(n > 0 && n < 3000);
    QTRY_COMPARE_WITH_TIMEOUT(m->spec().search, QStringLiteral("opengradient"), 5000);
    QVERIFY(waitLoaded(w));
    QCOMPARE(m->matchCount(), n);
    QTRY_VERIFY_WITH_TIMEOUT(w.filterPanel()->countLabel()->text().contains(QLocale().toString(n)), 5000);
    // Figures follow the filter.
    QTRY_COMPARE_WITH_TIMEOUT(w.figures().models, n, 10000);

    // Clear all brings every model back.
    QTest::mouseClick(w.filterPanel()->findChild<QPushButton *>(QStringLiteral("clearAll")), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(m->spec().search, QString(), 5000);
    QVERIFY(waitLoaded(w));
    QCOMPARE(m->matchCount(), 3000);
}

void TestMainWindow::pickListsCarryCounts()
{
    MainWindow w(m_demo);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QVERIFY(waitLoaded(w));
    // The first combo box of the panel is the task list, filled from the cache in the loader.
    const auto boxes = w.filterPanel()->findChildren<QComboBox *>();
    QComboBox *task = nullptr;
    for (QComboBox *b : boxes)
        if (b->isEditable() && b->lineEdit()->placeholderText().contains(QLatin1String("task")))
            task = b;
    QVERIFY(task);
    QTRY_VERIFY_WITH_TIMEOUT(task->count() > 2, 10000);
    const QString value = task->itemText(1);
    const qint64 count = task->itemData(1, Qt::UserRole + 1).toLongLong();
    Database db = Cache::open(m_demo, Database::Mode::ReadOnly);
    Statement st(db, "SELECT count(*) FROM models WHERE task = ?");
    st.bind(1, value);
    QVERIFY(st.step());
    QCOMPARE(count, qint64(st.int64(0)));
    // The pop-up is wide enough for every name beside its count (it was as narrow as the box,
    // and the counts were painted over the names).
    const QFontMetrics fm(task->view()->font());
    for (int i = 1; i < task->count(); ++i) {
        const int needed = fm.horizontalAdvance(task->itemText(i))
                           + fm.horizontalAdvance(QLocale().toString(task->itemData(i, Qt::UserRole + 1).toLongLong()));
        QVERIFY2(task->view()->minimumWidth() > needed + 12, qPrintable(task->itemText(i)));
    }
    task->showPopup();
    QTRY_VERIFY_WITH_TIMEOUT(task->view()->isVisible(), 5000);
    QVERIFY(task->view()->width() >= task->view()->minimumWidth());
    task->hidePopup();
    task->setCurrentIndex(1);
    QTRY_COMPARE_WITH_TIMEOUT(w.catalogueModel()->spec().task, value, 5000);
    QVERIFY(waitLoaded(w));
    QCOMPARE(w.catalogueModel()->matchCount(), count);
}

void TestMainWindow::selectingARowFillsTheDetailPane()
{
    MainWindow w(m_demo);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QVERIFY(waitLoaded(w));
    CatalogueModel *m = w.catalogueModel();
    QTRY_VERIFY_WITH_TIMEOUT(m->data(m->index(0, 0), CatalogueModel::LoadedRole).toBool(), 10000);
    w.table()->selectRow(0);
    const qint64 id = m->rowIdAt(0);
    QTRY_COMPARE_WITH_TIMEOUT(w.detailPane()->modelRowId(), id, 10000);
    DetailPane *d = w.detailPane();
    QCOMPARE(d->titleLabel()->text(), m->data(m->index(0, 0), CatalogueModel::RawRole).toString());
    // The busiest model has calls: every chart has something to draw, with titles.
    for (QChartView *v : {d->callsChart(), d->callersChart(), d->mixChart()}) {
        QVERIFY(!v->chart()->series().isEmpty());
        QVERIFY(!v->chart()->title().isEmpty());
    }
    QVERIFY(!d->callsChart()->chart()->axes(Qt::Horizontal).isEmpty());
    QVERIFY(!d->callsChart()->chart()->axes(Qt::Horizontal).first()->titleText().isEmpty());
    QVERIFY(!d->callsChart()->chart()->axes(Qt::Vertical).first()->titleText().isEmpty());
}

// Sort by calls, Page Down a few times, then filter: the new view opens at its top, the
// selected model stays selected while the view holds it, and the pane lets it go when not.
void TestMainWindow::aNewViewStartsAtItsFirstRow()
{
    MainWindow w(m_demo);
    w.resize(1280, 800);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QVERIFY(waitLoaded(w));
    CatalogueModel *m = w.catalogueModel();
    QTableView *table = w.table();
    QTRY_VERIFY_WITH_TIMEOUT(m->data(m->index(0, 0), CatalogueModel::LoadedRole).toBool(), 10000);
    table->setFocus();
    table->selectRow(0);
    for (int i = 0; i < 6; ++i)
        QTest::keyClick(table, Qt::Key_PageDown);
    const int row = table->currentIndex().row();
    QVERIFY2(row > 60, qPrintable(QString::number(row)));
    QVERIFY(table->verticalScrollBar()->value() > 0);
    const qint64 id = m->rowIdAt(row);
    QTRY_COMPARE_WITH_TIMEOUT(w.detailPane()->modelRowId(), id, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(m->index(row, Columns::Task).data(CatalogueModel::LoadedRole).toBool(), 10000);
    const QString task = m->index(row, Columns::Task).data(CatalogueModel::RawRole).toString();
    QVERIFY(!task.isEmpty());

    // Its own task: the view still holds it.
    w.filterPanel()->setTask(task);
    QTRY_COMPARE_WITH_TIMEOUT(m->spec().task, task, 5000);
    QVERIFY(waitLoaded(w));
    QVERIFY(m->matchCount() < 3000);
    QTRY_COMPARE_WITH_TIMEOUT(table->verticalScrollBar()->value(), 0, 5000);
    QCOMPARE(table->rowAt(0), 0);
    const int kept = m->rowOfId(id);
    QVERIFY(kept >= 0);
    QCOMPARE(table->currentIndex().row(), kept);
    QVERIFY(table->selectionModel()->isRowSelected(kept, {}));
    QCOMPARE(w.detailPane()->modelRowId(), id);

    // A search it does not match: nothing selected, and the pane shows no model.
    w.filterPanel()->setSearch(QStringLiteral("zz-no-such-model-zz"));
    QTRY_COMPARE_WITH_TIMEOUT(m->spec().search, QStringLiteral("zz-no-such-model-zz"), 5000);
    QVERIFY(waitLoaded(w));
    QCOMPARE(m->matchCount(), 0);
    QTRY_COMPARE_WITH_TIMEOUT(w.detailPane()->modelRowId(), qint64(0), 5000);
    QVERIFY(!table->selectionModel()->hasSelection());
}

// Several rows selected, Ctrl+C: a header line of the visible columns, then the rows as shown.
void TestMainWindow::ctrlCCopiesRowsAsTsv()
{
    MainWindow w(m_demo);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QVERIFY(waitLoaded(w));
    CatalogueModel *m = w.catalogueModel();
    QTableView *table = w.table();
    QTRY_VERIFY_WITH_TIMEOUT(m->data(m->index(0, 0), CatalogueModel::LoadedRole).toBool(), 10000);
    table->setFocus();
    table->selectRow(0);
    QTest::keyClick(table, Qt::Key_Down, Qt::ShiftModifier);
    QTest::keyClick(table, Qt::Key_Down, Qt::ShiftModifier);
    QCOMPARE(table->selectionModel()->selectedRows().size(), 3);
    QGuiApplication::clipboard()->clear();
    QTest::keyClick(table, Qt::Key_C, Qt::ControlModifier);
    QTRY_VERIFY_WITH_TIMEOUT(!QGuiApplication::clipboard()->text().isEmpty(), 5000);
    const QStringList lines = QGuiApplication::clipboard()->text().split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 4);
    QStringList titles;
    const QHeaderView *header = table->horizontalHeader();
    for (int v = 0; v < header->count(); ++v)
        if (!header->isSectionHidden(header->logicalIndex(v)))
            titles << CatalogueModel::columnTitle(header->logicalIndex(v));
    QCOMPARE(lines.first().split(QLatin1Char('\t')), titles);
    // Each row against SQL: its id and its calls, as the table formats them.
    Database db = Cache::open(m_demo, Database::Mode::ReadOnly);
    const qsizetype callsField = titles.indexOf(CatalogueModel::columnTitle(Columns::Calls));
    for (int r = 0; r < 3; ++r) {
        const QStringList f = lines.at(r + 1).split(QLatin1Char('\t'));
        QCOMPARE(f.size(), titles.size());
        QCOMPARE(f.first(), m->data(m->index(r, Columns::ModelId), CatalogueModel::RawRole).toString());
        Statement st(db, "SELECT calls FROM models WHERE model_id = ?");
        st.bind(1, f.first());
        QVERIFY(st.step());
        QCOMPARE(f.at(callsField), QLocale().toString(qint64(st.int64(0))));
    }
    // The detail pane still follows the current row.
    QTRY_COMPARE_WITH_TIMEOUT(w.detailPane()->modelRowId(), m->rowIdAt(2), 10000);
}

void TestMainWindow::modelColumnStaysInSightScrollingRight()
{
    MainWindow w(m_demo);
    w.resize(1280, 800);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QVERIFY(waitLoaded(w));
    auto *table = qobject_cast<CatalogueView *>(w.table());
    QVERIFY(table);
    CatalogueModel *m = w.catalogueModel();
    QTRY_VERIFY_WITH_TIMEOUT(m->data(m->index(0, 0), CatalogueModel::LoadedRole).toBool(), 10000);
    QCOMPARE(table->frozenColumn(), int(Columns::ModelId));
    // Every column shown, so that there is far to scroll right.
    for (int c = 0; c < Columns::Count; ++c)
        table->horizontalHeader()->setSectionHidden(c, false);
    QScrollBar *h = table->horizontalScrollBar();
    QTRY_VERIFY_WITH_TIMEOUT(h->maximum() > 0, 5000);
    h->setValue(h->maximum());
    // Down a third of the table, once the rows are laid out (slow under the sanitizers).
    QScrollBar *v = table->verticalScrollBar();
    QTRY_VERIFY_WITH_TIMEOUT(v->maximum() > 0, 5000);
    v->setValue(v->maximum() / 3);
    QTRY_VERIFY_WITH_TIMEOUT(table->rowAt(0) > 0, 5000);
    QTableView *frozen = table->frozenView();
    QVERIFY(frozen->isVisible());
    QCOMPARE(frozen->width(), table->columnWidth(Columns::ModelId));
    for (int c = 0; c < Columns::Count; ++c)
        QCOMPARE(frozen->isColumnHidden(c), c != Columns::ModelId);
    // The overlay shows the same rows as the table beside it.
    QTRY_COMPARE_WITH_TIMEOUT(frozen->rowAt(0), table->rowAt(0), 5000);
    const QModelIndex shown = frozen->indexAt(QPoint(5, 5));
    QCOMPARE(shown.column(), int(Columns::ModelId));
    QCOMPARE(shown.row(), table->rowAt(0));
    // The column under it has scrolled out of the table's own view.
    QVERIFY(table->columnViewportPosition(Columns::ModelId) < 0);
    // Selection is shared.
    table->selectRow(table->rowAt(0));
    QVERIFY(frozen->selectionModel() == table->selectionModel());
}

// At 1920x1080 the default columns ended in a blank band; the spare room goes to the id, task
// and author, and comes back as the window narrows.
void TestMainWindow::columnsFillAWideWindow()
{
    MainWindow w(m_demo);
    w.resize(1280, 800);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QVERIFY(waitLoaded(w));
    QTableView *table = w.table();
    QHeaderView *header = table->horizontalHeader();
    const int narrowModel = header->sectionSize(Columns::ModelId);
    w.resize(1920, 1080);
    QTRY_VERIFY_WITH_TIMEOUT(table->viewport()->width() > 1400, 5000);
    QTRY_VERIFY_WITH_TIMEOUT(std::abs(header->length() - table->viewport()->width()) <= 3, 5000);
    QVERIFY(header->sectionSize(Columns::ModelId) > narrowModel);
    w.resize(1280, 800);
    QTRY_COMPARE_WITH_TIMEOUT(header->sectionSize(Columns::ModelId), narrowModel, 5000);
}

void TestMainWindow::detailPaneGivesTheTableRoomWithoutAModel()
{
    MainWindow w(m_demo);
    w.resize(1280, 800);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QVERIFY(waitLoaded(w));
    auto *dock = w.findChild<QDockWidget *>(QStringLiteral("detailDock"));
    QVERIFY(dock);
    QTRY_VERIFY_WITH_TIMEOUT(dock->height() < 120, 5000);
    const int tableWithout = w.table()->height();
    CatalogueModel *m = w.catalogueModel();
    QTRY_VERIFY_WITH_TIMEOUT(m->data(m->index(0, 0), CatalogueModel::LoadedRole).toBool(), 10000);
    w.table()->selectRow(0);
    QTRY_COMPARE_WITH_TIMEOUT(w.detailPane()->modelRowId(), m->rowIdAt(0), 10000);
    QTRY_VERIFY_WITH_TIMEOUT(dock->height() >= 250, 5000);
    QVERIFY(w.table()->height() < tableWithout);
}

void TestMainWindow::quickPicksEndOnTheDataLastDay()
{
    MainWindow w(m_demo);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QVERIFY(waitLoaded(w));
    Database db = Cache::open(m_demo, Database::Mode::ReadOnly);
    const qint64 lastDay = db.queryInt("SELECT max(day) FROM usage_daily").value_or(-1);
    QVERIFY(lastDay > 0);
    int y;
    unsigned mo, d;
    TextRules::civilFromDays(lastDay, y, mo, d);
    QTRY_COMPARE_WITH_TIMEOUT(w.filterPanel()->referenceDay(), QDate(y, int(mo), int(d)), 10000);
    w.filterPanel()->pickPeriod(FilterPanel::Period::Last30Days);
    QTRY_VERIFY_WITH_TIMEOUT(w.catalogueModel()->spec().untilDay.has_value(), 5000);
    QCOMPARE(*w.catalogueModel()->spec().untilDay, lastDay);
    QCOMPARE(*w.catalogueModel()->spec().sinceDay, lastDay - 29);
    QVERIFY(waitLoaded(w));
    // The figures are those of the window: SQL over the same 30 days.
    const qint64 calls = db.queryInt("SELECT coalesce(sum(calls), 0) FROM usage_daily WHERE day BETWEEN "
                                     + std::to_string(lastDay - 29) + " AND " + std::to_string(lastDay))
                             .value_or(-1);
    QTRY_COMPARE_WITH_TIMEOUT(w.figures().calls, calls, 10000);
}

void TestMainWindow::escapeClearsTheSearch()
{
    MainWindow w(m_demo);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QVERIFY(waitLoaded(w));
    QLineEdit *search = w.filterPanel()->searchEdit();
    search->setFocus();
    QTest::keyClicks(search, QStringLiteral("opengradient"));
    QTRY_COMPARE_WITH_TIMEOUT(w.catalogueModel()->spec().search, QStringLiteral("opengradient"), 5000);
    QTest::keyClick(search, Qt::Key_Escape);
    QCOMPARE(search->text(), QString());
    QTRY_COMPARE_WITH_TIMEOUT(w.catalogueModel()->spec().search, QString(), 5000);
    QVERIFY(waitLoaded(w));
    QCOMPARE(w.catalogueModel()->matchCount(), 3000);
}

void TestMainWindow::registryPagesOnlyForPlainIds()
{
    const auto pages = TableCopy::registryPages(QStringLiteral("openai-community/gpt2"));
    QCOMPARE(pages.size(), 2);
    QCOMPARE(pages.at(0).second.toString(), QStringLiteral("https://huggingface.co/openai-community/gpt2"));
    QCOMPARE(pages.at(1).second.toString(), QStringLiteral("https://hub.opengradient.ai/models/openai-community/gpt2"));
    for (const char *hostile : {"../../etc/passwd", "a/b/c", "a/b c", "javascript:alert(1)", "a/b?x=1", "a/..", "gpt2",
                                "a/b#frag", "/a/b", "a/\u202eb"})
        QVERIFY2(TableCopy::registryPages(QString::fromUtf8(hostile)).isEmpty(), hostile);
}

// A header state saved in a shorter language (or by hand) must not clip a title.
void TestMainWindow::headersNeverNarrowerThanTheirTitles()
{
    {
        MainWindow w(m_demo);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        for (int c = 0; c < Columns::Count; ++c)
            w.table()->horizontalHeader()->resizeSection(c, 12);
        w.saveSettings();
    }
    MainWindow w(m_demo);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    const QHeaderView *header = w.table()->horizontalHeader();
    for (int c = 0; c < Columns::Count; ++c)
        QVERIFY2(header->isSectionHidden(c) || header->sectionSize(c) >= header->fontMetrics().horizontalAdvance(CatalogueModel::columnTitle(c)) + 20,
                 qPrintable(CatalogueModel::columnTitle(c)));
}

void TestMainWindow::hostileListingStaysPlainText()
{
    const QString path = m_dir.filePath(QStringLiteral("hostile.sqlite"));
    const std::string markup = "<b>bold</b><img src=x onerror=alert(1)><a href='file:///etc/passwd'>x</a>";
    {
        Database db = Cache::open(path);
        Transaction tx(db);
        CatalogueWriter writer(db);
        ModelRecord r;
        r.modelId = "<i>evil</i>/model";
        r.author = "<b>me</b>";
        r.description = markup;
        writer.upsert(r);
        tx.commit();
        // A second, ordinary model, so that the cache is not empty of listings of its own kind.
        TestUtil::writeModel(db, "plain/model", "text-generation", "plain");
    }
    MainWindow w(path);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QVERIFY(waitLoaded(w));
    QVERIFY(!w.demoBanner()->isVisible());
    CatalogueModel *m = w.catalogueModel();
    int row = -1;
    QTRY_VERIFY_WITH_TIMEOUT(m->data(m->index(1, 0), CatalogueModel::LoadedRole).toBool(), 10000);
    for (int r = 0; r < m->rowCount(); ++r)
        if (m->data(m->index(r, 0), CatalogueModel::RawRole).toString().startsWith(QLatin1String("<i>")))
            row = r;
    QVERIFY(row >= 0);
    w.table()->selectRow(row);
    QTRY_COMPARE_WITH_TIMEOUT(w.detailPane()->modelRowId(), m->rowIdAt(row), 10000);
    QCOMPARE(w.detailPane()->descriptionView()->toPlainText(), QString::fromStdString(markup));
    QCOMPARE(w.detailPane()->titleLabel()->textFormat(), Qt::PlainText);
    QCOMPARE(w.detailPane()->titleLabel()->text(), QStringLiteral("<i>evil</i>/model"));
    for (QLabel *l : w.detailPane()->findChildren<QLabel *>())
        QVERIFY2(l->textFormat() == Qt::PlainText || l->text().isEmpty(), qPrintable(l->text()));
}

void TestMainWindow::emptyCacheBuildsTheDemo()
{
    const QString path = m_dir.filePath(QStringLiteral("empty.sqlite"));
    DemoOptions small;
    small.models = 400;
    small.events = 3000;
    MainWindow w(path, small);
    QSignalSpy ready(&w, &MainWindow::ready);
    w.show();
    QTRY_VERIFY_WITH_TIMEOUT(w.isBuildingDemo() || ready.count() > 0, 10000);
    QVERIFY(w.demoBanner()->isVisible());
    QVERIFY(ready.count() > 0 || ready.wait(60000));
    QVERIFY(waitLoaded(w));
    QCOMPARE(w.catalogueModel()->rowCount(), 400);
    QVERIFY(w.demoBanner()->isVisible());
    Database db = Cache::open(path, Database::Mode::ReadOnly);
    QVERIFY(Demo::isDemoCache(db));
    QCOMPARE(Cache::modelCount(db), 400);
}

// File > New Cache, then an import: the "This cache is empty" note stayed until a restart.
void TestMainWindow::emptyNoteGoesAfterAnImport()
{
    const QString path = m_dir.filePath(QStringLiteral("new-empty.sqlite"));
    MainWindow w(path, MainWindow::EmptyCache::StayEmpty);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QVERIFY(waitLoaded(w));
    QVERIFY(w.demoBanner()->isVisible());
    QVERIFY(findChildText(w.demoBanner(), QStringLiteral("This cache is empty")));
    const QString csv = m_dir.filePath(QStringLiteral("two-models.csv"));
    {
        QFile f(csv);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("model_id,author,task\nlab/one,lab,text-generation\nlab/two,lab,text-generation\n");
    }
    QSignalSpy finished(&w, &MainWindow::importFinished);
    w.importFiles(ImportOptions::Catalogue, {csv});
    QVERIFY(finished.wait(30000));
    auto *report = w.findChild<ImportResultDialog *>();
    QVERIFY(report);
    // No rejected rows: the empty list is not shown, and still belongs to the dialog (it was
    // left without a parent and leaked; LeakSanitizer found it here).
    QVERIFY(report->isAncestorOf(report->rejectedView()));
    report->close();
    QTRY_COMPARE_WITH_TIMEOUT(w.catalogueModel()->matchCount(), 2, 10000);
    QVERIFY(waitLoaded(w));
    QTRY_VERIFY_WITH_TIMEOUT(!w.demoBanner()->isVisible(), 5000);
}

void TestMainWindow::foreignFileShowsAMessage()
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

void TestMainWindow::importReportsRejectedRows()
{
    const QString path = m_dir.filePath(QStringLiteral("import.sqlite"));
    {
        Database db = Cache::open(path);
        TestUtil::writeModel(db, "acme/one", "text-generation", "acme");
    }
    const QString usage = m_dir.filePath(QStringLiteral("usage.csv"));
    {
        QFile f(usage);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("timestamp,model_id,caller\n"
                "2026-03-01T10:00:00Z,acme/one,0xAbCdEf0123456789abcdef0123456789ABCDEF01\n"
                "not-a-time,acme/one,secret-caller-42\n"
                "2026-03-02T10:00:00Z,acme/two,u3\n");
    }
    MainWindow w(path);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QVERIFY(waitLoaded(w));
    QCOMPARE(w.catalogueModel()->rowCount(), 1);
    QSignalSpy done(&w, &MainWindow::importFinished);
    w.importFiles(ImportOptions::Usage, {usage});
    QVERIFY(w.isBusy());
    QVERIFY(done.wait(30000));
    QVERIFY(!w.isBusy());
    auto *dialog = w.findChild<ImportResultDialog *>();
    QVERIFY(dialog);
    const QString rejected = dialog->rejectedView()->toPlainText();
    QVERIFY2(rejected.contains(QLatin1String("usage.csv:3:")), qPrintable(rejected));
    QVERIFY(!rejected.contains(QLatin1String("secret-caller-42")));
    dialog->close();
    // The view reloads: the unlisted model seen only in usage is there now.
    QTRY_COMPARE_WITH_TIMEOUT(w.catalogueModel()->rowCount(), 2, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(w.figures().calls, 2, 10000);
}

// The window's batch (importBatch(), shared with `uptake import`): the bad file in the middle
// is reported, the files around it go in.
void TestMainWindow::importGoesOnPastABadFile()
{
    const QString path = m_dir.filePath(QStringLiteral("batch.sqlite"));
    {
        Database db = Cache::open(path);
        TestUtil::writeModel(db, "acme/one", "text-generation", "acme");
    }
    const auto write = [&](const QString &name, const QByteArray &content) {
        const QString file = m_dir.filePath(name);
        QFile f(file);
        if (f.open(QIODevice::WriteOnly))
            f.write(content);
        return file;
    };
    const QString first = write(QStringLiteral("batch-first.csv"), "timestamp,model_id,caller\n2026-03-01T10:00:00Z,acme/one,u1\n");
    const QString bad = write(QStringLiteral("batch-bad.csv"), "timestamp,model_id,user\n2026-03-01T10:00:00Z,acme/one,u2\n");
    const QString last = write(QStringLiteral("batch-last.csv"), "timestamp,model_id,caller\n2026-03-02T10:00:00Z,acme/one,u3\n"
                                                                 "2026-03-03T10:00:00Z,acme/one,u4\n");
    MainWindow w(path);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QVERIFY(waitLoaded(w));
    QSignalSpy done(&w, &MainWindow::importFinished);
    w.importFiles(ImportOptions::Usage, {first, bad, last});
    QVERIFY(done.wait(30000));
    auto *dialog = w.findChild<ImportResultDialog *>();
    QVERIFY(dialog);
    QVERIFY(findChildText(dialog, first + QStringLiteral(": 1 row imported")));
    QVERIFY(findChildText(dialog, bad + QStringLiteral(": the header has no 'caller' column")));
    QVERIFY(findChildText(dialog, QStringLiteral("column (nothing imported)")));
    QVERIFY(findChildText(dialog, last + QStringLiteral(": 2 rows imported")));
    QVERIFY(!findChildText(dialog, QStringLiteral("Import stopped")));
    dialog->close();
    QTRY_COMPARE_WITH_TIMEOUT(w.figures().calls, 3, 10000);
    Database db = Cache::open(path, Database::Mode::ReadOnly);
    QCOMPARE(db.queryInt("SELECT count(*) FROM imported_files").value_or(-1), 2);
}

void TestMainWindow::dashboardFollowsTheView()
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

void TestMainWindow::demandMapClickShowsTheModel()
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

void TestMainWindow::exportWritesTheFilteredView()
{
    MainWindow w(m_demo);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QVERIFY(waitLoaded(w));
    QTest::keyClicks(w.filterPanel()->searchEdit(), QStringLiteral("microsoft"));
    QTRY_COMPARE_WITH_TIMEOUT(w.catalogueModel()->spec().search, QStringLiteral("microsoft"), 5000);
    QVERIFY(waitLoaded(w));
    const qint64 n = w.catalogueModel()->matchCount();
    QVERIFY(n > 0);
    const QString out = m_dir.filePath(QStringLiteral("snapshot.csv"));
    QSignalSpy done(&w, &MainWindow::exportFinished);
    w.exportSnapshot(out);
    QVERIFY(done.wait(30000));
    QCOMPARE(done.first().at(0).toString(), QString());
    QFile f(out);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = f.readAll().trimmed().split('\n');
    QVERIFY(lines.first().startsWith("model_id,author,task,created_at"));
    QCOMPARE(lines.size() - 1, n);
    QVERIFY(QFile::exists(out + QStringLiteral(".json")));
}

void TestMainWindow::filtersAndColumnsComeBackNextStart()
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
void TestMainWindow::layoutComesBackOnScreenWithItsDetailPane()
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

void TestMainWindow::menusShowDistinctShortcuts()
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

void TestMainWindow::userGuideListsTheShortcuts()
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

// Opening another cache makes a new window and closes the old one: the old one's destructor
// cleared the lock-wait notifier the new one had just set, so the new window never said why
// it waited.
void TestMainWindow::lockWaitIsToldAfterTheWindowBeforeCloses()
{
    const QString path = m_dir.filePath(QStringLiteral("locked-two.sqlite"));
    const QString usage = m_dir.filePath(QStringLiteral("locked-two.csv"));
    QVERIFY(oneModelAndOneCall(path, usage));
    auto *before = new MainWindow(path);
    before->show();
    QVERIFY(waitLoaded(*before));
    MainWindow w(path);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QVERIFY(waitLoaded(w));
    delete before;

    Database other(path);
    other.exec("BEGIN IMMEDIATE; INSERT INTO meta(key, value) VALUES('held', 'by another program');");
    w.importFiles(ImportOptions::Usage, {usage});
    QVERIFY(w.isBusy());
    QTRY_VERIFY_WITH_TIMEOUT(w.statusBar()->currentMessage().contains(QLatin1String("another Uptake")), 10000);
    other.exec("ROLLBACK");
    QSignalSpy finished(&w, &MainWindow::importFinished);
    QVERIFY(finished.wait(30000));
    for (QDialog *d : w.findChildren<QDialog *>())
        d->close();
}

void TestMainWindow::closingIsPromptWhileAnotherProgramHoldsTheLock()
{
    const QString path = m_dir.filePath(QStringLiteral("locked.sqlite"));
    const QString usage = m_dir.filePath(QStringLiteral("locked-usage.csv"));
    QVERIFY(oneModelAndOneCall(path, usage));
    auto *w = new MainWindow(path);
    w->show();
    QVERIFY(QTest::qWaitForWindowExposed(w));
    QVERIFY(waitLoaded(*w));

    // Another program takes the write lock and keeps it, as a long import from the command line does.
    Database other(path);
    other.exec("BEGIN IMMEDIATE; INSERT INTO meta(key, value) VALUES('held', 'by another program');");
    w->importFiles(ImportOptions::Usage, {usage});
    QVERIFY(w->isBusy());
    QTRY_VERIFY_WITH_TIMEOUT(w->statusBar()->currentMessage().contains(QLatin1String("another Uptake")), 10000);

    // Closing asks first; keeping the import keeps the window.
    auto answer = [](const QString &button) {
        QTimer::singleShot(50, [button] {
            auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
            QVERIFY(box && box->objectName() == QLatin1String("confirmStop"));
            for (QAbstractButton *b : box->buttons())
                if (b->text() == button)
                    b->click();
        });
    };
    answer(QCoreApplication::translate("MainWindow", "Keep Working"));
    QVERIFY(!w->close());
    QVERIFY(w->isVisible());
    QVERIFY(w->isBusy());

    // Stopping it does not wait for the other program: the lock wait is abandoned at once.
    answer(QCoreApplication::translate("MainWindow", "Stop It"));
    // The other program still holds its lock, so the import cannot have ended by itself: the
    // window is idle after close() only if the lock wait was abandoned.
    QVERIFY(w->close());
    QVERIFY(!w->isBusy());
    delete w;
    other.exec("ROLLBACK");
    // Nothing of the stopped import went in.
    Database db = Cache::open(path, Database::Mode::ReadOnly);
    QCOMPARE(Cache::callCount(db), 0);
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
