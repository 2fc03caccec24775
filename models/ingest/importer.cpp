#include "ingest/importer.h"

#include "db/cache.h"
#include "read/csvreader.h"
#include "text/displaytext.h"
#include "read/filehash.h"
#include "ingest/ingest.h"
#include "read/jsonstream.h"
#include "view/shortterms.h"
#include "text/textrules.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>

#include <simdjson.h>

#include <algorithm>
#include <array>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

namespace sj = simdjson;
namespace od = simdjson::ondemand;

static_assert(JsonRecordReader::kPadding >= sj::SIMDJSON_PADDING);

bool ImportOptions::parseFormat(const QString &text, Format &out)
{
    if (text == QLatin1String("auto"))
        out = Format::Auto;
    else if (text == QLatin1String("hf"))
        out = Format::HuggingFace;
    else if (text == QLatin1String("opengradient"))
        out = Format::OpenGradient;
    else if (text == QLatin1String("csv"))
        out = Format::Csv;
    else
        return false;
    return true;
}

QString RowError::toString() const
{
    // One multi-argument arg(): a "%2" in a file name must not be substituted.
    if (resultRow)
        return QStringLiteral("%1: row %2: %3").arg(file, QString::number(line), reason);
    return QStringLiteral("%1:%2: %3").arg(file, QString::number(line), reason);
}

ImportError::ImportError(const QString &message)
    : Error(message)
{
}

Q_LOGGING_CATEGORY(lcImport, "uptake.import", QtWarningMsg)

namespace {

QString plural(std::int64_t n, const char *one, const char *many)
{
    return QStringLiteral("%1 %2").arg(n).arg(QLatin1String(n == 1 ? one : many));
}

} // namespace

QString ImportReport::summary() const
{
    // "1 fee rounded (first on line 7)": the line tells where to look.
    QString rounded = plural(feesRounded, "fee rounded", "fees rounded");
    if (feesRounded > 0 && firstRoundedLine > 0)
        rounded += (resultRows ? QStringLiteral(" (first in row %1)") : QStringLiteral(" (first on line %1)"))
                       .arg(firstRoundedLine);
    switch (outcome) {
    case Outcome::AlreadyImported:
        return QStringLiteral("%1: skipped, this content was imported before").arg(path);
    case Outcome::Refused:
        return QStringLiteral("%1: nothing imported (strict): %2")
            .arg(path, plural(rowsRejected, "row rejected", "rows rejected"));
    case Outcome::Imported:
        break;
    }
    if (rollUp)
        return QStringLiteral("%1: %2 (%3), %4, %5, %6, %7")
            .arg(path, plural(rowsImported, "roll-up row imported", "roll-up rows imported"),
                 plural(callsImported, "call", "calls"), plural(rowsRejected, "rejected", "rejected"),
                 plural(daysReplaced, "day row replaced", "day rows replaced"), rounded,
                 plural(unlistedModels, "model seen only in usage", "models seen only in usage"));
    if (kind == ImportOptions::Catalogue)
        return QStringLiteral("%1: %2, %3, %4").arg(path, plural(rowsImported, "model imported", "models imported"),
                                                      plural(rowsRejected, "row rejected", "rows rejected"),
                                                      plural(nowListed, "unlisted model now listed",
                                                             "unlisted models now listed"));
    return QStringLiteral("%1: %2, %3, %4, %5, %6")
        .arg(path, plural(rowsImported, "row imported", "rows imported"),
             plural(rowsRejected, "rejected", "rejected"),
             plural(duplicates, "duplicate skipped", "duplicates skipped"), rounded,
             plural(unlistedModels, "model seen only in usage", "models seen only in usage"));
}

namespace {

constexpr std::size_t kMaxModelId = 1024;

// ---------------------------------------------------------------------------------------------
// The file: read in chunks, hashed and counted as it goes, progress and cancel per chunk.

// Hashes on another thread, so that the hash costs the import next to nothing: the
// reader hands over copies of what it read, a few MB at most in flight.
class BackgroundHash final
{
public:
    BackgroundHash()
        : m_thread([this] { run(); })
    {
    }
    ~BackgroundHash() { stop(); }
    BackgroundHash(const BackgroundHash &) = delete;
    BackgroundHash &operator=(const BackgroundHash &) = delete;

    // Collects reads into MB-sized pieces, so that handing over costs little.
    void add(const char *data, std::size_t size)
    {
        m_current.insert(m_current.end(), data, data + size);
        if (m_current.size() >= kPiece)
            handOver();
    }

    QByteArray result()
    {
        if (!m_current.empty())
            handOver();
        stop();
        return m_hash.result();
    }

private:
    static constexpr std::size_t kMaxQueued = 8;
    static constexpr std::size_t kPiece = std::size_t(1) << 20;

    void handOver()
    {
        std::unique_lock lock(m_mutex);
        m_cond.wait(lock, [this] { return m_queue.size() < kMaxQueued; });
        m_queue.push_back(std::move(m_current));
        m_cond.notify_all();
        m_current.clear();
        if (!m_pool.empty()) {
            m_current = std::move(m_pool.back());
            m_pool.pop_back();
            m_current.clear();
        }
    }

    void stop()
    {
        {
            std::lock_guard lock(m_mutex);
            m_stop = true;
        }
        m_cond.notify_all();
        if (m_thread.joinable())
            m_thread.join();
    }

    void run()
    {
        std::unique_lock lock(m_mutex);
        for (;;) {
            m_cond.wait(lock, [this] { return !m_queue.empty() || m_stop; });
            if (m_queue.empty())
                return;
            std::vector<char> buf = std::move(m_queue.front());
            m_queue.pop_front();
            m_cond.notify_all();
            lock.unlock();
            m_hash.addData(buf.data(), buf.size());
            lock.lock();
            m_pool.push_back(std::move(buf));
        }
    }

    Sha256 m_hash;
    std::mutex m_mutex;
    std::condition_variable m_cond;
    std::deque<std::vector<char>> m_queue;
    std::vector<std::vector<char>> m_pool;
    std::vector<char> m_current;
    bool m_stop = false;
    std::thread m_thread; // last: starts once the rest is built
};

class Input final
{
public:
    Input(const QString &path, const QString &shownPath, const ProgressFn &progress)
        : m_file(path)
        , m_shown(shownPath)
        , m_progress(progress)
    {
        if (!m_file.open(QIODevice::ReadOnly))
            throw ImportError(QStringLiteral("%1: cannot open: %2").arg(m_shown, m_file.errorString()));
        m_size = m_file.size();
    }

    std::int64_t size() const { return m_size; }
    std::int64_t done() const { return m_done; }

    // The first bytes, without consuming them.
    std::string_view peek()
    {
        if (!m_peeked) {
            m_peeked = true;
            m_prefix.resize(64 * 1024);
            m_prefix.resize(readFile(m_prefix.data(), m_prefix.size()));
        }
        return std::string_view(m_prefix).substr(m_prefixPos);
    }

