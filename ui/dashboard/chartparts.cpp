// The parts the dashboard's chart files share (chartparts.h).
#include "dashboard/chartparts.h"

#include <QAbstractAxis>
#include <QFont>

#include <algorithm>
#include <cmath>
#include <iterator>

namespace uptake {

namespace ChartParts {

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

QString elide(const QString &text, int chars)
{
    if (text.size() <= chars)
        return text;
    const int head = chars * 2 / 3;
    return text.left(head) + QChar(0x2026) + text.right(chars - head - 1);
}

QColor taskColor(int index)
{
    static constexpr QColor palette[] = {kCalls, kRepeat, QColor(148, 103, 189), QColor(140, 86, 75),
                                         QColor(214, 39, 40), QColor(23, 190, 207)};
    return palette[size_t(std::max(index, 0)) % std::size(palette)];
}

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
    case DashboardChart::Tasks:
        return DashboardChartView::tr("Supply vs demand by task");
    case DashboardChart::Concentration:
        return DashboardChartView::tr("Concentration of calls");
    case DashboardChart::Weekly:
        return DashboardChartView::tr("Supply and usage over time");
    case DashboardChart::Funnel:
        return DashboardChartView::tr("The loop: from listing to repeat use");
    case DashboardChart::Top:
        return DashboardChartView::tr("Top models by calls, with their repeat rate");
    case DashboardChart::Retention:
        return DashboardChartView::tr("Do callers come back? Retention by week");
    case DashboardChart::Cohorts:
        return DashboardChartView::tr("Retention by week of the first call");
    case DashboardChart::Lifecycle:
        return DashboardChartView::tr("Callers per week, by state");
    case DashboardChart::DemandMap:
        return DashboardChartView::tr("Demand map: how broad, how lasting");
    case DashboardChart::Families:
        return DashboardChartView::tr("Families: base models by their derivatives' callers");
    }
    return {};
}

} // namespace ChartParts

} // namespace uptake
