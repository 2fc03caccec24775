#include "jobs/backgroundjob.h"

#include <QProgressDialog>

namespace uptake {

BackgroundJob::BackgroundJob(QWidget *parent, const QString &title, Work work)
    : QObject(parent)
    , m_work(std::move(work))
    , m_runner(QStringLiteral("uptake-job"))
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
    connect(&m_runner, &JobRunner::progressed, m_dialog, &QProgressDialog::setValue);
    connect(&m_runner, &JobRunner::labelChanged, m_dialog, &QProgressDialog::setLabelText);
    connect(&m_runner, &JobRunner::finished, this, [this](const QString &error, bool cancelled) {
        if (m_dialog)
            m_dialog->hide();
        emit finished(error, cancelled);
    });
}

BackgroundJob::~BackgroundJob()
{
    delete m_dialog;
}

void BackgroundJob::start()
{
    m_dialog->setValue(0);
    m_runner.start([work = m_work](const JobRunner::Context &job) {
        Reporter reporter;
        reporter.progress = job.progress();
        reporter.setLabel = [&job](const QString &text) { job.setLabel(text); };
        work(reporter);
    });
}

} // namespace uptake
