#include "db/cache.h"
#include "dashboard/dashboarddata.h"
#include "dashboard/snapshot.h"
#include "ingest/demo.h"
#include "ingest/ingest.h"
#include "view/figures.h"
#include "testutil.h"
#include "text/textrules.h"

#include <QDate>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <map>
#include <string>
#include <thread>
#include <tuple>
#include <vector>

// The numbers behind the dashboard's charts, against figures computed by hand on
// TestUtil::buildFixture (see the comments there) and on small hand-made histograms.
using namespace uptake;

class TestDashboardData : public QObject
{
    Q_OBJECT

private:
    // A generated registry, made once for the tests that read it (each may run alone).
    void openDemo()
    {
        if (m_demo.isOpen())
            return;
        m_demo = Cache::open(m_dir.filePath(QStringLiteral("demo.sqlite")));
        DemoOptions o;
        o.models = 3000;
        o.events = 40000;
        o.endDay = day("2026-03-31");
        Demo::generate(m_demo, o);
    }

    static std::int64_t day(const char *text) { return *TextRules::parseDay(text); }
    static const TaskShare *task(const DashboardData &d, const QString &name)
    {
        for (const TaskShare &t : d.tasks.tasks)
            if (!t.other && t.task == name)
                return &t;
        return nullptr;
    }
    static std::vector<std::int64_t> counts(const std::vector<FunnelStep> &steps)
    {
        std::vector<std::int64_t> out;
        for (const FunnelStep &s : steps)
            out.push_back(s.count);
        return out;
    }

    // Every figure of b is a's (the snapshot's route against SQL's, say).
    static void compareFigures(const DashboardData &b, const DashboardData &a)
    {
        QCOMPARE(b.viewModels, a.viewModels);
        QCOMPARE(b.viewCalls, a.viewCalls);
        QCOMPARE(b.tasks.tasks.size(), a.tasks.tasks.size());
        for (size_t i = 0; i < a.tasks.tasks.size(); ++i) {
            QCOMPARE(b.tasks.tasks[i].task, a.tasks.tasks[i].task);
            QCOMPARE(b.tasks.tasks[i].listedModels, a.tasks.tasks[i].listedModels);
            QCOMPARE(b.tasks.tasks[i].calls, a.tasks.tasks[i].calls);
            QCOMPARE(b.tasks.tasks[i].repeatCallers, a.tasks.tasks[i].repeatCallers);
        }
        QCOMPARE(b.concentration.gini, a.concentration.gini);
        QCOMPARE(b.concentration.lorenz, a.concentration.lorenz);
        QCOMPARE(counts(b.funnel.models), counts(a.funnel.models));
        QCOMPARE(counts(b.funnel.callers), counts(a.funnel.callers));
        QCOMPARE(b.weekly.weeksPerBucket, a.weekly.weeksPerBucket);
        QCOMPARE(b.weekly.weeks.size(), a.weekly.weeks.size());
        for (size_t i = 0; i < a.weekly.weeks.size(); ++i) {
            QCOMPARE(b.weekly.weeks[i].firstDay, a.weekly.weeks[i].firstDay);
            QCOMPARE(b.weekly.weeks[i].calls, a.weekly.weeks[i].calls);
            QCOMPARE(b.weekly.weeks[i].activeCallers, a.weekly.weeks[i].activeCallers);
            QCOMPARE(b.weekly.weeks[i].returningCallers, a.weekly.weeks[i].returningCallers);
            QCOMPARE(b.weekly.weeks[i].modelsListed, a.weekly.weeks[i].modelsListed);
        }
        QCOMPARE(b.top.size(), a.top.size());
        for (size_t i = 0; i < a.top.size(); ++i) {
            QCOMPARE(b.top[i].modelId, a.top[i].modelId);
            QCOMPARE(b.top[i].calls, a.top[i].calls);
            QCOMPARE(b.top[i].repeatRate.has_value(), a.top[i].repeatRate.has_value());
            if (a.top[i].repeatRate)
                QVERIFY(qAbs(*b.top[i].repeatRate - *a.top[i].repeatRate) < 1e-12);
        }
        // The evidence folded from the snapshot's rows is the SQL route's.
        QVERIFY(a.evidence.computed && b.evidence.computed);
        QCOMPARE(b.evidence.selection.evidenceEnd, a.evidence.selection.evidenceEnd);
        QCOMPARE(b.evidence.selection.curve, a.evidence.selection.curve);
        QCOMPARE(b.evidence.selection.cohorts, a.evidence.selection.cohorts);
        QCOMPARE(b.evidence.selection.lifecycle, a.evidence.selection.lifecycle);
        QCOMPARE(b.evidence.selection.calls, a.evidence.selection.calls);
        QCOMPARE(b.funnel.keptToWeek4, a.funnel.keptToWeek4);
        QCOMPARE(b.evidence.tasks.size(), a.evidence.tasks.size());
        for (size_t i = 0; i < a.evidence.tasks.size(); ++i) {
            QCOMPARE(b.evidence.tasks[i].task, a.evidence.tasks[i].task);
            QCOMPARE(b.evidence.tasks[i].callers, a.evidence.tasks[i].callers);
            QCOMPARE(b.evidence.tasks[i].curve, a.evidence.tasks[i].curve);
        }
        QCOMPARE(b.evidence.demandLeftOut, a.evidence.demandLeftOut);
        QCOMPARE(b.evidence.medianCallers, a.evidence.medianCallers);
        QCOMPARE(b.evidence.demand.size(), a.evidence.demand.size());
        for (size_t i = 0; i < a.evidence.demand.size(); ++i) {
            QCOMPARE(b.evidence.demand[i].modelId, a.evidence.demand[i].modelId);
            QCOMPARE(b.evidence.demand[i].uniqueCallers, a.evidence.demand[i].uniqueCallers);
            QCOMPARE(b.evidence.demand[i].week4Retention, a.evidence.demand[i].week4Retention);
        }
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_db = Cache::open(m_dir.filePath(QStringLiteral("f.sqlite")));
        TestUtil::buildFixture(m_db);
    }

