#include "ingest/ingest.h"

#include "ingest/dayruns.h"
#include "ingest/figurewriter.h"
#include "view/figures.h"

#include "db/cache.h"
#include "db/callkey.h"
#include "read/filehash.h"

#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QMessageAuthenticationCode>

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstring>
#include <functional>
#include <optional>
#include <tuple>
#include <type_traits>

#include <fcntl.h>
#include <unistd.h>

namespace uptake {

Q_LOGGING_CATEGORY(lcIngest, "uptake.ingest", QtWarningMsg)

namespace {
// Batches bound memory whatever the input size: 48 bytes a pending event or call, so 12 MB of
// events waiting for de-duplication and 48 MB of calls before they go to a run on disk.
constexpr size_t kEventBatch = 1 << 18;
constexpr size_t kCallsPerRun = 1 << 20;
constexpr size_t kDayRowsFlush = 1 << 19; // roll-up rows
// Callers and models met, kept for their lookups: at most 256k and 512k entries (16 and 32 MB
// of 32-byte slots at half load) and 32 MB of text each, then forgotten and found again.
constexpr size_t kCallerCacheLimit = 1 << 18;
constexpr size_t kModelCacheLimit = 1 << 19;
constexpr size_t kCacheTextLimit = 32 << 20;

std::int64_t first8(const QByteArray &digest)
{
    std::int64_t v;
    std::memcpy(&v, digest.constData(), sizeof v);
    return v;
}
} // namespace

CatalogueWriter::CatalogueWriter(Database &db, const QString &source)
    : m_db(db)
    , m_source(source)
    , m_upsert(db, R"sql(
INSERT INTO models(model_id, author, name, task, framework, license, tags, description,
                   created_at, updated_at, versions, files, downloads, likes, parameters, base_models,
                   gated, downloads_all_time, trending_score, listed)
VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, 1)
ON CONFLICT(model_id) DO UPDATE SET
    author = excluded.author, name = excluded.name, task = excluded.task,
    framework = excluded.framework, license = excluded.license, tags = excluded.tags,
    description = excluded.description, created_at = excluded.created_at,
    updated_at = excluded.updated_at, versions = excluded.versions, files = excluded.files,
    downloads = excluded.downloads, likes = excluded.likes, parameters = excluded.parameters,
    base_models = excluded.base_models, gated = excluded.gated,
    downloads_all_time = excluded.downloads_all_time, trending_score = excluded.trending_score, listed = 1
RETURNING id
)sql")
    , m_popularity(db, "INSERT OR REPLACE INTO popularity(model, snapshot, downloads, likes) VALUES(?, ?, ?, ?)")
    , m_clearBases(db, "DELETE FROM model_base WHERE model = ?")
    , m_addBase(db, "INSERT OR IGNORE INTO model_base(base, model) VALUES(?, ?)")
{
    const bool hasCurrent = db.queryInt("SELECT count(*) FROM temp.sqlite_schema WHERE name = 'current_snapshot'")
                                .value_or(0)
                            > 0;
    if (hasCurrent)
        m_snapshot = db.queryInt("SELECT id FROM temp.current_snapshot");
    m_linksEmpty = db.queryInt("SELECT EXISTS(SELECT 1 FROM model_base)").value_or(1) == 0;
    m_inTransaction = sqlite3_get_autocommit(db.handle()) == 0;
}

