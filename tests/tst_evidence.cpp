#include "db/cache.h"
#include "evidencereference.h"
#include "evidence/evidence.h"
#include "ingest/importer.h"
#include "testutil.h"
#include "text/textrules.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <map>
#include <random>
#include <set>
#include <tuple>

// Demand evidence (contract 3b) against small usage files, each imported through importFile:
// every figure by hand (the data table) and again by plain SQL over the same cache (the
// reference below knows nothing of models/evidence), for raw calls and roll-ups alike.

using namespace uptake;

namespace {

using namespace EvidenceReference;

const char kHeader[] = "timestamp,model_id,caller,event_id,status\n";

QByteArray rows(std::initializer_list<const char *> lines)
{
    QByteArray out = kHeader;
    for (const char *l : lines)
        out += QByteArray(l) + '\n';
    return out;
}

} // namespace

class TestEvidence : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_n = 0;

    // A new cache with the file imported into it.
    QString importInto(const QByteArray &content, Database &db)
    {
        const QString file = m_dir.filePath(QStringLiteral("usage%1.csv").arg(++m_n));
        db = Cache::open(m_dir.filePath(QStringLiteral("c%1.sqlite").arg(m_n)));
        return importUsage(db, file, content);
    }

    // The report's every figure equals the SQL reference's.
    static void compareWithSql(const Evidence::Report &r, const Reference &ref)
    {
        QCOMPARE(r.evidenceEnd ? day(*r.evidenceEnd) : QString(), ref.end);
        QCOMPARE(curveOf(r.curve), ref.curve);
        QCOMPARE(cohortsFull(r.cohorts), ref.cohorts);
        QCOMPARE(lifecycleOf(r.lifecycle), ref.lifecycle);
        QCOMPARE(r.calls, ref.calls);
        QCOMPARE(r.topCallerCalls, ref.top);
        QCOMPARE(r.sumOfSquares, double(ref.sumSquares));
        QCOMPARE(r.halfCallers, ref.half);
    }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    // Each row: a usage file, what to compute for ("" = the whole catalogue, "search:TEXT" = the
    // selection of a search, "called" = the models called in the window, else one model id), the window, and the figures worked out by hand.
    void figures_data()
    {
        QTest::addColumn<QByteArray>("csv");
        QTest::addColumn<QString>("of");
        QTest::addColumn<QString>("since");
        QTest::addColumn<QString>("until");
        QTest::addColumn<QString>("end");
        QTest::addColumn<QString>("week1"); // returned/eligible
        QTest::addColumn<QString>("week4");
        QTest::addColumn<QString>("cohorts"); // WEEK:callers;...
        QTest::addColumn<qint64>("calls");
        QTest::addColumn<qint64>("top");
        QTest::addColumn<double>("effective"); // -1: empty
        QTest::addColumn<qint64>("half");
        QTest::addColumn<QString>("lifecycle");

        // 2026-03-02 is a Monday. a returns on its period 1's first day (f+7), b on its last
        // (f+13), c one day after it (f+14: period 2, which has not ended by E = 03-16).
        QTest::newRow("period bounds")
            << rows({"2026-03-02T10:00:00Z,m/a,a,,", "2026-03-09T10:00:00Z,m/a,a,,", "2026-03-02T11:00:00Z,m/a,b,,",
                     "2026-03-15T23:59:59Z,m/a,b,,", "2026-03-02T12:00:00Z,m/a,c,,", "2026-03-16T00:00:00Z,m/a,c,,"})
            << "m/a" << "" << "" << "2026-03-16" << "2/3" << "0/0" << "2026-03-02:3" << qint64(6) << qint64(2) << 3.0
            << qint64(2) << "2026-03-02 3 0 0 0;2026-03-09 0 2 0 1;2026-03-16 0 0 1 2 p";

        // E = 03-15 (a Sunday, a whole week): a's period 1 ends exactly on E (eligible), b's a
        // day later (not eligible, so its return on 03-11 is not counted).
        QTest::newRow("eligible at E, one day short")
            << rows({"2026-03-02T10:00:00Z,m/a,a,,", "2026-03-10T10:00:00Z,m/a,a,,", "2026-03-15T10:00:00Z,m/a,a,,",
                     "2026-03-03T10:00:00Z,m/a,b,,", "2026-03-11T10:00:00Z,m/a,b,,"})
            << "m/a" << "" << "" << "2026-03-15" << "1/1" << "0/0" << "2026-03-02:2" << qint64(5) << qint64(3)
            << 25.0 / 13 << qint64(1) << "2026-03-02 2 0 0 0;2026-03-09 0 2 0 0";

        // A window from 03-09: a (first seen 03-02) is active in it but in none of its cohorts;
        // b (first seen 03-10) is. Calls before the window do not count for breadth.
        QTest::newRow("window starts after a first call")
            << rows({"2026-03-02T10:00:00Z,m/a,a,,", "2026-03-16T10:00:00Z,m/a,a,,", "2026-03-24T10:00:00Z,m/a,a,,",
                     "2026-03-10T10:00:00Z,m/a,b,,", "2026-03-17T10:00:00Z,m/a,b,,"})
            << "m/a" << "2026-03-09" << "" << "2026-03-24" << "1/1" << "0/0" << "2026-03-09:1" << qint64(4) << qint64(2)
            << 2.0 << qint64(1) << "2026-03-09 1 0 0 1;2026-03-16 0 1 1 0;2026-03-23 0 1 0 1 p";

        // A window ending on 03-16 moves E there from 03-30: b's period 1 (to 03-18) has not
        // ended, a's (to 03-15) has; a's call on 03-30 is after E and counts for nothing.
        QTest::newRow("window ends early, moving E")
            << rows({"2026-03-02T10:00:00Z,m/a,a,,", "2026-03-09T10:00:00Z,m/a,a,,", "2026-03-30T10:00:00Z,m/a,a,,",
                     "2026-03-05T10:00:00Z,m/a,b,,", "2026-03-20T10:00:00Z,m/a,b,,"})
            << "m/a" << "" << "2026-03-16" << "2026-03-16" << "1/1" << "0/0" << "2026-03-02:2" << qint64(3) << qint64(2)
            << 1.8 << qint64(1) << "2026-03-02 2 0 0 0;2026-03-09 0 1 0 1;2026-03-16 0 0 0 1 p";

        // Offsets move calls across UTC midnight: 03-09 00:30 at +02:00 is Sunday 03-08 UTC (week
        // of 03-02), 03-15 00:30 at +02:00 is 03-14 (period 0, no return); 03-22 01:00 at +03:00
        // is 03-21, the last day: E (a Saturday, so its week is partial).
        QTest::newRow("offsets across UTC midnight")
            << rows({"2026-03-09T00:30:00+02:00,m/a,a,,", "2026-03-08T23:30:00Z,m/a,a,,",
                     "2026-03-15T00:30:00+02:00,m/a,a,,", "2026-03-22T01:00:00+03:00,m/a,b,,"})
            << "m/a" << "" << "" << "2026-03-21" << "0/1" << "0/0" << "2026-03-02:1;2026-03-16:1" << qint64(4)
            << qint64(3) << 1.6 << qint64(1) << "2026-03-02 1 0 0 0;2026-03-09 0 1 0 0;2026-03-16 1 0 0 1 p";

        // e1 and e2 come again (for b, and for a a day later): each counts once, so b is no caller.
        QTest::newRow("duplicate event ids")
            << rows({"2026-03-02T10:00:00Z,m/a,a,e1,", "2026-03-09T10:00:00Z,m/a,a,e2,", "2026-03-02T11:00:00Z,m/a,b,e1,",
                     "2026-03-10T10:00:00Z,m/a,a,e2,", "2026-03-02T12:00:00Z,m/a,c,e3,",
                     "2026-03-15T12:00:00Z,m/a,d,e4,"})
            << "m/a" << "" << "" << "2026-03-15" << "1/2" << "0/0" << "2026-03-02:2;2026-03-09:1" << qint64(4)
            << qint64(2) << 16.0 / 6 << qint64(1) << "2026-03-02 2 0 0 0;2026-03-09 1 1 0 1";

        // One wallet in two spellings is one caller, who returned.
        QTest::newRow("EVM address in two cases")
            << rows({"2026-03-02T10:00:00Z,m/a,0xABCDEFABCDEFABCDEFABCDEFABCDEFABCDEFABCD,,",
                     "2026-03-09T10:00:00Z,m/a,0xabcdefabcdefabcdefabcdefabcdefabcdefabcd,,",
                     "2026-03-15T10:00:00Z,m/a,agent,,"})
            << "m/a" << "" << "" << "2026-03-15" << "1/1" << "0/0" << "2026-03-02:1;2026-03-09:1" << qint64(3)
            << qint64(2) << 1.8 << qint64(1) << "2026-03-02 1 0 0 0;2026-03-09 1 1 0 0";

        // A failed call is a call: a return, and in the counts.
        QTest::newRow("error calls count")
            << rows({"2026-03-02T10:00:00Z,m/a,a,,ok", "2026-03-09T10:00:00Z,m/a,a,,error",
                     "2026-03-15T10:00:00Z,m/a,b,,"})
            << "m/a" << "" << "" << "2026-03-15" << "1/1" << "0/0" << "2026-03-02:1;2026-03-09:1" << qint64(3)
            << qint64(2) << 1.8 << qint64(1) << "2026-03-02 1 0 0 0;2026-03-09 1 1 0 0";

        // One caller back in periods 1 and 4 (03-30 is f+28, period 4's first day), away for
        // two weeks between: dormant, then nothing, then resurrecting. E = 04-06, a Monday.
        QTest::newRow("one caller, a gap")
            << rows({"2026-03-02T10:00:00Z,m/a,a,,", "2026-03-09T10:00:00Z,m/a,a,,", "2026-03-30T10:00:00Z,m/a,a,,",
                     "2026-04-06T10:00:00Z,m/a,a,,"})
            << "m/a" << "" << "" << "2026-04-06" << "1/1" << "1/1" << "2026-03-02:1" << qint64(4) << qint64(4) << 1.0
            << qint64(1)
            << "2026-03-02 1 0 0 0;2026-03-09 0 1 0 0;2026-03-16 0 0 0 1;2026-03-23 0 0 0 0;2026-03-30 0 0 1 0;"
               "2026-04-06 0 1 0 0 p";

        // A whale: 97 of 100 calls. Nobody can be eligible on the first day.
        {
            QByteArray csv = kHeader;
            for (int i = 0; i < 97; ++i)
                csv += QStringLiteral("2026-03-02T10:%1:%2Z,m/a,whale,,\n")
                           .arg(i / 60, 2, 10, QLatin1Char('0'))
                           .arg(i % 60, 2, 10, QLatin1Char('0'))
                           .toLatin1();
            csv += "2026-03-02T11:00:00Z,m/a,a,,\n2026-03-02T12:00:00Z,m/a,b,,\n2026-03-02T13:00:00Z,m/a,c,,\n";
            QTest::newRow("one dominant caller")
                << csv << "m/a" << "" << "" << "2026-03-02" << "0/0" << "0/0" << "2026-03-02:4" << qint64(100)
                << qint64(97) << 10000.0 / 9412 << qint64(1) << "2026-03-02 4 0 0 0 p";
        }

        // A roll-up (contract 2b): days and counts, no times.
        QTest::newRow("roll-up")
            << QByteArray("day,model_id,caller,calls\n2026-03-02,m/a,a,5\n2026-03-09,m/a,a,3\n2026-03-02,m/a,b,2\n"
                          "2026-03-16,m/a,c,1\n")
            << "m/a" << "" << "" << "2026-03-16" << "1/2" << "0/0" << "2026-03-02:2;2026-03-16:1" << qint64(11)
            << qint64(8) << 121.0 / 69 << qint64(1) << "2026-03-02 2 0 0 0;2026-03-09 0 1 0 1;2026-03-16 1 0 0 1 p";

        // A selection: a called lab/x, then lab/y, so a returned to the selection (not to lab/x).
        const QByteArray across = rows({"2026-03-02T10:00:00Z,lab/x,a,,", "2026-03-09T10:00:00Z,lab/y,a,,",
                                        "2026-03-02T11:00:00Z,lab/y,b,,", "2026-03-15T11:00:00Z,other/z,c,,"});
        QTest::newRow("selection across models")
            << across << "search:lab/" << "" << "" << "2026-03-15" << "1/2" << "0/0" << "2026-03-02:2" << qint64(3)
            << qint64(2) << 1.8 << qint64(1) << "2026-03-02 2 0 0 0;2026-03-09 0 1 0 1";
        QTest::newRow("one model of it") << across << "lab/x" << "" << "" << "2026-03-15" << "0/1" << "0/0"
                                         << "2026-03-02:1" << qint64(1) << qint64(1) << 1.0 << qint64(1)
                                         << "2026-03-02 1 0 0 0;2026-03-09 0 0 0 1";
        QTest::newRow("whole catalogue") << across << "" << "" << "" << "2026-03-15" << "1/2" << "0/0"
                                         << "2026-03-02:2;2026-03-09:1" << qint64(4) << qint64(2) << 16.0 / 6
                                         << qint64(1) << "2026-03-02 2 0 0 0;2026-03-09 1 1 0 1";
        // Filtered on the window's figures (--usage called --since 03-09): lab/y and other/z, not
        // lab/x. a's first call of the selection is then 03-09 (lab/y), in the window; b's
        // (lab/y, 03-02) is before it.
        QTest::newRow("selection called in the window")
            << across << "called" << "2026-03-09" << "" << "2026-03-15" << "0/0" << "0/0" << "2026-03-09:2" << qint64(2)
            << qint64(1) << 2.0 << qint64(1) << "2026-03-09 2 0 0 1";
        QTest::newRow("empty window") << across << "" << "2026-03-20" << "" << "2026-03-15" << "0/0" << "0/0" << ""
                                      << qint64(0) << qint64(0) << -1.0 << qint64(0) << "";
    }

    void figures()
    {
        QFETCH(QByteArray, csv);
        QFETCH(QString, of);
        QFETCH(QString, since);
        QFETCH(QString, until);
        Database db;
        const QString failure = importInto(csv, db);
        QVERIFY2(failure.isEmpty(), qPrintable(failure));

        ViewSpec spec;
        spec.sinceDay = optDay(since);
        spec.untilDay = optDay(until);
        Evidence::Report r;
        std::vector<std::int64_t> models;
        if (of == QLatin1String("called")) {
            spec.usage = ViewSpec::Usage::Called;
            r = Evidence::ofSelection(db, spec);
            Statement st(db, "SELECT DISTINCT model FROM usage_daily WHERE day BETWEEN ? AND ? ORDER BY model");
            st.bind(1, spec.sinceDay.value_or(-1000000)).bind(2, spec.untilDay.value_or(1000000));
            while (st.step())
                models.push_back(st.int64(0));
        } else if (of.isEmpty() || of.startsWith(QLatin1String("search:"))) {
            spec.search = of.mid(7);
            r = Evidence::ofSelection(db, spec);
            Statement st(db, "SELECT id FROM models WHERE model_id LIKE ? ORDER BY id");
            st.bind(1, (spec.search + QLatin1Char('%')).toStdString());
            while (st.step())
                models.push_back(st.int64(0));
        } else {
            const std::optional<std::int64_t> id = Evidence::modelRowId(db, of);
            QVERIFY(id);
            r = Evidence::ofModel(db, *id, spec);
            models = {*id};
        }

        // By hand.
        QTEST(r.evidenceEnd ? day(*r.evidenceEnd) : QString(), "end");
        QTEST(QStringLiteral("%1/%2").arg(r.curve[0].returned).arg(r.curve[0].eligible), "week1");
        QTEST(QStringLiteral("%1/%2").arg(r.curve[3].returned).arg(r.curve[3].eligible), "week4");
        QTEST(cohortsShort(r.cohorts), "cohorts");
        QTEST(qint64(r.calls), "calls");
        QTEST(qint64(r.topCallerCalls), "top");
        QTEST(qint64(r.halfCallers), "half");
        QTEST(lifecycleOf(r.lifecycle), "lifecycle");
        QFETCH(double, effective);
        if (effective < 0) {
            QVERIFY(!r.effectiveCallers());
            QVERIFY(!r.topCallerShare());
        } else {
            QVERIFY(r.effectiveCallers());
            QVERIFY2(std::abs(*r.effectiveCallers() - effective) < 1e-9, qPrintable(QString::number(*r.effectiveCallers())));
            QCOMPARE(*r.topCallerShare(), double(r.topCallerCalls) / double(r.calls));
        }
        // The rates follow from the counts; empty where nobody is eligible.
        if (r.curve[0].eligible == 0)
            QVERIFY(!r.week1Retention());
        else
            QCOMPARE(*r.week1Retention(), double(r.curve[0].returned) / double(r.curve[0].eligible));
        for (size_t k = 0; k < r.curve.size(); ++k)
            QVERIFY(r.curve[k].returned <= r.curve[k].eligible);

        // By SQL.
        compareWithSql(r, reference(db, models, spec.sinceDay, spec.untilDay));
    }

    // Raw calls and the roll-up a warehouse would make of them (one row per UTC day, model
    // and caller, made here from the calls) give the same evidence, for each model and for
    // the catalogue, all time and in a window; and both equal the SQL reference.
    void rollUpEqualsRawCalls()
    {
        std::mt19937 rng(18);
        QByteArray raw = kHeader;
        std::map<std::tuple<std::int64_t, std::string, std::string>, int> days;
        const std::int64_t start = dayOf("2026-02-01");
        for (int i = 0; i < 1500; ++i) {
            const std::string model = "lab/m" + std::to_string(rng() % 3);
            const unsigned n = rng() % 40;
            const std::string caller = "agent-" + std::to_string(n);
            // A quarter of the callers come only from the 31st day on: cohorts after the first.
            const std::int64_t offset = n < 30 ? std::int64_t(rng() % 90) : 30 + std::int64_t(rng() % 60);
            const std::int64_t t = (start + offset) * 86400 + std::int64_t(rng() % 86400);
            raw += QByteArray::fromStdString(TextRules::formatTimestamp(t) + "," + model + "," + caller + ",,\n");
            ++days[{t / 86400, model, caller}];
        }
        QByteArray rolled = "day,model_id,caller,calls\n";
        for (const auto &[key, calls] : days)
            rolled += QByteArray::fromStdString(TextRules::formatDay(std::get<0>(key)) + "," + std::get<1>(key) + ","
                                                + std::get<2>(key) + "," + std::to_string(calls) + "\n");
        Database a, b;
        QString failure = importInto(raw, a);
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        failure = importInto(rolled, b);
        QVERIFY2(failure.isEmpty(), qPrintable(failure));

        for (const auto &[since, until] : std::vector<std::pair<QString, QString>>{
                 {{}, {}}, {QStringLiteral("2026-02-20"), {}}, {{}, QStringLiteral("2026-03-25")},
                 {QStringLiteral("2026-02-10"), QStringLiteral("2026-04-10")}}) {
            ViewSpec spec;
            spec.sinceDay = optDay(since);
            spec.untilDay = optDay(until);
            const Evidence::Report ra = Evidence::ofSelection(a, spec), rb = Evidence::ofSelection(b, spec);
            const QByteArray window = (since + QLatin1String("..") + until).toLatin1();
            QVERIFY2(ra.calls > 0, window.constData());
            QVERIFY2(ra.curve[0].eligible > 0 && ra.curve[3].eligible > 0, window.constData());
            compareWithSql(ra, reference(a, allModels(a), spec.sinceDay, spec.untilDay));
            compareWithSql(rb, reference(b, allModels(b), spec.sinceDay, spec.untilDay));
            if (QTest::currentTestFailed())
                return;
            QCOMPARE(cohortsFull(ra.cohorts), cohortsFull(rb.cohorts));
            QCOMPARE(lifecycleOf(ra.lifecycle), lifecycleOf(rb.lifecycle));
            QCOMPARE(curveOf(ra.curve), curveOf(rb.curve));
            QCOMPARE(ra.calls, rb.calls);
            QCOMPARE(ra.halfCallers, rb.halfCallers);
            for (const char *model : {"lab/m0", "lab/m1", "lab/m2"}) {
                const std::int64_t ia = *Evidence::modelRowId(a, QLatin1String(model));
                const std::int64_t ib = *Evidence::modelRowId(b, QLatin1String(model));
                const Evidence::Report ma = Evidence::ofModel(a, ia, spec), mb = Evidence::ofModel(b, ib, spec);
                compareWithSql(ma, reference(a, {ia}, spec.sinceDay, spec.untilDay));
                if (QTest::currentTestFailed())
                    return;
                QCOMPARE(cohortsFull(ma.cohorts), cohortsFull(mb.cohorts));
                QCOMPARE(lifecycleOf(ma.lifecycle), lifecycleOf(mb.lifecycle));
                QCOMPARE(ma.topCallerCalls, mb.topCallerCalls);
                QCOMPARE(ma.sumOfSquares, mb.sumOfSquares);
            }
        }
    }

    // Thousands of callers (the fold's caller index grows and its pseudonyms collide): caller
    // i calls on 03-02, the even ones again on 03-09; one more caller on 03-15 makes that E.
    void manyCallers()
    {
        QByteArray csv = kHeader;
        for (int i = 0; i < 5000; ++i) {
            csv += "2026-03-02T10:00:00Z,m/a,caller-" + QByteArray::number(i) + ",,\n";
            if (i % 2 == 0)
                csv += "2026-03-09T10:00:00Z,m/b,caller-" + QByteArray::number(i) + ",,\n";
        }
        csv += "2026-03-15T10:00:00Z,m/a,last,,\n";
        Database db;
        const QString failure = importInto(csv, db);
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        const Evidence::Report r = Evidence::ofSelection(db, ViewSpec());
        QCOMPARE(r.curve[0], (Evidence::Counts{2500, 5000}));
        QCOMPARE(cohortsShort(r.cohorts), QStringLiteral("2026-03-02:5000;2026-03-09:1"));
        QCOMPARE(r.callers, 5001);
        QCOMPARE(r.calls, 7501);
        QCOMPARE(r.topCallerCalls, 2);
        QCOMPARE(r.sumOfSquares, 12501.0);
        QCOMPARE(r.halfCallers, 1876); // 1876 * 2 = 3752 >= 7501 / 2; 1875 * 2 = 3750 is not
        QCOMPARE(lifecycleOf(r.lifecycle), QStringLiteral("2026-03-02 5000 0 0 0;2026-03-09 1 2500 0 2500"));
        // m/a alone: nobody came back to it.
        const Evidence::Report a = Evidence::ofModel(db, *Evidence::modelRowId(db, QStringLiteral("m/a")), ViewSpec());
        QCOMPARE(a.curve[0], (Evidence::Counts{0, 5000}));
    }

    void emptyCache()
    {
        Database db = Cache::open(m_dir.filePath(QStringLiteral("empty.sqlite")));
        const Evidence::Report r = Evidence::ofSelection(db, ViewSpec());
        QVERIFY(!r.evidenceEnd);
        QVERIFY(r.cohorts.empty() && r.lifecycle.empty());
        QVERIFY(!r.week1Retention() && !r.topCallerShare() && !r.effectiveCallers() && !r.lastCompleteWeek());
        QCOMPARE(QByteArray::fromStdString(Evidence::lifecycleJson(r)), QByteArray("{\n  \"weeks\": []\n}\n"));
        QVERIFY(Evidence::retentionJson(r).find("\"evidence_end\": null") != std::string::npos);
    }

    // The JSON of contract section 5, byte for byte, for a small report.
    void json()
    {
        Database db;
        const QString failure = importInto(rows({"2026-03-02T10:00:00Z,m/a,a,,", "2026-03-09T10:00:00Z,m/a,a,,",
                                                 "2026-03-10T10:00:00Z,m/a,b,,"}),
                                           db);
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        const Evidence::Report r = Evidence::ofSelection(db, ViewSpec());
        QCOMPARE(QByteArray::fromStdString(Evidence::lifecycleJson(r)),
                 QByteArray("{\n  \"weeks\": [\n"
                            "    {\"week\": \"2026-03-02\", \"new\": 1, \"returning\": 0, \"resurrecting\": 0, "
                            "\"dormant\": 0, \"partial\": false},\n"
                            "    {\"week\": \"2026-03-09\", \"new\": 1, \"returning\": 1, \"resurrecting\": 0, "
                            "\"dormant\": 0, \"partial\": true}\n"
                            "  ]\n}\n"));
        const QByteArray retention = QByteArray::fromStdString(Evidence::retentionJson(r));
        QVERIFY(retention.startsWith("{\n  \"evidence_end\": \"2026-03-10\",\n  \"curve\": [\n"
                                     "    {\"period\": 1, \"returned\": 0, \"eligible\": 0},\n"));
        QVERIFY(retention.contains("    {\"period\": 12, \"returned\": 0, \"eligible\": 0}\n  ],\n"));
        QVERIFY(retention.contains("{\"week\": \"2026-03-02\", \"callers\": 1, \"returned\": [0, 0, 0, 0, 0, 0, 0, 0, 0, "
                                   "0, 0, 0], \"eligible\": [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]},\n"));
        const std::optional<Evidence::LifecycleWeek> last = r.lastCompleteWeek();
        QVERIFY(last);
        QCOMPARE(day(last->week), QStringLiteral("2026-03-02"));
    }
};

QTEST_GUILESS_MAIN(TestEvidence)
#include "tst_evidence.moc"
