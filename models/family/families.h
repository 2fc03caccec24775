#pragma once

#include "view/viewspec.h"

#include <QJsonArray>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace uptake {

class Database;

// Families (contract section 1, base_models): a base model and the listed models that name it
// as their base (fine-tunes, adapters, quantisations, merges), with their usage. Direct
// derivatives only: a fine-tune of a fine-tune belongs to its own base's family, so the
// base-model graph is never walked, and its cycles and self-references cannot loop it.
namespace Families {

struct Family
{
    std::string base; // the base model's id, as its derivatives name it
    bool baseListed = false; // whether the catalogue lists the base itself
    std::int64_t derivatives = 0; // models of the view that name it as a base
    std::int64_t called = 0; // of them, called (in the usage window)
    std::int64_t kept = 0; // of them, with a caller kept to week 4 (all time: week4_retention > 0)
    std::int64_t calls = 0; // their calls (in the usage window)
    std::int64_t callers = 0; // distinct callers over them: a caller is one person across models
};

// Every base model the view's models name, ranked by callers, then calls, then derivatives
// listed, then id; at most limit of them (0: all). total, when given, gets how many there are.
std::vector<Family> rank(Database &db, const ViewSpec &spec, std::size_t limit = 0, std::int64_t *total = nullptr);
// One model as a base: its direct derivatives over the whole catalogue, all time.
Family ofBase(Database &db, const std::string &modelId);
// {"base", "base_listed", "derivatives", "called", "kept_to_week4", "calls", "callers"} each.
QJsonArray toJson(const std::vector<Family> &families);

// Where a model comes from: its first base, that base's first base, and so on while the
// catalogue lists them, at most maxDepth steps; a step that comes back to a model already on
// the way ends it (cycle). relation is what the Hub's tags say (base_model:finetune:X gives
// "finetune"; also adapter, quantized, merge), empty where they do not.
struct Step
{
    std::string id;
    std::string relation;
    bool listed = false;
};
struct Lineage
{
    std::vector<Step> up; // nearest first
    std::vector<std::string> otherBases; // the model's further bases, beside the first
    bool cycle = false;
};
Lineage lineage(Database &db, std::int64_t modelRow, int maxDepth = 8);
// The relation the tags give for one base (see Step), empty when none.
std::string relationIn(std::string_view tags, std::string_view base);

} // namespace Families

} // namespace uptake
