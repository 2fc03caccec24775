#include "db/cache.h"
#include "evidence/evidence.h"
#include "evidencereference.h"
#include "ingest/importer.h"
#include "text/textrules.h"
#include "view/viewargs.h"
#include "view/viewspec.h"
#include "view/windowscreen.h"

#include <QFile>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <map>
#include <random>

// The demand evidence as browser columns (contract 3b, section 4): the all-time figures the
// usage writer keeps in models after every import, the window's in its table, the filters
// and sorts on them. Each figure against the plain-SQL reference of evidencereference.h.

using namespace uptake;

using namespace EvidenceReference;

namespace {

const char kHeader[] = "timestamp,model_id,caller,event_id,status\n";

// The four figures of one model as the reference gives them, or as a row holds them.
struct Four
{
    std::optional<double> week1, week4, top, effective;
    bool operator==(const Four &) const = default;
};

QString toString(const Four &f)
{
    auto one = [](const std::optional<double> &v) { return v ? QString::number(*v, 'g', 17) : QStringLiteral("-"); };
    return QStringLiteral("%1 %2 %3 %4").arg(one(f.week1), one(f.week4), one(f.top), one(f.effective));
}

// Period k's rate from the reference's curve text ("r/e,r/e,...").
std::optional<double> rateOf(const QString &curve, int k)
{
    const QStringList pair = curve.split(QLatin1Char(',')).at(k - 1).split(QLatin1Char('/'));
    const double returned = pair.at(0).toDouble(), eligible = pair.at(1).toDouble();
    return eligible > 0 ? std::optional<double>(returned / eligible) : std::nullopt;
}

Four expected(Database &db, std::int64_t model, std::optional<std::int64_t> since, std::optional<std::int64_t> until)
{
    const Reference ref = reference(db, {model}, since, until);
    Four f;
    f.week1 = rateOf(ref.curve, 1);
    f.week4 = rateOf(ref.curve, 4);
    if (ref.calls > 0) {
        f.top = double(ref.top) / double(ref.calls);
        f.effective = double(ref.calls) * double(ref.calls) / double(ref.sumSquares);
    }
    return f;
}

// The four cells of a view row (ViewQuery's columns, after m.id).
Four cellsOf(const Statement &st)
{
    auto get = [&](int column) {
        const int c = column + 1;
        return st.isNull(c) ? std::nullopt : std::optional<double>(st.real(c));
    };
    return {get(Columns::Week1Retention), get(Columns::Week4Retention), get(Columns::TopCallerShare),
            get(Columns::EffectiveCallers)};
}

std::map<std::int64_t, Four> rowsOf(Database &db, const SqlQuery &q)
{
    std::map<std::int64_t, Four> out;
    Statement st(db, q.sql);
    q.bindTo(st);
    while (st.step())
        out[st.int64(0)] = cellsOf(st);
    return out;
}

std::vector<std::int64_t> idsOf(Database &db, const SqlQuery &q)
{
    std::vector<std::int64_t> out;
    Statement st(db, q.sql);
    q.bindTo(st);
    while (st.step())
        out.push_back(st.int64(0));
    return out;
}

} // namespace

