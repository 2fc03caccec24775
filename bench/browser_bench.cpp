// The catalogue browser at scale: drives the window's own table model and loader thread
// (no screen) on a large cache and times what a user waits for: the first screen of rows
// after opening, after each sort, after a jump, after each keystroke of a search and after
// each filter; then scrolls the whole table and reports the peak RSS. Beside each figure it
// times the sqlite3 shell answering the same question (the first screen of rows of that
// view, as plain SQL on the same file) and prints the ratio.
//
// Usage: browser_bench CACHE [SQLITE3]   (bench/browser_bench.sh builds the cache first)

#include "benchwait.h"
#include "browser/catalogueloader.h"
#include "browser/cataloguemodel.h"
#include "view/viewspec.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

using namespace uptake;

namespace {

long statusKb(const char *field)
{
    std::ifstream f("/proc/self/status");
    std::string line;
    while (std::getline(f, line))
        if (line.rfind(field, 0) == 0)
            return std::stol(line.substr(std::string(field).size()));
    return 0;
}

// The query with its parameters written in, for the shell.
std::string inlined(const SqlQuery &q)
{
    std::string out;
    size_t next = 0;
    for (const char c : q.sql) {
        if (c != '?' || next >= q.params.size()) {
            out += c;
            continue;
        }
        const SqlQuery::Value &v = q.params[next++];
        if (const auto *n = std::get_if<std::int64_t>(&v)) {
            out += std::to_string(*n);
        } else {
            out += '\'';
            for (const char ch : std::get<std::string>(v)) {
                out += ch;
                if (ch == '\'')
                    out += '\'';
            }
            out += '\'';
        }
    }
    return out;
}

class Shell
{
public:
    Shell(QString binary, QString cache)
        : m_binary(std::move(binary))
        , m_cache(std::move(cache))
    {
    }
    // Wall time the shell reports for the statement (.timer), in ms; -1 when it failed.
    double time(const std::string &sql) const
    {
        QProcess p;
        p.start(m_binary, {QStringLiteral("-readonly"), m_cache});
        if (!p.waitForStarted())
            return -1;
        p.write(".timer on\n.output /dev/null\n");
        p.write(sql.c_str());
        p.write(";\n");
        p.closeWriteChannel();
        if (!p.waitForFinished(600000))
            return -1;
        static const QRegularExpression real(QStringLiteral("Run Time: real ([0-9.]+)"));
        const auto m = real.match(QString::fromUtf8(p.readAllStandardOutput()));
        return m.hasMatch() ? m.captured(1).toDouble() * 1000 : -1;
    }

private:
    QString m_binary, m_cache;
};

struct Result
{
    std::string what;
    qint64 uptakeMs;
    double shellMs;
};

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (argc < 2) {
        std::fprintf(stderr, "usage: browser_bench CACHE [SQLITE3]\n");
        return 2;
    }
    const QString path = QString::fromLocal8Bit(argv[1]);
    const Shell shell(argc > 2 ? QString::fromLocal8Bit(argv[2]) : QStringLiteral("sqlite3"), path);
    std::vector<Result> results;

