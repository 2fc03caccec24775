#include "browser/filterpanel.h"
#include "dialogs/importresultdialog.h"
#include "mainwindowfixture.h"

#include <QAbstractButton>
#include <QDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTimer>

// The window's jobs offscreen: imports (their report, a bad file in a batch, a cache another
// program holds locked) and the export of the filtered view.

using namespace uptake;

class TestMainWindowJobs : public MainWindowFixture
{
    Q_OBJECT

private slots:
    void emptyNoteGoesAfterAnImport();
    void importReportsRejectedRows();
    void importGoesOnPastABadFile();
    void exportWritesTheFilteredView();
    void closingIsPromptWhileAnotherProgramHoldsTheLock();
    void lockWaitIsToldAfterTheWindowBeforeCloses();
};

// A cache with one model, and a usage file with one call of it.
static bool oneModelAndOneCall(const QString &cache, const QString &usage)
{
    {
        Database db = Cache::open(cache);
        TestUtil::writeModel(db, "acme/one", "text-generation", "acme");
    }
    QFile f(usage);
    const QByteArray text("timestamp,model_id,caller\n2026-03-01T10:00:00Z,acme/one,u1\n");
    return f.open(QIODevice::WriteOnly) && f.write(text) == text.size();
}

// Whether a label under the widget shows text containing these words.
static bool findChildText(QWidget *parent, const QString &words)
{
    for (QLabel *l : parent->findChildren<QLabel *>())
        if (l->text().contains(words))
            return true;
    return false;
}

// File > New Cache, then an import: the "This cache is empty" note stayed until a restart.
void TestMainWindowJobs::emptyNoteGoesAfterAnImport()
{
    const QString path = m_dir.filePath(QStringLiteral("new-empty.sqlite"));
    MainWindow w(path, MainWindow::EmptyCache::StayEmpty);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QVERIFY(waitLoaded(w));
    QVERIFY(w.demoBanner()->isVisible());
    QVERIFY(findChildText(w.demoBanner(), QStringLiteral("This cache is empty")));
    const QString csv = m_dir.filePath(QStringLiteral("two-models.csv"));
    {
        QFile f(csv);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("model_id,author,task\nlab/one,lab,text-generation\nlab/two,lab,text-generation\n");
    }
    QSignalSpy finished(&w, &MainWindow::importFinished);
    w.importFiles(ImportOptions::Catalogue, {csv});
    QVERIFY(finished.wait(30000));
    auto *report = w.findChild<ImportResultDialog *>();
    QVERIFY(report);
    // No rejected rows: the empty list is not shown, and still belongs to the dialog (it was
    // left without a parent and leaked; LeakSanitizer found it here).
    QVERIFY(report->isAncestorOf(report->rejectedView()));
    report->close();
    QTRY_COMPARE_WITH_TIMEOUT(w.catalogueModel()->matchCount(), 2, 10000);
    QVERIFY(waitLoaded(w));
    QTRY_VERIFY_WITH_TIMEOUT(!w.demoBanner()->isVisible(), 5000);
}

