#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <QVariantMap>

#include <memory>

class QSettings;

namespace uptake {

// Everything Uptake remembers between runs, behind typed accessors; the keys and their
// defaults live in settings.cpp and nowhere else. Each instance reads and writes the
// application's QSettings (organisation and application "Uptake"), or the file given.
// Cheap to make: construct one where it is needed rather than keeping one around.
class Settings final
{
    Q_DISABLE_COPY_MOVE(Settings)

public:
    static constexpr int MaxRecentCaches = 8;

    // Which cache a start without --cache opens.
    enum class StartCache { Last, Default };

    Settings();
    // An INI file of its own (tests, or a portable setup).
    explicit Settings(const QString &iniFile);
    ~Settings();

    // QMainWindow::saveGeometry / saveState and the table header's saveState; empty at first.
    QByteArray windowGeometry() const;
    void setWindowGeometry(const QByteArray &geometry);
    QByteArray windowState() const;
    void setWindowState(const QByteArray &state);
    QByteArray headerState() const;
    void setHeaderState(const QByteArray &state);

    // The filter panel's filters and usage window (FilterPanel::state()); empty at first.
    QVariantMap filterState() const;
    void setFilterState(const QVariantMap &state);
    bool restoreFilters() const; // default true
    void setRestoreFilters(bool on);

    // The folders the import and export dialogs start in; the home folder at first.
    QString importFolder() const;
    void setImportFolder(const QString &folder);
    QString exportFolder() const;
    void setExportFolder(const QString &folder);
    // Where New Cache and Open Cache start: the folder of the last cache opened, else home.
    QString cacheFolder() const;

    // The interface language as a locale name ("de", "zh_CN", "en"), empty for the system's.
    // Read once at start-up.
    QString language() const;
    void setLanguage(const QString &language);

    // Caches opened in the window, most recent first, at most MaxRecentCaches, absolute paths.
    QStringList recentCaches() const;
    void addRecentCache(const QString &path);
    void removeRecentCache(const QString &path);
    void clearRecentCaches();
    // The cache the window had open last (empty before the first one opened).
    QString lastCache() const;
    void setLastCache(const QString &path);
    StartCache startCache() const; // default Last
    void setStartCache(StartCache which);
    // The cache a start without --cache opens: the last one if so chosen and still there.
    QString startupCache(const QString &defaultCache) const;
    // The cache the window opens: the one --cache named (even the default cache's path:
    // "--cache FILE always opens FILE"), else startupCache().
    QString windowCache(const QString &named, const QString &defaultCache) const;

    // The registry URL the sync dialog used last; empty at first.
    QString syncUrl() const;
    void setSyncUrl(const QString &url);

    // Writes pending changes now (they are written on destruction anyway).
    void sync();
    // Forgets everything (tests; a "reset" later).
    void clear();

private:
    std::unique_ptr<QSettings> m_s;
};

} // namespace uptake
