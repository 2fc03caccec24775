// Dashboard::Snapshot's store: the snapshot written beside the cache and read back while the
// cache is in the same state.
#include "dashboard/snapshot.h"

#include "db/cache.h"
#include "db/database.h"
#include "text/textrules.h"

#include <QCryptographicHash>
#include <QFile>
#include <QLoggingCategory>
#include <QSaveFile>

#include <algorithm>
#include <cstring>
#include <limits>
#include <type_traits>

Q_LOGGING_CATEGORY(lcSnapshotStore, "uptake.dashboard.store", QtWarningMsg)

namespace uptake {

namespace Dashboard {

namespace {

// The layout's name and version: a store of another layout (or of another byte order) is
// not read. Change it with any change to what a Snapshot holds.
constexpr char Magic[8] = {'U', 'P', 'T', 'K', 'S', 'N', 'P', '3'};
constexpr qsizetype IdBytes = 32;

struct Header
{
    char magic[8];
    char id[IdBytes];
    std::int64_t generation, schema, maxModel, maxUsageModel;
    std::int64_t models, width, rows, minWeek, maxWeek;
    std::uint32_t callers, tasks;
};
static_assert(std::is_trivially_copyable_v<Header>);

class Writer
{
public:
    explicit Writer(QSaveFile &f)
        : m_file(f)
    {
    }
    void raw(const void *data, size_t bytes)
    {
        const char *p = static_cast<const char *>(data);
        // QIODevice::write takes a qint64; write in slices so that no length is ever near it.
        while (m_ok && bytes > 0) {
            const qint64 n = std::min<size_t>(bytes, size_t(1) << 26);
            m_ok = m_file.write(p, n) == n;
            p += n;
            bytes -= size_t(n);
        }
    }
    template<typename T>
    void vec(const std::vector<T> &v)
    {
        raw(v.data(), v.size() * sizeof(T));
    }
    bool ok() const { return m_ok; }

private:
    QSaveFile &m_file;
    bool m_ok = true;
};

class Reader
{
public:
    explicit Reader(QFile &f)
        : m_file(f)
    {
    }
    bool raw(void *data, size_t bytes)
    {
        char *p = static_cast<char *>(data);
        while (m_ok && bytes > 0) {
            const qint64 n = std::min<size_t>(bytes, size_t(1) << 26);
            m_ok = m_file.read(p, n) == n;
            p += n;
            bytes -= size_t(n);
        }
        return m_ok;
    }
    template<typename T>
    bool vec(std::vector<T> &v, size_t count)
    {
        // Never more than the file still holds: a damaged count must not allocate gigabytes.
        if (!m_ok || count > size_t(std::max<qint64>(0, m_file.size() - m_file.pos())) / sizeof(T))
            return m_ok = false;
        v.resize(count);
        return raw(v.data(), count * sizeof(T));
    }
    bool atEnd() const { return m_ok && m_file.atEnd(); }

private:
    QFile &m_file;
    bool m_ok = true;
};

} // namespace

QString Snapshot::storePathFor(const QString &cachePath)
{
    return cachePath.isEmpty() || cachePath == QLatin1String(":memory:") ? QString()
                                                                          : cachePath + QStringLiteral("-dashboard");
}

Snapshot::StoreKey Snapshot::storeKey(Database &db)
{
    StoreKey key;
    QByteArray secret;
    try {
        secret = Cache::secret(db);
    } catch (const DbError &) {
        return key; // no secret, no identity: no store
    }
    key.id = QCryptographicHash::hash("uptake dashboard store\n" + secret, QCryptographicHash::Sha256);
    key.generation = Cache::generation(db);
    key.schema = db.queryInt("PRAGMA user_version").value_or(0);
    key.maxModel = db.queryInt("SELECT coalesce(max(id), 0) FROM models").value_or(0);
    key.maxUsageModel = db.queryInt("SELECT coalesce(max(model), -1) FROM usage_daily").value_or(-1);
    return key;
}

bool Snapshot::readStore(const StoreKey &key)
{
    if (key.id.size() != IdBytes || m_store.isEmpty())
        return false;
    QFile f(m_store);
    if (!f.open(QIODevice::ReadOnly))
        return false;
    Reader in(f);
    Header h{};
    if (!in.raw(&h, sizeof h) || std::memcmp(h.magic, Magic, sizeof Magic) != 0
        || QByteArray(h.id, IdBytes) != key.id || h.generation != key.generation || h.schema != key.schema
        || h.maxModel != key.maxModel || h.maxUsageModel != key.maxUsageModel)
        return false;
    // Sizes first, then every index that the folds follow without a check: a damaged store
    // is ignored, never read out of bounds.
    if (h.width != h.maxModel + 1 || h.width <= 0 || h.models < 0 || h.models > h.width || h.rows < 0
        || h.rows >= std::int64_t(UINT32_MAX) || h.tasks == 0)
        return false;
    const size_t n = size_t(h.width), rows = size_t(h.rows);
    for (std::uint32_t t = 0; t < h.tasks; ++t) {
        std::uint32_t len = 0;
        QByteArray name;
        if (!in.raw(&len, sizeof len) || len > (1u << 20))
            return false;
        name.resize(qsizetype(len));
        if (!in.raw(name.data(), len))
            return false;
        m_taskNames.push_back(QString::fromUtf8(name));
    }
    if (!in.vec(m_flags, n) || !in.vec(m_calls, n) || !in.vec(m_repeat, n) || !in.vec(m_unique, n)
        || !in.vec(m_createdWeek, n) || !in.vec(m_week4, n) || !in.vec(m_task, n) || !in.vec(m_start, n + 1)
        || !in.vec(m_day, rows) || !in.vec(m_caller, rows) || !in.vec(m_rowCalls, rows)
        || !in.vec(m_rowFlags, rows) || !in.vec(m_byCallerStart, size_t(h.callers) + 1)
        || !in.vec(m_byCallerModel, rows) || !in.vec(m_byCallerDay, rows) || !in.vec(m_byCallerCalls, rows)
        || !in.atEnd())
        return false;
    bool sound = m_start.front() == 0 && m_start.back() == rows
        && std::is_sorted(m_start.begin(), m_start.end())
        && std::all_of(m_task.begin(), m_task.end(), [&](std::uint32_t t) { return t < h.tasks; })
        && std::all_of(m_caller.begin(), m_caller.end(), [&](std::uint32_t c) { return c < h.callers; })
        && std::all_of(m_rowFlags.begin(), m_rowFlags.end(), [](std::uint8_t f) { return f < 16 && (f & 12) != 8; })
        && m_byCallerStart.front() == 0 && m_byCallerStart.back() == rows
        && std::is_sorted(m_byCallerStart.begin(), m_byCallerStart.end())
        && std::all_of(m_byCallerModel.begin(), m_byCallerModel.end(), [&](std::uint32_t m) { return m < n; });
    // The days bound the weeks that the usage stage indexes from m_minWeek: they must be the
    // header's, in both orders of the rows.
    const auto weeksOf = [&](const std::vector<std::int32_t> &days) {
        if (days.empty())
            return h.minWeek == 0 && h.maxWeek == -1;
        const auto [lo, hi] = std::minmax_element(days.begin(), days.end());
        return TextRules::weekOf(*lo) == h.minWeek && TextRules::weekOf(*hi) == h.maxWeek;
    };
    if (sound && (!weeksOf(m_day) || !weeksOf(m_byCallerDay)))
        sound = false;
    if (!sound) {
        qCWarning(lcSnapshotStore) << m_store << "is damaged; the snapshot is read from the cache";
        return false;
    }
    m_models = h.models;
    m_callers = h.callers;
    m_minWeek = h.minWeek;
    m_maxWeek = h.maxWeek;
    m_key = key;
    return true;
}

bool Snapshot::saveStore()
{
    if (!m_loaded || m_stored || m_store.isEmpty() || m_key.id.size() != IdBytes)
        return false;
    m_stored = true; // once, written or not
    Header h{};
    std::memcpy(h.magic, Magic, sizeof Magic);
    std::memcpy(h.id, m_key.id.constData(), IdBytes);
    h.generation = m_key.generation;
    h.schema = m_key.schema;
    h.maxModel = m_key.maxModel;
    h.maxUsageModel = m_key.maxUsageModel;
    h.models = m_models;
    h.width = std::int64_t(m_flags.size());
    h.rows = std::int64_t(m_day.size());
    h.minWeek = m_minWeek;
    h.maxWeek = m_maxWeek;
    h.callers = m_callers;
    h.tasks = std::uint32_t(m_taskNames.size());
    if (h.width != h.maxModel + 1)
        return false; // read from another state than its key: not worth keeping
    QSaveFile f(m_store);
    if (!f.open(QIODevice::WriteOnly)) {
        qCWarning(lcSnapshotStore) << "cannot write" << m_store << f.errorString();
        return false;
    }
    Writer out(f);
    out.raw(&h, sizeof h);
    for (const QString &name : m_taskNames) {
        const QByteArray utf8 = name.toUtf8();
        const std::uint32_t len = std::uint32_t(utf8.size());
        out.raw(&len, sizeof len);
        out.raw(utf8.constData(), size_t(utf8.size()));
    }
    out.vec(m_flags);
    out.vec(m_calls);
    out.vec(m_repeat);
    out.vec(m_unique);
    out.vec(m_createdWeek);
    out.vec(m_week4);
    out.vec(m_task);
    out.vec(m_start);
    out.vec(m_day);
    out.vec(m_caller);
    out.vec(m_rowCalls);
    out.vec(m_rowFlags);
    out.vec(m_byCallerStart);
    out.vec(m_byCallerModel);
    out.vec(m_byCallerDay);
    out.vec(m_byCallerCalls);
    if (!out.ok())
        f.cancelWriting(); // the file as it was, or none
    if (!out.ok() || !f.commit()) {
        qCWarning(lcSnapshotStore) << "cannot write" << m_store << f.errorString();
        return false;
    }
    return true;
}

} // namespace Dashboard

} // namespace uptake
