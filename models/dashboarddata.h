#pragma once

#include "viewspec.h"

#include <QString>

#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

class Database;

// The numbers behind the dashboard's five charts for one view (filters and usage window),
// computed with SQL aggregates over the same filtered view that the table shows.
// Nothing here is shaped for a toolkit: the ui layer draws it, the tests check it.

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
};

// 5. Top models by calls.
struct TopModel
{
    QString modelId;
    bool listed = true;
    std::int64_t calls = 0, uniqueCallers = 0, repeatCallers = 0;
    std::optional<double> repeatRate; // none when unique_callers is 0
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

    // Milliseconds spent per stage, for the status line and the benchmark.
    qint64 msModels = 0, msUsage = 0, msTop = 0;
};

namespace Dashboard {

struct Options
{
    int topTasks = 8; // tasks shown before "other"
    int topModels = 15;
    int maxLorenzPoints = 200; // never more than the chart's width in pixels
    int maxBuckets = 200;
};

// Everything, in one go. Throws DbError (isInterrupt() when Database::interrupt cut it short).
// Uses temporary tables on the connection (temp.dash_*), so give it a connection of its own.
DashboardData compute(Database &db, const ViewSpec &spec, const Options &options = {});

// The stages, for callers that want to hand charts over as they become ready. Each fills
// its part of data; computeModels also sets viewModels and viewCalls.
void computeModels(Database &db, const ViewSpec &spec, const Options &options, DashboardData &data);
void computeUsage(Database &db, const ViewSpec &spec, const Options &options, DashboardData &data);
void computeTop(Database &db, const ViewSpec &spec, const Options &options, DashboardData &data);

// Pure helpers over a histogram of calls per listed model: (calls, number of models),
// ascending by calls, calls >= 0.
using Histogram = std::vector<std::pair<std::int64_t, std::int64_t>>;
double giniOf(const Histogram &h);
double topShareOf(const Histogram &h, double fraction);
// The Lorenz curve, exact at no more than maxPoints points (at least 2).
std::vector<LorenzPoint> lorenzOf(const Histogram &h, int maxPoints);

// "(day + 3) / 7": day 0 was a Thursday, so this makes weeks start on Monday.
inline std::int64_t weekOf(std::int64_t day)
{
    return (day + 3) / 7;
}
inline std::int64_t mondayOf(std::int64_t week)
{
    return week * 7 - 3;
}

} // namespace Dashboard
