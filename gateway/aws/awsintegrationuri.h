#pragma once

#include <QList>
#include <QPair>
#include <QString>

namespace gw::aws {

// An AWS service integration URI as API Gateway takes it (reference §3.6):
//   arn:{partition}:apigateway:{region}:{service}[:{subdomain}]:{path|action}/{rest}
// (AWS's own docs also spell the subdomain "{subdomain}.{service}"; both are accepted).
// A value type; parse() never throws: a bad URI comes back with error set.
struct AwsIntegrationUri
{
    enum class Kind { Path, Action };

    QString partition;  // aws, aws-cn, aws-us-gov
    QString region;
    QString service;    // as written in the ARN: dynamodb, states, sns, lambda, execute-api...
    QString subdomain;  // e.g. an API id for execute-api, an IoT endpoint prefix
    Kind kind = Kind::Action;
    QString action;     // Action form: PutItem, Publish...
    QList<QPair<QString, QString>> actionParameters;  // action/Name&k=v&k2=v2, raw (still encoded)
    QString path;       // Path form: what follows "path/", may hold {param} placeholders
    QString error;      // empty when the URI is usable

    bool isValid() const { return error.isEmpty(); }

    static AwsIntegrationUri parse(const QString &uri);
};

} // namespace gw::aws
