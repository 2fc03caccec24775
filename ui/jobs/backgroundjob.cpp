#include "jobs/backgroundjob.h"

#include "db/cache.h"
#include "view/exporter.h"
#include "ingest/importer.h"

#include <QProgressDialog>
#include <QThread>

BackgroundJob::BackgroundJob(QWidget *parent, const QString &title, Work work)
    : QObject(parent)
    , m_work(std::move(work))
{
    m_dialog = new QProgressDialog(parent);
    m_dialog->setWindowTitle(title);
    m_dialog->setLabelText(title);
    m_dialog->setRange(0, 1000);
    m_dialog->setMinimumDuration(300);
    m_dialog->setWindowModality(Qt::WindowModal);
    m_dialog->setAutoClose(false);
    m_dialog->setAutoReset(false);
    m_dialog->setMinimumWidth(420);
    connect(m_dialog, &QProgressDialog::canceled, this, &BackgroundJob::cancel);
}

BackgroundJob::~BackgroundJob()
{
    if (m_thread) {
        cancel();
        m_thread->wait();
        delete m_thread;
    }
    delete m_dialog;
}

void BackgroundJob::cancel()
{
    m_cancel.store(true);
    Database::abandonLockWaits();
}

void BackgroundJob::start()
{
    m_dialog->setValue(0);
    Reporter reporter;
    int lastPermille = -1;
    reporter.progress = [this, lastPermille](std::int64_t done, std::int64_t total) mutable {
        const int permille = total > 0 ? int(std::min<std::int64_t>(1000, done * 1000 / total)) : 0;
        if (permille != lastPermille) {
            lastPermille = permille;
            QMetaObject::invokeMethod(
                this, [this, permille] {
                    if (m_dialog)
                        m_dialog->setValue(permille);
                },
                Qt::QueuedConnection);
        }
        return !m_cancel.load();
    };
    reporter.setLabel = [this](const QString &text) {
        QMetaObject::invokeMethod(
            this, [this, text] {
                if (m_dialog)
                    m_dialog->setLabelText(text);
            },
            Qt::QueuedConnection);
    };
    m_thread = QThread::create([this, reporter] {
        QString error;
        bool cancelled = false;
        try {
            m_work(reporter);
        } catch (const Cancelled &) {
            cancelled = true;
        } catch (const Error &e) {
            error = e.message();
        } catch (const std::exception &e) { // out of memory, say
            error = QString::fromLocal8Bit(e.what());
        }
        QMetaObject::invokeMethod(this, [this, error, cancelled] { onDone(error, cancelled); }, Qt::QueuedConnection);
    });
    m_thread->setObjectName(QStringLiteral("uptake-job"));
    m_thread->start();
}

void BackgroundJob::onDone(const QString &error, bool cancelled)
{
    m_thread->wait();
    delete m_thread;
    m_thread = nullptr;
    if (m_dialog)
        m_dialog->hide();
    emit finished(error, cancelled || m_cancel.load());
}
