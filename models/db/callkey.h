#pragma once

#include <cstdint>

namespace uptake {

// First and last calls as sortable integer keys (model_day.f and .l, the figure writer, the
// window screen). A call at Unix second t is 2t+1 as a first call and 2t as a last call; a
// day a roll-up gave without a time of day (its calls may lie anywhere in it) is the day's
// lowest key as a first call and its highest as a last call, so that it sorts before,
// resp. after, every time of that day. One day spans PerDay keys. The migration to schema 7
// spells the same rule in SQL; change neither without the other.
namespace CallKey {

inline constexpr std::int64_t PerDay = 2 * 86400;

constexpr std::int64_t first(std::int64_t t) { return 2 * t + 1; }
constexpr std::int64_t last(std::int64_t t) { return 2 * t; }
constexpr std::int64_t firstOfDay(std::int64_t day) { return day * PerDay; }
constexpr std::int64_t lastOfDay(std::int64_t day) { return day * PerDay + PerDay - 1; }

// Whether a key holds only a day (no time of day).
constexpr bool firstIsDayOnly(std::int64_t key) { return key % 2 == 0; }
constexpr bool lastIsDayOnly(std::int64_t key) { return key % 2 != 0; }

// The Unix second of a key that holds a time.
constexpr std::int64_t timeOfFirst(std::int64_t key) { return (key - 1) / 2; }
constexpr std::int64_t timeOfLast(std::int64_t key) { return key / 2; }
// The midnight (Unix seconds) of a day-only key.
constexpr std::int64_t midnightOfFirst(std::int64_t key) { return key / 2; }
constexpr std::int64_t midnightOfLast(std::int64_t key) { return (key - (PerDay - 1)) / 2; }

// Twice the value as stored (Unix seconds, or a day-only midnight + 0.5 s): one integer
// scale on which a time and a day-only call compare as the table shows them.
constexpr std::int64_t twiceStoredFirst(std::int64_t key) { return firstIsDayOnly(key) ? key + 1 : key - 1; }
constexpr std::int64_t twiceStoredLast(std::int64_t key)
{
    return lastIsDayOnly(key) ? 2 * midnightOfLast(key) + 1 : key;
}

} // namespace CallKey

} // namespace uptake