    QElapsedTimer clock;
    clock.start();
    LoaderThread thread;
    CatalogueLoader *loader = thread.loader();
    QSignalSpy opened(loader, &CatalogueLoader::opened);
    QMetaObject::invokeMethod(loader, [loader, path] { loader->open(path); }, Qt::QueuedConnection);
    if (!opened.wait(600000)) {
        std::fprintf(stderr, "browser_bench: %s did not open\n", qPrintable(path));
        return 1;
    }
    CatalogueModel model(loader);
    bool shown = false;
    QObject::connect(&model, &CatalogueModel::firstRowsShown, [&] { shown = true; });
    auto rowLoaded = [&](int row) {
        return waitUntil(
            [&] {
                model.data(model.index(row, 0)); // asks for the page, as a view drawing the row would
                return model.data(model.index(row, 0), CatalogueModel::LoadedRole).toBool();
            },
            600000);
    };
    // Time from a new view to its first screen of rows (what the user waits for), then let the
    // full order finish so that the next measurement starts from a quiet loader.
    auto firstRows = [&](const ViewSpec &spec) {
        shown = false;
        QElapsedTimer e;
        e.start();
        model.setSpec(spec);
        if (!waitUntil([&] { return shown; }, 600000))
            std::fprintf(stderr, "browser_bench: no first rows after 10 minutes\n");
        if (model.rowCount() > 0 && !rowLoaded(0))
            std::fprintf(stderr, "browser_bench: row 0 never loaded\n");
        return e.elapsed();
    };
    auto settle = [&] {
        if (!waitUntil([&] { return model.isComplete(); }, 600000))
            std::fprintf(stderr, "browser_bench: the view did not complete in 10 minutes\n");
    };
    auto bareSql = [&](const ViewSpec &spec) {
        SqlQuery q = ViewQuery::select(spec);
        q.sql += " LIMIT " + std::to_string(CatalogueLoader::QuickIds);
        return shell.time(inlined(q));
    };
    // BROWSER_BENCH_ONLY=TEXT: only the steps whose name holds TEXT (and the scroll).
    const std::string only = qEnvironmentVariable("BROWSER_BENCH_ONLY").toStdString();
    auto measure = [&](const std::string &what, const ViewSpec &spec, bool waitForAll = true) {
        if (!only.empty() && what.find(only) == std::string::npos)
            return;
        QElapsedTimer sinceSet;
        sinceSet.start();
        const qint64 ms = firstRows(spec);
        if (spec.hasWindow()) {
            // A window's first rows may carry its sums only: time until row 0 has its callers.
            const bool pendingAtFirst = model.data(model.index(0, 0), CatalogueModel::CallersPendingRole).toBool();
            waitUntil(
                [&] {
                    const QModelIndex i = model.index(0, 0);
                    model.data(i); // asks for the page again if it was dropped
                    return model.data(i, CatalogueModel::LoadedRole).toBool()
                           && !model.data(i, CatalogueModel::CallersPendingRole).toBool();
                },
                600000);
            std::printf("%-34s (first rows %s; callers counted after %lld ms)\n", what.c_str(),
                        pendingAtFirst ? "with the window's sums, callers pending" : "complete",
                        static_cast<long long>(sinceSet.elapsed()));
        }
        if (waitForAll)
            settle();
        results.push_back({what, ms, bareSql(spec)});
        const Result &r = results.back();
        std::printf("%-34s uptake %7lld ms   sqlite3 %9.1f ms   ratio %6.2f   rows %lld\n", r.what.c_str(),
                    static_cast<long long>(r.uptakeMs), r.shellMs, r.shellMs > 0 ? double(r.uptakeMs) / r.shellMs : 0.0,
                    static_cast<long long>(model.matchCount()));
        std::fflush(stdout);
    };

    std::printf("load average %s", qPrintable(QString::fromLatin1([] {
                    std::ifstream f("/proc/loadavg");
                    std::string s;
                    std::getline(f, s);
                    return QByteArray::fromStdString(s + "\n");
                }())));
    ViewSpec base;
    {
        const qint64 ms = firstRows(base);
        const qint64 total = clock.elapsed();
        settle();
        results.push_back({"open to first rows", total, bareSql(base)});
        std::printf("%-34s uptake %7lld ms   sqlite3 %9.1f ms   (first rows after open: %lld ms)\n", "open to first rows",
                    static_cast<long long>(total), results.back().shellMs, static_cast<long long>(ms));
    }

    // BROWSER_BENCH_SCROLL_ONLY=1: open, then the scroll and its memory, nothing else.
    const bool scrollOnly = qEnvironmentVariableIsSet("BROWSER_BENCH_SCROLL_ONLY");
    std::printf("RSS after the first view: %ld MB\n", statusKb("VmRSS:") / 1024);
    for (int c = 0; c < (scrollOnly ? 0 : int(Columns::Count)); ++c)
        for (const bool desc : {false, true}) {
            ViewSpec s = base;
            s.sortColumn = c;
            s.sortDescending = desc;
            measure(std::string("sort ") + Columns::info(c).key + (desc ? " desc" : " asc"), s);
        }

    model.setSpec(base);
    settle();
    for (const int row : {model.rowCount() / 2, model.rowCount() - 1}) {
        if (scrollOnly || !only.empty())
            break;
        QElapsedTimer e;
        e.start();
        model.prefetch(row, row + 40);
        if (!rowLoaded(row))
            std::fprintf(stderr, "browser_bench: row %d never loaded\n", row);
        SqlQuery q = ViewQuery::select(base);
        q.sql += " LIMIT 60 OFFSET " + std::to_string(row);
        results.push_back({"jump to row " + std::to_string(row), e.elapsed(), shell.time(inlined(q))});
        std::printf("%-34s uptake %7lld ms   sqlite3 %9.1f ms (LIMIT/OFFSET)\n", results.back().what.c_str(),
                    static_cast<long long>(results.back().uptakeMs), results.back().shellMs);
    }

