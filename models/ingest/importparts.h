#pragma once

// The importer's own parts, shared by its files (importer.cpp orchestrates; usageimport.cpp
// and catalogueimport.cpp read the formats): the input file read in chunks and hashed as it
// goes, the text checks every format makes, the row sink, and the CSV and JSON record loops.
// Not for use outside models/ingest/.

#include "db/cache.h"
#include "ingest/importer.h"
#include "ingest/ingest.h"
#include "read/csvreader.h"
#include "read/filehash.h"
#include "read/jsonstream.h"
#include "text/displaytext.h"
#include "text/textrules.h"
#include "view/shortterms.h"

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

namespace uptake {

Q_DECLARE_LOGGING_CATEGORY(lcImport)

namespace ImportParts {

namespace sj = simdjson;
namespace od = simdjson::ondemand;

static_assert(JsonRecordReader::kPadding >= sj::SIMDJSON_PADDING);

QString plural(std::int64_t n, const char *one, const char *many);

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

QByteArray hashWholeFile(const QString &path, const QString &shown, const ProgressFn &progress);

enum class Container { Csv, Json };

Container sniff(Input &in);

// ---------------------------------------------------------------------------------------------
// Text checks shared by the formats.

bool validUtf8(std::string_view s);

bool hasControl(std::string_view s);

using TextRules::equalsNoCase;

// A whole non-negative number (a count): digits only, at most 18 of them.
std::optional<std::int64_t> parseCount(std::string_view s);

// ---------------------------------------------------------------------------------------------
// A bad value in a rejected row's message. The value is hostile text from the file: quoted,
// and by DisplayText's rules cut to kQuotedChars characters, kept on one line and unable to
// reorder the message around it. A caller id is never quoted: callers are pseudonymised.

constexpr int kQuotedChars = 40;

QString quoteValue(std::string_view raw);

bool containsNoCase(std::string_view haystack, std::string_view needle);

// "reason: "value"". When the value holds the row's caller id (a caller written into the
// wrong column, say), the reason goes without it.
QString withValue(const QString &reason, std::string_view value, std::optional<std::string_view> caller = {});

// Returns a reason when the model id cannot be a key.
const char *checkModelId(std::string_view id);

// checkModelId's reason as a message, with the id quoted unless it is longer than a quote
// may be (a model id is not cut: part of one would read as another).
std::optional<QString> modelIdProblem(std::string_view id, std::optional<std::string_view> caller = {});

QString jsonReason(sj::error_code err);

// A JSON value as text: strings unescaped, numbers as written; nullopt for null.
// Returns false for objects, arrays and booleans.
bool scalarText(od::value &v, std::optional<std::string_view> &out);

// simdjson 3.0 does not report text after the first value; a JSON Lines line must be
// one value, so look for the end of the first object and check only blanks follow.
bool trailingText(std::string_view s);

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

QString layoutName(JsonRecordReader::Layout l);

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

bool readHeader(CsvReader &csv, CsvHeader &header);

// Common CSV row shape checks; returns a reason or nullopt.
std::optional<QString> csvRowProblem(const CsvReader &csv, const CsvHeader &header);

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

bool alreadyImported(Database &db, const QString &kind, const QByteArray &hash);

void recordImport(Database &db, const QString &kind, const QString &path, const QByteArray &hash,
                  const ImportReport &report);


// The two formats' loops (usageimport.cpp, catalogueimport.cpp): rows of in into the cache
// through sink, filling report; they return the layout's name for the summary.
QString importUsage(Database &db, Input &in, RowSink &sink, const ImportOptions &opt, ImportReport &report);
QString importCatalogue(Database &db, Input &in, RowSink &sink, const ImportOptions &opt, ImportReport &report);

// Catalogue records of in, mapped by opt.format, each handed to write; the bad ones go to
// sink. Returns the layout's name. Needs no cache: checkCatalogueFile() reads with it alone.
QString readCatalogue(Input &in, RowSink &sink, const ImportOptions &opt,
                      const std::function<void(const ModelRecord &)> &write);

// Catalogue inputs written into the open transaction by one writer: one input (a file) or
// several (a sync's pages), as one bulk load (Cache::BulkLoad) when inputBytes, their size
// together, is worth one.
class CatalogueLoad final
{
public:
    CatalogueLoad(Database &db, std::int64_t inputBytes);
    QString read(Input &in, RowSink &sink, const ImportOptions &opt); // the layout's name
    // After the last input: builds what the bulk load left off; fills rowsImported and nowListed.
    void finish(ImportReport &report);

private:
    Database &m_db;
    CatalogueWriter m_writer;
    std::int64_t m_unlistedBefore = 0;
    std::optional<Cache::BulkLoad> m_bulk;
};

} // namespace ImportParts

} // namespace uptake
