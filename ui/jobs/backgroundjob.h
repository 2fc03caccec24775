#pragma once

#include "progress.h"

#include <QObject>
#include <QPointer>
#include <QProgressDialog>
#include <QString>

#include <atomic>
#include <functional>

class QThread;
class QWidget;

// Runs one long piece of work (an import, an export) on a thread of its own, behind a
// window-modal progress dialog whose Cancel stops it. The work opens its own SQLite
// connection; it reports through the Reporter, which is safe to call from its thread.
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
    // Cancels and waits for the thread.
    ~BackgroundJob() override;

    void start();
    // Also ends a wait for another program's lock, which would not look at the flag for minutes.
    void cancel();
    QProgressDialog *dialog() const { return m_dialog; }

signals:
    // error is empty on success; cancelled is set when Cancel stopped the work.
    void finished(const QString &error, bool cancelled);

private:
    void onDone(const QString &error, bool cancelled);

    Work m_work;
    QPointer<QProgressDialog> m_dialog;
    QThread *m_thread = nullptr;
    std::atomic<bool> m_cancel{false};
};
