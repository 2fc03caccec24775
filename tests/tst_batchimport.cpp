#include "db/cache.h"
#include "ingest/batchimport.h"
#include "ingest/importer.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <string>

// importBatch(), the one batch rule of the window and `uptake import`: a file that fails is
// reported and the files around it go in; a cancel or a full disk stops the batch and keeps
// what was committed before. Real files, a real cache, checked with plain SQL.

using namespace uptake;

namespace {

const QByteArray kHeader = "timestamp,model_id,caller,event_id,mode,fee,status\n";

// Usage rows for model m, one call each, event ids tag-0, tag-1, ...
QByteArray usageRows(const QByteArray &model, const QByteArray &tag, int rows)
{
    QByteArray text = kHeader;
    for (int i = 0; i < rows; ++i)
        text += "2026-03-0" + QByteArray::number(1 + i % 9) + "T10:00:00Z," + model + ",caller-" + QByteArray::number(i % 13) + ","
                + tag + "-" + QByteArray::number(i) + ",,0.1,\n";
    return text;
}

std::int64_t calls(Database &db, const char *model)
{
    return db.queryInt(std::string("SELECT coalesce(sum(calls), 0) FROM usage_daily WHERE model = "
                                   "(SELECT id FROM models WHERE model_id = '")
                       + model + "')")
        .value_or(-1);
}

std::int64_t count(Database &db, const char *sql)
{
    return db.queryInt(sql).value_or(-1);
}

using Failure = BatchFileOutcome::Failure;

} // namespace

class TestBatchImport : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_cache;
    int m_n = 0;

    QString write(const QByteArray &content, const QString &name = {})
    {
        const QString path = m_dir.filePath(name.isEmpty() ? QStringLiteral("in%1.csv").arg(++m_n) : name);
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly))
            qFatal("cannot write %s", qPrintable(path));
        f.write(content);
        return path;
    }