    // Typing: each keystroke is a new view while the previous one may still be loading.
    for (const char *word : {"llama", "bert", "qw", "x4", "xq7"}) { // x4: rare; xq7 matches nothing
        if (scrollOnly)
            break;
        QString typed;
        for (const QChar ch : QString::fromLatin1(word)) {
            typed += ch;
            ViewSpec s = base;
            s.search = typed;
            measure("search '" + typed.toStdString() + "'", s, false);
        }
        settle();
    }

    auto filter = [&](const std::string &what, auto change) {
        if (scrollOnly)
            return;
        ViewSpec s = base;
        change(s);
        measure(what, s);
    };
    filter("task text-generation", [](ViewSpec &s) { s.task = QStringLiteral("text-generation"); });
    filter("author opengradient", [](ViewSpec &s) { s.author = QStringLiteral("opengradient"); });
    filter("licence mit", [](ViewSpec &s) { s.license = QStringLiteral("mit"); });
    filter("framework onnx", [](ViewSpec &s) { s.framework = QStringLiteral("onnx"); });
    filter("usage never called", [](ViewSpec &s) { s.usage = ViewSpec::Usage::Never; });
    filter("usage called", [](ViewSpec &s) { s.usage = ViewSpec::Usage::Called; });
    filter("usage repeat callers", [](ViewSpec &s) { s.usage = ViewSpec::Usage::Repeat; });
    filter("usage unlisted", [](ViewSpec &s) { s.usage = ViewSpec::Usage::Unlisted; });
    filter("min calls 100", [](ViewSpec &s) { s.minCalls = 100; });
    filter("min repeat callers 5", [](ViewSpec &s) { s.minRepeatCallers = 5; });
    filter("listed since 2025-10-01", [](ViewSpec &s) { s.listedFromDay = QDate(2025, 10, 1).toJulianDay() - 2440588; });
    const qint64 today = QDateTime::currentSecsSinceEpoch() / 86400;
    filter("usage window last 30 days", [today](ViewSpec &s) { s.sinceDay = today - 30; });
    filter("window + sort by calls asc", [today](ViewSpec &s) {
        s.sinceDay = today - 30;
        s.sortDescending = false;
    });
    filter("window + sort by fees", [today](ViewSpec &s) {
        s.sinceDay = today - 30;
        s.sortColumn = Columns::FeesPaid;
    });
    filter("window + sort by model id", [today](ViewSpec &s) {
        s.sinceDay = today - 30;
        s.sortColumn = Columns::ModelId;
    });
    filter("window + task text-generation", [today](ViewSpec &s) {
        s.sinceDay = today - 30;
        s.task = QStringLiteral("text-generation");
    });
    filter("window + usage called", [today](ViewSpec &s) {
        s.sinceDay = today - 30;
        s.usage = ViewSpec::Usage::Called;
    });
    filter("window 7 days, last call", [today](ViewSpec &s) {
        s.sinceDay = today - 7;
        s.sortColumn = Columns::LastCall;
    });
    filter("window + sort by repeat", [today](ViewSpec &s) {
        s.sinceDay = today - 30;
        s.sortColumn = Columns::RepeatCallers;
    });

    // Scroll the whole table, a screen at a time with a stride, as a dragged scroll bar would.
    // The peak is measured for this part alone (writing 5 to clear_refs resets VmHWM), after
    // the usage-window views above, whose temporary table lives in memory while it is used.
    model.setSpec(base);
    settle();
    const long peakBefore = statusKb("VmHWM:");
    {
        std::ofstream reset("/proc/self/clear_refs");
        reset << "5";
    }
    QElapsedTimer e;
    e.start();
    int screens = 0;
    for (int row = 0; row < model.rowCount(); row += CatalogueLoader::PageSize * 5, ++screens) {
        model.prefetch(row, row + 40);
        if (!rowLoaded(row))
            std::fprintf(stderr, "browser_bench: row %d never loaded\n", row);
    }
    std::printf("RSS after scrolling: %ld MB\n", statusKb("VmRSS:") / 1024);
    std::printf("scrolled %d screens over %d rows in %lld ms; pages held %d\n", screens, model.rowCount(),
                static_cast<long long>(e.elapsed()), model.loadedPageCount());

    qint64 worst = 0;
    std::string worstWhat;
    for (const Result &r : results)
        if (r.uptakeMs > worst && r.what.rfind("open", 0) != 0) {
            worst = r.uptakeMs;
            worstWhat = r.what;
        }
    std::printf("worst first rows: %lld ms (%s)\npeak RSS while scrolling the whole table: %ld MB"
                " (whole run, with the usage-window views: %ld MB)\n",
                static_cast<long long>(worst), worstWhat.c_str(), statusKb("VmHWM:") / 1024,
                std::max(peakBefore, statusKb("VmHWM:")) / 1024);
    return 0;
}