    std::size_t read(char *buf, std::size_t max)
    {
        peek();
        if (m_prefixPos < m_prefix.size()) {
            const std::size_t n = std::min(max, m_prefix.size() - m_prefixPos);
            std::memcpy(buf, m_prefix.data() + m_prefixPos, n);
            m_prefixPos += n;
            return n;
        }
        return readFile(buf, max);
    }

    ReadFn reader()
    {
        return [this](char *buf, std::size_t max) { return read(buf, max); };
    }

    // Reads whatever the parser left (so that the hash covers the whole file).
    QByteArray finish()
    {
        if (!m_atEnd) {
            std::vector<char> buf(64 << 10);
            while (read(buf.data(), buf.size()) > 0) {
            }
        }
        return m_hash.result();
    }

private:
    std::size_t readFile(char *buf, std::size_t max)
    {
        const qint64 n = m_file.read(buf, qint64(max));
        if (n < 0)
            throw ImportError(QStringLiteral("%1: read error: %2").arg(m_shown, m_file.errorString()));
        if (n > 0)
            m_hash.add(buf, std::size_t(n));
        m_done += n;
        m_atEnd = n == 0;
        // About once a MB, and at the end.
        if (m_progress && (m_done - m_reported >= (1 << 20) || n == 0)) {
            m_reported = m_done;
            if (!m_progress(m_done, std::max(m_size, m_done)))
                throw Cancelled();
        }
        return std::size_t(n);
    }

    QFile m_file;
    QString m_shown;
    const ProgressFn &m_progress;
    BackgroundHash m_hash;
    std::int64_t m_size = 0, m_done = 0, m_reported = 0;
    std::string m_prefix;
    std::size_t m_prefixPos = 0;
    bool m_peeked = false;
    bool m_atEnd = false;
};

QByteArray hashWholeFile(const QString &path, const QString &shown, const ProgressFn &progress)
{
    Input in(path, shown, progress);
    return in.finish();
}

enum class Container { Csv, Json };

Container sniff(Input &in)
{
    std::string_view s = in.peek();
    if (s.substr(0, 3) == "\xEF\xBB\xBF")
        s.remove_prefix(3);
    const std::size_t i = s.find_first_not_of(" \t\r\n");
    if (i != std::string_view::npos && (s[i] == '[' || s[i] == '{'))
        return Container::Json;
    return Container::Csv;
}

// ---------------------------------------------------------------------------------------------
// Text checks shared by the formats.

bool validUtf8(std::string_view s)
{
    // Most text is ASCII: a plain loop the compiler vectorises beats a library call per field.
    unsigned char high = 0;
    for (char c : s)
        high |= static_cast<unsigned char>(c);
    return high < 0x80 || sj::validate_utf8(s.data(), s.size());
}

bool hasControl(std::string_view s)
{
    return std::any_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7f; });
}

bool equalsNoCase(std::string_view a, std::string_view b)
{
    if (a.size() != b.size())
        return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        char c = a[i];
        if (c >= 'A' && c <= 'Z')
            c = char(c - 'A' + 'a');
        if (c != b[i])
            return false;
    }
    return true;
}

// A whole non-negative number (a count): digits only, at most 18 of them.
std::optional<std::int64_t> parseCount(std::string_view s)
{
    s = TextRules::trim(s);
    if (s.empty() || s.size() > 18)
        return std::nullopt;
    std::int64_t v = 0;
    for (char c : s) {
        if (c < '0' || c > '9')
            return std::nullopt;
        v = v * 10 + (c - '0');
    }
    return v;
}

// ---------------------------------------------------------------------------------------------
// A bad value in a rejected row's message. The value is hostile text from the file: quoted,
// and by DisplayText's rules cut to kQuotedChars characters, kept on one line and unable to
// reorder the message around it. A caller id is never quoted: callers are pseudonymised.

constexpr int kQuotedChars = 40;

QString quoteValue(std::string_view raw)
{
    const std::string_view s = TextRules::trim(raw);
    // A character is at most 4 bytes: more than this many bytes is more than kQuotedChars
    // characters, and a 64 MB field need not be converted whole (line() still cuts it).
    constexpr std::size_t kBytes = std::size_t(kQuotedChars + 1) * 4;
    const QString text = QString::fromUtf8(s.data(), qsizetype(std::min(s.size(), kBytes)));
    return QLatin1Char('"') + DisplayText::line(text, kQuotedChars) + QLatin1Char('"');
}

bool containsNoCase(std::string_view haystack, std::string_view needle)
{
    const auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c; };
    return std::search(haystack.begin(), haystack.end(), needle.begin(), needle.end(),
                       [&](char a, char b) { return lower(a) == lower(b); })
           != haystack.end();
}

// "reason: "value"". When the value holds the row's caller id (a caller written into the
// wrong column, say), the reason goes without it.
QString withValue(const QString &reason, std::string_view value, std::optional<std::string_view> caller = {})
{
    if (caller) {
        const std::string_view c = TextRules::trim(*caller);
        if (!c.empty() && containsNoCase(value, c))
            return reason;
    }
    return reason + QStringLiteral(": ") + quoteValue(value);
}

// Returns a reason when the model id cannot be a key.
const char *checkModelId(std::string_view id)
{
    if (id.empty())
        return "model id is empty";
    if (id.size() > kMaxModelId)
        return "model id is longer than 1024 bytes";
    if (!validUtf8(id))
        return "model id is not valid UTF-8";
    if (hasControl(id))
        return "model id contains control characters";
    return nullptr;
}

// checkModelId's reason as a message, with the id quoted unless it is longer than a quote
// may be (a model id is not cut: part of one would read as another).
std::optional<QString> modelIdProblem(std::string_view id, std::optional<std::string_view> caller = {})
{
    const char *problem = checkModelId(id);
    if (!problem)
        return std::nullopt;
    const QString reason = QString::fromLatin1(problem);
    if (id.empty() || id.size() > kMaxModelId
        || QString::fromUtf8(id.data(), qsizetype(id.size())).toUcs4().size() > kQuotedChars)
        return reason;
    return withValue(reason, id, caller);
}

QString jsonReason(sj::error_code err)
{
    return QStringLiteral("not valid JSON (%1)").arg(QString::fromUtf8(sj::error_message(err)));
}

// A JSON value as text: strings unescaped, numbers as written; nullopt for null.
// Returns false for objects, arrays and booleans.
bool scalarText(od::value &v, std::optional<std::string_view> &out)
{
    od::json_type t;
    if (v.type().get(t))
        return false;
    std::string_view s;
    switch (t) {
    case od::json_type::string:
        if (v.get_string().get(s))
            return false;
        out = s;
        return true;
    case od::json_type::number:
        out = TextRules::trim(v.raw_json_token());
        return true;
    case od::json_type::null:
        out.reset();
        return true;
    default:
        return false;
    }
}

// simdjson 3.0 does not report text after the first value; a JSON Lines line must be
// one value, so look for the end of the first object and check only blanks follow.
bool trailingText(std::string_view s)
{
    int depth = 0;
    bool inString = false, escaped = false;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        if (inString) {
            if (escaped)
                escaped = false;
            else if (c == '\\')
                escaped = true;
            else if (c == '"')
                inString = false;
        } else if (c == '"') {
            inString = true;
        } else if (c == '{' || c == '[') {
            ++depth;
        } else if ((c == '}' || c == ']') && --depth == 0) {
            return !TextRules::trim(s.substr(i + 1)).empty();
        }
    }
    return false;
}

