#include "db/cache.h"

#include "ingest/figurewriter.h"
#include "view/shortterms.h"

#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QRandomGenerator>
#include <QStandardPaths>

#include <array>
#include <thread>

namespace uptake {

CacheError::CacheError(Kind kind, const QString &message)
    : Error(message)
    , m_kind(kind)
{
}

Q_LOGGING_CATEGORY(lcBulk, "uptake.bulkload", QtWarningMsg)

namespace {

// The triggers that keep the search index in step with models, row by row. Named once:
// the 2 -> 3 migration creates them, and bulk loads suspend and restore them.
#define UPTAKE_SEARCH_TRIGGERS \
    "CREATE TRIGGER models_fts_insert AFTER INSERT ON models BEGIN\n" \
    "    INSERT INTO models_fts(rowid, model_id, author, task, tags) VALUES (new.id, new.model_id, new.author, new.task, new.tags);\n" \
    "END;\n" \
    "CREATE TRIGGER models_fts_delete AFTER DELETE ON models BEGIN\n" \
    "    INSERT INTO models_fts(models_fts, rowid, model_id, author, task, tags)\n" \
    "        VALUES ('delete', old.id, old.model_id, old.author, old.task, old.tags);\n" \
    "END;\n" \
    "CREATE TRIGGER models_fts_update AFTER UPDATE OF model_id, author, task, tags ON models BEGIN\n" \
    "    INSERT INTO models_fts(models_fts, rowid, model_id, author, task, tags)\n" \
    "        VALUES ('delete', old.id, old.model_id, old.author, old.task, old.tags);\n" \
    "    INSERT INTO models_fts(rowid, model_id, author, task, tags) VALUES (new.id, new.model_id, new.author, new.task, new.tags);\n" \
    "END;\n"

// The triggers that list the short search terms of new and changed models (ShortTerms). Not
// INSERT OR IGNORE: an upsert's conflict handling would override it inside the trigger.
#define UPTAKE_SHORT_TERM_TRIGGERS \
    "CREATE TRIGGER models_short_terms_insert AFTER INSERT ON models BEGIN\n" \
    "    INSERT INTO short_terms(term, model)\n" \
    "        SELECT value, new.id FROM json_each(uptake_short_terms(new.model_id, new.author, new.task, new.tags))\n" \
    "        WHERE value NOT IN (SELECT term FROM short_terms_common)\n" \
    "          AND NOT EXISTS (SELECT 1 FROM short_terms WHERE term = value AND model = new.id);\n" \
    "END;\n" \
    "CREATE TRIGGER models_short_terms_update AFTER UPDATE OF model_id, author, task, tags ON models BEGIN\n" \
    "    INSERT INTO short_terms(term, model)\n" \
    "        SELECT value, new.id FROM json_each(uptake_short_terms(new.model_id, new.author, new.task, new.tags))\n" \
    "        WHERE value NOT IN (SELECT term FROM short_terms_common)\n" \
    "          AND NOT EXISTS (SELECT 1 FROM short_terms WHERE term = value AND model = new.id);\n" \
    "END;\n"

// The schema versions whose step is followed by C++: ShortTerms::rebuild, refigureAllCalled.
constexpr int ShortTermsVersion = 8;
constexpr int EvidenceVersion = 9;

// Each step brings the schema from version (index) to version (index + 1).
// Never edit a step that has shipped: add a new one.
const std::array<const char *, Cache::SchemaVersion> kMigrations = {
    // 0 -> 1: catalogue, daily usage roll-ups, event keys, imported files, secret.
    R"sql(
CREATE TABLE meta(key TEXT PRIMARY KEY, value BLOB) WITHOUT ROWID;
CREATE TABLE models(
    id INTEGER PRIMARY KEY,
    model_id TEXT NOT NULL UNIQUE,
    author TEXT, name TEXT, task TEXT, framework TEXT, license TEXT, tags TEXT,
    created_at INTEGER, updated_at INTEGER,
    versions INTEGER, files INTEGER, downloads INTEGER, likes INTEGER,
    description TEXT,
    listed INTEGER NOT NULL DEFAULT 1,
    -- all-time usage figures, kept in step with usage_daily by every usage import
    calls INTEGER NOT NULL DEFAULT 0,
    failed_calls INTEGER NOT NULL DEFAULT 0,
    unique_callers INTEGER NOT NULL DEFAULT 0,
    repeat_callers INTEGER NOT NULL DEFAULT 0,
    verified_calls INTEGER NOT NULL DEFAULT 0,
    fees_nano INTEGER NOT NULL DEFAULT 0,
    first_call INTEGER, last_call INTEGER,
    active_days INTEGER NOT NULL DEFAULT 0
);
-- One row per model, UTC day (days since 1970-01-01) and pseudonymous caller.
CREATE TABLE usage_daily(
    model INTEGER NOT NULL,
    day INTEGER NOT NULL,
    caller INTEGER NOT NULL,
    calls INTEGER NOT NULL,
    failed_calls INTEGER NOT NULL DEFAULT 0,
    tee_calls INTEGER NOT NULL DEFAULT 0,
    zkml_calls INTEGER NOT NULL DEFAULT 0,
    fees_nano INTEGER NOT NULL DEFAULT 0,
    first_ts INTEGER, last_ts INTEGER,
    PRIMARY KEY(model, day, caller)
) WITHOUT ROWID;
-- 64-bit digests of every event_id seen, for de-duplication across files and imports.
CREATE TABLE event_keys(k INTEGER PRIMARY KEY);
CREATE TABLE imported_files(
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,
    path TEXT NOT NULL,
    content_hash BLOB NOT NULL,
    size INTEGER NOT NULL,
    imported_at INTEGER NOT NULL,
    rows_imported INTEGER NOT NULL DEFAULT 0,
    rows_rejected INTEGER NOT NULL DEFAULT 0,
    UNIQUE(kind, content_hash)
);
)sql",
    // 1 -> 2: indexes that let the browser sort and filter without scanning.
    R"sql(
CREATE INDEX models_by_calls ON models(calls, id);
CREATE INDEX models_by_unique ON models(unique_callers, id);
CREATE INDEX models_by_repeat ON models(repeat_callers, id);
CREATE INDEX models_by_created ON models(created_at, id);
CREATE INDEX models_by_author ON models(author, id);
CREATE INDEX models_by_task ON models(task, id);
)sql",
    // 2 -> 3: a trigram index over the searchable text, so that substring search stays fast
    // on millions of models. External content: the text lives once, in models.
    R"sql(
CREATE VIRTUAL TABLE models_fts USING fts5(model_id, author, task, tags,
    content = 'models', content_rowid = 'id', tokenize = 'trigram');
INSERT INTO models_fts(rowid, model_id, author, task, tags) SELECT id, model_id, author, task, tags FROM models;
)sql" UPTAKE_SEARCH_TRIGGERS,
    // 3 -> 4: history. Every catalogue import and every sync is a dated snapshot; listed
    // popularity (downloads, likes) is kept per snapshot, since registries only report the
    // current figure. sync_state lets a sync resume and ask for changes only.
    R"sql(
