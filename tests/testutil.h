#pragma once

#include "cache.h"
#include "ingest.h"

#include <QProcess>
#include <QString>
#include <QTemporaryDir>
#include <QTest>

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
                       const char *created = nullptr)
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
    w.upsert(r);
    tx.commit();
}

} // namespace TestUtil