void TestMainWindowJobs::importReportsRejectedRows()
{
    const QString path = m_dir.filePath(QStringLiteral("import.sqlite"));
    {
        Database db = Cache::open(path);
        TestUtil::writeModel(db, "acme/one", "text-generation", "acme");
    }
    const QString usage = m_dir.filePath(QStringLiteral("usage.csv"));
    {
        QFile f(usage);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("timestamp,model_id,caller\n"
                "2026-03-01T10:00:00Z,acme/one,0xAbCdEf0123456789abcdef0123456789ABCDEF01\n"
                "not-a-time,acme/one,secret-caller-42\n"
                "2026-03-02T10:00:00Z,acme/two,u3\n");
    }
    MainWindow w(path);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QVERIFY(waitLoaded(w));
    QCOMPARE(w.catalogueModel()->rowCount(), 1);
    QSignalSpy done(&w, &MainWindow::importFinished);
    w.importFiles(ImportOptions::Usage, {usage});
    QVERIFY(w.isBusy());
    QVERIFY(done.wait(30000));
    QVERIFY(!w.isBusy());
    auto *dialog = w.findChild<ImportResultDialog *>();
    QVERIFY(dialog);
    const QString rejected = dialog->rejectedView()->toPlainText();
    QVERIFY2(rejected.contains(QLatin1String("usage.csv:3:")), qPrintable(rejected));
    QVERIFY(!rejected.contains(QLatin1String("secret-caller-42")));
    dialog->close();
    // The view reloads: the unlisted model seen only in usage is there now.
    QTRY_COMPARE_WITH_TIMEOUT(w.catalogueModel()->rowCount(), 2, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(w.figures().calls, 2, 10000);
}

// The window's batch (importBatch(), shared with `uptake import`): the bad file in the middle
// is reported, the files around it go in.
void TestMainWindowJobs::importGoesOnPastABadFile()
{
    const QString path = m_dir.filePath(QStringLiteral("batch.sqlite"));
    {
        Database db = Cache::open(path);
        TestUtil::writeModel(db, "acme/one", "text-generation", "acme");
    }
    const auto write = [&](const QString &name, const QByteArray &content) {
        const QString file = m_dir.filePath(name);
        QFile f(file);
        if (f.open(QIODevice::WriteOnly))
            f.write(content);
        return file;
    };
    const QString first = write(QStringLiteral("batch-first.csv"), "timestamp,model_id,caller\n2026-03-01T10:00:00Z,acme/one,u1\n");
    const QString bad = write(QStringLiteral("batch-bad.csv"), "timestamp,model_id,user\n2026-03-01T10:00:00Z,acme/one,u2\n");
    const QString last = write(QStringLiteral("batch-last.csv"), "timestamp,model_id,caller\n2026-03-02T10:00:00Z,acme/one,u3\n"
                                                                 "2026-03-03T10:00:00Z,acme/one,u4\n");
    MainWindow w(path);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QVERIFY(waitLoaded(w));
    QSignalSpy done(&w, &MainWindow::importFinished);
    w.importFiles(ImportOptions::Usage, {first, bad, last});
    QVERIFY(done.wait(30000));
    auto *dialog = w.findChild<ImportResultDialog *>();
    QVERIFY(dialog);
    QVERIFY(findChildText(dialog, first + QStringLiteral(": 1 row imported")));
    QVERIFY(findChildText(dialog, bad + QStringLiteral(": the header has no 'caller' column")));
    QVERIFY(findChildText(dialog, QStringLiteral("column (nothing imported)")));
    QVERIFY(findChildText(dialog, last + QStringLiteral(": 2 rows imported")));
    QVERIFY(!findChildText(dialog, QStringLiteral("Import stopped")));
    dialog->close();
    QTRY_COMPARE_WITH_TIMEOUT(w.figures().calls, 3, 10000);
    Database db = Cache::open(path, Database::Mode::ReadOnly);
    QCOMPARE(db.queryInt("SELECT count(*) FROM imported_files").value_or(-1), 2);
}

void TestMainWindowJobs::exportWritesTheFilteredView()
{
    MainWindow w(m_demo);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QVERIFY(waitLoaded(w));
    QTest::keyClicks(w.filterPanel()->searchEdit(), QStringLiteral("microsoft"));
    QTRY_COMPARE_WITH_TIMEOUT(w.catalogueModel()->spec().search, QStringLiteral("microsoft"), 5000);
    QVERIFY(waitLoaded(w));
    const qint64 n = w.catalogueModel()->matchCount();
    QVERIFY(n > 0);
    const QString out = m_dir.filePath(QStringLiteral("snapshot.csv"));
    QSignalSpy done(&w, &MainWindow::exportFinished);
    w.exportSnapshot(out);
    QVERIFY(done.wait(30000));
    QCOMPARE(done.first().at(0).toString(), QString());
    QFile f(out);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = f.readAll().trimmed().split('\n');
    QVERIFY(lines.first().startsWith("model_id,author,task,created_at"));
    QCOMPARE(lines.size() - 1, n);
    QVERIFY(QFile::exists(out + QStringLiteral(".json")));
}

void TestMainWindowJobs::closingIsPromptWhileAnotherProgramHoldsTheLock()
{
    const QString path = m_dir.filePath(QStringLiteral("locked.sqlite"));
    const QString usage = m_dir.filePath(QStringLiteral("locked-usage.csv"));
    QVERIFY(oneModelAndOneCall(path, usage));
    auto *w = new MainWindow(path);
    w->show();
    QVERIFY(QTest::qWaitForWindowExposed(w));
    QVERIFY(waitLoaded(*w));

    // Another program takes the write lock and keeps it, as a long import from the command line does.
    Database other(path);
    other.exec("BEGIN IMMEDIATE; INSERT INTO meta(key, value) VALUES('held', 'by another program');");
    w->importFiles(ImportOptions::Usage, {usage});
    QVERIFY(w->isBusy());
    QTRY_VERIFY_WITH_TIMEOUT(w->statusBar()->currentMessage().contains(QLatin1String("another Uptake")), 10000);

    // Closing asks first; keeping the import keeps the window.
    auto answer = [](const QString &button) {
        QTimer::singleShot(50, [button] {
            auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
            QVERIFY(box && box->objectName() == QLatin1String("confirmStop"));
            for (QAbstractButton *b : box->buttons())
                if (b->text() == button)
                    b->click();
        });
    };
    answer(MainWindow::tr("Keep Working"));
    QVERIFY(!w->close());
    QVERIFY(w->isVisible());
    QVERIFY(w->isBusy());

    // Stopping it does not wait for the other program: the lock wait is abandoned at once.
    answer(MainWindow::tr("Stop It"));
    // The other program still holds its lock, so the import cannot have ended by itself: the
    // window is idle after close() only if the lock wait was abandoned.
    QVERIFY(w->close());
    QVERIFY(!w->isBusy());
    delete w;
    other.exec("ROLLBACK");
    // Nothing of the stopped import went in.
    Database db = Cache::open(path, Database::Mode::ReadOnly);
    QCOMPARE(Cache::callCount(db), 0);
}

// Opening another cache makes a new window and closes the old one: the old one's destructor
// cleared the lock-wait notifier the new one had just set, so the new window never said why
// it waited.
void TestMainWindowJobs::lockWaitIsToldAfterTheWindowBeforeCloses()
{
    const QString path = m_dir.filePath(QStringLiteral("locked-two.sqlite"));
    const QString usage = m_dir.filePath(QStringLiteral("locked-two.csv"));
    QVERIFY(oneModelAndOneCall(path, usage));
    auto *before = new MainWindow(path);
    before->show();
    QVERIFY(waitLoaded(*before));
    MainWindow w(path);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QVERIFY(waitLoaded(w));
    delete before;

    Database other(path);
    other.exec("BEGIN IMMEDIATE; INSERT INTO meta(key, value) VALUES('held', 'by another program');");
    w.importFiles(ImportOptions::Usage, {usage});
    QVERIFY(w.isBusy());
    QTRY_VERIFY_WITH_TIMEOUT(w.statusBar()->currentMessage().contains(QLatin1String("another Uptake")), 10000);
    other.exec("ROLLBACK");
    QSignalSpy finished(&w, &MainWindow::importFinished);
    QVERIFY(finished.wait(30000));
    for (QDialog *d : w.findChildren<QDialog *>())
        d->close();
}

QTEST_MAIN(TestMainWindowJobs)
#include "tst_mainwindow_jobs.moc"
