#include "db/database.h"

#include <QElapsedTimer>
#include <QFile>
#include <QThread>

#include <atomic>
#include <chrono>
#include <utility>

namespace uptake {

namespace {
// Raised by abandonLockWaits(); a wait that sees it change since it began gives up.
std::atomic<quint64> g_abandonEpoch{0};
} // namespace

struct Database::BusyState
{
    int maxWaitMs = 5000;
    std::function<void()> onWait;
    QElapsedTimer waited;
    quint64 epoch = 0;
};

DbError::DbError(const QString &message, int code)
    : Error(message)
    , m_code(code)
{
}

Database::Database(const QString &path, Mode mode)
    : m_path(path)
{
    // Before SQLite's first use: no global memory statistics. Their mutex and bookkeeping
    // were a large share of a catalogue import's time (every upsert allocates).
    static const bool configured = [] {
        sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
        return true;
    }();
    Q_UNUSED(configured);
    const int flags = (mode == Mode::ReadOnly ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE))
                      | SQLITE_OPEN_NOMUTEX;
    const QByteArray name = QFile::encodeName(path);
    const int rc = sqlite3_open_v2(name.constData(), &m_db, flags, nullptr);
    if (rc != SQLITE_OK) {
        const QString msg = m_db ? QString::fromUtf8(sqlite3_errmsg(m_db)) : QString::fromUtf8(sqlite3_errstr(rc));
        sqlite3_close(m_db);
        m_db = nullptr;
        throw DbError(QStringLiteral("%1: cannot open: %2").arg(path, msg), rc);
    }
    sqlite3_extended_result_codes(m_db, 1);
    // Another Uptake (or a reader) may hold the write lock briefly; wait rather than fail at once.
    setLockWait(5000);
}

void Database::setLockWait(int maxWaitMs, std::function<void()> onWait)
{
    if (!m_busy)
        m_busy = std::make_unique<BusyState>();
    m_busy->maxWaitMs = maxWaitMs;
    m_busy->onWait = std::move(onWait);
    sqlite3_busy_handler(m_db, &Database::busyHandler, m_busy.get());
}

int Database::swapMaxLockWait(int maxWaitMs)
{
    if (!m_busy)
        setLockWait(0);
    return std::exchange(m_busy->maxWaitMs, maxWaitMs);
}

int Database::busyHandler(void *state, int count)
{
    auto *busy = static_cast<BusyState *>(state);
    if (busy->maxWaitMs <= 0)
        return 0;
    if (count == 0) {
        busy->waited.start();
        busy->epoch = g_abandonEpoch.load();
        if (busy->onWait)
            busy->onWait();
    }
    if (busy->waited.elapsed() >= busy->maxWaitMs || g_abandonEpoch.load() != busy->epoch)
        return 0; // give up: the statement fails with SQLITE_BUSY
    // Short sleeps first (most locks are brief), then at most 100 ms between tries.
    QThread::msleep(count < 10 ? 2 : 100);
    return 1;
}

void Database::abandonLockWaits()
{
    ++g_abandonEpoch;
}

Database::Database() = default;

Database::~Database()
{
    close();
}

Database::Database(Database &&other) noexcept
    : m_db(std::exchange(other.m_db, nullptr))
    , m_path(std::move(other.m_path))
    , m_busy(std::move(other.m_busy))
    , m_beforeWriteCommit(std::move(other.m_beforeWriteCommit))
{
}

Database &Database::operator=(Database &&other) noexcept
{
    if (this != &other) {
        close();
        m_db = std::exchange(other.m_db, nullptr);
        m_path = std::move(other.m_path);
        m_busy = std::move(other.m_busy);
        m_beforeWriteCommit = std::move(other.m_beforeWriteCommit);
    }
    return *this;
}

void Database::close()
{
    if (m_db) {
        sqlite3_close_v2(m_db);
        m_db = nullptr;
    }
}

bool Database::isReadOnly() const
{
    return m_db && sqlite3_db_readonly(m_db, "main") == 1;
}

void Database::fail(int rc, std::string_view context) const
{
    failOn(m_db, rc, context);
}

