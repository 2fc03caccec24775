#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace uptake {

class Statement;

// The columns of the catalogue view, in the order of the CSV snapshot (contract
// section 4) first, then the further fields. The table, export and stats share them.
namespace Columns {

enum Id : int {
    ModelId,
    Author,
    Task,
    CreatedAt,
    Versions,
    Calls,
    UniqueCallers,
    RepeatCallers,
    RepeatRate,
    VerifiedCalls,
    FeesPaid,
    FirstCall,
    LastCall,
    Listed,
    // further columns, after the contract's fixed ones
    Name,
    Framework,
    License,
    Tags,
    UpdatedAt,
    Files,
    Downloads,
    Likes,
    FailedCalls,
    ActiveDays,
    // demand evidence (contract 3b)
    Week1Retention,
    Week4Retention,
    TopCallerShare,
    EffectiveCallers,
    // supply as the Hub publishes it now (contract section 1)
    Parameters,
    BaseModels,
    Gated,
    DownloadsAllTime,
    TrendingScore,
    Count
};

// Rate: a fraction (REAL); Decimal: a plain number with decimals (REAL).
enum class Kind { Text, Integer, Timestamp, Rate, Fee, Bool, Decimal };

struct Info
{
    const char *key; // CSV header and --sort name
    const char *title; // untranslated; the UI passes it through tr()
    Kind kind;
};

const Info &info(int column);
// A first or last call known only to the day (usage roll-ups) comes back from the view
// queries as a REAL, that day's midnight + 0.5 s; a time of day as INTEGER seconds.
bool isDayOnly(const Statement &st, int sqlColumn);
// The figures a usage window has only once its callers are counted (unique and repeat
// callers, repeat rate, the demand evidence); the others come from its daily totals.
bool fromCallers(int column);
// By CSV key; -1 when unknown.
int fromKey(QStringView key);
QStringList keys();

} // namespace Columns

// What the user is looking at: filters, the usage window and the sort. The window,
// the CLI export and stats all describe their view with this, and one builder turns it
// into SQL, so that the window shows what the CLI computes.
struct ViewSpec
{
    enum class Usage { All, Never, Called, Repeat, Unlisted };

    QString search;
    QString task;
    QString author;
    QString license;
    QString framework;
    Usage usage = Usage::All;
    std::optional<std::int64_t> minCalls;
    std::optional<std::int64_t> minRepeatCallers;
    // Demand evidence (contract 3b), in the window when there is one; a model where 3b leaves
    // the figure empty does not pass. Fractions from 0 to 1.
    std::optional<double> minWeek4Retention;
    std::optional<double> minEffectiveCallers;
    std::optional<double> maxTopCallerShare;
    std::optional<std::int64_t> listedFromDay, listedUntilDay; // days since epoch, inclusive
    // Listed supply: parameter range (inclusive) and gated or not; a model whose registry does
    // not say does not pass.
    std::optional<std::int64_t> minParameters, maxParameters;
    std::optional<bool> gated;
    std::optional<std::int64_t> sinceDay, untilDay; // usage window, inclusive

    int sortColumn = Columns::Calls;
    bool sortDescending = true;

    bool hasWindow() const { return sinceDay.has_value() || untilDay.has_value(); }
    bool hasEvidenceFilter() const
    {
        return minWeek4Retention.has_value() || minEffectiveCallers.has_value() || maxTopCallerShare.has_value();
    }
    bool hasSupplyFilter() const { return minParameters.has_value() || maxParameters.has_value() || gated.has_value(); }
    // Any filter at all (the usage window and the sort aside): false for the whole catalogue.
    bool hasFilter() const
    {
        return !search.trimmed().isEmpty() || !task.isEmpty() || !author.isEmpty() || !license.isEmpty()
            || !framework.isEmpty() || usage != Usage::All || minCalls || minRepeatCallers || hasEvidenceFilter()
            || listedFromDay || listedUntilDay || hasSupplyFilter();
    }
    bool operator==(const ViewSpec &) const = default;

    QJsonObject toJson() const;
    static QString usageName(Usage u);
    static std::optional<Usage> usageFromName(QStringView name);
};

// SQL text plus its parameters, bound in order.
struct SqlQuery
{
    using Value = std::variant<std::int64_t, std::string, double>;
    std::string sql;
    std::vector<Value> params;

    void bindTo(Statement &st) const;
};

