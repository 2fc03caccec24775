// Dashboard::Snapshot: the cache's models and usage loaded into memory, and loaded again after a commit.
#include "dashboard/snapshot.h"

#include "dashboard/dashboardparts.h"
#include "db/cache.h"
#include "db/database.h"
#include "db/keymix.h"
#include "text/textrules.h"

#include <QElapsedTimer>
#include <QLoggingCategory>

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <mutex>
#include <exception>
#include <optional>
#include <thread>
#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>

Q_DECLARE_LOGGING_CATEGORY(lcSnapshotStore) // snapshotstore.cpp

namespace uptake {

namespace Dashboard {

using namespace Parts;

std::int64_t Snapshot::bytes() const
{
    return std::int64_t(m_flags.capacity() * 1 + m_calls.capacity() * 8 + m_repeat.capacity() * 4
        + m_unique.capacity() * 4 + m_createdWeek.capacity() * 4 + m_week4.capacity() * 8 + m_task.capacity() * 4 + m_start.capacity() * 4
        + m_day.capacity() * 4 + m_caller.capacity() * 4 + m_rowCalls.capacity() * 4 + m_rowFlags.capacity()
        + (m_byCallerStart.capacity() + m_byCallerModel.capacity() + m_byCallerCalls.capacity()
           + m_byCallerDay.capacity()) * 4);
}

void Snapshot::arrangeByCaller()
{
    QElapsedTimer timer;
    timer.start();
    struct Said
    {
        QElapsedTimer &timer;
        size_t rows;
        ~Said() { qCDebug(lcSnapshotStore) << "rows arranged by caller:" << rows << "in" << timer.elapsed() << "ms"; }
    } said{timer, m_day.size()};
    // A counting sort by caller (the rows come by model), then each caller's few rows by day.
    const size_t rows = m_day.size();
    m_byCallerStart.assign(size_t(m_callers) + 1, 0);
    for (size_t r = 0; r < rows; ++r)
        ++m_byCallerStart[m_caller[r] + 1];
    for (size_t c = 0; c < m_callers; ++c)
        m_byCallerStart[c + 1] += m_byCallerStart[c];
    m_byCallerModel.resize(rows);
    m_byCallerDay.resize(rows);
    m_byCallerCalls.resize(rows);
    {
        std::vector<std::uint32_t> next(m_byCallerStart.begin(), m_byCallerStart.end() - 1);
        for (size_t m = 0; m + 1 < m_start.size(); ++m)
            for (std::uint32_t r = m_start[m], last = m_start[m + 1]; r < last; ++r) {
                const std::uint32_t at = next[m_caller[r]]++;
                m_byCallerModel[at] = std::uint32_t(m);
                m_byCallerDay[at] = m_day[r];
                m_byCallerCalls[at] = m_rowCalls[r];
            }
    }
    std::vector<std::uint32_t> order;
    std::vector<std::uint32_t> model, calls;
    std::vector<std::int32_t> day;
    for (size_t c = 0; c < m_callers; ++c) {
        const std::uint32_t first = m_byCallerStart[c], last = m_byCallerStart[c + 1];
        if (last - first < 2 || std::is_sorted(m_byCallerDay.begin() + first, m_byCallerDay.begin() + last))
            continue;
        const std::uint32_t n = last - first;
        order.resize(n);
        for (std::uint32_t i = 0; i < n; ++i)
            order[i] = first + i;
        std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
            return m_byCallerDay[a] != m_byCallerDay[b] ? m_byCallerDay[a] < m_byCallerDay[b] : a < b;
        });
        model.resize(n);
        calls.resize(n);
        day.resize(n);
        for (std::uint32_t i = 0; i < n; ++i) {
            model[i] = m_byCallerModel[order[i]];
            calls[i] = m_byCallerCalls[order[i]];
            day[i] = m_byCallerDay[order[i]];
        }
        std::copy(model.begin(), model.end(), m_byCallerModel.begin() + first);
        std::copy(calls.begin(), calls.end(), m_byCallerCalls.begin() + first);
        std::copy(day.begin(), day.end(), m_byCallerDay.begin() + first);
    }
}

