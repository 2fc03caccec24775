#include "settings.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

// The typed settings: the defaults a fresh user gets, and every value coming back as it went in.
// Everything lives in a temporary folder, never in the real configuration.
using namespace uptake;

class TestSettings : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void defaults();
    void roundTrips();
    void recentCachesAreCappedAndUnique();
    void startupCacheFallsBackToTheDefault();
    void iniFileOfItsOwn();

private:
    QTemporaryDir m_dir;
};

void TestSettings::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QCoreApplication::setOrganizationName(QStringLiteral("Uptake"));
    QCoreApplication::setApplicationName(QStringLiteral("Uptake"));
    // The default-constructed Settings use the native format in the user scope: point it here.
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_dir.path());
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_dir.path());
}

void TestSettings::init()
{
    Settings().clear();
}

void TestSettings::defaults()
{
    const Settings s;
    QVERIFY(s.windowGeometry().isEmpty());
    QVERIFY(s.windowState().isEmpty());
    QVERIFY(s.headerState().isEmpty());
    QVERIFY(s.filterState().isEmpty());
    QVERIFY(s.restoreFilters());
    QCOMPARE(s.importFolder(), QDir::homePath());
    QCOMPARE(s.exportFolder(), QDir::homePath());
    QCOMPARE(s.cacheFolder(), QDir::homePath());
    QCOMPARE(s.language(), QString());
    QVERIFY(s.recentCaches().isEmpty());
    QCOMPARE(s.lastCache(), QString());
    QCOMPARE(s.startCache(), Settings::StartCache::Last);
    QCOMPARE(s.syncUrl(), QString());
}

void TestSettings::roundTrips()
{
    const QString cache = m_dir.filePath(QStringLiteral("mine.sqlite"));
    const QVariantMap filters{{QStringLiteral("search"), QStringLiteral("llama")},
                              {QStringLiteral("since"), QStringLiteral("2026-01-01")},
                              {QStringLiteral("minCalls"), 5}};
    {
        Settings s;
        s.setWindowGeometry("geometry");
        s.setWindowState("state");
        s.setHeaderState("header");
        s.setFilterState(filters);
        s.setRestoreFilters(false);
        s.setImportFolder(QStringLiteral("/data/in"));
        s.setExportFolder(QStringLiteral("/data/out"));
        s.setLanguage(QStringLiteral("zh_CN"));
        s.setLastCache(cache);
        s.setStartCache(Settings::StartCache::Default);
        s.setSyncUrl(QStringLiteral("https://huggingface.co/api/models?author=acme"));
    }
    // A fresh object reads what the file holds, not what an earlier object remembered.
    const Settings s;
    QCOMPARE(s.windowGeometry(), QByteArray("geometry"));
    QCOMPARE(s.windowState(), QByteArray("state"));
    QCOMPARE(s.headerState(), QByteArray("header"));
    QCOMPARE(s.filterState(), filters);
    QVERIFY(!s.restoreFilters());
    QCOMPARE(s.importFolder(), QStringLiteral("/data/in"));
    QCOMPARE(s.exportFolder(), QStringLiteral("/data/out"));
    QCOMPARE(s.language(), QStringLiteral("zh_CN"));
    QCOMPARE(s.lastCache(), cache);
    QCOMPARE(s.cacheFolder(), m_dir.path());
    QCOMPARE(s.startCache(), Settings::StartCache::Default);
    QCOMPARE(s.syncUrl(), QStringLiteral("https://huggingface.co/api/models?author=acme"));

    // The language goes back to the system's; the keys of older Uptakes are the ones used.
    Settings().setLanguage(QString());
    QCOMPARE(Settings().language(), QString());
    QSettings raw;
    QCOMPARE(raw.value(QStringLiteral("window/geometry")).toByteArray(), QByteArray("geometry"));
    QCOMPARE(raw.value(QStringLiteral("paths/import")).toString(), QStringLiteral("/data/in"));
}

void TestSettings::recentCachesAreCappedAndUnique()
{
    Settings s;
    for (int i = 0; i < Settings::MaxRecentCaches + 3; ++i)
        s.addRecentCache(m_dir.filePath(QStringLiteral("c%1.sqlite").arg(i)));
    QStringList recent = s.recentCaches();
    QCOMPARE(recent.size(), Settings::MaxRecentCaches);
    QCOMPARE(recent.first(), m_dir.filePath(QStringLiteral("c%1.sqlite").arg(Settings::MaxRecentCaches + 2)));
    // Opening one again moves it to the top instead of listing it twice; relative paths are made absolute.
    const QString again = m_dir.filePath(QStringLiteral("c5.sqlite"));
    s.addRecentCache(QDir(QDir::currentPath()).relativeFilePath(again));
    recent = Settings().recentCaches();
    QCOMPARE(recent.first(), again);
    QCOMPARE(recent.count(again), 1);
    QCOMPARE(recent.size(), Settings::MaxRecentCaches);
    s.removeRecentCache(again);
    QVERIFY(!Settings().recentCaches().contains(again));
    s.clearRecentCaches();
    QVERIFY(Settings().recentCaches().isEmpty());
}

void TestSettings::startupCacheFallsBackToTheDefault()
{
    const QString defaultCache = m_dir.filePath(QStringLiteral("default.sqlite"));
    const QString mine = m_dir.filePath(QStringLiteral("mine.sqlite"));
    Settings s;
    QCOMPARE(s.startupCache(defaultCache), defaultCache); // nothing opened yet
    s.setLastCache(mine);
    QCOMPARE(s.startupCache(defaultCache), defaultCache); // remembered, but gone: not recreated empty
    {
        QFile f(mine);
        QVERIFY(f.open(QIODevice::WriteOnly));
    }
    QCOMPARE(s.startupCache(defaultCache), mine);
    // --cache FILE always opens FILE, also when FILE is the default cache's own path.
    QCOMPARE(s.windowCache(QString(), defaultCache), mine);
    QCOMPARE(s.windowCache(defaultCache, defaultCache), defaultCache);
    const QString other = m_dir.filePath(QStringLiteral("other.sqlite"));
    QCOMPARE(s.windowCache(other, defaultCache), other);
    s.setStartCache(Settings::StartCache::Default);
    QCOMPARE(s.startupCache(defaultCache), defaultCache);
    QCOMPARE(s.windowCache(QString(), defaultCache), defaultCache);
}

void TestSettings::iniFileOfItsOwn()
{
    const QString file = m_dir.filePath(QStringLiteral("portable.ini"));
    {
        Settings s(file);
        s.setSyncUrl(QStringLiteral("https://hub.opengradient.ai/api/v0/models/"));
        s.sync();
    }
    QVERIFY(QFile::exists(file));
    QCOMPARE(Settings(file).syncUrl(), QStringLiteral("https://hub.opengradient.ai/api/v0/models/"));
    QCOMPARE(Settings().syncUrl(), QString()); // the application's settings are another file
}

QTEST_GUILESS_MAIN(TestSettings)
#include "tst_settings.moc"
