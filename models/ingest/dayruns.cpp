#include "ingest/dayruns.h"

#include "db/database.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QObject>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <optional>
#include <type_traits>

#include <fcntl.h>
#include <unistd.h>

namespace uptake {

DayRuns::DayRuns(const QString &cachePath)
{
    const QString dir = cachePath.isEmpty() ? QDir::tempPath() : QFileInfo(cachePath).absolutePath();
    QByteArray name = QFile::encodeName(dir + QStringLiteral("/.uptake-import-XXXXXX"));
    m_fd = ::mkstemp(name.data());
    if (m_fd < 0)
        fail(dir);
    ::unlink(name.constData());
    m_dir = dir;
}

DayRuns::~DayRuns()
{
    if (m_fd >= 0)
        ::close(m_fd);
}

void DayRuns::fail(const QString &dir) const
{
    throw DbError(
        QObject::tr("cannot use a temporary file in %1: %2").arg(dir, QString::fromLocal8Bit(std::strerror(errno))),
        SQLITE_IOERR);
}

void DayRuns::flush()
{
    transfer(::pwrite, static_cast<const DayRow *>(m_buffer.data()), m_buffer.size(), m_end, ENOSPC);
    m_end += m_buffer.size() * sizeof(DayRow);
    m_buffer.clear();
}

template <typename Io, typename Rows>
void DayRuns::transfer(Io io, Rows *rows, size_t count, std::uint64_t offset, int shortErrno) const
{
    auto *p = reinterpret_cast<std::conditional_t<std::is_const_v<Rows>, const char, char> *>(rows);
    size_t left = count * sizeof(DayRow);
    while (left > 0) {
        const ssize_t n = io(m_fd, p, left, off_t(offset));
        if (n < 0 && errno == EINTR)
            continue;
        if (n == 0)
            errno = shortErrno;
        if (n <= 0)
            fail(m_dir);
        p += n;
        left -= size_t(n);
        offset += std::uint64_t(n);
    }
}

class DayRuns::FileCursor final : public RowCursor {
public:
    FileCursor(const DayRuns &runs, std::pair<std::uint64_t, std::uint64_t> run)
        : m_runs(runs)
        , m_offset(run.first)
        , m_left(run.second)
    {
    }
    bool next(DayRow &row) override
    {
        if (m_pos == m_rows.size()) {
            if (m_left == 0)
                return false;
            m_rows.resize(std::min<std::uint64_t>(m_left, kBufferRows));
            m_runs.transfer(::pread, m_rows.data(), m_rows.size(), m_offset, EIO);
            m_offset += m_rows.size() * sizeof(DayRow);
            m_left -= m_rows.size();
            m_pos = 0;
        }
        row = m_rows[m_pos++];
        return true;
    }

private:
    const DayRuns &m_runs;
    std::uint64_t m_offset, m_left;
    std::vector<DayRow> m_rows;
    size_t m_pos = 0;
};

std::unique_ptr<RowCursor> DayRuns::cursor(size_t i) const
{
    return std::make_unique<FileCursor>(*this, m_runs[i]);
}

// Merges cursors into one stream in key order, summing rows of one key from several cursors.
void mergeRows(std::vector<std::unique_ptr<RowCursor>> &cursors, const std::function<void(const DayRow &)> &sink)
{
    std::vector<DayRow> head(cursors.size());
    const auto later = [&head](size_t a, size_t b) { return keyLess(head[b], head[a]); };
    std::vector<size_t> heap;
    for (size_t i = 0; i < cursors.size(); ++i)
        if (cursors[i]->next(head[i]))
            heap.push_back(i);
    std::make_heap(heap.begin(), heap.end(), later);
    std::optional<DayRow> pending;
    while (!heap.empty()) {
        std::pop_heap(heap.begin(), heap.end(), later);
        const size_t i = heap.back();
        if (pending && sameKey(*pending, head[i])) {
            addTo(*pending, head[i]);
        } else {
            if (pending)
                sink(*pending);
            pending = head[i];
        }
        if (cursors[i]->next(head[i]))
            std::push_heap(heap.begin(), heap.end(), later);
        else
            heap.pop_back();
    }
    if (pending)
        sink(*pending);
}

} // namespace uptake
