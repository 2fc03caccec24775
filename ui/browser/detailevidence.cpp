#include "browser/detailpane.h"

#include "browser/detailparts.h"
#include "dashboard/chartaxes.h"
#include "text/textrules.h"

#include <QBarSet>
#include <QCategoryAxis>
#include <QChart>
#include <QChartView>
#include <QCursor>
#include <QFormLayout>
#include <QHeaderView>
#include <QTableWidget>
#include <QLabel>
#include <QLineSeries>
#include <QLocale>
#include <QScatterSeries>
#include <QStackedBarSeries>
#include <QToolTip>
#include <QValueAxis>

#include <algorithm>
#include <cmath>
#include <limits>

// DetailPane, part: the model's demand evidence (CONTRACT 3b): its figures, retention
// curve, weekly lifecycle and cohort heat map. The usage charts are in detailpane.cpp.

using namespace DetailParts;

void DetailPane::fillFigures(const ModelDetail &d)
{
    while (m_figures->rowCount() > 0)
        m_figures->removeRow(0);
    const Evidence::Report &r = d.evidence;
    const QLocale locale;
    const QString end = r.evidenceEnd ? dayText(*r.evidenceEnd) : QString();
    auto add = [&](const char *name, const QString &label, const QString &value, const QString &tip) {
        QLabel *l = plainLabel(label, m_figuresBox);
        QLabel *v = plainLabel(value, m_figuresBox);
        v->setObjectName(QLatin1String(name));
        l->setToolTip(tip);
        v->setToolTip(tip);
        m_figures->addRow(l, v);
    };
    auto retention = [&](int k) {
        const Evidence::Counts &c = r.curve[size_t(k - 1)];
        if (c.eligible == 0)
            return tr("\u2014 (for no caller is week %1 after the first over yet)").arg(k);
        return tr("%1 (%2 of %3)")
            .arg(percentOf(double(c.returned) / double(c.eligible)), locale.toString(c.returned),
                 locale.toString(c.eligible));
    };
    add("week1Retention", tr("Week-1 retention"), retention(1),
        tr("Of the callers first seen in this window at least 2 weeks before %1 (the last day with calls), the "
           "share who called this model again in their 2nd week: 7 to 13 days after their first call.")
            .arg(end));
    add("week4Retention", tr("Week-4 retention"), retention(4),
        tr("Of the callers first seen in this window at least 5 weeks before %1 (the last day with calls), the "
           "share who called this model again in their 5th week: 28 to 34 days after their first call.")
            .arg(end));
    const QString noCalls = tr("\u2014 (no calls in this window)");
    const std::optional<double> top = r.topCallerShare();
    add("topCallerShare", tr("Busiest caller's share"), top ? percentOf(*top) : noCalls,
        tr("The share of this window's calls made by its busiest caller. Near 100%, one caller is all the usage."));
    const std::optional<double> effective = r.effectiveCallers();
    add("effectiveCallers", tr("Effective callers"), effective ? locale.toString(*effective, 'f', 2) : noCalls,
        tr("How many equally busy callers would spread the calls as evenly: ten callers with ten calls each give "
           "10; one caller with nearly all the calls gives about 1."));
    add("halfCallers", tr("Callers making half the calls"),
        r.calls > 0 ? tr("%1 of %2").arg(locale.toString(r.halfCallers), locale.toString(r.callers)) : noCalls,
        tr("The fewest callers whose calls add up to at least half of this window's calls, of all its callers."));
}

