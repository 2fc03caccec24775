#pragma once

#include "progress.h"

#include <QElapsedTimer>
#include <QString>

namespace uptake {

// Progress on stderr for headless commands: a live line with rate and ETA when stderr
// is a terminal (nothing otherwise), so logs and pipes stay clean.
class ConsoleProgress final
{
public:
    explicit ConsoleProgress(QString label, QString unit = QStringLiteral("rows"));
    ~ConsoleProgress();

    ProgressFn callback();
    void update(std::int64_t done, std::int64_t total);
    // Clears the live line (before printing a message or the summary).
    void clear();
    double elapsedSeconds() const;
    // Whether anything is drawn at all: callers skip work that only feeds the live line.
    bool isTerminal() const { return m_tty; }

private:
    QString m_label;
    QString m_unit;
    QElapsedTimer m_timer;
    qint64 m_lastPaint = -1000;
    bool m_tty;
    bool m_drawn = false;
};

} // namespace uptake
