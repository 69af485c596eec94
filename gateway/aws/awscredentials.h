#pragma once

#include <QDebug>
#include <QString>

namespace gw::aws {

// An access key pair with an optional session token. A value type; never print its fields:
// redacted() and operator<< show the key id's ends and where the credentials came from only.
struct AwsCredentials
{
    QString accessKeyId;
    QString secretAccessKey;
    QString sessionToken;  // set for temporary (STS) credentials
    QString source;        // "environment", "profile dev (/home/u/.aws/credentials)", ...

    bool isValid() const { return !accessKeyId.isEmpty() && !secretAccessKey.isEmpty(); }
    // "AKID…MPLE (session token) from environment": safe for logs, traces and the GUI.
    QString redacted() const;
};

QDebug operator<<(QDebug debug, const AwsCredentials &credentials);

} // namespace gw::aws
