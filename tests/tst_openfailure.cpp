#include "browser/cataloguemodel.h"
#include "ingest/demo.h"
#include "mainwindow.h"
#include "screenshots.h"
#include "settings.h"
#include "testutil.h"
#include "windowcontroller.h"

#include <QApplication>
#include <QFileDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QRandomGenerator>
#include <QSettings>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <functional>

using namespace uptake;

Q_DECLARE_METATYPE(MainWindow::EmptyCache)

// A cache that cannot be opened: the window says why and offers the ways on (another cache,
// a fresh one in a new file, or quit) without touching the file. Real broken files, offscreen.
class TestOpenFailure : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void offersTheWaysOn_data();
    void offersTheWaysOn();
    void freshCacheNeverReplacesTheBadFile();
    void openAnotherAsksForAFile();
    void quitCloses();
    void controllerSwapsTheWindow();

private:
    QString makeBroken(const QString &kind);
    static QByteArray contents(const QString &path);
    // Answers the next file dialog with path (from inside its modal loop).
    static void answerFileDialog(const QString &path);

    QTemporaryDir m_dir;
    QString m_good;
};

void TestOpenFailure::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_dir.filePath(QStringLiteral("config")));
    qRegisterMetaType<MainWindow::EmptyCache>();
    Screenshots::installTranslation();
    m_good = m_dir.filePath(QStringLiteral("good.sqlite"));
    Database db = Cache::open(m_good);
    TestUtil::writeModel(db, "acme/one", "text-generation", "acme");
    TestUtil::writeModel(db, "acme/two", "text-generation", "acme");
}

void TestOpenFailure::init()
{
    Settings().clear();
}

