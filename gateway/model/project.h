#pragma once

#include "api.h"

#include <QJsonObject>

namespace gw::model {

struct ServerSettings
{
    QString host = QStringLiteral("127.0.0.1"); // loopback unless the user asks otherwise
    int port = 4510;
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

struct Project
{
    static constexpr int kSchemaVersion = 1;

    QString name;
    ServerSettings server;
    QList<Api> apis;
    QList<Function> functions;
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