CREATE TABLE snapshots(
    id INTEGER PRIMARY KEY,
    taken_at INTEGER NOT NULL,
    kind TEXT NOT NULL,
    source TEXT
);
CREATE TABLE popularity(
    model INTEGER NOT NULL,
    snapshot INTEGER NOT NULL,
    downloads INTEGER,
    likes INTEGER,
    PRIMARY KEY(model, snapshot)
) WITHOUT ROWID;
CREATE TABLE sync_state(
    url TEXT PRIMARY KEY,
    format TEXT NOT NULL,
    next_url TEXT,
    next_page INTEGER,
    complete INTEGER NOT NULL DEFAULT 0,
    etag TEXT,
    last_modified TEXT,
    pages INTEGER NOT NULL DEFAULT 0,
    models INTEGER NOT NULL DEFAULT 0,
    updated_at INTEGER NOT NULL
) WITHOUT ROWID;
)sql",
    // 4 -> 5: usage roll-ups from a warehouse (contract 2b). They give verified calls without
    // the TEE/ZKML split, which is kept apart rather than invented; and no times of day, so
    // their rows have NULL first_ts/last_ts ("known only to the day"). A model's first_call
    // and last_call hold a REAL, the day's midnight + 0.5 s, when only the day is known.
    R"sql(
