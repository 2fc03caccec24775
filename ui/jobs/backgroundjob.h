#pragma once

#include "jobs/jobrunner.h"
#include "progress.h"

#include <QObject>
#include <QPointer>
#include <QProgressDialog>
#include <QString>

#include <functional>

class QWidget;

namespace uptake {

// A JobRunner behind a window-modal progress dialog whose Cancel stops it: the window's
// imports and exports. The work opens its own SQLite connection; it reports through the
// Reporter, which is safe to call from its thread.
class BackgroundJob final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BackgroundJob)

public:
    struct Reporter
    {
        ProgressFn progress; // returns false once Cancel was pressed
        std::function<void(const QString &)> setLabel;
    };
    // Throws on failure; Cancelled when stopped.
    using Work = std::function<void(const Reporter &)>;

    BackgroundJob(QWidget *parent, const QString &title, Work work);
    // Cancels and waits for the work.
    ~BackgroundJob() override;

    void start();
    void cancel() { m_runner.cancel(); }
    QProgressDialog *dialog() const { return m_dialog; }

signals:
    // error is empty on success; cancelled is set when Cancel stopped the work.
    void finished(const QString &error, bool cancelled);

private:
    Work m_work;
    QPointer<QProgressDialog> m_dialog;
    JobRunner m_runner;
};

} // namespace uptake
