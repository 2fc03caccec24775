#include "db/cache.h"
#include "ingest/demo.h"
#include "view/exporter.h"
#include "ingest/importer.h"
#include "testutil.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <sys/resource.h>

using namespace uptake;

namespace {

// Everything a user could lose, as one digest: listings, per-model figures, day rows,
// event keys and the list of imported files.
QByteArray cacheDigest(Database &db)
{
    QCryptographicHash h(QCryptographicHash::Sha256);
    for (const char *sql : {"SELECT * FROM models ORDER BY id", "SELECT * FROM usage_daily",
                            "SELECT k FROM event_keys", "SELECT kind, content_hash, rows_imported FROM imported_files"}) {
        Statement st(db, sql);
        while (st.step())
            for (int c = 0; c < st.columnCount(); ++c) {
                const std::string_view v = st.textView(c);
                h.addData(QByteArrayView(v.data(), qsizetype(v.size())));
                h.addData("|");
            }
    }
    return h.result();
}

QString writeUsageCsv(const QString &path, int rows, int seed)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return {};
    QByteArray out = "timestamp,model_id,caller,event_id,mode,fee,status\n";
    for (int i = 0; i < rows; ++i) {
        out += QStringLiteral("2026-03-%1T%2:00:00Z,lab/model-%3,caller-%4,ev-%5-%6,tee,0.001,ok\n")
                   .arg(1 + i % 28, 2, 10, QLatin1Char('0'))
                   .arg(i % 24, 2, 10, QLatin1Char('0'))
                   .arg(i % 500)
                   .arg(i % 3000)
                   .arg(seed)
                   .arg(i)
                   .toUtf8();
        if (out.size() > (1 << 20)) {
            f.write(out);
            out.clear();
        }
    }
    f.write(out);
    return path;
}

} // namespace

