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
{
}

JobRunner::~JobRunner()
{
    if (m_thread) {
        cancel();
        m_thread->wait();
        delete m_thread;
    }
}

bool JobRunner::start(Work work)
{
    if (m_thread)
        return false;
    m_cancel.store(false);
    m_thread = QThread::create([this, work = std::move(work)] {
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
        QMetaObject::invokeMethod(this, [this, error, cancelled] { onDone(error, cancelled); }, Qt::QueuedConnection);
    });
    m_thread->setObjectName(m_threadName);
    m_thread->start();
    return true;
}

void JobRunner::cancel()
{
    m_cancel.store(true);
    Database::abandonLockWaits();
}

void JobRunner::onDone(const QString &error, bool cancelled)
{
    if (!m_thread)
        return;
    m_thread->wait();
    delete m_thread;
    m_thread = nullptr;
    emit finished(error, cancelled);
}

} // namespace uptake
