// Internal to models/dashboard/: what its SQL and snapshot routes share (view SQL, model sums, usage buckets).
#pragma once

#include "dashboard/dashboarddata.h"
#include "view/viewspec.h"

#include <QString>

#include <algorithm>
#include <cstdint>
#include <exception>
#include <functional>
#include <map>
#include <optional>
#include <string_view>
#include <thread>
#include <unordered_map>
#include <vector>

namespace uptake {

namespace Dashboard::Parts {

// The view's rows, unsorted, as a CTE named v whose columns are m.id ("id") and then the
// Columns keys. Built from ViewQuery::select so that the charts filter exactly as the table
// does; without its ORDER BY, SQLite flattens the CTE and evaluates only the columns used.
SqlQuery viewCte(const ViewSpec &spec);

// True when the view keeps every model, so usage needs no restriction to the view's ids.
bool wholeCatalogue(const ViewSpec &spec);

// Each step's share of the step before, where that one is not 0.
std::vector<FunnelStep> nestedSteps(std::vector<FunnelStep> steps);

struct StringHash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view> {}(s); }
};

struct TaskSum {
    std::int64_t listed = 0, calls = 0, repeat = 0;
};

// Per model, what the model-side charts sum; shared by the SQL and the snapshot paths.
struct ModelSums {
    std::unordered_map<std::int64_t, std::int64_t> histogram, createdWeeks;
    std::int64_t listed = 0, called = 0, verified = 0, paid = 0, kept = 0, undated = 0;
    std::int64_t viewModels = 0, viewCalls = 0;

    // createdWeek: nullopt when the listing date is unknown.
    void add(TaskSum &t, bool isListed, std::int64_t calls, bool hasVerified, bool hasPaid, std::int64_t repeat,
        std::optional<std::int64_t> createdWeek)
    {
        ++viewModels;
        viewCalls += calls;
        t.calls += calls;
        t.repeat += repeat;
        if (!isListed)
            return;
        ++t.listed;
        ++histogram[calls];
        if (createdWeek)
            ++createdWeeks[*createdWeek];
        else
            ++undated;
        ++listed;
        if (calls > 0) {
            ++called;
            if (hasVerified) {
                ++verified;
                if (hasPaid) {
                    ++paid;
                    if (repeat > 0)
                        ++kept;
                }
            }
        }
    }

    void finish(std::map<QString, TaskSum> byTask, const Options &options, DashboardData &data) const;
};

// The caller side, after the usage rows were folded per caller: the callers' funnel and the
// buckets. forEachCaller(fn) calls fn(verified, paid, multiDay, weeks ascending) per caller;
// callsOfWeek(week) the calls of one week; [minWeek, maxWeek] the weeks with usage (when any).
template <typename ForEachCaller, typename CallsOfWeek>
void finishUsage(const ViewSpec &spec, const Options &options, DashboardData &data, bool anyUsage, std::int64_t minWeek,
    std::int64_t maxWeek, ForEachCaller forEachCaller, CallsOfWeek callsOfWeek)
{
    std::int64_t all = 0, verified = 0, paying = 0, returning = 0;
    forEachCaller([&](bool v, bool p, bool multiDay, const std::vector<std::int64_t> &) {
        ++all;
        if (!v)
            return;
        ++verified;
        if (!p)
            return;
        ++paying;
        returning += multiDay;
    });
    data.funnel.callers = nestedSteps({
        { "all", QT_TRANSLATE_NOOP("uptake::DashboardChartView", "Callers"), all, {} },
        { "verified", QT_TRANSLATE_NOOP("uptake::DashboardChartView", "…made a verified call"), verified, {} },
        { "paying", QT_TRANSLATE_NOOP("uptake::DashboardChartView", "…and paid a fee"), paying, {} },
        { "returning", QT_TRANSLATE_NOOP("uptake::DashboardChartView", "…came back another day"), returning, {} },
    });

    // The buckets: the window where it is given, else the weeks with usage.
    std::optional<std::int64_t> firstWeek, lastWeek;
    if (spec.sinceDay)
        firstWeek = weekOf(*spec.sinceDay);
    if (spec.untilDay)
        lastWeek = weekOf(*spec.untilDay);
    if (anyUsage) {
        if (!firstWeek)
            firstWeek = minWeek;
        if (!lastWeek)
            lastWeek = maxWeek;
    }
    WeeklyData &w = data.weekly;
    w.weeks.clear();
    w.weeksPerBucket = 1;
    if (!firstWeek || !lastWeek || *lastWeek < *firstWeek)
        return;
    const std::int64_t weeks = *lastWeek - *firstWeek + 1;
    const int maxBuckets = std::max(options.maxBuckets, 2);
    w.weeksPerBucket = int((weeks + maxBuckets - 1) / maxBuckets);
    const std::int64_t k = w.weeksPerBucket;
    // Buckets are counted from the first week, so that the first one is whole.
    const std::int64_t base = *firstWeek;
    const std::int64_t buckets = (weeks + k - 1) / k;
    w.weeks.resize(size_t(buckets));
    for (std::int64_t b = 0; b < buckets; ++b)
        w.weeks[size_t(b)].firstDay = mondayOf(base + b * k);
    auto bucketOf = [&](std::int64_t week) { return week < base ? std::int64_t(-1) : (week - base) / k; };
    if (anyUsage)
        for (std::int64_t week = std::max(base, minWeek); week <= maxWeek; ++week) {
            const std::int64_t b = bucketOf(week);
            if (b >= 0 && b < buckets)
                w.weeks[size_t(b)].calls += callsOfWeek(week);
        }
    // A caller returns in a bucket when it was active in an earlier bucket of the series.
    forEachCaller([&](bool, bool, bool, const std::vector<std::int64_t> &callerWeeks) {
        std::int64_t previous = -1;
        for (const std::int64_t week : callerWeeks) {
            const std::int64_t b = bucketOf(week);
            if (b < 0 || b >= buckets || b == previous)
                continue;
            WeekPoint &p = w.weeks[size_t(b)];
            ++p.activeCallers;
            if (previous >= 0)
                ++p.returningCallers;
            previous = b;
        }
    });
    // Cumulative supply: listed models created before each bucket ends.
    std::int64_t cumulative = 0;
    size_t i = 0;
    for (std::int64_t b = 0; b < buckets; ++b) {
        const std::int64_t lastWeekOfBucket = base + b * k + k - 1;
        while (i < w.listedByWeek.size() && w.listedByWeek[i].first <= lastWeekOfBucket)
            cumulative += w.listedByWeek[i++].second;
        w.weeks[size_t(b)].modelsListed = cumulative;
    }
}

// Runs onThread on a thread of its own and here beside it, both to the end; an exception from
// either is rethrown once both are done (the snapshot's passes that write disjoint memory).
template<typename OnThread, typename Here>
void onBothCores(OnThread &&onThread, Here &&here)
{
    std::exception_ptr threadError;
    std::thread other([&] {
        try {
            onThread();
        } catch (...) {
            threadError = std::current_exception();
        }
    });
    try {
        here();
    } catch (...) {
        other.join();
        throw;
    }
    other.join();
    if (threadError)
        std::rethrow_exception(threadError);
}

} // namespace Dashboard::Parts

} // namespace uptake
