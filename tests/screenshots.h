#pragma once

#include <QCoreApplication>
#include <QDir>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>
#include <QWidget>

// For looking at what the GUI suites build, not for checking it: with UPTAKE_SCREENSHOT_DIR set,
// saveScreenshot() writes the widget as a PNG there; with UPTAKE_LANGUAGE set (e.g. "de") and
// UPTAKE_QM_DIR pointing at the built uptake_<lang>.qm files, the suite runs translated.
namespace Screenshots {

inline void installTranslation()
{
    const QString language = qEnvironmentVariable("UPTAKE_LANGUAGE");
    if (language.isEmpty())
        return;
    const QLocale locale(language);
    QLocale::setDefault(locale);
    auto *english = new QTranslator(QCoreApplication::instance());
    if (english->load(QStringLiteral("uptake_en"), qEnvironmentVariable("UPTAKE_QM_DIR")))
        QCoreApplication::installTranslator(english);
    auto *ours = new QTranslator(QCoreApplication::instance());
    if (ours->load(locale, QStringLiteral("uptake"), QStringLiteral("_"), qEnvironmentVariable("UPTAKE_QM_DIR")))
        QCoreApplication::installTranslator(ours);
    auto *qt = new QTranslator(QCoreApplication::instance());
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
}

inline void save(QWidget *widget, const QString &name)
{
    const QString dir = qEnvironmentVariable("UPTAKE_SCREENSHOT_DIR");
    if (dir.isEmpty())
        return;
    QDir().mkpath(dir);
    // Layouts settle in posted events: a grab right after a change shows the old geometry.
    for (int i = 0; i < 3; ++i)
        QCoreApplication::processEvents();
    const QString language = qEnvironmentVariable("UPTAKE_LANGUAGE", QStringLiteral("en"));
    widget->grab().save(QDir(dir).filePath(QStringLiteral("%1-%2.png").arg(name, language)));
}

} // namespace Screenshots
