#include "db/cache.h"
#include "browser/catalogueloader.h"
#include "dashboard/chartaxes.h"
#include "browser/detailpane.h"
#include "testutil.h"
#include "threadspy.h"

#include <QAreaSeries>
#include <QChart>
#include <QChartView>
#include <QLineSeries>
#include <QScatterSeries>
#include <QTemporaryDir>
#include <QTest>
#include <QValueAxis>

#include <cmath>

// The detail pane's charts tell the truth about counts: whole-number ticks, quiet weeks as
// zeros, and a lone day or week drawn rather than left blank.
class TestDetailPane : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_cache;

    ModelDetail loadDetail(const char *modelId, const ViewSpec &spec = {})
    {
        LoaderThread thread;
        CatalogueLoader *loader = thread.loader();
        ThreadSpy opened(loader, &CatalogueLoader::opened);
        const QString path = m_cache;
        QMetaObject::invokeMethod(loader, [loader, path] { loader->open(path); }, Qt::QueuedConnection);
        if (!opened.waitFor(1, 10000))
            return {};
        Database db = Cache::open(m_cache, Database::Mode::ReadOnly);
        Statement st(db, "SELECT id FROM models WHERE model_id = ?");
        st.bind(1, QString::fromLatin1(modelId));
        const qint64 id = st.step() ? st.int64(0) : 0;
        ThreadSpy ready(loader, &CatalogueLoader::detailReady);
        loader->supersedeDetail(1);
        QMetaObject::invokeMethod(loader, [loader, id, spec] { loader->loadDetail(1, id, spec); }, Qt::QueuedConnection);
        if (!QTest::qWaitFor([&] { return ready.count() > 0; }, 30000))
            return {};
        return ready.first().at(1).value<ModelDetail>();
    }

    static QValueAxis *valueAxis(QChartView *v)
    {
        const auto axes = v->chart()->axes(Qt::Vertical);
        return axes.isEmpty() ? nullptr : qobject_cast<QValueAxis *>(axes.first());
    }

    // Every tick of the axis is a whole number (what "%.0f" prints is what it means).
    static bool integerTicksOn(const QValueAxis *axis)
    {
        if (!axis || axis->tickCount() < 2 || axis->min() != 0)
            return false;
        const double step = axis->max() / (axis->tickCount() - 1);
        return step >= 1 && std::abs(step - std::round(step)) < 1e-9;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_cache = m_dir.filePath(QStringLiteral("detail.sqlite"));
        Database db = Cache::open(m_cache);
        for (const char *id : {"lab/gappy", "lab/oneday", "lab/fiveday"})
            TestUtil::writeModel(db, id, "text-generation", "lab");
        // lab/gappy: callers in the weeks of 2026-03-02 and 2026-03-23 (Mondays), none between.
        // lab/oneday: 5 calls, all on 2026-03-04. lab/fiveday: 5 callers, 1 call each, a day apart.
        TestUtil::writeCalls(db, {
                                     {"2026-03-02T10:00:00Z", "lab/gappy", "a"},
                                     {"2026-03-03T10:00:00Z", "lab/gappy", "b"},
                                     {"2026-03-24T10:00:00Z", "lab/gappy", "a"},
                                     {"2026-03-04T01:00:00Z", "lab/oneday", "a"},
                                     {"2026-03-04T02:00:00Z", "lab/oneday", "b"},
                                     {"2026-03-04T03:00:00Z", "lab/oneday", "c"},
                                     {"2026-03-04T04:00:00Z", "lab/oneday", "a"},
                                     {"2026-03-04T05:00:00Z", "lab/oneday", "b"},
                                     {"2026-03-02T05:00:00Z", "lab/fiveday", "a"},
                                     {"2026-03-03T05:00:00Z", "lab/fiveday", "b"},
                                     {"2026-03-04T05:00:00Z", "lab/fiveday", "c"},
                                     {"2026-03-05T05:00:00Z", "lab/fiveday", "d"},
                                     {"2026-03-06T05:00:00Z", "lab/fiveday", "e"},
                                 });
    }

    // Whole-number steps of 1, 2 or 5 times a power of ten, the top at or above the largest
    // value, never more intervals than asked: for every top from 1 to 100,000.
    void integerTicksAreNice()
    {
        for (int top = 1; top <= 100000; top += top < 200 ? 1 : 97) {
            for (const int most : {2, 4, 5}) {
                const ChartAxes::IntegerTicks t = ChartAxes::integerTicks(top, most);
                QVERIFY2(t.max >= top && t.intervals <= most && t.step >= 1, qPrintable(QString::number(top)));
                QCOMPARE(t.max, t.step * t.intervals);
                const double mantissa = t.step / std::pow(10.0, std::floor(std::log10(t.step)));
                QVERIFY2(mantissa == 1 || mantissa == 2 || mantissa == 5, qPrintable(QString::number(t.step)));
                // The smallest such step: the next smaller nice step would need too many intervals.
                if (t.step > 1) {
                    const double smaller = mantissa == 1 ? t.step / 2 : mantissa == 2 ? t.step / 2 : t.step * 2 / 5;
                    QVERIFY2(std::ceil(top / smaller) > most, qPrintable(QString::number(top)));
                }
            }
        }
        // The values the issue saw: 5 on four intervals was labelled 1.25 / 2.5 / 3.75.
        QCOMPARE(ChartAxes::integerTicks(5, 4).step, 2.0);
        QCOMPARE(ChartAxes::integerTicks(37, 4).max, 40.0);
        QCOMPARE(ChartAxes::integerTicks(1992050, 5).max, 2000000.0);
        QCOMPARE(ChartAxes::integerTicks(0, 4).max, 1.0);
    }

    void quietWeeksAreZeros()
    {
        const ModelDetail d = loadDetail("lab/gappy");
        QVERIFY(d.found);
        // Four weeks, Monday to Monday: 2026-03-02 is day 20514.
        QCOMPARE(d.weeks.size(), 4);
        const qint64 monday = *TextRules::parseDay("2026-03-02");
        for (int i = 0; i < 4; ++i)
            QCOMPARE(d.weeks[i].firstDay, monday + 7 * i);
        QCOMPARE(d.weeks[0].unique, 2);
        QCOMPARE(d.weeks[1].unique, 0);
        QCOMPARE(d.weeks[2].unique, 0);
        QCOMPARE(d.weeks[3].unique, 1);
        QCOMPARE(d.weeks[3].returning, 1); // a, back from the first week

        DetailPane pane;
        pane.resize(1200, 300);
        pane.show();
        pane.setDetail(d);
        QChart *chart = pane.callersChart()->chart();
        // The range ends on Tuesday 2026-03-24: its last week is two days old, drawn apart as
        // hollow dots rather than as the line's end.
        QCOMPARE(chart->series().size(), 3);
        auto *unique = qobject_cast<QAreaSeries *>(chart->series().first());
        QVERIFY(unique);
        const QList<QPointF> points = unique->upperSeries()->points();
        QCOMPARE(points.size(), 3);
        QCOMPARE(points[0].y(), 2.0);
        QCOMPARE(points[1].y(), 0.0);
        QCOMPARE(points[2].y(), 0.0);
        auto *soFar = qobject_cast<QScatterSeries *>(chart->series().last());
        QVERIFY(soFar);
        QCOMPARE(soFar->count(), 2);
        QCOMPARE(soFar->at(0).y(), 1.0); // a, in the week so far
        QCOMPARE(soFar->at(1).y(), 1.0); // ... and back from the first week
        QVERIFY(pane.callersChart()->toolTip().contains(QLatin1String("has 2 day")));
        QVERIFY(integerTicksOn(valueAxis(pane.callersChart())));
        QVERIFY(integerTicksOn(valueAxis(pane.callsChart())));
    }

    void aLoneDayAndWeekAreDrawn()
    {
        const ModelDetail d = loadDetail("lab/oneday");
        QVERIFY(d.found);
        QCOMPARE(d.days.size(), 1);
        QCOMPARE(d.weeks.size(), 1);
        DetailPane pane;
        pane.resize(1200, 300);
        pane.show();
        pane.setDetail(d);
        for (QChartView *v : {pane.callsChart(), pane.callersChart()}) {
            const auto series = v->chart()->series();
            QVERIFY(!series.isEmpty());
            auto *dot = qobject_cast<QScatterSeries *>(series.first());
            QVERIFY2(dot, qPrintable(v->objectName()));
            QCOMPARE(dot->count(), 1);
            QVERIFY(dot->isVisible());
            QVERIFY(integerTicksOn(valueAxis(v)));
        }
        auto *calls = qobject_cast<QScatterSeries *>(pane.callsChart()->chart()->series().first());
        QCOMPARE(calls->at(0).y(), 5.0);
        // The cache's calls go on to 2026-03-24: this model's one week is over, however quiet
        // its last days were, and is not called a week so far.
        QVERIFY2(!pane.callersChart()->toolTip().contains(QLatin1String("so far")),
                 qPrintable(pane.callersChart()->toolTip()));
        // With the evidence ending on that Wednesday, the same week is one so far.
        ModelDetail early = d;
        early.evidenceEnd = *TextRules::parseDay("2026-03-04");
        pane.setDetail(early);
        QVERIFY2(pane.callersChart()->toolTip().contains(QLatin1String("has 3 day")),
                 qPrintable(pane.callersChart()->toolTip()));
    }

    // Five calls a day apart: the axis reads 0, 1, 2 ... with no repeated rounded label.
    void smallCountsGetWholeTicks()
    {
        const ModelDetail d = loadDetail("lab/fiveday");
        QVERIFY(d.found);
        DetailPane pane;
        pane.resize(1200, 300);
        pane.show();
        pane.setDetail(d);
        QValueAxis *y = valueAxis(pane.callersChart());
        QVERIFY(integerTicksOn(y));
        QVERIFY(y->max() >= 5);
        QValueAxis *calls = valueAxis(pane.callsChart());
        QVERIFY(integerTicksOn(calls));
        QCOMPARE(calls->max(), 1.0); // one call a day: 0 and 1, not 0, 1, 1, 1, 1
    }
};

QTEST_MAIN(TestDetailPane)
#include "tst_detailpane.moc"
