#pragma once

#include "error.h"
#include "db/database.h"

#include <QString>

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace uptake {

// An Uptake cache: an SQLite file with our application id, schema version and
// per-cache secret. Opening runs the migrations a file made by an older Uptake needs.
class CacheError : public Error
{
public:
    enum class Kind { Foreign, TooNew, Corrupt, Io };
    CacheError(Kind kind, const QString &message);
    Kind kind() const { return m_kind; }

private:
    Kind m_kind;
};

namespace Cache {

// 'UPTK': written to PRAGMA application_id so that we recognise our own files.
inline constexpr int ApplicationId = 0x5550544b;
inline constexpr int SchemaVersion = 11;

// The platform's application-data folder, e.g. ~/.local/share/Uptake/cache.sqlite.
QString defaultPath();

// Opens (creating if absent) and migrates. Throws CacheError for a foreign, newer or
// corrupt file; never modifies such a file.
// Told, on whichever thread waits, when a connection starts waiting for another writer's lock
// (another Uptake importing, say): the CLI prints a line, the window a message. Each
// connection has its own, given when it is opened.
using LockWaitNotice = std::function<void(const QString &cachePath)>;

Database open(const QString &path, Database::Mode mode = Database::Mode::ReadWrite, LockWaitNotice notice = {});

// For tests of migrations: bring a fresh file only up to the given version.
void createAtVersion(const QString &path, int version);

// Per-connection settings every Uptake connection uses (WAL, foreign keys, cache size).
void configureConnection(Database &db, LockWaitNotice notice = {});

// How long a connection waits for another writer (another Uptake importing, say) before
// giving up.
inline constexpr int LockWaitMs = 10 * 60 * 1000;

// The random key for caller pseudonyms, created with the cache.
QByteArray secret(Database &db);

// One more for every write transaction committed through Transaction on a connection that
// open() made (meta 'generation', written in that transaction). With the cache's secret and
// schema version it names a state of the cache that outlives the connection, as PRAGMA
// data_version does not: the dashboard's stored snapshot is keyed on it.
std::int64_t generation(Database &db);

// Starts a dated snapshot (kind: "import", "sync", "demo") and makes it the one that
// catalogue writers on this connection record popularity under, until cleared.
std::int64_t beginSnapshot(Database &db, const QString &kind, const QString &source);
void endSnapshot(Database &db);

// A statement over every model, run a slice of ids at a time so that its progress can be
// told: the models' id range cut into `slices` ranges [from, to), ascending, and `run` given
// each with the share of the range done once it is through.
void forEachIdSlice(Database &db, int slices,
                    const std::function<void(std::int64_t from, std::int64_t to, double done)> &run);

// A bulk load into the models table, inside its transaction: the table's sort and filter
// indexes (not its unique key) are dropped and the triggers of the trigram index and of the
// short search terms removed, and finish() builds each once, in the same transaction. Maintaining them row by row cost a
// 200k-model catalogue import three times as long. If the transaction rolls back instead,
// so does the DDL: nothing to undo by hand.
class BulkLoad
{
public:
    explicit BulkLoad(Database &db);
    // Builds the indexes, the search index and the short terms, telling progress (0 to 1,
    // by their usual shares of the time) after each.
    void finish(const std::function<void(double fraction)> &progress = {});

private:
    Database &m_db;
    std::vector<std::string> m_indexes; // their CREATE statements
};
// For a bulk load into a cache that no other connection has open: a rollback journal
// instead of the WAL while it lives, so that the load's new pages go straight into the
// database file rather than into a WAL as large as the database, whose page lookups then
// cost most of the load (the 2M-model demo grew a 2.3 GB WAL). The promise stays: one
// transaction, and a crash or a cancel leaves the cache as before (the journal keeps the
// few pages that existed). When another connection has the cache open the mode cannot
// change, at once and without a wait, and the load runs in WAL as before. Make it before
// the load's Transaction; it returns the cache to WAL when it goes. (After the round trip,
// with a temp schema open, SQLite 3.40 fails an unqualified `PRAGMA wal_checkpoint` with
// SQLITE_LOCKED; name the schema: `PRAGMA main.wal_checkpoint`.)
// While it lives, the load's sorts (the index builds) also spill to temporary files rather
// than to memory (temp_store = FILE): at 2M models, three index builds peaked at 360 MB and
// took 11.7 s in memory, 138 MB and 9.2 s on disk. SQLite can change that only outside a
// transaction and with no temporary table open (it would drop them), so it is left as it is
// otherwise.
class RollbackJournal
{
public:
    explicit RollbackJournal(Database &db);
    ~RollbackJournal();
    RollbackJournal(const RollbackJournal &) = delete;
    RollbackJournal &operator=(const RollbackJournal &) = delete;
    bool active() const { return m_active; }

private:
    Database &m_db;
    bool m_active = false;
    std::unique_ptr<ScopedPragmas> m_sortsOnDisk;
};

// Whether a load of about rows models is worth that: it brings at least as many models as
// the cache holds (a first import, say), and more than a handful.
bool worthBulkLoad(Database &db, std::int64_t rows);
// Whether an input file of inputBytes is worth a RollbackJournal: it is large (16 MiB or
// more) and at least as large as the cache, so that most of what it writes is new pages.
bool worthRollbackJournal(Database &db, std::int64_t inputBytes);

std::int64_t modelCount(Database &db);
std::int64_t callCount(Database &db);

} // namespace Cache

} // namespace uptake
