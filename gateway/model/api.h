#pragma once

#include "stage.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

namespace gw::model {

enum class ApiType { Rest, Http, WebSocket };
enum class IntegrationType { Mock, Http, HttpProxy, Aws, AwsProxy };
enum class PassthroughBehavior { WhenNoMatch, WhenNoTemplates, Never };

// Parameter maps are "target → source" exactly as API Gateway writes them, e.g.
// "integration.request.header.X-Id" → "method.request.path.id" or "'static'".
using ParameterMap = QMap<QString, QString>;
using TemplateMap = QMap<QString, QString>; // content type → template text

struct IntegrationResponse
{
    QString selectionPattern;      // empty: the default response
    QString statusCode = QStringLiteral("200");
    ParameterMap responseParameters;  // method.response.header.X → source
    TemplateMap responseTemplates;
    QString contentHandling;       // "", CONVERT_TO_TEXT, CONVERT_TO_BINARY
    friend bool operator==(const IntegrationResponse &, const IntegrationResponse &) = default;
};

struct Integration
{
    IntegrationType type = IntegrationType::Mock;
    QString httpMethod;            // integrationHttpMethod; empty or ANY: the request's method
    QString uri;
    ParameterMap requestParameters;
    TemplateMap requestTemplates;
    PassthroughBehavior passthroughBehavior = PassthroughBehavior::WhenNoMatch;
    QString contentHandling;
    int timeoutInMillis = 29000;
    QList<IntegrationResponse> integrationResponses;
    QStringList cacheKeyParameters;
    QString cacheNamespace;
    QString credentials;
    bool tlsInsecureSkipVerification = false;
    QString payloadFormatVersion;  // HTTP APIs' Lambda proxy: "1.0" or "2.0" (default 2.0)
    friend bool operator==(const Integration &, const Integration &) = default;
};

struct MethodResponse
{
    QString statusCode;
    QMap<QString, bool> responseParameters; // method.response.header.X → required
    QMap<QString, QString> responseModels;  // content type → model name
    friend bool operator==(const MethodResponse &, const MethodResponse &) = default;
};

struct Method
{
    QString httpMethod;                     // GET, POST, ..., ANY
    QString authorizationType = QStringLiteral("NONE");
    QString authorizerId;
    QStringList authorizationScopes;
    bool apiKeyRequired = false;
    QString requestValidatorId;
    QString operationName;
    QMap<QString, bool> requestParameters;  // method.request.querystring.q → required
    QMap<QString, QString> requestModels;   // content type → model name
    QList<MethodResponse> methodResponses;
    std::optional<Integration> integration;
    friend bool operator==(const Method &, const Method &) = default;
};

struct Resource
{
    QString id;
    QString path;                           // full template path, "/" for the root
    QMap<QString, Method> methods;          // keyed by httpMethod

    QString pathPart() const;               // last segment, empty for the root
    QString parentPath() const;             // empty for the root
    friend bool operator==(const Resource &, const Resource &) = default;
};

struct ApiModel
{
    QString name;
    QString contentType = QStringLiteral("application/json");
    QString description;
    QJsonObject schema;
    friend bool operator==(const ApiModel &, const ApiModel &) = default;
};

struct RequestValidator
{
    QString id;
    QString name;
    bool validateRequestBody = false;
    bool validateRequestParameters = false;
    friend bool operator==(const RequestValidator &, const RequestValidator &) = default;
};

struct Authorizer
{
    QString id;
    QString name;
    QString type = QStringLiteral("TOKEN"); // TOKEN, REQUEST, COGNITO_USER_POOLS, JWT
    QString authorizerUri;                  // HTTP endpoint or Lambda ARN
    QString functionName;                   // a project function
    QString identitySource = QStringLiteral("method.request.header.Authorization");
    QString identityValidationExpression;
    int resultTtlInSeconds = 300;
    QStringList providerArns;
    QString issuer;
    QStringList audience;
    QString jwksUri;                        // http(s) URL or a file path relative to the project
    QJsonObject jwks;
    // HTTP API Lambda authorizers (reference §16.6): event format "1.0" or "2.0" (empty: 2.0), and
    // with 2.0 optionally the simple {"isAuthorized": bool, "context": {...}} answer.
    QString payloadFormatVersion;
    bool enableSimpleResponses = false;
    friend bool operator==(const Authorizer &, const Authorizer &) = default;
};

struct GatewayResponse
{
    std::optional<int> statusCode;
    QMap<QString, QString> responseParameters; // gatewayresponse.header.X → source
    TemplateMap responseTemplates;
    friend bool operator==(const GatewayResponse &, const GatewayResponse &) = default;
};

// Everything a deployment snapshots: the API's design without its stages and deployments.
struct ApiDefinition
{
    QList<Resource> resources;              // sorted by path; always holds "/"
    QList<ApiModel> models;
    QList<RequestValidator> requestValidators;
    QList<Authorizer> authorizers;
    QMap<QString, GatewayResponse> gatewayResponses; // response type → customisation
    QStringList binaryMediaTypes;
    QString apiKeySource = QStringLiteral("HEADER");
    QJsonObject policy;
    // HTTP APIs: the $default route, which catches requests no other route matches.
    std::optional<Method> defaultRoute;
    // HTTP APIs: CORS answered by the gateway itself (reference §9.2); kept as AWS writes it.
    QJsonObject corsConfiguration;

    const Resource *resource(const QString &path) const;
    Resource *resource(const QString &path);
    friend bool operator==(const ApiDefinition &, const ApiDefinition &) = default;
};

struct Deployment
{
    QString id;
    QString description;
    QDateTime createdDate;
    ApiDefinition api;
    friend bool operator==(const Deployment &, const Deployment &) = default;
};

struct Api
{
    QString id;
    QString name;
    QString description;
    ApiType type = ApiType::Rest;
    QString endpointType = QStringLiteral("REGIONAL"); // EDGE, REGIONAL, PRIVATE
    QString version;
    ApiDefinition design;                   // what the user edits
    QList<Stage> stages;
    QList<Deployment> deployments;

    const Deployment *deployment(const QString &id) const;
    const Stage *stage(const QString &name) const;
    Stage *stage(const QString &name);
    friend bool operator==(const Api &, const Api &) = default;
};

QString toString(ApiType type);
std::optional<ApiType> apiTypeFromString(const QString &s);
QString toString(IntegrationType type);
std::optional<IntegrationType> integrationTypeFromString(const QString &s); // case-insensitive
QString toString(PassthroughBehavior behavior);
std::optional<PassthroughBehavior> passthroughFromString(const QString &s);

} // namespace gw::model