    void tasksAllTime()
    {
        const DashboardData d = Dashboard::compute(m_db, ViewSpec());
        QVERIFY(d.cacheHasUsage);
        QCOMPARE(d.viewModels, 5);
        QCOMPARE(d.viewCalls, 8);
        const TaskChartData &t = d.tasks;
        QCOMPARE(t.listedModels, 4);
        QCOMPARE(t.calls, 8); // ghost/model's call counts, under "no task"
        QCOMPARE(t.repeatCallers, 1);
        QCOMPARE(t.taskCount, 4);
        QCOMPARE(t.tasks.size(), size_t(4));
        QCOMPARE(t.tasks.front().task, QStringLiteral("text-generation")); // largest share first
        const TaskShare *gen = task(d, QStringLiteral("text-generation"));
        QVERIFY(gen);
        QCOMPARE(gen->listedModels, 2);
        QCOMPARE(gen->modelShare, 0.5);
        QCOMPARE(gen->calls, 7);
        QCOMPARE(gen->callShare, 0.875);
        QCOMPARE(gen->repeatShare, 1.0);
        const TaskShare *vol = task(d, QStringLiteral("Volatility Forecasting"));
        QVERIFY(vol);
        QCOMPARE(vol->modelShare, 0.25);
        QCOMPARE(vol->callShare, 0.0);
        const TaskShare *none = task(d, QString());
        QVERIFY(none);
        QCOMPARE(none->listedModels, 0);
        QCOMPARE(none->callShare, 0.125);
        QCOMPARE(t.tasks.back().task, QString()); // smallest share last
    }

    void tasksFoldIntoOther()
    {
        Dashboard::Options o;
        o.topTasks = 2;
        const DashboardData d = Dashboard::compute(m_db, ViewSpec(), o);
        QCOMPARE(d.tasks.tasks.size(), size_t(3));
        QCOMPARE(d.tasks.tasks[0].task, QStringLiteral("text-generation"));
        QCOMPARE(d.tasks.tasks[1].task, QStringLiteral("Risk Assessment")); // ties keep name order
        const TaskShare &other = d.tasks.tasks[2];
        QVERIFY(other.other);
        QCOMPARE(other.listedModels, 1); // Volatility Forecasting
        QCOMPARE(other.calls, 1); // ghost/model
        QCOMPARE(other.modelShare, 0.25);
        QCOMPARE(other.callShare, 0.125);
    }

    void concentrationAllTime()
    {
        // Listed models' calls: 0, 0, 3, 4 (ghost/model is unlisted).
        const ConcentrationData c = Dashboard::compute(m_db, ViewSpec()).concentration;
        QCOMPARE(c.listedModels, 4);
        QCOMPARE(c.calledModels, 2);
        QCOMPARE(c.calls, 7);
        QCOMPARE(c.neverCalledShare, 0.5);
        // G = 2 * (3*3 + 4*4) / (4 * 7) - 5/4 = 15/28
        QVERIFY(qAbs(c.gini - 15.0 / 28.0) < 1e-12);
        QVERIFY(qAbs(c.top1Share - 4.0 / 7.0) < 1e-12);
        QVERIFY(qAbs(c.top10Share - 4.0 / 7.0) < 1e-12);
        const std::vector<LorenzPoint> expected{{0, 0}, {0.5, 0}, {0.75, 3.0 / 7.0}, {1, 1}};
        QCOMPARE(c.lorenz.size(), expected.size());
        for (size_t i = 0; i < expected.size(); ++i) {
            QVERIFY(qAbs(c.lorenz[i].modelShare - expected[i].modelShare) < 1e-12);
            QVERIFY(qAbs(c.lorenz[i].callShare - expected[i].callShare) < 1e-12);
        }
        // The same figures as `uptake stats`.
        const CatalogueFigures f = Figures::compute(m_db, ViewSpec());
        QVERIFY(qAbs(f.gini - c.gini) < 1e-12);
        QCOMPARE(f.neverCalledShare, c.neverCalledShare);
    }

