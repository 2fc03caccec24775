#pragma once

#include "db/database.h"
#include "text/textrules.h"

#include <QByteArray>
#include <QCryptographicHash>
#include <QMessageAuthenticationCode>

#include <algorithm>
#include <cstdint>
#include <functional>
#include <limits>
#include <optional>
#include <string>
#include <unordered_set>
#include <string_view>
#include <unordered_map>
#include <memory>
#include <vector>

namespace uptake {

// The one way data enters the cache. File importers, the demo generator and sync
// all parse into these records and hand them to the writers; nothing else writes
// the catalogue or usage tables. The caller owns the transaction.

struct ModelRecord
{
    std::string modelId;
    std::optional<std::string> author, name, task, framework, license, tags, description;
    std::optional<std::int64_t> createdAt, updatedAt; // Unix seconds UTC
    std::optional<std::int64_t> versions, files, downloads, likes;
    // Supply as the Hub publishes it now (contract section 1); baseModels ';'-separated ids.
    std::optional<std::int64_t> parameters, downloadsAllTime, trendingScore;
    std::optional<std::string> baseModels;
    std::optional<bool> gated;
};

class CatalogueWriter final
{
public:
    // Writes under the connection's current snapshot (Cache::beginSnapshot), or starts an
    // "import" snapshot of its own with the first record.
    explicit CatalogueWriter(Database &db, const QString &source = {});
    // Insert, or update in place by model_id (a model seen only in usage becomes listed).
    void upsert(const ModelRecord &record);
    std::int64_t written() const { return m_written; }

private:
    Database &m_db;
    QString m_source;
    Statement m_upsert;
    Statement m_popularity;
    Statement m_clearBases, m_addBase;
    // With no family links in the cache at the start, a model can only have the links this
    // writer gave it: the others need no delete (one index lookup a model at 2M).
    bool m_linksEmpty = false;
    // Whether it writes inside a transaction: SQLite rolls one back by itself when a write is
    // interrupted (a cancel), and a write after that would commit on its own.
    bool m_inTransaction = false;
    std::unordered_set<std::int64_t> m_linked;
    std::optional<std::int64_t> m_snapshot;
    std::int64_t m_written = 0;
};

struct UsageEvent
{
    std::int64_t timestamp = 0; // Unix seconds UTC
    std::string_view modelId;
    std::string_view caller; // raw; normalised and pseudonymised by the writer
    std::string_view eventId; // empty when the input has none
    TextRules::Mode mode = TextRules::Mode::Vanilla;
    std::int64_t feeNano = 0;
    bool failed = false;
};

// One row of a usage roll-up (contract 2b): the calls of one model by one caller on one
// UTC day, already de-duplicated by whoever rolled them up. No times of day, and verified
// calls without the TEE/ZKML split: the writer stores what is known and nothing more.
struct UsageDay
{
    std::int64_t day = 0; // days since 1970-01-01
    std::string_view modelId;
    std::string_view caller; // raw; normalised and pseudonymised by the writer
    std::int64_t calls = 0; // >= 1
    std::int64_t failed = 0; // <= calls
    std::int64_t verified = 0; // <= calls
    std::int64_t feeNano = 0;
};

struct UsageSummary
{
    std::int64_t added = 0; // calls added, raw or rolled up
    std::int64_t duplicates = 0;
    std::int64_t unlistedModels = 0; // model ids first seen in usage, not in the catalogue
    // Roll-ups: rows written (after merging rows whose callers normalise alike), rows that
    // replaced the cache's (with replaceDays), and rows refused because the cache already
    // had that model, caller and day, which would count those calls twice.
    std::int64_t dayRows = 0;
    std::int64_t replaced = 0;
    std::int64_t conflicts = 0;
    std::int64_t firstConflictDay = 0; // the earliest refused day, when conflicts > 0
    std::string firstConflictModel;
};

// Unique and repeat callers of one model from its (day, caller) rows, one caller entry per
// row: sorted, a caller's run is its number of active days. Sorts the vector.
struct CallerCounts
{
    std::int64_t unique = 0, repeat = 0;
};
CallerCounts countCallers(std::vector<std::int64_t> &dayCallers);

// First and last call from their sortable keys (models/db/callkey.h), bound as stored: Unix
// seconds, or the day's midnight + 0.5 s (a REAL) when only the day is known (schema 5).
void bindFirstCall(Statement &st, int index, std::int64_t key);
void bindLastCall(Statement &st, int index, std::int64_t key);

class DayRuns;

class UsageWriter final
{
public:
    explicit UsageWriter(Database &db);
    ~UsageWriter();
    UsageWriter(const UsageWriter &) = delete;
    UsageWriter &operator=(const UsageWriter &) = delete;

