// The weekly chart: calls, active and returning callers, and the models listed, over time.
#include "dashboard/dashboardcharts.h"

#include "dashboard/chartaxes.h"
#include "dashboard/chartparts.h"
#include "text/textrules.h"

#include <QCursor>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLogValueAxis>
#include <QPen>
#include <QScatterSeries>
#include <QToolTip>
#include <QValueAxis>

#include <algorithm>
#include <cmath>
#include <limits>
#include <utility>
#include <vector>

namespace uptake {

using namespace ChartParts;

namespace {

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
    for (const double step : { 1.0, 2.0, 2.5, 5.0, 10.0 })
        if (step * mag >= v)
            return step * mag;
    return 10 * mag;
}

const QColor kReturning(148, 103, 189);

} // namespace

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
        for (const std::int64_t v : { p.calls, p.activeCallers, p.returningCallers }) {
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
        const std::pair<QList<QPointF> *, QColor> lines[] = { { &pc, kCalls }, { &pa, kRepeat }, { &pr, kReturning } };
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
    for (QLineSeries *s : { calls, active, returning, supply })
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
    for (QLineSeries *s : { calls, active, returning }) {
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
                               num(m_numbers, it->activeCallers), k == 1 ? tr("week") : tr("period"),
                               num(m_numbers, it->returningCallers), num(m_numbers, it->modelsListed));
        if (last < it->firstDay + 7 * k - 1)
            text
                += tr("<br><i>Not over yet: %n day(s) so far (hollow dots)</i>", nullptr, int(last - it->firstDay + 1));
        if (undated > 0)
            text += tr("<br>(%1 listed models without a listing date not counted)").arg(num(m_numbers, undated));
        QToolTip::showText(QCursor::pos(), text, this);
    };
    for (QLineSeries *s : { calls, active, returning, supply })
        connect(s, &QLineSeries::hovered, this, tip);
    for (QScatterSeries *s : soFar)
        connect(s, &QScatterSeries::hovered, this, tip);
    install(chart);
}

} // namespace uptake
