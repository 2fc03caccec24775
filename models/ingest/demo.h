#pragma once

#include "progress.h"

#include <cstdint>
#include <optional>

namespace uptake {

class Database;

// A realistic, deterministic demo registry: Hugging-Face-like and OpenGradient-like
// listings over three years and 120 days of heavy-tailed usage, written through the
// same writers as real imports.
struct DemoOptions
{
    std::int64_t models = 50000;
    std::int64_t events = 2000000;
    std::uint64_t seed = 1;
    // Last day of usage (days since epoch); today (UTC) when unset.
    std::optional<std::int64_t> endDay;
};

struct DemoResult
{
    std::int64_t models = 0;
    std::int64_t events = 0;
    std::int64_t duplicates = 0;
};

namespace Demo {
// One transaction: cancelled or failed, the cache is as before.
DemoResult generate(Database &db, const DemoOptions &options, const ProgressFn &progress = {});
bool isDemoCache(Database &db);
} // namespace Demo

} // namespace uptake