    void weeklyAllTime()
    {
        // 2026-03-01 is a Sunday: the address's two calls that day fall in the week of Monday 23 February;
        // everything else in the week of 2 March, where only the address was seen before.
        const WeeklyData w = Dashboard::compute(m_db, ViewSpec()).weekly;
        QCOMPARE(w.weeksPerBucket, 1);
        QCOMPARE(w.weeks.size(), size_t(2));
        QCOMPARE(w.weeks[0].firstDay, day("2026-02-23"));
        QCOMPARE(w.weeks[0].calls, 2);
        QCOMPARE(w.weeks[0].activeCallers, 1);
        QCOMPARE(w.weeks[0].returningCallers, 0);
        QCOMPARE(w.weeks[0].modelsListed, 4);
        QCOMPARE(w.weeks[1].firstDay, day("2026-03-02"));
        QCOMPARE(w.weeks[1].calls, 6);
        QCOMPARE(w.weeks[1].activeCallers, 4);
        QCOMPARE(w.weeks[1].returningCallers, 1);
        QCOMPARE(w.weeks[1].modelsListed, 4);
        QCOMPARE(w.undatedModels, 0);
    }

    void weeklyCumulativeSupply()
    {
        // A window reaching back to January: og/vol (5 Jan) and og/risk (1 Feb) join the supply in their weeks.
        ViewSpec spec;
        spec.sinceDay = day("2025-12-29");
        spec.untilDay = day("2026-02-08");
        const WeeklyData w = Dashboard::compute(m_db, spec).weekly;
        QCOMPARE(w.weeks.size(), size_t(6));
        QCOMPARE(w.weeks[0].modelsListed, 2); // alpha, beta
        QCOMPARE(w.weeks[1].modelsListed, 3); // week of 5 January
        QCOMPARE(w.weeks[3].modelsListed, 3);
        QCOMPARE(w.weeks[4].firstDay, day("2026-01-26"));
        QCOMPARE(w.weeks[4].modelsListed, 4); // og/risk, 1 February, a Sunday: the week of 26 January
        QCOMPARE(w.weeks[5].modelsListed, 4);
        for (const WeekPoint &p : w.weeks)
            QCOMPARE(p.calls, 0);
    }

    void weeklyBucketsNeverExceedTheLimit()
    {
        ViewSpec spec;
        spec.sinceDay = day("2020-01-01");
        spec.untilDay = day("2026-03-31");
        Dashboard::Options o;
        o.maxBuckets = 50;
        const WeeklyData w = Dashboard::compute(m_db, spec, o).weekly;
        QVERIFY(w.weeks.size() <= 50);
        QVERIFY(w.weeksPerBucket > 1);
        std::int64_t calls = 0, listed = 0;
        for (const WeekPoint &p : w.weeks) {
            calls += p.calls;
            QVERIFY(p.modelsListed >= listed); // cumulative
            listed = p.modelsListed;
        }
        QCOMPARE(calls, 8);
        QCOMPARE(listed, 4);
    }

    void funnelAllTime()
    {
        const FunnelData f = Dashboard::compute(m_db, ViewSpec()).funnel;
        // listed 4 -> called (alpha, beta) -> verified (alpha) -> paid (alpha) -> kept a repeat caller (alpha)
        QCOMPARE(counts(f.models), (std::vector<std::int64_t>{4, 2, 1, 1, 1}));
        QVERIFY(!f.models[0].shareOfPrevious);
        QCOMPARE(*f.models[1].shareOfPrevious, 0.5);
        QCOMPARE(*f.models[2].shareOfPrevious, 0.5);
        QCOMPARE(*f.models[4].shareOfPrevious, 1.0);
        // callers: the address, agent-42, caller-three, someone -> the address made verified, paid calls on two days
        QCOMPARE(counts(f.callers), (std::vector<std::int64_t>{4, 1, 1, 1}));
        QCOMPARE(*f.callers[1].shareOfPrevious, 0.25);
    }

    void topModelsAllTime()
    {
        const std::vector<TopModel> top = Dashboard::compute(m_db, ViewSpec()).top;
        QCOMPARE(top.size(), size_t(3));
        QCOMPARE(top[0].modelId, QStringLiteral("lab/alpha"));
        QCOMPARE(top[0].calls, 4);
        QCOMPARE(top[0].uniqueCallers, 2);
        QCOMPARE(top[0].repeatCallers, 1);
        QCOMPARE(*top[0].repeatRate, 0.5);
        QCOMPARE(top[1].modelId, QStringLiteral("lab/beta"));
        QCOMPARE(*top[1].repeatRate, 0.0);
        QCOMPARE(top[2].modelId, QStringLiteral("ghost/model"));
        QVERIFY(!top[2].listed);
        Dashboard::Options o;
        o.topModels = 1;
        QCOMPARE(Dashboard::compute(m_db, ViewSpec(), o).top.size(), size_t(1));
    }

