#pragma once

#include "db/cache.h"
#include "ingest/ingest.h"

#include <QDate>
#include <QProcess>
#include <QString>
#include <QTemporaryDir>
#include <QTest>

#include <string>
#include <utility>
#include <vector>

using namespace uptake;

// Small helpers shared by the suites: fresh caches in a temporary folder, running the
// built uptake binary, and writing fixture usage through the real writers.
namespace TestUtil {

inline QString binary()
{
    return QStringLiteral(UPTAKE_BINARY);
}

inline QString dataDir()
{
    return QStringLiteral(UPTAKE_TEST_DATA);
}

struct RunResult
{
    int exitCode = -1;
    QString out;
    QString err;
};

// The environment of a headless uptake run under one locale (LC_ALL and LANG): no display
// and no language override from the developer's desktop.
inline QProcessEnvironment localeEnvironment(const char *locale)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("DISPLAY"));
    env.remove(QStringLiteral("QT_QPA_PLATFORM"));
    env.remove(QStringLiteral("LANGUAGE"));
    env.insert(QStringLiteral("LC_ALL"), QString::fromLatin1(locale));
    env.insert(QStringLiteral("LANG"), QString::fromLatin1(locale));
    return env;
}

inline RunResult runUptake(const QStringList &args, const QString &workDir = {}, int timeoutMs = 240000)
{
    QProcess p;
    if (!workDir.isEmpty())
        p.setWorkingDirectory(workDir);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("DISPLAY"));
    env.remove(QStringLiteral("QT_QPA_PLATFORM")); // headless commands must not need any display
    p.setProcessEnvironment(env);
    p.start(binary(), args);
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
    }
    RunResult r;
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

struct Call
{
    const char *timestamp; // ISO 8601 UTC
    const char *model;
    const char *caller;
    const char *eventId = "";
    TextRules::Mode mode = TextRules::Mode::Vanilla;
    std::int64_t feeNano = 0;
    bool failed = false;
};

inline void writeCalls(Database &db, const std::vector<Call> &calls)
{
    Transaction tx(db);
    UsageWriter w(db);
    for (const Call &c : calls) {
        UsageEvent e;
        e.timestamp = *TextRules::parseTimestamp(c.timestamp);
        e.modelId = c.model;
        e.caller = c.caller;
        e.eventId = c.eventId;
        e.mode = c.mode;
        e.feeNano = c.feeNano;
        e.failed = c.failed;
        w.add(e);
    }
    w.finish();
    tx.commit();
}

inline void writeModel(Database &db, const char *id, const char *task, const char *author = nullptr,
                       const char *created = nullptr, const char *baseModels = nullptr)
{
    Transaction tx(db);
    CatalogueWriter w(db);
    ModelRecord r;
    r.modelId = id;
    r.task = task;
    if (author)
        r.author = author;
    if (created)
        r.createdAt = TextRules::parseTimestamp(created);
    if (baseModels)
        r.baseModels = baseModels;
    w.upsert(r);
    tx.commit();
}

// Rows where model_day and usage_daily grouped by (model, day) disagree, counted both ways:
// 0 when the usage writer (or the schema 7 migration) kept the daily totals in step.
inline std::int64_t modelDayMismatches(Database &db)
{
    const char *grouped = "SELECT model, day, sum(calls), sum(failed_calls), sum(tee_calls + zkml_calls + verified_unsplit),"
                          " sum(fees_nano), min(coalesce(first_ts * 2 + 1, day * 172800)),"
                          " max(coalesce(last_ts * 2, day * 172800 + 172799)) FROM usage_daily GROUP BY model, day";
    const char *kept = "SELECT model, day, calls, failed, verified, fees, f, l FROM model_day";
    return db.queryInt(std::string("SELECT (SELECT count(*) FROM (") + grouped + " EXCEPT " + kept
                       + ")) + (SELECT count(*) FROM (" + kept + " EXCEPT " + grouped + "))")
        .value_or(-1);
}

// Models whose all-time figures differ from those computed again from usage_daily, by SQL
// alone: 0 when the usage writer kept every column in step. Models without usage must hold
// zeros and no first or last call.
inline std::int64_t figureMismatches(Database &db)
{
    const char *computed = R"sql(
SELECT m.id, coalesce(u.calls, 0), coalesce(u.failed, 0), coalesce(u.uniq, 0), coalesce(r.repeat, 0),
       coalesce(u.verified, 0), coalesce(u.fees, 0), coalesce(u.days, 0),
       CASE WHEN u.f % 2 != 0 THEN (u.f - 1) / 2 ELSE u.f / 2 + 0.5 END,
       CASE WHEN u.l % 2 = 0 THEN u.l / 2 ELSE (u.l - 172799) / 2 + 0.5 END
FROM models m
LEFT JOIN (SELECT model, sum(calls) calls, sum(failed_calls) failed, count(DISTINCT caller) uniq,
                  sum(tee_calls + zkml_calls + verified_unsplit) verified, sum(fees_nano) fees,
                  count(DISTINCT day) days, min(coalesce(first_ts * 2 + 1, day * 172800)) f,
                  max(coalesce(last_ts * 2, day * 172800 + 172799)) l
           FROM usage_daily GROUP BY model) u ON u.model = m.id
LEFT JOIN (SELECT model, count(*) repeat FROM (SELECT model, caller FROM usage_daily GROUP BY model, caller
                                               HAVING count(*) >= 2) GROUP BY model) r ON r.model = m.id
)sql";
    const char *kept = "SELECT id, calls, failed_calls, unique_callers, repeat_callers, verified_calls, fees_nano,"
                       " active_days, first_call, last_call FROM models";
    return db.queryInt(std::string("SELECT (SELECT count(*) FROM (") + computed + " EXCEPT " + kept
                       + ")) + (SELECT count(*) FROM (" + kept + " EXCEPT " + computed + "))")
        .value_or(-1);
}

