#pragma once

#include "db/cache.h"
#include "dashboard/dashboardcharts.h"
#include "db/database.h"
#include "jobs/jobrunner.h"
#include "jobs/worker.h"
#include "view/viewspec.h"

#include <QObject>
#include <QString>
#include <QTimer>
#include <QWidget>

#include <atomic>
#include <deque>
#include <map>
#include <memory>
#include <optional>
#include <utility>

class QLabel;
class QTabWidget;

namespace uptake {

// Computes DashboardData on its own connection, in its own thread. Requests carry a
// generation; supersede() interrupts the running query and makes older requests silent.
class DashboardWorker final : public JobWorker
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DashboardWorker)

public:
    // Which charts a partial result can already draw.
    enum Part { TopPart = 1, ModelPart = 2, UsagePart = 4, EvidencePart = 8, FamilyPart = 16 };

    explicit DashboardWorker(QObject *parent = nullptr);
    ~DashboardWorker() override;

    // Thread-safe: from now on only generation >= gen matters.
    void supersede(quint64 gen);
    // Thread-safe: stop whatever runs, the snapshot's load included (on shutdown).
    void stop() override;
    // Keep the cache's usage in memory (Dashboard::Snapshot) so that filter changes are fast.
    // On by default; call before the first compute.
    void setUseSnapshot(bool on) { m_useSnapshot = on; }

    // Run in the worker's thread (post with QMetaObject::invokeMethod).
    void open(const QString &path, const Cache::LockWaitNotice &lockWaitNotice);
    void close() override;
    // Loads the snapshot ahead of the first compute (which would load it anyway).
    void preload();
    void compute(quint64 gen, const ViewSpec &spec, const Dashboard::Options &options);

signals:
    void partReady(quint64 gen, int parts, const DashboardData &data);
    void finished(quint64 gen, qint64 ms);
    void failed(quint64 gen, const QString &message);

private:
    bool stale(quint64 gen) const { return m_gen.stale(gen); }
    void loadSnapshot(); // m_snapshot, up to date; throws as Snapshot::refresh does

    WorkerConnection m_conn;
    QString m_openError;
    Generation m_gen;
    std::atomic<bool> m_loading{false};
    bool m_useSnapshot = true;
    Dashboard::Snapshot m_snapshot;
};

// The supply-vs-usage dashboard: charts that follow the table's filter and usage window,
// computed in a worker thread, on two pages: supply and demand, and whether demand lasts. Embed it as a tab and feed it the view:
//   auto *dash = new DashboardWidget(cachePath);
//   connect(filterPanel, &..., dash, &DashboardWidget::setView);
//   connect(dash, &DashboardWidget::taskActivated, ...);   // filter the table to a task
//   connect(dash, &DashboardWidget::modelActivated, ...);  // select a model
class DashboardWidget final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DashboardWidget)

public:
    explicit DashboardWidget(const QString &cachePath, QWidget *parent = nullptr,
                             const Cache::LockWaitNotice &lockWaitNotice = {});
    ~DashboardWidget() override;

    DashboardChartView *chartView(DashboardChart chart) const;
    // Shows the page that holds the chart (for screenshots and tests).
    void showChart(DashboardChart chart);
    ViewSpec view() const { return m_spec; }
    // True while a computation for the current view is running or pending.
    bool isBusy() const { return m_busy; }
    // How many computations have been started; quick changes of the view start one.
    quint64 computationsStarted() const { return m_gen; }
    // Writes one chart (by name: DashboardCharts::name) to a .png or .svg.
    bool exportChart(const QString &name, const QString &path, QString *error = nullptr) const;

public slots:
    // The view to follow; the changes of one turn of the event loop compute once.
    void setView(const ViewSpec &spec);
    // Computes the current view again (after an import, say).
    void refresh();
    // Asks which chart and where, then writes it: for File > Export Chart...
    void exportChartDialog();

signals:
    void taskActivated(const QString &task);
    void modelActivated(const QString &modelId);
    // Every chart shows the current view (or its empty state).
    void updated();

private:
    void start();
    void onPart(quint64 gen, int parts, const DashboardData &data);
    void drainOne(); // gives the next waiting chart its data
    void finishWhenDrawn(); // once computed and every chart has its data: not busy

    QString m_cachePath;
    JobRunner m_runner;
    DashboardWorker *m_worker; // m_runner's
    std::map<DashboardChart, DashboardChartView *> m_views;
    QLabel *m_status;
    QTabWidget *m_pages;
    QTimer m_debounce;
    ViewSpec m_spec;
    quint64 m_gen = 0;
    quint64 m_familiesGen = 0; // the view whose computation includes the families
    static constexpr int kFamiliesPage = 2;
    bool m_busy = false;
    qint64 m_lastModels = 0, m_lastCalls = 0;
    // Charts waiting for their data, the oldest first, and the computation's time once it ended.
    std::deque<std::pair<DashboardChartView *, std::shared_ptr<const DashboardData>>> m_pending;
    QTimer m_drain;
    std::optional<qint64> m_doneMs;
};

} // namespace uptake
