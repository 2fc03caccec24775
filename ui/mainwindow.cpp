#include "mainwindow.h"

#include "browser/catalogueloader.h"
#include "browser/cataloguemodel.h"
#include "browser/catalogueview.h"
#include "browser/detailpane.h"
#include "browser/filterpanel.h"
#include "dashboard/dashboardwidget.h"
#include "db/cache.h"
#include "jobs/backgroundjob.h"
#include "jobs/jobrunner.h"
#include "settings.h"
#include "text/displaytext.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QScreen>
#include <QShortcut>
#include <QScrollArea>
#include <QScrollBar>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QToolButton>
#include <QToolTip>
#include <QVBoxLayout>

#include <chrono>
#include <climits>
#include <limits>
#include <thread>
#include <utility>

namespace uptake {

namespace {

// While alive, tells every SQLite lock wait in the process to give up, again and again: a
// thread may only start waiting after the first call. Closing the window must not hang for
// the minutes another program may hold the cache's write lock.
class LockWaitBreaker final
{
    Q_DISABLE_COPY_MOVE(LockWaitBreaker)

public:
    LockWaitBreaker()
        : m_thread([](std::stop_token stop) {
            while (!stop.stop_requested()) {
                Database::abandonLockWaits();
                std::this_thread::sleep_for(std::chrono::milliseconds(20));
            }
        })
    {
    }

private:
    std::jthread m_thread;
};

int defaultWidth(int column)
{
    switch (column) {
    case Columns::ModelId: return 240;
    case Columns::Author: return 100;
    case Columns::Task: return 130;
    case Columns::Name: return 160;
    case Columns::Tags: return 200;
    case Columns::FeesPaid: return 104;
    case Columns::CreatedAt:
    case Columns::UpdatedAt:
    case Columns::FirstCall:
    case Columns::LastCall: return 86;
    default: return 64;
    }
}

bool hiddenByDefault(int column)
{
    return column >= Columns::Listed;
}

// Wide enough for the title and the sort arrow: a clipped header reads as a bug.
int titleWidth(const QHeaderView *header, int column)
{
    return header->fontMetrics().horizontalAdvance(CatalogueModel::columnTitle(column)) + 30;
}

} // namespace

MainWindow::MainWindow(const QString &cachePath, QWidget *parent)
    : MainWindow(cachePath, DemoOptions(), parent)
{
}

MainWindow::MainWindow(const QString &cachePath, const DemoOptions &firstStartDemo, QWidget *parent)
    : MainWindow(cachePath, EmptyCache::BuildDemo, firstStartDemo, parent)
{
}

MainWindow::MainWindow(const QString &cachePath, EmptyCache whenEmpty, const DemoOptions &firstStartDemo,
                       QWidget *parent)
    : QMainWindow(parent)
    , m_cachePath(cachePath)
    , m_demoOptions(firstStartDemo)
    , m_whenEmpty(whenEmpty)
    , m_loader(std::make_unique<LoaderThread>())
{
    setObjectName(QStringLiteral("MainWindow"));

    CatalogueLoader *loader = m_loader->loader();
    m_model = new CatalogueModel(loader, this);
    buildUi();
    buildMenus();
    restoreSettings();

    connect(loader, &CatalogueLoader::opened, this, &MainWindow::onOpened);
    connect(loader, &CatalogueLoader::openFailed, this, &MainWindow::onOpenFailed);
    connect(loader, &CatalogueLoader::choicesReady, m_filters, &FilterPanel::setChoices);
    connect(loader, &CatalogueLoader::detailReady, this, [this](quint64 request, const ModelDetail &d) {
        if (request == m_detailRequest) {
            m_detail->setDetail(d);
            fitDetailDock(d.found);
        }
    });
    connect(loader, &CatalogueLoader::failed, this,
            [this](const QString &message) { statusBar()->showMessage(tr("Query failed: %1").arg(message), 10000); });

    connect(m_model, &CatalogueModel::firstRowsShown, this, [this] {
        m_filters->setMatchCount(m_model->matchCount(), m_model->isComplete());
        onViewShown(m_model->isComplete());
        updateVisibleRows();
    });
    connect(m_model, &CatalogueModel::viewComplete, this, [this](qint64 n) {
        m_filters->setMatchCount(n, true);
        // An import or a sync filled the empty cache: the note that it is empty goes.
        if (m_emptyNote && n > 0) {
            m_emptyNote = false;
            m_banner->hide();
        }
        onViewShown(true);
        updateDashboard();
    });
    connect(m_model, &CatalogueModel::pageLoaded, this, &MainWindow::selectModelWhenLoaded);
    connect(m_model, &CatalogueModel::pageLoaded, this, &MainWindow::copyWhenLoaded);
    connect(m_model, &CatalogueModel::loadingChanged, this, [this](bool loading) {
        m_busyLabel->setText(loading ? tr("Loading\u2026") : QString());
        if (loading)
            m_figuresCurrent = false;
        updateStatus();
    });
    connect(m_model, &CatalogueModel::figuresReady, this, [this](const CatalogueFigures &f) {
        m_figures = f;
        m_figuresCurrent = true;
        updateStatus();
    });
    connect(m_filters, &FilterPanel::changed, this, &MainWindow::applyFilters);

    QMetaObject::invokeMethod(
        loader, [loader, path = cachePath, notice = lockWaitNotice()] { loader->open(path, notice); },
        Qt::QueuedConnection);
}

Cache::LockWaitNotice MainWindow::lockWaitNotice() const
{
    // Another Uptake writing the cache (an import from the command line) makes this window's
    // connections wait for its lock: say so instead of looking stuck. Called on whichever
    // thread waits; the window may be gone by then.
    return [window = QPointer<const MainWindow>(this)](const QString &path) {
        QMetaObject::invokeMethod(
            qApp,
            [window, path] {
                if (window)
                    window->statusBar()->showMessage(
                        tr("%1 is being written by another Uptake; waiting for it to finish\u2026").arg(path), 10000);
            },
            Qt::QueuedConnection);
    };
}

MainWindow::~MainWindow()
{
    // Every thread below may be waiting for another program's lock: make them give up.
    const LockWaitBreaker breaker;
    delete m_job; // cancels and waits
    delete m_demoJob; // cancels and waits
    // Stop the loader thread while the breaker runs: it may be waiting on a lock right now.
    m_table->setModel(nullptr);
    m_loader.reset();
    delete m_dashboard; // joins its worker thread, here rather than after the breaker is gone
    m_dashboard = nullptr;
}

void MainWindow::buildUi()
{
    auto *view = new CatalogueView;
    m_table = view;
    m_table->setObjectName(QStringLiteral("catalogue"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    // Several rows for Ctrl+C; the detail pane follows the current one.
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->setTextElideMode(Qt::ElideRight);
    m_table->setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
    // Fixed row heights: the view never measures rows, however many there are.
    QHeaderView *vertical = m_table->verticalHeader();
    vertical->setSectionResizeMode(QHeaderView::Fixed);
    vertical->setDefaultSectionSize(m_table->fontMetrics().height() + 6);
    vertical->setDefaultAlignment(Qt::AlignRight | Qt::AlignVCenter);
    QHeaderView *header = m_table->horizontalHeader();
    header->setSectionsClickable(true);
    header->setSectionsMovable(true);
    header->setHighlightSections(false);
    header->setStretchLastSection(false);
    header->setSortIndicator(Columns::Calls, Qt::DescendingOrder);
    for (int c = 0; c < Columns::Count; ++c) {
        header->resizeSection(c, std::max(defaultWidth(c), titleWidth(header, c)));
        header->setSectionHidden(c, hiddenByDefault(c));
    }
    view->syncColumns();
    m_table->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_table, &QWidget::customContextMenuRequested, this, &MainWindow::showRowMenu);
    header->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(header, &QHeaderView::customContextMenuRequested, this, [this, header](const QPoint &pos) {
        QMenu menu(this);
        for (int c = 0; c < Columns::Count; ++c) {
            QAction *a = menu.addAction(CatalogueModel::columnTitle(c));
            a->setCheckable(true);
            a->setChecked(!header->isSectionHidden(c));
            connect(a, &QAction::toggled, header, [header, c](bool on) { header->setSectionHidden(c, !on); });
        }
        menu.exec(header->mapToGlobal(pos));
    });
    connect(m_table->verticalScrollBar(), &QScrollBar::valueChanged, this, &MainWindow::updateVisibleRows);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                const qint64 id = current.isValid() ? m_model->rowIdAt(current.row()) : 0;
                if (id == 0 || id == m_detailModel)
                    return;
                m_detailModel = id;
                requestDetail();
            });

