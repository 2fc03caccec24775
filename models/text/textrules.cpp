#include "text/textrules.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <chrono>
#include <limits>

namespace uptake {

namespace TextRules {

namespace {

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

// Reads exactly n digits at s[pos].
bool digits(std::string_view s, size_t pos, size_t n, int &out)
{
    if (pos + n > s.size())
        return false;
    int v = 0;
    for (size_t i = 0; i < n; ++i) {
        if (!isDigit(s[pos + i]))
            return false;
        v = v * 10 + (s[pos + i] - '0');
    }
    out = v;
    return true;
}

std::optional<std::int64_t> parseDate(std::string_view s)
{
    int y, m, d;
    if (s.size() < 10 || !digits(s, 0, 4, y) || s[4] != '-' || !digits(s, 5, 2, m) || s[7] != '-'
        || !digits(s, 8, 2, d))
        return std::nullopt;
    const std::chrono::year_month_day date{std::chrono::year(y), std::chrono::month(unsigned(m)),
                                           std::chrono::day(unsigned(d))};
    if (!date.ok()) // month 1-12, the day within that month (leap years included)
        return std::nullopt;
    return std::chrono::sys_days(date).time_since_epoch().count();
}

} // namespace

std::string_view trim(std::string_view s)
{
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r' || s.front() == '\n'))
        s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r' || s.back() == '\n'))
        s.remove_suffix(1);
    return s;
}

// The civil calendar of C++20's <chrono> (proleptic Gregorian, as the contract's UTC dates).
std::int64_t daysFromCivil(int y, unsigned m, unsigned d)
{
    const std::chrono::year_month_day date{std::chrono::year(y), std::chrono::month(m), std::chrono::day(d)};
    return std::chrono::sys_days(date).time_since_epoch().count();
}

void civilFromDays(std::int64_t z, int &y, unsigned &m, unsigned &d)
{
    const std::chrono::year_month_day date{std::chrono::sys_days(std::chrono::days(z))};
    y = int(date.year());
    m = unsigned(date.month());
    d = unsigned(date.day());
}

std::optional<std::int64_t> parseDay(std::string_view text)
{
    text = trim(text);
    if (text.size() != 10)
        return std::nullopt;
    return parseDate(text);
}

std::optional<std::int64_t> parseTimestamp(std::string_view text, bool allowDateOnly)
{
    const std::string_view s = trim(text);
    if (s.empty())
        return std::nullopt;

    // Integer Unix seconds (at most 12 digits: years up to ~33658).
    bool allDigits = s.size() <= 12;
    for (char c : s)
        allDigits = allDigits && isDigit(c);
    if (allDigits) {
        std::int64_t v = 0;
        std::from_chars(s.data(), s.data() + s.size(), v);
        return v;
    }

    const auto day = parseDate(s);
    if (!day)
        return std::nullopt;
    if (s.size() == 10)
        return allowDateOnly ? std::optional<std::int64_t>(*day * 86400) : std::nullopt;

    int hh, mm, ss = 0;
    if ((s[10] != 'T' && s[10] != 't' && s[10] != ' ') || !digits(s, 11, 2, hh) || s.size() < 16 || s[13] != ':'
        || !digits(s, 14, 2, mm))
        return std::nullopt;
    size_t pos = 16;
    if (pos < s.size() && s[pos] == ':') {
        if (!digits(s, pos + 1, 2, ss))
            return std::nullopt;
        pos += 3;
    }
    // Fractions of a second are accepted and truncated: the contract counts to the second.
    if (pos < s.size() && (s[pos] == '.' || s[pos] == ',')) {
        ++pos;
        const size_t start = pos;
        while (pos < s.size() && isDigit(s[pos]))
            ++pos;
        if (pos == start)
            return std::nullopt;
    }
    if (hh > 23 || mm > 59 || ss > 60) // 60: a leap second, folded into the next
        return std::nullopt;

    std::int64_t offset = 0;
    if (pos < s.size()) {
        const char sign = s[pos];
        if ((sign == 'Z' || sign == 'z') && pos + 1 == s.size()) {
            pos += 1;
        } else if (sign == '+' || sign == '-') {
            int oh, om = 0;
            if (!digits(s, pos + 1, 2, oh))
                return std::nullopt;
            size_t p = pos + 3;
            if (p < s.size() && s[p] == ':')
                ++p;
            if (p < s.size()) {
                if (!digits(s, p, 2, om))
                    return std::nullopt;
                p += 2;
            }
            if (p != s.size() || oh > 23 || om > 59)
                return std::nullopt;
            offset = (oh * 3600 + om * 60) * (sign == '+' ? 1 : -1);
            pos = p;
        } else {
            return std::nullopt;
        }
    }
    if (pos != s.size())
        return std::nullopt;
    return *day * 86400 + hh * 3600 + mm * 60 + ss - offset;
}

std::string formatDay(std::int64_t days)
{
    int y;
    unsigned m, d;
    civilFromDays(days, y, m, d);
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", y, m, d);
    return buf;
}

std::string formatTimestamp(std::int64_t t)
{
    std::int64_t days = t / 86400;
    std::int64_t rem = t % 86400;
    if (rem < 0) {
        rem += 86400;
        --days;
    }
    char buf[48];
    std::snprintf(buf, sizeof buf, "%sT%02d:%02d:%02dZ", formatDay(days).c_str(), int(rem / 3600),
                  int(rem / 60 % 60), int(rem % 60));
    return buf;
}

FeeError parseFee(std::string_view text, Fee &out)
{
    std::string_view s = trim(text);
    out = {};
    if (s.empty())
        return FeeError::Empty;
    if (s.front() == '+')
        s.remove_prefix(1);
    else if (s.front() == '-') {
        // "-0" and "-0.000" are zero, not negative; anything else is refused.
        bool zero = s.size() > 1;
        for (char c : s.substr(1))
            zero = zero && (c == '0' || c == '.');
        if (!zero)
            return FeeError::Negative;
        s.remove_prefix(1);
    }
    const size_t dot = s.find('.');
    const std::string_view whole = s.substr(0, dot);
    const std::string_view frac = dot == std::string_view::npos ? std::string_view() : s.substr(dot + 1);
    if (whole.empty() && frac.empty())
        return FeeError::Syntax;
    for (char c : whole)
        if (!isDigit(c))
            return FeeError::Syntax;
    for (char c : frac)
        if (!isDigit(c))
            return FeeError::Syntax;

    constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();
    std::int64_t value = 0;
    for (char c : whole) {
        if (value > (kMax - (c - '0')) / 10)
            return FeeError::TooLarge;
        value = value * 10 + (c - '0');
    }
    for (int i = 0; i < 9; ++i) {
        const int digit = size_t(i) < frac.size() ? frac[size_t(i)] - '0' : 0;
        if (value > (kMax - digit) / 10)
            return FeeError::TooLarge;
        value = value * 10 + digit;
    }
    if (frac.size() > 9) {
        const std::string_view rest = frac.substr(9);
        bool anyNonZero = false;
        for (char c : rest)
            anyNonZero = anyNonZero || c != '0';
        if (anyNonZero) {
            out.rounded = true;
            const int first = rest.front() - '0';
            bool beyondHalf = false;
            for (char c : rest.substr(1))
                beyondHalf = beyondHalf || c != '0';
            const bool up = first > 5 || (first == 5 && (beyondHalf || (value % 2) == 1));
            if (up) {
                if (value == kMax)
                    return FeeError::TooLarge;
                ++value;
            }
        }
    }
    out.nano = value;
    return FeeError::None;
}

std::string formatFee(std::int64_t nano)
{
    std::string s = std::to_string(nano / 1000000000);
    std::int64_t frac = nano % 1000000000;
    if (frac != 0) {
        char buf[16];
        std::snprintf(buf, sizeof buf, "%09lld", static_cast<long long>(frac));
        std::string f(buf);
        while (!f.empty() && f.back() == '0')
            f.pop_back();
        s += '.';
        s += f;
    }
    return s;
}

bool equalsNoCase(std::string_view a, std::string_view b)
{
    if (a.size() != b.size())
        return false;
    for (size_t i = 0; i < a.size(); ++i) {
        char c = a[i];
        if (c >= 'A' && c <= 'Z')
            c = char(c - 'A' + 'a');
        if (c != b[i])
            return false;
    }
    return true;
}

std::optional<Mode> parseMode(std::string_view text)
{
    const std::string_view s = trim(text);
    if (s.empty() || s == "0" || equalsNoCase(s, "vanilla"))
        return Mode::Vanilla;
    if (s == "1" || equalsNoCase(s, "zkml"))
        return Mode::Zkml;
    if (s == "2" || equalsNoCase(s, "tee"))
        return Mode::Tee;
    return std::nullopt;
}

std::optional<bool> parseFailedStatus(std::string_view text)
{
    const std::string_view s = trim(text);
    if (s.empty() || equalsNoCase(s, "ok"))
        return false;
    if (equalsNoCase(s, "error"))
        return true;
    return std::nullopt;
}

std::optional<bool> parseBool(std::string_view text)
{
    const std::string_view s = trim(text);
    if (s.empty() || s == "0" || equalsNoCase(s, "false"))
        return false;
    if (s == "1" || equalsNoCase(s, "true"))
        return true;
    return std::nullopt;
}

std::vector<std::string_view> listItems(std::string_view list)
{
    std::vector<std::string_view> items;
    for (std::size_t at = 0; at < list.size();) {
        const std::size_t end = std::min(list.find(';', at), list.size());
        if (end > at)
            items.push_back(list.substr(at, end - at));
        at = end + 1;
    }
    return items;
}

std::optional<bool> parseGated(std::string_view text)
{
    const std::string_view s = trim(text);
    if (s == "0" || equalsNoCase(s, "false") || equalsNoCase(s, "no"))
        return false;
    if (s == "1" || equalsNoCase(s, "true") || equalsNoCase(s, "yes") || equalsNoCase(s, "auto")
        || equalsNoCase(s, "manual"))
        return true;
    return std::nullopt;
}

std::optional<std::int64_t> parseWhole(std::string_view text, bool allowNegative)
{
    const std::string_view s = trim(text);
    if (s.empty())
        return std::nullopt;
    const bool negative = s.front() == '-';
    if (negative && !allowNegative)
        return std::nullopt;
    // Digits alone: exact, whatever a double would make of them, or nothing beyond 64 bits.
    const std::string_view digits = negative ? s.substr(1) : s;
    if (!digits.empty() && std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        std::int64_t v = 0;
        const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
        if (ec != std::errc() || end != s.data() + s.size())
            return std::nullopt;
        return v;
    }
    // A fraction or an exponent (or more digits than that): the nearest whole number.
    if (digits.empty() || digits.front() < '0' || digits.front() > '9')
        return std::nullopt; // not "inf", "nan", ".5" or "+5": JSON writes none of them
    double v = 0;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v, std::chars_format::general);
    if (ec != std::errc() || end != s.data() + s.size() || !std::isfinite(v) || std::fabs(v) >= 9.2e18)
        return std::nullopt;
    return std::int64_t(std::llround(v));
}

std::string normaliseCaller(std::string_view raw)
{
    std::string s(trim(raw));
    if (s.size() == 42 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
        bool hex = true;
        for (size_t i = 2; i < s.size() && hex; ++i) {
            const char c = s[i];
            hex = isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
        }
        if (hex)
            for (char &c : s)
                if (c >= 'A' && c <= 'Z')
                    c = char(c - 'A' + 'a');
    }
    return s;
}

} // namespace TextRules

} // namespace uptake