void CatalogueWriter::upsert(const ModelRecord &r)
{
    if (m_inTransaction && sqlite3_get_autocommit(m_db.handle()) != 0)
        throw DbError(QStringLiteral("the import's transaction was rolled back (interrupted)"), SQLITE_INTERRUPT);
    m_upsert.bind(1, r.modelId)
        .bind(2, r.author)
        .bind(3, r.name)
        .bind(4, r.task)
        .bind(5, r.framework)
        .bind(6, r.license)
        .bind(7, r.tags)
        .bind(8, r.description)
        .bind(9, r.createdAt)
        .bind(10, r.updatedAt)
        .bind(11, r.versions)
        .bind(12, r.files)
        .bind(13, r.downloads)
        .bind(14, r.likes)
        .bind(15, r.parameters)
        .bind(16, r.baseModels)
        .bind(18, r.downloadsAllTime)
        .bind(19, r.trendingScore);
    if (r.gated)
        m_upsert.bind(17, std::int64_t(*r.gated));
    else
        m_upsert.bindNull(17);
    if (!m_upsert.step())
        throw DbError(QStringLiteral("upsert of %1 returned no row").arg(QString::fromStdString(r.modelId)), SQLITE_ERROR);
    const std::int64_t id = m_upsert.int64(0);
    m_upsert.reset();
    ++m_written;
    // The family links follow the listing: what it names now, nothing it named before.
    if (!m_linksEmpty || m_linked.count(id))
        m_clearBases.bind(1, id).run();
    if (r.baseModels) {
        if (m_linksEmpty)
            m_linked.insert(id);
        for (const std::string_view base : TextRules::listItems(*r.baseModels))
            if (base != r.modelId)
                m_addBase.bind(1, base).bind(2, id).run();
    }
    // Listed popularity is history: keep it per snapshot.
    if (r.downloads || r.likes) {
        if (!m_snapshot) {
            Statement st(m_db, "INSERT INTO snapshots(taken_at, kind, source) VALUES(strftime('%s', 'now'), 'import', ?)");
            st.bind(1, m_source).run();
            m_snapshot = m_db.lastInsertRowId();
        }
        m_popularity.bind(1, id).bind(2, *m_snapshot).bind(3, r.downloads).bind(4, r.likes);
        m_popularity.run();
    }
}

size_t UsageWriter::DayKeyHash::operator()(const DayKey &k) const noexcept
{
    // Callers are already uniform 64-bit digests; mix in the small integers.
    std::uint64_t h = std::uint64_t(k.caller) ^ (std::uint64_t(k.model) * 0x9E3779B97F4A7C15ull);
    h ^= std::uint64_t(k.day) * 0xC2B2AE3D27D4EB4Full;
    h ^= h >> 29;
    return size_t(h);
}

CallerCounts countCallers(std::vector<std::int64_t> &dayCallers)
{
    std::sort(dayCallers.begin(), dayCallers.end());
    CallerCounts counts;
    for (size_t i = 0; i < dayCallers.size();) {
        size_t j = i + 1;
        while (j < dayCallers.size() && dayCallers[j] == dayCallers[i])
            ++j;
        ++counts.unique;
        counts.repeat += (j - i) >= 2;
        i = j;
    }
    return counts;
}



// ---------------------------------------------------------------------------------------------
// UsageWriter

std::uint64_t UsageWriter::IdMap::hash(std::string_view key) noexcept
{
    const std::uint64_t h = std::hash<std::string_view>{}(key);
    return h == 0 ? 1 : h;
}

const std::int64_t *UsageWriter::IdMap::find(std::string_view key, std::uint64_t hash) const noexcept
{
    if (m_slots.empty())
        return nullptr;
    const size_t mask = m_slots.size() - 1;
    for (size_t i = size_t(hash) & mask;; i = (i + 1) & mask) {
        const Slot &s = m_slots[i];
        if (s.hash == 0)
            return nullptr;
        if (s.hash == hash && s.length == key.size() && std::memcmp(m_arena.data() + s.offset, key.data(), key.size()) == 0)
            return &s.value;
    }
}

void UsageWriter::IdMap::insert(std::string_view key, std::uint64_t hash, std::int64_t value)
{
    if ((m_size + 1) * 2 > m_slots.size())
        grow();
    const size_t mask = m_slots.size() - 1;
    size_t i = size_t(hash) & mask;
    while (m_slots[i].hash != 0)
        i = (i + 1) & mask;
    m_slots[i] = Slot{hash, m_arena.size(), key.size(), value};
    m_arena.append(key);
    ++m_size;
}

void UsageWriter::IdMap::grow()
{
    const size_t capacity = std::max<size_t>(1024, m_slots.size() * 2);
    std::vector<Slot> old = std::exchange(m_slots, std::vector<Slot>(capacity));
    const size_t mask = m_slots.size() - 1;
    for (const Slot &s : old) {
        if (s.hash == 0)
            continue;
        size_t i = size_t(s.hash) & mask;
        while (m_slots[i].hash != 0)
            i = (i + 1) & mask;
        m_slots[i] = s;
    }
}

void UsageWriter::IdMap::clear()
{
    m_slots = {};
    m_arena = {};
    m_size = 0;
}

