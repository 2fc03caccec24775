#include "ingest.h"

#include "cache.h"
#include "filehash.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QMessageAuthenticationCode>

#include <algorithm>
#include <climits>
#include <optional>
#include <cstring>

Q_LOGGING_CATEGORY(lcIngest, "uptake.ingest", QtWarningMsg)

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

CatalogueWriter::CatalogueWriter(Database &db, const QString &source)
    : m_db(db)
    , m_source(source)
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
RETURNING id
)sql")
    , m_popularity(db, "INSERT OR REPLACE INTO popularity(model, snapshot, downloads, likes) VALUES(?, ?, ?, ?)")
{
    const bool hasCurrent = db.queryInt("SELECT count(*) FROM temp.sqlite_schema WHERE name = 'current_snapshot'")
                                .value_or(0)
                            > 0;
    if (hasCurrent)
        m_snapshot = db.queryInt("SELECT id FROM temp.current_snapshot");
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
    if (!m_upsert.step())
        throw DbError(QStringLiteral("upsert of %1 returned no row").arg(QString::fromStdString(r.modelId)), SQLITE_ERROR);
    const std::int64_t id = m_upsert.int64(0);
    m_upsert.reset();
    ++m_written;
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

void bindFirstCall(Statement &st, int index, std::int64_t key)
{
    if (key % 2 == 0)
        st.bind(index, double(key / 2) + 0.5);
    else
        st.bind(index, (key - 1) / 2);
}

void bindLastCall(Statement &st, int index, std::int64_t key)
{
    if (key % 2 != 0)
        st.bind(index, double((key - 172799) / 2) + 0.5);
    else
        st.bind(index, key / 2);
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
    Sha256 sha; // the CPU's SHA instructions where present: several times Qt's speed
    sha.addData(id.data(), id.size());
    return first8(sha.result());
}

std::int64_t UsageWriter::modelRowId(std::string_view modelId)
{
    const std::string_view key = TextRules::trim(modelId);
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
    m_models.emplace(std::string(key), id);
    return id;
}

std::int64_t UsageWriter::callerKey(std::string_view raw)
{
    // The raw form is the cache key (no normalisation cost on a hit); raw ids live only in memory.
    const std::string_view trimmed = TextRules::trim(raw);
    if (auto it = m_callers.find(trimmed); it != m_callers.end())
        return it->second;
    if (m_callers.size() >= kCallerCacheLimit)
        m_callers.clear();
    m_normalised = TextRules::normaliseCaller(trimmed);
    m_mac.reset();
    m_mac.addData(m_normalised.data(), qsizetype(m_normalised.size()));
    const std::int64_t key = first8(m_mac.result());
    m_callers.emplace(std::string(trimmed), key);
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
    qCDebug(lcIngest) << "batch of" << m_pending.size() << "events" << timer.restart() << "ms";
    m_pending.clear();
    if (m_days.size() >= kDayRowsFlush) {
        flushDays();
        qCDebug(lcIngest) << "flushed day rows" << timer.restart() << "ms";
    }
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
    QElapsedTimer timer;
    timer.start();
    processBatch();
    flushDays();
    flushRollups(true);
    m_rolledRuns = {};
    qCDebug(lcIngest) << "final batch and flush" << timer.restart() << "ms";
    if (m_summary.conflicts > 0)
        return m_summary; // the caller refuses the input and rolls back: no figures needed
    std::sort(m_touched.begin(), m_touched.end());
    m_touched.erase(std::unique(m_touched.begin(), m_touched.end()), m_touched.end());

    updateModelFigures();
    qCDebug(lcIngest) << "per-model figures for" << m_touched.size() << "models" << timer.restart() << "ms";
    m_touched.clear();
    return m_summary;
}

void UsageWriter::updateModelFigures()
{
    // One walk of each touched model's rows in primary-key order (model, day, caller):
    // distinct days come sorted; callers are counted in a per-model map. Much cheaper
    // than GROUP BY model, caller, which needs a sort of the whole range.
    Statement rows(m_db, "SELECT day, caller, calls, failed_calls, tee_calls + zkml_calls + verified_unsplit, fees_nano,"
                         " first_ts, last_ts FROM usage_daily WHERE model = ?");
    Statement update(m_db, "UPDATE models SET calls = ?2, failed_calls = ?3, unique_callers = ?4, repeat_callers = ?5,"
                           " verified_calls = ?6, fees_nano = ?7, first_call = ?8, last_call = ?9, active_days = ?10"
                           " WHERE id = ?1");
    // The model's daily totals (model_day) are written again from the same walk.
    Statement clearDays(m_db, "DELETE FROM model_day WHERE model = ?");
    Statement insertDay(m_db, "INSERT INTO model_day(model, day, calls, failed, verified, fees, f, l)"
                              " VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
    struct DayTotals
    {
        std::int64_t day = 0, calls = 0, failed = 0, verified = 0, fees = 0, f = 0, l = 0;
    };
    DayTotals today;
    auto writeDay = [&](std::int64_t model) {
        insertDay.bind(1, model)
            .bind(2, today.day)
            .bind(3, today.calls)
            .bind(4, today.failed)
            .bind(5, today.verified)
            .bind(6, today.fees)
            .bind(7, today.f)
            .bind(8, today.l)
            .run();
    };
    // Callers of one model, one entry per (day, caller) row; sorted, a caller's run length
    // is its number of active days. A vector, because clearing a hash map costs as much
    // as its largest size ever, which the busiest model then imposes on every other one.
    std::vector<std::int64_t> callers;
    for (const std::int64_t model : m_touched) {
        callers.clear();
        std::int64_t calls = 0, failed = 0, verified = 0, fees = 0, activeDays = 0, lastDay = INT64_MIN;
        // First and last call as sortable keys: a time t is 2t+1 (first) or 2t (last); a day
        // known only as a day (roll-ups, NULL times) sorts before (first) or after (last)
        // every time of that day, since its calls may lie anywhere in it.
        std::optional<std::int64_t> first, last;
        clearDays.bind(1, model).run();
        rows.bind(1, model);
        while (rows.step()) {
            const std::int64_t day = rows.int64(0);
            const std::int64_t f = rows.isNull(6) ? day * 172800 : rows.int64(6) * 2 + 1;
            const std::int64_t l = rows.isNull(7) ? day * 172800 + 172799 : rows.int64(7) * 2;
            if (day != lastDay) {
                if (activeDays > 0)
                    writeDay(model);
                today = DayTotals{day, 0, 0, 0, 0, f, l};
                ++activeDays;
                lastDay = day;
            }
            callers.push_back(rows.int64(1));
            const std::int64_t c = rows.int64(2), fl = rows.int64(3), v = rows.int64(4), fee = rows.int64(5);
            calls += c;
            failed += fl;
            verified += v;
            fees += fee;
            today.calls += c;
            today.failed += fl;
            today.verified += v;
            today.fees += fee;
            today.f = std::min(today.f, f);
            today.l = std::max(today.l, l);
            if (!first || f < *first)
                first = f;
            if (!last || l > *last)
                last = l;
        }
        rows.reset();
        if (activeDays > 0)
            writeDay(model);
        const CallerCounts counted = countCallers(callers);
        update.bind(1, model)
            .bind(2, calls)
            .bind(3, failed)
            .bind(4, counted.unique)
            .bind(5, counted.repeat)
            .bind(6, verified)
            .bind(7, fees)
            .bind(10, activeDays);
        if (first)
            bindFirstCall(update, 8, *first);
        else
            update.bindNull(8);
        if (last)
            bindLastCall(update, 9, *last);
        else
            update.bindNull(9);
        update.run();
    }
}