// Iterates the members of one JSON record. onField(key, value) returns a reason to stop.
template<typename F>
std::optional<QString> forEachField(od::parser &parser, std::string_view text, F &&onField)
{
    if (trailingText(text))
        return QStringLiteral("text after the JSON object");
    od::document doc;
    if (auto err = parser.iterate(sj::padded_string_view(text.data(), text.size(), text.size() + JsonRecordReader::kPadding))
                       .get(doc))
        return jsonReason(err);
    od::object obj;
    if (auto err = doc.get_object().get(obj))
        return err == sj::INCORRECT_TYPE ? QStringLiteral("not a JSON object") : jsonReason(err);
    for (auto member : obj) {
        od::field field;
        if (auto err = std::move(member).get(field))
            return jsonReason(err);
        std::string_view key;
        if (auto err = field.unescaped_key().get(key))
            return jsonReason(err);
        if (auto reason = onField(key, field.value()))
            return reason;
    }
    return std::nullopt;
}

// Rows of a file, in whichever container it came.
class RowSink
{
public:
    RowSink(const QString &shown, const ImportOptions &opt, const RowErrorFn &onRowError, bool resultRows = false)
        : m_shown(shown)
        , m_opt(opt)
        , m_onRowError(onRowError)
        , m_resultRows(resultRows)
    {
    }
    void reject(std::int64_t line, const QString &reason)
    {
        ++m_rejected;
        if (m_onRowError)
            m_onRowError(RowError{m_shown, line, reason, m_resultRows});
    }
    // In strict mode, once a row is bad the rest is only checked, not written.
    bool writing() const { return !(m_opt.strict && m_rejected > 0); }
    std::int64_t rejected() const { return m_rejected; }
    const QString &shown() const { return m_shown; }

private:
    QString m_shown;
    const ImportOptions &m_opt;
    const RowErrorFn &m_onRowError;
    bool m_resultRows;
    std::int64_t m_rejected = 0;
};

QString layoutName(JsonRecordReader::Layout l)
{
    switch (l) {
    case JsonRecordReader::Layout::Array:
        return QStringLiteral("JSON array");
    case JsonRecordReader::Layout::Wrapped:
        return QStringLiteral("JSON object");
    case JsonRecordReader::Layout::Lines:
        return QStringLiteral("JSON Lines");
    case JsonRecordReader::Layout::Unknown:
        break;
    }
    return QStringLiteral("JSON");
}

// Runs the JSON reader, turning its structural errors into a failed file.
template<typename F>
QString readJson(Input &in, RowSink &sink, F &&onRecord)
{
    JsonRecordReader reader(in.reader());
    try {
        while (reader.next()) {
            if (reader.oversized()) {
                sink.reject(reader.line(), QStringLiteral("line longer than 64 MB"));
                continue;
            }
            onRecord(reader.record(), reader.line());
        }
    } catch (const JsonStructureError &e) {
        throw ImportError(QStringLiteral("%1:%2: %3").arg(sink.shown(), QString::number(e.line()), QString::fromUtf8(e.what())));
    } catch (const RecordTooLarge &e) {
        throw ImportError(QStringLiteral("%1:%2: record longer than 64 MB").arg(sink.shown(), QString::number(e.line())));
    }
    return layoutName(reader.layout());
}

// Reads the header of a CSV file and maps wanted column names (lower case) to indexes.
struct CsvHeader
{
    std::vector<std::string> names; // lower case, trimmed
    int index(std::string_view name) const
    {
        for (std::size_t i = 0; i < names.size(); ++i)
            if (names[i] == name)
                return int(i);
        return -1;
    }
};

bool readHeader(CsvReader &csv, CsvHeader &header)
{
    while (csv.next()) {
        if (csv.isBlank())
            continue;
        for (std::string_view f : csv.fields()) {
            std::string n(TextRules::trim(f));
            std::transform(n.begin(), n.end(), n.begin(), [](char c) { return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c; });
            header.names.push_back(std::move(n));
        }
        return true;
    }
    return false;
}

// Common CSV row shape checks; returns a reason or nullopt.
std::optional<QString> csvRowProblem(const CsvReader &csv, const CsvHeader &header)
{
    if (csv.malformed())
        return QStringLiteral("a quoted field is not closed, or text follows its closing quote");
    if (csv.fields().size() != header.names.size())
        return QStringLiteral("%1 fields where the header has %2").arg(csv.fields().size()).arg(header.names.size());
    return std::nullopt;
}

template<typename F>
void readCsv(Input &in, RowSink &sink, F &&onHeader)
{
    CsvReader csv(in.reader());
    try {
        CsvHeader header;
        if (!readHeader(csv, header))
            throw ImportError(QStringLiteral("%1: empty file, no header row").arg(sink.shown()));
        auto onRow = onHeader(header);
        while (csv.next()) {
            if (csv.isBlank())
                continue;
            if (auto problem = csvRowProblem(csv, header)) {
                sink.reject(csv.line(), *problem);
                continue;
            }
            onRow(csv.fields(), csv.line());
        }
    } catch (const RecordTooLarge &e) {
        throw ImportError(QStringLiteral("%1:%2: record longer than 64 MB").arg(sink.shown(), QString::number(e.line())));
    }
}

// ---------------------------------------------------------------------------------------------
// Usage

enum UsageColumn { UTimestamp, UModel, UCaller, UEvent, UMode, UFee, UStatus, UColumnCount };
constexpr std::array<std::string_view, UColumnCount> kUsageNames = {"timestamp", "model_id", "caller", "event_id",
                                                                    "mode",      "fee",      "status"};

using UsageValues = std::array<std::optional<std::string_view>, UColumnCount>;

struct UsageState
{
    UsageWriter writer;
    std::int64_t rounded = 0;
    std::int64_t firstRoundedLine = 0; // where the first of them is (0: none)
    void countRounding(const TextRules::Fee &fee, std::int64_t line)
    {
        if (!fee.rounded)
            return;
        if (rounded++ == 0)
            firstRoundedLine = line;
    }
    explicit UsageState(Database &db)
        : writer(db)
    {
    }
};

