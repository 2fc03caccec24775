#include "mainwindow.h"

#include "browser/filterpanel.h"
#include "db/cache.h"
#include "browser/detailpane.h"
#include "settings.h"

#include <QAction>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QProgressBar>
#include <QToolButton>

namespace uptake {

// MainWindow, part: opening, creating and switching caches, the title and the recent list.

void MainWindow::onOpened(bool empty, bool demo, bool demoPending)
{
    m_open = true;
    fitDetailDock(m_detailModel != 0); // nothing selected yet: the table takes the height
    updateActions();
    m_isDemo = demo;
    updateTitle();
    if (empty && m_whenEmpty == EmptyCache::BuildDemo) {
        startDemo();
        return;
    }
    if (demoPending) {
        // A demo stopped after its listings (closed, or killed): they show at once while its
        // usage is written, as on the first start.
        startDemo();
        onDemoListed();
        return;
    }
    if (empty) {
        // A cache of the user's own, still empty: say what fills it instead of showing a blank table.
        m_bannerText->setText(tr("This cache is empty. Fill it with File > Import Catalogue (%1) and File > Import "
                                 "Usage (%2).")
                                  .arg(QKeySequence(tr("Ctrl+I")).toString(QKeySequence::NativeText),
                                       QKeySequence(tr("Ctrl+Shift+I")).toString(QKeySequence::NativeText)));
        m_bannerProgress->hide();
        m_bannerClose->show();
        m_banner->show();
        m_emptyNote = true;
    }
    startView();
}

void MainWindow::onOpenFailed(const QString &message)
{
    m_busyLabel->setText(tr("No cache open"));
    m_detail->showPlaceholder(tr("The cache could not be opened."));
    m_filters->setMatchCount(0, true); // not "0+ models…": nothing more is coming
    showOpenFailure(message);
    emit failedToOpen(message);
}

void MainWindow::showOpenFailure(const QString &message)
{
    m_failureText->setText(message);
    m_tabs->hide();
    m_failure->show();
    updateTitle();
}

void MainWindow::updateTitle()
{
    const QString native = QDir::toNativeSeparators(m_cachePath);
    QString name = QFileInfo(m_cachePath).fileName();
    if (m_isDemo)
        name = tr("%1 (demo data)").arg(name);
    else if (!m_failure->isHidden())
        name = tr("%1 (not opened)").arg(name);
    setWindowTitle(tr("%1 \u2014 Uptake").arg(name));
    setWindowFilePath(m_cachePath);
    m_cacheLabel->setText(name);
    m_cacheLabel->setToolTip(native);
}

void MainWindow::chooseOpenCache()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Open Cache"), Settings().cacheFolder(),
                                                      tr("Uptake caches (*.sqlite *.db);;All files (*)"));
    if (!path.isEmpty())
        requestOpenCache(path);
}

void MainWindow::chooseNewCache()
{
    // Existing files are refused below rather than confirmed here: a new cache never replaces a file.
    const QString path = QFileDialog::getSaveFileName(
        this, tr("New Cache"), Settings().cacheFolder() + QStringLiteral("/uptake.sqlite"),
        tr("Uptake caches (*.sqlite);;All files (*)"), nullptr, QFileDialog::DontConfirmOverwrite);
    if (!path.isEmpty())
        requestNewCache(path);
}

void MainWindow::warn(const QString &title, const QString &text, const QString &objectName)
{
    // Window-modal, not blocking; the text (paths, error messages) is plain, never markup.
    auto *box = new QMessageBox(QMessageBox::Warning, title, text, QMessageBox::Ok, this);
    box->setObjectName(objectName);
    box->setTextFormat(Qt::PlainText);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void MainWindow::requestOpenCache(const QString &path)
{
    if (!QFileInfo::exists(path)) {
        Settings().removeRecentCache(path);
        warn(tr("Open Cache"), tr("%1 does not exist (any more).").arg(QDir::toNativeSeparators(path)),
             QStringLiteral("openCacheMissing"));
        return;
    }
    if (!stopWork())
        return;
    emit openCacheRequested(QFileInfo(path).absoluteFilePath(), EmptyCache::StayEmpty);
}

void MainWindow::requestNewCache(const QString &path)
{
    if (QFileInfo::exists(path)) {
        warn(tr("New Cache"),
             tr("%1 already exists. A new cache needs a new file name; to open an existing "
                "cache, use File > Open Cache.")
                 .arg(QDir::toNativeSeparators(path)),
             QStringLiteral("newCacheExists"));
        return;
    }
    if (!stopWork())
        return;
    // The file is made by the new window's loader (Cache::open creates it); nothing fills it.
    emit openCacheRequested(QFileInfo(path).absoluteFilePath(), EmptyCache::StayEmpty);
}

void MainWindow::fillRecentMenu()
{
    m_recentMenu->clear();
    const QStringList recent = Settings().recentCaches();
    int n = 0;
    for (const QString &path : recent) {
        ++n;
        // &1 to &8: the number is the mnemonic; the file name first, the folder to tell twins apart.
        const QFileInfo info(path);
        auto escaped = [](QString text) { return text.replace(QLatin1Char('&'), QStringLiteral("&&")); };
        QAction *a = m_recentMenu->addAction(
            tr("&%1 %2  (%3)").arg(n).arg(escaped(info.fileName()), escaped(QDir::toNativeSeparators(info.absolutePath()))),
            this,
            [this, path] { requestOpenCache(path); });
        a->setToolTip(QDir::toNativeSeparators(path));
        a->setEnabled(path != m_cachePath || !m_open);
    }
    if (recent.isEmpty())
        m_recentMenu->addAction(tr("No recent caches"))->setEnabled(false);
    m_recentMenu->addSeparator();
    QAction *clear = m_recentMenu->addAction(tr("&Clear List"), this, [] { Settings().clearRecentCaches(); });
    clear->setEnabled(!recent.isEmpty());
}

} // namespace uptake
