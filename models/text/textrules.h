#pragma once

#include <QString>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace uptake {

// The normalisation rules of the data contract, free of I/O so that they can be
// tested and fuzzed on their own.
namespace TextRules {

enum class Mode : std::uint8_t { Vanilla = 0, Tee = 1, Zkml = 2 };

// Days since 1970-01-01 for a proleptic Gregorian date, and back.
std::int64_t daysFromCivil(int y, unsigned m, unsigned d);
// Weeks run Monday to Sunday; day 0 (1970-01-01) was a Thursday. Floor division, so that a
// day before 1970 falls into its own week too.
constexpr std::int64_t weekOf(std::int64_t day)
{
    const std::int64_t d = day + 3;
    return d >= 0 ? d / 7 : -((-d + 6) / 7);
}
constexpr std::int64_t mondayOf(std::int64_t week)
{
    return week * 7 - 3;
}
void civilFromDays(std::int64_t days, int &y, unsigned &m, unsigned &d);

// ISO 8601 (date and time; 'T' or space; optional fraction; 'Z', +HH:MM, +HHMM or no
// offset = UTC), or integer Unix seconds. Returns Unix seconds UTC, or nullopt.
// A date alone (YYYY-MM-DD) is accepted when allowDateOnly, as midnight UTC.
std::optional<std::int64_t> parseTimestamp(std::string_view text, bool allowDateOnly = true);
// YYYY-MM-DD only, as days since the epoch.
std::optional<std::int64_t> parseDay(std::string_view text);

// "2026-03-01T12:00:00Z" and "2026-03-01".
std::string formatTimestamp(std::int64_t unixSeconds);
std::string formatDay(std::int64_t days);

// A non-negative decimal amount in units of 1e-9, rounded half-even past 9 digits.
struct Fee
{
    std::int64_t nano = 0;
    bool rounded = false;
};
enum class FeeError { None, Empty, Negative, Syntax, TooLarge };
FeeError parseFee(std::string_view text, Fee &out);
// Plain decimal without exponent or trailing zeros: 0.0025, 12, 0.000000002.
std::string formatFee(std::int64_t nano);

// vanilla/tee/zkml in any case, or the SDK's numbers 0 = vanilla, 1 = zkml, 2 = tee.
// Empty text is vanilla.
std::optional<Mode> parseMode(std::string_view text);

// ok (or empty) = false, error = true; nullopt for anything else.
std::optional<bool> parseFailedStatus(std::string_view text);
// A yes/no column such as simulation: true or 1 is true; false, 0 or empty is false (any
// case, trimmed); anything else is nullopt.
std::optional<bool> parseBool(std::string_view text);
// The Hub's gated field as text: false, no or 0 is false; true, yes, 1 or a gating mode (auto,
// manual) is true (any case, trimmed); anything else, empty included, is nullopt.
std::optional<bool> parseGated(std::string_view text);
// A whole number written as the Hub writes its counts: digits, or a JSON number with a
// fraction or an exponent ("136731648.0", "1.5e9"), rounded to the nearest whole; nullopt for
// anything else, a negative number unless allowNegative, and beyond 64 bits.
std::optional<std::int64_t> parseWhole(std::string_view text, bool allowNegative = false);

// Trimmed; an EVM address (0x + 40 hex digits) lower-cased.
std::string normaliseCaller(std::string_view raw);

std::string_view trim(std::string_view s);
// The items of a ';'-separated list (tags, base models), as written, empty ones left out.
std::vector<std::string_view> listItems(std::string_view list);
// a equals lowerB ignoring the ASCII case of a (lowerB is lower case): header names, modes.
bool equalsNoCase(std::string_view a, std::string_view lowerB);

} // namespace TextRules

} // namespace uptake
