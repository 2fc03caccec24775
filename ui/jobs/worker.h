#pragma once

#include "db/database.h"

#include <QMutex>
#include <QMutexLocker>
#include <QObject>
#include <QString>

#include <atomic>
#include <limits>

namespace uptake {

// What the window's long-lived workers (JobWorker, hosted by a JobRunner: the table's
// CatalogueLoader, the dashboard's DashboardWorker) share besides their thread: a connection
// of their own that the UI thread may interrupt, and a generation that says which requests
// still matter.

// The connection of a worker: used on the worker's thread only, interrupted from any thread.
class WorkerConnection final
{
    Q_DISABLE_COPY_MOVE(WorkerConnection)

public:
    WorkerConnection() = default;

    // On the worker's thread. Takes over an opened connection (whatever used the previous
    // one must be gone); the caller opens it first, so a failure leaves the old one usable.
    void adopt(Database db)
    {
        QMutexLocker lock(&m_mutex);
        m_db = std::move(db);
    }
    void close()
    {
        QMutexLocker lock(&m_mutex);
        m_db.close();
    }
    bool isOpen() const { return m_db.isOpen(); }
    Database &db() { return m_db; }

    // Any thread: cuts the running statement short (it throws DbError::isInterrupt()).
    void interrupt()
    {
        QMutexLocker lock(&m_mutex);
        m_db.interrupt();
    }

private:
    Database m_db;
    QMutex m_mutex; // keeps interrupt() off the handle while adopt() or close() swaps it
};

// The generation of the newest request: a request of an older one is stale, skipped or cut short.
class Generation final
{
public:
    // Any thread: from now on only generations >= gen matter.
    void raise(quint64 gen)
    {
        quint64 cur = m_latest.load();
        while (cur < gen && !m_latest.compare_exchange_weak(cur, gen)) {
        }
    }
    // Any thread: nothing matters any more (on shutdown).
    void stopAll() { m_latest.store(std::numeric_limits<quint64>::max()); }
    bool stale(quint64 gen) const { return gen < m_latest.load(); }
    bool stopped() const { return m_latest.load() == std::numeric_limits<quint64>::max(); } // after stopAll()
    quint64 latest() const { return m_latest.load(); }

private:
    std::atomic<quint64> m_latest{0};
};

} // namespace uptake
