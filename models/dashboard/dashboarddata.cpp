#include "dashboard/dashboarddata.h"

#include "db/database.h"
#include "text/textrules.h"

#include <QElapsedTimer>

#include <algorithm>
#include <bit>
#include <cstdint>
#include <cmath>
#include <limits>
#include <map>
#include <string_view>
#include <unordered_map>

namespace Dashboard {

namespace {

// The view's rows, unsorted, as a CTE named v whose columns are m.id ("id") and then the
// Columns keys. Built from ViewQuery::select so that the charts filter exactly as the table
// does; without its ORDER BY, SQLite flattens the CTE and evaluates only the columns used.
SqlQuery viewCte(const ViewSpec &spec)
{
    SqlQuery q = ViewQuery::select(spec);
    const auto order = q.sql.rfind(" ORDER BY ");
    if (order != std::string::npos)
        q.sql.resize(order);
    std::string names = "id";
    for (int c = 0; c < Columns::Count; ++c)
        names += std::string(", ") + Columns::info(c).key;
    q.sql = "WITH v(" + names + ") AS (" + q.sql + ") ";
    return q;
}

// True when the view keeps every model, so usage needs no restriction to the view's ids.
bool wholeCatalogue(const ViewSpec &spec)
{
    return spec.search.trimmed().isEmpty() && spec.task.isEmpty() && spec.author.isEmpty()
           && spec.license.isEmpty() && spec.framework.isEmpty() && spec.usage == ViewSpec::Usage::All
           && !spec.minCalls && !spec.minRepeatCallers && !spec.listedFromDay && !spec.listedUntilDay;
}

double share(std::int64_t part, std::int64_t whole)
{
    return whole > 0 ? double(part) / double(whole) : 0.0;
}

std::vector<FunnelStep> nestedSteps(std::vector<FunnelStep> steps)
{
    for (size_t i = 1; i < steps.size(); ++i)
        if (steps[i - 1].count > 0)
            steps[i].shareOfPrevious = double(steps[i].count) / double(steps[i - 1].count);
    return steps;
}

struct StringHash
{
    using is_transparent = void;
    size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
};

struct TaskSum
{
    std::int64_t listed = 0, calls = 0, repeat = 0;
};

TaskChartData foldTasks(const std::map<QString, TaskSum> &byTask, int topTasks)
{
    TaskChartData out;
    for (const auto &[task, s] : byTask) {
        out.listedModels += s.listed;
        out.calls += s.calls;
        out.repeatCallers += s.repeat;
    }
    out.taskCount = std::int64_t(byTask.size());
    std::vector<TaskShare> rows;
    rows.reserve(byTask.size());
    for (const auto &[task, s] : byTask) {
        TaskShare t;
        t.task = task;
        t.listedModels = s.listed;
        t.calls = s.calls;
        t.repeatCallers = s.repeat;
        t.modelShare = share(s.listed, out.listedModels);
        t.callShare = share(s.calls, out.calls);
        t.repeatShare = share(s.repeat, out.repeatCallers);
        rows.push_back(std::move(t));
    }
    // Rank by the larger share, so that tasks big in supply and tasks big in demand both show.
    std::stable_sort(rows.begin(), rows.end(), [](const TaskShare &a, const TaskShare &b) {
        return std::max(a.modelShare, a.callShare) > std::max(b.modelShare, b.callShare);
    });
    const size_t keep = rows.size() > size_t(topTasks) + 1 ? size_t(std::max(topTasks, 1)) : rows.size();
    out.tasks.assign(rows.begin(), rows.begin() + long(keep));
    if (keep < rows.size()) {
        TaskShare other;
        other.other = true;
        for (size_t i = keep; i < rows.size(); ++i) {
            other.listedModels += rows[i].listedModels;
            other.calls += rows[i].calls;
            other.repeatCallers += rows[i].repeatCallers;
        }
        other.modelShare = share(other.listedModels, out.listedModels);
        other.callShare = share(other.calls, out.calls);
        other.repeatShare = share(other.repeatCallers, out.repeatCallers);
        out.tasks.push_back(other);
    }
    return out;
}

void dropTemp(Database &db)
{
    db.exec("DROP TABLE IF EXISTS temp.dash_ids");
}

} // namespace

std::vector<LorenzPoint> lorenzOf(const Histogram &h, int maxPoints)
{
    maxPoints = std::max(maxPoints, 3);
    long double n = 0, total = 0;
    for (const auto &[value, count] : h) {
        n += count;
        total += (long double)value * count;
    }
    if (n == 0 || total == 0)
        return {};
    // The curve is straight between group boundaries (models with equal calls), so the
    // boundaries describe it exactly and any point between them is an exact interpolation.
    std::vector<LorenzPoint> corners{{0, 0}};
    long double cn = 0, ct = 0;
    double zeroCorner = -1;
    for (const auto &[value, count] : h) {
        cn += count;
        ct += (long double)value * count;
        corners.push_back({double(cn / n), double(ct / total)});
        if (value == 0)
            zeroCorner = double(cn / n);
    }
    if (corners.size() <= size_t(maxPoints))
        return corners;

    // Too many: an even grid, plus the corner where called models begin (the curve's kink).
    std::vector<double> xs;
    const int grid = maxPoints - (zeroCorner > 0 ? 1 : 0);
    for (int i = 0; i < grid; ++i)
        xs.push_back(double(i) / double(grid - 1));
    if (zeroCorner > 0)
        xs.push_back(zeroCorner);
    std::sort(xs.begin(), xs.end());
    xs.erase(std::unique(xs.begin(), xs.end()), xs.end());

    std::vector<LorenzPoint> out;
    out.reserve(xs.size());
    size_t k = 1;
    for (const double x : xs) {
        while (k + 1 < corners.size() && corners[k].modelShare < x)
            ++k;
        const LorenzPoint &a = corners[k - 1];
        const LorenzPoint &b = corners[k];
        double y = b.callShare;
        if (b.modelShare > a.modelShare && x < b.modelShare)
            y = a.callShare + (b.callShare - a.callShare) * (x - a.modelShare) / (b.modelShare - a.modelShare);
        out.push_back({x, std::clamp(y, 0.0, 1.0)});
    }
    out.front() = {0, 0};
    out.back() = {1, 1};
    return out;
}

namespace {

// Per model, what the model-side charts sum; shared by the SQL and the snapshot paths.
struct ModelSums
{
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

