#include "browser/catalogueloader.h"
#include "browser/cataloguemodel.h"
#include "ingest/demo.h"
#include "testutil.h"
#include "threadspy.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

// The lazy catalogue model against a real loader thread and a real cache.
using namespace uptake;

class TestCatalogueModel : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void loadsAndFormats();
    void feesReadInTheLocaleWithTheirUnit();
    void headerTooltipsSayWhatAColumnMeans();
    void sortsInSql_data();
    void sortsInSql();
    void filters();
    void windowNarrowsUsage();
    void windowMatchesTheCliQuery();
    void search_data();
    void search();
    void staleAnswersDropped();
    void racingSpecsEndOnTheLast();
    void pagesAreBoundedWhileScrolling();

private:
    struct Fixture
    {
        LoaderThread thread;
        std::unique_ptr<CatalogueModel> model;
        std::unique_ptr<QAbstractItemModelTester> tester;
    };
    std::unique_ptr<Fixture> openModel(const QString &path);
    static bool waitComplete(CatalogueModel &model, const ViewSpec &spec);
    static bool waitRow(CatalogueModel &model, int row);
    static QString cell(CatalogueModel &model, int row, int column, int role = Qt::DisplayRole);
    static qint64 sqlCount(Database &db, const ViewSpec &spec)
    {
        const SqlQuery q = ViewQuery::count(spec);
        Statement st(db, q.sql);
        q.bindTo(st);
        return st.step() ? st.int64(0) : -1;
    }

    QTemporaryDir m_dir;
    QString m_small;
    QString m_demo;
};

void TestCatalogueModel::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
    m_small = m_dir.filePath(QStringLiteral("small.sqlite"));
    {
        Database db = Cache::open(m_small);
        TestUtil::writeModel(db, "acme/alpha", "text-generation", "acme", "2025-01-10T00:00:00Z");
        TestUtil::writeModel(db, "acme/beta", "image-classification", "acme", "2025-06-01T00:00:00Z");
        TestUtil::writeModel(db, "zeta/gamma", "text-generation", "zeta", "2024-03-05T00:00:00Z");
        TestUtil::writeModel(db, "zeta/never", "translation", "zeta");
        using M = TextRules::Mode;
        TestUtil::writeCalls(db, {
            {"2026-03-01T10:00:00Z", "acme/alpha", "u1", "", M::Vanilla, 2500000},
            {"2026-03-02T10:00:00Z", "acme/alpha", "u1", "", M::Tee, 0},
            {"2026-03-02T11:00:00Z", "acme/alpha", "u2", "", M::Zkml, 0},
            {"2026-03-03T11:00:00Z", "zeta/gamma", "u3"},
            {"2026-03-04T11:00:00Z", "ghost/unlisted", "u4", "", M::Vanilla, 1},
        });
    }
    m_demo = m_dir.filePath(QStringLiteral("demo.sqlite"));
    {
        Database db = Cache::open(m_demo);
        DemoOptions opt;
        opt.models = 6000;
        opt.events = 30000;
        opt.seed = 7;
        opt.endDay = 20500;
        Demo::generate(db, opt);
    }
}

std::unique_ptr<TestCatalogueModel::Fixture> TestCatalogueModel::openModel(const QString &path)
{
    auto f = std::make_unique<Fixture>();
    CatalogueLoader *loader = f->thread.loader();
    ThreadSpy opened(loader, &CatalogueLoader::opened);
    ThreadSpy failed(loader, &CatalogueLoader::openFailed);
    QMetaObject::invokeMethod(loader, [loader, path] { loader->open(path); }, Qt::QueuedConnection);
    if (!QTest::qWaitFor([&] { return opened.count() + failed.count() > 0; }, 30000) || opened.isEmpty()) {
        qWarning("open failed: %s", failed.isEmpty() ? "timeout" : qPrintable(failed.first().at(0).toString()));
        return nullptr;
    }
    f->model = std::make_unique<CatalogueModel>(loader);
    // The tester checks every signal the model emits while it loads, sorts and filters.
    f->tester = std::make_unique<QAbstractItemModelTester>(f->model.get(),
                                                           QAbstractItemModelTester::FailureReportingMode::QtTest);
    return f;
}