    void windowNarrowsUsage()
    {
        // 2 to 3 March: alpha keeps e3 (the address, zkml, fee) and e4 (agent-42).
        ViewSpec spec;
        spec.sinceDay = day("2026-03-02");
        spec.untilDay = day("2026-03-03");
        const DashboardData d = Dashboard::compute(m_db, spec);
        QCOMPARE(d.viewModels, 5); // the window never narrows the catalogue
        QCOMPARE(d.viewCalls, 2);
        QCOMPARE(counts(d.funnel.models), (std::vector<std::int64_t>{4, 1, 1, 1, 0}));
        QCOMPARE(counts(d.funnel.callers), (std::vector<std::int64_t>{2, 1, 1, 0}));
        QCOMPARE(d.weekly.weeks.size(), size_t(1));
        QCOMPARE(d.weekly.weeks[0].calls, 2);
        QCOMPARE(d.weekly.weeks[0].activeCallers, 2);
        QCOMPARE(d.weekly.weeks[0].returningCallers, 0); // no earlier week inside the window
        QCOMPARE(d.top.size(), size_t(1));
        QCOMPARE(d.top[0].calls, 2);
        QCOMPARE(*d.top[0].repeatRate, 0.0);
        QCOMPARE(d.concentration.calls, 2);
        QCOMPARE(d.concentration.neverCalledShare, 0.75);
    }

    void filterRestrictsUsageToTheView()
    {
        ViewSpec spec;
        spec.task = QStringLiteral("text-generation");
        const DashboardData d = Dashboard::compute(m_db, spec);
        QCOMPARE(d.viewModels, 2);
        QCOMPARE(d.viewCalls, 7);
        QCOMPARE(counts(d.funnel.callers), (std::vector<std::int64_t>{3, 1, 1, 1})); // "someone" only called ghost
        QCOMPARE(d.weekly.weeks.size(), size_t(2));
        QCOMPARE(d.weekly.weeks[1].calls, 5);
        QCOMPARE(d.weekly.weeks[1].activeCallers, 3);
        QCOMPARE(d.weekly.weeks[1].returningCallers, 1);
        QCOMPARE(d.weekly.weeks[1].modelsListed, 2);
        QCOMPARE(d.tasks.tasks.size(), size_t(1));
        QCOMPARE(d.tasks.tasks[0].callShare, 1.0);
    }

    void emptyStates()
    {
        ViewSpec nothing;
        nothing.search = QStringLiteral("no-such-model-anywhere");
        const DashboardData d = Dashboard::compute(m_db, nothing);
        QCOMPARE(d.viewModels, 0);
        QCOMPARE(d.viewCalls, 0);
        QVERIFY(d.tasks.tasks.empty());
        QVERIFY(d.concentration.lorenz.empty());
        QVERIFY(d.weekly.weeks.empty());
        QVERIFY(d.top.empty());
        QCOMPARE(d.funnel.models.front().count, 0);
        QVERIFY(!d.funnel.models[1].shareOfPrevious); // no share of nothing

        Database fresh = Cache::open(m_dir.filePath(QStringLiteral("empty.sqlite")));
        TestUtil::writeModel(fresh, "a/b", "text-generation");
        const DashboardData e = Dashboard::compute(fresh, ViewSpec());
        QVERIFY(!e.cacheHasUsage);
        QCOMPARE(e.viewModels, 1);
        QCOMPARE(e.concentration.neverCalledShare, 1.0);
        QVERIFY(e.concentration.lorenz.empty());
        QVERIFY(e.weekly.weeks.empty());
        QCOMPARE(counts(e.funnel.callers), (std::vector<std::int64_t>{0, 0, 0, 0}));
    }

    void histogramHelpers_data()
    {
        QTest::addColumn<QList<qint64>>("calls");
        QTest::newRow("fixture") << QList<qint64>{0, 0, 3, 4};
        QTest::newRow("equal") << QList<qint64>{5, 5, 5, 5, 5};
        QTest::newRow("one takes all") << QList<qint64>{0, 0, 0, 0, 0, 0, 0, 0, 0, 100};
        QTest::newRow("ties at the top") << QList<qint64>{1, 2, 9, 9, 9, 9, 0, 0, 0, 0, 0, 0, 3};
        QList<qint64> ramp;
        for (qint64 i = 0; i < 1000; ++i)
            ramp << (i * i) % 97;
        QTest::newRow("ramp") << ramp;
    }

    void histogramHelpers()
    {
        QFETCH(QList<qint64>, calls);
        std::map<std::int64_t, std::int64_t> m;
        for (const qint64 c : calls)
            ++m[c];
        const Dashboard::Histogram h(m.begin(), m.end());
        const std::vector<std::int64_t> v(calls.begin(), calls.end());
        QVERIFY(qAbs(Dashboard::giniOf(h) - Figures::gini(v)) < 1e-12);
        QVERIFY(qAbs(Dashboard::topShareOf(h, 0.01) - Figures::topShare(v, 0.01)) < 1e-12);
        QVERIFY(qAbs(Dashboard::topShareOf(h, 0.10) - Figures::topShare(v, 0.10)) < 1e-12);
    }

