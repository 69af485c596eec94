#pragma once

#include "receivedrequest.h"

#include <QString>

namespace gwtest {

struct SignatureCheck
{
    bool ok = false;
    QString reason;  // why not, for test failure messages
    QByteArray region;
    QByteArray service;
};

// Recomputes a request's SigV4 signature from the wire, as an AWS service would. Written apart
// from gw::aws::SigV4Signer on purpose (Qt's percent-encoding and QMessageAuthenticationCode,
// its own parsing), so a shared mistake cannot make both sides agree.
class Sigv4Verifier
{
public:
    Sigv4Verifier(QByteArray accessKeyId, QByteArray secretAccessKey, QByteArray sessionToken = {});

    SignatureCheck verify(const ReceivedRequest &request) const;

private:
    QByteArray m_accessKeyId;
    QByteArray m_secret;
    QByteArray m_sessionToken;
};

} // namespace gwtest
