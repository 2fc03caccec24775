#include "evidence/evidence.h"

#include "db/database.h"
#include "db/keymix.h"
#include "progress.h"
#include "text/textrules.h"
#include "view/figures.h"
#include "view/windowscreen.h"

#include <QJsonValue>

#include <algorithm>
#include <stdexcept>
#include <charconv>
#include <cmath>
#include <functional>
#include <limits>
#include <map>
#include <memory>

namespace uptake {

namespace Evidence {

namespace {

using TextRules::weekOf;

// Per caller, by pseudonym, open addressing: its dense index, its day rows and its calls in
// the window in one 24-byte slot, so that a day row costs one probe (one cache miss, at 200k
// callers) where std::unordered_map took a division and two pointer chases and a separate
// per-caller array a second miss (the fold took 2.9 s for 10M calls, then 2.0, then 1.6).
// Pseudonyms are keyed hashes: their bits are already uniform, so the low bits pick the slot.
class CallerTable final
{
public:
    struct Slot
    {
        std::int64_t caller = 0;
        std::uint32_t index = Empty;
        std::uint32_t rows = 0;
        std::int64_t windowCalls = 0;
    };
    static constexpr std::uint32_t Empty = std::numeric_limits<std::uint32_t>::max();

    // The caller's slot, made (with the next index) when it is new.
    Slot &at(std::int64_t caller)
    {
        if (4 * (m_size + 1) > 3 * m_slots.size())
            grow();
        Slot *slot = find(caller);
        if (slot->index == Empty) {
            slot->caller = caller;
            slot->index = std::uint32_t(m_size++);
        }
        return *slot;
    }
    size_t size() const { return m_size; }
    const std::vector<Slot> &table() const { return m_slots; } // (not "slots": a Qt macro)

private:
    Slot *find(std::int64_t caller)
    {
        const size_t mask = m_slots.size() - 1;
        for (size_t i = size_t(std::uint64_t(caller)) & mask;; i = (i + 1) & mask)
            if (m_slots[i].index == Empty || m_slots[i].caller == caller)
                return &m_slots[i];
    }

    void grow()
    {
        std::vector<Slot> old(std::max<size_t>(1024, 2 * m_slots.size()));
        old.swap(m_slots);
        for (const Slot &s : old)
            if (s.index != Empty)
                *find(s.caller) = s;
    }