ALTER TABLE usage_daily ADD COLUMN verified_unsplit INTEGER NOT NULL DEFAULT 0;
)sql",
    // 5 -> 6: an index for every other column the browser sorts by, so that the first screen
    // of any sort walks an index instead of sorting 2 million rows (bench/browser_bench: 0.5 to
    // 1.1 s before, about 10 ms after). The names are listed in ViewQuery::sortIndex; the
    // repeat-rate expression is the one ViewQuery orders by, written the same way.
    R"sql(
CREATE INDEX models_by_versions ON models(versions, id);
CREATE INDEX models_by_repeat_rate ON models(
    (CASE WHEN unique_callers > 0 THEN CAST(repeat_callers AS REAL) / unique_callers END), id);
CREATE INDEX models_by_verified ON models(verified_calls, id);
CREATE INDEX models_by_fees ON models(fees_nano, id);
CREATE INDEX models_by_first_call ON models(first_call, id);
CREATE INDEX models_by_last_call ON models(last_call, id);
CREATE INDEX models_by_listed ON models(listed, id);
CREATE INDEX models_by_name ON models(name, id);
CREATE INDEX models_by_framework ON models(framework, id);
CREATE INDEX models_by_license ON models(license, id);
CREATE INDEX models_by_tags ON models(tags, id);
CREATE INDEX models_by_updated ON models(updated_at, id);
CREATE INDEX models_by_files ON models(files, id);
CREATE INDEX models_by_downloads ON models(downloads, id);
CREATE INDEX models_by_likes ON models(likes, id);
CREATE INDEX models_by_failed ON models(failed_calls, id);
CREATE INDEX models_by_active_days ON models(active_days, id);
)sql",
    // 6 -> 7: per-model daily totals, kept by the usage writer beside usage_daily. A usage
    // window's sums (calls, failed, verified, fees, active days, first and last call) then read
    // one row per model and day instead of one per caller, and the browser can find a window's
    // first screen from them without aggregating the whole window (WindowScreen). First and
    // last call are the sortable keys of models/db/callkey.h: 2t+1 and 2t for a time t, or the
    // day's bounds (day*172800, day*172800+172799) when a roll-up gave no time of day.
    R"sql(
CREATE TABLE model_day(
    model INTEGER NOT NULL,
    day INTEGER NOT NULL,
    calls INTEGER NOT NULL,
    failed INTEGER NOT NULL,
    verified INTEGER NOT NULL,
    fees INTEGER NOT NULL,
    f INTEGER NOT NULL,
    l INTEGER NOT NULL,
    PRIMARY KEY(model, day)
) WITHOUT ROWID;
INSERT INTO model_day(model, day, calls, failed, verified, fees, f, l)
SELECT model, day, sum(calls), sum(failed_calls), sum(tee_calls + zkml_calls + verified_unsplit), sum(fees_nano),
       min(coalesce(first_ts * 2 + 1, day * 172800)), max(coalesce(last_ts * 2, day * 172800 + 172799))
FROM usage_daily GROUP BY model, day;
)sql",
    // 7 -> 8: search for one or two characters without a scan (ShortTerms): the terms in
    // fewer than ShortTerms::commonAt() models, each with its models; the others, alone. Filled
    // by ShortTerms::rebuild after this step, then kept by the triggers.
    R"sql(
