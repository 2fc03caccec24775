#include "db/cache.h"
#include "dashboard/dashboardcharts.h"
#include "dashboard/dashboarddata.h"
#include "dashboard/dashboardwidget.h"
#include "view/figures.h"
#include "testutil.h"

#include <QAbstractBarSeries>
#include <QApplication>
#include <QBarSet>
#include <QChart>
#include <QFile>
#include <QImage>
#include <QSignalSpy>
#include <QLineSeries>
#include <QScatterSeries>
#include <QTemporaryDir>
#include <QTest>

// The dashboard drawn headless: each chart renders to PNG and SVG with real content, empty
// states say so in words, clicks turn into signals, the widget follows the view, and
// `uptake chart` works end to end without a display.
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
    }

    void names()
    {
        QCOMPARE(DashboardCharts::all().size(), 5);
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
        view.setData(m_data);
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
    }

    void commandEndToEnd()
    {
        for (const DashboardChart c : DashboardCharts::all()) {
            const QString out = path(QStringLiteral("cli-%1.png").arg(DashboardCharts::name(c)));
            const auto r = TestUtil::runUptake({QStringLiteral("--cache"), m_cache, QStringLiteral("chart"),
                                                DashboardCharts::name(c), out, QStringLiteral("--size"),
                                                QStringLiteral("800x500")});
            QVERIFY2(r.exitCode == 0, qPrintable(r.err));
            QImage image(out);
            QCOMPARE(image.size(), QSize(800, 500));
            QVERIFY(inked(image.convertToFormat(QImage::Format_RGB32)) > 800 * 500 / 50);
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
        QVERIFY(r.out.contains(QStringLiteral("chart tasks|concentration|weekly|funnel|top")));
    }

private:
    QTemporaryDir m_dir;
    QString m_cache;
    DashboardData m_data;
    DashboardData m_nothing;
};

QTEST_MAIN(TestDashboardCharts)
#include "tst_dashboardcharts.moc"