    void lorenzThinning()
    {
        // 1000 models with 1..1000 calls: the curve at x = k/10 is sum(1..100k) / sum(1..1000).
        Dashboard::Histogram h;
        for (std::int64_t i = 1; i <= 1000; ++i)
            h.push_back({i, 1});
        const auto pts = Dashboard::lorenzOf(h, 11);
        QCOMPARE(pts.size(), size_t(11));
        QCOMPARE(pts.front(), (LorenzPoint{0, 0}));
        QCOMPARE(pts.back(), (LorenzPoint{1, 1}));
        QVERIFY(qAbs(pts[1].modelShare - 0.1) < 1e-12);
        QVERIFY(qAbs(pts[1].callShare - 5050.0 / 500500.0) < 1e-12);
        QVERIFY(qAbs(pts[5].callShare - 125250.0 / 500500.0) < 1e-12);
        // Few groups: every corner, exactly.
        QCOMPARE(Dashboard::lorenzOf(h, 2000).size(), size_t(1001));
        // Never called models make a kink that thinning keeps.
        Dashboard::Histogram k{{0, 830}, {1, 100}, {50, 70}};
        const auto kinked = Dashboard::lorenzOf(k, 3);
        QVERIFY(kinked.size() <= 3);
        QVERIFY(std::any_of(kinked.begin(), kinked.end(), [](const LorenzPoint &p) {
            return qAbs(p.modelShare - 0.83) < 1e-12 && p.callShare == 0;
        }));
        QVERIFY(Dashboard::lorenzOf({{0, 10}}, 200).empty()); // no calls: no curve
    }

    void demoMatchesCatalogueFigures_data()
    {
        QTest::addColumn<QString>("task");
        QTest::addColumn<bool>("window");
        QTest::newRow("all time") << QString() << false;
        QTest::newRow("window") << QString() << true;
        QTest::newRow("task, window") << QStringLiteral("text-generation") << true;
    }

    void demoMatchesCatalogueFigures()
    {
        // On a generated registry the dashboard's concentration figures and totals agree with
        // `uptake stats` (Figures::compute) and with plain sums over the view.
        QFETCH(QString, task);
        QFETCH(bool, window);
        openDemo();
        ViewSpec spec;
        spec.task = task;
        if (window) {
            spec.sinceDay = day("2026-02-01");
            spec.untilDay = day("2026-03-15");
        }
        Dashboard::Options opt;
        opt.maxLorenzPoints = 50;
        const DashboardData d = Dashboard::compute(m_demo, spec, opt);
        const CatalogueFigures f = Figures::compute(m_demo, spec);
        QVERIFY(f.calls > 0);
        QCOMPARE(d.viewModels, f.models);
        QCOMPARE(d.viewCalls, f.calls);
        QCOMPARE(d.concentration.listedModels, f.listed);
        QCOMPARE(d.concentration.calledModels, f.called);
        QVERIFY(qAbs(d.concentration.gini - f.gini) < 1e-9);
        QVERIFY(qAbs(d.concentration.top1Share - f.top1Share) < 1e-9);
        QVERIFY(qAbs(d.concentration.top10Share - f.top10Share) < 1e-9);
        QVERIFY(d.concentration.lorenz.size() <= 50);
        std::int64_t weekly = 0;
        for (const WeekPoint &p : d.weekly.weeks) {
            weekly += p.calls;
            QVERIFY(p.returningCallers <= p.activeCallers);
        }
        QCOMPARE(weekly, d.viewCalls);
        std::int64_t byTask = 0;
        for (const TaskShare &t : d.tasks.tasks)
            byTask += t.calls;
        QCOMPARE(byTask, d.viewCalls);
        QCOMPARE(d.funnel.models[1].count, f.called);
        for (size_t i = 1; i < d.top.size(); ++i)
            QVERIFY(d.top[i - 1].calls >= d.top[i].calls);
    }

    void snapshotGivesTheSameNumbers_data()
    {
        QTest::addColumn<QString>("task");
        QTest::addColumn<QString>("search");
        QTest::addColumn<QString>("window"); // FROM..UNTIL, either may be left out
        QTest::addColumn<int>("usage");
        QTest::addColumn<bool>("oneConnection"); // the snapshot read on one connection, not two
        const QString W = QStringLiteral("2026-02-01..2026-03-15");
        QTest::newRow("all") << QString() << QString() << QString() << int(ViewSpec::Usage::All) << false;
        QTest::newRow("window") << QString() << QString() << W << int(ViewSpec::Usage::All) << false;
        // To the last day: the evidence end is the cache's, and most first calls are eligible.
        QTest::newRow("window to the end") << QString() << QString() << QStringLiteral("2026-01-10..")
                                           << int(ViewSpec::Usage::All) << false;
        QTest::newRow("task") << QStringLiteral("text-generation") << QString() << QString() << int(ViewSpec::Usage::All) << false;
        QTest::newRow("task, window") << QStringLiteral("text-generation") << QString() << W
                                      << int(ViewSpec::Usage::All) << false;
        QTest::newRow("search, repeat") << QString() << QStringLiteral("a") << QString() << int(ViewSpec::Usage::Repeat) << false;
        QTest::newRow("called in window") << QString() << QString() << W << int(ViewSpec::Usage::Called) << false;
        QTest::newRow("nothing") << QString() << QStringLiteral("no-such-model") << QString() << int(ViewSpec::Usage::All) << false;
        // A search alone takes its ids straight from the trigram index.
        QTest::newRow("search only") << QString() << QStringLiteral("llama") << QString() << int(ViewSpec::Usage::All) << false;
        QTest::newRow("search only, window") << QString() << QStringLiteral("LLAMA") << W << int(ViewSpec::Usage::All) << false;
        QTest::newRow("search, called in window") << QString() << QStringLiteral("mistral") << W
                                                  << int(ViewSpec::Usage::Called) << false;
        QTest::newRow("all, one connection") << QString() << QString() << QString() << int(ViewSpec::Usage::All) << true;
        QTest::newRow("window, one connection") << QString() << QString() << W << int(ViewSpec::Usage::All) << true;
    }