// Checks one row against the contract; on success hands it to the writer. line is where
// the row is, for the report of fees rounded.
std::optional<QString> addUsageRow(const UsageValues &v, UsageState &state, RowSink &sink, std::int64_t line)
{
    using namespace TextRules;
    const auto required = [&](UsageColumn c) -> std::optional<QString> {
        if (!v[c])
            return QStringLiteral("%1 is missing").arg(QLatin1String(kUsageNames[c].data(), qsizetype(kUsageNames[c].size())));
        if (trim(*v[c]).empty())
            return QStringLiteral("%1 is empty").arg(QLatin1String(kUsageNames[c].data(), qsizetype(kUsageNames[c].size())));
        return std::nullopt;
    };
    for (UsageColumn c : {UTimestamp, UModel, UCaller})
        if (auto r = required(c))
            return r;

    // The reason with the column's value quoted (never the caller's).
    const auto bad = [&](const QString &reason, UsageColumn c) {
        return withValue(reason, v[c].value_or(std::string_view()), v[UCaller]);
    };

    UsageEvent e;
    const auto ts = parseTimestamp(*v[UTimestamp], false);
    if (!ts)
        return bad(QStringLiteral("timestamp is neither ISO 8601 date and time nor Unix seconds"), UTimestamp);
    e.timestamp = *ts;
    e.modelId = trim(*v[UModel]);
    if (auto problem = modelIdProblem(e.modelId, v[UCaller]))
        return problem;
    e.caller = *v[UCaller];
    if (v[UEvent])
        e.eventId = *v[UEvent];
    const auto mode = parseMode(v[UMode].value_or(std::string_view()));
    if (!mode)
        return bad(QStringLiteral("mode is not vanilla, tee, zkml, 0, 1 or 2"), UMode);
    e.mode = *mode;
    Fee fee;
    if (v[UFee] && !trim(*v[UFee]).empty()) {
        switch (parseFee(*v[UFee], fee)) {
        case FeeError::None:
        case FeeError::Empty:
            break;
        case FeeError::Negative:
            return bad(QStringLiteral("fee is negative"), UFee);
        case FeeError::Syntax:
            return bad(QStringLiteral("fee is not a plain decimal number"), UFee);
        case FeeError::TooLarge:
            return bad(QStringLiteral("fee is too large"), UFee);
        }
    }
    e.feeNano = fee.nano;
    const auto failed = parseFailedStatus(v[UStatus].value_or(std::string_view()));
    if (!failed)
        return bad(QStringLiteral("status is not ok or error"), UStatus);
    e.failed = *failed;

    if (sink.writing()) {
        state.writer.add(e);
        state.countRounding(fee, line);
    }
    return std::nullopt;
}

// Roll-ups (contract 2b): one row per UTC day, model and caller.
enum RollColumn { RDay, RModel, RCaller, RCalls, RFailed, RVerified, RFees, RColumnCount };
constexpr std::array<std::string_view, RColumnCount> kRollupNames = {
    "day", "model_id", "caller", "calls", "failed_calls", "verified_calls", "fees"};
constexpr int kRequiredRollup = RCalls; // day, model_id, caller and calls are required

using RollupValues = std::array<std::optional<std::string_view>, RColumnCount>;

QString rollName(int c)
{
    return QLatin1String(kRollupNames[std::size_t(c)].data(), qsizetype(kRollupNames[std::size_t(c)].size()));
}

std::optional<QString> addRollupRow(const RollupValues &v, UsageState &state, RowSink &sink, std::int64_t line)
{
    using namespace TextRules;
    // The reason with the column's value quoted (never the caller's).
    const auto bad = [&](const QString &reason, int c) {
        return withValue(reason, v[std::size_t(c)].value_or(std::string_view()), v[RCaller]);
    };
    for (int c = 0; c <= kRequiredRollup; ++c) {
        if (!v[std::size_t(c)])
            return QStringLiteral("%1 is missing").arg(rollName(c));
        if (trim(*v[std::size_t(c)]).empty())
            return QStringLiteral("%1 is empty").arg(rollName(c));
    }
    UsageDay row;
    const auto day = parseDay(*v[RDay]);
    if (!day)
        return bad(QStringLiteral("day is not a date (YYYY-MM-DD)"), RDay);
    row.day = *day;
    row.modelId = trim(*v[RModel]);
    if (auto problem = modelIdProblem(row.modelId, v[RCaller]))
        return problem;
    row.caller = *v[RCaller];
    const auto calls = parseCount(*v[RCalls]);
    if (!calls || *calls < 1)
        return bad(QStringLiteral("calls is not a whole number of 1 or more"), RCalls);
    row.calls = *calls;
    for (int c : {RFailed, RVerified}) {
        const auto &text = v[std::size_t(c)];
        if (!text || trim(*text).empty())
            continue; // absent: 0
        const auto n = parseCount(*text);
        if (!n)
            return bad(QStringLiteral("%1 is not a whole number").arg(rollName(c)), c);
        if (*n > row.calls)
            return bad(QStringLiteral("%1 is more than calls").arg(rollName(c)), c);
        (c == RFailed ? row.failed : row.verified) = *n;
    }
    Fee fee;
    if (v[RFees] && !trim(*v[RFees]).empty()) {
        switch (parseFee(*v[RFees], fee)) {
        case FeeError::None:
        case FeeError::Empty:
            break;
        case FeeError::Negative:
            return bad(QStringLiteral("fees is negative"), RFees);
        case FeeError::Syntax:
            return bad(QStringLiteral("fees is not a plain decimal number"), RFees);
        case FeeError::TooLarge:
            return bad(QStringLiteral("fees is too large"), RFees);
        }
    }
    row.feeNano = fee.nano;
    if (sink.writing()) {
        state.writer.addDay(row);
        state.countRounding(fee, line);
    }
    return std::nullopt;
}

// Writes what the rows left buffered and fills the report; refuses roll-up days that the
// cache already holds (the caller's transaction then rolls back).
void finishUsage(UsageState &state, const RowSink &sink, bool rollUp, ImportReport &report)
{
    if (!sink.writing())
        return;
    const UsageSummary s = state.writer.finish();
    if (s.conflicts > 0)
        throw ImportError(
            QStringLiteral("%1: nothing imported: the cache already holds usage of %2 on %3 for a caller of this roll-up "
                           "(%4 in all, the earliest named); importing would count those calls twice. "
                           "--replace-days replaces those days with the roll-up's rows")
                .arg(sink.shown(), QString::fromStdString(s.firstConflictModel),
                     QString::fromStdString(TextRules::formatDay(s.firstConflictDay)),
                     plural(s.conflicts, "model-caller-day", "model-caller-days")));
    report.rollUp = rollUp;
    report.rowsImported = rollUp ? s.dayRows : s.added;
    report.callsImported = s.added;
    report.daysReplaced = s.replaced;
    report.duplicates = s.duplicates;
    report.unlistedModels = s.unlistedModels;
    report.feesRounded = state.rounded;
    report.firstRoundedLine = state.firstRoundedLine;
}

