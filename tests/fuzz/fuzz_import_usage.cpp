// Whole usage import (CSV and JSON Lines, every contract rule) on arbitrary files.
#include "fuzz_import.h"

using namespace uptake;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    return fuzzImport(data, size, ImportOptions::Usage);
}
