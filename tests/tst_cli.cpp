#include "db/cache.h"
#include "testutil.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <clocale>

using namespace uptake;

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
        for (const char *word : {"import catalogue", "import usage", "export", "stats", "demo", "retention", "lifecycle",
                                 "--model", "--cache"})
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
        QTest::newRow("retention unknown option") << QStringList{"--cache", "x.sqlite", "retention", "--pretty"};
        QTest::newRow("retention model and filter")
            << QStringList{"--cache", "x.sqlite", "retention", "--model", "lab/x", "--task", "t"};
        QTest::newRow("retention model without id") << QStringList{"--cache", "x.sqlite", "retention", "--model"};
        QTest::newRow("lifecycle bad date") << QStringList{"--cache", "x.sqlite", "lifecycle", "--since", "March"};
        QTest::newRow("sync page cap zero")
            << QStringList{"--cache", "x.sqlite", "sync", "http://127.0.0.1:9/api/models", "--max-page-mb", "0"};
        QTest::newRow("sync page cap not a number")
            << QStringList{"--cache", "x.sqlite", "sync", "http://127.0.0.1:9/api/models", "--max-page-mb", "lots"};
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

    // retention and lifecycle (contract section 5) on a small usage file: the JSON's shape, its
    // figures by hand, the same bytes under German and Turkish, and stats --json's new keys.
    // By hand: a calls lab/x on 2026-03-02 (a Monday) and lab/y a week later; b calls lab/y on
    // 03-02; c calls other/z on 03-15, the last day (E, a Sunday). Over the catalogue a is back
    // in period 1 and b is not (1 of 2); c, first seen on E, is eligible for nothing.
    void retentionAndLifecycle()
    {
        const QString usage = m_dir.filePath(QStringLiteral("evidence.csv"));
        QFile f(usage);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("timestamp,model_id,caller\n"
                "2026-03-02T10:00:00Z,lab/x,a\n2026-03-09T10:00:00Z,lab/y,a\n"
                "2026-03-02T11:00:00Z,lab/y,b\n2026-03-15T11:00:00Z,other/z,c\n");
        f.close();
        const QString cache = m_dir.filePath(QStringLiteral("evidence.sqlite"));
        const QStringList c{QStringLiteral("--cache"), cache};
        QCOMPARE(runUptake(c + QStringList{"import", "usage", usage}).exitCode, 0);

        const auto retention = runUptake(c + QStringList{"retention", "--json"});
        QCOMPARE(retention.exitCode, 0);
        QJsonParseError error;
        const QJsonObject r = QJsonDocument::fromJson(retention.out.toUtf8(), &error).object();
        QCOMPARE(error.error, QJsonParseError::NoError);
        QCOMPARE(r.keys(), (QStringList{"cohorts", "curve", "evidence_end"}));
        QCOMPARE(r.value("evidence_end").toString(), QStringLiteral("2026-03-15"));
        const QJsonArray curve = r.value("curve").toArray();
        QCOMPARE(curve.size(), 12);
        for (qsizetype k = 0; k < curve.size(); ++k) {
            const QJsonObject p = curve.at(k).toObject();
            QCOMPARE(p.keys(), (QStringList{"eligible", "period", "returned"}));
            QCOMPARE(p.value("period").toInteger(), k + 1);
            QCOMPARE(p.value("returned").toInteger(), k == 0 ? 1 : 0);
            QCOMPARE(p.value("eligible").toInteger(), k == 0 ? 2 : 0);
        }
        const QJsonArray cohorts = r.value("cohorts").toArray();
        QCOMPARE(cohorts.size(), 2);
        const QJsonObject first = cohorts.at(0).toObject();
        QCOMPARE(first.keys(), (QStringList{"callers", "eligible", "returned", "week"}));
        QCOMPARE(first.value("week").toString(), QStringLiteral("2026-03-02"));
        QCOMPARE(first.value("callers").toInteger(), 2);
        QCOMPARE(first.value("returned").toArray().size(), 12);
        QCOMPARE(first.value("returned").toArray().at(0).toInteger(), 1);
        QCOMPARE(first.value("eligible").toArray().at(0).toInteger(), 2);
        QCOMPARE(first.value("eligible").toArray().at(1).toInteger(), 0);
        QCOMPARE(cohorts.at(1).toObject().value("week").toString(), QStringLiteral("2026-03-09"));
        QCOMPARE(cohorts.at(1).toObject().value("callers").toInteger(), 1);

        // One model: lab/x alone saw a once.
        const auto one = runUptake(c + QStringList{"retention", "--json", "--model", "lab/x"});
        QCOMPARE(one.exitCode, 0);
        const QJsonObject o = QJsonDocument::fromJson(one.out.toUtf8()).object();
        QCOMPARE(o.value("curve").toArray().at(0).toObject().value("returned").toInteger(), 0);
        QCOMPARE(o.value("curve").toArray().at(0).toObject().value("eligible").toInteger(), 1);
        const auto missing = runUptake(c + QStringList{"retention", "--model", "lab/none"});
        QCOMPARE(missing.exitCode, 1);
        QVERIFY(missing.err.contains(QStringLiteral("lab/none")));

        // Until 03-10 (a Tuesday): E moves there, its week is partial, nobody is eligible yet.
        const auto lifecycle = runUptake(c + QStringList{"lifecycle", "--json", "--until", "2026-03-10"});
        QCOMPARE(lifecycle.exitCode, 0);
        const QJsonArray weeks = QJsonDocument::fromJson(lifecycle.out.toUtf8()).object().value("weeks").toArray();
        QCOMPARE(weeks.size(), 2);
        const QJsonObject w0 = weeks.at(0).toObject(), w1 = weeks.at(1).toObject();
        QCOMPARE(w0.keys(), (QStringList{"dormant", "new", "partial", "resurrecting", "returning", "week"}));
        QCOMPARE(w0.value("week").toString(), QStringLiteral("2026-03-02"));
        QCOMPARE(w0.value("new").toInteger(), 2);
        QCOMPARE(w0.value("partial").toBool(true), false);
        QCOMPARE(w1.value("week").toString(), QStringLiteral("2026-03-09"));
        QCOMPARE(w1.value("new").toInteger(), 0);
        QCOMPARE(w1.value("returning").toInteger(), 1);
        QCOMPARE(w1.value("resurrecting").toInteger(), 0);
        QCOMPARE(w1.value("dormant").toInteger(), 1);
        QCOMPARE(w1.value("partial").toBool(false), true);

        // stats --json: the selection's week-1 and week-4 retention and its last whole week.
        const auto stats = runUptake(c + QStringList{"stats", "--json"});
        QCOMPARE(stats.exitCode, 0);
        const QJsonObject s = QJsonDocument::fromJson(stats.out.toUtf8()).object();
        QCOMPARE(s.value("calls").toInteger(), 4); // the old keys stay
        QCOMPARE(s.value("week1_retention").toDouble(), 0.5);
        QVERIFY(s.value("week4_retention").isNull());
        const QJsonObject last = s.value("last_complete_week").toObject();
        QCOMPARE(last.value("week").toString(), QStringLiteral("2026-03-09"));
        QCOMPARE(last.value("new").toInteger(), 1);
        QCOMPARE(last.value("returning").toInteger(), 1);
        QCOMPARE(last.value("dormant").toInteger(), 1);

        // The tables are aligned and say the same.
        const auto table = runUptake(c + QStringList{"retention"});
        QCOMPARE(table.exitCode, 0);
        QVERIFY2(table.out.contains(QStringLiteral("\nweek-1 retention                    50.0%\n")), qPrintable(table.out));
        QVERIFY2(table.out.contains(QStringLiteral("\n2026-03-02        2  1/2    -")), qPrintable(table.out));

        // The same bytes in every locale, JSON and tables alike.
        for (const QStringList &args : {QStringList{"retention", "--json"}, QStringList{"lifecycle", "--json"},
                                        QStringList{"retention"}, QStringList{"lifecycle", "--search", "lab/"},
                                        QStringList{"stats", "--json"}}) {
            const QByteArray inC = runIn("C.UTF-8", c + args);
            QVERIFY(!inC.isEmpty());
            for (const char *locale : {"de_DE.UTF-8", "tr_TR.UTF-8"}) {
                QVERIFY2(std::setlocale(LC_ALL, locale), locale); // else it would prove nothing
                std::setlocale(LC_ALL, "C");
                QCOMPARE(runIn(locale, c + args), inC);
            }
        }
    }

private:
    // stdout of uptake under one locale (LC_ALL and LANG), no display.
    static QByteArray runIn(const char *locale, const QStringList &args)
    {
        QProcess p;
        QProcessEnvironment env = TestUtil::localeEnvironment(locale);
        p.setProcessEnvironment(env);
        p.start(TestUtil::binary(), args);
        if (!p.waitForFinished(240000)) {
            p.kill();
            p.waitForFinished();
        }
        return p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0 ? p.readAllStandardOutput() : QByteArray();
    }

    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