QString importUsage(Database &db, Input &in, RowSink &sink, const ImportOptions &opt, ImportReport &report)
{
    UsageState state(db);
    state.writer.setReplaceDays(opt.replaceDays);
    QString layout;
    // Raw calls or a roll-up: the first record (JSON) or the header (CSV) says, by a 'day'
    // column without a 'timestamp'.
    bool rollUp = false;
    if (sniff(in) == Container::Json) {
        od::parser parser;
        bool first = true;
        layout = readJson(in, sink, [&](std::string_view text, std::int64_t line) {
            UsageValues v;
            RollupValues rv;
            bool hasDay = false;
            auto reason = forEachField(parser, text, [&](std::string_view key, od::value value) -> std::optional<QString> {
                bool known = false;
                std::optional<std::string_view> scalar;
                for (int c = 0; c < UColumnCount && !known; ++c)
                    known = equalsNoCase(key, kUsageNames[std::size_t(c)]);
                for (int c = 0; c < RColumnCount && !known && (first || rollUp); ++c)
                    known = equalsNoCase(key, kRollupNames[std::size_t(c)]);
                if (!known)
                    return std::nullopt;
                if (!scalarText(value, scalar))
                    return QStringLiteral("%1 is not a string or a number").arg(QString::fromUtf8(key.data(), qsizetype(key.size())).toLower());
                for (int c = 0; c < UColumnCount; ++c)
                    if (equalsNoCase(key, kUsageNames[std::size_t(c)]))
                        v[std::size_t(c)] = scalar;
                for (int c = 0; c < RColumnCount; ++c)
                    if (equalsNoCase(key, kRollupNames[std::size_t(c)]))
                        rv[std::size_t(c)] = scalar;
                hasDay = hasDay || equalsNoCase(key, "day");
                return std::nullopt;
            });
            if (first)
                rollUp = hasDay && !v[UTimestamp];
            first = false;
            if (!reason)
                reason = rollUp ? addRollupRow(rv, state, sink, line) : addUsageRow(v, state, sink, line);
            if (reason)
                sink.reject(line, *reason);
        });
    } else {
        layout = QStringLiteral("CSV");
        readCsv(in, sink, [&](const CsvHeader &header) {
            rollUp = header.index("day") >= 0 && header.index("timestamp") < 0;
            const auto &names = rollUp ? std::vector<std::string_view>(kRollupNames.begin(), kRollupNames.end())
                                       : std::vector<std::string_view>(kUsageNames.begin(), kUsageNames.end());
            const int required = rollUp ? kRequiredRollup : int(UCaller);
            std::vector<int> col(names.size());
            for (std::size_t c = 0; c < names.size(); ++c) {
                col[c] = header.index(names[c]);
                if (int(c) <= required && col[c] < 0)
                    throw ImportError(QStringLiteral("%1: the header has no '%2' column")
                                          .arg(sink.shown(), QLatin1String(names[c].data(), qsizetype(names[c].size()))));
            }
            return [&, col](const std::vector<std::string_view> &fields, std::int64_t line) {
                std::optional<QString> reason;
                if (rollUp) {
                    RollupValues v;
                    for (std::size_t c = 0; c < RColumnCount; ++c)
                        if (col[c] >= 0)
                            v[c] = fields[std::size_t(col[c])];
                    reason = addRollupRow(v, state, sink, line);
                } else {
                    UsageValues v;
                    for (std::size_t c = 0; c < UColumnCount; ++c)
                        if (col[c] >= 0)
                            v[c] = fields[std::size_t(col[c])];
                    reason = addUsageRow(v, state, sink, line);
                }
                if (reason)
                    sink.reject(line, *reason);
            };
        });
    }
    finishUsage(state, sink, rollUp, report);
    if (rollUp)
        layout += QStringLiteral(" roll-up");
    return layout;
}

// ---------------------------------------------------------------------------------------------
// Catalogue

std::optional<std::string> optText(std::string_view s)
{
    s = TextRules::trim(s);
    if (s.empty())
        return std::nullopt;
    return std::string(s);
}

enum CatColumn {
    CModel, CAuthor, CName, CTask, CFramework, CLicense, CTags, CCreated, CUpdated,
    CVersions, CFiles, CDownloads, CLikes, CDescription, CColumnCount
};
constexpr std::array<std::string_view, CColumnCount> kCatalogueNames = {
    "model_id", "author", "name", "task", "framework", "license", "tags", "created_at", "updated_at",
    "versions", "files", "downloads", "likes", "description"};

using CatValues = std::array<std::optional<std::string_view>, CColumnCount>;

QString colName(std::string_view n)
{
    return QString::fromLatin1(n.data(), qsizetype(n.size()));
}

// The CSV mapping (also used for JSON records that use the CSV column names).
std::optional<QString> catalogueFromColumns(const CatValues &v, ModelRecord &r)
{
    if (!v[CModel] || TextRules::trim(*v[CModel]).empty())
        return QStringLiteral("model_id is empty");
    r.modelId = std::string(TextRules::trim(*v[CModel]));
    if (auto problem = modelIdProblem(r.modelId))
        return problem;
    for (int c : {CAuthor, CName, CTask, CFramework, CLicense, CTags, CDescription}) {
        const auto &val = v[std::size_t(c)];
        if (!val)
            continue;
        if (!validUtf8(*val))
            return withValue(QStringLiteral("%1 is not valid UTF-8").arg(colName(kCatalogueNames[std::size_t(c)])), *val);
        std::optional<std::string> text = optText(*val);
        switch (c) {
        case CAuthor: r.author = std::move(text); break;
        case CName: r.name = std::move(text); break;
        case CTask: r.task = std::move(text); break;
        case CFramework: r.framework = std::move(text); break;
        case CLicense: r.license = std::move(text); break;
        case CTags: r.tags = std::move(text); break;
        default: r.description = std::move(text); break;
        }
    }
    for (int c : {CCreated, CUpdated}) {
        const auto &val = v[std::size_t(c)];
        if (!val || TextRules::trim(*val).empty())
            continue;
        const auto ts = TextRules::parseTimestamp(*val);
        if (!ts)
            return withValue(
                QStringLiteral("%1 is not an ISO 8601 date or Unix seconds").arg(colName(kCatalogueNames[std::size_t(c)])), *val);
        (c == CCreated ? r.createdAt : r.updatedAt) = ts;
    }
    for (int c : {CVersions, CFiles, CDownloads, CLikes}) {
        const auto &val = v[std::size_t(c)];
        if (!val || TextRules::trim(*val).empty())
            continue;
        const auto n = parseCount(*val);
        if (!n)
            return withValue(QStringLiteral("%1 is not a whole number").arg(colName(kCatalogueNames[std::size_t(c)])), *val);
        switch (c) {
        case CVersions: r.versions = n; break;
        case CFiles: r.files = n; break;
        case CDownloads: r.downloads = n; break;
        default: r.likes = n; break;
        }
    }
    return std::nullopt;
}

// Model-file extensions that say which framework a model is for.
std::optional<std::string> frameworkOf(std::string_view fileName)
{
    static const char *const kKnown[] = {"onnx", "pt", "pth", "safetensors", "gguf", "ggml", "tflite", "pb",
                                         "h5",   "keras", "pkl", "joblib", "ckpt", "mlmodel", "xgb", "bin"};
    const std::size_t dot = fileName.rfind('.');
    if (dot == std::string_view::npos || dot + 1 >= fileName.size())
        return std::nullopt;
    std::string ext(fileName.substr(dot + 1));
    std::transform(ext.begin(), ext.end(), ext.begin(), [](char c) { return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c; });
    for (const char *k : kKnown)
        if (ext == k)
            return ext;
    return std::nullopt;
}

