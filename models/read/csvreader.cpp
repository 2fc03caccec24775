#include "read/csvreader.h"

#include <cstring>
#include <string>

namespace uptake {

namespace {
// Small enough to allocate per file without cost (fuzzers make thousands of readers),
// large enough that reads are rare; the buffer grows for long records.
constexpr std::size_t kChunk = std::size_t(64) << 10;
}

RecordTooLarge::RecordTooLarge(std::int64_t line, std::size_t limit)
    : Error("a record starting on line " + std::to_string(line) + " is longer than "
                         + std::to_string(limit >> 20) + " MB")
    , m_line(line)
{
}

CsvReader::CsvReader(ReadFn read, std::size_t maxRecordBytes)
    : m_read(std::move(read))
    , m_maxRecord(maxRecordBytes)
    , m_buf(kChunk)
{
}

bool CsvReader::fill()
{
    if (m_eof)
        return false;
    if (m_begin > 0) {
        std::memmove(m_buf.data(), m_buf.data() + m_begin, m_end - m_begin);
        m_end -= m_begin;
        m_begin = 0;
    }
    // Keep reads large: grow once the pending record fills half the buffer.
    if (m_end > m_buf.size() / 2)
        m_buf.resize(m_buf.size() * 2);
    const std::size_t n = m_read(m_buf.data() + m_end, m_buf.size() - m_end);
    if (n == 0) {
        m_eof = true;
        return false;
    }
    m_end += n;
    return true;
}

bool CsvReader::next()
{
    if (!m_started) {
        m_started = true;
        while (m_end < 3 && fill()) {
        }
        if (m_end >= 3 && std::memcmp(m_buf.data(), "\xEF\xBB\xBF", 3) == 0)
            m_begin = 3;
    }
    if (m_begin == m_end && !fill())
        return false;

    // Fast path: a record on one line without quotes, which is nearly every row of a
    // log. memchr scans in vector steps, the state machine below a byte at a time.
    for (;;) {
        const char *b = m_buf.data() + m_begin;
        const std::size_t avail = m_end - m_begin;
        if (const void *nl = std::memchr(b, '\n', avail)) {
            const std::size_t len = std::size_t(static_cast<const char *>(nl) - b);
            if (std::memchr(b, '"', len))
                break;
            m_recordLine = m_line++;
            m_malformed = false;
            std::size_t end = m_begin + len;
            if (len > 0 && m_buf[end - 1] == '\r')
                --end;
            splitFields(m_begin, end);
            m_begin += len + 1;
            return true;
        }
        if (m_eof || avail > m_maxRecord || !fill())
            break;
    }

    // Phase 1: find where the record ends, following quotes, without touching the bytes,
    // so that a refill can move them.
    enum State { FieldStart, Unquoted, Quoted, QuoteInQuoted };
    State st = FieldStart;
    std::size_t pos = m_begin;
    std::int64_t newlines = 0;
    std::size_t recEnd = 0, nextBegin = 0;
    bool endedByNewline = false;
    for (;;) {
        if (pos == m_end) {
            const std::size_t offset = pos - m_begin;
            if (offset > m_maxRecord)
                throw RecordTooLarge(m_line, m_maxRecord);
            if (!fill()) {
                recEnd = nextBegin = m_end;
                break;
            }
            pos = m_begin + offset;
            continue;
        }
        const char c = m_buf[pos];
        if (st == Quoted) {
            if (c == '"')
                st = QuoteInQuoted;
            else if (c == '\n')
                ++newlines;
            ++pos;
            continue;
        }
        if (st == QuoteInQuoted) {
            if (c == '"') {
                st = Quoted;
                ++pos;
                continue;
            }
            st = Unquoted; // closed; this byte is read as if unquoted
        }
        if (st == FieldStart && c == '"') {
            st = Quoted;
            ++pos;
            continue;
        }
        if (c == ',') {
            st = FieldStart;
        } else if (c == '\n') {
            recEnd = pos;
            nextBegin = pos + 1;
            endedByNewline = true;
            break;
        } else {
            st = Unquoted;
        }
        ++pos;
    }
    if (recEnd - m_begin > m_maxRecord)
        throw RecordTooLarge(m_line, m_maxRecord);

    m_recordLine = m_line;
    m_line += newlines + (endedByNewline ? 1 : 0);
    std::size_t end = recEnd;
    if (end > m_begin && m_buf[end - 1] == '\r' && st != Quoted)
        --end;
    m_malformed = st == Quoted;
    splitFields(m_begin, end);
    m_begin = nextBegin;
    return true;
}

void CsvReader::splitFields(std::size_t p, std::size_t end)
{
    // Phase 2: split at commas outside quotes, unquoting in place (the text only shrinks).
    m_fields.clear();
    char *buf = m_buf.data();
    for (;;) {
        if (p < end && buf[p] == '"') {
            const std::size_t start = p;
            std::size_t w = p;
            ++p;
            bool closed = false;
            while (p < end) {
                if (buf[p] == '"') {
                    if (p + 1 < end && buf[p + 1] == '"') {
                        buf[w++] = '"';
                        p += 2;
                    } else {
                        ++p;
                        closed = true;
                        break;
                    }
                } else {
                    buf[w++] = buf[p++];
                }
            }
            if (!closed)
                m_malformed = true;
            while (p < end && buf[p] != ',') {
                if (buf[p] != ' ' && buf[p] != '\t')
                    m_malformed = true;
                ++p;
            }
            m_fields.emplace_back(buf + start, w - start);
        } else {
            const std::size_t start = p;
            const void *comma = p < end ? std::memchr(buf + p, ',', end - p) : nullptr;
            p = comma ? std::size_t(static_cast<const char *>(comma) - buf) : end;
            m_fields.emplace_back(buf + start, p - start);
        }
        if (p >= end)
            break;
        ++p; // the comma
        if (p == end) {
            m_fields.emplace_back();
            break;
        }
    }
}

} // namespace uptake
