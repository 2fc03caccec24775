#pragma once

#include "view/viewspec.h"

#include <QJsonObject>
#include <QString>

#include <array>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <map>
#include <vector>

namespace uptake {

class Database;

// Demand evidence (contract 3b, docs/METRICS.md): whether callers come back, and how broad
// the usage is, for one model or a selection of the catalogue. Computed at query time from
// usage_daily's day rows, so raw calls and roll-ups give the same figures. Days are days
// since 1970-01-01 (UTC), weeks are named by their Monday.
namespace Evidence {

// Periods 1..Periods of the retention curve and the cohort table.
inline constexpr int Periods = 12;

struct Counts
{
    std::int64_t returned = 0; // eligible callers who called in the period
    std::int64_t eligible = 0; // callers whose period had ended by the evidence end
    bool operator==(const Counts &) const = default;
};

// The callers first seen in one UTC week (by its Monday).
struct Cohort
{
    std::int64_t week = 0;
    std::int64_t callers = 0;
    std::array<Counts, Periods> periods{}; // [k - 1] for period k
    bool operator==(const Cohort &) const = default;
};

struct LifecycleWeek
{
    std::int64_t week = 0; // its Monday
    std::int64_t newCallers = 0, returning = 0, resurrecting = 0, dormant = 0;
    bool partial = false; // the week of the evidence end, which is not a Sunday
    bool operator==(const LifecycleWeek &) const = default;
};

struct Report
{
    std::optional<std::int64_t> evidenceEnd; // none without usage in the cache
    std::array<Counts, Periods> curve{}; // [k - 1] for period k
    std::vector<Cohort> cohorts; // ascending by week
    std::vector<LifecycleWeek> lifecycle; // every week from the first reported to E's, gaps included

    // Over the calls in the window (all callers with calls there, not only its cohorts).
    std::int64_t calls = 0;
    std::int64_t callers = 0;
    std::int64_t topCallerCalls = 0;
    std::int64_t halfCallers = 0; // fewest callers whose calls make at least half of the calls

    // Retention of period k (1..Periods): returned / eligible; none where none is eligible.
    std::optional<double> retention(int k) const;
    std::optional<double> week1Retention() const { return retention(1); }
    std::optional<double> week4Retention() const { return retention(4); }
    std::optional<double> topCallerShare() const; // none where calls is 0
    std::optional<double> effectiveCallers() const; // calls^2 / sum of calls(c)^2; none where calls is 0
    // The last reported week that is not partial, if any.
    std::optional<LifecycleWeek> lastCompleteWeek() const;