    // The demo note (or, on first start, the demo's progress) sits above the table.
    m_banner = new QFrame;
    m_banner->setObjectName(QStringLiteral("demoBanner"));
    m_banner->setStyleSheet(QStringLiteral("#demoBanner { background: #fff4ce; border: 1px solid #e5c55a;"
                                           " border-radius: 3px; } #demoBanner QLabel { color: #4a3b00; }"));
    m_bannerText = new QLabel;
    m_bannerText->setTextFormat(Qt::PlainText);
    m_bannerText->setWordWrap(true);
    m_bannerText->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_bannerProgress = new QProgressBar;
    m_bannerProgress->setMaximumWidth(260);
    m_bannerProgress->setRange(0, 1000);
    m_bannerClose = new QToolButton;
    m_bannerClose->setAutoRaise(true);
    m_bannerClose->setText(QStringLiteral("\u2715"));
    m_bannerClose->setToolTip(tr("Hide this note"));
    m_bannerClose->setObjectName(QStringLiteral("dismissBanner"));
    connect(m_bannerClose, &QToolButton::clicked, m_banner, &QWidget::hide);
    auto *bannerLayout = new QHBoxLayout(m_banner);
    bannerLayout->setContentsMargins(10, 6, 4, 6);
    bannerLayout->addWidget(m_bannerText, 1);
    bannerLayout->addWidget(m_bannerProgress);
    bannerLayout->addWidget(m_bannerClose, 0, Qt::AlignTop);
    m_banner->hide();

