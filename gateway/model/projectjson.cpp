#include "projectjson.h"

#include "jsonreader.h"

#include <QJsonArray>

#include <algorithm>

namespace gw::model {

namespace {

template<typename Map>
QJsonObject mapToJson(const Map &map)
{
    QJsonObject o;
    for (auto it = map.begin(); it != map.end(); ++it)
        o.insert(it.key(), it.value());
    return o;
}

void putIf(QJsonObject &o, const char *key, const QString &value)
{
    if (!value.isEmpty())
        o.insert(QLatin1String(key), value);
}

template<typename Map>
void putMapIf(QJsonObject &o, const char *key, const Map &map)
{
    if (!map.isEmpty())
        o.insert(QLatin1String(key), mapToJson(map));
}

void putListIf(QJsonObject &o, const char *key, const QStringList &list)
{
    if (!list.isEmpty())
        o.insert(QLatin1String(key), QJsonArray::fromStringList(list));
}

template<typename T>
void putOpt(QJsonObject &o, const char *key, const std::optional<T> &v)
{
    if (v)
        o.insert(QLatin1String(key), *v);
}

QJsonObject toJson(const IntegrationResponse &r)
{
    QJsonObject o;
    putIf(o, "selectionPattern", r.selectionPattern);
    o.insert(QLatin1String("statusCode"), r.statusCode);
    putMapIf(o, "responseParameters", r.responseParameters);
    putMapIf(o, "responseTemplates", r.responseTemplates);
    putIf(o, "contentHandling", r.contentHandling);
    return o;
}

QJsonObject toJson(const Integration &i)
{
    QJsonObject o;
    o.insert(QLatin1String("type"), toString(i.type));
    putIf(o, "httpMethod", i.httpMethod);
    putIf(o, "uri", i.uri);
    putMapIf(o, "requestParameters", i.requestParameters);
    putMapIf(o, "requestTemplates", i.requestTemplates);
    if (i.passthroughBehavior != PassthroughBehavior::WhenNoMatch)
        o.insert(QLatin1String("passthroughBehavior"), toString(i.passthroughBehavior));
    putIf(o, "contentHandling", i.contentHandling);
    if (i.timeoutInMillis != 29000)
        o.insert(QLatin1String("timeoutInMillis"), i.timeoutInMillis);
    if (!i.integrationResponses.isEmpty()) {
        QJsonArray a;
        for (const auto &r : i.integrationResponses)
            a.append(toJson(r));
        o.insert(QLatin1String("integrationResponses"), a);
    }
    putListIf(o, "cacheKeyParameters", i.cacheKeyParameters);
    putIf(o, "cacheNamespace", i.cacheNamespace);
    putIf(o, "credentials", i.credentials);
    if (i.tlsInsecureSkipVerification)
        o.insert(QLatin1String("tlsInsecureSkipVerification"), true);
    putIf(o, "payloadFormatVersion", i.payloadFormatVersion);
    return o;
}

QJsonObject toJson(const MethodResponse &r)
{
    QJsonObject o;
    o.insert(QLatin1String("statusCode"), r.statusCode);
    putMapIf(o, "responseParameters", r.responseParameters);
    putMapIf(o, "responseModels", r.responseModels);
    return o;
}

QJsonObject toJson(const MethodSetting &s)
{
    QJsonObject o;
    putOpt(o, "throttlingBurstLimit", s.throttlingBurstLimit);
    putOpt(o, "throttlingRateLimit", s.throttlingRateLimit);
    putOpt(o, "cachingEnabled", s.cachingEnabled);
    putOpt(o, "cacheTtlInSeconds", s.cacheTtlInSeconds);
    putOpt(o, "cacheDataEncrypted", s.cacheDataEncrypted);
    putOpt(o, "requireAuthorizationForCacheControl", s.requireAuthorizationForCacheControl);
    putIf(o, "unauthorizedCacheControlHeaderStrategy", s.unauthorizedCacheControlHeaderStrategy);
    putOpt(o, "metricsEnabled", s.metricsEnabled);
    putIf(o, "loggingLevel", s.loggingLevel);
    putOpt(o, "dataTraceEnabled", s.dataTraceEnabled);
    return o;
}

QJsonObject toJson(const Authorizer &a)
{
    QJsonObject o;
    o.insert(QLatin1String("id"), a.id);
    o.insert(QLatin1String("name"), a.name);
    o.insert(QLatin1String("type"), a.type);
    putIf(o, "authorizerUri", a.authorizerUri);
    putIf(o, "functionName", a.functionName);
    putIf(o, "identitySource", a.identitySource);
    putIf(o, "identityValidationExpression", a.identityValidationExpression);
    o.insert(QLatin1String("resultTtlInSeconds"), a.resultTtlInSeconds);
    putListIf(o, "providerArns", a.providerArns);
    putIf(o, "issuer", a.issuer);
    putListIf(o, "audience", a.audience);
    putIf(o, "jwksUri", a.jwksUri);
    if (!a.jwks.isEmpty())
        o.insert(QLatin1String("jwks"), a.jwks);
    putIf(o, "authorizerPayloadFormatVersion", a.payloadFormatVersion);
    if (a.enableSimpleResponses)
        o.insert(QLatin1String("enableSimpleResponses"), true);
    return o;
}

QJsonObject throttleToJson(const ThrottleSettings &t)
{
    QJsonObject o;
    putOpt(o, "rateLimit", t.rateLimit);
    putOpt(o, "burstLimit", t.burstLimit);
    return o;
}

ThrottleSettings throttleFromJson(const QJsonObject &json, const QString &path, Diagnostics *d)
{
    ThrottleSettings t;
    JsonReader in(json, path, d);
    in.read("rateLimit", t.rateLimit);
    in.read("burstLimit", t.burstLimit);
    return t;
}

IntegrationResponse integrationResponseFromJson(const QJsonObject &json, const QString &path, Diagnostics *d)
{
    IntegrationResponse r;
    JsonReader in(json, path, d);
    in.read("selectionPattern", r.selectionPattern);
    in.read("statusCode", r.statusCode);
    in.read("responseParameters", r.responseParameters);
    in.read("responseTemplates", r.responseTemplates);
    in.read("contentHandling", r.contentHandling);
    return r;
}

Integration integrationFromJson(const QJsonObject &json, const QString &path, Diagnostics *d)
{
    Integration i;
    JsonReader in(json, path, d);
    QString type;
    in.read("type", type);
    if (const auto t = integrationTypeFromString(type))
        i.type = *t;
    else
        in.error("type", QStringLiteral("unknown integration type '%1' (expected MOCK, HTTP, HTTP_PROXY, AWS or AWS_PROXY)").arg(type));
    in.read("httpMethod", i.httpMethod);
    in.read("uri", i.uri);
    in.read("requestParameters", i.requestParameters);
    in.read("requestTemplates", i.requestTemplates);
    QString passthrough;
    in.read("passthroughBehavior", passthrough);
    if (!passthrough.isEmpty()) {
        if (const auto p = passthroughFromString(passthrough))
            i.passthroughBehavior = *p;
        else
            in.error("passthroughBehavior", QStringLiteral("unknown passthrough behaviour '%1'").arg(passthrough));
    }
    in.read("contentHandling", i.contentHandling);
    in.read("timeoutInMillis", i.timeoutInMillis);
    const QJsonArray responses = in.array("integrationResponses");
    for (qsizetype k = 0; k < responses.size(); ++k)
        i.integrationResponses.append(integrationResponseFromJson(
            responses[k].toObject(), in.childPath("integrationResponses", k), d));
    in.read("cacheKeyParameters", i.cacheKeyParameters);
    in.read("cacheNamespace", i.cacheNamespace);
    in.read("credentials", i.credentials);
    in.read("tlsInsecureSkipVerification", i.tlsInsecureSkipVerification);
    in.read("payloadFormatVersion", i.payloadFormatVersion);
    if (!i.payloadFormatVersion.isEmpty() && i.payloadFormatVersion != QLatin1String("1.0") && i.payloadFormatVersion != QLatin1String("2.0"))
        in.error("payloadFormatVersion", QStringLiteral("payloadFormatVersion must be 1.0 or 2.0"));
    return i;
}

MethodSetting methodSettingFromJson(const QJsonObject &json, const QString &path, Diagnostics *d)
{
    MethodSetting s;
    JsonReader in(json, path, d);
    in.read("throttlingBurstLimit", s.throttlingBurstLimit);
    in.read("throttlingRateLimit", s.throttlingRateLimit);
    in.read("cachingEnabled", s.cachingEnabled);
    in.read("cacheTtlInSeconds", s.cacheTtlInSeconds);
    in.read("cacheDataEncrypted", s.cacheDataEncrypted);
    in.read("requireAuthorizationForCacheControl", s.requireAuthorizationForCacheControl);
    in.read("unauthorizedCacheControlHeaderStrategy", s.unauthorizedCacheControlHeaderStrategy);
    in.read("metricsEnabled", s.metricsEnabled);
    in.read("loggingLevel", s.loggingLevel);
    in.read("dataTraceEnabled", s.dataTraceEnabled);
    return s;
}

Stage stageFromJson(const QJsonObject &json, const QString &path, Diagnostics *d)
{
    Stage s;
    JsonReader in(json, path, d);
    in.read("name", s.name);
    in.read("description", s.description);
    in.read("deploymentId", s.deploymentId);
    in.read("variables", s.variables);
    in.read("cacheClusterEnabled", s.cacheClusterEnabled);
    in.read("cacheClusterSize", s.cacheClusterSize);
    const QJsonObject settings = in.object("methodSettings");
    for (auto it = settings.begin(); it != settings.end(); ++it)
        s.methodSettings.insert(it.key(), methodSettingFromJson(it->toObject(),
                                                                in.childPath("methodSettings", it.key()), d));
    if (in.has("canarySettings")) {
        CanarySettings c;
        JsonReader cin(in.object("canarySettings"), in.childPath("canarySettings"), d);
        cin.read("deploymentId", c.deploymentId);
        cin.read("percentTraffic", c.percentTraffic);
        cin.read("stageVariableOverrides", c.stageVariableOverrides);
        cin.read("useStageCache", c.useStageCache);
        s.canary = c;
    }
    in.read("accessLogFormat", s.accessLogFormat);
    in.read("accessLogDestination", s.accessLogDestination);
    in.read("tracingEnabled", s.tracingEnabled);
    return s;
}

Authorizer authorizerFromJson(const QJsonObject &json, const QString &path, Diagnostics *d)
{
    Authorizer a;
    JsonReader in(json, path, d);
    in.read("id", a.id);
    in.read("name", a.name);
    in.read("type", a.type);
    in.read("authorizerUri", a.authorizerUri);
    in.read("functionName", a.functionName);
    in.read("identitySource", a.identitySource);
    in.read("identityValidationExpression", a.identityValidationExpression);
    in.read("resultTtlInSeconds", a.resultTtlInSeconds);
    in.read("providerArns", a.providerArns);
    in.read("issuer", a.issuer);
    in.read("audience", a.audience);
    in.read("jwksUri", a.jwksUri);
    in.read("jwks", a.jwks);
    in.read("authorizerPayloadFormatVersion", a.payloadFormatVersion);
    in.read("enableSimpleResponses", a.enableSimpleResponses);
    return a;
}

} // namespace

QJsonObject toJson(const Method &m)
{
    QJsonObject o;
    if (m.authorizationType != QLatin1String("NONE"))
        o.insert(QLatin1String("authorizationType"), m.authorizationType);
    putIf(o, "authorizerId", m.authorizerId);
    putListIf(o, "authorizationScopes", m.authorizationScopes);
    if (m.apiKeyRequired)
        o.insert(QLatin1String("apiKeyRequired"), true);
    putIf(o, "requestValidatorId", m.requestValidatorId);
    putIf(o, "operationName", m.operationName);
    putMapIf(o, "requestParameters", m.requestParameters);
    putMapIf(o, "requestModels", m.requestModels);
    if (!m.methodResponses.isEmpty()) {
        QJsonArray a;
        for (const auto &r : m.methodResponses)
            a.append(toJson(r));
        o.insert(QLatin1String("methodResponses"), a);
    }
    if (m.integration)
        o.insert(QLatin1String("integration"), toJson(*m.integration));
    return o;
}

QJsonObject toJson(const ApiDefinition &def)
{
    QJsonObject o;
    QJsonArray resources;
    QList<const Resource *> sorted;
    for (const auto &r : def.resources)
        sorted.append(&r);
    std::sort(sorted.begin(), sorted.end(), [](auto *a, auto *b) { return a->path < b->path; });
    for (const Resource *r : sorted) {
        QJsonObject ro;
        ro.insert(QLatin1String("id"), r->id);
        ro.insert(QLatin1String("path"), r->path);
        if (!r->methods.isEmpty()) {
            QJsonObject methods;
            for (auto it = r->methods.begin(); it != r->methods.end(); ++it)
                methods.insert(it.key(), toJson(it.value()));
            ro.insert(QLatin1String("methods"), methods);
        }
        resources.append(ro);
    }
    o.insert(QLatin1String("resources"), resources);
    if (!def.models.isEmpty()) {
        QJsonArray a;
        for (const auto &m : def.models) {
            QJsonObject mo;
            mo.insert(QLatin1String("name"), m.name);
            mo.insert(QLatin1String("contentType"), m.contentType);
            putIf(mo, "description", m.description);
            mo.insert(QLatin1String("schema"), m.schema);
            a.append(mo);
        }
        o.insert(QLatin1String("models"), a);
    }
    if (!def.requestValidators.isEmpty()) {
        QJsonArray a;
        for (const auto &v : def.requestValidators)
            a.append(QJsonObject{{QStringLiteral("id"), v.id}, {QStringLiteral("name"), v.name},
                                 {QStringLiteral("validateRequestBody"), v.validateRequestBody},
                                 {QStringLiteral("validateRequestParameters"), v.validateRequestParameters}});
        o.insert(QLatin1String("requestValidators"), a);
    }
    if (!def.authorizers.isEmpty()) {
        QJsonArray a;
        for (const auto &au : def.authorizers)
            a.append(toJson(au));
        o.insert(QLatin1String("authorizers"), a);
    }
    if (!def.gatewayResponses.isEmpty()) {
        QJsonObject g;
        for (auto it = def.gatewayResponses.begin(); it != def.gatewayResponses.end(); ++it) {
            QJsonObject go;
            putOpt(go, "statusCode", it->statusCode);
            putMapIf(go, "responseParameters", it->responseParameters);
            putMapIf(go, "responseTemplates", it->responseTemplates);
            g.insert(it.key(), go);
        }
        o.insert(QLatin1String("gatewayResponses"), g);
    }
    putListIf(o, "binaryMediaTypes", def.binaryMediaTypes);
    if (def.apiKeySource != QLatin1String("HEADER"))
        o.insert(QLatin1String("apiKeySource"), def.apiKeySource);
    if (!def.policy.isEmpty())
        o.insert(QLatin1String("policy"), def.policy);
    if (def.defaultRoute)
        o.insert(QLatin1String("defaultRoute"), toJson(*def.defaultRoute));
    if (!def.corsConfiguration.isEmpty())
        o.insert(QLatin1String("corsConfiguration"), def.corsConfiguration);
    return o;
}

QJsonObject toJson(const Stage &s)
{
    QJsonObject o;
    o.insert(QLatin1String("name"), s.name);
    putIf(o, "description", s.description);
    putIf(o, "deploymentId", s.deploymentId);
    putMapIf(o, "variables", s.variables);
    if (s.cacheClusterEnabled)
        o.insert(QLatin1String("cacheClusterEnabled"), true);
    if (s.cacheClusterSize != QLatin1String("0.5"))
        o.insert(QLatin1String("cacheClusterSize"), s.cacheClusterSize);
    if (!s.methodSettings.isEmpty()) {
        QJsonObject ms;
        for (auto it = s.methodSettings.begin(); it != s.methodSettings.end(); ++it)
            ms.insert(it.key(), toJson(it.value()));
        o.insert(QLatin1String("methodSettings"), ms);
    }
    if (s.canary) {
        QJsonObject c;
        c.insert(QLatin1String("deploymentId"), s.canary->deploymentId);
        c.insert(QLatin1String("percentTraffic"), s.canary->percentTraffic);
        putMapIf(c, "stageVariableOverrides", s.canary->stageVariableOverrides);
        if (s.canary->useStageCache)
            c.insert(QLatin1String("useStageCache"), true);
        o.insert(QLatin1String("canarySettings"), c);
    }
    putIf(o, "accessLogFormat", s.accessLogFormat);
    putIf(o, "accessLogDestination", s.accessLogDestination);
    if (s.tracingEnabled)
        o.insert(QLatin1String("tracingEnabled"), true);
    return o;
}

QJsonObject toJson(const Api &api)
{
    QJsonObject o;
    o.insert(QLatin1String("id"), api.id);
    o.insert(QLatin1String("name"), api.name);
    putIf(o, "description", api.description);
    o.insert(QLatin1String("type"), toString(api.type));
    o.insert(QLatin1String("endpointType"), api.endpointType);
    putIf(o, "version", api.version);
    o.insert(QLatin1String("design"), toJson(api.design));
    QJsonArray stages;
    for (const auto &s : api.stages)
        stages.append(toJson(s));
    o.insert(QLatin1String("stages"), stages);
    QJsonArray deployments;
    for (const auto &d : api.deployments) {
        QJsonObject dj;
        dj.insert(QLatin1String("id"), d.id);
        putIf(dj, "description", d.description);
        dj.insert(QLatin1String("createdDate"), d.createdDate.toUTC().toString(Qt::ISODateWithMs));
        dj.insert(QLatin1String("api"), toJson(d.api));
        deployments.append(dj);
    }
    o.insert(QLatin1String("deployments"), deployments);
    return o;
}

QJsonObject toJson(const Project &p)
{
    QJsonObject o;
    o.insert(QLatin1String("schemaVersion"), Project::kSchemaVersion);
    o.insert(QLatin1String("name"), p.name);
    QJsonObject server{{QStringLiteral("host"), p.server.host}, {QStringLiteral("port"), p.server.port}};
    if (p.server.traceBodyLimit != 10 * 1024)
        server.insert(QLatin1String("traceBodyLimit"), p.server.traceBodyLimit);
    putListIf(server, "maskedHeaders", p.server.maskedHeaders);
    if (p.server.accountThrottle)
        server.insert(QLatin1String("accountThrottle"), throttleToJson(*p.server.accountThrottle));
    o.insert(QLatin1String("server"), server);
    QJsonArray apis;
    for (const auto &a : p.apis)
        apis.append(toJson(a));
    o.insert(QLatin1String("apis"), apis);
    if (!p.functions.isEmpty()) {
        QJsonArray functions;
        for (const auto &f : p.functions) {
            QJsonObject fo;
            fo.insert(QLatin1String("name"), f.name);
            fo.insert(QLatin1String("runtime"), f.runtime);
            putIf(fo, "code", f.code);
            putIf(fo, "endpointUrl", f.endpointUrl);
            fo.insert(QLatin1String("timeoutSeconds"), f.timeoutSeconds);
            fo.insert(QLatin1String("memoryMb"), f.memoryMb);
            putMapIf(fo, "environment", f.environment);
            functions.append(fo);
        }
        o.insert(QLatin1String("functions"), functions);
    }
    if (!p.usagePlans.isEmpty()) {
        QJsonArray plans;
        for (const auto &u : p.usagePlans) {
            QJsonObject uo;
            uo.insert(QLatin1String("id"), u.id);
            uo.insert(QLatin1String("name"), u.name);
            putIf(uo, "description", u.description);
            if (u.throttle)
                uo.insert(QLatin1String("throttle"), throttleToJson(*u.throttle));
            if (u.quota)
                uo.insert(QLatin1String("quota"), QJsonObject{{QStringLiteral("limit"), u.quota->limit},
                                                              {QStringLiteral("offset"), u.quota->offset},
                                                              {QStringLiteral("period"), u.quota->period}});
            QJsonArray stages;
            for (const auto &st : u.apiStages) {
                QJsonObject so{{QStringLiteral("apiId"), st.apiId}, {QStringLiteral("stage"), st.stage}};
                if (!st.methodThrottles.isEmpty()) {
                    QJsonObject mt;
                    for (auto it = st.methodThrottles.begin(); it != st.methodThrottles.end(); ++it)
                        mt.insert(it.key(), throttleToJson(it.value()));
                    so.insert(QLatin1String("throttle"), mt);
                }
                stages.append(so);
            }
            uo.insert(QLatin1String("apiStages"), stages);
            putListIf(uo, "apiKeyIds", u.apiKeyIds);
            plans.append(uo);
        }
        o.insert(QLatin1String("usagePlans"), plans);
    }
    if (!p.apiKeys.isEmpty()) {
        QJsonArray keys;
        for (const auto &k : p.apiKeys) {
            QJsonObject ko{{QStringLiteral("id"), k.id}, {QStringLiteral("name"), k.name}, {QStringLiteral("value"), k.value}};
            putIf(ko, "description", k.description);
            if (!k.enabled)
                ko.insert(QLatin1String("enabled"), false);
            keys.append(ko);
        }
        o.insert(QLatin1String("apiKeys"), keys);
    }
    if (!p.iamIdentities.isEmpty()) {
        QJsonArray identities;
        for (const IamIdentity &i : p.iamIdentities) {
            QJsonObject io{{QStringLiteral("accessKeyId"), i.accessKeyId}, {QStringLiteral("secretAccessKey"), i.secretAccessKey}};
            putIf(io, "sessionToken", i.sessionToken);
            putIf(io, "name", i.name);
            putIf(io, "description", i.description);
            putListIf(io, "allow", i.allow);
            putListIf(io, "deny", i.deny);
            identities.append(io);
        }
        o.insert(QLatin1String("iamIdentities"), identities);
    }
    if (!(p.aws == AwsSettings{})) {
        QJsonObject ao;
        putIf(ao, "profile", p.aws.profile);
        ao.insert(QLatin1String("region"), p.aws.region);
        putIf(ao, "defaultEndpoint", p.aws.defaultEndpoint);
        putMapIf(ao, "endpoints", p.aws.endpoints);
        o.insert(QLatin1String("aws"), ao);
    }
    for (auto it = p.extensions.begin(); it != p.extensions.end(); ++it)
        if (!o.contains(it.key())) // typed sections win over a stray extension of the same name
            o.insert(it.key(), it.value());
    return o;
}

Method methodFromJson(const QJsonObject &json, const QString &path, Diagnostics *d)
{
    Method m;
    JsonReader in(json, path, d);
    in.read("authorizationType", m.authorizationType);
    in.read("authorizerId", m.authorizerId);
    in.read("authorizationScopes", m.authorizationScopes);
    in.read("apiKeyRequired", m.apiKeyRequired);
    in.read("requestValidatorId", m.requestValidatorId);
    in.read("operationName", m.operationName);
    in.read("requestParameters", m.requestParameters);
    in.read("requestModels", m.requestModels);
    const QJsonArray responses = in.array("methodResponses");
    for (qsizetype k = 0; k < responses.size(); ++k) {
        MethodResponse r;
        JsonReader rin(responses[k].toObject(), in.childPath("methodResponses", k), d);
        rin.read("statusCode", r.statusCode);
        rin.read("responseParameters", r.responseParameters);
        rin.read("responseModels", r.responseModels);
        m.methodResponses.append(r);
    }
    if (in.has("integration"))
        m.integration = integrationFromJson(in.object("integration"), in.childPath("integration"), d);
    return m;
}

ApiDefinition definitionFromJson(const QJsonObject &json, const QString &path, Diagnostics *d)
{
    ApiDefinition def;
    JsonReader in(json, path, d);
    const QJsonArray resources = in.array("resources");
    for (qsizetype k = 0; k < resources.size(); ++k) {
        Resource r;
        const QString rpath = in.childPath("resources", k);
        JsonReader rin(resources[k].toObject(), rpath, d);
        rin.read("id", r.id);
        rin.read("path", r.path);
        const QJsonObject methods = rin.object("methods");
        for (auto it = methods.begin(); it != methods.end(); ++it) {
            Method m = methodFromJson(it->toObject(), rin.childPath("methods", it.key()), d);
            m.httpMethod = it.key();
            r.methods.insert(it.key(), m);
        }
        def.resources.append(r);
    }
    // Canonical order, the same as saving writes, so that load(save(x)) == x.
    std::stable_sort(def.resources.begin(), def.resources.end(),
                     [](const Resource &a, const Resource &b) { return a.path < b.path; });
    const QJsonArray models = in.array("models");
    for (qsizetype k = 0; k < models.size(); ++k) {
        ApiModel m;
        JsonReader min(models[k].toObject(), in.childPath("models", k), d);
        min.read("name", m.name);
        min.read("contentType", m.contentType);
        min.read("description", m.description);
        min.read("schema", m.schema);
        def.models.append(m);
    }
    const QJsonArray validators = in.array("requestValidators");
    for (qsizetype k = 0; k < validators.size(); ++k) {
        RequestValidator v;
        JsonReader vin(validators[k].toObject(), in.childPath("requestValidators", k), d);
        vin.read("id", v.id);
        vin.read("name", v.name);
        vin.read("validateRequestBody", v.validateRequestBody);
        vin.read("validateRequestParameters", v.validateRequestParameters);
        def.requestValidators.append(v);
    }
    const QJsonArray authorizers = in.array("authorizers");
    for (qsizetype k = 0; k < authorizers.size(); ++k)
        def.authorizers.append(authorizerFromJson(authorizers[k].toObject(), in.childPath("authorizers", k), d));
    const QJsonObject responses = in.object("gatewayResponses");
    for (auto it = responses.begin(); it != responses.end(); ++it) {
        GatewayResponse g;
        JsonReader gin(it->toObject(), in.childPath("gatewayResponses", it.key()), d);
        gin.read("statusCode", g.statusCode);
        gin.read("responseParameters", g.responseParameters);
        gin.read("responseTemplates", g.responseTemplates);
        def.gatewayResponses.insert(it.key(), g);
    }
    in.read("binaryMediaTypes", def.binaryMediaTypes);
    in.read("apiKeySource", def.apiKeySource);
    in.read("policy", def.policy);
    if (in.has("defaultRoute")) {
        def.defaultRoute = methodFromJson(in.object("defaultRoute"), in.childPath("defaultRoute"), d);
        def.defaultRoute->httpMethod = QStringLiteral("ANY");
    }
    in.read("corsConfiguration", def.corsConfiguration);
    return def;
}

Api apiFromJson(const QJsonObject &json, const QString &path, Diagnostics *d)
{
    Api api;
    JsonReader in(json, path, d);
    in.read("id", api.id);
    in.read("name", api.name);
    in.read("description", api.description);
    QString type = QStringLiteral("REST");
    in.read("type", type);
    if (const auto t = apiTypeFromString(type))
        api.type = *t;
    else
        in.error("type", QStringLiteral("unknown API type '%1' (expected REST, HTTP or WEBSOCKET)").arg(type));
    in.read("endpointType", api.endpointType);
    in.read("version", api.version);
    api.design = definitionFromJson(in.object("design"), in.childPath("design"), d);
    const QJsonArray stages = in.array("stages");
    for (qsizetype k = 0; k < stages.size(); ++k)
        api.stages.append(stageFromJson(stages[k].toObject(), in.childPath("stages", k), d));
    const QJsonArray deployments = in.array("deployments");
    for (qsizetype k = 0; k < deployments.size(); ++k) {
        Deployment dep;
        const QString dpath = in.childPath("deployments", k);
        JsonReader din(deployments[k].toObject(), dpath, d);
        din.read("id", dep.id);
        din.read("description", dep.description);
        QString created;
        din.read("createdDate", created);
        dep.createdDate = QDateTime::fromString(created, Qt::ISODateWithMs);
        dep.api = definitionFromJson(din.object("api"), din.childPath("api"), d);
        api.deployments.append(dep);
    }
    return api;
}

Project projectFromJson(const QJsonObject &json, Diagnostics *d)
{
    Project p;
    JsonReader in(json, QString(), d);
    in.read("name", p.name);
    JsonReader sin(in.object("server"), in.childPath("server"), d);
    sin.read("host", p.server.host);
    sin.read("port", p.server.port);
    sin.read("traceBodyLimit", p.server.traceBodyLimit);
    sin.read("maskedHeaders", p.server.maskedHeaders);
    if (sin.has("accountThrottle"))
        p.server.accountThrottle = throttleFromJson(sin.object("accountThrottle"), sin.childPath("accountThrottle"), d);
    const QJsonArray apis = in.array("apis");
    for (qsizetype k = 0; k < apis.size(); ++k) {
        if (!apis[k].isObject()) {
            d->append({Diagnostic::Severity::Error, in.childPath("apis", k), QStringLiteral("expected an object")});
            continue;
        }
        p.apis.append(apiFromJson(apis[k].toObject(), in.childPath("apis", k), d));
    }
    const QJsonArray functions = in.array("functions");
    for (qsizetype k = 0; k < functions.size(); ++k) {
        Function f;
        JsonReader fin(functions[k].toObject(), in.childPath("functions", k), d);
        fin.read("name", f.name);
        fin.read("runtime", f.runtime);
        fin.read("code", f.code);
        fin.read("endpointUrl", f.endpointUrl);
        fin.read("timeoutSeconds", f.timeoutSeconds);
        fin.read("memoryMb", f.memoryMb);
        fin.read("environment", f.environment);
        p.functions.append(f);
    }
    const QJsonArray plans = in.array("usagePlans");
    for (qsizetype k = 0; k < plans.size(); ++k) {
        UsagePlan u;
        const QString upath = in.childPath("usagePlans", k);
        JsonReader uin(plans[k].toObject(), upath, d);
        uin.read("id", u.id);
        uin.read("name", u.name);
        uin.read("description", u.description);
        if (uin.has("throttle"))
            u.throttle = throttleFromJson(uin.object("throttle"), uin.childPath("throttle"), d);
        if (uin.has("quota")) {
            QuotaSettings q;
            JsonReader qin(uin.object("quota"), uin.childPath("quota"), d);
            qin.read("limit", q.limit);
            qin.read("offset", q.offset);
            qin.read("period", q.period);
            u.quota = q;
        }
        const QJsonArray stages = uin.array("apiStages");
        for (qsizetype j = 0; j < stages.size(); ++j) {
            UsagePlanStage st;
            JsonReader sin2(stages[j].toObject(), uin.childPath("apiStages", j), d);
            sin2.read("apiId", st.apiId);
            sin2.read("stage", st.stage);
            const QJsonObject mt = sin2.object("throttle");
            for (auto it = mt.begin(); it != mt.end(); ++it)
                st.methodThrottles.insert(it.key(), throttleFromJson(it->toObject(), sin2.childPath("throttle", it.key()), d));
            u.apiStages.append(st);
        }
        uin.read("apiKeyIds", u.apiKeyIds);
        p.usagePlans.append(u);
    }
    const QJsonArray keys = in.array("apiKeys");
    for (qsizetype k = 0; k < keys.size(); ++k) {
        ApiKey key;
        JsonReader kin(keys[k].toObject(), in.childPath("apiKeys", k), d);
        kin.read("id", key.id);
        kin.read("name", key.name);
        kin.read("description", key.description);
        kin.read("value", key.value);
        kin.read("enabled", key.enabled);
        p.apiKeys.append(key);
    }
    const QJsonArray identities = in.array("iamIdentities");
    for (qsizetype k = 0; k < identities.size(); ++k) {
        IamIdentity i;
        JsonReader iin(identities[k].toObject(), in.childPath("iamIdentities", k), d);
        iin.read("accessKeyId", i.accessKeyId);
        iin.read("secretAccessKey", i.secretAccessKey);
        iin.read("sessionToken", i.sessionToken);
        iin.read("name", i.name);
        iin.read("description", i.description);
        iin.read("allow", i.allow);
        iin.read("deny", i.deny);
        p.iamIdentities.append(i);
    }
    if (in.has("aws")) {
        JsonReader ain(in.object("aws"), in.childPath("aws"), d);
        ain.read("profile", p.aws.profile);
        ain.read("region", p.aws.region);
        ain.read("defaultEndpoint", p.aws.defaultEndpoint);
        ain.read("endpoints", p.aws.endpoints);
    }
    static const QStringList known = {QStringLiteral("schemaVersion"), QStringLiteral("name"),
                                      QStringLiteral("server"), QStringLiteral("apis"),
                                      QStringLiteral("functions"), QStringLiteral("aws"),
                                      QStringLiteral("usagePlans"), QStringLiteral("apiKeys"),
                                      QStringLiteral("iamIdentities")};
    for (auto it = json.begin(); it != json.end(); ++it)
        if (!known.contains(it.key()))
            p.extensions.insert(it.key(), it.value());
    return p;
}

} // namespace gw::model
