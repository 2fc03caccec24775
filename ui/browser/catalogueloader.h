#pragma once

#include "db/cache.h"
#include "db/database.h"
#include "jobs/jobrunner.h"
#include "jobs/worker.h"
#include "view/cataloguereader.h"
#include "view/viewspec.h"

#include <QList>
#include <QMetaType>
#include <QObject>
#include <QPair>
#include <QString>
#include <QVariant>

#include <array>
#include <atomic>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>

namespace uptake {

// Runs every query of the window on its own connection, in its own thread. Requests carry
// a generation; the UI raises the current generation (and interrupts the running query)
// before it posts a request for a new view, so work for older views is skipped or cut
// short and never answered.
class CatalogueLoader final : public JobWorker {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CatalogueLoader)

public:
    static constexpr int QuickIds = CatalogueReader::QuickIds;
    // Rows are fetched in pages of this many ids.
    static constexpr int PageSize = 100;

    explicit CatalogueLoader(QObject *parent = nullptr);
    ~CatalogueLoader() override;

    // Thread-safe, called from the UI thread: from now on only generation >= gen matters.
    void supersede(quint64 gen);
    // Thread-safe: the detail request that matters from now on. Like a page, it goes before
    // the background work of the view (see pageWanted).
    void supersedeDetail(quint64 request);
    // Thread-safe, called before a page request is posted: the catalogue figures (a scan of
    // the whole view) and the filling of a usage window's table step aside for it and start
    // again after it.
    void pageWanted();
    quint64 latestGeneration() const { return m_gen.latest(); }
    // Thread-safe: every request is stale from now on, the running query interrupted (on shutdown).
    void stop() override;
    // Thread-safe: the cache's data changed (an import), so derived tables must be rebuilt.
    void markDataChanged() { m_windowDirty.store(true); }

    // Test hook: every view query sleeps this long first, to make stale answers likely.
    void setArtificialDelay(int ms) { m_delayMs.store(ms); }
    // Test hook: the generation of the view whose loading began last.
    quint64 startedGeneration() const { return m_startedGen.load(); }

    // The slots below run in the loader's thread; post them with QMetaObject::invokeMethod.
    void open(const QString &path, Cache::LockWaitNotice lockWaitNotice = {});
    void close() override;
    void loadView(quint64 gen, const ViewSpec &spec);
    void loadPage(quint64 gen, const ViewSpec &spec, int page, const QList<qint64> &ids);
    void loadChoices();
    void loadDetail(quint64 request, qint64 id, const ViewSpec &spec);

signals:
    // empty: the catalogue has no model yet (no count: counting 2 million rows would delay the
    // first screen by a tenth of a second).
    // demoPending: a demo's listings without their usage yet (Demo::isPending).
    void opened(bool empty, bool demo, bool demoPending);
    void openFailed(const QString &message);
    void idsReady(quint64 gen, const QList<qint64> &ids, bool complete);
    void figuresReady(quint64 gen, const CatalogueFigures &figures);
    void pageReady(quint64 gen, int page, const RowPage &rows);
    void pageFailed(quint64 gen, int page);
    void choicesReady(const FilterChoices &choices);
    void detailReady(quint64 request, const ModelDetail &detail);
    void failed(const QString &message);

private:
    bool stale(quint64 gen) const { return m_gen.stale(gen); }
    bool requestWaiting() const { return m_waiting.load() > 0; }
    void served();
    void delay() const;
    // The open connection's reader, told of any import since the last request.
    CatalogueReader &reader();
    void loadRest(quint64 gen, const ViewSpec &spec, const QList<qint64> &partialIds);
    void loadFigures(quint64 gen, const ViewSpec &spec);

    WorkerConnection m_conn;
    Generation m_gen;
    std::atomic<quint64> m_latestDetail { 0 };
    // Page and detail requests posted and not yet served: background work steps aside for them.
    std::atomic<int> m_waiting { 0 };
    std::atomic<int> m_delayMs { 0 };
    std::atomic<quint64> m_startedGen { 0 };
    std::optional<CatalogueReader> m_reader; // on m_conn while it is open
    std::atomic<bool> m_windowDirty { false };
};

// Owns a loader and the runner whose thread it lives on; stops it (interrupting any query)
// and joins the thread on destruction.
class LoaderThread final
{
    Q_DISABLE_COPY_MOVE(LoaderThread)

public:
    LoaderThread()
        : m_runner(QStringLiteral("uptake-loader"))
        , m_loader(m_runner.host<CatalogueLoader>())
    {
    }
    CatalogueLoader *loader() const { return m_loader; }

private:
    JobRunner m_runner;
    CatalogueLoader *m_loader; // m_runner's
};

} // namespace uptake
