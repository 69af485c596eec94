#pragma once

#include "fakedynamodb.h"
#include "fakesns.h"
#include "fakestepfunctions.h"
#include "receivedrequest.h"
#include "sigv4verifier.h"

#include <QHash>
#include <QObject>
#include <QTcpServer>
#include <QUrl>

namespace gwtest {

// A small HTTP/1.1 server (keep-alive, Content-Length bodies) on 127.0.0.1:0 that plays
// DynamoDB, Step Functions and SNS. Every request's SigV4 signature is recomputed from the wire
// with Sigv4Verifier and must be signed for the right service and region; a bad one gets 403
// as AWS answers it. Lives on the test's thread.
class FakeAwsServer : public QObject
{
    Q_OBJECT

public:
    FakeAwsServer(Sigv4Verifier verifier, QByteArray region);
    ~FakeAwsServer() override;

    bool start();
    QUrl url() const;

    FakeDynamoDb dynamoDb;
    FakeStepFunctions stepFunctions;
    FakeSns sns;

    QList<ReceivedRequest> received;
    QList<SignatureCheck> checks;  // one per request, same order

private:
    void onNewConnection();
    void onReadyRead(QTcpSocket *socket);
    FakeAnswer answer(const ReceivedRequest &request, SignatureCheck &check);

    QTcpServer m_server;
    Sigv4Verifier m_verifier;
    QByteArray m_region;
    QHash<QTcpSocket *, QByteArray> m_buffers;
};

} // namespace gwtest
