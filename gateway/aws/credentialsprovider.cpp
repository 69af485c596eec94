#include "credentialsprovider.h"

#include "awsprofilefile.h"

#include <QDir>

namespace gw::aws {
namespace {

const QString kAccessKey = QStringLiteral("aws_access_key_id");
const QString kSecretKey = QStringLiteral("aws_secret_access_key");
const QString kSessionToken = QStringLiteral("aws_session_token");
const QString kLegacyToken = QStringLiteral("aws_security_token");
const QString kRegion = QStringLiteral("region");

QString unsupportedMechanism(const QHash<QString, QString> &profile)
{
    static const QList<QPair<QString, QString>> mechanisms = {
        {QStringLiteral("role_arn"), QStringLiteral("role assumption (role_arn)")},
        {QStringLiteral("credential_process"), QStringLiteral("credential_process")},
        {QStringLiteral("sso_session"), QStringLiteral("IAM Identity Center (sso_session)")},
        {QStringLiteral("sso_start_url"), QStringLiteral("IAM Identity Center (sso_start_url)")},
        {QStringLiteral("web_identity_token_file"), QStringLiteral("web identity (web_identity_token_file)")},
    };
    for (const auto &[key, name] : mechanisms)
        if (profile.contains(key))
            return name;
    return {};
}

} // namespace

CredentialsProvider::CredentialsProvider(QProcessEnvironment environment, QString homeDirectory)
    : m_environment(std::move(environment))
    , m_home(homeDirectory.isEmpty() ? QDir::homePath() : std::move(homeDirectory))
{
}

QString CredentialsProvider::credentialsFilePath() const
{
    const QString path = m_environment.value(QStringLiteral("AWS_SHARED_CREDENTIALS_FILE"));
    return path.isEmpty() ? m_home + QStringLiteral("/.aws/credentials") : path;
}

QString CredentialsProvider::configFilePath() const
{
    const QString path = m_environment.value(QStringLiteral("AWS_CONFIG_FILE"));
    return path.isEmpty() ? m_home + QStringLiteral("/.aws/config") : path;
}

QString CredentialsProvider::regionFromEnvironment() const
{
    const QString region = m_environment.value(QStringLiteral("AWS_REGION"));
    return region.isEmpty() ? m_environment.value(QStringLiteral("AWS_DEFAULT_REGION")) : region;
}

ResolvedCredentials CredentialsProvider::resolve(const QString &projectProfile) const
{
    if (!projectProfile.isEmpty())
        return fromProfile(projectProfile, true);

    const QString keyId = m_environment.value(QStringLiteral("AWS_ACCESS_KEY_ID"));
    const QString secret = m_environment.value(QStringLiteral("AWS_SECRET_ACCESS_KEY"));
    if (!keyId.isEmpty() || !secret.isEmpty()) {
        ResolvedCredentials result;
        if (keyId.isEmpty() || secret.isEmpty()) {
            result.error = keyId.isEmpty()
                ? QStringLiteral("AWS_SECRET_ACCESS_KEY is set but AWS_ACCESS_KEY_ID is not")
                : QStringLiteral("AWS_ACCESS_KEY_ID is set but AWS_SECRET_ACCESS_KEY is not");
            return result;
        }
        result.credentials = {keyId, secret, m_environment.value(QStringLiteral("AWS_SESSION_TOKEN")),
                              QStringLiteral("environment")};
        // The region may still come from the active profile's config.
        const QString profile = m_environment.value(QStringLiteral("AWS_PROFILE"), QStringLiteral("default"));
        result.region = regionFromEnvironment();
        if (result.region.isEmpty())
            result.region = fromProfile(profile, false).region;
        return result;
    }

    const QString envProfile = m_environment.value(QStringLiteral("AWS_PROFILE"));
    return fromProfile(envProfile.isEmpty() ? QStringLiteral("default") : envProfile, true);
}

ResolvedCredentials CredentialsProvider::fromProfile(const QString &profile, bool mustExist) const
{
    ResolvedCredentials result;
    result.profile = profile;
    QString readError;
    const AwsProfileFile credentials =
        AwsProfileFile::load(credentialsFilePath(), AwsProfileFile::Kind::Credentials, &readError);
    const AwsProfileFile config =
        AwsProfileFile::load(configFilePath(), AwsProfileFile::Kind::Config, &readError);

    // The credentials file wins key by key over the config file, as in the AWS CLI.
    QHash<QString, QString> merged = config.profile(profile);
    const QHash<QString, QString> fromCredentials = credentials.profile(profile);
    for (auto it = fromCredentials.cbegin(); it != fromCredentials.cend(); ++it)
        merged.insert(it.key(), it.value());

    result.region = regionFromEnvironment();
    if (result.region.isEmpty())
        result.region = merged.value(kRegion);
    if (!mustExist)
        return result;

    if (!readError.isEmpty()) {
        result.error = readError;
        return result;
    }
    if (!credentials.contains(profile) && !config.contains(profile)) {
        result.error = QStringLiteral("AWS profile '%1' not found in %2 or %3")
                           .arg(profile, credentialsFilePath(), configFilePath());
        return result;
    }
    const QString keyId = merged.value(kAccessKey);
    const QString secret = merged.value(kSecretKey);
    if (keyId.isEmpty() || secret.isEmpty()) {
        const QString mechanism = unsupportedMechanism(merged);
        result.error = mechanism.isEmpty()
            ? QStringLiteral("AWS profile '%1' has no aws_access_key_id and aws_secret_access_key").arg(profile)
            : QStringLiteral("AWS profile '%1' uses %2, which Gatewright does not support; give it static keys")
                  .arg(profile, mechanism);
        return result;
    }
    const QString where = credentials.profile(profile).contains(kAccessKey) ? credentialsFilePath()
                                                                             : configFilePath();
    QString token = merged.value(kSessionToken);
    if (token.isEmpty())
        token = merged.value(kLegacyToken);
    result.credentials = {keyId, secret, token,
                          QStringLiteral("profile '%1' in %2").arg(profile, where)};
    return result;
}

} // namespace gw::aws
