#include "methodvalidation.h"

namespace gw::validate {

std::shared_ptr<const MethodValidation> MethodValidation::compile(const model::Method &method,
                                                                  const model::ApiDefinition &definition,
                                                                  const ModelSchemas &schemas)
{
    if (method.requestValidatorId.isEmpty())
        return nullptr;
    const model::RequestValidator *validator = nullptr;
    for (const model::RequestValidator &v : definition.requestValidators)
        if (v.id == method.requestValidatorId)
            validator = &v;
    if (!validator)
        return nullptr; // check() reports it
    if (!validator->validateRequestBody && !validator->validateRequestParameters)
        return nullptr;
    auto out = std::make_shared<MethodValidation>();
    out->validatorName = validator->name;
    out->parameters = validator->validateRequestParameters;
    out->body = validator->validateRequestBody;
    for (auto it = method.requestParameters.begin(); it != method.requestParameters.end(); ++it)
        if (it.value())
            out->requiredParameters.append(it.key());
    out->requiredParameters.sort();
    for (auto it = method.requestModels.begin(); it != method.requestModels.end(); ++it) {
        // A null schema (unknown model, or one that did not compile: check() and the deploy report
        // those) fails the request as a configuration error.
        out->bodyModels.insert(it.key().toLower(), BodyModel{it.value(), schemas.schema(it.value())});
    }
    out->emptyModel = {QStringLiteral("Empty"), schemas.schema(QStringLiteral("Empty"))};
    return out;
}

const MethodValidation::BodyModel *MethodValidation::modelFor(const QByteArray &contentType) const
{
    if (bodyModels.isEmpty())
        return &emptyModel;
    QString mime = QString::fromLatin1(contentType).section(QLatin1Char(';'), 0, 0).trimmed().toLower();
    if (mime.isEmpty())
        mime = QStringLiteral("application/json");
    auto it = bodyModels.constFind(mime);
    if (it == bodyModels.cend())
        it = bodyModels.constFind(QStringLiteral("$default"));
    return it != bodyModels.cend() ? &*it : nullptr;
}

QString MethodValidation::parameterName(const QString &key)
{
    return key.section(QLatin1Char('.'), 3);
}

} // namespace gw::validate
