#pragma once

#include "progress.h"

#include <QObject>
#include <QString>
#include <QThread>

#include <atomic>
#include <functional>

namespace uptake {

// A long-lived worker that a JobRunner hosts on its thread: a QObject whose slots, posted
// with QMetaObject::invokeMethod, are its requests, served in order (the table's
// CatalogueLoader, the dashboard's DashboardWorker).
class JobWorker : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(JobWorker)

public:
    using QObject::QObject;
    // Any thread: makes every request stale and cuts the running one short (on shutdown).
    virtual void stop() = 0;
    // The worker's thread, last of all: closes its connection.
    virtual void close() = 0;
};

// The one way the window runs work off the UI thread. A runner owns one thread, started on
// first use and joined when the runner goes. On it run one-shot works (an import, an export,
// a sync, the demo data) one at a time, and the long-lived worker it may host (the table's
// queries, the dashboard's). Everything a one-shot work throws is caught here, once
// (Cancelled is no failure; any other Error's message, or a std::exception's, is the
// failure), and finished() tells the UI thread.
//
//   m_job = new JobRunner(QStringLiteral("uptake-export"), this);
//   connect(m_job, &JobRunner::progressed, bar, &QProgressBar::setValue);
//   connect(m_job, &JobRunner::finished, this, [](const QString &error, bool cancelled) { ... });
//   m_job->start([path](const JobRunner::Context &job) { ... job.progress() ... });
//
//   JobRunner runner(QStringLiteral("uptake-loader"));
//   CatalogueLoader *loader = runner.host<CatalogueLoader>();
//   QMetaObject::invokeMethod(loader, [loader] { loader->loadChoices(); });
class JobRunner final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(JobRunner)

public:
    // What the work sees of its runner; every function is safe on the work's thread.
    class Context
    {
    public:
        explicit Context(JobRunner *runner)
            : m_runner(runner)
        {
        }
        bool cancelled() const { return m_runner->m_cancel.load(); }
        // A progress function for models/: emits progressed(permille) when the permille
        // changes, and returns false once the job is cancelled.
        ProgressFn progress() const;
        void setLabel(const QString &text) const { emit m_runner->labelChanged(text); }
        // Runs fn on the runner's thread, in order and before finished(): how the work hands
        // over a result.
        void post(std::function<void()> fn) const;

    private:
        JobRunner *m_runner;
    };
    // Throws on failure; Cancelled when stopped.
    using Work = std::function<void(const Context &)>;

    explicit JobRunner(const QString &threadName, QObject *parent = nullptr);
    // Cancels a running work, stops the hosted worker and closes it on its thread, then joins
    // the thread.
    ~JobRunner() override;

    // One-shot work: false (and nothing started) while an earlier work still runs.
    bool start(Work work);
    bool isRunning() const { return m_running; }
    // Asks the work to stop at its next progress call, and ends any wait for another
    // program's lock, which would not look at the flag for minutes.
    void cancel();

    // Makes a Worker (a JobWorker) that lives on this runner's thread until the runner goes;
    // the runner owns it. One worker a runner.
    template <class Worker> Worker *host()
    {
        auto *worker = new Worker;
        adopt(worker);
        return worker;
    }
    // The hosted worker's thread (for tests that check where the work runs).
    const QThread *thread() const { return &m_thread; }

signals:
    void progressed(int permille);
    void labelChanged(const QString &text);
    // error is empty on success; cancelled is set when Cancel stopped the work.
    void finished(const QString &error, bool cancelled);

private:
    void adopt(JobWorker *worker);
    void ensureStarted();
    void run(Work &work);
    void onDone(const QString &error, bool cancelled);

    QString m_threadName;
    QThread m_thread;
    QObject *m_onThread; // where one-shot works are posted; lives on m_thread
    JobWorker *m_worker = nullptr;
    bool m_running = false; // a one-shot work is running or its finished() is pending
    std::atomic<bool> m_cancel{false};
};

} // namespace uptake
