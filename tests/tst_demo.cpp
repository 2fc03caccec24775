#include "db/cache.h"
#include "ingest/demo.h"
#include "text/textrules.h"

#include <QCryptographicHash>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <vector>

using namespace uptake;

namespace {
// A digest of everything the demo wrote that does not depend on the per-cache secret.
QByteArray contentDigest(Database &db)
{
    QCryptographicHash h(QCryptographicHash::Sha256);
    Statement m(db, "SELECT model_id, author, task, created_at, versions, downloads, calls, unique_callers,"
                    " repeat_callers, verified_calls, fees_nano, first_call, last_call FROM models ORDER BY model_id");
    while (m.step())
        for (int c = 0; c < m.columnCount(); ++c) {
            const std::string_view v = m.textView(c);
            h.addData(QByteArrayView(v.data(), qsizetype(v.size())));
            h.addData("|");
        }
    return h.result();
}
} // namespace

class TestDemo : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void sameSeedSameCache()
    {
        DemoOptions opt;
        opt.models = 3000;
        opt.events = 60000;
        opt.seed = 7;
        opt.endDay = TextRules::parseDay("2026-11-01");
        Database a = Cache::open(m_dir.filePath(QStringLiteral("a.sqlite")));
        Database b = Cache::open(m_dir.filePath(QStringLiteral("b.sqlite")));
        Database c = Cache::open(m_dir.filePath(QStringLiteral("c.sqlite")));
        Demo::generate(a, opt);
        Demo::generate(b, opt);
        opt.seed = 8;
        Demo::generate(c, opt);
        QCOMPARE(contentDigest(a), contentDigest(b));
        QVERIFY(contentDigest(a) != contentDigest(c));
        QVERIFY(Demo::isDemoCache(a));
    }

    void realisticShape()
    {
        DemoOptions opt;
        opt.models = 5000;
        opt.events = 200000;
        opt.seed = 1;
        opt.endDay = TextRules::parseDay("2026-11-01");
        Database db = Cache::open(m_dir.filePath(QStringLiteral("shape.sqlite")));
        const DemoResult r = Demo::generate(db, opt);
        QCOMPARE(r.models, 5000);
        QCOMPARE(Cache::modelCount(db), 5000);
        QVERIFY(r.duplicates > 0); // the logs repeat some events, and the writer drops them
        QCOMPARE(r.events + r.duplicates, 200000);
        QCOMPARE(Cache::callCount(db), r.events);

        const auto q = [&](const char *sql) { return db.queryInt(sql).value_or(-1); };
        // Most models are never called.
        const std::int64_t called = q("SELECT count(*) FROM models WHERE calls > 0");
        QVERIFY2(called < 5000 / 2, qPrintable(QString::number(called)));
        QVERIFY(called > 100);
        // Heavy tail: the top 1% of models carry a large share of the calls.
        const std::int64_t top = q("SELECT sum(calls) FROM (SELECT calls FROM models ORDER BY calls DESC LIMIT 50)");
        QVERIFY2(top * 100 / r.events >= 30, qPrintable(QString::number(top)));
        // Some callers come back on other days, fewer than come at all.
        const std::int64_t unique = q("SELECT sum(unique_callers) FROM models");
        const std::int64_t repeat = q("SELECT sum(repeat_callers) FROM models");
        QVERIFY(repeat > 0);
        QVERIFY(repeat < unique);
        // Verification and fees exist, but most calls are vanilla.
        const std::int64_t verified = q("SELECT sum(verified_calls) FROM models");
        QVERIFY(verified > 0 && verified < r.events / 2);
        QVERIFY(q("SELECT sum(fees_nano) FROM models") > 0);
        QVERIFY(q("SELECT sum(failed_calls) FROM models") > 0);
        // Usage spans the last 120 days; listings three years.
        const std::int64_t end = *opt.endDay;
        QVERIFY(q("SELECT min(day) FROM usage_daily") >= end - 120);
        QCOMPARE(q("SELECT max(day) FROM usage_daily"), end);
        QVERIFY(q("SELECT (max(created_at) - min(created_at)) / 86400 FROM models") > 900);
        // Both registry flavours and several tasks, every model with an author.
        QVERIFY(q("SELECT count(*) FROM models WHERE author = 'opengradient'") > 0);
        QVERIFY(q("SELECT count(DISTINCT task) FROM models") >= 12);
        QCOMPARE(q("SELECT count(*) FROM models WHERE author IS NULL OR task IS NULL"), 0);
        QVERIFY(q("SELECT count(*) FROM models WHERE versions > 1") > 0);
        // The search index, built once at the end of the bulk load, matches the table, and
        // its triggers are back for later imports.
        db.exec("INSERT INTO models_fts(models_fts) VALUES('integrity-check')");
        QCOMPARE(q("SELECT count(*) FROM models_fts WHERE models_fts MATCH '\"bert\"'"),
                 q("SELECT count(*) FROM models WHERE model_id LIKE '%bert%' OR author LIKE '%bert%'"
                   " OR task LIKE '%bert%' OR tags LIKE '%bert%'"));
        QCOMPARE(q("SELECT count(*) FROM sqlite_schema WHERE type = 'trigger' AND name LIKE 'models_fts_%'"), 3);

        // Popularity history: today's snapshot plus twelve weekly ones, each holding only the
        // models listed by then, so that the detail pane has a line to draw.
        QCOMPARE(q("SELECT count(*) FROM snapshots"), 13);
        QCOMPARE(q("SELECT count(*) FROM popularity p JOIN snapshots s ON s.id = p.snapshot"
                   " JOIN models m ON m.id = p.model WHERE m.created_at > s.taken_at"),
                 0);
        const std::int64_t oldListed = q("SELECT count(*) FROM models WHERE downloads IS NOT NULL"
                                         " AND created_at < (SELECT min(taken_at) FROM snapshots)");
        QVERIFY(oldListed > 100);
        QCOMPARE(q("SELECT count(*) FROM (SELECT model FROM popularity GROUP BY model HAVING count(*) = 13)"), oldListed);
        // Each weekly snapshot holds every model listed with downloads by its date, no more.
        QCOMPARE(q("SELECT count(*) FROM snapshots s WHERE s.source LIKE '%weeks earlier'"
                   " AND (SELECT count(*) FROM popularity p WHERE p.snapshot = s.id)"
                   "  = (SELECT count(*) FROM models m WHERE m.downloads IS NOT NULL AND m.created_at <= s.taken_at)"),
                 12);
        // Some listings climbed over the quarter and some faded.
        const char *trend = "SELECT count(*) FROM popularity now JOIN popularity old ON old.model = now.model"
                            " WHERE now.snapshot = (SELECT max(id) FROM snapshots WHERE taken_at ="
                            " (SELECT max(taken_at) FROM snapshots)) AND old.snapshot = (SELECT id FROM snapshots"
                            " ORDER BY taken_at LIMIT 1) AND now.downloads %1 old.downloads";
        QVERIFY(q(qPrintable(QString::fromLatin1(trend).arg(QLatin1String(">")))) > 10);
        QVERIFY(q(qPrintable(QString::fromLatin1(trend).arg(QLatin1String("<")))) > 10);
    }

    // The demo's demand has the shapes real registries show (CONTRACT 3b), so that its first
    // screen can tell passing interest from lasting demand. Each shape is measured in plain
    // SQL on the day rows.
    void demandHasShapes()
    {
        DemoOptions opt;
        opt.models = 5000;
        opt.events = 200000;
        opt.seed = 3;
        opt.endDay = TextRules::parseDay("2026-11-01");
        Database db = Cache::open(m_dir.filePath(QStringLiteral("shapes.sqlite")));
        Demo::generate(db, opt);
        const auto q = [&](const char *sql) { return db.queryInt(sql).value_or(-1); };
        db.exec("CREATE TEMP TABLE pairs AS SELECT model, caller, count(DISTINCT day) AS days,"
                " count(DISTINCT (day + 3) / 7) AS weeks, sum(calls) AS calls, min(day) AS first"
                " FROM usage_daily GROUP BY model, caller");
        // Most of a model's callers come on one day only...
        const std::int64_t pairs = q("SELECT count(*) FROM pairs");
        const std::int64_t oneDay = q("SELECT count(*) FROM pairs WHERE days = 1");
        QVERIFY2(oneDay * 10 > pairs * 6, qPrintable(QStringLiteral("%1 of %2").arg(oneDay).arg(pairs)));
        // ...but not all: weekly regulars, seen in four weeks or more.
        const std::int64_t regulars = q("SELECT count(*) FROM pairs WHERE weeks >= 4");
        QVERIFY2(regulars * 100 > pairs, qPrintable(QString::number(regulars)));
        // A launch burst that fades: most of a model's calls in its first week.
        QVERIFY(q("SELECT count(*) FROM (SELECT p.model, sum(p.calls) AS calls, (SELECT sum(u.calls) FROM usage_daily u"
                  " WHERE u.model = p.model AND u.day < min(p.first) + 7) AS early FROM pairs p GROUP BY p.model)"
                  " WHERE calls >= 100 AND early * 10 >= calls * 6")
                > 0);
        // A model kept alive by one busy wallet.
        QVERIFY(q("SELECT count(*) FROM (SELECT model, max(calls) AS top, sum(calls) AS calls FROM pairs"
                  " GROUP BY model) WHERE calls >= 100 AND top * 10 >= calls * 8")
                > 0);
        // A loyal niche: few callers, most of them back week after week.
        QVERIFY(q("SELECT count(*) FROM (SELECT model, count(*) AS callers, sum(weeks >= 4) AS loyal,"
                  " sum(calls) AS calls FROM pairs GROUP BY model)"
                  " WHERE callers <= 30 AND calls >= 100 AND loyal * 2 >= callers")
                > 0);
        // Verified is not paid: some verified calls carry no fee.
        QVERIFY(q("SELECT sum(tee_calls + zkml_calls) FROM usage_daily WHERE fees_nano = 0") > 0);
        QVERIFY(q("SELECT sum(tee_calls + zkml_calls) FROM usage_daily WHERE fees_nano > 0") > 0);
    }

    void cancelDuringListingsLeavesCacheEmpty()
    {
        Database db = Cache::open(m_dir.filePath(QStringLiteral("cancel.sqlite")));
        DemoOptions opt;
        opt.models = 20000;
        opt.events = 10000;
        int calls = 0;
        bool listed = false;
        // Stops at the first report past a tenth of the work: in the listings, which are most of it here.
        QVERIFY_THROWS_EXCEPTION(Cancelled, Demo::generate(db, opt, [&](std::int64_t done, std::int64_t total) {
            ++calls;
            return done * 10 < total;
        }, [&] { listed = true; }));
        QVERIFY(calls > 1);
        QVERIFY(!listed);
        QCOMPARE(Cache::modelCount(db), 0);
        QCOMPARE(db.queryInt("SELECT count(*) FROM usage_daily"), std::optional<std::int64_t>(0));
        QVERIFY(!Demo::isDemoCache(db));
        QVERIFY(!Demo::isPending(db));
    }

    // Into an empty cache the listings are committed first (the window shows them), then the
    // usage; stopped between, the next run finishes it exactly as one run makes it.
    void listingsFirstThenUsageResumable()
    {
        DemoOptions opt;
        opt.models = 3000;
        opt.events = 80000;
        opt.seed = 5;
        opt.endDay = TextRules::parseDay("2026-11-01");
        const QString path = m_dir.filePath(QStringLiteral("resume.sqlite"));
        Database whole = Cache::open(m_dir.filePath(QStringLiteral("whole.sqlite")));
        std::vector<std::int64_t> seen;
        Demo::generate(whole, opt, [&](std::int64_t done, std::int64_t total) {
            seen.push_back(done * 1000 / total);
            return true;
        });
        // The bar only moves forward, ends full, and has no long silence: no step over a tenth.
        QVERIFY(std::is_sorted(seen.begin(), seen.end()));
        QCOMPARE(seen.back(), 1000);
        for (size_t i = 1; i < seen.size(); ++i)
            QVERIFY2(seen[i] - seen[i - 1] <= 100, qPrintable(QStringLiteral("%1 to %2").arg(seen[i - 1]).arg(seen[i])));

        Database db = Cache::open(path);
        std::int64_t listedModels = -1, listedCalls = -1;
        bool listing = true;
        QVERIFY_THROWS_EXCEPTION(Cancelled, Demo::generate(db, opt, [&](std::int64_t done, std::int64_t total) {
            return listing || done * 10 < total * 9;
        }, [&] {
            // Committed: another connection sees the listings, without usage yet.
            Database other = Cache::open(path, Database::Mode::ReadOnly);
            listedModels = Cache::modelCount(other);
            listedCalls = other.queryInt("SELECT count(*) FROM usage_daily").value_or(-1);
            listing = false;
        }));
        QCOMPARE(listedModels, opt.models);
        QCOMPARE(listedCalls, 0);
        // The usage was rolled back; the listings stay, marked.
        QCOMPARE(Cache::modelCount(db), opt.models);
        QCOMPARE(db.queryInt("SELECT count(*) FROM usage_daily"), std::optional<std::int64_t>(0));
        QVERIFY(Demo::isPending(db));
        QVERIFY(Demo::isDemoCache(db));

        // Finished with other options asked for: the listings' own are used.
        DemoOptions other;
        other.models = 10;
        other.events = 5;
        bool listedAgain = false;
        const DemoResult r = Demo::generate(db, other, {}, [&] { listedAgain = true; });
        QVERIFY(!listedAgain);
        QVERIFY(!Demo::isPending(db));
        QVERIFY(Demo::isDemoCache(db));
        QCOMPARE(r.models, opt.models);
        QCOMPARE(r.events, Cache::callCount(whole));
        QCOMPARE(contentDigest(db), contentDigest(whole));
        const char *days = "SELECT count(*) || ' ' || sum(calls) || ' ' || sum(tee_calls) || ' ' || sum(fees_nano)"
                           " || ' ' || count(DISTINCT model) || ' ' || count(DISTINCT day) FROM usage_daily";
        Statement a(db, days), b(whole, days);
        QVERIFY(a.step() && b.step());
        QCOMPARE(a.text(0), b.text(0));
        QCOMPARE(db.queryInt("SELECT count(*) FROM popularity"), whole.queryInt("SELECT count(*) FROM popularity"));
        QCOMPARE(db.queryInt("SELECT count(*) FROM snapshots"), whole.queryInt("SELECT count(*) FROM snapshots"));
    }

private:
    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(TestDemo)
#include "tst_demo.moc"
