#pragma once

#include "database.h"
#include "textrules.h"

#include <QByteArray>
#include <QCryptographicHash>
#include <QMessageAuthenticationCode>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

// The one way data enters the cache. File importers, the demo generator and sync
// all parse into these records and hand them to the writers; nothing else writes
// the catalogue or usage tables. The caller owns the transaction.

struct ModelRecord
{
    std::string modelId;
    std::optional<std::string> author, name, task, framework, license, tags, description;
    std::optional<std::int64_t> createdAt, updatedAt; // Unix seconds UTC
    std::optional<std::int64_t> versions, files, downloads, likes;
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

struct UsageSummary
{
    std::int64_t added = 0;
    std::int64_t duplicates = 0;
    std::int64_t unlistedModels = 0; // model ids first seen in usage, not in the catalogue
};

class UsageWriter final
{
public:
    explicit UsageWriter(Database &db);
    ~UsageWriter();
    UsageWriter(const UsageWriter &) = delete;
    UsageWriter &operator=(const UsageWriter &) = delete;

    // Buffered: duplicates are only known after the batch holding the event is written.
    void add(const UsageEvent &event);
    // Writes what is buffered and brings the per-model figures up to date.
    UsageSummary finish();

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
    struct DayAgg
    {
        std::int64_t calls = 0, failed = 0, tee = 0, zkml = 0, fees = 0, first = 0, last = 0;
    };

    std::int64_t modelRowId(std::string_view modelId);
    std::int64_t callerKey(std::string_view raw);
    void processBatch();
    void flushDays();

    Database &m_db;
    QByteArray m_secret;
    Statement m_findModel, m_insertUnlisted, m_insertKey, m_upsertDay;
    // Heterogeneous lookup: find by string_view without building a std::string per event.
    struct StringHash
    {
        using is_transparent = void;
        size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
    };
    using StringMap = std::unordered_map<std::string, std::int64_t, StringHash, std::equal_to<>>;

    void updateModelFigures();

    StringMap m_models;
    StringMap m_callers;
    QMessageAuthenticationCode m_mac;
    std::string m_normalised;
    std::vector<Pending> m_pending;
    std::unordered_map<DayKey, DayAgg, DayKeyHash> m_days;
    std::vector<std::int64_t> m_touched;
    UsageSummary m_summary;
};