    // The dashboard is a second page over the same view; it is built when first shown.
    m_tabs = new QTabWidget;
    m_tabs->setObjectName(QStringLiteral("pages"));
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(m_table, tr("Catalogue"));
    m_dashboardPage = new QWidget;
    new QVBoxLayout(m_dashboardPage);
    m_dashboardPage->layout()->setContentsMargins(0, 4, 0, 0);
    m_tabs->addTab(m_dashboardPage, tr("Dashboard"));
    connect(m_tabs, &QTabWidget::currentChanged, this, &MainWindow::onTabChanged);

    // When the cache cannot be opened, this takes the table's place: what went wrong and the
    // ways on. A widget in the window rather than a modal box: nothing blocks, and the File
    // menu keeps working.
    m_failure = new QFrame;
    m_failure->setObjectName(QStringLiteral("openFailure"));
    m_failure->setStyleSheet(QStringLiteral("#openFailure { background: #fdecea; border: 1px solid #e0a39c;"
                                            " border-radius: 4px; } #openFailure QLabel { color: #5f2120; }"));
    auto *failureTitle = new QLabel(tr("This cache cannot be opened"));
    QFont titleFont = failureTitle->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.2);
    failureTitle->setFont(titleFont);
    m_failureText = new QLabel;
    m_failureText->setObjectName(QStringLiteral("openFailureMessage"));
    m_failureText->setTextFormat(Qt::PlainText);
    m_failureText->setWordWrap(true);
    m_failureText->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *failureHint = new QLabel(tr("Uptake has left the file as it is. You can open another cache, or start a "
                                      "fresh one in a new file and import your data into it."));
    failureHint->setWordWrap(true);
    auto *openAnother = new QPushButton(tr("Open Another Cache\u2026"));
    openAnother->setObjectName(QStringLiteral("openAnother"));
    connect(openAnother, &QPushButton::clicked, this, &MainWindow::chooseOpenCache);
    auto *startFresh = new QPushButton(tr("Start a Fresh Cache\u2026"));
    startFresh->setObjectName(QStringLiteral("startFresh"));
    connect(startFresh, &QPushButton::clicked, this, &MainWindow::chooseNewCache);
    auto *quit = new QPushButton(tr("Quit"));
    quit->setObjectName(QStringLiteral("quit"));
    connect(quit, &QPushButton::clicked, this, &QWidget::close);
    auto *failureButtons = new QHBoxLayout;
    failureButtons->addWidget(openAnother);
    failureButtons->addWidget(startFresh);
    failureButtons->addStretch(1);
    failureButtons->addWidget(quit);
    auto *failureLayout = new QVBoxLayout(m_failure);
    failureLayout->setContentsMargins(16, 14, 16, 14);
    failureLayout->setSpacing(10);
    failureLayout->addWidget(failureTitle);
    failureLayout->addWidget(m_failureText);
    failureLayout->addWidget(failureHint);
    failureLayout->addLayout(failureButtons);
    m_failure->setMaximumWidth(760);
    m_failure->hide();

    auto *central = new QWidget;
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(4, 4, 4, 0);
    layout->setSpacing(4);
    layout->addWidget(m_banner);
    layout->addWidget(m_failure, 1, Qt::AlignCenter);
    layout->addWidget(m_tabs, 1);
    setCentralWidget(central);

    m_filters = new FilterPanel;
    auto *filterScroll = new QScrollArea;
    filterScroll->setWidget(m_filters);
    filterScroll->setWidgetResizable(true);
    filterScroll->setFrameShape(QFrame::NoFrame);
    filterScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    auto *filterDock = new QDockWidget(tr("Filters"), this);
    filterDock->setObjectName(QStringLiteral("filterDock"));
    filterDock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetClosable);
    filterDock->setWidget(filterScroll);
    filterDock->setMinimumWidth(220);
    addDockWidget(Qt::LeftDockWidgetArea, filterDock);

    m_detail = new DetailPane;
    auto *detailDock = new QDockWidget(tr("Selected model"), this);
    detailDock->setObjectName(QStringLiteral("detailDock"));
    detailDock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetClosable
                            | QDockWidget::DockWidgetFloatable);
    detailDock->setWidget(m_detail);
    addDockWidget(Qt::BottomDockWidgetArea, detailDock);
    // The filter panel runs the full height; the detail pane sits under the table only.
    setCorner(Qt::BottomLeftCorner, Qt::LeftDockWidgetArea);
    resizeDocks({detailDock}, {330}, Qt::Vertical);
    resizeDocks({filterDock}, {235}, Qt::Horizontal);

    m_busyLabel = new QLabel;
    // Which cache this is: its file name here, the full path in the tooltip and the title bar.
    m_cacheLabel = new QLabel;
    m_cacheLabel->setObjectName(QStringLiteral("statusCache"));
    m_cacheLabel->setTextFormat(Qt::PlainText);
    statusBar()->addWidget(m_cacheLabel);
    m_countLabel = new QLabel;
    m_countLabel->setObjectName(QStringLiteral("statusCounts"));
    m_figuresLabel = new QLabel;
    m_figuresLabel->setObjectName(QStringLiteral("statusFigures"));
    m_figuresLabel->setTextFormat(Qt::PlainText);
    statusBar()->addWidget(m_busyLabel);
    statusBar()->addPermanentWidget(m_countLabel);
    statusBar()->addPermanentWidget(m_figuresLabel);
}

