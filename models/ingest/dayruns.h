#pragma once

#include "text/textrules.h"

#include <QString>

#include <cstdint>
#include <functional>
#include <memory>
#include <tuple>
#include <utility>
#include <vector>

namespace uptake {

// The usage writer's day rows: summed from calls, kept on disk in sorted runs when they do
// not fit in memory, and merged back in key order (model, day, caller). Internal to
// models/ingest/.

// One usage_daily row as the writer builds it from calls: first and last are Unix seconds.
struct DayRow {
    std::int64_t model, day, caller, calls, failed, tee, zkml, fees, first, last;
};

inline bool keyLess(const DayRow &a, const DayRow &b)
{
    return std::tie(a.model, a.day, a.caller) < std::tie(b.model, b.day, b.caller);
}

inline bool sameKey(const DayRow &a, const DayRow &b)
{
    return a.model == b.model && a.day == b.day && a.caller == b.caller;
}

inline void addTo(DayRow &into, const DayRow &r)
{
    into.calls += r.calls;
    into.failed += r.failed;
    into.tee += r.tee;
    into.zkml += r.zkml;
    into.fees += r.fees;
    into.first = std::min(into.first, r.first);
    into.last = std::max(into.last, r.last);
}

// A source of day rows in key order, each key once.
class RowCursor {
public:
    virtual ~RowCursor() = default;
    virtual bool next(DayRow &row) = 0;
};

// Day rows of one writer that do not fit in memory: sorted runs in one temporary file beside
// the cache (not in /tmp, which may be memory), unlinked as soon as it is made so that not even
// a crash leaves it behind. The rows hold pseudonyms, never raw callers.
class DayRuns final {
public:
    explicit DayRuns(const QString &cachePath);
    ~DayRuns();
    DayRuns(const DayRuns &) = delete;
    DayRuns &operator=(const DayRuns &) = delete;

    void beginRun() { m_runs.push_back({ m_end, 0 }); }
    void append(const DayRow &row)
    {
        m_buffer.push_back(row);
        ++m_runs.back().second;
        if (m_buffer.size() == kBufferRows)
            flush();
    }
    void endRun() { flush(); }

    // A cursor over run i.
    std::unique_ptr<RowCursor> cursor(size_t i) const;
    size_t runs() const { return m_runs.size(); }
    // The rows of all runs.
    std::uint64_t rows() const
    {
        std::uint64_t n = 0;
        for (const auto &run : m_runs)
            n += run.second;
        return n;
    }

private:
    static constexpr size_t kBufferRows = 1024; // 80 KB
    class FileCursor;

    [[noreturn]] void fail(const QString &dir) const;
    void flush();
    // Writes (pwrite) or reads (pread) rows at offset, all of them, or throws; a call that moves
    // nothing is reported as shortErrno (a full disk, or a run shorter than written).
    template <typename Io, typename Rows>
    void transfer(Io io, Rows *rows, size_t count, std::uint64_t offset, int shortErrno) const;

    int m_fd = -1;
    QString m_dir;
    std::uint64_t m_end = 0;
    std::vector<std::pair<std::uint64_t, std::uint64_t>> m_runs; // offset, rows
    std::vector<DayRow> m_buffer;
};

// The day rows of calls sorted by (model, day, caller): each run of one key summed.
template <typename Call> class CallsCursor final : public RowCursor {
public:
    explicit CallsCursor(const std::vector<Call> &calls)
        : m_calls(calls)
    {
    }
    bool next(DayRow &row) override
    {
        if (m_i == m_calls.size())
            return false;
        row = rowOf(m_calls[m_i++]);
        for (; m_i < m_calls.size() && sameKey(row, rowOf(m_calls[m_i])); ++m_i)
            addTo(row, rowOf(m_calls[m_i]));
        return true;
    }

private:
    static DayRow rowOf(const Call &c)
    {
        return DayRow { c.model, c.day, c.caller, 1, c.failed, c.mode == TextRules::Mode::Tee,
            c.mode == TextRules::Mode::Zkml, c.fee, c.ts, c.ts };
    }

    const std::vector<Call> &m_calls;
    size_t m_i = 0;
};

// Counts the rows another cursor gives, into a counter several cursors may share: how far
// a merge has come through its inputs.
class CountingCursor final : public RowCursor {
public:
    CountingCursor(std::unique_ptr<RowCursor> inner, std::uint64_t &count)
        : m_inner(std::move(inner))
        , m_count(count)
    {
    }
    bool next(DayRow &row) override
    {
        if (!m_inner->next(row))
            return false;
        ++m_count;
        return true;
    }

private:
    std::unique_ptr<RowCursor> m_inner;
    std::uint64_t &m_count;
};

// Merges cursors into one stream in key order, summing rows of one key from several cursors.
void mergeRows(std::vector<std::unique_ptr<RowCursor>> &cursors, const std::function<void(const DayRow &)> &sink);

} // namespace uptake
