#include "browser/detailpane.h"

#include "browser/detailparts.h"
#include "dashboard/evidencecharts.h"
#include "text/textrules.h"

#include <QChart>
#include <QChartView>
#include <QCursor>
#include <QFormLayout>
#include <QHeaderView>
#include <QTableWidget>
#include <QLabel>
#include <QLocale>
#include <QScatterSeries>
#include <QToolTip>

#include <algorithm>
#include <cmath>
#include <limits>

namespace uptake {

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
    const QLocale locale;
    m_retentionView->setToolTip(EvidenceCharts::retentionAbout());
    const std::vector<QScatterSeries *> dots = EvidenceCharts::fillRetention(
        chart, {{tr("came back"), EvidenceCharts::kRetention, d.evidence.curve}}, locale);
    if (!dots.front()) {
        chart->setTitle(tr("Retention: no caller's 2nd week is over yet"));
        return;
    }
    connect(dots.front(), &QScatterSeries::hovered, this, [this](const QPointF &p, bool over) {
        const int k = int(std::lround(p.x()));
        if (!over || k < 1 || k > Evidence::Periods) {
            QToolTip::hideText();
            return;
        }
        QToolTip::showText(QCursor::pos(),
                           EvidenceCharts::retentionTip(QLocale(), k, m_evidence.curve[size_t(k - 1)]));
    });
    chart->setTitle(tr("Retention by week after the first"));
}

void DetailPane::fillLifecycle(const ModelDetail &d)
{
    QChart *chart = m_lifecycleView->chart();
    resetChart(chart);
    chart->legend()->setVisible(false);
    const std::vector<Evidence::LifecycleWeek> &weeks = d.evidence.lifecycle;
    const QLocale locale;
    m_lifecycleView->setToolTip(EvidenceCharts::lifecycleAbout(weeks, locale));
    if (!EvidenceCharts::fillLifecycle(chart, weeks, locale)) {
        chart->setTitle(tr("No callers in this window"));
        return;
    }
    chart->setTitle(tr("Callers per week, by state"));
    chart->legend()->setAlignment(Qt::AlignTop);
    // Room for the last week's label, centred on the last bar, at the right edge.
    chart->setMargins(QMargins(2, 2, weeks.back().partial ? 48 : 16, 2));
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
        callers->setToolTip(tr("%Ln caller(s) first seen in the week of %1", nullptr, int(std::min<qint64>(c.callers, std::numeric_limits<int>::max()))).arg(week));
        m_cohorts->setItem(row, 0, callers);
        for (int k = 1; k <= Evidence::Periods; ++k) {
            const Evidence::Counts &n = c.periods[size_t(k - 1)];
            auto *cell = new QTableWidgetItem;
            cell->setTextAlignment(Qt::AlignCenter);
            if (n.eligible > 0) {
                const double share = double(n.returned) / double(n.eligible);
                cell->setText(percentOf(share));
                cell->setData(Qt::UserRole, share);
                cell->setBackground(EvidenceCharts::cohortColor(share));
                cell->setForeground(EvidenceCharts::cohortTextColor(share));
                cell->setToolTip(EvidenceCharts::cohortTip(locale, n, c.week, k));
            }
            m_cohorts->setItem(row, k, cell);
        }
    }
    m_cohorts->resizeColumnToContents(0);
}

} // namespace uptake