    void finish(std::map<QString, TaskSum> byTask, const Options &options, DashboardData &data) const
    {
        data.viewModels = viewModels;
        data.viewCalls = viewCalls;
        data.tasks = foldTasks(byTask, options.topTasks);

        Histogram h(histogram.begin(), histogram.end());
        std::sort(h.begin(), h.end());
        ConcentrationData &c = data.concentration;
        c = ConcentrationData();
        c.listedModels = listed;
        c.calledModels = called;
        for (const auto &[value, count] : h)
            c.calls += value * count;
        c.neverCalledShare = listed ? double(listed - called) / double(listed) : 0;
        c.gini = giniOf(h);
        c.top1Share = topShareOf(h, 0.01);
        c.top10Share = topShareOf(h, 0.10);
        c.lorenz = lorenzOf(h, options.maxLorenzPoints);

        // Labels are translated where they are drawn (DashboardChartView); marked here for lupdate.
        data.funnel.models = nestedSteps({
            {"listed", QT_TRANSLATE_NOOP("DashboardChartView", "Listed"), listed, {}},
            {"called", QT_TRANSLATE_NOOP("DashboardChartView", "Called at least once"), called, {}},
            {"verified", QT_TRANSLATE_NOOP("DashboardChartView", "…with verified calls"), verified, {}},
            {"paid", QT_TRANSLATE_NOOP("DashboardChartView", "…and paid for"), paid, {}},
            {"kept", QT_TRANSLATE_NOOP("DashboardChartView", "…kept a repeat caller"), kept, {}},
        });

        data.weekly.undatedModels = undated;
        data.weekly.listedByWeek.assign(createdWeeks.begin(), createdWeeks.end());
        std::sort(data.weekly.listedByWeek.begin(), data.weekly.listedByWeek.end());
    }
};

// The caller side, after the usage rows were folded per caller: the callers' funnel and the
// buckets. forEachCaller(fn) calls fn(verified, paid, multiDay, weeks ascending) per caller;
// callsOfWeek(week) the calls of one week; [minWeek, maxWeek] the weeks with usage (when any).
template<typename ForEachCaller, typename CallsOfWeek>
void finishUsage(const ViewSpec &spec, const Options &options, DashboardData &data, bool anyUsage,
                 std::int64_t minWeek, std::int64_t maxWeek, ForEachCaller forEachCaller, CallsOfWeek callsOfWeek)
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
        {"all", QT_TRANSLATE_NOOP("DashboardChartView", "Callers"), all, {}},
        {"verified", QT_TRANSLATE_NOOP("DashboardChartView", "…made a verified call"), verified, {}},
        {"paying", QT_TRANSLATE_NOOP("DashboardChartView", "…and paid a fee"), paying, {}},
        {"returning", QT_TRANSLATE_NOOP("DashboardChartView", "…came back another day"), returning, {}},
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

} // namespace

// ---- Snapshot -------------------------------------------------------------------------

std::int64_t Snapshot::bytes() const
{
    return std::int64_t(m_flags.capacity() * 1 + m_calls.capacity() * 8 + m_repeat.capacity() * 4 + m_unique.capacity() * 4
                        + m_createdWeek.capacity() * 4 + m_task.capacity() * 4 + m_start.capacity() * 4
                        + m_day.capacity() * 4 + m_caller.capacity() * 4 + m_rowCalls.capacity() * 4
                        + m_rowFlags.capacity());
}

bool Snapshot::refresh(Database &db)
{
    const std::int64_t version = db.queryInt("PRAGMA data_version").value_or(0);
    if (m_loaded && version == m_dataVersion)
        return false;
    QElapsedTimer timer;
    timer.start();
    m_loaded = false;
    // One read transaction, so that models and usage come from the same state of the cache
    // even while an import commits.
    struct ReadTransaction
    {
        Database &db;
        explicit ReadTransaction(Database &d)
            : db(d)
        {
            db.exec("BEGIN");
        }
        ~ReadTransaction()
        {
            try {
                db.exec("COMMIT");
            } catch (const DbError &) {
            }
        }
    } readTransaction(db);
    Snapshot s;
    s.m_dataVersion = version;
    const std::int64_t maxId = db.queryInt("SELECT coalesce(max(id), 0) FROM models").value_or(0);
    if (maxId > 200'000'000)
        return false; // row ids this sparse would waste memory: stay with SQL
    const size_t n = size_t(maxId) + 1;
    s.m_flags.assign(n, 0);
    s.m_calls.assign(n, 0);
    s.m_repeat.assign(n, 0);
    s.m_unique.assign(n, 0);
    s.m_createdWeek.assign(n, std::numeric_limits<std::int32_t>::min());
    s.m_task.assign(n, 0);
    {
        std::unordered_map<std::string, std::uint32_t, StringHash, std::equal_to<>> tasks;
        Statement st(db, "SELECT id, task, listed, calls, verified_calls > 0, fees_nano > 0, repeat_callers, created_at,"
                         " unique_callers FROM models");
        while (st.step()) {
            const std::int64_t id = st.int64(0);
            if (id < 0 || id > maxId)
                continue;
            const size_t i = size_t(id);
            const std::string_view task = st.isNull(1) ? std::string_view() : TextRules::trim(st.textView(1));
            auto it = tasks.find(task);
            if (it == tasks.end()) {
                it = tasks.emplace(std::string(task), std::uint32_t(s.m_taskNames.size())).first;
                s.m_taskNames.push_back(QString::fromUtf8(task.data(), qsizetype(task.size())));
            }
            s.m_task[i] = it->second;
            s.m_flags[i] = std::uint8_t(1 | (st.int64(2) ? 2 : 0) | (st.int64(4) ? 4 : 0) | (st.int64(5) ? 8 : 0));
            s.m_calls[i] = st.int64(3);
            s.m_repeat[i] = std::uint32_t(std::clamp<std::int64_t>(st.int64(6), 0, UINT32_MAX));
            s.m_unique[i] = std::uint32_t(std::clamp<std::int64_t>(st.int64(8), 0, UINT32_MAX));
            if (!st.isNull(7))
                s.m_createdWeek[i] = std::int32_t(std::clamp<std::int64_t>(weekOf(st.int64(7) / 86400), INT32_MIN + 1,
                                                                            INT32_MAX));
            ++s.m_models;
        }
    }
    {
        const std::int64_t rows = db.queryInt("SELECT count(*) FROM usage_daily").value_or(0);
        s.m_day.reserve(size_t(rows));
        s.m_caller.reserve(size_t(rows));
        s.m_rowCalls.reserve(size_t(rows));
        s.m_rowFlags.reserve(size_t(rows));
        s.m_start.assign(n + 1, 0);
        std::unordered_map<std::int64_t, std::uint32_t> callers;
        // The primary key's order: rows come grouped by model, which is what m_start needs.
        Statement st(db, "SELECT model, day, caller, calls, tee_calls + zkml_calls + verified_unsplit > 0, fees_nano > 0 FROM usage_daily");
        std::int64_t lastModel = -1;
        std::int64_t minDay = std::numeric_limits<std::int64_t>::max(), maxDay = std::numeric_limits<std::int64_t>::min();
        while (st.step()) {
            const std::int64_t model = st.int64(0), day = st.int64(1), calls = st.int64(3);
            if (model < lastModel || model > maxId || model < 0 || day < INT32_MIN || day > INT32_MAX || calls < 0
                || calls > UINT32_MAX)
                return false; // not what this compact form can hold: stay with SQL
            for (std::int64_t m = lastModel + 1; m <= model; ++m)
                s.m_start[size_t(m)] = std::uint32_t(s.m_day.size());
            lastModel = model;
            const auto [it, added] = callers.try_emplace(st.int64(2), std::uint32_t(callers.size()));
            s.m_day.push_back(std::int32_t(day));
            s.m_caller.push_back(it->second);
            s.m_rowCalls.push_back(std::uint32_t(calls));
            s.m_rowFlags.push_back(std::uint8_t((st.int64(4) ? 1 : 0) | (st.int64(5) ? 2 : 0)));
            minDay = std::min(minDay, day);
            maxDay = std::max(maxDay, day);
            if (s.m_day.size() >= UINT32_MAX)
                return false;
        }
        for (std::int64_t m = lastModel + 1; m <= maxId + 1; ++m)
            s.m_start[size_t(m)] = std::uint32_t(s.m_day.size());
        s.m_callers = std::uint32_t(callers.size());
        if (!s.m_day.empty()) {
            s.m_minWeek = weekOf(minDay);
            s.m_maxWeek = weekOf(maxDay);
        }
    }
    *this = std::move(s);
    m_loaded = true;
    m_loadMs = timer.elapsed();
    return true;
}

// ---- Computation ----------------------------------------------------------------------

Computation::Computation(Database &db, const ViewSpec &spec, const Options &options, const Snapshot *snapshot)
    : m_db(db)
    , m_spec(spec)
    , m_options(options)
    , m_snapshot(snapshot && snapshot->isLoaded() ? snapshot : nullptr)
    , m_whole(wholeCatalogue(spec))
{
}

void Computation::models(DashboardData &data)
{
    QElapsedTimer timer;
    timer.start();
    data.cacheHasUsage = m_db.queryInt("SELECT EXISTS(SELECT 1 FROM usage_daily)").value_or(0) != 0;
    ModelSums sums;
    std::map<QString, TaskSum> byTask;

    if (m_snapshot) {
        modelsFromSnapshot(data);
        data.msModels = timer.elapsed();
        return;
    }
    {
        // One pass over the view; SQL filters and projects, the sums are kept here.
        SqlQuery q = viewCte(m_spec);
        q.sql += "SELECT task, listed, calls, verified_calls > 0, fees_paid > 0, repeat_callers, created_at, id,"
                 " unique_callers FROM v";
        Statement st(m_db, q.sql);
        q.bindTo(st);
        std::unordered_map<std::string, TaskSum, StringHash, std::equal_to<>> byTaskText;
        m_ids.clear();
        m_called.clear();
        while (st.step()) {
            const std::string_view task = st.isNull(0) ? std::string_view() : TextRules::trim(st.textView(0));
            auto it = byTaskText.find(task);
            if (it == byTaskText.end())
                it = byTaskText.emplace(std::string(task), TaskSum()).first;
            sums.add(it->second, st.int64(1) != 0, st.int64(2), st.int64(3) != 0, st.int64(4) != 0, st.int64(5),
                     st.isNull(6) ? std::nullopt : std::optional<std::int64_t>(weekOf(st.int64(6) / 86400)));
            if (!m_whole)
                m_ids.push_back(std::uint32_t(st.int64(7)));
            if (st.int64(2) > 0)
                m_called.push_back({std::uint32_t(st.int64(7)), st.int64(2), st.int64(8), st.int64(5)});
        }
        m_haveIds = true;
        m_haveCalled = true;
        for (const auto &[task, sum] : byTaskText)
            byTask.emplace(QString::fromUtf8(task.data(), qsizetype(task.size())), sum);
    }
    sums.finish(std::move(byTask), m_options, data);
    data.msModels = timer.elapsed();
}

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
    const std::optional<SqlQuery> searchOnly = wholeCatalogue(otherThanSearch) ? ViewQuery::searchIds(base) : std::nullopt;
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
            case ViewSpec::Usage::Unlisted: break;
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
            m_called.push_back({std::uint32_t(i), calls, unique, repeat});
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

void Computation::top(DashboardData &data)
{
    QElapsedTimer timer;
    timer.start();
    data.top.clear();
    if (m_haveCalled) {
        // The models stage saw every called model of the view with its figures: the most called
        // come from there, and only their names from SQL, by id.
        const auto before = [](const Called &a, const Called &b) {
            return a.calls != b.calls ? a.calls > b.calls : a.id > b.id;
        };
        const size_t n = std::min(m_called.size(), size_t(std::max(m_options.topModels, 0)));
        std::partial_sort(m_called.begin(), m_called.begin() + long(n), m_called.end(), before);
        std::string list;
        for (size_t i = 0; i < n; ++i) {
            if (i > 0)
                list += ',';
            list += std::to_string(m_called[i].id);
        }
        if (!list.empty()) {
            Statement st(m_db, "SELECT id, model_id, listed FROM models WHERE id IN (" + list + ")");
            std::unordered_map<std::int64_t, std::pair<QString, bool>> names;
            while (st.step())
                names.emplace(st.int64(0), std::make_pair(st.text(1), st.int64(2) != 0));
            for (size_t i = 0; i < n; ++i) {
                const Called &c = m_called[i];
                const auto it = names.find(c.id);
                if (it == names.end())
                    continue;
                TopModel m;
                m.modelId = it->second.first;
                m.listed = it->second.second;
                m.calls = c.calls;
                m.uniqueCallers = c.unique;
                m.repeatCallers = c.repeat;
                if (c.unique > 0)
                    m.repeatRate = double(c.repeat) / double(c.unique);
                data.top.push_back(std::move(m));
            }
        }
    } else {
        SqlQuery q = viewCte(m_spec);
        q.sql += "SELECT model_id, listed, calls, unique_callers, repeat_callers, repeat_rate FROM v WHERE calls > 0"
                 " ORDER BY calls DESC, id DESC LIMIT ?";
        Statement st(m_db, q.sql);
        q.bindTo(st);
        st.bind(int(q.params.size()) + 1, m_options.topModels);
        while (st.step()) {
            TopModel m;
            m.modelId = st.text(0);
            m.listed = st.int64(1) != 0;
            m.calls = st.int64(2);
            m.uniqueCallers = st.int64(3);
            m.repeatCallers = st.int64(4);
            if (!st.isNull(5))
                m.repeatRate = st.real(5);
            data.top.push_back(std::move(m));
        }
    }
    data.msTop = timer.elapsed();
}

void Computation::usage(DashboardData &data)
{
    QElapsedTimer timer;
    timer.start();
    if (m_snapshot && (m_whole || m_haveIds))
        usageFromSnapshot(data);
    else
        usageFromSql(data);
    data.weekly.evidenceEnd = Figures::evidenceEnd(m_db, m_spec);
    data.msUsage = timer.elapsed();
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
            state[c] |= s.m_rowFlags[r];
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

void Computation::usageFromSql(DashboardData &data)
{
    dropTemp(m_db);
    std::string range;
    std::vector<std::int64_t> params;
    if (m_spec.sinceDay) {
        range += " AND day >= ?";
        params.push_back(*m_spec.sinceDay);
    }
    if (m_spec.untilDay) {
        range += " AND day <= ?";
        params.push_back(*m_spec.untilDay);
    }
    if (!m_whole) {
        m_db.exec("CREATE TEMP TABLE dash_ids(id INTEGER PRIMARY KEY)");
        if (m_haveIds) {
            Statement ins(m_db, "INSERT INTO temp.dash_ids VALUES(?)");
            for (const std::uint32_t id : m_ids) {
                ins.bind(1, std::int64_t(id));
                ins.run();
            }
        } else {
            SqlQuery ids = viewCte(m_spec);
            ids.sql = "INSERT INTO temp.dash_ids " + ids.sql + "SELECT id FROM v";
            Statement st(m_db, ids.sql);
            ids.bindTo(st);
            st.run();
        }
        range += " AND model IN temp.dash_ids";
    }

    // One pass over the window's usage rows, each folded into its caller's state.
    struct CallerState
    {
        std::int64_t firstDay;
        bool multiDay = false, verified = false, paid = false;
        std::vector<std::int64_t> weeks; // distinct; a caller is seen in few weeks
    };
    std::unordered_map<std::int64_t, std::uint32_t> callerIndex;
    std::vector<CallerState> callers;
    std::unordered_map<std::int64_t, std::int64_t> weekCalls;
    std::int64_t minWeek = std::numeric_limits<std::int64_t>::max(), maxWeek = std::numeric_limits<std::int64_t>::min();
    {
        Statement st(m_db, "SELECT day, caller, calls, tee_calls + zkml_calls + verified_unsplit > 0, fees_nano > 0 FROM usage_daily"
                           " WHERE 1" + range);
        int i = 1;
        for (const std::int64_t p : params)
            st.bind(i++, p);
        while (st.step()) {
            const std::int64_t day = st.int64(0);
            const auto [it, added] = callerIndex.try_emplace(st.int64(1), std::uint32_t(callers.size()));
            if (added)
                callers.push_back({day, false, false, false, {}});
            CallerState &c = callers[it->second];
            if (day != c.firstDay)
                c.multiDay = true;
            c.verified = c.verified || st.int64(3) != 0;
            c.paid = c.paid || st.int64(4) != 0;
            const std::int64_t week = weekOf(day);
            if (std::find(c.weeks.begin(), c.weeks.end(), week) == c.weeks.end())
                c.weeks.push_back(week);
            weekCalls[week] += st.int64(2);
            minWeek = std::min(minWeek, week);
            maxWeek = std::max(maxWeek, week);
        }
    }
    dropTemp(m_db);
    for (CallerState &c : callers)
        std::sort(c.weeks.begin(), c.weeks.end());
    finishUsage(
        m_spec, m_options, data, !callers.empty(), minWeek, maxWeek,
        [&](auto &&fn) {
            for (const CallerState &c : callers)
                fn(c.verified, c.paid, c.multiDay, c.weeks);
        },
        [&](std::int64_t week) {
            const auto it = weekCalls.find(week);
            return it == weekCalls.end() ? std::int64_t(0) : it->second;
        });
}

DashboardData compute(Database &db, const ViewSpec &spec, const Options &options, const Snapshot *snapshot)
{
    DashboardData data;
    Computation c(db, spec, options, snapshot);
    c.models(data);
    c.top(data);
    c.usage(data);
    return data;
}

} // namespace Dashboard
