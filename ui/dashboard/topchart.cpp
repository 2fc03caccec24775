// The top chart: the most called models of the view, with their repeat rate.
#include "dashboard/dashboardcharts.h"

#include "dashboard/chartaxes.h"
#include "dashboard/chartparts.h"
#include "text/displaytext.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QCursor>
#include <QHorizontalBarSeries>
#include <QScatterSeries>
#include <QToolTip>
#include <QValueAxis>

#include <algorithm>
#include <cmath>
#include <initializer_list>
#include <vector>

namespace uptake {

using namespace ChartParts;

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
    for (QAbstractAxis *a : std::initializer_list<QAbstractAxis *> { axisX, axisY, axisRate })
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
                .arg(DisplayText::html(m.modelId, 200), m.listed ? QString() : tr(" (unlisted)"),
                    num(m_numbers, m.calls), num(m_numbers, m.uniqueCallers), num(m_numbers, m.repeatCallers),
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

} // namespace uptake
