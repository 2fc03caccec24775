#include "browser/catalogueloader.h"

#include "db/cache.h"
#include "ingest/demo.h"
#include "view/shortterms.h"
#include "text/textrules.h"
#include "view/windowscreen.h"

#include <QMutexLocker>

#ifdef __GLIBC__
#include <malloc.h>
#endif

#include <algorithm>
#include <limits>
#include <unordered_map>
#include <unordered_set>

namespace {


QVariant cellValue(const Statement &st, int column, Columns::Kind kind)
{
    if (st.isNull(column))
        return {};
    switch (kind) {
    case Columns::Kind::Text: return st.text(column);
    case Columns::Kind::Rate: return st.real(column);
    case Columns::Kind::Bool: return st.int64(column) != 0;
    case Columns::Kind::Timestamp:
        // A time known only to the day (from a usage roll-up) stays a double, so that it is
        // shown as the date alone.
        if (Columns::isDayOnly(st, column))
            return st.real(column);
        return qint64(st.int64(column));
    case Columns::Kind::Integer:
    case Columns::Kind::Fee: return qint64(st.int64(column));
    }
    return {};
}

// A query is cut short by an interrupt meant for older work: run it again while its
// answer is still wanted.
template<typename Fn, typename Wanted>
bool retrying(Fn &&fn, Wanted &&wanted)
{
    for (;;) {
        try {
            fn();
            return true;
        } catch (const DbError &e) {
            if (!e.isInterrupt())
                throw;
            if (!wanted())
                return false;
        }
    }
}

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
    Statement st(db, "SELECT " + col + ", count(*) AS n FROM models WHERE " + col + " IS NOT NULL AND " + col
                         + " <> '' GROUP BY " + col + " ORDER BY n DESC, " + col + " LIMIT ?");
    st.bind(1, limit);
    FilterChoices::List out;
    while (st.step())
        out.append({st.text(0), qint64(st.int64(1))});
    return out;
}

} // namespace

CatalogueRow readCatalogueRow(const Statement &st)
{
    CatalogueRow row;
    row.id = st.int64(0);
    for (int c = 0; c < Columns::Count; ++c)
        row.cells[size_t(c)] = cellValue(st, c + 1, Columns::info(c).kind);
    return row;
}

CatalogueLoader::CatalogueLoader(QObject *parent)
    : QObject(parent)
{
}

CatalogueLoader::~CatalogueLoader() = default;

void CatalogueLoader::supersede(quint64 gen)
{
    quint64 cur = m_latestGen.load();
    while (cur < gen && !m_latestGen.compare_exchange_weak(cur, gen)) {
    }
    QMutexLocker lock(&m_dbMutex);
    m_db.interrupt();
}

void CatalogueLoader::supersedeDetail(quint64 request)
{
    m_latestDetail.store(request);
    ++m_waiting;
}

void CatalogueLoader::served()
{
    int n = m_waiting.load();
    while (n > 0 && !m_waiting.compare_exchange_weak(n, n - 1)) {
    }
}

void CatalogueLoader::delay() const
{
    if (const int ms = m_delayMs.load(); ms > 0)
        QThread::msleep(ulong(ms));
}

void CatalogueLoader::open(const QString &path)
{
    try {
        Database db = Cache::open(path);
        {
            QMutexLocker lock(&m_dbMutex);
            m_db = std::move(db);
        }
        emit opened(m_db.queryInt("SELECT EXISTS(SELECT 1 FROM models)").value_or(0) == 0, Demo::isDemoCache(m_db));
    } catch (const CacheError &e) {
        emit openFailed(e.message());
    } catch (const DbError &e) {
        emit openFailed(tr("%1: %2").arg(path, e.message()));
    }
}

void CatalogueLoader::close()
{
    QMutexLocker lock(&m_dbMutex);
    m_db.close();
}

bool CatalogueLoader::windowReady(const ViewSpec &spec) const
{
    return spec.hasWindow() && m_windowKey && *m_windowKey == std::pair{spec.sinceDay, spec.untilDay}
           && !m_windowDirty.load();
}

