// Machine-readable output is the same bytes in every locale (CONTRACT section 4, "numbers
// are written the same in every locale"): the whole command line, import to export, run
// under C, German, French and Turkish, and every file compared byte for byte with C's.
// German and French write 0,25 for a quarter; Turkish folds I to a dotless i, so a naive
// case-insensitive match of VANILLA, ZKML or 0X misses there.
#include "testutil.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <clocale>
#include <map>

using namespace uptake;

namespace {

const char *const kLocales[] = {"C.UTF-8", "de_DE.UTF-8", "fr_FR.UTF-8", "tr_TR.UTF-8"};

// Calls whose every field a locale could misread: modes and addresses in capitals (the
// Turkish I), fees and fractions of seconds with a point, offsets, Unix seconds.
// By hand: lab/turkish has 5 calls from 2 callers (the 0X and 0x spellings are one wallet),
// 4 verified (TEE, ZKML, Tee, 2), fees 0.5 + 1.25 + 0.000000001 + 2 = 3.750000001;
// the wallet calls on 2026-03-02 and 2026-03-03 (UTC), so it repeats: rate 1/2.
const char kUsageCsv[] =
    "timestamp,model_id,caller,event_id,mode,fee,status\n"
    "2026-03-02T10:00:00.75Z,lab/turkish,0XABCDEFABCDEFABCDEFABCDEFABCDEFABCDEFABCD,e1,TEE,0.5,OK\n"
    "2026-03-03T01:30:00+02:00,lab/turkish,0xabcdefabcdefabcdefabcdefabcdefabcdefabcd,e2,ZKML,1.25,ok\n"
    "2026-03-03T12:00:00,lab/turkish,0xABCDEFabcdefABCDEFabcdefABCDEFabcdefABCD,e3,VANILLA,,ERROR\n"
    "1772539200,lab/turkish,agent-I,e4,Tee,0.000000001,\n"
    "2026-03-03T00:00:00-00:00,lab/turkish,agent-I,e5,2,2,ok\n";

// The same kind of calls as JSON Lines, fees and times as JSON numbers.
const char kUsageJsonl[] =
    "{\"timestamp\": 1772582400, \"model_id\": \"lab/json\", \"caller\": \"INDIGO\", \"mode\": \"ZKML\", \"fee\": 0.25}\n"
    "{\"timestamp\": \"2026-03-05T08:00:00,5Z\", \"model_id\": \"lab/json\", \"caller\": \"INDIGO\", \"mode\": "
    "\"VANILLA\", \"fee\": 1.5}\n"
    "{\"timestamp\": \"2026-03-05T09:00:00Z\", \"model_id\": \"lab/json\", \"caller\": \"izmir\", \"fee\": \"0.125\"}\n";

// Catalogue numbers that a locale could misread: a float trending score, large counts.
const char kCatalogueJsonl[] =
    "{\"id\": \"lab/turkish\", \"pipeline_tag\": \"text-generation\", \"downloads\": 1234567, \"likes\": 89, "
    "\"trendingScore\": 12.5, \"createdAt\": \"2026-01-02T03:04:05.000Z\", \"tags\": [\"license:MIT\", \"TIIE\"], "
    "\"safetensors\": {\"total\": 7241732096}}\n"
    "{\"id\": \"lab/json\", \"pipeline_tag\": \"IMAGE-CLASSIFICATION\", \"downloads\": 0, \"gated\": \"auto\"}\n";

struct Outputs
{
    std::map<QString, QByteArray> files; // name -> bytes
};

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

bool writeFile(const QString &path, const char *text)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(text) == qint64(qstrlen(text));
}

// RFC 4180 fields of one CSV record (no newline inside our fixtures' cells).
QStringList csvFields(const QString &line)
{
    QStringList out;
    QString cell;
    bool quoted = false;
    for (qsizetype i = 0; i < line.size(); ++i) {
        const QChar c = line.at(i);
        if (quoted) {
            if (c == QLatin1Char('"') && i + 1 < line.size() && line.at(i + 1) == QLatin1Char('"'))
                cell += c, ++i;
            else if (c == QLatin1Char('"'))
                quoted = false;
            else
                cell += c;
        } else if (c == QLatin1Char('"')) {
            quoted = true;
        } else if (c == QLatin1Char(',')) {
            out << cell;
            cell.clear();
        } else if (c == QLatin1Char('\r') && i + 1 == line.size()) {
            break; // the CRLF's CR ends the row, not the last cell
        } else {
            cell += c;
        }
    }
    out << cell;
    return out;
}

} // namespace