bool TestCatalogueModel::waitComplete(CatalogueModel &model, const ViewSpec &spec)
{
    model.setSpec(spec);
    return QTest::qWaitFor([&] { return model.isComplete(); }, 30000);
}

bool TestCatalogueModel::waitRow(CatalogueModel &model, int row)
{
    model.data(model.index(row, 0)); // asks for the page, as a view drawing the row would
    // Loaded in full: a usage window's row may show its sums before its callers are counted.
    return QTest::qWaitFor(
        [&] {
            const QModelIndex i = model.index(row, 0);
            return model.data(i, CatalogueModel::LoadedRole).toBool()
                   && !model.data(i, CatalogueModel::CallersPendingRole).toBool();
        },
        30000);
}

QString TestCatalogueModel::cell(CatalogueModel &model, int row, int column, int role)
{
    return model.data(model.index(row, column), role).toString();
}

// One precision, the unit, the locale's separators, exact from nano-units (never a double):
// "17.769" read as seventeen thousand in German.
void TestCatalogueModel::feesReadInTheLocaleWithTheirUnit()
{
    const QLocale de(QLocale::German, QLocale::Germany), en(QLocale::English, QLocale::UnitedStates);
    QCOMPARE(CatalogueModel::formatFee(17769000000, de), QStringLiteral("17,7690 OPG"));
    QCOMPARE(CatalogueModel::formatFee(17769000000, en), QStringLiteral("17.7690 OPG"));
    QCOMPARE(CatalogueModel::formatFee(0, de), QStringLiteral("0,0000 OPG"));
    QCOMPARE(CatalogueModel::formatFee(49999, en), QStringLiteral("< 0.0001 OPG"));
    QCOMPARE(CatalogueModel::formatFee(50000, en), QStringLiteral("0.0001 OPG")); // half up
    QCOMPARE(CatalogueModel::formatFee(99995000, en), QStringLiteral("0.1000 OPG"));
    QCOMPARE(CatalogueModel::formatFee(999999999999999999, de), QStringLiteral("1.000.000.000,0000 OPG"));
    QCOMPARE(CatalogueModel::formatFee(9007199254740993, en), QStringLiteral("9,007,199.2547 OPG")); // past 2^53
}

void TestCatalogueModel::headerTooltipsSayWhatAColumnMeans()
{
    LoaderThread thread;
    CatalogueModel m(thread.loader());
    for (int c = 0; c < Columns::Count; ++c) {
        const QString tip = m.headerData(c, Qt::Horizontal, Qt::ToolTipRole).toString();
        // Words first, the CSV name after: never the bare key.
        QVERIFY2(tip.size() > 30 && tip.endsWith(QLatin1String(Columns::info(c).key)), qPrintable(tip));
        QVERIFY2(!tip.startsWith(QLatin1String(Columns::info(c).key)), qPrintable(tip));
    }
    QVERIFY(m.headerData(Columns::RepeatCallers, Qt::Horizontal, Qt::ToolTipRole)
                .toString()
                .contains(QLatin1String("two or more different UTC days")));
}

