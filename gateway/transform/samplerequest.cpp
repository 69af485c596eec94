#include "samplerequest.h"

#include "vtljson.h"

#include "gateway/core/elide.h"
#include "gateway/core/ids.h"

#include <QDateTime>
#include <QFile>
#include <QJsonDocument>
#include <QLocale>

namespace gw::transform {

namespace {


// An object of strings, in the file's order; `what` names the member in errors.
bool stringPairs(const VtlValue &v, const QString &what, StringPairs *out, QString *error)
{
    if (v.isNull())
        return true;
    if (v.type() != VtlValue::Type::Map) {
        *error = QStringLiteral("%1: must be an object of strings").arg(what);
        return false;
    }
    for (const QString &k : v.map()->keys()) {
        const VtlValue item = v.map()->value(k);
        if (!item.isString()) {
            *error = QStringLiteral("%1.%2: must be a string").arg(what, elideForMessage(k));
            return false;
        }
        out->append({k, item.stringValue()});
    }
    return true;
}

QJsonObject merged(QJsonObject base, const QJsonObject &over)
{
    for (auto it = over.begin(); it != over.end(); ++it) {
        if (it->isObject() && base.value(it.key()).isObject())
            base.insert(it.key(), merged(base.value(it.key()).toObject(), it->toObject()));
        else
            base.insert(it.key(), *it);
    }
    return base;
}

QString header(const StringPairs &headers, const QString &name)
{
    for (const auto &h : headers)
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    return {};
}

// $context as API Gateway fills it for a REST request to stage "test" of API "local".
QJsonObject generatedContext(const QString &method, const QString &path, const QString &resourcePath,
                             const StringPairs &headers)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    return QJsonObject{
        {QStringLiteral("accountId"), QStringLiteral("000000000000")},
        {QStringLiteral("apiId"), QStringLiteral("local")},
        {QStringLiteral("deploymentId"), QStringLiteral("local")},
        {QStringLiteral("domainName"), QStringLiteral("local.execute-api.localhost")},
        {QStringLiteral("domainPrefix"), QStringLiteral("local")},
        {QStringLiteral("extendedRequestId"), gw::newExtendedRequestId()},
        {QStringLiteral("httpMethod"), method},
        {QStringLiteral("identity"), QJsonObject{{QStringLiteral("sourceIp"), QStringLiteral("127.0.0.1")},
                                                 {QStringLiteral("userAgent"), header(headers, QStringLiteral("User-Agent"))}}},
        {QStringLiteral("path"), QString(QStringLiteral("/test") + path)},
        {QStringLiteral("protocol"), QStringLiteral("HTTP/1.1")},
        {QStringLiteral("requestId"), gw::newRequestId()},
        {QStringLiteral("requestTime"), QLocale::c().toString(now, QStringLiteral("dd/MMM/yyyy:HH:mm:ss +0000"))},
        {QStringLiteral("requestTimeEpoch"), double(now.toMSecsSinceEpoch())},
        {QStringLiteral("resourceId"), QStringLiteral("local")},
        {QStringLiteral("resourcePath"), resourcePath},
        {QStringLiteral("stage"), QStringLiteral("test")},
    };
}

} // namespace

bool readSampleRequest(const QString &file, MappingRequest *out, QString *error)
{
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("%1: %2").arg(file, f.errorString());
        return false;
    }
    return parseSampleRequest(f.readAll(), file, out, error);
}

bool parseSampleRequest(const QByteArray &bytes, const QString &file, MappingRequest *out, QString *error)
{
    VtlValue root;
    if (!parseJsonUtf8(bytes, &root) || root.type() != VtlValue::Type::Map) {
        QJsonParseError parseError;
        QJsonDocument::fromJson(bytes, &parseError);
        *error = QStringLiteral("%1: not a JSON object%2").arg(file, parseError.error == QJsonParseError::NoError
                                                                        ? QString()
                                                                        : QStringLiteral(" (%1 at offset %2)").arg(parseError.errorString()).arg(parseError.offset));
        return false;
    }
    const auto str = [&](const char *key, const QString &fallback, QString *value) {
        const VtlValue v = root.map()->value(QLatin1String(key));
        if (v.isNull()) {
            *value = fallback;
            return true;
        }
        if (!v.isString()) {
            *error = QStringLiteral("%1: %2: must be a string").arg(file, QLatin1String(key));
            return false;
        }
        *value = v.stringValue();
        return true;
    };
    QString method, path, resourcePath, body;
    if (!str("method", QStringLiteral("POST"), &method) || !str("path", QStringLiteral("/"), &path)
        || !str("resourcePath", path, &resourcePath) || !str("body", QString(), &body))
        return false;
    out->body = body.toUtf8();
    StringPairs stageVariables;
    QString problem;
    if (!stringPairs(root.map()->value(QStringLiteral("headers")), QStringLiteral("headers"), &out->headers, &problem)
        || !stringPairs(root.map()->value(QStringLiteral("query")), QStringLiteral("query"), &out->query, &problem)
        || !stringPairs(root.map()->value(QStringLiteral("pathParameters")), QStringLiteral("pathParameters"), &out->pathParameters, &problem)
        || !stringPairs(root.map()->value(QStringLiteral("stageVariables")), QStringLiteral("stageVariables"), &stageVariables, &problem)) {
        *error = QStringLiteral("%1: %2").arg(file, problem);
        return false;
    }
    for (const auto &v : stageVariables)
        out->stageVariables.insert(v.first, v.second);
    out->context = generatedContext(method.toUpper(), path, resourcePath, out->headers);
    // Qt's JSON for the context only, and only when there is one: a second parse of a file
    // holding a 10 MB body costs tens of megabytes.
    const QJsonValue context = root.map()->contains(QStringLiteral("context"))
                                   ? QJsonDocument::fromJson(bytes).object().value(QStringLiteral("context"))
                                   : QJsonValue(QJsonValue::Undefined);
    if (!context.isUndefined() && !context.isObject()) {
        *error = QStringLiteral("%1: context: must be an object").arg(file);
        return false;
    }
    out->context = merged(out->context, context.toObject());
    const VtlValue variables = root.map()->value(QStringLiteral("variables"));
    if (!variables.isNull() && variables.type() != VtlValue::Type::Map) {
        *error = QStringLiteral("%1: variables: must be an object").arg(file);
        return false;
    }
    if (!variables.isNull())
        for (const QString &k : variables.map()->keys())
            out->extra.insert(k, variables.map()->value(k));
    return true;
}

} // namespace gw::transform
