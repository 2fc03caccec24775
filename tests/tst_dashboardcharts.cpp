#include "db/cache.h"
#include "dashboard/dashboardcharts.h"
#include "dashboard/dashboarddata.h"
#include "dashboard/chartparts.h"
#include "dashboard/dashboardwidget.h"
#include "dashboard/evidencecharts.h"
#include "view/figures.h"
#include "testutil.h"

#include <QAbstractBarSeries>
#include <QApplication>
#include <QBarCategoryAxis>
#include <QBarSet>
#include <QHorizontalBarSeries>
#include <QChart>
#include <QFile>
#include <QGraphicsRectItem>
#include <QGraphicsScene>
#include <QGraphicsSimpleTextItem>
#include <QGraphicsTextItem>
#include <QImage>
#include <QSignalSpy>
#include <QLineSeries>
#include <QLogValueAxis>
#include <QScatterSeries>
#include <QTemporaryDir>
#include <QTest>
#include <QValueAxis>

#include <algorithm>
#include <cstdlib>

// The dashboard drawn headless: each chart renders to PNG and SVG with real content, empty
// states say so in words, clicks turn into signals, the widget follows the view, and
// `uptake chart` works end to end without a display.
using namespace uptake;

class TestDashboardCharts : public QObject
{
    Q_OBJECT

private:
    // Pixels that differ clearly from the white background.
    static int inked(const QImage &image)
    {
        int n = 0;
        for (int y = 0; y < image.height(); ++y) {
            const QRgb *line = reinterpret_cast<const QRgb *>(image.constScanLine(y));
            for (int x = 0; x < image.width(); ++x)
                if (qRed(line[x]) < 235 || qGreen(line[x]) < 235 || qBlue(line[x]) < 235)
                    ++n;
        }
        return n;
    }
    QString path(const QString &name) const { return m_dir.filePath(name); }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_cache = path(QStringLiteral("f.sqlite"));
        Database db = Cache::open(m_cache);
        TestUtil::buildFixture(db);
        m_data = Dashboard::compute(db, ViewSpec());
        ViewSpec nothing;
        nothing.search = QStringLiteral("no-such-model");
        m_nothing = Dashboard::compute(db, nothing);
        // Weeks of usage, for the evidence charts (the small fixture's five days prove nothing).
        m_weeksCache = path(QStringLiteral("weeks.sqlite"));
        Database weeks = Cache::open(m_weeksCache);
        TestUtil::buildWeeks(weeks);
        // Families among them: two derivatives of w/a1, one of a derivative, one of a model
        // the catalogue does not list.
        TestUtil::writeModel(weeks, "w/a2", "alpha", nullptr, nullptr, "w/a1");
        TestUtil::writeModel(weeks, "w/b1", "beta", nullptr, nullptr, "w/a1");
        TestUtil::writeModel(weeks, "w/c1", "gamma", nullptr, nullptr, "w/b1");
        TestUtil::writeModel(weeks, "w/d1", "delta", nullptr, nullptr, "ext/base");
        m_weeks = Dashboard::compute(weeks, ViewSpec());
    }

    // The data a chart is drawn from in these tests.
    const DashboardData &dataFor(DashboardChart c) const
    {
        return weeksFor(c) ? m_weeks : m_data;
    }
    QString cacheFor(DashboardChart c) const { return weeksFor(c) ? m_weeksCache : m_cache; }
    static bool weeksFor(DashboardChart c) { return DashboardCharts::isEvidenceChart(c) || c == DashboardChart::Families; }

    // Pixels within tolerance of a colour.
    static int pixelsOf(const QImage &image, const QColor &color, int tolerance = 30)
    {
        int n = 0;
        for (int y = 0; y < image.height(); ++y) {
            const QRgb *line = reinterpret_cast<const QRgb *>(image.constScanLine(y));
            for (int x = 0; x < image.width(); ++x)
                if (std::abs(qRed(line[x]) - color.red()) <= tolerance
                    && std::abs(qGreen(line[x]) - color.green()) <= tolerance
                    && std::abs(qBlue(line[x]) - color.blue()) <= tolerance)
                    ++n;
        }
        return n;
    }
    static QImage drawn(DashboardChartView &view, const QString &file)
    {
        if (!view.exportTo(file, QSize(900, 560), 1.0))
            return {};
        return QImage(file).convertToFormat(QImage::Format_RGB32);
    }

    void names()
    {
        QCOMPARE(DashboardCharts::all().size(), 10);
        QCOMPARE(DashboardCharts::fromName(QStringLiteral("families")), DashboardChart::Families);
        QCOMPARE(DashboardCharts::fromName(QStringLiteral("demand-map")), DashboardChart::DemandMap);
        for (const DashboardChart c : DashboardCharts::all())
            QCOMPARE(DashboardCharts::fromName(DashboardCharts::name(c)), c);
        QVERIFY(!DashboardCharts::fromName(QStringLiteral("pie")));
    }

    void rendersEachChart_data()
    {
        QTest::addColumn<QString>("name");
        for (const DashboardChart c : DashboardCharts::all())
            QTest::newRow(qPrintable(DashboardCharts::name(c))) << DashboardCharts::name(c);
    }

    void rendersEachChart()
    {
        QFETCH(QString, name);
        DashboardChartView view(*DashboardCharts::fromName(name));
        view.setData(dataFor(view.kind()));
        QVERIFY2(view.message().isEmpty(), qPrintable(view.message()));
        const QString png = path(name + QStringLiteral(".png"));
        QString error;
        QVERIFY2(view.exportTo(png, QSize(900, 560), 1.0, &error), qPrintable(error));
        QImage image(png);
        QCOMPARE(image.size(), QSize(900, 560));
        image = image.convertToFormat(QImage::Format_RGB32);
        const int ink = inked(image);
        // Axes, labels, bars or lines: well above a bare frame, well below a filled canvas.
        QVERIFY2(ink > 900 * 560 / 50, qPrintable(QString::number(ink)));
        QVERIFY2(ink < 900 * 560 * 3 / 4, qPrintable(QString::number(ink)));

        // HiDPI: twice the pixels, same layout.
        QVERIFY(view.exportTo(png, QSize(900, 560), 2.0, &error));
        QCOMPARE(QImage(png).size(), QSize(1800, 1120));

        const QString svg = path(name + QStringLiteral(".svg"));
        QVERIFY2(view.exportTo(svg, QSize(900, 560), 1.0, &error), qPrintable(error));
        QFile f(svg);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray text = f.readAll();
        QVERIFY(text.contains("<svg"));
        QVERIFY(text.size() > 5000);
    }

    // The evidence end against SQL, and a last week not over yet drawn apart as dots.
    void aWeekNotOverIsNotADrop()
    {
        Database db = Cache::open(m_cache, Database::Mode::ReadOnly);
        const qint64 lastDay = db.queryInt("SELECT max(day) FROM usage_daily").value_or(-1);
        QVERIFY(lastDay > 0);
        QCOMPARE(Figures::evidenceEnd(db, ViewSpec()), std::optional<std::int64_t>(lastDay));
        ViewSpec earlier;
        earlier.untilDay = lastDay - 3;
        QCOMPARE(Figures::evidenceEnd(db, earlier), std::optional<std::int64_t>(lastDay - 3));
        QCOMPARE(m_data.weekly.evidenceEnd, std::optional<std::int64_t>(lastDay));

        // Three weeks by hand, the evidence ending on the third one's Tuesday.
        DashboardData d = m_data;
        const std::int64_t monday = 20514; // 2026-03-02, a Monday
        d.weekly.weeksPerBucket = 1;
        d.weekly.weeks = {{monday, 5, 100, 40, 0}, {monday + 7, 6, 120, 50, 20}, {monday + 14, 7, 30, 12, 9}};
        d.weekly.evidenceEnd = monday + 15;
        DashboardChartView view(DashboardChart::Weekly);
        view.resize(900, 560);
        view.setData(d);
        QVERIFY2(view.message().isEmpty(), qPrintable(view.message()));
        int lines = 0, dots = 0;
        for (QAbstractSeries *s : view.chart()->series()) {
            if (auto *dot = qobject_cast<QScatterSeries *>(s)) {
                ++dots;
                QCOMPARE(dot->count(), 1);
                QCOMPARE(qint64(dot->at(0).x()), qint64((qint64(monday + 14) * 86400 + 43200) * 1000));
            } else if (auto *line = qobject_cast<QLineSeries *>(s)) {
                ++lines;
                // The cumulative supply keeps its last point; usage lines stop at the last whole week.
                QCOMPARE(line->count(), line->name().contains(QLatin1String("listed")) ? 3 : 2);
            }
        }
        QCOMPARE(lines, 4);
        QCOMPARE(dots, 3);
        // A whole last week (evidence on its Sunday) is drawn as the line's end.
        d.weekly.evidenceEnd = monday + 20;
        view.setData(d);
        for (QAbstractSeries *s : view.chart()->series())
            QVERIFY(!qobject_cast<QScatterSeries *>(s));
    }

    // The evidence charts draw their series (their colours are on the image) on honest axes.
    void retentionChart()
    {
        DashboardChartView view(DashboardChart::Retention);
        view.resize(900, 560);
        view.setData(m_weeks);
        QVERIFY2(view.message().isEmpty(), qPrintable(view.message()));
        QVERIFY(m_weeks.evidence.tasks.size() >= 3);
        int lines = 0;
        qreal highest = 0;
        for (QAbstractSeries *s : view.chart()->series())
            if (auto *line = qobject_cast<QLineSeries *>(s); line && !qobject_cast<QScatterSeries *>(s)) {
                ++lines;
                for (const QPointF &p : line->points())
                    highest = std::max(highest, p.y());
            }
        // The view's curve and one a task.
        QCOMPARE(lines, 1 + int(m_weeks.evidence.tasks.size()));
        // No point where nobody is eligible: the view's line has as many points as eligible periods.
        const auto *first = qobject_cast<QLineSeries *>(view.chart()->series().constFirst());
        int eligible = 0;
        for (const Evidence::Counts &c : m_weeks.evidence.selection.curve)
            eligible += c.eligible > 0;
        QCOMPARE(first->count(), eligible);
        QVERIFY(eligible < Evidence::Periods); // the fixture's last callers are too recent for week 12
        const auto *y = qobject_cast<QValueAxis *>(view.chart()->axes(Qt::Vertical).constFirst());
        QVERIFY(y);
        QCOMPARE(y->min(), 0.0);
        QVERIFY(y->max() >= highest && y->max() <= 100);
        const QImage image = drawn(view, path(QStringLiteral("retention-colour.png")));
        QVERIFY(pixelsOf(image, EvidenceCharts::kRetention, 20) > 200);
        QVERIFY(pixelsOf(image, ChartParts::taskColor(0), 20) > 50);
    }

    void cohortsChart()
    {
        DashboardChartView view(DashboardChart::Cohorts);
        view.resize(900, 560);
        view.setData(m_weeks);
        QVERIFY2(view.message().isEmpty(), qPrintable(view.message()));
        // One cell per cohort and period with eligible callers, each telling "r of n" on hover.
        int expected = 0;
        for (const Evidence::Cohort &c : m_weeks.evidence.selection.cohorts)
            for (const Evidence::Counts &n : c.periods)
                expected += n.eligible > 0;
        int cells = 0;
        for (QGraphicsItem *item : view.scene()->items())
            if (auto *rect = qgraphicsitem_cast<QGraphicsRectItem *>(item); rect && rect->toolTip().contains(QStringLiteral(" callers first seen in the week of ")))
                ++cells;
        QCOMPARE(cells, expected);
        const Evidence::Cohort &c = m_weeks.evidence.selection.cohorts.front();
        const QString tip = EvidenceCharts::cohortTip(view.numberLocale(), c.periods[0], c.week, 1);
        QVERIFY(tip.startsWith(QStringLiteral("%1 of %2 ").arg(c.periods[0].returned).arg(c.periods[0].eligible)));
        const QImage image = drawn(view, path(QStringLiteral("cohorts-colour.png")));
        // Cells of the heat map's blues: a full one is the retention blue, others lighter.
        int blue = 0;
        for (int yy = 0; yy < image.height(); ++yy)
            for (int xx = 0; xx < image.width(); ++xx) {
                const QColor p = image.pixelColor(xx, yy);
                blue += p.blue() > p.red() + 25 && p.blue() > 120;
            }
        QVERIFY2(blue > 2000, qPrintable(QString::number(blue)));
    }

    void lifecycleChart()
    {
        DashboardChartView view(DashboardChart::Lifecycle);
        view.resize(900, 560);
        view.setData(m_weeks);
        QVERIFY2(view.message().isEmpty(), qPrintable(view.message()));
        auto *bars = qobject_cast<QAbstractBarSeries *>(view.chart()->series().constFirst());
        QVERIFY(bars);
        QCOMPARE(bars->barSets().size(), 4);
        QCOMPARE(bars->barSets().constFirst()->count(), qsizetype(m_weeks.evidence.selection.lifecycle.size()));
        // Dormant callers below the axis.
        const auto *y = qobject_cast<QValueAxis *>(view.chart()->axes(Qt::Vertical).constFirst());
        QVERIFY(y && y->min() < 0 && y->max() > 0);
        QVERIFY(bars->barSets().constLast()->at(1) <= 0);
        const QImage image = drawn(view, path(QStringLiteral("lifecycle-colour.png")));
        QVERIFY(pixelsOf(image, QColor(0x3b, 0x8e, 0x4f), 20) > 200); // new
        QVERIFY(pixelsOf(image, QColor(0x8a, 0x93, 0xa0), 12) > 200); // dormant
    }

    // Bars are the derivatives' callers, dots the derivatives listed, each on an axis that holds it.
    void familiesChart()
    {
        DashboardChartView view(DashboardChart::Families);
        view.resize(900, 560);
        view.setData(m_weeks);
        QVERIFY2(view.message().isEmpty(), qPrintable(view.message()));
        const std::vector<Families::Family> &f = m_weeks.families;
        QCOMPARE(f.size(), std::size_t(3)); // w/a1, w/b1, ext/base
        QCOMPARE(m_weeks.familyBases, 3);
        QCOMPARE(f.front().base, std::string("w/a1"));
        QCOMPARE(f.front().derivatives, 2);
        QHorizontalBarSeries *bars = nullptr;
        QScatterSeries *dots = nullptr;
        for (QAbstractSeries *s : view.chart()->series()) {
            bars = bars ? bars : qobject_cast<QHorizontalBarSeries *>(s);
            dots = dots ? dots : qobject_cast<QScatterSeries *>(s);
        }
        QVERIFY(bars && dots);
        QCOMPARE(bars->barSets().constFirst()->count(), 3);
        QCOMPARE(dots->count(), 3);
        // Most callers on top: the last category is the first family.
        auto *categories = qobject_cast<QBarCategoryAxis *>(view.chart()->axes(Qt::Vertical, bars).constFirst());
        QVERIFY(categories);
        QCOMPARE(categories->categories().constLast(), QStringLiteral("w/a1"));
        const auto *callers = qobject_cast<QValueAxis *>(view.chart()->axes(Qt::Horizontal, bars).constFirst());
        const auto *listed = qobject_cast<QValueAxis *>(view.chart()->axes(Qt::Horizontal, dots).constFirst());
        QVERIFY(callers && listed && callers != listed);
        for (int i = 0; i < 3; ++i) {
            const Families::Family &fam = f[size_t(2 - i)];
            QCOMPARE(bars->barSets().constFirst()->at(i), qreal(fam.callers));
            QVERIFY(callers->min() == 0 && callers->max() >= qreal(fam.callers));
            QCOMPARE(dots->at(i).x(), qreal(fam.derivatives));
            QVERIFY(listed->min() == 0 && listed->max() >= qreal(fam.derivatives));
        }
        // A click names the base when the catalogue lists it, and nothing for one it does not.
        QSignalSpy clicked(&view, &DashboardChartView::modelActivated);
        emit bars->clicked(2, bars->barSets().constFirst());
        QCOMPARE(clicked.size(), 1);
        QCOMPARE(clicked.at(0).at(0).toString(), QStringLiteral("w/a1"));
        const int unlisted = int(std::find_if(f.rbegin(), f.rend(), [](const Families::Family &x) { return !x.baseListed; })
                                 - f.rbegin());
        emit bars->clicked(unlisted, bars->barSets().constFirst());
        QCOMPARE(clicked.size(), 1);

        // Fewer shown than named: the chart says how many it leaves out.
        DashboardData two = m_weeks;
        two.families.resize(2);
        view.setData(two);
        bool noted = false;
        for (QGraphicsItem *item : view.scene()->items())
            if (const auto *t = dynamic_cast<QGraphicsSimpleTextItem *>(item))
                noted = noted || (t->isVisible() && t->text() == QStringLiteral("the top 2 of 3 base models"));
        QVERIFY(noted);
    }

    void demandMapChart()
    {
        DashboardChartView view(DashboardChart::DemandMap);
        view.resize(900, 560);
        view.setData(m_weeks);
        QVERIFY2(view.message().isEmpty(), qPrintable(view.message()));
        const EvidenceData &e = m_weeks.evidence;
        QVERIFY(!e.demand.empty());
        const auto *x = qobject_cast<QLogValueAxis *>(view.chart()->axes(Qt::Horizontal).constFirst());
        QVERIFY(x); // log scale
        const auto *y = qobject_cast<QValueAxis *>(view.chart()->axes(Qt::Vertical).constFirst());
        // 0 to 100 % with a margin for the points' size, the ticks on 0, 20 ... 100 exactly.
        QVERIFY(y && y->min() < 0 && y->min() > -10 && y->max() > 100 && y->max() < 110);
        QCOMPARE(y->tickType(), QValueAxis::TicksDynamic);
        QCOMPARE(y->tickAnchor(), 0.0);
        QCOMPARE(y->tickInterval(), 20.0);
        int plotted = 0;
        QScatterSeries *someSeries = nullptr;
        for (QAbstractSeries *s : view.chart()->series())
            if (auto *dots = qobject_cast<QScatterSeries *>(s)) {
                plotted += int(dots->count());
                someSeries = someSeries ? someSeries : dots;
                for (const QPointF &p : dots->points()) {
                    // Inside the axis with a margin, so that no point is cut by the plot's edge.
                    QVERIFY(p.x() >= x->min() * 1.25 && p.x() * 1.25 <= x->max());
                    QVERIFY(p.y() >= 0 && p.y() <= 100);
                }
            }
        QCOMPARE(plotted, int(e.demand.size()));
        QVERIFY(view.chart()->title().contains(QStringLiteral("20")));
        QVERIFY(view.toolTip().contains(QStringLiteral("median")));

        // A click on a point names its model.
        QSignalSpy clicked(&view, &DashboardChartView::modelActivated);
        const QPointF point = someSeries->at(0);
        emit someSeries->clicked(point);
        QCOMPARE(clicked.size(), 1);
        const QString id = clicked.at(0).at(0).toString();
        const auto it = std::find_if(e.demand.begin(), e.demand.end(), [&](const DemandPoint &p) { return p.modelId == id; });
        QVERIFY(it != e.demand.end());
        QCOMPARE(double(it->uniqueCallers), point.x());
        QCOMPARE(100 * it->week4Retention, point.y());

        const QImage image = drawn(view, path(QStringLiteral("map-colour.png")));
        // The points' outlines, in their tasks' colours.
        int outlines = 0;
        for (QAbstractSeries *s : view.chart()->series())
            if (auto *dots = qobject_cast<QScatterSeries *>(s))
                outlines += pixelsOf(image, dots->borderColor(), 12);
        QVERIFY2(outlines > 100, qPrintable(QString::number(outlines)));
    }

    // The loop ends with the view's week-4 retention.
    void funnelKeepsToWeek4()
    {
        DashboardChartView view(DashboardChart::Funnel);
        view.resize(900, 560);
        view.setData(m_weeks);
        auto *bars = qobject_cast<QAbstractBarSeries *>(view.chart()->series().constFirst());
        QVERIFY(bars);
        QCOMPARE(bars->barSets().constFirst()->count(), 10); // five model steps, four caller steps, week 4
        QVERIFY(m_weeks.funnel.keptToWeek4 && m_weeks.funnel.keptToWeek4->eligible > 0);
        // The top row (the categories run bottom to top) is the week-4 step's share of all callers.
        const double all = double(m_weeks.funnel.callers.front().count);
        QCOMPARE(bars->barSets().constLast()->at(0), 100.0 * double(m_weeks.funnel.keptToWeek4->returned) / all);
    }

    void emptyStatesSayWhy()
    {
        for (const DashboardChart c : DashboardCharts::all()) {
            DashboardChartView view(c);
            view.setData(m_nothing);
            QVERIFY2(view.message().contains(QStringLiteral("No model matches")), qPrintable(view.message()));
            const QString png = path(QStringLiteral("empty-%1.png").arg(DashboardCharts::name(c)));
            QVERIFY(view.exportTo(png, QSize(700, 450)));
            const int ink = inked(QImage(png).convertToFormat(QImage::Format_RGB32));
            QVERIFY(ink > 200); // the title and the words
            QVERIFY(ink < 700 * 450 / 20); // and no chart
        }
        // No usage imported at all.
        const QString fresh = path(QStringLiteral("nousage.sqlite"));
        Database db = Cache::open(fresh);
        TestUtil::writeModel(db, "a/b", "text-generation");
        DashboardChartView view(DashboardChart::Weekly);
        view.setData(Dashboard::compute(db, ViewSpec()));
        QVERIFY2(view.message().contains(QStringLiteral("No usage imported yet")), qPrintable(view.message()));
    }

    void badExportsFail()
    {
        DashboardChartView view(DashboardChart::Top);
        view.setData(m_data);
        QString error;
        QVERIFY(!view.exportTo(path(QStringLiteral("x.jpg")), QSize(800, 500), 1.0, &error));
        QVERIFY(error.contains(QStringLiteral(".png or .svg")));
        QVERIFY(!view.exportTo(path(QStringLiteral("no/such/dir/x.png")), QSize(800, 500), 1.0, &error));
    }

    void clicksBecomeSignals()
    {
        DashboardChartView tasks(DashboardChart::Tasks);
        tasks.setData(m_data);
        QSignalSpy taskSpy(&tasks, &DashboardChartView::taskActivated);
        auto *bars = qobject_cast<QAbstractBarSeries *>(tasks.chart()->series().constFirst());
        QVERIFY(bars);
        // Categories run bottom to top, the largest share on top: the last index is text-generation.
        const int lastIndex = int(m_data.tasks.tasks.size()) - 1;
        emit bars->clicked(lastIndex, bars->barSets().constFirst());
        QCOMPARE(taskSpy.size(), 1);
        QCOMPARE(taskSpy.at(0).at(0).toString(), QStringLiteral("text-generation"));
        emit bars->clicked(0, bars->barSets().constFirst()); // "(no task)" filters nothing
        QCOMPARE(taskSpy.size(), 1);

        DashboardChartView top(DashboardChart::Top);
        top.setData(m_data);
        QSignalSpy modelSpy(&top, &DashboardChartView::modelActivated);
        auto *topBars = qobject_cast<QAbstractBarSeries *>(top.chart()->series().constFirst());
        QVERIFY(topBars);
        emit topBars->clicked(int(m_data.top.size()) - 1, topBars->barSets().constFirst());
        QCOMPARE(modelSpy.size(), 1);
        QCOMPARE(modelSpy.at(0).at(0).toString(), QStringLiteral("lab/alpha"));
    }

    // The families read every derivative's usage: computed when their page is shown.
    void familiesWaitForTheirPage()
    {
        DashboardWidget w(m_weeksCache);
        w.resize(1280, 760);
        QSignalSpy updated(&w, &DashboardWidget::updated);
        QVERIFY(updated.wait(20000));
        QVERIFY(w.chartView(DashboardChart::Funnel)->message().isEmpty());
        QCOMPARE(w.chartView(DashboardChart::Families)->message(), QStringLiteral("Computing…"));
        // Not computed yet: the window's export says so instead of writing the placeholder.
        QString error;
        QVERIFY(!w.exportChart(QStringLiteral("families"), path(QStringLiteral("early.png")), &error));
        QVERIFY2(error.contains(QStringLiteral("Families page")), qPrintable(error));
        QVERIFY(!QFile::exists(path(QStringLiteral("early.png"))));
        const quint64 started = w.computationsStarted();
        w.showChart(DashboardChart::Families);
        QVERIFY(updated.wait(20000));
        QCOMPARE(w.computationsStarted(), started + 1);
        QVERIFY2(w.chartView(DashboardChart::Families)->message().isEmpty(),
                 qPrintable(w.chartView(DashboardChart::Families)->message()));
        QVERIFY(w.exportChart(QStringLiteral("families"), path(QStringLiteral("shown.png")), &error));
        // Shown again for the same view: nothing to compute.
        w.showChart(DashboardChart::Tasks);
        w.showChart(DashboardChart::Families);
        QCOMPARE(w.computationsStarted(), started + 1);
    }

    void widgetFollowsTheView()
    {
        DashboardWidget w(m_cache);
        w.resize(1280, 760);
        QSignalSpy updated(&w, &DashboardWidget::updated);
        QVERIFY(updated.wait(20000));
        QVERIFY(!w.isBusy());
        QVERIFY(w.chartView(DashboardChart::Funnel)->message().isEmpty());

        // Two quick changes: the debounce and the generation counter leave only the last one.
        const quint64 started = w.computationsStarted();
        ViewSpec first;
        first.task = QStringLiteral("text-generation");
        w.setView(first);
        ViewSpec last;
        last.search = QStringLiteral("no-such-model");
        w.setView(last);
        QVERIFY(updated.wait(20000));
        QVERIFY(!w.isBusy());
        QCOMPARE(w.view(), last);
        for (const DashboardChart c : DashboardCharts::all())
            QVERIFY2(w.chartView(c)->message().contains(QStringLiteral("No model matches")),
                     qPrintable(w.chartView(c)->message()));
        // One computation for both, and it is finished: no other answer can come.
        QCOMPARE(w.computationsStarted(), started + 1);
        QCOMPARE(updated.size(), 2);

        w.setView(ViewSpec());
        QVERIFY(updated.wait(20000));
        QString error;
        QVERIFY2(w.exportChart(QStringLiteral("weekly"), path(QStringLiteral("w.svg")), &error), qPrintable(error));
        QVERIFY(!w.exportChart(QStringLiteral("pie"), path(QStringLiteral("w.svg")), &error));
    }

    void wholeDashboardRenders()
    {
        // The whole dashboard drawn on this suite's cache; UPTAKE_DASHBOARD_SHOT=CACHE:OUT.png
        // [UPTAKE_SHOT_SIZE=WxH] draws another cache into a file to look at (docs/dashboard.png).
        const QString spec = qEnvironmentVariable("UPTAKE_DASHBOARD_SHOT");
        const QString cache = spec.isEmpty() ? m_cache : spec.section(QLatin1Char(':'), 0, 0);
        const QString out = spec.isEmpty() ? path(QStringLiteral("dashboard.png")) : spec.section(QLatin1Char(':'), 1);
        const QStringList size = qEnvironmentVariable("UPTAKE_SHOT_SIZE", QStringLiteral("1280x740")).split(QLatin1Char('x'));
        DashboardWidget w(cache);
        w.resize(size.at(0).toInt(), size.at(1).toInt());
        w.show();
        QSignalSpy updated(&w, &DashboardWidget::updated);
        QVERIFY(updated.wait(120000));
        // The charts lay out in posted events: a grab right after the update shows the old geometry.
        for (int i = 0; i < 3; ++i)
            QCoreApplication::processEvents();
        QVERIFY(w.grab().save(out));
        const QImage image(out);
        QCOMPARE(image.size(), QSize(size.at(0).toInt(), size.at(1).toInt()) * w.devicePixelRatio());
        QVERIFY(inked(image.convertToFormat(QImage::Format_RGB32)) > image.width() * image.height() / 50);
        // Every step of the loop keeps its name: a category axis elides a label taller than its
        // row to nothing, which ten steps in too short a view did.
        int named = 0;
        for (QGraphicsItem *item : w.chartView(DashboardChart::Funnel)->scene()->items()) {
            const auto *text = dynamic_cast<QGraphicsTextItem *>(item);
            if (!text || !text->isVisible())
                continue;
            const QString t = text->toPlainText();
            QVERIFY2(t != QStringLiteral("...") && t != QStringLiteral("…"), "a step of the loop is elided to nothing");
            named += t == QStringLiteral("Models listed") || t == QStringLiteral("…kept a caller to week 4");
        }
        QCOMPARE(named, 2);
    }

    void commandEndToEnd()
    {
        for (const DashboardChart c : DashboardCharts::all()) {
            const QString out = path(QStringLiteral("cli-%1.png").arg(DashboardCharts::name(c)));
            const auto r = TestUtil::runUptake({QStringLiteral("--cache"), cacheFor(c), QStringLiteral("chart"),
                                                DashboardCharts::name(c), out, QStringLiteral("--size"),
                                                QStringLiteral("800x500")});
            QVERIFY2(r.exitCode == 0, qPrintable(r.err));
            QVERIFY2(!r.err.contains(QStringLiteral("No ")), qPrintable(r.err)); // a chart, not an empty state
            QImage image(out);
            QCOMPARE(image.size(), QSize(800, 500));
            QVERIFY(inked(image.convertToFormat(QImage::Format_RGB32)) > 800 * 500 / 50);
            if (!DashboardCharts::isEvidenceChart(c))
                continue;
            const QString svg = path(QStringLiteral("cli-%1.svg").arg(DashboardCharts::name(c)));
            const auto s = TestUtil::runUptake({QStringLiteral("--cache"), cacheFor(c), QStringLiteral("chart"),
                                                DashboardCharts::name(c), svg});
            QVERIFY2(s.exitCode == 0, qPrintable(s.err));
            QFile f(svg);
            QVERIFY(f.open(QIODevice::ReadOnly));
            const QByteArray text = f.readAll();
            QVERIFY(text.startsWith("<?xml") && text.contains("<svg") && text.trimmed().endsWith("</svg>"));
            QVERIFY(text.size() > 5000);
        }
        const QString svg = path(QStringLiteral("cli-tasks.svg"));
        auto r = TestUtil::runUptake({QStringLiteral("--cache"), m_cache, QStringLiteral("chart"), QStringLiteral("tasks"),
                                      svg, QStringLiteral("--task"), QStringLiteral("text-generation"),
                                      QStringLiteral("--since"), QStringLiteral("2026-03-01")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(QFileInfo(svg).size() > 5000);

        r = TestUtil::runUptake({QStringLiteral("--cache"), m_cache, QStringLiteral("chart"), QStringLiteral("top"),
                                 path(QStringLiteral("none.png")), QStringLiteral("--search"), QStringLiteral("zzz-none")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.err.contains(QStringLiteral("No model matches")), qPrintable(r.err));

        r = TestUtil::runUptake({QStringLiteral("--cache"), m_cache, QStringLiteral("chart"), QStringLiteral("pie"),
                                 path(QStringLiteral("x.png"))});
        QCOMPARE(r.exitCode, 2);
        r = TestUtil::runUptake({QStringLiteral("--cache"), m_cache, QStringLiteral("chart"), QStringLiteral("top"),
                                 path(QStringLiteral("x.gif"))});
        QCOMPARE(r.exitCode, 2);
        r = TestUtil::runUptake({QStringLiteral("--cache"), m_cache, QStringLiteral("chart"), QStringLiteral("top")});
        QCOMPARE(r.exitCode, 2);
        r = TestUtil::runUptake({QStringLiteral("--cache"), m_cache, QStringLiteral("chart"), QStringLiteral("top"),
                                 path(QStringLiteral("x.png")), QStringLiteral("--size"), QStringLiteral("big")});
        QCOMPARE(r.exitCode, 2);
        r = TestUtil::runUptake({QStringLiteral("--help")});
        QVERIFY(r.out.contains(
            QStringLiteral("chart tasks|concentration|weekly|funnel|top|retention|cohorts|lifecycle|demand-map")));
    }

private:
    QTemporaryDir m_dir;
    QString m_cache;
    DashboardData m_data;
    DashboardData m_nothing;
    QString m_weeksCache;
    DashboardData m_weeks;
};

QTEST_MAIN(TestDashboardCharts)
#include "tst_dashboardcharts.moc"
