#pragma once

#include "documentset.h"

#include "gateway/model/api.h"

#include <QJsonObject>

#include <optional>

namespace gw::openapi {

class ImportContext;

// Reads the x-amazon-apigateway-* extensions (reference §15.1) into the model.
namespace extensions {

// x-amazon-apigateway-integration (a $ref to x-amazon-apigateway-integrations is followed).
std::optional<model::Integration> readIntegration(ImportContext &context, const QJsonValue &value, Location at,
                                                  const QString &path);

// Root-level extensions; what the model has no field for goes to `kept`.
void readRoot(ImportContext &context, const QJsonObject &root, QJsonObject &kept);

// What shows the document was written for an HTTP API (apigatewayv2), "paths[\"/a\"].get.
// x-amazon-apigateway-integration.payloadFormatVersion 2.0"; empty when nothing does.
QString httpApiSign(const QJsonObject &root);

} // namespace extensions

} // namespace gw::openapi
