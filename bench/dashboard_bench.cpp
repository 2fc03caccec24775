// Dashboard refresh after a filter change, as the window's worker does it: the snapshot is
// loaded once when the dashboard opens, then each view is computed from it (plus the view's SQL).
// Built and run by bench/dashboard_bench.sh; prints one line per view and stage.
#include "db/cache.h"
#include "dashboard/dashboarddata.h"
#include "text/textrules.h"

#include <QElapsedTimer>

#include <cstdio>
#include <cstring>

using namespace uptake;

namespace {
struct Case
{
    const char *label;
    ViewSpec spec;
};
} // namespace

int main(int argc, char **argv)
{
    if (argc < 2) {
        std::fprintf(stderr, "usage: dashboard_bench CACHE [--no-snapshot]\n");
        return 2;
    }
    const bool snapshotOn = !(argc > 2 && std::strcmp(argv[2], "--no-snapshot") == 0);
    Database db = Cache::open(QString::fromLocal8Bit(argv[1]));
    Dashboard::Snapshot snapshot;
    if (snapshotOn) {
        QElapsedTimer t;
        t.start();
        snapshot.refresh(db);
        std::printf("snapshot load: %lld ms, %lld models, %lld usage rows, %.0f MB\n", (long long)t.elapsed(),
                    (long long)snapshot.models(), (long long)snapshot.usageRows(), double(snapshot.bytes()) / 1e6);
    }
    std::vector<Case> cases;
    cases.push_back({"all models", ViewSpec()});
    ViewSpec task;
    task.task = QStringLiteral("text-generation");
    cases.push_back({"--task text-generation", task});
    ViewSpec author;
    author.author = QStringLiteral("opengradient");
    cases.push_back({"--author opengradient", author});
    ViewSpec called;
    called.usage = ViewSpec::Usage::Repeat;
    cases.push_back({"--usage repeat", called});
    ViewSpec search;
    search.search = QStringLiteral("bert");
    cases.push_back({"--search bert", search});
    ViewSpec window;
    {
        // The last 30 days of usage.
        const std::int64_t last = db.queryInt("SELECT max(day) FROM usage_daily").value_or(0);
        window.sinceDay = last - 29;
    }
    cases.push_back({"--since (last 30 days)", window});

    Dashboard::Options options; // as the window asks at 1280x800
    options.maxLorenzPoints = 400;
    options.maxBuckets = 120;
    for (const Case &c : cases) {
        for (int round = 0; round < 2; ++round) {
            QElapsedTimer t;
            t.start();
            const DashboardData d = Dashboard::compute(db, c.spec, options, snapshotOn ? &snapshot : nullptr);
            std::printf("%-26s round %d: %6lld ms (models %lld, top %lld, usage %lld, evidence %lld, families %lld);"
                        " %lld models, %lld calls\n",
                        c.label, round + 1, (long long)t.elapsed(), (long long)d.msModels, (long long)d.msTop,
                        (long long)d.msUsage, (long long)d.msEvidence, (long long)d.msFamilies,
                        (long long)d.viewModels, (long long)d.viewCalls);
            std::fflush(stdout);
        }
    }
    return 0;
}
