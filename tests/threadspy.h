#pragma once

#include <QList>
#include <QObject>
#include <QTest>
#include <QVariant>

#include <type_traits>

// A QSignalSpy on an object that lives on another thread records in that thread, beside the
// test reading it, and its wait() misses an emission made before it is called (a fast loader
// answers before the test starts waiting). ThreadSpy receives the signal queued, on the test's
// own thread, so only that thread touches what it recorded, and waitFor() counts what came
// before it was called.
class ThreadSpy : public QObject
{
public:
    template <typename Sender, typename... Args>
    ThreadSpy(Sender *sender, void (Sender::*signal)(Args...))
    {
        connect(
            sender, signal, this,
            [this](Args... args) { m_calls.append(QVariantList{QVariant::fromValue(std::decay_t<Args>(args))...}); },
            Qt::QueuedConnection);
    }

    qsizetype count() const { return m_calls.size(); }
    bool isEmpty() const { return m_calls.isEmpty(); }
    const QVariantList &first() const { return m_calls.first(); }
    const QVariantList &last() const { return m_calls.last(); }
    const QVariantList &at(qsizetype i) const { return m_calls.at(i); }
    auto begin() const { return m_calls.cbegin(); }
    auto end() const { return m_calls.cend(); }

    // True once `n` emissions in all have arrived, false if they did not within `ms`.
    bool waitFor(qsizetype n = 1, int ms = 10000)
    {
        return QTest::qWaitFor([&] { return count() >= n; }, ms);
    }

private:
    QList<QVariantList> m_calls;
};
