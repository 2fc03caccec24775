#pragma once

#include "dashboard/snapshot.h"
#include "evidence/evidence.h"
#include "family/families.h"
#include "text/textrules.h"
#include "view/figures.h"

#include "view/viewspec.h"

#include <QString>
#include <QtGlobal>

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <utility>
#include <vector>

namespace uptake {

class Database;

// The numbers behind the dashboard's five charts for one view (filters and usage window),
// over the same filtered view that the table shows (ViewQuery's SQL). SQL selects the view's
// rows and the window's usage; the sums that would make SQLite sort every row (GROUP BY over
// millions) are kept here in one pass. Nothing here is shaped for a toolkit: the ui layer
// draws it, the tests check it.

// 1. Supply vs demand by task: the top tasks plus one "other" row.
struct TaskShare
{
    QString task; // empty for models without a task
    bool other = false; // the remaining tasks, folded into one row
    std::int64_t listedModels = 0; // listed models of the view with this task
    std::int64_t calls = 0; // calls of every model of the view with this task
    std::int64_t repeatCallers = 0; // repeat callers, counted per model (a caller repeating on two models counts twice)
    double modelShare = 0, callShare = 0, repeatShare = 0; // fractions of the view's totals
};

struct TaskChartData
{
    std::vector<TaskShare> tasks; // largest first (by the larger of model and call share); "other" last
    std::int64_t listedModels = 0, calls = 0, repeatCallers = 0; // totals of the view
    std::int64_t taskCount = 0; // distinct tasks in the view, before folding into "other"
};

// 2. Concentration of calls over the view's listed models.
struct LorenzPoint
{
    double modelShare = 0; // cumulative share of listed models, fewest calls first
    double callShare = 0; // their cumulative share of calls
    bool operator==(const LorenzPoint &) const = default;
};

struct ConcentrationData
{
    std::vector<LorenzPoint> lorenz; // from (0,0) to (1,1); empty when the listed models have no calls
    std::int64_t listedModels = 0, calledModels = 0, calls = 0;
    double gini = 0, neverCalledShare = 0, top1Share = 0, top10Share = 0; // as Figures::compute
};

// 3. Over time, in buckets of whole weeks starting on Monday (one week unless that gives
// more buckets than the chart can show).
struct WeekPoint
{
    std::int64_t firstDay = 0; // Monday, days since 1970-01-01
    std::int64_t modelsListed = 0; // listed models of the view created before the bucket ends (cumulative)
    std::int64_t calls = 0;
    std::int64_t activeCallers = 0; // distinct callers of the view's models in the bucket
    std::int64_t returningCallers = 0; // of those, callers seen in an earlier bucket of the series
};

struct WeeklyData
{
    int weeksPerBucket = 1;
    std::vector<WeekPoint> weeks;
    std::int64_t undatedModels = 0; // listed models without a listing date, left out of modelsListed
    // The evidence end (Figures::evidenceEnd): a last bucket that ends after it is not over yet.
    std::optional<std::int64_t> evidenceEnd;
    // (week, listed models created that week), from the model stage; the usage stage needs it
    std::vector<std::pair<std::int64_t, std::int64_t>> listedByWeek;
};

// 4. The loop. Steps are nested: each keeps those of the step before that also pass it, so
// every share is of the step before and never above 1.
struct FunnelStep
{
    const char *key; // stable id: listed, called, verified, paid, kept; all, verified, paying, returning
    const char *label; // untranslated; the ui passes it through tr()
    std::int64_t count = 0;
    std::optional<double> shareOfPrevious; // none for the first step, or when the step before is 0
};

struct FunnelData
{
    // listed -> called -> called with verification (TEE/ZKML) -> paid for -> kept >= 1 repeat caller
    std::vector<FunnelStep> models;
    // all callers of the view's models -> made a verified call -> paid a fee -> returned
    // (called on two or more distinct UTC days)
    std::vector<FunnelStep> callers;
    // Not nested in the callers' steps: of the callers first seen in the window whose period 4
    // was over by the evidence end (eligible), those who called the selection again in it: the
    // selection's week-4 retention (contract 3b). Set by the evidence stage.
    std::optional<Evidence::Counts> keptToWeek4;
};

// 5. Top models by calls.
struct TopModel
{
    QString modelId;
    bool listed = true;
    std::int64_t calls = 0, uniqueCallers = 0, repeatCallers = 0;
    std::optional<double> repeatRate; // none when unique_callers is 0
};

// 6. Demand evidence of the selection (contract 3b): its retention curve, cohorts and
// lifecycle, the curves of its top tasks, and each called model's breadth and week-4 retention.
struct TaskCurve
{
    QString task;
    std::int64_t callers = 0; // distinct callers of the task's models in the window
    std::array<Evidence::Counts, Evidence::Periods> curve{}; // a caller is one person within the task
};

struct DemandPoint
{
    QString modelId;
    QString task; // trimmed; empty for none
    std::int64_t calls = 0, uniqueCallers = 0; // in the window
    double week4Retention = 0; // of its own callers (Evidence::figuresOfModels)
    std::int64_t alsoHere = 0; // other models merged into this point (EvidenceData::demand)

