#pragma once

#include <QString>

class QChart;
class QLabel;
class QWidget;

namespace uptake {

// What the detail pane's two files (detailpane.cpp, detailevidence.cpp) share.
namespace DetailParts {

// A label for registry text, which is hostile: never interpreted as rich text.
QLabel *plainLabel(const QString &text, QWidget *parent);
// Removes a chart's series and axes before it is filled again.
void resetChart(QChart *chart);
// A share as a percentage in the user's locale; a share that is not 0 never reads as 0.
QString percentOf(double fraction);
// A day (a week by its Monday), in the user's way of writing dates.
QString dayText(qint64 day);

} // namespace DetailParts

} // namespace uptake
