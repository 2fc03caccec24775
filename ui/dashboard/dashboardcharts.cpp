#include "dashboard/dashboardcharts.h"

#include "dashboard/chartaxes.h"
#include "text/displaytext.h"
#include "text/textrules.h"

#include <QApplication>
#include <QBarCategoryAxis>
#include <QBarSet>
#include <QContextMenuEvent>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontMetricsF>
#include <QGraphicsSimpleTextItem>
#include <QGraphicsTextItem>
#include <QHorizontalBarSeries>
#include <QHorizontalStackedBarSeries>
#include <QImage>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLocale>
#include <QLogValueAxis>
#include <QMenu>
#include <QMessageBox>
#include <QPainter>
#include <QScatterSeries>
#include <QStandardPaths>
#include <QSvgGenerator>
#include <QTextDocument>
#include <QTextOption>
#include <QToolTip>
#include <QValueAxis>

#include <algorithm>
#include <cmath>
#include <limits>

namespace {

// Numbers follow the view's number locale: the user's on screen and in PNG, one fixed
// locale in SVG (machine-readable, the same bytes everywhere).
QString num(const QLocale &locale, std::int64_t n)
{
    return locale.toString(qint64(n));
}

QString pct(const QLocale &locale, double fraction)
{
    const double p = fraction * 100.0;
    const int decimals = p != 0 && std::abs(p) < 0.1 ? 3 : 1;
    return locale.toString(p, 'f', decimals) + locale.percent();
}

QString dayText(std::int64_t day)
{
    return QString::fromStdString(TextRules::formatDay(day));
}

// Noon UTC of a day, so that no time zone moves a week's point to another date.
qreal dayMsecs(std::int64_t day)
{
    return qreal((day * 86400 + 43200) * 1000);
}

double niceCeil(double v)
{
    if (v <= 0)
        return 1;
    const double mag = std::pow(10.0, std::floor(std::log10(v)));
    for (const double step : {1.0, 2.0, 2.5, 5.0, 10.0})
        if (step * mag >= v)
            return step * mag;
    return 10 * mag;
}

// Qt Charts draws axis labels, legends and titles as HTML: registry text reaches them only
// through DisplayText::html.
QString elide(const QString &text, int chars)
{
    if (text.size() <= chars)
        return text;
    const int head = chars * 2 / 3;
    return text.left(head) + QChar(0x2026) + text.right(chars - head - 1);
}

const QColor kSupply(31, 119, 180);
const QColor kCalls(230, 120, 20);
const QColor kRepeat(44, 160, 44);
const QColor kReturning(148, 103, 189);
const QColor kGrey(120, 120, 120);

void styleAxis(QAbstractAxis *axis)
{
    QFont f = axis->titleFont();
    f.setPointSizeF(9);
    f.setBold(false);
    axis->setTitleFont(f);
    QFont l = axis->labelsFont();
    l.setPointSizeF(8.5);
    axis->setLabelsFont(l);
}

QString chartTitle(DashboardChart kind)
{
    switch (kind) {
    case DashboardChart::Tasks: return DashboardChartView::tr("Supply vs demand by task");
    case DashboardChart::Concentration: return DashboardChartView::tr("Concentration of calls");
    case DashboardChart::Weekly: return DashboardChartView::tr("Supply and usage over time");
    case DashboardChart::Funnel: return DashboardChartView::tr("The loop: from listing to repeat use");
    case DashboardChart::Top: return DashboardChartView::tr("Top models by calls, with their repeat rate");
    }
    return {};
}

} // namespace

namespace DashboardCharts {

QList<DashboardChart> all()
{
    return {DashboardChart::Tasks, DashboardChart::Concentration, DashboardChart::Weekly, DashboardChart::Funnel,
            DashboardChart::Top};
}

QString name(DashboardChart chart)
{
    switch (chart) {
    case DashboardChart::Tasks: return QStringLiteral("tasks");
    case DashboardChart::Concentration: return QStringLiteral("concentration");
    case DashboardChart::Weekly: return QStringLiteral("weekly");
    case DashboardChart::Funnel: return QStringLiteral("funnel");
    case DashboardChart::Top: return QStringLiteral("top");
    }
    return {};
}

std::optional<DashboardChart> fromName(const QString &text)
{
    for (const DashboardChart c : all())
        if (text.compare(name(c), Qt::CaseInsensitive) == 0)
            return c;
    return std::nullopt;
}

QString displayName(DashboardChart chart)
{
    return chartTitle(chart);
}

} // namespace DashboardCharts

DashboardChartView::DashboardChartView(DashboardChart kind, QWidget *parent)
    : QChartView(parent)
    , m_kind(kind)
{
    setRenderHint(QPainter::Antialiasing);
    setMinimumSize(300, 320);
    showMessage(tr("Computing…"));
}

DashboardChartView::~DashboardChartView() = default;

QLocale DashboardChartView::svgLocale()
{
    return QLocale(QLocale::English, QLocale::UnitedStates);
}

