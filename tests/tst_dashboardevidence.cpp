#include "db/cache.h"
#include "dashboard/dashboarddata.h"
#include "testutil.h"
#include "text/textrules.h"

#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <array>
#include <map>
#include <optional>
#include <string>
#include <vector>

// The dashboard's evidence page (the view's retention curve, cohorts and lifecycle, its top
// tasks' curves, the demand map) against plain SQL over usage_daily on TestUtil::buildWeeks,
// as contract 3b words each figure.
using namespace uptake;

class TestDashboardEvidence : public QObject
{
    Q_OBJECT

private:
    static std::int64_t day(const char *text) { return *TextRules::parseDay(text); }

    // The retention curve, cohorts and lifecycle of the models matching `where` (SQL over
    // models m), by plain SQL over usage_daily, as contract 3b words them.
    struct Plain
    {
        std::int64_t end = 0;
        std::array<Evidence::Counts, Evidence::Periods> curve{};
        std::map<std::int64_t, Evidence::Cohort> cohorts;
        std::map<std::int64_t, Evidence::LifecycleWeek> weeks;
    };
    static Plain plain(Database &db, const std::string &where, std::optional<std::int64_t> since,
                       std::optional<std::int64_t> until)
    {
        Plain p;
        p.end = db.queryInt("SELECT max(day) FROM usage_daily").value_or(0);
        if (until)
            p.end = std::min(p.end, *until);
        const std::string e = std::to_string(p.end);
        const std::string d1 = std::to_string(since.value_or(-1000000)), d2 = std::to_string(until.value_or(1000000));
        const std::string days = "SELECT DISTINCT u.caller, u.day FROM usage_daily u JOIN models m ON m.id = u.model"
                                 " WHERE u.day <= " + e + " AND (" + where + ")";
        const std::string firsts = "SELECT caller, min(day) AS f FROM (" + days + ") GROUP BY caller";
        {
            Statement st(db, "WITH d AS (" + days + "), f AS (" + firsts + "), k(k) AS (SELECT 1 UNION ALL SELECT k + 1 FROM k WHERE k < 12)"
                             " SELECT f.f - ((f.f + 3) % 7), k.k, count(*),"
                             " sum(f.f + 7 * k.k + 6 <= " + e + "),"
                             " sum(f.f + 7 * k.k + 6 <= " + e + " AND EXISTS(SELECT 1 FROM d WHERE d.caller = f.caller"
                             "   AND d.day BETWEEN f.f + 7 * k.k AND f.f + 7 * k.k + 6))"
                             " FROM f, k WHERE f.f BETWEEN " + d1 + " AND " + d2 + " GROUP BY 1, 2");
            while (st.step()) {
                Evidence::Cohort &c = p.cohorts[st.int64(0)];
                c.week = st.int64(0);
                c.callers = st.int64(2);
                Evidence::Counts &n = c.periods[size_t(st.int64(1) - 1)];
                n.eligible = st.int64(3);
                n.returned = st.int64(4);
                p.curve[size_t(st.int64(1) - 1)].eligible += n.eligible;
                p.curve[size_t(st.int64(1) - 1)].returned += n.returned;
            }
        }
        // Active weeks (by Monday) per caller, and each caller's first week.
        Statement st(db, "WITH d AS (" + days + "), f AS (" + firsts + "),"
                         " a AS (SELECT DISTINCT caller, day - ((day + 3) % 7) AS w FROM d)"
                         " SELECT w, "
                         " sum(w = (SELECT f - ((f + 3) % 7) FROM f WHERE f.caller = a.caller)),"
                         " sum(w <> (SELECT f - ((f + 3) % 7) FROM f WHERE f.caller = a.caller)"
                         "     AND EXISTS(SELECT 1 FROM a b WHERE b.caller = a.caller AND b.w = a.w - 7)),"
                         " sum(w <> (SELECT f - ((f + 3) % 7) FROM f WHERE f.caller = a.caller)"
                         "     AND NOT EXISTS(SELECT 1 FROM a b WHERE b.caller = a.caller AND b.w = a.w - 7))"
                         " FROM a GROUP BY w");
        while (st.step()) {
            Evidence::LifecycleWeek &w = p.weeks[st.int64(0)];
            w.week = st.int64(0);
            w.newCallers = st.int64(1);
            w.returning = st.int64(2);
            w.resurrecting = st.int64(3);
        }
        Statement dormant(db, "WITH d AS (" + days + "), a AS (SELECT DISTINCT caller, day - ((day + 3) % 7) AS w FROM d)"
                              " SELECT w + 7, count(*) FROM a WHERE w + 7 <= " + e + " - ((" + e + " + 3) % 7)"
                              " AND NOT EXISTS(SELECT 1 FROM a b WHERE b.caller = a.caller AND b.w = a.w + 7) GROUP BY 1");
        while (dormant.step()) {
            Evidence::LifecycleWeek &w = p.weeks[dormant.int64(0)];
            w.week = dormant.int64(0);
            w.dormant = dormant.int64(1);
        }
        return p;
    }