void TestCatalogueModel::loadsAndFormats()
{
    auto f = openModel(m_small);
    QVERIFY(f);
    CatalogueModel &m = *f->model;
    QSignalSpy figures(&m, &CatalogueModel::figuresReady);
    QVERIFY(waitComplete(m, ViewSpec()));
    QCOMPARE(m.rowCount(), 5);
    QCOMPARE(m.columnCount(), int(Columns::Count));
    QVERIFY(figures.wait(5000) || figures.count() > 0);
    const auto fig = figures.last().at(0).value<CatalogueFigures>();
    QCOMPARE(fig.models, 5);
    QCOMPARE(fig.listed, 4);
    QCOMPARE(fig.calls, 5);

    // Not loaded yet: a placeholder, then the row.
    QVERIFY(waitRow(m, 0));
    // Default sort: calls descending, so acme/alpha (3 calls) comes first.
    QCOMPARE(cell(m, 0, Columns::ModelId), QStringLiteral("acme/alpha"));
    QCOMPARE(cell(m, 0, Columns::Calls), QStringLiteral("3"));
    QCOMPARE(cell(m, 0, Columns::UniqueCallers), QStringLiteral("2"));
    QCOMPARE(cell(m, 0, Columns::RepeatCallers), QStringLiteral("1"));
    QCOMPARE(cell(m, 0, Columns::RepeatRate), QStringLiteral("50.0%"));
    QCOMPARE(cell(m, 0, Columns::VerifiedCalls), QStringLiteral("2"));
    QCOMPARE(cell(m, 0, Columns::FeesPaid), QStringLiteral("0.0025 OPG"));
    QCOMPARE(cell(m, 0, Columns::CreatedAt), QStringLiteral("2025-01-10"));
    QCOMPARE(cell(m, 0, Columns::FirstCall), QStringLiteral("2026-03-01"));
    QCOMPARE(cell(m, 0, Columns::LastCall), QStringLiteral("2026-03-02"));
    QCOMPARE(m.data(m.index(0, Columns::Calls), CatalogueModel::RawRole).toLongLong(), 3);
    const auto align = m.data(m.index(0, Columns::Calls), Qt::TextAlignmentRole).value<Qt::Alignment>();
    QVERIFY(align & Qt::AlignRight);

    // Unknown stays empty, not 0; never called has 0 calls and no repeat rate.
    for (int row = 0; row < m.rowCount(); ++row)
        QVERIFY(waitRow(m, row));
    int never = -1, ghost = -1;
    for (int row = 0; row < m.rowCount(); ++row) {
        const QString id = m.data(m.index(row, Columns::ModelId), CatalogueModel::RawRole).toString();
        if (id == QLatin1String("zeta/never"))
            never = row;
        if (id == QLatin1String("ghost/unlisted"))
            ghost = row;
    }
    QVERIFY(never >= 0 && ghost >= 0);
    QCOMPARE(cell(m, never, Columns::Calls), QStringLiteral("0"));
    QCOMPARE(cell(m, never, Columns::RepeatRate), QString());
    QCOMPARE(cell(m, never, Columns::CreatedAt), QString());
    QCOMPARE(cell(m, never, Columns::FirstCall), QString());
    QCOMPARE(cell(m, ghost, Columns::Versions), QString());
    QCOMPARE(cell(m, ghost, Columns::Author), QString());
    QVERIFY(m.data(m.index(ghost, 0), CatalogueModel::UnlistedRole).toBool());
    QVERIFY(cell(m, ghost, Columns::ModelId).contains(QLatin1String("unlisted")));
    QVERIFY(m.data(m.index(ghost, 0), Qt::FontRole).value<QFont>().italic());
    QVERIFY(!m.data(m.index(0, 0), CatalogueModel::UnlistedRole).toBool());
}

void TestCatalogueModel::sortsInSql_data()
{
    QTest::addColumn<int>("column");
    QTest::addColumn<bool>("descending");
    QTest::addColumn<QString>("first");
    QTest::newRow("model id asc") << int(Columns::ModelId) << false << "acme/alpha";
    QTest::newRow("model id desc") << int(Columns::ModelId) << true << "zeta/never";
    QTest::newRow("listed on asc (unknown first)") << int(Columns::CreatedAt) << false << "zeta/never";
    QTest::newRow("listed on desc") << int(Columns::CreatedAt) << true << "acme/beta";
    QTest::newRow("fees desc") << int(Columns::FeesPaid) << true << "acme/alpha";
    QTest::newRow("author desc") << int(Columns::Author) << true << "zeta/never";
}

void TestCatalogueModel::sortsInSql()
{
    QFETCH(int, column);
    QFETCH(bool, descending);
    QFETCH(QString, first);
    auto f = openModel(m_small);
    QVERIFY(f);
    CatalogueModel &m = *f->model;
    QVERIFY(waitComplete(m, ViewSpec()));
    m.sort(column, descending ? Qt::DescendingOrder : Qt::AscendingOrder);
    QCOMPARE(m.spec().sortColumn, column);
    QCOMPARE(m.spec().sortDescending, descending);
    QVERIFY(QTest::qWaitFor([&] { return m.isComplete(); }, 15000));
    QVERIFY(waitRow(m, 0));
    QCOMPARE(m.data(m.index(0, Columns::ModelId), CatalogueModel::RawRole).toString(), first);
}

