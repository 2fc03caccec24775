#include "evidence/evidence.h"

#include "db/database.h"
#include "text/textrules.h"
#include "view/figures.h"

#include <QJsonValue>

#include <algorithm>
#include <charconv>
#include <functional>
#include <limits>
#include <map>
#include <unordered_map>

namespace Evidence {

namespace {

using TextRules::weekOf;

// Folds day rows (caller, day, calls) into a Report. Memory: one 8-byte key per distinct
// caller and day (a caller's day is kept once however many models of a selection it called
// that day), a slot per caller for its calls in the window, and the caller's index. The
// callers are counted one at a time after one sort, so nothing per caller outlives its run.
class Fold final
{
public:
    Fold(std::optional<std::int64_t> since, std::optional<std::int64_t> until, std::int64_t end)
        : m_since(since)
        , m_until(until)
        , m_end(end)
    {
    }

    void add(std::int64_t caller, std::int64_t day, std::int64_t calls)
    {
        const auto [it, inserted] = m_index.try_emplace(caller, std::uint32_t(m_windowCalls.size()));
        if (inserted)
            m_windowCalls.push_back(0);
        m_keys.push_back(std::uint64_t(it->second) << 32 | dayBits(day));
        m_minDay = std::min(m_minDay, day);
        if (inWindow(day))
            m_windowCalls[it->second] += calls;
    }

    Report finish()
    {
        Report r;
        r.evidenceEnd = m_end;
        m_index = {}; // no longer needed: free it before the sort
        std::sort(m_keys.begin(), m_keys.end());
        m_keys.erase(std::unique(m_keys.begin(), m_keys.end()), m_keys.end());

        // Weeks from the first with a call (or the window's first) to the evidence end's.
        const std::int64_t firstWeek = weekOf(std::max(m_minDay, m_since.value_or(m_minDay)));
        const std::int64_t lastWeek = weekOf(m_end);
        if (!m_keys.empty() && firstWeek <= lastWeek) {
            r.lifecycle.resize(size_t(lastWeek - firstWeek + 1));
            for (size_t i = 0; i < r.lifecycle.size(); ++i)
                r.lifecycle[i].week = TextRules::mondayOf(firstWeek + std::int64_t(i));
            // Sunday ends a week: day 3 is 1970-01-04, a Sunday.
            r.lifecycle.back().partial = weekOf(m_end + 1) == lastWeek;
        }
        auto lifecycleAt = [&](std::int64_t week) -> LifecycleWeek * {
            if (week < firstWeek || week > lastWeek || r.lifecycle.empty())
                return nullptr;
            return &r.lifecycle[size_t(week - firstWeek)];
        };

        std::map<std::int64_t, Cohort> cohorts;
        for (size_t begin = 0; begin < m_keys.size();) {
            size_t end = begin + 1;
            while (end < m_keys.size() && (m_keys[end] >> 32) == (m_keys[begin] >> 32))
                ++end;
            const std::int64_t f = dayOf(m_keys[begin]);

            // Retention: callers first seen in the window, their returns up to the evidence end.
            if ((!m_since || f >= *m_since) && (!m_until || f <= *m_until) && f <= m_end) {
                unsigned returnedMask = 0;
                for (size_t i = begin + 1; i < end; ++i) {
                    const std::int64_t k = (dayOf(m_keys[i]) - f) / 7;
                    if (k > Periods)
                        break;
                    if (k >= 1)
                        returnedMask |= 1u << k;
                }
                Cohort &c = cohorts[weekOf(f)];
                ++c.callers;
                for (int k = 1; k <= Periods; ++k) {
                    if (f + 7 * k + 6 > m_end)
                        break;
                    Counts &p = c.periods[size_t(k - 1)];
                    ++p.eligible;
                    p.returned += (returnedMask >> k) & 1u;
                }
            }

            // Lifecycle: the caller's active weeks, in order, each day once.
            const std::int64_t firstOwnWeek = weekOf(f);
            std::int64_t previous = std::numeric_limits<std::int64_t>::min();
            for (size_t i = begin; i < end;) {
                const std::int64_t week = weekOf(dayOf(m_keys[i]));
                while (i < end && weekOf(dayOf(m_keys[i])) == week)
                    ++i;
                if (LifecycleWeek *w = lifecycleAt(week)) {
                    if (week == firstOwnWeek)
                        ++w->newCallers;
                    else if (previous == week - 1)
                        ++w->returning;
                    else
                        ++w->resurrecting;
                }
                const bool nextWeekActive = i < end && weekOf(dayOf(m_keys[i])) == week + 1;
                if (!nextWeekActive)
                    if (LifecycleWeek *w = lifecycleAt(week + 1))
                        ++w->dormant;
                previous = week;
            }
            begin = end;
        }
        m_keys = {};

        for (auto &[week, c] : cohorts) {
            c.week = TextRules::mondayOf(week);
            for (int k = 0; k < Periods; ++k) {
                r.curve[size_t(k)].returned += c.periods[size_t(k)].returned;
                r.curve[size_t(k)].eligible += c.periods[size_t(k)].eligible;
            }
            r.cohorts.push_back(c);
        }

        // Breadth, over the calls in the window.
        std::vector<std::int64_t> calls;
        for (const std::int64_t n : m_windowCalls)
            if (n > 0)
                calls.push_back(n);
        m_windowCalls = {};
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
        return r;
    }

private:
    bool inWindow(std::int64_t day) const { return (!m_since || day >= *m_since) && (!m_until || day <= *m_until); }
    // Days as the low 32 bits of a key, in the same order as the days (sign bit flipped).
    static std::uint64_t dayBits(std::int64_t day) { return std::uint32_t(std::int32_t(day)) ^ 0x80000000u; }
    static std::int64_t dayOf(std::uint64_t key) { return std::int32_t(std::uint32_t(key) ^ 0x80000000u); }

    std::optional<std::int64_t> m_since, m_until;
    std::int64_t m_end;
    std::int64_t m_minDay = std::numeric_limits<std::int64_t>::max();
    std::unordered_map<std::int64_t, std::uint32_t> m_index; // pseudonym -> caller index
    std::vector<std::uint64_t> m_keys; // caller index << 32 | day
    std::vector<std::int64_t> m_windowCalls; // by caller index
};

// Rows of one model up to the evidence end: later days change nothing (a caller first seen
// after it is in no cohort, and no week after its week is reported).
void readModel(Statement &st, std::int64_t model, std::int64_t end, Fold &fold)
{
    st.reset(); // clears the bindings too
    st.bind(1, model).bind(2, end);
    while (st.step())
        fold.add(st.int64(0), st.int64(1), st.int64(2));
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

} // namespace

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
    // One read snapshot: the selection and its day rows from the same state of the cache
    // (unless the caller holds a transaction already, which is one).
    std::optional<Transaction> snapshot;
    if (sqlite3_get_autocommit(db.handle()))
        snapshot.emplace(db, Transaction::Kind::Deferred);
    const std::optional<std::int64_t> end = Figures::evidenceEnd(db, spec);
    if (!end)
        return {};
    std::vector<std::int64_t> models;
    {
        const SqlQuery q = ViewQuery::calledIds(spec);
        Statement st(db, q.sql);
        q.bindTo(st);
        while (st.step())
            models.push_back(st.int64(0));
    }
    Fold fold(spec.sinceDay, spec.untilDay, *end);
    Statement st(db, kDayRows);
    for (const std::int64_t model : models)
        readModel(st, model, *end, fold);
    return fold.finish();
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