    std::vector<Slot> m_slots;
    size_t m_size = 0;
};

// The rules of contract 3b, shared by the full fold (Fold) and the export's per-model figures
// (ModelFold), so that the two cannot disagree.

bool inWindow(std::int64_t day, std::optional<std::int64_t> since, std::optional<std::int64_t> until)
{
    return (!since || day >= *since) && (!until || day <= *until);
}

// A caller counts for retention when the window brought it: its first day in the window, and
// not after the evidence end.
bool countsForRetention(std::int64_t first, std::optional<std::int64_t> since, std::optional<std::int64_t> until,
                        std::int64_t end)
{
    return inWindow(first, since, until) && first <= end;
}

// Period k of a caller first seen on `first` is over by the evidence end.
bool eligible(std::int64_t first, int k, std::int64_t end)
{
    return first + 7 * k + 6 <= end;
}

// Bit k (1..Periods) set when the caller called in its period k; d: its days, ascending and
// unique, d[0] its first day.
unsigned returnedPeriods(const std::int32_t *d, size_t n)
{
    const std::int64_t f = d[0];
    unsigned returnedMask = 0;
    for (size_t i = 1; i < n; ++i) {
        const std::int64_t k = (d[i] - f) / 7;
        if (k > Periods)
            break;
        if (k >= 1)
            returnedMask |= 1u << k;
    }
    return returnedMask;
}

// Breadth over the callers' calls in the window (those with calls there), sorted descending.
} // namespace

void addBreadth(std::vector<std::int64_t> &calls, Report &r)
{
    std::sort(calls.begin(), calls.end(), std::greater<>());
    for (const std::int64_t n : calls) {
        r.calls += n;
        r.sumOfSquares += double(n) * double(n);
    }
    r.callers = std::int64_t(calls.size());
    r.topCallerCalls = calls.empty() ? 0 : calls.front();
    std::int64_t running = 0;
    for (const std::int64_t n : calls) {
        if (2 * running >= r.calls)
            break;
        running += n;
        ++r.halfCallers;
    }
}

CallerSteps::CallerSteps(std::optional<std::int64_t> since, std::optional<std::int64_t> until, std::int64_t end,
                         std::int64_t lowestWeek)
    : m_since(since)
    , m_until(until)
    , m_end(end)
    , m_lowestWeek(lowestWeek)
    , m_lastWeek(weekOf(end))
{
    if (m_lowestWeek <= m_lastWeek)
        m_weeks.resize(size_t(m_lastWeek - m_lowestWeek + 1));
}

CallerSteps::~CallerSteps() = default;

void CallerSteps::add(const std::int32_t *d, size_t n)
{
    if (n == 0)
        return;
    const std::int64_t f = d[0];
    // Retention: callers first seen in the window, their returns up to the evidence end.
    if (countsForRetention(f, m_since, m_until, m_end)) {
        const unsigned returnedMask = returnedPeriods(d, n);
        Cohort &c = m_cohorts[weekOf(f)];
        ++c.callers;
        for (int k = 1; k <= Periods; ++k) {
            if (!eligible(f, k, m_end))
                break;
            Counts &p = c.periods[size_t(k - 1)];
            ++p.eligible;
            p.returned += (returnedMask >> k) & 1u;
        }
    }

    // Lifecycle: the caller's active weeks, in order.
    auto at = [&](std::int64_t week) -> LifecycleWeek * {
        if (week < m_lowestWeek || week > m_lastWeek || m_weeks.empty())
            return nullptr;
        return &m_weeks[size_t(week - m_lowestWeek)];
    };
    const std::int64_t firstOwnWeek = weekOf(f);
    std::int64_t previous = std::numeric_limits<std::int64_t>::min();
    for (size_t i = 0; i < n;) {
        const std::int64_t week = weekOf(d[i]);
        while (i < n && weekOf(d[i]) == week)
            ++i;
        if (LifecycleWeek *w = at(week)) {
            if (week == firstOwnWeek)
                ++w->newCallers;
            else if (previous == week - 1)
                ++w->returning;
            else
                ++w->resurrecting;
        }
        const bool nextWeekActive = i < n && weekOf(d[i]) == week + 1;
        if (!nextWeekActive)
            if (LifecycleWeek *w = at(week + 1))
                ++w->dormant;
        previous = week;
    }
}

void CallerSteps::merge(CallerSteps &&other)
{
    if (other.m_weeks.size() != m_weeks.size() || other.m_lowestWeek != m_lowestWeek || other.m_end != m_end
        || other.m_since != m_since || other.m_until != m_until)
        throw std::logic_error("CallerSteps::merge: folds made with other arguments");
    for (size_t i = 0; i < m_weeks.size(); ++i) {
        LifecycleWeek &w = m_weeks[i];
        const LifecycleWeek &o = other.m_weeks[i];
        w.newCallers += o.newCallers;
        w.returning += o.returning;
        w.resurrecting += o.resurrecting;
        w.dormant += o.dormant;
    }
    for (const auto &[week, c] : other.m_cohorts) {
        Cohort &into = m_cohorts[week];
        into.callers += c.callers;
        for (size_t k = 0; k < c.periods.size(); ++k) {
            into.periods[k].returned += c.periods[k].returned;
            into.periods[k].eligible += c.periods[k].eligible;
        }
    }
    other.m_weeks = {};
    other.m_cohorts.clear();
}

void CallerSteps::finish(std::optional<std::int64_t> minDay, Report &r)
{
    r.evidenceEnd = m_end;
    // The weeks reported: from the first with a call (or the window's first) to the evidence
    // end's; none without a day.
    if (minDay) {
        const std::int64_t firstWeek = weekOf(std::max(*minDay, m_since.value_or(*minDay)));
        if (firstWeek <= m_lastWeek && firstWeek >= m_lowestWeek) {
            r.lifecycle.assign(m_weeks.begin() + std::ptrdiff_t(firstWeek - m_lowestWeek), m_weeks.end());
            for (size_t i = 0; i < r.lifecycle.size(); ++i)
                r.lifecycle[i].week = TextRules::mondayOf(firstWeek + std::int64_t(i));
            // Sunday ends a week: day 3 is 1970-01-04, a Sunday.
            r.lifecycle.back().partial = weekOf(m_end + 1) == m_lastWeek;
        }
    }
    m_weeks = {};
    for (auto &[week, c] : m_cohorts) {
        c.week = TextRules::mondayOf(week);
        for (int k = 0; k < Periods; ++k) {
            r.curve[size_t(k)].returned += c.periods[size_t(k)].returned;
            r.curve[size_t(k)].eligible += c.periods[size_t(k)].eligible;
        }
        r.cohorts.push_back(c);
    }
    m_cohorts.clear();
}

// Folds day rows (caller, day, calls) into a Report. Memory: 8 bytes per day row while
// reading and a slot per caller (CallerTable); then the rows are placed by caller (a counting
// sort: the counts are known) as 4-byte days, each caller's few days sorted and made unique
// (a day it called several models of a selection counts once), and the callers counted one
// at a time, so nothing per caller outlives its turn.
class Fold final
{
public:
    // denseCallers > 0: the callers are numbered 0 .. denseCallers - 1, and their slots are
    // an array rather than a hash table.
    Fold(std::optional<std::int64_t> since, std::optional<std::int64_t> until, std::int64_t end,
         std::uint32_t denseCallers = 0)
        : m_since(since)
        , m_until(until)
        , m_end(end)
        , m_dense(denseCallers)
    {
    }

