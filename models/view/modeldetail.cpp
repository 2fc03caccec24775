#include "view/modeldetail.h"

#include "db/database.h"
#include "text/textrules.h"
#include "view/figures.h"

#include <QCoreApplication>

#include <algorithm>
#include <limits>
#include <unordered_map>
#include <unordered_set>

namespace uptake {

ModelDetail ModelDetail::read(
    Database &db, qint64 id, const ViewSpec &spec, const std::optional<std::string> &windowTable)
{
    ModelDetail d;
    d.id = id;
    Statement m(db,
        "SELECT model_id, author, name, task, framework, license, tags, created_at,"
        " updated_at, versions, files, downloads, likes, description, listed,"
        " parameters, base_models, gated, downloads_all_time, trending_score"
        " FROM models WHERE id = ?");
    m.bind(1, std::int64_t(id));
    if (!m.step())
        return d;
    d.found = true;
    d.modelId = m.text(0);
    d.listed = m.int64(14) != 0;
    auto text = [&](const char *label, int col) {
        d.fields.append({ QString::fromLatin1(label), m.isNull(col) ? QString() : m.text(col) });
    };
    auto number = [&](const char *label, int col) {
        d.fields.append({ QString::fromLatin1(label), m.isNull(col) ? QString() : QString::number(m.int64(col)) });
    };
    auto stamp = [&](const char *label, int col) {
        d.fields.append({ QString::fromLatin1(label),
            m.isNull(col) ? QString() : QString::fromStdString(TextRules::formatTimestamp(m.int64(col))) });
    };
    text(QT_TRANSLATE_NOOP("Columns", "Model"), 0);
    text(QT_TRANSLATE_NOOP("Columns", "Author"), 1);
    text(QT_TRANSLATE_NOOP("Columns", "Name"), 2);
    text(QT_TRANSLATE_NOOP("Columns", "Task"), 3);
    text(QT_TRANSLATE_NOOP("Columns", "Framework"), 4);
    text(QT_TRANSLATE_NOOP("Columns", "License"), 5);
    text(QT_TRANSLATE_NOOP("Columns", "Tags"), 6);
    stamp(QT_TRANSLATE_NOOP("Columns", "Listed on"), 7);
    stamp(QT_TRANSLATE_NOOP("Columns", "Updated"), 8);
    number(QT_TRANSLATE_NOOP("Columns", "Versions"), 9);
    number(QT_TRANSLATE_NOOP("Columns", "Files"), 10);
    number(QT_TRANSLATE_NOOP("Columns", "Downloads"), 11);
    number(QT_TRANSLATE_NOOP("Columns", "Likes"), 12);
    number(QT_TRANSLATE_NOOP("Columns", "Parameters"), 15);
    text(QT_TRANSLATE_NOOP("Columns", "Base models"), 16);
    // gated as the CSV writes it (true/false), empty where the registry does not say
    d.fields.append({ QStringLiteral("Gated"), m.isNull(17) ? QString() : QString::fromLatin1(m.int64(17) ? "true" : "false") });
    number(QT_TRANSLATE_NOOP("Columns", "Total downloads"), 18);
    number(QT_TRANSLATE_NOOP("Columns", "Trending score"), 19);
    d.description = m.isNull(13) ? QString() : m.text(13);
    d.lineage = Families::lineage(db, id);
    d.asBase = Families::ofBase(db, d.modelId.toStdString());

    // Before the window's table is filled, this one model's figures are computed alone.
    const SqlQuery q = windowTable ? ViewQuery::selectIds(spec, { id }, *windowTable)
                                   : ViewQuery::selectIds(spec, std::vector<std::int64_t> { id });
    Statement row(db, q.sql);
    q.bindTo(row);
    if (row.step())
        d.metrics = readCatalogueRow(row);

    // The chart range: the usage window, or the model's own first to last day.
    std::string range;
    std::vector<std::int64_t> params { id };
    if (spec.sinceDay) {
        range += " AND day >= ?";
        params.push_back(*spec.sinceDay);
    }
    if (spec.untilDay) {
        range += " AND day <= ?";
        params.push_back(*spec.untilDay);
    }
    auto bindAll = [&](Statement &st, int times) {
        int i = 1;
        for (int t = 0; t < times; ++t)
            for (const std::int64_t p : params)
                st.bind(i++, p);
    };
    Statement days(db,
        "SELECT day, sum(calls), sum(failed_calls), sum(tee_calls), sum(zkml_calls),"
        " sum(fees_nano), sum(verified_unsplit) FROM usage_daily WHERE model = ?"
            + range + " GROUP BY day ORDER BY day");
    bindAll(days, 1);
    QList<ModelDetail::Day> seen;
    qint64 calls = 0;
    while (days.step()) {
        seen.append({ days.int64(0), days.int64(1), days.int64(2) });
        calls += days.int64(1);
        d.tee += days.int64(3);
        d.zkml += days.int64(4);
        d.feesNano += days.int64(5);
        d.verifiedUnsplit += days.int64(6);
    }
    d.vanilla = calls - d.tee - d.zkml - d.verifiedUnsplit;
    d.firstDay = spec.sinceDay.value_or(seen.isEmpty() ? 0 : seen.first().day);
    d.lastDay = spec.untilDay.value_or(seen.isEmpty() ? -1 : seen.last().day);
    if (!spec.untilDay && spec.sinceDay && !seen.isEmpty())
        d.lastDay = std::max(d.lastDay, seen.last().day);
    d.evidenceEnd = Figures::evidenceEnd(db, spec);
    // Zero-filled so that quiet days show as quiet; capped against absurd windows.
    if (d.lastDay - d.firstDay > 20000)
        d.firstDay = d.lastDay - 20000;
    int k = 0;
    for (qint64 day = d.firstDay; day <= d.lastDay; ++day) {
        while (k < seen.size() && seen[k].day < day)
            ++k;
        if (k < seen.size() && seen[k].day == day)
            d.days.append(seen[k]);
        else
            d.days.append({ day, 0, 0 });
    }

    // A caller returns in a week when it called this model in any earlier week, inside the
    // window or before it. One pass in primary-key order (model, day, caller), so no sort and
    // no join: the busiest model's quarter-million rows take milliseconds, not a second.
    // Weeks start on Monday (TextRules::weekOf).
    Statement rows(db,
        "SELECT day, caller FROM usage_daily WHERE model = ?" + std::string(spec.untilDay ? " AND day <= ?" : "")
            + " ORDER BY day");
    rows.bind(1, std::int64_t(id));
    if (spec.untilDay)
        rows.bind(2, *spec.untilDay);
    std::unordered_map<std::int64_t, std::int64_t> firstWeek;
    std::unordered_set<std::int64_t> thisWeek;
    ModelDetail::Week current;
    qint64 currentWeek = std::numeric_limits<qint64>::min();
    const qint64 fromDay = spec.sinceDay.value_or(std::numeric_limits<qint64>::min());
    auto flush = [&] {
        if (current.unique > 0)
            d.weeks.append(current);
    };
    while (rows.step()) {
        const qint64 day = rows.int64(0);
        const std::int64_t caller = rows.int64(1);
        const qint64 week = TextRules::weekOf(day);
        const auto [it, fresh] = firstWeek.try_emplace(caller, week);
        if (day < fromDay)
            continue;
        if (week != currentWeek) {
            flush();
            currentWeek = week;
            current = ModelDetail::Week { TextRules::mondayOf(week), 0, 0 };
            thisWeek.clear();
        }
        if (thisWeek.insert(caller).second) {
            ++current.unique;
            current.returning += it->second < week;
        }
    }
    flush();
    // Every week of the range, a quiet one as zero: a chart must not draw across it.
    if (d.lastDay >= d.firstDay) {
        QList<ModelDetail::Week> dense;
        qsizetype k = 0;
        for (qint64 w = TextRules::weekOf(d.firstDay); w <= TextRules::weekOf(d.lastDay); ++w) {
            const qint64 monday = TextRules::mondayOf(w);
            while (k < d.weeks.size() && d.weeks[k].firstDay < monday)
                ++k;
            if (k < d.weeks.size() && d.weeks[k].firstDay == monday)
                dense.append(d.weeks[k++]);
            else
                dense.append(ModelDetail::Week { monday, 0, 0 });
        }
        d.weeks = dense;
    }

    // History of the listing: one point per snapshot that saw this model.
    Statement pop(db,
        "SELECT s.taken_at, p.downloads, p.likes FROM popularity p"
        " JOIN snapshots s ON s.id = p.snapshot WHERE p.model = ? ORDER BY s.taken_at, s.id");
    pop.bind(1, std::int64_t(id));
    while (pop.step())
        d.popularity.append({ pop.int64(0), pop.isNull(1) ? -1 : pop.int64(1), pop.isNull(2) ? -1 : pop.int64(2) });
    if (d.popularity.size() > ModelDetail::MaxPopularityPoints) {
        // Never more points than the chart has pixels: keep an even spread and the latest.
        QList<ModelDetail::Popularity> thinned;
        const double step = double(d.popularity.size() - 1) / (ModelDetail::MaxPopularityPoints - 1);
        for (int i = 0; i < ModelDetail::MaxPopularityPoints; ++i)
            thinned.append(d.popularity.at(qsizetype(i * step + 0.5)));
        thinned.last() = d.popularity.last();
        d.popularity = thinned;
    }
    d.evidence = Evidence::ofModel(db, id, spec);
    return d;
}

} // namespace uptake