    // Buffered: duplicates are only known after the batch holding the event is written.
    void add(const UsageEvent &event);
    // A roll-up row. By default a row whose model, caller and day the cache already holds is
    // refused (finish() reports it in conflicts and writes nothing for it); with
    // replaceDays it replaces the cache's row. Rows of this writer never conflict with each
    // other: those that meet (callers that normalise alike) are summed.
    void addDay(const UsageDay &row);
    void setReplaceDays(bool replace) { m_replaceDays = replace; }
    // Calls held in memory before they go, summed into day rows, to a sorted run on disk
    // (48 bytes a call; 1M by default). Smaller costs more runs to merge, not other results.
    void setCallsPerRun(size_t calls) { m_callsPerRun = std::max<size_t>(1, calls); }
    // Writes what is buffered and brings the per-model figures up to date. When some
    // roll-up rows conflicted (see addDay), returns early without the figures: the caller
    // is to roll back.
    UsageSummary finish();
    // Told, while finish() writes the day rows (most of its time), how many of about how
    // many are in; it may throw Cancelled, and the caller's transaction rolls back.
    void setFinishProgress(std::function<void(std::int64_t done, std::int64_t total)> progress)
    {
        m_finishProgress = std::move(progress);
    }

    // The keyed pseudonym of a normalised caller, as stored in usage_daily.caller.
    static std::int64_t pseudonym(const QByteArray &secret, std::string_view normalisedCaller);
    static std::int64_t eventKey(std::string_view eventId);

private:
    struct Pending
    {
        std::int64_t eventKey; // 0 = none
        std::int64_t model;
        std::int64_t caller;
        std::int64_t ts;
        std::int64_t fee;
        TextRules::Mode mode;
        bool failed;
        bool hasKey;
    };
    struct DayKey
    {
        std::int64_t model, day, caller;
        bool operator==(const DayKey &o) const { return model == o.model && day == o.day && caller == o.caller; }
    };
    struct DayKeyHash
    {
        size_t operator()(const DayKey &k) const noexcept;
    };
    struct Call
    {
        std::int64_t model, day, caller, ts, fee;
        TextRules::Mode mode;
        bool failed;
    };
    struct RollAgg
    {
        std::int64_t calls = 0, failed = 0, verified = 0, fees = 0;
    };

    // A string -> id map for the per-event lookups of model and caller: open addressing over
    // one byte arena, so a lookup is a hash, nearly always one probe and one compare, and an
    // entry costs its bytes plus 32, not a heap node and a heap string.
    class IdMap
    {
    public:
        static std::uint64_t hash(std::string_view key) noexcept;
        const std::int64_t *find(std::string_view key, std::uint64_t hash) const noexcept;
        void insert(std::string_view key, std::uint64_t hash, std::int64_t value);
        size_t size() const { return m_size; }
        size_t bytes() const { return m_arena.size(); }
        void clear();

    private:
        struct Slot
        {
            std::uint64_t hash = 0; // 0: empty
            std::uint64_t offset = 0;
            std::uint64_t length = 0;
            std::int64_t value = 0;
        };
        void grow();
        std::vector<Slot> m_slots;
        std::string m_arena;
        size_t m_size = 0;
    };

    std::int64_t modelRowId(std::string_view modelId);
    std::int64_t callerKey(std::string_view raw);
    void processBatch();
    void spillCalls();
    void writeCalls();
    void flushRollups(bool last);
    static std::uint64_t keyDigest(const DayKey &k);

    Database &m_db;
    QByteArray m_secret;
    Statement m_findModel, m_insertUnlisted, m_insertKey, m_upsertDay, m_hasRows;
    Statement m_insertRoll, m_mergeRoll, m_replaceRoll;

    std::vector<std::int64_t> modelsWithNewlyEligibleCallers(std::int64_t oldEnd, std::int64_t newEnd);

    IdMap m_models;
    IdMap m_callers;
    QMessageAuthenticationCode m_mac;
    std::string m_normalised;
    std::vector<Pending> m_pending;
    // Calls that passed de-duplication, in file order until spilled: sorted by (model, day,
    // caller), summed into day rows and written to a run of DayRuns. finish() merges the runs
    // and writes usage_daily once, in key order.
    std::vector<Call> m_calls;
    size_t m_callsPerRun;
    std::unique_ptr<DayRuns> m_runs;
    std::function<void(std::int64_t, std::int64_t)> m_finishProgress;
    // Models whose figures finish() reads back from usage_daily: those that had rows before
    // this writer's day rows reached them.
    std::vector<std::int64_t> m_touched;
    std::unordered_map<DayKey, RollAgg, DayKeyHash> m_rollups;
    // Digests of the roll-up rows written by earlier flushes of this writer, one sorted run
    // per flush (no merge buffer): a later row meeting one of them is the same input's, to
    // be summed, not a double count. 8 bytes a row, only for inputs of several flushes.
    std::vector<std::vector<std::uint64_t>> m_rolledRuns;
    bool m_replaceDays = false;
    // The last day of this writer's rows, and the cache's evidence end once they are in.
    std::int64_t m_maxDay = std::numeric_limits<std::int64_t>::min();
    std::int64_t m_evidenceEnd = 0;
    UsageSummary m_summary;
};

} // namespace uptake
