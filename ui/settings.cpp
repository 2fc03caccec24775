#include "settings.h"

#include <QDir>
#include <QFileInfo>
#include <QSettings>

namespace uptake {

namespace {

// The keys, in one place. The first five predate this class: keep them, so that a window
// geometry or folder saved by an older Uptake still applies.
namespace Key {
const QString Geometry = QStringLiteral("window/geometry");
const QString State = QStringLiteral("window/state");
const QString Header = QStringLiteral("table/header");
const QString ImportDir = QStringLiteral("paths/import");
const QString ExportDir = QStringLiteral("paths/export");
const QString Language = QStringLiteral("language");
const QString Filters = QStringLiteral("filters/state");
const QString RestoreFilters = QStringLiteral("filters/restore");
const QString RecentCaches = QStringLiteral("caches/recent");
const QString LastCache = QStringLiteral("caches/last");
const QString StartCache = QStringLiteral("caches/start");
const QString SyncUrl = QStringLiteral("sync/url");
} // namespace Key

// The defaults, in one place.
namespace Default {
constexpr bool RestoreFilters = true;
constexpr Settings::StartCache StartCache = Settings::StartCache::Last;
QString folder()
{
    return QDir::homePath();
}
} // namespace Default

QString startCacheName(Settings::StartCache which)
{
    return which == Settings::StartCache::Default ? QStringLiteral("default") : QStringLiteral("last");
}

QString absolute(const QString &path)
{
    return QFileInfo(path).absoluteFilePath();
}

} // namespace

Settings::Settings()
    : m_s(std::make_unique<QSettings>())
{
}

Settings::Settings(const QString &iniFile)
    : m_s(std::make_unique<QSettings>(iniFile, QSettings::IniFormat))
{
}

Settings::~Settings() = default;

QByteArray Settings::windowGeometry() const
{
    return m_s->value(Key::Geometry).toByteArray();
}

void Settings::setWindowGeometry(const QByteArray &geometry)
{
    m_s->setValue(Key::Geometry, geometry);
}

QByteArray Settings::windowState() const
{
    return m_s->value(Key::State).toByteArray();
}

void Settings::setWindowState(const QByteArray &state)
{
    m_s->setValue(Key::State, state);
}

QByteArray Settings::headerState() const
{
    return m_s->value(Key::Header).toByteArray();
}

void Settings::setHeaderState(const QByteArray &state)
{
    m_s->setValue(Key::Header, state);
}

QVariantMap Settings::filterState() const
{
    return m_s->value(Key::Filters).toMap();
}

void Settings::setFilterState(const QVariantMap &state)
{
    m_s->setValue(Key::Filters, state);
}

bool Settings::restoreFilters() const
{
    return m_s->value(Key::RestoreFilters, Default::RestoreFilters).toBool();
}

void Settings::setRestoreFilters(bool on)
{
    m_s->setValue(Key::RestoreFilters, on);
}

QString Settings::importFolder() const
{
    return m_s->value(Key::ImportDir, Default::folder()).toString();
}

void Settings::setImportFolder(const QString &folder)
{
    m_s->setValue(Key::ImportDir, folder);
}

QString Settings::exportFolder() const
{
    return m_s->value(Key::ExportDir, Default::folder()).toString();
}

void Settings::setExportFolder(const QString &folder)
{
    m_s->setValue(Key::ExportDir, folder);
}

QString Settings::cacheFolder() const
{
    const QString last = lastCache();
    return last.isEmpty() ? Default::folder() : QFileInfo(last).absolutePath();
}

QString Settings::language() const
{
    return m_s->value(Key::Language).toString();
}

void Settings::setLanguage(const QString &language)
{
    if (language.isEmpty())
        m_s->remove(Key::Language);
    else
        m_s->setValue(Key::Language, language);
}

QStringList Settings::recentCaches() const
{
    QStringList list = m_s->value(Key::RecentCaches).toStringList();
    list.removeAll(QString());
    list.removeDuplicates();
    return list.mid(0, MaxRecentCaches);
}

void Settings::addRecentCache(const QString &path)
{
    QStringList list = recentCaches();
    const QString p = absolute(path);
    list.removeAll(p);
    list.prepend(p);
    m_s->setValue(Key::RecentCaches, list.mid(0, MaxRecentCaches));
}

void Settings::removeRecentCache(const QString &path)
{
    QStringList list = recentCaches();
    list.removeAll(absolute(path));
    m_s->setValue(Key::RecentCaches, list);
}

void Settings::clearRecentCaches()
{
    m_s->remove(Key::RecentCaches);
}

QString Settings::lastCache() const
{
    return m_s->value(Key::LastCache).toString();
}

void Settings::setLastCache(const QString &path)
{
    m_s->setValue(Key::LastCache, absolute(path));
}

Settings::StartCache Settings::startCache() const
{
    const QString name = m_s->value(Key::StartCache, startCacheName(Default::StartCache)).toString();
    return name == startCacheName(StartCache::Default) ? StartCache::Default : StartCache::Last;
}

void Settings::setStartCache(StartCache which)
{
    m_s->setValue(Key::StartCache, startCacheName(which));
}

QString Settings::startupCache(const QString &defaultCache) const
{
    const QString last = lastCache();
    // A cache that was moved or deleted since is not recreated empty behind the user's back.
    if (startCache() == StartCache::Last && !last.isEmpty() && QFileInfo::exists(last))
        return last;
    return defaultCache;
}

QString Settings::windowCache(const QString &named, const QString &defaultCache) const
{
    return named.isEmpty() ? startupCache(defaultCache) : named;
}

QString Settings::syncUrl() const
{
    return m_s->value(Key::SyncUrl).toString();
}

void Settings::setSyncUrl(const QString &url)
{
    m_s->setValue(Key::SyncUrl, url);
}

void Settings::sync()
{
    m_s->sync();
}

void Settings::clear()
{
    m_s->clear();
}

} // namespace uptake
