#pragma once

#include <QStringList>

namespace uptake {

namespace Cli {

struct Parsed
{
    QString cachePath; // the default cache's path unless --cache named one
    bool cacheNamed = false; // --cache was given, even if it names the default cache
    QString command; // empty = open the window
    QStringList commandArgs;
    bool help = false;
    bool version = false;
    QString error; // set on a bad command line
};

// Global options come before the command: [--cache FILE] [--help] [--version] COMMAND ARGS...
Parsed parse(const QStringList &arguments);
bool isKnownCommand(const QString &command);
QString helpText();
// Runs a headless command; returns the exit status.
int run(const Parsed &parsed);

} // namespace Cli

} // namespace uptake
