#include "jobs/jobrunner.h"

#include "db/database.h"

#include <QThread>

#include <algorithm>

namespace uptake {

ProgressFn JobRunner::Context::progress() const
{
    return [runner = m_runner, last = -1](std::int64_t done, std::int64_t total) mutable {
        const int permille = total > 0 ? int(std::clamp<std::int64_t>(done * 1000 / total, 0, 1000)) : 0;
        if (permille != last) {
            last = permille;
            emit runner->progressed(permille);
        }
        return !runner->m_cancel.load();
    };
}

void JobRunner::Context::post(std::function<void()> fn) const
{
    QMetaObject::invokeMethod(m_runner, std::move(fn), Qt::QueuedConnection);
}

JobRunner::JobRunner(const QString &threadName, QObject *parent)
    : QObject(parent)
    , m_threadName(threadName)
    , m_onThread(new QObject)
{
    m_thread.setObjectName(threadName);
    m_onThread->moveToThread(&m_thread);
}

JobRunner::~JobRunner()
{
    if (m_running)
        cancel();
    if (m_worker) {
        m_worker->stop();
        // Blocking: an event posted before quit() is not always served before the loop ends,
        // and the connection must be closed on the thread that used it.
        if (m_thread.isRunning())
            QMetaObject::invokeMethod(m_worker, [w = m_worker] { w->close(); }, Qt::BlockingQueuedConnection);
    }
    m_thread.quit(); // after the running work, if any, returns
    m_thread.wait();
    delete m_worker;
    delete m_onThread;
}

void JobRunner::ensureStarted()
{
    if (!m_thread.isRunning())
        m_thread.start();
}

void JobRunner::adopt(JobWorker *worker)
{
    Q_ASSERT(!m_worker);
    m_worker = worker;
    worker->moveToThread(&m_thread);
    ensureStarted();
}

bool JobRunner::start(Work work)
{
    if (m_running)
        return false;
    m_running = true;
    m_cancel.store(false);
    ensureStarted();
    QMetaObject::invokeMethod(m_onThread, [this, work = std::move(work)]() mutable { run(work); }, Qt::QueuedConnection);
    return true;
}

void JobRunner::run(Work &work)
{
    QString error;
    bool cancelled = false;
    try {
        work(Context(this));
    } catch (const Cancelled &) {
        cancelled = true;
    } catch (const Error &e) {
        error = e.message();
    } catch (const std::exception &e) { // out of memory, say
        error = QString::fromLocal8Bit(e.what());
    }
    work = nullptr; // what the work holds is released before finished() says it is over
    QMetaObject::invokeMethod(this, [this, error, cancelled] { onDone(error, cancelled); }, Qt::QueuedConnection);
}

void JobRunner::cancel()
{
    m_cancel.store(true);
    Database::abandonLockWaits();
}

void JobRunner::onDone(const QString &error, bool cancelled)
{
    m_running = false;
    emit finished(error, cancelled);
}

} // namespace uptake