CREATE TABLE short_terms(
    term INTEGER NOT NULL,
    model INTEGER NOT NULL,
    PRIMARY KEY(term, model)
) WITHOUT ROWID;
CREATE TABLE short_terms_common(term INTEGER PRIMARY KEY);
)sql" UPTAKE_SHORT_TERM_TRIGGERS,
    // 8 -> 9: demand evidence per model (contract 3b), all time, kept by the usage writer as
    // the other figures are, each with a sort index; NULL where 3b leaves it empty. Filled by
    // refigureAllCalled after this step.
    R"sql(
ALTER TABLE models ADD COLUMN week1_retention REAL;
ALTER TABLE models ADD COLUMN week4_retention REAL;
ALTER TABLE models ADD COLUMN top_caller_share REAL;
ALTER TABLE models ADD COLUMN effective_callers REAL;
CREATE INDEX models_by_week1 ON models(week1_retention, id);
CREATE INDEX models_by_week4 ON models(week4_retention, id);
CREATE INDEX models_by_top_share ON models(top_caller_share, id);
CREATE INDEX models_by_effective ON models(effective_callers, id);
)sql",
    // 9 -> 10: supply as the Hub publishes it now (contract section 1): parameter count, base
    // models (';'-separated ids), gated (0/1), all-time downloads and the trending score, NULL
    // where the registry does not say; each with a sort index, like the other columns.
    R"sql(
ALTER TABLE models ADD COLUMN parameters INTEGER;
ALTER TABLE models ADD COLUMN base_models TEXT;
ALTER TABLE models ADD COLUMN gated INTEGER;
ALTER TABLE models ADD COLUMN downloads_all_time INTEGER;
ALTER TABLE models ADD COLUMN trending_score INTEGER;
CREATE INDEX models_by_parameters ON models(parameters, id);
CREATE INDEX models_by_base_models ON models(base_models, id);
CREATE INDEX models_by_gated ON models(gated, id);
CREATE INDEX models_by_downloads_all_time ON models(downloads_all_time, id);
CREATE INDEX models_by_trending ON models(trending_score, id);
-- Families: one row per model and each base model it names (by id, listed or not), kept by
-- CatalogueWriter; a model naming itself is not its own derivative.
CREATE TABLE model_base(
    base TEXT NOT NULL,
    model INTEGER NOT NULL,
    PRIMARY KEY(base, model)
) WITHOUT ROWID;
CREATE INDEX model_base_by_model ON model_base(model);
)sql",
    // 10 -> 11: a sync keeps the pages it fetched in a folder beside the cache and writes them
    // in growing batches (net/sync.cpp); loaded_page is the last page whose models are in the
    // cache, written in the same transaction as they are. Before, every page was loaded as it came.
    R"sql(
ALTER TABLE sync_state ADD COLUMN loaded_page INTEGER NOT NULL DEFAULT 0;
UPDATE sync_state SET loaded_page = CASE WHEN next_page > 0 THEN next_page - 1 ELSE pages END;
)sql",
};

bool hasAnyTable(Database &db)
{
    return db.queryInt("SELECT count(*) FROM sqlite_schema").value_or(0) > 0;
}

void migrate(Database &db, int from, int to)
{
    Transaction tx(db);
    for (int v = from; v < to; ++v) {
        db.exec(kMigrations[size_t(v)]);
        if (v + 1 == ShortTermsVersion)
            ShortTerms::rebuild(db);
        if (v + 1 == EvidenceVersion)
            refigureAllCalled(db);
    }
    if (from == 0) {
        QByteArray key(32, Qt::Uninitialized);
        QRandomGenerator::system()->generate(reinterpret_cast<quint32 *>(key.data()),
                                             reinterpret_cast<quint32 *>(key.data() + key.size()));
        Statement st(db, "INSERT INTO meta(key, value) VALUES('caller_secret', ?)");
        st.bindBlob(1, key).run();
        db.exec("PRAGMA application_id = " + std::to_string(Cache::ApplicationId));
    }
    db.exec("PRAGMA user_version = " + std::to_string(to));
    tx.commit();
}

