#include "consoleprogress.h"

#include <cstdio>
#include <unistd.h>

namespace uptake {

ConsoleProgress::ConsoleProgress(QString label, QString unit)
    : m_label(std::move(label))
    , m_unit(std::move(unit))
    , m_tty(isatty(STDERR_FILENO) == 1)
{
    m_timer.start();
}

ConsoleProgress::~ConsoleProgress()
{
    clear();
}

ProgressFn ConsoleProgress::callback()
{
    return [this](std::int64_t done, std::int64_t total) {
        update(done, total);
        return true;
    };
}

double ConsoleProgress::elapsedSeconds() const
{
    return double(m_timer.elapsed()) / 1000.0;
}

void ConsoleProgress::update(std::int64_t done, std::int64_t total)
{
    if (!m_tty)
        return;
    const qint64 now = m_timer.elapsed();
    if (now - m_lastPaint < 200 && done != total)
        return;
    m_lastPaint = now;
    const double secs = std::max(0.001, double(now) / 1000.0);
    const double rate = double(done) / secs;
    QString line = QStringLiteral("%1: %2").arg(m_label).arg(done);
    if (total > 0) {
        line += QStringLiteral(" / %1 (%2%)").arg(total).arg(100.0 * double(done) / double(total), 0, 'f', 1);
        if (rate > 0 && done < total)
            line += QStringLiteral(", ETA %1 s").arg(double(total - done) / rate, 0, 'f', 0);
    }
    if (!m_unit.isEmpty())
        line += QStringLiteral(", %1 %2/s").arg(rate, 0, 'f', 0).arg(m_unit);
    std::fprintf(stderr, "\r\033[K%s", line.toLocal8Bit().constData());
    std::fflush(stderr);
    m_drawn = true;
}

void ConsoleProgress::clear()
{
    if (m_drawn) {
        std::fprintf(stderr, "\r\033[K");
        std::fflush(stderr);
        m_drawn = false;
    }
}

} // namespace uptake
