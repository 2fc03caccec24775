#include "dialogs/preferencesdialog.h"
#include "screenshots.h"
#include "settings.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

// Edit > Preferences offscreen: it shows what the settings hold, OK writes what it shows and
// Cancel writes nothing.
using namespace uptake;

class TestPreferences : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void showsTheDefaults();
    void okWritesTheChoices();
    void cancelWritesNothing();
    void showsTheSavedChoices();
    void nothingIsClipped();

private:
    static void press(PreferencesDialog &d, QDialogButtonBox::StandardButton which);
    QTemporaryDir m_dir;
};

void TestPreferences::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QCoreApplication::setOrganizationName(QStringLiteral("Uptake"));
    QCoreApplication::setApplicationName(QStringLiteral("Uptake"));
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_dir.path());
    Screenshots::installTranslation();
}

void TestPreferences::init()
{
    Settings().clear();
}

void TestPreferences::press(PreferencesDialog &d, QDialogButtonBox::StandardButton which)
{
    auto *box = d.findChild<QDialogButtonBox *>();
    QVERIFY(box);
    QTest::mouseClick(box->button(which), Qt::LeftButton);
}

void TestPreferences::showsTheDefaults()
{
    PreferencesDialog d(QStringLiteral("/home/me/.local/share/uptake/cache.sqlite"));
    QCOMPARE(d.languageBox()->currentData().toString(), QString());
    QCOMPARE(d.languageBox()->count(), 4);
    QVERIFY(d.startLastButton()->isChecked());
    QVERIFY(!d.startDefaultButton()->isChecked());
    QVERIFY(d.restoreFiltersBox()->isChecked());
    // The language takes effect at the next start, and the dialog says so.
    bool said = false;
    for (QLabel *l : d.findChildren<QLabel *>())
        said = said || l->text().contains(PreferencesDialog::tr("Takes effect the next time Uptake starts."));
    QVERIFY(said);
}

void TestPreferences::okWritesTheChoices()
{
    PreferencesDialog d(QStringLiteral("/tmp/default.sqlite"));
    d.show();
    QVERIFY(QTest::qWaitForWindowExposed(&d));
    d.languageBox()->setCurrentIndex(d.languageBox()->findData(QStringLiteral("de")));
    QTest::mouseClick(d.startDefaultButton(), Qt::LeftButton, {}, QPoint(8, d.startDefaultButton()->height() / 2));
    QTest::mouseClick(d.restoreFiltersBox(), Qt::LeftButton, {}, QPoint(8, d.restoreFiltersBox()->height() / 2));
    press(d, QDialogButtonBox::Ok);
    QCOMPARE(d.result(), int(QDialog::Accepted));
    const Settings s;
    QCOMPARE(s.language(), QStringLiteral("de"));
    QCOMPARE(s.startCache(), Settings::StartCache::Default);
    QVERIFY(!s.restoreFilters());
}

void TestPreferences::cancelWritesNothing()
{
    PreferencesDialog d(QStringLiteral("/tmp/default.sqlite"));
    d.show();
    QVERIFY(QTest::qWaitForWindowExposed(&d));
    d.languageBox()->setCurrentIndex(d.languageBox()->findData(QStringLiteral("zh_CN")));
    QTest::mouseClick(d.startDefaultButton(), Qt::LeftButton, {}, QPoint(8, d.startDefaultButton()->height() / 2));
    press(d, QDialogButtonBox::Cancel);
    QCOMPARE(d.result(), int(QDialog::Rejected));
    const Settings s;
    QCOMPARE(s.language(), QString());
    QCOMPARE(s.startCache(), Settings::StartCache::Last);
}

void TestPreferences::showsTheSavedChoices()
{
    {
        Settings s;
        s.setLanguage(QStringLiteral("zh_CN"));
        s.setStartCache(Settings::StartCache::Default);
        s.setRestoreFilters(false);
    }
    PreferencesDialog d(QStringLiteral("/tmp/default.sqlite"));
    QCOMPARE(d.languageBox()->currentData().toString(), QStringLiteral("zh_CN"));
    QVERIFY(d.startDefaultButton()->isChecked());
    QVERIFY(!d.restoreFiltersBox()->isChecked());
    // Back to the system's language: the key goes, so a later default applies.
    d.languageBox()->setCurrentIndex(0);
    d.accept();
    QCOMPARE(Settings().language(), QString());
}

void TestPreferences::nothingIsClipped()
{
    PreferencesDialog d(QStringLiteral("/home/someone/.local/share/uptake/cache.sqlite"));
    d.show();
    QVERIFY(QTest::qWaitForWindowExposed(&d));
    // Every label and button gets at least the width its text asks for.
    for (QWidget *w : d.findChildren<QWidget *>()) {
        if (!w->isVisible())
            continue;
        if (auto *b = qobject_cast<QAbstractButton *>(w))
            QVERIFY2(b->width() >= b->sizeHint().width(), qPrintable(b->text()));
        if (auto *l = qobject_cast<QLabel *>(w); l && !l->wordWrap())
            QVERIFY2(l->width() >= l->sizeHint().width(), qPrintable(l->text()));
    }
    Screenshots::save(&d, QStringLiteral("preferences"));
}

QTEST_MAIN(TestPreferences)
#include "tst_preferences.moc"