// Reads the header fields; translates "not a database" into a CacheError.
std::pair<int, int> readIdentity(Database &db, const QString &path)
{
    try {
        const int appId = int(db.queryInt("PRAGMA application_id").value_or(0));
        const int version = int(db.queryInt("PRAGMA user_version").value_or(0));
        return {appId, version};
    } catch (const DbError &e) {
        const int primary = e.code() & 0xff;
        if (primary == SQLITE_NOTADB || primary == SQLITE_CORRUPT)
            throw CacheError(CacheError::Kind::Corrupt,
                             QObject::tr("%1 is not an Uptake cache (not an SQLite database, or damaged).").arg(path));
        throw CacheError(CacheError::Kind::Io, QObject::tr("%1: %2").arg(path, e.message()));
    }
}

} // namespace

namespace Cache {

QString defaultPath()
{
    // ~/.local/share/uptake/cache.sqlite on Linux ($XDG_DATA_HOME honoured), independent of
    // the organisation name that QStandardPaths::AppDataLocation would add.
    QString dir = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation);
    if (dir.isEmpty())
        dir = QDir::homePath() + QStringLiteral("/.local/share");
    return dir + QStringLiteral("/uptake/cache.sqlite");
}

void configureConnection(Database &db, LockWaitNotice notice)
{
    ShortTerms::registerFunction(db); // before any write: the triggers of models call it
    const QString path = db.path();
    db.setLockWait(LockWaitMs, notice ? std::function<void()>([path, notice] { notice(path); }) : std::function<void()>());
    db.exec("PRAGMA foreign_keys = ON; PRAGMA cache_size = -65536; PRAGMA temp_store = MEMORY;");
}

Database open(const QString &path, Database::Mode mode, LockWaitNotice notice)
{
    const QFileInfo info(path);
    if (mode == Database::Mode::ReadWrite && !info.exists())
        QDir().mkpath(info.absolutePath());
    if (mode == Database::Mode::ReadOnly && !info.exists())
        throw CacheError(CacheError::Kind::Io, QObject::tr("%1: no such cache file.").arg(path));

    Database db;
    try {
        db = Database(path, mode);
    } catch (const DbError &e) {
        throw CacheError(CacheError::Kind::Io, e.message());
    }
    const auto [appId, version] = readIdentity(db, path);
    const bool empty = !hasAnyTable(db);

    if (appId != ApplicationId && !(appId == 0 && empty))
        throw CacheError(CacheError::Kind::Foreign,
                         QObject::tr("%1 is an SQLite database of another program, not an Uptake cache; "
                                     "it was left untouched.").arg(path));
    if (version > SchemaVersion)
        throw CacheError(CacheError::Kind::TooNew,
                         QObject::tr("%1 was made by a newer Uptake (cache schema %2; this build reads up to %3). "
                                     "Update Uptake to open it.").arg(path).arg(version).arg(SchemaVersion));

    try {
        if (mode == Database::Mode::ReadWrite) {
            // WAL lets the browser read while an import writes; NORMAL sync is durable at checkpoints
            // and never corrupts on power loss in WAL mode.
            db.exec("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;");
            ShortTerms::registerFunction(db);
            if (version < SchemaVersion)
                migrate(db, version, SchemaVersion);
            db.setBeforeWriteCommit([](Database &d) {
                d.exec("INSERT INTO meta(key, value) VALUES('generation', 1)"
                       " ON CONFLICT(key) DO UPDATE SET value = value + 1");
            });
        } else if (version < SchemaVersion) {
            throw CacheError(CacheError::Kind::TooNew,
                             QObject::tr("%1 needs an upgrade, which a read-only open cannot do.").arg(path));
        }
        configureConnection(db, std::move(notice));
    } catch (const DbError &e) {
        const int primary = e.code() & 0xff;
        throw CacheError(primary == SQLITE_CORRUPT || primary == SQLITE_NOTADB ? CacheError::Kind::Corrupt
                                                                                : CacheError::Kind::Io,
                         QObject::tr("%1: %2").arg(path, e.message()));
    }
    return db;
}