class TestReliability : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void fullDiskDuringImportKeepsCache()
    {
        const QString path = m_dir.filePath(QStringLiteral("full.sqlite"));
        Database db = Cache::open(path);
        TestUtil::buildFixture(db);
        const QByteArray before = cacheDigest(db);
        const QString csv = writeUsageCsv(m_dir.filePath(QStringLiteral("big-usage.csv")), 60000, 1);

        // SQLite's own full-disk simulation: the file may not grow past its current size
        // plus a few pages.
        const std::int64_t pages = db.queryInt("PRAGMA page_count").value_or(0);
        db.exec("PRAGMA max_page_count = " + std::to_string(pages + 8));
        ImportOptions opt;
        opt.kind = ImportOptions::Usage;
        try {
            importFile(db, csv, opt);
            QFAIL("the import should have run out of space");
        } catch (const DbError &e) {
            QVERIFY2(e.isFull(), qPrintable(e.message()));
        } catch (const ImportError &e) {
            QVERIFY2(e.message().contains(QStringLiteral("full"), Qt::CaseInsensitive), qPrintable(e.message()));
        }
        QCOMPARE(cacheDigest(db), before);
        // With room again, the same file imports completely.
        db.exec("PRAGMA max_page_count = 1073741823");
        const ImportReport r = importFile(db, csv, opt);
        QCOMPARE(r.rowsImported, 60000);
        Statement check(db, "PRAGMA integrity_check");
        QVERIFY(check.step());
        QCOMPARE(check.text(0), QStringLiteral("ok"));
    }

    void fullDiskDuringExportLeavesNoFile()
    {
        QTemporaryDir dir;
        Database db = Cache::open(dir.filePath(QStringLiteral("e.sqlite")));
        DemoOptions opt;
        opt.models = 20000;
        opt.events = 20000;
        Demo::generate(db, opt);
        const QString out = dir.filePath(QStringLiteral("snap.csv"));
        QFile old(out);
        QVERIFY(old.open(QIODevice::WriteOnly));
        old.write("the previous snapshot\n");
        old.close();

        // A file-size limit makes every write past 256 KB fail, as a full disk would.
        ::signal(SIGXFSZ, SIG_IGN);
        rlimit saved{};
        getrlimit(RLIMIT_FSIZE, &saved);
        rlimit small = saved;
        small.rlim_cur = 256 * 1024;
        QCOMPARE(setrlimit(RLIMIT_FSIZE, &small), 0);
        bool failed = false;
        QString message;
        try {
            Exporter::exportCsv(db, ViewSpec{}, out);
        } catch (const ExportError &e) {
            failed = true;
            message = e.message();
        }
        setrlimit(RLIMIT_FSIZE, &saved);
        QVERIFY(failed);
        QVERIFY2(message.contains(QStringLiteral("snap.csv")), qPrintable(message));
        QFile check(out);
        QVERIFY(check.open(QIODevice::ReadOnly));
        QCOMPARE(check.readAll(), QByteArray("the previous snapshot\n"));
        QVERIFY(!QFile::exists(out + QStringLiteral(".json")));
        const QStringList left = QDir(dir.path()).entryList({QStringLiteral("snap.csv*")}, QDir::Files);
        QCOMPARE(left, QStringList{QStringLiteral("snap.csv")});
    }

    void secondInstanceWaitsForTheWriteLock()
    {
        const QString path = m_dir.filePath(QStringLiteral("shared.sqlite"));
        Database db = Cache::open(path);
        TestUtil::buildFixture(db);
        const QString csv = writeUsageCsv(m_dir.filePath(QStringLiteral("second.csv")), 1000, 2);

        auto holder = std::make_unique<Transaction>(db); // this process holds the write lock
        QProcess child;
        child.start(TestUtil::binary(), {QStringLiteral("--cache"), path, QStringLiteral("import"),
                                         QStringLiteral("usage"), csv});
        QVERIFY(child.waitForStarted());
        QByteArray err;
        QTRY_VERIFY_WITH_TIMEOUT((err += child.readAllStandardError()).contains("waiting"), 20000);
        QCOMPARE(child.state(), QProcess::Running); // it waits, it does not fail
        holder->commit();
        holder.reset();
        QVERIFY(child.waitForFinished(60000));
        err += child.readAllStandardError();
        QCOMPARE(child.exitCode(), 0);
        QVERIFY2(!err.contains("locked"), err.constData());
        QCOMPARE(db.queryInt("SELECT count(*) FROM imported_files"), std::optional<std::int64_t>(1));
        QCOMPARE(Cache::callCount(db), 8 + 1000);
    }

    void killedExportLeavesNoPartialFile()
    {
        QTemporaryDir dir;
        const QString cache = dir.filePath(QStringLiteral("k.sqlite"));
        {
            Database db = Cache::open(cache);
            DemoOptions opt;
            opt.models = 150000;
            opt.events = 1000;
            Demo::generate(db, opt);
        }
        const QString out = dir.filePath(QStringLiteral("snap.csv"));
        int killedEarly = 0;
        for (int delayMs : {30, 80, 150, 250, 400}) {
            QFile::remove(out);
            QFile::remove(out + QStringLiteral(".json"));
            QProcess child;
            child.start(TestUtil::binary(), {QStringLiteral("--cache"), cache, QStringLiteral("export"), out});
            QVERIFY(child.waitForStarted());
            QTest::qWait(delayMs);
            const bool wasRunning = child.state() == QProcess::Running;
            child.kill(); // SIGKILL
            child.waitForFinished();
            if (wasRunning && !QFile::exists(out))
                ++killedEarly;
            // Either no snapshot at all, or a complete one with its sidecar.
            if (QFile::exists(out)) {
                QVERIFY(QFile::exists(out + QStringLiteral(".json")));
                QFile f(out);
                QVERIFY(f.open(QIODevice::ReadOnly));
                QCOMPARE(f.readAll().count('\n'), 150001);
            }
        }
        QVERIFY2(killedEarly > 0, "no kill landed before the export finished; the test proved nothing");
    }

    // A bulk load alone on its cache writes through a rollback journal, not a WAL as large as
    // the cache; with another connection open it keeps the WAL, at once and without a lock wait.
    void bulkLoadJournalOnlyWhenAlone()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("j.sqlite"));
        int notices = 0;
        Database db = Cache::open(path, Database::Mode::ReadWrite, [&notices](const QString &) { ++notices; });
        const auto mode = [&db] {
            Statement st(db, "PRAGMA journal_mode");
            return st.step() ? st.text(0) : QString();
        };
        const auto tempStore = [&db] { return db.queryInt("PRAGMA temp_store"); };
        const std::optional<std::int64_t> memory(2), file(1);
        QCOMPARE(tempStore(), memory);
        {
            Cache::RollbackJournal journal(db);
            QVERIFY(journal.active());
            QCOMPARE(mode(), QStringLiteral("delete"));
            QCOMPARE(tempStore(), file); // the index builds sort on disk
        }
        QCOMPARE(mode(), QStringLiteral("wal"));
        QCOMPARE(tempStore(), memory);
        // A temporary table open on the connection would be dropped by the change: kept.
        db.exec("CREATE TEMP TABLE keep(x); INSERT INTO temp.keep VALUES(1);");
        {
            Cache::RollbackJournal journal(db);
            QCOMPARE(tempStore(), memory);
        }
        QCOMPARE(db.queryInt("SELECT count(*) FROM temp.keep"), std::optional<std::int64_t>(1));
        db.exec("DROP TABLE temp.keep");
        {
            Database other = Cache::open(path);
            QCOMPARE(other.queryInt("SELECT count(*) FROM models"), std::optional<std::int64_t>(0)); // holds the file open
            Cache::RollbackJournal journal(db);
            QVERIFY(!journal.active());
            QCOMPARE(mode(), QStringLiteral("wal"));
        }
        QCOMPARE(notices, 0);
        // The demo into an empty cache goes through it and leaves the cache in WAL.
        DemoOptions opt;
        opt.models = 500;
        opt.events = 2000;
        Demo::generate(db, opt);
        QCOMPARE(mode(), QStringLiteral("wal"));
        QCOMPARE(Cache::modelCount(db), 500);
        // Its index builds sorted in small runs with a helper thread; the connection is as it was.
        QCOMPARE(tempStore(), memory);
        QCOMPARE(db.queryInt("PRAGMA cache_size"), std::optional<std::int64_t>(-65536));
        QCOMPARE(db.queryInt("PRAGMA threads"), std::optional<std::int64_t>(0));
        db.exec("PRAGMA main.wal_checkpoint(TRUNCATE)");
    }

    // SIGKILL in the middle of a demo written through the rollback journal: the next open
    // rolls the load back, and the cache is as before (its secret too) and passes integrity_check.
    void killedBulkDemoLeavesTheCacheAsBefore()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("k.sqlite"));
        QByteArray secret;
        {
            Database db = Cache::open(path);
            secret = Cache::secret(db);
        }
        for (qint64 grownTo : {qint64(4) << 20, qint64(48) << 20}) {
            QProcess child;
            child.start(TestUtil::binary(), {QStringLiteral("--cache"), path, QStringLiteral("demo"), QStringLiteral("--models"),
                                             QStringLiteral("200000"), QStringLiteral("--events"), QStringLiteral("1000000")});
            QVERIFY(child.waitForStarted());
            // Until the load has written into the cache file itself, beside its journal.
            while (child.state() == QProcess::Running
                   && !(QFile::exists(path + QStringLiteral("-journal")) && QFileInfo(path).size() > grownTo))
                QTest::qWait(2);
            QVERIFY2(child.state() == QProcess::Running, "the demo ended before the kill; the test proved nothing");
            child.kill(); // SIGKILL
            child.waitForFinished();
            QVERIFY(QFile::exists(path + QStringLiteral("-journal"))); // a hot journal, for the next open
            Database db = Cache::open(path);
            Statement check(db, "PRAGMA integrity_check");
            QVERIFY(check.step());
            QCOMPARE(check.text(0), QStringLiteral("ok"));
            QCOMPARE(Cache::modelCount(db), 0);
            QCOMPARE(Cache::callCount(db), 0);
            QCOMPARE(Cache::secret(db), secret);
        }
    }

    void truncatedCacheIsAnErrorNotACrash()
    {
        const QString path = m_dir.filePath(QStringLiteral("trunc.sqlite"));
        {
            Database db = Cache::open(path);
            DemoOptions opt;
            opt.models = 3000;
            opt.events = 30000;
            Demo::generate(db, opt);
            db.exec("PRAGMA main.wal_checkpoint(TRUNCATE)");
        }
        QFile f(path);
        QVERIFY(f.resize(f.size() / 2));
        for (const QStringList &cmd : {QStringList{QStringLiteral("stats")},
                                       QStringList{QStringLiteral("export"), m_dir.filePath(QStringLiteral("t.csv"))}}) {
            const auto r = TestUtil::runUptake(QStringList{QStringLiteral("--cache"), path} + cmd);
            QCOMPARE(r.exitCode, 1); // a clean failure, not a crash (-1)
            QVERIFY2(r.err.startsWith(QStringLiteral("uptake: ")), qPrintable(r.err));
            QVERIFY2(r.err.contains(QStringLiteral("malformed")) || r.err.contains(QStringLiteral("not an Uptake")),
                     qPrintable(r.err));
        }
        QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("t.csv"))));
    }

private:
    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(TestReliability)
#include "tst_reliability.moc"
