#include "view/cataloguereader.h"

#include "db/database.h"
#include "view/shortterms.h"
#include "evidence/evidence.h"
#include "view/windowscreen.h"

#ifdef __GLIBC__
#include <malloc.h>
#endif

#include <unordered_map>

namespace uptake {

namespace {

// glibc keeps freed heap for reuse; after the sort of a 2M-row view (100 MB in SQLite's
// sorter) the process would go on holding it for nothing. bench/browser_bench: RSS after
// the usage-window views and a scroll of the whole table, 202 MB before, 117 MB after.
// Only when much is free: a trim walks the heap, and the next view may be waiting.
void releaseFreedMemory()
{
#ifdef __GLIBC__
    if (mallinfo2().fordblks > (std::size_t(48) << 20))
        malloc_trim(0);
#endif
}

FilterChoices::List choiceList(Database &db, const char *column, int limit)
{
    const std::string col(column);
    Statement st(db,
        "SELECT " + col + ", count(*) AS n FROM models WHERE " + col + " IS NOT NULL AND " + col + " <> '' GROUP BY "
            + col + " ORDER BY n DESC, " + col + " LIMIT ?");
    st.bind(1, limit);
    FilterChoices::List out;
    while (st.step())
        out.append({ st.text(0), qint64(st.int64(1)) });
    return out;
}

} // namespace

FilterChoices FilterChoices::read(Database &db)
{
    FilterChoices c;
    c.tasks = choiceList(db, "task", 500);
    c.authors = choiceList(db, "author", 2000);
    c.licenses = choiceList(db, "license", 500);
    c.frameworks = choiceList(db, "framework", 500);
    const auto days = Figures::usageDays(db);
    c.firstUsageDay = days ? days->first : 0;
    c.lastUsageDay = days ? days->second : -1;
    return c;
}

CatalogueReader::CatalogueReader(Database &db)
    : m_db(db)
{
}

bool CatalogueReader::isEmpty()
{
    return m_db.queryInt("SELECT EXISTS(SELECT 1 FROM models)").value_or(0) == 0;
}

QList<qint64> CatalogueReader::firstScreen(const ViewSpec &spec)
{
    QList<qint64> ids;
    // A rare search goes straight to its index (the listed models of one or two letters, or
    // the trigram index): a walk would find few matches within its budget, and spend all of it.
    const bool listed = listedShortTerm(spec);
    if (listed && firstScreenOfListedWalk(spec, ids))
        return ids;
    const bool few = listed || fewTrigramMatches(spec);
    if (few || (!firstScreenBySortIndex(spec, ids) && !firstScreenOfWindow(spec, ids))) {
        ids.clear();
        const SqlQuery q = few ? firstScreenOfFew(spec, listed) : orderQuery(spec, false);
        Statement st(m_db, q.sql + " LIMIT " + std::to_string(QuickIds));
        q.bindTo(st);
        while (st.step())
            ids.append(st.int64(0));
    }
    return ids;
}

void CatalogueReader::fillWindow(const ViewSpec &spec, const Stop &stop)
{
    const StopWhen giveWay(m_db, stop, 2000);
    windowTableFor(spec);
}

QList<qint64> CatalogueReader::orderedIds(const ViewSpec &spec, const Stop &stop)
{
    QList<qint64> ids;
    const SqlQuery q = orderQuery(spec, listedShortTerm(spec));
    Statement st(m_db, q.sql);
    q.bindTo(st);
    const StopWhen superseded(m_db, stop);
    while (st.step())
        ids.append(st.int64(0));
    releaseFreedMemory();
    return ids;
}

CatalogueFigures CatalogueReader::figures(const ViewSpec &spec, const Stop &stop)
{
    const StopWhen giveWay(m_db, stop, 2000);
    return Figures::compute(m_db, spec, windowTableFor(spec));
}

ModelDetail CatalogueReader::detail(qint64 id, const ViewSpec &spec)
{
    // Before the window's table is filled, this one model's figures are computed alone.
    const bool alone = spec.hasWindow() && !windowReady(spec);
    return ModelDetail::read(m_db, id, spec, alone ? std::nullopt : std::optional(windowTableFor(spec)));
}

bool CatalogueReader::windowReady(const ViewSpec &spec) const
{
    return spec.hasWindow() && m_windowKey && *m_windowKey == std::pair { spec.sinceDay, spec.untilDay }
    && !m_windowDirty;
}

std::string CatalogueReader::windowTableFor(const ViewSpec &spec)
{
    static const std::string name = "uptake_window";
    if (!spec.hasWindow()) {
        // Back to all time: the window's table (a row per model, in memory) goes, rather than
        // be held for a window no longer shown.
        if (m_windowKey) {
            m_windowKey.reset();
            m_db.exec("DROP TABLE IF EXISTS temp." + name + "; PRAGMA shrink_memory;");
            releaseFreedMemory();
        }
        return {};
    }
    const std::pair key { spec.sinceDay, spec.untilDay };
    if (m_windowKey && *m_windowKey == key && !m_windowDirty)
        return name;
    // Forget the old table first: an interrupted fill must not pass for a complete one.
    m_windowKey.reset();
    m_windowDirty = false;
    m_db.exec(ViewQuery::createWindowTable(name));
    WindowScreen::fillTable(m_db, spec, name);
    Evidence::fillWindowTable(m_db, spec, name);
    m_windowKey = key;
    return name;
}

RowPage CatalogueReader::rows(const ViewSpec &spec, const QList<qint64> &ids)
{
    // The ids came from the view's own query: testing the search again would build the whole
    // trigram match set (100 ms for a common term) for a page of 100 rows.
    ViewSpec rowsOnly = spec;
    rowsOnly.search.clear();
    const std::vector<std::int64_t> list(ids.begin(), ids.end());
    // Until a window's table is filled, its rows carry the sums from the daily totals (a few
    // rows per model), and say that the callers are still being counted.
    const bool partial = spec.hasWindow() && !windowReady(spec);
    const SqlQuery q = partial ? ViewQuery::selectIdsWindowSums(rowsOnly, list)
                               : ViewQuery::selectIds(rowsOnly, list, windowTableFor(spec));
    std::unordered_map<qint64, CatalogueRow> byId;
    Statement st(m_db, q.sql);
    q.bindTo(st);
    while (st.step()) {
        CatalogueRow row = readCatalogueRow(st);
        row.callersPending = partial;
        byId.emplace(row.id, std::move(row));
    }
    // Back into view order; a model deleted meanwhile leaves an empty row.
    RowPage rows;
    rows.reserve(ids.size());
    for (const qint64 id : ids) {
        auto it = byId.find(id);
        if (it != byId.end()) {
            rows.append(std::move(it->second));
        } else {
            CatalogueRow missing;
            missing.id = id;
            rows.append(missing);
        }
    }
    return rows;
}

bool CatalogueReader::firstScreenBySortIndex(const ViewSpec &spec, QList<qint64> &ids)
{
    // Without a filter the planner walks the sort index by itself.
    const std::optional<SqlQuery> walk = spec.hasFilter() ? ViewQuery::orderedIdsBySortIndex(spec) : std::nullopt;
    if (!walk)
        return false;
    // A filter that matches many models fills the first screen after a short walk; one that
    // matches few would walk all 2 million, so the walk gets a budget and the usual plan
    // (filter first, then sort the few matches) takes over when it runs out.
    return walkWithin(*walk, FirstScreenBudgetMs, ids);
}

bool CatalogueReader::firstScreenOfListedWalk(const ViewSpec &spec, QList<qint64> &ids)
{
    const std::optional<SqlQuery> walk = ViewQuery::orderedIdsBySortIndexAmongListed(spec);
    const std::optional<SqlQuery> list = ViewQuery::shortTermIds(spec);
    if (!walk || !list)
        return false;
    // Dense enough that the walk should find a screen soon: counted up to the bar only.
    const std::int64_t models = m_db.queryInt("SELECT coalesce(max(id), 0) FROM models").value_or(0);
    const std::int64_t bar = std::max<std::int64_t>(1, models / ListedWalkDensity);
    Statement count(m_db, "SELECT count(*) FROM (" + list->sql + " LIMIT " + std::to_string(bar) + ")");
    list->bindTo(count);
    if (!count.step() || count.int64(0) < bar)
        return false;
    return walkWithin(*walk, ListedWalkBudgetMs, ids);
}

bool CatalogueReader::walkWithin(const SqlQuery &walk, int budgetMs, QList<qint64> &ids)
{
    Statement st(m_db, walk.sql + " LIMIT " + std::to_string(QuickIds));
    walk.bindTo(st);
    const StopWhen budget(m_db, StopWhen::after(budgetMs));
    try {
        while (st.step())
            ids.append(st.int64(0));
    } catch (const DbError &e) {
        if (e.isInterrupt() && budget.stopped())
            return false;
        throw;
    }
    return true;
}

bool CatalogueReader::listedShortTerm(const ViewSpec &spec)
{
    const std::optional<std::int64_t> key = ShortTerms::key(spec.search);
    return key && ShortTerms::isListed(m_db, *key);
}

bool CatalogueReader::fewTrigramMatches(const ViewSpec &spec)
{
    const std::optional<SqlQuery> search = ViewQuery::searchIds(spec);
    if (!search)
        return false;
    // The trigram index yields its first matches at once: counting up to the bar costs a
    // millisecond even for a common word.
    Statement st(m_db, "SELECT count(*) FROM (" + search->sql + " LIMIT " + std::to_string(RareSearchMatches) + ")");
    search->bindTo(st);
    return st.step() && st.int64(0) < RareSearchMatches;
}

SqlQuery CatalogueReader::firstScreenOfFew(const ViewSpec &spec, bool listedShortTerm)
{
    if (spec.hasWindow() && !windowReady(spec)) {
        // Rather than fill the window's table first (seconds at 2M models), aggregate the
        // window for the few matches alone.
        std::vector<std::int64_t> matches;
        const std::optional<SqlQuery> search
            = listedShortTerm ? ViewQuery::shortTermIds(spec) : ViewQuery::searchIds(spec);
        Statement st(m_db, search->sql + " LIMIT " + std::to_string(RareSearchMatches + 1));
        search->bindTo(st);
        while (st.step())
            matches.push_back(st.int64(0));
        if (int(matches.size()) <= RareSearchMatches)
            return ViewQuery::orderedIdsAmong(spec, matches);
    }
    return orderQuery(spec, listedShortTerm);
}

SqlQuery CatalogueReader::orderQuery(const ViewSpec &spec, bool listedShortTerm)
{
    const std::string table = windowTableFor(spec);
    if (listedShortTerm)
        return *ViewQuery::orderedIdsOfShortTerm(spec, table);
    return ViewQuery::orderedIds(spec, table);
}

bool CatalogueReader::firstScreenOfWindow(const ViewSpec &spec, QList<qint64> &ids)
{
    if (!WindowScreen::supports(spec))
        return false;
    const StopWhen budget(m_db, StopWhen::after(WindowScreenBudgetMs));
    try {
        const std::optional<std::vector<std::int64_t>> found = WindowScreen::firstIds(m_db, spec, QuickIds);
        if (!found)
            return false;
        ids = QList<qint64>(found->begin(), found->end());
        return true;
    } catch (const DbError &e) {
        if (e.isInterrupt() && budget.stopped())
            return false;
        throw;
    }
}

} // namespace uptake
