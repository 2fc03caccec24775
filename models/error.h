#pragma once

#include <QString>

#include <stdexcept>
#include <string>

namespace uptake {

// The one base of what the data layer throws: a message a person can read, in English,
// naming the file (and line) where there is one. Each edge catches it once: the command line
// prints "uptake: <message>", the window shows it (models/ never translates; the window
// may put a translated sentence around it). Cancelled is one too, so an edge catches it
// first when a cancel is not a failure.
class Error : public std::runtime_error
{
public:
    explicit Error(const QString &message)
        : std::runtime_error(message.toStdString())
    {
    }
    explicit Error(const std::string &message)
        : std::runtime_error(message)
    {
    }
    QString message() const { return QString::fromStdString(what()); }
};

} // namespace uptake