UsageWriter::UsageWriter(Database &db)
    : m_db(db)
    , m_secret(Cache::secret(db))
    , m_findModel(db, "SELECT id FROM models WHERE model_id = ?")
    , m_insertUnlisted(db, "INSERT INTO models(model_id, listed) VALUES(?, 0)")
    , m_insertKey(db, "INSERT OR IGNORE INTO event_keys(k) VALUES(?)")
    , m_upsertDay(db, R"sql(
INSERT INTO usage_daily(model, day, caller, calls, failed_calls, tee_calls, zkml_calls, fees_nano, first_ts, last_ts)
VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
ON CONFLICT(model, day, caller) DO UPDATE SET
    calls = calls + excluded.calls,
    failed_calls = failed_calls + excluded.failed_calls,
    tee_calls = tee_calls + excluded.tee_calls,
    zkml_calls = zkml_calls + excluded.zkml_calls,
    fees_nano = fees_nano + excluded.fees_nano,
    first_ts = CASE WHEN first_ts IS NULL THEN NULL ELSE min(first_ts, excluded.first_ts) END,
    last_ts = CASE WHEN last_ts IS NULL THEN NULL ELSE max(last_ts, excluded.last_ts) END
)sql")
    , m_hasRows(db, "SELECT 1 FROM usage_daily WHERE model = ? LIMIT 1")
    // A row from a roll-up knows no time of day: NULL first_ts/last_ts, which calls added to
    // it later keep (the roll-up's calls may lie anywhere in that day).
    , m_insertRoll(db, R"sql(
INSERT INTO usage_daily(model, day, caller, calls, failed_calls, verified_unsplit, fees_nano)
VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7)
ON CONFLICT(model, day, caller) DO NOTHING
)sql")
    , m_mergeRoll(db, R"sql(
UPDATE usage_daily SET calls = calls + ?4, failed_calls = failed_calls + ?5,
    verified_unsplit = verified_unsplit + ?6, fees_nano = fees_nano + ?7
WHERE model = ?1 AND day = ?2 AND caller = ?3
)sql")
    , m_replaceRoll(db, R"sql(
UPDATE usage_daily SET calls = ?4, failed_calls = ?5, tee_calls = 0, zkml_calls = 0, verified_unsplit = ?6,
    fees_nano = ?7, first_ts = NULL, last_ts = NULL
WHERE model = ?1 AND day = ?2 AND caller = ?3
)sql")
    , m_mac(QCryptographicHash::Sha256, m_secret)
    , m_callsPerRun(kCallsPerRun)
{
}

UsageWriter::~UsageWriter() = default;

std::int64_t UsageWriter::pseudonym(const QByteArray &secret, std::string_view normalisedCaller)
{
    const QByteArray mac = QMessageAuthenticationCode::hash(
        QByteArray::fromRawData(normalisedCaller.data(), qsizetype(normalisedCaller.size())), secret,
        QCryptographicHash::Sha256);
    return first8(mac);
}

std::int64_t UsageWriter::eventKey(std::string_view eventId)
{
    const std::string_view id = TextRules::trim(eventId);
    // One context per thread for every event (OpenSSL: the CPU's SHA instructions).
    thread_local Sha256 sha;
    sha.reset();
    sha.addData(id.data(), id.size());
    return first8(sha.result());
}

std::int64_t UsageWriter::modelRowId(std::string_view modelId)
{
    const std::string_view key = TextRules::trim(modelId);
    const std::uint64_t hash = IdMap::hash(key);
    if (const std::int64_t *id = m_models.find(key, hash))
        return *id;
    if (m_models.size() >= kModelCacheLimit || m_models.bytes() >= kCacheTextLimit)
        m_models.clear();
    std::int64_t id;
    m_findModel.bind(1, key);
    if (m_findModel.step()) {
        id = m_findModel.int64(0);
        m_findModel.reset();
    } else {
        m_findModel.reset();
        m_insertUnlisted.bind(1, key).run();
        id = m_db.lastInsertRowId();
        ++m_summary.unlistedModels;
    }
    m_models.insert(key, hash, id);
    return id;
}

