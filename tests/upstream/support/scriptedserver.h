#pragma once

#include "gateway/core/headerlist.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QObject>
#include <QSslConfiguration>
#include <QUrl>

#include <functional>
#include <memory>

class QTcpServer;
class QTcpSocket;

namespace gwtest {

// A request as the scripted server read it.
struct ReceivedRequest
{
    int connection = 0;       // 1-based accept number
    int indexOnConnection = 0; // 1 for the first request on its connection
    QByteArray method;
    QByteArray target;
    gw::HeaderList headers;
    QByteArray body;
};

// What the server does with one request.
struct Reply
{
    QList<QByteArray> pieces;  // written in order
    int delayMs = 0;           // before the first piece
    int pieceDelayMs = 0;      // between pieces
    bool closeAfter = false;   // close the connection once written
    bool silent = false;       // never answer, keep the connection open
    bool closeWithoutAnswer = false;

    static Reply raw(const QByteArray &bytes) { return Reply{{bytes}}; }
    // 200 with Content-Length and the given extra header lines ("Name: value\r\n...").
    static Reply ok(const QByteArray &body, const QByteArray &extraHeaders = {});
    static Reply chunked(const QList<QByteArray> &chunks);
    static Reply never() { return Reply{{}, 0, 0, false, true}; }
    static Reply hangUp() { return Reply{{}, 0, 0, false, false, true}; }

    Reply delayed(int ms) const { Reply r = *this; r.delayMs = ms; return r; }
    Reply paced(int ms) const { Reply r = *this; r.pieceDelayMs = ms; return r; }
    Reply closing() const { Reply r = *this; r.closeAfter = true; return r; }
    Reply hangUpIf(bool yes) const { Reply r = *this; r.closeWithoutAnswer = yes; return r; }
    Reply then(const Reply &next) const { Reply r = *this; r.pieces += next.pieces; return r; }
};

// A small HTTP/1.1 server for the upstream client's tests, on 127.0.0.1 port 0, plain or TLS.
// Each request goes to the script, which decides the bytes, delays and closing. Counts what a
// test asserts on: connections accepted, open at once, requests. Not a real HTTP server: it
// reads Content-Length bodies only.
class ScriptedServer : public QObject
{
    Q_OBJECT
public:
    using Script = std::function<Reply(const ReceivedRequest &)>;

    explicit ScriptedServer(Script script, QObject *parent = nullptr);
    ~ScriptedServer() override;

    bool listen(); // plain TCP
    bool listenTls(const QSslConfiguration &configuration);
    quint16 port() const;
    QUrl url(const QString &pathAndQuery, const QString &host = QStringLiteral("127.0.0.1")) const;

    // Answers are withheld until this many requests have arrived (then all go out).
    void holdRepliesUntil(int requests) { m_holdUntil = requests; }
    // Closes every connection that isn't waiting for an answer.
    void closeIdleConnections();

    int accepted() const { return m_accepted; }
    int openConnections() const { return static_cast<int>(m_connections.size()); }
    int maxOpenConnections() const { return m_maxOpen; }
    int requestCount() const { return static_cast<int>(m_requests.size()); }
    const QList<ReceivedRequest> &requests() const { return m_requests; }

private:
    struct Connection;
    void onPending();
    void onReadyRead(QTcpSocket *socket);
    void respond(QTcpSocket *socket, const Reply &reply);
    void writePieces(QTcpSocket *socket, Reply reply, int next);

    Script m_script;
    QTcpServer *m_server = nullptr;
    QHash<QTcpSocket *, std::shared_ptr<Connection>> m_connections;
    QList<QPair<QTcpSocket *, Reply>> m_held;
    QList<ReceivedRequest> m_requests;
    int m_holdUntil = 0;
    int m_accepted = 0;
    int m_maxOpen = 0;
};

} // namespace gwtest
