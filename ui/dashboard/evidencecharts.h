#pragma once

#include "evidence/evidence.h"

#include <QColor>
#include <QCoreApplication>
#include <QLocale>
#include <QString>

#include <array>
#include <vector>

class QChart;
class QScatterSeries;

namespace uptake {

// The demand evidence charts (contract 3b) as the detail pane draws them for one model and the
// dashboard for a selection: one drawing, so that the two read the same. Fill a chart that has
// no series and no axes; the caller owns its title, margins and tooltips' placement.
class EvidenceCharts final
{
    Q_DECLARE_TR_FUNCTIONS(EvidenceCharts)

public:
    // A share as a percentage; a share that is not 0 never reads as 0.
    static QString percent(const QLocale &locale, double fraction);
    // A count short enough for a narrow axis label: 218,034 as 218k.
    static QString shortCount(const QLocale &locale, qint64 n);
    // A day (a week by its Monday) in the locale's short date format.
    static QString dayText(const QLocale &locale, qint64 day);

    // The blue of a single retention curve and of the cohort heat map's full cells.
    static constexpr QColor kRetention{0x2a, 0x6f, 0xb8};

    struct Curve
    {
        QString name; // for the legend: rich text, so registry text comes through DisplayText::html
        QColor color;
        std::array<Evidence::Counts, Evidence::Periods> counts{};
        qreal width = 2;
    };
    // A line and dots per curve, none where nobody is eligible; weeks 1..12 on x, each with the
    // first curve's eligible callers under it; y from 0% to a whole step above the highest point,
    // at most 100%. Returns each curve's dots (nullptr for a curve without a point): all nullptr
    // when nothing was drawn.
    static std::vector<QScatterSeries *> fillRetention(QChart *chart, const std::vector<Curve> &curves,
                                                       const QLocale &locale);
    // "Week k after the first: r of n callers came back (share)".
    static QString retentionTip(const QLocale &locale, int k, const Evidence::Counts &c);
    // What the curve says, for a tooltip on the whole chart.
    static QString retentionAbout();

    // New, returning and resurrecting callers stacked per week, dormant below the axis; the
    // partial last week pale and labelled. False when no week has a caller (nothing drawn).
    // At most about maxLabels dates on the axis (the last week's always).
    static bool fillLifecycle(QChart *chart, const std::vector<Evidence::LifecycleWeek> &weeks,
                              const QLocale &locale, int maxLabels = 6);
    // The states explained, and the partial week named when there is one.
    static QString lifecycleAbout(const std::vector<Evidence::LifecycleWeek> &weeks, const QLocale &locale);

    // A cohort cell: white for none back, deep blue for all, on a square-root scale.
    static QColor cohortColor(double share);
    static QColor cohortTextColor(double share);
    // "r of n callers first seen in the week of W came back in week k after it".
    static QString cohortTip(const QLocale &locale, const Evidence::Counts &n, qint64 week, int k);
};

} // namespace uptake
