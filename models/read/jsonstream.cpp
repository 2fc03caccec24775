#include "read/jsonstream.h"

#include <cstring>

namespace uptake {

namespace {
// Small enough to allocate per file without cost (fuzzers make thousands of readers),
// large enough that reads are rare. Records are copied out, so they may be longer.
constexpr std::size_t kChunk = std::size_t(64) << 10;

bool isWs(int c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}
} // namespace

JsonStructureError::JsonStructureError(std::int64_t line, const std::string &what)
    : Error(what)
    , m_line(line)
{
}

JsonRecordReader::JsonRecordReader(ReadFn read, std::size_t maxRecordBytes)
    : m_read(std::move(read))
    , m_maxRecord(maxRecordBytes)
    , m_buf(kChunk, '\0')
{
}

void JsonRecordReader::fail(const std::string &what) const
{
    throw JsonStructureError(m_line, what);
}

int JsonRecordReader::peek()
{
    if (m_pos == m_end) {
        if (m_eof)
            return -1;
        m_pos = 0;
        m_end = m_read(m_buf.data(), m_buf.size());
        if (m_end == 0) {
            m_eof = true;
            return -1;
        }
    }
    return static_cast<unsigned char>(m_buf[m_pos]);
}

int JsonRecordReader::get()
{
    const int c = peek();
    if (c >= 0) {
        ++m_pos;
        if (c == '\n')
            ++m_line;
    }
    return c;
}

void JsonRecordReader::skipWs()
{
    while (isWs(peek()))
        get();
}

void JsonRecordReader::append(std::string *out, char c)
{
    if (!out)
        return;
    if (out->size() >= m_maxRecord)
        throw RecordTooLarge(m_recordLine, m_maxRecord);
    out->push_back(c);
}

void JsonRecordReader::readString(std::string *out)
{
    // At the opening quote.
    append(out, char(get()));
    bool escaped = false;
    for (;;) {
        const int c = get();
        if (c < 0)
            fail("the file ends inside a string");
        append(out, char(c));
        if (escaped)
            escaped = false;
        else if (c == '\\')
            escaped = true;
        else if (c == '"')
            return;
    }
}

void JsonRecordReader::readValue(std::string *out)
{
    int c = peek();
    if (c == '"') {
        readString(out);
        return;
    }
    if (c == '{' || c == '[') {
        int depth = 0;
        for (;;) {
            c = peek();
            if (c < 0)
                fail("the file ends inside a record");
            if (c == '"') {
                readString(out);
                continue;
            }
            // Copy runs of plain bytes in bulk: this loop sees every byte of a catalogue.
            if (c != '{' && c != '[' && c != '}' && c != ']') {
                std::size_t n = m_pos;
                while (n < m_end && m_buf[n] != '"' && m_buf[n] != '{' && m_buf[n] != '['
                       && m_buf[n] != '}' && m_buf[n] != ']')
                    ++n;
                for (std::size_t i = m_pos; i < n; ++i)
                    m_line += m_buf[i] == '\n';
                if (out) {
                    if (out->size() + (n - m_pos) > m_maxRecord)
                        throw RecordTooLarge(m_recordLine, m_maxRecord);
                    out->append(m_buf.data() + m_pos, n - m_pos);
                }
                m_pos = n;
                continue;
            }
            append(out, char(get()));
            if (c == '{' || c == '[')
                ++depth;
            else if (--depth == 0)
                return;
        }
    }
    // A scalar: up to the next delimiter.
    while ((c = peek()) >= 0 && !isWs(c) && c != ',' && c != ']' && c != '}')
        append(out, char(get()));
}

void JsonRecordReader::readRestOfLine(std::string *out)
{
    while (peek() >= 0) {
        const char *s = m_buf.data() + m_pos;
        const void *nl = std::memchr(s, '\n', m_end - m_pos);
        const std::size_t n = nl ? std::size_t(static_cast<const char *>(nl) - s) : m_end - m_pos;
        if (out && out->size() + n > m_maxRecord) {
            m_oversized = true; // keep reading to the end of the line, keep nothing
            out = nullptr;
        }
        if (out)
            out->append(s, n);
        m_pos += n;
        if (nl) {
            ++m_pos;
            ++m_line;
            return;
        }
    }
}

void JsonRecordReader::finishRecord()
{
    m_record.append(kPadding, '\0');
}

void JsonRecordReader::start()
{
    if (peek() == 0xEF) { // UTF-8 byte order mark
        get();
        if (get() != 0xBB || get() != 0xBF)
            fail("the file is not JSON");
    }
    skipWs();
    const int c = peek();
    if (c == '[') {
        get();
        m_layout = Layout::Array;
        return;
    }
    if (c < 0) {
        m_layout = Layout::Array;
        m_done = true;
        return;
    }
    if (c != '{')
        fail("the file is not JSON (it must start with [ or {)");

    // An object: either the wrapper {"models": [...]} or the first line of JSON Lines.
    // Read it key by key until "models": [ shows up or the object ends.
    m_recordLine = m_line;
    m_record.clear();
    append(&m_record, char(get()));
    std::string key;
    for (;;) {
        skipWs();
        int k = peek();
        if (k == '}') {
            append(&m_record, char(get()));
            break;
        }
        if (k != '"')
            break; // not an object we understand: the parser will say what is wrong
        const std::size_t keyStart = m_record.size();
        readString(&m_record);
        key.assign(m_record, keyStart, m_record.size() - keyStart);
        skipWs();
        if (peek() != ':')
            break;
        append(&m_record, char(get()));
        skipWs();
        if (key == "\"models\"" && peek() == '[') {
            get();
            m_layout = Layout::Wrapped;
            m_record.clear();
            return;
        }
        readValue(&m_record);
        skipWs();
        k = peek();
        if (k == ',') {
            append(&m_record, char(get()));
            continue;
        }
        if (k == '}')
            append(&m_record, char(get()));
        break;
    }
    // JSON Lines: the first record is the whole first line.
    m_layout = Layout::Lines;
    readRestOfLine(&m_record);
    m_havePending = true;
}

void JsonRecordReader::expectEnd()
{
    skipWs();
    if (peek() >= 0)
        fail("unexpected text after the end of the JSON document");
    m_done = true;
}

void JsonRecordReader::finishArray()
{
    if (m_layout == Layout::Array) {
        expectEnd();
        return;
    }
    // The rest of the wrapper object: skip its other members.
    for (;;) {
        skipWs();
        const int c = get();
        if (c == '}')
            break;
        if (c != ',')
            fail("expected , or } in the object around \"models\"");
        skipWs();
        if (peek() != '"')
            fail("expected a key in the object around \"models\"");
        readString(nullptr);
        skipWs();
        if (get() != ':')
            fail("expected : in the object around \"models\"");
        skipWs();
        readValue(nullptr);
    }
    expectEnd();
}

bool JsonRecordReader::nextInArray()
{
    skipWs();
    int c = peek();
    if (m_afterElement) {
        if (c == ']') {
            get();
            finishArray();
            return false;
        }
        if (c != ',')
            fail(c < 0 ? "the file ends before the array is closed" : "expected , or ] between records");
        get();
        skipWs();
        c = peek();
    }
    if (c == ']') { // an empty array (or a trailing comma, tolerated)
        get();
        finishArray();
        return false;
    }
    if (c < 0 || c == ',' || c == '}')
        fail(c < 0 ? "the file ends before the array is closed" : "expected a record");
    m_recordLine = m_line;
    m_record.clear();
    readValue(&m_record);
    m_afterElement = true;
    finishRecord();
    return true;
}

bool JsonRecordReader::nextLine()
{
    for (;;) {
        if (peek() < 0) {
            m_done = true;
            return false;
        }
        m_recordLine = m_line;
        m_record.clear();
        m_oversized = false;
        readRestOfLine(&m_record);
        std::size_t i = 0;
        while (i < m_record.size() && isWs(m_record[i]))
            ++i;
        if (i == m_record.size() && !m_oversized)
            continue; // blank line
        if (m_oversized)
            m_record.clear();
        finishRecord();
        return true;
    }
}

bool JsonRecordReader::next()
{
    m_oversized = false;
    if (m_layout == Layout::Unknown) {
        start();
        if (m_havePending) {
            m_havePending = false;
            finishRecord();
            return true;
        }
    }
    if (m_done)
        return false;
    if (m_layout == Layout::Lines)
        return nextLine();
    return nextInArray();
}

} // namespace uptake
