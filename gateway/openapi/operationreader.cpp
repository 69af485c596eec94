#include "operationreader.h"

#include "extensionreader.h"
#include "importcontext.h"
#include "schemaconverter.h"
#include "securityreader.h"

#include <QJsonArray>

namespace gw::openapi {

namespace {

const QLatin1String kIntegration("x-amazon-apigateway-integration");
const QLatin1String kValidator("x-amazon-apigateway-request-validator");
const QLatin1String kAuth("x-amazon-apigateway-auth");

// "GET /pets/{petId}" → "GetPetsPetId": readable names for models of inline schemas.
QString modelBaseName(const QString &verb, const QString &resourcePath, const QString &operationId)
{
    QString out;
    bool upper = true;
    const QString source = operationId.isEmpty() ? verb.toLower() + QLatin1Char(' ') + resourcePath : operationId;
    for (QChar ch : source) {
        if (ch.isLetterOrNumber() && ch.unicode() < 128) {
            out += upper ? ch.toUpper() : ch;
            upper = false;
        } else {
            upper = true;
        }
    }
    return out.isEmpty() ? QStringLiteral("Root") : out;
}

bool isPlainString(const QJsonObject &p)
{
    const QJsonObject schema = p.value(QLatin1String("schema")).toObject();
    const QString type = p.contains(QLatin1String("type")) ? p.value(QLatin1String("type")).toString()
                                                           : schema.value(QLatin1String("type")).toString(QStringLiteral("string"));
    return type == QLatin1String("string") && schema.size() <= 1;
}

} // namespace

model::Integration mockAnswering200()
{
    model::Integration mock;
    mock.type = model::IntegrationType::Mock;
    mock.requestTemplates.insert(QStringLiteral("application/json"), QStringLiteral("{\"statusCode\": 200}"));
    mock.integrationResponses.append(model::IntegrationResponse());
    return mock;
}

QList<Parameter> OperationReader::parameters(const QJsonValue &array, const Location &at, const QString &path)
{
    QList<Parameter> out;
    const QJsonArray a = array.toArray();
    for (qsizetype k = 0; k < a.size(); ++k) {
        Parameter p;
        p.at = at;
        p.path = childPath(path, k);
        const auto o = m_context.object(a[k], p.at, p.path);
        if (!o)
            continue;
        p.json = *o;
        out.append(p);
    }
    return out;
}

model::Method OperationReader::read(const QString &verb, const QString &resourcePath, const QJsonObject &op,
                                    const Location &at, const QList<Parameter> &inherited, const QString &path)
{
    model::Method m;
    m.httpMethod = verb;
    m.operationName = op.value(QLatin1String("operationId")).toString();
    const QString base = modelBaseName(verb, resourcePath, m.operationName);

    QList<Parameter> params = inherited;
    for (const Parameter &own : parameters(op.value(QLatin1String("parameters")), at, childPath(path, QStringLiteral("parameters")))) {
        const auto same = [&own](const Parameter &p) {
            return p.json.value(QLatin1String("name")) == own.json.value(QLatin1String("name"))
                && p.json.value(QLatin1String("in")) == own.json.value(QLatin1String("in"));
        };
        params.removeIf(same);
        params.append(own);
    }
    readParameters(m, params, base, op);
    // A path placeholder is a required parameter whether or not the document declares it
    // (exports must declare it; this keeps import → export → import stable).
    const QStringList segments = resourcePath.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    for (QString s : segments) {
        if (!s.startsWith(QLatin1Char('{')) || !s.endsWith(QLatin1Char('}')))
            continue;
        s = s.mid(1, s.size() - 2);
        if (s.endsWith(QLatin1Char('+')))
            s.chop(1);
        m.requestParameters.insert(QStringLiteral("method.request.path.") + s, true);
    }
    if (op.contains(QLatin1String("requestBody")))
        readRequestBody(m, op.value(QLatin1String("requestBody")), at, base, childPath(path, QStringLiteral("requestBody")));
    readResponses(m, op, at, base, path);

    const QJsonArray security = op.contains(QLatin1String("security")) ? op.value(QLatin1String("security")).toArray()
                                                                       : m_context.rootSecurity;
    security::apply(m_context, security, m, childPath(path, QStringLiteral("security")));
    if (op.contains(kAuth)) {
        const QString type = op.value(kAuth).toObject().value(QLatin1String("type")).toString().toUpper();
        if (type == QLatin1String("AWS_IAM") || type == QLatin1String("NONE"))
            m.authorizationType = type;
        else
            m_context.error(childPath(childPath(path, kAuth), QStringLiteral("type")), QStringLiteral("x-amazon-apigateway-auth type must be AWS_IAM or NONE"));
    }
    m.requestValidatorId = m_context.defaultValidatorId;
    if (op.contains(kValidator)) {
        const QString name = op.value(kValidator).toString();
        m.requestValidatorId = m_context.validatorIdByName(name);
        if (m.requestValidatorId.isEmpty())
            m_context.error(childPath(path, kValidator), QStringLiteral("request validator '%1' is not defined in x-amazon-apigateway-request-validators").arg(name));
    }
    readIntegration(m, op, at, path);
    m_context.checkKeys(op, path, {"operationId", "parameters", "requestBody", "responses", "security", "consumes",
                                   "produces", "x-amazon-apigateway-integration", "x-amazon-apigateway-auth",
                                   "x-amazon-apigateway-request-validator", "isDefaultRoute"});
    return m;
}

void OperationReader::readParameters(model::Method &m, const QList<Parameter> &params, const QString &modelBase,
                                     const QJsonObject &op)
{
    for (const Parameter &p : params) {
        const QString in = p.json.value(QLatin1String("in")).toString();
        QString name = p.json.value(QLatin1String("name")).toString();
        const bool required = p.json.value(QLatin1String("required")).toBool();
        if (in == QLatin1String("body")) {
            const QString model = m_context.schemas().modelFor(p.json.value(QLatin1String("schema")), p.at,
                                                               modelBase + QStringLiteral("Request"), childPath(p.path, QStringLiteral("schema")));
            if (!model.isEmpty())
                for (const QString &type : mediaTypes(op, "consumes"))
                    m.requestModels.insert(type, model);
            m_context.checkKeys(p.json, p.path, {"in", "name", "schema", "required"});
            continue;
        }
        QString source;
        if (in == QLatin1String("path")) {
            source = QStringLiteral("path");
            if (name.endsWith(QLatin1Char('+')))
                name.chop(1); // {proxy+}: API Gateway names the parameter "proxy"
        } else if (in == QLatin1String("query")) {
            source = QStringLiteral("querystring");
        } else if (in == QLatin1String("header")) {
            source = QStringLiteral("header");
        } else {
            m_context.warn(p.path, QStringLiteral("%1 parameters are not supported by API Gateway; '%2' ignored").arg(in, name));
            continue;
        }
        if (name.isEmpty()) {
            m_context.error(childPath(p.path, QStringLiteral("name")), QStringLiteral("parameter has no name"));
            continue;
        }
        m.requestParameters.insert(QStringLiteral("method.request.") + source + QLatin1Char('.') + name,
                                   in == QLatin1String("path") || required);
        if (!isPlainString(p.json))
            m_context.noteDocumentation(p.path, QStringLiteral("parameter type (API Gateway parameters are strings)"));
        m_context.checkKeys(p.json, p.path, {"in", "name", "required", "schema", "type", "format", "items",
                                             "collectionFormat", "style", "explode", "allowEmptyValue", "default",
                                             "enum", "pattern", "minimum", "maximum", "minLength", "maxLength"});
    }
}

void OperationReader::readRequestBody(model::Method &m, const QJsonValue &value, Location at, const QString &modelBase,
                                      const QString &path)
{
    const auto body = m_context.object(value, at, path);
    if (!body)
        return;
    const QJsonObject content = body->value(QLatin1String("content")).toObject();
    for (auto it = content.begin(); it != content.end(); ++it) {
        const QString cpath = childPath(childPath(path, QStringLiteral("content")), it.key());
        const QJsonObject media = it->toObject();
        if (!media.contains(QLatin1String("schema"))) {
            m_context.warn(cpath, QStringLiteral("a media type without a schema has no model; ignored"));
            continue;
        }
        const QString name = m_context.schemas().modelFor(media.value(QLatin1String("schema")), at,
                                                          modelBase + QStringLiteral("Request"), childPath(cpath, QStringLiteral("schema")));
        if (!name.isEmpty())
            m.requestModels.insert(it.key(), name);
        m_context.checkKeys(media, cpath, {"schema"});
    }
    if (body->contains(QLatin1String("required")))
        m_context.noteDocumentation(path, QStringLiteral("required"));
    m_context.checkKeys(*body, path, {"content", "required"});
}

void OperationReader::readResponses(model::Method &m, const QJsonObject &op, const Location &at, const QString &modelBase,
                                    const QString &path)
{
    const QString rspath = childPath(path, QStringLiteral("responses"));
    const QJsonObject responses = op.value(QLatin1String("responses")).toObject();
    for (auto it = responses.begin(); it != responses.end(); ++it) {
        const QString rpath = childPath(rspath, it.key());
        Location where = at;
        const auto r = m_context.object(it.value(), where, rpath);
        if (!r)
            continue;
        const QString description = r->value(QLatin1String("description")).toString();
        if (it.key() == QLatin1String("default")) {
            if (r->size() > 1 || description != QLatin1String("Default response"))
                m_context.warn(rpath, QStringLiteral("API Gateway method responses need a status code; 'default' ignored"));
            continue;
        }
        bool ok = false;
        const int status = it.key().toInt(&ok);
        if (!ok || status < 100 || status > 599) {
            m_context.error(rpath, QStringLiteral("'%1' is not a status code").arg(it.key()));
            continue;
        }
        model::MethodResponse mr;
        mr.statusCode = it.key();
        const QJsonObject headers = r->value(QLatin1String("headers")).toObject();
        for (auto h = headers.begin(); h != headers.end(); ++h) {
            Location hat = where;
            const auto header = m_context.object(h.value(), hat, childPath(childPath(rpath, QStringLiteral("headers")), h.key()));
            if (header)
                mr.responseParameters.insert(QStringLiteral("method.response.header.") + h.key(),
                                             header->value(QLatin1String("required")).toBool());
        }
        const QString suggested = modelBase + QStringLiteral("Response") + it.key();
        if (m_context.v3) {
            const QJsonObject content = r->value(QLatin1String("content")).toObject();
            for (auto c = content.begin(); c != content.end(); ++c) {
                const QJsonObject media = c->toObject();
                const QString cpath = childPath(childPath(rpath, QStringLiteral("content")), c.key());
                if (!media.contains(QLatin1String("schema")))
                    continue; // AWS writes "content": {} for responses without a model
                const QString name = m_context.schemas().modelFor(media.value(QLatin1String("schema")), where, suggested,
                                                                  childPath(cpath, QStringLiteral("schema")));
                if (!name.isEmpty())
                    mr.responseModels.insert(c.key(), name);
                m_context.checkKeys(media, cpath, {"schema"});
            }
        } else if (r->contains(QLatin1String("schema"))) {
            const QString name = m_context.schemas().modelFor(r->value(QLatin1String("schema")), where, suggested,
                                                              childPath(rpath, QStringLiteral("schema")));
            if (!name.isEmpty())
                for (const QString &type : mediaTypes(op, "produces"))
                    mr.responseModels.insert(type, name);
        }
        if (description != it.key() + QStringLiteral(" response"))
            m_context.noteDocumentation(rpath, QStringLiteral("description"));
        m_context.checkKeys(*r, rpath, {"description", "headers", "content", "schema", "links"});
        m.methodResponses.append(mr);
    }
}

void OperationReader::readIntegration(model::Method &m, const QJsonObject &op, const Location &at, const QString &path)
{
    if (op.contains(kIntegration)) {
        m.integration = extensions::readIntegration(m_context, op.value(kIntegration), at, childPath(path, kIntegration));
        return;
    }
    if (m_context.http || !m_context.options.mockMissingIntegrations) {
        m_context.warn(path, QStringLiteral("no x-amazon-apigateway-integration: the method has no integration"));
        return;
    }
    m.integration = mockAnswering200();
    m_context.warn(path, QStringLiteral("no x-amazon-apigateway-integration: a MOCK integration answering 200 was added"));
}

QStringList OperationReader::mediaTypes(const QJsonObject &operation, const char *key) const
{
    if (operation.contains(QLatin1String(key)))
        return stringList(operation.value(QLatin1String(key)));
    const QStringList &root = QLatin1String(key) == QLatin1String("consumes") ? m_context.rootConsumes : m_context.rootProduces;
    return root.isEmpty() ? QStringList{QStringLiteral("application/json")} : root;
}

} // namespace gw::openapi
