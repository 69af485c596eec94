#pragma once

#include "modelschemas.h"

#include <QHash>

namespace gw::validate {

// What a method's request validator checks, compiled at deploy time (reference §6).
struct MethodValidation
{
    QString validatorName;
    bool parameters = false;
    bool body = false;
    // Full keys (method.request.header.x-id, ...) in the order API Gateway lists missing ones:
    // sorted by key, so headers, then path, then query-string parameters.
    QStringList requiredParameters;
    // Content type (lower case, "$default" for the fallback) → model name and compiled schema.
    // Empty when the method has no request models: then the built-in Empty model applies.
    struct BodyModel
    {
        QString name;
        std::shared_ptr<const JsonSchema> schema; // null: the model does not exist or did not compile
    };
    QHash<QString, BodyModel> bodyModels;
    BodyModel emptyModel;

    // Null when the method has no validator, an unknown one (check() reports it) or one that
    // checks nothing.
    static std::shared_ptr<const MethodValidation> compile(const model::Method &method, const model::ApiDefinition &definition,
                                                           const ModelSchemas &schemas);
    // The model for a request's Content-Type (parameters ignored, absent means application/json):
    // the exact type, else "$default"; null when requestModels has neither (the body is not checked).
    const BodyModel *modelFor(const QByteArray &contentType) const;
    // A parameter's short name as the 400 message lists it ("method.request.header.x-id" → "x-id").
    static QString parameterName(const QString &key);
};

} // namespace gw::validate