void DashboardChartView::setNumberLocale(const QLocale &locale)
{
    if (locale == m_numbers)
        return;
    m_numbers = locale;
    if (m_data)
        setData(*m_data);
}

int DashboardChartView::plotWidth() const
{
    const int w = chart() ? int(chart()->plotArea().width()) : 0;
    return std::max(w > 0 ? w : width() - 120, 100);
}

QChart *DashboardChartView::newChart(const QString &title)
{
    auto *chart = new QChart;
    chart->setTheme(QChart::ChartThemeLight);
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->setBackgroundRoundness(0);
    // Axis labels in the same number format as the notes and tooltips.
    chart->setLocalizeNumbers(true);
    chart->setLocale(m_numbers);
    chart->setMargins(QMargins(6, 4, 10, 4));
    QFont f = chart->titleFont();
    f.setPointSizeF(11);
    f.setBold(true);
    chart->setTitleFont(f);
    chart->setTitle(title);
    chart->legend()->setAlignment(Qt::AlignBottom);
    QFont lf = chart->legend()->font();
    lf.setPointSizeF(8.5);
    chart->legend()->setFont(lf);
    return chart;
}

void DashboardChartView::install(QChart *chart)
{
    m_notes.clear();
    m_messageItem = nullptr;
    QChart *old = this->chart();
    setChart(chart);
    delete old;
    connect(chart, &QChart::plotAreaChanged, this, &DashboardChartView::placeNotes);
}

void DashboardChartView::showMessage(const QString &message)
{
    m_data.reset();
    m_message = message;
    QChart *chart = newChart(chartTitle(m_kind));
    chart->legend()->hide();
    install(chart);
    m_messageItem = new QGraphicsTextItem(chart);
    QFont f = font();
    f.setPointSizeF(11);
    m_messageItem->setFont(f);
    m_messageItem->setDefaultTextColor(QColor(70, 70, 70));
    m_messageItem->setPlainText(message);
    m_messageItem->document()->setDefaultTextOption(QTextOption(Qt::AlignHCenter));
    placeNotes();
}

QString DashboardChartView::emptyReason(const DashboardData &d) const
{
    if (d.viewModels == 0)
        return tr("No model matches the current filter. Widen the filter to see this chart.");
    if (!d.cacheHasUsage)
        return tr("No usage imported yet. Import a usage file (uptake import usage FILE) to compare what is "
                  "listed with what is used.");
    if (d.viewCalls == 0)
        return tr("The %1 models of this view have no calls in the selected usage window.").arg(num(m_numbers, d.viewModels));
    switch (m_kind) {
    case DashboardChart::Concentration:
        if (d.concentration.listedModels == 0)
            return tr("This view holds no listed models, only models seen in usage.");
        if (d.concentration.calls == 0)
            return tr("The listed models of this view have no calls in the selected usage window.");
        break;
    case DashboardChart::Weekly:
        if (d.weekly.weeks.empty())
            return tr("No calls in the selected usage window.");
        break;
    case DashboardChart::Top:
        if (d.top.empty())
            return tr("No model of this view was called in the selected usage window.");
        break;
    case DashboardChart::Tasks:
    case DashboardChart::Funnel: break;
    }
    return {};
}

void DashboardChartView::setData(const DashboardData &data)
{
    const QString reason = emptyReason(data);
    if (!reason.isEmpty()) {
        showMessage(reason);
        m_data = data;
        return;
    }
    m_message.clear();
    switch (m_kind) {
    case DashboardChart::Tasks: buildTasks(data); break;
    case DashboardChart::Concentration: buildConcentration(data); break;
    case DashboardChart::Weekly: buildWeekly(data); break;
    case DashboardChart::Funnel: buildFunnel(data); break;
    case DashboardChart::Top: buildTop(data); break;
    }
    m_data = data;
    placeNotes();
}

