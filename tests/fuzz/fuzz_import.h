#pragma once

// Shared by the two import fuzzers: the input becomes a file, imported into one cache
// for the whole run. Any exception other than the importer's documented ones is a bug.
#include "db/cache.h"
#include "ingest/importer.h"

#include <QDir>
#include <QFile>

#include <cstdlib>

using namespace uptake;

inline int fuzzImport(const std::uint8_t *data, std::size_t size, ImportOptions::Kind kind)
{
    static const QString dir = QDir::tempPath();
    static Database db = Cache::open(dir + QStringLiteral("/uptake-fuzz-import-%1.sqlite").arg(int(kind)));
    const QString path = dir + QStringLiteral("/uptake-fuzz-input-%1").arg(int(kind));
    {
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
            std::abort();
        f.write(reinterpret_cast<const char *>(data), qint64(size));
    }
    ImportOptions opt;
    opt.kind = kind;
    opt.force = true;
    const std::int64_t before = Cache::modelCount(db);
    try {
        const ImportReport r = importFile(db, path, opt, {}, [](const RowError &e) {
            if (e.reason.isEmpty() || e.line < 1)
                std::abort();
        });
        if (r.rowsImported < 0 || r.rowsRejected < 0)
            std::abort();
    } catch (const ImportError &e) {
        if (e.message().isEmpty())
            std::abort();
        // A refused file leaves the cache as it was.
        if (Cache::modelCount(db) != before)
            std::abort();
    }
    return 0;
}
