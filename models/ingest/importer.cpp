#include "ingest/importer.h"

#include "ingest/importparts.h"

namespace uptake {

using namespace ImportParts;

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

// The writers go on after the last byte (figures, indexes: seconds for millions of rows), so
// Cancel is also asked through SQLite's progress handler: progress(done(), total) at most
// every 100 ms, once anything has been read. Make it after the Transaction, so that it is gone
// before a rollback.
StopWhen cancelWhileWriting(Database &db, const ProgressFn &progress, std::function<std::int64_t()> done,
                            std::int64_t total)
{
    QElapsedTimer sinceAsked;
    sinceAsked.start();
    return StopWhen(
        db,
        [&progress, done = std::move(done), total, sinceAsked]() mutable {
            if (!progress || done() == 0 || sinceAsked.elapsed() < 100)
                return false;
            sinceAsked.restart();
            return !progress(done(), total);
        },
        20000);
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
    return QStringLiteral("%1: %2, %3, %4, %5, %6%7")
        .arg(path, plural(rowsImported, "row imported", "rows imported"),
             plural(rowsRejected, "rejected", "rejected"),
             plural(duplicates, "duplicate skipped", "duplicates skipped"), rounded,
             plural(unlistedModels, "model seen only in usage", "models seen only in usage"),
             simulatedSkipped > 0 ? QStringLiteral(", ")
                                        + plural(simulatedSkipped, "simulated inference skipped", "simulated inferences skipped")
                                  : QString());
}

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
    // A large file into a small cache: its new pages go to the cache file, not to a WAL as large.
    std::optional<Cache::RollbackJournal> journal;
    if (Cache::worthRollbackJournal(db, info.size()))
        journal.emplace(db);
    Transaction tx(db);
    const StopWhen cancel = cancelWhileWriting(db, progress, [&in] { return in.done(); }, in.size());
    try {
        report.layout = options.kind == ImportOptions::Catalogue ? importCatalogue(db, in, sink, options, report)
                                                                 : importUsage(db, in, sink, options, report);
        const QByteArray hash = in.finish();
        report.bytes = in.done();
        report.rowsRejected = sink.rejected();
        if (options.strict && sink.rejected() > 0) {
            report.outcome = ImportReport::Outcome::Refused;
            report.rowsImported = report.duplicates = report.feesRounded = report.unlistedModels = report.nowListed =
                report.simulatedSkipped = 0;
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

ImportReport checkCatalogueFile(const QString &path, const ImportOptions &options)
{
    ImportReport report;
    report.path = path;
    report.kind = ImportOptions::Catalogue;
    const ProgressFn noProgress;
    const RowErrorFn noRowErrors;
    Input in(path, path, noProgress);
    RowSink sink(path, options, noRowErrors);
    std::int64_t records = 0;
    report.layout = readCatalogue(in, sink, options, [&records](const ModelRecord &) { ++records; });
    report.bytes = in.size();
    report.rowsImported = records;
    report.rowsRejected = sink.rejected();
    return report;
}

ImportReport importCataloguePages(Database &db, const QStringList &paths, const ImportOptions &options,
                                  const ProgressFn &progress, const std::function<void()> &beforeCommit)
{
    ImportReport report;
    report.kind = ImportOptions::Catalogue;
    std::int64_t bytes = 0;
    for (const QString &path : paths)
        bytes += QFileInfo(path).size();
    std::optional<Cache::RollbackJournal> journal;
    if (Cache::worthRollbackJournal(db, bytes))
        journal.emplace(db);
    Transaction tx(db);
    const StopWhen cancel = cancelWhileWriting(db, progress, [&report] { return report.bytes; }, bytes);
    try {
        CatalogueLoad load(db, bytes);
        const RowErrorFn noRowErrors;
        const ProgressFn noProgress;
        for (const QString &path : paths) {
            Input in(path, path, noProgress);
            RowSink sink(path, options, noRowErrors);
            report.layout = load.read(in, sink, options);
            report.bytes += in.size();
            report.rowsRejected += sink.rejected();
            if (progress && !progress(report.bytes, bytes))
                throw Cancelled();
        }
        load.finish(report);
        if (beforeCommit)
            beforeCommit();
        tx.commit();
    } catch (const DbError &e) {
        if (e.isInterrupt() && cancel.stopped())
            throw Cancelled();
        throw;
    }
    return report;
}

} // namespace uptake
