#include "dashboard/evidencecharts.h"

#include "dashboard/chartaxes.h"

#include <QBarSet>
#include <QCategoryAxis>
#include <QChart>
#include <QDate>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QPen>
#include <QScatterSeries>
#include <QStackedBarSeries>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace uptake {

QString EvidenceCharts::percent(const QLocale &locale, double fraction)
{
    const double share = fraction * 100;
    // A share that is not 0 never reads as 0: 0.004% of the calls is one caller of many.
    if (share > 0 && share < 0.01)
        return tr("< %1", "less than a percentage").arg(tr("%1%", "a percentage").arg(locale.toString(0.01, 'f', 2)));
    const int decimals = share == 0 || share >= 10 ? 0 : share >= 1 ? 1 : share >= 0.1 ? 2 : 3;
    return tr("%1%", "a percentage").arg(locale.toString(share, 'f', decimals));
}

QString EvidenceCharts::shortCount(const QLocale &locale, qint64 n)
{
    if (n >= 10'000'000)
        return tr("%1M", "millions, short").arg(locale.toString(double(n) / 1e6, 'f', 0));
    if (n >= 10'000)
        return tr("%1k", "thousands, short").arg(locale.toString(double(n) / 1e3, 'f', 0));
    return locale.toString(n);
}

QString EvidenceCharts::dayText(const QLocale &locale, qint64 day)
{
    return locale.toString(QDate(1970, 1, 1).addDays(day), QLocale::ShortFormat);
}

std::vector<QScatterSeries *> EvidenceCharts::fillRetention(QChart *chart, const std::vector<Curve> &curves,
                                                            const QLocale &locale)
{
    std::vector<QScatterSeries *> dotsOf(curves.size(), nullptr);
    qreal highest = 0;
    std::vector<QAbstractSeries *> added;
    for (size_t i = 0; i < curves.size(); ++i) {
        const Curve &curve = curves[i];
        QList<QPointF> points;
        for (int k = 1; k <= Evidence::Periods; ++k) {
            const Evidence::Counts &c = curve.counts[size_t(k - 1)];
            // A week not over for anyone proves nothing: no point, rather than a 0.
            if (c.eligible > 0)
                points.append(QPointF(k, 100.0 * double(c.returned) / double(c.eligible)));
        }
        if (points.isEmpty())
            continue;
        for (const QPointF &p : points)
            highest = std::max(highest, p.y());
        auto *line = new QLineSeries;
        line->setName(curve.name);
        QPen pen(curve.color);
        pen.setWidthF(curve.width);
        line->setPen(pen);
        line->replace(points);
        auto *dots = new QScatterSeries;
        dots->setName(curve.name);
        dots->setMarkerSize(curve.width > 2 ? 9 : 7);
        dots->setColor(curve.color);
        dots->setBorderColor(curve.color);
        dots->replace(points);
        chart->addSeries(line);
        chart->addSeries(dots);
        // One legend entry a curve: the line's.
        if (const auto markers = chart->legend()->markers(dots); !markers.isEmpty())
            markers.constFirst()->setVisible(false);
        added.push_back(line);
        added.push_back(dots);
        dotsOf[i] = dots;
    }
    if (added.empty())
        return dotsOf;

    // Every week 1..12 has its place, so that a curve that stops early is seen to stop.
    auto *x = new QCategoryAxis;
    x->setRange(0.5, Evidence::Periods + 0.5);
    x->setStartValue(0.5);
    x->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    for (int k = 1; k <= Evidence::Periods; ++k) {
        const Evidence::Counts &c = curves.front().counts[size_t(k - 1)];
        // Axis labels are rich text: the line break is ours, the figures are numbers.
        x->append(c.eligible > 0 ? locale.toString(k) + QStringLiteral("<br>") + shortCount(locale, c.eligible)
                                 : locale.toString(k),
                  k);
    }
    QFont small = x->labelsFont();
    small.setPointSizeF(small.pointSizeF() * 0.85);
    x->setLabelsFont(small);
    x->setTitleText(tr("week after the first; n callers"));
    // From 0, to a whole percentage above the highest point: a few percent still show their shape.
    auto *y = new QValueAxis;
    ChartAxes::setIntegerRange(y, std::min<qreal>(100, highest), 4);
    y->setTitleText(tr("% came back"));
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    for (QAbstractSeries *s : added) {
        s->attachAxis(x);
        s->attachAxis(y);
    }
    return dotsOf;
}

QString EvidenceCharts::retentionTip(const QLocale &locale, int k, const Evidence::Counts &c)
{
    return tr("Week %1 after the first: %2 of %3 callers came back (%4)")
        .arg(locale.toString(k), locale.toString(c.returned), locale.toString(c.eligible),
             percent(locale, double(c.returned) / double(std::max<qint64>(c.eligible, 1))));
}

QString EvidenceCharts::retentionAbout()
{
    return tr("Of the callers first seen in this window, the share who called again in the k-th week after "
              "their first week. Below each week: n, the callers whose k-th week was over by the last day with "
              "calls; only they count.");
}

bool EvidenceCharts::fillLifecycle(QChart *chart, const std::vector<Evidence::LifecycleWeek> &weeks,
                                   const QLocale &locale, int maxLabels)
{
    const bool any = std::any_of(weeks.cbegin(), weeks.cend(), [](const Evidence::LifecycleWeek &w) {
        return w.newCallers + w.returning + w.resurrecting + w.dormant > 0;
    });
    if (!any)
        return false;
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
                 {tr("returning"), kRetention, &Evidence::LifecycleWeek::returning, 1},
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

    // A few Mondays as labels (every week's would overlap), the last week always.
    const int n = int(weeks.size());
    auto *x = new QCategoryAxis;
    x->setRange(-0.5, n - 0.5);
    x->setStartValue(-0.5);
    x->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    maxLabels = std::max(maxLabels, 2);
    const int every = std::max(1, (n + maxLabels - 1) / maxLabels);
    for (int i = 0; i < n; ++i) {
        const bool last = i == n - 1;
        if (!last && (i % every != 0 || n - 1 - i < (every + 1) / 2))
            continue;
        QString label = dayText(locale, weeks[size_t(i)].week);
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
    return true;
}

QString EvidenceCharts::lifecycleAbout(const std::vector<Evidence::LifecycleWeek> &weeks, const QLocale &locale)
{
    QString about
        = tr("Callers per week (Monday to Sunday, UTC).\nnew: first call in this week.\nreturning: called in this "
             "week and in the week before.\nresurrecting: called in this week, not in the week before, but earlier."
             "\ndormant (below the axis): called in the week before, not in this week.");
    if (!weeks.empty() && weeks.back().partial)
        about += QLatin1Char('\n')
                 + tr("The last week, from %1, is not over: its bars are pale.").arg(dayText(locale, weeks.back().week));
    return about;
}

QColor EvidenceCharts::cohortColor(double share)
{
    // On a square-root scale, so that the few percent most cohorts keep still differ at a glance.
    const double depth = std::sqrt(std::clamp(share, 0.0, 1.0));
    return QColor::fromRgbF(float(1 - depth * (1 - kRetention.redF())), float(1 - depth * (1 - kRetention.greenF())),
                            float(1 - depth * (1 - kRetention.blueF())));
}

QColor EvidenceCharts::cohortTextColor(double share)
{
    return std::sqrt(std::clamp(share, 0.0, 1.0)) > 0.6 ? QColor(Qt::white) : QColor(Qt::black);
}

QString EvidenceCharts::cohortTip(const QLocale &locale, const Evidence::Counts &n, qint64 week, int k)
{
    return tr("%1 of %2 callers first seen in the week of %3 came back in week %4 after it")
        .arg(locale.toString(n.returned), locale.toString(n.eligible), dayText(locale, week), locale.toString(k));
}

} // namespace uptake
