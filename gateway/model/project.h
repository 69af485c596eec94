#pragma once

#include "api.h"

#include <QJsonObject>

namespace gw::model {

struct ThrottleSettings
{
    std::optional<double> rateLimit;  // requests per second
    std::optional<int> burstLimit;
    friend bool operator==(const ThrottleSettings &, const ThrottleSettings &) = default;
};

struct ServerSettings
{
    QString host = QStringLiteral("127.0.0.1"); // loopback unless the user asks otherwise
    int port = 4510;
    int traceBodyLimit = 10 * 1024;      // bytes of each body kept in execution traces
    QStringList maskedHeaders;           // masked in traces besides Authorization, x-api-key, cookies
    // The account-level throttle shared by every API (AWS: 10,000 rps, burst 5,000 per region).
    std::optional<ThrottleSettings> accountThrottle;
    friend bool operator==(const ServerSettings &, const ServerSettings &) = default;
};

// A Lambda-style function of the project: JavaScript run in the engine, or an HTTP endpoint that
// speaks the Lambda invoke API (e.g. the AWS Lambda Runtime Interface Emulator).
struct Function
{
    QString name;
    QString runtime = QStringLiteral("javascript"); // javascript | endpoint
    QString code;                                    // javascript: sets exports.handler
    QString endpointUrl;                             // endpoint: base URL of the invoke API
    int timeoutSeconds = 3;
    int memoryMb = 128;
    QMap<QString, QString> environment;
    friend bool operator==(const Function &, const Function &) = default;
};

// Where AWS service integrations go and as whom. Credentials are never stored here: they come
// from the environment, the shared credentials file or the named profile.
struct AwsSettings
{
    QString profile;
    QString region = QStringLiteral("us-east-1");
    QString defaultEndpoint;            // e.g. http://127.0.0.1:4566 for LocalStack; empty: AWS itself
    QMap<QString, QString> endpoints;   // per service, e.g. dynamodb → http://127.0.0.1:8000
    friend bool operator==(const AwsSettings &, const AwsSettings &) = default;
};

struct QuotaSettings
{
    int limit = 0;
    int offset = 0;
    QString period = QStringLiteral("DAY");  // DAY, WEEK, MONTH
    friend bool operator==(const QuotaSettings &, const QuotaSettings &) = default;
};

struct UsagePlanStage
{
    QString apiId;
    QString stage;
    QMap<QString, ThrottleSettings> methodThrottles; // "/pets/GET" → limits
    friend bool operator==(const UsagePlanStage &, const UsagePlanStage &) = default;
};

struct UsagePlan
{
    QString id;
    QString name;
    QString description;
    std::optional<ThrottleSettings> throttle;
    std::optional<QuotaSettings> quota;
    QList<UsagePlanStage> apiStages;
    QStringList apiKeyIds;
    friend bool operator==(const UsagePlan &, const UsagePlan &) = default;
};

struct ApiKey
{
    QString id;
    QString name;
    QString description;
    QString value;          // 20–128 characters; never written to logs or traces in clear
    bool enabled = true;
    friend bool operator==(const ApiKey &, const ApiKey &) = default;
};

// A local IAM identity that may sign requests to AWS_IAM methods and routes (SigV4, service
// execute-api). The secret and the session token are never printed by the CLI or traces.
struct IamIdentity
{
    QString accessKeyId;
    QString secretAccessKey;
    QString sessionToken;   // set: temporary credentials; every request must carry this token
    QString name;           // the IAM user name in $context.identity.userArn (default: the key id)
    QString description;
    // execute-api:Invoke on these resources: arn:aws:execute-api:{region}:{account}:{apiId}/
    // {stage}/{METHOD}/{path}, with IAM's * and ? wildcards. A Deny wins over any Allow.
    QStringList allow;
    QStringList deny;
    friend bool operator==(const IamIdentity &, const IamIdentity &) = default;
};

struct Project
{
    static constexpr int kSchemaVersion = 1;

    QString name;
    ServerSettings server;
    QList<Api> apis;
    QList<Function> functions;
    QList<UsagePlan> usagePlans;
    QList<ApiKey> apiKeys;
    QList<IamIdentity> iamIdentities;
    AwsSettings aws;
    // Sections owned by capabilities that keep their own shape (usage plans, API keys, functions);
    // kept verbatim so that a round trip never loses them.
    QJsonObject extensions;

    const Api *api(const QString &id) const;
    Api *api(const QString &id);
    const Function *function(const QString &name) const;
    friend bool operator==(const Project &, const Project &) = default;
};

} // namespace gw::model
