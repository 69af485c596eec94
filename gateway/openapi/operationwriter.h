#pragma once

#include "exportcontext.h"

#include <QJsonObject>

namespace gw::openapi {

// Writes resources and methods as OpenAPI paths and operations.
class OperationWriter
{
public:
    explicit OperationWriter(ExportContext &context) : m_context(context) {}

    QJsonObject paths();
    bool apiKeyUsed() const { return m_apiKeyUsed; }
    bool iamUsed() const { return m_iamUsed; }

private:
    QJsonObject operation(const model::Method &m, const QString &resourcePath, const QString &path);
    QJsonArray parameters(const model::Method &m, const QString &resourcePath, const QString &path);
    QJsonObject responses(const model::Method &m, const QString &path);
    QJsonArray security(const model::Method &m);

    ExportContext &m_context;
    bool m_apiKeyUsed = false;
    bool m_iamUsed = false;
};

} // namespace gw::openapi