// What one JSON catalogue record holds, before choosing a mapping.
struct JsonModel
{
    CatValues columns; // members named like the CSV columns
    std::optional<std::string> id, modelId, author, pipelineTag, libraryName, taskName, authorUsername, name,
        description, createdAt, lastModified;
    std::optional<std::int64_t> downloads, likes;
    std::optional<std::string> tags, license; // from an array of tags
    std::optional<std::int64_t> siblings;
    // OpenGradient versions
    std::optional<std::int64_t> versionCount;
    std::optional<std::int64_t> newestAt, earliestAt;
    std::optional<std::int64_t> newestFiles;
    std::optional<std::string> newestFramework;
};

struct Version
{
    std::optional<std::int64_t> createdAt;
    std::optional<std::int64_t> files;
    std::optional<std::string> framework;
};

std::optional<QString> readVersion(od::value value, Version &ver)
{
    od::object obj;
    if (value.get_object().get(obj))
        return QStringLiteral("a version is not a JSON object");
    for (auto member : obj) {
        od::field field;
        std::string_view key;
        if (std::move(member).get(field) || field.unescaped_key().get(key))
            return QStringLiteral("a version is not valid JSON");
        if (key == "createdAt") {
            std::optional<std::string_view> s;
            if (!scalarText(field.value(), s))
                return QStringLiteral("a version's createdAt is not a string");
            if (s && !s->empty()) {
                ver.createdAt = TextRules::parseTimestamp(*s);
                if (!ver.createdAt)
                    return withValue(QStringLiteral("a version's createdAt is not an ISO 8601 date"), *s);
            }
        } else if (key == "files") {
            od::array files;
            if (field.value().get_array().get(files))
                return QStringLiteral("a version's files is not an array");
            std::int64_t n = 0;
            for (auto f : files) {
                od::value fv;
                if (std::move(f).get(fv))
                    return QStringLiteral("a version's files is not valid JSON");
                ++n;
                od::object fo;
                if (fv.get_object().get(fo))
                    continue;
                std::string_view fileName;
                if (!fo.find_field_unordered("name").get_string().get(fileName) && !ver.framework)
                    ver.framework = frameworkOf(fileName);
            }
            ver.files = n;
        }
    }
    return std::nullopt;
}

std::optional<QString> readJsonModel(od::parser &parser, std::string_view text, JsonModel &m)
{
    const auto str = [](od::value &v, std::optional<std::string> &out, const char *name) -> std::optional<QString> {
        std::optional<std::string_view> s;
        if (!scalarText(v, s))
            return QStringLiteral("%1 is not a string").arg(QLatin1String(name));
        if (s && !TextRules::trim(*s).empty())
            out = std::string(TextRules::trim(*s));
        else
            out.reset();
        return std::nullopt;
    };
    const auto count = [](od::value &v, std::optional<std::int64_t> &out, const char *name) -> std::optional<QString> {
        std::optional<std::string_view> s;
        if (!scalarText(v, s))
            return QStringLiteral("%1 is not a whole number").arg(QLatin1String(name));
        out.reset();
        if (s && !s->empty()) {
            out = parseCount(*s);
            if (!out)
                return withValue(QStringLiteral("%1 is not a whole number").arg(QLatin1String(name)), *s);
        }
        return std::nullopt;
    };

    return forEachField(parser, text, [&](std::string_view key, od::value v) -> std::optional<QString> {
        if (key == "id")
            return str(v, m.id, "id");
        if (key == "modelId")
            return str(v, m.modelId, "modelId");
        if (key == "author")
            return str(v, m.author, "author");
        if (key == "pipeline_tag")
            return str(v, m.pipelineTag, "pipeline_tag");
        if (key == "library_name")
            return str(v, m.libraryName, "library_name");
        if (key == "taskName")
            return str(v, m.taskName, "taskName");
        if (key == "authorUsername")
            return str(v, m.authorUsername, "authorUsername");
        if (key == "name")
            return str(v, m.name, "name");
        if (key == "description")
            return str(v, m.description, "description");
        if (key == "createdAt")
            return str(v, m.createdAt, "createdAt");
        if (key == "lastModified")
            return str(v, m.lastModified, "lastModified");
        if (key == "downloads")
            return count(v, m.downloads, "downloads");
        if (key == "likes")
            return count(v, m.likes, "likes");
        if (key == "tags") {
            od::json_type t;
            if (!v.type().get(t) && t == od::json_type::array) {
                std::string joined;
                bool any = false;
                for (auto el : v.get_array()) {
                    std::string_view tag;
                    if (el.get_string().get(tag))
                        return QStringLiteral("tags holds something other than text");
                    tag = TextRules::trim(tag);
                    if (!m.license && tag.substr(0, 8) == "license:" && tag.size() > 8)
                        m.license = std::string(tag.substr(8));
                    if (any)
                        joined += ';';
                    joined += tag;
                    any = true;
                }
                m.tags = any ? std::optional<std::string>(std::move(joined)) : std::nullopt;
                if (!any)
                    m.tags.reset();
                return std::nullopt;
            }
            // A string of ';'-separated tags, as in the CSV.
            if (!scalarText(v, m.columns[CTags]))
                return QStringLiteral("tags is not an array or a string");
            if (m.columns[CTags]) {
                m.tags = optText(*m.columns[CTags]);
                m.columns[CTags].reset();
            }
            return std::nullopt;
        }
        if (key == "siblings") {
            od::array arr;
            od::json_type t;
            if (!v.type().get(t) && t == od::json_type::null)
                return std::nullopt;
            if (v.get_array().get(arr))
                return QStringLiteral("siblings is not an array");
            std::int64_t n = 0;
            for (auto el : arr) {
                od::value ev;
                if (std::move(el).get(ev))
                    return QStringLiteral("siblings is not valid JSON");
                ++n;
            }
            m.siblings = n;
            return std::nullopt;
        }
        if (key == "versions") {
            od::json_type t;
            if (!v.type().get(t) && (t == od::json_type::null))
                return std::nullopt;
            if (!v.type().get(t) && t != od::json_type::array) {
                // A number of versions, as in the CSV.
                return count(v, m.versionCount, "versions");
            }
            od::array arr;
            if (v.get_array().get(arr))
                return QStringLiteral("versions is not an array");
            std::int64_t n = 0;
            std::optional<Version> newest;
            for (auto el : arr) {
                od::value ev;
                if (std::move(el).get(ev))
                    return QStringLiteral("versions is not valid JSON");
                Version ver;
                if (auto r = readVersion(ev, ver))
                    return r;
                ++n;
                if (ver.createdAt && (!m.earliestAt || *ver.createdAt < *m.earliestAt))
                    m.earliestAt = ver.createdAt;
                // Newest by date; undated versions count as listed in order, oldest first.
                if (!newest || !newest->createdAt || (ver.createdAt && *ver.createdAt >= *newest->createdAt))
                    newest = std::move(ver);
            }
            m.versionCount = n;
            if (newest) {
                m.newestAt = newest->createdAt;
                m.newestFiles = newest->files;
                m.newestFramework = newest->framework;
            }
            return std::nullopt;
        }
        for (int c = 0; c < CColumnCount; ++c) {
            if (c == CTags || c == CVersions)
                continue;
            if (key == kCatalogueNames[std::size_t(c)]) {
                if (!scalarText(v, m.columns[std::size_t(c)]))
                    return QStringLiteral("%1 is not a string or a number").arg(colName(key));
                return std::nullopt;
            }
        }
        return std::nullopt;
    });
}