QByteArray TestOpenFailure::contents(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QString TestOpenFailure::makeBroken(const QString &kind)
{
    const QString path = m_dir.filePath(kind + QStringLiteral(".sqlite"));
    QFile::remove(path);
    if (kind == QLatin1String("random")) {
        QByteArray bytes(64 * 1024, Qt::Uninitialized);
        QRandomGenerator gen(7);
        gen.fillRange(reinterpret_cast<quint32 *>(bytes.data()), bytes.size() / 4);
        QFile f(path);
        f.open(QIODevice::WriteOnly);
        f.write(bytes);
    } else if (kind == QLatin1String("foreign")) {
        Database other(path);
        other.exec("CREATE TABLE songs(title TEXT); INSERT INTO songs VALUES ('a'), ('b');");
    } else if (kind == QLatin1String("newer")) {
        { Database db = Cache::open(path); }
        Database raw(path);
        raw.exec("PRAGMA user_version = 99");
    } else if (kind == QLatin1String("truncated")) {
        // A real cache with models, cut after its first pages: the header still says Uptake.
        {
            Database db = Cache::open(path);
            DemoOptions opt;
            opt.models = 2000;
            opt.events = 5000;
            Demo::generate(db, opt);
            db.exec("PRAGMA main.wal_checkpoint(TRUNCATE)");
        }
        QFile f(path);
        f.open(QIODevice::ReadWrite);
        f.resize(3 * 4096);
    } else if (kind == QLatin1String("headerOnly")) {
        // A cache file whose body was overwritten: the page size and schema pointers are garbage.
        { Database db = Cache::open(path); TestUtil::writeModel(db, "x/y", "t", "x"); db.exec("PRAGMA main.wal_checkpoint(TRUNCATE)"); }
        QFile f(path);
        f.open(QIODevice::ReadWrite);
        f.seek(16);
        f.write(QByteArray(4096, '\xff'));
    }
    return path;
}

void TestOpenFailure::answerFileDialog(const QString &path)
{
    // The static QFileDialog functions run their own modal loop: answer from a timer inside it.
    // (A timer object, not a lambda that re-arms itself through a shared_ptr to itself: that
    // cycle never freed, and LeakSanitizer said so.)
    auto *timer = new QTimer(qApp);
    timer->setInterval(20);
    QObject::connect(timer, &QTimer::timeout, timer, [timer, path] {
        auto *d = qobject_cast<QFileDialog *>(QApplication::activeModalWidget());
        if (!d)
            return;
        timer->stop();
        timer->deleteLater();
        // Typed, as a user would: selectFile() is undone when the start folder finishes loading.
        d->setDirectory(QFileInfo(path).absolutePath());
        auto *name = d->findChild<QLineEdit *>(QStringLiteral("fileNameEdit"));
        QVERIFY(name);
        name->setText(QFileInfo(path).fileName());
        static_cast<QDialog *>(d)->accept(); // QFileDialog::accept, which checks the name
    });
    timer->start();
}

void TestOpenFailure::offersTheWaysOn_data()
{
    QTest::addColumn<QString>("kind");
    QTest::newRow("random bytes") << QStringLiteral("random");
    QTest::newRow("another program's SQLite") << QStringLiteral("foreign");
    QTest::newRow("newer schema") << QStringLiteral("newer");
    QTest::newRow("truncated cache") << QStringLiteral("truncated");
    QTest::newRow("overwritten header") << QStringLiteral("headerOnly");
}

void TestOpenFailure::offersTheWaysOn()
{
    QFETCH(QString, kind);
    const QString path = makeBroken(kind);
    const QByteArray before = contents(path);
    {
        MainWindow w(path);
        QSignalSpy failed(&w, &MainWindow::failedToOpen);
        QSignalSpy ready(&w, &MainWindow::ready);
        w.resize(1000, 680);
        w.show();
        QVERIFY(failed.wait(15000));
        QCOMPARE(ready.count(), 0);
        QVERIFY(!w.isCacheOpen());
        QVERIFY(!w.isBuildingDemo());
        QWidget *offer = w.openFailureOffer();
        QTRY_VERIFY(offer->isVisible());
        QVERIFY(!w.tabs()->isVisible());
        const QString message = offer->findChild<QLabel *>(QStringLiteral("openFailureMessage"))->text();
        QVERIFY2(message.contains(path), qPrintable(message));
        QCOMPARE(message, failed.first().at(0).toString());
        for (const char *name : {"openAnother", "startFresh", "quit"}) {
            auto *b = offer->findChild<QPushButton *>(QLatin1String(name));
            QVERIFY2(b && b->isVisible() && b->isEnabled(), name);
            QVERIFY2(b->width() >= b->sizeHint().width(), name); // the label is not clipped
        }
        // No modal box stands in the way; the title says which file failed.
        QVERIFY(!QApplication::activeModalWidget());
        QVERIFY(w.windowTitle().contains(QFileInfo(path).fileName()));
        QCOMPARE(w.catalogueModel()->rowCount(), 0);
        if (kind == QLatin1String("truncated"))
            Screenshots::save(&w, QStringLiteral("openfailure"));
    }
    // Nothing was written to the file, not even a WAL beside it.
    QCOMPARE(contents(path), before);
    QVERIFY(!QFile::exists(path + QStringLiteral("-wal")) || contents(path + QStringLiteral("-wal")).isEmpty());
}

void TestOpenFailure::freshCacheNeverReplacesTheBadFile()
{
    const QString bad = makeBroken(QStringLiteral("foreign"));
    const QByteArray before = contents(bad);
    MainWindow w(bad);
    QSignalSpy failed(&w, &MainWindow::failedToOpen);
    QSignalSpy requested(&w, &MainWindow::openCacheRequested);
    w.show();
    QVERIFY(failed.wait(15000));
    auto *fresh = w.openFailureOffer()->findChild<QPushButton *>(QStringLiteral("startFresh"));

    // Choosing the bad file itself (or any existing file) as the fresh cache is refused.
    answerFileDialog(bad);
    QTest::mouseClick(fresh, Qt::LeftButton);
    QTRY_VERIFY(w.findChild<QMessageBox *>(QStringLiteral("newCacheExists")));
    QCOMPARE(requested.count(), 0);
    w.findChild<QMessageBox *>(QStringLiteral("newCacheExists"))->close();
    QCOMPARE(contents(bad), before);

    // A new name is asked for: the window hands it on, to be opened empty (no demo).
    const QString newPath = m_dir.filePath(QStringLiteral("fresh.sqlite"));
    answerFileDialog(newPath);
    QTest::mouseClick(fresh, Qt::LeftButton);
    QTRY_COMPARE(requested.count(), 1);
    QCOMPARE(requested.first().at(0).toString(), newPath);
    QCOMPARE(requested.first().at(1).value<MainWindow::EmptyCache>(), MainWindow::EmptyCache::StayEmpty);
    QCOMPARE(contents(bad), before);
}

void TestOpenFailure::openAnotherAsksForAFile()
{
    MainWindow w(makeBroken(QStringLiteral("random")));
    QSignalSpy failed(&w, &MainWindow::failedToOpen);
    QSignalSpy requested(&w, &MainWindow::openCacheRequested);
    w.show();
    QVERIFY(failed.wait(15000));
    answerFileDialog(m_good);
    QTest::mouseClick(w.openFailureOffer()->findChild<QPushButton *>(QStringLiteral("openAnother")), Qt::LeftButton);
    QTRY_COMPARE(requested.count(), 1);
    QCOMPARE(requested.first().at(0).toString(), m_good);
}

void TestOpenFailure::quitCloses()
{
    MainWindow w(makeBroken(QStringLiteral("newer")));
    QSignalSpy failed(&w, &MainWindow::failedToOpen);
    w.show();
    QVERIFY(failed.wait(15000));
    QTest::mouseClick(w.openFailureOffer()->findChild<QPushButton *>(QStringLiteral("quit")), Qt::LeftButton);
    QTRY_VERIFY(!w.isVisible());
}

void TestOpenFailure::controllerSwapsTheWindow()
{
    const QString bad = makeBroken(QStringLiteral("truncated"));
    const QByteArray before = contents(bad);
    DemoOptions noDemo;
    noDemo.models = 50;
    noDemo.events = 100;
    WindowController controller(noDemo);
    QSignalSpy changed(&controller, &WindowController::windowChanged);
    controller.open(bad, MainWindow::EmptyCache::StayEmpty);
    QSignalSpy failed(controller.window(), &MainWindow::failedToOpen);
    QVERIFY(failed.wait(15000));
    QVERIFY(!Settings().recentCaches().contains(bad)); // a file that failed is not offered again

    // Start a fresh cache: a new, empty window on a new file; no demo in it.
    const QString fresh = m_dir.filePath(QStringLiteral("controller-fresh.sqlite"));
    QFile::remove(fresh);
    controller.window()->requestNewCache(fresh);
    QTRY_COMPARE(changed.count(), 2);
    MainWindow *w = controller.window();
    QSignalSpy ready(w, &MainWindow::ready);
    QVERIFY(ready.wait(15000));
    QVERIFY(!w->isBuildingDemo());
    QVERIFY(w->isCacheOpen());
    QCOMPARE(w->catalogueModel()->rowCount(), 0);
    QVERIFY(w->demoBanner()->isVisible()); // saying how to fill it
    QVERIFY(w->windowTitle().contains(QStringLiteral("controller-fresh.sqlite")));
    QCOMPARE(w->cacheLabel()->toolTip(), QDir::toNativeSeparators(fresh));
    {
        Database db = Cache::open(fresh, Database::Mode::ReadOnly);
        QCOMPARE(Cache::modelCount(db), 0);
        QVERIFY(!Demo::isDemoCache(db));
    }
    QCOMPARE(Settings().recentCaches().value(0), fresh);
    QCOMPARE(Settings().lastCache(), fresh);
    w->resize(1000, 600);
    Screenshots::save(w, QStringLiteral("freshcache"));

    // Open another (existing) cache: its rows show; both are in the recent list, newest first.
    w->requestOpenCache(m_good);
    QTRY_COMPARE(changed.count(), 3);
    w = controller.window();
    QCOMPARE(w->cachePath(), m_good);
    QTRY_VERIFY_WITH_TIMEOUT(w->catalogueModel()->isComplete() && w->catalogueModel()->rowCount() == 2, 15000);
    QTRY_COMPARE(Settings().recentCaches(), (QStringList{m_good, fresh}));
    QVERIFY(w->isVisible());
    QCOMPARE(contents(bad), before);
}

QTEST_MAIN(TestOpenFailure)
#include "tst_openfailure.moc"