std::string CatalogueLoader::windowTableFor(const ViewSpec &spec)
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
    const std::pair key{spec.sinceDay, spec.untilDay};
    if (m_windowKey && *m_windowKey == key && !m_windowDirty.load())
        return name;
    // Forget the old table first: an interrupted fill must not pass for a complete one.
    m_windowKey.reset();
    m_windowDirty.store(false);
    m_db.exec(ViewQuery::createWindowTable(name));
    WindowScreen::fillTable(m_db, spec, name);
    m_windowKey = key;
    return name;
}

RowPage CatalogueLoader::fetchRows(const ViewSpec &spec, const QList<qint64> &ids)
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

bool CatalogueLoader::firstScreenBySortIndex(const ViewSpec &spec, QList<qint64> &ids)
{
    // Without a filter the planner walks the sort index by itself.
    const bool filtered = !spec.search.trimmed().isEmpty() || !spec.task.isEmpty() || !spec.author.isEmpty()
                          || !spec.license.isEmpty() || !spec.framework.isEmpty() || spec.usage != ViewSpec::Usage::All
                          || spec.minCalls || spec.minRepeatCallers || spec.listedFromDay || spec.listedUntilDay;
    const std::optional<SqlQuery> walk = filtered ? ViewQuery::orderedIdsBySortIndex(spec) : std::nullopt;
    if (!walk)
        return false;
    // A filter that matches many models fills the first screen after a short walk; one that
    // matches few would walk all 2 million, so the walk gets a budget and the usual plan
    // (filter first, then sort the few matches) takes over when it runs out.
    Statement st(m_db, walk->sql + " LIMIT " + std::to_string(QuickIds));
    walk->bindTo(st);
    const StopWhen budget(m_db, StopWhen::after(FirstScreenBudgetMs));
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

bool CatalogueLoader::listedShortTerm(const ViewSpec &spec)
{
    const std::optional<std::int64_t> key = ShortTerms::key(spec.search);
    return key && ShortTerms::isListed(m_db, *key);
}

bool CatalogueLoader::fewTrigramMatches(const ViewSpec &spec)
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

SqlQuery CatalogueLoader::firstScreenOfFew(const ViewSpec &spec, bool listedShortTerm)
{
    if (spec.hasWindow() && !windowReady(spec)) {
        // Rather than fill the window's table first (seconds at 2M models), aggregate the
        // window for the few matches alone.
        std::vector<std::int64_t> matches;
        const std::optional<SqlQuery> search =
            listedShortTerm ? ViewQuery::shortTermIds(spec) : ViewQuery::searchIds(spec);
        Statement st(m_db, search->sql + " LIMIT " + std::to_string(RareSearchMatches + 1));
        search->bindTo(st);
        while (st.step())
            matches.push_back(st.int64(0));
        if (int(matches.size()) <= RareSearchMatches)
            return ViewQuery::orderedIdsAmong(spec, matches);
    }
    return orderQuery(spec, listedShortTerm);
}

SqlQuery CatalogueLoader::orderQuery(const ViewSpec &spec, bool listedShortTerm)
{
    const std::string table = windowTableFor(spec);
    if (listedShortTerm)
        return *ViewQuery::orderedIdsOfShortTerm(spec, table);
    return ViewQuery::orderedIds(spec, table);
}

bool CatalogueLoader::firstScreenOfWindow(const ViewSpec &spec, QList<qint64> &ids)
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

void CatalogueLoader::loadView(quint64 gen, const ViewSpec &spec)
{
    if (!m_db.isOpen() || stale(gen))
        return;
    m_startedGen.store(gen);
    auto wanted = [&] { return !stale(gen); };
    QList<qint64> partialIds; // the first screen, when its rows wait for the window's callers
    try {
        delay();
        if (stale(gen))
            return;
        // The first screen: the first ids and their rows, before anything slower.
        QList<qint64> ids;
        QList<RowPage> pages;
        const bool done = retrying(
            [&] {
                ids.clear();
                pages.clear();
                // A rare search goes straight to its index (the listed models of one or two
                // letters, or the trigram index): a walk would find few matches within its
                // budget, and spend all of it.
                const bool listed = listedShortTerm(spec);
                const bool few = listed || fewTrigramMatches(spec);
                if (few || (!firstScreenBySortIndex(spec, ids) && !firstScreenOfWindow(spec, ids))) {
                    ids.clear();
                    const SqlQuery q = few ? firstScreenOfFew(spec, listed) : orderQuery(spec, false);
                    Statement st(m_db, q.sql + " LIMIT " + std::to_string(QuickIds));
                    q.bindTo(st);
                    while (st.step())
                        ids.append(st.int64(0));
                }
                for (qsizetype begin = 0; begin < ids.size(); begin += PageSize)
                    pages.append(fetchRows(spec, ids.mid(begin, PageSize)));
            },
            wanted);
        if (!done)
            return;
        // Rows shown before the window's callers were counted come again with them: the view
        // is not complete until then.
        const bool partial = !pages.isEmpty() && !pages.first().isEmpty() && pages.first().first().callersPending;
        if (partial)
            partialIds = ids;
        const bool complete = ids.size() < QuickIds && !partial;
        emit idsReady(gen, ids, complete);
        for (int p = 0; p < pages.size(); ++p)
            emit pageReady(gen, p, pages.at(p));
    } catch (const DbError &e) {
        emit failed(e.message());
        return;
    }
    // The rest goes to the back of the queue, so that pages the view asks for meanwhile come first.
    QMetaObject::invokeMethod(
        this, [this, gen, spec, partialIds] { loadRest(gen, spec, partialIds); }, Qt::QueuedConnection);
}

void CatalogueLoader::loadRest(quint64 gen, const ViewSpec &spec, const QList<qint64> &partialIds)
{
    if (!m_db.isOpen() || stale(gen))
        return;
    auto wanted = [&] { return !stale(gen); };
    if (spec.hasWindow() && !windowReady(spec)) {
        // Filling a window's table takes seconds at 2M models: a page or the detail pane asked
        // for meanwhile goes first, and the fill starts again after it.
        auto requeue = [&] {
            QMetaObject::invokeMethod(
                this, [this, gen, spec, partialIds] { loadRest(gen, spec, partialIds); }, Qt::QueuedConnection);
        };
        if (requestWaiting()) {
            requeue();
            return;
        }
        try {
            const StopWhen giveWay(m_db, [this, gen] { return requestWaiting() || stale(gen); }, 2000);
            windowTableFor(spec);
        } catch (const DbError &e) {
            if (!e.isInterrupt()) {
                emit failed(e.message());
                return;
            }
            if (!stale(gen) && m_db.isOpen())
                requeue();
            return;
        }
    }
    // The first screen again, now with the window's callers, before the full order (a sort
    // of every model, another second at 2M).
    try {
        for (qsizetype begin = 0; begin < partialIds.size() && !stale(gen); begin += PageSize) {
            RowPage rows;
            if (retrying([&] { rows = fetchRows(spec, partialIds.mid(begin, PageSize)); }, wanted))
                emit pageReady(gen, int(begin / PageSize), rows);
        }
    } catch (const DbError &e) {
        emit failed(e.message());
        return;
    }
    try {
        QList<qint64> ids;
        const bool done = retrying(
            [&] {
                ids.clear();
                const SqlQuery q = orderQuery(spec, listedShortTerm(spec));
                Statement st(m_db, q.sql);
                q.bindTo(st);
                const StopWhen superseded(m_db, [this, gen] { return stale(gen); });
                while (st.step())
                    ids.append(st.int64(0));
            },
            wanted);
        if (!done)
            return;
        if (ids.size() >= QuickIds || !partialIds.isEmpty())
            emit idsReady(gen, ids, true);
        releaseFreedMemory();
    } catch (const DbError &e) {
        emit failed(e.message());
        return;
    }
    // Behind the pages the view asks for once it has the full list.
    QMetaObject::invokeMethod(
        this, [this, gen, spec] { loadFigures(gen, spec); }, Qt::QueuedConnection);
}

void CatalogueLoader::pageWanted()
{
    ++m_waiting;
}

void CatalogueLoader::loadFigures(quint64 gen, const ViewSpec &spec)
{
    if (!m_db.isOpen() || stale(gen))
        return;
    // A page is waiting in the queue (posted after this): let it go first, then start over.
    auto requeue = [&] {
        QMetaObject::invokeMethod(this, [this, gen, spec] { loadFigures(gen, spec); }, Qt::QueuedConnection);
    };
    if (requestWaiting()) {
        requeue();
        return;
    }
    try {
        for (;;) {
            try {
                CatalogueFigures figures;
                {
                    // The scan stops (as an interrupt) as soon as the view asks for a page, or
                    // another view is wanted: supersede()'s interrupt does nothing to a query
                    // that had not started yet when it came.
                    const StopWhen giveWay(m_db, [this, gen] { return requestWaiting() || stale(gen); }, 2000);
                    figures = Figures::compute(m_db, spec, windowTableFor(spec));
                }
                emit figuresReady(gen, figures);
                return;
            } catch (const DbError &e) {
                if (!e.isInterrupt() || stale(gen))
                    throw;
                if (requestWaiting()) {
                    requeue();
                    return;
                }
            }
        }
    } catch (const DbError &e) {
        if (!e.isInterrupt())
            emit failed(e.message());
    }
}

void CatalogueLoader::loadPage(quint64 gen, const ViewSpec &spec, int page, const QList<qint64> &ids)
{
    served();
    if (!m_db.isOpen() || stale(gen))
        return;
    try {
        delay();
        if (stale(gen))
            return;
        RowPage rows;
        if (retrying([&] { rows = fetchRows(spec, ids); }, [&] { return !stale(gen); }))
            emit pageReady(gen, page, rows);
    } catch (const DbError &e) {
        emit pageFailed(gen, page);
        emit failed(e.message());
    }
}

void CatalogueLoader::loadChoices()
{
    if (!m_db.isOpen())
        return;
    try {
        FilterChoices c;
        retrying(
            [&] {
                c.tasks = choiceList(m_db, "task", 500);
                c.authors = choiceList(m_db, "author", 2000);
                c.licenses = choiceList(m_db, "license", 500);
                c.frameworks = choiceList(m_db, "framework", 500);
                const auto days = Figures::usageDays(m_db);
                c.firstUsageDay = days ? days->first : 0;
                c.lastUsageDay = days ? days->second : -1;
            },
            [] { return true; });
        emit choicesReady(c);
    } catch (const DbError &e) {
        emit failed(e.message());
    }
}

void CatalogueLoader::loadDetail(quint64 request, qint64 id, const ViewSpec &spec)
{
    served();
    if (!m_db.isOpen() || request < m_latestDetail.load())
        return;
    auto wanted = [&] { return request >= m_latestDetail.load(); };
    try {
        ModelDetail d;
        d.id = id;
        const bool done = retrying(
            [&] {
                d = ModelDetail();
                d.id = id;
                Statement m(m_db, "SELECT model_id, author, name, task, framework, license, tags, created_at,"
                                  " updated_at, versions, files, downloads, likes, description, listed"
                                  " FROM models WHERE id = ?");
                m.bind(1, std::int64_t(id));
                if (!m.step())
                    return;
                d.found = true;
                d.modelId = m.text(0);
                d.listed = m.int64(14) != 0;
                auto text = [&](const char *label, int col) {
                    d.fields.append({QString::fromLatin1(label), m.isNull(col) ? QString() : m.text(col)});
                };
                auto number = [&](const char *label, int col) {
                    d.fields.append({QString::fromLatin1(label),
                                     m.isNull(col) ? QString() : QString::number(m.int64(col))});
                };
                auto stamp = [&](const char *label, int col) {
                    d.fields.append({QString::fromLatin1(label),
                                     m.isNull(col) ? QString()
                                                   : QString::fromStdString(TextRules::formatTimestamp(m.int64(col)))});
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
                d.description = m.isNull(13) ? QString() : m.text(13);

                // Before the window's table is filled, this one model's figures are computed alone.
                const SqlQuery q = spec.hasWindow() && !windowReady(spec)
                                       ? ViewQuery::selectIds(spec, std::vector<std::int64_t>{id})
                                       : ViewQuery::selectIds(spec, {id}, windowTableFor(spec));
                Statement row(m_db, q.sql);
                q.bindTo(row);
                if (row.step())
                    d.metrics = readCatalogueRow(row);

                // The chart range: the usage window, or the model's own first to last day.
                std::string range;
                std::vector<std::int64_t> params{id};
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
                Statement days(m_db, "SELECT day, sum(calls), sum(failed_calls), sum(tee_calls), sum(zkml_calls),"
                                     " sum(fees_nano), sum(verified_unsplit) FROM usage_daily WHERE model = ?"
                                     + range + " GROUP BY day ORDER BY day");
                bindAll(days, 1);
                QList<ModelDetail::Day> seen;
                qint64 calls = 0;
                while (days.step()) {
                    seen.append({days.int64(0), days.int64(1), days.int64(2)});
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
                d.evidenceEnd = Figures::evidenceEnd(m_db, spec);
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
                        d.days.append({day, 0, 0});
                }

                // A caller returns in a week when it called this model in any earlier week, inside the
                // window or before it. One pass in primary-key order (model, day, caller), so no sort and
                // no join: the busiest model's quarter-million rows take milliseconds, not a second.
                // Weeks start on Monday (TextRules::weekOf).
                Statement rows(m_db, "SELECT day, caller FROM usage_daily WHERE model = ?"
                                     + std::string(spec.untilDay ? " AND day <= ?" : "") + " ORDER BY day");
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
                        current = ModelDetail::Week{TextRules::mondayOf(week), 0, 0};
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
                            dense.append(ModelDetail::Week{monday, 0, 0});
                    }
                    d.weeks = dense;
                }

                // History of the listing: one point per snapshot that saw this model.
                Statement pop(m_db, "SELECT s.taken_at, p.downloads, p.likes FROM popularity p"
                                    " JOIN snapshots s ON s.id = p.snapshot WHERE p.model = ? ORDER BY s.taken_at, s.id");
                pop.bind(1, std::int64_t(id));
                while (pop.step())
                    d.popularity.append({pop.int64(0), pop.isNull(1) ? -1 : pop.int64(1), pop.isNull(2) ? -1 : pop.int64(2)});
                if (d.popularity.size() > ModelDetail::MaxPopularityPoints) {
                    // Never more points than the chart has pixels: keep an even spread and the latest.
                    QList<ModelDetail::Popularity> thinned;
                    const double step = double(d.popularity.size() - 1) / (ModelDetail::MaxPopularityPoints - 1);
                    for (int i = 0; i < ModelDetail::MaxPopularityPoints; ++i)
                        thinned.append(d.popularity.at(qsizetype(i * step + 0.5)));
                    thinned.last() = d.popularity.last();
                    d.popularity = thinned;
                }
            },
            wanted);
        if (done && wanted())
            emit detailReady(request, d);
    } catch (const DbError &e) {
        emit failed(e.message());
    }
}

LoaderThread::LoaderThread()
    : m_loader(new CatalogueLoader)
{
    m_thread.setObjectName(QStringLiteral("uptake-loader"));
    m_loader->moveToThread(&m_thread);
    m_thread.start();
}

LoaderThread::~LoaderThread()
{
    m_loader->supersede(std::numeric_limits<quint64>::max());
    m_loader->supersedeDetail(std::numeric_limits<quint64>::max());
    m_thread.quit();
    m_thread.wait();
    delete m_loader;
}
