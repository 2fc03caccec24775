#include "db/cache.h"
#include "db/database.h"
#include "testutil.h"
#include "view/cataloguereader.h"
#include "view/modeldetail.h"

#include <QDate>
#include <QTemporaryDir>
#include <QTest>

#include <map>
#include <set>
#include <string>
#include <vector>

// What the browser reads, on one connection and without its thread: a model's detail, the
// pick lists and a view's order, each checked against an independent fold of the fixture's
// calls or plain SQL on the same cache.
using namespace uptake;

class TestCatalogueReader : public QObject {
    Q_OBJECT

    struct Event {
        qint64 day;
        std::string model, caller;
        TextRules::Mode mode;
        bool failed;
    };

    QTemporaryDir m_dir;
    QString m_cache;
    std::vector<Event> m_events;

    static qint64 dayOf(const QDate &d) { return QDate(1970, 1, 1).daysTo(d); }
    static QDate dateOf(qint64 day) { return QDate(1970, 1, 1).addDays(day); }
    // Monday of the day's ISO week, as a day number: Qt's calendar, not TextRules'.
    static qint64 mondayOf(qint64 day) { return day - (dateOf(day).dayOfWeek() - 1); }

    qint64 idOf(Database &db, const char *modelId)
    {
        Statement st(db, "SELECT id FROM models WHERE model_id = ?");
        st.bind(1, QString::fromLatin1(modelId));
        return st.step() ? st.int64(0) : 0;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_cache = m_dir.filePath(QStringLiteral("reader.sqlite"));
        Database db = Cache::open(m_cache);
        TestUtil::writeModel(db, "lab/a", "text-generation", "lab");
        TestUtil::writeModel(db, "lab/b", "text-generation", "lab");
        TestUtil::writeModel(db, "other/c", "image-classification", "other");
        TestUtil::writeModel(db, "quiet/d", "text-generation", "quiet");
        // 700 calls over twelve weeks from Monday 2026-01-05, from a fixed pseudo-random walk.
        const qint64 start = dayOf(QDate(2026, 1, 5));
        const char *models[] = { "lab/a", "lab/a", "lab/b", "other/c" };
        std::uint32_t r = 12345;
        auto next = [&r] { return r = r * 1103515245u + 12345u, (r >> 8) & 0xffff; };
        std::vector<std::string> stamps, callers;
        for (int i = 0; i < 700; ++i) {
            Event e;
            e.day = start + next() % 84;
            e.model = models[next() % 4];
            e.caller = "caller-" + std::to_string(next() % 15);
            const unsigned m = next() % 6;
            e.mode = m == 0 ? TextRules::Mode::Tee : m == 1 ? TextRules::Mode::Zkml : TextRules::Mode::Vanilla;
            e.failed = next() % 13 == 0;
            m_events.push_back(e);
        }
        stamps.reserve(m_events.size());
        std::vector<TestUtil::Call> calls;
        for (size_t i = 0; i < m_events.size(); ++i) {
            const Event &e = m_events[i];
            stamps.push_back(dateOf(e.day).toString(Qt::ISODate).toStdString() + "T"
                + QStringLiteral("%1:%2:00Z")
                      .arg(i % 24, 2, 10, QLatin1Char('0'))
                      .arg(i % 60, 2, 10, QLatin1Char('0'))
                      .toStdString());
        }
        for (size_t i = 0; i < m_events.size(); ++i) {
            TestUtil::Call c { stamps[i].c_str(), m_events[i].model.c_str(), m_events[i].caller.c_str() };
            c.mode = m_events[i].mode;
            c.failed = m_events[i].failed;
            calls.push_back(c);
        }
        TestUtil::writeCalls(db, calls);
        // 450 listings of lab/a's popularity, more than the detail pane draws.
        const qint64 a = idOf(db, "lab/a");
        Transaction tx(db);
        for (int i = 0; i < 450; ++i) {
            Statement s(db, "INSERT INTO snapshots(taken_at, kind) VALUES (?, 'import')");
            s.bind(1, std::int64_t(1700000000 + i * 3600));
            s.step();
            Statement p(db,
                "INSERT INTO popularity(model, snapshot, downloads, likes) VALUES (?, last_insert_rowid(), ?, NULL)");
            p.bind(1, std::int64_t(a));
            p.bind(2, std::int64_t(i * 10));
            p.step();
        }
        tx.commit();
    }

