#include "corsenabler.h"

namespace gw::model {

namespace {

const QString kHeaderPrefix = QStringLiteral("method.response.header.");

QString quoted(const QString &value)
{
    return QLatin1Char('\'') + value + QLatin1Char('\'');
}

// The CORS headers and their static values, in the console's order.
QList<QPair<QString, QString>> corsHeaders(const CorsOptions &o, const QString &methods, bool preflight)
{
    QList<QPair<QString, QString>> h;
    if (preflight) {
        h.append({QStringLiteral("Access-Control-Allow-Headers"), o.allowHeaders});
        h.append({QStringLiteral("Access-Control-Allow-Methods"), methods});
    }
    h.append({QStringLiteral("Access-Control-Allow-Origin"), o.allowOrigin});
    if (!o.exposeHeaders.isEmpty() && !preflight)
        h.append({QStringLiteral("Access-Control-Expose-Headers"), o.exposeHeaders});
    if (o.maxAgeSeconds >= 0 && preflight)
        h.append({QStringLiteral("Access-Control-Max-Age"), QString::number(o.maxAgeSeconds)});
    if (o.allowCredentials)
        h.append({QStringLiteral("Access-Control-Allow-Credentials"), QStringLiteral("true")});
    return h;
}

MethodResponse &methodResponse200(Method &m)
{
    for (MethodResponse &r : m.methodResponses)
        if (r.statusCode == QLatin1String("200"))
            return r;
    MethodResponse r;
    r.statusCode = QStringLiteral("200");
    r.responseModels.insert(QStringLiteral("application/json"), QStringLiteral("Empty"));
    m.methodResponses.append(r);
    return m.methodResponses.last();
}

Method preflightMethod(const CorsOptions &o, const QString &methods)
{
    Method m;
    m.httpMethod = QStringLiteral("OPTIONS");
    m.authorizationType = QStringLiteral("NONE");
    Integration i;
    i.type = IntegrationType::Mock;
    i.requestTemplates.insert(QStringLiteral("application/json"), QStringLiteral("{\"statusCode\": 200}"));
    i.passthroughBehavior = PassthroughBehavior::WhenNoMatch;
    IntegrationResponse ir;
    ir.statusCode = QStringLiteral("200");
    ir.responseTemplates.insert(QStringLiteral("application/json"), QString());
    MethodResponse &mr = methodResponse200(m);
    for (const auto &[name, value] : corsHeaders(o, methods, true)) {
        ir.responseParameters.insert(kHeaderPrefix + name, quoted(value));
        mr.responseParameters.insert(kHeaderPrefix + name, false);
    }
    i.integrationResponses.append(ir);
    m.integration = i;
    return m;
}

bool isProxy(const Method &m)
{
    return m.integration && (m.integration->type == IntegrationType::AwsProxy || m.integration->type == IntegrationType::HttpProxy);
}

} // namespace

CorsResult enableCors(Api &api, const QString &resourcePath, const CorsOptions &options)
{
    CorsResult result;
    if (api.type != ApiType::Rest) {
        result.error = QStringLiteral("API %1 is not a REST API: HTTP APIs configure CORS in corsConfiguration").arg(api.id);
        return result;
    }
    Resource *resource = api.design.resource(resourcePath);
    if (!resource) {
        result.error = QStringLiteral("API %1 has no resource %2").arg(api.id, resourcePath);
        return result;
    }
    if (options.allowOrigin.trimmed().isEmpty()) {
        result.error = QStringLiteral("Access-Control-Allow-Origin is empty: give an origin or '*'");
        return result;
    }
    if (options.allowCredentials && options.allowOrigin == QLatin1String("*")) {
        result.error = QStringLiteral("Access-Control-Allow-Credentials needs a specific origin: browsers refuse it with '*'");
        return result;
    }
    QStringList methods = options.allowMethods;
    if (methods.isEmpty()) {
        for (auto it = resource->methods.begin(); it != resource->methods.end(); ++it)
            if (it.key() != QLatin1String("OPTIONS"))
                methods.append(it.key() == QLatin1String("ANY") ? QStringLiteral("DELETE,GET,HEAD,PATCH,POST,PUT") : it.key());
        methods.append(QStringLiteral("OPTIONS"));
    }
    const QString methodList = methods.join(QLatin1Char(','));
    const bool replaced = resource->methods.contains(QStringLiteral("OPTIONS"));
    resource->methods.insert(QStringLiteral("OPTIONS"), preflightMethod(options, methodList));
    result.changed.append(QStringLiteral("OPTIONS %1 %2").arg(resourcePath, replaced ? QStringLiteral("replaced") : QStringLiteral("created")));

    const auto actual = corsHeaders(options, methodList, false);
    for (auto it = resource->methods.begin(); it != resource->methods.end(); ++it) {
        Method &m = it.value();
        if (it.key() == QLatin1String("OPTIONS"))
            continue;
        if (isProxy(m)) {
            result.notes.append(QStringLiteral("%1 %2 uses a proxy integration: its backend must return Access-Control-Allow-Origin")
                                    .arg(it.key(), resourcePath));
            continue;
        }
        MethodResponse &mr = methodResponse200(m);
        for (const auto &h : actual)
            mr.responseParameters.insert(kHeaderPrefix + h.first, false);
        if (m.integration) {
            for (IntegrationResponse &ir : m.integration->integrationResponses)
                if (ir.statusCode == QLatin1String("200"))
                    for (const auto &[name, value] : actual)
                        ir.responseParameters.insert(kHeaderPrefix + name, quoted(value));
        }
        result.changed.append(QStringLiteral("%1 %2: Access-Control-Allow-Origin on 200").arg(it.key(), resourcePath));
    }
    if (options.gatewayResponses) {
        for (const QString &type : {QStringLiteral("DEFAULT_4XX"), QStringLiteral("DEFAULT_5XX")}) {
            GatewayResponse &g = api.design.gatewayResponses[type];
            for (const auto &[name, value] : corsHeaders(options, methodList, true))
                g.responseParameters.insert(QStringLiteral("gatewayresponse.header.") + name, quoted(value));
            result.changed.append(type + QStringLiteral(": CORS headers"));
        }
    }
    return result;
}

} // namespace gw::model