void DashboardChartView::buildTasks(const DashboardData &d)
{
    const TaskChartData &t = d.tasks;
    QChart *chart = newChart(chartTitle(m_kind));
    auto *series = new QHorizontalBarSeries;
    // The legend names the measures (and how repeat callers add up); the totals are in each
    // bar's tooltip and above the charts: with them the legend was cut in longer languages.
    auto *models = new QBarSet(tr("Listed models"));
    auto *calls = new QBarSet(tr("Calls"));
    auto *repeat = new QBarSet(tr("Repeat callers, summed per model"));
    models->setColor(kSupply);
    calls->setColor(kCalls);
    repeat->setColor(kRepeat);

    // Horizontal bars put the first category at the bottom: reverse, so that the largest is on top.
    std::vector<TaskShare> rows(t.tasks.rbegin(), t.tasks.rend());
    QStringList categories;
    double maxShare = 0;
    for (const TaskShare &r : rows) {
        QString label = r.other ? tr("Other (%1 tasks)").arg(t.taskCount - qint64(t.tasks.size()) + 1)
                                : r.task.isEmpty() ? tr("(no task)") : DisplayText::html(elide(r.task, 28), 28);
        while (categories.contains(label))
            label += QLatin1Char(' ');
        categories << label;
        *models << r.modelShare * 100;
        *calls << r.callShare * 100;
        *repeat << r.repeatShare * 100;
        maxShare = std::max({maxShare, r.modelShare, r.callShare, r.repeatShare});
    }
    series->append(models);
    series->append(calls);
    series->append(repeat);
    series->setBarWidth(0.8);
    chart->addSeries(series);

    auto *axisY = new QBarCategoryAxis;
    axisY->append(categories);
    axisY->setTitleText(tr("Task"));
    auto *axisX = new QValueAxis;
    // Whole percents where there is room for them; tenths for a view of tiny shares.
    const double topShare = std::min(100.0, maxShare * 100 * 1.05);
    if (topShare >= 5) {
        ChartAxes::setIntegerRange(axisX, topShare, 5); // 5 to 100 in steps that reach at most 100
    } else {
        axisX->setRange(0, std::max(0.5, std::ceil(topShare * 2) / 2));
        axisX->setTickCount(int(std::lround(axisX->max() * 2)) + 1 > 6 ? 6 : int(std::lround(axisX->max() * 2)) + 1);
        axisX->setLabelFormat(QStringLiteral("%.1f"));
    }
    axisX->setTitleText(tr("Share of the view's total (%)"));
    styleAxis(axisX);
    styleAxis(axisY);
    chart->addAxis(axisY, Qt::AlignLeft);
    chart->addAxis(axisX, Qt::AlignBottom);
    series->attachAxis(axisY);
    series->attachAxis(axisX);

    auto tip = [this, rows](int index) {
        if (index < 0 || size_t(index) >= rows.size())
            return;
        const TaskShare &r = rows[size_t(index)];
        const QString name = r.other ? tr("Other tasks") : r.task.isEmpty() ? tr("(no task)") : r.task;
        QToolTip::showText(QCursor::pos(),
                           tr("<b>%1</b><br>Listed models: %2 (%3)<br>Calls: %4 (%5)<br>"
                              "Repeat callers: %6 (%7), counted per model%8")
                               .arg(DisplayText::html(name, 200), num(m_numbers, r.listedModels), pct(m_numbers, r.modelShare), num(m_numbers, r.calls),
                                    pct(m_numbers, r.callShare), num(m_numbers, r.repeatCallers), pct(m_numbers, r.repeatShare),
                                    r.other || r.task.isEmpty() ? QString() : tr("<br><i>Click to filter the table</i>")),
                           this);
    };
    for (QBarSet *set : {models, calls, repeat})
        connect(set, &QBarSet::hovered, this, [tip](bool on, int index) {
            if (on)
                tip(index);
            else
                QToolTip::hideText();
        });
    connect(series, &QAbstractBarSeries::clicked, this, [this, rows](int index, QBarSet *) {
        if (index >= 0 && size_t(index) < rows.size() && !rows[size_t(index)].other
            && !rows[size_t(index)].task.isEmpty())
            emit taskActivated(rows[size_t(index)].task);
    });
    install(chart);
}