    void detailMatchesAFoldOfTheCalls_data()
    {
        QTest::addColumn<QString>("model");
        QTest::addColumn<int>("since"); // days after 2026-01-05; -1: none
        QTest::addColumn<int>("until");
        QTest::newRow("all time") << "lab/a" << -1 << -1;
        QTest::newRow("a window from a Wednesday") << "lab/a" << 16 << -1;
        QTest::newRow("a window to a Friday") << "lab/b" << -1 << 60;
        QTest::newRow("both ends") << "other/c" << 9 << 45;
        QTest::newRow("a model without calls") << "quiet/d" << -1 << -1;
    }

    void detailMatchesAFoldOfTheCalls()
    {
        QFETCH(QString, model);
        QFETCH(int, since);
        QFETCH(int, until);
        const qint64 start = dayOf(QDate(2026, 1, 5));
        ViewSpec spec;
        if (since >= 0)
            spec.sinceDay = start + since;
        if (until >= 0)
            spec.untilDay = start + until;
        Database db = Cache::open(m_cache, Database::Mode::ReadOnly);
        const qint64 id = idOf(db, model.toLatin1().constData());
        QVERIFY(id > 0);
        const ModelDetail d = ModelDetail::read(db, id, spec, std::nullopt);
        QVERIFY(d.found);
        QCOMPARE(d.modelId, model);

        // The fold: per day calls and failures, per week distinct callers and those seen in an
        // earlier week (before the window too), over the window's days.
        const qint64 lo = spec.sinceDay.value_or(std::numeric_limits<qint64>::min());
        const qint64 hi = spec.untilDay.value_or(std::numeric_limits<qint64>::max());
        std::map<qint64, std::pair<qint64, qint64>> perDay;
        std::map<std::string, qint64> firstMonday;
        std::map<qint64, std::set<std::string>> perWeek;
        qint64 tee = 0, zkml = 0, calls = 0;
        for (const Event &e : m_events) {
            if (e.model != model.toStdString() || e.day > hi)
                continue;
            auto [it, fresh] = firstMonday.try_emplace(e.caller, mondayOf(e.day));
            if (!fresh)
                it->second = std::min(it->second, mondayOf(e.day));
            if (e.day < lo)
                continue;
            perDay[e.day].first += 1;
            perDay[e.day].second += e.failed;
            perWeek[mondayOf(e.day)].insert(e.caller);
            ++calls;
            tee += e.mode == TextRules::Mode::Tee;
            zkml += e.mode == TextRules::Mode::Zkml;
        }
        if (perDay.empty() && !spec.sinceDay) {
            QVERIFY(d.days.isEmpty());
            QVERIFY(d.weeks.isEmpty());
            QCOMPARE(d.vanilla + d.tee + d.zkml, 0);
            return;
        }
        const qint64 first = spec.sinceDay.value_or(perDay.begin()->first);
        const qint64 last = spec.untilDay.value_or(perDay.rbegin()->first);
        QCOMPARE(d.firstDay, first);
        QCOMPARE(d.lastDay, last);
        QCOMPARE(d.days.size(), last - first + 1);
        for (const ModelDetail::Day &day : d.days) {
            const auto it = perDay.find(day.day);
            QCOMPARE(day.calls, it == perDay.end() ? 0 : it->second.first);
            QCOMPARE(day.failed, it == perDay.end() ? 0 : it->second.second);
        }
        QCOMPARE(d.weeks.size(), (mondayOf(last) - mondayOf(first)) / 7 + 1);
        for (qsizetype w = 0; w < d.weeks.size(); ++w) {
            const ModelDetail::Week &week = d.weeks.at(w);
            QCOMPARE(week.firstDay, mondayOf(first) + 7 * w);
            const std::set<std::string> &who = perWeek[week.firstDay];
            qint64 returning = 0;
            for (const std::string &c : who)
                returning += firstMonday.at(c) < week.firstDay;
            QCOMPARE(week.unique, qint64(who.size()));
            QCOMPARE(week.returning, returning);
        }
        QCOMPARE(d.tee, tee);
        QCOMPARE(d.zkml, zkml);
        QCOMPARE(d.vanilla, calls - tee - zkml);

        // The figures row is the one the table shows, computed alone or from a filled window
        // table alike.
        CatalogueReader reader(db);
        if (spec.hasWindow())
            reader.fillWindow(spec, [] { return false; });
        QVERIFY(reader.windowReady(spec) || !spec.hasWindow());
        const ModelDetail viaTable = reader.detail(id, spec);
        QCOMPARE(viaTable.metrics.cells, d.metrics.cells);
        QCOMPARE(d.metrics.cells[Columns::Calls].toLongLong(), calls);
    }

