// The command line's filter syntax: arbitrary argument lists (split on NUL bytes) go
// through the option parser, and whatever it accepts must build SQL that SQLite prepares
// and runs on a real, empty cache.
#include "db/cache.h"
#include "view/viewargs.h"

#include <QDir>
#include <QStringList>

#include <cstdlib>

using namespace uptake;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    static Database db = Cache::open(QDir::tempPath() + QStringLiteral("/uptake-fuzz-viewargs.sqlite"));
    const QStringList args = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size))
                                 .split(QChar(u'\0'));
    ViewSpec spec;
    for (int i = 0; i < args.size(); ++i) {
        QString error;
        if (ViewArgs::take(args, i, spec, error, true) == ViewArgs::Result::Error && error.isEmpty())
            std::abort(); // an error always says why
    }
    for (const SqlQuery &q : {ViewQuery::select(spec), ViewQuery::count(spec), ViewQuery::figures(spec)}) {
        Statement st(db, q.sql); // throws (and so crashes the fuzzer) if the SQL is malformed
        q.bindTo(st);
        while (st.step()) {
        }
    }
    return 0;
}
