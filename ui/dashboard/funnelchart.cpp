// The funnel chart: the loop from a model listed to a caller who comes back, step by step.
#include "dashboard/dashboardcharts.h"

#include "dashboard/chartparts.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QCursor>
#include <QHorizontalStackedBarSeries>
#include <QToolTip>
#include <QValueAxis>

#include <algorithm>
#include <vector>

namespace uptake {

using namespace ChartParts;

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

    struct Row {
        QString label;
        const FunnelStep *step;
        double percent;
        bool isModel;
    };
    std::vector<Row> rows;
    const auto addSteps = [&](const std::vector<FunnelStep> &steps, bool isModel) {
        const std::int64_t first = steps.empty() ? 0 : steps.front().count;
        for (const FunnelStep &s : steps)
            rows.push_back({ tr(s.label), &s, first > 0 ? 100.0 * double(s.count) / double(first) : 0.0, isModel });
    };
    addSteps(f.models, true);
    addSteps(f.callers, false);
    // Not nested in the callers' steps: the view's week-4 retention, its share of eligible callers.
    FunnelStep kept{"week4", "", 0, {}};
    const std::int64_t allCallers = f.callers.empty() ? 0 : f.callers.front().count;
    if (f.keptToWeek4 && !f.callers.empty()) {
        kept.count = f.keptToWeek4->returned;
        if (f.keptToWeek4->eligible > 0)
            kept.shareOfPrevious = double(f.keptToWeek4->returned) / double(f.keptToWeek4->eligible);
        rows.push_back({tr("…kept a caller to week 4"), &kept,
                        allCallers > 0 ? 100.0 * double(kept.count) / double(allCallers) : 0.0, false});
    }
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
        if (r.step == &kept)
            tips.push_back(
                tr("<b>%1</b><br>%2 callers came back in their 5th week (28 to 34 days after their first call), of "
                   "the %3 callers first seen in the window whose 5th week was over by the last day with calls: "
                   "%4, the view's week-4 retention.<br>Not a part of the step before: any caller of the view "
                   "counts.")
                    .arg(r.label.toHtmlEscaped(), num(m_numbers, kept.count), num(m_numbers, f.keptToWeek4->eligible),
                         kept.shareOfPrevious ? pct(m_numbers, *kept.shareOfPrevious) : tr("none (nobody eligible)")));
        else
            tips.push_back(
            tr("<b>%1</b><br>%2 %3%4")
                .arg(r.label.toHtmlEscaped(), num(m_numbers, r.step->count), r.isModel ? tr("models") : tr("callers"),
                    r.step->shareOfPrevious
                        ? tr("<br>%1 of the step before").arg(pct(m_numbers, *r.step->shareOfPrevious))
                        : QString()));
    for (QBarSet *set : { models, callers })
        connect(set, &QBarSet::hovered, this, [this, tips](bool on, int index) {
            if (on && index >= 0 && size_t(index) < tips.size())
                QToolTip::showText(QCursor::pos(), tips[size_t(index)], this);
            else
                QToolTip::hideText();
        });
    install(chart);
    for (size_t i = 0; i < rows.size(); ++i) {
        const Row &r = rows[i];
        QString text = r.step->shareOfPrevious
            ? tr("%1  (%2 of previous)").arg(num(m_numbers, r.step->count), pct(m_numbers, *r.step->shareOfPrevious))
            : num(m_numbers, r.step->count);
        if (r.step == &kept)
            text = kept.shareOfPrevious ? tr("%1  (%2 of %3 eligible)")
                                              .arg(num(m_numbers, kept.count), pct(m_numbers, *kept.shareOfPrevious),
                                                   num(m_numbers, f.keptToWeek4->eligible))
                                        : tr("none eligible yet");
        addBarNote(text, num(m_numbers, r.step->count), series, QPointF(r.percent, double(i)));
    }
}

} // namespace uptake
