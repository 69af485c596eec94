#include "operationwriter.h"

#include "extensionwriter.h"

#include <QJsonArray>
#include <QSet>

namespace gw::openapi {

namespace {

QJsonObject stringSchema(bool v3)
{
    return v3 ? QJsonObject{{QStringLiteral("schema"), QJsonObject{{QStringLiteral("type"), QStringLiteral("string")}}}}
              : QJsonObject{{QStringLiteral("type"), QStringLiteral("string")}};
}

QStringList pathVariables(const QString &resourcePath)
{
    QStringList out;
    const QStringList segments = resourcePath.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    for (const QString &s : segments)
        if (s.startsWith(QLatin1Char('{')) && s.endsWith(QLatin1Char('}')))
            out.append(s.mid(1, s.size() - 2));
    return out;
}

} // namespace

QJsonObject OperationWriter::paths()
{
    QJsonObject paths;
    const bool ext = m_context.options.extensions;
    for (qsizetype k = 0; k < m_context.def.resources.size(); ++k) {
        const model::Resource &r = m_context.def.resources[k];
        const QString rpath = QStringLiteral("resources[%1]").arg(k);
        QJsonObject item;
        for (auto it = r.methods.begin(); it != r.methods.end(); ++it) {
            const QString mpath = rpath + QStringLiteral(".methods.") + it.key();
            if (it.key() == QLatin1String("ANY") && !ext) {
                m_context.warn(mpath, QStringLiteral("ANY exists only as x-amazon-apigateway-any-method; left out without extensions"));
                continue;
            }
            const QString key = it.key() == QLatin1String("ANY") ? QStringLiteral("x-amazon-apigateway-any-method") : it.key().toLower();
            item.insert(key, operation(*it, r.path, mpath));
        }
        paths.insert(r.path, item); // resources without methods too: the tree stays whole
    }
    if (m_context.def.defaultRoute) {
        if (ext) {
            QJsonObject any = operation(*m_context.def.defaultRoute, QStringLiteral("/$default"), QStringLiteral("defaultRoute"));
            any.insert(QLatin1String("isDefaultRoute"), true);
            paths.insert(QStringLiteral("/$default"), QJsonObject{{QStringLiteral("x-amazon-apigateway-any-method"), any}});
        } else {
            m_context.warn(QStringLiteral("defaultRoute"), QStringLiteral("the $default route needs extensions; left out"));
        }
    }
    return paths;
}

QJsonObject OperationWriter::operation(const model::Method &m, const QString &resourcePath, const QString &path)
{
    QJsonObject op;
    const bool v3 = m_context.v3();
    if (!m.operationName.isEmpty())
        op.insert(QLatin1String("operationId"), m.operationName);
    const QJsonArray params = parameters(m, resourcePath, path);
    if (!params.isEmpty())
        op.insert(QLatin1String("parameters"), params);
    if (!m.requestModels.isEmpty()) {
        if (v3) {
            QJsonObject content;
            for (auto it = m.requestModels.begin(); it != m.requestModels.end(); ++it)
                content.insert(it.key(), QJsonObject{{QStringLiteral("schema"), QJsonObject{{QStringLiteral("$ref"), m_context.schemaRef(*it)}}}});
            op.insert(QLatin1String("requestBody"), QJsonObject{{QStringLiteral("content"), content}});
        } else {
            op.insert(QLatin1String("consumes"), QJsonArray::fromStringList(m.requestModels.keys()));
        }
    }
    if (!v3) {
        QSet<QString> produced;
        for (const auto &r : m.methodResponses)
            for (auto it = r.responseModels.begin(); it != r.responseModels.end(); ++it)
                produced.insert(it.key());
        QStringList produces(produced.begin(), produced.end());
        produces.sort();
        if (!produces.isEmpty())
            op.insert(QLatin1String("produces"), QJsonArray::fromStringList(produces));
    }
    op.insert(QLatin1String("responses"), responses(m, path));
    const QJsonArray sec = security(m);
    if (!sec.isEmpty())
        op.insert(QLatin1String("security"), sec);
    if (m_context.options.extensions) {
        if (!m.requestValidatorId.isEmpty()) {
            for (const auto &v : m_context.def.requestValidators)
                if (v.id == m.requestValidatorId)
                    op.insert(QLatin1String("x-amazon-apigateway-request-validator"), v.name);
        }
        if (m.integration)
            op.insert(QLatin1String("x-amazon-apigateway-integration"),
                      extensions::writeIntegration(m_context, *m.integration, path + QStringLiteral(".integration")));
    }
    return op;
}

QJsonArray OperationWriter::parameters(const model::Method &m, const QString &resourcePath, const QString &path)
{
    const bool v3 = m_context.v3();
    QJsonArray out;
    QSet<QString> written;
    // Every {placeholder} needs a parameter; Swagger 2.0 validators want greedy ones named "proxy+".
    for (const QString &variable : pathVariables(resourcePath)) {
        QString name = variable;
        if (name.endsWith(QLatin1Char('+')))
            name.chop(1);
        written.insert(QStringLiteral("method.request.path.") + name);
        QJsonObject p = stringSchema(v3);
        p.insert(QLatin1String("name"), v3 ? name : variable);
        p.insert(QLatin1String("in"), QStringLiteral("path"));
        p.insert(QLatin1String("required"), true);
        out.append(p);
    }
    for (auto it = m.requestParameters.begin(); it != m.requestParameters.end(); ++it) {
        if (written.contains(it.key()))
            continue;
        const QStringList parts = it.key().split(QLatin1Char('.'));
        if (parts.size() < 4) {
            m_context.warn(path + QStringLiteral(".requestParameters.") + it.key(), QStringLiteral("not a method.request.{location}.{name} parameter; left out"));
            continue;
        }
        const QString location = parts[2];
        const QString name = parts.mid(3).join(QLatin1Char('.'));
        QString in;
        if (location == QLatin1String("querystring"))
            in = QStringLiteral("query");
        else if (location == QLatin1String("header"))
            in = QStringLiteral("header");
        if (in.isEmpty()) {
            m_context.warn(path + QStringLiteral(".requestParameters.") + it.key(),
                           QStringLiteral("%1 parameters have no OpenAPI equivalent; left out").arg(location));
            continue;
        }
        QJsonObject p = stringSchema(v3);
        p.insert(QLatin1String("name"), name);
        p.insert(QLatin1String("in"), in);
        if (*it)
            p.insert(QLatin1String("required"), true);
        out.append(p);
    }
    if (!v3 && !m.requestModels.isEmpty()) {
        const QString model = m.requestModels.value(QStringLiteral("application/json"), m.requestModels.first());
        for (auto it = m.requestModels.begin(); it != m.requestModels.end(); ++it)
            if (*it != model)
                m_context.warn(path + QStringLiteral(".requestModels.") + it.key(),
                               QStringLiteral("Swagger 2.0 has one body schema per operation; %1 is written for every content type").arg(model));
        out.append(QJsonObject{{QStringLiteral("in"), QStringLiteral("body")}, {QStringLiteral("name"), model},
                               {QStringLiteral("required"), true},
                               {QStringLiteral("schema"), QJsonObject{{QStringLiteral("$ref"), m_context.schemaRef(model)}}}});
    }
    return out;
}

QJsonObject OperationWriter::responses(const model::Method &m, const QString &path)
{
    const bool v3 = m_context.v3();
    QJsonObject out;
    for (const auto &r : m.methodResponses) {
        QJsonObject ro{{QStringLiteral("description"), QString(r.statusCode + QStringLiteral(" response"))}};
        QJsonObject headers;
        for (auto it = r.responseParameters.begin(); it != r.responseParameters.end(); ++it) {
            const QLatin1String prefix("method.response.header.");
            if (!it.key().startsWith(prefix))
                continue;
            QJsonObject h = stringSchema(v3);
            if (*it && v3)
                h.insert(QLatin1String("required"), true);
            headers.insert(it.key().mid(prefix.size()), h);
        }
        if (!headers.isEmpty())
            ro.insert(QLatin1String("headers"), headers);
        if (v3) {
            QJsonObject content;
            for (auto it = r.responseModels.begin(); it != r.responseModels.end(); ++it)
                content.insert(it.key(), QJsonObject{{QStringLiteral("schema"), QJsonObject{{QStringLiteral("$ref"), m_context.schemaRef(*it)}}}});
            if (!content.isEmpty())
                ro.insert(QLatin1String("content"), content);
        } else if (!r.responseModels.isEmpty()) {
            const QString model = r.responseModels.first();
            for (auto it = r.responseModels.begin(); it != r.responseModels.end(); ++it)
                if (*it != model)
                    m_context.warn(path + QStringLiteral(".methodResponses.") + r.statusCode,
                                   QStringLiteral("Swagger 2.0 has one schema per response; %1 is written").arg(model));
            ro.insert(QLatin1String("schema"), QJsonObject{{QStringLiteral("$ref"), m_context.schemaRef(model)}});
        }
        if (out.contains(r.statusCode))
            m_context.warn(path, QStringLiteral("two method responses for status %1; the first is written").arg(r.statusCode));
        else
            out.insert(r.statusCode, ro);
    }
    if (out.isEmpty()) // OpenAPI wants at least one response
        out.insert(QStringLiteral("default"), QJsonObject{{QStringLiteral("description"), QStringLiteral("Default response")}});
    return out;
}

QJsonArray OperationWriter::security(const model::Method &m)
{
    QJsonObject requirement;
    if (m.authorizationType == QLatin1String("AWS_IAM")) {
        requirement.insert(QStringLiteral("sigv4"), QJsonArray());
        m_iamUsed = true;
    } else if (m.authorizationType != QLatin1String("NONE")) {
        for (const auto &a : m_context.def.authorizers)
            if (a.id == m.authorizerId)
                requirement.insert(a.name, QJsonArray::fromStringList(m.authorizationScopes));
    }
    if (m.apiKeyRequired) {
        requirement.insert(QStringLiteral("api_key"), QJsonArray());
        m_apiKeyUsed = true;
    }
    return requirement.isEmpty() ? QJsonArray() : QJsonArray{requirement};
}

} // namespace gw::openapi
