#pragma once

#include "progress.h"

#include <QObject>
#include <QString>

#include <atomic>
#include <functional>

class QThread;

namespace uptake {

// The one way the window runs a piece of work off the UI thread: an import, an export, a
// sync, the demo data. The work runs on a thread of its own with a connection of its own;
// everything it throws is caught here, once (Cancelled is no failure; any other Error's
// message, or a std::exception's, is the failure), and finished() tells the UI thread.
// The long-lived queries of the table and the dashboard use Worker (jobs/worker.h).
//
//   m_job = new JobRunner(QStringLiteral("uptake-export"), this);
//   connect(m_job, &JobRunner::progressed, bar, &QProgressBar::setValue);
//   connect(m_job, &JobRunner::finished, this, [](const QString &error, bool cancelled) { ... });
//   m_job->start([path](const JobRunner::Context &job) { ... job.progress() ... });
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
    // Cancels and waits for the work to stop.
    ~JobRunner() override;

    // False (and nothing started) while an earlier work still runs.
    bool start(Work work);
    bool isRunning() const { return m_thread != nullptr; }
    // Asks the work to stop at its next progress call, and ends any wait for another
    // program's lock, which would not look at the flag for minutes.
    void cancel();

signals:
    void progressed(int permille);
    void labelChanged(const QString &text);
    // error is empty on success; cancelled is set when Cancel stopped the work.
    void finished(const QString &error, bool cancelled);

private:
    void onDone(const QString &error, bool cancelled);

    QString m_threadName;
    QThread *m_thread = nullptr;
    std::atomic<bool> m_cancel{false};
};

} // namespace uptake