    void popularityIsThinnedToWhatTheChartCanDraw()
    {
        Database db = Cache::open(m_cache, Database::Mode::ReadOnly);
        const ModelDetail d = ModelDetail::read(db, idOf(db, "lab/a"), ViewSpec(), std::nullopt);
        QCOMPARE(d.popularity.size(), ModelDetail::MaxPopularityPoints);
        QCOMPARE(d.popularity.first().takenAt, 1700000000);
        QCOMPARE(d.popularity.last().takenAt, 1700000000 + 449 * 3600);
        QCOMPARE(d.popularity.last().downloads, 4490);
        for (qsizetype i = 1; i < d.popularity.size(); ++i) {
            const qint64 gap = d.popularity.at(i).takenAt - d.popularity.at(i - 1).takenAt;
            QVERIFY2(gap == 3600 || gap == 7200, qPrintable(QString::number(gap))); // an even spread
            QCOMPARE(d.popularity.at(i).likes, -1); // not reported
        }
    }

    void unknownModelIsNotFound()
    {
        Database db = Cache::open(m_cache, Database::Mode::ReadOnly);
        QVERIFY(!ModelDetail::read(db, 987654, ViewSpec(), std::nullopt).found);
    }

    void choicesCountLikePlainSql()
    {
        Database db = Cache::open(m_cache, Database::Mode::ReadOnly);
        const FilterChoices c = FilterChoices::read(db);
        const FilterChoices::List tasks { { QStringLiteral("text-generation"), 3 },
            { QStringLiteral("image-classification"), 1 } };
        QCOMPARE(c.tasks, tasks);
        const FilterChoices::List authors { { QStringLiteral("lab"), 2 }, { QStringLiteral("other"), 1 },
            { QStringLiteral("quiet"), 1 } };
        QCOMPARE(c.authors, authors);
        qint64 first = std::numeric_limits<qint64>::max(), last = std::numeric_limits<qint64>::min();
        for (const Event &e : m_events) {
            first = std::min(first, e.day);
            last = std::max(last, e.day);
        }
        QCOMPARE(c.firstUsageDay, first);
        QCOMPARE(c.lastUsageDay, last);
    }

    void orderIsTheViewQuerys()
    {
        Database db = Cache::open(m_cache, Database::Mode::ReadOnly);
        CatalogueReader reader(db);
        ViewSpec spec;
        spec.sortColumn = Columns::Calls;
        spec.sortDescending = true;
        QList<qint64> plain;
        Statement st(db,
            "SELECT m.id FROM models m LEFT JOIN (SELECT model, sum(calls) n FROM usage_daily GROUP BY model) u"
            " ON u.model = m.id ORDER BY coalesce(u.n, 0) DESC, m.id DESC");
        while (st.step())
            plain.append(st.int64(0));
        QCOMPARE(reader.orderedIds(spec, [] { return false; }), plain);
        QCOMPARE(reader.firstScreen(spec), plain);
        // Rows come back in the order asked, an id no longer in the cache as an empty row.
        const RowPage rows = reader.rows(spec, { plain.last(), 987654, plain.first() });
        QCOMPARE(rows.size(), 3);
        QCOMPARE(rows.at(0).id, plain.last());
        QCOMPARE(rows.at(1).id, 987654);
        QVERIFY(!rows.at(1).cells[Columns::ModelId].isValid());
        QCOMPARE(rows.at(2).cells[Columns::ModelId].toString(), QStringLiteral("lab/a"));
    }
};

QTEST_GUILESS_MAIN(TestCatalogueReader)
#include "tst_cataloguereader.moc"
