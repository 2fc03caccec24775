// The families chart: base models ranked by the callers of their derivatives, with how many
// derivatives are listed beside them.
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

namespace {
const QColor kNoteGrey(120, 120, 120);
} // namespace

void DashboardChartView::buildFamilies(const DashboardData &d)
{
    QChart *chart = newChart(chartTitle(m_kind));
    const std::vector<Families::Family> rows(d.families.rbegin(), d.families.rend()); // most callers on top
    auto *series = new QHorizontalBarSeries;
    auto *callers = new QBarSet(tr("Callers of its derivatives (bottom axis)"));
    callers->setColor(kCalls);
    auto *listed = new QScatterSeries;
    listed->setName(tr("Derivatives listed (top axis)"));
    listed->setColor(kRepeat);
    listed->setBorderColor(Qt::white);
    listed->setMarkerSize(11);
    QStringList categories;
    std::int64_t maxCallers = 0, maxListed = 0;
    for (size_t i = 0; i < rows.size(); ++i) {
        const Families::Family &f = rows[i];
        const QString id = QString::fromStdString(f.base);
        QString label = DisplayText::html(elide(id, 26), 26);
        while (categories.contains(label))
            label += QLatin1Char(' ');
        categories << label;
        *callers << qreal(f.callers);
        maxCallers = std::max(maxCallers, f.callers);
        maxListed = std::max(maxListed, f.derivatives);
        listed->append(qreal(f.derivatives), qreal(i));
    }
    series->append(callers);
    series->setBarWidth(0.7);
    chart->addSeries(series);
    chart->addSeries(listed);
    auto *axisY = new QBarCategoryAxis;
    axisY->append(categories);
    auto *axisX = new QValueAxis;
    ChartAxes::setIntegerRange(axisX, std::max(1.0, double(maxCallers) * 1.02), 4);
    axisX->setTitleText(tr("Distinct callers of the derivatives, in the usage window"));
    axisX->setLabelsColor(kCalls.darker(130));
    auto *axisListed = new QValueAxis;
    ChartAxes::setIntegerRange(axisListed, std::max(1.0, double(maxListed) * 1.05), 4);
    axisListed->setTitleText(tr("Derivatives listed"));
    axisListed->setLabelsColor(kRepeat.darker(130));
    axisListed->setGridLineVisible(false);
    for (QAbstractAxis *a : std::initializer_list<QAbstractAxis *>{axisX, axisY, axisListed})
        styleAxis(a);
    chart->addAxis(axisY, Qt::AlignLeft);
    chart->addAxis(axisX, Qt::AlignBottom);
    chart->addAxis(axisListed, Qt::AlignTop);
    series->attachAxis(axisY);
    series->attachAxis(axisX);
    listed->attachAxis(axisY);
    listed->attachAxis(axisListed);

    auto tipFor = [this, rows](int index) {
        if (index < 0 || size_t(index) >= rows.size())
            return;
        const Families::Family &f = rows[size_t(index)];
        QToolTip::showText(
            QCursor::pos(),
            tr("<b>%1</b>%2<br>Derivatives listed: %3<br>Called: %4<br>Kept a caller to week 4: %5<br>"
               "Calls: %6<br>Distinct callers: %7%8")
                .arg(DisplayText::html(QString::fromStdString(f.base), 200),
                     f.baseListed ? QString() : tr(" (not in the catalogue itself)"), num(m_numbers, f.derivatives),
                     num(m_numbers, f.called), num(m_numbers, f.kept), num(m_numbers, f.calls),
                     num(m_numbers, f.callers),
                     f.baseListed ? tr("<br><i>Click to show the base model in the table</i>") : QString()),
            this);
    };
    connect(callers, &QBarSet::hovered, this, [tipFor](bool on, int index) {
        if (on)
            tipFor(index);
        else
            QToolTip::hideText();
    });
    connect(listed, &QScatterSeries::hovered, this, [tipFor](const QPointF &p, bool on) {
        if (on)
            tipFor(int(std::lround(p.y())));
        else
            QToolTip::hideText();
    });
    const auto activate = [this, rows](long index) {
        if (index >= 0 && size_t(index) < rows.size() && rows[size_t(index)].baseListed)
            emit modelActivated(QString::fromStdString(rows[size_t(index)].base));
    };
    connect(series, &QAbstractBarSeries::clicked, this, [activate](int index, QBarSet *) { activate(index); });
    connect(listed, &QScatterSeries::clicked, this, [activate](const QPointF &p) { activate(std::lround(p.y())); });
    install(chart);
    // Notes belong to the installed chart (install drops the previous one's).
    if (d.familyBases > std::int64_t(rows.size()))
        addNote(tr("the top %1 of %2 base models").arg(num(m_numbers, std::int64_t(rows.size())),
                                                       num(m_numbers, d.familyBases)),
                nullptr, QPointF(0.99, 0.99), Qt::AlignRight | Qt::AlignBottom, false, kNoteGrey);
}

} // namespace uptake
