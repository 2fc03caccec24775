#pragma once

#include "db/database.h"
#include "view/figures.h"
#include "view/viewspec.h"

#include <QList>
#include <QMetaType>
#include <QMutex>
#include <QObject>
#include <QPair>
#include <QString>
#include <QThread>
#include <QVariant>

#include <array>
#include <atomic>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>

// One row of the catalogue view as SQL returned it: the model's row id and one raw value
// per Columns::Id (null QVariant for SQL NULL). The model formats them for display.
struct CatalogueRow
{
    qint64 id = 0;
    std::array<QVariant, Columns::Count> cells;
    // A usage window's row loaded before its callers were counted: unique callers, repeat
    // callers and repeat rate are not known yet (the sums are), and the page comes again.
    bool callersPending = false;
};
using RowPage = QList<CatalogueRow>;

// Values for the filter panel's pick lists, most frequent first, with their counts.
struct FilterChoices
{
    using List = QList<QPair<QString, qint64>>;
    List tasks, authors, licenses, frameworks;
    // The first and last UTC days with usage (days since 1970-01-01); last < first: none.
    qint64 firstUsageDay = 0, lastUsageDay = -1;
};

// Everything the detail pane shows for one model over the view's usage window.
struct ModelDetail
{
    struct Day
    {
        qint64 day = 0; // days since epoch
        qint64 calls = 0;
        qint64 failed = 0;
    };
    struct Week
    {
        qint64 firstDay = 0; // Monday, days since epoch
        qint64 unique = 0;
        qint64 returning = 0; // seen in an earlier week
    };

    qint64 id = 0;
    bool found = false;
    QString modelId;
    bool listed = true;
    QList<QPair<QString, QString>> fields; // untranslated label, value; registry text, shown as plain text
    QString description;
    CatalogueRow metrics; // the same row the table shows
    QList<Day> days; // every day of the range, zero-filled
    QList<Week> weeks;
    qint64 firstDay = 0, lastDay = -1; // the range the charts cover
    // The cache's evidence end (Figures::evidenceEnd): a week that reaches past it is not over.
    std::optional<qint64> evidenceEnd;
    qint64 vanilla = 0, tee = 0, zkml = 0;
    qint64 verifiedUnsplit = 0; // verified, from a roll-up that does not say TEE or ZKML
    qint64 feesNano = 0;
    // Listed popularity as each catalogue import or sync saw it, oldest first (thinned to at
    // most MaxPopularityPoints). Unknown figures are -1: a registry that does not report them.
    struct Popularity
    {
        qint64 takenAt = 0; // Unix seconds
        qint64 downloads = -1;
        qint64 likes = -1;
    };
    static constexpr int MaxPopularityPoints = 400;
    QList<Popularity> popularity;
};

Q_DECLARE_METATYPE(CatalogueRow)
Q_DECLARE_METATYPE(FilterChoices)
Q_DECLARE_METATYPE(ModelDetail)
Q_DECLARE_METATYPE(CatalogueFigures)

// Runs every query of the window on its own connection, in its own thread. Requests carry
// a generation; the UI raises the current generation (and interrupts the running query)
// before it posts a request for a new view, so work for older views is skipped or cut
// short and never answered.
class CatalogueLoader final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CatalogueLoader)

public:
    // Ids answered before the full list, so that the first screen shows at once.
    static constexpr int QuickIds = 200;
    // Rows are fetched in pages of this many ids.
    static constexpr int PageSize = 100;
    // How long the first screen of a filtered view may walk the sort index before the
    // filter's own index takes over (see ViewQuery::orderedIdsBySortIndex).
    static constexpr int FirstScreenBudgetMs = 50;
    // The same for a usage window's first screen from the daily totals (WindowScreen); past
    // it, the whole window is aggregated first.
    static constexpr int WindowScreenBudgetMs = 80;
    // A search of three characters or more that matches fewer models than this reads them
    // from the trigram index and sorts them, rather than walking the sort index for them.
    static constexpr int RareSearchMatches = 5000;

    explicit CatalogueLoader(QObject *parent = nullptr);
    ~CatalogueLoader() override;

    // Thread-safe, called from the UI thread: from now on only generation >= gen matters.
    void supersede(quint64 gen);
    // Thread-safe: the detail request that matters from now on. Like a page, it goes before
    // the background work of the view (see pageWanted).
    void supersedeDetail(quint64 request);
    // Thread-safe, called before a page request is posted: the catalogue figures (a scan of
    // the whole view) and the filling of a usage window's table step aside for it and start
    // again after it.
    void pageWanted();
    quint64 latestGeneration() const { return m_latestGen.load(); }
    // Thread-safe: the cache's data changed (an import), so derived tables must be rebuilt.
    void markDataChanged() { m_windowDirty.store(true); }

    // Test hook: every view query sleeps this long first, to make stale answers likely.
    void setArtificialDelay(int ms) { m_delayMs.store(ms); }
    // Test hook: the generation of the view whose loading began last.
    quint64 startedGeneration() const { return m_startedGen.load(); }

    // The slots below run in the loader's thread; post them with QMetaObject::invokeMethod.
    void open(const QString &path);
    void close();
    void loadView(quint64 gen, const ViewSpec &spec);
    void loadPage(quint64 gen, const ViewSpec &spec, int page, const QList<qint64> &ids);
    void loadChoices();
    void loadDetail(quint64 request, qint64 id, const ViewSpec &spec);

