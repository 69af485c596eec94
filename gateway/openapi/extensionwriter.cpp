#include "extensionwriter.h"

#include "schemaconverter.h"

#include <QJsonArray>

namespace gw::openapi {

QString ExportContext::schemaRef(const QString &model) const
{
    return (v3() ? QStringLiteral("#/components/schemas/") : QStringLiteral("#/definitions/")) + model;
}

QString ExportContext::fill(const QString &text) const
{
    if (stageVariables.isEmpty() || !text.contains(QLatin1String("${stageVariables.")))
        return text;
    QString out = text;
    for (auto it = stageVariables.begin(); it != stageVariables.end(); ++it)
        out.replace(QStringLiteral("${stageVariables.") + it.key() + QLatin1Char('}'), it.value());
    return out;
}

void ExportContext::warn(const QString &path, const QString &message)
{
    diagnostics.append({model::Diagnostic::Severity::Warning, path, message});
}

namespace extensions {

namespace {

template<typename Map>
void putMap(QJsonObject &o, const char *key, const Map &map)
{
    if (map.isEmpty())
        return;
    QJsonObject m;
    for (auto it = map.begin(); it != map.end(); ++it)
        m.insert(it.key(), it.value());
    o.insert(QLatin1String(key), m);
}

void putString(QJsonObject &o, const char *key, const QString &value)
{
    if (!value.isEmpty())
        o.insert(QLatin1String(key), value);
}

// "method.request.header.Authorization" → "Authorization"
QString headerOf(const QString &identitySource)
{
    const QLatin1String prefix("method.request.header.");
    return identitySource.startsWith(prefix) && !identitySource.contains(QLatin1Char(','))
        ? identitySource.mid(prefix.size()) : QStringLiteral("Authorization");
}

// Rewrites model URLs inside a schema to document-local references.
QJsonValue localRefs(const ExportContext &c, const QJsonValue &v)
{
    if (v.isArray()) {
        QJsonArray a = v.toArray();
        for (auto it = a.begin(); it != a.end(); ++it)
            *it = localRefs(c, *it);
        return a;
    }
    if (!v.isObject())
        return v;
    QJsonObject o = v.toObject();
    for (auto it = o.begin(); it != o.end(); ++it) {
        if (it.key() == QLatin1String("$ref") && it->isString()) {
            const QString ref = it->toString();
            if (ref.startsWith(QLatin1String("https://apigateway.amazonaws.com/restapis/")))
                *it = c.schemaRef(ref.mid(ref.lastIndexOf(QLatin1Char('/')) + 1));
        } else {
            *it = localRefs(c, *it);
        }
    }
    return o;
}

} // namespace

QJsonObject writeIntegration(ExportContext &c, const model::Integration &i, const QString &path)
{
    QJsonObject o;
    o.insert(QLatin1String("type"), model::toString(i.type).toLower());
    putString(o, "httpMethod", i.httpMethod);
    putString(o, "uri", c.fill(i.uri));
    putString(o, "credentials", c.fill(i.credentials));
    putMap(o, "requestParameters", i.requestParameters);
    putMap(o, "requestTemplates", i.requestTemplates);
    if (!c.http() || i.passthroughBehavior != model::PassthroughBehavior::WhenNoMatch)
        o.insert(QLatin1String("passthroughBehavior"), model::toString(i.passthroughBehavior).toLower());
    putString(o, "contentHandling", i.contentHandling);
    if (i.timeoutInMillis != 29000)
        o.insert(QLatin1String("timeoutInMillis"), i.timeoutInMillis);
    putString(o, "cacheNamespace", i.cacheNamespace);
    if (!i.cacheKeyParameters.isEmpty())
        o.insert(QLatin1String("cacheKeyParameters"), QJsonArray::fromStringList(i.cacheKeyParameters));
    if (i.tlsInsecureSkipVerification)
        o.insert(QLatin1String("tlsConfig"), QJsonObject{{QStringLiteral("insecureSkipVerification"), true}});
    putString(o, "payloadFormatVersion", i.payloadFormatVersion);
    QJsonObject responses;
    for (const auto &r : i.integrationResponses) {
        const QString key = r.selectionPattern.isEmpty() ? QStringLiteral("default") : r.selectionPattern;
        if (responses.contains(key)) {
            c.warn(path, QStringLiteral("two integration responses select on '%1'; OpenAPI keeps the first").arg(key));
            continue;
        }
        QJsonObject ro;
        ro.insert(QLatin1String("statusCode"), r.statusCode);
        putMap(ro, "responseParameters", r.responseParameters);
        putMap(ro, "responseTemplates", r.responseTemplates);
        putString(ro, "contentHandling", r.contentHandling);
        responses.insert(key, ro);
    }
    if (!responses.isEmpty())
        o.insert(QLatin1String("responses"), responses);
    return o;
}

QJsonObject writeSecuritySchemes(ExportContext &c, bool apiKeyUsed, bool iamUsed)
{
    QJsonObject schemes;
    const auto ext = c.options.extensions;
    if (apiKeyUsed)
        schemes.insert(QStringLiteral("api_key"), QJsonObject{{QStringLiteral("type"), QStringLiteral("apiKey")},
                                                              {QStringLiteral("name"), QStringLiteral("x-api-key")},
                                                              {QStringLiteral("in"), QStringLiteral("header")}});
    if (iamUsed) {
        QJsonObject s{{QStringLiteral("type"), QStringLiteral("apiKey")}, {QStringLiteral("name"), QStringLiteral("Authorization")},
                      {QStringLiteral("in"), QStringLiteral("header")}};
        if (ext)
            s.insert(QStringLiteral("x-amazon-apigateway-authtype"), QStringLiteral("awsSigv4"));
        schemes.insert(QStringLiteral("sigv4"), s);
    }
    for (qsizetype k = 0; k < c.def.authorizers.size(); ++k) {
        const model::Authorizer &a = c.def.authorizers[k];
        const QString path = QStringLiteral("authorizers[%1]").arg(k);
        QJsonObject s;
        QJsonObject x;
        const QString type = a.type.toLower();
        x.insert(QLatin1String("type"), type);
        if (a.type == QLatin1String("JWT")) {
            s.insert(QLatin1String("type"), c.v3() ? QStringLiteral("oauth2") : QStringLiteral("apiKey"));
            if (c.v3())
                s.insert(QLatin1String("flows"), QJsonObject());
            QJsonObject jwt;
            putString(jwt, "issuer", a.issuer);
            if (!a.audience.isEmpty())
                jwt.insert(QLatin1String("audience"), QJsonArray::fromStringList(a.audience));
            x.insert(QLatin1String("jwtConfiguration"), jwt);
        } else {
            s.insert(QLatin1String("type"), QStringLiteral("apiKey"));
            s.insert(QLatin1String("x-amazon-apigateway-authtype"),
                     a.type == QLatin1String("COGNITO_USER_POOLS") ? QStringLiteral("cognito_user_pools") : QStringLiteral("custom"));
            x.insert(QLatin1String("authorizerResultTtlInSeconds"), a.resultTtlInSeconds);
        }
        if (s.value(QLatin1String("type")) == QLatin1String("apiKey")) {
            s.insert(QLatin1String("name"), headerOf(a.identitySource));
            s.insert(QLatin1String("in"), QStringLiteral("header"));
        }
        putString(x, "authorizerUri", c.fill(a.authorizerUri));
        putString(x, "identitySource", a.identitySource);
        putString(x, "identityValidationExpression", a.identityValidationExpression);
        putString(x, "authorizerPayloadFormatVersion", a.payloadFormatVersion);
        if (a.enableSimpleResponses)
            x.insert(QLatin1String("enableSimpleResponses"), true);
        if (!a.providerArns.isEmpty())
            x.insert(QLatin1String("providerARNs"), QJsonArray::fromStringList(a.providerArns));
        if (!a.functionName.isEmpty())
            c.warn(path + QStringLiteral(".functionName"), QStringLiteral("the project function '%1' behind authorizer %2 is not part of OpenAPI; set authorizerUri to its Lambda ARN for AWS").arg(a.functionName, a.name));
        if (!a.jwksUri.isEmpty() || !a.jwks.isEmpty())
            c.warn(path, QStringLiteral("authorizer %1: the local JWKS settings are not part of OpenAPI").arg(a.name));
        if (ext)
            s.insert(QLatin1String("x-amazon-apigateway-authorizer"), x);
        else
            s.remove(QLatin1String("x-amazon-apigateway-authtype"));
        schemes.insert(a.name, s);
    }
    return schemes;
}

void writeRoot(ExportContext &c, QJsonObject &root, const QJsonObject &kept)
{
    const model::ApiDefinition &def = c.def;
    if (c.http()) {
        root.insert(QLatin1String("x-amazon-apigateway-importexport-version"), QStringLiteral("1.0"));
        if (!def.corsConfiguration.isEmpty())
            root.insert(QLatin1String("x-amazon-apigateway-cors"), def.corsConfiguration);
    } else {
        root.insert(QLatin1String("x-amazon-apigateway-api-key-source"), def.apiKeySource);
    }
    if (!def.binaryMediaTypes.isEmpty())
        root.insert(QLatin1String("x-amazon-apigateway-binary-media-types"), QJsonArray::fromStringList(def.binaryMediaTypes));
    if (!def.gatewayResponses.isEmpty()) {
        QJsonObject g;
        for (auto it = def.gatewayResponses.begin(); it != def.gatewayResponses.end(); ++it) {
            QJsonObject r;
            if (it->statusCode)
                r.insert(QLatin1String("statusCode"), QString::number(*it->statusCode));
            putMap(r, "responseParameters", it->responseParameters);
            putMap(r, "responseTemplates", it->responseTemplates);
            g.insert(it.key(), r);
        }
        root.insert(QLatin1String("x-amazon-apigateway-gateway-responses"), g);
    }
    if (!def.requestValidators.isEmpty()) {
        QJsonObject v;
        for (const auto &rv : def.requestValidators)
            v.insert(rv.name, QJsonObject{{QStringLiteral("validateRequestBody"), rv.validateRequestBody},
                                          {QStringLiteral("validateRequestParameters"), rv.validateRequestParameters}});
        root.insert(QLatin1String("x-amazon-apigateway-request-validators"), v);
    }
    if (!def.policy.isEmpty())
        root.insert(QLatin1String("x-amazon-apigateway-policy"), def.policy);
    for (auto it = kept.begin(); it != kept.end(); ++it) {
        if (it.key() == QLatin1String("x-amazon-apigateway-endpoint-configuration") && c.v3())
            continue; // on the server object in OpenAPI 3.0
        root.insert(it.key(), it.value());
    }
}

QJsonObject writeSchemas(ExportContext &c)
{
    QJsonObject schemas;
    for (const auto &m : c.def.models) {
        if (m.contentType != QLatin1String("application/json"))
            c.warn(QStringLiteral("models.") + m.name, QStringLiteral("model %1 is for %2; OpenAPI schemas are JSON").arg(m.name, m.contentType));
        QJsonObject schema = localRefs(c, m.schema).toObject();
        // A description given to the model (not to its schema) still reaches the document.
        if (!m.description.isEmpty() && !schema.contains(QLatin1String("description")))
            schema.insert(QLatin1String("description"), m.description);
        schemas.insert(m.name, schema);
    }
    return schemas;
}

} // namespace extensions

} // namespace gw::openapi
