#include "parametersource.h"

#include "requestcontext.h"

#include "gateway/transform/jsonpath.h"
#include "gateway/transform/vtljson.h"

#include <QJsonValue>

namespace gw::pipeline {

namespace {

std::optional<QByteArray> nonEmpty(const QByteArray &v, bool present)
{
    if (!present)
        return std::nullopt;
    return v;
}

QByteArray joinValues(const QList<QByteArray> &values)
{
    QByteArray out;
    for (qsizetype i = 0; i < values.size(); ++i) {
        if (i)
            out += ',';
        out += values[i];
    }
    return out;
}

// method.request.body.a.b / integration.response.body.a[0]: a JSONPath (without "$.") into a
// JSON body; strings come out bare, anything else as JSON text (reference §4.1).
std::optional<QByteArray> bodyPath(const QByteArray &body, const QString &path)
{
    transform::VtlValue root;
    if (!transform::parseJsonText(QString::fromUtf8(body), &root))
        return std::nullopt;
    const QString jsonPath = (path.startsWith(QLatin1Char('[')) ? QStringLiteral("$") : QStringLiteral("$.")) + path;
    const transform::VtlValue v = transform::evaluateJsonPath(root, jsonPath);
    if (v.isNull())
        return std::nullopt;
    return (v.isString() ? v.stringValue() : v.toJsonText()).toUtf8();
}

} // namespace

std::optional<QByteArray> evaluateParameterSource(const QString &source, const RequestContext &ctx)
{
    if (source.size() >= 2 && source.startsWith(QLatin1Char('\'')) && source.endsWith(QLatin1Char('\'')))
        return source.mid(1, source.size() - 2).toUtf8();

    auto after = [&](QLatin1String prefix, QString *rest) {
        if (!source.startsWith(prefix))
            return false;
        *rest = source.mid(prefix.size());
        return true;
    };
    QString name;
    if (after(QLatin1String("method.request.path."), &name)) {
        for (const auto &p : ctx.pathParameters)
            if (p.first == name)
                return p.second.toUtf8();
        return std::nullopt;
    }
    if (after(QLatin1String("method.request.querystring."), &name)) {
        for (auto it = ctx.query.crbegin(); it != ctx.query.crend(); ++it)
            if (it->first == name)
                return it->second.toUtf8();
        return std::nullopt;
    }
    if (after(QLatin1String("method.request.multivaluequerystring."), &name)) {
        QList<QByteArray> values;
        for (const auto &q : ctx.query)
            if (q.first == name)
                values.append(q.second.toUtf8());
        return nonEmpty(joinValues(values), !values.isEmpty());
    }
    if (after(QLatin1String("method.request.header."), &name))
        return nonEmpty(ctx.request.headers.value(name.toLatin1()), ctx.request.headers.contains(name.toLatin1()));
    if (after(QLatin1String("method.request.multivalueheader."), &name)) {
        const auto values = ctx.request.headers.values(name.toLatin1());
        return nonEmpty(joinValues(values), !values.isEmpty());
    }
    if (source == QLatin1String("method.request.body"))
        return ctx.request.body;
    if (after(QLatin1String("method.request.body."), &name))
        return bodyPath(ctx.request.body, name);
    if (after(QLatin1String("stageVariables."), &name))
        return nonEmpty(ctx.stageVariables.value(name).toUtf8(), ctx.stageVariables.contains(name));
    if (after(QLatin1String("context."), &name)) {
        QJsonValue v = ctx.contextObject();
        for (const QString &part : name.split(QLatin1Char('.')))
            v = v.toObject().value(part);
        if (v.isUndefined() || v.isNull())
            return std::nullopt;
        return v.isDouble() ? QByteArray::number(v.toDouble(), 'g', 17) : v.toVariant().toString().toUtf8();
    }
    if (after(QLatin1String("integration.response.header."), &name))
        return nonEmpty(ctx.endpointResult.headers.value(name.toLatin1()), ctx.endpointResult.headers.contains(name.toLatin1()));
    if (after(QLatin1String("integration.response.multivalueheader."), &name)) {
        const auto values = ctx.endpointResult.headers.values(name.toLatin1());
        return nonEmpty(joinValues(values), !values.isEmpty());
    }
    if (source == QLatin1String("integration.response.body"))
        return ctx.endpointResult.body;
    if (after(QLatin1String("integration.response.body."), &name))
        return bodyPath(ctx.endpointResult.body, name);
    return std::nullopt;
}

} // namespace gw::pipeline
