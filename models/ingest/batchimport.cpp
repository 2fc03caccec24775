#include "ingest/batchimport.h"

namespace uptake {

BatchImportResult importBatch(Database &db, const QStringList &paths, const ImportOptions &options,
                              const BatchImportCallbacks &callbacks, const ImportOneFn &importOne)
{
    BatchImportResult result;
    const int count = int(paths.size());
    for (int i = 0; i < count; ++i) {
        const QString &path = paths.at(i);
        if (callbacks.fileStarted)
            callbacks.fileStarted(i, count, path);
        bool writing = false;
        ProgressFn progress;
        if (callbacks.progress || callbacks.fileWriting) {
            progress = [&](std::int64_t done, std::int64_t total) {
                if (!writing && total > 0 && done >= total) {
                    writing = true;
                    if (callbacks.fileWriting)
                        callbacks.fileWriting(i, count, path);
                }
                return !callbacks.progress || callbacks.progress(done, total);
            };
        }
        BatchFileOutcome outcome;
        outcome.path = path;
        try {
            outcome.report = importOne ? importOne(db, path, options, progress, callbacks.rowError)
                                       : importFile(db, path, options, progress, callbacks.rowError);
        } catch (const ImportError &e) {
            outcome.failure = BatchFileOutcome::Failure::File;
            outcome.message = e.message();
        } catch (const Cancelled &e) {
            outcome.failure = BatchFileOutcome::Failure::Cancelled;
            outcome.message = e.message();
            result.stoppedBy = std::current_exception();
        } catch (const DbError &e) {
            outcome.message = e.message();
            // A full disk fails every file after it just the same, each after reading the
            // whole of it. An interrupt is db.interrupt() asking the import to stop: a cancel.
            if (e.isFull() || e.isInterrupt()) {
                outcome.failure = e.isFull() ? BatchFileOutcome::Failure::Full : BatchFileOutcome::Failure::Cancelled;
                result.stoppedBy = std::current_exception();
            } else {
                outcome.failure = BatchFileOutcome::Failure::Database;
            }
        }
        result.files.push_back(outcome);
        if (callbacks.fileFinished)
            callbacks.fileFinished(i, count, result.files.back());
        if (result.stoppedBy)
            break;
    }
    return result;
}

} // namespace uptake
