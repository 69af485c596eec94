#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

namespace gw::pipeline {

struct RequestContext;

// Evaluates one parameter-mapping source as API Gateway does (reference §4.1):
// 'static', method.request.{path|querystring|multivaluequerystring|header|multivalueheader}.N,
// method.request.body, stageVariables.N, context.a.b, and on the response side
// integration.response.{header|multivalueheader}.N and integration.response.body[.JSONPath].
// An absent source yields nullopt: the target is then simply not set.
std::optional<QByteArray> evaluateParameterSource(const QString &source, const RequestContext &ctx);

} // namespace gw::pipeline
