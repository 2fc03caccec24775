#include "db/cache.h"
#include "commands.h"
#include "consoleprogress.h"
#include "ingest/batchimport.h"
#include "ingest/importer.h"
#include "ingest/postgressource.h"

#include <QFileInfo>

#include <cstdio>
#include <optional>

namespace uptake {

namespace {

void printLine(const QString &line)
{
    std::fprintf(stderr, "%s\n", line.toLocal8Bit().constData());
}

} // namespace

// uptake import catalogue FILE... [--format auto|hf|opengradient|csv]
// uptake import usage FILE... [--strict] [--force] [--replace-days]
// uptake import usage --from-postgres CONNINFO --query FILE.sql [--strict] [--force] [--replace-days]
// Each file is imported in its own transaction (importBatch(): the window's rule too); a
// failing file does not stop the others, a full disk stops the batch. The exit status is the
// worst outcome: 1 if any file failed, else 3 if any row was rejected, else 0.
int runImportCommand(const CliContext &ctx, const QStringList &args)
{
    if (args.isEmpty())
        return usageError(QStringLiteral("import: say what to import: catalogue or usage"));
    ImportOptions opt;
    const QString &kind = args.first();
    if (kind == QLatin1String("catalogue"))
        opt.kind = ImportOptions::Catalogue;
    else if (kind == QLatin1String("usage"))
        opt.kind = ImportOptions::Usage;
    else
        return usageError(QStringLiteral("import: unknown kind '%1' (catalogue or usage)").arg(kind));

    const bool catalogue = opt.kind == ImportOptions::Catalogue;
    QStringList files;
    QString conninfo, queryFile;
    bool fromPostgres = false, hasQuery = false;
    bool optionsDone = false;
    // --name VALUE or --name=VALUE; false (with the usage error printed) when VALUE is missing.
    const auto valueOf = [&](int &i, const QString &name, QString &out) {
        const QString &a = args.at(i);
        if (a.startsWith(name + QLatin1Char('='))) {
            out = a.mid(name.size() + 1);
            return true;
        }
        if (i + 1 >= args.size())
            return false;
        out = args.at(++i);
        return true;
    };
    const auto isOption = [](const QString &a, const char *name) {
        return a == QLatin1String(name) || a.startsWith(QLatin1String(name) + QLatin1Char('='));
    };
    for (int i = 1; i < args.size(); ++i) {
        const QString &a = args.at(i);
        if (optionsDone || !a.startsWith(QLatin1String("--"))) {
            files << a;
        } else if (a == QLatin1String("--")) {
            optionsDone = true;
        } else if (catalogue && (a == QLatin1String("--format") || a.startsWith(QLatin1String("--format=")))) {
            QString value;
            if (a.startsWith(QLatin1String("--format="))) {
                value = a.mid(9);
            } else {
                if (i + 1 >= args.size())
                    return usageError(QStringLiteral("--format needs one of auto, hf, opengradient, csv"));
                value = args.at(++i);
            }
            if (!ImportOptions::parseFormat(value, opt.format))
                return usageError(QStringLiteral("--format: unknown format '%1' (auto, hf, opengradient or csv)").arg(value));
        } else if (!catalogue && a == QLatin1String("--strict")) {
            opt.strict = true;
        } else if (!catalogue && a == QLatin1String("--force")) {
            opt.force = true;
        } else if (!catalogue && a == QLatin1String("--replace-days")) {
            opt.replaceDays = true;
        } else if (!catalogue && isOption(a, "--from-postgres")) {
            if (!valueOf(i, QStringLiteral("--from-postgres"), conninfo))
                return usageError(QStringLiteral("--from-postgres needs a connection string (\"host=... dbname=...\" or a postgresql:// URI)"));
            fromPostgres = true;
        } else if (!catalogue && isOption(a, "--query")) {
            if (!valueOf(i, QStringLiteral("--query"), queryFile))
                return usageError(QStringLiteral("--query needs a file holding one SQL query"));
            hasQuery = true;
        } else {
            return usageError(QStringLiteral("import %1: unknown option '%2'").arg(kind, a));
        }
    }
    if (fromPostgres != hasQuery)
        return usageError(QStringLiteral("import usage: --from-postgres and --query go together"));
    if (fromPostgres && !files.isEmpty())
        return usageError(QStringLiteral("import usage: give either files or --from-postgres, not both"));
    if (files.isEmpty() && !fromPostgres)
        return usageError(QStringLiteral("import %1: no files given").arg(kind));

#ifndef UPTAKE_HAVE_POSTGRES
    if (fromPostgres) {
        printError(QStringLiteral("import usage --from-postgres: this Uptake was built without libpq; export the "
                                  "roll-up as CSV and import that file instead"));
        return Exit::Failed;
    }
#endif
    Database db = ctx.openCache();

    // A PostgreSQL query is one more "file": the same messages and exit statuses.
    if (fromPostgres)
        files = QStringList{queryFile};
    const QString what = fromPostgres ? QStringLiteral("query") : QStringLiteral("file");
    bool failed = false, rejected = false;
    std::optional<ConsoleProgress> progress; // the file at hand's
    BatchImportCallbacks callbacks;
    callbacks.fileStarted = [&](int, int, const QString &file) {
        progress.reset();
        progress.emplace(QFileInfo(file).fileName(), fromPostgres ? QStringLiteral("rows") : QStringLiteral("bytes"));
    };
    callbacks.progress = [&](std::int64_t done, std::int64_t total) {
        progress->update(done, total);
        return true;
    };
    callbacks.rowError = [&](const RowError &e) {
        progress->clear();
        printLine(e.toString());
    };
    callbacks.fileFinished = [&](int, int, const BatchFileOutcome &o) {
        progress->clear();
        using Failure = BatchFileOutcome::Failure;
        switch (o.failure) {
        case Failure::None:
            switch (o.report.outcome) {
            case ImportReport::Outcome::Imported:
                printLine(o.report.summary()
                          + QStringLiteral(" (%1, %2 s)").arg(o.report.layout).arg(progress->elapsedSeconds(), 0, 'f', 1));
                rejected = rejected || o.report.rowsRejected > 0;
                break;
            case ImportReport::Outcome::AlreadyImported:
                printLine(o.report.summary() + QStringLiteral(" (--force imports it again)"));
                break;
            case ImportReport::Outcome::Refused:
                printLine(o.report.summary());
                failed = true;
                break;
            }
            return;
        case Failure::File:
            printError(o.message);
            break;
        case Failure::Database:
        case Failure::Full:
            printError(QStringLiteral("%1: %2 (nothing of this %3 was kept)").arg(o.path, o.message, what));
            break;
        case Failure::Cancelled:
            printError(QStringLiteral("%1: cancelled (nothing of this %2 was kept)").arg(o.path, what));
            break;
        }
        failed = true;
    };
    ImportOneFn importOne;
#ifdef UPTAKE_HAVE_POSTGRES
    if (fromPostgres) {
        importOne = [&conninfo](Database &d, const QString &query, const ImportOptions &o, const ProgressFn &p,
                                const RowErrorFn &onRow) { return PostgresSource::importQuery(d, conninfo, query, o, p, onRow); };
    }
#endif
    const BatchImportResult result = importBatch(db, files, opt, callbacks, importOne);
    progress.reset();
    // A full disk stops the batch: say which files were not tried, so they can be given again.
    if (result.stopped() && result.files.size() < std::size_t(files.size()))
        printError(QStringLiteral("import stopped; not tried: %1").arg(files.mid(qsizetype(result.files.size())).join(QStringLiteral(", "))));
    if (failed)
        return Exit::Failed;
    return rejected ? Exit::PartlyRejected : Exit::Ok;
}

} // namespace uptake