void MainWindow::restoreSettings()
{
    const Settings s;
    if (!restoreGeometry(s.windowGeometry()))
        resize(1280, 800);
    fitOnScreen();
    restoreState(s.windowState());
    QHeaderView *header = m_table->horizontalHeader();
    header->restoreState(s.headerState());
    // Saved in another language, the titles may be longer now: never narrower than its title.
    for (int c = 0; c < Columns::Count; ++c)
        if (!header->isSectionHidden(c) && header->sectionSize(c) < titleWidth(header, c))
            header->resizeSection(c, titleWidth(header, c));
    auto *view = static_cast<CatalogueView *>(m_table);
    view->syncColumns();
    // A wide window's spare room goes to the id, task and author, which are often cut.
    view->setStretchColumns({{Columns::ModelId, 0.6}, {Columns::Task, 0.2}, {Columns::Author, 0.2}});
    // Sorting goes to SQL through CatalogueModel::sort; enabling it applies the indicator.
    m_table->setSortingEnabled(true);
    // The first view (startView) reads the panel, so the restored filters apply from the start.
    if (s.restoreFilters())
        m_filters->setState(s.filterState());
    updateTitle();
}

void MainWindow::fitOnScreen()
{
    // Saved on a larger screen, or on one that is gone: the whole window within this one's
    // available area, shrunk if need be.
    const QScreen *screen = this->screen() ? this->screen() : QGuiApplication::primaryScreen();
    if (!screen || isMaximized() || isFullScreen())
        return;
    const QRect available = screen->availableGeometry();
    const QRect frame = frameGeometry();
    const QSize decoration = frame.size() - geometry().size();
    const QSize fits = geometry().size().boundedTo(available.size() - decoration);
    if (fits != geometry().size())
        resize(fits.expandedTo(minimumSizeHint().boundedTo(available.size() - decoration)));
    QRect placed = frameGeometry();
    if (placed.right() > available.right())
        placed.moveRight(available.right());
    if (placed.bottom() > available.bottom())
        placed.moveBottom(available.bottom());
    if (placed.left() < available.left())
        placed.moveLeft(available.left());
    if (placed.top() < available.top())
        placed.moveTop(available.top());
    if (placed.topLeft() != frameGeometry().topLeft())
        move(placed.topLeft());
}