void Database::failOn(sqlite3 *db, int rc, std::string_view context)
{
    QString msg = db ? QString::fromUtf8(sqlite3_errmsg(db)) : QString::fromUtf8(sqlite3_errstr(rc));
    if (!context.empty())
        msg = QStringLiteral("%1 (%2)").arg(msg, QString::fromUtf8(context.data(), qsizetype(context.size())).left(200));
    throw DbError(msg, rc);
}

void Database::exec(std::string_view sql)
{
    const std::string owned(sql);
    char *err = nullptr;
    const int rc = sqlite3_exec(m_db, owned.c_str(), nullptr, nullptr, &err);
    if (rc != SQLITE_OK) {
        const QString msg = QString::fromUtf8(err ? err : sqlite3_errstr(rc));
        sqlite3_free(err);
        throw DbError(msg, rc);
    }
}

std::optional<std::int64_t> Database::queryInt(std::string_view sql)
{
    Statement st(*this, sql);
    if (st.step() && !st.isNull(0))
        return st.int64(0);
    return std::nullopt;
}

void Database::interrupt()
{
    if (m_db)
        sqlite3_interrupt(m_db);
}

std::int64_t Database::lastInsertRowId() const
{
    return sqlite3_last_insert_rowid(m_db);
}

int Database::changes() const
{
    return sqlite3_changes(m_db);
}

Statement::Statement(Database &db, std::string_view sql)
{
    const int rc = sqlite3_prepare_v3(db.handle(), sql.data(), int(sql.size()), SQLITE_PREPARE_PERSISTENT, &m_stmt,
                                      nullptr);
    if (rc != SQLITE_OK)
        db.fail(rc, sql);
}

Statement::~Statement()
{
    sqlite3_finalize(m_stmt);
}

Statement::Statement(Statement &&other) noexcept
    : m_stmt(std::exchange(other.m_stmt, nullptr))
{
}

Statement &Statement::operator=(Statement &&other) noexcept
{
    if (this != &other) {
        sqlite3_finalize(m_stmt);
        m_stmt = std::exchange(other.m_stmt, nullptr);
    }
    return *this;
}

void Statement::check(int rc) const
{
    if (rc != SQLITE_OK)
        Database::failOn(sqlite3_db_handle(m_stmt), rc);
}

Statement &Statement::bind(int index, std::int64_t value)
{
    check(sqlite3_bind_int64(m_stmt, index, value));
    return *this;
}

Statement &Statement::bind(int index, double value)
{
    check(sqlite3_bind_double(m_stmt, index, value));
    return *this;
}

Statement &Statement::bind(int index, std::string_view utf8)
{
    check(sqlite3_bind_text64(m_stmt, index, utf8.data(), utf8.size(), SQLITE_TRANSIENT, SQLITE_UTF8));
    return *this;
}

Statement &Statement::bind(int index, const QString &text)
{
    const QByteArray utf8 = text.toUtf8();
    return bind(index, std::string_view(utf8.constData(), size_t(utf8.size())));
}

Statement &Statement::bindBlob(int index, const QByteArray &blob)
{
    check(sqlite3_bind_blob64(m_stmt, index, blob.constData(), sqlite3_uint64(blob.size()), SQLITE_TRANSIENT));
    return *this;
}

Statement &Statement::bindNull(int index)
{
    check(sqlite3_bind_null(m_stmt, index));
    return *this;
}

bool Statement::step()
{
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW)
        return true;
    if (rc == SQLITE_DONE)
        return false;
    sqlite3_reset(m_stmt);
    Database::failOn(sqlite3_db_handle(m_stmt), rc,
                     sqlite3_sql(m_stmt) ? std::string_view(sqlite3_sql(m_stmt)) : std::string_view());
}

void Statement::run()
{
    while (step()) {
    }
    reset();
}

void Statement::reset()
{
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
}

int Statement::columnCount() const
{
    return sqlite3_column_count(m_stmt);
}

bool Statement::isNull(int column) const
{
    return sqlite3_column_type(m_stmt, column) == SQLITE_NULL;
}

