// The dashboard as the window shows it: the real DashboardWidget (its worker thread, its
// snapshot of the cache's usage, its five chart views) at the size it gets in a 1280x800
// window, offscreen. For each filter change it times setView() until every chart is computed,
// set and painted (QWidget::grab renders the whole page), which is what "all charts drawn"
// means. bench/dashboard_bench.sh times the data alone beside the sqlite3 shell.
//
// Usage: QT_QPA_PLATFORM=offscreen dashboard_draw_bench CACHE [--first-view]
// The first view reads the snapshot's store (Snapshot::storePathFor) when it holds the cache's
// state, and the cache's rows otherwise (then writes the store): run it twice, or delete
// CACHE-dashboard, to time both. --first-view stops after the first view.

#include "benchwait.h"
#include "db/cache.h"
#include "dashboard/dashboardcharts.h"
#include "dashboard/dashboardwidget.h"

#include "dashboard/snapshot.h"

#include <QApplication>
#include <QFileInfo>
#include <QElapsedTimer>
#include <QImage>
#include <QPixmap>
#include <QLocale>
#include <QTimer>
#include <QTranslator>

#include <cstdio>

using namespace uptake;

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    if (argc < 2) {
        std::fprintf(stderr, "usage: dashboard_draw_bench CACHE [--first-view]\n");
        return 2;
    }
    const QString path = QString::fromLocal8Bit(argv[1]);
    std::int64_t lastDay = 0;
    {
        Database db = Cache::open(path, Database::Mode::ReadOnly);
        lastDay = db.queryInt("SELECT max(day) FROM usage_daily").value_or(0);
    }
    // UPTAKE_QM_DIR: the built translations, for the English plural forms in a screenshot.
    QTranslator english;
    if (english.load(QLocale(QLocale::English), QStringLiteral("uptake"), QStringLiteral("_"),
                     qEnvironmentVariable("UPTAKE_QM_DIR")))
        QCoreApplication::installTranslator(&english);
    DashboardWidget dash(path);
    dash.resize(1040, qEnvironmentVariableIntValue("DASHBOARD_HEIGHT") > 0 ? qEnvironmentVariableIntValue("DASHBOARD_HEIGHT")
                                                                          : 690); // its page in a 1280x800 window
    dash.show();

    // The longest the UI thread went without serving its event loop while the worker computed
    // and the charts took their data (a 2 ms timer that notes the gaps between its ticks).
    QElapsedTimer sinceTick;
    qint64 longestStall = 0;
    QTimer ticker;
    QObject::connect(&ticker, &QTimer::timeout, [&] {
        longestStall = std::max(longestStall, sinceTick.restart());
    });
    ticker.start(2);
    qint64 lastData = 0, lastPaint = 0;
    auto settle = [&](const ViewSpec &spec) {
        QElapsedTimer t;
        t.start();
        sinceTick.start();
        longestStall = 0;
        dash.setView(spec);
        if (!waitUntil([&] { return !dash.isBusy(); }, 600000))
            std::fprintf(stderr, "dashboard_draw_bench: no answer in 10 minutes\n");
        lastData = t.elapsed();
        const QPixmap drawn = dash.grab(); // paints every chart view
        if (drawn.isNull())
            std::fprintf(stderr, "dashboard_draw_bench: nothing drawn\n");
        lastPaint = t.elapsed() - lastData;
        if (const QString shot = qEnvironmentVariable("DASHBOARD_SHOT"); !shot.isEmpty())
            drawn.save(shot); // to look at what was drawn
        return t.elapsed();
    };

    const QFileInfo store(Dashboard::Snapshot::storePathFor(path));
    const bool hadStore = store.exists();
    std::printf("first view, with the snapshot load (%s): %lld ms\n",
                hadStore ? "a store was there, from it if it holds the cache's state" : "no store: from the cache",
                static_cast<long long>(settle(ViewSpec())));
    std::fflush(stdout);
    if (argc > 2 && qstrcmp(argv[2], "--first-view") == 0) {
        // The worker writes the store after the view: wait for it, so that the next run has it.
        if (!hadStore)
            waitUntil([&] { return QFileInfo(store.filePath()).exists(); }, 120000);
        return 0;
    }
    struct Case
    {
        const char *label;
        ViewSpec spec;
    };
    std::vector<Case> cases;
    cases.push_back({"all models", ViewSpec()});
    ViewSpec s;
    s.task = QStringLiteral("text-generation");
    cases.push_back({"--task text-generation", s});
    s = ViewSpec();
    s.author = QStringLiteral("opengradient");
    cases.push_back({"--author opengradient", s});
    s = ViewSpec();
    s.usage = ViewSpec::Usage::Repeat;
    cases.push_back({"--usage repeat", s});
    s = ViewSpec();
    s.search = QStringLiteral("bert");
    cases.push_back({"--search bert", s});
    s = ViewSpec();
    s.sinceDay = lastDay - 29;
    cases.push_back({"--since (last 30 days)", s});
    qint64 worst = 0;
    for (const Case &c : cases)
        for (int round = 0; round < 2; ++round) {
            // Start each from a different view, so that every measurement is a real change.
            settle(round == 0 ? ViewSpec() : cases[1].spec);
            const qint64 ms = settle(c.spec);
            worst = std::max(worst, ms);
            std::printf("%-26s round %d: %6lld ms to all five charts drawn (computed and set %lld ms, longest"
                        " UI stall meanwhile %lld ms; painted %lld ms)\n",
                        c.label, round + 1, static_cast<long long>(ms), static_cast<long long>(lastData),
                        static_cast<long long>(longestStall), static_cast<long long>(lastPaint));
            std::fflush(stdout);
        }
    std::printf("worst: %lld ms (target 500 ms)\n", static_cast<long long>(worst));
    return 0;
}
