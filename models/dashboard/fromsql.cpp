// Dashboard::Computation's SQL route: the figures read from the view's SQL and usage_daily, without a Snapshot.
#include "dashboard/dashboarddata.h"

#include "dashboard/dashboardparts.h"
#include "db/database.h"
#include "text/textrules.h"

#include <algorithm>
#include <cstdint>
#include <limits>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace uptake {

namespace Dashboard {

using namespace Parts;

namespace {

void dropTemp(Database &db)
{
    db.exec("DROP TABLE IF EXISTS temp.dash_ids");
}

} // namespace

void Computation::modelsFromSql(DashboardData &data)
{
    ModelSums sums;
    std::map<QString, TaskSum> byTask;
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
            m_called.push_back({ std::uint32_t(st.int64(7)), st.int64(2), st.int64(8), st.int64(5) });
    }
    m_haveIds = true;
    m_haveCalled = true;
    for (const auto &[task, sum] : byTaskText)
        byTask.emplace(QString::fromUtf8(task.data(), qsizetype(task.size())), sum);
    sums.finish(std::move(byTask), m_options, data);
}

void Computation::topFromSql(DashboardData &data)
{
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
    struct CallerState {
        std::int64_t firstDay;
        bool multiDay = false, verified = false, paid = false;
        std::vector<std::int64_t> weeks; // distinct; a caller is seen in few weeks
    };
    std::unordered_map<std::int64_t, std::uint32_t> callerIndex;
    std::vector<CallerState> callers;
    std::unordered_map<std::int64_t, std::int64_t> weekCalls;
    std::int64_t minWeek = std::numeric_limits<std::int64_t>::max(), maxWeek = std::numeric_limits<std::int64_t>::min();
    {
        Statement st(m_db,
            "SELECT day, caller, calls, tee_calls + zkml_calls + verified_unsplit > 0, fees_nano > 0 FROM usage_daily"
            " WHERE 1"
                + range);
        int i = 1;
        for (const std::int64_t p : params)
            st.bind(i++, p);
        while (st.step()) {
            const std::int64_t day = st.int64(0);
            const auto [it, added] = callerIndex.try_emplace(st.int64(1), std::uint32_t(callers.size()));
            if (added)
                callers.push_back({ day, false, false, false, {} });
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

} // namespace Dashboard

} // namespace uptake