std::optional<QString> parseTime(const std::optional<std::string> &text, const char *name,
                                 std::optional<std::int64_t> &out)
{
    if (!text)
        return std::nullopt;
    out = TextRules::parseTimestamp(*text);
    if (!out)
        return withValue(QStringLiteral("%1 is not an ISO 8601 date or Unix seconds").arg(QLatin1String(name)), *text);
    return std::nullopt;
}

std::optional<QString> mapHuggingFace(JsonModel &m, ModelRecord &r)
{
    const std::optional<std::string> &id = m.id ? m.id : m.modelId;
    if (!id)
        return QStringLiteral("no id or modelId");
    r.modelId = *id;
    if (auto problem = modelIdProblem(r.modelId))
        return problem;
    const std::size_t slash = r.modelId.find('/');
    r.author = m.author;
    if (!r.author && slash != std::string::npos && slash > 0)
        r.author = r.modelId.substr(0, slash);
    // Old Hub models have no namespace ("gpt2"): the id is the name.
    r.name = slash == std::string::npos ? r.modelId : optText(std::string_view(r.modelId).substr(slash + 1));
    r.task = m.pipelineTag;
    r.framework = m.libraryName;
    r.license = m.license;
    r.tags = m.tags;
    if (auto e = parseTime(m.createdAt, "createdAt", r.createdAt))
        return e;
    if (auto e = parseTime(m.lastModified, "lastModified", r.updatedAt))
        return e;
    r.versions = 1;
    r.files = m.siblings;
    r.downloads = m.downloads;
    r.likes = m.likes;
    return std::nullopt;
}

std::optional<QString> mapOpenGradient(JsonModel &m, ModelRecord &r)
{
    if (!m.authorUsername || !m.name)
        return QStringLiteral("no authorUsername or no name");
    r.modelId = *m.authorUsername + '/' + *m.name;
    if (auto problem = modelIdProblem(r.modelId))
        return problem;
    r.author = m.authorUsername;
    r.name = m.name;
    r.task = m.taskName;
    r.framework = m.newestFramework;
    if (auto e = parseTime(m.createdAt, "createdAt", r.createdAt))
        return e;
    if (!r.createdAt)
        r.createdAt = m.earliestAt;
    r.updatedAt = m.newestAt;
    r.versions = m.versionCount ? *m.versionCount : 1;
    r.files = m.newestFiles;
    r.description = m.description;
    return std::nullopt;
}

// A JSON record written with the CSV column names.
std::optional<QString> mapColumns(JsonModel &m, ModelRecord &r)
{
    if (auto e = catalogueFromColumns(m.columns, r))
        return e;
    r.author = m.author;
    r.name = m.name;
    r.description = m.description;
    r.tags = m.tags;
    r.versions = m.versionCount;
    r.downloads = m.downloads;
    r.likes = m.likes;
    return std::nullopt;
}

QString importCatalogue(Database &db, Input &in, RowSink &sink, const ImportOptions &opt, ImportReport &report)
{
    CatalogueWriter writer(db);
    // Unlisted models are rows UsageWriter made from a model id alone, so their created_at
    // is NULL: counting through models_by_created reads only those, not the whole table
    // (a scan of a million models took 1.7 s, a third of a bare sqlite3 .import).
    constexpr std::string_view countUnlisted = "SELECT count(*) FROM models WHERE created_at IS NULL AND listed = 0";
    const std::int64_t unlistedBefore = db.queryInt(countUnlisted).value_or(0);
    // A file that brings at least as many models as the cache holds (a first import, say; a
    // catalogue row is about 150 bytes) is written with the indexes off, each built once at the
    // end, in this transaction: 23 sort indexes and the trigram index kept row by row cost more.
    std::optional<Cache::BulkLoad> bulk;
    if (Cache::worthBulkLoad(db, in.size() / 150))
        bulk.emplace(db);
    QString layout;
    const bool csv = opt.format == ImportOptions::Format::Csv
                     || (opt.format == ImportOptions::Format::Auto && sniff(in) == Container::Csv);
    if (!csv) {
        od::parser parser;
        layout = readJson(in, sink, [&](std::string_view text, std::int64_t line) {
            JsonModel m;
            ModelRecord r;
            auto reason = readJsonModel(parser, text, m);
            if (!reason) {
                switch (opt.format) {
                case ImportOptions::Format::HuggingFace:
                    reason = mapHuggingFace(m, r);
                    break;
                case ImportOptions::Format::OpenGradient:
                    reason = mapOpenGradient(m, r);
                    break;
                default:
                    if (m.columns[CModel])
                        reason = mapColumns(m, r);
                    else if (m.authorUsername && !m.id && !m.modelId)
                        reason = mapOpenGradient(m, r);
                    else
                        reason = mapHuggingFace(m, r);
                }
            }
            if (reason)
                sink.reject(line, *reason);
            else if (sink.writing())
                writer.upsert(r);
        });
    } else {
        layout = QStringLiteral("CSV");
        readCsv(in, sink, [&](const CsvHeader &header) {
            std::array<int, CColumnCount> col;
            for (std::size_t c = 0; c < CColumnCount; ++c)
                col[c] = header.index(kCatalogueNames[c]);
            if (col[CModel] < 0)
                throw ImportError(QStringLiteral("%1: the header has no 'model_id' column").arg(sink.shown()));
            return [&, col](const std::vector<std::string_view> &fields, std::int64_t line) {
                CatValues v;
                for (std::size_t c = 0; c < CColumnCount; ++c)
                    if (col[c] >= 0)
                        v[c] = fields[std::size_t(col[c])];
                ModelRecord r;
                if (auto reason = catalogueFromColumns(v, r))
                    sink.reject(line, *reason);
                else if (sink.writing())
                    writer.upsert(r);
            };
        });
    }
    report.rowsImported = writer.written();
    if (bulk)
        bulk->finish();
    if (unlistedBefore > 0)
        report.nowListed = unlistedBefore - db.queryInt(countUnlisted).value_or(0);
    return layout;
}

bool alreadyImported(Database &db, const QString &kind, const QByteArray &hash)
{
    Statement seen(db, "SELECT 1 FROM imported_files WHERE kind = ? AND content_hash = ?");
    seen.bind(1, kind).bindBlob(2, hash);
    return seen.step();
}

void recordImport(Database &db, const QString &kind, const QString &path, const QByteArray &hash,
                  const ImportReport &report)
{
    ShortTerms::refresh(db); // models were added: catalogue rows, or unlisted ones from usage
    Statement record(db, R"sql(
INSERT INTO imported_files(kind, path, content_hash, size, imported_at, rows_imported, rows_rejected)
VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7)
ON CONFLICT(kind, content_hash) DO UPDATE SET path = excluded.path, size = excluded.size,
    imported_at = excluded.imported_at, rows_imported = excluded.rows_imported, rows_rejected = excluded.rows_rejected
)sql");
    record.bind(1, kind)
        .bind(2, path)
        .bindBlob(3, hash)
        .bind(4, report.bytes)
        .bind(5, std::int64_t(QDateTime::currentSecsSinceEpoch()))
        .bind(6, report.rowsImported)
        .bind(7, report.rowsRejected);
    record.run();
}

} // namespace

