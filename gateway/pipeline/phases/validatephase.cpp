#include "validatephase.h"

namespace gw::pipeline {

static const QString kPhase = QStringLiteral("validate");

// Present and not blank: `?q=` and a header of spaces count as missing (reference §6).
static bool hasValue(const RequestContext &ctx, const QString &key)
{
    const QString kind = key.section(QLatin1Char('.'), 2, 2);
    const QString name = validate::MethodValidation::parameterName(key);
    QString value;
    if (kind == QLatin1String("header") || kind == QLatin1String("multivalueheader"))
        value = QString::fromUtf8(ctx.request.headers.value(name.toLatin1()));
    else if (kind == QLatin1String("querystring") || kind == QLatin1String("multivaluequerystring"))
        value = ctx.queryValue(name);
    else if (kind == QLatin1String("path"))
        value = ctx.pathParameter(name);
    return !value.trimmed().isEmpty();
}

static PhaseResult badRequest(RequestContext &ctx, const QString &type, const QString &message, const QString &details)
{
    GatewayError e{type, message, false, {}};
    e.validationErrorString = details;
    ctx.fail(std::move(e));
    return PhaseResult::Respond;
}

PhaseResult ValidatePhase::onRequest(const std::shared_ptr<RequestContext> &ctx, const Resume &)
{
    if (!ctx->method || !ctx->method->validation)
        return PhaseResult::Continue;
    const validate::MethodValidation &v = *ctx->method->validation;
    if (v.parameters) {
        QStringList missing;
        for (const QString &key : v.requiredParameters)
            if (!hasValue(*ctx, key))
                missing.append(validate::MethodValidation::parameterName(key));
        if (!missing.isEmpty()) {
            const QString message = QStringLiteral("Missing required request parameters: [%1]").arg(missing.join(QStringLiteral(", ")));
            if (ctx->tracing())
                ctx->log(kPhase, QStringLiteral("Request validation failed: %1").arg(message));
            return badRequest(*ctx, QStringLiteral("BAD_REQUEST_PARAMETERS"), message, message);
        }
    }
    if (v.body) {
        const QByteArray contentType = ctx->request.headers.value("content-type");
        QString mime = QString::fromLatin1(contentType).section(QLatin1Char(';'), 0, 0).trimmed();
        if (mime.isEmpty())
            mime = QStringLiteral("application/json");
        const validate::MethodValidation::BodyModel *model = v.modelFor(contentType);
        if (!model) {
            // requestModels names other content types only: this body has no model to match.
            if (ctx->tracing())
                ctx->log(kPhase, QStringLiteral("No model for content type %1: request body not validated").arg(mime));
        } else if (!model->schema) {
            const QString why = QStringLiteral("model %1 does not exist or is not a valid JSON Schema").arg(model->name);
            ctx->fail({QStringLiteral("API_CONFIGURATION_ERROR"), QStringLiteral("Internal server error"), false,
                       QStringLiteral("Execution failed due to configuration error: %1").arg(why)});
            return PhaseResult::Respond;
        } else {
            // An empty body is validated as {} (reference §6).
            QString parseError;
            const std::optional<QJsonValue> body = ctx->request.body.trimmed().isEmpty()
                ? std::optional<QJsonValue>(QJsonObject())
                : validate::JsonSchema::parseJson(ctx->request.body, &parseError);
            QStringList errors;
            if (!body)
                errors.append(QStringLiteral("Invalid JSON: %1").arg(parseError));
            else
                model->schema->validate(*body, &errors);
            if (!body || !errors.isEmpty()) {
                const QString details = QLatin1Char('[') + errors.join(QStringLiteral(", ")) + QLatin1Char(']');
                if (ctx->tracing())
                    ctx->log(kPhase, QStringLiteral("Request body does not match model schema for content type %1: %2").arg(mime, details));
                return badRequest(*ctx, QStringLiteral("BAD_REQUEST_BODY"), QStringLiteral("Invalid request body"), details);
            }
        }
    }
    if (ctx->tracing())
        ctx->log(kPhase, QStringLiteral("Request validation succeeded (validator %1)").arg(v.validatorName));
    return PhaseResult::Continue;
}

} // namespace gw::pipeline
