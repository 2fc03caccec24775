#pragma once

#include <cstdint>
#include <functional>
#include <stdexcept>

// Long work reports progress through this; returning false asks it to stop, which it
// does by throwing Cancelled so that the open transaction rolls back.
using ProgressFn = std::function<bool(std::int64_t done, std::int64_t total)>;

class Cancelled : public std::runtime_error
{
public:
    Cancelled()
        : std::runtime_error("cancelled")
    {
    }
};
