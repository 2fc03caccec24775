#include "windowcontroller.h"

#include "settings.h"

#include <QApplication>

namespace uptake {

WindowController::WindowController(const DemoOptions &firstStartDemo, QObject *parent)
    : QObject(parent)
    , m_demo(firstStartDemo)
{
}

WindowController::~WindowController() = default;

void WindowController::open(const QString &path, MainWindow::EmptyCache whenEmpty)
{
    if (m_window) {
        // Hiding the only window would count as closing the last one: the application must not quit.
        const bool quitOnLast = QApplication::quitOnLastWindowClosed();
        QApplication::setQuitOnLastWindowClosed(false);
        m_window->saveSettings();
        m_window->hide();
        m_window.reset(); // joins its threads; any wait for another program's lock is abandoned
        QApplication::setQuitOnLastWindowClosed(quitOnLast);
    }
    m_window = std::make_unique<MainWindow>(path, whenEmpty, m_demo);
    MainWindow *w = m_window.get();
    // Remembered once it opened: a file that could not be opened is not offered again.
    connect(w, &MainWindow::ready, this, [path] {
        Settings s;
        s.addRecentCache(path);
        s.setLastCache(path);
    });
    // Queued: the request comes from inside the window, which open() deletes.
    connect(
        w, &MainWindow::openCacheRequested, this,
        [this](const QString &next, MainWindow::EmptyCache how) { open(next, how); }, Qt::QueuedConnection);
    w->show();
    emit windowChanged(w);
}

} // namespace uptake
