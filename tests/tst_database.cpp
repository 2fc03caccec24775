#include "db/database.h"

#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <atomic>
#include <memory>

using namespace uptake;

class TestDatabase : public QObject
{
    Q_OBJECT

private slots:
    void init() { QVERIFY(m_dir.isValid()); }

    void bindAndRead()
    {
        Database db(m_dir.filePath(QStringLiteral("a.sqlite")));
        db.exec("CREATE TABLE t(i INTEGER, s TEXT, r REAL, n)");
        Statement ins(db, "INSERT INTO t VALUES(?, ?, ?, ?)");
        ins.bind(1, std::int64_t(1) << 40).bind(2, QStringLiteral("größe ✓")).bind(3, 0.5).bindNull(4).run();
        Statement sel(db, "SELECT i, s, r, n FROM t");
        QVERIFY(sel.step());
        QCOMPARE(sel.int64(0), std::int64_t(1) << 40);
        QCOMPARE(sel.text(1), QStringLiteral("größe ✓"));
        QCOMPARE(sel.real(2), 0.5);
        QVERIFY(sel.isNull(3));
        QVERIFY(!sel.optInt64(3).has_value());
        QVERIFY(!sel.step());
    }

    void badSqlThrows()
    {
        Database db(m_dir.filePath(QStringLiteral("b.sqlite")));
        QVERIFY_THROWS_EXCEPTION(DbError, Statement(db, "SELEC nonsense"));
        QVERIFY_THROWS_EXCEPTION(DbError, db.exec("INSERT INTO missing VALUES(1)"));
    }

    void transactionRollsBackOnError()
    {
        Database db(m_dir.filePath(QStringLiteral("c.sqlite")));
        db.exec("CREATE TABLE t(k INTEGER PRIMARY KEY)");
        db.exec("INSERT INTO t VALUES(1)");
        try {
            Transaction tx(db);
            db.exec("INSERT INTO t VALUES(2)");
            db.exec("INSERT INTO t VALUES(1)"); // constraint violation
            tx.commit();
            QFAIL("the duplicate key should have thrown");
        } catch (const DbError &e) {
            QCOMPARE(e.code() & 0xff, SQLITE_CONSTRAINT);
        }
        QCOMPARE(db.queryInt("SELECT count(*) FROM t"), std::optional<std::int64_t>(1));
        QVERIFY(sqlite3_get_autocommit(db.handle())); // no transaction left open
    }

    void transactionCommits()
    {
        Database db(m_dir.filePath(QStringLiteral("d.sqlite")));
        db.exec("CREATE TABLE t(k INTEGER PRIMARY KEY)");
        {
            Transaction tx(db);
            db.exec("INSERT INTO t VALUES(7)");
            tx.commit();
        }
        Database other(m_dir.filePath(QStringLiteral("d.sqlite")));
        QCOMPARE(other.queryInt("SELECT k FROM t"), std::optional<std::int64_t>(7));
    }

    void statementOutlivesTheMoveOfItsDatabase()
    {
        // The Database a statement was made on is moved away and destroyed: the statement
        // goes on working, and its errors still carry SQLite's message (under ASan, a
        // pointer to the old object would be a use after free).
        auto first = std::make_unique<Database>(m_dir.filePath(QStringLiteral("moved.sqlite")));
        Statement st(*first, "SELECT ?1 + 1");
        Database second = std::move(*first);
        first.reset();
        st.bind(1, 41);
        QVERIFY(st.step());
        QCOMPARE(st.int64(0), 42);
        QString error;
        try {
            st.reset();
            st.bind(5, 1);
        } catch (const DbError &e) {
            error = e.message();
        }
        QCOMPARE(error, QStringLiteral("column index out of range"));
        QCOMPARE(second.queryInt("SELECT 7"), std::optional<std::int64_t>(7));
    }

    void interruptStopsRunningQuery()
    {
        Database db(m_dir.filePath(QStringLiteral("e.sqlite")));
        std::atomic<bool> started = false;
        std::atomic<int> code = 0;
        // A query that would run for minutes: counting to 10^12 in a recursive CTE.
        QThread *worker = QThread::create([&] {
            try {
                Statement st(db, "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 1000000000000)"
                                 " SELECT count(*) FROM c");
                started = true;
                st.step();
            } catch (const DbError &e) {
                code = e.code();
            }
        });
        worker->start();
        QTRY_VERIFY(started.load());
        // An interrupt that comes before step() has begun is lost (SQLite clears it when no
        // statement runs), so interrupt until the worker has stopped: without interrupt the
        // count would run for minutes, past the test's time.
        while (!worker->wait(20))
            db.interrupt();
        delete worker;
        QCOMPARE(code.load() & 0xff, SQLITE_INTERRUPT);
        // The connection stays usable after an interrupt.
        QCOMPARE(db.queryInt("SELECT 42"), std::optional<std::int64_t>(42));
    }

    // Settings changed for a scope come back as they were; temp_store is never changed where
    // SQLite would drop the connection's temporary tables for it.
    void scopedPragmasGiveTheSettingsBack()
    {
        Database db(m_dir.filePath(QStringLiteral("p.sqlite")));
        db.exec("PRAGMA temp_store = MEMORY; PRAGMA cache_size = -4000");
        const auto tempStore = [&db] { return db.queryInt("PRAGMA temp_store"); };
        const auto cacheSize = [&db] { return db.queryInt("PRAGMA cache_size"); };
        {
            const ScopedPragmas p(db, {{"temp_store", "FILE"}, {"cache_size", "-16384"}});
            QVERIFY(p.applied("temp_store") && p.applied("cache_size"));
            QCOMPARE(tempStore(), std::optional<std::int64_t>(1));
            QCOMPARE(cacheSize(), std::optional<std::int64_t>(-16384));
        }
        QCOMPARE(tempStore(), std::optional<std::int64_t>(2));
        QCOMPARE(cacheSize(), std::optional<std::int64_t>(-4000));

        db.exec("CREATE TEMP TABLE keep(x); INSERT INTO temp.keep VALUES(7)");
        {
            const ScopedPragmas p(db, {{"temp_store", "FILE"}, {"cache_size", "-16384"}});
            QVERIFY(!p.applied("temp_store"));
            QVERIFY(p.applied("cache_size"));
            QCOMPARE(tempStore(), std::optional<std::int64_t>(2));
        }
        QCOMPARE(db.queryInt("SELECT x FROM temp.keep"), std::optional<std::int64_t>(7));
        QCOMPARE(cacheSize(), std::optional<std::int64_t>(-4000));
        db.exec("DROP TABLE temp.keep");

        // A temporary table made inside the scope keeps temp_store as the scope set it.
        {
            const ScopedPragmas p(db, {{"temp_store", "FILE"}});
            db.exec("CREATE TEMP TABLE made(x); INSERT INTO temp.made VALUES(8)");
        }
        QCOMPARE(db.queryInt("SELECT x FROM temp.made"), std::optional<std::int64_t>(8));
        QCOMPARE(tempStore(), std::optional<std::int64_t>(1));
    }

    void openMissingReadOnlyFails()
    {
        QVERIFY_THROWS_EXCEPTION(DbError, Database(m_dir.filePath(QStringLiteral("none/x.sqlite")),
                                                   Database::Mode::ReadOnly));
    }

private:
    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(TestDatabase)
#include "tst_database.moc"
