// The retention chart: the view's retention curve (contract 3b) beside its top tasks' curves.
#include "dashboard/dashboardcharts.h"

#include "dashboard/chartparts.h"
#include "dashboard/evidencecharts.h"
#include "text/displaytext.h"

#include <QCursor>
#include <QLegend>
#include <QScatterSeries>
#include <QToolTip>

#include <cmath>
#include <vector>

namespace uptake {

using namespace ChartParts;

void DashboardChartView::buildRetention(const DashboardData &d)
{
    const EvidenceData &e = d.evidence;
    QChart *chart = newChart(chartTitle(m_kind));
    std::vector<EvidenceCharts::Curve> curves;
    std::vector<QString> names; // rich text, for the tooltips
    curves.push_back({tr("This view"), EvidenceCharts::kRetention, e.selection.curve, 3.5});
    names.push_back(curves.back().name.toHtmlEscaped());
    for (size_t i = 0; i < e.tasks.size(); ++i) {
        const QString task = DisplayText::html(elide(e.tasks[i].task, 24));
        curves.push_back({task, taskColor(int(i)), e.tasks[i].curve, 1.6});
        names.push_back(DisplayText::html(e.tasks[i].task, 120));
    }
    const std::vector<QScatterSeries *> dots = EvidenceCharts::fillRetention(chart, curves, m_numbers);
    for (size_t i = 0; i < dots.size(); ++i) {
        if (!dots[i])
            continue;
        const auto counts = curves[i].counts;
        const QString name = names[i];
        connect(dots[i], &QScatterSeries::hovered, this, [this, counts, name](const QPointF &p, bool on) {
            const int k = int(std::lround(p.x()));
            if (!on || k < 1 || k > Evidence::Periods) {
                QToolTip::hideText();
                return;
            }
            QToolTip::showText(QCursor::pos(),
                               QStringLiteral("<b>%1</b><br>%2").arg(
                                   name, EvidenceCharts::retentionTip(m_numbers, k, counts[size_t(k - 1)]).toHtmlEscaped()),
                               this);
        });
    }
    setToolTip(EvidenceCharts::retentionAbout() + QLatin1Char('\n')
               + tr("The lines of the %n task(s) with the most callers: a caller counts once within a task. The n "
                    "under each week are the whole view's.",
                    nullptr, int(e.tasks.size())));
    install(chart);
}

} // namespace uptake
