#include "db/cache.h"
#include "ingest/ingest.h"
#include "testutil.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <random>

using namespace uptake;

struct Row
{
    std::int64_t calls, failed, unique, repeat, verified, fees, days, listed;
    std::optional<std::int64_t> first, last;
};

// prefix + n, built in place: "c" + std::to_string(n) trips GCC 12's -Wrestrict false
// positive at -O3 (GCC bug 105329).
static std::string numbered(const char *prefix, long long n)
{
    std::string s = prefix;
    s += std::to_string(n);
    return s;
}

static Row rowOf(Database &db, const char *id)
{
    Statement st(db, "SELECT calls, failed_calls, unique_callers, repeat_callers, verified_calls, fees_nano,"
                     " active_days, listed, first_call, last_call FROM models WHERE model_id = ?");
    st.bind(1, id);
    if (!st.step())
        return Row{-1, -1, -1, -1, -1, -1, -1, -1, {}, {}};
    return Row{st.int64(0), st.int64(1), st.int64(2), st.int64(3), st.int64(4),
               st.int64(5), st.int64(6), st.int64(7), st.optInt64(8), st.optInt64(9)};
}

class TestIngest : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_path = m_dir.filePath(QStringLiteral("c%1.sqlite").arg(++m_n));
    }

    void perModelFigures()
    {
        Database db = Cache::open(m_path);
        TestUtil::buildFixture(db);
        const Row a = rowOf(db, "lab/alpha");
        QCOMPARE(a.calls, 4);
        QCOMPARE(a.failed, 1);
        QCOMPARE(a.unique, 2); // three spellings of one address, plus agent-42
        QCOMPARE(a.repeat, 1); // the address: 1 and 3 March; agent-42 only on the 3rd
        QCOMPARE(a.verified, 2);
        QCOMPARE(a.fees, 3000002);
        QCOMPARE(a.days, 2);
        QCOMPARE(a.first, TextRules::parseTimestamp("2026-03-01T10:00:00Z"));
        QCOMPARE(a.last, TextRules::parseTimestamp("2026-03-03T12:00:00Z"));

        const Row b = rowOf(db, "lab/beta");
        QCOMPARE(b.calls, 3); // calls without event_id are never duplicates
        QCOMPARE(b.unique, 2);
        QCOMPARE(b.repeat, 0);
        QCOMPARE(b.days, 1);

        const Row never = rowOf(db, "og/risk");
        QCOMPARE(never.calls, 0);
        QVERIFY(!never.first.has_value());

        const Row ghost = rowOf(db, "ghost/model");
        QCOMPARE(ghost.listed, 0);
        QCOMPARE(ghost.calls, 1);
    }

    void eventIdsDeduplicateAcrossImports()
    {
        Database db = Cache::open(m_path);
        TestUtil::buildFixture(db);
        // The same events again (a re-import with --force): nothing changes.
        TestUtil::writeCalls(db, {{"2026-03-01T10:00:00Z", "lab/alpha", "x", "e1"},
                                  {"2026-03-09T10:00:00Z", "lab/alpha", "x", " e2 "}});
        QCOMPARE(rowOf(db, "lab/alpha").calls, 4);
        // A new event adds to the existing day rows.
        TestUtil::writeCalls(db, {{"2026-03-03T23:59:59Z", "lab/alpha", "agent-42", "e9", TextRules::Mode::Tee, 5}});
        const Row a = rowOf(db, "lab/alpha");
        QCOMPARE(a.calls, 5);
        QCOMPARE(a.verified, 3);
        QCOMPARE(a.fees, 3000007);
        QCOMPARE(a.repeat, 1); // agent-42 still on one day only
        QCOMPARE(a.last, TextRules::parseTimestamp("2026-03-03T23:59:59Z"));
    }

    void unlistedJoinsUpWhenListed()
    {
        Database db = Cache::open(m_path);
        TestUtil::buildFixture(db);
        TestUtil::writeModel(db, "ghost/model", "text-classification", "ghost");
        const Row ghost = rowOf(db, "ghost/model");
        QCOMPARE(ghost.listed, 1);
        QCOMPARE(ghost.calls, 1);
        QCOMPARE(db.queryInt("SELECT count(*) FROM models WHERE model_id = 'ghost/model'"),
                 std::optional<std::int64_t>(1));
    }

    void catalogueUpsertKeepsUnknownsNull()
    {
        Database db = Cache::open(m_path);
        TestUtil::writeModel(db, "lab/x", "text-generation", "lab");
        TestUtil::writeModel(db, "lab/x", "summarization");
        Statement st(db, "SELECT task, author, downloads, versions FROM models WHERE model_id = 'lab/x'");
        QVERIFY(st.step());
        QCOMPARE(st.text(0), QStringLiteral("summarization"));
        QVERIFY(st.isNull(1));
        QVERIFY(st.isNull(2));
        QVERIFY(st.isNull(3));
        QCOMPARE(Cache::modelCount(db), 1);
    }

    void popularityIsKeptPerSnapshot()
    {
        Database db = Cache::open(m_path);
        for (std::int64_t downloads : {100, 250}) {
            Transaction tx(db);
            CatalogueWriter w(db, QStringLiteral("hub.json"));
            ModelRecord r;
            r.modelId = "lab/pop";
            r.downloads = downloads;
            r.likes = downloads / 10;
            w.upsert(r);
            ModelRecord quiet; // no popularity figures: no history row
            quiet.modelId = "lab/quiet";
            w.upsert(quiet);
            tx.commit();
        }
        Statement st(db, "SELECT p.downloads, p.likes, s.kind, s.source FROM popularity p JOIN snapshots s ON s.id = p.snapshot"
                         " JOIN models m ON m.id = p.model WHERE m.model_id = 'lab/pop' ORDER BY s.id");
        QVERIFY(st.step());
        QCOMPARE(st.int64(0), 100);
        QCOMPARE(st.int64(1), 10);
        QCOMPARE(st.text(2), QStringLiteral("import"));
        QCOMPARE(st.text(3), QStringLiteral("hub.json"));
        QVERIFY(st.step());
        QCOMPARE(st.int64(0), 250);
        QVERIFY(!st.step());
        QCOMPARE(db.queryInt("SELECT count(*) FROM popularity"), std::optional<std::int64_t>(2));
        QCOMPARE(db.queryInt("SELECT downloads FROM models WHERE model_id = 'lab/pop'"), std::optional<std::int64_t>(250));

        // Under a current snapshot (a sync), every writer records into that one.
        const std::int64_t snap = Cache::beginSnapshot(db, QStringLiteral("sync"), QStringLiteral("https://hub"));
        for (int page = 0; page < 2; ++page) {
            Transaction tx(db);
            CatalogueWriter w(db);
            ModelRecord r;
            r.modelId = "lab/page" + std::to_string(page);
            r.downloads = 5;
            w.upsert(r);
            tx.commit();
        }
        Cache::endSnapshot(db);
        Statement per(db, "SELECT count(*) FROM popularity WHERE snapshot = ?");
        per.bind(1, snap);
        QVERIFY(per.step());
        QCOMPARE(per.int64(0), 2);
    }

    void spilledRunsGiveTheSameCache()
    {
        // The same two imports into two caches: the second one in memory (one run) and spilled
        // in runs of 997 calls, so that rows of one model, day and caller meet across runs.
        // The caches must come out equal, and every figure equal to SQL's own computation.
        struct Built
        {
            QStringList dump;
            UsageSummary summary;
            std::int64_t figureMismatches = -1, dayMismatches = -1;
            QByteArray secret;
        };
        // The second cache takes the first one's secret, so that the pseudonyms are the same.
        const auto build = [](const QString &path, size_t callsPerRun, const QByteArray &secret) {
            Built out;
            Database db = Cache::open(path);
            if (!secret.isEmpty()) {
                Statement set(db, "UPDATE meta SET value = ? WHERE key = 'caller_secret'");
                set.bindBlob(1, secret).run();
            }
            out.secret = Cache::secret(db);
            TestUtil::writeModel(db, "m/1", "text-generation");
            TestUtil::writeModel(db, "m/2", "text-generation");
            std::mt19937 random(27112026);
            std::vector<std::string> keep;
            keep.reserve(100000);
            const auto text = [&keep](std::string s) -> std::string_view { return keep.emplace_back(std::move(s)); };
            const std::int64_t day0 = 1772323200; // 2026-03-01
            {
                // Earlier usage: roll-up rows (times of day unknown) and calls, some with ids.
                Transaction tx(db);
                UsageWriter w(db);
                for (int i = 0; i < 40; ++i) {
                    UsageDay d;
                    d.day = day0 / 86400 + i % 6;
                    d.modelId = text("m/" + std::to_string(i % 8));
                    d.caller = text("c" + std::to_string(i % 5));
                    d.calls = 1 + i % 3;
                    d.verified = i % 2;
                    d.feeNano = 5;
                    w.addDay(d);
                }
                for (int i = 0; i < 500; ++i) {
                    UsageEvent e;
                    e.timestamp = day0 + std::int64_t(random() % (10 * 86400));
                    e.modelId = text("m/" + std::to_string(8 + random() % 6));
                    e.caller = text(numbered("c", random() % 20));
                    e.eventId = text("early-" + std::to_string(i));
                    w.add(e);
                }
                w.finish();
                tx.commit();
            }
            Transaction tx(db);
            UsageWriter w(db);
            w.setCallsPerRun(callsPerRun);
            const char *address = "0xAbCdEf0123456789abcdef0123456789ABCDEF01";
            for (int i = 0; i < 30000; ++i) {
                UsageEvent e;
                // Mostly March 2026, a few calls before 1970 (negative days).
                e.timestamp = i % 997 == 0 ? -std::int64_t(random() % 200000)
                                           : day0 + std::int64_t(random() % (12 * 86400));
                const unsigned m = random() % 40;
                e.modelId = text(m < 36 ? "m/" + std::to_string(m) : "new/" + std::to_string(m));
                // Half the calls from a few regular callers, half from 300 occasional ones, most of
                // whom call a model on one day only (sometimes twice, in different runs).
                const unsigned c = random() % 64;
                e.caller = c < 2 ? std::string_view(address)
                         : c < 4 ? text(QByteArray(address).toLower().toStdString())
                         : c < 32 ? text("c" + std::to_string(c % 8))
                                  : text("o" + std::to_string(random() % 300));
                if (i % 3 == 0)
                    e.eventId = text("e" + std::to_string(random() % 9000)); // repeats within the file
                else if (i % 101 == 0)
                    e.eventId = text("early-" + std::to_string(random() % 500)); // and from before
                e.mode = TextRules::Mode(random() % 3);
                e.failed = random() % 7 == 0;
                e.feeNano = std::int64_t(random() % 5) * 1000000001;
                w.add(e);
            }
            out.summary = w.finish();
            tx.commit();
            out.figureMismatches = TestUtil::figureMismatches(db);
            out.dayMismatches = TestUtil::modelDayMismatches(db);
            for (const char *sql : {"SELECT * FROM usage_daily ORDER BY model, day, caller",
                                    "SELECT * FROM model_day ORDER BY model, day",
                                    "SELECT model_id, calls, failed_calls, unique_callers, repeat_callers, verified_calls,"
                                    " fees_nano, first_call, last_call, active_days, listed FROM models ORDER BY model_id"}) {
                Statement st(db, sql);
                while (st.step()) {
                    QString line;
                    for (int c = 0; c < st.columnCount(); ++c)
                        line += (st.isNull(c) ? QStringLiteral("NULL") : st.text(c)) + u'|';
                    out.dump << line;
                }
            }
            return out;
        };
        const Built a = build(m_dir.filePath(QStringLiteral("runs-a.sqlite")), 1 << 20, {});
        const Built b = build(m_dir.filePath(QStringLiteral("runs-b.sqlite")), 997, a.secret);
        QCOMPARE(b.secret, a.secret);
        for (const Built *built : {&a, &b}) {
            QCOMPARE(built->figureMismatches, 0);
            QCOMPARE(built->dayMismatches, 0);
        }
        QVERIFY(a.dump.size() > 2000);
        QCOMPARE(b.dump, a.dump);
        const UsageSummary &inMemory = a.summary, &spilled = b.summary;
        QCOMPARE(spilled.added, inMemory.added);
        QCOMPARE(spilled.duplicates, inMemory.duplicates);
        QVERIFY(inMemory.duplicates > 1000);
        QCOMPARE(inMemory.added + inMemory.duplicates, 30000);
        QCOMPARE(spilled.unlistedModels, 26); // m/14 to m/35 and new/36 to new/39
        // The temporary runs are gone: nothing beside the caches but their own files.
        const QStringList left = QDir(m_dir.path()).entryList(QDir::Files | QDir::Hidden);
        for (const QString &name : left)
            QVERIFY2(name.startsWith(u'c') || name.startsWith(QLatin1String("runs-")), qPrintable(name));
    }

    void largeBatchesAndDuplicatesAcrossBatches()
    {
        // More events than one writer batch, with every event sent twice far apart.
        Database db = Cache::open(m_path);
        const int n = 300000;
        {
            Transaction tx(db);
            UsageWriter w(db);
            std::string id, caller;
            for (int pass = 0; pass < 2; ++pass) {
                for (int i = 0; i < n; ++i) {
                    id = "ev-" + std::to_string(i);
                    caller = numbered("c", i % 1000);
                    UsageEvent e;
                    e.timestamp = 1772323200 + std::int64_t((i / 1000) % 5) * 86400;
                    e.modelId = (i % 2) ? "m/odd" : "m/even";
                    e.caller = caller;
                    e.eventId = id;
                    w.add(e);
                }
            }
            const UsageSummary s = w.finish();
            QCOMPARE(s.added, n);
            QCOMPARE(s.duplicates, n);
            QCOMPARE(s.unlistedModels, 2);
            tx.commit();
        }
        QCOMPARE(Cache::callCount(db), n);
        // Even callers c0, c2... only call m/even; (i / 1000) % 5 spreads each over five days.
        QCOMPARE(rowOf(db, "m/even").unique, 500);
        QCOMPARE(rowOf(db, "m/even").repeat, 500);
        QCOMPARE(rowOf(db, "m/even").days, 5);
    }

    void newModelsInEveryBatch()
    {
        // Enough events for several batches, with new models met all along (every tenth event
        // is a model's first, the others go to earlier ones) and the last 50,000 repeating
        // earlier event ids: each model's calls counted once, whichever batch they fell in.
        Database db = Cache::open(m_path);
        const int n = 600000, models = n / 10, unique = 550000;
        std::vector<std::int64_t> expected(models, 0);
        {
            Transaction tx(db);
            UsageWriter w(db);
            std::string id, model, caller;
            for (int i = 0; i < n; ++i) {
                const int m = i % 10 == 0 ? i / 10 : int((std::int64_t(i) * 7919) % (i / 10 + 1));
                id = "ev-" + std::to_string(i % unique);
                model = "m/" + std::to_string(m);
                caller = numbered("c", i % 5000);
                UsageEvent e;
                e.timestamp = 1772323200 + std::int64_t(i % 9) * 86400 + i % 86400;
                e.modelId = model;
                e.caller = caller;
                e.eventId = id;
                w.add(e);
                if (i < unique)
                    ++expected[size_t(m)];
            }
            const UsageSummary s = w.finish();
            QCOMPARE(s.added, unique);
            QCOMPARE(s.duplicates, n - unique);
            QCOMPARE(s.unlistedModels, models);
            tx.commit();
        }
        Statement st(db, "SELECT model_id, calls FROM models");
        int seen = 0;
        while (st.step()) {
            const std::string_view id = st.textView(0);
            QVERIFY(id.substr(0, 2) == "m/");
            const int m = std::stoi(std::string(id.substr(2)));
            QCOMPARE(st.int64(1), expected[size_t(m)]);
            ++seen;
        }
        QCOMPARE(seen, models);
        QCOMPARE(TestUtil::figureMismatches(db), 0);
        QCOMPARE(TestUtil::modelDayMismatches(db), 0);
    }

    void noRawCallerInCacheFiles()
    {
        const QByteArray raw = "0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed";
        {
            Database db = Cache::open(m_path);
            TestUtil::buildFixture(db);
            // Check while the WAL still holds the pages, then again after the checkpoint on close.
            for (const QString &suffix : {QString(), QStringLiteral("-wal")}) {
                QFile f(m_path + suffix);
                if (!f.open(QIODevice::ReadOnly))
                    continue;
                const QByteArray bytes = f.readAll();
                QVERIFY(!bytes.isEmpty());
                for (const QByteArray &id : {raw, raw.toUpper().mid(2), QByteArray("agent-42"),
                                             QByteArray("caller-three"), QByteArray("someone")})
                    QVERIFY2(!bytes.contains(id), id.constData());
            }
        }
        QFile f(m_path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray bytes = f.readAll();
        QVERIFY(bytes.contains("lab/alpha")); // the scan does see stored text
        QVERIFY(!bytes.contains(raw));
        QVERIFY(!bytes.contains("agent-42"));
    }

    void pseudonymIsKeyed()
    {
        const QByteArray k1(32, 'a'), k2(32, 'b');
        QCOMPARE(UsageWriter::pseudonym(k1, "agent-42"), UsageWriter::pseudonym(k1, "agent-42"));
        QVERIFY(UsageWriter::pseudonym(k1, "agent-42") != UsageWriter::pseudonym(k2, "agent-42"));
        QVERIFY(UsageWriter::pseudonym(k1, "agent-42") != UsageWriter::pseudonym(k1, "agent-43"));
    }

private:
    QTemporaryDir m_dir;
    QString m_path;
    int m_n = 0;
};

QTEST_GUILESS_MAIN(TestIngest)
#include "tst_ingest.moc"
