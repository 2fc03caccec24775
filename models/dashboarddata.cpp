#include "dashboarddata.h"

#include "database.h"

#include <QElapsedTimer>

#include <algorithm>
#include <cmath>
#include <map>
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
    db.exec("DROP TABLE IF EXISTS temp.dash_ids; DROP TABLE IF EXISTS temp.dash_cw;");
}

} // namespace

double giniOf(const Histogram &h)
{
    long double n = 0, total = 0, weighted = 0;
    for (const auto &[value, count] : h) {
        // Ranks n+1 .. n+count share one value: their rank sum is count*n + count*(count+1)/2.
        const long double c = count;
        weighted += (long double)value * (c * n + c * (c + 1) / 2);
        total += (long double)value * c;
        n += c;
    }
    if (n == 0 || total == 0)
        return 0;
    // Same formula as Figures::gini: G = 2 * sum(i * x_i) / (n * sum x) - (n + 1) / n.
    return double(2 * weighted / (n * total) - (n + 1) / n);
}

double topShareOf(const Histogram &h, double fraction)
{
    std::int64_t n = 0;
    long double total = 0;
    for (const auto &[value, count] : h) {
        n += count;
        total += (long double)value * count;
    }
    if (n == 0 || total == 0)
        return 0;
    // As Figures::topShare: the ceil(n * fraction) models with most calls, at least one.
    std::int64_t k = std::max<std::int64_t>(1, std::int64_t(std::ceil(double(n) * fraction)));
    long double top = 0;
    for (auto it = h.rbegin(); it != h.rend() && k > 0; ++it) {
        const std::int64_t take = std::min(k, it->second);
        top += (long double)it->first * take;
        k -= take;
    }
    return double(top / total);
}

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

void computeModels(Database &db, const ViewSpec &spec, const Options &options, DashboardData &data)
{
    QElapsedTimer timer;
    timer.start();
    data.cacheHasUsage = db.queryInt("SELECT EXISTS(SELECT 1 FROM usage_daily)").value_or(0) != 0;

    // One pass over the view, grouped by everything the model-side charts need.
    SqlQuery q = viewCte(spec);
    q.sql += "SELECT task, listed, calls, verified_calls > 0, fees_paid > 0, repeat_callers > 0,"
             " CASE WHEN listed AND created_at IS NOT NULL THEN (created_at / 86400 + 3) / 7 END,"
             " count(*), sum(repeat_callers) FROM v GROUP BY 1, 2, 3, 4, 5, 6, 7";
    Statement st(db, q.sql);
    q.bindTo(st);

    std::map<QString, TaskSum> byTask;
    std::map<std::int64_t, std::int64_t> histogram, createdWeeks;
    std::int64_t listed = 0, called = 0, verified = 0, paid = 0, kept = 0, undated = 0;
    data.viewModels = 0;
    data.viewCalls = 0;
    while (st.step()) {
        const QString task = st.isNull(0) ? QString() : st.text(0);
        const bool isListed = st.int64(1) != 0;
        const std::int64_t calls = st.int64(2);
        const bool hasVerified = st.int64(3) != 0, hasPaid = st.int64(4) != 0, hasRepeat = st.int64(5) != 0;
        const std::int64_t count = st.int64(7), repeatSum = st.int64(8);
        data.viewModels += count;
        data.viewCalls += calls * count;
        TaskSum &t = byTask[task.trimmed()];
        t.calls += calls * count;
        t.repeat += repeatSum;
        if (!isListed)
            continue;
        t.listed += count;
        histogram[calls] += count;
        if (st.isNull(6))
            undated += count;
        else
            createdWeeks[st.int64(6)] += count;
        listed += count;
        if (calls > 0) {
            called += count;
            if (hasVerified) {
                verified += count;
                if (hasPaid) {
                    paid += count;
                    if (hasRepeat)
                        kept += count;
                }
            }
        }
    }

    data.tasks = foldTasks(byTask, options.topTasks);

    const Histogram h(histogram.begin(), histogram.end());
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

    data.funnel.models = nestedSteps({
        {"listed", "Listed", listed, {}},
        {"called", "Called at least once", called, {}},
        {"verified", "…with a verified call (TEE/ZKML)", verified, {}},
        {"paid", "…and paid for", paid, {}},
        {"kept", "…and kept a repeat caller", kept, {}},
    });

    data.weekly.undatedModels = undated;
    data.weekly.listedByWeek.assign(createdWeeks.begin(), createdWeeks.end());
    data.msModels = timer.elapsed();
}

