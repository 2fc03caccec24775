// Dashboard::Computation's in-memory route: the figures from a loaded Snapshot, only the view's ids from SQL.
#include "dashboard/dashboarddata.h"

#include "dashboard/dashboardparts.h"
#include "db/database.h"
#include "view/viewspec.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <limits>
#include <map>
#include <memory>
#include <optional>
#include <unordered_map>
#include <utility>
#include <vector>

namespace uptake {

namespace Dashboard {

using namespace Parts;

void Computation::modelsFromSnapshot(DashboardData &data)
{
    const Snapshot &s = *m_snapshot;
    // The view's text and listing filters come from its SQL (index lookups, or one scan for a
    // search); the usage filters, with a window, from the window's figures computed here.
    ViewSpec base = m_spec;
    const bool window = m_spec.hasWindow();
    if (window) {
        base.sinceDay.reset();
        base.untilDay.reset();
        if (base.usage != ViewSpec::Usage::Unlisted)
            base.usage = ViewSpec::Usage::All;
        base.minCalls.reset();
        base.minRepeatCallers.reset();
    }
    const bool baseWhole = wholeCatalogue(base);
    std::vector<std::uint32_t> candidates;
    ViewSpec otherThanSearch = base;
    otherThanSearch.search.clear();
    const std::optional<SqlQuery> searchOnly
        = wholeCatalogue(otherThanSearch) ? ViewQuery::searchIds(base) : std::nullopt;
    if (searchOnly) {
        // Only a search: its ids straight from the trigram index. Through the view's SQL each
        // match was also looked up in models, 0.6-1.2 s for a common word at 2M models.
        Statement st(m_db, searchOnly->sql);
        searchOnly->bindTo(st);
        while (st.step())
            candidates.push_back(std::uint32_t(st.int64(0)));
    } else if (!baseWhole) {
        SqlQuery q = viewCte(base);
        q.sql += "SELECT id FROM v";
        Statement st(m_db, q.sql);
        q.bindTo(st);
        while (st.step())
            candidates.push_back(std::uint32_t(st.int64(0)));
    }

    const std::int64_t since = m_spec.sinceDay.value_or(std::numeric_limits<std::int64_t>::min());
    const std::int64_t until = m_spec.untilDay.value_or(std::numeric_limits<std::int64_t>::max());
    // Per caller, for the model being read: which model last touched it (+1), its first day there,
    // whether it already counts as a repeat caller there.
    std::vector<std::uint32_t> stamp(window ? s.m_callers : 0, 0);
    std::vector<std::int32_t> firstDay(window ? s.m_callers : 0, 0);
    std::vector<std::uint8_t> repeated(window ? s.m_callers : 0, 0);

    ModelSums sums;
    std::vector<TaskSum> tasks(s.m_taskNames.size());
    std::vector<bool> seen(s.m_taskNames.size(), false);
    m_ids.clear();
    m_called.clear();
    auto one = [&](size_t i) {
        if (i >= s.m_flags.size() || !(s.m_flags[i] & 1))
            return;
        const std::uint8_t f = s.m_flags[i];
        std::int64_t calls = s.m_calls[i], unique = s.m_unique[i], repeat = s.m_repeat[i];
        bool verified = f & 4, paid = f & 8;
        if (window) {
            calls = unique = repeat = 0;
            verified = paid = false;
            const std::uint32_t mark = std::uint32_t(i) + 1;
            for (std::uint32_t r = s.m_start[i], end = s.m_start[i + 1]; r < end; ++r) {
                const std::int32_t day = s.m_day[r];
                if (day < since || day > until)
                    continue;
                calls += s.m_rowCalls[r];
                verified = verified || (s.m_rowFlags[r] & 1);
                paid = paid || (s.m_rowFlags[r] & 2);
                const std::uint32_t c = s.m_caller[r];
                if (stamp[c] != mark) {
                    stamp[c] = mark;
                    firstDay[c] = day;
                    repeated[c] = 0;
                    ++unique;
                } else if (!repeated[c] && firstDay[c] != day) {
                    repeated[c] = 1;
                    ++repeat;
                }
            }
            // The usage filters of ViewQuery, on the window's figures.
            switch (m_spec.usage) {
            case ViewSpec::Usage::Never:
                if (calls != 0)
                    return;
                break;
            case ViewSpec::Usage::Called:
                if (calls <= 0)
                    return;
                break;
            case ViewSpec::Usage::Repeat:
                if (repeat <= 0)
                    return;
                break;
            case ViewSpec::Usage::All:
            case ViewSpec::Usage::Unlisted:
                break;
            }
            if ((m_spec.minCalls && calls < *m_spec.minCalls)
                || (m_spec.minRepeatCallers && repeat < *m_spec.minRepeatCallers))
                return;
        }
        const std::int32_t cw = s.m_createdWeek[i];
        seen[s.m_task[i]] = true;
        sums.add(tasks[s.m_task[i]], f & 2, calls, verified, paid, repeat,
            cw == std::numeric_limits<std::int32_t>::min() ? std::nullopt : std::optional<std::int64_t>(cw));
        if (!m_whole)
            m_ids.push_back(std::uint32_t(i));
        if (calls > 0)
            m_called.push_back({ std::uint32_t(i), calls, unique, repeat });
    };
    if (baseWhole)
        for (size_t i = 0; i < s.m_flags.size(); ++i)
            one(i);
    else
        for (const std::uint32_t id : candidates)
            one(id);
    m_haveIds = true;
    m_haveCalled = true;

    std::map<QString, TaskSum> byTask;
    for (size_t t = 0; t < tasks.size(); ++t)
        if (seen[t])
            byTask.emplace(s.m_taskNames[t], tasks[t]);
    sums.finish(std::move(byTask), m_options, data);
}

void Computation::usageFromSnapshot(DashboardData &data)
{
    const Snapshot &s = *m_snapshot;
    const std::int64_t since = m_spec.sinceDay.value_or(std::numeric_limits<std::int64_t>::min());
    const std::int64_t until = m_spec.untilDay.value_or(std::numeric_limits<std::int64_t>::max());
    const std::int64_t weekSpan = std::max<std::int64_t>(s.m_maxWeek - s.m_minWeek + 1, 1);
    const size_t words = size_t((weekSpan + 63) / 64);
    constexpr std::int32_t unseen = std::numeric_limits<std::int32_t>::min();
    std::vector<std::int32_t> firstDay(s.m_callers, unseen);
    std::vector<std::uint8_t> state(s.m_callers, 0); // 1 verified, 2 paid, 4 more than one day
    std::vector<std::uint64_t> weekBits(size_t(s.m_callers) * words, 0);
    std::vector<std::int64_t> weekCalls(size_t(weekSpan), 0);
    std::int64_t minWeek = std::numeric_limits<std::int64_t>::max(), maxWeek = std::numeric_limits<std::int64_t>::min();
    std::vector<std::uint32_t> seen;

    auto model = [&](size_t m) {
        if (m + 1 >= s.m_start.size())
            return;
        for (std::uint32_t r = s.m_start[m], end = s.m_start[m + 1]; r < end; ++r) {
            const std::int32_t day = s.m_day[r];
            if (day < since || day > until)
                continue;
            const std::uint32_t c = s.m_caller[r];
            if (firstDay[c] == unseen) {
                firstDay[c] = day;
                seen.push_back(c);
            } else if (firstDay[c] != day) {
                state[c] |= 4;
            }
            state[c] |= s.m_rowFlags[r] & 3; // verified, paid
            const std::int64_t week = weekOf(day);
            const std::int64_t w = week - s.m_minWeek;
            weekBits[size_t(c) * words + size_t(w / 64)] |= std::uint64_t(1) << (w % 64);
            weekCalls[size_t(w)] += s.m_rowCalls[r];
            minWeek = std::min(minWeek, week);
            maxWeek = std::max(maxWeek, week);
        }
    };
    if (m_whole)
        for (size_t m = 0; m + 1 < s.m_start.size(); ++m)
            model(m);
    else
        for (const std::uint32_t id : m_ids)
            model(id);

    std::vector<std::int64_t> callerWeeks;
    finishUsage(
        m_spec, m_options, data, !seen.empty(), minWeek, maxWeek,
        [&](auto &&fn) {
            for (const std::uint32_t c : seen) {
                callerWeeks.clear();
                for (size_t word = 0; word < words; ++word)
                    for (std::uint64_t bits = weekBits[size_t(c) * words + word]; bits; bits &= bits - 1)
                        callerWeeks.push_back(s.m_minWeek + std::int64_t(word * 64) + std::countr_zero(bits));
                fn(state[c] & 1, state[c] & 2, state[c] & 4, callerWeeks);
            }
        },
        [&](std::int64_t week) { return weekCalls[size_t(week - s.m_minWeek)]; });
}

namespace {

// fn(from, to, half) over callers [0, n) in two halves of about as many rows by caller, the
// first on a thread of its own and the second here; an exception from either is rethrown.
template<typename Fn>
void inHalvesOf(const std::vector<std::uint32_t> &byCallerStart, size_t n, Fn &&fn)
{
    const std::uint32_t rows = n == 0 ? 0 : byCallerStart[n];
    const size_t mid = n < 2 ? n
        : size_t(std::lower_bound(byCallerStart.begin(), byCallerStart.begin() + std::ptrdiff_t(n), rows / 2)
                 - byCallerStart.begin());
    onBothCores([&] { fn(size_t(0), mid, 0); }, [&] { fn(mid, n, 1); });
}

} // namespace

struct WholeEvidence
{
    std::int64_t end;
    std::map<QString, int> groupOfTask;
    int evidenceTasks;
    Evidence::GroupedReports reports;
};

void Computation::evidenceFromSnapshot(std::int64_t end, const std::map<QString, int> &groupOfTask, int groups,
                                       Evidence::GroupedReports &reports, std::vector<std::optional<double>> *week4)
{
    const Snapshot &s = *m_snapshot;
    // The whole catalogue all time (no per-model figures asked for) is folded once a snapshot.
    const bool whole = m_whole && !week4;
    if (const WholeEvidence *w = s.m_wholeEvidence.get(); whole && w && w->end == end
        && w->evidenceTasks == m_options.evidenceTasks && w->groupOfTask == groupOfTask) {
        reports = w->reports;
        return;
    }
    std::vector<int> groupOf(s.m_taskNames.size(), -1);
    for (size_t t = 0; t < s.m_taskNames.size(); ++t)
        if (const auto it = groupOfTask.find(s.m_taskNames[t]); it != groupOfTask.end() && it->second < groups)
            groupOf[t] = it->second;
    std::unordered_map<std::uint32_t, size_t> calledAt;
    calledAt.reserve(m_called.size());
    for (size_t i = 0; i < m_called.size(); ++i)
        calledAt.emplace(m_called[i].id, i);

    // The selection's models with any usage (as ViewQuery::calledIds gives them to the SQL route).
    std::vector<std::uint32_t> used;
    auto take = [&](size_t id) {
        if (id < s.m_flags.size() && (s.m_flags[id] & 1) && s.m_calls[id] > 0 && id + 1 < s.m_start.size())
            used.push_back(std::uint32_t(id));
    };
    if (m_whole)
        for (size_t id = 0; id < s.m_flags.size(); ++id)
            take(id);
    else
        for (const std::uint32_t id : m_ids)
            take(id);

    const std::int64_t since = m_spec.sinceDay.value_or(std::numeric_limits<std::int64_t>::min());
    const std::int64_t until = std::min(m_spec.untilDay.value_or(std::numeric_limits<std::int64_t>::max()), end);
    // Each model: NotIn, or in the selection with 1 + its group (0 for none); the rows kept by
    // caller are walked with it, in memory order.
    constexpr std::uint32_t NotIn = std::numeric_limits<std::uint32_t>::max();
    std::vector<std::uint32_t> inSelection(s.m_flags.size(), NotIn);
    for (const std::uint32_t id : used) {
        const int g = groupOf[s.m_task[id]];
        inSelection[id] = g >= 0 ? std::uint32_t(g) + 1 : 0;
    }
    const size_t callerCount = s.m_byCallerStart.empty() ? 0 : s.m_byCallerStart.size() - 1;
    const auto inHalves = [&](size_t n, auto &&fn) { inHalvesOf(s.m_byCallerStart, n, fn); };

    // A model's own figure (a window's week-4 retention) by the rules of Evidence::ModelFold
    // (contract 3b): of its callers with f in the window and eligible for period 4 by end, the
    // share returned then. Its rows are in day order and marked (Snapshot::markFirstCalls): two
    // binary searches and a count, never a fold of its callers again.
    const auto weekFour = [&](std::uint32_t id) -> std::optional<double> {
        const std::optional<std::int64_t> since = m_spec.sinceDay, until = m_spec.untilDay;
        const std::int64_t lo = since.value_or(std::numeric_limits<std::int64_t>::min());
        const std::int64_t hi = std::min(until.value_or(std::numeric_limits<std::int64_t>::max()), end - (7 * 4 + 6));
        if (lo > hi)
            return std::nullopt;
        const auto first = s.m_day.begin() + s.m_start[id], last = s.m_day.begin() + s.m_start[id + 1];
        const auto from = std::lower_bound(first, last, lo, [](std::int32_t d, std::int64_t v) { return d < v; });
        const auto to = std::upper_bound(from, last, hi, [](std::int64_t v, std::int32_t d) { return v < d; });
        std::int64_t eligible = 0, returned = 0;
        for (auto r = size_t(from - s.m_day.begin()), stop = size_t(to - s.m_day.begin()); r < stop; ++r) {
            const std::uint8_t f = s.m_rowFlags[r];
            eligible += (f >> 2) & 1;
            returned += (f >> 3) & 1;
        }
        if (eligible == 0)
            return std::nullopt;
        return double(returned) / double(eligible);
    };
    if (week4)
        for (const std::uint32_t id : used)
            if (const auto called = calledAt.find(id); called != calledAt.end())
                (*week4)[called->second] = weekFour(id);

    // Only the tasks whose curves are drawn need a fold of their own: first each task's callers
    // with calls in the window (what a group's Report counts in callers).
    std::vector<std::int64_t> groupCallers(size_t(std::max(groups, 0)), 0);
    {
        std::array<std::vector<std::int64_t>, 2> halfCallers;
        inHalves(callerCount, [&](size_t from, size_t to, int half) {
            std::vector<std::int64_t> &counts = halfCallers[size_t(half)];
            counts.assign(groupCallers.size(), 0);
            std::vector<std::uint32_t> lastCaller(groupCallers.size(), NotIn);
            for (size_t c = from; c < to; ++c)
                for (std::uint32_t r = s.m_byCallerStart[c], last = s.m_byCallerStart[c + 1]; r < last; ++r) {
                    const std::uint32_t in = inSelection[s.m_byCallerModel[r]];
                    const std::int64_t day = s.m_byCallerDay[r];
                    if (in == NotIn || in == 0 || day < since || day > until || s.m_byCallerCalls[r] == 0
                        || lastCaller[in - 1] == c)
                        continue;
                    lastCaller[in - 1] = std::uint32_t(c);
                    ++counts[in - 1];
                }
        });
        for (size_t g = 0; g < groupCallers.size(); ++g)
            groupCallers[g] = halfCallers[0][g] + halfCallers[1][g]; // a caller is in one half only
    }
    std::vector<QString> nameOf(groupCallers.size());
    for (const auto &[name, g] : groupOfTask)
        if (g >= 0 && g < groups)
            nameOf[size_t(g)] = name;
    std::vector<size_t> order(groupCallers.size());
    for (size_t g = 0; g < order.size(); ++g)
        order[g] = g;
    std::sort(order.begin(), order.end(), [&](size_t a, size_t b) {
        return groupCallers[a] != groupCallers[b] ? groupCallers[a] > groupCallers[b] : nameOf[a] < nameOf[b];
    });
    std::vector<int> foldOf(groupCallers.size(), -1);
    int folds = 0;
    for (size_t k = 0; k < order.size() && int(k) < m_options.evidenceTasks && groupCallers[order[k]] > 0; ++k)
        foldOf[order[k]] = folds++;

    // The selection and the drawn tasks in one walk over the rows by caller: per caller its
    // distinct days (they come in order) and its calls in the window, for each of them.
    const std::int64_t lowestWeek = std::max(s.m_minWeek, m_spec.sinceDay ? weekOf(*m_spec.sinceDay) : s.m_minWeek);
    struct Target
    {
        Evidence::CallerSteps steps;
        std::vector<std::int64_t> windowCalls;
        std::vector<std::int32_t> days; // this caller's
        std::int64_t callsNow = 0;
        std::int64_t minDay = std::numeric_limits<std::int64_t>::max();
        bool any = false;
    };
    // Each half of the callers folds into targets of its own (on its own core); the second
    // half's are merged into the first's.
    std::array<std::vector<Target>, 2> halves;
    for (std::vector<Target> &targets : halves)
        for (int t = 0; t <= folds; ++t)
            targets.push_back({Evidence::CallerSteps(m_spec.sinceDay, m_spec.untilDay, end, lowestWeek), {}, {}, 0,
                               std::numeric_limits<std::int64_t>::max(), false});
    const auto addRow = [&](Target &t, std::int32_t day, std::uint32_t calls) {
        if (t.days.empty() || t.days.back() != day)
            t.days.push_back(day);
        if (day >= since && day <= until) // the window (no row here is after the end)
            t.callsNow += calls;
    };
    const auto close = [](Target &t) {
        if (t.days.empty())
            return;
        t.steps.add(t.days.data(), t.days.size());
        t.minDay = std::min<std::int64_t>(t.minDay, t.days.front());
        t.any = true;
        if (t.callsNow > 0)
            t.windowCalls.push_back(t.callsNow);
        t.days.clear();
        t.callsNow = 0;
    };
    inHalves(callerCount, [&](size_t from, size_t to, int half) {
        std::vector<Target> &targets = halves[size_t(half)];
        std::vector<int> touched;
        for (size_t c = from; c < to; ++c) {
            for (std::uint32_t r = s.m_byCallerStart[c], last = s.m_byCallerStart[c + 1]; r < last; ++r) {
                const std::uint32_t in = inSelection[s.m_byCallerModel[r]];
                const std::int32_t day = s.m_byCallerDay[r];
                if (in == NotIn || day > end) // later days change nothing
                    continue;
                addRow(targets[0], day, s.m_byCallerCalls[r]);
                if (const int t = in > 0 ? 1 + foldOf[in - 1] : 0; t > 0) {
                    if (targets[size_t(t)].days.empty())
                        touched.push_back(t);
                    addRow(targets[size_t(t)], day, s.m_byCallerCalls[r]);
                }
            }
            close(targets[0]);
            for (const int t : touched)
                close(targets[size_t(t)]);
            touched.clear();
        }
    });
    std::vector<Target> &targets = halves[0];
    for (size_t t = 0; t < targets.size(); ++t) {
        Target &into = targets[t], &other = halves[1][t];
        into.steps.merge(std::move(other.steps));
        into.windowCalls.insert(into.windowCalls.end(), other.windowCalls.begin(), other.windowCalls.end());
        into.minDay = std::min(into.minDay, other.minDay);
        into.any = into.any || other.any;
    }
    const auto report = [&](Target &t) {
        Evidence::Report r;
        t.steps.finish(t.any ? std::optional<std::int64_t>(t.minDay) : std::nullopt, r);
        Evidence::addBreadth(t.windowCalls, r);
        return r;
    };
    reports.selection = report(targets[0]);

    // The tasks not drawn: their callers alone, which is all their order needs.
    reports.groups.assign(groupCallers.size(), Evidence::Report());
    for (size_t g = 0; g < groupCallers.size(); ++g) {
        if (foldOf[g] >= 0)
            reports.groups[g] = report(targets[size_t(1 + foldOf[g])]);
        else
            reports.groups[g].callers = groupCallers[g];
    }
    if (whole)
        s.m_wholeEvidence = std::make_shared<const WholeEvidence>(WholeEvidence{end, groupOfTask, m_options.evidenceTasks, reports});
}

} // namespace Dashboard

} // namespace uptake
