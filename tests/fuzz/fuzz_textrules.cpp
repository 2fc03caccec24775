// Timestamps, fees, modes, statuses and caller normalisation on arbitrary text, with the
// properties each must keep whatever the input.
#include "text/textrules.h"

#include <cstdlib>
#include <string_view>

using namespace uptake;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const std::string_view text(reinterpret_cast<const char *>(data), size);
    using namespace TextRules;

    if (const auto t = parseTimestamp(text)) {
        // Whatever parsed must format and parse back to the same second.
        if (*t >= 0 && *t < 253402300800) { // up to 9999-12-31
            if (parseTimestamp(formatTimestamp(*t)) != t)
                std::abort();
        }
    }
    if (const auto d = parseDay(text))
        if (parseDay(formatDay(*d)) != d)
            std::abort();

    Fee fee;
    if (parseFee(text, fee) == FeeError::None) {
        if (fee.nano < 0)
            std::abort();
        Fee again;
        // The formatted value is exact: it parses back to the same amount, unrounded.
        if (parseFee(formatFee(fee.nano), again) != FeeError::None || again.nano != fee.nano || again.rounded)
            std::abort();
    }
    (void)parseMode(text);
    (void)parseFailedStatus(text);
    const std::string caller = normaliseCaller(text);
    if (normaliseCaller(caller) != caller) // idempotent
        std::abort();
    return 0;
}