    void snapshotGivesTheSameNumbers()
    {
        // The in-memory path the window uses must agree with the SQL path in every figure.
        QFETCH(QString, task);
        QFETCH(QString, search);
        QFETCH(QString, window);
        QFETCH(int, usage);
        QVERIFY(m_demo.isOpen());
        QFETCH(bool, oneConnection);
        Dashboard::Snapshot snapshot;
        const auto load = oneConnection ? Dashboard::Snapshot::Load::OneConnection : Dashboard::Snapshot::Load::TwoConnections;
        QVERIFY(snapshot.refresh(m_demo, load));
        QVERIFY(!snapshot.refresh(m_demo, load)); // unchanged cache: kept
        QVERIFY(snapshot.usageRows() > 0);
        ViewSpec spec;
        spec.task = task;
        spec.search = search;
        spec.usage = ViewSpec::Usage(usage);
        if (!window.isEmpty()) {
            const QStringList ends = window.split(QStringLiteral(".."));
            QCOMPARE(ends.size(), 2);
            if (!ends[0].isEmpty())
                spec.sinceDay = TextRules::parseDay(ends[0].toStdString());
            if (!ends[1].isEmpty())
                spec.untilDay = TextRules::parseDay(ends[1].toStdString());
        }
        Dashboard::Options o;
        o.maxBuckets = 7; // several weeks a bucket
        const DashboardData a = Dashboard::compute(m_demo, spec, o);
        const DashboardData b = Dashboard::compute(m_demo, spec, o, &snapshot);
        compareFigures(b, a);
        if (QTest::currentTestFailed())
            return;
        if (!window.isEmpty() && !spec.hasFilter()) {
            // A window's week-4 retention per model is counted from marked rows, not folded as
            // SQL's route does: it must have had models eligible to agree on (the demand map
            // holds only models with one).
            QVERIFY(!a.evidence.demand.empty());
        }
        // Again after another view, and with more task curves: the whole catalogue's evidence
        // is folded once a snapshot and kept, and must stay what SQL says.
        ViewSpec other;
        other.task = QStringLiteral("text-generation");
        Dashboard::compute(m_demo, other, o, &snapshot);
        compareFigures(Dashboard::compute(m_demo, spec, o, &snapshot), a);
        if (QTest::currentTestFailed())
            return;
        Dashboard::Options more = o;
        more.evidenceTasks = o.evidenceTasks + 3;
        const DashboardData moreSql = Dashboard::compute(m_demo, spec, more);
        if (!spec.hasFilter()) // the whole demo has the tasks for it
            QVERIFY(moreSql.evidence.tasks.size() > size_t(o.evidenceTasks));
        compareFigures(Dashboard::compute(m_demo, spec, more, &snapshot), moreSql);
    }

