// The tasks chart: each task's share of the listed models, of the calls and of the repeat callers.
#include "dashboard/dashboardcharts.h"

#include "dashboard/chartaxes.h"
#include "dashboard/chartparts.h"
#include "text/displaytext.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QCursor>
#include <QHorizontalBarSeries>
#include <QToolTip>
#include <QValueAxis>

#include <algorithm>
#include <cmath>
#include <vector>

namespace uptake {

using namespace ChartParts;

void DashboardChartView::buildTasks(const DashboardData &d)
{
    const TaskChartData &t = d.tasks;
    QChart *chart = newChart(chartTitle(m_kind));
    auto *series = new QHorizontalBarSeries;
    // The legend names the measures (and how repeat callers add up); the totals are in each
    // bar's tooltip and above the charts: with them the legend was cut in longer languages.
    auto *models = new QBarSet(tr("Listed models"));
    auto *calls = new QBarSet(tr("Calls"));
    auto *repeat = new QBarSet(tr("Repeat callers, summed per model"));
    models->setColor(kSupply);
    calls->setColor(kCalls);
    repeat->setColor(kRepeat);

    // Horizontal bars put the first category at the bottom: reverse, so that the largest is on top.
    std::vector<TaskShare> rows(t.tasks.rbegin(), t.tasks.rend());
    QStringList categories;
    double maxShare = 0;
    for (const TaskShare &r : rows) {
        QString label = r.other ? tr("Other (%1 tasks)").arg(t.taskCount - qint64(t.tasks.size()) + 1)
            : r.task.isEmpty()  ? tr("(no task)")
                                : DisplayText::html(elide(r.task, 28), 28);
        while (categories.contains(label))
            label += QLatin1Char(' ');
        categories << label;
        *models << r.modelShare * 100;
        *calls << r.callShare * 100;
        *repeat << r.repeatShare * 100;
        maxShare = std::max({ maxShare, r.modelShare, r.callShare, r.repeatShare });
    }
    series->append(models);
    series->append(calls);
    series->append(repeat);
    series->setBarWidth(0.8);
    chart->addSeries(series);

    auto *axisY = new QBarCategoryAxis;
    axisY->append(categories);
    axisY->setTitleText(tr("Task"));
    auto *axisX = new QValueAxis;
    // Whole percents where there is room for them; tenths for a view of tiny shares.
    const double topShare = std::min(100.0, maxShare * 100 * 1.05);
    if (topShare >= 5) {
        ChartAxes::setIntegerRange(axisX, topShare, 5); // 5 to 100 in steps that reach at most 100
    } else {
        axisX->setRange(0, std::max(0.5, std::ceil(topShare * 2) / 2));
        axisX->setTickCount(std::min(6, int(std::lround(axisX->max() * 2)) + 1)); // a tick each half percent, at most 6
        axisX->setLabelFormat(QStringLiteral("%.1f"));
    }
    axisX->setTitleText(tr("Share of the view's total (%)"));
    styleAxis(axisX);
    styleAxis(axisY);
    chart->addAxis(axisY, Qt::AlignLeft);
    chart->addAxis(axisX, Qt::AlignBottom);
    series->attachAxis(axisY);
    series->attachAxis(axisX);

    auto tip = [this, rows](int index) {
        if (index < 0 || size_t(index) >= rows.size())
            return;
        const TaskShare &r = rows[size_t(index)];
        const QString name = r.other ? tr("Other tasks") : r.task.isEmpty() ? tr("(no task)") : r.task;
        QToolTip::showText(QCursor::pos(),
            tr("<b>%1</b><br>Listed models: %2 (%3)<br>Calls: %4 (%5)<br>"
               "Repeat callers: %6 (%7), counted per model%8")
                .arg(DisplayText::html(name, 200), num(m_numbers, r.listedModels), pct(m_numbers, r.modelShare),
                    num(m_numbers, r.calls), pct(m_numbers, r.callShare), num(m_numbers, r.repeatCallers),
                    pct(m_numbers, r.repeatShare),
                    r.other || r.task.isEmpty() ? QString() : tr("<br><i>Click to filter the table</i>")),
            this);
    };
    for (QBarSet *set : { models, calls, repeat })
        connect(set, &QBarSet::hovered, this, [tip](bool on, int index) {
            if (on)
                tip(index);
            else
                QToolTip::hideText();
        });
    connect(series, &QAbstractBarSeries::clicked, this, [this, rows](int index, QBarSet *) {
        if (index >= 0 && size_t(index) < rows.size() && !rows[size_t(index)].other
            && !rows[size_t(index)].task.isEmpty())
            emit taskActivated(rows[size_t(index)].task);
    });
    install(chart);
}

} // namespace uptake
