#include "cli.h"

#include "db/cache.h"
#include "commands.h"
#include "db/database.h"
#include "net/sync.h"
#include "view/viewargs.h"

#include <QCoreApplication>

#include <cstdio>

namespace uptake {

void printError(const QString &message)
{
    std::fprintf(stderr, "uptake: %s\n", message.toLocal8Bit().constData());
}

Database CliContext::openCache(Database::Mode mode) const
{
    return Cache::open(cachePath, mode, [](const QString &path) {
        printError(QStringLiteral("%1 is being written by another Uptake; waiting for it to finish...").arg(path));
    });
}

int usageError(const QString &message)
{
    printError(message + QStringLiteral(" (see uptake --help)"));
    return Exit::Usage;
}

namespace Cli {

namespace {
const QStringList kCommands = {QStringLiteral("import"), QStringLiteral("export"), QStringLiteral("stats"),
                               QStringLiteral("demo"), QStringLiteral("chart"),
                               QStringLiteral("sync"), QStringLiteral("retention"),
                               QStringLiteral("lifecycle")};
}

bool isKnownCommand(const QString &command)
{
    return kCommands.contains(command);
}

Parsed parse(const QStringList &arguments)
{
    Parsed p;
    for (int i = 1; i < arguments.size(); ++i) {
        const QString &a = arguments.at(i);
        if (a == QLatin1String("--help") || a == QLatin1String("-h")) {
            p.help = true;
        } else if (a == QLatin1String("--version") || a == QLatin1String("-v")) {
            p.version = true;
        } else if (a == QLatin1String("--cache")) {
            if (i + 1 >= arguments.size()) {
                p.error = QStringLiteral("--cache needs a file name");
                return p;
            }
            p.cachePath = arguments.at(++i);
            p.cacheNamed = true;
        } else if (a.startsWith(QLatin1String("--cache="))) {
            p.cachePath = a.mid(8);
            p.cacheNamed = !p.cachePath.isEmpty();
        } else if (a.startsWith(QLatin1Char('-'))) {
            p.error = QStringLiteral("unknown option '%1'").arg(a);
            return p;
        } else {
            if (!isKnownCommand(a)) {
                p.error = QStringLiteral("unknown command '%1'").arg(a);
                return p;
            }
            p.command = a;
            p.commandArgs = arguments.mid(i + 1);
            break;
        }
    }
    if (p.cachePath.isEmpty())
        p.cachePath = Cache::defaultPath();
    return p;
}

QString helpText()
{
    return QStringLiteral(
               "Usage: uptake [--cache FILE] [COMMAND ...]\n"
               "Listed supply next to observed demand for model registries.\n"
               "With no command, opens the window.\n\n"
               "Commands:\n"
               "  import catalogue FILE... [--format auto|hf|opengradient|csv]\n"
               "  import usage FILE... [--strict] [--force] [--replace-days]\n"
               "  import usage --from-postgres CONNINFO --query FILE.sql [--strict] [--force] [--replace-days]\n"
               "                 (usage files: one row per call, or a daily roll-up with a 'day' column;\n"
               "                  --replace-days lets a roll-up replace days the cache already holds)\n"
               "  export OUT.csv [FILTERS] [--sort COLUMN[:asc|:desc]]\n"
               "  stats [FILTERS] [--json] [--by family]\n"
               "  retention [FILTERS] [--model ID] [--json]   (callers who come back, by week of first call)\n"
               "  lifecycle [FILTERS] [--model ID] [--json]   (new, returning, resurrecting, dormant per week)\n"
               "  demo [--models N] [--events N] [--seed N]\n"
               "  chart tasks|concentration|weekly|funnel|top|retention|cohorts|lifecycle|demand-map|families OUT.png|OUT.svg [FILTERS] [--size WxH] [--scale F]\n"
               "  sync URL [--format auto|hf|opengradient] [--limit N] [--max-page-mb N (64)]   (token: $UPTAKE_TOKEN)\n\n"
               "Filters (export, stats, chart, retention, lifecycle):\n")
           + ViewArgs::helpText(true)
           + QStringLiteral(
               "\nOptions:\n"
               "  --cache FILE   the cache to use (default: %1)\n"
               "  -h, --help     show this help\n"
               "  -v, --version  show the version\n\n"
               "Exit status: 0 done; 1 failed (nothing of the failing file kept); 2 bad command line;\n"
               "3 done, but some rows were rejected.\n")
               .arg(Cache::defaultPath());
}

namespace {

int dispatch(const CliContext &ctx, const Parsed &p)
{
    if (p.command == QLatin1String("demo"))
        return runDemoCommand(ctx, p.commandArgs);
    if (p.command == QLatin1String("stats"))
        return runStatsCommand(ctx, p.commandArgs);
    if (p.command == QLatin1String("export"))
        return runExportCommand(ctx, p.commandArgs);
    if (p.command == QLatin1String("import"))
        return runImportCommand(ctx, p.commandArgs);
    if (p.command == QLatin1String("sync"))
        return runSyncCommand(ctx, p.commandArgs);
    if (p.command == QLatin1String("chart"))
        return runChartCommand(ctx, p.commandArgs);
    if (p.command == QLatin1String("retention"))
        return runRetentionCommand(ctx, p.commandArgs);
    if (p.command == QLatin1String("lifecycle"))
        return runLifecycleCommand(ctx, p.commandArgs);
    return usageError(QStringLiteral("unknown command '%1'").arg(p.command));
}

} // namespace

int run(const Parsed &p)
{
    const CliContext ctx{p.cachePath};
    // The one place where what the data layer threw becomes "uptake: ..." and a status.
    try {
        return dispatch(ctx, p);
    } catch (const SyncError &e) {
        printError(QStringLiteral("sync: %1").arg(e.message()));
    } catch (const DbError &e) {
        printError(QStringLiteral("%1: %2").arg(ctx.cachePath, e.message())); // SQLite names no file
    } catch (const Error &e) {
        printError(e.message()); // names its file already
    }
    return Exit::Failed;
}

} // namespace Cli

} // namespace uptake