private slots:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_cache = m_dir.filePath(QStringLiteral("cache%1.sqlite").arg(++m_n));
    }

    void badFileInTheMiddle_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<QByteArray>("bad"); // content; empty: a path that does not exist
        QTest::addColumn<QString>("message");
        QTest::newRow("usage, column missing") << int(ImportOptions::Usage) << QByteArray("timestamp,model_id,user\n1,m,a\n")
                                               << "the header has no 'caller' column";
        QTest::newRow("usage, no such file") << int(ImportOptions::Usage) << QByteArray() << "no such file";
        QTest::newRow("usage, broken JSON")
            << int(ImportOptions::Usage) << QByteArray("[{\"timestamp\":1772409600,\"model_id\":\"bad/m\",\"caller\":\"a\"}\n{\"timestamp\":1}")
            << "expected , or ] between records";
        QTest::newRow("catalogue, column missing") << int(ImportOptions::Catalogue) << QByteArray("id,author\nbad/m,b\n")
                                                   << "the header has no 'model_id' column";
        QTest::newRow("catalogue, array not closed")
            << int(ImportOptions::Catalogue) << QByteArray("[{\"id\":\"bad/one\"},\n{\"id\":\"bad/two\"},\n{\"id\":\"bad/thr")
            << "the file ends inside a string";
    }

    void badFileInTheMiddle()
    {
        QFETCH(int, kind);
        QFETCH(QByteArray, bad);
        QFETCH(QString, message);
        const bool usage = kind == ImportOptions::Usage;
        const QString first = write(usage ? usageRows("lab/first", "a", 5) : QByteArray("model_id,author\nlab/first,lab\nlab/also,lab\n"));
        const QString middle = bad.isEmpty() ? m_dir.filePath(QStringLiteral("missing.csv")) : write(bad);
        const QString last = write(usage ? usageRows("lab/last", "c", 7) : QByteArray("model_id,author\nlab/last,lab\n"));

        Database db = Cache::open(m_cache);
        ImportOptions opt;
        opt.kind = ImportOptions::Kind(kind);
        QStringList started, finished;
        BatchImportCallbacks cb;
        cb.fileStarted = [&](int i, int n, const QString &path) { started << QStringLiteral("%1/%2 %3").arg(i).arg(n).arg(path); };
        cb.fileFinished = [&](int i, int n, const BatchFileOutcome &o) {
            finished << QStringLiteral("%1/%2 %3").arg(i).arg(n).arg(o.path);
        };
        const BatchImportResult result = importBatch(db, {first, middle, last}, opt, cb);

        QVERIFY(!result.stopped());
        QCOMPARE(result.files.size(), std::size_t(3));
        const QStringList expected{"0/3 " + first, "1/3 " + middle, "2/3 " + last};
        QCOMPARE(started, expected);
        QCOMPARE(finished, expected);
        QCOMPARE(result.files[0].failure, Failure::None);
        QVERIFY(result.files[0].kept());
        QCOMPARE(result.files[1].failure, Failure::File);
        QVERIFY(!result.files[1].kept());
        QCOMPARE(result.files[1].path, middle);
        QVERIFY2(result.files[1].message.startsWith(middle), qPrintable(result.files[1].message));
        QVERIFY2(result.files[1].message.contains(message), qPrintable(result.files[1].message));
        QCOMPARE(result.files[2].failure, Failure::None);
        QVERIFY(result.files[2].kept());

        // The files around the bad one are in the cache, nothing of the bad one is.
        QCOMPARE(count(db, "SELECT count(*) FROM imported_files"), 2);
        QCOMPARE(count(db, "SELECT count(*) FROM models WHERE model_id LIKE 'bad/%'"), 0);
        if (usage) {
            QCOMPARE(calls(db, "lab/first"), 5);
            QCOMPARE(calls(db, "lab/last"), 7);
            QCOMPARE(count(db, "SELECT count(*) FROM event_keys"), 12);
        } else {
            QCOMPARE(count(db, "SELECT count(*) FROM models"), 3);
            QCOMPARE(count(db, "SELECT count(*) FROM usage_daily"), 0);
        }
    }

    // A DbError that is not a full disk (here: another connection holds the write lock while
    // the middle file is imported) fails that file only.
    void lockedCacheFailsOneFile()
    {
        const QString first = write(usageRows("lab/first", "a", 5));
        const QString middle = write(usageRows("lab/middle", "b", 6));
        const QString last = write(usageRows("lab/last", "c", 7));
        Database db = Cache::open(m_cache);
        db.setLockWait(50);
        Database other(m_cache);
        BatchImportCallbacks cb;
        cb.fileStarted = [&](int i, int, const QString &) {
            if (i == 1)
                other.exec("BEGIN IMMEDIATE");
        };
        cb.fileFinished = [&](int i, int, const BatchFileOutcome &) {
            if (i == 1)
                other.exec("ROLLBACK");
        };
        const BatchImportResult result = importBatch(db, {first, middle, last}, ImportOptions{}, cb);
        QVERIFY(!result.stopped());
        QCOMPARE(result.files.size(), std::size_t(3));
        QCOMPARE(result.files[1].failure, Failure::Database);
        QVERIFY2(!result.files[1].message.isEmpty(), "a DbError's message");
        QCOMPARE(result.files[0].failure, Failure::None);
        QCOMPARE(result.files[2].failure, Failure::None);
        QCOMPARE(calls(db, "lab/first"), 5);
        QCOMPARE(calls(db, "lab/middle"), 0);
        QCOMPARE(calls(db, "lab/last"), 7);
    }

    void cancelStopsTheBatch_data()
    {
        QTest::addColumn<bool>("atTheEnd");
        QTest::newRow("while reading") << false;
        QTest::newRow("at the last byte") << true;
    }

    void cancelStopsTheBatch()
    {
        QFETCH(bool, atTheEnd);
        const QString first = write(usageRows("lab/first", "a", 5));
        // About 4 MB: progress is asked several times while reading it.
        const QString big = write(usageRows("lab/big", "b", 60000));
        const QString last = write(usageRows("lab/last", "c", 7));
        Database db = Cache::open(m_cache);
        int file = -1;
        QStringList writing;
        BatchImportCallbacks cb;
        cb.fileStarted = [&](int i, int, const QString &) { file = i; };
        cb.fileWriting = [&](int i, int, const QString &) { writing << QString::number(i); };
        cb.progress = [&](std::int64_t done, std::int64_t total) {
            if (file != 1)
                return true;
            return atTheEnd ? done < total : false;
        };
        const BatchImportResult result = importBatch(db, {first, big, last}, ImportOptions{}, cb);

        QVERIFY(result.stopped());
        QCOMPARE(result.files.size(), std::size_t(2)); // the last file was not tried
        QCOMPARE(result.files[0].failure, Failure::None);
        QCOMPARE(result.files[1].failure, Failure::Cancelled);
        QVERIFY(!result.files[1].kept());
        QVERIFY_THROWS_EXCEPTION(Cancelled, std::rethrow_exception(result.stoppedBy));
        // The first file was read to its end and written; the big one only when cancelled there.
        QCOMPARE(writing, atTheEnd ? QStringList({"0", "1"}) : QStringList({"0"}));
        QCOMPARE(calls(db, "lab/first"), 5);
        QCOMPARE(calls(db, "lab/big"), 0);
        QCOMPARE(calls(db, "lab/last"), 0);
        QCOMPARE(count(db, "SELECT count(*) FROM imported_files"), 1);
        QCOMPARE(count(db, "SELECT count(*) FROM event_keys"), 5);
    }

    // SQLite's own full-disk simulation: once the first file is in, the cache may grow by a
    // few pages only, so the big second file hits SQLITE_FULL. The limit is lifted after it:
    // a batch that went on would import the third file.
    void fullDiskStopsTheBatch()
    {
        const QString first = write(usageRows("lab/first", "a", 5));
        const QString big = write(usageRows("lab/big", "b", 60000));
        const QString last = write(usageRows("lab/last", "c", 7));
        Database db = Cache::open(m_cache);
        BatchImportCallbacks cb;
        cb.fileStarted = [&](int i, int, const QString &) {
            if (i == 1)
                db.exec("PRAGMA max_page_count = " + std::to_string(db.queryInt("PRAGMA page_count").value_or(0) + 8));
        };
        cb.fileFinished = [&](int i, int, const BatchFileOutcome &) {
            if (i == 1)
                db.exec("PRAGMA max_page_count = 1073741823");
        };
        const BatchImportResult result = importBatch(db, {first, big, last}, ImportOptions{}, cb);

        QVERIFY(result.stopped());
        QCOMPARE(result.files.size(), std::size_t(2));
        QCOMPARE(result.files[0].failure, Failure::None);
        QCOMPARE(result.files[1].failure, Failure::Full);
        try {
            std::rethrow_exception(result.stoppedBy);
        } catch (const DbError &e) {
            QVERIFY2(e.isFull(), qPrintable(e.message()));
            QCOMPARE(result.files[1].message, e.message());
        }
        QCOMPARE(calls(db, "lab/first"), 5);
        QCOMPARE(calls(db, "lab/big"), 0);
        QCOMPARE(calls(db, "lab/last"), 0);
        QCOMPARE(count(db, "SELECT count(*) FROM imported_files"), 1);
        Statement check(db, "PRAGMA integrity_check");
        QVERIFY(check.step());
        QCOMPARE(check.text(0), QStringLiteral("ok"));
    }

    // Rejected rows reach the caller; a strict file is refused (not kept) and the batch goes on.
    void rejectedRowsAndStrict()
    {
        const QString mixed = write(kHeader + "2026-03-01T10:00:00Z,lab/mixed,caller-1,m1,,0.5,\n"
                                              "2026-03-01T10:00:00Z,lab/mixed,caller-2,m2,,-1,\n");
        const QString good = write(usageRows("lab/good", "g", 3));
        Database db = Cache::open(m_cache);
        ImportOptions opt;
        opt.strict = true;
        QStringList rejected;
        BatchImportCallbacks cb;
        cb.rowError = [&](const RowError &e) { rejected << e.toString(); };
        const BatchImportResult result = importBatch(db, {mixed, good}, opt, cb);
        QVERIFY(!result.stopped());
        QCOMPARE(result.files.size(), std::size_t(2));
        QCOMPARE(rejected.size(), 1);
        QVERIFY2(rejected.first().startsWith(mixed + ":3: fee is negative"), qPrintable(rejected.first()));
        QCOMPARE(result.files[0].failure, Failure::None);
        QCOMPARE(result.files[0].report.outcome, ImportReport::Outcome::Refused);
        QVERIFY(!result.files[0].kept());
        QVERIFY(result.files[1].kept());
        QCOMPARE(calls(db, "lab/mixed"), 0);
        QCOMPARE(calls(db, "lab/good"), 3);
    }
};

QTEST_GUILESS_MAIN(TestBatchImport)
#include "tst_batchimport.moc"
