#include "db/cache.h"
#include "commands.h"
#include "consoleprogress.h"
#include "net/sync.h"

#include <cstdio>

namespace uptake {

int runSyncCommand(const CliContext &ctx, const QStringList &args)
{
    SyncOptions opt;
    QString url;
    for (int i = 0; i < args.size(); ++i) {
        const QString &a = args.at(i);
        if (a == QLatin1String("--format")) {
            if (i + 1 >= args.size() || !SyncOptions::parseFormat(args.at(++i), opt.format))
                return usageError(QStringLiteral("sync: --format takes auto, hf or opengradient"));
        } else if (a == QLatin1String("--limit")) {
            bool ok = false;
            const qlonglong n = i + 1 < args.size() ? args.at(++i).toLongLong(&ok) : 0;
            if (!ok || n < 1)
                return usageError(QStringLiteral("sync: --limit needs a whole number of at least 1"));
            opt.limit = n;
        } else if (a == QLatin1String("--max-page-mb")) {
            bool ok = false;
            const int mb = i + 1 < args.size() ? args.at(++i).toInt(&ok) : 0;
            if (!ok || mb < 1 || mb > 4096)
                return usageError(QStringLiteral("sync: --max-page-mb needs a whole number from 1 to 4096"));
            opt.maxPageBytes = std::int64_t(mb) << 20;
        } else if (a.startsWith(QLatin1Char('-'))) {
            return usageError(QStringLiteral("sync: unknown option '%1'").arg(a));
        } else if (url.isEmpty()) {
            url = a;
        } else {
            return usageError(QStringLiteral("sync: one URL only"));
        }
    }
    if (url.isEmpty())
        return usageError(QStringLiteral("sync: name the registry URL, e.g. uptake sync https://huggingface.co"));
    opt.url = QUrl(url);
    // The token comes from the environment only: never from the command line (shell history, ps).
    opt.token = qgetenv("UPTAKE_TOKEN");

    Database db = ctx.openCache();
    ConsoleProgress progress(QStringLiteral("sync"), QStringLiteral("models"));
    const SyncReport r = Sync::run(
        db, opt,
        [&](std::int64_t pages, std::int64_t models) {
            progress.update(models, 0);
            Q_UNUSED(pages);
            return true;
        },
        [&](const QString &message) {
            progress.clear();
            printError(message);
        });
    progress.clear();
    if (r.notModified) {
        std::fprintf(stderr, "sync: %s has not changed since the last sync\n", url.toLocal8Bit().constData());
    } else {
        std::fprintf(stderr, "sync: %d pages, %lld models%s%s\n", r.pages, static_cast<long long>(r.models),
                     r.resumed ? " (resumed an unfinished sync)" : "",
                     r.complete ? "" : qPrintable(QStringLiteral("; stopped: ") + r.stopReason));
    }
    return r.complete ? Exit::Ok : Exit::Failed;
}

} // namespace uptake
