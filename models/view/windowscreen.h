#pragma once

#include "db/database.h"
#include "view/viewspec.h"

#include <cstdint>
#include <optional>
#include <vector>

namespace uptake {

// The first screen of a usage-window view, found without aggregating the whole window.
//
// Aggregating a window over 2 million models takes seconds; the first screen needs a few
// hundred models. Each model's window sums (calls, failed and verified calls, fees, active
// days, last call) come from its daily totals (model_day) in a few rows, and each is at most
// the model's all-time figure, which has an index. So:
//  - descending by such a figure, walk its all-time index from the top, reading each model's
//    window figure; once the next all-time figure (an upper bound for every model still to
//    come) falls below the count-th best window figure, that best list is final (the
//    threshold algorithm, Fagin, Lotem and Naor 2001);
//  - ascending, the window's least value is 0, or no call at all for first and last call,
//    which every model not called in the window has: walking models in id order (the tie
//    order) until count of them are found gives the first screen;
//  - sorted by a listed field, the order is the all-time one: walk it, testing the filters.
// Filters that need the window's callers (repeat callers, minimum repeat callers), sorts by
// unique or repeat callers or repeat rate, and a search in other than ASCII are not found
// this way: nullopt, and the caller aggregates the window. The walks end early only when the
// answer is certain, so the ids are exactly the first rows of ViewQuery::orderedIds.
// Throws DbError; a caller bounds the time with StopWhen.
namespace WindowScreen {

bool supports(const ViewSpec &spec);
std::optional<std::vector<std::int64_t>> firstIds(Database &db, const ViewSpec &spec, int count);

// Fills a table made by ViewQuery::createWindowTable with the window's figures per model, as
// the window's SQL computes them, for the rest of the view (full order, pages, figures), and
// without its sort of every (model, caller) pair in the window, which held 200 MB at 2M
// models: the sums come from the daily totals, and each model's callers, read in key order
// from its days inside the window, are counted in one vector (the busiest model's size).
void fillTable(Database &db, const ViewSpec &spec, const std::string &table);
// For a one-off question (export, stats): the TEMP table of the spec's window, created and
// filled, by name; empty without a window. Its demand evidence columns are filled only when
// spec filters on them (Evidence::fillWindowTable does it for others who need them).
std::string filledTable(Database &db, const ViewSpec &spec);

} // namespace WindowScreen

} // namespace uptake
