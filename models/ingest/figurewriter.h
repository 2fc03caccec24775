#pragma once

#include "db/database.h"
#include "evidence/evidence.h"

#include <cstdint>
#include <optional>
#include <unordered_map>
#include <vector>

namespace uptake {

// The usage writer's last step, per model: its all-time figures and daily totals from its
// day rows. Internal to models/ingest/.

// Brings one model at a time up to date from its usage_daily rows, given in key order (day,
// caller): the all-time figures in models, demand evidence included (contract 3b, as
// Evidence::ofModel computes it for the cache's evidence end), and its daily totals in
// model_day. Only the columns whose value changed are written, since each of them has a sort
// index to keep.
class FigureWriter final {
public:
    // evidenceEnd: the last day with a call in the cache once the rows are in (its week-1 and
    // week-4 retention depend on it).
    FigureWriter(Database &db, std::int64_t evidenceEnd);

    enum class Days {
        New, // the model has no daily totals yet
        Replace, // its daily totals from before are replaced by these rows'
        Keep, // its daily totals stand: only the figures are brought up to date
    };
    void begin(std::int64_t model, Days days);

    // f and l: the first and last call as sortable keys (models/db/callkey.h).
    void add(std::int64_t day, std::int64_t caller, std::int64_t calls, std::int64_t failed, std::int64_t verified,
        std::int64_t fees, std::int64_t f, std::int64_t l);

    void end();

private:
    struct DayTotals {
        std::int64_t day = 0, calls = 0, failed = 0, verified = 0, fees = 0, f = 0, l = 0;
    };

    void writeDay();

    Database &m_db;
    std::int64_t m_evidenceEnd;
    Days m_days = Days::New;
    Evidence::ModelFold m_fold;
    Statement m_old, m_clearDays, m_insertDay;
    std::unordered_map<unsigned, Statement> m_updates; // by the mask of columns set
    std::int64_t m_model = 0;
    std::int64_t m_calls = 0, m_failed = 0, m_verified = 0, m_fees = 0, m_activeDays = 0, m_lastDay = INT64_MIN;
    std::optional<std::int64_t> m_first, m_last;
    DayTotals m_today;
};

// Brings the given models' figures up to date from their usage_daily rows (FigureWriter), for
// the evidence end given. replaceDays: their daily totals are rewritten too.
void refigureModels(Database &db, const std::vector<std::int64_t> &models, std::int64_t evidenceEnd, bool replaceDays);
// The evidence figures of every called model, for the cache's evidence end: after a schema
// upgrade that adds them.
void refigureAllCalled(Database &db);

} // namespace uptake