RollbackJournal::RollbackJournal(Database &db)
    : m_db(db)
{
    const int wait = db.swapMaxLockWait(0); // another connection: keep the WAL, do not wait for it
    try {
        // main only: unqualified, the pragma would set the temp schema's mode too.
        Statement st(db, "PRAGMA main.journal_mode = DELETE");
        m_active = st.step() && st.text(0).compare(QLatin1String("delete"), Qt::CaseInsensitive) == 0;
    } catch (const DbError &) {
        m_active = false; // busy: the load runs in WAL
    }
    db.swapMaxLockWait(wait);
    // NORMAL is safe against power loss in WAL mode only; a rollback journal needs FULL.
    if (m_active)
        db.exec("PRAGMA main.synchronous = FULL");
    try {
        m_sortsOnDisk.reset(new ScopedPragmas(db, {{"temp_store", "FILE"}}));
    } catch (const DbError &) {
        m_sortsOnDisk.reset(); // the sorts stay in memory; the load is the same
    }
}

RollbackJournal::~RollbackJournal()
{
    m_sortsOnDisk.reset(); // temp_store as it was, before the journal mode
    if (!m_active)
        return;
    try {
        m_db.exec("PRAGMA main.journal_mode = WAL; PRAGMA main.synchronous = NORMAL;");
    } catch (const DbError &) {
        // Another connection came meanwhile; the next open of the cache sets WAL again.
    }
}

void createAtVersion(const QString &path, int version)
{
    Database db(path);
    db.exec("PRAGMA journal_mode = WAL");
    ShortTerms::registerFunction(db);
    migrate(db, 0, version);
}

std::int64_t generation(Database &db)
{
    return db.queryInt("SELECT value FROM meta WHERE key = 'generation'").value_or(0);
}

QByteArray secret(Database &db)
{
    Statement st(db, "SELECT value FROM meta WHERE key = 'caller_secret'");
    if (!st.step())
        throw DbError(QObject::tr("the cache has no caller secret"), SQLITE_CORRUPT);
    return st.blob(0);
}

BulkLoad::BulkLoad(Database &db)
    : m_db(db)
{
    std::vector<std::string> names;
    Statement st(db, "SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'models' AND sql IS NOT NULL");
    while (st.step()) {
        names.push_back(st.text(0).toStdString());
        m_indexes.push_back(st.text(1).toStdString());
    }
    for (const std::string &name : names)
        db.exec("DROP INDEX \"" + name + "\"");
    db.exec("DROP TRIGGER IF EXISTS models_fts_insert; DROP TRIGGER IF EXISTS models_fts_delete;"
            " DROP TRIGGER IF EXISTS models_fts_update; DROP TRIGGER IF EXISTS models_short_terms_insert;"
            " DROP TRIGGER IF EXISTS models_short_terms_update;");
}

