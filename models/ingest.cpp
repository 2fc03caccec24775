#include "ingest.h"

#include "cache.h"

#include <QCryptographicHash>
#include <QMessageAuthenticationCode>

#include <algorithm>
#include <cstring>

namespace {
// Batches bound memory whatever the input size: ~64 bytes a pending event, ~100 a day row.
constexpr size_t kEventBatch = 1 << 18;
constexpr size_t kDayRowsFlush = 1 << 19;
constexpr size_t kCallerCacheLimit = 1 << 20;

std::int64_t first8(const QByteArray &digest)
{
    std::int64_t v;
    std::memcpy(&v, digest.constData(), sizeof v);
    return v;
}
} // namespace

CatalogueWriter::CatalogueWriter(Database &db)
    : m_db(db)
    , m_upsert(db, R"sql(
INSERT INTO models(model_id, author, name, task, framework, license, tags, description,
                   created_at, updated_at, versions, files, downloads, likes, listed)
VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, 1)
ON CONFLICT(model_id) DO UPDATE SET
    author = excluded.author, name = excluded.name, task = excluded.task,
    framework = excluded.framework, license = excluded.license, tags = excluded.tags,
    description = excluded.description, created_at = excluded.created_at,
    updated_at = excluded.updated_at, versions = excluded.versions, files = excluded.files,
    downloads = excluded.downloads, likes = excluded.likes, listed = 1
)sql")
{
}

void CatalogueWriter::upsert(const ModelRecord &r)
{
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
        .bind(14, r.likes);
    m_upsert.run();
    ++m_written;
}

size_t UsageWriter::DayKeyHash::operator()(const DayKey &k) const noexcept
{
    // Callers are already uniform 64-bit digests; mix in the small integers.
    std::uint64_t h = std::uint64_t(k.caller) ^ (std::uint64_t(k.model) * 0x9E3779B97F4A7C15ull);
    h ^= std::uint64_t(k.day) * 0xC2B2AE3D27D4EB4Full;
    h ^= h >> 29;
    return size_t(h);
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
    first_ts = min(coalesce(first_ts, excluded.first_ts), excluded.first_ts),
    last_ts = max(coalesce(last_ts, excluded.last_ts), excluded.last_ts)
)sql")
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
    return first8(QCryptographicHash::hash(QByteArrayView(id.data(), qsizetype(id.size())),
                                           QCryptographicHash::Sha256));
}

std::int64_t UsageWriter::modelRowId(std::string_view modelId)
{
    const std::string key(TextRules::trim(modelId));
    if (auto it = m_models.find(key); it != m_models.end())
        return it->second;
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
    m_models.emplace(key, id);
    return id;
}

std::int64_t UsageWriter::callerKey(std::string_view raw)
{
    std::string norm = TextRules::normaliseCaller(raw);
    if (auto it = m_callers.find(norm); it != m_callers.end())
        return it->second;
    if (m_callers.size() >= kCallerCacheLimit)
        m_callers.clear();
    const std::int64_t key = pseudonym(m_secret, norm);
    m_callers.emplace(std::move(norm), key);
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

void UsageWriter::processBatch()
{
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
        DayAgg &a = m_days[DayKey{p.model, day, p.caller}];
        if (a.calls == 0 || p.ts < a.first)
            a.first = p.ts;
        if (a.calls == 0 || p.ts > a.last)
            a.last = p.ts;
        ++a.calls;
        a.failed += p.failed;
        a.tee += p.mode == TextRules::Mode::Tee;
        a.zkml += p.mode == TextRules::Mode::Zkml;
        a.fees += p.fee;
        ++m_summary.added;
    }
    m_pending.clear();
    if (m_days.size() >= kDayRowsFlush)
        flushDays();
}

void UsageWriter::flushDays()
{
    std::vector<std::pair<DayKey, DayAgg>> rows(m_days.begin(), m_days.end());
    m_days.clear();
    std::sort(rows.begin(), rows.end(), [](const auto &a, const auto &b) {
        return std::tie(a.first.model, a.first.day, a.first.caller) < std::tie(b.first.model, b.first.day, b.first.caller);
    });
    std::int64_t lastModel = -1;
    for (const auto &[k, a] : rows) {
        m_upsertDay.bind(1, k.model)
            .bind(2, k.day)
            .bind(3, k.caller)
            .bind(4, a.calls)
            .bind(5, a.failed)
            .bind(6, a.tee)
            .bind(7, a.zkml)
            .bind(8, a.fees)
            .bind(9, a.first)
            .bind(10, a.last);
        m_upsertDay.run();
        if (k.model != lastModel) {
            m_touched.push_back(k.model);
            lastModel = k.model;
        }
    }
}

UsageSummary UsageWriter::finish()
{
    processBatch();
    flushDays();
    std::sort(m_touched.begin(), m_touched.end());
    m_touched.erase(std::unique(m_touched.begin(), m_touched.end()), m_touched.end());

    m_db.exec("CREATE TEMP TABLE IF NOT EXISTS touched_models(id INTEGER PRIMARY KEY); DELETE FROM temp.touched_models;");
    Statement touch(m_db, "INSERT OR IGNORE INTO temp.touched_models(id) VALUES(?)");
    for (std::int64_t id : m_touched)
        touch.bind(1, id).run();
    // Per-caller first, then per model: repeat callers are callers on two or more distinct days.
    m_db.exec(R"sql(
WITH per_caller AS (
    SELECT model, caller, count(*) AS days, sum(calls) AS calls, sum(failed_calls) AS failed,
           sum(tee_calls + zkml_calls) AS verified, sum(fees_nano) AS fees,
           min(first_ts) AS first_ts, max(last_ts) AS last_ts
    FROM usage_daily WHERE model IN (SELECT id FROM temp.touched_models)
    GROUP BY model, caller
), per_model AS (
    SELECT model, sum(calls) AS calls, sum(failed) AS failed, count(*) AS uc, sum(days >= 2) AS rc,
           sum(verified) AS verified, sum(fees) AS fees, min(first_ts) AS first_ts, max(last_ts) AS last_ts
    FROM per_caller GROUP BY model
)
UPDATE models SET calls = p.calls, failed_calls = p.failed, unique_callers = p.uc, repeat_callers = p.rc,
    verified_calls = p.verified, fees_nano = p.fees, first_call = p.first_ts, last_call = p.last_ts,
    active_days = (SELECT count(DISTINCT day) FROM usage_daily WHERE model = p.model)
FROM per_model AS p WHERE models.id = p.model;
DELETE FROM temp.touched_models;
)sql");
    m_touched.clear();
    return m_summary;
}
