#pragma once

#include "db/cache.h"
#include "jobs/jobrunner.h"
#include "net/sync.h"

#include <QDialog>
#include <QString>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;

namespace uptake {

// Registry > Sync: asks for a registry URL and runs the sync on a thread of its own (with its
// own connection to the cache), showing pages and models so far, the retries and waits as
// they happen, and a Cancel that stops between two requests. Pages committed before a
// Cancel or an error stay in the cache, and the next sync of the URL resumes after them.
class SyncDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SyncDialog)

public:
    SyncDialog(const QString &cachePath, const QString &lastUrl, QWidget *parent = nullptr,
               Cache::LockWaitNotice lockWaitNotice = {});
    ~SyncDialog() override;

    // Starts with the options as filled in; the token, when the field is empty, comes from
    // UPTAKE_TOKEN. Tests call it directly; the Sync button calls it too.
    void start();
    void cancel();
    bool isRunning() const { return m_job.isRunning(); }
    QString url() const;
    void setOptionsForTest(const SyncOptions &base) { m_base = base; }

    // For tests.
    QLineEdit *urlEdit() const { return m_url; }
    QComboBox *formatBox() const { return m_format; }
    QSpinBox *limitBox() const { return m_limit; }
    QLabel *statusLabel() const { return m_status; }
    QPlainTextEdit *log() const { return m_log; }
    QPushButton *syncButton() const { return m_syncButton; }

    // Close; while a sync runs, Cancel (the dialog goes once the worker has stopped).
    void reject() override;

signals:
    // The sync stopped (done, failed or cancelled); pages may have been committed either way.
    void finished(const SyncReport &report, const QString &error, bool cancelled);

private:
    void onProgress(qint64 pages, qint64 models);
    void onMessage(const QString &message);
    void onDone(const QString &error, bool cancelled);
    void setRunning(bool running);
    void updateSyncButton();

    QString m_cachePath;
    Cache::LockWaitNotice m_lockWaitNotice;
    SyncOptions m_base; // timeouts and retries; tests shorten them
    QLineEdit *m_url;
    QComboBox *m_format;
    QSpinBox *m_limit;
    QLineEdit *m_token;
    QLabel *m_status;
    QProgressBar *m_progress;
    QPlainTextEdit *m_log;
    QDialogButtonBox *m_buttons;
    QPushButton *m_syncButton;
    JobRunner m_job;
    SyncReport m_report; // what the running sync handed over so far
    bool m_closeWhenDone = false;
};

} // namespace uptake

Q_DECLARE_METATYPE(uptake::SyncReport)
