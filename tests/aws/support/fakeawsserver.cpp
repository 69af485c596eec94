#include "fakeawsserver.h"

#include <QJsonDocument>
#include <QTcpSocket>

namespace gwtest {
namespace {

// Parses one complete request from the front of buffer; false while more bytes are needed.
bool takeRequest(QByteArray &buffer, ReceivedRequest &request)
{
    const qsizetype headEnd = buffer.indexOf("\r\n\r\n");
    if (headEnd < 0)
        return false;
    const QList<QByteArray> lines = buffer.left(headEnd).split('\n');
    const QList<QByteArray> requestLine = lines.first().trimmed().split(' ');
    request = {};
    request.method = requestLine.value(0);
    const QByteArray target = requestLine.value(1);
    const qsizetype q = target.indexOf('?');
    request.path = q < 0 ? target : target.left(q);
    request.query = q < 0 ? QByteArray() : target.mid(q + 1);
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines[i];
        const qsizetype colon = line.indexOf(':');
        if (colon > 0)
            request.headers.append({line.left(colon), line.mid(colon + 1).trimmed()});
    }
    const qsizetype length = request.header("content-length").toLongLong();
    if (buffer.size() < headEnd + 4 + length)
        return false;
    request.body = buffer.mid(headEnd + 4, length);
    buffer.remove(0, headEnd + 4 + length);
    return true;
}

QByteArray operationOf(const ReceivedRequest &request, const QByteArray &prefix)
{
    const QByteArray target = request.header("x-amz-target");
    return target.startsWith(QByteArray(prefix + '.')) ? target.mid(prefix.size() + 1) : QByteArray();
}

} // namespace

FakeAwsServer::FakeAwsServer(Sigv4Verifier verifier, QByteArray region)
    : m_verifier(std::move(verifier))
    , m_region(std::move(region))
{
    connect(&m_server, &QTcpServer::newConnection, this, &FakeAwsServer::onNewConnection);
}

FakeAwsServer::~FakeAwsServer()
{
    // Sockets signal disconnected() while they are destroyed; they must not reach m_buffers then.
    const QList<QTcpSocket *> sockets = m_buffers.keys();
    for (QTcpSocket *socket : sockets) {
        socket->disconnect(this);
        delete socket;
    }
}

bool FakeAwsServer::start()
{
    return m_server.listen(QHostAddress::LocalHost, 0);
}

QUrl FakeAwsServer::url() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_server.serverPort()));
}

void FakeAwsServer::onNewConnection()
{
    while (QTcpSocket *socket = m_server.nextPendingConnection()) {
        m_buffers.insert(socket, {});
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
            m_buffers.remove(socket);
            socket->deleteLater();
        });
    }
}

void FakeAwsServer::onReadyRead(QTcpSocket *socket)
{
    QByteArray &buffer = m_buffers[socket];
    buffer += socket->readAll();
    ReceivedRequest request;
    while (takeRequest(buffer, request)) {
        SignatureCheck check;
        const FakeAnswer reply = answer(request, check);
        received.append(request);
        checks.append(check);
        socket->write("HTTP/1.1 " + QByteArray::number(reply.status) + " X\r\nContent-Type: " + reply.contentType
                      + "\r\nx-amzn-RequestId: 00000000-0000-0000-0000-000000000001\r\nContent-Length: "
                      + QByteArray::number(reply.body.size()) + "\r\n\r\n" + reply.body);
    }
}

FakeAnswer FakeAwsServer::answer(const ReceivedRequest &request, SignatureCheck &check)
{
    QByteArray service;
    const QByteArray dynamoOperation = operationOf(request, "DynamoDB_20120810");
    const QByteArray statesOperation = operationOf(request, "AWSStepFunctions");
    if (!dynamoOperation.isEmpty())
        service = "dynamodb";
    else if (!statesOperation.isEmpty())
        service = "states";
    else if (!request.formParameter("Action").isEmpty())
        service = "sns";

    check = m_verifier.verify(request);
    if (check.ok && (check.service != service || check.region != m_region)) {
        check.ok = false;
        check.reason = QStringLiteral("signed for %1/%2, expected %3/%4")
                           .arg(QString::fromUtf8(check.region), QString::fromUtf8(check.service),
                                QString::fromUtf8(m_region), QString::fromUtf8(service));
    }
    if (!check.ok) {
        const QString message = QStringLiteral("The request signature we calculated does not match the signature you provided.");
        if (service == "sns")
            return FakeAnswer::xmlError(403, QStringLiteral("SignatureDoesNotMatch"), message);
        return FakeAnswer::jsonError(403, QStringLiteral("com.amazon.coral.service#InvalidSignatureException"), message);
    }

    const QJsonObject input = QJsonDocument::fromJson(request.body).object();
    if (service == "dynamodb") {
        if (request.header("content-type") != "application/x-amz-json-1.0")
            return FakeAnswer::jsonError(400, QStringLiteral("com.amazon.coral.service#SerializationException"), {});
        return dynamoDb.handle(dynamoOperation, input);
    }
    if (service == "states") {
        if (request.header("content-type") != "application/x-amz-json-1.0")
            return FakeAnswer::jsonError(400, QStringLiteral("com.amazon.coral.service#SerializationException"), {});
        return stepFunctions.handle(statesOperation, input);
    }
    return sns.handle(request);
}

} // namespace gwtest