    void demandMapMergesCoincidentPoints()
    {
        // Beyond Options::maxDemandPoints, the models that would be drawn on the same spot are
        // one point: the busiest of them (ties by row id), with how many more are there. The
        // cells folded here again from every model's own point.
        QFETCH(bool, window);
        ViewSpec spec;
        if (window) {
            spec.sinceDay = day("2026-02-01");
            spec.untilDay = day("2026-03-15");
        }
        Dashboard::Options all;
        all.maxDemandPoints = 1 << 30;
        openDemo();
        const DashboardData every = Dashboard::compute(m_demo, spec, all);
        const EvidenceData &e = every.evidence;
        QFETCH(int, limit);
        QVERIFY(e.demand.size() > size_t(limit)); // or nothing would be merged
        QCOMPARE(e.demandModels, std::int64_t(e.demand.size()));
        for (const DemandPoint &p : e.demand)
            QCOMPARE(p.alsoHere, 0);

        Statement rowId(m_demo, "SELECT id FROM models WHERE model_id = ?");
        std::map<QString, std::int64_t> idOf;
        for (const DemandPoint &p : e.demand) {
            rowId.reset();
            rowId.bind(1, p.modelId);
            QVERIFY(rowId.step());
            idOf[p.modelId] = rowId.int64(0);
        }
        rowId.reset(); // a statement left running would lock the tables the dashboard drops
        struct Cell
        {
            const DemandPoint *busiest = nullptr;
            std::int64_t models = 0;
        };
        std::map<std::tuple<int, int, int, int>, Cell> cells;
        // The finest spots that keep within the limit, else the coarsest.
        for (int coarser = 0; coarser <= DemandPoint::Coarsest; ++coarser) {
            cells.clear();
            for (const DemandPoint &p : e.demand) {
                int group = int(e.tasks.size());
                for (size_t t = 0; t < e.tasks.size(); ++t)
                    if (e.tasks[t].task == p.task)
                        group = int(t);
                const int size = std::clamp(int(std::floor(std::log10(double(std::max<std::int64_t>(p.calls, 1))))), 0, 4);
                const double scale = double(1 << coarser);
                const auto key = std::make_tuple(group, size,
                    int(std::lround(40 / scale * std::log10(double(std::max<std::int64_t>(p.uniqueCallers, 1))))),
                    int(std::lround(100 / scale * p.week4Retention)));
                Cell &c = cells[key];
                ++c.models;
                if (!c.busiest || p.calls > c.busiest->calls
                    || (p.calls == c.busiest->calls && idOf[p.modelId] < idOf[c.busiest->modelId]))
                    c.busiest = &p;
            }
            if (cells.size() <= size_t(limit))
                break;
        }
        QVERIFY(cells.size() < e.demand.size()); // some do share a spot

        Dashboard::Options few;
        few.maxDemandPoints = limit;
        Dashboard::Snapshot snapshot;
        QVERIFY(snapshot.refresh(m_demo));
        for (const DashboardData &merged :
             {Dashboard::compute(m_demo, spec, few), Dashboard::compute(m_demo, spec, few, &snapshot)}) {
            const EvidenceData &m = merged.evidence;
            QCOMPARE(m.demandModels, e.demandModels);
            QCOMPARE(m.medianCallers, e.medianCallers); // over every model, not the points
            QCOMPARE(m.demandLeftOut, e.demandLeftOut);
            QCOMPARE(m.demand.size(), cells.size());
            std::map<QString, const Cell *> byModel;
            for (const auto &[key, c] : cells)
                byModel.emplace(c.busiest->modelId, &c);
            for (size_t i = 0; i < m.demand.size(); ++i) {
                const DemandPoint &p = m.demand[i];
                const auto it = byModel.find(p.modelId);
                QVERIFY2(it != byModel.end(), qPrintable(p.modelId));
                QCOMPARE(p.alsoHere, it->second->models - 1);
                QCOMPARE(p.calls, it->second->busiest->calls);
                QCOMPARE(p.uniqueCallers, it->second->busiest->uniqueCallers);
                QCOMPARE(p.week4Retention, it->second->busiest->week4Retention);
                QCOMPARE(p.task, it->second->busiest->task);
                if (i > 0)
                    QVERIFY(m.demand[i - 1].calls > p.calls
                            || (m.demand[i - 1].calls == p.calls && m.demand[i - 1].modelId < p.modelId));
            }
        }
    }

    void demandMapMergesCoincidentPoints_data()
    {
        QTest::addColumn<bool>("window");
        QTest::addColumn<int>("limit"); // Options::maxDemandPoints
        QTest::newRow("all time, coarsest") << false << 1;
        QTest::newRow("window, coarsest") << true << 1;
        QTest::newRow("all time, within 120") << false << 120;
        QTest::newRow("window, within 60") << true << 60;
    }

    void snapshotFollowsImports()
    {
        const QString path = m_dir.filePath(QStringLiteral("grow.sqlite"));
        Database reader = Cache::open(path);
        Dashboard::Snapshot snapshot;
        QVERIFY(snapshot.refresh(reader));
        QCOMPARE(Dashboard::compute(reader, ViewSpec(), {}, &snapshot).viewModels, 0);
        {
            Database writer = Cache::open(path); // another connection, like an import
            TestUtil::buildFixture(writer);
        }
        QVERIFY(snapshot.refresh(reader));
        const DashboardData d = Dashboard::compute(reader, ViewSpec(), {}, &snapshot);
        QCOMPARE(d.viewModels, 5);
        QCOMPARE(counts(d.funnel.callers), (std::vector<std::int64_t>{4, 1, 1, 1}));
        QCOMPARE(d.weekly.weeks[1].returningCallers, 1);
    }