void Snapshot::markFirstCalls()
{
    // Each model's rows in day order: a caller's first row there is its f; a later row 28 to
    // 34 days on is a return in period 4 (whatever the window, eligibility alone is asked later).
    std::vector<std::uint32_t> stamp(m_callers, 0), firstRow(m_callers, 0);
    for (size_t m = 0; m + 1 < m_start.size(); ++m) {
        const std::uint32_t mark = std::uint32_t(m) + 1;
        for (std::uint32_t r = m_start[m], last = m_start[m + 1]; r < last; ++r) {
            const std::uint32_t c = m_caller[r];
            if (stamp[c] != mark) {
                stamp[c] = mark;
                firstRow[c] = r;
                m_rowFlags[r] |= 4;
            } else if (const std::int64_t since = std::int64_t(m_day[r]) - m_day[firstRow[c]];
                       since >= 7 * 4 && since <= 7 * 4 + 6) {
                m_rowFlags[firstRow[c]] |= 8;
            }
        }
    }
}

// The callers' pseudonyms as the usage read takes them, handed over in blocks to whoever
// numbers them: the other core, once it has read the models (numbering takes about a third of
// the usage read at 3 million callers).
struct CallerFeed
{
    std::vector<std::int64_t> raw; // by usage row
    std::mutex mutex;
    std::condition_variable more;
    size_t published = 0; // rows of raw ready to be numbered
    bool finished = false; // published is final

    void publish(size_t rows, bool last)
    {
        {
            const std::lock_guard<std::mutex> lock(mutex);
            published = rows;
            finished = finished || last;
        }
        more.notify_one();
    }
};

namespace {

// Dense numbers (0, 1, 2 ...) for the callers' pseudonyms, by open addressing: std::unordered_map
// took seconds for the benchmark cache's 3 million callers. Keys are scrambled first (mix64),
// so that any numbering spreads over the slots.
class CallerNumbers final
{
public:
    std::uint32_t of(std::int64_t caller)
    {
        if (4 * (m_size + 1) > 3 * m_slots.size())
            grow();
        Slot &slot = find(caller);
        if (slot.number == Empty) {
            slot.key = caller;
            slot.number = std::uint32_t(m_size++);
        }
        return slot.number;
    }
    size_t size() const { return m_size; }

private:
    static constexpr std::uint32_t Empty = std::numeric_limits<std::uint32_t>::max();
    struct Slot // key and number side by side: one cache miss a row, not two
    {
        std::int64_t key = 0;
        std::uint32_t number = Empty;
    };

    Slot &find(std::int64_t caller)
    {
        const size_t mask = m_slots.size() - 1;
        for (size_t i = size_t(mix64(std::uint64_t(caller))) & mask;; i = (i + 1) & mask)
            if (m_slots[i].number == Empty || m_slots[i].key == caller)
                return m_slots[i];
    }
    void grow()
    {
        std::vector<Slot> old(std::max<size_t>(1024, 2 * m_slots.size()));
        old.swap(m_slots);
        for (const Slot &slot : old)
            if (slot.number != Empty)
                find(slot.key) = slot;
    }

    std::vector<Slot> m_slots;
    size_t m_size = 0;
};

// Numbers feed's callers into out (sized for every row) as they are published; returns how
// many distinct callers there were.
std::uint32_t numberCallers(CallerFeed &feed, std::vector<std::uint32_t> &out)
{
    CallerNumbers numbers;
    size_t done = 0;
    for (;;) {
        size_t upTo = 0;
        bool last = false;
        {
            std::unique_lock<std::mutex> lock(feed.mutex);
            feed.more.wait(lock, [&] { return feed.published > done || feed.finished; });
            upTo = std::min(feed.published, out.size());
            last = feed.finished;
        }
        for (; done < upTo; ++done)
            out[done] = numbers.of(feed.raw[done]);
        if (last)
            break;
    }
    return std::uint32_t(numbers.size());
}

// A read transaction, so that what one connection reads comes from one state of the cache
// even while an import commits.
struct ReadTransaction
{
    Database &db;
    explicit ReadTransaction(Database &d)
        : db(d)
    {
        db.exec("BEGIN");
    }
    ~ReadTransaction()
    {
        try {
            db.exec("COMMIT");
        } catch (const DbError &) {
        }
    }
};

} // namespace

