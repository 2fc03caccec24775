#pragma once

#include "view/cataloguerow.h"
#include "view/figures.h"
#include "view/modeldetail.h"
#include "view/viewspec.h"

#include <QList>
#include <QMetaType>
#include <QPair>
#include <QString>

#include <functional>
#include <optional>
#include <string>
#include <utility>

namespace uptake {

class Database;

// Values for the filter panel's pick lists, most frequent first, with their counts.
struct FilterChoices {
    using List = QList<QPair<QString, qint64>>;
    List tasks, authors, licenses, frameworks;
    // The first and last UTC days with usage (days since 1970-01-01); last < first: none.
    qint64 firstUsageDay = 0, lastUsageDay = -1;

    static FilterChoices read(Database &db);
};


// What the catalogue browser asks of one cache connection: a view's first screen of ids at
// once, its whole order, rows by id, figures, a model's detail. It holds the TEMP table of
// the current usage window (a row per model), filled when the window changes. Not thread-safe:
// one reader per connection, on the connection's thread. A query cut short by an interrupt or
// a stop condition throws DbError (isInterrupt()).
class CatalogueReader final {
public:
    // Ids answered before the full list, so that the first screen shows at once.
    static constexpr int QuickIds = 200;
    // How long the first screen of a filtered view may walk the sort index before the
    // filter's own index takes over (see ViewQuery::orderedIdsBySortIndex).
    static constexpr int FirstScreenBudgetMs = 50;
    // The same for a usage window's first screen from the daily totals (WindowScreen); past
    // it, the whole window is aggregated first.
    static constexpr int WindowScreenBudgetMs = 80;
    // A search of three characters or more that matches fewer models than this reads them
    // from the trigram index and sorts them, rather than walking the sort index for them.
    static constexpr int RareSearchMatches = 5000;
    // A listed search term in at least one model in this many walks the sort index, testing
    // each entry against its list, before its models are read and sorted: the first screen
    // is then expected within QuickIds * this many entries.
    static constexpr int ListedWalkDensity = 400;
    // The budget of that walk; past it (the matches come late in this order), the list's
    // models are read and sorted after all.
    static constexpr int ListedWalkBudgetMs = 15;

    using Stop = std::function<bool()>;

    explicit CatalogueReader(Database &db);
    CatalogueReader(const CatalogueReader &) = delete;
    CatalogueReader &operator=(const CatalogueReader &) = delete;

    // The catalogue has no model yet.
    bool isEmpty();
    // The view's first QuickIds ids (fewer when the view holds fewer), fast: from the sort
    // index within a budget, the daily totals of a window, or a rare search's own index.
    QList<qint64> firstScreen(const ViewSpec &spec);
    // The view's rows for ids, in their order; an id no longer in the cache gives an empty row.
    // Before the window's table is filled the rows of a window say callersPending.
    RowPage rows(const ViewSpec &spec, const QList<qint64> &ids);
    // Whether the window's table holds the spec's window now (no fill needed).
    bool windowReady(const ViewSpec &spec) const;
    // Fills the window's table for spec (seconds at 2M models); stop is polled.
    void fillWindow(const ViewSpec &spec, const Stop &stop);
    // Every id of the view in its order; stop is polled.
    QList<qint64> orderedIds(const ViewSpec &spec, const Stop &stop);
    // The view's figures (a scan of the whole view); stop is polled.
    CatalogueFigures figures(const ViewSpec &spec, const Stop &stop);
    ModelDetail detail(qint64 id, const ViewSpec &spec);
    // The cache's data changed (an import): the window's table must be filled again.
    void markDataChanged() { m_windowDirty = true; }

private:
    std::string windowTableFor(const ViewSpec &spec);
    bool firstScreenBySortIndex(const ViewSpec &spec, QList<qint64> &ids);
    bool firstScreenOfListedWalk(const ViewSpec &spec, QList<qint64> &ids);
    bool walkWithin(const SqlQuery &walk, int budgetMs, QList<qint64> &ids);
    bool firstScreenOfWindow(const ViewSpec &spec, QList<qint64> &ids);
    bool listedShortTerm(const ViewSpec &spec);
    bool fewTrigramMatches(const ViewSpec &spec);
    SqlQuery firstScreenOfFew(const ViewSpec &spec, bool listedShortTerm);
    SqlQuery orderQuery(const ViewSpec &spec, bool listedShortTerm);

    Database &m_db;
    std::optional<std::pair<std::optional<std::int64_t>, std::optional<std::int64_t>>> m_windowKey;
    bool m_windowDirty = false;
};

} // namespace uptake

Q_DECLARE_METATYPE(uptake::FilterChoices)
