#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <QUrl>

#include <memory>

// A real HTTP/1.1 server on 127.0.0.1 for the sync tests: each request target (path and
// query, as sent) answers from a script of replies; the last reply repeats. It serves
// from the event loop of the thread that made it.
class HttpFixture
{
public:
    struct Reply
    {
        using Headers = QList<QPair<QByteArray, QByteArray>>;
        Reply(int status_, QByteArray body_, Headers headers_ = {}, int delayMs_ = 0, bool truncate_ = false)
            : status(status_)
            , body(std::move(body_))
            , headers(std::move(headers_))
            , delayMs(delayMs_)
            , truncate(truncate_)
        {
        }
        int status;
        QByteArray body;
        Headers headers;
        int delayMs;
        bool truncate; // announce the full length, send half, close
        int trickleMs = 0; // send the body one byte every trickleMs
        bool endless = false; // no length; the body repeats until the client goes
    };
    struct Request
    {
        QByteArray target;
        QHash<QByteArray, QByteArray> headers; // lower-case names
    };

    HttpFixture()
    {
        m_server.listen(QHostAddress::LocalHost);
        QObject::connect(&m_server, &QTcpServer::newConnection, &m_server, [this] {
            while (QTcpSocket *s = m_server.nextPendingConnection())
                serve(s);
        });
    }

    QUrl url(const QString &target) const
    {
        return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_server.serverPort()).arg(target));
    }
    quint16 port() const { return m_server.serverPort(); }

    void on(const QByteArray &target, QList<Reply> replies) { m_routes[target] = std::move(replies); }
    const QList<Request> &requests() const { return m_requests; }
    // Body bytes written so far, over all replies.
    qint64 bodyBytesSent() const { return m_bodyBytesSent; }

private:
    void serve(QTcpSocket *socket)
    {
        auto buffer = std::make_shared<QByteArray>();
        QObject::connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        QObject::connect(socket, &QTcpSocket::readyRead, socket, [this, socket, buffer] {
            *buffer += socket->readAll();
            const qsizetype end = buffer->indexOf("\r\n\r\n");
            if (end < 0)
                return;
            const QList<QByteArray> lines = buffer->left(end).split('\n');
            buffer->remove(0, end + 4);
            Request req;
            const QList<QByteArray> first = lines.value(0).trimmed().split(' ');
            req.target = first.value(1);
            for (qsizetype i = 1; i < lines.size(); ++i) {
                const qsizetype colon = lines[i].indexOf(':');
                if (colon > 0)
                    req.headers.insert(lines[i].left(colon).trimmed().toLower(), lines[i].mid(colon + 1).trimmed());
            }
            m_requests << req;
            QList<Reply> &script = m_routes[req.target];
            Reply reply = script.isEmpty() ? Reply(404, "no such page")
                                           : (script.size() > 1 ? script.takeFirst() : script.first());
            QPointer<QTcpSocket> guard(socket);
            QTimer::singleShot(reply.delayMs, socket, [this, guard, reply] {
                if (!guard)
                    return;
                QByteArray out = "HTTP/1.1 " + QByteArray::number(reply.status) + " Scripted\r\n";
                out += "Content-Type: application/json\r\nConnection: close\r\n";
                if (!reply.endless)
                    out += "Content-Length: " + QByteArray::number(reply.body.size()) + "\r\n";
                for (const auto &[name, value] : reply.headers)
                    out += name + ": " + value + "\r\n";
                out += "\r\n";
                if (reply.trickleMs > 0 || reply.endless) {
                    guard->write(out);
                    auto *timer = new QTimer(guard);
                    auto next = std::make_shared<qsizetype>(0);
                    QObject::connect(timer, &QTimer::timeout, guard, [this, guard, timer, reply, next] {
                        if (reply.endless) {
                            if (guard->bytesToWrite() < (qint64(1) << 20)) { // keep up with the reader, no faster
                                guard->write(reply.body);
                                m_bodyBytesSent += reply.body.size();
                            }
                            return;
                        }
                        if (*next >= reply.body.size()) {
                            timer->stop();
                            guard->disconnectFromHost();
                            return;
                        }
                        guard->write(reply.body.mid((*next)++, 1));
                        ++m_bodyBytesSent;
                    });
                    timer->start(reply.endless ? 1 : reply.trickleMs);
                    return;
                }
                out += reply.truncate ? reply.body.left(reply.body.size() / 2) : reply.body;
                m_bodyBytesSent += reply.truncate ? reply.body.size() / 2 : reply.body.size();
                guard->write(out);
                guard->flush();
                guard->disconnectFromHost();
            });
        });
    }

    QTcpServer m_server;
    QHash<QByteArray, QList<Reply>> m_routes;
    QList<Request> m_requests;
    qint64 m_bodyBytesSent = 0;
};