void DashboardChartView::buildConcentration(const DashboardData &d)
{
    const ConcentrationData &c = d.concentration;
    QChart *chart = newChart(chartTitle(m_kind));

    auto *lorenz = new QLineSeries;
    lorenz->setName(tr("Lorenz curve"));
    QList<QPointF> points;
    points.reserve(qsizetype(c.lorenz.size()));
    for (const LorenzPoint &p : c.lorenz)
        points.append(QPointF(p.modelShare * 100, p.callShare * 100));
    lorenz->replace(points);
    QPen pen(kCalls);
    pen.setWidthF(2.5);
    lorenz->setPen(pen);

    auto *diagonal = new QLineSeries;
    diagonal->setName(tr("Equal use"));
    diagonal->append(0, 0);
    diagonal->append(100, 100);
    QPen dpen(kGrey);
    dpen.setStyle(Qt::DashLine);
    dpen.setWidthF(1.2);
    diagonal->setPen(dpen);

    auto *marks = new QScatterSeries;
    marks->setName(tr("Top 1% / 10%"));
    marks->setMarkerSize(9);
    marks->setColor(kSupply);
    marks->setBorderColor(Qt::white);
    marks->append(99, 100 - c.top1Share * 100);
    marks->append(90, 100 - c.top10Share * 100);

    chart->addSeries(diagonal);
    chart->addSeries(lorenz);
    chart->addSeries(marks);
    auto *axisX = new QValueAxis;
    axisX->setRange(0, 100);
    axisX->setTickCount(6);
    axisX->setLabelFormat(QStringLiteral("%.0f"));
    axisX->setTitleText(tr("Listed models, fewest calls first (%)"));
    auto *axisY = new QValueAxis;
    axisY->setRange(0, 100);
    axisY->setTickCount(6);
    axisY->setLabelFormat(QStringLiteral("%.0f"));
    axisY->setTitleText(tr("Their calls (cumulative %)"));
    styleAxis(axisX);
    styleAxis(axisY);
    chart->addAxis(axisX, Qt::AlignBottom);
    chart->addAxis(axisY, Qt::AlignLeft);
    for (QAbstractSeries *s : chart->series()) {
        s->attachAxis(axisX);
        s->attachAxis(axisY);
    }

    const QString stats = tr("%1 models, %2 calls\nGini: %3\nNever called: %4\n"
                             "Top 1% take %5 of calls\nTop 10% take %6")
                              .arg(num(m_numbers, c.listedModels), num(m_numbers, c.calls))
                              .arg(m_numbers.toString(c.gini, 'f', 3))
                              .arg(pct(m_numbers, c.neverCalledShare), pct(m_numbers, c.top1Share), pct(m_numbers, c.top10Share));

    const std::vector<LorenzPoint> curve = c.lorenz;
    connect(lorenz, &QLineSeries::hovered, this, [this, curve](const QPointF &p, bool on) {
        if (!on || curve.empty()) {
            QToolTip::hideText();
            return;
        }
        const auto it = std::min_element(curve.begin(), curve.end(), [&](const LorenzPoint &a, const LorenzPoint &b) {
            return std::abs(a.modelShare * 100 - p.x()) < std::abs(b.modelShare * 100 - p.x());
        });
        QToolTip::showText(QCursor::pos(),
                           tr("The %1 of listed models with the fewest calls take %2 of all calls")
                               .arg(pct(m_numbers, it->modelShare), pct(m_numbers, it->callShare)),
                           this);
    });
    const double top1 = c.top1Share, top10 = c.top10Share;
    connect(marks, &QScatterSeries::hovered, this, [this, top1, top10](const QPointF &p, bool on) {
        if (!on) {
            QToolTip::hideText();
            return;
        }
        QToolTip::showText(QCursor::pos(),
                           p.x() > 95 ? tr("The top 1% of listed models take %1 of calls").arg(pct(m_numbers, top1))
                                      : tr("The top 10% of listed models take %1 of calls").arg(pct(m_numbers, top10)),
                           this);
    });
    install(chart);
    // Above the diagonal, top left, is the one part of this chart that is always empty.
    addNote(stats, nullptr, QPointF(0.03, 0.03), Qt::AlignLeft | Qt::AlignTop);
    // The diagonal is named on the chart itself, so that the legend fits a narrow chart.
    if (const auto markers = chart->legend()->markers(diagonal); !markers.isEmpty())
        markers.constFirst()->setVisible(false);
    addNote(tr("equal use"), diagonal, QPointF(60, 60), Qt::AlignLeft | Qt::AlignTop, false, kGrey);
}

