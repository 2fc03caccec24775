#pragma once

#include "view/viewspec.h"

#include <QString>
#include <QStringList>

namespace uptake {

// The command line's filter, window and sort options (contract section 5), shared by
// `export` and `stats`, so that both read the same view as the window builds.
namespace ViewArgs {

enum class Result { NotMine, Taken, Error };

// Looks at args[i]; when it is a view option, reads its value (advancing i) into spec.
// Accepts "--opt value" and "--opt=value".
Result take(const QStringList &args, int &i, ViewSpec &spec, QString &error, bool allowSort);

// Whole-argument helpers, also used by the window's filter panel.
std::optional<std::int64_t> parseDayArg(const QString &text);
bool parseSort(const QString &text, ViewSpec &spec, QString &error);
// A parameter count: digits with an optional fraction and a K, M, B or T suffix ("7B",
// "1.5B", "350M", "7000000000"); nullopt for anything else.
std::optional<std::int64_t> parseParameterCount(const QString &text);

QString helpText(bool withSort);

} // namespace ViewArgs

} // namespace uptake
