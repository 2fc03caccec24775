// Dashboard::Snapshot: the dashboard's in-memory copy of the cache's models and usage.
#pragma once

#include <QString>
#include <QtGlobal>

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <vector>

namespace uptake {

class Database;

namespace Dashboard {

class Computation;
struct CallerFeed; // snapshot.cpp
struct WholeEvidence; // fromsnapshot.cpp

// What the charts need from the whole cache, held in memory by a long-lived worker so that a
// filter change reads no usage row from disk: each model's all-time figures and task, and the
// usage rows (day, caller, calls, verified, paid) grouped by model, about 13 bytes a row.
// Without it every computation scans the view and the window's usage in SQL.
class Snapshot final {
public:
    Snapshot() = default;
    Snapshot(const Snapshot &) = delete;
    Snapshot &operator=(const Snapshot &) = delete;
    Snapshot(Snapshot &&) = default;
    Snapshot &operator=(Snapshot &&) = default;

    // Loads, or loads again when another connection has committed since (PRAGMA data_version).
    // Returns true when it (re)loaded. Throws DbError (interruptible like any query).
    // TwoConnections reads the models on a second connection to db's file, in a thread of its
    // own, beside the usage rows (when the file cannot be opened again: one connection).
    // cancelled, when given, is asked now and then on the second connection's thread (which
    // Database::interrupt on db does not reach): true stops the load, which returns false.
    enum class Load { TwoConnections, OneConnection };
    bool refresh(Database &db, Load load = Load::TwoConnections, const std::function<bool()> &cancelled = {});

    // A copy on disk that a later load reads instead of the cache's rows while the cache is
    // in the state it was taken from (the cache's secret, Cache::generation, schema version,
    // highest model and usage row ids): a 2M-model snapshot then loads in a fraction of the
    // seconds its SQL takes. The file is only a copy: one that is missing, foreign, damaged or
    // of another state is ignored and written again; one that cannot be written is skipped.
    static QString storePathFor(const QString &cachePath); // CACHE-dashboard, beside the -wal
    void setStore(const QString &path) { m_store = path; }
    // Writes the store if what is held was read from the cache (not from the store) and was
    // not written yet; returns true when it wrote. Meant for when nobody waits for a view.
    bool saveStore();
    bool loadedFromStore() const { return m_fromStore; }
    bool isLoaded() const { return m_loaded; }
    std::int64_t models() const { return m_models; }
    std::int64_t usageRows() const { return std::int64_t(m_day.size()); }
    std::uint32_t callers() const { return m_callers; }
    std::int64_t bytes() const;
    qint64 loadMs() const { return m_loadMs; }

private:
    friend class Computation;
    // The two halves of a load, each in the read transaction of the connection given; false
    // when the cache holds what this compact form cannot (stay with SQL) or stop was set.
    bool readModels(Database &db, std::int64_t maxId, const std::atomic<bool> &stop,
                    const std::function<bool()> &cancelled);
    // One load in db's read transaction, the models read on modelsDb in a thread when given.
    // Disagreed: modelsDb saw another state of the cache (read again on one connection).
    enum class Read { Done, NotHeld, Disagreed };
    Read readAll(Database &db, Database *modelsDb, const std::function<bool()> &cancelled);
    // Usage rows (rows of them, as counted in the same transaction); their callers go to feed.
    bool readUsage(Database &db, std::int64_t maxId, std::int64_t rows, CallerFeed &feed);

    // What names the cache's state for the store; empty id: no store for this cache.
    struct StoreKey
    {
        QByteArray id; // a hash of the cache's secret, never the secret
        std::int64_t generation = 0, schema = 0, maxModel = 0, maxUsageModel = 0;
        bool operator==(const StoreKey &o) const
        {
            return id == o.id && generation == o.generation && schema == o.schema && maxModel == o.maxModel
                && maxUsageModel == o.maxUsageModel;
        }
    };
    static StoreKey storeKey(Database &db); // in the caller's read transaction
    bool readStore(const StoreKey &key); // false: no usable store (this is left empty)

    QString m_store;
    StoreKey m_key;
    bool m_fromStore = false, m_stored = false;
    bool m_loaded = false;
    std::int64_t m_dataVersion = -1;
    qint64 m_loadMs = 0;
    std::int64_t m_models = 0;
    // By model row id (models.id): flags (1 present, 2 listed, 4 verified calls, 8 paid), figures.
    std::vector<std::uint8_t> m_flags;
    std::vector<std::int64_t> m_calls;
    std::vector<std::uint32_t> m_repeat, m_unique;
    std::vector<std::int32_t> m_createdWeek; // INT32_MIN when unknown
    std::vector<double> m_week4; // all-time week-4 retention as the usage writer keeps it; NaN for none
    std::vector<std::uint32_t> m_task; // index into m_taskNames
    std::vector<QString> m_taskNames; // trimmed; "" for no task
    // Usage rows in the table's order (by model): model m owns rows [m_start[m], m_start[m + 1]).
    std::vector<std::uint32_t> m_start;
    std::vector<std::int32_t> m_day;
    std::vector<std::uint32_t> m_caller; // dense caller numbers
    std::vector<std::uint32_t> m_rowCalls;
    // 1 verified, 2 paid; 4 the first row of its caller at its model (the caller's f, contract
    // 3b), and on such a row 8 when that caller called the model again in its period 4. Rows of
    // a model come in day order, so a window's week-4 retention is a count over the first rows
    // between two days (Computation::evidenceFromSnapshot), never a fold of the model's callers again.
    std::vector<std::uint8_t> m_rowFlags;
    std::uint32_t m_callers = 0;
    std::int64_t m_minWeek = 0, m_maxWeek = -1;
    // The same rows again by caller, each caller's in day order (caller c owns
    // [m_byCallerStart[c], m_byCallerStart[c + 1])): the demand evidence walks them in memory
    // order instead of scattering the rows of a selection by caller each time. Made after a
    // load from the cache (a third of a second at 7M rows) and kept in the store: 12 bytes a row.
    std::vector<std::uint32_t> m_byCallerStart, m_byCallerModel, m_byCallerCalls;
    std::vector<std::int32_t> m_byCallerDay;
    void arrangeByCaller();
    void markFirstCalls(); // the flags 4 and 8 of m_rowFlags, after a load from the cache
    // The whole catalogue's all-time evidence, once folded: a function of what is held here,
    // asked for again whenever the filters are cleared. Gone with a reload. (One Computation at
    // a time on a Snapshot, as the dashboard's worker runs them.)
    mutable std::shared_ptr<const WholeEvidence> m_wholeEvidence;
};

} // namespace Dashboard

} // namespace uptake
