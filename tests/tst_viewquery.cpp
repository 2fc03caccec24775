#include "db/cache.h"
#include "view/figures.h"
#include "testutil.h"
#include "view/viewargs.h"
#include "view/viewspec.h"

#include <QTemporaryDir>
#include <QTest>

using namespace uptake;

namespace {
// model_id -> the view's value of one column, as text ("" for NULL).
QMap<QString, QString> columnOf(Database &db, const ViewSpec &spec, int column)
{
    const SqlQuery q = ViewQuery::select(spec);
    Statement st(db, q.sql);
    q.bindTo(st);
    QMap<QString, QString> out;
    while (st.step())
        out.insert(st.text(1 + Columns::ModelId), st.isNull(1 + column) ? QString() : st.text(1 + column));
    return out;
}

QStringList idsOf(Database &db, const ViewSpec &spec)
{
    const SqlQuery q = ViewQuery::select(spec);
    Statement st(db, q.sql);
    q.bindTo(st);
    QStringList out;
    while (st.step())
        out << st.text(1 + Columns::ModelId);
    return out;
}

std::int64_t countOf(Database &db, const ViewSpec &spec)
{
    const SqlQuery q = ViewQuery::count(spec);
    Statement st(db, q.sql);
    q.bindTo(st);
    st.step();
    return st.int64(0);
}
} // namespace

