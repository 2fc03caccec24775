// The lifecycle chart: the view's callers per week by state (contract 3b), dormant below the axis.
#include "dashboard/dashboardcharts.h"

#include "dashboard/chartparts.h"
#include "dashboard/evidencecharts.h"

#include <QBarSet>
#include <QCursor>
#include <QStackedBarSeries>
#include <QToolTip>

#include <algorithm>
#include <vector>

namespace uptake {

using namespace ChartParts;

void DashboardChartView::buildLifecycle(const DashboardData &d)
{
    const std::vector<Evidence::LifecycleWeek> &weeks = d.evidence.selection.lifecycle;
    QChart *chart = newChart(chartTitle(m_kind));
    // A date needs about 90 pixels of the axis.
    EvidenceCharts::fillLifecycle(chart, weeks, m_numbers, std::max(2, (width() - 140) / 90));
    setToolTip(EvidenceCharts::lifecycleAbout(weeks, m_numbers));
    // Room for the last week's label, centred on the last bar, at the right edge.
    chart->setMargins(QMargins(6, 4, weeks.back().partial ? 48 : 16, 4));
    if (auto *bars = qobject_cast<QStackedBarSeries *>(chart->series().value(0)))
        for (QBarSet *set : bars->barSets())
            connect(set, &QBarSet::hovered, this, [this, weeks](bool on, int index) {
                if (!on || index < 0 || size_t(index) >= weeks.size()) {
                    QToolTip::hideText();
                    return;
                }
                const Evidence::LifecycleWeek &w = weeks[size_t(index)];
                QString tip = tr("<b>Week of %1</b><br>new: %2<br>returning: %3<br>resurrecting: %4<br>dormant: %5")
                                  .arg(EvidenceCharts::dayText(m_numbers, w.week), num(m_numbers, w.newCallers),
                                       num(m_numbers, w.returning), num(m_numbers, w.resurrecting),
                                       num(m_numbers, w.dormant));
                if (w.partial)
                    tip += QStringLiteral("<br><i>%1</i>").arg(tr("not over yet: the figures are not final"));
                QToolTip::showText(QCursor::pos(), tip, this);
            });
    install(chart);
}

} // namespace uptake
