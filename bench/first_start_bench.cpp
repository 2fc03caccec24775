// The first start as a user sees it: the real MainWindow, offscreen at 1280x800, on an empty
// cache, building the default demo registry (50,000 models, 2,000,000 calls). It notes when
// the table first holds rows, when the demo is in and the status bar shows its calls, the
// longest the UI thread went without serving its event loop, and how the banner's progress
// bar moved: the longest it stood still and its largest single step. bench/first_start_bench.sh
// runs it beside `uptake demo` doing the same work without a window.
//
// Usage: QT_QPA_PLATFORM=offscreen first_start_bench EMPTY_CACHE

#include "benchwait.h"
#include "browser/cataloguemodel.h"
#include "db/cache.h"
#include "mainwindow.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QProgressBar>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <cstdio>

using namespace uptake;

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    if (argc < 2) {
        std::fprintf(stderr, "usage: first_start_bench EMPTY_CACHE\n");
        return 2;
    }
    const QString path = QString::fromLocal8Bit(argv[1]);
    if (QFileInfo::exists(path)) {
        std::fprintf(stderr, "first_start_bench: %s exists; the first start needs an empty cache\n", argv[1]);
        return 2;
    }
    // The window remembers its layout on close: into a throwaway folder, never the user's.
    QStandardPaths::setTestModeEnabled(true);
    QTemporaryDir config;
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, config.path());

    QElapsedTimer clock;
    clock.start();
    MainWindow w(path, MainWindow::EmptyCache::BuildDemo);
    w.resize(1280, 800);
    w.show();

    // A 2 ms timer notes the gaps between its ticks (UI stalls) and samples the progress bar.
    QProgressBar *bar = nullptr;
    qint64 lastTick = clock.elapsed(), longestStall = 0;
    qint64 barSince = -1, barStill = 0, barStep = 0;
    int barStillAt = 0;
    int barValue = -1, barMax = 0;
    QTimer ticker;
    QObject::connect(&ticker, &QTimer::timeout, [&] {
        const qint64 now = clock.elapsed();
        longestStall = std::max(longestStall, now - lastTick);
        lastTick = now;
        if (!bar)
            bar = w.findChild<QProgressBar *>();
        if (!bar || !w.isBuildingDemo() || bar->maximum() <= 0)
            return;
        const int permille = int(qint64(bar->value()) * 1000 / bar->maximum());
        if (permille != barValue) {
            if (barValue >= 0)
                barStep = std::max<qint64>(barStep, permille - barValue);
            barValue = permille;
            barSince = now;
        }
        if (now - barSince > barStill) {
            barStill = now - barSince;
            barStillAt = permille;
        }
        barMax = std::max(barMax, permille);
    });
    ticker.start(2);

    if (!waitUntil([&] { return w.catalogueModel()->rowCount() > 0; }, 600000)) {
        std::fprintf(stderr, "first_start_bench: no rows after 10 minutes\n");
        return 1;
    }
    const qint64 rows = clock.elapsed();
    const bool rowsWhileBuilding = w.isBuildingDemo();
    std::int64_t calls = -1;
    auto done = [&] {
        if (w.isBuildingDemo() || !w.catalogueModel()->isComplete())
            return false;
        if (calls < 0) {
            Database db = Cache::open(path, Database::Mode::ReadOnly);
            calls = Cache::callCount(db);
        }
        return w.figures().calls == calls && calls > 0;
    };
    if (!waitUntil(done, 600000)) {
        std::fprintf(stderr, "first_start_bench: the demo's calls not shown after 10 minutes\n");
        return 1;
    }
    const qint64 all = clock.elapsed();
    std::printf("first rows in the table: %lld ms (%s)\n", static_cast<long long>(rows),
                rowsWhileBuilding ? "while the usage is written" : "after the whole demo");
    std::printf("whole demo in, its %lld calls in the status bar: %lld ms\n", static_cast<long long>(calls),
                static_cast<long long>(all));
    std::printf("progress bar: longest still %lld ms (at %d.%d%%), largest step %lld.%lld%%, last seen %d.%d%%\n",
                static_cast<long long>(barStill), barStillAt / 10, barStillAt % 10,
                static_cast<long long>(barStep / 10), static_cast<long long>(barStep % 10), barMax / 10, barMax % 10);
    std::printf("longest UI stall: %lld ms\n", static_cast<long long>(longestStall));
    std::printf("rows_ms=%lld all_ms=%lld\n", static_cast<long long>(rows), static_cast<long long>(all));
    return 0;
}
