#include "db/cache.h"
#include "browser/catalogueloader.h"
#include "browser/cataloguemodel.h"
#include "dashboard/dashboarddata.h"
#include "browser/detailpane.h"
#include "ingest/importer.h"
#include "testutil.h"
#include "threadspy.h"

#include <QChart>
#include <QChartView>
#include <QFile>
#include <QPieSeries>
#include <QPieSlice>
#include <QTemporaryDir>
#include <QTest>

// What the window shows of usage imported as a warehouse roll-up: verified calls whose kind
// the roll-up does not say, and first/last calls known only to the day.
using namespace uptake;

class TestRollupView : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_cache = m_dir.filePath(QStringLiteral("rollup.sqlite"));
        const QString csv = m_dir.filePath(QStringLiteral("rollup.csv"));
        QFile f(csv);
        QVERIFY(f.open(QIODevice::WriteOnly));
        // lab/a: 5 calls, 3 of them verified (kind unknown), alice on two days; lab/b: none verified.
        f.write("day,model_id,caller,calls,failed_calls,verified_calls,fees\n"
                "2026-03-01,lab/a,alice,3,0,2,0.002\n"
                "2026-03-04,lab/a,alice,1,0,1,0.001\n"
                "2026-03-04,lab/a,bob,1,1,0,0\n"
                "2026-03-02,lab/b,carol,4,0,0,0\n");
        f.close();
        Database db = Cache::open(m_cache);
        TestUtil::writeModel(db, "lab/a", "text-generation", "lab");
        TestUtil::writeModel(db, "lab/b", "text-generation", "lab");
        ImportOptions o;
        o.kind = ImportOptions::Usage;
        const ImportReport r = importFile(db, csv, o);
        QVERIFY(r.rollUp);
        QCOMPARE(r.rowsRejected, 0);
    }

    void tableShowsDayOnlyTimesAsDates()
    {
        LoaderThread thread;
        CatalogueLoader *loader = thread.loader();
        ThreadSpy opened(loader, &CatalogueLoader::opened);
        const QString path = m_cache;
        QMetaObject::invokeMethod(loader, [loader, path] { loader->open(path); }, Qt::QueuedConnection);
        QVERIFY(opened.waitFor(1, 10000));
        QCOMPARE(opened.first().at(0).toBool(), false); // not empty
        CatalogueModel model(loader);
        ViewSpec spec;
        spec.sortColumn = Columns::ModelId;
        spec.sortDescending = false;
        model.setSpec(spec);
        QTRY_VERIFY_WITH_TIMEOUT(model.isComplete() && model.rowCount() == 2, 10000);
        model.data(model.index(0, 0));
        QTRY_VERIFY_WITH_TIMEOUT(model.data(model.index(1, 0), CatalogueModel::LoadedRole).toBool(), 10000);
        QCOMPARE(model.data(model.index(0, Columns::ModelId), CatalogueModel::RawRole).toString(), QStringLiteral("lab/a"));
        QCOMPARE(model.data(model.index(0, Columns::FirstCall)).toString(), QStringLiteral("2026-03-01"));
        QCOMPARE(model.data(model.index(0, Columns::LastCall)).toString(), QStringLiteral("2026-03-04"));
        // No invented time of day in the tooltip: the date, and why there is no more.
        const QString tip = model.data(model.index(0, Columns::FirstCall), Qt::ToolTipRole).toString();
        QVERIFY2(tip.startsWith(QLatin1String("2026-03-01 (known to the day only")), qPrintable(tip));
        QVERIFY(!tip.contains(QLatin1String("00:00")));
        QCOMPARE(model.data(model.index(0, Columns::VerifiedCalls)).toString(), QStringLiteral("3"));
    }

    void detailPaneShowsVerifiedOfUnknownKind()
    {
        LoaderThread thread;
        CatalogueLoader *loader = thread.loader();
        ThreadSpy opened(loader, &CatalogueLoader::opened);
        const QString path = m_cache;
        QMetaObject::invokeMethod(loader, [loader, path] { loader->open(path); }, Qt::QueuedConnection);
        QVERIFY(opened.waitFor(1, 10000));
        const qint64 id = Cache::open(m_cache).queryInt("SELECT id FROM models WHERE model_id = 'lab/a'").value_or(0);
        QVERIFY(id > 0);
        ThreadSpy ready(loader, &CatalogueLoader::detailReady);
        ThreadSpy failed(loader, &CatalogueLoader::failed);
        loader->supersedeDetail(1);
        QMetaObject::invokeMethod(
            loader, [loader, id] { loader->loadDetail(1, id, ViewSpec()); }, Qt::QueuedConnection);
        QTRY_VERIFY2_WITH_TIMEOUT(ready.count() > 0 || failed.count() > 0, "no answer", 60000);
        QVERIFY2(failed.isEmpty(), failed.isEmpty() ? "" : qPrintable(failed.first().at(0).toString()));
        const ModelDetail d = ready.first().at(1).value<ModelDetail>();
        QCOMPARE(d.verifiedUnsplit, 3);
        QCOMPARE(d.tee + d.zkml, 0);
        QCOMPARE(d.vanilla, 2); // 5 calls, 3 verified: the rest, not all of them

        DetailPane pane;
        pane.resize(1200, 300);
        pane.show();
        pane.setDetail(d);
        auto *pie = qobject_cast<QPieSeries *>(pane.mixChart()->chart()->series().value(0));
        QVERIFY(pie);
        QStringList labels;
        for (QPieSlice *s : pie->slices())
            labels << s->label();
        // Name, then the share on a line of its own (the legend's labels are HTML).
        QCOMPARE(labels.last(), QStringLiteral("verified, kind unknown<br>60%"));
        QCOMPARE(pie->slices().last()->value(), 3.0);
        QCOMPARE(labels.first(), QStringLiteral("vanilla<br>40%"));

        // A model with raw calls only keeps the three slices it always had.
        ModelDetail raw = d;
        raw.verifiedUnsplit = 0;
        raw.tee = 1;
        pane.setDetail(raw);
        pie = qobject_cast<QPieSeries *>(pane.mixChart()->chart()->series().value(0));
        QCOMPARE(pie->count(), 3);
    }

    void dashboardCountsRollupVerifiedCalls()
    {
        Database db = Cache::open(m_cache, Database::Mode::ReadOnly);
        const DashboardData data = Dashboard::compute(db, ViewSpec());
        auto step = [](const std::vector<FunnelStep> &steps, const char *key) {
            for (const FunnelStep &s : steps)
                if (std::string_view(s.key) == key)
                    return s.count;
            return std::int64_t(-1);
        };
        QCOMPARE(step(data.funnel.models, "verified"), 1); // lab/a
        QCOMPARE(step(data.funnel.callers, "verified"), 1); // alice
    }

private:
    QTemporaryDir m_dir;
    QString m_cache;
};

QTEST_MAIN(TestRollupView)
#include "tst_rollupview.moc"