class TestLocales : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_demoCache;
    std::map<QString, Outputs> m_outputs; // locale -> what it wrote

    // Runs uptake under one locale, with a fixed export time so that sidecars compare.
    TestUtil::RunResult run(const char *locale, const QStringList &args)
    {
        QProcess p;
        p.setWorkingDirectory(m_dir.path());
        QProcessEnvironment env = TestUtil::localeEnvironment(locale);
        env.insert(QStringLiteral("SOURCE_DATE_EPOCH"), QStringLiteral("1764547200"));
        // Settings (a language preference) must not leak in from the developer's desktop.
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir.filePath(QStringLiteral("config")));
        p.setProcessEnvironment(env);
        p.start(TestUtil::binary(), args);
        if (!p.waitForFinished(240000)) {
            p.kill();
            p.waitForFinished();
        }
        TestUtil::RunResult r;
        r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
        r.out = QString::fromUtf8(p.readAllStandardOutput());
        r.err = QString::fromUtf8(p.readAllStandardError());
        return r;
    }

    // Everything one locale writes: the fixture imported into a new cache, then export,
    // its sidecar, stats --json, retention and lifecycle, and every chart as SVG; the same for
    // the demo cache.
    void runAll(const char *locale, Outputs &out)
    {
        const QString work = m_dir.filePath(QStringLiteral("work"));
        QDir(work).removeRecursively();
        QVERIFY(QDir().mkpath(work));
        const QString cache = work + QStringLiteral("/c.sqlite");
        const QString data = QStringLiteral(UPTAKE_TEST_DATA);
        auto ok = [&](const QStringList &args) {
            const auto r = run(locale, args);
            if (r.exitCode != 0)
                qWarning().noquote() << locale << args.join(QLatin1Char(' ')) << "->" << r.exitCode << r.err;
            return r.exitCode == 0 ? r.out : QStringLiteral("<failed>");
        };
        const QStringList c{QStringLiteral("--cache"), cache};
        ok(c + QStringList{"import", "catalogue", m_dir.filePath("catalogue.jsonl"), data + "/import/og_versions.json",
                           data + "/import/hf_odd.jsonl"});
        ok(c + QStringList{"import", "usage", m_dir.filePath("calls.csv"), m_dir.filePath("calls.jsonl"),
                           data + "/warehouse/raw_calls.csv"});
        for (const QString &cacheName : {QStringLiteral("fixture"), QStringLiteral("demo")}) {
            const QStringList cc{QStringLiteral("--cache"), cacheName == QLatin1String("demo") ? m_demoCache : cache};
            const QString csv = work + QLatin1Char('/') + cacheName + QStringLiteral(".csv");
            ok(cc + QStringList{"export", csv, "--sort", "repeat_rate:desc"});
            out.files[cacheName + ".csv"] = readAll(csv);
            out.files[cacheName + ".csv.json"] = readAll(csv + QStringLiteral(".json"));
            const QString windowed = work + QLatin1Char('/') + cacheName + QStringLiteral("-window.csv");
            ok(cc + QStringList{"export", windowed, "--since", "2026-03-03", "--until", "2026-11-20", "--usage", "called"});
            out.files[cacheName + "-window.csv"] = readAll(windowed);
            out.files[cacheName + ".stats.json"] = ok(cc + QStringList{"stats", "--json"}).toUtf8();
            out.files[cacheName + "-window.stats.json"]
                = ok(cc + QStringList{"stats", "--json", "--since", "2026-03-03", "--min-calls", "2"}).toUtf8();
            out.files[cacheName + ".retention.json"] = ok(cc + QStringList{"retention", "--json"}).toUtf8();
            out.files[cacheName + ".retention.txt"] = ok(cc + QStringList{"retention", "--since", "2026-03-03"}).toUtf8();
            out.files[cacheName + ".lifecycle.json"] = ok(cc + QStringList{"lifecycle", "--json"}).toUtf8();
            for (const char *chart : {"tasks", "concentration", "weekly", "funnel", "top"}) {
                const QString svg = work + QLatin1Char('/') + cacheName + QLatin1Char('-') + QLatin1String(chart)
                                    + QStringLiteral(".svg");
                ok(cc + QStringList{"chart", QLatin1String(chart), svg, "--size", "900x560"});
                out.files[cacheName + "-" + chart + ".svg"] = readAll(svg);
            }
        }
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        // A locale that is not installed silently falls back to C and proves nothing.
        for (const char *locale : kLocales) {
            const bool installed = std::setlocale(LC_ALL, locale) != nullptr;
            std::setlocale(LC_ALL, "C");
            QVERIFY2(installed, qPrintable(QStringLiteral("locale %1 is not installed; scripts/setup-debian.sh "
                                                          "generates it (locale-gen)")
                                               .arg(QLatin1String(locale))));
        }
        QVERIFY(writeFile(m_dir.filePath(QStringLiteral("calls.csv")), kUsageCsv));
        QVERIFY(writeFile(m_dir.filePath(QStringLiteral("calls.jsonl")), kUsageJsonl));
        QVERIFY(writeFile(m_dir.filePath(QStringLiteral("catalogue.jsonl")), kCatalogueJsonl));
        // One demo cache, made once: its dates follow the day it is made.
        m_demoCache = m_dir.filePath(QStringLiteral("demo.sqlite"));
        const auto demo = run("C.UTF-8", {QStringLiteral("--cache"), m_demoCache, QStringLiteral("demo"),
                                          QStringLiteral("--models"), QStringLiteral("3000"), QStringLiteral("--events"),
                                          QStringLiteral("60000"), QStringLiteral("--seed"), QStringLiteral("5")});
        QVERIFY2(demo.exitCode == 0, qPrintable(demo.err));
        for (const char *locale : kLocales) {
            runAll(locale, m_outputs[QLatin1String(locale)]);
            if (QTest::currentTestFailed())
                return;
        }
    }

    // The C locale's files are right by themselves: every row as wide as the header, rates
    // with a point and equal to repeat/unique, and the hand-counted figures of the fixture.
    void cLocaleOutputIsRight()
    {
        const Outputs &c = m_outputs.at(QStringLiteral("C.UTF-8"));
        for (const QString &name : {QStringLiteral("fixture.csv"), QStringLiteral("demo.csv"),
                                   QStringLiteral("fixture-window.csv"), QStringLiteral("demo-window.csv")}) {
            const QStringList lines = QString::fromUtf8(c.files.at(name)).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
            QVERIFY2(lines.size() > 1, qPrintable(name));
            const QStringList header = csvFields(lines.first());
            const qsizetype unique = header.indexOf(QStringLiteral("unique_callers"));
            const qsizetype repeat = header.indexOf(QStringLiteral("repeat_callers"));
            const qsizetype rate = header.indexOf(QStringLiteral("repeat_rate"));
            QVERIFY(unique >= 0 && repeat >= 0 && rate >= 0);
            // The demand evidence follows (contract 4), and is in what the locales compare.
            const qsizetype calls = header.indexOf(QStringLiteral("calls"));
            const qsizetype week1 = header.indexOf(QStringLiteral("week1_retention"));
            const qsizetype top = header.indexOf(QStringLiteral("top_caller_share"));
            const qsizetype effective = header.indexOf(QStringLiteral("effective_callers"));
            QVERIFY2(header.mid(week1, 4).join(QLatin1Char(','))
                         == QLatin1String("week1_retention,week4_retention,top_caller_share,effective_callers"),
                     qPrintable(name));
            int rated = 0, retained = 0, broad = 0;
            for (qsizetype i = 1; i < lines.size(); ++i) {
                const QStringList f = csvFields(lines.at(i));
                QVERIFY2(f.size() == header.size(), qPrintable(QStringLiteral("%1 row %2: %3 fields, header %4")
                                                                   .arg(name).arg(i).arg(f.size()).arg(header.size())));
                // Shares with a point (never a comma), effective callers with two decimals,
                // both empty exactly where the row has no calls.
                QVERIFY2(f.at(top).isEmpty() == (f.at(calls).toLongLong() == 0), qPrintable(lines.at(i)));
                QVERIFY2(f.at(effective).isEmpty()
                             || QRegularExpression(QStringLiteral("^[0-9]+\\.[0-9]{2}$")).match(f.at(effective)).hasMatch(),
                         qPrintable(lines.at(i)));
                const double w1 = f.at(week1).isEmpty() ? -1 : f.at(week1).toDouble();
                retained += w1 > 0 && w1 < 1;
                broad += f.at(effective).toDouble() > 1.5;
                const qint64 u = f.at(unique).toLongLong();
                if (u == 0) {
                    QVERIFY2(f.at(rate).isEmpty(), qPrintable(lines.at(i)));
                    continue;
                }
                bool ok = false;
                const double r = f.at(rate).toDouble(&ok); // QString::toDouble reads the C format only
                QVERIFY2(ok, qPrintable(lines.at(i)));
                // Six decimals: at most half a millionth off, exactly half at a tie (13/128 = 0.1015625).
                QVERIFY2(std::abs(r - double(f.at(repeat).toLongLong()) / double(u)) <= 5e-7 + 1e-12, qPrintable(lines.at(i)));
                rated += r > 0 && r < 1;
            }
            if (name.startsWith(QLatin1String("demo")))
                QVERIFY2(rated > 100, qPrintable(name)); // the bug's shape: many rates between 0 and 1
            if (name == QLatin1String("demo.csv"))
                QVERIFY2(retained > 20 && broad > 20, qPrintable(QStringLiteral("%1 %2").arg(retained).arg(broad)));
        }

        const QString fixture = QString::fromUtf8(c.files.at(QStringLiteral("fixture.csv")));
        const QStringList lines = fixture.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        const QStringList header = csvFields(lines.first());
        auto row = [&](const QString &id) {
            for (const QString &l : lines)
                if (l.startsWith(id + QLatin1Char(',')))
                    return csvFields(l);
            return QStringList();
        };
        auto cell = [&](const QStringList &r, const char *column) {
            const qsizetype i = header.indexOf(QLatin1String(column));
            return i >= 0 && i < r.size() ? r.at(i) : QStringLiteral("<none>");
        };
        const QStringList turkish = row(QStringLiteral("lab/turkish"));
        QCOMPARE(cell(turkish, "calls"), QStringLiteral("5"));
        QCOMPARE(cell(turkish, "unique_callers"), QStringLiteral("2"));
        QCOMPARE(cell(turkish, "repeat_callers"), QStringLiteral("1"));
        QCOMPARE(cell(turkish, "repeat_rate"), QStringLiteral("0.5"));
        QCOMPARE(cell(turkish, "verified_calls"), QStringLiteral("4"));
        QCOMPARE(cell(turkish, "fees_paid"), QStringLiteral("3.750000001"));
        QCOMPARE(cell(turkish, "failed_calls"), QStringLiteral("1"));
        QCOMPARE(cell(turkish, "downloads"), QStringLiteral("1234567"));
        QCOMPARE(cell(turkish, "license"), QStringLiteral("MIT"));
        // lab/json: INDIGO on 2026-03-04 and 03-05 (repeat), izmir once; 1 verified; 0.25 + 1.5 + 0.125.
        const QStringList json = row(QStringLiteral("lab/json"));
        QCOMPARE(cell(json, "calls"), QStringLiteral("3"));
        QCOMPARE(cell(json, "unique_callers"), QStringLiteral("2"));
        QCOMPARE(cell(json, "repeat_callers"), QStringLiteral("1"));
        QCOMPARE(cell(json, "verified_calls"), QStringLiteral("1"));
        QCOMPARE(cell(json, "fees_paid"), QStringLiteral("1.875"));

        const QJsonObject stats = QJsonDocument::fromJson(c.files.at(QStringLiteral("fixture.stats.json"))).object();
        QVERIFY(stats.value(QStringLiteral("calls")).toInteger() > 8);
        for (const auto &[name, bytes] : c.files) {
            QVERIFY2(!bytes.isEmpty(), qPrintable(name));
            if (name.endsWith(QLatin1String(".svg")))
                QVERIFY2(bytes.contains("<svg") && bytes.contains("Made by Uptake"), qPrintable(name));
        }
    }

    void sameBytesInEveryLocale_data()
    {
        QTest::addColumn<QString>("locale");
        QTest::addColumn<QString>("file");
        for (const char *locale : kLocales) {
            if (qstrcmp(locale, "C.UTF-8") == 0)
                continue;
            for (const auto &[name, bytes] : m_outputs.at(QStringLiteral("C.UTF-8")).files)
                QTest::addRow("%s %s", locale, qPrintable(name)) << QString::fromLatin1(locale) << name;
        }
    }

    void sameBytesInEveryLocale()
    {
        QFETCH(QString, locale);
        QFETCH(QString, file);
        const QByteArray expected = m_outputs.at(QStringLiteral("C.UTF-8")).files.at(file);
        const QByteArray actual = m_outputs.at(locale).files[file];
        if (actual != expected) {
            qsizetype i = 0;
            while (i < actual.size() && i < expected.size() && actual.at(i) == expected.at(i))
                ++i;
            qWarning().noquote() << "first difference at byte" << i << "\nC:     " << expected.mid(std::max<qsizetype>(0, i - 60), 140)
                                 << "\n" << locale << ":" << actual.mid(std::max<qsizetype>(0, i - 60), 140);
        }
        QVERIFY(actual == expected);
    }
};

QTEST_GUILESS_MAIN(TestLocales)
#include "tst_locales.moc"
