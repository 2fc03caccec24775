#include "db/cache.h"
#include "ingest/ingest.h"
#include "browser/catalogueloader.h"
#include "dashboard/chartaxes.h"
#include "browser/detailpane.h"
#include "testutil.h"
#include "threadspy.h"

#include <QAreaSeries>
#include <QBarSet>
#include <QCategoryAxis>
#include <QChart>
#include <QChartView>
#include <QLabel>
#include <QLineSeries>
#include <QScatterSeries>
#include <QStackedBarSeries>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QToolTip>
#include <QValueAxis>

#include <cmath>

// The detail pane's charts tell the truth about counts: whole-number ticks, quiet weeks as
// zeros, and a lone day or week drawn rather than left blank.
using namespace uptake;

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
        for (const char *id : {"lab/gappy", "lab/oneday", "lab/fiveday", "lab/keep"})
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
                                     // lab/keep: a (first on Monday 02-02) back 7, 14 and 28 days
                                     // later; b (02-03) back after 7; c (02-10) never; d first on
                                     // 03-20, four days before the cache's last call (03-24).
                                     {"2026-02-02T09:00:00Z", "lab/keep", "a"},
                                     {"2026-02-09T09:00:00Z", "lab/keep", "a"},
                                     {"2026-02-16T09:00:00Z", "lab/keep", "a"},
                                     {"2026-03-02T09:00:00Z", "lab/keep", "a"},
                                     {"2026-02-03T09:00:00Z", "lab/keep", "b"},
                                     {"2026-02-10T09:00:00Z", "lab/keep", "b"},
                                     {"2026-02-10T10:00:00Z", "lab/keep", "c"},
                                     {"2026-03-20T09:00:00Z", "lab/keep", "d"},
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

    // Returned and eligible callers of period k by plain SQL, apart from models/evidence.
    std::pair<qint64, qint64> periodBySql(const char *modelId, int k)
    {
        Database db = Cache::open(m_cache, Database::Mode::ReadOnly);
        Statement st(db,
                     "WITH f AS (SELECT caller, min(day) AS f FROM usage_daily WHERE model ="
                     " (SELECT id FROM models WHERE model_id = ?1) GROUP BY caller),"
                     " e AS (SELECT max(day) AS e FROM usage_daily),"
                     " ok AS (SELECT f.caller, f.f FROM f, e WHERE f.f + 7 * ?2 + 6 <= e.e)"
                     " SELECT (SELECT count(*) FROM ok), (SELECT count(*) FROM ok WHERE EXISTS (SELECT 1"
                     " FROM usage_daily u WHERE u.model = (SELECT id FROM models WHERE model_id = ?1)"
                     " AND u.caller = ok.caller AND u.day BETWEEN ok.f + 7 * ?2 AND ok.f + 7 * ?2 + 6))");
        st.bind(1, QString::fromLatin1(modelId));
        st.bind(2, std::int64_t(k));
        if (!st.step())
            return {-1, -1};
        return {st.int64(1), st.int64(0)};
    }

    // How many pixels of the image are close to the colour: a chart that drew nothing has none.
    static int pixelsNear(const QImage &image, const QColor &color)
    {
        int n = 0;
        for (int y = 0; y < image.height(); ++y)
            for (int x = 0; x < image.width(); ++x) {
                const QColor c = image.pixelColor(x, y);
                n += std::abs(c.red() - color.red()) + std::abs(c.green() - color.green())
                         + std::abs(c.blue() - color.blue())
                     < 24;
            }
        return n;
    }

    void evidenceShowsWhatCallersDid()
    {
        const ModelDetail d = loadDetail("lab/keep");
        QVERIFY(d.found);
        DetailPane pane;
        pane.resize(1280, 330);
        pane.show();
        QVERIFY(QTest::qWaitForWindowExposed(&pane));
        pane.setDetail(d);
        const QLocale locale;

        // The curve: eligible callers 3 for weeks 1..5 (c's 6th week ends after 03-24), 2 for
        // week 6, none after; back: a and b in week 1, a in weeks 2 and 4.
        const qint64 eligible[12] = {3, 3, 3, 3, 3, 2, 0, 0, 0, 0, 0, 0};
        const qint64 returned[12] = {2, 1, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0};
        QChart *chart = pane.retentionChart()->chart();
        QScatterSeries *dots = nullptr;
        for (QAbstractSeries *s : chart->series())
            if (auto *scatter = qobject_cast<QScatterSeries *>(s))
                dots = scatter;
        QVERIFY(dots);
        QCOMPARE(dots->count(), 6);
        auto *x = qobject_cast<QCategoryAxis *>(chart->axes(Qt::Horizontal).value(0));
        QVERIFY(x);
        QCOMPARE(x->categoriesLabels().size(), 12);
        for (int k = 1; k <= 12; ++k) {
            const auto [back, of] = periodBySql("lab/keep", k);
            QCOMPARE(of, eligible[k - 1]);
            QCOMPARE(back, returned[k - 1]);
            const QList<QPointF> points = dots->points();
            const auto at = std::find_if(points.cbegin(), points.cend(), [k](const QPointF &p) { return p.x() == k; });
            if (of == 0) {
                QVERIFY2(at == points.cend(), qPrintable(QString::number(k))); // no point where none is eligible
                QCOMPARE(x->categoriesLabels().at(k - 1), locale.toString(k));
            } else {
                QVERIFY2(at != points.cend(), qPrintable(QString::number(k)));
                QCOMPARE(at->y(), 100.0 * double(back) / double(of));
                QCOMPARE(x->categoriesLabels().at(k - 1), locale.toString(k) + QStringLiteral("<br>") + locale.toString(of));
            }
        }
        auto *y = qobject_cast<QValueAxis *>(chart->axes(Qt::Vertical).value(0));
        QVERIFY(y);
        QVERIFY(integerTicksOn(y)); // from 0, in whole percentages
        QVERIFY(y->max() >= 200.0 / 3 && y->max() <= 100);

        // The lifecycle, week by week from 02-02 to the week of 03-24 (a Tuesday: partial).
        QChart *life = pane.lifecycleChart()->chart();
        QCOMPARE(life->series().size(), 1);
        auto *bars = qobject_cast<QStackedBarSeries *>(life->series().first());
        QVERIFY(bars);
        const QList<QList<qreal>> expected = {{2, 1, 0, 0, 0, 0, 1, 0},
                                              {0, 2, 1, 0, 0, 0, 0, 0},
                                              {0, 0, 0, 0, 1, 0, 0, 0},
                                              {0, 0, -2, -1, 0, -1, 0, -1}};
        QCOMPARE(bars->count(), 4);
        for (int s = 0; s < 4; ++s) {
            QBarSet *set = bars->barSets().at(s);
            QCOMPARE(set->count(), 8);
            for (int i = 0; i < 8; ++i) {
                QCOMPARE(set->at(i), expected[s][i]);
                QCOMPARE(set->isBarSelected(i), i == 7); // the partial week, pale
            }
        }
        auto *weeks = qobject_cast<QCategoryAxis *>(life->axes(Qt::Horizontal).value(0));
        QVERIFY(weeks);
        QVERIFY2(weeks->categoriesLabels().last().contains(QLatin1String("(partial)")),
                 qPrintable(weeks->categoriesLabels().join(QLatin1Char('|'))));
        auto *counts = qobject_cast<QValueAxis *>(life->axes(Qt::Vertical).value(0));
        QVERIFY(counts);
        QVERIFY(counts->min() <= -2 && counts->max() >= 3);
        QVERIFY(pane.lifecycleChart()->toolTip().contains(QLatin1String("not over")));

        // The cohorts: 02-02 (a, b), 02-09 (c), 03-16 (d, eligible for nothing).
        QTableWidget *t = pane.cohortTable();
        QCOMPARE(t->rowCount(), 3);
        QCOMPARE(t->columnCount(), 13);
        QCOMPARE(t->verticalHeaderItem(0)->text(), locale.toString(QDate(2026, 2, 2), QLocale::ShortFormat));
        QCOMPARE(t->verticalHeaderItem(2)->text(), locale.toString(QDate(2026, 3, 16), QLocale::ShortFormat));
        QCOMPARE(t->item(0, 0)->text(), locale.toString(2));
        QCOMPARE(t->item(1, 0)->text(), locale.toString(1));
        const struct
        {
            int row, k;
            qint64 back, of;
        } cells[] = {{0, 1, 2, 2}, {0, 2, 1, 2}, {0, 3, 0, 2}, {0, 4, 1, 2}, {0, 6, 0, 2}, {1, 1, 0, 1}, {1, 5, 0, 1}};
        for (const auto &c : cells) {
            QTableWidgetItem *cell = t->item(c.row, c.k);
            QVERIFY(cell);
            QCOMPARE(cell->data(Qt::UserRole).toDouble(), double(c.back) / double(c.of));
            QVERIFY2(cell->text().startsWith(locale.toString(100.0 * double(c.back) / double(c.of), 'f', 0)),
                     qPrintable(cell->text()));
            QVERIFY2(cell->toolTip().startsWith(QStringLiteral("%1 of %2 ").arg(c.back).arg(c.of)),
                     qPrintable(cell->toolTip()));
        }
        // Blank where no caller of the cohort is eligible.
        for (const auto &[row, k] : {std::pair{0, 7}, {0, 12}, {1, 6}, {2, 1}, {2, 12}}) {
            QVERIFY2(t->item(row, k)->text().isEmpty(), qPrintable(QStringLiteral("%1 %2").arg(row).arg(k)));
            QVERIFY(t->item(row, k)->toolTip().isEmpty());
        }

        // Breadth: 8 calls, a with 4: half, 64 / 22 effective callers, a alone makes half.
        auto figure = [&](const char *name) {
            auto *l = pane.evidenceFigures()->findChild<QLabel *>(QLatin1String(name));
            return l ? l->text() : QStringLiteral("(missing)");
        };
        QCOMPARE(figure("week1Retention"), QStringLiteral("67% (2 of 3)"));
        QCOMPARE(figure("week4Retention"), QStringLiteral("33% (1 of 3)"));
        QCOMPARE(figure("topCallerShare"), QStringLiteral("50%"));
        QCOMPARE(figure("effectiveCallers"), locale.toString(64.0 / 22, 'f', 2));
        QCOMPARE(figure("halfCallers"), QStringLiteral("1 of 4"));

        // What is drawn: the curve's blue, the bars' green and grey, the heat map's full cell.
        pane.pages()->setCurrentIndex(1);
        QTest::qWait(200);
        const QImage curve = pane.retentionChart()->grab().toImage();
        QVERIFY2(pixelsNear(curve, QColor(0x2a, 0x6f, 0xb8)) > 100, "the retention chart is blank");
        pane.pages()->setCurrentIndex(2);
        QTest::qWait(200);
        const QImage lifecycle = pane.lifecycleChart()->grab().toImage();
        QVERIFY2(pixelsNear(lifecycle, QColor(0x3b, 0x8e, 0x4f)) > 100, "the lifecycle has no new callers drawn");
        QVERIFY2(pixelsNear(lifecycle, QColor(0x8a, 0x93, 0xa0)) > 100, "the lifecycle has no dormant callers drawn");
        pane.pages()->setCurrentIndex(3);
        QTest::qWait(100);
        QVERIFY2(pixelsNear(pane.cohortTable()->grab().toImage(), QColor(0x2a, 0x6f, 0xb8)) > 100,
                 "the heat map is blank");
    }

    // A usage window counts the callers it brought: from 02-09 on, c (never back) and d (nothing
    // over yet); a and b first called before it.
    void evidenceFollowsTheWindow()
    {
        ViewSpec spec;
        spec.sinceDay = *TextRules::parseDay("2026-02-09");
        const ModelDetail d = loadDetail("lab/keep", spec);
        QVERIFY(d.found);
        DetailPane pane;
        pane.resize(1280, 330);
        pane.show();
        pane.setDetail(d);
        QScatterSeries *dots = nullptr;
        for (QAbstractSeries *s : pane.retentionChart()->chart()->series())
            if (auto *scatter = qobject_cast<QScatterSeries *>(s))
                dots = scatter;
        QVERIFY(dots);
        QCOMPARE(dots->count(), 5); // c's weeks 1..5
        for (const QPointF &p : dots->points())
            QCOMPARE(p.y(), 0.0);
        QCOMPARE(pane.cohortTable()->rowCount(), 2);
        // Hovering a point tells its counts.
        emit dots->hovered(dots->at(0), true);
        QVERIFY2(QToolTip::text().contains(QLatin1String("0 of 1 callers")), qPrintable(QToolTip::text()));
    }

    // Without calls there is nothing to tell: figures say so, no chart is drawn empty.
    void noEvidenceSaysSo()
    {
        ModelDetail d = loadDetail("lab/keep");
        QVERIFY(d.found);
        d.evidence = {};
        DetailPane pane;
        pane.resize(1280, 330);
        pane.show();
        pane.setDetail(d);
        QVERIFY(pane.retentionChart()->chart()->series().isEmpty());
        QVERIFY(pane.lifecycleChart()->chart()->series().isEmpty());
        QCOMPARE(pane.cohortTable()->rowCount(), 0);
        auto *w1 = pane.evidenceFigures()->findChild<QLabel *>(QStringLiteral("week1Retention"));
        QVERIFY(w1 && w1->text().startsWith(QChar(0x2014)));
        auto *top = pane.evidenceFigures()->findChild<QLabel *>(QStringLiteral("topCallerShare"));
        QVERIFY(top && top->text().startsWith(QChar(0x2014)));
    }

    // The supply fields and the family, as a person reads them: a size in words, gated, the
    // chain of bases with what each step is, and what was made from a base.
    void supplyAndFamilyLines()
    {
        {
            Database db = Cache::open(m_cache);
            Transaction tx(db);
            CatalogueWriter w(db);
            ModelRecord base;
            base.modelId = "fam/base";
            base.parameters = 7'241'732'096;
            base.gated = true;
            w.upsert(base);
            ModelRecord ft;
            ft.modelId = "fam/ft";
            ft.baseModels = "fam/base";
            ft.tags = "base_model:finetune:fam/base";
            w.upsert(ft);
            ModelRecord q;
            q.modelId = "fam/q";
            q.baseModels = "fam/ft;other/gone";
            q.tags = "base_model:quantized:fam/ft";
            q.gated = false;
            w.upsert(q);
            tx.commit();
        }
        const auto shown = [](const DetailPane &pane) {
            QStringList texts;
            for (const QLabel *l : pane.findChildren<QLabel *>())
                texts << l->text();
            return texts;
        };
        DetailPane pane;
        pane.resize(1280, 600);
        pane.show();
        pane.setDetail(loadDetail("fam/q"));
        QStringList texts = shown(pane);
        QVERIFY2(texts.contains(QStringLiteral("quantisation of fam/ft \u2192 fine-tune of fam/base; also from other/gone")),
                 qPrintable(texts.join(QLatin1Char('|'))));
        QVERIFY(texts.contains(QStringLiteral("open")));
        pane.setDetail(loadDetail("fam/base"));
        texts = shown(pane);
        QVERIFY2(texts.contains(QStringLiteral("1 listed, 0 called, 0 kept a caller to week 4; 0 callers in all")),
                 qPrintable(texts.join(QLatin1Char('|'))));
        QVERIFY(texts.contains(QStringLiteral("7.2B")));
        QVERIFY(texts.contains(QStringLiteral("gated")));
        QVERIFY(!texts.contains(QStringLiteral("Derived from")));
    }
};

QTEST_MAIN(TestDetailPane)
#include "tst_detailpane.moc"
