#include "extensionreader.h"

#include "importcontext.h"
#include "stableid.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

#include "gateway/transform/vtltemplate.h"

namespace gw::openapi::extensions {

namespace {

const QLatin1String kPrefix("x-amazon-apigateway-");

QString ext(const char *name) { return kPrefix + QLatin1String(name); }

// Mapping templates, parsed as `check` parses them. One that does not parse is dropped with a
// warning at its place in the document: AWS imports it and fails each request that uses it
// (500), check refuses a project holding it, and the rest of the API is still worth having.
QMap<QString, QString> templates(ImportContext &c, const QJsonValue &v, const QString &path)
{
    QMap<QString, QString> out = stringMap(v);
    for (auto it = out.begin(); it != out.end();) {
        transform::VtlSyntaxError e;
        if (transform::VtlTemplate::parse(it.value(), &e)) {
            ++it;
            continue;
        }
        c.warn(childPath(path, it.key()), QStringLiteral("mapping template does not parse (%1); dropped").arg(e.toString()));
        it = out.erase(it);
    }
    return out;
}

std::optional<model::IntegrationResponse> readResponse(ImportContext &c, const QString &key, const QJsonObject &o,
                                                       const QString &path)
{
    model::IntegrationResponse r;
    r.selectionPattern = key == QLatin1String("default") ? QString() : key;
    if (const QRegularExpression re(QRegularExpression::anchoredPattern(r.selectionPattern)); !re.isValid())
        c.error(path, QStringLiteral("'%1' is not a valid regular expression: %2").arg(key, re.errorString()));
    if (o.contains(QLatin1String("statusCode")))
        r.statusCode = scalarString(o.value(QLatin1String("statusCode")));
    r.responseParameters = stringMap(o.value(QLatin1String("responseParameters")));
    r.responseTemplates = templates(c, o.value(QLatin1String("responseTemplates")), childPath(path, QStringLiteral("responseTemplates")));
    r.contentHandling = o.value(QLatin1String("contentHandling")).toString();
    c.checkKeys(o, path, {"statusCode", "responseParameters", "responseTemplates", "contentHandling"});
    return r;
}

void readGatewayResponses(ImportContext &c, const QJsonObject &o, const QString &path)
{
    static const QSet<QString> types = {
        QStringLiteral("ACCESS_DENIED"), QStringLiteral("API_CONFIGURATION_ERROR"), QStringLiteral("AUTHORIZER_CONFIGURATION_ERROR"),
        QStringLiteral("AUTHORIZER_FAILURE"), QStringLiteral("BAD_REQUEST_PARAMETERS"), QStringLiteral("BAD_REQUEST_BODY"),
        QStringLiteral("DEFAULT_4XX"), QStringLiteral("DEFAULT_5XX"), QStringLiteral("EXPIRED_TOKEN"),
        QStringLiteral("INTEGRATION_FAILURE"), QStringLiteral("INTEGRATION_TIMEOUT"), QStringLiteral("INVALID_API_KEY"),
        QStringLiteral("INVALID_SIGNATURE"), QStringLiteral("MISSING_AUTHENTICATION_TOKEN"), QStringLiteral("QUOTA_EXCEEDED"),
        QStringLiteral("REQUEST_TOO_LARGE"), QStringLiteral("RESOURCE_NOT_FOUND"), QStringLiteral("THROTTLED"),
        QStringLiteral("UNAUTHORIZED"), QStringLiteral("UNSUPPORTED_MEDIA_TYPE"), QStringLiteral("WAF_FILTERED")};
    for (auto it = o.begin(); it != o.end(); ++it) {
        const QString rpath = childPath(path, it.key());
        if (!types.contains(it.key())) {
            c.error(rpath, QStringLiteral("'%1' is not a gateway response type").arg(it.key()));
            continue;
        }
        const QJsonObject ro = it.value().toObject();
        model::GatewayResponse g;
        if (ro.contains(QLatin1String("statusCode"))) {
            bool ok = false;
            const int status = scalarString(ro.value(QLatin1String("statusCode"))).toInt(&ok);
            if (!ok || status < 100 || status > 599)
                c.error(childPath(rpath, QStringLiteral("statusCode")), QStringLiteral("status code must be a number from 100 to 599"));
            else
                g.statusCode = status;
        }
        g.responseParameters = stringMap(ro.value(QLatin1String("responseParameters")));
        g.responseTemplates = templates(c, ro.value(QLatin1String("responseTemplates")), childPath(rpath, QStringLiteral("responseTemplates")));
        c.checkKeys(ro, rpath, {"statusCode", "responseParameters", "responseTemplates", "defaultResponse"});
        c.def.gatewayResponses.insert(it.key(), g);
    }
}

void readValidators(ImportContext &c, const QJsonObject &o, const QString &path)
{
    for (auto it = o.begin(); it != o.end(); ++it) {
        const QJsonObject vo = it.value().toObject();
        model::RequestValidator v;
        v.name = it.key();
        v.id = stableId(QStringLiteral("validator:") + c.api.id + QLatin1Char(':') + v.name, 6);
        v.validateRequestBody = vo.value(QLatin1String("validateRequestBody")).toBool();
        v.validateRequestParameters = vo.value(QLatin1String("validateRequestParameters")).toBool();
        c.checkKeys(vo, childPath(path, it.key()), {"validateRequestBody", "validateRequestParameters"});
        c.def.requestValidators.append(v);
    }
}

} // namespace

QString httpApiSign(const QJsonObject &root)
{
    for (const char *key : {"importexport-version", "cors"})
        if (root.contains(ext(key)))
            return QStringLiteral("x-amazon-apigateway-%1 at the top").arg(QLatin1String(key));
    if (root.value(QLatin1String("components")).toObject().contains(ext("integrations")))
        return QStringLiteral("components.x-amazon-apigateway-integrations");
    const QJsonObject paths = root.value(QLatin1String("paths")).toObject();
    for (auto p = paths.begin(); p != paths.end(); ++p) {
        const QJsonObject item = p->toObject();
        for (auto op = item.begin(); op != item.end(); ++op) {
            const QJsonObject operation = op->toObject();
            const QString at = childPath(childPath(QStringLiteral("paths"), p.key()), op.key());
            if (operation.value(QLatin1String("isDefaultRoute")).toBool())
                return at + QStringLiteral(".isDefaultRoute");
            const QJsonValue version = operation.value(ext("integration")).toObject().value(QLatin1String("payloadFormatVersion"));
            if (scalarString(version) == QLatin1String("2.0"))
                return at + QStringLiteral(".x-amazon-apigateway-integration.payloadFormatVersion 2.0");
        }
    }
    return {};
}

// Deployment templates (Terraform's templatefile, LocalStack's tests) leave `${name}` where the
// URI belongs. The name becomes a stage variable, so the API can be served once a stage sets it.
static QString placeholdersAsStageVariables(ImportContext &c, const QString &uri, const QString &path)
{
    static const QRegularExpression placeholder(QStringLiteral("\\$\\{([A-Za-z0-9_]+)\\}"));
    if (!uri.contains(placeholder))
        return uri;
    QString out = uri;
    out.replace(placeholder, QStringLiteral("${stageVariables.\\1}"));
    c.warn(path, QStringLiteral("'%1' holds a template placeholder, not a value; imported as '%2': set that stage variable to serve it")
                     .arg(uri, out));
    return out;
}

std::optional<model::Integration> readIntegration(ImportContext &c, const QJsonValue &value, Location at, const QString &path)
{
    const auto o = c.object(value, at, path);
    if (!o)
        return std::nullopt;
    model::Integration i;
    const QString type = o->value(QLatin1String("type")).toString();
    if (const auto t = model::integrationTypeFromString(type)) {
        i.type = *t;
    } else {
        c.error(childPath(path, QStringLiteral("type")),
                QStringLiteral("unknown integration type '%1' (expected aws, aws_proxy, http, http_proxy or mock)").arg(type));
        return std::nullopt;
    }
    i.httpMethod = o->value(QLatin1String("httpMethod")).toString().toUpper();
    i.uri = placeholdersAsStageVariables(c, o->value(QLatin1String("uri")).toString(), childPath(path, QStringLiteral("uri")));
    i.credentials = o->value(QLatin1String("credentials")).toString();
    i.requestParameters = stringMap(o->value(QLatin1String("requestParameters")));
    i.requestTemplates = templates(c, o->value(QLatin1String("requestTemplates")), childPath(path, QStringLiteral("requestTemplates")));
    if (const QString p = o->value(QLatin1String("passthroughBehavior")).toString(); !p.isEmpty()) {
        if (const auto pb = model::passthroughFromString(p))
            i.passthroughBehavior = *pb;
        else
            c.error(childPath(path, QStringLiteral("passthroughBehavior")), QStringLiteral("unknown passthrough behaviour '%1'").arg(p));
    }
    i.contentHandling = o->value(QLatin1String("contentHandling")).toString();
    if (o->contains(QLatin1String("timeoutInMillis")))
        i.timeoutInMillis = scalarString(o->value(QLatin1String("timeoutInMillis"))).toInt();
    i.cacheNamespace = o->value(QLatin1String("cacheNamespace")).toString();
    i.cacheKeyParameters = stringList(o->value(QLatin1String("cacheKeyParameters")));
    if (o->contains(QLatin1String("payloadFormatVersion"))) {
        const QJsonValue v = o->value(QLatin1String("payloadFormatVersion"));
        i.payloadFormatVersion = v.isDouble() ? QString::number(v.toDouble(), 'f', 1) : v.toString();
    }
    const QJsonObject tls = o->value(QLatin1String("tlsConfig")).toObject();
    i.tlsInsecureSkipVerification = tls.value(QLatin1String("insecureSkipVerification")).toBool();
    if (tls.contains(QLatin1String("serverNameToVerify")))
        c.warn(childPath(path, QStringLiteral("tlsConfig.serverNameToVerify")), QStringLiteral("serverNameToVerify (private integrations) is not supported; ignored"));
    const QString connection = o->value(QLatin1String("connectionType")).toString();
    if (!connection.isEmpty() && connection != QLatin1String("INTERNET"))
        c.warn(childPath(path, QStringLiteral("connectionType")), QStringLiteral("connection type %1 is not supported; the integration is called directly").arg(connection));
    if (o->contains(QLatin1String("connectionId")))
        c.warn(childPath(path, QStringLiteral("connectionId")), QStringLiteral("VPC links are not supported; connectionId ignored"));
    if (o->contains(QLatin1String("integrationSubtype")))
        c.warn(childPath(path, QStringLiteral("integrationSubtype")), QStringLiteral("first-class AWS service integrations (integrationSubtype) are not supported; ignored"));
    const QString transfer = o->value(QLatin1String("responseTransferMode")).toString();
    if (!transfer.isEmpty() && transfer != QLatin1String("BUFFERED"))
        c.warn(childPath(path, QStringLiteral("responseTransferMode")), QStringLiteral("response streaming is not supported; responses are buffered"));
    const QJsonValue responses = o->value(QLatin1String("responses"));
    const QJsonObject ro = responses.toObject();
    for (auto it = ro.begin(); it != ro.end(); ++it)
        if (const auto r = readResponse(c, it.key(), it->toObject(), childPath(childPath(path, QStringLiteral("responses")), it.key())))
            i.integrationResponses.append(*r);
    if (o->contains(QLatin1String("responseParameters")))
        c.warn(childPath(path, QStringLiteral("responseParameters")), QStringLiteral("HTTP API response parameter mappings are not supported; ignored"));
    c.checkKeys(*o, path, {"type", "httpMethod", "uri", "credentials", "requestParameters", "requestTemplates",
                           "passthroughBehavior", "contentHandling", "timeoutInMillis", "cacheNamespace",
                           "cacheKeyParameters", "payloadFormatVersion", "tlsConfig", "connectionType",
                           "connectionId", "integrationSubtype", "responseTransferMode", "responses",
                           "responseParameters"});
    return i;
}

void readRoot(ImportContext &c, const QJsonObject &root, QJsonObject &kept)
{
    if (root.contains(ext("api-key-source"))) {
        const QString source = root.value(ext("api-key-source")).toString().toUpper();
        if (source == QLatin1String("HEADER") || source == QLatin1String("AUTHORIZER"))
            c.def.apiKeySource = source;
        else
            c.error(ext("api-key-source"), QStringLiteral("API key source must be HEADER or AUTHORIZER"));
    }
    c.def.binaryMediaTypes = stringList(root.value(ext("binary-media-types")));
    if (root.contains(ext("cors"))) {
        if (c.http)
            c.def.corsConfiguration = root.value(ext("cors")).toObject();
        else
            c.warn(ext("cors"), QStringLiteral("x-amazon-apigateway-cors applies to HTTP APIs only; a REST API answers CORS with OPTIONS methods; ignored"));
    }
    readGatewayResponses(c, root.value(ext("gateway-responses")).toObject(), ext("gateway-responses"));
    readValidators(c, root.value(ext("request-validators")).toObject(), ext("request-validators"));
    if (root.contains(ext("request-validator"))) {
        const QString name = root.value(ext("request-validator")).toString();
        c.defaultValidatorId = c.validatorIdByName(name);
        if (c.defaultValidatorId.isEmpty())
            c.error(ext("request-validator"), QStringLiteral("request validator '%1' is not defined in x-amazon-apigateway-request-validators").arg(name));
    }
    if (root.contains(ext("policy"))) {
        const QJsonValue policy = root.value(ext("policy"));
        // Some tools write the policy document as a JSON string.
        const QJsonObject o = policy.isString() ? QJsonDocument::fromJson(policy.toString().toUtf8()).object() : policy.toObject();
        if (o.isEmpty())
            c.error(ext("policy"), QStringLiteral("the resource policy must be a JSON object"));
        c.def.policy = o;
    }
    if (root.contains(ext("importexport-version")) && scalarString(root.value(ext("importexport-version"))) != QLatin1String("1.0"))
        c.error(ext("importexport-version"), QStringLiteral("only import/export version 1.0 exists"));
    // The model has no field for these; they are kept and written back on export.
    for (const char *name : {"documentation", "minimum-compression-size", "endpoint-configuration",
                             "security-policy", "endpoint-access-mode"}) {
        if (root.contains(ext(name))) {
            kept.insert(ext(name), root.value(ext(name)));
            c.warn(ext(name), QStringLiteral("kept for export only; the emulator does not act on %1").arg(ext(name)));
        }
    }
    if (root.contains(QLatin1String("tags")))
        kept.insert(QStringLiteral("tags"), root.value(QLatin1String("tags")));
}

} // namespace gw::openapi::extensions