    void add(std::int64_t caller, std::int64_t day, std::int64_t calls)
    {
        CallerTable::Slot &c = m_dense.empty() ? m_callers.at(caller) : denseAt(caller);
        ++c.rows;
        if (inWindow(day))
            c.windowCalls += calls;
        m_rows.push_back(std::uint64_t(c.index) << 32 | std::uint32_t(std::int32_t(day)));
        m_minDay = std::min(m_minDay, day);
        ++m_rowsAdded;
    }

    Report finish()
    {
        Report r;
        r.evidenceEnd = m_end;
        // Each caller's days together: where a caller's run starts, then every row in its place.
        const size_t callers = m_dense.empty() ? m_callers.size() : m_denseSize;
        std::vector<size_t> start(callers + 1, 0);
        std::vector<std::int64_t> windowCalls;
        for (const CallerTable::Slot &c : m_dense.empty() ? m_callers.table() : m_dense)
            if (c.index != CallerTable::Empty) {
                start[c.index + 1] = c.rows;
                if (c.windowCalls > 0)
                    windowCalls.push_back(c.windowCalls);
            }
        m_callers = {}; // no longer needed: free it before the days are placed
        m_dense = {};
        for (size_t i = 0; i < callers; ++i)
            start[i + 1] += start[i];
        std::vector<std::int32_t> days(m_rows.size());
        {
            std::vector<size_t> next(start.begin(), start.end() - 1);
            for (const std::uint64_t row : m_rows)
                days[next[size_t(row >> 32)]++] = std::int32_t(std::uint32_t(row));
        }
        m_rows = {};

        // Weeks from the first with a call (or the window's first) to the evidence end's.
        // (No rows: m_minDay is still its sentinel, which weekOf must not see.)
        CallerSteps steps(m_since, m_until, m_end,
                          days.empty() ? weekOf(m_end) : weekOf(std::max(m_minDay, m_since.value_or(m_minDay))));
        for (size_t caller = 0; caller < callers; ++caller) {
            std::int32_t *const d = days.data() + start[caller];
            std::int32_t *const dEnd = days.data() + start[caller + 1];
            std::sort(d, dEnd);
            steps.add(d, size_t(std::unique(d, dEnd) - d));
        }
        days = {};
        steps.finish(m_rowsAdded == 0 ? std::nullopt : std::optional<std::int64_t>(m_minDay), r);

        // Breadth, over the calls in the window.
        addBreadth(windowCalls, r);
        return r;
    }

private:
    bool inWindow(std::int64_t day) const { return Evidence::inWindow(day, m_since, m_until); }

