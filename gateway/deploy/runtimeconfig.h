#pragma once

#include "router.h"
#include "templatecompiler.h"

#include "gateway/apikeys/apikeytable.h"
#include "gateway/apikeys/quotaledger.h"
#include "gateway/validate/methodvalidation.h"
#include "gateway/auth/authcaches.h"
#include "gateway/auth/compiledauth.h"
#include "gateway/auth/iamidentitytable.h"

#include "gateway/model/diagnostic.h"
#include "gateway/observe/accesslogformat.h"
#include "gateway/model/project.h"
#include "gateway/traffic/httpcorspolicy.h"
#include "gateway/traffic/methodtraffic.h"
#include "gateway/traffic/usageplanthrottles.h"

#include <QHash>
#include <QSet>
#include <QRegularExpression>

#include <memory>
#include <optional>
#include <vector>

namespace gw::aws {
class ServiceRequestBuilder;
}
namespace gw::apikeys {
class ApiKeyTable;
class QuotaLedger;
}
namespace gw::validate {
struct MethodValidation;
}

namespace gw::deploy {

struct CompiledIntegrationResponse
{
    model::IntegrationResponse definition;
    QRegularExpression pattern;  // anchored: selection patterns must match the whole value
    bool isDefault = false;
    int status = 200;            // statusCode, parsed once
    CompiledTemplates templates; // responseTemplates, parsed once
};

struct CompiledMethod
{
    QString resourceId;
    QString resourcePath;
    model::Method method;
    QList<CompiledIntegrationResponse> integrationResponses;
    CompiledTemplates requestTemplates; // the integration's, parsed once
    std::shared_ptr<const validate::MethodValidation> validation; // null: no request validator
};

struct CompiledResource
{
    QString id;
    QString path;
    QHash<QString, CompiledMethod> methods; // by verb, "ANY" included

    // Exact verb first, then ANY (HEAD is not implied by GET).
    const CompiledMethod *method(const QString &verb) const;
};

// One deployment compiled for serving: everything parsed once, nothing parsed per request.
struct CompiledDeployment
{
    QString id;
    model::ApiDefinition definition;
    std::vector<std::unique_ptr<CompiledResource>> resources;
    Router router;
    // HTTP APIs: the $default route (resource path "$default"), or null.
    std::unique_ptr<CompiledResource> defaultRoute;
    // HTTP APIs with a corsConfiguration: the gateway's own CORS answers (reference §9.2), or null.
    std::shared_ptr<const traffic::HttpCorsPolicy> cors;
    // Authorizers and resource policy, compiled once (gateway/auth).
    std::shared_ptr<const auth::CompiledAuth> auth;
};

struct CompiledCanary
{
    std::shared_ptr<const CompiledDeployment> deployment;
    double percentTraffic = 0.0;
    QMap<QString, QString> variables; // stage variables with the overrides merged in
    bool useStageCache = false;
};

struct CompiledStage
{
    QString name;
    model::Stage settings;
    QMap<QString, QString> variables;
    std::shared_ptr<const CompiledDeployment> deployment; // null: the stage has no deployment
    std::optional<CompiledCanary> canary;
    // Access logging: on when both are set. The path is absolute (resolved at compile time).
    std::shared_ptr<const observe::AccessLogFormat> accessLogFormat;
    QString accessLogPath;
    // Throttle and cache settings of every method this stage serves (its deployment's and its
    // canary's), resolved from methodSettings at deploy time (trafficcompiler.cpp).
    QHash<const CompiledMethod *, traffic::MethodTraffic> traffic;
    QString cacheName;             // "{apiId}/{stage}": the stage's cache in the engine's registry
    qint64 cacheCapacityBytes = 0; // 0: no cache cluster
    const traffic::MethodTraffic *methodTraffic(const CompiledMethod *method) const;
};

struct CompiledApi
{
    QString id;
    QString name;
    model::ApiType type = model::ApiType::Rest;
    QString endpointType;
    QHash<QString, std::shared_ptr<const CompiledStage>> stages;
};

// What the engine serves: an immutable snapshot shared by all worker threads. A deploy builds a
// new one and posts it; requests in flight finish on the snapshot they started with.
struct RuntimeConfig
{
    QHash<QString, std::shared_ptr<const CompiledApi>> apis; // key: API id, lower case
    qsizetype traceBodyLimit = 10 * 1024;
    QList<QByteArray> maskedHeaders;
    // Throttling above the stages: the account's bucket and the usage plans' per-key limits.
    traffic::ThrottleLimits accountThrottle = traffic::kAccountDefaultLimits;
    std::shared_ptr<const traffic::UsagePlanThrottles> planThrottles;
    QSet<QString> cacheNames() const; // the stages with a cache cluster
    std::shared_ptr<const CompiledApi> api(const QString &id) const;

    // The project's functions by name (Lambda integrations, authorizers, the CLI).
    QHash<QString, model::Function> functions;
    const model::Function *function(const QString &name) const;
    // AWS service integrations: requests signed with credentials resolved once, here at compile
    // time (never per request); null when no API uses an AWS service, or when credentials are
    // missing — then awsCredentialsError says why (it holds no secret).
    model::AwsSettings aws;
    std::shared_ptr<const aws::ServiceRequestBuilder> awsRequests;
    QString awsCredentialsError;
    // API keys and usage plans (immutable), and the quota counters every worker shares. The
    // engine hands the previous deploy's counters on (QuotaLedger::continueFrom).
    std::shared_ptr<const apikeys::ApiKeyTable> apiKeys;
    std::shared_ptr<apikeys::QuotaLedger> quotas;
    // The project's IAM identities, for AWS_IAM methods and routes (SigV4 verification).
    std::shared_ptr<const auth::IamIdentityTable> iamIdentities;
    // Authorizer results and fetched JWKS, shared by all workers (thread-safe).
    std::shared_ptr<auth::AuthCaches> authCaches = std::make_shared<auth::AuthCaches>();
};

std::shared_ptr<const CompiledDeployment> compileDeployment(const model::Deployment &deployment,
                                                            model::Diagnostics *diagnostics,
                                                            const QString &path,
                                                            const auth::AuthCompileInput &authInput = {});
// `projectDir` anchors relative paths in the project (access-log destinations).
std::shared_ptr<const RuntimeConfig> compile(const model::Project &project, model::Diagnostics *diagnostics,
                                             const QString &projectDir = {});

} // namespace gw::deploy
