#pragma once

#include <QMainWindow>
#include <QString>

// The catalogue browser: filter panel, lazy table, detail pane and status figures.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(const QString &cachePath, QWidget *parent = nullptr);
    ~MainWindow() override;

private:
    QString m_cachePath;
};
