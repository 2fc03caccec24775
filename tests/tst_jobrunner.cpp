#include "jobs/jobrunner.h"

#include "db/database.h"
#include "progress.h"

#include <QMutex>
#include <QMutexLocker>
#include <QSignalSpy>
#include <QTest>
#include <QThread>

#include <atomic>
#include <memory>
#include <new>

// The one runner of the window's work off the UI thread: what it reports for each way a
// one-shot work can end, and how it hosts a long-lived worker.
using namespace uptake;

namespace {

// What a hosted worker saw, kept outside it: the runner deletes the worker.
struct WorkerLog
{
    QMutex mutex;
    QStringList events;
    QList<const QThread *> threads;
    void add(const QString &event)
    {
        QMutexLocker lock(&mutex);
        events << event;
        threads << QThread::currentThread();
    }
    qsizetype count()
    {
        QMutexLocker lock(&mutex);
        return events.size();
    }
};
WorkerLog *workerLog = nullptr;

class LoggingWorker final : public JobWorker
{
public:
    ~LoggingWorker() override { workerLog->add(QStringLiteral("deleted")); }
    void request(int n) { workerLog->add(QStringLiteral("request %1").arg(n)); }
    void stop() override { workerLog->add(QStringLiteral("stop")); }
    void close() override { workerLog->add(QStringLiteral("close")); }
};

} // namespace

class TestJobRunner : public QObject
{
    Q_OBJECT

private slots:
    void resultArrivesBeforeFinished()
    {
        JobRunner runner(QStringLiteral("test-job"));
        QList<int> permilles;
        connect(&runner, &JobRunner::progressed, this, [&](int p) { permilles << p; });
        QString label;
        connect(&runner, &JobRunner::labelChanged, this, [&](const QString &t) { label = t; });
        int result = 0;
        bool resultBeforeFinished = false;
        QSignalSpy finished(&runner, &JobRunner::finished);
        connect(&runner, &JobRunner::finished, this, [&] { resultBeforeFinished = result == 42; });
        std::atomic<bool> goOn{true}; // what progress() answered, all along
        QVERIFY(runner.start([&result, &goOn](const JobRunner::Context &job) {
            job.setLabel(QStringLiteral("working"));
            const ProgressFn progress = job.progress();
            for (int i = 0; i <= 4; ++i)
                goOn = progress(i, 4) && goOn;
            goOn = progress(4, 4) && goOn; // unchanged: not reported again
            job.post([&result] { result = 42; });
        }));
        QVERIFY(runner.isRunning());
        QVERIFY(!runner.start([](const JobRunner::Context &) {})); // one at a time
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 30000);
        QVERIFY(resultBeforeFinished);
        QVERIFY(goOn.load());
        QCOMPARE(finished.first().at(0).toString(), QString());
        QCOMPARE(finished.first().at(1).toBool(), false);
        QCOMPARE(permilles, (QList<int>{0, 250, 500, 750, 1000}));
        QCOMPARE(label, QStringLiteral("working"));
        QVERIFY(!runner.isRunning());
    }

    void endings_data()
    {
        QTest::addColumn<int>("how");
        QTest::addColumn<QString>("error");
        QTest::addColumn<bool>("cancelled");
        QTest::newRow("Error") << 0 << QStringLiteral("models.csv:3: bad row") << false;
        QTest::newRow("DbError") << 1 << QStringLiteral("database or disk is full") << false;
        QTest::newRow("Cancelled") << 2 << QString() << true;
        QTest::newRow("bad_alloc") << 3 << QString::fromLocal8Bit(std::bad_alloc().what()) << false;
    }

    void endings()
    {
        QFETCH(int, how);
        QFETCH(QString, error);
        QFETCH(bool, cancelled);
        JobRunner runner(QStringLiteral("test-job"));
        QSignalSpy finished(&runner, &JobRunner::finished);
        runner.start([how](const JobRunner::Context &) {
            switch (how) {
            case 0: throw Error(std::string("models.csv:3: bad row"));
            case 1: throw DbError(QStringLiteral("database or disk is full"), 13);
            case 2: throw Cancelled();
            default: throw std::bad_alloc();
            }
        });
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 30000);
        QCOMPARE(finished.first().at(0).toString(), error);
        QCOMPARE(finished.first().at(1).toBool(), cancelled);
    }

    void cancelStopsTheWork()
    {
        JobRunner runner(QStringLiteral("test-job"));
        QSignalSpy finished(&runner, &JobRunner::finished);
        std::atomic<bool> started{false};
        runner.start([&started](const JobRunner::Context &job) {
            const ProgressFn progress = job.progress();
            started = true;
            for (std::int64_t i = 0;; ++i)
                if (!progress(i % 1000, 1000))
                    throw Cancelled();
        });
        QTRY_VERIFY_WITH_TIMEOUT(started.load(), 30000);
        runner.cancel();
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 30000);
        QCOMPARE(finished.first().at(1).toBool(), true);
    }

    void destroyingCancelsAndWaits()
    {
        std::atomic<bool> started{false}, stopped{false};
        {
            JobRunner runner(QStringLiteral("test-job"));
            runner.start([&](const JobRunner::Context &job) {
                started = true;
                while (!job.cancelled()) { }
                stopped = true;
            });
            QTRY_VERIFY_WITH_TIMEOUT(started.load(), 30000);
        }
        QVERIFY(stopped.load()); // the destructor returned only once the work had stopped
    }

    void oneShotWorksShareTheRunnersThread()
    {
        JobRunner runner(QStringLiteral("test-job"));
        QSignalSpy finished(&runner, &JobRunner::finished);
        std::atomic<const QThread *> first{nullptr}, second{nullptr};
        auto held = std::make_shared<int>(7);
        QVERIFY(runner.start([&first, held](const JobRunner::Context &) { first = QThread::currentThread(); }));
        held.reset(); // only the work holds it now
        std::weak_ptr<int> watch;
        {
            auto again = std::make_shared<int>(8);
            watch = again;
            QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 30000);
            QVERIFY(runner.start([&second, again](const JobRunner::Context &) { second = QThread::currentThread(); }));
        }
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, 30000);
        QVERIFY(watch.expired()); // what the work held was released before finished()
        QVERIFY(first.load() != nullptr);
        QCOMPARE(first.load(), runner.thread());
        QCOMPARE(second.load(), runner.thread());
        QVERIFY(first.load() != QThread::currentThread());
    }

    void hostedWorkerServesInOrderAndClosesOnItsThread()
    {
        WorkerLog log;
        workerLog = &log;
        const QThread *workerThread = nullptr;
        {
            JobRunner runner(QStringLiteral("test-worker"));
            LoggingWorker *worker = runner.host<LoggingWorker>();
            workerThread = runner.thread();
            QCOMPARE(worker->thread(), runner.thread());
            for (int n = 1; n <= 3; ++n)
                QMetaObject::invokeMethod(worker, [worker, n] { worker->request(n); });
            QTRY_COMPARE_WITH_TIMEOUT(log.count(), 3, 30000);
        }
        workerLog = nullptr;
        QCOMPARE(log.events, (QStringList{QStringLiteral("request 1"), QStringLiteral("request 2"), QStringLiteral("request 3"),
                                          QStringLiteral("stop"), QStringLiteral("close"), QStringLiteral("deleted")}));
        for (int i : {0, 1, 2, 4})
            QCOMPARE(log.threads.at(i), workerThread); // requests and close on the worker's thread
        QCOMPARE(log.threads.at(3), QThread::currentThread()); // stop from the owner's
    }
};

QTEST_GUILESS_MAIN(TestJobRunner)
#include "tst_jobrunner.moc"