int Statement::columnType(int column) const
{
    return sqlite3_column_type(m_stmt, column);
}

std::int64_t Statement::int64(int column) const
{
    return sqlite3_column_int64(m_stmt, column);
}

double Statement::real(int column) const
{
    return sqlite3_column_double(m_stmt, column);
}

std::string_view Statement::textView(int column) const
{
    const auto *p = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, column));
    return p ? std::string_view(p, size_t(sqlite3_column_bytes(m_stmt, column))) : std::string_view();
}

QString Statement::text(int column) const
{
    const std::string_view v = textView(column);
    return QString::fromUtf8(v.data(), qsizetype(v.size()));
}

QByteArray Statement::blob(int column) const
{
    const void *p = sqlite3_column_blob(m_stmt, column);
    return QByteArray(static_cast<const char *>(p), sqlite3_column_bytes(m_stmt, column));
}

std::optional<std::int64_t> Statement::optInt64(int column) const
{
    if (isNull(column))
        return std::nullopt;
    return int64(column);
}

QString Statement::columnName(int column) const
{
    return QString::fromUtf8(sqlite3_column_name(m_stmt, column));
}

Transaction::Transaction(Database &db, Kind kind)
    : m_db(db)
{
    m_db.exec(kind == Kind::Immediate ? "BEGIN IMMEDIATE" : "BEGIN DEFERRED");
}

Transaction::~Transaction()
{
    if (!m_done && m_db.handle() && !sqlite3_get_autocommit(m_db.handle()))
        sqlite3_exec(m_db.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
}

void Transaction::commit()
{
    if (m_db.beforeWriteCommit() && sqlite3_txn_state(m_db.handle(), "main") == SQLITE_TXN_WRITE)
        m_db.beforeWriteCommit()(m_db);
    m_db.exec("COMMIT");
    m_done = true;
}

StopWhen::StopWhen(Database &db, std::function<bool()> stop, int steps)
    : m_db(db)
    , m_stop(std::move(stop))
{
    sqlite3_progress_handler(m_db.handle(), steps, &StopWhen::check, this);
}

StopWhen::~StopWhen()
{
    sqlite3_progress_handler(m_db.handle(), 0, nullptr, nullptr);
}

std::function<bool()> StopWhen::after(int ms)
{
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(ms);
    return [deadline] { return std::chrono::steady_clock::now() >= deadline; };
}

int StopWhen::check(void *self)
{
    auto *s = static_cast<StopWhen *>(self);
    s->m_stopped = s->m_stopped || s->m_stop();
    return s->m_stopped ? 1 : 0;
}

ScopedPragmas::ScopedPragmas(Database &db, std::initializer_list<std::pair<std::string, std::string>> settings)
    : m_db(db)
{
    for (const auto &[name, value] : settings) {
        if (name == "temp_store"
            && (!sqlite3_get_autocommit(db.handle())
                || db.queryInt("SELECT count(*) FROM temp.sqlite_schema").value_or(1) != 0))
            continue;
        Statement get(db, "PRAGMA " + name);
        const std::string before = get.step() ? std::string(get.textView(0)) : std::string();
        get.reset();
        db.exec("PRAGMA " + name + " = " + value);
        m_before.emplace_back(name, before);
    }
}

ScopedPragmas::~ScopedPragmas()
{
    for (auto it = m_before.rbegin(); it != m_before.rend(); ++it) {
        try {
            if (it->first == "temp_store"
                && (!sqlite3_get_autocommit(m_db.handle())
                    || m_db.queryInt("SELECT count(*) FROM temp.sqlite_schema").value_or(1) != 0))
                continue; // it would drop them: left as the scope had it
            m_db.exec("PRAGMA " + it->first + " = " + it->second);
        } catch (const DbError &) {
            // only a setting: what the scope did stands
        }
    }
}

bool ScopedPragmas::applied(std::string_view name) const
{
    for (const auto &[n, value] : m_before)
        if (n == name)
            return true;
    return false;
}

} // namespace uptake
