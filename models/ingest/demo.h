#pragma once

#include "progress.h"

#include <cstdint>
#include <functional>
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
// Into an empty cache, two transactions: the listings, then (once listed() has been called,
// on this thread) their history and usage. Cancelled, failed or killed during the listings,
// the cache is as before; during the usage, the listings stay, marked pending, and the next
// generate() on the cache (the window's next start makes one) writes the usage as one run
// would have, with the options the listings were made with, whatever options it is given.
// Into a cache that holds a demo already: one transaction, cancelled or failed, as before.
DemoResult generate(Database &db, const DemoOptions &options, const ProgressFn &progress = {},
                    const std::function<void()> &listed = {});
// The cache holds a demo, finished or pending.
bool isDemoCache(Database &db);
// The cache holds a demo's listings without their usage (see generate).
bool isPending(Database &db);
} // namespace Demo

} // namespace uptake
