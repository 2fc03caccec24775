#include "ingest/figurewriter.h"

#include "db/callkey.h"
#include "ingest/ingest.h"
#include "view/figures.h"

#include <QString>

#include <algorithm>
#include <climits>
#include <string>

namespace uptake {

namespace {
// A first or last call as stored: Unix seconds, or the day's midnight + 0.5 s as a REAL when
// only the day is known.
struct StoredCall {
    bool dayOnly;
    std::int64_t seconds;
    double real;
};

StoredCall storedFirst(std::int64_t key)
{
    return CallKey::firstIsDayOnly(key) ? StoredCall { true, 0, double(CallKey::midnightOfFirst(key)) + 0.5 }
                                        : StoredCall { false, CallKey::timeOfFirst(key), 0 };
}

StoredCall storedLast(std::int64_t key)
{
    return CallKey::lastIsDayOnly(key) ? StoredCall { true, 0, double(CallKey::midnightOfLast(key)) + 0.5 }
                                       : StoredCall { false, CallKey::timeOfLast(key), 0 };
}

void bindStored(Statement &st, int index, const StoredCall &c)
{
    if (c.dayOnly)
        st.bind(index, c.real);
    else
        st.bind(index, c.seconds);
}

// Whether column holds exactly c, type included.
bool holds(const Statement &st, int column, const StoredCall &c)
{
    if (c.dayOnly)
        return st.columnType(column) == SQLITE_FLOAT && st.real(column) == c.real;
    return st.columnType(column) == SQLITE_INTEGER && st.int64(column) == c.seconds;
}
} // namespace

void bindFirstCall(Statement &st, int index, std::int64_t key)
{
    bindStored(st, index, storedFirst(key));
}

void bindLastCall(Statement &st, int index, std::int64_t key)
{
    bindStored(st, index, storedLast(key));
}

FigureWriter::FigureWriter(Database &db, std::int64_t evidenceEnd)
    : m_db(db)
    , m_evidenceEnd(evidenceEnd)
    , m_old(db,
          "SELECT calls, failed_calls, unique_callers, repeat_callers, verified_calls, fees_nano,"
          " first_call, last_call, active_days, week1_retention, week4_retention, top_caller_share,"
          " effective_callers FROM models WHERE id = ?")
    , m_clearDays(db, "DELETE FROM model_day WHERE model = ?")
    , m_insertDay(db,
          "INSERT INTO model_day(model, day, calls, failed, verified, fees, f, l)"
          " VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")
{
}

void FigureWriter::begin(std::int64_t model, Days days)
{
    m_model = model;
    m_days = days;
    m_calls = m_failed = m_verified = m_fees = m_activeDays = 0;
    m_lastDay = INT64_MIN;
    m_first.reset();
    m_last.reset();
    if (days == Days::Replace)
        m_clearDays.bind(1, model).run();
}

void FigureWriter::add(std::int64_t day, std::int64_t caller, std::int64_t calls, std::int64_t failed,
    std::int64_t verified, std::int64_t fees, std::int64_t f, std::int64_t l)
{
    m_fold.add(caller, day, calls);
    if (day != m_lastDay) {
        if (m_activeDays > 0)
            writeDay();
        m_today = DayTotals { day, 0, 0, 0, 0, f, l };
        ++m_activeDays;
        m_lastDay = day;
    }
    m_calls += calls;
    m_failed += failed;
    m_verified += verified;
    m_fees += fees;
    m_today.calls += calls;
    m_today.failed += failed;
    m_today.verified += verified;
    m_today.fees += fees;
    m_today.f = std::min(m_today.f, f);
    m_today.l = std::max(m_today.l, l);
    if (!m_first || f < *m_first)
        m_first = f;
    if (!m_last || l > *m_last)
        m_last = l;
}

void FigureWriter::end()
{
    if (m_activeDays > 0)
        writeDay();
    // One sort of the model's rows by caller gives its callers and its evidence alike.
    const Evidence::ModelFigures evidence = m_fold.finish(std::nullopt, std::nullopt, m_evidenceEnd);
    const CallerCounts counted { m_fold.callers(), m_fold.repeatCallers() };

    // The new values beside the old ones.
    m_old.bind(1, m_model);
    if (!m_old.step()) {
        m_old.reset();
        throw DbError(QStringLiteral("model %1 vanished during a usage import").arg(m_model), SQLITE_CORRUPT);
    }
    enum { Calls, Failed, Unique, Repeat, Verified, Fees, First, Last, Days, Week1, Week4, Top, Effective, Count };
    static constexpr const char *names[Count] = { "calls", "failed_calls", "unique_callers", "repeat_callers",
        "verified_calls", "fees_nano", "first_call", "last_call", "active_days", "week1_retention",
        "week4_retention", "top_caller_share", "effective_callers" };
    const std::optional<double> reals[Count] = { {}, {}, {}, {}, {}, {}, {}, {}, {}, evidence.week1Retention,
        evidence.week4Retention, evidence.topCallerShare, evidence.effectiveCallers };
    const std::int64_t ints[Count]
        = { m_calls, m_failed, counted.unique, counted.repeat, m_verified, m_fees, 0, 0, m_activeDays, 0, 0, 0, 0 };
    unsigned mask = 0;
    for (int c : { Calls, Failed, Unique, Repeat, Verified, Fees, Days })
        if (m_old.isNull(c) || m_old.int64(c) != ints[c])
            mask |= 1u << c;
    const auto timeChanged = [this](int c, const std::optional<std::int64_t> &key, bool first) {
        if (!key)
            return !m_old.isNull(c);
        return !holds(m_old, c, first ? storedFirst(*key) : storedLast(*key));
    };
    if (timeChanged(First, m_first, true))
        mask |= 1u << First;
    if (timeChanged(Last, m_last, false))
        mask |= 1u << Last;
    for (int c : { Week1, Week4, Top, Effective }) {
        const bool same = reals[c] ? m_old.columnType(c) == SQLITE_FLOAT && m_old.real(c) == *reals[c]
                                   : m_old.isNull(c);
        if (!same)
            mask |= 1u << c;
    }
    m_old.reset();
    if (mask == 0)
        return;

    auto it = m_updates.find(mask);
    if (it == m_updates.end()) {
        std::string sql = "UPDATE models SET ";
        bool comma = false;
        for (int c = 0; c < Count; ++c) {
            if (!(mask & (1u << c)))
                continue;
            sql += (comma ? ", " : "") + std::string(names[c]) + " = ?" + std::to_string(c + 2);
            comma = true;
        }
        sql += " WHERE id = ?1";
        it = m_updates.try_emplace(mask, m_db, sql).first;
    }
    Statement &update = it->second;
    update.bind(1, m_model);
    for (int c : { Calls, Failed, Unique, Repeat, Verified, Fees, Days })
        if (mask & (1u << c))
            update.bind(c + 2, ints[c]);
    if (mask & (1u << First)) {
        if (m_first)
            bindFirstCall(update, First + 2, *m_first);
        else
            update.bindNull(First + 2);
    }
    if (mask & (1u << Last)) {
        if (m_last)
            bindLastCall(update, Last + 2, *m_last);
        else
            update.bindNull(Last + 2);
    }
    for (int c : { Week1, Week4, Top, Effective })
        if (mask & (1u << c)) {
            if (reals[c])
                update.bind(c + 2, *reals[c]);
            else
                update.bindNull(c + 2);
        }
    update.run();
}

void FigureWriter::writeDay()
{
    if (m_days == Days::Keep)
        return;
    m_insertDay.bind(1, m_model)
        .bind(2, m_today.day)
        .bind(3, m_today.calls)
        .bind(4, m_today.failed)
        .bind(5, m_today.verified)
        .bind(6, m_today.fees)
        .bind(7, m_today.f)
        .bind(8, m_today.l)
        .run();
}

void refigureModels(Database &db, const std::vector<std::int64_t> &models, std::int64_t evidenceEnd, bool replaceDays)
{
    // One walk of each model's rows in primary-key order (model, day, caller): much cheaper
    // than GROUP BY model, caller, which needs a sort of the whole range.
    Statement rows(db, "SELECT day, caller, calls, failed_calls, tee_calls + zkml_calls + verified_unsplit, fees_nano,"
                       " first_ts, last_ts FROM usage_daily WHERE model = ?");
    FigureWriter figures(db, evidenceEnd);
    for (const std::int64_t model : models) {
        figures.begin(model, replaceDays ? FigureWriter::Days::Replace : FigureWriter::Days::Keep);
        rows.bind(1, model);
        while (rows.step()) {
            const std::int64_t day = rows.int64(0);
            // A day known only as a day (roll-ups, NULL times) sorts before (first) or after
            // (last) every time of that day, since its calls may lie anywhere in it.
            const std::int64_t f = rows.isNull(6) ? CallKey::firstOfDay(day) : CallKey::first(rows.int64(6));
            const std::int64_t l = rows.isNull(7) ? CallKey::lastOfDay(day) : CallKey::last(rows.int64(7));
            figures.add(day, rows.int64(1), rows.int64(2), rows.int64(3), rows.int64(4), rows.int64(5), f, l);
        }
        rows.reset();
        figures.end();
    }
}

void refigureAllCalled(Database &db)
{
    const std::optional<std::pair<std::int64_t, std::int64_t>> days = Figures::usageDays(db);
    if (!days)
        return;
    std::vector<std::int64_t> models;
    Statement called(db, "SELECT id FROM models WHERE calls > 0 ORDER BY id");
    while (called.step())
        models.push_back(called.int64(0));
    refigureModels(db, models, days->second, false);
}

} // namespace uptake
