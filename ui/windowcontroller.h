#pragma once

#include "ingest/demo.h"
#include "mainwindow.h"

#include <QObject>
#include <QString>

#include <memory>

namespace uptake {

// Owns the main window and puts a new one in its place when the user opens another cache
// (File > Open Cache, New Cache, Open Recent, or the offer shown when a cache cannot be
// opened). A fresh window per cache keeps MainWindow simple: its loader thread, models and
// dashboard belong to one cache for their whole life.
class WindowController final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WindowController)

public:
    // firstStartDemo: the demo an empty cache opened with EmptyCache::BuildDemo gets (tests use a small one).
    explicit WindowController(const DemoOptions &firstStartDemo = DemoOptions(), QObject *parent = nullptr);
    ~WindowController() override;

    // Shows a window on the cache, closing the current one first: its settings are saved and
    // its threads stopped before the new one starts (the caller has asked about running jobs).
    void open(const QString &path, MainWindow::EmptyCache whenEmpty);
    MainWindow *window() const { return m_window.get(); }

signals:
    void windowChanged(MainWindow *window);

private:
    DemoOptions m_demo;
    std::unique_ptr<MainWindow> m_window;
};

} // namespace uptake