    // The map's size classes by the decade of the calls: 1-9, 10-99, ... 10k and more.
    static constexpr int SizeClasses = 5;
    static int sizeClass(std::int64_t calls);
    // The spot a model is drawn at when coincident models are merged (EvidenceData::demand):
    // 40ths of a decade of callers and percentage points of retention, each 2^coarser times
    // wider (coarser 0 .. Coarsest).
    static constexpr int Coarsest = 3;
    static std::pair<int, int> spot(std::int64_t uniqueCallers, double week4Retention, int coarser);
};

struct EvidenceData
{
    bool computed = false; // the evidence stage ran for this view
    Evidence::Report selection; // the whole selection, a caller one person across its models
    std::vector<TaskCurve> tasks; // the top tasks by callers, most first
    // Every called model of the view with a week-4 retention (demandModels of them), the
    // busiest first; those without (nobody eligible for period 4) are counted in
    // demandLeftOut. Beyond Options::maxDemandPoints, models that would be drawn on the same
    // spot (same task colour and size class, DemandPoint::spot at the finest coarseness that
    // keeps within the limit, else the coarsest) are one point, the busiest of them (ties by
    // row id), with alsoHere.
    std::vector<DemandPoint> demand;
    std::int64_t demandModels = 0;
    std::int64_t demandLeftOut = 0;
    // The map's dividing lines: the median unique callers of the plotted models, and a fixed
    // week-4 retention.
    double medianCallers = 0;
    static constexpr double kLastingRetention = 0.2;
};

struct DashboardData
{
    bool cacheHasUsage = false; // any usage imported at all, regardless of the view
    std::int64_t viewModels = 0; // rows of the view, listed or not
    std::int64_t viewCalls = 0; // calls of the view's models in the window

    TaskChartData tasks;
    ConcentrationData concentration;
    WeeklyData weekly;
    FunnelData funnel;
    std::vector<TopModel> top;
    EvidenceData evidence;
    // 7. Families: the base models the view's models name, by their derivatives' callers.
    bool familiesComputed = false; // the families stage ran for this view
    std::vector<Families::Family> families; // the top Options::topFamilies
    std::int64_t familyBases = 0; // base models named by the view's models, in all

    // Milliseconds spent per stage, for the status line and the benchmark.
    qint64 msModels = 0, msUsage = 0, msTop = 0, msEvidence = 0, msFamilies = 0;
};

namespace Dashboard {

struct Options
{
    int topTasks = 8; // tasks shown before "other"
    int topModels = 15;
    int maxLorenzPoints = 200; // never more than the chart's width in pixels
    int maxBuckets = 200;
    int evidenceTasks = 5; // task curves beside the selection's retention curve
    int topFamilies = 15;
    int maxDemandPoints = 2000; // the demand map's points before coincident ones are merged
    // The families stage reads the usage of every derivative: the window computes it only
    // while its page is shown (compute() and the CLI always do).
    bool families = true;
};

// One computation for one view, stage by stage, so that a worker can hand charts over as they
// become ready: models() first (tasks, concentration, the models' funnel, and the view's
// members), then top() and usage(). Throws DbError; isInterrupt() when Database::interrupt cut it
// short. Uses a temporary table on the connection (temp.dash_ids): give it a connection of its own.
class Computation final
{
public:
    Computation(Database &db, const ViewSpec &spec, const Options &options, const Snapshot *snapshot = nullptr);
    void models(DashboardData &data);
    void top(DashboardData &data);
    void usage(DashboardData &data);
    // The demand evidence (EvidenceData) and the funnel's week-4 step, by Evidence's own folds
    // over usage_daily, so that the figures are the contract's and equal `uptake retention`'s.
    void evidence(DashboardData &data);
    // The families (Families::rank over the view, in its window).
    void families(DashboardData &data);

private:
    // The two routes, one file each: dashboard/fromsql.cpp and dashboard/fromsnapshot.cpp.
    void modelsFromSql(DashboardData &data);
    void modelsFromSnapshot(DashboardData &data);
    void topFromSql(DashboardData &data);
    void usageFromSql(DashboardData &data);
    void usageFromSnapshot(DashboardData &data);
    // The evidence stage's folds from the snapshot's rows, over the view's models with any usage
    // (as Evidence::ofSelection reads them): the selection's report, one per task group
    // (groupOfTask: by trimmed task name; other tasks in none) and each model of m_called's
    // week-4 retention (by m_called's index) when week4 is given (a window's; all time, the
    // models table has it).
    void evidenceFromSnapshot(std::int64_t end, const std::map<QString, int> &groupOfTask, int groups,
                              Evidence::GroupedReports &reports, std::vector<std::optional<double>> *week4);

    Database &m_db;
    ViewSpec m_spec;
    Options m_options;
    const Snapshot *m_snapshot;
    bool m_whole; // the view keeps every model
    bool m_haveIds = false;
    std::vector<std::uint32_t> m_ids; // the view's model row ids, when !m_whole and m_haveIds
    struct Called
    {
        std::uint32_t id;
        std::int64_t calls, unique, repeat;
    };
    bool m_haveCalled = false;
    std::vector<Called> m_called; // the view's called models, with the window's figures
};

// Everything, in one go.
DashboardData compute(Database &db, const ViewSpec &spec, const Options &options = {},
                      const Snapshot *snapshot = nullptr);

// Pure helpers over a histogram of calls per listed model: (calls, number of models),
// ascending by calls, calls >= 0. Gini and top shares are the catalogue figures' own.
using Histogram = Figures::Histogram;
using Figures::giniOf;
using Figures::topShareOf;
// The Lorenz curve, exact at no more than maxPoints points (at least 2).
std::vector<LorenzPoint> lorenzOf(const Histogram &h, int maxPoints);

using TextRules::mondayOf;
using TextRules::weekOf;

} // namespace Dashboard

} // namespace uptake