// A cache of 80 days from Monday 2026-01-05, for the evidence suites: four tasks (and models
// without one), callers who come and go by a fixed rule, so that every period, cohort and
// lifecycle state occurs.
inline void buildWeeks(Database &db)
{
    writeModel(db, "w/a1", "alpha");
    writeModel(db, "w/a2", "alpha");
    writeModel(db, "w/b1", "beta");
    writeModel(db, "w/c1", "gamma");
    writeModel(db, "w/d1", "delta");
    writeModel(db, "w/none", "");
    const char *models[] = {"w/a1", "w/a2", "w/b1", "w/c1", "w/d1", "w/none", "w/unlisted"};
    std::vector<std::string> stamps, callers;
    std::vector<std::pair<size_t, size_t>> rows; // (stamp, caller) indexes, model by position
    std::vector<int> modelOf;
    std::uint32_t seed = 12345;
    auto next = [&seed] {
        seed = seed * 1103515245u + 12345u;
        return (seed >> 16) & 0x7fff;
    };
    const QDate start(2026, 1, 5); // a Monday
    for (int c = 0; c < 80; ++c) {
        callers.push_back("caller-" + std::to_string(c));
        const int first = int(next() % 60);
        const int model = int(next() % 7);
        int day = first;
        // Each caller calls on its first day, then comes back now and then, sometimes to another model.
        for (int visit = 0; visit < 12 && day < 80; ++visit) {
            stamps.push_back(start.addDays(day).toString(Qt::ISODate).toStdString() + "T10:00:00Z");
            rows.push_back({stamps.size() - 1, callers.size() - 1});
            modelOf.push_back(next() % 4 == 0 ? int(next() % 7) : model);
            day += 1 + int(next() % 16);
        }
    }
    std::vector<Call> calls;
    for (size_t i = 0; i < rows.size(); ++i)
        calls.push_back({stamps[rows[i].first].c_str(), models[modelOf[i]], callers[rows[i].second].c_str()});
    writeCalls(db, calls);
}

} // namespace TestUtil

namespace TestUtil {

// The small hand-computed fixture used by the metric, query and export suites.
// Expected figures (all time):
//   lab/alpha  calls 4, failed 1, unique 2, repeat 1, verified 2, fees 0.003000002, days 2,
//              first 2026-03-01T10:00:00Z, last 2026-03-03T12:00:00Z
//   lab/beta   calls 3, unique 2, repeat 0, days 1
//   og/vol, og/risk  never called;  ghost/model  unlisted, 1 call
inline void buildFixture(Database &db)
{
    writeModel(db, "lab/alpha", "text-generation", "lab", "2025-01-10T08:00:00Z");
    writeModel(db, "lab/beta", "text-generation", "lab", "2025-06-01T00:00:00Z");
    writeModel(db, "og/vol", "Volatility Forecasting", "og", "2026-01-05T00:00:00Z");
    writeModel(db, "og/risk", "Risk Assessment", "og", "2026-02-01T00:00:00Z");
    using M = TextRules::Mode;
    writeCalls(db, {
        {"2026-03-01T10:00:00Z", "lab/alpha", "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", "e1", M::Tee, 2000000},
        // 01:00 at +02:00 is 23:00 UTC the day before: the same UTC day as e1.
        {"2026-03-02T01:00:00+02:00", "lab/alpha", "0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed", "e2", M::Vanilla,
         1000000},
        {"2026-03-03T00:30:00Z", "lab/alpha", "0X5AAEB6053F3E94C9B9A09F33669435E7EF1BEAED", "e3", M::Zkml, 2},
        {"2026-03-03T12:00:00Z", "lab/alpha", "agent-42", "e4", M::Vanilla, 0, true},
        {"2026-03-04T12:00:00Z", "lab/alpha", "agent-43", "e4", M::Tee, 999}, // duplicate event id: dropped
        {"2026-03-05T09:00:00Z", "lab/beta", "agent-42", "e5"},
        {"2026-03-05T10:00:00Z", "lab/beta", "caller-three"},
        {"2026-03-05T11:00:00Z", "lab/beta", "caller-three"},
        {"2026-03-04T00:00:00Z", "ghost/model", "someone"},
    });
}

} // namespace TestUtil
