#include "mainwindow.h"

#include <QLabel>

MainWindow::MainWindow(const QString &cachePath, QWidget *parent)
    : QMainWindow(parent)
    , m_cachePath(cachePath)
{
    // The resources live in a static library: referencing them keeps the linker from dropping them.
    Q_INIT_RESOURCE(uptake);
    setWindowTitle(tr("Uptake"));
    setCentralWidget(new QLabel(tr("Loading %1").arg(cachePath), this));
}

MainWindow::~MainWindow() = default;
