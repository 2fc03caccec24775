#include "db/cache.h"
#include "evidence/evidence.h"
#include "view/exporter.h"
#include "ingest/importer.h"
#include "testutil.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <random>

using namespace uptake;

namespace {
QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

const char kRequired[] = "model_id,author,task,created_at,versions,calls,unique_callers,repeat_callers,repeat_rate,"
                         "verified_calls,fees_paid,first_call_at,last_call_at,listed";
const char kEvidence[] = "week1_retention,week4_retention,top_caller_share,effective_callers";

// Demand evidence over weeks (the main fixture's five days leave nobody eligible). By hand,
// the cache's last call on 2026-04-28 (E):
//   ev/a  a1 03-02 x2, 03-10, 03-31 (back in periods 1 and 4); a2 03-02 once; a4 03-09, 03-16
//         (back in period 1); a3 04-28 (eligible for nothing). Week 1: 2 of 3, week 4: 1 of 3
//         (a4's period 4 ends 04-12); calls 4+1+2+1 = 8, top 4/8, effective 64/22 = 2.91.
//   ev/b  b1 03-05 x5; a1 03-12 (its own first call of ev/b). Week 1 and 4: 0 of 2;
//         top 5/6, effective 36/26 = 1.38.
//   ev/c  c1 04-25, c2 04-26 x3: nobody eligible; top 3/4, effective 16/10 = 1.60.
//   ev/d  never called: all empty.
//   ev/e  on the edge: e1 04-15 and 04-22, its period 1 ending on E itself (eligible, back);
//         e2 04-16, one day short of it. Week 1: 1 of 1; top 2/3, effective 9/5 = 1.80.
// Window 03-09..04-10 (E = 04-10): ev/a's cohort is a4 alone (a1 and a2 came earlier): week 1
//   1 of 1, week 4 nobody (04-12 > E); window calls a1 2, a4 2: top 0.5, effective 2.00.
//   ev/b: a1's first call of ev/b (03-12) is in the window: week 1 0 of 1, week 4 nobody
//   (04-15 > E); its 1 call: top 1, effective 1.00. ev/c: no calls in the window: empty.
void buildEvidenceFixture(Database &db)
{
    for (const char *id : {"ev/a", "ev/b", "ev/c", "ev/d", "ev/e"})
        TestUtil::writeModel(db, id, "text-generation", "ev", "2026-01-01T00:00:00Z");
    TestUtil::writeCalls(db, {
        {"2026-03-02T09:00:00Z", "ev/a", "a1"},
        {"2026-03-02T10:00:00Z", "ev/a", "a1"},
        {"2026-03-10T10:00:00Z", "ev/a", "a1"},
        {"2026-03-31T10:00:00Z", "ev/a", "a1"},
        {"2026-03-02T11:00:00Z", "ev/a", "a2"},
        {"2026-03-09T11:00:00Z", "ev/a", "a4"},
        {"2026-03-16T11:00:00Z", "ev/a", "a4"},
        {"2026-04-28T11:00:00Z", "ev/a", "a3"},
        {"2026-03-05T01:00:00Z", "ev/b", "b1"},
        {"2026-03-05T02:00:00Z", "ev/b", "b1"},
        {"2026-03-05T03:00:00Z", "ev/b", "b1"},
        {"2026-03-05T04:00:00Z", "ev/b", "b1"},
        {"2026-03-05T05:00:00Z", "ev/b", "b1", "", TextRules::Mode::Vanilla, 0, true}, // failed calls count
        {"2026-03-12T05:00:00Z", "ev/b", "a1"},
        {"2026-04-25T05:00:00Z", "ev/c", "c1"},
        {"2026-04-26T05:00:00Z", "ev/c", "c2"},
        {"2026-04-26T06:00:00Z", "ev/c", "c2"},
        {"2026-04-26T07:00:00Z", "ev/c", "c2"},
        {"2026-04-15T07:00:00Z", "ev/e", "e1"},
        {"2026-04-22T23:59:59Z", "ev/e", "e1"},
        {"2026-04-16T00:00:00Z", "ev/e", "e2"},
    });
}

// The four figures again, in plain SQL over usage_daily alone (knowing nothing of
// models/evidence), each cell formatted as the export writes it.
QStringList sqlEvidence(Database &db, const QString &modelId, std::optional<std::int64_t> since,
                        std::optional<std::int64_t> until)
{
    Statement e(db, "SELECT max(day) FROM usage_daily");
    if (!e.step() || e.isNull(0))
        return {"", "", "", ""};
    const std::int64_t end = until ? std::min(*until, e.int64(0)) : e.int64(0);
    const std::int64_t lo = since.value_or(-1000000), hi = until.value_or(1000000);
    const std::int64_t model = *Evidence::modelRowId(db, modelId);
    QStringList cells;
    for (const int k : {1, 4}) {
        Statement st(db, "WITH first AS (SELECT caller, min(day) AS f FROM usage_daily WHERE model = ?1 GROUP BY caller),"
                         " cohort AS (SELECT caller, f FROM first WHERE f BETWEEN ?2 AND ?3 AND f <= ?4"
                         "  AND f + 7 * ?5 + 6 <= ?4)"
                         " SELECT count(*), coalesce(sum(EXISTS (SELECT 1 FROM usage_daily d WHERE d.model = ?1"
                         "  AND d.caller = cohort.caller AND d.day BETWEEN cohort.f + 7 * ?5 AND cohort.f + 7 * ?5 + 6)), 0)"
                         " FROM cohort");
        st.bind(1, model).bind(2, lo).bind(3, hi).bind(4, end).bind(5, std::int64_t(k));
        st.step();
        const std::int64_t eligible = st.int64(0), returned = st.int64(1);
        cells << (eligible ? QString::fromStdString(Exporter::formatRate(double(returned) / double(eligible)))
                           : QString());
    }
    Statement b(db, "SELECT sum(n), max(n), sum(n * n) FROM (SELECT sum(calls) AS n FROM usage_daily"
                    " WHERE model = ? AND day BETWEEN ? AND ? AND day <= ? GROUP BY caller)");
    b.bind(1, model).bind(2, lo).bind(3, hi).bind(4, end);
    b.step();
    if (b.isNull(0) || b.int64(0) == 0)
        return cells << "" << "";
    const double calls = double(b.int64(0));
    return cells << QString::fromStdString(Exporter::formatRate(double(b.int64(1)) / calls))
                 << QString::fromStdString(Exporter::formatEffectiveCallers(calls * calls / b.real(2)));
}

QStringList cellsOf(const Evidence::ModelFigures &f)
{
    QStringList cells;
    for (const std::optional<double> &rate : {f.week1Retention, f.week4Retention, f.topCallerShare})
        cells << (rate ? QString::fromStdString(Exporter::formatRate(*rate)) : QString());
    cells << (f.effectiveCallers ? QString::fromStdString(Exporter::formatEffectiveCallers(*f.effectiveCallers))
                                 : QString());
    return cells;
}

// An exported file's rows by model id, each its last four cells (the fixtures' cells hold no
// quoted commas).
QMap<QString, QStringList> evidenceCells(const QByteArray &csv)
{
    QMap<QString, QStringList> out;
    const QList<QByteArray> lines = csv.split('\n');
    const qsizetype first = QString::fromUtf8(lines[0].chopped(1)).split(QLatin1Char(',')).indexOf(QStringLiteral("week1_retention"));
    for (qsizetype i = 1; i < lines.size(); ++i) {
        if (lines[i].isEmpty())
            continue;
        const QStringList f = QString::fromUtf8(lines[i].chopped(1)).split(QLatin1Char(','));
        out.insert(f.first(), f.mid(first, 4));
    }
    return out;
}
} // namespace

