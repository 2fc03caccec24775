// WindowScreen: the first screen of a usage-window view from the daily totals, which must be
// exactly the first rows of the full query (ViewQuery::orderedIds) for every sort column,
// both directions, each window and each filter it accepts; and nullopt for those it does not.

#include "db/cache.h"
#include "evidence/evidence.h"
#include "ingest/ingest.h"
#include "testutil.h"
#include "text/textrules.h"
#include "view/viewspec.h"
#include "view/windowscreen.h"

#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

#include <functional>
#include <map>
#include <random>

using namespace uptake;

namespace {

std::vector<std::int64_t> fullOrder(Database &db, const ViewSpec &spec, int count)
{
    const SqlQuery q = ViewQuery::orderedIds(spec);
    Statement st(db, q.sql + " LIMIT " + std::to_string(count));
    q.bindTo(st);
    std::vector<std::int64_t> ids;
    while (st.step())
        ids.push_back(st.int64(0));
    return ids;
}

std::int64_t day(const char *iso)
{
    return *TextRules::parseDay(iso);
}

} // namespace

class TestWindowScreen : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_cache;

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_cache = m_dir.filePath(QStringLiteral("w.sqlite"));
        Database db = Cache::open(m_cache);
        Transaction tx(db);
        {
            CatalogueWriter catalogue(db);
            for (int i = 0; i < 600; ++i) {
                ModelRecord r;
                r.modelId = "org" + std::to_string(i % 7) + "/model-" + std::to_string(i);
                r.author = "org" + std::to_string(i % 7);
                r.task = i % 3 == 0 ? "text-generation" : (i % 3 == 1 ? "classification" : "regression");
                if (i % 5 != 0)
                    r.downloads = (i * 37) % 101; // ties, and unknowns
                r.createdAt = 1767225600 + std::int64_t(i % 50) * 86400;
                catalogue.upsert(r);
            }
        }
        // Power-law usage over 20 days of March 2026 with many ties (one call, one day), TEE
        // and ZKML calls, failures and fees; a model only in usage; and roll-up rows, whose
        // first and last calls are known only to the day.
        std::mt19937 random(20261127);
        UsageWriter usage(db);
        std::vector<std::string> strings;
        strings.reserve(200000);
        auto keep = [&](std::string s) -> std::string_view { return strings.emplace_back(std::move(s)); };
        const std::int64_t march1 = 1772323200; // 2026-03-01T00:00:00Z
        for (int i = 0; i < 600; i += 2) {
            const int calls = i % 4 == 0 ? 1 : 1 + int(3000 / (1 + i)) + int(random() % 3);
            for (int c = 0; c < calls; ++c) {
                UsageEvent e;
                e.timestamp = march1 + std::int64_t(random() % 20) * 86400 + std::int64_t(random() % 86400);
                e.modelId = keep("org" + std::to_string(i % 7) + "/model-" + std::to_string(i));
                e.caller = keep("caller-" + std::to_string(random() % 40));
                e.mode = TextRules::Mode(random() % 3);
                e.failed = random() % 9 == 0;
                e.feeNano = (random() % 4) * 250000000;
                usage.add(e);
            }
        }
        UsageEvent ghost;
        ghost.timestamp = march1 + 7 * 86400 + 5;
        ghost.modelId = "ghost/only-in-usage";
        ghost.caller = "caller-1";
        usage.add(ghost);
        for (int i = 1; i < 600; i += 10) {
            UsageDay d;
            d.day = day("2026-03-01") + (i % 20);
            d.modelId = keep("org" + std::to_string(i % 7) + "/model-" + std::to_string(i));
            d.caller = "warehouse-caller";
            d.calls = 1 + i % 4;
            d.verified = i % 2;
            d.feeNano = 1000000000;
            usage.addDay(d);
        }
        usage.finish();
        tx.commit();
        QCOMPARE(TestUtil::modelDayMismatches(db), std::int64_t(0));
    }

    void sameAsTheFullQuery_data()
    {
        QTest::addColumn<int>("column");
        QTest::addColumn<bool>("descending");
        for (int c = 0; c < Columns::Count; ++c)
            for (const bool desc : {true, false})
                QTest::addRow("%s %s", Columns::info(c).key, desc ? "desc" : "asc") << c << desc;
    }

    void sameAsTheFullQuery()
    {
        QFETCH(int, column);
        QFETCH(bool, descending);
        Database db = Cache::open(m_cache);
        struct Window
        {
            std::optional<std::int64_t> since, until;
        };
        const std::vector<Window> windows = {{day("2026-03-05"), day("2026-03-12")},
                                             {day("2026-03-15"), std::nullopt},
                                             {std::nullopt, day("2026-03-03")},
                                             {day("2027-01-01"), std::nullopt}};
        std::vector<std::function<void(ViewSpec &)>> filters = {
            [](ViewSpec &) {},
            [](ViewSpec &s) { s.task = QStringLiteral("text-generation"); },
            [](ViewSpec &s) { s.author = QStringLiteral("org3"); },
            [](ViewSpec &s) { s.usage = ViewSpec::Usage::Called; },
            [](ViewSpec &s) { s.usage = ViewSpec::Usage::Never; },
            [](ViewSpec &s) { s.usage = ViewSpec::Usage::Unlisted; },
            [](ViewSpec &s) { s.minCalls = 3; },
            [](ViewSpec &s) { s.search = QStringLiteral("EL-1"); },
            [](ViewSpec &s) { s.search = QStringLiteral("l-4"); s.usage = ViewSpec::Usage::Called; },
        };
        int checked = 0, refused = 0;
        for (const Window &w : windows)
            for (const auto &filter : filters)
                for (const int count : {200, 7}) {
                    ViewSpec spec;
                    spec.sinceDay = w.since;
                    spec.untilDay = w.until;
                    spec.sortColumn = column;
                    spec.sortDescending = descending;
                    filter(spec);
                    const std::optional<std::vector<std::int64_t>> ids = WindowScreen::firstIds(db, spec, count);
                    QCOMPARE(ids.has_value(), WindowScreen::supports(spec));
                    if (!ids) {
                        ++refused;
                        continue;
                    }
                    const std::vector<std::int64_t> expected = fullOrder(db, spec, count);
                    if (*ids != expected) {
                        QString which = QString::fromUtf8(QJsonDocument(spec.toJson()).toJson(QJsonDocument::Compact));
                        QFAIL(qPrintable(QStringLiteral("count %1, %2: %3 ids, expected %4")
                                             .arg(count)
                                             .arg(which)
                                             .arg(ids->size())
                                             .arg(expected.size())));
                    }
                    ++checked;
                }
        // The views that need callers (their counts, or their first days for the demand
        // evidence) are the ones refused; everything else was compared.
        const bool callers = column == Columns::UniqueCallers || column == Columns::RepeatCallers
                             || column == Columns::RepeatRate || (column == Columns::FirstCall && descending)
                             || column == Columns::Week1Retention || column == Columns::Week4Retention
                             || column == Columns::TopCallerShare || column == Columns::EffectiveCallers;
        QCOMPARE(refused, callers ? int(windows.size() * filters.size() * 2) : 0);
        QCOMPARE(checked + refused, int(windows.size() * filters.size() * 2));
    }

    // The browser's window table holds what the window's SQL computes, row for row.
    void fillTableMatchesTheQuery_data()
    {
        QTest::addColumn<qint64>("since");
        QTest::addColumn<qint64>("until");
        QTest::addRow("a week") << qint64(day("2026-03-05")) << qint64(day("2026-03-12"));
        QTest::addRow("one day") << qint64(day("2026-03-07")) << qint64(day("2026-03-07"));
        QTest::addRow("all of it") << qint64(day("2026-01-01")) << qint64(day("2026-12-31"));
        QTest::addRow("no usage") << qint64(day("2027-01-01")) << qint64(day("2027-02-01"));
    }

    void fillTableMatchesTheQuery()
    {
        QFETCH(qint64, since);
        QFETCH(qint64, until);
        Database db = Cache::open(m_cache);
        ViewSpec spec;
        spec.sinceDay = since;
        spec.untilDay = until;
        db.exec(ViewQuery::createWindowTable("w_test"));
        WindowScreen::fillTable(db, spec, "w_test");
        Evidence::fillWindowTable(db, spec, "w_test"); // the demand evidence, against 3b in SQL
        const std::vector<std::int64_t> ids = fullOrder(db, ViewSpec(), 1000);
        QCOMPARE(int(ids.size()), 601);
        auto rows = [&](const SqlQuery &q) {
            Statement st(db, q.sql);
            q.bindTo(st);
            QStringList out;
            while (st.step()) {
                QStringList cells;
                for (int c = 0; c < st.columnCount(); ++c)
                    cells << (st.isNull(c) ? QStringLiteral("NULL") : st.text(c));
                out << cells.join(QLatin1Char('|'));
            }
            out.sort();
            return out;
        };
        const QStringList expected = rows(ViewQuery::selectIds(spec, ids));
        QCOMPARE(rows(ViewQuery::selectIds(spec, ids, "w_test")), expected);
        const bool anyUsage = db.queryInt("SELECT count(*) FROM temp.w_test").value_or(0) > 0;
        QCOMPARE(anyUsage, since < day("2027-01-01"));
        // And the order of every column both ways.
        for (int c = 0; c < Columns::Count; ++c)
            for (const bool desc : {false, true}) {
                ViewSpec sorted = spec;
                sorted.sortColumn = c;
                sorted.sortDescending = desc;
                const SqlQuery a = ViewQuery::orderedIds(sorted), b = ViewQuery::orderedIds(sorted, "w_test");
                QCOMPARE(rows(b), rows(a)); // same set
                Statement sa(db, a.sql), sb(db, b.sql);
                a.bindTo(sa);
                b.bindTo(sb);
                while (sa.step()) {
                    QVERIFY(sb.step());
                    QCOMPARE(sb.int64(0), sa.int64(0));
                }
                QVERIFY(!sb.step());
            }
    }

    // A rare search in a window: the window aggregated for its matches alone gives the
    // same order as the whole window.
    void orderAmongMatches()
    {
        Database db = Cache::open(m_cache);
        for (const char *search : {"model-1", "org3/model-2", "l-4", "no-such-model"})
            for (const int column : {int(Columns::Calls), int(Columns::RepeatCallers), int(Columns::ModelId)}) {
                ViewSpec spec;
                spec.sinceDay = day("2026-03-04");
                spec.untilDay = day("2026-03-15");
                spec.search = QString::fromLatin1(search);
                spec.sortColumn = column;
                std::vector<std::int64_t> matches;
                const SqlQuery fts = *ViewQuery::searchIds(spec);
                Statement st(db, fts.sql);
                fts.bindTo(st);
                while (st.step())
                    matches.push_back(st.int64(0));
                const std::vector<std::int64_t> expected = fullOrder(db, spec, 1000);
                QCOMPARE(matches.size(), expected.size());
                const SqlQuery among = ViewQuery::orderedIdsAmong(spec, matches);
                Statement a(db, among.sql);
                among.bindTo(a);
                std::vector<std::int64_t> got;
                while (a.step())
                    got.push_back(a.int64(0));
                QCOMPARE(got, expected);
            }
    }

    void refusesWhatNeedsCallers()
    {
        ViewSpec spec;
        spec.sinceDay = day("2026-03-05");
        QVERIFY(WindowScreen::supports(spec));
        ViewSpec repeat = spec;
        repeat.usage = ViewSpec::Usage::Repeat;
        QVERIFY(!WindowScreen::supports(repeat));
        ViewSpec minRepeat = spec;
        minRepeat.minRepeatCallers = 2;
        QVERIFY(!WindowScreen::supports(minRepeat));
        ViewSpec foreign = spec;
        foreign.search = QStringLiteral("modèle");
        QVERIFY(!WindowScreen::supports(foreign));
        ViewSpec allTime;
        QVERIFY(!WindowScreen::supports(allTime));
    }

    // The sums of a page before its callers are counted are the full query's sums.
    void sumsOnlyRows()
    {
        Database db = Cache::open(m_cache);
        ViewSpec spec;
        spec.sinceDay = day("2026-03-04");
        spec.untilDay = day("2026-03-16");
        const std::vector<std::int64_t> ids = fullOrder(db, spec, 1000);
        QCOMPARE(int(ids.size()), 601);
        auto rows = [&](const SqlQuery &q) {
            Statement st(db, q.sql);
            q.bindTo(st);
            std::map<std::int64_t, QStringList> out;
            while (st.step()) {
                QStringList cells;
                for (int c = 0; c < Columns::Count; ++c)
                    cells << (st.isNull(1 + c) ? QStringLiteral("NULL") : st.text(1 + c));
                out[st.int64(0)] = cells;
            }
            return out;
        };
        const auto full = rows(ViewQuery::selectIds(spec, ids));
        const auto sums = rows(ViewQuery::selectIdsWindowSums(spec, ids));
        QCOMPARE(int(sums.size()), 601);
        int dayOnly = 0;
        for (const auto &[id, cells] : full) {
            for (int c = 0; c < Columns::Count; ++c) {
                // Counted with the callers: their numbers, and the demand evidence.
                const bool callers = c == Columns::UniqueCallers || c == Columns::RepeatCallers
                                     || c == Columns::RepeatRate || c == Columns::Week1Retention
                                     || c == Columns::Week4Retention || c == Columns::TopCallerShare
                                     || c == Columns::EffectiveCallers;
                QCOMPARE(sums.at(id).at(c), callers ? QStringLiteral("NULL") : cells.at(c));
            }
            dayOnly += cells.at(Columns::LastCall).endsWith(QLatin1String(".5"));
        }
        QVERIFY(dayOnly > 0); // the roll-up rows are among them
    }
};

QTEST_GUILESS_MAIN(TestWindowScreen)
#include "tst_windowscreen.moc"