    void snapshotStoreIsACopyOfThisState()
    {
        // A cache of its own: this test writes to it.
        const QString path = m_dir.filePath(QStringLiteral("store.sqlite"));
        Database db = Cache::open(path);
        DemoOptions o;
        o.models = 600;
        o.events = 9000;
        o.endDay = day("2026-03-31");
        Demo::generate(db, o);
        const QString store = Dashboard::Snapshot::storePathFor(path);
        QCOMPARE(store, path + QStringLiteral("-dashboard"));
        QVERIFY(!QFile::exists(store));
        ViewSpec window;
        window.sinceDay = day("2026-02-01");
        window.untilDay = day("2026-03-15");
        ViewSpec task;
        task.task = QStringLiteral("text-generation");
        const auto sameAsSql = [&](Dashboard::Snapshot &snapshot) {
            for (const ViewSpec &spec : {ViewSpec(), window, task}) {
                compareFigures(Dashboard::compute(db, spec, {}, &snapshot), Dashboard::compute(db, spec, {}));
                if (QTest::currentTestFailed())
                    return false;
            }
            return true;
        };

        Dashboard::Snapshot first;
        first.setStore(store);
        QVERIFY(first.refresh(db));
        QVERIFY(!first.loadedFromStore());
        QVERIFY(first.saveStore());
        QVERIFY(!first.saveStore()); // once
        QVERIFY(QFile::exists(store));

        Dashboard::Snapshot second;
        second.setStore(store);
        QVERIFY(second.refresh(db));
        QVERIFY(second.loadedFromStore());
        QCOMPARE(second.usageRows(), first.usageRows());
        QCOMPARE(second.models(), first.models());
        QVERIFY(!second.saveStore()); // it is the store's already
        QVERIFY(sameAsSql(second));

        // A write transaction moves the cache to another generation; reads and rollbacks do not.
        const std::int64_t generation = Cache::generation(db);
        {
            Transaction read(db, Transaction::Kind::Deferred);
            QVERIFY(db.queryInt("SELECT count(*) FROM usage_daily").value_or(0) > 0);
            read.commit();
        }
        {
            Transaction undone(db);
            db.exec("DELETE FROM usage_daily");
        }
        QCOMPARE(Cache::generation(db), generation);
        {
            Transaction tx(db);
            UsageWriter w(db);
            UsageEvent e;
            e.timestamp = 1773532800; // 2026-03-15
            Statement first(db, "SELECT model_id FROM models WHERE calls > 0 ORDER BY id LIMIT 1");
            QVERIFY(first.step());
            const std::string id(first.textView(0));
            e.modelId = id;
            e.caller = "a caller never seen before";
            w.add(e);
            w.finish();
            tx.commit();
        }
        QCOMPARE(Cache::generation(db), generation + 1);
        Dashboard::Snapshot third;
        third.setStore(store);
        QVERIFY(third.refresh(db));
        QVERIFY(!third.loadedFromStore()); // of the state before
        QCOMPARE(third.usageRows(), second.usageRows() + 1);
        QVERIFY(sameAsSql(third));
        QVERIFY(third.saveStore());

        // Damaged: a day outside the weeks the header gives (a day of 1969), a caller number
        // beyond the callers, a model beyond the models (in the rows kept by caller), or a
        // byte short. Each is ignored.
        // The file ends: ... days, callers, calls, flags (rows x 4, 4, 4, 1), then the rows by
        // caller: starts ((callers + 1) x 4), models, days, calls (rows x 4 each).
        const qint64 rows = third.usageRows();
        const qint64 byCaller = 4 * (qint64(third.callers()) + 1) + 12 * rows;
        for (const qint64 fromEnd : {byCaller + 13 * rows, byCaller + 9 * rows, 12 * rows}) {
            {
                QFile f(store);
                QVERIFY(f.open(QIODevice::ReadWrite));
                QVERIFY(f.seek(f.size() - fromEnd));
                const std::uint32_t beyond = 0xfffffff0u;
                QCOMPARE(f.write(reinterpret_cast<const char *>(&beyond), sizeof beyond), qint64(sizeof beyond));
            }
            Dashboard::Snapshot damaged;
            damaged.setStore(store);
            QVERIFY(damaged.refresh(db));
            QVERIFY(!damaged.loadedFromStore());
            QVERIFY(sameAsSql(damaged));
            QVERIFY(damaged.saveStore());
            Dashboard::Snapshot again;
            again.setStore(store);
            QVERIFY(again.refresh(db));
            QVERIFY(again.loadedFromStore()); // written again whole
            QVERIFY(sameAsSql(again));
        }
        {
            QFile f(store);
            QVERIFY(f.resize(f.size() - 1));
        }
        Dashboard::Snapshot truncated;
        truncated.setStore(store);
        QVERIFY(truncated.refresh(db));
        QVERIFY(!truncated.loadedFromStore());
        QVERIFY(truncated.saveStore());

        // Another cache, even one with the same rows (the same demo), has its own identity.
        const QString otherPath = m_dir.filePath(QStringLiteral("store-other.sqlite"));
        Database other = Cache::open(otherPath);
        Demo::generate(other, o);
        QVERIFY(QFile::copy(store, Dashboard::Snapshot::storePathFor(otherPath)));
        Dashboard::Snapshot foreign;
        foreign.setStore(Dashboard::Snapshot::storePathFor(otherPath));
        QVERIFY(foreign.refresh(other));
        QVERIFY(!foreign.loadedFromStore());
    }

    void interruptCancels()
    {
        // Database::interrupt from another thread ends a computation with an interrupt error.
        QVERIFY(m_demo.isOpen());
        std::atomic<bool> done{false};
        std::thread canceller([&] {
            while (!done.load()) {
                m_demo.interrupt();
                std::this_thread::sleep_for(std::chrono::microseconds(200));
            }
        });
        bool interrupted = false;
        try {
            for (int i = 0; i < 20 && !interrupted; ++i)
                Dashboard::compute(m_demo, ViewSpec());
        } catch (const DbError &e) {
            interrupted = e.isInterrupt();
        }
        done = true;
        canceller.join();
        QVERIFY(interrupted);
        // The connection stays usable.
        QVERIFY(Dashboard::compute(m_demo, ViewSpec()).viewModels > 0);
    }

private:
    QTemporaryDir m_dir;
    Database m_db;
    Database m_demo;
};

QTEST_APPLESS_MAIN(TestDashboardData)
#include "tst_dashboarddata.moc"