    std::optional<std::int64_t> m_since, m_until;
    std::int64_t m_end;
    std::int64_t m_minDay = std::numeric_limits<std::int64_t>::max();
    size_t m_rowsAdded = 0;
    CallerTable::Slot &denseAt(std::int64_t caller)
    {
        CallerTable::Slot &c = m_dense.at(size_t(caller)); // throws for a number out of range
        if (c.index == CallerTable::Empty)
            c.index = std::uint32_t(m_denseSize++);
        return c;
    }

    CallerTable m_callers;
    std::vector<CallerTable::Slot> m_dense; // by caller number, when numbered densely
    size_t m_denseSize = 0;
    std::vector<std::uint64_t> m_rows; // caller index << 32 | day
};

namespace {

// Rows of one model up to the evidence end: later days change nothing (a caller first seen
// after it is in no cohort, and no week after its week is reported). Each row goes to fold
// and, when given, to also.
void readModel(Statement &st, std::int64_t model, std::int64_t end, Fold &fold, Fold *also = nullptr)
{
    st.reset(); // clears the bindings too
    st.bind(1, model).bind(2, end);
    while (st.step()) {
        fold.add(st.int64(0), st.int64(1), st.int64(2));
        if (also)
            also->add(st.int64(0), st.int64(1), st.int64(2));
    }
}

constexpr const char *kDayRows = "SELECT caller, day, calls FROM usage_daily WHERE model = ? AND day <= ?";

void append(std::string &out, std::int64_t n)
{
    char buf[24];
    const auto res = std::to_chars(buf, buf + sizeof buf, n);
    out.append(buf, res.ptr);
}

void appendDay(std::string &out, std::int64_t day)
{
    out += '"';
    out += TextRules::formatDay(day);
    out += '"';
}

QJsonValue optional(const std::optional<double> &v)
{
    return v ? QJsonValue(*v) : QJsonValue(QJsonValue::Null);
}

// The row ids of the view's models that have calls, as ViewQuery selects them.
std::vector<std::int64_t> calledModels(Database &db, const ViewSpec &spec, const std::string &windowTable)
{
    std::vector<std::int64_t> models;
    const SqlQuery q = ViewQuery::calledIds(spec, windowTable);
    Statement st(db, q.sql);
    q.bindTo(st);
    while (st.step())
        models.push_back(st.int64(0));
    return models;
}

} // namespace

void ModelFold::add(std::int64_t caller, std::int64_t day, std::int64_t calls)
{
    m_rows.push_back({caller, calls, std::int32_t(day)});
}

ModelFigures ModelFold::finish(std::optional<std::int64_t> since, std::optional<std::int64_t> until, std::int64_t end)
{
    std::sort(m_rows.begin(), m_rows.end(), [](const Row &a, const Row &b) {
        return a.caller != b.caller ? a.caller < b.caller : a.day < b.day;
    });
    Report r;
    m_windowCalls.clear();
    m_callerCount = m_repeatCount = 0;
    for (size_t i = 0; i < m_rows.size();) {
        const std::int64_t caller = m_rows[i].caller;
        m_days.clear();
        std::int64_t windowCalls = 0;
        for (; i < m_rows.size() && m_rows[i].caller == caller; ++i) {
            const Row &row = m_rows[i];
            if (m_days.empty() || m_days.back() != row.day)
                m_days.push_back(row.day);
            if (inWindow(row.day, since, until))
                windowCalls += row.calls;
        }
        if (windowCalls > 0)
            m_windowCalls.push_back(windowCalls);
        ++m_callerCount;
        m_repeatCount += m_days.size() >= 2;
        const std::int64_t f = m_days[0];
        if (countsForRetention(f, since, until, end)) {
            const unsigned returned = returnedPeriods(m_days.data(), m_days.size());
            for (const int k : {1, 4})
                if (eligible(f, k, end)) {
                    Counts &p = r.curve[size_t(k - 1)];
                    ++p.eligible;
                    p.returned += (returned >> k) & 1u;
                }
        }
    }
    addBreadth(m_windowCalls, r);
    m_rows.clear();
    if (m_rows.capacity() > (size_t(1) << 20))
        m_rows = {}; // one busy model need not hold its memory for all the others
    return {r.week1Retention(), r.week4Retention(), r.topCallerShare(), r.effectiveCallers()};
}

std::optional<double> Report::retention(int k) const
{
    if (k < 1 || k > Periods || curve[size_t(k - 1)].eligible == 0)
        return std::nullopt;
    return double(curve[size_t(k - 1)].returned) / double(curve[size_t(k - 1)].eligible);
}

std::optional<double> Report::topCallerShare() const
{
    if (calls == 0)
        return std::nullopt;
    return double(topCallerCalls) / double(calls);
}

std::optional<double> Report::effectiveCallers() const
{
    if (calls == 0 || sumOfSquares <= 0)
        return std::nullopt;
    return double(calls) * double(calls) / sumOfSquares;
}

std::optional<LifecycleWeek> Report::lastCompleteWeek() const
{
    for (auto it = lifecycle.rbegin(); it != lifecycle.rend(); ++it)
        if (!it->partial)
            return *it;
    return std::nullopt;
}

std::optional<std::int64_t> modelRowId(Database &db, const QString &modelId)
{
    Statement st(db, "SELECT id FROM models WHERE model_id = ?");
    st.bind(1, modelId);
    if (!st.step())
        return std::nullopt;
    return st.int64(0);
}

Report ofModel(Database &db, std::int64_t model, const ViewSpec &spec)
{
    const std::optional<std::int64_t> end = Figures::evidenceEnd(db, spec);
    if (!end)
        return {};
    Fold fold(spec.sinceDay, spec.untilDay, *end);
    Statement st(db, kDayRows);
    readModel(st, model, *end, fold);
    return fold.finish();
}

Report ofSelection(Database &db, const ViewSpec &spec)
{
    // Filtering on a window's figures by aggregating the window inside the query took 5.6 s
    // and 340 MB at 10M calls; its TEMP table, 0.8 s.
    return ofSelection(db, spec, WindowScreen::filledTable(db, spec));
}

Report ofSelection(Database &db, const ViewSpec &spec, const std::string &windowTable)
{
    // One read snapshot: the selection and its day rows from the same state of the cache
    // (unless the caller holds a transaction already, which is one).
    std::optional<Transaction> snapshot;
    if (sqlite3_get_autocommit(db.handle()))
        snapshot.emplace(db, Transaction::Kind::Deferred);
    const std::optional<std::int64_t> end = Figures::evidenceEnd(db, spec);
    if (!end)
        return {};
    std::vector<std::int64_t> models = calledModels(db, spec, windowTable);
    Fold fold(spec.sinceDay, spec.untilDay, *end);
    Statement st(db, kDayRows);
    for (const std::int64_t model : models)
        readModel(st, model, *end, fold);
    return fold.finish();
}

GroupedReports ofSelectionByGroup(Database &db, const ViewSpec &spec, const std::string &windowTable, int groups,
                                  const std::function<int(std::int64_t)> &groupOf)
{
    std::optional<Transaction> snapshot;
    if (sqlite3_get_autocommit(db.handle()))
        snapshot.emplace(db, Transaction::Kind::Deferred);
    GroupedReports out;
    out.groups.resize(size_t(std::max(groups, 0)));
    const std::optional<std::int64_t> end = Figures::evidenceEnd(db, spec);
    if (!end)
        return out;
    const std::vector<std::int64_t> models = calledModels(db, spec, windowTable);
    Fold fold(spec.sinceDay, spec.untilDay, *end);
    std::vector<Fold> groupFolds(out.groups.size(), Fold(spec.sinceDay, spec.untilDay, *end));
    Statement st(db, kDayRows);
    for (const std::int64_t model : models) {
        const int g = groupOf ? groupOf(model) : -1;
        readModel(st, model, *end, fold, g >= 0 && g < groups ? &groupFolds[size_t(g)] : nullptr);
    }
    out.selection = fold.finish();
    for (size_t g = 0; g < groupFolds.size(); ++g)
        out.groups[g] = groupFolds[g].finish();
    return out;
}

SelectionFold::SelectionFold(std::optional<std::int64_t> since, std::optional<std::int64_t> until, std::int64_t end,
                             std::uint32_t denseCallers)
    : m_fold(std::make_unique<Fold>(since, until, end, denseCallers))
    , m_dense(denseCallers > 0)
{
}

SelectionFold::~SelectionFold() = default;
SelectionFold::SelectionFold(SelectionFold &&) noexcept = default;
SelectionFold &SelectionFold::operator=(SelectionFold &&) noexcept = default;

void SelectionFold::add(std::int64_t caller, std::int64_t day, std::int64_t calls)
{
    if (m_dense) {
        m_fold->add(caller, day, calls);
        return;
    }
    // CallerTable takes the low bits of a pseudonym for its slot; keys from elsewhere (the
    // snapshot's dense caller numbers) would pile up in runs that linear probing walks (16 s
    // instead of 0.3 s at 2M calls), so they are scrambled first, one to one (splitmix64's
    // finaliser, a bijection: distinct callers stay distinct).
    m_fold->add(std::int64_t(mix64(std::uint64_t(caller))), day, calls);
}

Report SelectionFold::finish()
{
    return m_fold->finish();
}

ModelFigures ModelFigureTable::of(std::int64_t model) const
{
    const auto it = std::lower_bound(m_ids.begin(), m_ids.end(), model);
    if (it == m_ids.end() || *it != model)
        return {};
    const std::array<double, 4> &v = m_values[size_t(it - m_ids.begin())];
    auto get = [](double x) { return std::isnan(x) ? std::nullopt : std::optional<double>(x); };
    return {get(v[0]), get(v[1]), get(v[2]), get(v[3])};
}

void ModelFigureTable::append(std::int64_t model, const ModelFigures &f)
{
    const double none = std::numeric_limits<double>::quiet_NaN();
    m_ids.push_back(model);
    m_values.push_back({f.week1Retention.value_or(none), f.week4Retention.value_or(none),
                        f.topCallerShare.value_or(none), f.effectiveCallers.value_or(none)});
}

ModelFigureTable figuresOfModels(Database &db, const ViewSpec &spec)
{
    std::optional<Transaction> snapshot;
    if (sqlite3_get_autocommit(db.handle()))
        snapshot.emplace(db, Transaction::Kind::Deferred);
    return figuresOfModels(db, spec, WindowScreen::filledTable(db, spec));
}

namespace {

// Each model's figures in spec's window, in the order given (ascending ids walk usage_daily
// forwards), to each(model, figures). keepGoing, when given, is asked now and then.
void foldEach(Database &db, const ViewSpec &spec, std::int64_t end, const std::vector<std::int64_t> &models,
              const std::function<bool()> &keepGoing,
              const std::function<void(std::int64_t, const ModelFigures &)> &each)
{
    ModelFold fold;
    Statement st(db, kDayRows);
    for (size_t i = 0; i < models.size(); ++i) {
        if (keepGoing && i % 1024 == 0 && !keepGoing())
            throw Cancelled();
        st.reset();
        st.bind(1, models[i]).bind(2, end);
        while (st.step())
            fold.add(st.int64(0), st.int64(1), st.int64(2));
        each(models[i], fold.finish(spec.sinceDay, spec.untilDay, end));
    }
}

} // namespace

ModelFigureTable figuresOfModels(Database &db, const ViewSpec &spec, const std::string &windowTable,
                                 const std::function<bool()> &keepGoing)
{
    ModelFigureTable table;
    const std::optional<std::int64_t> end = Figures::evidenceEnd(db, spec);
    if (!end)
        return table;
    std::vector<std::int64_t> models = calledModels(db, spec, windowTable);
    std::sort(models.begin(), models.end());
    foldEach(db, spec, *end, models, keepGoing,
             [&table](std::int64_t model, const ModelFigures &f) { table.append(model, f); });
    return table;
}

void fillWindowTable(Database &db, const ViewSpec &spec, const std::string &table,
                     const std::function<bool()> &keepGoing)
{
    const std::optional<std::int64_t> end = Figures::evidenceEnd(db, spec);
    if (!end)
        return;
    std::vector<std::int64_t> models;
    {
        Statement ids(db, "SELECT model FROM temp." + table + " ORDER BY model");
        while (ids.step())
            models.push_back(ids.int64(0));
    }
    Statement update(db, "UPDATE temp." + table + " SET w1 = ?2, w4 = ?3, top = ?4, eff = ?5 WHERE model = ?1");
    const auto bindOptional = [&update](int index, const std::optional<double> &v) {
        if (v)
            update.bind(index, *v);
        else
            update.bindNull(index);
    };
    foldEach(db, spec, *end, models, keepGoing, [&](std::int64_t model, const ModelFigures &f) {
        update.bind(1, model);
        bindOptional(2, f.week1Retention);
        bindOptional(3, f.week4Retention);
        bindOptional(4, f.topCallerShare);
        bindOptional(5, f.effectiveCallers);
        update.run();
    });
}

std::string retentionJson(const Report &r)
{
    std::string out = "{\n  \"evidence_end\": ";
    if (r.evidenceEnd)
        appendDay(out, *r.evidenceEnd);
    else
        out += "null";
    out += ",\n  \"curve\": [";
    for (int k = 1; k <= Periods; ++k) {
        out += k == 1 ? "\n    " : ",\n    ";
        out += "{\"period\": ";
        append(out, k);
        out += ", \"returned\": ";
        append(out, r.curve[size_t(k - 1)].returned);
        out += ", \"eligible\": ";
        append(out, r.curve[size_t(k - 1)].eligible);
        out += '}';
    }
    out += "\n  ],\n  \"cohorts\": [";
    for (size_t i = 0; i < r.cohorts.size(); ++i) {
        const Cohort &c = r.cohorts[i];
        out += i == 0 ? "\n    " : ",\n    ";
        out += "{\"week\": ";
        appendDay(out, c.week);
        out += ", \"callers\": ";
        append(out, c.callers);
        for (const char *key : {"returned", "eligible"}) {
            out += ", \"";
            out += key;
            out += "\": [";
            for (int k = 0; k < Periods; ++k) {
                if (k > 0)
                    out += ", ";
                const Counts &p = c.periods[size_t(k)];
                append(out, key[0] == 'r' ? p.returned : p.eligible);
            }
            out += ']';
        }
        out += '}';
    }
    out += r.cohorts.empty() ? "]\n}\n" : "\n  ]\n}\n";
    return out;
}

std::string lifecycleJson(const Report &r)
{
    std::string out = "{\n  \"weeks\": [";
    for (size_t i = 0; i < r.lifecycle.size(); ++i) {
        const LifecycleWeek &w = r.lifecycle[i];
        out += i == 0 ? "\n    " : ",\n    ";
        out += "{\"week\": ";
        appendDay(out, w.week);
        out += ", \"new\": ";
        append(out, w.newCallers);
        out += ", \"returning\": ";
        append(out, w.returning);
        out += ", \"resurrecting\": ";
        append(out, w.resurrecting);
        out += ", \"dormant\": ";
        append(out, w.dormant);
        out += w.partial ? ", \"partial\": true}" : ", \"partial\": false}";
    }
    out += r.lifecycle.empty() ? "]\n}\n" : "\n  ]\n}\n";
    return out;
}

void addToStats(QJsonObject &stats, const Report &r)
{
    stats.insert(QStringLiteral("week1_retention"), optional(r.week1Retention()));
    stats.insert(QStringLiteral("week4_retention"), optional(r.week4Retention()));
    QJsonValue last(QJsonValue::Null);
    if (const std::optional<LifecycleWeek> w = r.lastCompleteWeek()) {
        QJsonObject o;
        o.insert(QStringLiteral("week"), QString::fromStdString(TextRules::formatDay(w->week)));
        o.insert(QStringLiteral("new"), qint64(w->newCallers));
        o.insert(QStringLiteral("returning"), qint64(w->returning));
        o.insert(QStringLiteral("resurrecting"), qint64(w->resurrecting));
        o.insert(QStringLiteral("dormant"), qint64(w->dormant));
        last = o;
    }
    stats.insert(QStringLiteral("last_complete_week"), last);
}

} // namespace Evidence

} // namespace uptake
