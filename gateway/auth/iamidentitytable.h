#pragma once

#include "policyeffect.h"

#include "gateway/aws/awscredentials.h"
#include "gateway/model/project.h"

#include <QHash>

#include <memory>

namespace gw::auth {

// Who signed an AWS_IAM request, as $context.identity and the Lambda events show it.
struct IamCaller
{
    QString accessKey;
    QString accountId;
    QString caller;   // the IAM user id (AIDA...)
    QString user;     // the same, as AWS fills both for an IAM user
    QString userArn;  // arn:aws:iam::{account}:user/{name}
};

// One identity, ready for verification: its credentials and the ARN patterns it may invoke.
struct IamIdentityEntry
{
    aws::AwsCredentials credentials;
    IamCaller caller;
    QStringList allow;
    QStringList deny;

    // execute-api:Invoke on `methodArn`: Deny if a deny pattern matches, else Allow if an allow
    // pattern matches, else Silent (IAM's implicit deny).
    PolicyEffect evaluate(const QString &methodArn) const;
};

// The project's IAM identities by access key id, built once per deploy; immutable, shared by
// every worker thread.
class IamIdentityTable
{
public:
    static std::shared_ptr<const IamIdentityTable> build(const QList<model::IamIdentity> &identities, const QString &accountId);

    const IamIdentityEntry *find(const QString &accessKeyId) const;
    bool isEmpty() const { return m_byKey.isEmpty(); }

private:
    QHash<QString, IamIdentityEntry> m_byKey;
};

} // namespace gw::auth
