#pragma once

// What the chart files of the dashboard share: numbers, elided labels, axis style, colours, titles.

#include "dashboard/dashboardcharts.h"

#include <QColor>
#include <QLocale>
#include <QString>

#include <cstdint>

class QAbstractAxis;

namespace uptake {

// Internal to ui/dashboard/: the view (dashboardcharts.cpp), its export and one file per chart.
namespace ChartParts {

// Numbers follow the view's number locale: the user's on screen and in PNG, one fixed
// locale in SVG (machine-readable, the same bytes everywhere).
QString num(const QLocale &locale, std::int64_t n);
QString pct(const QLocale &locale, double fraction);

// Qt Charts draws axis labels, legends and titles as HTML: registry text reaches them only
// through DisplayText::html.
QString elide(const QString &text, int chars);

inline constexpr QColor kSupply(31, 119, 180);
inline constexpr QColor kCalls(230, 120, 20);
inline constexpr QColor kRepeat(44, 160, 44);
inline constexpr QColor kOtherTasks(150, 150, 150);

// The colour of the i-th top task where the evidence charts tell tasks apart (the retention
// curves and the demand map use the same one for the same task).
QColor taskColor(int index);

void styleAxis(QAbstractAxis *axis);

QString chartTitle(DashboardChart kind);

} // namespace ChartParts

} // namespace uptake