void TestCatalogueModel::filters()
{
    auto f = openModel(m_small);
    QVERIFY(f);
    CatalogueModel &m = *f->model;
    ViewSpec spec;
    spec.task = QStringLiteral("text-generation");
    QVERIFY(waitComplete(m, spec));
    QCOMPARE(m.matchCount(), 2);
    spec.search = QStringLiteral("gam");
    QVERIFY(waitComplete(m, spec));
    QCOMPARE(m.matchCount(), 1);
    QVERIFY(waitRow(m, 0));
    QCOMPARE(m.data(m.index(0, 0), CatalogueModel::RawRole).toString(), QStringLiteral("zeta/gamma"));
    spec = ViewSpec();
    spec.usage = ViewSpec::Usage::Never;
    QVERIFY(waitComplete(m, spec));
    QCOMPARE(m.matchCount(), 2); // acme/beta and zeta/never
    spec.usage = ViewSpec::Usage::Unlisted;
    QVERIFY(waitComplete(m, spec));
    QCOMPARE(m.matchCount(), 1);
    spec.usage = ViewSpec::Usage::Repeat;
    QVERIFY(waitComplete(m, spec));
    QCOMPARE(m.matchCount(), 1);
    spec = ViewSpec();
    spec.minCalls = 1;
    QVERIFY(waitComplete(m, spec));
    QCOMPARE(m.matchCount(), 3);
    spec.search = QStringLiteral("nothing-matches-this");
    QVERIFY(waitComplete(m, spec));
    QCOMPARE(m.rowCount(), 0);
}

void TestCatalogueModel::windowNarrowsUsage()
{
    auto f = openModel(m_small);
    QVERIFY(f);
    CatalogueModel &m = *f->model;
    ViewSpec spec;
    spec.search = QStringLiteral("acme/alpha");
    spec.sinceDay = *TextRules::parseDay("2026-03-02");
    ThreadSpy pages(f->thread.loader(), &CatalogueLoader::pageReady);
    QVERIFY(waitComplete(m, spec));
    QCOMPARE(m.rowCount(), 1);
    QVERIFY(waitRow(m, 0));
    // The first screen came from the daily totals, its callers not yet counted; then again.
    QVERIFY(pages.count() >= 2);
    const RowPage first = pages.first().at(2).value<RowPage>();
    QCOMPARE(first.size(), 1);
    QVERIFY(first.first().callersPending);
    QCOMPARE(first.first().cells[Columns::Calls].toLongLong(), 2);
    QVERIFY(first.first().cells[Columns::RepeatCallers].isNull());
    QVERIFY(!pages.last().at(2).value<RowPage>().first().callersPending);
    // Inside the window u1 and u2 each called on one day only.
    QCOMPARE(cell(m, 0, Columns::Calls), QStringLiteral("2"));
    QCOMPARE(cell(m, 0, Columns::RepeatCallers), QStringLiteral("0"));
    QCOMPARE(cell(m, 0, Columns::FeesPaid), QStringLiteral("0.0000 OPG"));
    QCOMPARE(cell(m, 0, Columns::FirstCall), QStringLiteral("2026-03-02"));
}