class TestExport : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_db = Cache::open(m_dir.filePath(QStringLiteral("f.sqlite")));
        TestUtil::buildFixture(m_db);
    }

    void textCells_data()
    {
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("cell");
        QTest::newRow("plain") << "lab/alpha" << "lab/alpha";
        QTest::newRow("comma") << "a,b" << "\"a,b\"";
        QTest::newRow("quote") << "say \"hi\"" << "\"say \"\"hi\"\"\"";
        QTest::newRow("newline") << "two\nlines" << "\"two\nlines\"";
        QTest::newRow("crlf") << "two\r\nlines" << "\"two\r\nlines\"";
        QTest::newRow("non-ascii") << "модель/量子" << "модель/量子";
        QTest::newRow("equals") << "=SUM(A1:A9)" << "'=SUM(A1:A9)";
        QTest::newRow("plus") << "+1" << "'+1";
        QTest::newRow("minus") << "-2+3" << "'-2+3";
        QTest::newRow("at") << "@cmd" << "'@cmd";
        QTest::newRow("tab") << "\tx" << "'\tx";
        QTest::newRow("cr") << "\rx" << "\"'\rx\"";
        QTest::newRow("formula with comma") << "=HYPERLINK(\"x\",\"y\")" << "\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\"";
        QTest::newRow("inner equals is fine") << "a=b" << "a=b";
        QTest::newRow("empty") << "" << "";
    }

    void textCells()
    {
        QFETCH(QString, value);
        QFETCH(QString, cell);
        std::string out;
        const QByteArray utf8 = value.toUtf8();
        Exporter::appendTextCell(out, std::string_view(utf8.constData(), size_t(utf8.size())));
        QCOMPARE(QString::fromStdString(out), cell);
    }

    void rates()
    {
        QCOMPARE(Exporter::formatRate(0.25), std::string("0.25"));
        QCOMPARE(Exporter::formatRate(1.0), std::string("1"));
        QCOMPARE(Exporter::formatRate(0.0), std::string("0"));
        QCOMPARE(Exporter::formatRate(1.0 / 3.0), std::string("0.333333"));
    }

    void wholeExportMatchesExpectedRows()
    {
        const QString out = m_dir.filePath(QStringLiteral("all.csv"));
        ViewSpec spec; // calls descending, then id descending
        const ExportResult r = Exporter::exportCsv(m_db, spec, out);
        QCOMPARE(r.rows, 5);
        const QByteArray csv = readAll(out);
        QVERIFY(!csv.startsWith("\xEF\xBB\xBF")); // no BOM
        const QList<QByteArray> lines = csv.split('\n');
        QCOMPARE(lines.size(), 7);
        QCOMPARE(lines[0], QByteArray("model_id,author,task,created_at,versions,calls,unique_callers,repeat_callers,"
                                      "repeat_rate,verified_calls,fees_paid,first_call_at,last_call_at,listed,name,"
                                      "framework,license,tags,updated_at,files,downloads,likes,failed_calls,"
                                      "active_days,week1_retention,week4_retention,top_caller_share,"
                                      "effective_callers,parameters,base_models,gated,downloads_all_time,"
                                      "trending_score\r"));
        QCOMPARE(lines[1], QByteArray("lab/alpha,lab,text-generation,2025-01-10T08:00:00Z,,4,2,1,0.5,2,0.003000002,"
                                      "2026-03-01T10:00:00Z,2026-03-03T12:00:00Z,true,,,,,,,,,1,2,,,0.75,1.60,,,,,\r"));
        QCOMPARE(lines[2], QByteArray("lab/beta,lab,text-generation,2025-06-01T00:00:00Z,,3,2,0,0,0,0,"
                                      "2026-03-05T09:00:00Z,2026-03-05T11:00:00Z,true,,,,,,,,,0,1,,,0.666667,1.80,,,,,\r"));
        QCOMPARE(lines[3], QByteArray("ghost/model,,,,,1,1,0,0,0,0,2026-03-04T00:00:00Z,2026-03-04T00:00:00Z,false,"
                                      ",,,,,,,,0,1,,,1,1.00,,,,,\r"));
        // Never called: empty repeat rate and call times; ids descending on the tie.
        QCOMPARE(lines[4], QByteArray("og/risk,og,Risk Assessment,2026-02-01T00:00:00Z,,0,0,0,,0,0,,,true,"
                                      ",,,,,,,,0,0,,,,,,,,,\r"));
        QCOMPARE(lines[5], QByteArray("og/vol,og,Volatility Forecasting,2026-01-05T00:00:00Z,,0,0,0,,0,0,,,true,"
                                      ",,,,,,,,0,0,,,,,,,,,\r"));
        QCOMPARE(lines[6], QByteArray());
    }

    void filterWindowAndSortApplied()
    {
        const QString out = m_dir.filePath(QStringLiteral("window.csv"));
        ViewSpec spec;
        spec.sinceDay = TextRules::parseDay("2026-03-02");
        spec.untilDay = TextRules::parseDay("2026-03-03");
        spec.usage = ViewSpec::Usage::Called;
        spec.sortColumn = Columns::ModelId;
        spec.sortDescending = false;
        QCOMPARE(Exporter::exportCsv(m_db, spec, out).rows, 1);
        const QList<QByteArray> lines = readAll(out).split('\n');
        QCOMPARE(lines[1], QByteArray("lab/alpha,lab,text-generation,2025-01-10T08:00:00Z,,2,2,0,0,1,0.000000002,"
                                      "2026-03-03T00:30:00Z,2026-03-03T12:00:00Z,true,,,,,,,,,1,1,,,0.5,2.00,,,,,\r"));

        const QJsonObject side = QJsonDocument::fromJson(readAll(out + QStringLiteral(".json"))).object();
        QCOMPARE(side.value(QStringLiteral("rows")).toInteger(), 1);
        QCOMPARE(side.value(QStringLiteral("window")).toObject().value(QStringLiteral("since")).toString(),
                 QStringLiteral("2026-03-02"));
        QCOMPARE(side.value(QStringLiteral("window")).toObject().value(QStringLiteral("until")).toString(),
                 QStringLiteral("2026-03-03"));
        QCOMPARE(side.value(QStringLiteral("filters")).toObject().value(QStringLiteral("usage")).toString(),
                 QStringLiteral("called"));
        QCOMPARE(side.value(QStringLiteral("sort")).toObject().value(QStringLiteral("column")).toString(),
                 QStringLiteral("model_id"));
        QCOMPARE(side.value(QStringLiteral("sort")).toObject().value(QStringLiteral("order")).toString(),
                 QStringLiteral("asc"));
        QCOMPARE(side.value(QStringLiteral("cache")).toString(), m_dir.filePath(QStringLiteral("f.sqlite")));
        QCOMPARE(side.value(QStringLiteral("uptake_version")).toString(), QStringLiteral(UPTAKE_VERSION));
        QVERIFY(QDateTime::fromString(side.value(QStringLiteral("exported_at")).toString(), Qt::ISODate).isValid());
        const QJsonObject figures = side.value(QStringLiteral("figures")).toObject();
        QCOMPARE(figures.value(QStringLiteral("models")).toInteger(), 1);
        QCOMPARE(figures.value(QStringLiteral("calls")).toInteger(), 2);
    }

    void evidenceColumnsFollowTheRequiredOnes()
    {
        const QString out = m_dir.filePath(QStringLiteral("columns.csv"));
        Exporter::exportCsv(m_db, ViewSpec{}, out);
        const QByteArray header = readAll(out).split('\n').first();
        QVERIFY(header.startsWith(QByteArray(kRequired) + ','));
        QVERIFY(header.contains(QByteArray(",") + kEvidence + ","));
        // The sidecar lists the same columns.
        const QJsonArray columns = QJsonDocument::fromJson(readAll(out + QStringLiteral(".json")))
                                       .object()
                                       .value(QStringLiteral("columns"))
                                       .toArray();
        QStringList keys;
        for (const QJsonValue &v : columns)
            keys << v.toString();
        QCOMPARE(keys.join(QLatin1Char(',')).toUtf8() + "\r", header);
    }

    void evidenceFigures_data()
    {
        QTest::addColumn<bool>("window");
        QTest::addColumn<QString>("model");
        QTest::addColumn<QString>("cells");
        QTest::newRow("a") << false << "ev/a" << "0.666667,0.333333,0.5,2.91";
        QTest::newRow("b") << false << "ev/b" << "0,0,0.833333,1.38";
        QTest::newRow("c: nobody eligible") << false << "ev/c" << ",,0.75,1.60";
        QTest::newRow("d: never called") << false << "ev/d" << ",,,";
        QTest::newRow("e: period 1 ends on E") << false << "ev/e" << "1,,0.666667,1.80";
        QTest::newRow("window a") << true << "ev/a" << "1,,0.5,2.00";
        QTest::newRow("window b") << true << "ev/b" << "0,,1,1.00";
        QTest::newRow("window c: no calls in it") << true << "ev/c" << ",,,";
        QTest::newRow("window d") << true << "ev/d" << ",,,";
        QTest::newRow("window e") << true << "ev/e" << ",,,";
    }

    // Every cell by hand, and again from Evidence::ofModel and from plain SQL.
    void evidenceFigures()
    {
        QFETCH(bool, window);
        QFETCH(QString, model);
        QFETCH(QString, cells);
        QTemporaryDir dir;
        Database db = Cache::open(dir.filePath(QStringLiteral("ev.sqlite")));
        buildEvidenceFixture(db);
        ViewSpec spec;
        spec.sortColumn = Columns::ModelId;
        spec.sortDescending = false;
        if (window) {
            spec.sinceDay = TextRules::parseDay("2026-03-09");
            spec.untilDay = TextRules::parseDay("2026-04-10");
        }
        const QString out = dir.filePath(QStringLiteral("ev.csv"));
        QCOMPARE(Exporter::exportCsv(db, spec, out).rows, 5);
        const QMap<QString, QStringList> exported = evidenceCells(readAll(out));
        QCOMPARE(exported.value(model).join(QLatin1Char(',')), cells);

        const Evidence::Report r = Evidence::ofModel(db, *Evidence::modelRowId(db, model), spec);
        QCOMPARE(cellsOf({r.week1Retention(), r.week4Retention(), r.topCallerShare(), r.effectiveCallers()}),
                 exported.value(model));
        QCOMPARE(sqlEvidence(db, model, spec.sinceDay, spec.untilDay), exported.value(model));
    }

    // docs/METRICS.md's worked example, as its "In the export" gives it.
    void metricsWorkedExample()
    {
        QTemporaryDir dir;
        Database db = Cache::open(dir.filePath(QStringLiteral("w.sqlite")));
        TestUtil::writeCalls(db, {
            {"2026-03-02T10:00:00Z", "lab/x", "a"},
            {"2026-03-02T10:00:00Z", "lab/y", "b"},
            {"2026-03-09T10:00:00Z", "lab/y", "a"},
            {"2026-03-15T10:00:00Z", "other/z", "c"},
        });
        const QString out = dir.filePath(QStringLiteral("w.csv"));
        Exporter::exportCsv(db, ViewSpec{}, out);
        const QMap<QString, QStringList> cells = evidenceCells(readAll(out));
        QCOMPARE(cells.value(QStringLiteral("lab/x")).join(QLatin1Char(',')), QStringLiteral("0,,1,1.00"));
        QCOMPARE(cells.value(QStringLiteral("lab/y")).join(QLatin1Char(',')), QStringLiteral("0,,0.5,2.00"));
        QCOMPARE(cells.value(QStringLiteral("other/z")).join(QLatin1Char(',')), QStringLiteral(",,1,1.00"));
    }

    // All time the evidence is the models' own; a window's is counted first, and a cancel then
    // leaves nothing behind.
    void cancelDuringEvidenceLeavesNoFile()
    {
        QTemporaryDir dir;
        Database db = Cache::open(dir.filePath(QStringLiteral("c.sqlite")));
        buildEvidenceFixture(db);
        const QString out = dir.filePath(QStringLiteral("c.csv"));
        ViewSpec window;
        window.sinceDay = TextRules::parseDay("2026-01-01");
        QVERIFY(window.sinceDay);
        QVERIFY_THROWS_EXCEPTION(Cancelled, Exporter::exportCsv(db, window, out, [](std::int64_t done, std::int64_t) {
            return done > 0; // stops at the first question, before any row is written
        }));
        QVERIFY(!QFile::exists(out));
        QVERIFY(!QFile::exists(out + QStringLiteral(".json")));
    }

    // Many models, callers and days (roll-up rows, some of them large): the one pass equals
    // ofModel exactly, and the export's cells equal plain SQL's, for windows of every shape.
    void evidenceAgreesOnRandomUsage()
    {
        QTemporaryDir dir;
        Database db = Cache::open(dir.filePath(QStringLiteral("r.sqlite")));
        std::mt19937 rng(18);
        const std::int64_t day0 = *TextRules::parseDay("2026-01-05");
        std::vector<std::string> models, callers;
        for (int i = 0; i < 40; ++i)
            models.push_back("r/m" + std::to_string(i));
        for (int i = 0; i < 60; ++i)
            callers.push_back("caller-" + std::to_string(i));
        for (int i = 0; i < 35; ++i) // a few models stay unlisted
            TestUtil::writeModel(db, models[size_t(i)].c_str(), "t");
        {
            Transaction tx(db);
            UsageWriter w(db);
            for (int i = 0; i < 3000; ++i) {
                UsageDay d;
                // Busy models and callers first: some models with one caller, some with many.
                d.modelId = models[std::min<size_t>(rng() % 40, rng() % 40)];
                d.caller = callers[std::min<size_t>(rng() % 60, rng() % 60)];
                d.day = day0 + std::int64_t(rng() % 150);
                d.calls = rng() % 50 == 0 ? 1000000 + std::int64_t(rng() % 1000) : 1 + std::int64_t(rng() % 9);
                w.addDay(d);
            }
            w.finish();
            tx.commit();
        }
        struct Window
        {
            const char *name;
            std::optional<std::int64_t> since, until;
            ViewSpec::Usage usage = ViewSpec::Usage::All;
        };
        const std::vector<Window> windows = {
            {"all time", {}, {}},
            {"30 days", day0 + 40, day0 + 69},
            {"since", day0 + 100, {}},
            {"until", {}, day0 + 60},
            {"one day, called", day0 + 77, day0 + 77, ViewSpec::Usage::Called},
            {"after the last call", day0 + 200, day0 + 220},
        };
        int retained = 0, rated = 0;
        for (const Window &w : windows) {
            ViewSpec spec;
            spec.sinceDay = w.since;
            spec.untilDay = w.until;
            spec.usage = w.usage;
            const Evidence::ModelFigureTable table = Evidence::figuresOfModels(db, spec);
            const QString out = dir.filePath(QStringLiteral("r.csv"));
            const ExportResult result = Exporter::exportCsv(db, spec, out);
            const QMap<QString, QStringList> exported = evidenceCells(readAll(out));
            QCOMPARE(exported.size(), result.rows);
            for (const std::string &m : models) {
                const QString id = QString::fromStdString(m);
                const std::int64_t row = *Evidence::modelRowId(db, id);
                const Evidence::Report r = Evidence::ofModel(db, row, spec);
                const Evidence::ModelFigures one{r.week1Retention(), r.week4Retention(), r.topCallerShare(),
                                                 r.effectiveCallers()};
                QVERIFY2(table.of(row) == one, qPrintable(QStringLiteral("%1 %2").arg(QLatin1String(w.name), id)));
                const QStringList sql = sqlEvidence(db, id, w.since, w.until);
                if (exported.contains(id))
                    QVERIFY2(exported.value(id) == sql,
                             qPrintable(QStringLiteral("%1 %2: export %3, SQL %4")
                                            .arg(QLatin1String(w.name), id, exported.value(id).join(QLatin1Char(',')),
                                                 sql.join(QLatin1Char(',')))));
                else
                    QCOMPARE(w.usage, ViewSpec::Usage::Called); // only a filter drops a row
                retained += one.week1Retention && *one.week1Retention > 0 && *one.week1Retention < 1;
                rated += one.effectiveCallers && *one.effectiveCallers > 1.5;
            }
        }
        QVERIFY(retained > 20); // the data is not degenerate: fractions, and broad usage
        QVERIFY(rated > 20);
    }

    void hostileTextIsQuotedAndGuarded()
    {
        QTemporaryDir dir;
        Database db = Cache::open(dir.filePath(QStringLiteral("h.sqlite")));
        TestUtil::writeModel(db, "=cmd|' /C calc'!A0", "a,\"b\"\nc", "@evil");
        const QString out = dir.filePath(QStringLiteral("h.csv"));
        Exporter::exportCsv(db, ViewSpec{}, out);
        const QByteArray csv = readAll(out);
        QVERIFY(csv.contains("\r\n'=cmd|' /C calc'!A0,'@evil,\"a,\"\"b\"\"\nc\","));
    }

    void cancelLeavesNoFileAndKeepsExisting()
    {
        QTemporaryDir dir;
        Database db = Cache::open(dir.filePath(QStringLiteral("big.sqlite")));
        {
            Transaction tx(db);
            CatalogueWriter w(db);
            for (int i = 0; i < 60000; ++i) {
                ModelRecord r;
                r.modelId = "author/model-with-a-long-enough-name-" + std::to_string(i);
                r.description = std::string(40, 'x');
                w.upsert(r);
            }
            tx.commit();
        }
        const QString out = dir.filePath(QStringLiteral("snap.csv"));
        QFile old(out);
        QVERIFY(old.open(QIODevice::WriteOnly));
        old.write("previous snapshot\n");
        old.close();

        int calls = 0;
        QVERIFY_THROWS_EXCEPTION(Cancelled, Exporter::exportCsv(db, ViewSpec{}, out, [&](std::int64_t, std::int64_t) {
            return ++calls < 2;
        }));
        QCOMPARE(readAll(out), QByteArray("previous snapshot\n"));
        QVERIFY(!QFile::exists(out + QStringLiteral(".json")));
        // Only the cache (with its -wal and -shm) and the old snapshot: no temporary file left behind.
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files),
                 (QStringList{"big.sqlite", "big.sqlite-shm", "big.sqlite-wal", "snap.csv"}));
    }

    void roundTripThroughCatalogueImport()
    {
        // A snapshot re-imported as a CSV catalogue gives the same ids and listed fields.
        QTemporaryDir dir;
        {
            Transaction tx(m_db);
            CatalogueWriter w(m_db);
            ModelRecord r;
            r.modelId = "lab/full";
            r.author = "lab";
            r.name = "full";
            r.task = "summarization";
            r.framework = "transformers";
            r.license = "apache-2.0";
            r.tags = "transformers;summarization;license:apache-2.0;lang, \"en\"";
            r.createdAt = 1700000000;
            r.updatedAt = 1700003600;
            r.versions = 3;
            r.files = 12;
            r.downloads = 123456;
            r.likes = 78;
            w.upsert(r);
            tx.commit();
        }
        const QString out = dir.filePath(QStringLiteral("snap.csv"));
        Exporter::exportCsv(m_db, ViewSpec{}, out);

        Database copy = Cache::open(dir.filePath(QStringLiteral("copy.sqlite")));
        ImportOptions opt;
        opt.kind = ImportOptions::Catalogue;
        const ImportReport report = importFile(copy, out, opt);
        QCOMPARE(report.rowsRejected, 0);

        const char *fields = "SELECT model_id, author, name, task, framework, license, tags, created_at, updated_at,"
                             " versions, files, downloads, likes FROM models ORDER BY model_id";
        Statement a(m_db, fields), b(copy, fields);
        int rows = 0;
        while (a.step()) {
            QVERIFY(b.step());
            for (int c = 0; c < a.columnCount(); ++c) {
                QCOMPARE(b.isNull(c), a.isNull(c));
                QCOMPARE(b.text(c), a.text(c));
            }
            ++rows;
        }
        QVERIFY(!b.step());
        QCOMPARE(rows, 6);
        m_db.exec("DELETE FROM models WHERE model_id = 'lab/full'");
    }

    void unwritableTargetIsAClearError()
    {
        try {
            Exporter::exportCsv(m_db, ViewSpec{}, m_dir.filePath(QStringLiteral("no/such/dir/x.csv")));
            QFAIL("writing into a missing folder must fail");
        } catch (const ExportError &e) {
            QVERIFY(e.message().contains(QStringLiteral("x.csv")));
        }
    }

private:
    QTemporaryDir m_dir;
    Database m_db;
};

QTEST_GUILESS_MAIN(TestExport)
#include "tst_export.moc"
