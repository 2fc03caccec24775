#include "db/cache.h"
#include "testutil.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using TestUtil::runUptake;

class TestCli : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void helpAndVersion()
    {
        const auto help = runUptake({QStringLiteral("--help")});
        QCOMPARE(help.exitCode, 0);
        for (const char *word : {"import catalogue", "import usage", "export", "stats", "demo", "--cache"})
            QVERIFY2(help.out.contains(QLatin1String(word)), word);
        const auto version = runUptake({QStringLiteral("--version")});
        QCOMPARE(version.exitCode, 0);
        QCOMPARE(version.out.trimmed(), QStringLiteral("uptake " UPTAKE_VERSION));
    }

    void badCommandLines_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("unknown command") << QStringList{"frobnicate"};
        QTest::newRow("unknown global option") << QStringList{"--colour"};
        QTest::newRow("cache without file") << QStringList{"--cache"};
        QTest::newRow("demo bad number") << QStringList{"--cache", "x.sqlite", "demo", "--models", "many"};
        QTest::newRow("demo unknown option") << QStringList{"--cache", "x.sqlite", "demo", "--fast"};
        QTest::newRow("stats unknown option") << QStringList{"--cache", "x.sqlite", "stats", "--pretty"};
        QTest::newRow("stats bad usage") << QStringList{"--cache", "x.sqlite", "stats", "--usage", "often"};
        QTest::newRow("export no file") << QStringList{"--cache", "x.sqlite", "export"};
        QTest::newRow("export bad sort") << QStringList{"--cache", "x.sqlite", "export", "o.csv", "--sort", "zzz"};
        QTest::newRow("export two files") << QStringList{"--cache", "x.sqlite", "export", "a.csv", "b.csv"};
    }

    void badCommandLines()
    {
        QFETCH(QStringList, args);
        const auto r = runUptake(args, m_dir.path());
        QCOMPARE(r.exitCode, 2);
        QCOMPARE(r.err.count(QLatin1Char('\n')), 1); // one line
        QVERIFY(r.err.startsWith(QStringLiteral("uptake: ")));
        QVERIFY(r.out.isEmpty());
    }

    void demoThenStatsThenExport()
    {
        const QString cache = m_dir.filePath(QStringLiteral("demo.sqlite"));
        const auto demo = runUptake({QStringLiteral("--cache"), cache, QStringLiteral("demo"), QStringLiteral("--models"),
                                     QStringLiteral("2000"), QStringLiteral("--events"), QStringLiteral("40000"),
                                     QStringLiteral("--seed"), QStringLiteral("3")});
        QCOMPARE(demo.exitCode, 0);
        QVERIFY(demo.err.contains(QStringLiteral("2000 models")));

        const auto stats = runUptake({QStringLiteral("--cache"), cache, QStringLiteral("stats"), QStringLiteral("--json")});
        QCOMPARE(stats.exitCode, 0);
        const QJsonObject o = QJsonDocument::fromJson(stats.out.toUtf8()).object();
        QCOMPARE(o.value(QStringLiteral("models_listed")).toInteger(), 2000);
        Database db = Cache::open(cache);
        QCOMPARE(o.value(QStringLiteral("calls")).toInteger(), Cache::callCount(db));
        QCOMPARE(o.value(QStringLiteral("models_called")).toInteger(),
                 db.queryInt("SELECT count(*) FROM models WHERE calls > 0").value_or(-1));
        const double gini = o.value(QStringLiteral("gini")).toDouble();
        QVERIFY(gini > 0.5 && gini < 1.0);

        const auto text = runUptake({QStringLiteral("--cache"), cache, QStringLiteral("stats"), QStringLiteral("--usage"),
                                     QStringLiteral("never")});
        QCOMPARE(text.exitCode, 0);
        QVERIFY(text.out.contains(QStringLiteral("models called        0")));

        const QString out = m_dir.filePath(QStringLiteral("snap.csv"));
        const auto exp = runUptake({QStringLiteral("--cache"), cache, QStringLiteral("export"), out,
                                    QStringLiteral("--usage"), QStringLiteral("called")});
        QCOMPARE(exp.exitCode, 0);
        QFile f(out);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = f.readAll().split('\n');
        QVERIFY(lines.first().startsWith("model_id,author,task,created_at,versions,calls,unique_callers,"
                                         "repeat_callers,repeat_rate,verified_calls,fees_paid,first_call_at,"
                                         "last_call_at,listed"));
        const std::int64_t called = db.queryInt("SELECT count(*) FROM models WHERE calls > 0").value_or(-1);
        QCOMPARE(lines.size() - 2, called); // header, rows, and the empty piece after the last CRLF
        QVERIFY(QFile::exists(out + QStringLiteral(".json")));
    }

    void headlessNeedsNoDisplay()
    {
        // runUptake removes DISPLAY and QT_QPA_PLATFORM; a command must still work.
        const auto r = runUptake({QStringLiteral("--cache"), m_dir.filePath(QStringLiteral("empty.sqlite")),
                                  QStringLiteral("stats")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains(QStringLiteral("models listed        0")));
    }

    void foreignCacheIsRefused()
    {
        const QString path = m_dir.filePath(QStringLiteral("notes.txt"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("these are my notes, not a database\n");
        f.close();
        const auto r = runUptake({QStringLiteral("--cache"), path, QStringLiteral("stats")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains(QStringLiteral("not an Uptake cache")));
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), QByteArray("these are my notes, not a database\n"));
    }

private:
    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