namespace ViewQuery {

// SELECT m.id, then one column per Columns::Id in order, for the whole filtered view,
// sorted. Timestamps come back as Unix seconds (see Columns::isDayOnly), fees in nano units,
// rate as REAL.
SqlQuery select(const ViewSpec &spec);
// The same, a window's demand evidence columns NULL unless the view filters or sorts on them:
// in plain SQL they take a grouping of every (model, caller) pair of the cache.
SqlQuery selectWithoutWindowEvidence(const ViewSpec &spec);
// The same, only the rows whose ids are in the given list (for loading a page of a view).
SqlQuery selectIds(const ViewSpec &spec, const std::vector<std::int64_t> &ids);
// SELECT m.id in view order: the key list a lazy table pages through.
SqlQuery orderedIds(const ViewSpec &spec);
SqlQuery count(const ViewSpec &spec);
// SELECT m.id of the view's models that have any usage at all (all-time calls > 0), in no
// particular order: the models whose day rows a selection's demand evidence reads.
SqlQuery calledIds(const ViewSpec &spec);
// SELECT listed, calls, repeat_callers, unique_callers for the catalogue-level figures.
SqlQuery figures(const ViewSpec &spec);

// A browser asks many questions of one usage window (first screen, full order, pages,
// figures, every sort and filter). Aggregating usage for each would take seconds each time,
// so it fills a TEMP table (per connection) with the window's per-model figures once
// (WindowScreen::fillTable, tested against the SQL above), and the overloads below read that
// table instead. Without a window in the spec, windowTable is ignored.
std::string createWindowTable(const std::string &table);
SqlQuery select(const ViewSpec &spec, const std::string &windowTable);
SqlQuery count(const ViewSpec &spec, const std::string &windowTable);
SqlQuery orderedIds(const ViewSpec &spec, const std::string &windowTable);
// The same for a search of one or two characters, reading the models listed under it
// (ShortTerms) and confirming each with LIKE: for a term ShortTerms::isListed says is rare.
// nullopt for other searches.
std::optional<SqlQuery> orderedIdsOfShortTerm(const ViewSpec &spec, const std::string &windowTable);
// The models listed under the search's short term (a superset of its matches); nullopt for
// other searches.
std::optional<SqlQuery> shortTermIds(const ViewSpec &spec);
// orderedIds among the given models only, a usage window aggregated for them alone.
SqlQuery orderedIdsAmong(const ViewSpec &spec, const std::vector<std::int64_t> &ids);

// The ids the search alone matches, straight from the trigram index (ascending), for callers
// that need the set rather than a view; nullopt for a search shorter than three characters.
std::optional<SqlQuery> searchIds(const ViewSpec &spec);

// The index that holds models in the order of a column (all-time figures), by name; every
// column has one (see the cache's schema).
const char *sortIndex(int column);
// orderedIds walking that index (INDEXED BY), filters tested row by row. The planner prefers
// the index of an equality filter or the search set and then sorts every match, which for a
// filter that matches a quarter of 2 million models takes a second; walking the sort index
// finds the first screen of such a filter in milliseconds, but a rare match would walk the
// whole index, so the browser runs it under a time budget and falls back (nullopt with a
// usage window, which sorts a temporary table instead, and with a search in other than ASCII,
// which only the trigram index folds the way it should).
std::optional<SqlQuery> orderedIdsBySortIndex(const ViewSpec &spec);
// The same walk for a search of one or two characters whose models are listed (ShortTerms):
// each index entry is first tested against the list, so only the listed models' rows are
// read. Finds the first screen of a term in 1 of 130 models (xq at 2M) in about a quarter
// of the time that reading and sorting all its models takes. nullopt as above, or when the
// search is not one or two characters; any script (LIKE is what a short search means).
std::optional<SqlQuery> orderedIdsBySortIndexAmongListed(const ViewSpec &spec);
SqlQuery selectIds(const ViewSpec &spec, const std::vector<std::int64_t> &ids, const std::string &windowTable);
SqlQuery figures(const ViewSpec &spec, const std::string &windowTable);
SqlQuery calledIds(const ViewSpec &spec, const std::string &windowTable);

// For walks that stop early (WindowScreen): SELECT m.id, the sort column's all-time value,
// m.calls, for the filters of a spec without a window, in the order of its sort column
// (INDEXED BY its sort index) or, byId, of m.id ascending. The search as LIKE; nullopt with a
// window or a search in other than ASCII, as orderedIdsBySortIndex.
std::optional<SqlQuery> walk(const ViewSpec &spec, bool byId);
// selectIds for a window before its callers are counted: the sums (calls, failed, verified,
// fees, active days, first and last call) from the daily totals, which take a few rows per
// model, and NULL for unique callers, repeat callers and repeat rate.
SqlQuery selectIdsWindowSums(const ViewSpec &spec, const std::vector<std::int64_t> &ids);

} // namespace ViewQuery

} // namespace uptake
