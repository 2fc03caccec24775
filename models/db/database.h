#pragma once

#include "error.h"

#include <sqlite3.h>

#include <QByteArray>
#include <QString>

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace uptake {

// A thin RAII layer over the SQLite C API: one connection, prepared statements,
// transactions and interruption. Errors are thrown as DbError.

class DbError : public Error
{
public:
    DbError(const QString &message, int code);
    int code() const { return m_code; }
    bool isInterrupt() const { return (m_code & 0xff) == SQLITE_INTERRUPT; }
    bool isBusy() const { return (m_code & 0xff) == SQLITE_BUSY || (m_code & 0xff) == SQLITE_LOCKED; }
    bool isFull() const { return (m_code & 0xff) == SQLITE_FULL; }

private:
    int m_code;
};

class Database;

// While alive, statements on the connection fail with SQLITE_INTERRUPT as soon as stop()
// returns true, asked every `steps` virtual-machine steps (SQLite's progress handler): a
// time budget, or giving way to more urgent work. stopped() tells such a stop from an
// interrupt meant for something else.
class StopWhen final
{
public:
    StopWhen(Database &db, std::function<bool()> stop, int steps = 4000);
    ~StopWhen();
    StopWhen(const StopWhen &) = delete;
    StopWhen &operator=(const StopWhen &) = delete;
    bool stopped() const { return m_stopped; }

    // The stop condition of a time budget: true once ms milliseconds from now have passed.
    static std::function<bool()> after(int ms);

private:
    static int check(void *self);
    Database &m_db;
    std::function<bool()> m_stop;
    bool m_stopped = false;
};

class Database final
{
public:
    enum class Mode { ReadWrite, ReadOnly };

    Database();
    explicit Database(const QString &path, Mode mode = Mode::ReadWrite);
    ~Database();
    Database(Database &&other) noexcept;
    Database &operator=(Database &&other) noexcept;
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    bool isOpen() const { return m_db != nullptr; }
    sqlite3 *handle() const { return m_db; }
    QString path() const { return m_path; }
    bool isReadOnly() const;

    // Runs one or more statements that return no rows of interest.
    void exec(std::string_view sql);
    // Convenience: the first column of the first row, or nullopt.
    std::optional<std::int64_t> queryInt(std::string_view sql);

    // Safe to call from any thread: makes a running statement fail with SQLITE_INTERRUPT.
    void interrupt();
    std::int64_t lastInsertRowId() const;
    int changes() const;
    void close();

    [[noreturn]] void fail(int rc, std::string_view context = {}) const;
    // Throws DbError with the connection's own message for rc (db may be null).
    [[noreturn]] static void failOn(sqlite3 *db, int rc, std::string_view context = {});

    // When another connection (another Uptake, say) holds the write lock, wait for it up
    // to maxWaitMs instead of failing; onWait runs once at the start of each wait so that
    // the user can be told why nothing happens.
    void setLockWait(int maxWaitMs, std::function<void()> onWait = {});
    // Sets the longest lock wait from now on, keeping the notice, and returns the previous
    // one. 0: a locked database fails at once (SQLITE_BUSY), without a notice.
    int swapMaxLockWait(int maxWaitMs);
    // Thread-safe: every lock wait in this process that is under way gives up now (its
    // statement fails with SQLITE_BUSY); waits that start later are not affected. A closing
    // window calls it so that no thread keeps it waiting for another program's lock.
    static void abandonLockWaits();

    // Runs inside every Transaction that wrote to the main database, just before its COMMIT,
    // so that what it writes commits or rolls back with the transaction. Cache::open uses it
    // to count the cache's generations.
    void setBeforeWriteCommit(std::function<void(Database &)> step) { m_beforeWriteCommit = std::move(step); }
    const std::function<void(Database &)> &beforeWriteCommit() const { return m_beforeWriteCommit; }

private:
    struct BusyState;
    static int busyHandler(void *state, int count);

    sqlite3 *m_db = nullptr;
    QString m_path;
    std::unique_ptr<BusyState> m_busy; // on the heap: SQLite keeps its address across moves
    std::function<void(Database &)> m_beforeWriteCommit;
};

// A prepared statement. It keeps no pointer to the Database it was made on, only SQLite's
// connection, so moving that Database (as Cache::open's callers do) leaves it valid.
class Statement final
{
public:
    Statement() = default;
    Statement(Database &db, std::string_view sql);
    ~Statement();
    Statement(Statement &&other) noexcept;
    Statement &operator=(Statement &&other) noexcept;
    Statement(const Statement &) = delete;
    Statement &operator=(const Statement &) = delete;

    // Parameters are 1-based, as in SQLite.
    Statement &bind(int index, std::int64_t value);
    Statement &bind(int index, int value) { return bind(index, std::int64_t(value)); }
    Statement &bind(int index, double value);
    Statement &bind(int index, std::string_view utf8);
    Statement &bind(int index, const char *utf8) { return bind(index, std::string_view(utf8)); }
    Statement &bind(int index, const std::string &utf8) { return bind(index, std::string_view(utf8)); }
    Statement &bind(int index, const QString &text);
    Statement &bindBlob(int index, const QByteArray &blob);
    Statement &bindNull(int index);
    template<typename T>
    Statement &bind(int index, const std::optional<T> &value)
    {
        return value ? bind(index, *value) : bindNull(index);
    }

    // True while a row is available; false when done. Throws on error.
    bool step();
    // Steps to completion and resets, for statements run for their effect.
    void run();
    void reset();

    int columnCount() const;
    bool isNull(int column) const;
    int columnType(int column) const; // SQLITE_INTEGER, SQLITE_FLOAT, SQLITE_TEXT, SQLITE_BLOB, SQLITE_NULL
    std::int64_t int64(int column) const;
    double real(int column) const;
    std::string_view textView(int column) const;
    QString text(int column) const;
    QByteArray blob(int column) const;
    std::optional<std::int64_t> optInt64(int column) const;
    QString columnName(int column) const;

    sqlite3_stmt *handle() const { return m_stmt; }

private:
    void check(int rc) const;

    sqlite3_stmt *m_stmt = nullptr;
};

// BEGIN IMMEDIATE (or DEFERRED, for a consistent read snapshot) on construction,
// ROLLBACK on destruction unless committed.
class Transaction final
{
public:
    enum class Kind { Immediate, Deferred };
    explicit Transaction(Database &db, Kind kind = Kind::Immediate);
    ~Transaction();
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;

    void commit();

private:
    Database &m_db;
    bool m_done = false;
};

// Connection settings (PRAGMAs, main schema) changed for a scope and each given back, as it
// was, when the scope ends; a failure to give one back is swallowed (only a setting). SQLite
// drops every temporary table when temp_store changes, so temp_store is only changed outside
// a transaction with no temporary table open, and left as it is otherwise (applied() says).
class ScopedPragmas final
{
public:
    ScopedPragmas(Database &db, std::initializer_list<std::pair<std::string, std::string>> settings);
    ~ScopedPragmas();
    ScopedPragmas(const ScopedPragmas &) = delete;
    ScopedPragmas &operator=(const ScopedPragmas &) = delete;

    bool applied(std::string_view name) const;

private:
    Database &m_db;
    std::vector<std::pair<std::string, std::string>> m_before; // those changed, in order
};

} // namespace uptake
