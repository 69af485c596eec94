#include "modelschemas.h"

#include <QJsonArray>
#include <QRegularExpression>

namespace gw::validate {

QString modelNameFromRef(const QString &uri)
{
    static const QRegularExpression re(
        QStringLiteral("^https?://apigateway\\.[a-z0-9.-]*amazonaws\\.com/restapis/[^/]+/models/([^/#?]+)$"));
    const QRegularExpressionMatch m = re.match(uri);
    return m.hasMatch() ? m.captured(1) : QString();
}

QJsonObject ModelSchemas::builtInModel(const QString &name)
{
    const QString draft4 = QStringLiteral("http://json-schema.org/draft-04/schema#");
    if (name == QLatin1String("Empty"))
        return {{QStringLiteral("$schema"), draft4}, {QStringLiteral("title"), QStringLiteral("Empty Schema")},
                {QStringLiteral("type"), QStringLiteral("object")}};
    if (name == QLatin1String("Error"))
        return {{QStringLiteral("$schema"), draft4}, {QStringLiteral("title"), QStringLiteral("Error Schema")},
                {QStringLiteral("type"), QStringLiteral("object")},
                {QStringLiteral("properties"),
                 QJsonObject{{QStringLiteral("message"), QJsonObject{{QStringLiteral("type"), QStringLiteral("string")}}}}}};
    return {};
}

ModelSchemas ModelSchemas::compile(const model::ApiDefinition &definition, model::Diagnostics *diagnostics,
                                   const QString &path)
{
    QHash<QString, QJsonObject> sources;
    for (const QString &builtIn : {QStringLiteral("Empty"), QStringLiteral("Error")})
        sources.insert(builtIn, builtInModel(builtIn));
    for (const model::ApiModel &m : definition.models)
        sources.insert(m.name, m.schema);
    const auto resolve = [&sources](const QString &uri) -> std::optional<QJsonValue> {
        const auto it = sources.constFind(modelNameFromRef(uri));
        if (it == sources.cend())
            return std::nullopt;
        return QJsonValue(*it);
    };

    ModelSchemas out;
    for (const QString &builtIn : {QStringLiteral("Empty"), QStringLiteral("Error")})
        out.m_schemas.insert(builtIn, JsonSchema::compile(sources.value(builtIn), resolve, nullptr));
    for (qsizetype k = 0; k < definition.models.size(); ++k) {
        const model::ApiModel &m = definition.models[k];
        QString error;
        auto schema = JsonSchema::compile(m.schema, resolve, &error);
        if (!schema) {
            if (diagnostics)
                diagnostics->append({model::Diagnostic::Severity::Error, path + QStringLiteral(".models[%1].schema").arg(k),
                                     QStringLiteral("model %1 is not a valid JSON Schema (draft 4): %2").arg(m.name, error)});
            continue;
        }
        out.m_schemas.insert(m.name, schema);
    }
    return out;
}

} // namespace gw::validate
