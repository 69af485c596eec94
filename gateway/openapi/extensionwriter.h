#pragma once

#include "exportcontext.h"

#include <QJsonObject>

namespace gw::openapi::extensions {

QJsonObject writeIntegration(ExportContext &context, const model::Integration &integration, const QString &path);
// components.securitySchemes / securityDefinitions: authorizers, plus api_key and sigv4 when used.
QJsonObject writeSecuritySchemes(ExportContext &context, bool apiKeyUsed, bool iamUsed);
// Root-level x-amazon-apigateway-* keys (validators, gateway responses, binary types, ...).
void writeRoot(ExportContext &context, QJsonObject &root, const QJsonObject &kept);
// Models as schemas, with model references turned into #/components/schemas or #/definitions.
QJsonObject writeSchemas(ExportContext &context);

} // namespace gw::openapi::extensions