signals:
    // empty: the catalogue has no model yet (no count: counting 2 million rows would delay the
    // first screen by a tenth of a second).
    void opened(bool empty, bool demo);
    void openFailed(const QString &message);
    void idsReady(quint64 gen, const QList<qint64> &ids, bool complete);
    void figuresReady(quint64 gen, const CatalogueFigures &figures);
    void pageReady(quint64 gen, int page, const RowPage &rows);
    void pageFailed(quint64 gen, int page);
    void choicesReady(const FilterChoices &choices);
    void detailReady(quint64 request, const ModelDetail &detail);
    void failed(const QString &message);

private:
    bool stale(quint64 gen) const { return gen < m_latestGen.load(); }
    bool requestWaiting() const { return m_waiting.load() > 0; }
    void served();
    void delay() const;
    void loadRest(quint64 gen, const ViewSpec &spec, const QList<qint64> &partialIds);
    void loadFigures(quint64 gen, const ViewSpec &spec);
    RowPage fetchRows(const ViewSpec &spec, const QList<qint64> &ids);
    // The first screen of ids by walking the sort index within the budget; false when it ran out.
    bool firstScreenBySortIndex(const ViewSpec &spec, QList<qint64> &ids);
    // A usage window's first screen from the daily totals within its budget; false when it
    // ran out or the view needs the window's callers to be ordered.
    bool firstScreenOfWindow(const ViewSpec &spec, QList<qint64> &ids);
    // Whether the view searches for one or two characters that few models hold, listed with
    // their models (ShortTerms).
    bool listedShortTerm(const ViewSpec &spec);
    // Whether the view's search (three characters or more) matches few models.
    bool fewTrigramMatches(const ViewSpec &spec);
    // The order query of a view whose search matches few models (listed short term, or few
    // trigram matches), for its first screen.
    SqlQuery firstScreenOfFew(const ViewSpec &spec, bool listedShortTerm);
    // The view's order: the whole view's query, or that of its listed short term.
    SqlQuery orderQuery(const ViewSpec &spec, bool listedShortTerm);
    // The TEMP table holding the spec's usage window, filled when the window changes.
    std::string windowTableFor(const ViewSpec &spec);
    // Whether that table holds the spec's window now (no fill needed).
    bool windowReady(const ViewSpec &spec) const;

    Database m_db;
    mutable QMutex m_dbMutex; // guards m_db's handle against interrupt() during open/close
    std::atomic<quint64> m_latestGen{0};
    std::atomic<quint64> m_latestDetail{0};
    // Page and detail requests posted and not yet served: background work steps aside for them.
    std::atomic<int> m_waiting{0};
    std::atomic<int> m_delayMs{0};
    std::atomic<quint64> m_startedGen{0};
    std::optional<std::pair<std::optional<std::int64_t>, std::optional<std::int64_t>>> m_windowKey;
    std::atomic<bool> m_windowDirty{false};
};

// Owns a loader and the thread it lives in; stops the thread (interrupting any query) on
// destruction.
class LoaderThread final
{
    Q_DISABLE_COPY_MOVE(LoaderThread)

public:
    LoaderThread();
    ~LoaderThread();
    CatalogueLoader *loader() const { return m_loader; }

private:
    QThread m_thread;
    CatalogueLoader *m_loader;
};

// Reads one view row (m.id then the Columns in order) from a statement of ViewQuery.
CatalogueRow readCatalogueRow(const Statement &st);