bool Snapshot::readModels(Database &db, std::int64_t maxId, const std::atomic<bool> &stop,
                          const std::function<bool()> &cancelled)
{
    const size_t n = size_t(maxId) + 1;
    m_flags.assign(n, 0);
    m_calls.assign(n, 0);
    m_repeat.assign(n, 0);
    m_unique.assign(n, 0);
    m_createdWeek.assign(n, std::numeric_limits<std::int32_t>::min());
    m_task.assign(n, 0);
    m_week4.assign(n, std::numeric_limits<double>::quiet_NaN());
    std::unordered_map<std::string, std::uint32_t, StringHash, std::equal_to<>> tasks;
    Statement st(db,
        "SELECT id, task, listed, calls, verified_calls > 0, fees_nano > 0, repeat_callers, created_at,"
        " unique_callers, week4_retention FROM models");
    while (st.step()) {
        if ((m_models & 4095) == 0 && (stop.load(std::memory_order_relaxed) || (cancelled && cancelled())))
            return false;
        const std::int64_t id = st.int64(0);
        if (id < 0 || id > maxId)
            continue;
        const size_t i = size_t(id);
        const std::string_view task = st.isNull(1) ? std::string_view() : TextRules::trim(st.textView(1));
        auto it = tasks.find(task);
        if (it == tasks.end()) {
            it = tasks.emplace(std::string(task), std::uint32_t(m_taskNames.size())).first;
            m_taskNames.push_back(QString::fromUtf8(task.data(), qsizetype(task.size())));
        }
        m_task[i] = it->second;
        m_flags[i] = std::uint8_t(1 | (st.int64(2) ? 2 : 0) | (st.int64(4) ? 4 : 0) | (st.int64(5) ? 8 : 0));
        m_calls[i] = st.int64(3);
        m_repeat[i] = std::uint32_t(std::clamp<std::int64_t>(st.int64(6), 0, UINT32_MAX));
        m_unique[i] = std::uint32_t(std::clamp<std::int64_t>(st.int64(8), 0, UINT32_MAX));
        if (!st.isNull(7))
            m_createdWeek[i] = std::int32_t(std::clamp<std::int64_t>(weekOf(st.int64(7) / 86400), INT32_MIN + 1, INT32_MAX));
        if (!st.isNull(9))
            m_week4[i] = st.real(9);
        ++m_models;
    }
    return true;
}

bool Snapshot::readUsage(Database &db, std::int64_t maxId, std::int64_t rows, CallerFeed &feed)
{
    // Whatever happens here, whoever numbers the callers stops waiting.
    struct Finish
    {
        CallerFeed &feed;
        size_t rows = 0;
        ~Finish() { feed.publish(rows, true); }
    } finish{feed};
    const size_t n = size_t(maxId) + 1;
    m_day.reserve(size_t(rows));
    m_rowCalls.reserve(size_t(rows));
    m_rowFlags.reserve(size_t(rows));
    m_start.assign(n + 1, 0);
    // The primary key's order: rows come grouped by model, which is what m_start needs.
    Statement st(db,
        "SELECT model, day, caller, calls, tee_calls + zkml_calls + verified_unsplit > 0, fees_nano > 0 FROM "
        "usage_daily");
    std::int64_t lastModel = -1, lastDay = 0;
    std::int64_t minDay = std::numeric_limits<std::int64_t>::max(), maxDay = std::numeric_limits<std::int64_t>::min();
    while (st.step()) {
        const std::int64_t model = st.int64(0), day = st.int64(1), calls = st.int64(3);
        if (model < lastModel || (model == lastModel && day < lastDay) || model > maxId || model < 0
            || day < INT32_MIN || day > INT32_MAX || calls < 0 || calls > UINT32_MAX || m_day.size() >= feed.raw.size())
            return false; // not what this compact form can hold: stay with SQL
        for (std::int64_t m = lastModel + 1; m <= model; ++m)
            m_start[size_t(m)] = std::uint32_t(m_day.size());
        lastModel = model;
        lastDay = day;
        feed.raw[m_day.size()] = st.int64(2);
        m_day.push_back(std::int32_t(day));
        m_rowCalls.push_back(std::uint32_t(calls));
        m_rowFlags.push_back(std::uint8_t((st.int64(4) ? 1 : 0) | (st.int64(5) ? 2 : 0)));
        minDay = std::min(minDay, day);
        maxDay = std::max(maxDay, day);
        if ((m_day.size() & 65535) == 0)
            feed.publish(m_day.size(), false);
    }
    if (m_day.size() != feed.raw.size())
        return false; // the count said otherwise
    for (std::int64_t m = lastModel + 1; m <= maxId + 1; ++m)
        m_start[size_t(m)] = std::uint32_t(m_day.size());
    if (!m_day.empty()) {
        m_minWeek = weekOf(minDay);
        m_maxWeek = weekOf(maxDay);
    }
    finish.rows = m_day.size();
    return true;
}

