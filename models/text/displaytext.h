#pragma once

#include <QString>

namespace uptake {

// Registry text is hostile: a model id, author, task or description may carry control
// characters, bidirectional overrides that reorder what follows, markup, or 100 KB of
// anything. Every place that shows such text goes through one of these, so that it stays
// inert: shown as the characters it is, on one line where one line is meant, within a
// length, and never able to turn the text around it right to left.
namespace DisplayText {

// One line of plain text: line breaks and tabs become spaces, other control characters and
// the bidirectional embedding/override/isolate marks become U+FFFD (visible, so that
// nothing is hidden), and the result is cut at maxChars with an ellipsis. Right-to-left
// text is kept, wrapped in a first-strong isolate so that it cannot reorder its neighbours.
QString line(const QString &text, int maxChars = 300);

// The same, escaped for the places Qt renders as rich text (chart labels and titles,
// tooltips): markup shows as its characters.
QString html(const QString &text, int maxChars = 300);

// A tooltip that Qt cannot mistake for rich text, with room for longer text (wrapped).
QString tooltip(const QString &text, int maxChars = 1000);

} // namespace DisplayText

} // namespace uptake
