#include "view/windowscreen.h"

#include "db/callkey.h"
#include "evidence/evidence.h"
#include "ingest/ingest.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace uptake {

namespace {

enum class Kind { Listed, Sum, FirstCall, LastCall, Callers };

Kind kindOf(int column)
{
    using namespace Columns;
    if (fromCallers(column))
        return Kind::Callers;
    switch (column) {
    case Calls:
    case FailedCalls:
    case VerifiedCalls:
    case FeesPaid:
    case ActiveDays: return Kind::Sum;
    case FirstCall: return Kind::FirstCall;
    case LastCall: return Kind::LastCall;
    default: return Kind::Listed;
    }
}

// Values compare as SQLite orders them, NULL least. A first or last call is doubled so that
// both of its forms are integers: 2t for a time t, 2*midnight + 1 for a day known only as a
// day (stored as midnight + 0.5 s).
using Value = std::int64_t;
constexpr Value Null = std::numeric_limits<Value>::min();

// One model's sums over the window, from model_day.
struct Sums
{
    std::int64_t calls = 0, failed = 0, verified = 0, fees = 0, days = 0;
    std::int64_t firstKey = 0, lastKey = 0; // the sortable keys of model_day, when days > 0
};

Value windowValue(int column, const Sums &s)
{
    using namespace Columns;
    switch (column) {
    case Calls: return s.calls;
    case FailedCalls: return s.failed;
    case VerifiedCalls: return s.verified;
    case FeesPaid: return s.fees;
    case ActiveDays: return s.days;
    // On the scale of allTimeValue: twice the stored value (models/db/callkey.h).
    case FirstCall: return s.days == 0 ? Null : CallKey::twiceStoredFirst(s.firstKey);
    case LastCall: return s.days == 0 ? Null : CallKey::twiceStoredLast(s.lastKey);
    }
    return Null;
}

// The all-time value of the walk's column 1, on the same scale as windowValue.
Value allTimeValue(int column, const Statement &st)
{
    if (st.isNull(1))
        return Null;
    if (kindOf(column) == Kind::LastCall || kindOf(column) == Kind::FirstCall)
        return Columns::isDayOnly(st, 1) ? Value(std::llround(st.real(1) * 2)) : st.int64(1) * 2;
    return st.int64(1);
}

struct Entry
{
    Value value;
    std::int64_t id;
};

class Finder
{
public:
    Finder(Database &db, const ViewSpec &spec)
        : m_spec(spec)
        , m_sums(db, "SELECT sum(calls), sum(failed), sum(verified), sum(fees), count(*), min(f), max(l)"
                     " FROM model_day WHERE model = ?1 AND day >= ?2 AND day <= ?3")
    {
    }

    // The window's sums of a model; one never called has none to read.
    Sums sums(std::int64_t id, std::int64_t allTimeCalls)
    {
        Sums s;
        if (allTimeCalls == 0)
            return s;
        // (reset() clears the bindings too)
        m_sums.bind(1, id)
            .bind(2, m_spec.sinceDay.value_or(std::numeric_limits<std::int64_t>::min() / 2))
            .bind(3, m_spec.untilDay.value_or(std::numeric_limits<std::int64_t>::max() / 2));
        if (m_sums.step() && !m_sums.isNull(4) && m_sums.int64(4) > 0)
            s = Sums{m_sums.int64(0), m_sums.int64(1), m_sums.int64(2), m_sums.int64(3),
                     m_sums.int64(4), m_sums.int64(5), m_sums.int64(6)};
        m_sums.reset();
        return s;
    }

    // The filters that depend on the window, tested on its sums.
    bool passes(const Sums &s) const
    {
        if (m_spec.usage == ViewSpec::Usage::Called && s.calls == 0)
            return false;
        if (m_spec.usage == ViewSpec::Usage::Never && s.calls != 0)
            return false;
        return !m_spec.minCalls || s.calls >= *m_spec.minCalls;
    }
    bool filtersOnWindow() const
    {
        return m_spec.usage == ViewSpec::Usage::Called || m_spec.usage == ViewSpec::Usage::Never || m_spec.minCalls;
    }

private:
    const ViewSpec &m_spec;
    Statement m_sums;
};

// The same filters without the window, as far as they hold there too: a model called in the
// window is called at all, and has at least as many calls in all.
ViewSpec allTimeSpec(const ViewSpec &spec)
{
    ViewSpec base = spec;
    base.sinceDay.reset();
    base.untilDay.reset();
    if (base.usage == ViewSpec::Usage::Never)
        base.usage = ViewSpec::Usage::All;
    return base;
}

} // namespace

