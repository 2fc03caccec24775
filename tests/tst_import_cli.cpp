#include "db/cache.h"
#include "testutil.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

// `uptake import` as a user runs it: exit statuses, messages on stderr, and a SIGKILL
// in the middle of an import.

using namespace uptake;

namespace {

QString examples(const char *name)
{
    return QStringLiteral(UPTAKE_SOURCE_DIR "/docs/examples/") + QLatin1String(name);
}

// Counts and sums that change with any write to the data.
QString snapshot(Database &db)
{
    Statement st(db, "SELECT (SELECT count(*) FROM models) || ' ' || (SELECT count(*) FROM usage_daily) || ' ' ||"
                     " (SELECT count(*) FROM event_keys) || ' ' || (SELECT count(*) FROM imported_files) || ' ' ||"
                     " (SELECT coalesce(sum(calls), 0) FROM models) || ' ' || (SELECT coalesce(sum(fees_nano), 0) FROM models)");
    st.step();
    return st.text(0);
}

} // namespace

class TestImportCli : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_cache;
    int m_n = 0;
    QString m_big;
    QList<QByteArray> m_bigCallers;
    qint64 m_fullImportMs = 0;

    QString write(const QByteArray &content, const char *suffix = ".csv")
    {
        const QString path = m_dir.filePath(QStringLiteral("f%1%2").arg(++m_n).arg(QLatin1String(suffix)));
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly))
            qFatal("cannot write");
        f.write(content);
        return path;
    }

    TestUtil::RunResult uptake(QStringList args)
    {
        args.prepend(m_cache);
        args.prepend(QStringLiteral("--cache"));
        return TestUtil::runUptake(args);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(QFileInfo::exists(TestUtil::binary()));
        // A usage file big enough that an import takes a few seconds.
        m_big = m_dir.filePath(QStringLiteral("big.csv"));
        QFile f(m_big);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("timestamp,model_id,caller,event_id,mode,fee,status\n");
        QByteArray chunk;
        char line[256];
        for (int i = 0; i < 400000; ++i) {
            const int caller = int((quint64(i) * 2654435761u) % 90000);
            const int n = std::snprintf(line, sizeof line, "2026-%02d-%02dT%02d:%02d:00Z,big/model-%d,0xA%039X,0xev%08x,%d,0.%06d,ok\n",
                                        1 + i % 3, 1 + i % 28, i % 24, i % 60, i % 3000, caller, i, i % 3, i % 999999);
            chunk.append(line, n);
            if (i < 3)
                m_bigCallers << QByteArray(line).split(',')[2];
            if (chunk.size() > (1 << 20)) {
                f.write(chunk);
                chunk.clear();
            }
        }
        f.write(chunk);
        f.close();
        // How long a whole import of it takes here: the kill points are fractions of that,
        // so that they land mid-import on a fast machine as on a slow one.
        QElapsedTimer t;
        t.start();
        const auto r = TestUtil::runUptake({QStringLiteral("--cache"), m_dir.filePath(QStringLiteral("timing.sqlite")),
                                            QStringLiteral("import"), QStringLiteral("usage"), m_big});
        QCOMPARE(r.exitCode, 0);
        m_fullImportMs = t.elapsed();
        qInfo("a full import of the big file takes %lld ms here", m_fullImportMs);
    }

    void init()
    {
        m_cache = m_dir.filePath(QStringLiteral("cache%1.sqlite").arg(++m_n));
    }

    void badCommandLines_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        const QString f = examples("usage.csv");
        QTest::newRow("nothing") << QStringList{"import"} << "catalogue or usage";
        QTest::newRow("unknown kind") << QStringList{"import", "models", f} << "unknown kind";
        QTest::newRow("no files usage") << QStringList{"import", "usage"} << "no files";
        QTest::newRow("no files catalogue") << QStringList{"import", "catalogue", "--format", "csv"} << "no files";
        QTest::newRow("unknown option") << QStringList{"import", "usage", "--bogus", f} << "unknown option '--bogus'";
        QTest::newRow("format for usage") << QStringList{"import", "usage", "--format", "csv", f} << "unknown option '--format'";
        QTest::newRow("strict for catalogue") << QStringList{"import", "catalogue", "--strict", f} << "unknown option '--strict'";
        QTest::newRow("unknown format") << QStringList{"import", "catalogue", "--format", "xml", f} << "unknown format 'xml'";
        QTest::newRow("format without value") << QStringList{"import", "catalogue", f, "--format"} << "--format needs";
        QTest::newRow("format= unknown") << QStringList{"import", "catalogue", "--format=HF", f} << "unknown format 'HF'";
    }

    void badCommandLines()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        const auto r = uptake(args);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
        QCOMPARE(r.err.count(u'\n'), 1); // one line
        QVERIFY(!QFileInfo::exists(m_cache)); // nothing opened or created
    }

    void exitStatuses_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QStringList>("stderrHas");
        QTest::addColumn<QString>("callsAfter");
        const QByteArray header = "timestamp,model_id,caller,event_id,mode,fee,status\n";
        const QString good = write(header + "2026-03-01T10:00:00Z,m/x,Private-Caller-A,e1,,0.5,\n");
        const QString mixed = write(header + "2026-03-01T10:00:00Z,m/x,Private-Caller-B,e2,,0.5,\n"
                                             "2026-03-01T10:00:00Z,m/x,Private-Caller-C,e3,,-1,\n"
                                             "never,m/x,Private-Caller-D,e4,,,\n");
        const QString rollUp = write("day,model_id,caller,calls\n2026-03-01,m/x,Private-Caller-E,4\n");
        const QString rounded = write(header + "2026-03-01T10:00:00Z,m/x,Private-Caller-F,e5,,0.5,\n"
                                               "2026-03-01T10:00:00Z,m/x,Private-Caller-G,e6,,0.0000000015,\n");
        const QString missing = m_dir.filePath(QStringLiteral("missing.csv"));
        QTest::newRow("ok") << QStringList{"import", "usage", good} << 0
                            << QStringList{good + ": 1 row imported, 0 rejected, 0 duplicates skipped, 0 fees rounded, "
                                                  "1 model seen only in usage"}
                            << "1";
        QTest::newRow("rows rejected") << QStringList{"import", "usage", mixed} << 3
                                       << QStringList{mixed + ":3: fee is negative: \"-1\"\n",
                                                      mixed + ":4: timestamp is neither ISO 8601 date and time nor Unix seconds: \"never\"\n",
                                                      mixed + ": 1 row imported, 2 rejected"}
                                       << "1";
        QTest::newRow("strict") << QStringList{"import", "usage", "--strict", mixed} << 1
                                << QStringList{mixed + ":3: fee is negative", "nothing imported (strict): 2 rows rejected"} << "0";
        QTest::newRow("fee rounded") << QStringList{"import", "usage", rounded} << 0
                                     << QStringList{rounded + ": 2 rows imported, 0 rejected, 0 duplicates skipped, "
                                                              "1 fee rounded (first on line 3), 1 model seen only in usage"}
                                     << "2";
        QTest::newRow("missing file") << QStringList{"import", "usage", missing} << 1
                                      << QStringList{"uptake: " + missing + ": no such file"} << "0";
        QTest::newRow("roll-up") << QStringList{"import", "usage", rollUp} << 0
                                 << QStringList{rollUp + ": 1 roll-up row imported (4 calls), 0 rejected", "(CSV roll-up"} << "4";
        QTest::newRow("failure wins, others still imported") << QStringList{"import", "usage", mixed, missing, good} << 1
                                                             << QStringList{"no such file", good + ": 1 row imported"} << "2";
        QTest::newRow("options after and before files") << QStringList{"import", "usage", "--strict", good, "--force"} << 0
                                                        << QStringList{"1 row imported"} << "1";
        QTest::newRow("catalogue formats") << QStringList{"import", "catalogue", examples("hf_models.json"), "--format=hf"} << 0
                                           << QStringList{"3 models imported, 0 rows rejected"} << "0";
        QTest::newRow("catalogue auto") << QStringList{"import", "catalogue", examples("hf_models.json"), examples("catalogue.csv"),
                                                       examples("opengradient_models.json"), examples("catalogue.jsonl")}
                                        << 0 << QStringList{"(JSON array", "(CSV", "(JSON object", "(JSON Lines"} << "0";
    }

    void exitStatuses()
    {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        QFETCH(QStringList, stderrHas);
        QFETCH(QString, callsAfter);
        const auto r = uptake(args);
        QVERIFY2(r.exitCode == exitCode, qPrintable(QStringLiteral("exit %1: %2").arg(r.exitCode).arg(r.err)));
        for (const QString &s : stderrHas)
            QVERIFY2(r.err.contains(s), qPrintable(r.err));
        QVERIFY2(!r.err.contains(QLatin1String("Private-Caller"), Qt::CaseInsensitive), qPrintable(r.err));
        QCOMPARE(r.out, QString()); // stdout stays free for data
        Database db = Cache::open(m_cache);
        QCOMPARE(QString::number(db.queryInt("SELECT coalesce(sum(calls), 0) FROM models").value_or(-1)), callsAfter);
    }

    void reimport()
    {
        const QString f = examples("usage.csv");
        QCOMPARE(uptake({"import", "usage", f}).exitCode, 0);
        const auto again = uptake({"import", "usage", f});
        QCOMPARE(again.exitCode, 0);
        QVERIFY2(again.err.contains(f + ": skipped, this content was imported before (--force imports it again)"),
                 qPrintable(again.err));
        const auto forced = uptake({"import", "usage", "--force", f});
        QCOMPARE(forced.exitCode, 0);
        QVERIFY2(forced.err.contains("1 row imported, 0 rejected, 4 duplicates skipped"), qPrintable(forced.err));
    }

    void foreignCache()
    {
        {
            Database other(m_cache);
            other.exec("CREATE TABLE t(x)");
        }
        const auto r = uptake({"import", "usage", examples("usage.csv")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains("not an Uptake cache"));
    }

    void sigkillMidImport_data()
    {
        QTest::addColumn<int>("killAtPercent"); // of a full import; -1: once 1 MB is written (WAL or cache)
        QTest::newRow("early") << 5;
        QTest::newRow("middle") << 40;
        QTest::newRow("late") << 70;
        QTest::newRow("while writing") << -1;
    }

    void sigkillMidImport()
    {
        QFETCH(int, killAtPercent);
        const qint64 killAfterMs = killAtPercent < 0 ? -1 : m_fullImportMs * killAtPercent / 100;
        QVERIFY(uptake({"import", "catalogue", examples("catalogue.csv")}).exitCode == 0);
        QVERIFY(uptake({"import", "usage", examples("usage.csv")}).exitCode == 0);
        QString before;
        {
            Database db = Cache::open(m_cache);
            before = snapshot(db);
        }

        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("DISPLAY"));
        p.setProcessEnvironment(env);
        p.start(TestUtil::binary(), {"--cache", m_cache, "import", "usage", m_big});
        QVERIFY(p.waitForStarted());
        QElapsedTimer t;
        t.start();
        // What the import has written: WAL frames, or with a rollback journal (a large file into
        // a small cache) pages of the cache file itself.
        const auto written = [this] { return QFileInfo(m_cache + "-wal").size() + QFileInfo(m_cache).size(); };
        const qint64 walBefore = written();
        if (killAfterMs >= 0) {
            while (t.elapsed() < killAfterMs && p.state() == QProcess::Running)
                QThread::msleep(10);
        } else {
            while (written() <= walBefore + (1 << 20) && p.state() == QProcess::Running && t.elapsed() < 60000)
                QThread::usleep(200);
        }
        if (p.state() != QProcess::Running)
            QFAIL(qPrintable(QStringLiteral("the import finished before the kill at %1 ms (a full import took %2 ms)")
                                 .arg(killAfterMs)
                                 .arg(m_fullImportMs)));
        const qint64 walAtKill = written();
        p.kill(); // SIGKILL
        QVERIFY(p.waitForFinished());
        // QProcess notices an exit only in its event loop, which the wait above does not run:
        // a late kill can find the import already ended. Then it must have succeeded, with
        // the whole file in (checked below).
        const bool endedFirst = p.exitStatus() == QProcess::NormalExit;
        if (endedFirst)
            QCOMPARE(p.exitCode(), 0);
        qInfo("%s after %lld ms; cache and WAL %lld -> %lld bytes", endedFirst ? "ended by itself" : "killed", t.elapsed(),
              walBefore, walAtKill);

        // Raw ids from the killed import may not be in any of the files either.
        for (const char *suffix : {"", "-wal", "-shm"}) {
            QFile f(m_cache + suffix);
            if (f.open(QIODevice::ReadOnly)) {
                const QByteArray bytes = f.readAll();
                for (const QByteArray &c : m_bigCallers)
                    QVERIFY(!bytes.contains(c) && !bytes.contains(c.toLower()));
            }
        }
        QString after;
        {
            Database db = Cache::open(m_cache);
            Statement check(db, "PRAGMA integrity_check");
            QVERIFY(check.step());
            QCOMPARE(check.text(0), QStringLiteral("ok"));
            after = snapshot(db);
        }
        if (endedFirst || after != before) {
            // The kill can land after the commit, while the process checkpoints or exits
            // (under the sanitizers, LeakSanitizer's exit scan alone takes seconds); the
            // committed frames may still be in the WAL then. Either way the whole file must
            // be there: all of it or none of it, never a part.
            const QStringList b = before.split(QLatin1Char(' ')), a = after.split(QLatin1Char(' '));
            QCOMPARE(a.value(0).toLongLong(), b.value(0).toLongLong() + 3000); // models
            QCOMPARE(a.value(1).toLongLong(), b.value(1).toLongLong() + 400000); // usage rows
            QCOMPARE(a.value(2).toLongLong(), b.value(2).toLongLong() + 400000); // event keys
            QCOMPARE(a.value(3).toLongLong(), b.value(3).toLongLong() + 1); // the file, recorded
            QCOMPARE(a.value(4).toLongLong(), b.value(4).toLongLong() + 400000); // calls
            qInfo("the kill came after the commit: the whole file is in, as it must be then");
            const auto again = uptake({"import", "usage", m_big});
            QCOMPARE(again.exitCode, 0);
            QVERIFY2(again.err.contains("this content was imported before"), qPrintable(again.err));
            return;
        }
        QCOMPARE(after, before);
        // And the file imports completely afterwards.
        const auto r = uptake({"import", "usage", m_big});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.err.contains("400000 rows imported"), qPrintable(r.err));
    }
};

QTEST_GUILESS_MAIN(TestImportCli)
#include "tst_import_cli.moc"
