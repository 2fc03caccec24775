#include "browser/cataloguemodel.h"
#include "ingest/demo.h"
#include "browser/detailpane.h"
#include "httpfixture.h"
#include "mainwindow.h"
#include "screenshots.h"
#include "dialogs/syncdialog.h"
#include "testutil.h"

#include <QAbstractItemView>
#include <QAction>
#include <QComboBox>
#include <QChart>
#include <QChartView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QValueAxis>
#include <QXYSeries>

using namespace uptake;

namespace {

QByteArray hfModel(const QString &id, int downloads, int likes)
{
    return QStringLiteral(R"({"id": "%1", "pipeline_tag": "text-generation", "downloads": %2, "likes": %3,
        "createdAt": "2025-01-01T00:00:00.000Z"})")
        .arg(id)
        .arg(downloads)
        .arg(likes)
        .toUtf8();
}

QByteArray page(const QList<QByteArray> &models)
{
    return "[" + models.join(',') + "]";
}

// Short timeouts and retries, so that failures show in a second, not in minutes.
SyncOptions quick()
{
    SyncOptions o;
    o.timeoutMs = 1500;
    o.maxAttempts = 2;
    o.backoffBaseMs = 20;
    return o;
}

} // namespace

// Registry > Sync in the window, against a real HTTP server on 127.0.0.1, and the listed
// popularity it keeps, drawn over time in the detail pane.
class TestSyncWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        Screenshots::installTranslation(); // only with UPTAKE_LANGUAGE set, for screenshots
    }

    void syncFromTheWindowFillsTheCacheAndRemembersTheUrl()
    {
        const QString path = cacheWithOneModel(QStringLiteral("sync.sqlite"));
        HttpFixture http;
        const QByteArray next = "<" + http.url(QStringLiteral("/api/models?cursor=2")).toEncoded() + ">; rel=\"next\"";
        http.on("/api/models", {{200, page({hfModel(QStringLiteral("lab/one"), 10, 1),
                                            hfModel(QStringLiteral("lab/two"), 20, 2)}),
                                 {{"Link", next}}}});
        http.on("/api/models?cursor=2", {{200, page({hfModel(QStringLiteral("lab/three"), 30, 3)})}});

        MainWindow w(path);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(waitLoaded(w));
        QCOMPARE(w.catalogueModel()->rowCount(), 1);

        // The menu action exists, with its shortcut, and opens the dialog.
        auto *action = w.findChild<QAction *>(QStringLiteral("actionSync"));
        QVERIFY(action);
        QVERIFY(!action->shortcut().isEmpty());
        QVERIFY(action->isEnabled());
        SyncDialog *dialog = w.openSyncDialog();
        QVERIFY(dialog);
        dialog->setOptionsForTest(quick());
        dialog->urlEdit()->setText(http.url(QStringLiteral("/api/models")).toString());
        QSignalSpy done(dialog, &SyncDialog::finished);
        QSignalSpy windowDone(&w, &MainWindow::syncFinished);
        QVERIFY(dialog->syncButton()->isEnabled());
        dialog->syncButton()->click();
        QVERIFY(dialog->isRunning());
        QVERIFY(!dialog->urlEdit()->isEnabled()); // no edits while it runs
        QVERIFY(done.wait(20000));
        QVERIFY(!dialog->isRunning());
        QCOMPARE(done.first().at(1).toString(), QString());
        const SyncReport report = done.first().at(0).value<SyncReport>();
        QCOMPARE(report.pages, 2);
        QCOMPARE(report.models, 3);
        QVERIFY2(dialog->statusLabel()->text().startsWith(QLatin1String("Done: pages 2, models 3")), qPrintable(dialog->statusLabel()->text()));
        QCOMPARE(windowDone.count(), 1);

        // The window reloads: the three synced models join the one already there.
        QTRY_COMPARE_WITH_TIMEOUT(w.catalogueModel()->rowCount(), 4, 10000);
        QVERIFY(waitLoaded(w));
        {
            Database db = Cache::open(path, Database::Mode::ReadOnly);
            QCOMPARE(db.queryInt("SELECT count(*) FROM snapshots WHERE kind = 'sync'"), std::optional<std::int64_t>(1));
            QCOMPARE(db.queryInt("SELECT downloads FROM models WHERE model_id = 'lab/three'"),
                     std::optional<std::int64_t>(30));
        }
        QCOMPARE(QSettings().value(QStringLiteral("sync/url")).toString(), http.url(QStringLiteral("/api/models")).toString());

        // Close shuts the dialog when idle.
        dialog->reject();
        QTRY_VERIFY(w.findChild<SyncDialog *>() == nullptr);
        // The next dialog offers the remembered address.
        SyncDialog *again = w.openSyncDialog();
        QVERIFY(again);
        QCOMPARE(again->urlEdit()->text(), http.url(QStringLiteral("/api/models")).toString());
        again->reject();
    }

    void popularityOverTimeInTheDetailPane()
    {
        const QString path = cacheWithOneModel(QStringLiteral("history.sqlite"));
        // Two syncs on different days, as a user who syncs weekly would have them.
        HttpFixture http;
        http.on("/api/models", {{200, page({hfModel(QStringLiteral("lab/rising"), 100, 5)})},
                                {200, page({hfModel(QStringLiteral("lab/rising"), 250, 9)})}});
        for (int i = 0; i < 2; ++i) {
            Database db = Cache::open(path);
            SyncOptions o = quick();
            o.url = http.url(QStringLiteral("/api/models"));
            o.format = SyncOptions::Format::HuggingFace;
            const SyncReport r = Sync::run(db, o);
            QCOMPARE(r.models, 1);
        }
        {
            // Date the two snapshots exactly a week apart; taken_at is the only thing the test
            // sets by hand. (Moving the first one back by a week was not enough: on a slow run
            // the second sync came a second later.)
            Database db = Cache::open(path);
            db.exec("UPDATE snapshots SET taken_at = 1772323200 + 7 * 86400 * (id - (SELECT min(id) FROM snapshots"
                    " WHERE kind = 'sync')) WHERE kind = 'sync'");
            QCOMPARE(db.queryInt("SELECT max(taken_at) - min(taken_at) FROM snapshots WHERE kind = 'sync'").value_or(0),
                     std::int64_t(7 * 86400));
        }

        MainWindow w(path);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(waitLoaded(w));
        CatalogueModel *m = w.catalogueModel();
        QTRY_VERIFY_WITH_TIMEOUT(m->data(m->index(1, 0), CatalogueModel::LoadedRole).toBool(), 10000);
        int row = -1;
        for (int r = 0; r < m->rowCount(); ++r)
            if (m->data(m->index(r, 0), CatalogueModel::RawRole).toString() == QLatin1String("lab/rising"))
                row = r;
        QVERIFY(row >= 0);
        w.table()->selectRow(row);
        QTRY_COMPARE_WITH_TIMEOUT(w.detailPane()->modelRowId(), m->rowIdAt(row), 10000);

        QChart *chart = w.detailPane()->popularityChart()->chart();
        // The popularity chart is the second tab beside the mode mix.
        QVERIFY(!w.detailPane()->popularityChart()->isVisible());
        w.detailPane()->sideTabs()->setCurrentWidget(w.detailPane()->popularityChart());
        QVERIFY(w.detailPane()->popularityChart()->isVisible());
        QCOMPARE(chart->title(), QStringLiteral("Listed popularity"));
        QCOMPARE(chart->series().size(), 2);
        auto *downloads = qobject_cast<QXYSeries *>(chart->series().at(0));
        auto *likes = qobject_cast<QXYSeries *>(chart->series().at(1));
        QVERIFY(downloads && likes);
        QCOMPARE(downloads->count(), 2);
        QCOMPARE(downloads->at(0).y(), 100.0);
        QCOMPARE(downloads->at(1).y(), 250.0);
        QCOMPARE(likes->at(1).y(), 9.0);
        // A week apart on the time axis, oldest first.
        QCOMPARE(qint64(downloads->at(1).x() - downloads->at(0).x()), qint64(7) * 86400 * 1000);
        // Each series on its own axis with room for the largest value, named in the legend.
        QCOMPARE(chart->axes(Qt::Vertical).size(), 2);
        QVERIFY(chart->legend()->isVisible());
        QCOMPARE(downloads->name(), QStringLiteral("downloads"));
        QCOMPARE(likes->name(), QStringLiteral("likes"));
        QVERIFY(qobject_cast<QValueAxis *>(downloads->attachedAxes().at(1))->max() >= 250);

        // The model listed by hand, never synced, has no history to draw: the chart says so.
        for (int r = 0; r < m->rowCount(); ++r)
            if (m->data(m->index(r, 0), CatalogueModel::RawRole).toString() == QLatin1String("plain/model"))
                row = r;
        w.table()->selectRow(row);
        QTRY_COMPARE_WITH_TIMEOUT(w.detailPane()->modelRowId(), m->rowIdAt(row), 10000);
        QVERIFY(chart->series().isEmpty());
        QVERIFY(chart->title().contains(QLatin1String("No downloads")));
    }

    void demoHistoryDrawsAQuarterOfSnapshots()
    {
        // The first-start demo carries weekly snapshots: a listed model with downloads, picked
        // in the window, draws one point per snapshot that saw it.
        const QString path = m_dir.filePath(QStringLiteral("demo.sqlite"));
        std::int64_t id = 0;
        qint64 snapshots = 0;
        {
            Database db = Cache::open(path);
            DemoOptions opt;
            opt.models = 2000;
            opt.events = 30000;
            Demo::generate(db, opt);
            Statement st(db, "SELECT p.model, count(*) FROM popularity p JOIN models m ON m.id = p.model"
                             " WHERE m.downloads > 1000 GROUP BY p.model ORDER BY count(*) DESC, m.calls DESC LIMIT 1");
            QVERIFY(st.step());
            id = st.int64(0);
            snapshots = st.int64(1);
        }
        QCOMPARE(snapshots, 13);
        MainWindow w(path);
        w.resize(1280, 800);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(waitLoaded(w));
        CatalogueModel *m = w.catalogueModel();
        int row = -1;
        for (int r = 0; r < m->rowCount() && row < 0; ++r)
            if (m->rowIdAt(r) == id)
                row = r;
        QVERIFY(row >= 0);
        w.table()->selectRow(row);
        QTRY_COMPARE_WITH_TIMEOUT(w.detailPane()->modelRowId(), qint64(id), 10000);
        QChart *chart = w.detailPane()->popularityChart()->chart();
        QVERIFY(!chart->series().isEmpty());
        QCOMPARE(qobject_cast<QXYSeries *>(chart->series().first())->count(), 13);
        Screenshots::save(&w, QStringLiteral("detail-popularity"));
        SyncDialog *dialog = w.openSyncDialog();
        QVERIFY(dialog);
        dialog->urlEdit()->setText(QStringLiteral("https://huggingface.co"));
        Screenshots::save(dialog, QStringLiteral("sync-dialog"));
        dialog->reject();
    }

    // An address that names no known registry: the dialog points at its own Format list,
    // not at the command line's --format flag, and starts nothing.
    void unknownRegistryPointsAtTheFormatList()
    {
        const QString path = cacheWithOneModel(QStringLiteral("unknown.sqlite"));
        SyncDialog dialog(path, QStringLiteral("https://models.example.invalid/list"));
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QSignalSpy done(&dialog, &SyncDialog::finished);
        QTest::mouseClick(dialog.syncButton(), Qt::LeftButton);
        const QString status = dialog.statusLabel()->text();
        QVERIFY2(status.contains(QLatin1String("Format list")), qPrintable(status));
        QVERIFY2(!status.contains(QLatin1String("--format")), qPrintable(status));
        QTRY_VERIFY_WITH_TIMEOUT(dialog.formatBox()->view()->isVisible(), 5000);
        dialog.formatBox()->hidePopup();
        QCOMPARE(done.count(), 0);
        QVERIFY(dialog.log()->toPlainText().isEmpty());
    }

    void cancelStopsASlowSyncAndKeepsTheCache()
    {
        const QString path = cacheWithOneModel(QStringLiteral("cancel.sqlite"));
        HttpFixture http;
        // The server takes far longer than the test is willing to wait.
        http.on("/api/models", {{200, page({hfModel(QStringLiteral("lab/slow"), 1, 1)}), {}, 60000}});
        SyncDialog dialog(path, http.url(QStringLiteral("/api/models")).toString());
        SyncOptions slow = quick();
        slow.timeoutMs = 120000;
        dialog.setOptionsForTest(slow);
        dialog.show();
        QSignalSpy done(&dialog, &SyncDialog::finished);
        dialog.start();
        QVERIFY(dialog.isRunning());
        QTRY_COMPARE_WITH_TIMEOUT(http.requests().size(), 1, 30000); // the request is in flight
        dialog.reject(); // Close while running means Cancel
        QVERIFY(dialog.isVisible()); // stays until the worker has stopped
        // The server answers after 60 s; a sync that ended before that was cancelled.
        QVERIFY(done.wait(50000));
        QCOMPARE(done.first().at(2).toBool(), true);
        QVERIFY(dialog.statusLabel()->text().startsWith(QLatin1String("Cancelled")));
        QTRY_VERIFY(!dialog.isVisible());
        Database db = Cache::open(path, Database::Mode::ReadOnly);
        QCOMPARE(Cache::modelCount(db), 1);
    }

    void failuresAreExplainedInTheDialog()
    {
        const QString path = cacheWithOneModel(QStringLiteral("fail.sqlite"));
        HttpFixture http;
        http.on("/api/models", {{503, "down for maintenance"}});
        SyncDialog dialog(path, http.url(QStringLiteral("/api/models")).toString());
        dialog.setOptionsForTest(quick());
        dialog.show();
        QSignalSpy done(&dialog, &SyncDialog::finished);
        dialog.start();
        QVERIFY(done.wait(10000));
        const QString status = dialog.statusLabel()->text();
        QVERIFY2(status.startsWith(QLatin1String("Sync failed")) && status.contains(QLatin1String("HTTP 503"))
                     && status.contains(QLatin1String("/api/models")),
                 qPrintable(status));
        // The retry before giving up is in the log.
        QVERIFY(dialog.log()->toPlainText().contains(QLatin1String("retrying")));
        QVERIFY(dialog.urlEdit()->isEnabled());

        // An address that is not one never reaches the network.
        dialog.urlEdit()->setText(QStringLiteral("not a registry"));
        dialog.start();
        QVERIFY(!dialog.isRunning());
        QVERIFY(dialog.statusLabel()->text().contains(QLatin1String("not a web address")));
        dialog.urlEdit()->setText(QStringLiteral("ftp://example.com/models"));
        dialog.start();
        QVERIFY(!dialog.isRunning());
        dialog.urlEdit()->clear();
        QVERIFY(!dialog.syncButton()->isEnabled());
    }

    void singleSnapshotAndUnknownFigures()
    {
        // The pane alone, on details made by hand: one snapshot draws dots, not an empty line;
        // a listing without downloads or likes says so in words.
        DetailPane pane;
        pane.resize(1200, 300);
        pane.show();
        ModelDetail d;
        d.id = 7;
        d.found = true;
        d.modelId = QStringLiteral("lab/once");
        d.popularity = {{1767225600, 42, -1}};
        pane.setDetail(d);
        QChart *chart = pane.popularityChart()->chart();
        QCOMPARE(chart->series().size(), 1); // likes unknown: no series for them
        QCOMPARE(qobject_cast<QXYSeries *>(chart->series().first())->count(), 1);
        QVERIFY(chart->title().contains(QLatin1String("one snapshot")));

        d.popularity = {{1767225600, -1, -1}, {1767830400, -1, -1}};
        pane.setDetail(d);
        QVERIFY(chart->series().isEmpty());
        QCOMPARE(chart->title(), QStringLiteral("No downloads or likes listed"));
        d.popularity.clear();
        d.listed = false;
        pane.setDetail(d);
        QCOMPARE(chart->title(), QStringLiteral("Unlisted: no listing history"));
    }

private:
    static bool waitLoaded(MainWindow &w)
    {
        return QTest::qWaitFor([&] { return w.catalogueModel()->isComplete() && !w.isBuildingDemo(); }, 60000);
    }

    // A cache with one model listed by hand, so that the window opens on it (no demo).
    QString cacheWithOneModel(const QString &name)
    {
        const QString path = m_dir.filePath(name);
        Database db = Cache::open(path);
        TestUtil::writeModel(db, "plain/model", "text-generation", "plain");
        return path;
    }

    QTemporaryDir m_dir;
};

QTEST_MAIN(TestSyncWindow)
#include "tst_syncwindow.moc"