void TestCatalogueModel::windowMatchesTheCliQuery()
{
    // The browser reads a window from a table filled once; the CLI aggregates in one query.
    // Both must give the same rows in the same order.
    auto f = openModel(m_demo);
    QVERIFY(f);
    CatalogueModel &m = *f->model;
    ViewSpec spec;
    spec.sinceDay = 20500 - 20;
    spec.untilDay = 20500 - 5;
    spec.usage = ViewSpec::Usage::Called;
    spec.sortColumn = Columns::RepeatCallers;
    QVERIFY(waitComplete(m, spec));
    Database db = Cache::open(m_demo, Database::Mode::ReadOnly);
    const SqlQuery q = ViewQuery::select(spec);
    Statement st(db, q.sql);
    q.bindTo(st);
    int row = 0;
    while (st.step() && row < 250) {
        const CatalogueRow expected = readCatalogueRow(st);
        QVERIFY(waitRow(m, row));
        QCOMPARE(m.rowIdAt(row), expected.id);
        for (int c = 0; c < Columns::Count; ++c)
            QCOMPARE(m.data(m.index(row, c), CatalogueModel::RawRole), expected.cells[size_t(c)]);
        ++row;
    }
    QVERIFY(row > 100);
    QCOMPARE(m.matchCount(), sqlCount(db, spec));
    QSignalSpy figures(&m, &CatalogueModel::figuresReady);
    m.refresh();
    QVERIFY(figures.wait(30000));
    const auto got = figures.last().at(0).value<CatalogueFigures>();
    const CatalogueFigures want = Figures::compute(db, spec);
    QCOMPARE(got.calls, want.calls);
    QCOMPARE(got.called, want.called);
    QCOMPARE(got.gini, want.gini);
}

void TestCatalogueModel::search_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("expected");
    const QStringList none;
    // One and two letters are a scan; three and more go through the trigram index.
    QTest::newRow("one letter") << "u" << QStringList{"ghost/unlisted", "\u00fcnic\u00f6de/m\u00f8del"};
    QTest::newRow("two letters") << "ga" << QStringList{"zeta/gamma"};
    QTest::newRow("three letters") << "gam" << QStringList{"zeta/gamma"};
    QTest::newRow("any case") << "GAMMA" << QStringList{"zeta/gamma"};
    QTest::newRow("author") << "acme" << QStringList{"acme/alpha", "acme/beta"};
    QTest::newRow("task") << "translat" << QStringList{"zeta/never"};
    QTest::newRow("across the slash") << "me/al" << QStringList{"acme/alpha"};
    QTest::newRow("non-ASCII") << "\u00fcnic\u00f6de" << QStringList{"\u00fcnic\u00f6de/m\u00f8del"};
    QTest::newRow("non-ASCII two letters") << "\u00f8d" << QStringList{"\u00fcnic\u00f6de/m\u00f8del"};
    QTest::newRow("FTS syntax is text") << "\"gam OR x*" << none;
    QTest::newRow("LIKE syntax is text") << "%" << none;
    QTest::newRow("no match") << "zzzz" << none;
}

void TestCatalogueModel::search()
{
    QFETCH(QString, text);
    QFETCH(QStringList, expected);
    {
        Database db = Cache::open(m_small);
        if (!db.queryInt("SELECT count(*) FROM models WHERE author = 'unic'").value_or(0))
            TestUtil::writeModel(db, "\u00fcnic\u00f6de/m\u00f8del", "fill-mask", "unic");
    }
    auto f = openModel(m_small);
    QVERIFY(f);
    CatalogueModel &m = *f->model;
    ViewSpec spec;
    spec.search = text;
    spec.sortColumn = Columns::ModelId;
    spec.sortDescending = false;
    QVERIFY(waitComplete(m, spec));
    QStringList got;
    for (int row = 0; row < m.rowCount(); ++row) {
        QVERIFY(waitRow(m, row));
        got << m.data(m.index(row, 0), CatalogueModel::RawRole).toString();
    }
    QCOMPARE(got, expected);
    QCOMPARE(m.matchCount(), expected.size());
}