namespace WindowScreen {

bool supports(const ViewSpec &spec)
{
    if (!spec.hasWindow() || spec.usage == ViewSpec::Usage::Repeat || spec.minRepeatCallers || spec.hasEvidenceFilter())
        return false;
    const Kind kind = kindOf(spec.sortColumn);
    if (kind == Kind::Callers || (kind == Kind::FirstCall && spec.sortDescending))
        return false;
    return ViewQuery::walk(allTimeSpec(spec), false).has_value();
}

std::optional<std::vector<std::int64_t>> firstIds(Database &db, const ViewSpec &spec, int count)
{
    if (!supports(spec) || count <= 0)
        return std::nullopt;
    const int column = spec.sortColumn;
    const Kind kind = kindOf(column);
    const ViewSpec base = allTimeSpec(spec);
    Finder finder(db, spec);
    std::vector<std::int64_t> ids;

    if (kind == Kind::Listed) {
        // The all-time order is the window's: the filters on the window are all there is to test.
        const SqlQuery q = *ViewQuery::walk(base, false);
        Statement st(db, q.sql);
        q.bindTo(st);
        while (int(ids.size()) < count && st.step()) {
            const std::int64_t id = st.int64(0);
            if (!finder.filtersOnWindow() || finder.passes(finder.sums(id, st.int64(2))))
                ids.push_back(id);
        }
        return ids;
    }

    if (!spec.sortDescending) {
        // Ascending: the least value first (0, or no call), in id order. Walking ids, the
        // first count models with it are the answer; if fewer exist, every other model met
        // on the way is sorted behind them.
        const SqlQuery q = *ViewQuery::walk(base, true);
        Statement st(db, q.sql);
        q.bindTo(st);
        const Value least = kind == Kind::Sum ? 0 : Null;
        std::vector<Entry> others;
        while (int(ids.size()) < count && st.step()) {
            const std::int64_t id = st.int64(0);
            const Sums s = finder.sums(id, st.int64(2));
            if (!finder.passes(s))
                continue;
            const Value v = windowValue(column, s);
            if (v == least)
                ids.push_back(id);
            else
                others.push_back({v, id});
        }
        if (int(ids.size()) < count) {
            std::sort(others.begin(), others.end(),
                      [](const Entry &a, const Entry &b) { return a.value != b.value ? a.value < b.value : a.id < b.id; });
            for (size_t i = 0; i < others.size() && int(ids.size()) < count; ++i)
                ids.push_back(others[i].id);
        }
        return ids;
    }

    // Descending: the threshold walk down the all-time index.
    auto before = [](const Entry &a, const Entry &b) { return a.value != b.value ? a.value > b.value : a.id > b.id; };
    std::vector<Entry> best; // in view order, at most count
    const SqlQuery q = *ViewQuery::walk(base, false);
    Statement st(db, q.sql);
    q.bindTo(st);
    while (st.step()) {
        const Entry bound{allTimeValue(column, st), st.int64(0)};
        // Every model still to come is at or below this bound, in the window as in all time.
        if (int(best.size()) == count && !before(bound, best.back()))
            break;
        const Sums s = finder.sums(bound.id, st.int64(2));
        if (!finder.passes(s))
            continue;
        const Entry e{windowValue(column, s), bound.id};
        if (int(best.size()) == count && !before(e, best.back()))
            continue;
        best.insert(std::upper_bound(best.begin(), best.end(), e, before), e);
        if (int(best.size()) > count)
            best.pop_back();
    }
    for (const Entry &e : best)
        ids.push_back(e.id);
    return ids;
}

void fillTable(Database &db, const ViewSpec &spec, const std::string &table)
{
    const std::int64_t since = spec.sinceDay.value_or(std::numeric_limits<std::int64_t>::min() / 2);
    const std::int64_t until = spec.untilDay.value_or(std::numeric_limits<std::int64_t>::max() / 2);
    Statement sums(db, "SELECT model, sum(calls), sum(failed), sum(verified), sum(fees), count(*), min(f), max(l)"
                       " FROM model_day WHERE day >= ?1 AND day <= ?2 GROUP BY model");
    sums.bind(1, since).bind(2, until);
    Statement callers(db, "SELECT caller FROM usage_daily WHERE model = ?1 AND day >= ?2 AND day <= ?3");
    Statement insert(db, "INSERT INTO temp." + table
                             + "(model, calls, failed, uc, rc, verified, fees, f, l, days)"
                               " VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)");
    std::vector<std::int64_t> seen; // one entry per (day, caller) row of the model
    while (sums.step()) {
        const std::int64_t model = sums.int64(0);
        seen.clear();
        callers.bind(1, model).bind(2, since).bind(3, until);
        while (callers.step())
            seen.push_back(callers.int64(0));
        callers.reset();
        const CallerCounts counted = countCallers(seen); // active days in the window
        insert.bind(1, model)
            .bind(2, sums.int64(1))
            .bind(3, sums.int64(2))
            .bind(4, counted.unique)
            .bind(5, counted.repeat)
            .bind(6, sums.int64(3))
            .bind(7, sums.int64(4))
            .bind(10, sums.int64(5));
        bindFirstCall(insert, 8, sums.int64(6));
        bindLastCall(insert, 9, sums.int64(7));
        insert.run();
    }
}

std::string filledTable(Database &db, const ViewSpec &spec)
{
    if (!spec.hasWindow())
        return {};
    static const std::string name = "uptake_window_once";
    db.exec(ViewQuery::createWindowTable(name));
    fillTable(db, spec, name);
    if (spec.hasEvidenceFilter())
        Evidence::fillWindowTable(db, spec, name);
    return name;
}

} // namespace WindowScreen

} // namespace uptake
