#include "dashboard/chartaxes.h"

#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace uptake {

namespace ChartAxes {

IntegerTicks integerTicks(double top, int maxIntervals)
{
    maxIntervals = std::max(maxIntervals, 1);
    IntegerTicks t;
    if (!(top > 0) || !std::isfinite(top))
        return t; // 0..1, one interval
    for (double magnitude = 1;; magnitude *= 10) {
        for (const double base : {1.0, 2.0, 5.0}) {
            const double step = base * magnitude;
            const double intervals = std::max(1.0, std::ceil(top / step));
            if (intervals <= maxIntervals) {
                t.step = step;
                t.intervals = int(intervals);
                t.max = intervals * step;
                return t;
            }
        }
    }
}

void setIntegerRange(QValueAxis *axis, double top, int maxIntervals)
{
    const IntegerTicks t = integerTicks(top, maxIntervals);
    axis->setRange(0, t.max);
    axis->setTickType(QValueAxis::TicksFixed);
    axis->setTickCount(t.intervals + 1);
    axis->setMinorTickCount(0);
    axis->setLabelFormat(QStringLiteral("%.0f"));
}

} // namespace ChartAxes

} // namespace uptake
