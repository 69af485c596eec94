#pragma once

#include "awscredentials.h"

#include <QProcessEnvironment>

namespace gw::aws {

struct ResolvedCredentials
{
    AwsCredentials credentials;
    QString region;   // empty when nothing names one (the integration ARN names it anyway)
    QString profile;  // the profile used, empty for environment credentials
    QString error;    // says what is missing and where it was looked for; never a secret

    bool ok() const { return error.isEmpty(); }
};

// Finds AWS credentials the way the AWS CLI and SDKs do, so a project only ever stores a
// profile name, never a key:
//   1. the profile the project names (then nothing else: a wrong name is an error),
//   2. AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY / AWS_SESSION_TOKEN,
//   3. the profile AWS_PROFILE names, else "default", from the shared credentials file
//      (AWS_SHARED_CREDENTIALS_FILE, ~/.aws/credentials) over the config file
//      (AWS_CONFIG_FILE, ~/.aws/config, sections [profile x]).
// Region: AWS_REGION, AWS_DEFAULT_REGION, then the profile's `region`.
// Role assumption, SSO and credential_process are not supported and are reported as such.
// Reads files on every resolve(): call it at deploy time, not per request. Any thread.
class CredentialsProvider
{
public:
    explicit CredentialsProvider(QProcessEnvironment environment = QProcessEnvironment::systemEnvironment(),
                                 QString homeDirectory = {});

    ResolvedCredentials resolve(const QString &projectProfile = {}) const;

    QString credentialsFilePath() const;
    QString configFilePath() const;

private:
    ResolvedCredentials fromProfile(const QString &profile, bool mustExist) const;
    QString regionFromEnvironment() const;

    QProcessEnvironment m_environment;
    QString m_home;
};

} // namespace gw::aws