void DetailPane::fillRetention(const ModelDetail &d)
{
    QChart *chart = m_retentionView->chart();
    resetChart(chart);
    const Evidence::Report &r = d.evidence;
    const QLocale locale;
    QList<QPointF> points;
    for (int k = 1; k <= Evidence::Periods; ++k) {
        const Evidence::Counts &c = r.curve[size_t(k - 1)];
        // A week not over for anyone proves nothing: no point, rather than a 0.
        if (c.eligible > 0)
            points.append(QPointF(k, 100.0 * double(c.returned) / double(c.eligible)));
    }
    const QString about = tr("Of the callers first seen in this window, the share who called this model again in "
                             "the k-th week after their first week. Below each week: n, the callers whose k-th "
                             "week was over by the last day with calls; only they count.");
    m_retentionView->setToolTip(about);
    if (points.isEmpty()) {
        chart->setTitle(tr("Retention: no caller's 2nd week is over yet"));
        return;
    }
    const QColor color(0x2a, 0x6f, 0xb8);
    auto *line = new QLineSeries;
    line->setName(tr("came back"));
    line->setColor(color);
    line->replace(points);
    auto *dots = new QScatterSeries;
    dots->setName(tr("came back"));
    dots->setMarkerSize(8);
    dots->setColor(color);
    dots->setBorderColor(color);
    dots->replace(points);
    connect(dots, &QScatterSeries::hovered, this, [this](const QPointF &p, bool over) {
        const int k = int(std::lround(p.x()));
        if (!over || k < 1 || k > Evidence::Periods) {
            QToolTip::hideText();
            return;
        }
        const Evidence::Counts &c = m_evidence.curve[size_t(k - 1)];
        const QLocale locale;
        QToolTip::showText(QCursor::pos(), tr("Week %1 after the first: %2 of %3 callers came back (%4)")
                                               .arg(locale.toString(k), locale.toString(c.returned),
                                                    locale.toString(c.eligible),
                                                    percentOf(double(c.returned) / double(std::max<qint64>(c.eligible, 1)))));
    });
    chart->addSeries(line);
    chart->addSeries(dots);
    chart->setTitle(tr("Retention by week after the first"));

    // Every week 1..12 has its place, so that a curve that stops early is seen to stop.
    auto *x = new QCategoryAxis;
    x->setRange(0.5, Evidence::Periods + 0.5);
    x->setStartValue(0.5);
    x->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    for (int k = 1; k <= Evidence::Periods; ++k) {
        const Evidence::Counts &c = r.curve[size_t(k - 1)];
        // Axis labels are rich text: the line break is ours, the figures are numbers.
        x->append(c.eligible > 0 ? locale.toString(k) + QStringLiteral("<br>") + shortCount(c.eligible)
                                 : locale.toString(k),
                  k);
    }
    QFont small = x->labelsFont();
    small.setPointSizeF(small.pointSizeF() * 0.85);
    x->setLabelsFont(small);
    x->setTitleText(tr("week after the first; n callers"));
    // From 0, to a whole percentage above the highest point: a few percent still show their shape.
    qreal highest = 0;
    for (const QPointF &p : points)
        highest = std::max(highest, p.y());
    auto *y = new QValueAxis;
    ChartAxes::setIntegerRange(y, std::min<qreal>(100, highest), 4);
    y->setTitleText(tr("% came back"));
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    for (QAbstractSeries *s : {static_cast<QAbstractSeries *>(line), static_cast<QAbstractSeries *>(dots)}) {
        s->attachAxis(x);
        s->attachAxis(y);
    }
}

void DetailPane::fillLifecycle(const ModelDetail &d)
{
    QChart *chart = m_lifecycleView->chart();
    resetChart(chart);
    chart->legend()->setVisible(false);
    const std::vector<Evidence::LifecycleWeek> &weeks = d.evidence.lifecycle;
    m_lifecycleView->setToolTip(
        tr("Callers per week (Monday to Sunday, UTC).\nnew: first call in this week.\nreturning: called in this "
           "week and in the week before.\nresurrecting: called in this week, not in the week before, but earlier."
           "\ndormant (below the axis): called in the week before, not in this week."));
    const bool any = std::any_of(weeks.cbegin(), weeks.cend(), [](const Evidence::LifecycleWeek &w) {
        return w.newCallers + w.returning + w.resurrecting + w.dormant > 0;
    });
    if (!any) {
        chart->setTitle(tr("No callers in this window"));
        return;
    }
    const bool partial = weeks.back().partial;
    auto *bars = new QStackedBarSeries;
    bars->setBarWidth(0.85);
    const struct
    {
        QString name;
        QColor color;
        std::int64_t Evidence::LifecycleWeek::*count;
        int sign;
    } parts[] = {{tr("new"), QColor(0x3b, 0x8e, 0x4f), &Evidence::LifecycleWeek::newCallers, 1},
                 {tr("returning"), QColor(0x2a, 0x6f, 0xb8), &Evidence::LifecycleWeek::returning, 1},
                 {tr("resurrecting"), QColor(0xe0, 0x9f, 0x3e), &Evidence::LifecycleWeek::resurrecting, 1},
                 {tr("dormant"), QColor(0x8a, 0x93, 0xa0), &Evidence::LifecycleWeek::dormant, -1}};
    qreal top = 0, bottom = 0;
    for (const Evidence::LifecycleWeek &w : weeks) {
        top = std::max(top, qreal(w.newCallers + w.returning + w.resurrecting));
        bottom = std::max(bottom, qreal(w.dormant));
    }
    for (const auto &p : parts) {
        auto *set = new QBarSet(p.name);
        set->setColor(p.color);
        set->setBorderColor(p.color);
        // The week the evidence ends in is not over: its bars are pale, not final.
        QColor pale = p.color;
        pale.setAlpha(80);
        set->setSelectedColor(pale);
        for (const Evidence::LifecycleWeek &w : weeks)
            set->append(qreal(p.sign * (w.*p.count)));
        if (partial)
            set->selectBar(int(weeks.size()) - 1);
        bars->append(set);
    }
    chart->addSeries(bars);
    chart->setTitle(tr("Callers per week, by state"));

    // A few Mondays as labels (every week's would overlap), the last week always.
    const int n = int(weeks.size());
    auto *x = new QCategoryAxis;
    x->setRange(-0.5, n - 0.5);
    x->setStartValue(-0.5);
    x->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    const int every = std::max(1, (n + 5) / 6);
    for (int i = 0; i < n; ++i) {
        const bool last = i == n - 1;
        if (!last && (i % every != 0 || n - 1 - i < (every + 1) / 2))
            continue;
        QString label = dayText(weeks[size_t(i)].week);
        if (last && partial)
            label += QStringLiteral("<br>") + tr("(partial)");
        x->append(label, i);
    }
    QFont small = x->labelsFont();
    small.setPointSizeF(small.pointSizeF() * 0.85);
    x->setLabelsFont(small);
    x->setGridLineVisible(false);
    auto *y = new QValueAxis;
    // One step above and below zero alike, whole numbers: dormant callers read as negative.
    const ChartAxes::IntegerTicks t = ChartAxes::integerTicks(std::max(top, bottom), 3);
    const double hi = std::max(1.0, std::ceil(top / t.step)) * t.step;
    const double lo = std::ceil(bottom / t.step) * t.step;
    y->setRange(-lo, hi);
    y->setTickCount(int(std::lround((hi + lo) / t.step)) + 1);
    y->setLabelFormat(QStringLiteral("%.0f"));
    y->setTitleText(tr("callers"));
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    bars->attachAxis(x);
    bars->attachAxis(y);
    chart->legend()->setVisible(true);
    chart->legend()->setAlignment(Qt::AlignTop);
    // Room for the last week's label, centred on the last bar, at the right edge.
    chart->setMargins(QMargins(2, 2, partial ? 48 : 16, 2));
    if (partial)
        m_lifecycleView->setToolTip(m_lifecycleView->toolTip() + QLatin1Char('\n')
                                    + tr("The last week, from %1, is not over: its bars are pale.")
                                          .arg(dayText(weeks.back().week)));
}

