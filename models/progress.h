#pragma once

#include "error.h"

#include <cstdint>
#include <functional>

namespace uptake {

// Long work reports progress through this; returning false asks it to stop, which it
// does by throwing Cancelled so that the open transaction rolls back.
using ProgressFn = std::function<bool(std::int64_t done, std::int64_t total)>;

class Cancelled : public Error
{
public:
    Cancelled()
        : Error(std::string("cancelled"))
    {
    }
};

} // namespace uptake
