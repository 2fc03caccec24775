// Dashboard::Computation's stages and compute(), and what both routes share: the view's SQL, the sums, the curve.
#include "dashboard/dashboarddata.h"

#include "dashboard/dashboardparts.h"
#include "db/database.h"
#include "text/textrules.h"
#include "view/windowscreen.h"

#include <QElapsedTimer>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <map>
#include <string>
#include <unordered_map>
#include <utility>

namespace uptake {

int DemandPoint::sizeClass(std::int64_t calls)
{
    return std::clamp(int(std::floor(std::log10(double(std::max<std::int64_t>(calls, 1))))), 0, SizeClasses - 1);
}

std::pair<int, int> DemandPoint::spot(std::int64_t uniqueCallers, double week4Retention, int coarser)
{
    const double scale = double(1 << std::clamp(coarser, 0, Coarsest));
    return {int(std::lround(40 / scale * std::log10(double(std::max<std::int64_t>(uniqueCallers, 1))))),
            int(std::lround(100 / scale * week4Retention))};
}

namespace Dashboard {

using namespace Parts;

namespace {

double share(std::int64_t part, std::int64_t whole)
{
    return whole > 0 ? double(part) / double(whole) : 0.0;
}

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

} // namespace

SqlQuery Parts::viewCte(const ViewSpec &spec)
{
    SqlQuery q = ViewQuery::selectWithoutWindowEvidence(spec); // the charts read none of it
    const auto order = q.sql.rfind(" ORDER BY ");
    if (order != std::string::npos)
        q.sql.resize(order);
    std::string names = "id";
    for (int c = 0; c < Columns::Count; ++c)
        names += std::string(", ") + Columns::info(c).key;
    q.sql = "WITH v(" + names + ") AS (" + q.sql + ") ";
    return q;
}

bool Parts::wholeCatalogue(const ViewSpec &spec)
{
    return !spec.hasFilter();
}

std::vector<FunnelStep> Parts::nestedSteps(std::vector<FunnelStep> steps)
{
    for (size_t i = 1; i < steps.size(); ++i)
        if (steps[i - 1].count > 0)
            steps[i].shareOfPrevious = double(steps[i].count) / double(steps[i - 1].count);
    return steps;
}

void Parts::ModelSums::finish(std::map<QString, TaskSum> byTask, const Options &options, DashboardData &data) const
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
        { "listed", QT_TRANSLATE_NOOP("uptake::DashboardChartView", "Listed"), listed, {} },
        { "called", QT_TRANSLATE_NOOP("uptake::DashboardChartView", "Called at least once"), called, {} },
        { "verified", QT_TRANSLATE_NOOP("uptake::DashboardChartView", "…with verified calls"), verified, {} },
        { "paid", QT_TRANSLATE_NOOP("uptake::DashboardChartView", "…and paid for"), paid, {} },
        { "kept", QT_TRANSLATE_NOOP("uptake::DashboardChartView", "…kept a repeat caller"), kept, {} },
    });

    data.weekly.undatedModels = undated;
    data.weekly.listedByWeek.assign(createdWeeks.begin(), createdWeeks.end());
    std::sort(data.weekly.listedByWeek.begin(), data.weekly.listedByWeek.end());
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

// ---- Computation ----------------------------------------------------------------------

Computation::Computation(Database &db, const ViewSpec &spec, const Options &options, const Snapshot *snapshot)
    : m_db(db)
    , m_spec(spec)
    , m_options(options)
    // The snapshot holds all-time figures only: a window's demand evidence filter goes to SQL.
    , m_snapshot(snapshot && snapshot->isLoaded() && !(spec.hasWindow() && spec.hasEvidenceFilter()) ? snapshot
                                                                                                   : nullptr)
    , m_whole(wholeCatalogue(spec))
{
}