void computeUsage(Database &db, const ViewSpec &spec, const Options &options, DashboardData &data)
{
    QElapsedTimer timer;
    timer.start();
    dropTemp(db);
    std::string range;
    std::vector<std::int64_t> params;
    if (spec.sinceDay) {
        range += " AND day >= ?";
        params.push_back(*spec.sinceDay);
    }
    if (spec.untilDay) {
        range += " AND day <= ?";
        params.push_back(*spec.untilDay);
    }
    if (!wholeCatalogue(spec)) {
        db.exec("CREATE TEMP TABLE dash_ids(id INTEGER PRIMARY KEY)");
        SqlQuery ids = viewCte(spec);
        ids.sql = "INSERT INTO temp.dash_ids " + ids.sql + "SELECT id FROM v";
        Statement st(db, ids.sql);
        ids.bindTo(st);
        st.run();
        range += " AND model IN temp.dash_ids";
    }
    // Per caller and week: calls, distinct days, and whether any call was verified or paid.
    // Everything caller-side follows from this table, which is far smaller than usage_daily.
    db.exec("CREATE TEMP TABLE dash_cw(caller INTEGER NOT NULL, wk INTEGER NOT NULL, calls INTEGER, days INTEGER,"
            " v INTEGER, p INTEGER, PRIMARY KEY(caller, wk)) WITHOUT ROWID");
    {
        Statement st(db, "INSERT INTO temp.dash_cw SELECT caller, (day + 3) / 7, sum(c), count(*), max(v), max(p) FROM"
                         " (SELECT caller, day, sum(calls) AS c, max(tee_calls + zkml_calls > 0) AS v,"
                         " max(fees_nano > 0) AS p FROM usage_daily WHERE 1" + range + " GROUP BY caller, day)"
                         " GROUP BY 1, 2");
        int i = 1;
        for (const std::int64_t p : params)
            st.bind(i++, p);
        st.run();
    }

    {
        Statement st(db, "SELECT count(*), coalesce(sum(v), 0), coalesce(sum(v AND p), 0),"
                         " coalesce(sum(v AND p AND d >= 2), 0) FROM"
                         " (SELECT max(v) AS v, max(p) AS p, sum(days) AS d FROM temp.dash_cw GROUP BY caller)");
        st.step();
        data.funnel.callers = nestedSteps({
            {"all", "Called a model of the view", st.int64(0), {}},
            {"verified", "…made a verified call (TEE/ZKML)", st.int64(1), {}},
            {"paying", "…and paid a fee", st.int64(2), {}},
            {"returning", "…and came back on another day", st.int64(3), {}},
        });
    }

    // The buckets: the window where it is given, else the weeks with usage.
    std::optional<std::int64_t> firstWeek, lastWeek;
    if (spec.sinceDay)
        firstWeek = weekOf(*spec.sinceDay);
    if (spec.untilDay)
        lastWeek = weekOf(*spec.untilDay);
    if (!firstWeek || !lastWeek) {
        Statement st(db, "SELECT min(wk), max(wk) FROM temp.dash_cw");
        st.step();
        if (!st.isNull(0)) {
            if (!firstWeek)
                firstWeek = st.int64(0);
            if (!lastWeek)
                lastWeek = st.int64(1);
        }
    }
    WeeklyData &w = data.weekly;
    w.weeks.clear();
    w.weeksPerBucket = 1;
    if (firstWeek && lastWeek && *lastWeek >= *firstWeek) {
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

        // A caller returns in a bucket when it was active in an earlier bucket of the series.
        Statement st(db, "WITH f AS (SELECT caller, (min(wk) - ?1) / ?2 AS fb FROM temp.dash_cw GROUP BY caller),"
                         " cb AS (SELECT caller, (wk - ?1) / ?2 AS b, sum(calls) AS calls FROM temp.dash_cw"
                         " GROUP BY caller, b)"
                         " SELECT cb.b, sum(cb.calls), count(*), sum(cb.b > f.fb) FROM cb JOIN f USING (caller)"
                         " GROUP BY cb.b ORDER BY cb.b");
        st.bind(1, base).bind(2, k);
        while (st.step()) {
            const std::int64_t b = st.int64(0);
            if (b < 0 || b >= buckets)
                continue;
            WeekPoint &p = w.weeks[size_t(b)];
            p.calls = st.int64(1);
            p.activeCallers = st.int64(2);
            p.returningCallers = st.int64(3);
        }
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
    dropTemp(db);
    data.msUsage = timer.elapsed();
}

void computeTop(Database &db, const ViewSpec &spec, const Options &options, DashboardData &data)
{
    QElapsedTimer timer;
    timer.start();
    SqlQuery q = viewCte(spec);
    q.sql += "SELECT model_id, listed, calls, unique_callers, repeat_callers, repeat_rate FROM v WHERE calls > 0"
             " ORDER BY calls DESC, id DESC LIMIT ?";
    Statement st(db, q.sql);
    q.bindTo(st);
    st.bind(int(q.params.size()) + 1, options.topModels);
    data.top.clear();
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
    data.msTop = timer.elapsed();
}

DashboardData compute(Database &db, const ViewSpec &spec, const Options &options)
{
    DashboardData data;
    computeTop(db, spec, options, data);
    computeModels(db, spec, options, data);
    computeUsage(db, spec, options, data);
    return data;
}

} // namespace Dashboard