void DashboardChartView::buildWeekly(const DashboardData &d)
{
    const WeeklyData &w = d.weekly;
    QChart *chart = newChart(w.weeksPerBucket == 1 ? chartTitle(m_kind) + tr(", per week")
                                                   : chartTitle(m_kind) + tr(", per %1 weeks").arg(w.weeksPerBucket));
    auto *calls = new QLineSeries;
    calls->setName(tr("Calls"));
    auto *active = new QLineSeries;
    active->setName(tr("Active callers"));
    // Callers seen in an earlier bucket: "came back", as in the detail pane (the contract's
    // lifecycle calls "returning" only those active the week before too).
    auto *returning = new QLineSeries;
    returning->setName(tr("Came back"));
    auto *supply = new QLineSeries;
    supply->setName(tr("Models listed (right axis)"));

    std::int64_t lo = 0, hi = 0, supplyMax = 0;
    for (const WeekPoint &p : w.weeks)
        for (const std::int64_t v : {p.calls, p.activeCallers, p.returningCallers}) {
            if (v > 0 && (lo == 0 || v < lo))
                lo = v;
            hi = std::max(hi, v);
        }
    for (const WeekPoint &p : w.weeks)
        supplyMax = std::max(supplyMax, p.modelsListed);
    const bool logScale = lo > 0 && double(hi) / double(lo) >= 100;

    QList<QPointF> pc, pa, pr, ps;
    for (const WeekPoint &p : w.weeks) {
        const qreal x = dayMsecs(p.firstDay);
        // A log axis has no zero: a quiet week is left out of the line, and the tooltip says 0.
        if (!logScale || p.calls > 0)
            pc.append(QPointF(x, qreal(p.calls)));
        if (!logScale || p.activeCallers > 0)
            pa.append(QPointF(x, qreal(p.activeCallers)));
        if (!logScale || p.returningCallers > 0)
            pr.append(QPointF(x, qreal(p.returningCallers)));
        ps.append(QPointF(x, qreal(p.modelsListed)));
    }
    // A last bucket that ends after the evidence end is not over: its points stand apart as
    // hollow dots instead of ending the lines in a drop.
    const std::int64_t k = w.weeksPerBucket;
    const bool partial = w.weeks.size() > 1 && w.evidenceEnd && w.weeks.back().firstDay + 7 * k - 1 > *w.evidenceEnd;
    std::vector<QScatterSeries *> soFar;
    if (partial) {
        const qreal lastX = dayMsecs(w.weeks.back().firstDay);
        const std::pair<QList<QPointF> *, QColor> lines[] = {{&pc, kCalls}, {&pa, kRepeat}, {&pr, kReturning}};
        for (const auto &[points, color] : lines) {
            if (points->isEmpty() || points->last().x() != lastX)
                continue;
            auto *dot = new QScatterSeries;
            dot->setMarkerSize(9);
            dot->setColor(Qt::white);
            dot->setBorderColor(color);
            dot->append(points->takeLast());
            soFar.push_back(dot);
        }
    }
    calls->replace(pc);
    active->replace(pa);
    returning->replace(pr);
    supply->replace(ps);
    const bool dots = w.weeks.size() <= 40;
    auto style = [dots](QLineSeries *s, const QColor &color, Qt::PenStyle ps) {
        QPen pen(color);
        pen.setWidthF(2.2);
        pen.setStyle(ps);
        s->setPen(pen);
        s->setPointsVisible(dots);
    };
    style(calls, kCalls, Qt::SolidLine);
    style(active, kRepeat, Qt::SolidLine);
    style(returning, kReturning, Qt::SolidLine);
    style(supply, kSupply, Qt::DashLine);
    for (QLineSeries *s : {calls, active, returning, supply})
        chart->addSeries(s);
    for (QScatterSeries *s : soFar)
        chart->addSeries(s);

    auto *axisX = new QDateTimeAxis;
    axisX->setFormat(QStringLiteral("d MMM yy"));
    axisX->setTitleText(tr("Week starting (Monday, UTC)"));
    axisX->setTickCount(int(std::clamp<size_t>(w.weeks.size(), 2, 6)));
    if (w.weeks.size() == 1)
        axisX->setRange(QDateTime::fromMSecsSinceEpoch(qint64(dayMsecs(w.weeks.front().firstDay - 4)), Qt::UTC),
                        QDateTime::fromMSecsSinceEpoch(qint64(dayMsecs(w.weeks.front().firstDay + 4)), Qt::UTC));
    else
        axisX->setRange(QDateTime::fromMSecsSinceEpoch(qint64(dayMsecs(w.weeks.front().firstDay)), Qt::UTC),
                        QDateTime::fromMSecsSinceEpoch(
                            qint64(dayMsecs(partial ? *w.evidenceEnd : w.weeks.back().firstDay)), Qt::UTC));
    styleAxis(axisX);
    chart->addAxis(axisX, Qt::AlignBottom);

    const QString per = w.weeksPerBucket == 1 ? tr("week") : tr("%1 weeks").arg(w.weeksPerBucket);
    QAbstractAxis *axisLeft = nullptr;
    if (logScale) {
        auto *axis = new QLogValueAxis;
        axis->setBase(10);
        axis->setRange(std::pow(10.0, std::floor(std::log10(double(lo)))), niceCeil(double(hi) * 1.1));
        axis->setLabelFormat(QStringLiteral("%.0f")); // powers of ten, with the locale's separators
        axis->setMinorTickCount(-1);
        axis->setTitleText(tr("Calls, callers per %1 (log)").arg(per));
        axisLeft = axis;
    } else {
        auto *axis = new QValueAxis;
        ChartAxes::setIntegerRange(axis, double(std::max<std::int64_t>(hi, 1)) * 1.05, 5);
        axis->setTitleText(tr("Calls, callers per %1").arg(per));
        axisLeft = axis;
    }
    styleAxis(axisLeft);
    chart->addAxis(axisLeft, Qt::AlignLeft);
    auto *axisRight = new QValueAxis;
    ChartAxes::setIntegerRange(axisRight, double(std::max<std::int64_t>(supplyMax, 1)) * 1.05, 5);
    axisRight->setTitleText(tr("Models listed (cumulative)"));
    axisRight->setLinePenColor(kSupply);
    axisRight->setLabelsColor(kSupply);
    styleAxis(axisRight);
    chart->addAxis(axisRight, Qt::AlignRight);
    for (QLineSeries *s : {calls, active, returning}) {
        s->attachAxis(axisX);
        s->attachAxis(axisLeft);
    }
    supply->attachAxis(axisX);
    supply->attachAxis(axisRight);
    for (QScatterSeries *s : soFar) {
        s->attachAxis(axisX);
        s->attachAxis(axisLeft);
        for (QLegendMarker *marker : chart->legend()->markers(s))
            marker->setVisible(false); // the tooltip says what they are
    }

    const std::vector<WeekPoint> weeks = w.weeks;
    const std::int64_t undated = w.undatedModels;
    const std::int64_t end = w.evidenceEnd.value_or(std::numeric_limits<std::int64_t>::max());
    auto tip = [this, weeks, k, undated, end](const QPointF &p, bool on) {
        if (!on || weeks.empty()) {
            QToolTip::hideText();
            return;
        }
        const auto it = std::min_element(weeks.begin(), weeks.end(), [&](const WeekPoint &a, const WeekPoint &b) {
            return std::abs(dayMsecs(a.firstDay) - p.x()) < std::abs(dayMsecs(b.firstDay) - p.x());
        });
        const std::int64_t last = std::min(it->firstDay + 7 * k - 1, end);
        QString text = tr("<b>%1 to %2</b><br>Calls: %3<br>Active callers: %4<br>"
                          "Came back (seen in an earlier %5): %6<br>Models listed by then: %7")
                           .arg(dayText(it->firstDay), dayText(last), num(m_numbers, it->calls),
                                num(m_numbers, it->activeCallers), k == 1 ? tr("week") : tr("period"), num(m_numbers, it->returningCallers),
                                num(m_numbers, it->modelsListed));
        if (last < it->firstDay + 7 * k - 1)
            text += tr("<br><i>Not over yet: %n day(s) so far (hollow dots)</i>", nullptr, int(last - it->firstDay + 1));
        if (undated > 0)
            text += tr("<br>(%1 listed models without a listing date not counted)").arg(num(m_numbers, undated));
        QToolTip::showText(QCursor::pos(), text, this);
    };
    for (QLineSeries *s : {calls, active, returning, supply})
        connect(s, &QLineSeries::hovered, this, tip);
    for (QScatterSeries *s : soFar)
        connect(s, &QScatterSeries::hovered, this, tip);
    install(chart);
}

