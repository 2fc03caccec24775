#pragma once

#include <cstdint>

namespace uptake {

// splitmix64's finaliser: a one-to-one scramble of a 64-bit key, so that keys whose low bits
// are not uniform (dense numbers, say) still spread over an open-addressing table's slots.
// Distinct keys stay distinct.
constexpr std::uint64_t mix64(std::uint64_t z)
{
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
}

} // namespace uptake
