#pragma once

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTimer>

// Waits for the condition while serving the event loop, waking on every event (the loader's
// answers are queued events) rather than in the 10 ms steps of QTest::qWaitFor, so that the
// figures are not rounded up to 10 ms.
template<typename Condition>
bool waitUntil(Condition done, int timeoutMs)
{
    QElapsedTimer clock;
    clock.start();
    QTimer wake; // a floor, for conditions that change without an event
    wake.start(1);
    while (!done()) {
        if (clock.elapsed() > timeoutMs)
            return false;
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
    }
    return true;
}