void MainWindow::saveSettings()
{
    Settings s;
    s.setWindowGeometry(saveGeometry());
    // On the Dashboard the detail pane is only out of the way: saved as the catalogue has it,
    // or quitting there would lose it for good.
    auto *detailDock = findChild<QDockWidget *>(QStringLiteral("detailDock"));
    const bool setAside = m_tabs->currentWidget() == m_dashboardPage && m_detailDockWasVisible
                          && detailDock && !detailDock->isVisible();
    if (setAside)
        detailDock->show();
    s.setWindowState(saveState());
    if (setAside)
        detailDock->hide();
    s.setHeaderState(m_table->horizontalHeader()->saveState());
    s.setFilterState(m_filters->state());
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!stopWork()) {
        event->ignore();
        return;
    }
    saveSettings();
    QMainWindow::closeEvent(event);
}

void MainWindow::startView()
{
    if (m_isDemo && !m_demoJob)
        showBanner(false);
    ViewSpec spec = m_model->spec();
    m_filters->fill(spec);
    // The header's indicator (restored from the settings) decides the first sort.
    const QHeaderView *header = m_table->horizontalHeader();
    spec.sortColumn = header->sortIndicatorSection() >= 0 ? header->sortIndicatorSection() : int(Columns::Calls);
    spec.sortDescending = header->sortIndicatorOrder() == Qt::DescendingOrder;
    if (spec == m_model->spec())
        m_model->refresh(); // a sort asked for before the cache was open went nowhere
    else
        m_model->setSpec(spec);
    CatalogueLoader *loader = m_loader->loader();
    QMetaObject::invokeMethod(loader, [loader] { loader->loadChoices(); }, Qt::QueuedConnection);
    emit ready();
}

void MainWindow::showBanner(bool building)
{
    m_emptyNote = false;
    if (building) {
        const qint64 models = m_demoOptions.models, calls = m_demoOptions.events;
        auto plural = [](qint64 n) { return int(std::min<qint64>(n, std::numeric_limits<int>::max())); };
        m_bannerText->setText(tr("This cache is empty: building a demo registry (%1, %2) so that there is "
                                 "something to look at\u2026")
                                  .arg(tr("%1 model(s)", nullptr, plural(models)).arg(QLocale().toString(models)),
                                       tr("%1 call(s)", nullptr, plural(calls)).arg(QLocale().toString(calls))));
        m_bannerProgress->show();
        m_bannerClose->hide();
    } else {
        m_bannerText->setText(tr("Demo data: a made-up registry with made-up usage. To see your own, keep it in a "
                                 "cache of its own: File > New Cache, then File > Import Catalogue and Import Usage "
                                 "(or uptake --cache mine.sqlite import catalogue FILE on the command line)."));
        m_bannerProgress->hide();
        m_bannerClose->show();
    }
    m_banner->show();
}

void MainWindow::applyFilters()
{
    if (!m_open)
        return;
    ViewSpec spec = m_model->spec();
    const ViewSpec before = spec;
    m_filters->fill(spec);
    if (spec == before)
        return;
    m_model->setSpec(spec);
    // The window changes the selected model's figures and charts too.
    if (m_detailModel != 0 && (spec.sinceDay != before.sinceDay || spec.untilDay != before.untilDay))
        requestDetail();
}