void DashboardChartView::buildFunnel(const DashboardData &d)
{
    const FunnelData &f = d.funnel;
    QChart *chart = newChart(chartTitle(m_kind));
    auto *series = new QHorizontalStackedBarSeries;
    auto *models = new QBarSet(tr("Models"));
    // The loop counts each caller once, where the task chart sums repeat callers per model.
    auto *callers = new QBarSet(tr("Callers, each counted once"));
    models->setColor(kSupply);
    callers->setColor(kRepeat);

    struct Row
    {
        QString label;
        const FunnelStep *step;
        double percent;
        bool isModel;
    };
    std::vector<Row> rows;
    const auto addSteps = [&](const std::vector<FunnelStep> &steps, bool isModel) {
        const std::int64_t first = steps.empty() ? 0 : steps.front().count;
        for (const FunnelStep &s : steps)
            rows.push_back({tr(s.label), &s, first > 0 ? 100.0 * double(s.count) / double(first) : 0.0, isModel});
    };
    addSteps(f.models, true);
    addSteps(f.callers, false);
    std::reverse(rows.begin(), rows.end()); // the first step on top

    QStringList categories;
    for (const Row &r : rows) {
        QString label = r.label;
        if (r.step == &(r.isModel ? f.models : f.callers).front())
            label = r.isModel ? tr("Models listed") : tr("Callers");
        while (categories.contains(label))
            label += QLatin1Char(' ');
        categories << label;
        *models << (r.isModel ? r.percent : 0.0);
        *callers << (r.isModel ? 0.0 : r.percent);
    }
    series->append(models);
    series->append(callers);
    series->setBarWidth(0.75);
    chart->addSeries(series);
    auto *axisY = new QBarCategoryAxis;
    axisY->append(categories);
    auto *axisX = new QValueAxis;
    axisX->setRange(0, 100);
    axisX->setTickCount(6);
    axisX->setLabelFormat(QStringLiteral("%.0f"));
    axisX->setTitleText(tr("% of the first step"));
    styleAxis(axisX);
    styleAxis(axisY);
    chart->addAxis(axisY, Qt::AlignLeft);
    chart->addAxis(axisX, Qt::AlignBottom);
    series->attachAxis(axisY);
    series->attachAxis(axisX);

    std::vector<QString> tips;
    for (const Row &r : rows)
        tips.push_back(tr("<b>%1</b><br>%2 %3%4")
                           .arg(r.label.toHtmlEscaped(), num(m_numbers, r.step->count), r.isModel ? tr("models") : tr("callers"),
                                r.step->shareOfPrevious ? tr("<br>%1 of the step before").arg(pct(m_numbers, *r.step->shareOfPrevious))
                                                        : QString()));
    for (QBarSet *set : {models, callers})
        connect(set, &QBarSet::hovered, this, [this, tips](bool on, int index) {
            if (on && index >= 0 && size_t(index) < tips.size())
                QToolTip::showText(QCursor::pos(), tips[size_t(index)], this);
            else
                QToolTip::hideText();
        });
    install(chart);
    for (size_t i = 0; i < rows.size(); ++i) {
        const Row &r = rows[i];
        const QString text = r.step->shareOfPrevious ? tr("%1  (%2 of previous)").arg(num(m_numbers, r.step->count),
                                                                                       pct(m_numbers, *r.step->shareOfPrevious))
                                                     : num(m_numbers, r.step->count);
        addBarNote(text, num(m_numbers, r.step->count), series, QPointF(r.percent, double(i)));
    }
}