class TestEvidenceColumns : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_n = 0;

    // Calls over 120 days for six models: regulars who come back weekly, one-off callers,
    // a whale on lab/m5; in time order, so that files cut from it move the evidence end.
    static std::vector<std::pair<std::int64_t, QByteArray>> randomCalls()
    {
        std::mt19937 rng(1318);
        std::vector<std::pair<std::int64_t, QByteArray>> calls;
        const std::int64_t start = dayOf("2026-01-05");
        for (int i = 0; i < 2500; ++i) {
            const int m = int(rng() % 6);
            const unsigned c = rng() % 120;
            std::int64_t offset = std::int64_t(rng() % 120);
            if (c < 20) // regulars: a first day, then every week or so
                offset = std::int64_t(c) + 7 * std::int64_t(rng() % 16) + std::int64_t(rng() % 3);
            const std::string caller = m == 5 && rng() % 4 != 0 ? "whale" : "agent-" + std::to_string(c);
            const std::int64_t t = (start + offset) * 86400 + std::int64_t(rng() % 86400);
            calls.emplace_back(t, QByteArray::fromStdString(TextRules::formatTimestamp(t) + ",lab/m" + std::to_string(m)
                                                             + "," + caller + ",,\n"));
        }
        std::sort(calls.begin(), calls.end());
        return calls;
    }

    QString importInto(Database &db, const QByteArray &content)
    {
        return importUsage(db, m_dir.filePath(QStringLiteral("usage%1.csv").arg(++m_n)), content);
    }

    // The stored all-time columns of every model equal the reference.
    static void compareStored(Database &db, const char *when)
    {
        const std::map<std::int64_t, Four> stored = rowsOf(db, ViewQuery::select(ViewSpec()));
        QVERIFY(!stored.empty());
        for (const auto &[model, four] : stored) {
            const Four want = expected(db, model, std::nullopt, std::nullopt);
            QVERIFY2(four == want, qPrintable(QStringLiteral("%1, model %2: %3, expected %4")
                                                  .arg(QLatin1String(when))
                                                  .arg(model)
                                                  .arg(toString(four), toString(want))));
        }
    }

    // A cache with the random calls in one file.
    QString wholeCache(Database &db)
    {
        db = Cache::open(m_dir.filePath(QStringLiteral("whole%1.sqlite").arg(++m_n)));
        QByteArray all = kHeader;
        for (const auto &c : randomCalls())
            all += c.second;
        return importInto(db, all);
    }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    // Imported in four files, each moving the evidence end, then one file that reaches only a
    // new model but moves the end by three weeks: after each, every model's columns equal the
    // reference; models the last file did not reach got their retention brought up to date.
    void storedFiguresFollowEveryImport()
    {
        Database db = Cache::open(m_dir.filePath(QStringLiteral("steps.sqlite")));
        const auto calls = randomCalls();
        const size_t parts = 4;
        for (size_t p = 0; p < parts; ++p) {
            QByteArray file = kHeader;
            for (size_t i = p * calls.size() / parts; i < (p + 1) * calls.size() / parts; ++i)
                file += calls[i].second;
            const QString failure = importInto(db, file);
            QVERIFY2(failure.isEmpty(), qPrintable(failure));
            compareStored(db, "after a part");
            if (QTest::currentTestFailed())
                return;
        }
        const std::int64_t m0 = *Evidence::modelRowId(db, QStringLiteral("lab/m0"));
        const Four before = rowsOf(db, ViewQuery::select(ViewSpec())).at(m0);
        const std::int64_t last = calls.back().first / 86400;
        const QByteArray late = QByteArray(kHeader) + QByteArray::fromStdString(TextRules::formatTimestamp((last + 21) * 86400 + 60))
                                + ",lab/late,someone,,\n";
        const QString failure = importInto(db, late);
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        compareStored(db, "after the late file");
        // The end moved by three weeks: more of lab/m0's callers are eligible now.
        const Four after = rowsOf(db, ViewQuery::select(ViewSpec())).at(m0);
        QVERIFY2(!(after == before), qPrintable(toString(after)));
        QCOMPARE(after.top, before.top); // its calls did not change

        // The same as all the calls in one file.
        Database whole;
        const QString wholeFailure = wholeCache(whole);
        QVERIFY2(wholeFailure.isEmpty(), qPrintable(wholeFailure));
        QVERIFY(importInto(whole, late).isEmpty());
        std::map<QString, Four> a, b;
        for (Database *d : {&db, &whole}) {
            Statement st(*d, "SELECT model_id, week1_retention, week4_retention, top_caller_share, effective_callers"
                             " FROM models");
            while (st.step()) {
                auto get = [&](int c) { return st.isNull(c) ? std::nullopt : std::optional<double>(st.real(c)); };
                (d == &db ? a : b)[st.text(0)] = Four{get(1), get(2), get(3), get(4)};
            }
        }
        QCOMPARE(a.size(), size_t(7));
        QVERIFY(a == b);
    }

    // A window's columns: from its table (what the browser and the export read) and from the
    // view's SQL alone, both equal to the reference, model by model.
    void windowColumnsEqualTheReference_data()
    {
        QTest::addColumn<QString>("since");
        QTest::addColumn<QString>("until");
        QTest::newRow("from a Wednesday") << "2026-02-04" << "";
        QTest::newRow("to a Friday") << "" << "2026-03-13";
        QTest::newRow("both ends") << "2026-01-20" << "2026-03-31";
        QTest::newRow("after the calls") << "2027-01-01" << "";
    }

    void windowColumnsEqualTheReference()
    {
        QFETCH(QString, since);
        QFETCH(QString, until);
        Database db;
        const QString failure = wholeCache(db);
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        ViewSpec spec;
        spec.sinceDay = optDay(since);
        spec.untilDay = optDay(until);
        db.exec(ViewQuery::createWindowTable("w_cols"));
        WindowScreen::fillTable(db, spec, "w_cols");
        Evidence::fillWindowTable(db, spec, "w_cols");
        const std::map<std::int64_t, Four> viaTable = rowsOf(db, ViewQuery::select(spec, "w_cols"));
        const std::map<std::int64_t, Four> viaSql = rowsOf(db, ViewQuery::select(spec));
        QCOMPARE(viaTable.size(), size_t(6));
        int withFigures = 0;
        for (const auto &[model, four] : viaTable) {
            const Four want = expected(db, model, spec.sinceDay, spec.untilDay);
            QVERIFY2(four == want, qPrintable(QStringLiteral("table, model %1: %2, expected %3")
                                                  .arg(model).arg(toString(four), toString(want))));
            QVERIFY2(viaSql.at(model) == want, qPrintable(QStringLiteral("SQL, model %1: %2, expected %3")
                                                              .arg(model).arg(toString(viaSql.at(model)), toString(want))));
            withFigures += four.week4.has_value();
        }
        QCOMPARE(withFigures > 0, since.isEmpty() || since < QLatin1String("2026-03"));
    }

    // Sorting by each figure puts models in the reference's order (NULL least, ties by id),
    // by the sort index all time; the filters keep exactly the models the reference passes.
    void sortAndFilter_data()
    {
        QTest::addColumn<QString>("since");
        QTest::newRow("all time") << "";
        QTest::newRow("window") << "2026-02-01";
    }

    void sortAndFilter()
    {
        QFETCH(QString, since);
        Database db;
        const QString failure = wholeCache(db);
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        ViewSpec base;
        base.sinceDay = optDay(since);
        const std::string table = WindowScreen::filledTable(db, base);
        if (!table.empty())
            Evidence::fillWindowTable(db, base, table);
        std::map<std::int64_t, Four> want;
        for (const std::int64_t m : allModels(db))
            want[m] = expected(db, m, base.sinceDay, std::nullopt);

        for (const int column : {int(Columns::Week1Retention), int(Columns::Week4Retention),
                                 int(Columns::TopCallerShare), int(Columns::EffectiveCallers)}) {
            for (const bool descending : {true, false}) {
                ViewSpec spec = base;
                spec.sortColumn = column;
                spec.sortDescending = descending;
                auto value = [&](std::int64_t m) {
                    const Four &f = want.at(m);
                    const std::optional<double> v = column == Columns::Week1Retention ? f.week1
                        : column == Columns::Week4Retention                          ? f.week4
                        : column == Columns::TopCallerShare                          ? f.top
                                                                                     : f.effective;
                    return std::make_pair(v.has_value(), v.value_or(0));
                };
                std::vector<std::int64_t> order = allModels(db);
                std::sort(order.begin(), order.end(), [&](std::int64_t a, std::int64_t b) {
                    const auto va = value(a), vb = value(b);
                    if (va != vb)
                        return descending ? vb < va : va < vb;
                    return descending ? b < a : a < b;
                });
                QCOMPARE(idsOf(db, ViewQuery::orderedIds(spec, table)), order);
                QCOMPARE(idsOf(db, ViewQuery::orderedIds(spec)), order);
                if (table.empty()) {
                    const std::optional<SqlQuery> walk = ViewQuery::orderedIdsBySortIndex(spec);
                    QVERIFY(walk);
                    QVERIFY(walk->sql.find("INDEXED BY models_by_") != std::string::npos);
                    QCOMPARE(idsOf(db, *walk), order);
                }
            }
        }

        struct Filter
        {
            const char *name;
            std::function<void(ViewSpec &)> set;
            std::function<bool(const Four &)> passes;
        };
        const std::vector<Filter> filters = {
            {"min week-4 retention 0.2", [](ViewSpec &s) { s.minWeek4Retention = 0.2; },
             [](const Four &f) { return f.week4 && *f.week4 >= 0.2; }},
            {"min effective callers 30", [](ViewSpec &s) { s.minEffectiveCallers = 30; },
             [](const Four &f) { return f.effective && *f.effective >= 30; }},
            {"max top caller share 0.1", [](ViewSpec &s) { s.maxTopCallerShare = 0.1; },
             [](const Four &f) { return f.top && *f.top <= 0.1; }},
        };
        for (const Filter &filter : filters) {
            ViewSpec spec = base;
            filter.set(spec);
            std::vector<std::int64_t> passing;
            for (const auto &[m, f] : want)
                if (filter.passes(f))
                    passing.push_back(m);
            QVERIFY2(!passing.empty() && passing.size() < want.size(), filter.name);
            std::vector<std::int64_t> got = idsOf(db, ViewQuery::orderedIds(spec, table));
            std::sort(got.begin(), got.end());
            QVERIFY2(got == passing, filter.name);
            got = idsOf(db, ViewQuery::orderedIds(spec));
            std::sort(got.begin(), got.end());
            QVERIFY2(got == passing, filter.name);
            // One-off questions (export, stats) fill the window's evidence for such a filter.
            if (spec.hasWindow()) {
                const std::string once = WindowScreen::filledTable(db, spec);
                got = idsOf(db, ViewQuery::orderedIds(spec, once));
                std::sort(got.begin(), got.end());
                QVERIFY2(got == passing, filter.name);
            }
        }
    }

    // A cache from before the columns (schema 8) gets them, filled, when it is opened.
    void upgradeFillsTheColumns()
    {
        const QString path = m_dir.filePath(QStringLiteral("old.sqlite"));
        {
            Database db = Cache::open(path);
            QByteArray all = kHeader;
            for (const auto &c : randomCalls())
                all += c.second;
            QVERIFY(importInto(db, all).isEmpty());
            db.exec("DROP INDEX models_by_week1; DROP INDEX models_by_week4; DROP INDEX models_by_top_share;"
                    " DROP INDEX models_by_effective; ALTER TABLE models DROP COLUMN week1_retention;"
                    " ALTER TABLE models DROP COLUMN week4_retention; ALTER TABLE models DROP COLUMN top_caller_share;"
                    " ALTER TABLE models DROP COLUMN effective_callers;"
                    // and what schema 10 added after it
                    " DROP INDEX models_by_parameters; DROP INDEX models_by_base_models; DROP INDEX models_by_gated;"
                    " DROP INDEX models_by_downloads_all_time; DROP INDEX models_by_trending;"
                    " ALTER TABLE models DROP COLUMN parameters; ALTER TABLE models DROP COLUMN base_models;"
                    " ALTER TABLE models DROP COLUMN gated; ALTER TABLE models DROP COLUMN downloads_all_time;"
                    " ALTER TABLE models DROP COLUMN trending_score; DROP TABLE model_base;"
                    // and what schema 11 added
                    " ALTER TABLE sync_state DROP COLUMN loaded_page; PRAGMA user_version = 8;");
        }
        Database db = Cache::open(path);
        QCOMPARE(db.queryInt("PRAGMA user_version"), std::optional<std::int64_t>(Cache::SchemaVersion));
        compareStored(db, "after the upgrade");
        QCOMPARE(db.queryInt("SELECT count(*) FROM models WHERE week4_retention IS NOT NULL").value_or(0) > 0, true);
    }

    // The command line's filters: plain decimals in every locale, fractions from 0 to 1.
    void commandLineFilters()
    {
        auto parse = [](const QStringList &args, ViewSpec &spec, QString &error) {
            for (int i = 0; i < args.size(); ++i)
                if (ViewArgs::take(args, i, spec, error, true) != ViewArgs::Result::Taken)
                    return false;
            return true;
        };
        ViewSpec spec;
        QString error;
        QVERIFY(parse({QStringLiteral("--min-week4-retention"), QStringLiteral("0.25"),
                       QStringLiteral("--min-effective-callers=12.5"), QStringLiteral("--max-top-caller-share"),
                       QStringLiteral("1")},
                      spec, error));
        QCOMPARE(spec.minWeek4Retention, std::optional<double>(0.25));
        QCOMPARE(spec.minEffectiveCallers, std::optional<double>(12.5));
        QCOMPARE(spec.maxTopCallerShare, std::optional<double>(1.0));
        QCOMPARE(spec.toJson().value(QStringLiteral("filters")).toObject().value(QStringLiteral("min_week4_retention")).toDouble(),
                 0.25);
        for (const char *bad : {"0,25", "1.5", "-0.1", "nan", "x"}) {
            ViewSpec s;
            QString e;
            QVERIFY2(!parse({QStringLiteral("--min-week4-retention"), QLatin1String(bad)}, s, e), bad);
            QVERIFY2(e.contains(QLatin1String("--min-week4-retention")) && e.contains(QLatin1String(bad)), qPrintable(e));
        }
    }
};

QTEST_GUILESS_MAIN(TestEvidenceColumns)
#include "tst_evidencecolumns.moc"
