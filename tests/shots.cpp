// uptake_shots: draws every view of the window offscreen into PNGs, to look at (not a test).
//   uptake_shots CACHE OUTDIR [WIDTHxHEIGHT]
// The language comes from UPTAKE_LANGUAGE (with UPTAKE_QM_DIR, see screenshots.h);
// scripts/screenshots.sh runs it in en, de and zh_CN at 1280x800 and 1920x1080.
#include "browser/cataloguemodel.h"
#include "dashboard/dashboardwidget.h"
#include "browser/detailpane.h"
#include "browser/filterpanel.h"
#include "dialogs/helpdialog.h"
#include "dialogs/importresultdialog.h"
#include "mainwindow.h"
#include "dialogs/preferencesdialog.h"
#include "screenshots.h"
#include "settings.h"
#include "dialogs/syncdialog.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QMenuBar>
#include <QRegularExpression>
#include <QSettings>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <cstdio>

using namespace uptake;

namespace {

QString g_out, g_suffix;

void shoot(QWidget *w, const QString &name)
{
    for (int i = 0; i < 5; ++i)
        QCoreApplication::processEvents();
    const QString file = QDir(g_out).filePath(QStringLiteral("%1-%2.png").arg(name, g_suffix));
    if (!w->grab().save(file))
        std::fprintf(stderr, "uptake_shots: cannot write %s\n", qPrintable(file));
    else
        std::fprintf(stderr, "uptake_shots: %s\n", qPrintable(file));
}

bool waitFor(const std::function<bool()> &done, int ms = 60000)
{
    return QTest::qWaitFor(done, ms);
}

} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("UptakeShots"));
    QCoreApplication::setApplicationName(QStringLiteral("UptakeShots"));
    const QStringList args = app.arguments();
    if (args.size() < 3) {
        std::fprintf(stderr, "usage: uptake_shots CACHE OUTDIR [WIDTHxHEIGHT]\n");
        return 2;
    }
    QSize size(1280, 800);
    if (args.size() > 3) {
        const auto m = QRegularExpression(QStringLiteral("^(\\d+)x(\\d+)$")).match(args.at(3));
        if (m.hasMatch())
            size = QSize(m.captured(1).toInt(), m.captured(2).toInt());
    }
    QTemporaryDir config;
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, config.path());
    QStandardPaths::setTestModeEnabled(true);
    Settings().clear();
    Screenshots::installTranslation();
    g_out = args.at(2);
    QDir().mkpath(g_out);
    g_suffix = QStringLiteral("%1-%2x%3")
                   .arg(qEnvironmentVariable("UPTAKE_LANGUAGE", QStringLiteral("en")))
                   .arg(size.width())
                   .arg(size.height());

    MainWindow w(args.at(1), MainWindow::EmptyCache::StayEmpty);
    w.resize(size);
    w.show();
    if (!QTest::qWaitForWindowExposed(&w)
        || !waitFor([&] { return w.catalogueModel()->isComplete() && !w.isBuildingDemo(); })) {
        std::fprintf(stderr, "uptake_shots: the window did not load\n");
        return 1;
    }
    CatalogueModel *m = w.catalogueModel();
    waitFor([&] { return m->rowCount() == 0 || m->data(m->index(0, 0), CatalogueModel::LoadedRole).toBool(); });
    shoot(&w, QStringLiteral("catalogue-nothing-selected"));

    if (m->rowCount() > 0) {
        w.table()->selectRow(0);
        waitFor([&] { return w.detailPane()->modelRowId() == m->rowIdAt(0); });
        QTest::qWait(300); // the charts lay out in posted events
        shoot(&w, QStringLiteral("catalogue"));
        shoot(w.detailPane(), QStringLiteral("detail"));
        // The demand evidence, a page each.
        w.detailPane()->pages()->setCurrentIndex(1);
        QTest::qWait(300);
        shoot(w.detailPane(), QStringLiteral("detail-returning"));
        w.detailPane()->pages()->setCurrentIndex(2);
        QTest::qWait(300);
        shoot(w.detailPane(), QStringLiteral("detail-lifecycle"));
        w.detailPane()->pages()->setCurrentIndex(3);
        QTest::qWait(300);
        shoot(w.detailPane(), QStringLiteral("detail-cohorts"));
        w.detailPane()->pages()->setCurrentIndex(1);
        // A quieter model, further down: small counts on the axes.
        const int row = std::min(m->rowCount() - 1, 300);
        w.table()->selectRow(row);
        waitFor([&] { return m->data(m->index(row, 0), CatalogueModel::LoadedRole).toBool(); });
        waitFor([&] { return w.detailPane()->modelRowId() == m->rowIdAt(row); });
        QTest::qWait(300);
        shoot(w.detailPane(), QStringLiteral("detail-small-returning"));
        w.detailPane()->pages()->setCurrentIndex(0);
        QTest::qWait(300);
        shoot(w.detailPane(), QStringLiteral("detail-small"));
    }

    // The task list, open.
    for (QComboBox *b : w.filterPanel()->findChildren<QComboBox *>()) {
        if (b->isEditable() && b->count() > 2) {
            b->showPopup();
            QTest::qWait(200);
            shoot(&w, QStringLiteral("tasklist"));
            b->hidePopup();
            break;
        }
    }

    w.tabs()->setCurrentIndex(1);
    waitFor([&] { return w.dashboard() && !w.dashboard()->isBusy(); });
    QTest::qWait(500);
    shoot(&w, QStringLiteral("dashboard"));
    w.dashboard()->showChart(DashboardChart::DemandMap);
    QTest::qWait(500);
    shoot(&w, QStringLiteral("dashboard-evidence"));
    w.dashboard()->showChart(DashboardChart::Families);
    QTest::qWait(500);
    shoot(&w, QStringLiteral("dashboard-families"));
    w.dashboard()->showChart(DashboardChart::Tasks);
    w.tabs()->setCurrentIndex(0);

    {
        PreferencesDialog d(args.at(1), &w);
        d.show();
        shoot(&d, QStringLiteral("preferences"));
    }
    {
        SyncDialog d(args.at(1), QString(), &w);
        d.show();
        shoot(&d, QStringLiteral("sync"));
    }
    {
        HelpDialog d(w.menuBar()->actions(), &w);
        d.resize(900, 700);
        d.show();
        shoot(&d, QStringLiteral("userguide"));
    }
    {
        ImportResultDialog d({QStringLiteral("calls.csv: 9 rows imported, 1 rejected, 0 duplicates skipped, 1 fee rounded, "
                                             "0 models seen only in usage")},
                             {QStringLiteral("calls.csv:4: fee is not a plain decimal number: \"1,5\"")}, 0, &w);
        d.show();
        shoot(&d, QStringLiteral("importresult"));
    }
    w.close();
    return 0;
}
