#include "db/cache.h"
#include "commands.h"
#include "consoleprogress.h"
#include "view/exporter.h"
#include "view/viewargs.h"

#include <cstdio>

namespace uptake {

int runExportCommand(const CliContext &ctx, const QStringList &args)
{
    ViewSpec spec;
    QString out;
    for (int i = 0; i < args.size(); ++i) {
        QString error;
        switch (ViewArgs::take(args, i, spec, error, true)) {
        case ViewArgs::Result::Taken: continue;
        case ViewArgs::Result::Error: return usageError(QStringLiteral("export: %1").arg(error));
        case ViewArgs::Result::NotMine: break;
        }
        const QString &a = args.at(i);
        if (a.startsWith(QLatin1Char('-')) && a != QLatin1String("-"))
            return usageError(QStringLiteral("export: unknown option '%1'").arg(a));
        if (!out.isEmpty())
            return usageError(QStringLiteral("export: one output file only ('%1' and '%2')").arg(out, a));
        out = a;
    }
    if (out.isEmpty())
        return usageError(QStringLiteral("export: name the output file, e.g. uptake export snapshot.csv"));

    Database db = ctx.openCache(Database::Mode::ReadWrite);
    ConsoleProgress progress(QStringLiteral("export"));
    // Without a terminal there is no live line, and no need for the count it shows.
    const ExportResult r =
        Exporter::exportCsv(db, spec, out, progress.isTerminal() ? progress.callback() : ProgressFn{});
    progress.clear();
    std::fprintf(stderr, "export: %lld rows to %s (and %s) in %.1f s\n", static_cast<long long>(r.rows),
                 out.toLocal8Bit().constData(), r.sidecarPath.toLocal8Bit().constData(),
                 progress.elapsedSeconds());
    return Exit::Ok;
}

} // namespace uptake
