#pragma once

#include "documentset.h"

#include "gateway/model/api.h"

#include <QJsonArray>
#include <QJsonObject>

namespace gw::openapi {

class ImportContext;

// Security schemes → authorizers, API keys and IAM (x-amazon-apigateway-authorizer,
// x-amazon-apigateway-authtype); security requirements → a method's authorization.
namespace security {

void readSchemes(ImportContext &context, const QJsonObject &schemes, const Location &at, const QString &path);
void apply(ImportContext &context, const QJsonArray &requirements, model::Method &method, const QString &path);

} // namespace security

} // namespace gw::openapi