Snapshot::Read Snapshot::readAll(Database &db, Database *modelsDb, const std::function<bool()> &cancelled)
{
    ReadTransaction readTransaction(db);
    if (!m_store.isEmpty())
        m_key = storeKey(db); // the state these rows are of, for the store
    const std::int64_t maxId = db.queryInt("SELECT coalesce(max(id), 0) FROM models").value_or(0);
    const std::int64_t rows = db.queryInt("SELECT count(*) FROM usage_daily").value_or(0);
    if (maxId > 200'000'000 || rows >= std::int64_t(UINT32_MAX))
        return Read::NotHeld; // row ids this sparse would waste memory: stay with SQL
    CallerFeed feed;
    feed.raw.resize(size_t(rows));
    m_caller.resize(size_t(rows));
    if (!modelsDb) {
        const std::atomic<bool> never{false};
        if (!readModels(db, maxId, never, cancelled) || !readUsage(db, maxId, rows, feed))
            return Read::NotHeld;
        m_callers = numberCallers(feed, m_caller);
        return Read::Done;
    }
    // The models in a thread on modelsDb, which then numbers the callers as the usage read
    // here hands them over.
    std::atomic<bool> stop{false};
    bool modelsRead = false, sameModels = false;
    std::exception_ptr modelsError;
    std::thread models([&] {
        try {
            {
                ReadTransaction other(*modelsDb);
                sameModels = modelsDb->queryInt("SELECT coalesce(max(id), 0) FROM models").value_or(0) == maxId;
                modelsRead = sameModels && readModels(*modelsDb, maxId, stop, cancelled);
            }
            m_callers = numberCallers(feed, m_caller);
        } catch (...) {
            modelsError = std::current_exception(); // the usage read never waits for this thread
        }
    });
    bool usageRead = false;
    try {
        usageRead = readUsage(db, maxId, rows, feed);
    } catch (...) {
        stop = true;
        models.join();
        throw;
    }
    if (!usageRead)
        stop = true;
    models.join();
    if (modelsError)
        std::rethrow_exception(modelsError);
    if (!usageRead || (cancelled && cancelled()))
        return Read::NotHeld;
    return modelsRead ? Read::Done : sameModels ? Read::NotHeld : Read::Disagreed;
}

bool Snapshot::refresh(Database &db, Load load, const std::function<bool()> &cancelled)
{
    const std::int64_t version = db.queryInt("PRAGMA data_version").value_or(0);
    if (m_loaded && version == m_dataVersion)
        return false;
    QElapsedTimer timer;
    timer.start();
    // The old copy is of no use once the cache has changed: freed before the new one is
    // read, so that a reload never holds two (163 MB each at 2M models).
    const QString store = m_store;
    *this = Snapshot();
    m_store = store;
    // The store, when it holds this state of the cache: one file read instead of the rows.
    if (!store.isEmpty()) {
        Snapshot s;
        s.m_store = store;
        s.m_dataVersion = version;
        bool held = false;
        {
            ReadTransaction readTransaction(db);
            held = s.readStore(storeKey(db));
        }
        if (held) {
            *this = std::move(s);
            m_loaded = m_fromStore = m_stored = true;
            m_loadMs = timer.elapsed();
            return true;
        }
    }
    // The models on a second connection of their own, beside the usage rows: the two reads
    // take about as long, and each holds one core. Its read transaction starts a moment after
    // the first one's; should anything commit meanwhile (the models disagree, or data_version
    // says so), the two may disagree, and everything is read again on one connection.
    std::optional<Database> second;
    if (const QString path = db.path(); load == Load::TwoConnections && !path.isEmpty())
        try {
            second.emplace(Cache::open(path, Database::Mode::ReadOnly));
        } catch (const std::exception &) {
            second.reset(); // read both on db
        }
    Snapshot s;
    s.m_store = store;
    s.m_dataVersion = version;
    Read read = s.readAll(db, second ? &*second : nullptr, cancelled);
    if (read == Read::Done && second && db.queryInt("PRAGMA data_version").value_or(0) != version)
        read = Read::Disagreed;
    if (read == Read::Disagreed) {
        s = Snapshot();
        s.m_store = store;
        s.m_dataVersion = db.queryInt("PRAGMA data_version").value_or(0);
        read = s.readAll(db, nullptr, cancelled);
    }
    if (read != Read::Done)
        return false;
    // Two passes that share nothing they write: one on each core.
    onBothCores([&] { s.markFirstCalls(); }, [&] { s.arrangeByCaller(); });
    *this = std::move(s);
    m_loaded = true;
    m_loadMs = timer.elapsed();
    return true;
}

} // namespace Dashboard

} // namespace uptake