void DashboardChartView::buildTop(const DashboardData &d)
{
    QChart *chart = newChart(chartTitle(m_kind));
    const std::vector<TopModel> rows(d.top.rbegin(), d.top.rend()); // most called on top
    auto *series = new QHorizontalBarSeries;
    auto *calls = new QBarSet(tr("Calls (bottom axis)"));
    calls->setColor(kCalls);
    auto *rate = new QScatterSeries;
    rate->setName(tr("Repeat rate (% of callers, top axis)"));
    rate->setColor(kRepeat);
    rate->setBorderColor(Qt::white);
    rate->setMarkerSize(11);
    QStringList categories;
    std::int64_t maxCalls = 0;
    for (size_t i = 0; i < rows.size(); ++i) {
        const TopModel &m = rows[i];
        QString label = DisplayText::html(elide(m.modelId, 26), 26);
        while (categories.contains(label))
            label += QLatin1Char(' ');
        categories << label;
        *calls << qreal(m.calls);
        maxCalls = std::max(maxCalls, m.calls);
        if (m.repeatRate)
            rate->append(*m.repeatRate * 100, qreal(i));
    }
    series->append(calls);
    series->setBarWidth(0.7);
    chart->addSeries(series);
    chart->addSeries(rate);
    auto *axisY = new QBarCategoryAxis;
    axisY->append(categories);
    auto *axisX = new QValueAxis;
    ChartAxes::setIntegerRange(axisX, double(maxCalls) * 1.02, 4);
    axisX->setTitleText(tr("Calls in the usage window"));
    axisX->setLabelsColor(kCalls.darker(130));
    auto *axisRate = new QValueAxis;
    axisRate->setRange(0, 100);
    axisRate->setTickCount(6);
    axisRate->setLabelFormat(QStringLiteral("%.0f"));
    axisRate->setTitleText(tr("Repeat rate (% of callers)"));
    axisRate->setLabelsColor(kRepeat.darker(130));
    axisRate->setGridLineVisible(false);
    for (QAbstractAxis *a : std::initializer_list<QAbstractAxis *>{axisX, axisY, axisRate})
        styleAxis(a);
    chart->addAxis(axisY, Qt::AlignLeft);
    chart->addAxis(axisX, Qt::AlignBottom);
    chart->addAxis(axisRate, Qt::AlignTop);
    series->attachAxis(axisY);
    series->attachAxis(axisX);
    rate->attachAxis(axisY);
    rate->attachAxis(axisRate);

    auto tipFor = [this, rows](int index) {
        if (index < 0 || size_t(index) >= rows.size())
            return;
        const TopModel &m = rows[size_t(index)];
        QToolTip::showText(QCursor::pos(),
                           tr("<b>%1</b>%2<br>Calls: %3<br>Unique callers: %4<br>Repeat callers: %5<br>"
                              "Repeat rate: %6<br><i>Click to show it in the table</i>")
                               .arg(DisplayText::html(m.modelId, 200), m.listed ? QString() : tr(" (unlisted)"), num(m_numbers, m.calls),
                                    num(m_numbers, m.uniqueCallers), num(m_numbers, m.repeatCallers),
                                    m.repeatRate ? pct(m_numbers, *m.repeatRate) : tr("none (no callers)")),
                           this);
    };
    connect(calls, &QBarSet::hovered, this, [tipFor](bool on, int index) {
        if (on)
            tipFor(index);
        else
            QToolTip::hideText();
    });
    connect(rate, &QScatterSeries::hovered, this, [tipFor](const QPointF &p, bool on) {
        if (on)
            tipFor(int(std::lround(p.y())));
        else
            QToolTip::hideText();
    });
    connect(series, &QAbstractBarSeries::clicked, this, [this, rows](int index, QBarSet *) {
        if (index >= 0 && size_t(index) < rows.size())
            emit modelActivated(rows[size_t(index)].modelId);
    });
    connect(rate, &QScatterSeries::clicked, this, [this, rows](const QPointF &p) {
        const long index = std::lround(p.y());
        if (index >= 0 && size_t(index) < rows.size())
            emit modelActivated(rows[size_t(index)].modelId);
    });
    install(chart);
}

void DashboardChartView::addNote(const QString &text, QAbstractSeries *series, QPointF pos, Qt::Alignment align,
                                 bool bold, const QColor &color)
{
    auto *item = new QGraphicsSimpleTextItem(text, chart());
    QFont f = font();
    f.setPointSizeF(8.5);
    f.setBold(bold);
    item->setFont(f);
    item->setBrush(color);
    item->setZValue(20);
    m_notes.push_back({item, series, pos, align, QString(), QString()});
    placeNotes();
}

void DashboardChartView::addBarNote(const QString &text, const QString &shortText, QAbstractSeries *series, QPointF end)
{
    addNote(text, series, end, Qt::AlignLeft | Qt::AlignVCenter);
    m_notes.back().barText = text;
    m_notes.back().shortText = shortText;
    placeNotes();
}

