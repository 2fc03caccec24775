// The concentration chart: the Lorenz curve of calls over the listed models, with its figures.
#include "dashboard/dashboardcharts.h"

#include "dashboard/chartparts.h"

#include <QCursor>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QPen>
#include <QScatterSeries>
#include <QToolTip>
#include <QValueAxis>

#include <algorithm>
#include <cmath>
#include <vector>

namespace uptake {

using namespace ChartParts;

namespace {

const QColor kGrey(120, 120, 120);

} // namespace

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

    const QString stats
        = tr("%1 models, %2 calls\nGini: %3\nNever called: %4\n"
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

} // namespace uptake
