#include "schemaconverter.h"

#include "importcontext.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>

namespace gw::openapi {

namespace {

constexpr int kMaxDepth = 200;

const QLatin1String kModelUrlPrefix("https://apigateway.amazonaws.com/restapis/");

// Model names are alphanumeric in API Gateway.
QString sanitized(const QString &name)
{
    QString out;
    for (QChar c : name)
        if ((c >= QLatin1Char('a') && c <= QLatin1Char('z')) || (c >= QLatin1Char('A') && c <= QLatin1Char('Z'))
            || (c >= QLatin1Char('0') && c <= QLatin1Char('9')))
            out += c;
    return out.isEmpty() ? QStringLiteral("Model") : out;
}

// "#/components/schemas/Pet" and "#/definitions/Pet" name their model; other targets are named
// after their last pointer token or their file.
QString nameFromLocation(const Location &l)
{
    const QStringList tokens = l.pointer.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    if (!tokens.isEmpty()) {
        QString last = tokens.last();
        last.replace(QLatin1String("~1"), QLatin1String("/")).replace(QLatin1String("~0"), QLatin1String("~"));
        return last;
    }
    return QFileInfo(l.file).completeBaseName();
}

// A schema's own description describes its model too (the schema keeps it as well).
QString descriptionOf(const QJsonValue &schema)
{
    const QJsonValue d = schema.toObject().value(QLatin1String("description"));
    return d.isString() ? d.toString() : QString();
}

} // namespace

QString SchemaConverter::modelUrl(const QString &apiId, const QString &name)
{
    return kModelUrlPrefix + apiId + QStringLiteral("/models/") + name;
}

QString SchemaConverter::uniqueName(const QString &wanted, const QString &path)
{
    const QString base = sanitized(wanted);
    if (base != wanted)
        m_context.warn(path, QStringLiteral("model name '%1' becomes '%2' (API Gateway model names are alphanumeric)").arg(wanted, base));
    QString name = base;
    for (int n = 2; m_used.contains(name); ++n)
        name = base + QString::number(n);
    m_used.insert(name);
    return name;
}

void SchemaConverter::importNamedSchemas(const QJsonObject &schemas, const QString &pointer, const QString &path)
{
    for (auto it = schemas.begin(); it != schemas.end(); ++it)
        modelForLocation({m_context.docs.rootFile(), DocumentSet::pointerFor(pointer, it.key())}, it.key(),
                         childPath(path, it.key()));
}

QString SchemaConverter::modelForLocation(const Location &target, const QString &preferredName, const QString &path)
{
    if (const auto found = m_names.constFind(target); found != m_names.constEnd())
        return *found;
    QString problem;
    const auto value = m_context.docs.value(target, &problem);
    if (!value) {
        m_context.error(path, problem);
        return {};
    }
    model::ApiModel model;
    model.name = uniqueName(preferredName.isEmpty() ? nameFromLocation(target) : preferredName, path);
    m_names.insert(target, model.name); // before converting: a recursive schema finds itself
    m_paths.insert(model.name, path);
    const qsizetype index = m_context.def.models.size();
    m_context.def.models.append(model);
    const QJsonValue schema = rewrite(*value, target, path, 0);
    if (!schema.isObject())
        m_context.error(path, QStringLiteral("a schema must be an object"));
    m_context.def.models[index].schema = schema.toObject();
    m_context.def.models[index].description = descriptionOf(schema);
    return model.name;
}

QString SchemaConverter::modelFor(const QJsonValue &schema, const Location &at, const QString &suggestedName, const QString &path)
{
    const QJsonObject o = schema.toObject();
    if (!schema.isObject()) {
        m_context.error(path, QStringLiteral("a schema must be an object"));
        return {};
    }
    if (o.size() == 1 && o.contains(QLatin1String("$ref"))) {
        const QString ref = o.value(QLatin1String("$ref")).toString();
        if (ref.startsWith(kModelUrlPrefix))
            return ref.mid(ref.lastIndexOf(QLatin1Char('/')) + 1);
        QString problem;
        const auto target = m_context.docs.locate(ref, at, &problem);
        if (!target) {
            m_context.error(childPath(path, QStringLiteral("$ref")), problem);
            return {};
        }
        return modelForLocation(*target, nameFromLocation(*target), path);
    }
    model::ApiModel model;
    model.name = uniqueName(suggestedName, path);
    m_paths.insert(model.name, path);
    model.schema = rewrite(schema, at, path, 0).toObject();
    model.description = descriptionOf(model.schema);
    m_context.def.models.append(model);
    return model.name;
}

QJsonValue SchemaConverter::rewrite(const QJsonValue &schema, const Location &at, const QString &path, int depth)
{
    if (depth > kMaxDepth) {
        m_context.error(path, QStringLiteral("schema nests too deeply"));
        return schema;
    }
    if (schema.isArray()) {
        QJsonArray out;
        const QJsonArray in = schema.toArray();
        for (qsizetype i = 0; i < in.size(); ++i)
            out.append(rewrite(in[i], at, childPath(path, i), depth + 1));
        return out;
    }
    if (!schema.isObject())
        return schema;
    QJsonObject o = schema.toObject();
    for (auto it = o.begin(); it != o.end();) {
        // `required: true` on a property is Swagger 2.0 parameter style; JSON Schema draft 4
        // wants a non-empty list of names on the object, and check refuses anything else. (An
        // object is a property called "required".)
        const QJsonValue required = it.value();
        if (it.key() == QLatin1String("required") && !required.isObject()
            && (!required.isArray() || required.toArray().isEmpty())) {
            m_context.warn(childPath(path, it.key()), QStringLiteral("'required' must be a non-empty list of property names in a "
                                                                      "JSON Schema; dropped"));
            it = o.erase(it);
            continue;
        }
        if (it.key() == QLatin1String("$ref") && it.value().isString()) {
            const QString ref = it.value().toString();
            QString name;
            if (ref.startsWith(kModelUrlPrefix)) {
                name = ref.mid(ref.lastIndexOf(QLatin1Char('/')) + 1);
            } else {
                QString problem;
                const auto target = m_context.docs.locate(ref, at, &problem);
                if (!target) {
                    m_context.error(childPath(path, QStringLiteral("$ref")), problem);
                    ++it;
                    continue;
                }
                name = modelForLocation(*target, nameFromLocation(*target), childPath(path, QStringLiteral("$ref")));
            }
            if (!name.isEmpty())
                it.value() = modelUrl(m_context.api.id, name);
        } else if (it.value().isObject() || it.value().isArray()) {
            it.value() = rewrite(it.value(), at, childPath(path, it.key()), depth + 1);
        }
        ++it;
    }
    return o;
}

} // namespace gw::openapi
