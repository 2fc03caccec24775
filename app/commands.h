#pragma once

#include "db/database.h"

#include <QString>
#include <QStringList>

namespace uptake {

// Exit statuses of contract section 5.
namespace Exit {
inline constexpr int Ok = 0;
inline constexpr int Failed = 1;
inline constexpr int Usage = 2;
inline constexpr int PartlyRejected = 3;
} // namespace Exit

struct CliContext
{
    QString cachePath;

    // Cache::open for a command: a wait for another writer's lock is told on stderr.
    Database openCache(Database::Mode mode = Database::Mode::ReadWrite) const;
};

// Each headless command: args are what follows the command name.
int runDemoCommand(const CliContext &ctx, const QStringList &args);
int runStatsCommand(const CliContext &ctx, const QStringList &args);
int runExportCommand(const CliContext &ctx, const QStringList &args);
int runImportCommand(const CliContext &ctx, const QStringList &args);
int runSyncCommand(const CliContext &ctx, const QStringList &args);
// Demand evidence (contract 3b): the retention curve and cohorts, the weekly lifecycle.
int runRetentionCommand(const CliContext &ctx, const QStringList &args);
int runLifecycleCommand(const CliContext &ctx, const QStringList &args);
// Needs a QApplication (main.cpp makes an offscreen one for it).
int runChartCommand(const CliContext &ctx, const QStringList &args);

// Loads the interface language (preference, else the system's) and makes it the default
// locale; with false only the English plural forms, for output that must not vary.
void installTranslations(bool userLanguage);

// One line on stderr, "uptake: message", and the usage exit status.
int usageError(const QString &message);
// "uptake: message" on stderr.
void printError(const QString &message);

} // namespace uptake