std::int64_t UsageWriter::callerKey(std::string_view raw)
{
    // The raw form is the cache key (no normalisation cost on a hit); raw ids live only in memory.
    const std::string_view trimmed = TextRules::trim(raw);
    const std::uint64_t hash = IdMap::hash(trimmed);
    if (const std::int64_t *key = m_callers.find(trimmed, hash))
        return *key;
    if (m_callers.size() >= kCallerCacheLimit || m_callers.bytes() >= kCacheTextLimit)
        m_callers.clear();
    m_normalised = TextRules::normaliseCaller(trimmed);
    m_mac.reset();
    m_mac.addData(m_normalised.data(), qsizetype(m_normalised.size()));
    const std::int64_t key = first8(m_mac.result());
    m_callers.insert(trimmed, hash, key);
    return key;
}

void UsageWriter::add(const UsageEvent &e)
{
    Pending p;
    p.hasKey = !TextRules::trim(e.eventId).empty();
    p.eventKey = p.hasKey ? eventKey(e.eventId) : 0;
    p.model = modelRowId(e.modelId);
    p.caller = callerKey(e.caller);
    p.ts = e.timestamp;
    p.fee = e.feeNano;
    p.mode = e.mode;
    p.failed = e.failed;
    m_pending.push_back(p);
    if (m_pending.size() >= kEventBatch)
        processBatch();
}

void UsageWriter::addDay(const UsageDay &row)
{
    RollAgg &a = m_rollups[DayKey{modelRowId(row.modelId), row.day, callerKey(row.caller)}];
    a.calls += row.calls;
    a.failed += row.failed;
    a.verified += row.verified;
    a.fees += row.feeNano;
    m_summary.added += row.calls;
    if (m_rollups.size() >= kDayRowsFlush)
        flushRollups(false);
}

std::uint64_t UsageWriter::keyDigest(const DayKey &k)
{
    // splitmix64 steps: a collision would merge a double count instead of refusing it, so
    // mix well (2^-64 per pair).
    auto mix = [](std::uint64_t z) {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    };
    return mix(std::uint64_t(k.caller) ^ mix(std::uint64_t(k.model) * 0x9E3779B97F4A7C15ull + std::uint64_t(k.day)));
}

void UsageWriter::flushRollups(bool last)
{
    std::vector<std::pair<DayKey, RollAgg>> rows(m_rollups.begin(), m_rollups.end());
    m_rollups.clear();
    std::sort(rows.begin(), rows.end(), [](const auto &a, const auto &b) {
        return std::tie(a.first.model, a.first.day, a.first.caller) < std::tie(b.first.model, b.first.day, b.first.caller);
    });
    std::vector<std::uint64_t> run;
    const auto writtenEarlier = [this](std::uint64_t digest) {
        return std::any_of(m_rolledRuns.begin(), m_rolledRuns.end(),
                           [digest](const auto &r) { return std::binary_search(r.begin(), r.end(), digest); });
    };
    std::int64_t lastModel = -1;
    for (const auto &row : rows) {
        // Named references, not a structured binding: clang 14 cannot capture those in a lambda.
        const DayKey &k = row.first;
        const RollAgg &a = row.second;
        auto bindRow = [&](Statement &st) {
            st.bind(1, k.model).bind(2, k.day).bind(3, k.caller).bind(4, a.calls).bind(5, a.failed).bind(6, a.verified).bind(7, a.fees);
            st.run();
        };
        bindRow(m_insertRoll);
        bool written = m_db.changes() > 0;
        if (!written) {
            const std::uint64_t digest = keyDigest(k);
            if (writtenEarlier(digest)) {
                bindRow(m_mergeRoll);
                --m_summary.dayRows; // counted when first written
            } else if (m_replaceDays) {
                bindRow(m_replaceRoll);
                ++m_summary.replaced;
                written = true;
            } else {
                if (m_summary.conflicts == 0 || k.day < m_summary.firstConflictDay) {
                    m_summary.firstConflictDay = k.day;
                    Statement name(m_db, "SELECT model_id FROM models WHERE id = ?");
                    name.bind(1, k.model);
                    m_summary.firstConflictModel = name.step() ? std::string(name.textView(0)) : std::string();
                }
                ++m_summary.conflicts;
                m_summary.added -= a.calls;
                continue;
            }
        }
        ++m_summary.dayRows;
        m_maxDay = std::max(m_maxDay, k.day);
        if (written && !last)
            run.push_back(keyDigest(k));
        if (k.model != lastModel) {
            m_touched.push_back(k.model);
            lastModel = k.model;
        }
    }
    if (!run.empty()) {
        std::sort(run.begin(), run.end());
        m_rolledRuns.push_back(std::move(run));
    }
}

