#pragma once

#include "error.h"
#include "read/csvreader.h"

#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>

namespace uptake {

// The shape of the JSON around the records was wrong in a way that leaves no safe
// place to resume (an array that never closes, text after the end...).
class JsonStructureError : public Error
{
public:
    JsonStructureError(std::int64_t line, const std::string &what);
    std::int64_t line() const { return m_line; }

private:
    std::int64_t m_line;
};

// Splits a JSON input into its records without parsing them and without holding more
// than one record: a top-level array ([{...}, ...]), an object holding the array under
// "models" ({"models": [...], ...}), or JSON Lines (one value a line). Each record is
// then parsed on its own (simdjson, in the importer).
class JsonRecordReader final
{
public:
    enum class Layout { Unknown, Array, Wrapped, Lines };
    // Bytes after each record that a parser may read (simdjson needs 64).
    static constexpr std::size_t kPadding = 64;

    explicit JsonRecordReader(ReadFn read, std::size_t maxRecordBytes = std::size_t(64) << 20);
    JsonRecordReader(const JsonRecordReader &) = delete;
    JsonRecordReader &operator=(const JsonRecordReader &) = delete;

    // The next record; false at the end. Throws JsonStructureError, RecordTooLarge.
    bool next();
    // The record's text, followed in memory by kPadding zero bytes; valid until next().
    std::string_view record() const { return {m_record.data(), m_record.size() - kPadding}; }
    std::int64_t line() const { return m_recordLine; }
    // JSON Lines only: the line was longer than the limit; record() is empty.
    bool oversized() const { return m_oversized; }
    Layout layout() const { return m_layout; }

private:
    int peek();
    int get();
    void skipWs();
    void append(std::string *out, char c);
    void readValue(std::string *out);
    void readString(std::string *out);
    void start();
    bool nextInArray();
    bool nextLine();
    void finishArray();
    void expectEnd();
    void readRestOfLine(std::string *out);
    void finishRecord();
    [[noreturn]] void fail(const std::string &what) const;

    ReadFn m_read;
    std::size_t m_maxRecord;
    std::string m_buf;
    std::size_t m_pos = 0, m_end = 0;
    bool m_eof = false;
    std::int64_t m_line = 1;

    Layout m_layout = Layout::Unknown;
    bool m_afterElement = false;
    bool m_done = false;
    bool m_havePending = false; // the first JSON Lines record, read while detecting the layout
    std::string m_record;
    std::int64_t m_recordLine = 0;
    bool m_oversized = false;
};

} // namespace uptake
