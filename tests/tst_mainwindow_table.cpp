#include "browser/catalogueview.h"
#include "browser/detailpane.h"
#include "browser/evidencefilters.h"
#include "browser/filterpanel.h"
#include "browser/tablecopy.h"
#include "mainwindowfixture.h"

#include <QAbstractItemView>
#include <QChart>
#include <QChartView>
#include <QClipboard>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QDockWidget>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSpinBox>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTableView>
#include <QToolButton>

// The window offscreen on the demo cache: the table, its sorting and filters, the detail pane
// beside it and the hostile text it must show inert. What it shows must be what SQL says.

using namespace uptake;

class TestMainWindowTable : public MainWindowFixture
{
    Q_OBJECT

private slots:
    void showsRowsAndStatusFigures();
    void clickingAHeaderSorts();
    void typingFiltersAndCounts();
    void evidenceFiltersAndSort();
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
};

void TestMainWindowTable::showsRowsAndStatusFigures()
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

void TestMainWindowTable::clickingAHeaderSorts()
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

void TestMainWindowTable::typingFiltersAndCounts()
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

// The demand evidence filters narrow the table to what SQL says (by the columns the usage
// writer keeps); sorting by week-4 retention puts the best kept model first; a new window
// remembers the filters.
void TestMainWindowTable::evidenceFiltersAndSort()
{
    {
        MainWindow w(m_demo);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(waitLoaded(w));
        CatalogueModel *m = w.catalogueModel();
        auto *week4 = w.filterPanel()->findChild<QSpinBox *>(QStringLiteral("minWeek4Retention"));
        auto *effective = w.filterPanel()->findChild<QDoubleSpinBox *>(QStringLiteral("minEffectiveCallers"));
        QVERIFY(week4 && effective);
        QCOMPARE(week4->text(), EvidenceFilters::tr("any"));
        week4->setFocus();
        QTest::keyClick(week4, Qt::Key_A, Qt::ControlModifier);
        QTest::keyClicks(week4, QStringLiteral("10"));
        effective->setValue(3);
        ViewSpec expected;
        expected.minWeek4Retention = 0.1;
        expected.minEffectiveCallers = 3;
        const qint64 n = sqlCount(m_demo, expected);
        Database db = Cache::open(m_demo, Database::Mode::ReadOnly);
        const qint64 plain = db.queryInt("SELECT count(*) FROM models WHERE week4_retention >= 0.1 AND effective_callers >= 3")
                                 .value_or(-1);
        QCOMPARE(n, plain);
        QVERIFY2(n > 0 && n < 3000, qPrintable(QString::number(n)));
        QTRY_COMPARE_WITH_TIMEOUT(m->spec().minWeek4Retention, std::optional<double>(0.1), 5000);
        QTRY_COMPARE_WITH_TIMEOUT(m->spec().minEffectiveCallers, std::optional<double>(3.0), 5000);
        QVERIFY(waitLoaded(w));
        QCOMPARE(m->matchCount(), n);

        m->sort(Columns::Week4Retention, Qt::DescendingOrder);
        QVERIFY(waitLoaded(w));
        QTRY_VERIFY_WITH_TIMEOUT(m->data(m->index(0, 0), CatalogueModel::LoadedRole).toBool(), 10000);
        Statement best(db, "SELECT model_id, week4_retention FROM models WHERE week4_retention >= 0.1 AND"
                           " effective_callers >= 3 ORDER BY week4_retention DESC, id DESC LIMIT 1");
        QVERIFY(best.step());
        QCOMPARE(m->data(m->index(0, Columns::ModelId), CatalogueModel::RawRole).toString(), best.text(0));
        QCOMPARE(m->data(m->index(0, Columns::Week4Retention), CatalogueModel::RawRole).toDouble(), best.real(1));
        // Shown as a percentage, with the header's plain words in its tooltip.
        QVERIFY(m->data(m->index(0, Columns::Week4Retention), Qt::DisplayRole).toString().contains(QLocale().percent()));
        QVERIFY(m->headerData(Columns::Week4Retention, Qt::Horizontal, Qt::ToolTipRole).toString().contains(
            QLatin1String("week4_retention")));
        QVERIFY(w.close()); // saves the filters
    }
    MainWindow again(m_demo);
    QVERIFY(waitLoaded(again));
    QCOMPARE(again.catalogueModel()->spec().minWeek4Retention, std::optional<double>(0.1));
    QCOMPARE(again.catalogueModel()->spec().minEffectiveCallers, std::optional<double>(3.0));
}

void TestMainWindowTable::pickListsCarryCounts()
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

void TestMainWindowTable::selectingARowFillsTheDetailPane()
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
void TestMainWindowTable::aNewViewStartsAtItsFirstRow()
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
void TestMainWindowTable::ctrlCCopiesRowsAsTsv()
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

void TestMainWindowTable::modelColumnStaysInSightScrollingRight()
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
void TestMainWindowTable::columnsFillAWideWindow()
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

void TestMainWindowTable::detailPaneGivesTheTableRoomWithoutAModel()
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

void TestMainWindowTable::escapeClearsTheSearch()
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

void TestMainWindowTable::quickPicksEndOnTheDataLastDay()
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

void TestMainWindowTable::registryPagesOnlyForPlainIds()
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
void TestMainWindowTable::headersNeverNarrowerThanTheirTitles()
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

void TestMainWindowTable::hostileListingStaysPlainText()
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

QTEST_MAIN(TestMainWindowTable)
#include "tst_mainwindow_table.moc"
