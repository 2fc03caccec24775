#pragma once

#include "browser/cataloguemodel.h"
#include "ingest/demo.h"
#include "mainwindow.h"
#include "screenshots.h"
#include "settings.h"
#include "testutil.h"
#include "view/viewspec.h"

#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace uptake;

// What the tst_mainwindow_* suites share: the window offscreen on small caches, where what it
// shows must be what SQL says. A suite derives from it; Qt Test runs these slots of the base
// as its own initTestCase() and init().
class MainWindowFixture : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        // The window saves its settings on close: into this run's folder, never the real ones.
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_dir.filePath(QStringLiteral("config")));
        Screenshots::installTranslation();
        m_demo = m_dir.filePath(QStringLiteral("demo.sqlite"));
        Database db = Cache::open(m_demo);
        DemoOptions opt;
        opt.models = 3000;
        opt.events = 40000;
        opt.seed = 3;
        opt.endDay = 20500;
        Demo::generate(db, opt);
    }

    void init()
    {
        Settings().clear();
    }

protected:
    QTemporaryDir m_dir;
    QString m_demo;

    static bool waitLoaded(MainWindow &w)
    {
        return QTest::qWaitFor([&] { return w.catalogueModel()->isComplete() && !w.isBuildingDemo(); }, 60000);
    }

    static qint64 sqlCount(const QString &path, const ViewSpec &spec)
    {
        Database db = Cache::open(path, Database::Mode::ReadOnly);
        const SqlQuery q = ViewQuery::count(spec);
        Statement st(db, q.sql);
        q.bindTo(st);
        return st.step() ? st.int64(0) : -1;
    }
};