void Computation::models(DashboardData &data)
{
    QElapsedTimer timer;
    timer.start();
    data.cacheHasUsage = m_db.queryInt("SELECT EXISTS(SELECT 1 FROM usage_daily)").value_or(0) != 0;
    if (m_snapshot)
        modelsFromSnapshot(data);
    else
        modelsFromSql(data);
    data.msModels = timer.elapsed();
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
        topFromSql(data);
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

void Computation::evidence(DashboardData &data)
{
    QElapsedTimer timer;
    timer.start();
    if (!m_haveCalled) {
        DashboardData scratch;
        models(scratch);
    }
    EvidenceData &e = data.evidence;
    e = EvidenceData();
    data.funnel.keptToWeek4.reset();
    // One read snapshot for the window's table, the selection's day rows and the models' figures.
    std::optional<Transaction> snapshot;
    if (sqlite3_get_autocommit(m_db.handle()))
        snapshot.emplace(m_db, Transaction::Kind::Deferred);
    const std::string windowTable = m_snapshot ? std::string() : WindowScreen::filledTable(m_db, m_spec);

    // The called models' tasks and, all time, their week-4 retention, which the usage writer
    // keeps (a window's is folded below): from the snapshot, or one primary-key lookup each.
    // Their ids are looked up later, only for the points the demand map draws.
    const bool allTime = !m_spec.hasWindow();
    std::vector<std::optional<double>> week4(m_called.size());
    struct Info
    {
        QString task;
        int group = -1;
        bool found = false;
    };
    std::vector<Info> info(m_called.size());
    std::unordered_map<std::int64_t, size_t> at;
    std::map<QString, int> groupOfTask;
    std::vector<QString> taskNames;
    auto groupFor = [&](Info &m) {
        if (m.task.isEmpty())
            return;
        const auto [it, added] = groupOfTask.try_emplace(m.task, int(taskNames.size()));
        if (added)
            taskNames.push_back(m.task);
        m.group = it->second;
    };
    if (m_snapshot) {
        const Snapshot &s = *m_snapshot;
        for (size_t i = 0; i < m_called.size(); ++i) {
            const size_t id = m_called[i].id;
            Info &m = info[i];
            m.found = true;
            m.task = s.m_taskNames[s.m_task[id]];
            groupFor(m);
            if (allTime && !std::isnan(s.m_week4[id]))
                week4[i] = s.m_week4[id];
        }
    } else {
        at.reserve(m_called.size());
        Statement st(m_db, "SELECT task, week4_retention FROM models WHERE id = ?");
        for (size_t i = 0; i < m_called.size(); ++i) {
            st.reset();
            st.bind(1, std::int64_t(m_called[i].id));
            if (!st.step())
                continue;
            Info &m = info[i];
            m.found = true;
            if (!st.isNull(0)) {
                const std::string_view task = TextRules::trim(st.textView(0));
                m.task = QString::fromUtf8(task.data(), qsizetype(task.size()));
            }
            groupFor(m);
            at.emplace(std::int64_t(m_called[i].id), i);
            if (allTime && !st.isNull(1))
                week4[i] = st.real(1);
        }
    }

    Evidence::GroupedReports reports;
    const std::optional<std::int64_t> end = Figures::evidenceEnd(m_db, m_spec);
    if (!end) {
        // No usage in the cache: nobody is eligible, nothing to fold.
    } else if (m_snapshot) {
        // In memory, without reading the day rows twice from SQLite.
        evidenceFromSnapshot(*end, groupOfTask, int(taskNames.size()), reports, allTime ? nullptr : &week4);
    } else {
        // The selection reads every model of the view with usage, also those without calls in the
        // window (their earlier calls are its callers' history): their tasks by lookup.
        Statement taskOf(m_db, "SELECT task FROM models WHERE id = ?");
        reports = Evidence::ofSelectionByGroup(m_db, m_spec, windowTable, int(taskNames.size()), [&](std::int64_t id) {
            if (const auto it = at.find(id); it != at.end())
                return info[it->second].group;
            taskOf.reset();
            taskOf.bind(1, id);
            if (!taskOf.step() || taskOf.isNull(0))
                return -1;
            const std::string_view task = TextRules::trim(taskOf.textView(0));
            const auto g = groupOfTask.find(QString::fromUtf8(task.data(), qsizetype(task.size())));
            return g == groupOfTask.end() ? -1 : g->second;
        });
        if (!allTime) {
            const Evidence::ModelFigureTable figures = Evidence::figuresOfModels(m_db, m_spec, windowTable);
            for (size_t i = 0; i < m_called.size(); ++i)
                week4[i] = figures.of(m_called[i].id).week4Retention;
        }
    }
    e.selection = std::move(reports.selection);
    data.funnel.keptToWeek4 = e.selection.curve[3];

    // The tasks with the most callers (ties by name), each its own curve.
    std::vector<size_t> order(taskNames.size());
    for (size_t i = 0; i < order.size(); ++i)
        order[i] = i;
    std::sort(order.begin(), order.end(), [&](size_t a, size_t b) {
        const std::int64_t ca = reports.groups[a].callers, cb = reports.groups[b].callers;
        return ca != cb ? ca > cb : taskNames[a] < taskNames[b];
    });
    for (const size_t g : order) {
        if (int(e.tasks.size()) >= m_options.evidenceTasks || reports.groups[g].callers == 0)
            break;
        e.tasks.push_back({taskNames[g], reports.groups[g].callers, reports.groups[g].curve});
    }

    // The demand map: each called model's breadth and its own week-4 retention.
    struct Candidate
    {
        size_t called; // index into m_called
        std::int64_t calls, unique;
        double week4;
        int group; // the chart's: a top task's index, or e.tasks.size() for the others
    };
    std::vector<Candidate> candidates;
    std::map<QString, int> chartGroup;
    for (size_t t = 0; t < e.tasks.size(); ++t)
        chartGroup.emplace(e.tasks[t].task, int(t));
    std::vector<std::int64_t> callers;
    for (size_t i = 0; i < m_called.size(); ++i) {
        if (!info[i].found)
            continue;
        if (!week4[i]) {
            ++e.demandLeftOut;
            continue;
        }
        const Called &c = m_called[i];
        const auto g = chartGroup.find(info[i].task);
        candidates.push_back({i, c.calls, c.unique, *week4[i], g == chartGroup.end() ? int(e.tasks.size()) : g->second});
        callers.push_back(c.unique);
    }
    if (!callers.empty()) {
        std::sort(callers.begin(), callers.end());
        const size_t n = callers.size();
        e.medianCallers = n % 2 ? double(callers[n / 2]) : (double(callers[n / 2 - 1]) + double(callers[n / 2])) / 2;
    }
    e.demandModels = std::int64_t(candidates.size());
    // The busiest first, so that the small points are drawn over the large ones; ties by row id
    // here, by model id below.
    std::sort(candidates.begin(), candidates.end(), [&](const Candidate &a, const Candidate &b) {
        return a.calls != b.calls ? a.calls > b.calls : m_called[a.called].id < m_called[b.called].id;
    });
    // Over the limit, the models that would be drawn on the same spot (same colour and size,
    // within a 40th of a decade of callers and a percentage point of retention) are one point:
    // the busiest of them, which the click and the tooltip name, with how many more are there.
    // Still over it, the spot doubles in both directions, up to three times. Hundreds of
    // thousands of markers held the UI thread for many seconds and drew the same; a few
    // thousand still hold it some 20 ms a thousand.
    std::vector<std::pair<size_t, std::int64_t>> drawn; // candidate, models merged into it
    const size_t limit = size_t(std::max(m_options.maxDemandPoints, 0));
    if (candidates.size() <= limit) {
        for (size_t k = 0; k < candidates.size(); ++k)
            drawn.push_back({k, 0});
    } else {
        for (int coarser = 0; coarser <= DemandPoint::Coarsest; ++coarser) {
            drawn.clear();
            std::unordered_map<std::uint64_t, size_t> cell; // -> index into drawn
            for (size_t k = 0; k < candidates.size(); ++k) {
                const Candidate &c = candidates[k];
                const auto [x, y] = DemandPoint::spot(c.unique, c.week4, coarser);
                const std::uint64_t key = (std::uint64_t(c.group) << 40)
                    | (std::uint64_t(DemandPoint::sizeClass(c.calls)) << 32) | (std::uint64_t(x) << 16) | std::uint64_t(y);
                const auto [it, added] = cell.try_emplace(key, drawn.size());
                if (added)
                    drawn.push_back({k, 0});
                else
                    ++drawn[it->second].second;
            }
            if (drawn.size() <= limit)
                break;
        }
    }
    {
        Statement idOf(m_db, "SELECT model_id FROM models WHERE id = ?");
        for (const auto &[k, merged] : drawn) {
            const Candidate &c = candidates[k];
            idOf.reset();
            idOf.bind(1, std::int64_t(m_called[c.called].id));
            if (!idOf.step()) {
                e.demandModels -= 1 + merged; // gone since the snapshot was read (with its spot's)
                continue;
            }
            e.demand.push_back({idOf.text(0), info[c.called].task, c.calls, c.unique, c.week4, merged});
        }
    }
    std::stable_sort(e.demand.begin(), e.demand.end(), [](const DemandPoint &a, const DemandPoint &b) {
        return a.calls != b.calls ? a.calls > b.calls : a.modelId < b.modelId;
    });
    e.computed = true;
    data.msEvidence = timer.elapsed();
}

void Computation::families(DashboardData &data)
{
    QElapsedTimer timer;
    timer.start();
    data.families = Families::rank(m_db, m_spec, size_t(std::max(m_options.topFamilies, 1)), &data.familyBases);
    data.familiesComputed = true;
    data.msFamilies = timer.elapsed();
}

DashboardData compute(Database &db, const ViewSpec &spec, const Options &options, const Snapshot *snapshot)
{
    DashboardData data;
    Computation c(db, spec, options, snapshot);
    c.models(data);
    c.top(data);
    c.usage(data);
    c.evidence(data);
    c.families(data);
    return data;
}

} // namespace Dashboard

} // namespace uptake
