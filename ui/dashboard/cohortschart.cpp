// The cohort heat map: per week of the callers' first call, the share back in each week after it.
#include "dashboard/dashboardcharts.h"

#include "dashboard/chartparts.h"
#include "dashboard/evidencecharts.h"

#include <QCategoryAxis>
#include <QFontMetricsF>
#include <QLegend>
#include <QScatterSeries>

#include <algorithm>
#include <climits>
#include <cmath>
#include <vector>

namespace uptake {

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
    x->setTitleText(skip > 0 ? tr("week after the first call; rows: the latest %1 of %2 weeks of first calls")
                                   .arg(num(m_numbers, rows), num(m_numbers, std::int64_t(all.size())))
                             : tr("week after the first call; rows: the week of the first call"));
    // The earliest week on top, as a table reads. The rows are named by notes beside the plot,
    // not by the axis: a category axis elides every label taller than its row.
    auto *y = new QCategoryAxis;
    y->setRange(-0.5, rows - 0.5);
    y->setStartValue(-0.5);
    y->setReverse(true);
    y->setLabelsVisible(false);
    y->setGridLineVisible(false);
    // A name every few rows: at least 16 pixels apart at the view's height.
    const double rowPixels = std::max(60.0, double(height()) - 130.0) / std::max(rows, 1);
    const int every = std::max(1, int(std::ceil(16.0 / rowPixels)));
    QStringList names;
    QFont noteFont = font();
    noteFont.setPointSizeF(8.5);
    const QFontMetricsF metrics(noteFont);
    qreal widest = 0;
    for (int r = 0; r < rows; ++r) {
        // The last row always, the others every few rows, none crowding the last.
        const bool named = r == rows - 1 || (r % every == 0 && rows - 1 - r >= every);
        names << (named ? EvidenceCharts::dayText(m_numbers, cohorts[size_t(r)].week) : QString());
        widest = std::max(widest, metrics.horizontalAdvance(names.back()));
    }
    chart->setMargins(QMargins(int(std::ceil(widest)) + 12, 4, 10, 4));
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
                        + tr("The cohort: %Ln caller(s)", nullptr, int(std::min<std::int64_t>(c.callers, INT_MAX))));
        }
        if (!names[r].isEmpty())
            addNote(names[r], frame, QPointF(0.5, r), Qt::AlignRight | Qt::AlignVCenter);
    }
}

} // namespace uptake