ImportReport importFile(Database &db, const QString &path, const ImportOptions &options, const ProgressFn &progress,
                        const RowErrorFn &onRowError)
{
    ImportReport report;
    report.path = path;
    report.kind = options.kind;
    const QString kind = options.kind == ImportOptions::Catalogue ? QStringLiteral("catalogue") : QStringLiteral("usage");
    const QFileInfo info(path);
    if (!info.exists())
        throw ImportError(QStringLiteral("%1: no such file").arg(path));
    if (info.isDir())
        throw ImportError(QStringLiteral("%1: is a folder, not a file").arg(path));

    Statement seen(db, "SELECT 1 FROM imported_files WHERE kind = ? AND content_hash = ?");
    const auto alreadyImported = [&](const QByteArray &hash) {
        seen.bind(1, kind).bindBlob(2, hash);
        const bool found = seen.step();
        seen.reset();
        return found;
    };
    // Only a file of a size seen before can have the same content: hash those first, so
    // that a repeated file costs one read and no writing.
    // Catalogue rows are upserts: importing the same content again is harmless (and may
    // restore what a later file changed), so only usage files are skipped.
    const bool skipSeen = options.kind == ImportOptions::Usage && !options.force;
    if (skipSeen) {
        Statement sameSize(db, "SELECT 1 FROM imported_files WHERE kind = ? AND size = ?");
        sameSize.bind(1, kind).bind(2, std::int64_t(info.size()));
        if (sameSize.step() && alreadyImported(hashWholeFile(path, path, progress))) {
            report.outcome = ImportReport::Outcome::AlreadyImported;
            report.bytes = info.size();
            return report;
        }
    }

    Input in(path, path, progress);
    RowSink sink(path, options, onRowError);
    Transaction tx(db);
    // The writers go on after the last byte (figures, indexes: seconds for millions of rows),
    // so Cancel is also asked through SQLite's progress handler, at most every 100 ms. Declared
    // after tx, it is gone before a rollback.
    QElapsedTimer sinceAsked;
    sinceAsked.start();
    const StopWhen cancel(
        db,
        [&] {
            if (!progress || in.done() == 0 || sinceAsked.elapsed() < 100)
                return false;
            sinceAsked.restart();
            return !progress(in.done(), in.size());
        },
        20000);
    try {
        report.layout = options.kind == ImportOptions::Catalogue ? importCatalogue(db, in, sink, options, report)
                                                                 : importUsage(db, in, sink, options, report);
        const QByteArray hash = in.finish();
        report.bytes = in.done();
        report.rowsRejected = sink.rejected();
        if (options.strict && sink.rejected() > 0) {
            report.outcome = ImportReport::Outcome::Refused;
            report.rowsImported = report.duplicates = report.feesRounded = report.unlistedModels = report.nowListed = 0;
            report.firstRoundedLine = 0;
            report.callsImported = report.daysReplaced = 0;
            return report; // the transaction rolls back
        }
        if (skipSeen && alreadyImported(hash)) {
            ImportReport skipped;
            skipped.outcome = ImportReport::Outcome::AlreadyImported;
            skipped.path = path;
            skipped.kind = options.kind;
            skipped.layout = report.layout;
            skipped.bytes = report.bytes;
            return skipped; // the transaction rolls back
        }
        QElapsedTimer timer;
        timer.start();
        recordImport(db, kind, info.absoluteFilePath(), hash, report);
        qCDebug(lcImport) << "recorded" << timer.restart() << "ms";
        tx.commit();
        qCDebug(lcImport) << "committed" << timer.restart() << "ms";
    } catch (const DbError &e) {
        if (e.isInterrupt() && cancel.stopped())
            throw Cancelled();
        throw;
    }
    return report;
}

ImportReport importRollup(Database &db, RollupSource &source, const ImportOptions &options, const ProgressFn &progress,
                          const RowErrorFn &onRowError)
{
    ImportReport report;
    report.path = source.name();
    report.kind = ImportOptions::Usage;
    report.layout = source.layout();
    report.resultRows = true;
    const QString kind = QStringLiteral("usage");
    RowSink sink(source.name(), options, onRowError, true);
    Transaction tx(db);
    UsageState state(db);
    state.writer.setReplaceDays(options.replaceDays);

    const std::vector<std::string> names = source.columns();
    std::array<int, RColumnCount> col;
    for (std::size_t c = 0; c < RColumnCount; ++c) {
        col[c] = -1;
        for (std::size_t i = 0; i < names.size(); ++i)
            if (equalsNoCase(names[i], kRollupNames[c]))
                col[c] = int(i);
        if (int(c) <= kRequiredRollup && col[c] < 0)
            throw ImportError(QStringLiteral("%1: the result has no '%2' column").arg(sink.shown(), rollName(int(c))));
    }

    // The content hash, for the re-import rule, is taken over the values as they come:
    // each as a length (or -1 for NULL) and its bytes.
    Sha256 hash;
    std::vector<std::optional<std::string_view>> values;
    std::int64_t row = 0;
    while (source.next(values)) {
        ++row;
        RollupValues v;
        for (std::size_t c = 0; c < RColumnCount; ++c)
            if (col[c] >= 0 && std::size_t(col[c]) < values.size())
                v[c] = values[std::size_t(col[c])];
        for (const auto &value : values) {
            const std::int64_t len = value ? std::int64_t(value->size()) : -1;
            hash.addData(reinterpret_cast<const char *>(&len), sizeof len);
            if (value)
                hash.addData(value->data(), value->size());
            report.bytes += std::int64_t(sizeof len) + std::max<std::int64_t>(len, 0);
        }
        if (auto reason = addRollupRow(v, state, sink, row))
            sink.reject(row, *reason);
        if (progress && row % 8192 == 0 && !progress(row, 0))
            throw Cancelled();
    }
    if (progress && !progress(row, 0))
        throw Cancelled();
    // The content is known only now: the same rows again are skipped before they could be
    // refused as a double count.
    const QByteArray digest = hash.result();
    if (!options.force && alreadyImported(db, kind, digest)) {
        ImportReport skipped;
        skipped.outcome = ImportReport::Outcome::AlreadyImported;
        skipped.path = report.path;
        skipped.kind = report.kind;
        skipped.layout = report.layout;
        skipped.bytes = report.bytes;
        return skipped; // the transaction rolls back
    }
    finishUsage(state, sink, true, report);
    report.rowsRejected = sink.rejected();
    if (options.strict && sink.rejected() > 0) {
        report.outcome = ImportReport::Outcome::Refused;
        report.rowsImported = report.callsImported = report.daysReplaced = report.feesRounded = report.unlistedModels = 0;
        report.firstRoundedLine = 0;
        return report; // the transaction rolls back
    }
    recordImport(db, kind, source.name(), digest, report);
    tx.commit();
    return report;
}