void DetailPane::fillCohorts(const ModelDetail &d)
{
    const std::vector<Evidence::Cohort> &cohorts = d.evidence.cohorts;
    const QLocale locale;
    m_cohorts->clear();
    m_cohorts->setColumnCount(1 + Evidence::Periods);
    m_cohorts->setRowCount(int(cohorts.size()));
    auto *callersHeader = new QTableWidgetItem(tr("Callers"));
    callersHeader->setToolTip(tr("The callers first seen in the week, Monday to Sunday (UTC)"));
    m_cohorts->setHorizontalHeaderItem(0, callersHeader);
    for (int k = 1; k <= Evidence::Periods; ++k) {
        auto *h = new QTableWidgetItem(locale.toString(k));
        h->setToolTip(tr("Week %1 after the first: the share of the week's new callers who called again %2 to %3 "
                         "days after their first call")
                          .arg(locale.toString(k), locale.toString(7 * k), locale.toString(7 * k + 6)));
        m_cohorts->setHorizontalHeaderItem(k, h);
    }
    for (int row = 0; row < int(cohorts.size()); ++row) {
        const Evidence::Cohort &c = cohorts[size_t(row)];
        const QString week = dayText(c.week);
        auto *head = new QTableWidgetItem(week);
        head->setToolTip(tr("Callers first seen in the week of %1").arg(week));
        m_cohorts->setVerticalHeaderItem(row, head);
        auto *callers = new QTableWidgetItem(locale.toString(c.callers));
        callers->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        callers->setToolTip(tr("%n caller(s) first seen in the week of %1", nullptr, int(std::min<qint64>(c.callers, std::numeric_limits<int>::max()))).arg(week));
        m_cohorts->setItem(row, 0, callers);
        for (int k = 1; k <= Evidence::Periods; ++k) {
            const Evidence::Counts &n = c.periods[size_t(k - 1)];
            auto *cell = new QTableWidgetItem;
            cell->setTextAlignment(Qt::AlignCenter);
            if (n.eligible > 0) {
                const double share = double(n.returned) / double(n.eligible);
                cell->setText(percentOf(share));
                cell->setData(Qt::UserRole, share);
                // White for none back, deep blue for all; on a square-root scale, so that the few
                // percent most cohorts keep still differ at a glance (the figure is in the cell).
                const QColor deep(0x2a, 0x6f, 0xb8);
                const double depth = std::sqrt(share);
                cell->setBackground(QColor::fromRgbF(float(1 - depth * (1 - deep.redF())),
                                                     float(1 - depth * (1 - deep.greenF())),
                                                     float(1 - depth * (1 - deep.blueF()))));
                cell->setForeground(depth > 0.6 ? QColor(Qt::white) : QColor(Qt::black));
                cell->setToolTip(tr("%1 of %2 callers first seen in the week of %3 came back in week %4 after it")
                                     .arg(locale.toString(n.returned), locale.toString(n.eligible), week,
                                          locale.toString(k)));
            }
            m_cohorts->setItem(row, k, cell);
        }
    }
    m_cohorts->resizeColumnToContents(0);
}