    static void compareReport(const Evidence::Report &r, const Plain &p, bool lifecycle)
    {
        QCOMPARE(r.evidenceEnd, std::optional<std::int64_t>(p.end));
        for (int k = 0; k < Evidence::Periods; ++k) {
            QCOMPARE(r.curve[size_t(k)].eligible, p.curve[size_t(k)].eligible);
            QCOMPARE(r.curve[size_t(k)].returned, p.curve[size_t(k)].returned);
        }
        QCOMPARE(r.cohorts.size(), p.cohorts.size());
        for (const Evidence::Cohort &c : r.cohorts) {
            QVERIFY(p.cohorts.count(c.week));
            QCOMPARE(c, p.cohorts.at(c.week));
        }
        if (!lifecycle)
            return;
        std::int64_t quiet = 0;
        for (const Evidence::LifecycleWeek &w : r.lifecycle) {
            const auto it = p.weeks.find(w.week);
            Evidence::LifecycleWeek expected = it == p.weeks.end() ? Evidence::LifecycleWeek{w.week} : it->second;
            expected.partial = w.partial;
            quiet += it == p.weeks.end();
            QCOMPARE(w, expected);
        }
        QCOMPARE(std::int64_t(r.lifecycle.size()) - quiet, std::int64_t(p.weeks.size()));
        QCOMPARE(r.lifecycle.back().partial, (p.end + 4) % 7 != 0); // day 3 (1970-01-04) is a Sunday
    }

private slots:
    // The evidence page: the view's curve, cohorts and lifecycle, its top tasks' curves and the
    // demand map's points, each against plain SQL on the same cache.
    void evidenceAgainstPlainSql_data()
    {
        QTest::addColumn<QString>("task");
        QTest::addColumn<QString>("since");
        QTest::addColumn<QString>("until");
        QTest::newRow("all") << QString() << QString() << QString();
        QTest::newRow("task") << QStringLiteral("alpha") << QString() << QString();
        QTest::newRow("window") << QString() << QStringLiteral("2026-01-20") << QStringLiteral("2026-03-10");
    }

