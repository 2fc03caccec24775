// Dashboard::Snapshot: the cache's models and usage loaded into memory, and loaded again after a commit.
#include "dashboard/snapshot.h"

#include "dashboard/dashboardparts.h"
#include "db/database.h"
#include "text/textrules.h"

#include <QElapsedTimer>

#include <algorithm>
#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>

namespace uptake {

namespace Dashboard {

using namespace Parts;

std::int64_t Snapshot::bytes() const
{
    return std::int64_t(m_flags.capacity() * 1 + m_calls.capacity() * 8 + m_repeat.capacity() * 4
        + m_unique.capacity() * 4 + m_createdWeek.capacity() * 4 + m_task.capacity() * 4 + m_start.capacity() * 4
        + m_day.capacity() * 4 + m_caller.capacity() * 4 + m_rowCalls.capacity() * 4 + m_rowFlags.capacity());
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
    struct ReadTransaction {
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
        Statement st(db,
            "SELECT id, task, listed, calls, verified_calls > 0, fees_nano > 0, repeat_callers, created_at,"
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
                s.m_createdWeek[i]
                    = std::int32_t(std::clamp<std::int64_t>(weekOf(st.int64(7) / 86400), INT32_MIN + 1, INT32_MAX));
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
        Statement st(db,
            "SELECT model, day, caller, calls, tee_calls + zkml_calls + verified_unsplit > 0, fees_nano > 0 FROM "
            "usage_daily");
        std::int64_t lastModel = -1;
        std::int64_t minDay = std::numeric_limits<std::int64_t>::max(),
                     maxDay = std::numeric_limits<std::int64_t>::min();
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

} // namespace Dashboard

} // namespace uptake