void TestCatalogueModel::staleAnswersDropped()
{
    auto f = openModel(m_small);
    QVERIFY(f);
    CatalogueModel &m = *f->model;
    QVERIFY(waitComplete(m, ViewSpec()));
    QVERIFY(waitRow(m, 0));
    const quint64 old = m.generation();
    ViewSpec spec;
    spec.author = QStringLiteral("zeta");
    QVERIFY(waitComplete(m, spec));
    QCOMPARE(m.rowCount(), 2);
    QVERIFY(m.generation() > old);

    // Answers for the old generation arriving late change nothing.
    QSignalSpy resets(&*f->model, &QAbstractItemModel::modelReset);
    QSignalSpy changed(&*f->model, &QAbstractItemModel::dataChanged);
    emit f->thread.loader()->idsReady(old, {1, 2, 3, 4, 5}, true);
    CatalogueRow bogus;
    bogus.id = 1;
    bogus.cells[Columns::ModelId] = QStringLiteral("bogus");
    emit f->thread.loader()->pageReady(old, 0, {bogus, bogus});
    QCOMPARE(resets.count(), 0);
    QCOMPARE(changed.count(), 0);
    QCOMPARE(m.rowCount(), 2);
    QVERIFY(waitRow(m, 0));
    QVERIFY(cell(m, 0, Columns::ModelId).startsWith(QLatin1String("zeta/")));
}

void TestCatalogueModel::racingSpecsEndOnTheLast()
{
    auto f = openModel(m_demo);
    QVERIFY(f);
    CatalogueModel &m = *f->model;
    QVERIFY(waitComplete(m, ViewSpec()));
    // Every view query is slow now: the earlier specs are still running (or queued) when
    // the next arrives, as when someone types quickly.
    f->thread.loader()->setArtificialDelay(150);
    ThreadSpy ids(f->thread.loader(), &CatalogueLoader::idsReady);
    ViewSpec spec;
    for (const char *text : {"a", "ac", "acm", "l", "ll", "lla", "llam"}) {
        spec.search = QString::fromLatin1(text);
        m.setSpec(spec);
        // The next spec comes while this one is running.
        QTRY_COMPARE_WITH_TIMEOUT(f->thread.loader()->startedGeneration(), m.generation(), 20000);
    }
    const quint64 last = m.generation();
    QVERIFY(QTest::qWaitFor([&] { return m.isComplete(); }, 20000));
    f->thread.loader()->setArtificialDelay(0);

    // Whatever older answers the loader still sent, the model shows the last view only.
    Database db = Cache::open(m_demo, Database::Mode::ReadOnly);
    const SqlQuery q = ViewQuery::count(spec);
    Statement st(db, q.sql);
    q.bindTo(st);
    QVERIFY(st.step());
    QCOMPARE(m.matchCount(), qint64(st.int64(0)));
    if (m.rowCount() > 0)
        QVERIFY(waitRow(m, 0));
    int older = 0;
    for (const auto &call : ids)
        older += call.at(0).toULongLong() < last;
    // Most superseded views were skipped before running at all.
    QVERIFY2(older <= 2, qPrintable(QString::number(older)));
}

void TestCatalogueModel::pagesAreBoundedWhileScrolling()
{
    auto f = openModel(m_demo);
    QVERIFY(f);
    CatalogueModel &m = *f->model;
    QVERIFY(waitComplete(m, ViewSpec()));
    QCOMPARE(m.rowCount(), 6000);
    // Jump through the table as a scroll bar drag would: the far pages are let go.
    for (int row = 0; row < m.rowCount(); row += 97) {
        m.prefetch(row, row + 30);
        QVERIFY(waitRow(m, row));
        QVERIFY(m.loadedPageCount() <= CatalogueModel::MaxPages);
    }
    QVERIFY(waitRow(m, 5999));
    QVERIFY(m.loadedPageCount() <= CatalogueModel::MaxPages);
    QVERIFY(m.loadedRowCount() <= CatalogueModel::MaxPages * CatalogueModel::PageSize);
    // The rows at the end are the view's last ids, in order.
    QCOMPARE(m.data(m.index(5999, 0), CatalogueModel::RowIdRole).toLongLong(), m.rowIdAt(5999));
    // Row 0 was dropped along the way and loads again on demand.
    QVERIFY(waitRow(m, 0));
    Database db = Cache::open(m_demo, Database::Mode::ReadOnly);
    QCOMPARE(m.data(m.index(0, Columns::Calls), CatalogueModel::RawRole).toLongLong(),
             *db.queryInt("SELECT max(calls) FROM models"));
}

QTEST_MAIN(TestCatalogueModel)
#include "tst_cataloguemodel.moc"