void BulkLoad::finish(const std::function<void(double)> &progress)
{
    // Measured shares (the demo, real-shaped Hub records): the indexes about 0.4 of the
    // time, the trigram index 0.4, the short terms 0.2.
    auto tell = [&](double fraction) {
        if (progress)
            progress(fraction);
    };
    QElapsedTimer timer;
    timer.start();
    {
        // Each build sorts every model's key. In runs of 8 MB rather than the cache's 64 MB,
        // a helper thread sorting one run while the next is read, four builds at 2M models
        // took 7.7-8.1 s instead of 11.5-12.9 s (the sqlite3 shell, temp_store = FILE; with
        // runs in memory SQLite uses no helper), and 29 MB instead of 138 MB.
        const unsigned cores = std::max(2u, std::thread::hardware_concurrency());
        const ScopedPragmas sorting(m_db, {{"cache_size", "-8192"}, {"threads", std::to_string(std::min(cores - 1, 4u))}});
        for (size_t i = 0; i < m_indexes.size(); ++i) {
            m_db.exec(m_indexes[i]);
            tell(0.4 * double(i + 1) / double(m_indexes.size()));
        }
    }
    qCDebug(lcBulk) << m_indexes.size() << "indexes built" << timer.restart() << "ms";
    // The trigram index as 'rebuild' makes it, a slice of rows at a time (the same time in
    // all; measured), so that the bar moves through its 0.4 rather than jumping at the end.
    m_db.exec("INSERT INTO models_fts(models_fts) VALUES('delete-all');");
    Statement slice(m_db, "INSERT INTO models_fts(rowid, model_id, author, task, tags)"
                          " SELECT id, model_id, author, task, tags FROM models WHERE id >= ? AND id < ?");
    forEachIdSlice(m_db, 16, [&](std::int64_t from, std::int64_t to, double done) {
        slice.bind(1, from).bind(2, to).run();
        tell(0.4 + 0.4 * done);
    });
    m_db.exec(UPTAKE_SEARCH_TRIGGERS);
    tell(0.8);
    qCDebug(lcBulk) << "trigram index built" << timer.restart() << "ms";
    ShortTerms::rebuild(m_db);
    m_db.exec(UPTAKE_SHORT_TERM_TRIGGERS);
    tell(1.0);
    qCDebug(lcBulk) << "short terms listed" << timer.restart() << "ms";
}

void forEachIdSlice(Database &db, int slices,
                    const std::function<void(std::int64_t from, std::int64_t to, double done)> &run)
{
    const std::int64_t lo = db.queryInt("SELECT min(id) FROM models").value_or(0);
    const std::int64_t hi = db.queryInt("SELECT max(id) FROM models").value_or(-1) + 1;
    const std::int64_t step = std::max<std::int64_t>(1, (hi - lo + slices - 1) / slices);
    for (std::int64_t from = lo; from < hi; from += step) {
        const std::int64_t to = std::min(hi, from + step);
        run(from, to, double(to - lo) / double(hi - lo));
    }
}

bool worthBulkLoad(Database &db, std::int64_t rows)
{
    return rows >= 20000 && rows >= modelCount(db);
}

bool worthRollbackJournal(Database &db, std::int64_t inputBytes)
{
    const std::int64_t cacheBytes = db.queryInt("SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size()").value_or(0);
    return inputBytes >= (std::int64_t(16) << 20) && inputBytes >= cacheBytes;
}

std::int64_t beginSnapshot(Database &db, const QString &kind, const QString &source)
{
    Statement st(db, "INSERT INTO snapshots(taken_at, kind, source) VALUES(?, ?, ?)");
    st.bind(1, std::int64_t(QDateTime::currentSecsSinceEpoch())).bind(2, kind).bind(3, source).run();
    const std::int64_t id = db.lastInsertRowId();
    db.exec("CREATE TEMP TABLE IF NOT EXISTS current_snapshot(id INTEGER); DELETE FROM temp.current_snapshot;");
    Statement set(db, "INSERT INTO temp.current_snapshot(id) VALUES(?)");
    set.bind(1, id).run();
    return id;
}

void endSnapshot(Database &db)
{
    db.exec("DROP TABLE IF EXISTS temp.current_snapshot");
}

std::int64_t modelCount(Database &db)
{
    return db.queryInt("SELECT count(*) FROM models").value_or(0);
}

std::int64_t callCount(Database &db)
{
    return db.queryInt("SELECT coalesce(sum(calls), 0) FROM models").value_or(0);
}

} // namespace Cache

} // namespace uptake