    double sumOfSquares = 0; // sum over callers of calls(c)^2, for effectiveCallers
};

// The row id (models.id) of a model id, none when the cache does not know it.
std::optional<std::int64_t> modelRowId(Database &db, const QString &modelId);

// One model; of spec only the window (sinceDay, untilDay) counts.
Report ofModel(Database &db, std::int64_t modelRowId, const ViewSpec &spec);
// The selection spec's filters choose (as the export and stats select it), its window
// applied as for one model; a caller is one person across the selection's models.
Report ofSelection(Database &db, const ViewSpec &spec);
// The same, the window's per-model figures (for filters such as --usage called) read from a
// table WindowScreen::filledTable made for spec, so that stats fills it once for both.
Report ofSelection(Database &db, const ViewSpec &spec, const std::string &windowTable);

// The selection's Report (as ofSelection) and, from the same read of its day rows, one Report
// per group of its models, a caller being one person within a group: groupOf(model row id)
// gives the group, 0..groups-1, or -1 for none. For the dashboard's curves by task.
struct GroupedReports
{
    Report selection;
    std::vector<Report> groups;
};
GroupedReports ofSelectionByGroup(Database &db, const ViewSpec &spec, const std::string &windowTable, int groups,
                                  const std::function<int(std::int64_t)> &groupOf);

// The four figures the CSV snapshot gives per model (contract section 4), each as
// ofModel(db, model, spec) defines it; none where that is empty.
struct ModelFigures
{
    std::optional<double> week1Retention, week4Retention, topCallerShare, effectiveCallers;
    bool operator==(const ModelFigures &) const = default;
};

// One model's ModelFigures from its day rows, by the rules ofModel applies, without cohorts
// and weeks and without a hash table: the rows, given in any order, are sorted by caller and
// day. Memory: the model's rows, 24 bytes each, reused from model to model. The usage writer
// keeps each model's all-time figures with it; figuresOfModels folds a view's.
class ModelFold final
{
public:
    void add(std::int64_t caller, std::int64_t day, std::int64_t calls);
    // The figures of the rows added since the last finish, which forgets them. Rows after
    // end must not be added.
    ModelFigures finish(std::optional<std::int64_t> since, std::optional<std::int64_t> until, std::int64_t end);
    // The callers of the rows given to the last finish, and those among them on two or more
    // days (all rows, whatever the window): what the usage writer stores beside the figures.
    std::int64_t callers() const { return m_callerCount; }
    std::int64_t repeatCallers() const { return m_repeatCount; }

private:
    struct Row
    {
        std::int64_t caller;
        std::int64_t calls;
        std::int32_t day;
    };
    std::vector<Row> m_rows;
    std::vector<std::int32_t> m_days;
    std::vector<std::int64_t> m_windowCalls;
    std::int64_t m_callerCount = 0, m_repeatCount = 0;
};

// ModelFigures by model row id, for the models of a view that have any usage. Compact (five
// numbers a model) because an export may ask it for millions.
class ModelFigureTable
{
public:
    // All empty for a model the table does not hold: without usage, nobody is eligible and
    // there are no calls.
    ModelFigures of(std::int64_t modelRowId) const;
    size_t size() const { return m_ids.size(); }
    // Ids must come in ascending order.
    void append(std::int64_t modelRowId, const ModelFigures &f);

private:
    std::vector<std::int64_t> m_ids; // ascending
    std::vector<std::array<double, 4>> m_values; // NaN where empty
};

// ModelFigures of every model of spec's view (filters and window, as the export selects it)
// in one pass: the view's called models in id order, each model's day rows read once from
// usage_daily's key, without the cohorts and weeks ofModel also builds. windowTable as
// WindowScreen::filledTable made it for spec (the export has it already). keepGoing, when
// given, is asked now and then; false throws Cancelled.
ModelFigureTable figuresOfModels(Database &db, const ViewSpec &spec, const std::string &windowTable,
                                 const std::function<bool()> &keepGoing = {});
ModelFigureTable figuresOfModels(Database &db, const ViewSpec &spec);

// Sets the demand evidence columns (w1, w4, top, eff) of a window table that
// WindowScreen::fillTable filled for spec's window: each model's figures in that window, as
// ofModel gives them. Its models are those with calls in the window, the only ones with
// figures there.
void fillWindowTable(Database &db, const ViewSpec &spec, const std::string &table,
                     const std::function<bool()> &keepGoing = {});

class Fold;

// The folds behind ofSelection and figuresOfModels, for day rows held elsewhere (the
// dashboard's in-memory copy of usage_daily): the same rules, so the same figures. Give them
// the rows (caller, day, calls) of the selection's models up to the evidence end.
// The per-caller half of a fold: each caller's distinct days with a call, in order, counted
// into the retention cohorts and the weekly lifecycle. SelectionFold uses it after placing
// its rows by caller; the dashboard's snapshot, which keeps its rows by caller too, walks them
// straight into one.
class CallerSteps final
{
public:
    // lowestWeek: no week before it is reported (the window's first, or the first with a call).
    CallerSteps(std::optional<std::int64_t> since, std::optional<std::int64_t> until, std::int64_t end,
                std::int64_t lowestWeek);
    ~CallerSteps();
    CallerSteps(CallerSteps &&) noexcept = default;
    CallerSteps &operator=(CallerSteps &&) noexcept = default;
    // d: one caller's days, ascending, distinct, none after the evidence end.
    void add(const std::int32_t *d, size_t n);
    // Takes in the callers added to other (made with the same arguments, none of them added
    // here too): a fold split by caller over threads is one again.
    void merge(CallerSteps &&other);
    // Fills r's end, curve, cohorts and lifecycle; minDay: the earliest day of any caller
    // added (none: no caller, no lifecycle).
    void finish(std::optional<std::int64_t> minDay, Report &r);

private:
    std::optional<std::int64_t> m_since, m_until;
    std::int64_t m_end, m_lowestWeek, m_lastWeek;
    std::vector<LifecycleWeek> m_weeks; // from m_lowestWeek to m_lastWeek
    std::map<std::int64_t, Cohort> m_cohorts; // by first week
};

// Breadth over the calls in a window (calls: each caller's, any order; sorted here).
void addBreadth(std::vector<std::int64_t> &calls, Report &r);

class SelectionFold final
{
public:
    // denseCallers > 0: every caller given is a number below it (the snapshot's), kept in an
    // array of that many slots instead of a hash table.
    SelectionFold(std::optional<std::int64_t> since, std::optional<std::int64_t> until, std::int64_t end,
                  std::uint32_t denseCallers = 0);
    ~SelectionFold();
    SelectionFold(SelectionFold &&) noexcept;
    SelectionFold &operator=(SelectionFold &&) noexcept;
    void add(std::int64_t caller, std::int64_t day, std::int64_t calls);
    Report finish();

private:
    std::unique_ptr<Fold> m_fold;
    bool m_dense = false;
};

// What `retention --json` and `lifecycle --json` print (contract section 5): integers and
// dates only, the same bytes in every locale. End with a newline.
std::string retentionJson(const Report &r);
std::string lifecycleJson(const Report &r);
// The keys `stats --json` adds for its selection: week1_retention, week4_retention,
// last_complete_week ({week, new, returning, resurrecting, dormant}); null where empty.
void addToStats(QJsonObject &stats, const Report &r);

} // namespace Evidence

} // namespace uptake
