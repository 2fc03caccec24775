#include "jobs/jobrunner.h"

#include "db/database.h"
#include "progress.h"

#include <QSignalSpy>
#include <QTest>

#include <atomic>
#include <new>

// The one runner of the window's one-shot work: what it reports for each way work can end.
using namespace uptake;

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
};

QTEST_GUILESS_MAIN(TestJobRunner)
#include "tst_jobrunner.moc"
