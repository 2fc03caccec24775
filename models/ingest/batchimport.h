#pragma once

#include "db/database.h"
#include "ingest/importer.h"
#include "progress.h"

#include <QString>
#include <QStringList>

#include <exception>
#include <functional>
#include <vector>

namespace uptake {

// Several files imported one after another, each in its own transaction: the window's Import
// and `uptake import` share this, so that both follow one rule. A file that cannot be
// imported (ImportError, or a DbError other than a full disk) is reported and the files after
// it still go in. A full disk or a cancel stops the batch: the file at hand is rolled back,
// the files after it are not tried, and the files committed before stay. Safe to run on a
// worker thread with that thread's own Database connection.

// What became of one file of a batch.
struct BatchFileOutcome
{
    enum class Failure {
        None, // read to the end: report says what was done (Imported, AlreadyImported, Refused)
        File, // ImportError: unreadable, not a format we know, a column missing...
        Database, // a DbError other than a full disk; the batch went on
        Full, // the disk, or the cache's size limit, is full; the batch stopped here
        Cancelled, // progress returned false, or db.interrupt(); the batch stopped here
    };
    QString path;
    Failure failure = Failure::None;
    ImportReport report; // when failure is None
    // When failure is not None: the error's own English message. An ImportError's starts with
    // the file name; a DbError's does not name the file ("database or disk is full").
    QString message;

    bool failed() const { return failure != Failure::None; }
    // Whether anything of this file is in the cache now (committed by this import).
    bool kept() const { return failure == Failure::None && report.outcome == ImportReport::Outcome::Imported; }
};

struct BatchImportResult
{
    std::vector<BatchFileOutcome> files; // one per file tried, in the order given
    // Set when a full disk or a cancel stopped the batch: what stopped it (a DbError or
    // Cancelled), for the caller to rethrow where its edge catches such things. The last of
    // files is then the one the batch stopped in; the paths after it were not tried.
    std::exception_ptr stoppedBy;

    bool stopped() const { return bool(stoppedBy); }
};

struct BatchImportCallbacks
{
    // Before each file: its index (from 0), the number of files, its path.
    std::function<void(int index, int count, const QString &path)> fileStarted;
    // Once the whole file has been read (progress reached its size), while the writers still
    // bring the figures and indexes up to date. Not for sources whose size is not known.
    std::function<void(int index, int count, const QString &path)> fileWriting;
    // After each file tried, the one the batch stopped in too; before the next file starts.
    std::function<void(int index, int count, const BatchFileOutcome &outcome)> fileFinished;
    // importFile()'s progress of the file at hand (done, its size); returning false cancels
    // the batch.
    ProgressFn progress;
    // Each rejected row, in file order.
    RowErrorFn rowError;
};

// How one path is imported; importFile() unless a caller has another kind of source (the
// command line's PostgreSQL query). Throws what importFile() throws.
using ImportOneFn = std::function<ImportReport(Database &db, const QString &path, const ImportOptions &options,
                                               const ProgressFn &progress, const RowErrorFn &onRowError)>;

// Imports paths in order under the rule above, with the same options for each. What a file
// throws (ImportError, DbError, Cancelled) ends up in the result, not thrown; anything else
// (out of memory) goes through, as from importFile().
BatchImportResult importBatch(Database &db, const QStringList &paths, const ImportOptions &options,
                              const BatchImportCallbacks &callbacks = {}, const ImportOneFn &importOne = {});

} // namespace uptake
