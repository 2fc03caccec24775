// The cohort heat map: per week of the callers' first call, the share back in each week after it.
#include "dashboard/dashboardcharts.h"

#include "dashboard/chartparts.h"
#include "dashboard/evidencecharts.h"

#include <QCategoryAxis>
#include <QLegend>
#include <QScatterSeries>

#include <algorithm>
#include <climits>
#include <cmath>
#include <vector>

using namespace ChartParts;

namespace {

// More rows than this make cells of a pixel or two: the latest cohorts are the ones to read.
constexpr int kMaxCohorts = 52;

} // namespace

void DashboardChartView::buildCohorts(const DashboardData &d)
{
    const std::vector<Evidence::Cohort> &all = d.evidence.selection.cohorts;
    const size_t skip = all.size() > size_t(kMaxCohorts) ? all.size() - size_t(kMaxCohorts) : 0;
    const std::vector<Evidence::Cohort> cohorts(all.begin() + long(skip), all.end());
    const int rows = int(cohorts.size());
    QChart *chart = newChart(chartTitle(m_kind));
    chart->legend()->hide();

    // The cells are drawn over the plot, placed through this invisible series' axes.
    auto *frame = new QScatterSeries;
    frame->setMarkerSize(0);
    frame->setColor(Qt::transparent);
    frame->setBorderColor(Qt::transparent);
    frame->append(0.5, -0.5);
    frame->append(Evidence::Periods + 0.5, rows - 0.5);
    chart->addSeries(frame);

    auto *x = new QCategoryAxis;
    x->setRange(0.5, Evidence::Periods + 0.5);
    x->setStartValue(0.5);
    x->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    for (int k = 1; k <= Evidence::Periods; ++k)
        x->append(m_numbers.toString(k), k);
    x->setGridLineVisible(false);
    x->setTitleText(skip > 0 ? tr("week after the first call; the latest %1 of %2 weekly cohorts")
                                   .arg(num(m_numbers, rows), num(m_numbers, std::int64_t(all.size())))
                             : tr("week after the first call"));
    // The earliest week on top, as a table reads.
    auto *y = new QCategoryAxis;
    y->setRange(-0.5, rows - 0.5);
    y->setStartValue(-0.5);
    y->setReverse(true);
    y->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    // A label every few rows: about 16 pixels each at the chart's usual height.
    const int every = std::max(1, int(std::ceil(rows / std::max(1.0, (height() - 140) / 16.0))));
    for (int r = 0; r < rows; ++r)
        if (r % every == 0 || r == rows - 1)
            y->append(EvidenceCharts::dayText(m_numbers, cohorts[size_t(r)].week), r);
    y->setGridLineVisible(false);
    y->setTitleText(tr("first call in the week of"));
    for (QAbstractAxis *a : {static_cast<QAbstractAxis *>(x), static_cast<QAbstractAxis *>(y)})
        styleAxis(a);
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    frame->attachAxis(x);
    frame->attachAxis(y);
    setToolTip(tr("Each row: the callers first seen in one week (Monday to Sunday, UTC). Each cell: the share of "
                  "them who called again in the k-th week after their first, white for none, deep blue for all. "
                  "Empty cells: that week is not over yet for the row's callers."));
    install(chart);
    for (int r = 0; r < rows; ++r) {
        const Evidence::Cohort &c = cohorts[size_t(r)];
        for (int k = 1; k <= Evidence::Periods; ++k) {
            const Evidence::Counts &n = c.periods[size_t(k - 1)];
            if (n.eligible == 0)
                continue;
            const double share = double(n.returned) / double(n.eligible);
            addCell(QRectF(QPointF(k - 0.5, r - 0.5), QPointF(k + 0.5, r + 0.5)), frame,
                    EvidenceCharts::cohortColor(share), EvidenceCharts::percent(m_numbers, share),
                    EvidenceCharts::cohortTextColor(share),
                    EvidenceCharts::cohortTip(m_numbers, n, c.week, k) + QLatin1Char('\n')
                        + tr("The cohort: %n caller(s)", nullptr, int(std::min<std::int64_t>(c.callers, INT_MAX))));
        }
    }
}