void UsageWriter::processBatch()
{
    QElapsedTimer timer;
    timer.start();
    // Insert this batch's event keys in key order (B-tree friendly); a key already present,
    // from an earlier import or earlier in this batch, marks its event a duplicate.
    std::vector<std::pair<std::int64_t, std::uint32_t>> keyed;
    keyed.reserve(m_pending.size());
    for (std::uint32_t i = 0; i < m_pending.size(); ++i)
        if (m_pending[i].hasKey)
            keyed.emplace_back(m_pending[i].eventKey, i);
    // Stable on index, so the first occurrence in the file is the one kept.
    std::sort(keyed.begin(), keyed.end());
    std::vector<bool> duplicate(m_pending.size(), false);
    for (size_t i = 0; i < keyed.size(); ++i) {
        if (i > 0 && keyed[i].first == keyed[i - 1].first) {
            duplicate[keyed[i].second] = true;
            continue;
        }
        m_insertKey.bind(1, keyed[i].first).run();
        if (m_db.changes() == 0)
            duplicate[keyed[i].second] = true;
    }

    for (size_t i = 0; i < m_pending.size(); ++i) {
        if (duplicate[i]) {
            ++m_summary.duplicates;
            continue;
        }
        const Pending &p = m_pending[i];
        std::int64_t day = p.ts / 86400;
        if (p.ts % 86400 < 0)
            --day;
        m_calls.push_back(Call{p.model, day, p.caller, p.ts, p.fee, p.mode, p.failed});
        m_maxDay = std::max(m_maxDay, day);
        ++m_summary.added;
        if (m_calls.size() >= m_callsPerRun)
            spillCalls();
    }
    qCDebug(lcIngest) << "batch of" << m_pending.size() << "events" << timer.restart() << "ms";
    m_pending.clear();
}

namespace {
template<typename Call>
void sortCalls(std::vector<Call> &calls)
{
    std::sort(calls.begin(), calls.end(), [](const Call &a, const Call &b) {
        return std::tie(a.model, a.day, a.caller) < std::tie(b.model, b.day, b.caller);
    });
}
} // namespace

void UsageWriter::spillCalls()
{
    QElapsedTimer timer;
    timer.start();
    // Written to usage_daily at once, each flush would rewrite pages all over the table (and
    // the event keys') again; sorted runs merged at the end write each page once.
    sortCalls(m_calls);
    if (!m_runs)
        m_runs = std::make_unique<DayRuns>(m_db.path());
    m_runs->beginRun();
    CallsCursor<Call> cursor(m_calls);
    DayRow row;
    while (cursor.next(row))
        m_runs->append(row);
    m_runs->endRun();
    m_calls.clear();
    qCDebug(lcIngest) << "spilled run" << m_runs->runs() << "of day rows" << timer.elapsed() << "ms";
}

void UsageWriter::writeCalls()
{
    sortCalls(m_calls);
    // How far the merge is: the rows its inputs gave of all they hold (the calls in memory
    // make one row a key).
    std::uint64_t total = m_runs ? m_runs->rows() : 0, taken = 0;
    for (size_t i = 0; i < m_calls.size(); ++i)
        if (i == 0 || m_calls[i].model != m_calls[i - 1].model || m_calls[i].day != m_calls[i - 1].day
            || m_calls[i].caller != m_calls[i - 1].caller)
            ++total;
    std::vector<std::unique_ptr<RowCursor>> cursors;
    for (size_t i = 0; m_runs && i < m_runs->runs(); ++i)
        cursors.push_back(std::make_unique<CountingCursor>(m_runs->cursor(i), taken));
    cursors.push_back(std::make_unique<CountingCursor>(std::make_unique<CallsCursor<Call>>(m_calls), taken));
    std::uint64_t nextReport = 0;

    // A model without rows before these gets its figures from this stream; the others are
    // read back from usage_daily afterwards (updateModelFigures).
    FigureWriter figures(m_db, m_evidenceEnd);
    std::int64_t model = -1, freshModels = 0;
    bool fresh = false;
    mergeRows(cursors, [&](const DayRow &r) {
        if (m_finishProgress && taken >= nextReport) {
            m_finishProgress(std::int64_t(taken), std::int64_t(total));
            nextReport = taken + 8192;
        }
        if (r.model != model) {
            if (fresh)
                figures.end();
            model = r.model;
            m_hasRows.bind(1, model);
            fresh = !m_hasRows.step();
            m_hasRows.reset();
            if (fresh) {
                figures.begin(model, FigureWriter::Days::New);
                ++freshModels;
            } else {
                m_touched.push_back(model);
            }
        }
        m_upsertDay.bind(1, r.model)
            .bind(2, r.day)
            .bind(3, r.caller)
            .bind(4, r.calls)
            .bind(5, r.failed)
            .bind(6, r.tee)
            .bind(7, r.zkml)
            .bind(8, r.fees)
            .bind(9, r.first)
            .bind(10, r.last);
        m_upsertDay.run();
        if (fresh)
            figures.add(r.day, r.caller, r.calls, r.failed, r.tee + r.zkml, r.fees, CallKey::first(r.first),
                        CallKey::last(r.last));
    });
    if (fresh)
        figures.end();
    if (m_finishProgress)
        m_finishProgress(std::int64_t(total), std::int64_t(total));
    qCDebug(lcIngest) << "figures of" << freshModels << "models without earlier rows written from the stream";
    m_calls = {};
    m_runs.reset();
}

