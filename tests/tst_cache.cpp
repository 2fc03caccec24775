#include "db/cache.h"
#include "ingest/ingest.h"

#include <QCryptographicHash>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace uptake;

namespace {
QByteArray fileHash(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
}
} // namespace

class TestCache : public QObject
{
    Q_OBJECT

private slots:
    void init() { QVERIFY(m_dir.isValid()); }

    void createsCurrentSchema()
    {
        const QString path = m_dir.filePath(QStringLiteral("new.sqlite"));
        Database db = Cache::open(path);
        QCOMPARE(db.queryInt("PRAGMA user_version"), std::optional<std::int64_t>(Cache::SchemaVersion));
        QCOMPARE(db.queryInt("PRAGMA application_id"), std::optional<std::int64_t>(Cache::ApplicationId));
        Statement mode(db, "PRAGMA journal_mode");
        QVERIFY(mode.step());
        QCOMPARE(mode.text(0), QStringLiteral("wal"));
        QCOMPARE(Cache::secret(db).size(), 32);
        QCOMPARE(Cache::modelCount(db), 0);
    }

    void secretIsPerCache()
    {
        Database a = Cache::open(m_dir.filePath(QStringLiteral("s1.sqlite")));
        Database b = Cache::open(m_dir.filePath(QStringLiteral("s2.sqlite")));
        QVERIFY(Cache::secret(a) != Cache::secret(b));
        // and stable across opens
        const QByteArray first = Cache::secret(a);
        a = Database();
        Database again = Cache::open(m_dir.filePath(QStringLiteral("s1.sqlite")));
        QCOMPARE(Cache::secret(again), first);
    }

    void migratesFromVersionOne()
    {
        const QString path = m_dir.filePath(QStringLiteral("old.sqlite"));
        Cache::createAtVersion(path, 1);
        {
            Database old(path);
            QCOMPARE(old.queryInt("PRAGMA user_version"), std::optional<std::int64_t>(1));
            QCOMPARE(old.queryInt("SELECT count(*) FROM sqlite_schema WHERE name = 'models_by_calls'"),
                     std::optional<std::int64_t>(0));
            old.exec("INSERT INTO models(model_id, task, calls) VALUES('lab/old-model', 'text-generation', 5)");
        }
        Database db = Cache::open(path);
        QCOMPARE(db.queryInt("PRAGMA user_version"), std::optional<std::int64_t>(Cache::SchemaVersion));
        QCOMPARE(db.queryInt("SELECT calls FROM models WHERE model_id = 'lab/old-model'"),
                 std::optional<std::int64_t>(5));
        QCOMPARE(db.queryInt("SELECT count(*) FROM sqlite_schema WHERE name = 'models_by_calls'"),
                 std::optional<std::int64_t>(1));
    }

    void refusesForeignSqlite()
    {
        const QString path = m_dir.filePath(QStringLiteral("foreign.sqlite"));
        {
            Database other(path);
            other.exec("CREATE TABLE contacts(name TEXT); INSERT INTO contacts VALUES('Ada')");
        }
        const QByteArray before = fileHash(path);
        try {
            Cache::open(path);
            QFAIL("a foreign database must be refused");
        } catch (const CacheError &e) {
            QCOMPARE(e.kind(), CacheError::Kind::Foreign);
            QVERIFY(e.message().contains(path));
        }
        QCOMPARE(fileHash(path), before);
    }

    void refusesNonDatabase_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::newRow("text") << QByteArray("model_id,author\nx,y\n");
        QTest::newRow("random") << QByteArray::fromHex("deadbeef00112233445566778899aabbccddeeff").repeated(300);
        QTest::newRow("truncated header") << QByteArray("SQLite format 3\0", 16).append(QByteArray(50, '\x01'));
    }

    void refusesNonDatabase()
    {
        QFETCH(QByteArray, content);
        const QString path = m_dir.filePath(QStringLiteral("junk-%1.sqlite").arg(QTest::currentDataTag()));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(content);
        f.close();
        try {
            Cache::open(path);
            QFAIL("a file that is not an SQLite database must be refused");
        } catch (const CacheError &e) {
            QVERIFY2(e.kind() == CacheError::Kind::Corrupt || e.kind() == CacheError::Kind::Foreign,
                     qPrintable(e.message()));
        }
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), content);
    }

    void refusesNewerSchema()
    {
        const QString path = m_dir.filePath(QStringLiteral("future.sqlite"));
        {
            Database db = Cache::open(path);
            db.exec("PRAGMA user_version = 99");
        }
        try {
            Cache::open(path);
            QFAIL("a newer schema must be refused");
        } catch (const CacheError &e) {
            QCOMPARE(e.kind(), CacheError::Kind::TooNew);
            QVERIFY(e.message().contains(QStringLiteral("newer")));
        }
        Database raw(path);
        QCOMPARE(raw.queryInt("PRAGMA user_version"), std::optional<std::int64_t>(99));
    }

    void createsFolders()
    {
        const QString path = m_dir.filePath(QStringLiteral("deep/er/cache.sqlite"));
        Database db = Cache::open(path);
        QVERIFY(QFile::exists(path));
    }

private:
    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(TestCache)
#include "tst_cache.moc"
