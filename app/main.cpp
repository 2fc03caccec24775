#include "db/cache.h"
#include "cli.h"
#include "commands.h"

#include "mainwindow.h"
#include "settings.h"
#include "windowcontroller.h"

#include <QApplication>
#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

#include <cstdio>
#include <memory>

using namespace uptake;

// The interface language: the language preference when set (e.g. "de"), else the
// system's (LANGUAGE, LC_ALL, LC_MESSAGES, LANG). Numbers and dates follow it too.
void uptake::installTranslations(bool userLanguage)
{
    QCoreApplication &app = *QCoreApplication::instance();
    // Installed first, so searched last: the English plural forms, beneath any language.
    auto *english = new QTranslator(&app);
    if (english->load(QStringLiteral("uptake_en"), QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(english);
    if (!userLanguage)
        return;
    const QString preferred = Settings().language();
    const QLocale locale = preferred.isEmpty() ? QLocale::system() : QLocale(preferred);
    QLocale::setDefault(locale);
    auto *ours = new QTranslator(&app);
    if (ours->load(locale, QStringLiteral("uptake"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(ours);
    auto *qt = new QTranslator(&app);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
}

int main(int argc, char *argv[])
{
    QCoreApplication::setOrganizationName(QStringLiteral("Uptake"));
    QCoreApplication::setApplicationName(QStringLiteral("Uptake"));
    QCoreApplication::setApplicationVersion(QStringLiteral(UPTAKE_VERSION));

    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);
    const Cli::Parsed parsed = Cli::parse(arguments);

    if (!parsed.error.isEmpty())
        return usageError(parsed.error);
    if (parsed.help) {
        std::fputs(Cli::helpText().toLocal8Bit().constData(), stdout);
        return Exit::Ok;
    }
    if (parsed.version) {
        std::printf("uptake %s\n", UPTAKE_VERSION);
        return Exit::Ok;
    }
    if (parsed.command == QLatin1String("chart")) {
        // Drawing needs a QApplication even headless: offscreen, unless a platform was chosen.
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        // The command installs the translations: PNG in the user's language, SVG in none.
        QApplication app(argc, argv);
        return Cli::run(parsed);
    }
    if (!parsed.command.isEmpty()) {
        // Headless: no display needed.
        QCoreApplication app(argc, argv);
        return Cli::run(parsed);
    }

    QApplication app(argc, argv);
    installTranslations(true);
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/uptake.svg")));
    // Without --cache the window reopens the cache it had last (Edit > Preferences can make it
    // the default one). Only the default cache or one named on the command line gets the demo
    // when empty: a remembered cache of one's own stays empty until one imports into it.
    const QString path = Settings().windowCache(parsed.cacheNamed ? parsed.cachePath : QString(), Cache::defaultPath());
    const bool demoWhenEmpty = parsed.cacheNamed || path == Cache::defaultPath();
    WindowController windows;
    windows.open(path, demoWhenEmpty ? MainWindow::EmptyCache::BuildDemo : MainWindow::EmptyCache::StayEmpty);
    return app.exec();
}
