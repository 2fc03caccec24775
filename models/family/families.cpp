#include "family/families.h"

#include "db/database.h"
#include "text/textrules.h"

#include <QJsonObject>

#include <algorithm>
#include <map>
#include <set>

namespace uptake {

namespace Families {

namespace {

std::vector<std::string> splitList(std::string_view list)
{
    const std::vector<std::string_view> items = TextRules::listItems(list);
    return {items.begin(), items.end()};
}

// " AND x.model IN (the view)" when the view filters, with its parameters.
std::string viewRestriction(const ViewSpec &spec, std::vector<SqlQuery::Value> &params)
{
    if (!spec.hasFilter())
        return {};
    // The usage filters are the window's when there is one: the view as the table shows it.
    const SqlQuery ids = ViewQuery::orderedIds(spec);
    params.insert(params.end(), ids.params.begin(), ids.params.end());
    return " AND x.model IN (" + ids.sql + ")";
}

void bindAll(Statement &st, const std::vector<SqlQuery::Value> &params)
{
    SqlQuery q;
    q.params = params;
    q.bindTo(st);
}

} // namespace

std::vector<Family> rank(Database &db, const ViewSpec &spec, std::size_t limit, std::int64_t *total)
{
    std::map<std::string, Family> byBase;
    {
        std::vector<SqlQuery::Value> params;
        const std::string in = viewRestriction(spec, params);
        Statement st(db, "SELECT x.base, count(*), sum(coalesce(m.week4_retention, 0) > 0)"
                         " FROM model_base AS x JOIN models AS m ON m.id = x.model WHERE 1" + in + " GROUP BY x.base");
        bindAll(st, params);
        while (st.step()) {
            Family &f = byBase[std::string(st.textView(0))];
            f.derivatives = st.int64(1);
            f.kept = st.int64(2);
        }
    }
    {
        std::vector<SqlQuery::Value> params;
        std::string days;
        if (spec.sinceDay) {
            days += " AND u.day >= ?";
            params.emplace_back(*spec.sinceDay);
        }
        if (spec.untilDay) {
            days += " AND u.day <= ?";
            params.emplace_back(*spec.untilDay);
        }
        const std::string in = viewRestriction(spec, params);
        Statement st(db, "SELECT x.base, count(DISTINCT u.model), sum(u.calls), count(DISTINCT u.caller)"
                         " FROM model_base AS x JOIN usage_daily AS u ON u.model = x.model WHERE 1" + days + in
                             + " GROUP BY x.base");
        bindAll(st, params);
        while (st.step()) {
            const auto it = byBase.find(std::string(st.textView(0)));
            if (it == byBase.end())
                continue;
            it->second.called = st.int64(1);
            it->second.calls = st.int64(2);
            it->second.callers = st.int64(3);
        }
    }
    if (total)
        *total = std::int64_t(byBase.size());
    std::vector<Family> out;
    out.reserve(byBase.size());
    for (auto &[base, f] : byBase) {
        f.base = base;
        out.push_back(std::move(f));
    }
    const auto before = [](const Family &a, const Family &b) {
        if (a.callers != b.callers)
            return a.callers > b.callers;
        if (a.calls != b.calls)
            return a.calls > b.calls;
        if (a.derivatives != b.derivatives)
            return a.derivatives > b.derivatives;
        return a.base < b.base;
    };
    if (limit > 0 && out.size() > limit) {
        std::partial_sort(out.begin(), out.begin() + std::ptrdiff_t(limit), out.end(), before);
        out.resize(limit);
    } else {
        std::sort(out.begin(), out.end(), before);
    }
    Statement listed(db, "SELECT count(*) FROM models WHERE model_id = ? AND listed = 1");
    for (Family &f : out) {
        listed.bind(1, f.base);
        f.baseListed = listed.step() && listed.int64(0) > 0;
        listed.reset();
    }
    return out;
}

Family ofBase(Database &db, const std::string &modelId)
{
    Family f;
    f.base = modelId;
    Statement st(db, "SELECT count(*), sum(m.calls > 0), sum(coalesce(m.week4_retention, 0) > 0), sum(m.calls)"
                     " FROM model_base AS x JOIN models AS m ON m.id = x.model WHERE x.base = ?");
    st.bind(1, modelId);
    if (st.step()) {
        f.derivatives = st.int64(0);
        f.called = st.isNull(1) ? 0 : st.int64(1);
        f.kept = st.isNull(2) ? 0 : st.int64(2);
        f.calls = st.isNull(3) ? 0 : st.int64(3);
    }
    if (f.called > 0) {
        Statement callers(db, "SELECT count(DISTINCT u.caller) FROM model_base AS x JOIN usage_daily AS u"
                              " ON u.model = x.model WHERE x.base = ?");
        callers.bind(1, modelId);
        if (callers.step())
            f.callers = callers.int64(0);
    }
    Statement listed(db, "SELECT count(*) FROM models WHERE model_id = ? AND listed = 1");
    listed.bind(1, modelId);
    f.baseListed = listed.step() && listed.int64(0) > 0;
    return f;
}

QJsonArray toJson(const std::vector<Family> &families)
{
    QJsonArray out;
    for (const Family &f : families) {
        QJsonObject o;
        o.insert(QStringLiteral("base"), QString::fromStdString(f.base));
        o.insert(QStringLiteral("base_listed"), f.baseListed);
        o.insert(QStringLiteral("derivatives"), qint64(f.derivatives));
        o.insert(QStringLiteral("called"), qint64(f.called));
        o.insert(QStringLiteral("kept_to_week4"), qint64(f.kept));
        o.insert(QStringLiteral("calls"), qint64(f.calls));
        o.insert(QStringLiteral("callers"), qint64(f.callers));
        out.append(o);
    }
    return out;
}

std::string relationIn(std::string_view tags, std::string_view base)
{
    // The Hub tags a derivative "base_model:finetune:org/base" (and "base_model:org/base").
    for (std::string_view t : TextRules::listItems(tags)) {
        if (t.substr(0, 11) != "base_model:")
            continue;
        t.remove_prefix(11);
        const std::size_t colon = t.find(':');
        if (colon == std::string_view::npos || t.substr(colon + 1) != base)
            continue;
        const std::string_view rel = t.substr(0, colon);
        if (rel == "finetune" || rel == "adapter" || rel == "quantized" || rel == "merge")
            return std::string(rel);
    }
    return {};
}

Lineage lineage(Database &db, std::int64_t modelRow, int maxDepth)
{
    Lineage out;
    Statement self(db, "SELECT model_id, base_models, tags FROM models WHERE id = ?");
    self.bind(1, modelRow);
    if (!self.step() || self.isNull(1))
        return out;
    std::set<std::string> seen{std::string(self.textView(0))};
    std::vector<std::string> bases = splitList(self.textView(1));
    std::string tags = self.isNull(2) ? std::string() : std::string(self.textView(2));
    // A model that names itself has no base in that name.
    bases.erase(std::remove(bases.begin(), bases.end(), *seen.begin()), bases.end());
    if (bases.empty())
        return out;
    out.otherBases.assign(bases.begin() + 1, bases.end());
    Statement next(db, "SELECT base_models, tags, listed FROM models WHERE model_id = ?");
    std::string current = bases.front();
    for (int depth = 0; depth < maxDepth; ++depth) {
        if (!seen.insert(current).second) {
            out.cycle = true;
            break;
        }
        Step step;
        step.id = current;
        step.relation = relationIn(tags, current);
        next.bind(1, current);
        const bool found = next.step();
        step.listed = found && next.int64(2) != 0;
        out.up.push_back(step);
        if (!found || next.isNull(0)) {
            next.reset();
            break;
        }
        std::vector<std::string> further = splitList(next.textView(0));
        tags = next.isNull(1) ? std::string() : std::string(next.textView(1));
        next.reset();
        further.erase(std::remove(further.begin(), further.end(), current), further.end());
        if (further.empty())
            break;
        current = further.front();
    }
    return out;
}

} // namespace Families

} // namespace uptake