void MainWindow::refresh()
{
    if (!m_open || m_demoJob)
        return;
    m_loader->loader()->markDataChanged();
    m_model->refresh();
    CatalogueLoader *loader = m_loader->loader();
    QMetaObject::invokeMethod(loader, [loader] { loader->loadChoices(); }, Qt::QueuedConnection);
    if (m_detailModel != 0)
        requestDetail();
    if (m_dashboard) {
        m_dashboardStale = true;
        updateDashboard();
    }
}

void MainWindow::requestDetail()
{
    const quint64 request = ++m_detailRequest;
    CatalogueLoader *loader = m_loader->loader();
    loader->supersedeDetail(request);
    QMetaObject::invokeMethod(
        loader, [loader, request, id = m_detailModel, spec = m_model->spec()] { loader->loadDetail(request, id, spec); },
        Qt::QueuedConnection);
}

void MainWindow::updateVisibleRows()
{
    const int first = m_table->rowAt(0);
    if (first < 0)
        return;
    int last = m_table->rowAt(m_table->viewport()->height() - 1);
    if (last < 0)
        last = m_model->rowCount() - 1;
    m_model->prefetch(first, last);
}

void MainWindow::updateStatus()
{
    const QLocale l;
    const CatalogueFigures &f = m_figures;
    auto pct = [&l](double share) { return l.toString(share * 100, 'f', 1) + l.percent(); };
    // The plural form follows each count; %1 keeps the full 64-bit figure in the user's locale.
    auto plural = [](qint64 n) { return int(std::min<qint64>(n, std::numeric_limits<int>::max())); };
    m_countLabel->setText(tr("%1 \u00b7 %2", "status bar: models, calls")
                              .arg(tr("%1 model(s)", nullptr, plural(f.models)).arg(l.toString(f.models)),
                                   tr("%1 call(s)", nullptr, plural(f.calls)).arg(l.toString(f.calls))));
    m_figuresLabel->setText(tr("listed %1 \u00b7 called %2 \u00b7 never called %3 \u00b7 Gini %4 \u00b7 "
                               "top 1% of models: %5 of calls")
                                .arg(l.toString(f.listed), l.toString(f.called), pct(f.neverCalledShare),
                                     l.toString(f.gini, 'f', 3), pct(f.top1Share)));
    const bool current = m_figuresCurrent;
    m_countLabel->setEnabled(current);
    m_figuresLabel->setEnabled(current);
}

void MainWindow::onTabChanged()
{
    // The detail pane belongs to the table's selection; the dashboard wants the height.
    auto *detailDock = findChild<QDockWidget *>(QStringLiteral("detailDock"));
    if (m_tabs->currentWidget() == m_dashboardPage) {
        m_detailDockWasVisible = detailDock->isVisible();
        detailDock->hide();
    } else if (m_detailDockWasVisible) {
        detailDock->show();
    }
    if (m_tabs->currentWidget() != m_dashboardPage || !m_open || m_demoJob)
        return;
    if (!m_dashboard) {
        m_dashboard = new DashboardWidget(m_cachePath, m_dashboardPage, lockWaitNotice());
        m_dashboard->setObjectName(QStringLiteral("dashboard"));
        m_dashboardPage->layout()->addWidget(m_dashboard);
        // A bar or a point on the dashboard narrows the table to it.
        connect(m_dashboard, &DashboardWidget::taskActivated, this, [this](const QString &task) {
            QToolTip::hideText(); // it belonged to the chart, which is no longer under the pointer
            m_tabs->setCurrentIndex(0);
            m_filters->setTask(task);
        });
        connect(m_dashboard, &DashboardWidget::modelActivated, this, [this](const QString &modelId) {
            QToolTip::hideText();
            m_tabs->setCurrentIndex(0);
            m_selectAfterLoad = modelId;
            m_filters->setSearch(modelId);
        });
        m_exportChart->setEnabled(true);
    }
    updateDashboard();
}

void MainWindow::updateDashboard()
{
    // Only the page one looks at computes: the dashboard catches up when shown.
    if (!m_dashboard || m_tabs->currentWidget() != m_dashboardPage)
        return;
    if (m_dashboardStale || !(m_dashboard->view() == m_model->spec())) {
        m_dashboardStale = false;
        m_dashboard->setView(m_model->spec());
    }
}

} // namespace uptake