class TestViewQuery : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_db = Cache::open(m_dir.filePath(QStringLiteral("f.sqlite")));
        TestUtil::buildFixture(m_db);
    }

    void allTimeMetricsMatchStoredFigures()
    {
        ViewSpec spec;
        const auto calls = columnOf(m_db, spec, Columns::Calls);
        QCOMPARE(calls.value(QStringLiteral("lab/alpha")), QStringLiteral("4"));
        QCOMPARE(calls.value(QStringLiteral("og/risk")), QStringLiteral("0"));
        QCOMPARE(columnOf(m_db, spec, Columns::RepeatRate).value(QStringLiteral("lab/alpha")), QStringLiteral("0.5"));
        QCOMPARE(columnOf(m_db, spec, Columns::RepeatRate).value(QStringLiteral("og/risk")), QString()); // no callers
        QCOMPARE(columnOf(m_db, spec, Columns::FeesPaid).value(QStringLiteral("lab/alpha")), QStringLiteral("3000002"));
    }

    void windowCutsCallerDays()
    {
        // 2 to 3 March: alpha keeps e3 (the address, now on one day only) and e4 (agent-42).
        ViewSpec spec;
        spec.sinceDay = TextRules::parseDay("2026-03-02");
        spec.untilDay = TextRules::parseDay("2026-03-03");
        QCOMPARE(columnOf(m_db, spec, Columns::Calls).value(QStringLiteral("lab/alpha")), QStringLiteral("2"));
        QCOMPARE(columnOf(m_db, spec, Columns::UniqueCallers).value(QStringLiteral("lab/alpha")), QStringLiteral("2"));
        QCOMPARE(columnOf(m_db, spec, Columns::RepeatCallers).value(QStringLiteral("lab/alpha")), QStringLiteral("0"));
        QCOMPARE(columnOf(m_db, spec, Columns::VerifiedCalls).value(QStringLiteral("lab/alpha")), QStringLiteral("1"));
        QCOMPARE(columnOf(m_db, spec, Columns::FeesPaid).value(QStringLiteral("lab/alpha")), QStringLiteral("2"));
        QCOMPARE(columnOf(m_db, spec, Columns::FailedCalls).value(QStringLiteral("lab/alpha")), QStringLiteral("1"));
        QCOMPARE(columnOf(m_db, spec, Columns::ActiveDays).value(QStringLiteral("lab/alpha")), QStringLiteral("1"));
        QCOMPARE(columnOf(m_db, spec, Columns::FirstCall).value(QStringLiteral("lab/alpha")),
                 QString::number(*TextRules::parseTimestamp("2026-03-03T00:30:00Z")));
        QCOMPARE(columnOf(m_db, spec, Columns::Calls).value(QStringLiteral("lab/beta")), QStringLiteral("0"));
        QCOMPARE(columnOf(m_db, spec, Columns::FirstCall).value(QStringLiteral("lab/beta")), QString());
        // The window narrows usage only, never the catalogue.
        QCOMPARE(countOf(m_db, spec), 5);
        // Since alone and until alone.
        ViewSpec since;
        since.sinceDay = TextRules::parseDay("2026-03-04");
        QCOMPARE(columnOf(m_db, since, Columns::Calls).value(QStringLiteral("lab/alpha")), QStringLiteral("0"));
        QCOMPARE(columnOf(m_db, since, Columns::Calls).value(QStringLiteral("lab/beta")), QStringLiteral("3"));
        ViewSpec until;
        until.untilDay = TextRules::parseDay("2026-03-01");
        QCOMPARE(columnOf(m_db, until, Columns::Calls).value(QStringLiteral("lab/alpha")), QStringLiteral("2"));
        QCOMPARE(columnOf(m_db, until, Columns::UniqueCallers).value(QStringLiteral("lab/alpha")), QStringLiteral("1"));
    }

    void filters_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QStringList>("expected"); // sorted by model_id
        QTest::newRow("all") << QStringList{}
                             << QStringList{"ghost/model", "lab/alpha", "lab/beta", "og/risk", "og/vol"};
        QTest::newRow("never") << QStringList{"--usage", "never"} << QStringList{"og/risk", "og/vol"};
        QTest::newRow("called") << QStringList{"--usage", "called"}
                                << QStringList{"ghost/model", "lab/alpha", "lab/beta"};
        QTest::newRow("repeat") << QStringList{"--usage", "repeat"} << QStringList{"lab/alpha"};
        QTest::newRow("unlisted") << QStringList{"--usage=unlisted"} << QStringList{"ghost/model"};
        QTest::newRow("task") << QStringList{"--task", "text-generation"} << QStringList{"lab/alpha", "lab/beta"};
        QTest::newRow("author") << QStringList{"--author", "og"} << QStringList{"og/risk", "og/vol"};
        QTest::newRow("min calls") << QStringList{"--min-calls", "3"} << QStringList{"lab/alpha", "lab/beta"};
        QTest::newRow("min repeat") << QStringList{"--min-repeat-callers", "1"} << QStringList{"lab/alpha"};
        QTest::newRow("search id") << QStringList{"--search", "ALPH"} << QStringList{"lab/alpha"};
        QTest::newRow("search task") << QStringList{"--search", "volatility"} << QStringList{"og/vol"};
        QTest::newRow("search short") << QStringList{"--search", "b"} << QStringList{"lab/alpha", "lab/beta"};
        QTest::newRow("search wildcard is literal") << QStringList{"--search", "%"} << QStringList{};
        QTest::newRow("listed range") << QStringList{"--listed-from", "2025-06-01", "--listed-until", "2026-01-05"}
                                      << QStringList{"lab/beta", "og/vol"};
        QTest::newRow("window + called") << QStringList{"--since", "2026-03-04", "--usage", "called"}
                                         << QStringList{"ghost/model", "lab/beta"};
        QTest::newRow("combined") << QStringList{"--task", "text-generation", "--usage", "repeat"}
                                  << QStringList{"lab/alpha"};
    }

    void filters()
    {
        QFETCH(QStringList, args);
        QFETCH(QStringList, expected);
        ViewSpec spec;
        for (int i = 0; i < args.size(); ++i) {
            QString error;
            QCOMPARE(ViewArgs::take(args, i, spec, error, true), ViewArgs::Result::Taken);
        }
        QStringList ids = idsOf(m_db, spec);
        ids.sort();
        QCOMPARE(ids, expected);
        QCOMPARE(countOf(m_db, spec), expected.size());
    }

    void sorting()
    {
        ViewSpec spec;
        QString error;
        QVERIFY(ViewArgs::parseSort(QStringLiteral("calls:desc"), spec, error));
        QCOMPARE(idsOf(m_db, spec).mid(0, 3), (QStringList{"lab/alpha", "lab/beta", "ghost/model"}));
        QVERIFY(ViewArgs::parseSort(QStringLiteral("model_id:asc"), spec, error));
        QCOMPARE(idsOf(m_db, spec).first(), QStringLiteral("ghost/model"));
        QVERIFY(ViewArgs::parseSort(QStringLiteral("model_id"), spec, error)); // text defaults to ascending
        QVERIFY(!spec.sortDescending);
        QVERIFY(!ViewArgs::parseSort(QStringLiteral("nonsense:asc"), spec, error));
        QVERIFY(error.contains(QStringLiteral("nonsense")));
        QVERIFY(!ViewArgs::parseSort(QStringLiteral("calls:up"), spec, error));
        // Every column sorts both ways and returns every row.
        for (int c = 0; c < Columns::Count; ++c) {
            for (bool desc : {false, true}) {
                ViewSpec s;
                s.sortColumn = c;
                s.sortDescending = desc;
                QCOMPARE(idsOf(m_db, s).size(), 5);
            }
        }
    }

    void everySortWalksAnIndex()
    {
        // The first screen of any sort must come from an index walk, never from sorting the
        // whole catalogue: the planner's own plan for the bare view uses one for every column.
        for (int c = 0; c < Columns::Count; ++c) {
            for (const bool desc : {false, true}) {
                ViewSpec s;
                s.sortColumn = c;
                s.sortDescending = desc;
                const SqlQuery q = ViewQuery::orderedIds(s);
                Statement plan(m_db, "EXPLAIN QUERY PLAN " + q.sql + " LIMIT 200");
                q.bindTo(plan);
                QString detail;
                while (plan.step())
                    detail += plan.text(3) + QLatin1Char('\n');
                QVERIFY2(!detail.contains(QLatin1String("TEMP B-TREE")),
                         qPrintable(QString::fromLatin1(Columns::info(c).key) + QLatin1String(": ") + detail));
                QVERIFY2(detail.contains(QString::fromLatin1(ViewQuery::sortIndex(c))),
                         qPrintable(QString::fromLatin1(Columns::info(c).key) + QLatin1String(": ") + detail));
            }
        }
    }

    void sortIndexWalkGivesTheSameRows()
    {
        // Walking the sort index with the filters tested row by row is the same view.
        QList<ViewSpec> specs;
        ViewSpec s;
        s.task = QStringLiteral("text-generation");
        specs << s;
        s = ViewSpec();
        s.search = QStringLiteral("lab/");
        s.sortColumn = Columns::RepeatRate;
        specs << s;
        s = ViewSpec();
        s.search = QStringLiteral("a");
        s.usage = ViewSpec::Usage::Called;
        s.sortColumn = Columns::FirstCall;
        s.sortDescending = false;
        specs << s;
        s = ViewSpec();
        s.author = QStringLiteral("og");
        s.sortColumn = Columns::ModelId;
        specs << s;
        s = ViewSpec();
        s.search = QStringLiteral("ALPHA"); // the walk tests LIKE, the index folds case: same rows
        s.sortColumn = Columns::Calls;
        specs << s;
        s = ViewSpec();
        s.search = QStringLiteral("generation");
        specs << s;
        for (const ViewSpec &spec : specs) {
            auto ids = [&](const SqlQuery &q) {
                Statement st(m_db, q.sql);
                q.bindTo(st);
                QList<qint64> out;
                while (st.step())
                    out << st.int64(0);
                return out;
            };
            const std::optional<SqlQuery> walk = ViewQuery::orderedIdsBySortIndex(spec);
            QVERIFY(walk);
            QVERIFY(walk->sql.find("INDEXED BY") != std::string::npos);
            const QList<qint64> expected = ids(ViewQuery::orderedIds(spec));
            QVERIFY(!expected.isEmpty());
            QCOMPARE(ids(*walk), expected);
        }
        // A usage window sorts its own temporary table, and only the trigram index folds
        // non-ASCII case: no walk for those.
        ViewSpec windowed;
        windowed.sinceDay = 20000;
        QVERIFY(!ViewQuery::orderedIdsBySortIndex(windowed));
        ViewSpec accented;
        accented.search = QStringLiteral("caf\u00e9");
        QVERIFY(!ViewQuery::orderedIdsBySortIndex(accented));
    }

    void badArguments_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("missing value") << QStringList{"--task"};
        QTest::newRow("bad usage") << QStringList{"--usage", "sometimes"};
        QTest::newRow("negative") << QStringList{"--min-calls", "-1"};
        QTest::newRow("not a number") << QStringList{"--min-calls", "ten"};
        QTest::newRow("bad date") << QStringList{"--since", "2026-02-30"};
    }

    void badArguments()
    {
        QFETCH(QStringList, args);
        ViewSpec spec;
        QString error;
        int i = 0;
        QCOMPARE(ViewArgs::take(args, i, spec, error, true), ViewArgs::Result::Error);
        QVERIFY(!error.isEmpty());
    }

    void catalogueFigures()
    {
        const CatalogueFigures f = Figures::compute(m_db, ViewSpec{});
        QCOMPARE(f.models, 5);
        QCOMPARE(f.listed, 4);
        QCOMPARE(f.unlisted, 1);
        QCOMPARE(f.called, 2);
        QCOMPARE(f.calls, 8);
        QCOMPARE(f.neverCalledShare, 0.5);
        // Listed calls 0, 0, 3, 4: G = 2 * (3*3 + 4*4) / (4 * 7) - 5/4.
        QVERIFY(qAbs(f.gini - (50.0 / 28.0 - 1.25)) < 1e-12);
        QVERIFY(qAbs(f.top1Share - 4.0 / 7.0) < 1e-12);

        QCOMPARE(Figures::gini({5, 5, 5, 5}), 0.0);
        QVERIFY(qAbs(Figures::gini({0, 0, 0, 10}) - 0.75) < 1e-12);
        QCOMPARE(Figures::gini({}), 0.0);
        QCOMPARE(Figures::topShare({1, 1, 1, 1, 1, 1, 1, 1, 1, 1}, 0.1), 0.1);
    }

private:
    QTemporaryDir m_dir;
    Database m_db;
};

QTEST_GUILESS_MAIN(TestViewQuery)
#include "tst_viewquery.moc"
