
class QValueAxis;

namespace uptake {

#pragma once

// Value axes for counts: whole-number ticks at a "nice" step (1, 2 or 5 times a power of
// ten), so that no label is a rounded 1.25 and the top tick is at least the largest value.
namespace ChartAxes {

struct IntegerTicks
{
    double max = 1; // the top of the axis: intervals * step
    double step = 1;
    int intervals = 1; // ticks - 1
};

// For values from 0 to top, at most maxIntervals intervals.
IntegerTicks integerTicks(double top, int maxIntervals);

// Sets the axis to 0..max with those ticks, labelled as whole numbers (in the chart's locale
// when it localizes numbers).
void setIntegerRange(QValueAxis *axis, double top, int maxIntervals);

} // namespace ChartAxes

} // namespace uptake
