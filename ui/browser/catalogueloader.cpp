#include "browser/catalogueloader.h"

#include "db/cache.h"
#include "ingest/demo.h"

#include <limits>

namespace uptake {

namespace {

// A query is cut short by an interrupt meant for older work: run it again while its
// answer is still wanted.
template <typename Fn, typename Wanted> bool retrying(Fn &&fn, Wanted &&wanted)
{
    for (;;) {
        try {
            fn();
            return true;
        } catch (const DbError &e) {
            if (!e.isInterrupt())
                throw;
            if (!wanted())
                return false;
        }
    }
}

} // namespace

CatalogueLoader::CatalogueLoader(QObject *parent)
    : JobWorker(parent)
{
}

CatalogueLoader::~CatalogueLoader() = default;

void CatalogueLoader::supersede(quint64 gen)
{
    m_gen.raise(gen);
    m_conn.interrupt();
}

void CatalogueLoader::stop()
{
    m_gen.stopAll();
    m_latestDetail.store(std::numeric_limits<quint64>::max());
    m_conn.interrupt();
}

void CatalogueLoader::supersedeDetail(quint64 request)
{
    m_latestDetail.store(request);
    ++m_waiting;
}

void CatalogueLoader::served()
{
    int n = m_waiting.load();
    while (n > 0 && !m_waiting.compare_exchange_weak(n, n - 1)) { }
}

void CatalogueLoader::delay() const
{
    if (const int ms = m_delayMs.load(); ms > 0)
        QThread::msleep(ulong(ms));
}

CatalogueReader &CatalogueLoader::reader()
{
    if (m_windowDirty.exchange(false))
        m_reader->markDataChanged();
    return *m_reader;
}

void CatalogueLoader::open(const QString &path, Cache::LockWaitNotice lockWaitNotice)
{
    try {
        Database db = Cache::open(path, Database::Mode::ReadWrite, std::move(lockWaitNotice));
        m_reader.reset();
        m_conn.adopt(std::move(db));
        m_reader.emplace(m_conn.db());
        emit opened(m_reader->isEmpty(), Demo::isDemoCache(m_conn.db()), Demo::isPending(m_conn.db()));
    } catch (const CacheError &e) {
        emit openFailed(e.message());
    } catch (const DbError &e) {
        emit openFailed(tr("%1: %2").arg(path, e.message()));
    }
}

void CatalogueLoader::close()
{
    m_reader.reset();
    m_conn.close();
}

void CatalogueLoader::loadView(quint64 gen, const ViewSpec &spec)
{
    if (!m_conn.isOpen() || stale(gen))
        return;
    m_startedGen.store(gen);
    auto wanted = [&] { return !stale(gen); };
    QList<qint64> partialIds; // the first screen, when its rows wait for the window's callers
    try {
        delay();
        if (stale(gen))
            return;
        // The first screen: the first ids and their rows, before anything slower.
        QList<qint64> ids;
        QList<RowPage> pages;
        const bool done = retrying(
            [&] {
                pages.clear();
                ids = reader().firstScreen(spec);
                for (qsizetype begin = 0; begin < ids.size(); begin += PageSize)
                    pages.append(reader().rows(spec, ids.mid(begin, PageSize)));
            },
            wanted);
        if (!done)
            return;
        // Rows shown before the window's callers were counted come again with them: the view
        // is not complete until then.
        const bool partial = !pages.isEmpty() && !pages.first().isEmpty() && pages.first().first().callersPending;
        if (partial)
            partialIds = ids;
        const bool complete = ids.size() < QuickIds && !partial;
        emit idsReady(gen, ids, complete);
        for (int p = 0; p < pages.size(); ++p)
            emit pageReady(gen, p, pages.at(p));
    } catch (const DbError &e) {
        emit failed(e.message());
        return;
    }
    // The rest goes to the back of the queue, so that pages the view asks for meanwhile come first.
    QMetaObject::invokeMethod(
        this, [this, gen, spec, partialIds] { loadRest(gen, spec, partialIds); }, Qt::QueuedConnection);
}

void CatalogueLoader::loadRest(quint64 gen, const ViewSpec &spec, const QList<qint64> &partialIds)
{
    if (!m_conn.isOpen() || stale(gen))
        return;
    auto wanted = [&] { return !stale(gen); };
    if (spec.hasWindow() && !reader().windowReady(spec)) {
        // Filling a window's table takes seconds at 2M models: a page or the detail pane asked
        // for meanwhile goes first, and the fill starts again after it.
        auto requeue = [&] {
            QMetaObject::invokeMethod(
                this, [this, gen, spec, partialIds] { loadRest(gen, spec, partialIds); }, Qt::QueuedConnection);
        };
        if (requestWaiting()) {
            requeue();
            return;
        }
        try {
            reader().fillWindow(spec, [this, gen] { return requestWaiting() || stale(gen); });
        } catch (const DbError &e) {
            if (!e.isInterrupt()) {
                emit failed(e.message());
                return;
            }
            if (!stale(gen) && m_conn.isOpen())
                requeue();
            return;
        }
    }
    // The first screen again, now with the window's callers, before the full order (a sort
    // of every model, another second at 2M).
    try {
        for (qsizetype begin = 0; begin < partialIds.size() && !stale(gen); begin += PageSize) {
            RowPage rows;
            if (retrying([&] { rows = reader().rows(spec, partialIds.mid(begin, PageSize)); }, wanted))
                emit pageReady(gen, int(begin / PageSize), rows);
        }
    } catch (const DbError &e) {
        emit failed(e.message());
        return;
    }
    try {
        QList<qint64> ids;
        const bool done
            = retrying([&] { ids = reader().orderedIds(spec, [this, gen] { return stale(gen); }); }, wanted);
        if (!done)
            return;
        if (ids.size() >= QuickIds || !partialIds.isEmpty())
            emit idsReady(gen, ids, true);
    } catch (const DbError &e) {
        emit failed(e.message());
        return;
    }
    // Behind the pages the view asks for once it has the full list.
    QMetaObject::invokeMethod(
        this, [this, gen, spec] { loadFigures(gen, spec); }, Qt::QueuedConnection);
}

void CatalogueLoader::pageWanted()
{
    ++m_waiting;
}

void CatalogueLoader::loadFigures(quint64 gen, const ViewSpec &spec)
{
    if (!m_conn.isOpen() || stale(gen))
        return;
    // A page is waiting in the queue (posted after this): let it go first, then start over.
    auto requeue = [&] {
        QMetaObject::invokeMethod(
            this, [this, gen, spec] { loadFigures(gen, spec); }, Qt::QueuedConnection);
    };
    if (requestWaiting()) {
        requeue();
        return;
    }
    try {
        for (;;) {
            try {
                // The scan stops (as an interrupt) as soon as the view asks for a page, or
                // another view is wanted: supersede()'s interrupt does nothing to a query
                // that had not started yet when it came.
                const CatalogueFigures figures
                    = reader().figures(spec, [this, gen] { return requestWaiting() || stale(gen); });
                emit figuresReady(gen, figures);
                return;
            } catch (const DbError &e) {
                if (!e.isInterrupt() || stale(gen))
                    throw;
                if (requestWaiting()) {
                    requeue();
                    return;
                }
            }
        }
    } catch (const DbError &e) {
        if (!e.isInterrupt())
            emit failed(e.message());
    }
}

void CatalogueLoader::loadPage(quint64 gen, const ViewSpec &spec, int page, const QList<qint64> &ids)
{
    served();
    if (!m_conn.isOpen() || stale(gen))
        return;
    try {
        delay();
        if (stale(gen))
            return;
        RowPage rows;
        if (retrying([&] { rows = reader().rows(spec, ids); }, [&] { return !stale(gen); }))
            emit pageReady(gen, page, rows);
    } catch (const DbError &e) {
        emit pageFailed(gen, page);
        emit failed(e.message());
    }
}

void CatalogueLoader::loadChoices()
{
    if (!m_conn.isOpen())
        return;
    try {
        FilterChoices c;
        retrying([&] { c = FilterChoices::read(m_conn.db()); }, [] { return true; });
        emit choicesReady(c);
    } catch (const DbError &e) {
        emit failed(e.message());
    }
}

void CatalogueLoader::loadDetail(quint64 request, qint64 id, const ViewSpec &spec)
{
    served();
    if (!m_conn.isOpen() || request < m_latestDetail.load())
        return;
    auto wanted = [&] { return request >= m_latestDetail.load(); };
    try {
        ModelDetail d;
        const bool done = retrying([&] { d = reader().detail(id, spec); }, wanted);
        if (done && wanted())
            emit detailReady(request, d);
    } catch (const DbError &e) {
        emit failed(e.message());
    }
}

} // namespace uptake
