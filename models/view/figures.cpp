#include "view/figures.h"

#include "db/database.h"
#include "view/windowscreen.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <map>
#include <numeric>

namespace uptake {

namespace Figures {

double gini(std::vector<std::int64_t> calls)
{
    const size_t n = calls.size();
    if (n == 0)
        return 0;
    std::sort(calls.begin(), calls.end());
    long double total = 0, weighted = 0;
    for (size_t i = 0; i < n; ++i) {
        total += calls[i];
        weighted += (long double)(i + 1) * calls[i];
    }
    if (total == 0)
        return 0;
    // G = 2 * sum(i * x_i) / (n * sum x) - (n + 1) / n, with x sorted ascending and i from 1.
    return double(2 * weighted / (n * total) - (long double)(n + 1) / n);
}

double topShare(std::vector<std::int64_t> calls, double fraction)
{
    if (calls.empty())
        return 0;
    const long double total = std::accumulate(calls.begin(), calls.end(), (long double)0);
    if (total == 0)
        return 0;
    const size_t k = std::max<size_t>(1, size_t(std::ceil(calls.size() * fraction)));
    std::nth_element(calls.begin(), calls.begin() + long(k - 1), calls.end(), std::greater<>());
    std::sort(calls.begin(), calls.begin() + long(k), std::greater<>());
    const long double top = std::accumulate(calls.begin(), calls.begin() + long(k), (long double)0);
    return double(top / total);
}

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
    // As gini(): G = 2 * sum(i * x_i) / (n * sum x) - (n + 1) / n.
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
    // As topShare(): the ceil(n * fraction) models with most calls, at least one.
    std::int64_t k = std::max<std::int64_t>(1, std::int64_t(std::ceil(double(n) * fraction)));
    long double top = 0;
    for (auto it = h.rbegin(); it != h.rend() && k > 0; ++it) {
        const std::int64_t take = std::min(k, it->second);
        top += (long double)it->first * take;
        k -= take;
    }
    return double(top / total);
}

CatalogueFigures compute(Database &db, const ViewSpec &spec)
{
    return compute(db, spec, WindowScreen::filledTable(db, spec));
}

void Accumulator::add(bool listed, std::int64_t calls)
{
    ++m_f.models;
    m_f.calls += calls;
    if (!listed) {
        ++m_f.unlisted;
        return;
    }
    ++m_f.listed;
    m_f.called += calls > 0;
    ++m_listedCalls[calls];
}

CatalogueFigures Accumulator::result() const
{
    CatalogueFigures f = m_f;
    f.neverCalledShare = f.listed ? double(f.listed - f.called) / double(f.listed) : 0;
    const Histogram h(m_listedCalls.begin(), m_listedCalls.end());
    f.gini = giniOf(h);
    f.top1Share = topShareOf(h, 0.01);
    f.top10Share = topShareOf(h, 0.10);
    return f;
}

CatalogueFigures compute(Database &db, const ViewSpec &spec, const std::string &windowTable)
{
    const SqlQuery q = ViewQuery::figures(spec, windowTable);
    Statement st(db, q.sql);
    q.bindTo(st);
    Accumulator acc;
    while (st.step())
        acc.add(st.int64(0) != 0, st.int64(1));
    return acc.result();
}

std::optional<std::pair<std::int64_t, std::int64_t>> usageDays(Database &db)
{
    // models_by_first_call and models_by_last_call; a roll-up's day-only times are REAL.
    Statement st(db, "SELECT (SELECT min(first_call) FROM models), (SELECT max(last_call) FROM models)");
    if (!st.step() || st.isNull(0) || st.isNull(1))
        return std::nullopt;
    return std::make_pair(std::int64_t(std::floor(st.real(0) / 86400)), std::int64_t(std::floor(st.real(1) / 86400)));
}

std::optional<std::int64_t> evidenceEnd(Database &db, const ViewSpec &spec)
{
    const auto days = usageDays(db);
    if (!days)
        return std::nullopt;
    return spec.untilDay ? std::min(days->second, *spec.untilDay) : days->second;
}

} // namespace Figures

QJsonObject CatalogueFigures::toJson() const
{
    QJsonObject o;
    o.insert(QStringLiteral("models"), qint64(models));
    o.insert(QStringLiteral("models_listed"), qint64(listed));
    o.insert(QStringLiteral("models_unlisted"), qint64(unlisted));
    o.insert(QStringLiteral("models_called"), qint64(called));
    o.insert(QStringLiteral("share_never_called"), neverCalledShare);
    o.insert(QStringLiteral("calls"), qint64(calls));
    o.insert(QStringLiteral("gini"), gini);
    o.insert(QStringLiteral("top1_share"), top1Share);
    o.insert(QStringLiteral("top10_share"), top10Share);
    return o;
}

} // namespace uptake
