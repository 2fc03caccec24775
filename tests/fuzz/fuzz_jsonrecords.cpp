// The JSON record splitter on arbitrary bytes in small chunks: every record it yields is
// followed by the padding simdjson needs, and structure errors are exceptions, not crashes.
#include "read/jsonstream.h"

#include <algorithm>
#include <cstdlib>
#include <cstring>

using namespace uptake;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    std::size_t pos = 0;
    const std::size_t chunk = size ? 1 + data[0] % 13 : 1;
    JsonRecordReader reader(
        [&](char *buf, std::size_t max) {
            const std::size_t n = std::min({max, chunk, size - pos});
            std::memcpy(buf, data + pos, n);
            pos += n;
            return n;
        },
        4096);
    try {
        while (reader.next()) {
            const std::string_view r = reader.record();
            if (r.size() > size)
                std::abort();
            for (std::size_t i = 0; i < JsonRecordReader::kPadding; ++i)
                if (r.data()[r.size() + i] != 0)
                    std::abort();
        }
    } catch (const JsonStructureError &) {
    } catch (const RecordTooLarge &) {
    }
    return 0;
}
