#include "db/cache.h"
#include "commands.h"
#include "consoleprogress.h"
#include "ingest/importer.h"
#include "ingest/postgressource.h"

#include <QFileInfo>

#include <cstdio>

namespace {

void printLine(const QString &line)
{
    std::fprintf(stderr, "%s\n", line.toLocal8Bit().constData());
}

} // namespace

// uptake import catalogue FILE... [--format auto|hf|opengradient|csv]
// uptake import usage FILE... [--strict] [--force] [--replace-days]
// uptake import usage --from-postgres CONNINFO --query FILE.sql [--strict] [--force] [--replace-days]
// Each file is imported in its own transaction; a failing file does not stop the others,
// and the exit status is the worst outcome: 1 if any file failed, else 3 if any row was
// rejected, else 0.
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
    Database db = Cache::open(ctx.cachePath);

    bool failed = false, rejected = false;
    // A PostgreSQL query is one more "file": the same messages and exit statuses.
    if (fromPostgres)
        files = QStringList{queryFile};
    for (const QString &file : files) {
        ConsoleProgress progress(QFileInfo(file).fileName(), fromPostgres ? QStringLiteral("rows") : QStringLiteral("bytes"));
        const auto onRowError = [&](const RowError &e) {
            progress.clear();
            printLine(e.toString());
        };
        try {
#ifdef UPTAKE_HAVE_POSTGRES
            const ImportReport r = fromPostgres
                                       ? PostgresSource::importQuery(db, conninfo, queryFile, opt, progress.callback(), onRowError)
                                       : importFile(db, file, opt, progress.callback(), onRowError);
#else
            const ImportReport r = importFile(db, file, opt, progress.callback(), onRowError);
#endif
            progress.clear();
            switch (r.outcome) {
            case ImportReport::Outcome::Imported:
                printLine(r.summary() + QStringLiteral(" (%1, %2 s)").arg(r.layout).arg(progress.elapsedSeconds(), 0, 'f', 1));
                rejected = rejected || r.rowsRejected > 0;
                break;
            case ImportReport::Outcome::AlreadyImported:
                printLine(r.summary() + QStringLiteral(" (--force imports it again)"));
                break;
            case ImportReport::Outcome::Refused:
                printLine(r.summary());
                failed = true;
                break;
            }
        } catch (const ImportError &e) {
            progress.clear();
            printError(e.message());
            failed = true;
        } catch (const DbError &e) {
            progress.clear();
            printError(QStringLiteral("%1: %2 (nothing of this %3 was kept)")
                           .arg(file, e.message(), fromPostgres ? QStringLiteral("query") : QStringLiteral("file")));
            failed = true;
        } catch (const Cancelled &) {
            progress.clear();
            printError(QStringLiteral("%1: cancelled (nothing of this %2 was kept)")
                           .arg(file, fromPostgres ? QStringLiteral("query") : QStringLiteral("file")));
            failed = true;
        }
    }
    if (failed)
        return Exit::Failed;
    return rejected ? Exit::PartlyRejected : Exit::Ok;
}
