#include "commands.h"

// Argument handling first; the importers themselves follow in models/importer.
int runImportCommand(const CliContext &ctx, const QStringList &args)
{
    Q_UNUSED(ctx);
    if (args.isEmpty())
        return usageError(QStringLiteral("import: say what to import: catalogue or usage"));
    const QString &kind = args.first();
    if (kind != QLatin1String("catalogue") && kind != QLatin1String("usage"))
        return usageError(QStringLiteral("import: unknown kind '%1' (catalogue or usage)").arg(kind));
    QStringList files;
    for (int i = 1; i < args.size(); ++i) {
        const QString &a = args.at(i);
        if (a.startsWith(QLatin1Char('-')) && a != QLatin1String("-"))
            return usageError(QStringLiteral("import %1: unknown option '%2'").arg(kind, a));
        files << a;
    }
    if (files.isEmpty())
        return usageError(QStringLiteral("import %1: no files given").arg(kind));
    printError(QStringLiteral("import is not implemented yet"));
    return Exit::Failed;
}
