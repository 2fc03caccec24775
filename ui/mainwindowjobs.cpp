#include "mainwindow.h"

#include "browser/cataloguemodel.h"
#include "db/cache.h"
#include "dialogs/importresultdialog.h"
#include "dialogs/syncdialog.h"
#include "ingest/batchimport.h"
#include "jobs/backgroundjob.h"
#include "jobs/jobrunner.h"
#include "settings.h"
#include "view/exporter.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QStatusBar>

#include <utility>

namespace uptake {

// MainWindow, part: the long work it starts, each through a JobRunner: the demo data,
// imports (one batch routine with the command line), exports and sync; and stopping it.

bool MainWindow::stopWork()
{
    if (!m_job)
        return true;
    QMessageBox box(QMessageBox::Question, tr("Stop the running job?"),
                    tr("An import or export is still running. Stopping it leaves the file being imported out "
                       "entirely (an export writes nothing)."),
                    QMessageBox::NoButton, this);
    box.setObjectName(QStringLiteral("confirmStop"));
    QPushButton *stop = box.addButton(tr("Stop It"), QMessageBox::DestructiveRole);
    QPushButton *keep = box.addButton(tr("Keep Working"), QMessageBox::RejectRole);
    box.setDefaultButton(keep);
    box.exec();
    if (box.clickedButton() != stop)
        return false; // even if the job finished meanwhile: the user chose to stay
    if (!m_job)
        return true;
    // Cancelling ends a wait for another program's lock too; the thread stops at its next row.
    BackgroundJob *job = std::exchange(m_job, nullptr);
    delete job; // cancels and waits
    updateActions();
    return true;
}

void MainWindow::startDemo()
{
    showBanner(true);
    m_busyLabel->setText(tr("Building demo data\u2026"));
    const QString path = m_cachePath;
    const DemoOptions options = m_demoOptions;
    const Cache::LockWaitNotice notice = lockWaitNotice();
    m_demoJob = new JobRunner(QStringLiteral("uptake-demo"), this);
    connect(m_demoJob, &JobRunner::progressed, this, [this](int permille) { onDemoProgress(permille, 1000); });
    connect(m_demoJob, &JobRunner::finished, this, [this](const QString &error, bool cancelled) {
        onDemoFinished(cancelled ? tr("cancelled") : error);
    });
    m_demoListed = false;
    m_demoJob->start([this, path, options, notice](const JobRunner::Context &job) {
        // Its own connection: the generator commits the listings, which the table then shows
        // (queued to this window, before finished()), and writes their usage meanwhile.
        Database db = Cache::open(path, Database::Mode::ReadWrite, notice);
        Demo::generate(db, options, job.progress(),
                       [this] { QMetaObject::invokeMethod(this, [this] { onDemoListed(); }, Qt::QueuedConnection); });
    });
    updateActions();
}

void MainWindow::onDemoProgress(qint64 done, qint64 total)
{
    m_bannerProgress->setRange(0, int(total));
    m_bannerProgress->setValue(int(done));
}

void MainWindow::onDemoListed()
{
    if (m_demoListed || !m_demoJob)
        return;
    m_demoListed = true;
    m_busyLabel->setText(tr("Writing the demo's usage…"));
    m_bannerText->setText(tr("The demo registry's listings are in; writing its usage (%1) so that there are calls "
                             "to look at…")
                              .arg(tr("%1 call(s)", nullptr, int(std::min<qint64>(m_demoOptions.events, INT_MAX)))
                                       .arg(QLocale().toString(qint64(m_demoOptions.events)))));
    startView();
}

void MainWindow::onDemoFinished(const QString &error)
{
    m_demoJob->deleteLater();
    m_demoJob = nullptr;
    const bool listed = std::exchange(m_demoListed, false);
    updateActions();
    if (!error.isEmpty()) {
        m_banner->hide();
        warn(tr("Demo data"), tr("The demo data could not be built: %1").arg(error));
    } else {
        m_isDemo = true;
        updateTitle();
        showBanner(false);
    }
    if (listed)
        refresh(); // the listings show already: their figures now have the usage
    else
        startView();
}

void MainWindow::chooseImport(ImportOptions::Kind kind)
{
    const bool catalogue = kind == ImportOptions::Catalogue;
    if (m_isDemo) {
        const auto answer = QMessageBox::question(
            this, tr("Import into the demo cache?"),
            tr("This cache holds demo data, and your data would be mixed with it. To keep them apart, make a cache "
               "of your own with File > New Cache and import there.\n\nImport into the demo cache anyway?"),
            QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
        if (answer != QMessageBox::Yes)
            return;
    }
    Settings s;
    const QStringList files = QFileDialog::getOpenFileNames(
        this, catalogue ? tr("Import Catalogue") : tr("Import Usage"), s.importFolder(),
        catalogue ? tr("Catalogues (*.json *.jsonl *.ndjson *.csv);;All files (*)")
                  : tr("Usage logs (*.csv *.jsonl *.ndjson *.json);;All files (*)"));
    if (files.isEmpty())
        return;
    s.setImportFolder(QFileInfo(files.first()).absolutePath());
    importFiles(kind, files);
}

void MainWindow::importFiles(ImportOptions::Kind kind, const QStringList &paths)
{
    if (!m_open || m_demoJob || m_job || paths.isEmpty())
        return;
    // Filled on the job's thread, read here only after it has finished.
    struct Outcome
    {
        QStringList summaries, rejected;
        qint64 moreRejected = 0;
    };
    auto outcome = std::make_shared<Outcome>();
    const QString cache = m_cachePath;
    const bool catalogue = kind == ImportOptions::Catalogue;
    m_job = new BackgroundJob(this, catalogue ? tr("Importing catalogue") : tr("Importing usage"),
                              [cache, kind, paths, outcome, notice = lockWaitNotice()](const BackgroundJob::Reporter &r) {
                                  Database db = Cache::open(cache, Database::Mode::ReadWrite, notice);
                                  ImportOptions options;
                                  options.kind = kind;
                                  BatchImportCallbacks callbacks;
                                  callbacks.fileStarted = [&r](int i, int count, const QString &path) {
                                      r.setLabel(tr("Importing %1 (file %2 of %3)").arg(QFileInfo(path).fileName()).arg(i + 1).arg(count));
                                  };
                                  // Once the whole file is read, say what the bar at its end is waiting for.
                                  callbacks.fileWriting = [&r](int, int, const QString &path) {
                                      r.setLabel(tr("Writing %1 into the cache: figures and indexes…").arg(QFileInfo(path).fileName()));
                                  };
                                  callbacks.progress = r.progress;
                                  callbacks.rowError = [&outcome](const RowError &e) {
                                      if (outcome->rejected.size() < 10000)
                                          outcome->rejected << e.toString();
                                      else
                                          ++outcome->moreRejected;
                                  };
                                  // A file that cannot be imported is reported; the others still go in. A full
                                  // disk or Cancel stops the batch: finished() says so, below.
                                  const BatchImportResult result = importBatch(db, paths, options, callbacks);
                                  for (const BatchFileOutcome &o : result.files) {
                                      switch (o.failure) {
                                      case BatchFileOutcome::Failure::None:
                                          outcome->summaries << o.report.summary();
                                          break;
                                      case BatchFileOutcome::Failure::File:
                                          outcome->summaries << tr("%1 (nothing imported)").arg(o.message);
                                          break;
                                      case BatchFileOutcome::Failure::Database:
                                          outcome->summaries << tr("%1: %2 (nothing imported)").arg(o.path, o.message);
                                          break;
                                      case BatchFileOutcome::Failure::Full:
                                      case BatchFileOutcome::Failure::Cancelled:
                                          break;
                                      }
                                  }
                                  if (result.stoppedBy)
                                      std::rethrow_exception(result.stoppedBy);
                              });
    connect(m_job, &BackgroundJob::finished, this, [this, outcome](const QString &error, bool cancelled) {
        m_job->deleteLater();
        m_job = nullptr;
        updateActions();
        if (cancelled)
            outcome->summaries << tr("Cancelled: the file being imported was left out entirely.");
        if (!error.isEmpty())
            outcome->summaries << tr("Import stopped: %1").arg(error);
        auto *dialog = new ImportResultDialog(outcome->summaries, outcome->rejected, outcome->moreRejected, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->open();
        refresh();
        emit importFinished();
    });
    updateActions();
    m_job->start();
}

SyncDialog *MainWindow::openSyncDialog()
{
    if (!m_open || m_demoJob || m_job)
        return nullptr;
    // Window-modal: no import or export can start while the sync writes.
    auto *dialog = new SyncDialog(m_cachePath, Settings().syncUrl(), this, lockWaitNotice());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowModality(Qt::WindowModal);
    connect(dialog, &SyncDialog::finished, this, [this, dialog](const SyncReport &report, const QString &, bool) {
        Settings().setSyncUrl(dialog->url());
        if (!report.notModified) // pages may have landed even when it failed or was cancelled
            refresh();
        emit syncFinished();
    });
    dialog->show();
    return dialog;
}

void MainWindow::chooseExport()
{
    Settings s;
    const QString dir = s.exportFolder();
    const QString path = QFileDialog::getSaveFileName(this, tr("Export Snapshot"),
                                                      dir + QStringLiteral("/uptake-snapshot.csv"),
                                                      tr("CSV files (*.csv);;All files (*)"));
    if (path.isEmpty())
        return;
    s.setExportFolder(QFileInfo(path).absolutePath());
    exportSnapshot(path);
}

void MainWindow::exportSnapshot(const QString &path)
{
    if (!m_open || m_demoJob || m_job)
        return;
    auto rows = std::make_shared<qint64>(0);
    const QString cache = m_cachePath;
    // The view as the table shows it: the same filters, window and sort.
    const ViewSpec spec = m_model->spec();
    m_job = new BackgroundJob(this, tr("Exporting snapshot"), [cache, spec, path, rows, notice = lockWaitNotice()](
                                                                   const BackgroundJob::Reporter &r) {
        r.setLabel(tr("Writing %1").arg(QFileInfo(path).fileName()));
        Database db = Cache::open(cache, Database::Mode::ReadWrite, notice);
        *rows = Exporter::exportCsv(db, spec, path, r.progress).rows;
    });
    connect(m_job, &BackgroundJob::finished, this, [this, rows, path](const QString &error, bool cancelled) {
        m_job->deleteLater();
        m_job = nullptr;
        updateActions();
        if (cancelled) {
            statusBar()->showMessage(tr("Export cancelled; nothing was written."), 8000);
        } else if (!error.isEmpty()) {
            warn(tr("Export failed"), error);
        } else {
            statusBar()->showMessage(
                tr("Exported %1 row(s) to %2 (and %2.json)", nullptr, int(std::min<qint64>(*rows, INT_MAX)))
                    .arg(QLocale().toString(*rows), QDir::toNativeSeparators(path)),
                15000);
        }
        emit exportFinished(cancelled ? tr("cancelled") : error);
    });
    updateActions();
    m_job->start();
}

} // namespace uptake