void DashboardChartView::placeNotes()
{
    QChart *c = chart();
    if (!c)
        return;
    const QRectF plot = c->plotArea();
    for (Note &n : m_notes) {
        if (!n.barText.isEmpty() && n.series) {
            // Inside the bar in white where it fits, else beside it in black, else the short text.
            const QPointF end = c->mapToPosition(n.pos, n.series);
            const qreal barLength = end.x() - c->mapToPosition(QPointF(0, n.pos.y()), n.series).x();
            const QFontMetricsF fm(n.item->font());
            const qreal full = fm.horizontalAdvance(n.barText), brief = fm.horizontalAdvance(n.shortText);
            const qreal room = plot.right() - end.x() - 6;
            const bool inside = full + 10 <= barLength || (full > room && brief + 10 <= barLength);
            n.item->setText(full + 10 <= barLength || full <= room ? n.barText : n.shortText);
            n.item->setBrush(inside ? Qt::white : Qt::black);
            n.align = (inside ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter;
        }
        const QRectF box = n.item->boundingRect();
        QPointF at = n.series ? c->mapToPosition(n.pos, n.series)
                              : QPointF(plot.left() + n.pos.x() * plot.width(), plot.top() + n.pos.y() * plot.height());
        if (n.align & Qt::AlignRight)
            at.rx() -= box.width() + 4;
        else if (n.series)
            at.rx() += 4;
        if (n.align & Qt::AlignVCenter)
            at.ry() -= box.height() / 2;
        n.item->setPos(at);
    }
    if (m_messageItem) {
        const QRectF area = c->rect().adjusted(20, 40, -20, -20);
        m_messageItem->setTextWidth(std::max(120.0, std::min(area.width(), 520.0)));
        const QRectF box = m_messageItem->boundingRect();
        m_messageItem->setPos(area.center() - QPointF(box.width() / 2, box.height() / 2));
    }
}

void DashboardChartView::resizeEvent(QResizeEvent *event)
{
    QChartView::resizeEvent(event);
    placeNotes();
}

bool DashboardChartView::exportTo(const QString &path, QSize size, qreal scale, QString *error) const
{
    auto fail = [&](const QString &message) {
        if (error)
            *error = message;
        return false;
    };
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix != QLatin1String("png") && suffix != QLatin1String("svg"))
        return fail(tr("%1: the file name must end in .png or .svg").arg(path));
    if (size.isEmpty())
        size = this->size();
    if (size.width() < 200 || size.height() < 150)
        return fail(tr("a chart needs at least 200x150 pixels"));

    // Drawn by a copy at the asked size, so that the view on screen does not move.
    DashboardChartView copy(m_kind);
    copy.setAttribute(Qt::WA_DontShowOnScreen);
    copy.setNumberLocale(suffix == QLatin1String("svg") ? svgLocale() : m_numbers);
    if (m_data)
        copy.setData(*m_data);
    else
        copy.showMessage(m_message);
    copy.resize(size);
    copy.show();
    QCoreApplication::processEvents();
    copy.placeNotes();

    if (suffix == QLatin1String("svg")) {
        QSvgGenerator svg;
        svg.setFileName(path);
        svg.setSize(size);
        svg.setViewBox(QRect(QPoint(0, 0), size));
        svg.setTitle(chartTitle(m_kind));
        svg.setDescription(tr("Made by Uptake"));
        QPainter p;
        if (!p.begin(&svg))
            return fail(tr("%1: cannot write the file").arg(path));
        copy.render(&p);
        p.end();
        if (!QFileInfo(path).exists() || QFileInfo(path).size() == 0)
            return fail(tr("%1: cannot write the file").arg(path));
        return true;
    }
    scale = std::clamp(scale, 0.5, 4.0);
    QImage image(QSize(int(size.width() * scale), int(size.height() * scale)), QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(scale);
    image.fill(Qt::white);
    QPainter p(&image);
    copy.render(&p);
    p.end();
    if (!image.save(path, "PNG"))
        return fail(tr("%1: cannot write the file").arg(path));
    return true;
}

void DashboardChartView::exportInteractively(const QString &suffix)
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::PicturesLocation);
    const QString suggested = dir + QLatin1Char('/') + QStringLiteral("uptake-%1.%2").arg(DashboardCharts::name(m_kind), suffix);
    const QString filter = suffix == QLatin1String("svg") ? tr("SVG image (*.svg)") : tr("PNG image (*.png)");
    QString path = QFileDialog::getSaveFileName(this, tr("Export Chart"), suggested, filter);
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty())
        path += QLatin1Char('.') + suffix;
    QString error;
    if (!exportTo(path, size(), devicePixelRatioF(), &error))
        QMessageBox::warning(this, tr("Export Chart"), error);
}

void DashboardChartView::contextMenuEvent(QContextMenuEvent *event)
{
    QMenu menu(this);
    menu.addAction(tr("Export as PNG…"), this, [this] { exportInteractively(QStringLiteral("png")); });
    menu.addAction(tr("Export as SVG…"), this, [this] { exportInteractively(QStringLiteral("svg")); });
    menu.exec(event->globalPos());
}
