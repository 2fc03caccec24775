// The demand map: each called model of the view by its breadth (unique callers, log scale) and
// how lasting its use is (week-4 retention), coloured by task, sized by calls.
#include "dashboard/dashboardcharts.h"

#include "dashboard/chartparts.h"
#include "dashboard/evidencecharts.h"
#include "text/displaytext.h"

#include <QCursor>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLogValueAxis>
#include <QPen>
#include <QScatterSeries>
#include <QToolTip>
#include <QValueAxis>

#include <algorithm>
#include <climits>
#include <cmath>
#include <limits>
#include <memory>
#include <vector>

namespace uptake {

using namespace ChartParts;

namespace {

// Points come in size classes by the decade of their calls (DemandPoint::sizeClass), one
// series each: a size per point made Qt Charts draw each point on its own, which held the UI
// thread 170 ms for the demo's 10k points.
constexpr int SizeClasses = DemandPoint::SizeClasses;

// Diameter in pixels: the radius grows with the decade of the calls, 6 px to 22 px across.
qreal markerSize(int sizeClass)
{
    return 6.0 + 4.0 * sizeClass;
}

} // namespace

void DashboardChartView::buildDemandMap(const DashboardData &d)
{
    const EvidenceData &e = d.evidence;
    QChart *chart = newChart(chartTitle(m_kind));
    const double lasting = EvidenceData::kLastingRetention;

    // One series per top task (as the retention chart colours them), the rest grey.
    const int groups = int(e.tasks.size()) + 1;
    auto groupOf = [&](const QString &task) {
        for (size_t i = 0; i < e.tasks.size(); ++i)
            if (e.tasks[i].task == task)
                return int(i);
        return groups - 1;
    };
    // Per series (task group g, size class c at g * SizeClasses + c), the models of its points,
    // in the same order. The biggest class first, so that small points are drawn over big ones.
    const size_t seriesCount = size_t(groups) * SizeClasses;
    auto members = std::make_shared<std::vector<std::vector<const DemandPoint *>>>(seriesCount);
    auto points = std::make_shared<std::vector<DemandPoint>>(e.demand);
    std::int64_t lowest = std::numeric_limits<std::int64_t>::max(), highest = 1;
    for (const DemandPoint &p : *points) {
        (*members)[size_t(groupOf(p.task)) * SizeClasses + size_t(DemandPoint::sizeClass(p.calls))].push_back(&p);
        lowest = std::min(lowest, p.uniqueCallers);
        highest = std::max(highest, p.uniqueCallers);
    }
    std::vector<QScatterSeries *> series(seriesCount, nullptr);
    for (int c = SizeClasses - 1; c >= 0; --c) {
        for (int g = 0; g < groups; ++g) {
            const size_t at = size_t(g) * SizeClasses + size_t(c);
            const auto &list = (*members)[at];
            if (list.empty())
                continue;
            const bool other = g == groups - 1;
            QColor color = other ? kOtherTasks : taskColor(g);
            auto *s = new QScatterSeries;
            s->setName(other ? (e.tasks.empty() ? tr("models") : tr("other tasks"))
                             : DisplayText::html(elide(e.tasks[size_t(g)].task, 24)));
            s->setMarkerSize(markerSize(c));
            s->setBorderColor(color.darker(130));
            color.setAlpha(170);
            s->setColor(color);
            QList<QPointF> xy;
            xy.reserve(qsizetype(list.size()));
            for (const DemandPoint *p : list)
                xy.append(QPointF(double(p->uniqueCallers), 100.0 * p->week4Retention));
            s->replace(xy);
            chart->addSeries(s);
            series[at] = s;
        }
    }

    // Whole decades around the points, so that the log scale's ticks fall on 1, 10, 100...
    const double xMin = std::pow(10.0, std::floor(std::log10(double(std::max<std::int64_t>(lowest, 1)))));
    double xMax = std::pow(10.0, std::ceil(std::log10(double(highest))));
    if (xMax <= xMin)
        xMax = xMin * 10;
    const double median = std::clamp(e.medianCallers, xMin, xMax);
    QPen dividing(QColor(110, 110, 110));
    dividing.setStyle(Qt::DashLine);
    dividing.setWidthF(1.2);
    auto *vertical = new QLineSeries;
    // A margin around the points' range, so that a model at 0 or 100 % (or at the lowest or
    // highest decade of callers) is drawn whole, not cut by the plot's edge; the ticks stay
    // on 0, 20 ... 100 and on the decades.
    constexpr double yLow = -7, yHigh = 107, xPad = 1.3;
    vertical->append(median, yLow);
    vertical->append(median, yHigh);
    auto *horizontal = new QLineSeries;
    horizontal->append(xMin / xPad, 100 * lasting);
    horizontal->append(xMax * xPad, 100 * lasting);
    for (QLineSeries *line : {vertical, horizontal}) {
        line->setPen(dividing);
        chart->addSeries(line);
    }

    auto *axisX = new QLogValueAxis;
    axisX->setBase(10);
    axisX->setRange(xMin / xPad, xMax * xPad);
    axisX->setLabelFormat(QStringLiteral("%.0f"));
    axisX->setMinorTickCount(0); // the decades alone: eight minor lines a decade drowned the points
    axisX->setTitleText(tr("Unique callers in the window (log scale)"));
    auto *axisY = new QValueAxis;
    axisY->setRange(yLow, yHigh);
    axisY->setTickType(QValueAxis::TicksDynamic);
    axisY->setTickAnchor(0);
    axisY->setTickInterval(20);
    axisY->setLabelFormat(QStringLiteral("%.0f"));
    axisY->setTitleText(tr("Week-4 retention (%)"));
    styleAxis(axisX);
    styleAxis(axisY);
    chart->addAxis(axisX, Qt::AlignBottom);
    chart->addAxis(axisY, Qt::AlignLeft);
    for (QAbstractSeries *s : chart->series()) {
        s->attachAxis(axisX);
        s->attachAxis(axisY);
    }
    for (QLineSeries *line : {vertical, horizontal})
        if (const auto markers = chart->legend()->markers(line); !markers.isEmpty())
            markers.constFirst()->setVisible(false);
    // One legend entry a task: its smallest points' series (the others are the same colour).
    for (int g = 0; g < groups; ++g) {
        bool shown = false;
        for (int c = 0; c < SizeClasses; ++c)
            if (QScatterSeries *s = series[size_t(g) * SizeClasses + size_t(c)]) {
                if (const auto markers = chart->legend()->markers(s); !markers.isEmpty())
                    markers.constFirst()->setVisible(!shown);
                shown = true;
            }
    }

    // The caption states the lines and what is left out.
    const QString lines = tr("Lines: %1 callers (the median of the models shown), %2 week-4 retention")
                              .arg(m_numbers.toString(e.medianCallers, 'g', 6), pct(m_numbers, lasting));
    const QString left = e.demandLeftOut > 0
        ? tr("%Ln called model(s) not shown: no caller's 5th week is over yet", nullptr,
             int(std::min<std::int64_t>(e.demandLeftOut, INT_MAX)))
        : QString();
    // In the tooltip, not the caption: at 1280x800 a third sentence there was cut short.
    const QString merged = e.demandModels > std::int64_t(e.demand.size())
        ? tr("%1 models as %2 points: those on the same spot are one")
              .arg(num(m_numbers, e.demandModels), num(m_numbers, std::int64_t(e.demand.size())))
        : QString();
    // A caption of two short lines: a chart's title does not wrap.
    chart->setTitle(QStringLiteral("%1<br><span style=\"font-size:8pt; font-weight:normal\">%2%3</span>")
                        .arg(chartTitle(m_kind).toHtmlEscaped(), lines.toHtmlEscaped(),
                             left.isEmpty() ? QString() : QStringLiteral("<br>") + left.toHtmlEscaped()));
    setToolTip(tr("Each point is a called model of this view: to the right, more callers; higher up, more of its "
                  "callers came back in their 5th week (week-4 retention, of the callers first seen in the "
                  "window). Bigger points have more calls. Click a point to show the model in the table.")
               + QLatin1Char('\n') + lines + (left.isEmpty() ? QString() : QLatin1Char('\n') + left)
               + (merged.isEmpty() ? QString() : QLatin1Char('\n') + merged));

    // The model under the pointer: the nearest point of the series on screen.
    auto nearest = [this, members, points, series](QScatterSeries *s, const QPointF &value) -> const DemandPoint * {
        const auto it = std::find(series.begin(), series.end(), s);
        if (it == series.end() || !this->chart())
            return nullptr;
        const auto &list = (*members)[size_t(it - series.begin())];
        const QPointF at = this->chart()->mapToPosition(value, s);
        const DemandPoint *best = nullptr;
        qreal bestDistance = std::numeric_limits<qreal>::max();
        for (size_t i = 0; i < list.size(); ++i) {
            const QPointF p = this->chart()->mapToPosition(s->at(int(i)), s);
            const qreal distance = std::hypot(p.x() - at.x(), p.y() - at.y());
            if (distance < bestDistance) {
                bestDistance = distance;
                best = list[i];
            }
        }
        return best;
    };
    for (QScatterSeries *s : series) {
        if (!s)
            continue;
        connect(s, &QScatterSeries::hovered, this, [this, s, nearest](const QPointF &value, bool on) {
            const DemandPoint *m = on ? nearest(s, value) : nullptr;
            if (!m) {
                QToolTip::hideText();
                return;
            }
            const QString here = m->alsoHere > 0
                ? QStringLiteral("<br>")
                    + tr("and %Ln other model(s) at this point", nullptr, int(std::min<std::int64_t>(m->alsoHere, INT_MAX)))
                : QString();
            QToolTip::showText(
                QCursor::pos(),
                tr("<b>%1</b><br>Task: %2<br>Unique callers: %3<br>Calls: %4<br>Week-4 retention: %5<br>"
                   "<i>Click to show it in the table</i>")
                        .arg(DisplayText::html(m->modelId, 200),
                             m->task.isEmpty() ? tr("none") : DisplayText::html(m->task, 100),
                             num(m_numbers, m->uniqueCallers), num(m_numbers, m->calls),
                             pct(m_numbers, m->week4Retention))
                    + here,
                this);
        });
        connect(s, &QScatterSeries::clicked, this, [this, s, nearest](const QPointF &value) {
            if (const DemandPoint *m = nearest(s, value))
                emit modelActivated(m->modelId);
        });
    }
    install(chart);
    const QColor name(70, 70, 70);
    addPlatedNote(tr("narrow but loyal"), QPointF(0.01, 0.01), Qt::AlignLeft | Qt::AlignTop, name);
    addPlatedNote(tr("wide and lasting"), QPointF(0.99, 0.01), Qt::AlignRight | Qt::AlignTop, name);
    addPlatedNote(tr("barely used"), QPointF(0.01, 0.99), Qt::AlignLeft | Qt::AlignBottom, name);
    addPlatedNote(tr("wide but passing"), QPointF(0.99, 0.99), Qt::AlignRight | Qt::AlignBottom, name);
}

} // namespace uptake
