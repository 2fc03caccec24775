#include "dashboard/dashboardwidget.h"

#include "db/cache.h"

#include <QElapsedTimer>
#include <QFileDialog>
#include <QFileInfo>
#include <QGridLayout>
#include <QInputDialog>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QScrollArea>
#include <QStandardPaths>
#include <QTabWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <memory>
#include <limits>

namespace uptake {

DashboardWorker::DashboardWorker(QObject *parent)
    : JobWorker(parent)
{
}

DashboardWorker::~DashboardWorker() = default;

void DashboardWorker::supersede(quint64 gen)
{
    m_gen.raise(gen);
    // Loading the snapshot serves every later view, so a newer view waits for it rather than
    // cutting it short (and starting it over at each keystroke).
    if (m_loading.load())
        return;
    m_conn.interrupt();
}

void DashboardWorker::stop()
{
    m_gen.stopAll();
    m_conn.interrupt();
}

void DashboardWorker::open(const QString &path, const Cache::LockWaitNotice &lockWaitNotice)
{
    try {
        m_conn.adopt(Cache::open(path, Database::Mode::ReadWrite, lockWaitNotice));
        m_openError.clear();
        m_snapshot.setStore(Dashboard::Snapshot::storePathFor(path));
    } catch (const CacheError &e) {
        m_openError = e.message();
    } catch (const DbError &e) {
        m_openError = tr("%1: %2").arg(path, e.message());
    }
}

void DashboardWorker::close()
{
    m_conn.close();
}

void DashboardWorker::loadSnapshot()
{
    // While it loads, a newer view waits for it (supersede does not interrupt); a stop does.
    struct Loading
    {
        std::atomic<bool> &flag;
        explicit Loading(std::atomic<bool> &f)
            : flag(f)
        {
            flag = true;
        }
        ~Loading() { flag = false; }
    } loading(m_loading);
    m_snapshot.refresh(m_conn.db(), Dashboard::Snapshot::Load::TwoConnections, [this] { return m_gen.stopped(); });
}

void DashboardWorker::preload()
{
    if (!m_useSnapshot || !m_conn.isOpen())
        return;
    try {
        loadSnapshot();
    } catch (const std::exception &) {
        // The first view loads it again and says what went wrong.
    }
}

void DashboardWorker::compute(quint64 gen, const ViewSpec &spec, const Dashboard::Options &options)
{
    if (stale(gen))
        return;
    if (!m_conn.isOpen()) {
        emit failed(gen, m_openError.isEmpty() ? tr("The cache is not open.") : m_openError);
        return;
    }
    QElapsedTimer timer;
    timer.start();
    DashboardData data;
    try {
        if (m_useSnapshot) {
            loadSnapshot();
            if (stale(gen))
                return;
        }
        Dashboard::Computation c(m_conn.db(), spec, options, m_useSnapshot ? &m_snapshot : nullptr);
        c.models(data);
        if (stale(gen))
            return;
        c.top(data);
        if (stale(gen))
            return;
        emit partReady(gen, TopPart | ModelPart, data);
        c.usage(data);
        if (stale(gen))
            return;
        emit partReady(gen, TopPart | ModelPart | UsagePart, data);
        c.evidence(data);
        if (stale(gen))
            return;
        emit partReady(gen, TopPart | ModelPart | UsagePart | EvidencePart, data);
        if (options.families) {
            c.families(data);
            if (stale(gen))
                return;
            emit partReady(gen, TopPart | ModelPart | UsagePart | EvidencePart | FamilyPart, data);
        }
        emit finished(gen, timer.elapsed());
        // Once the view is out: the next start reads this copy instead of the cache's rows.
        if (m_useSnapshot)
            m_snapshot.saveStore();
    } catch (const DbError &e) {
        // An interrupt means a newer view took over: nobody waits for this one.
        if (!e.isInterrupt() && !stale(gen))
            emit failed(gen, e.message());
    } catch (const std::exception &e) {
        if (!stale(gen))
            emit failed(gen, QString::fromLocal8Bit(e.what())); // out of memory for the snapshot, say
    }
}

DashboardWidget::DashboardWidget(const QString &cachePath, QWidget *parent, const Cache::LockWaitNotice &lockWaitNotice)
    : QWidget(parent)
    , m_cachePath(cachePath)
    , m_runner(QStringLiteral("uptake-dashboard"))
    , m_worker(m_runner.host<DashboardWorker>())
{
    qRegisterMetaType<DashboardData>();

    m_status = new QLabel(this);
    m_status->setTextFormat(Qt::PlainText);
    m_status->setWordWrap(true);

    // Two charts a row, the weekly series across the page below them: three charts in one row
    // of a 1280x800 window cut their titles and labels (bench/dashboard_draw_bench, looked at).
    // A page scrolls below its charts' minimum sizes instead of clipping them; the demand
    // evidence has a page of its own, two by two, which fits 1280x800 without scrolling.
    const struct
    {
        DashboardChart chart;
        int page, row, column, span;
    } cells[] = {
        {DashboardChart::Tasks, 0, 0, 0, 6},     {DashboardChart::Concentration, 0, 0, 6, 6},
        {DashboardChart::Funnel, 0, 1, 0, 6},    {DashboardChart::Top, 0, 1, 6, 6},
        {DashboardChart::Weekly, 0, 2, 0, 12},   {DashboardChart::Retention, 1, 0, 0, 6},
        {DashboardChart::DemandMap, 1, 0, 6, 6}, {DashboardChart::Cohorts, 1, 1, 0, 6},
        {DashboardChart::Lifecycle, 1, 1, 6, 6}, {DashboardChart::Families, 2, 0, 0, 12},
    };
    m_pages = new QTabWidget(this);
    m_pages->setDocumentMode(true);
    m_pages->setObjectName(QStringLiteral("dashboardPages"));
    QGridLayout *grids[3];
    const QString titles[] = {tr("Supply and demand"), tr("Does demand last?"), tr("Families")};
    for (int page = 0; page < 3; ++page) {
        auto *grid = grids[page] = new QGridLayout;
        grid->setSpacing(6);
        grid->setContentsMargins(0, 0, 0, 0);
        for (int col = 0; col < 12; ++col)
            grid->setColumnStretch(col, 1);
        for (int row = 0; row < (page == 0 ? 3 : page == 1 ? 2 : 1); ++row)
            grid->setRowStretch(row, 1);
        auto *content = new QWidget;
        content->setLayout(grid);
        auto *scroll = new QScrollArea;
        scroll->setWidget(content);
        scroll->setWidgetResizable(true);
        scroll->setFrameShape(QFrame::NoFrame);
        m_pages->addTab(scroll, titles[page]);
    }
    m_pages->setTabToolTip(1, tr("Whether the callers of this view come back, week after week, and which models "
                                 "have broad and lasting demand"));
    m_pages->setTabToolTip(2, tr("Base models ranked by the callers of the models made from them (fine-tunes, "
                                 "adapters, quantisations), beside how many of those are listed"));
    for (const auto &c : cells) {
        auto *view = new DashboardChartView(c.chart);
        // Two rows of the evidence page fit a 1280x800 window without scrolling.
        if (c.page == 1)
            view->setMinimumHeight(270);
        // The loop has ten steps, and a category axis elides every label taller than its row:
        // about 22 pixels a step, beside the title, axis and legend (the page scrolls).
        if (c.chart == DashboardChart::Funnel)
            view->setMinimumHeight(360);
        m_views[c.chart] = view;
        grids[c.page]->addWidget(view, c.row, c.column, 1, c.span);
        connect(view, &DashboardChartView::taskActivated, this, &DashboardWidget::taskActivated);
        connect(view, &DashboardChartView::modelActivated, this, &DashboardWidget::modelActivated);
    }

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(m_status);
    layout->addWidget(m_pages, 1);
    // The families are computed when their page is first shown for a view.
    connect(m_pages, &QTabWidget::currentChanged, this, [this](int page) {
        if (page == kFamiliesPage && m_familiesGen != m_gen && !m_debounce.isActive())
            start();
    });

    // Changes made in one turn of the event loop compute once. Typing is already debounced
    // by the filter panel (FilterPanel::DebounceMs): a second wait here cost every change
    // 250 ms of the 500 ms it may take.
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(0);
    connect(&m_debounce, &QTimer::timeout, this, &DashboardWidget::start);

    connect(m_worker, &DashboardWorker::partReady, this, &DashboardWidget::onPart);
    // Charts take their data one per turn of the event loop: all four of the evidence page in
    // one go held the UI thread 70-140 ms at 2M models.
    m_drain.setSingleShot(true);
    m_drain.setInterval(0);
    connect(&m_drain, &QTimer::timeout, this, &DashboardWidget::drainOne);
    connect(m_worker, &DashboardWorker::finished, this, [this](quint64 gen, qint64 ms) {
        if (gen != m_gen)
            return;
        m_doneMs = ms;
        finishWhenDrawn();
    });
    connect(m_worker, &DashboardWorker::failed, this, [this](quint64 gen, const QString &message) {
        if (gen != m_gen)
            return;
        m_pending.clear();
        m_doneMs.reset();
        m_busy = false;
        m_familiesGen = 0; // showing the page again tries again
        for (auto &[kind, view] : m_views)
            view->showMessage(tr("The dashboard could not be computed: %1").arg(message));
        m_status->setText(message);
        emit updated();
    });
    QMetaObject::invokeMethod(m_worker, [w = m_worker, path = cachePath, lockWaitNotice] { w->open(path, lockWaitNotice); });
    // The snapshot starts loading at once, not after the first view's debounce: it is most of
    // that view's time, and the view waits for it instead of starting it over.
    QMetaObject::invokeMethod(m_worker, [w = m_worker] { w->preload(); });
    setView(ViewSpec());
}

DashboardWidget::~DashboardWidget() = default; // m_runner stops the worker and joins its thread

DashboardChartView *DashboardWidget::chartView(DashboardChart chart) const
{
    return m_views.at(chart);
}

void DashboardWidget::showChart(DashboardChart chart)
{
    m_pages->setCurrentIndex(chart == DashboardChart::Families        ? kFamiliesPage
                             : DashboardCharts::isEvidenceChart(chart) ? 1
                                                                       : 0);
}

void DashboardWidget::setView(const ViewSpec &spec)
{
    m_spec = spec;
    m_busy = true;
    m_debounce.start();
}

void DashboardWidget::refresh()
{
    setView(m_spec);
}

void DashboardWidget::drainOne()
{
    if (m_pending.empty())
        return;
    const auto [view, data] = m_pending.front();
    m_pending.pop_front();
    view->setData(*data);
    if (!m_pending.empty())
        m_drain.start();
    finishWhenDrawn();
}

void DashboardWidget::finishWhenDrawn()
{
    // (A view set meanwhile is still to start: the last one's end is not this one's.)
    if (!m_doneMs || !m_pending.empty() || m_debounce.isActive())
        return;
    const qint64 ms = *m_doneMs;
    m_doneMs.reset();
    m_busy = false;
    // The plural form follows the count; %1 carries the full 64-bit figure in the user's locale.
    const QLocale l;
    auto plural = [](qint64 n) { return int(std::min<qint64>(n, std::numeric_limits<int>::max())); };
    m_status->setText(tr("%1 in this view, %2 in the usage window. Computed in %3 s. "
                         "Click a task or a model to filter the table; right-click a chart to export it.")
                          .arg(tr("%1 model(s)", nullptr, plural(m_lastModels)).arg(l.toString(m_lastModels)),
                               tr("%1 call(s)", nullptr, plural(m_lastCalls)).arg(l.toString(m_lastCalls)),
                               l.toString(double(ms) / 1000.0, 'f', 2)));
    emit updated();
}

void DashboardWidget::start()
{
    ++m_gen;
    m_pending.clear(); // the previous view's
    m_doneMs.reset();
    m_worker->supersede(m_gen);
    m_busy = true;
    m_status->setText(tr("Computing the charts for this view…"));
    Dashboard::Options options;
    options.maxLorenzPoints = std::clamp(m_views.at(DashboardChart::Concentration)->plotWidth(), 50, 400);
    options.maxBuckets = std::clamp(m_views.at(DashboardChart::Weekly)->plotWidth() / 4, 12, 200);
    // A bar needs about 18 pixels for its label to show: no more models than the chart can name.
    options.topModels = std::clamp((m_views.at(DashboardChart::Top)->height() - 150) / 18, 5, 15);
    // The families' chart has an axis above too, and at 18 pixels a row Qt Charts elided every
    // name to "..." (seen at 1280x800): 22 a row under 200 pixels of title, axes and legend.
    options.topFamilies = std::clamp((m_views.at(DashboardChart::Families)->height() - 200) / 22, 5, 25);
    options.families = m_pages->currentIndex() == kFamiliesPage;
    m_familiesGen = options.families ? m_gen : 0;
    QMetaObject::invokeMethod(m_worker, [w = m_worker, gen = m_gen, spec = m_spec, options] {
        w->compute(gen, spec, options);
    });
}

void DashboardWidget::onPart(quint64 gen, int parts, const DashboardData &data)
{
    if (gen != m_gen)
        return; // an answer for a view the user has left
    m_lastModels = data.viewModels;
    m_lastCalls = data.viewCalls;
    const auto shared = std::make_shared<const DashboardData>(data);
    auto setData = [&](DashboardChartView *view) {
        // A newer part replaces what the chart was still waiting for.
        m_pending.erase(std::remove_if(m_pending.begin(), m_pending.end(), [&](const auto &p) { return p.first == view; }),
                        m_pending.end());
        m_pending.emplace_back(view, shared);
        m_drain.start();
    };
    const bool usage = parts & DashboardWorker::UsagePart;
    const bool evidence = parts & DashboardWorker::EvidencePart;
    const bool families = parts & DashboardWorker::FamilyPart;
    for (auto &[kind, view] : m_views) {
        if (kind == DashboardChart::Families) {
            // Until the families come (or while their page is hidden): why there are none
            // (no model matches, no usage), or that they are being computed.
            if (families || !usage)
                setData(view);
            continue;
        }
        if (DashboardCharts::isEvidenceChart(kind)) {
            if (evidence)
                setData(view);
            else if (!usage)
                view->showMessage(tr("Computing whether callers come back…")); // not the previous view's figures
            continue;
        }
        const bool usageChart = kind == DashboardChart::Weekly || kind == DashboardChart::Funnel;
        // The funnel is drawn again with the evidence: its week-4 step comes from there.
        if (usageChart ? usage && (kind == DashboardChart::Funnel || !evidence) : !usage)
            setData(view);
        else if (usageChart && !usage)
            view->showMessage(tr("Computing usage over time and callers…"));
    }
}

bool DashboardWidget::exportChart(const QString &name, const QString &path, QString *error) const
{
    const auto chart = DashboardCharts::fromName(name);
    if (!chart) {
        if (error)
            *error = tr("unknown chart '%1'").arg(name);
        return false;
    }
    if (*chart == DashboardChart::Families && m_familiesGen != m_gen) {
        // Not computed for this view (its page was not shown): no placeholder as a chart.
        if (error)
            *error = tr("the families are computed when their page is shown: open the Families page, then export");
        return false;
    }
    const DashboardChartView *view = m_views.at(*chart);
    return view->exportTo(path, view->size(), view->devicePixelRatioF(), error);
}

void DashboardWidget::exportChartDialog()
{
    QStringList names;
    for (const DashboardChart c : DashboardCharts::all())
        names << DashboardCharts::displayName(c);
    bool ok = false;
    const QString picked = QInputDialog::getItem(this, tr("Export Chart"), tr("Chart:"), names, 0, false, &ok);
    if (!ok)
        return;
    const DashboardChart chart = DashboardCharts::all().at(names.indexOf(picked));
    const QString suggested = QStandardPaths::writableLocation(QStandardPaths::PicturesLocation) + QLatin1Char('/')
                              + QStringLiteral("uptake-%1.png").arg(DashboardCharts::name(chart));
    const QString path = QFileDialog::getSaveFileName(this, tr("Export Chart"), suggested,
                                                      tr("PNG image (*.png);;SVG image (*.svg)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!exportChart(DashboardCharts::name(chart), path, &error))
        QMessageBox::warning(this, tr("Export Chart"), error);
}

} // namespace uptake
