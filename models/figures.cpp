#include "figures.h"

#include "database.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <numeric>

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

CatalogueFigures compute(Database &db, const ViewSpec &spec)
{
    return compute(db, spec, std::string());
}

CatalogueFigures compute(Database &db, const ViewSpec &spec, const std::string &windowTable)
{
    CatalogueFigures f;
    const SqlQuery q = ViewQuery::figures(spec, windowTable);
    Statement st(db, q.sql);
    q.bindTo(st);
    std::vector<std::int64_t> listedCalls;
    while (st.step()) {
        const bool listed = st.int64(0) != 0;
        const std::int64_t calls = st.int64(1);
        ++f.models;
        f.calls += calls;
        if (!listed) {
            ++f.unlisted;
            continue;
        }
        ++f.listed;
        f.called += calls > 0;
        listedCalls.push_back(calls);
    }
    f.neverCalledShare = f.listed ? double(f.listed - f.called) / double(f.listed) : 0;
    f.gini = gini(listedCalls);
    f.top1Share = topShare(listedCalls, 0.01);
    f.top10Share = topShare(std::move(listedCalls), 0.10);
    return f;
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