UsageSummary UsageWriter::finish()
{
    QElapsedTimer timer;
    timer.start();
    processBatch();
    // Roll-up rows first: the conflict check is against the cache as it was, and a model they
    // reach is then not fresh for writeCalls.
    flushRollups(true);
    m_rolledRuns = {};
    if (m_summary.conflicts > 0)
        return m_summary; // the caller refuses the input and rolls back: no figures needed
    qCDebug(lcIngest) << "final batch and roll-ups" << timer.restart() << "ms";
    // The evidence end after this import. Where it moves, callers of models this import does
    // not reach become eligible for week 1 or 4: those models' retention is refigured too.
    const std::optional<std::pair<std::int64_t, std::int64_t>> before = Figures::usageDays(m_db);
    m_evidenceEnd = before ? std::max(before->second, m_maxDay) : m_maxDay;
    std::vector<std::int64_t> endMoved;
    if (before && m_evidenceEnd > before->second)
        endMoved = modelsWithNewlyEligibleCallers(before->second, m_evidenceEnd);
    qCDebug(lcIngest) << endMoved.size() << "models with callers newly eligible" << timer.restart() << "ms";
    writeCalls();
    qCDebug(lcIngest) << "day rows written in key order" << timer.restart() << "ms";
    std::sort(m_touched.begin(), m_touched.end());
    m_touched.erase(std::unique(m_touched.begin(), m_touched.end()), m_touched.end());
    refigureModels(m_db, m_touched, m_evidenceEnd, true);
    qCDebug(lcIngest) << "per-model figures read back for" << m_touched.size() << "models" << timer.restart() << "ms";
    // Those the import reached have just been refigured.
    std::vector<std::int64_t> untouched;
    std::set_difference(endMoved.begin(), endMoved.end(), m_touched.begin(), m_touched.end(),
                        std::back_inserter(untouched));
    refigureModels(m_db, untouched, m_evidenceEnd, false);
    qCDebug(lcIngest) << "retention refigured for" << untouched.size() << "models the import did not reach"
                      << timer.restart() << "ms";
    m_touched.clear();
    return m_summary;
}

std::vector<std::int64_t> UsageWriter::modelsWithNewlyEligibleCallers(std::int64_t oldEnd, std::int64_t newEnd)
{
    // A caller first seen on day f is eligible for period k once f + 7k + 6 <= E: moving E from
    // oldEnd to newEnd brings in f in (oldEnd - 7k - 6, newEnd - 7k - 6] for k = 1 and 4. Its
    // first day is a day of the model's daily totals (read before this import adds any).
    Statement st(m_db, "SELECT DISTINCT model FROM model_day WHERE (day > ?1 - 13 AND day <= ?2 - 13)"
                       " OR (day > ?1 - 34 AND day <= ?2 - 34) ORDER BY model");
    st.bind(1, oldEnd).bind(2, newEnd);
    std::vector<std::int64_t> models;
    while (st.step())
        models.push_back(st.int64(0));
    return models;
}

} // namespace uptake
