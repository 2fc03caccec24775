#pragma once

#include "error.h"
#include "db/database.h"
#include "progress.h"

#include <QString>
#include <QStringList>

#include <cstdint>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace uptake {

// Imports one catalogue or usage file into an open cache, to the data contract
// (docs/FORMATS.md). Safe to run on a worker thread with that thread's own Database
// connection; nothing here touches the GUI.
//
// One file is one transaction: when importFile() throws (ImportError, Cancelled,
// DbError), the cache is exactly as it was before the call.

struct ImportOptions
{
    enum Kind { Catalogue, Usage };
    // The field mapping of a catalogue. Auto looks at the content: CSV unless it starts
    // with [ or {, else per JSON record: OpenGradient when it has authorUsername, Hugging
    // Face otherwise. The JSON layout (array, {"models": [...]}, JSON Lines) is always
    // detected. Usage files ignore this (CSV or JSON Lines, detected).
    enum class Format { Auto, HuggingFace, OpenGradient, Csv };

    Kind kind = Usage;
    Format format = Format::Auto;
    bool strict = false; // any bad row: import nothing of the file
    // Usage only: import even if this content was imported before (catalogues are upserts
    // and always imported).
    bool force = false;
    // Usage roll-ups (contract 2b): a row for a model, caller and day that the cache already
    // holds would count those calls twice, so the input is refused, unless this is set: then
    // the roll-up's rows replace the cache's for those days.
    bool replaceDays = false;

    // "auto", "hf", "opengradient", "csv" (as on the command line); false if unknown.
    static bool parseFormat(const QString &text, Format &out);
};

// One rejected row. reason quotes the bad value when there is one (quoted, at most 40
// characters, on one line: `fee is not a plain decimal number: "1,5"`), but never a
// caller id, nor a model id longer than that.
struct RowError
{
    QString file;
    std::int64_t line = 0;
    QString reason;
    // line counts the rows of a query's result, not lines of a file (RollupSource).
    bool resultRow = false;
    // "FILE:LINE: reason", as printed on stderr; "SOURCE: row N: reason" for a result row.
    QString toString() const;
};

struct ImportReport
{
    enum class Outcome {
        Imported, // committed, possibly with some rows rejected
        AlreadyImported, // the same content was imported before; nothing done (see force)
        Refused, // strict, and some rows were bad: nothing kept
    };
    Outcome outcome = Outcome::Imported;
    QString path;
    ImportOptions::Kind kind = ImportOptions::Usage;
    QString layout; // "CSV", "JSON array", "JSON object", "JSON Lines", "PostgreSQL query"
    bool rollUp = false; // a usage roll-up (contract 2b) rather than one row per call
    std::int64_t bytes = 0;
    std::int64_t rowsImported = 0; // catalogue: models written; usage: calls added; roll-up: day rows
    std::int64_t callsImported = 0; // roll-up: the calls its rows add up to
    std::int64_t daysReplaced = 0; // roll-up, with replaceDays: rows that replaced the cache's
    std::int64_t rowsRejected = 0;
    std::int64_t duplicates = 0; // usage: calls whose event_id was already seen
    std::int64_t feesRounded = 0; // usage: fees with more than 9 fractional digits
    std::int64_t firstRoundedLine = 0; // usage: the line of the first of them (0 when none)
    std::int64_t simulatedSkipped = 0; // usage: rows with simulation true (no calls; skipped)
    bool resultRows = false; // importRollup: lines are rows of a query's result
    std::int64_t unlistedModels = 0; // usage: model ids not in the catalogue (kept, unlisted)
    std::int64_t nowListed = 0; // catalogue: models known only from usage, listed by this file
    // One line for people: "FILE: 120 rows imported, 2 rejected, ...".
    QString summary() const;
};

// The file could not be imported at all (unreadable, not a format we know, a required
// column missing, roll-up days that would double count...). The message starts with the
// file name.
class ImportError : public Error
{
public:
    explicit ImportError(const QString &message);
};

using RowErrorFn = std::function<void(const RowError &)>;

// progress gets (bytes read, file size) about once per MB; returning false cancels
// (Cancelled is thrown, nothing of the file is kept). After the last byte the writers
// still bring the per-model figures and indexes up to date: progress is then asked again
// with (file size, file size) at most every 100 ms, and returning false still cancels.
// db.interrupt() from another thread stops it too (importFile throws DbError with
// isInterrupt(); the file is rolled back just the same). onRowError gets each bad row in
// file order (may be empty).
ImportReport importFile(Database &db, const QString &path, const ImportOptions &options,
                        const ProgressFn &progress = {}, const RowErrorFn &onRowError = {});

// Reads a catalogue file as importFile() would, without a cache: rowsImported is what it
// would write, rowsRejected what it would reject. Throws the ImportError importFile() would.
ImportReport checkCatalogueFile(const QString &path, const ImportOptions &options);

// A sync's pages: catalogue files written as one, in one transaction, and so as one bulk
// load when together they bring as many models as the cache holds. They are not entered in
// the import log (the sync keeps its own state). beforeCommit runs inside the transaction,
// after the last page. progress gets (bytes read, their size) and cancels by returning
// false. Throws as importFile() does; the cache is then as before.
ImportReport importCataloguePages(Database &db, const QStringList &paths, const ImportOptions &options,
                                  const ProgressFn &progress, const std::function<void()> &beforeCommit);

// Usage roll-up rows from elsewhere than a file (models/ingest/postgressource.h reads them from a
// PostgreSQL query). They go through the same checks, writer, transaction and re-import
// rules as the rows of a roll-up file; the content hash is taken over the values.
class RollupSource
{
public:
    virtual ~RollupSource() = default;
    // Names the source in messages and in the import log; never holds a password.
    virtual QString name() const = 0;
    virtual QString layout() const = 0;
    // The result's column names (matched to contract 2b without regard to case); called
    // once, before next().
    virtual std::vector<std::string> columns() = 0;
    // The next row, one value per column (nullopt for NULL); false after the last row.
    // The views stay valid until the next call. Throws ImportError.
    virtual bool next(std::vector<std::optional<std::string_view>> &values) = 0;
};

// progress gets (rows read, 0) every few thousand rows; returning false cancels.
ImportReport importRollup(Database &db, RollupSource &source, const ImportOptions &options,
                          const ProgressFn &progress = {}, const RowErrorFn &onRowError = {});

} // namespace uptake
