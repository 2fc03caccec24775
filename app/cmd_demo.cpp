#include "db/cache.h"
#include "commands.h"
#include "consoleprogress.h"
#include "ingest/demo.h"

#include <cstdio>

namespace uptake {

int runDemoCommand(const CliContext &ctx, const QStringList &args)
{
    DemoOptions opt;
    for (int i = 0; i < args.size(); ++i) {
        const QString &a = args.at(i);
        auto value = [&](std::int64_t &out, std::int64_t min) -> bool {
            if (i + 1 >= args.size())
                return false;
            bool ok = false;
            const qlonglong n = args.at(++i).toLongLong(&ok);
            if (!ok || n < min)
                return false;
            out = n;
            return true;
        };
        if (a == QLatin1String("--models")) {
            if (!value(opt.models, 1))
                return usageError(QStringLiteral("--models needs a whole number of at least 1"));
        } else if (a == QLatin1String("--events")) {
            if (!value(opt.events, 0))
                return usageError(QStringLiteral("--events needs a whole number"));
        } else if (a == QLatin1String("--seed")) {
            std::int64_t seed = 0;
            if (!value(seed, 0))
                return usageError(QStringLiteral("--seed needs a whole number"));
            opt.seed = std::uint64_t(seed);
        } else {
            return usageError(QStringLiteral("demo: unknown argument '%1'").arg(a));
        }
    }

    Database db = ctx.openCache();
    if (Cache::modelCount(db) > 0 && !Demo::isDemoCache(db)) {
        printError(QStringLiteral("%1 already holds imported data; write the demo into another cache "
                                  "(--cache FILE)").arg(ctx.cachePath));
        return Exit::Failed;
    }
    if (Demo::isPending(db))
        std::fprintf(stderr, "demo: finishing the demo begun earlier in %s, with the options it began with\n",
                     ctx.cachePath.toLocal8Bit().constData());
    // The demo reports its work in units of cost, not records: shown as permille, no rate.
    ConsoleProgress progress(QStringLiteral("demo"), QString());
    const ProgressFn toConsole = progress.callback();
    const DemoResult r = Demo::generate(db, opt, [&toConsole](std::int64_t done, std::int64_t total) {
        return toConsole(total > 0 ? done * 1000 / total : 0, 1000);
    });
    progress.clear();
    std::fprintf(stderr, "demo: %lld models, %lld calls (%lld duplicate events dropped) in %.1f s into %s\n",
                 static_cast<long long>(r.models), static_cast<long long>(r.events),
                 static_cast<long long>(r.duplicates), progress.elapsedSeconds(),
                 ctx.cachePath.toLocal8Bit().constData());
    return Exit::Ok;
}

} // namespace uptake
