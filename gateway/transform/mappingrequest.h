#pragma once

#include "vtltemplate.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QPair>
#include <QString>

namespace gw::transform {

using StringPairs = QList<QPair<QString, QString>>;

// What a mapping template reads, copied out of the request (or, on the response side, the
// integration response): $input, $context, $stageVariables and any extra variables.
struct MappingRequest
{
    QByteArray body;              // $input.body: the request body, or the integration response's
    StringPairs pathParameters;
    StringPairs query;            // in order; the last value of a name wins
    StringPairs headers;
    QJsonObject context;          // $context (RequestContext::contextObject())
    QMap<QString, QString> stageVariables;
    VtlVariables extra;           // more top-level variables (the CLI's "variables")
};

// $context.requestOverride / responseOverride as templates left them (reference §4.4). They
// carry over from the request template to the response template and the method response.
struct MappingOverrides
{
    StringPairs requestHeaders;
    StringPairs requestQuery;
    StringPairs requestPath;
    std::optional<int> status;    // 100–599 only; anything else is ignored
    StringPairs responseHeaders;
    bool isEmpty() const
    {
        return requestHeaders.isEmpty() && requestQuery.isEmpty() && requestPath.isEmpty() && !status && responseHeaders.isEmpty();
    }
};

} // namespace gw::transform