    void evidenceAgainstPlainSql()
    {
        QFETCH(QString, task);
        QFETCH(QString, since);
        QFETCH(QString, until);
        Database db = Cache::open(m_dir.filePath(QStringLiteral("weeks.sqlite")));
        if (db.queryInt("SELECT count(*) FROM usage_daily").value_or(0) == 0)
            TestUtil::buildWeeks(db);
        ViewSpec spec;
        spec.task = task;
        if (!since.isEmpty())
            spec.sinceDay = day(qPrintable(since));
        if (!until.isEmpty())
            spec.untilDay = day(qPrintable(until));
        const std::string where = task.isEmpty() ? std::string("1") : "m.task = '" + task.toStdString() + "'";
        Dashboard::Options options;
        options.evidenceTasks = 3;
        const DashboardData d = Dashboard::compute(db, spec, options);
        QVERIFY(d.evidence.computed);
        const Plain p = plain(db, where, spec.sinceDay, spec.untilDay);
        QVERIFY(p.curve[3].eligible > 0); // the fixture reaches week 4
        compareReport(d.evidence.selection, p, !spec.hasWindow());
        QCOMPARE(d.funnel.keptToWeek4, std::optional<Evidence::Counts>(p.curve[3]));

        // The top tasks by callers in the window, each curve of that task's models alone.
        Statement callers(db, "SELECT m.task, count(DISTINCT u.caller) FROM usage_daily u JOIN models m ON m.id = u.model"
                              " WHERE m.task <> '' AND (" + where + ") AND u.day BETWEEN ? AND ?"
                              " GROUP BY m.task ORDER BY 2 DESC, 1 LIMIT 3");
        callers.bind(1, spec.sinceDay.value_or(-1000000)).bind(2, spec.untilDay.value_or(1000000));
        size_t i = 0;
        for (; callers.step(); ++i) {
            QVERIFY(i < d.evidence.tasks.size());
            const TaskCurve &t = d.evidence.tasks[i];
            QCOMPARE(t.task, callers.text(0));
            QCOMPARE(t.callers, callers.int64(1));
            const Plain pt = plain(db, where + " AND m.task = '" + callers.text(0).toStdString() + "'", spec.sinceDay,
                                   spec.untilDay);
            for (int k = 0; k < Evidence::Periods; ++k)
                QCOMPARE(t.curve[size_t(k)], pt.curve[size_t(k)]);
        }
        QCOMPARE(d.evidence.tasks.size(), i);

        // The demand map: each called model's window figures and its own week-4 retention.
        const std::string e = std::to_string(p.end);
        Statement models(db, "WITH r AS (SELECT u.model, u.caller, u.day, u.calls FROM usage_daily u JOIN models m ON"
                             "   m.id = u.model WHERE (" + where + ")),"
                             " f AS (SELECT model, caller, min(day) AS f FROM r GROUP BY model, caller)"
                             " SELECT m.model_id, coalesce(m.task, ''),"
                             "  (SELECT sum(calls) FROM r WHERE r.model = m.id AND r.day BETWEEN ?1 AND ?2),"
                             "  (SELECT count(DISTINCT caller) FROM r WHERE r.model = m.id AND r.day BETWEEN ?1 AND ?2),"
                             "  (SELECT count(*) FROM f WHERE f.model = m.id AND f.f BETWEEN ?1 AND ?2 AND f.f + 34 <= " + e + "),"
                             "  (SELECT count(*) FROM f WHERE f.model = m.id AND f.f BETWEEN ?1 AND ?2 AND f.f + 34 <= " + e +
                             "     AND EXISTS(SELECT 1 FROM r WHERE r.model = f.model AND r.caller = f.caller"
                             "       AND r.day BETWEEN f.f + 28 AND f.f + 34))"
                             " FROM models m WHERE EXISTS(SELECT 1 FROM r WHERE r.model = m.id AND r.day BETWEEN ?1 AND ?2)");
        models.bind(1, spec.sinceDay.value_or(-1000000)).bind(2, spec.untilDay.value_or(1000000));
        std::map<QString, DemandPoint> expected;
        std::int64_t leftOut = 0;
        while (models.step()) {
            if (models.int64(4) == 0) {
                ++leftOut;
                continue;
            }
            expected[models.text(0)] = {models.text(0), models.text(1), models.int64(2), models.int64(3),
                                        double(models.int64(5)) / double(models.int64(4))};
        }
        QVERIFY(!expected.empty());
        QCOMPARE(d.evidence.demandLeftOut, leftOut);
        QCOMPARE(d.evidence.demand.size(), expected.size());
        std::vector<std::int64_t> unique;
        for (const DemandPoint &m : d.evidence.demand) {
            QVERIFY2(expected.count(m.modelId), qPrintable(m.modelId));
            const DemandPoint &x = expected.at(m.modelId);
            QCOMPARE(m.task, x.task);
            QCOMPARE(m.calls, x.calls);
            QCOMPARE(m.uniqueCallers, x.uniqueCallers);
            QCOMPARE(m.week4Retention, x.week4Retention);
            unique.push_back(m.uniqueCallers);
        }
        std::sort(unique.begin(), unique.end());
        const size_t n = unique.size();
        QCOMPARE(d.evidence.medianCallers, n % 2 ? double(unique[n / 2]) : (unique[n / 2 - 1] + unique[n / 2]) / 2.0);
    }

private:
    QTemporaryDir m_dir;
};

QTEST_APPLESS_MAIN(TestDashboardEvidence)
#include "tst_dashboardevidence.moc"
