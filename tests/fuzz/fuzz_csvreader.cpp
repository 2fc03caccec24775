// The streaming CSV reader on arbitrary bytes, fed in small uneven chunks so that records
// straddle buffer boundaries; line numbers must never go backwards.
#include "read/csvreader.h"

#include <algorithm>
#include <cstdlib>
#include <cstring>

using namespace uptake;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    std::size_t pos = 0;
    const std::size_t chunk = size ? 1 + data[0] % 7 : 1;
    CsvReader reader(
        [&](char *buf, std::size_t max) {
            const std::size_t n = std::min({max, chunk, size - pos});
            std::memcpy(buf, data + pos, n);
            pos += n;
            return n;
        },
        4096);
    std::int64_t lastLine = 0;
    try {
        while (reader.next()) {
            if (reader.line() <= lastLine)
                std::abort();
            lastLine = reader.line();
            std::size_t total = 0;
            for (std::string_view f : reader.fields())
                total += f.size();
            if (total > size)
                std::abort();
        }
    } catch (const RecordTooLarge &) {
    }
    return 0;
}
