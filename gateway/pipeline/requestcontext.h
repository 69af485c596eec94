#pragma once

#include "endpoint.h"
#include "trace.h"

#include "gateway/core/httpmessage.h"
#include "gateway/core/requesthandler.h"
#include "gateway/deploy/runtimeconfig.h"
#include "gateway/transform/mappingrequest.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonObject>

#include <memory>
#include <optional>

namespace gw::pipeline {

// A failure decided by a phase: the gateway-response type (MISSING_AUTHENTICATION_TOKEN, ...)
// and the message that becomes $context.error.message. The single error path turns it into the
// response from the API's gateway-response table.
struct GatewayError
{
    QString responseType;
    QString message;
    bool messageIsNull = false;  // AUTHORIZER_CONFIGURATION_ERROR's body is {"message": null}
    QString logLine;             // "Execution failed due to ..." for the trace
    int status = 0;              // overrides the type's default status: Lambda proxy failures are
                                 // 502 under DEFAULT_5XX (reference §3.3)
    QString validationErrorString = {}; // $context.error.validationErrorString (request validation)
    QByteArray errorType = {};   // overrides the type's x-amzn-ErrorType (SigV4: IncompleteSignatureException...)
};

// All per-request state. Phases hold only immutable configuration; everything that changes
// while a request runs lives here. Owned by a shared_ptr so async callbacks can hold a weak_ptr.
struct RequestContext
{
    HttpRequest request;
    ResponseCallback done;
    QString requestId;
    QString extendedRequestId;
    // X-Amzn-Trace-Id: the client's when well-formed, else a new one (core/traceid.h). Sent to
    // integrations and, for AWS, AWS_PROXY and HTTP integrations of REST APIs, to the client.
    QString traceHeader;
    QDateTime requestTime;
    QElapsedTimer timer;
    bool testInvoke = false;

    std::shared_ptr<const deploy::RuntimeConfig> config;
    std::shared_ptr<const deploy::CompiledApi> api;
    std::shared_ptr<const deploy::CompiledStage> stage;
    std::shared_ptr<const deploy::CompiledDeployment> deployment;
    const deploy::CompiledResource *resource = nullptr;
    const deploy::CompiledMethod *method = nullptr;
    bool isCanaryRequest = false;
    QString domainName;
    QString stagePath;           // request path below the stage, raw, starting with '/'
    QString rawStagePath;        // the same before extra leading slashes were dropped
    QList<QPair<QString, QString>> pathParameters;
    QList<QPair<QString, QString>> query;  // decoded, in order
    QMap<QString, QString> stageVariables;

    EndpointRequest endpointRequest;
    EndpointResult endpointResult;
    // AWS and AWS_PROXY: the URI is an ARN, not a URL. The integration-request phase leaves it
    // (stage variables and {params} filled in) and the mapped query and path values here;
    // endpointRequest then carries the method, the mapped headers and the body.
    QString integrationArn;
    QList<QPair<QString, QString>> integrationQuery;
    QHash<QString, QString> integrationPathParameters;
    // The integration-response selection value when it is not the status code: a Lambda (AWS
    // type) invocation's errorMessage, empty for a successful one (reference §1.4).
    std::optional<QString> selectionValue;
    qint64 integrationLatencyMs = -1;
    UpstreamTransport::Cancel cancelIntegration;

    // Access control, filled in AWS's order (reference §1): the authorize phase sets
    // `authorizer` (principalId, context map, JWT claims, usageIdentifierKey); the API-key phase
    // sets apiKeyId (never the key's value) and the usage plan that admits it on this stage.
    struct AuthorizerResult
    {
        QString principalId;
        QJsonObject context;       // $context.authorizer.<key>
        QJsonObject claims;        // $context.authorizer.claims.<claim> (Cognito / JWT)
        QStringList scopes;        // JWT scopes granted
        QString usageIdentifierKey;
        qint64 integrationLatencyMs = -1; // a Lambda authorizer's run time; 0 when its result came from the cache
    };
    std::optional<AuthorizerResult> authorizer;
    std::optional<auth::IamCaller> iamCaller;  // an AWS_IAM request whose signature verified
    QString authorizerError;     // why the authorizer refused ($context.authorizer.error, HTTP API www-authenticate)
    QString apiKeyId;
    QString usagePlanId;
    // Set by the cache phase on a hit: the integration phases pass the stored response through.
    bool servedFromCache = false;
    bool cacheMissed = false;  // looked up and not found: CacheMissCount
    // $context.requestOverride / responseOverride as mapping templates set them (reference §4.4).
    transform::MappingOverrides mappingOverrides;

    HttpResponse response;
    std::optional<GatewayError> error;
    Trace trace;

    // Pipeline runner bookkeeping.
    int phaseIndex = 0;
    int lastPhaseRun = -1;
    bool finished = false;

    // Limits for what traces keep (set by the processor).
    qsizetype traceBodyLimit = 10 * 1024;
    QList<QByteArray> secretHeaders;   // masked in traces besides the built-in ones
    // A header map as AWS's logs print it ({k=v, ...}), secrets masked.
    QString traceHeaders(const HeaderList &headers) const;
    // A body for the trace, cut at traceBodyLimit with a marker.
    QString traceBody(const QByteArray &body) const;

    qint64 elapsedUs() const { return timer.nsecsElapsed() / 1000; }
    void log(const QString &phase, const QString &text) { trace.add(elapsedUs(), phase, text); }
    bool tracing() const { return trace.enabled(); }
    void fail(GatewayError e) { error = std::move(e); }

    QString httpMethod() const { return gw::methodString(request.method); }
    QString resourcePath() const { return method ? method->resourcePath : QString(); }
    QString queryValue(const QString &name) const;  // last value, as API Gateway keeps it
    QString pathParameter(const QString &name) const;
    // $context as API Gateway defines it (REST), for templates, mappings and logs.
    QJsonObject contextObject() const;
};

} // namespace gw::pipeline
