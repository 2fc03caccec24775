#pragma once

#include "error.h"

#include <cstddef>
#include <cstdint>
#include <functional>
#include <stdexcept>
#include <string_view>
#include <vector>

namespace uptake {

// Where the streaming readers get their bytes: fills buf with up to max bytes and
// returns how many, 0 at the end of the input; throws on an I/O error. Lets the
// importer hash, count and cancel in one place, and tests feed text from memory.
using ReadFn = std::function<std::size_t(char *buf, std::size_t max)>;

// A record so large that reading on would hold an unbounded amount of memory.
class RecordTooLarge : public Error
{
public:
    RecordTooLarge(std::int64_t line, std::size_t limit);
    std::int64_t line() const { return m_line; }

private:
    std::int64_t m_line;
};

// A streaming RFC 4180 reader: quoted fields may hold commas, doubled quotes and line
// breaks; records end with LF or CRLF; a UTF-8 byte order mark at the start is
// skipped. Memory is one buffer of about a chunk plus the longest record.
class CsvReader final
{
public:
    explicit CsvReader(ReadFn read, std::size_t maxRecordBytes = std::size_t(64) << 20);
    CsvReader(const CsvReader &) = delete;
    CsvReader &operator=(const CsvReader &) = delete;

    // Reads the next record; false at the end of the input. Throws RecordTooLarge.
    // An empty line comes back as one empty field (callers usually skip it).
    bool next();
    // The fields of the last record, unquoted; valid until the next call to next().
    const std::vector<std::string_view> &fields() const { return m_fields; }
    // The physical line (1-based) where the last record starts.
    std::int64_t line() const { return m_recordLine; }
    // The last record had an unclosed quote or text after a closing quote.
    bool malformed() const { return m_malformed; }
    bool isBlank() const { return m_fields.size() == 1 && m_fields[0].empty(); }

private:
    bool fill();
    void splitFields(std::size_t begin, std::size_t end);

    ReadFn m_read;
    std::size_t m_maxRecord;
    std::vector<char> m_buf;
    std::size_t m_begin = 0, m_end = 0;
    bool m_eof = false;
    bool m_started = false;
    std::int64_t m_line = 1;
    std::int64_t m_recordLine = 0;
    bool m_malformed = false;
    std::vector<std::string_view> m_fields;
};

} // namespace uptake
