#include "lambdatestproject.h"

namespace gwtest {

using namespace gw::model;

Function jsFunction(const QString &name, const QString &code, int timeoutSeconds)
{
    Function f;
    f.name = name;
    f.code = code;
    f.timeoutSeconds = timeoutSeconds;
    return f;
}

Function endpointFunction(const QString &name, const QString &url, int timeoutSeconds)
{
    Function f;
    f.name = name;
    f.runtime = QStringLiteral("endpoint");
    f.endpointUrl = url;
    f.timeoutSeconds = timeoutSeconds;
    return f;
}

static QString invocationArn(const QString &function)
{
    return QStringLiteral("arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/"
                          "arn:aws:lambda:us-east-1:123456789012:function:%1/invocations").arg(function);
}

Method lambdaProxyMethod(const QString &verb, const QString &function, int timeoutMs)
{
    Method m;
    m.httpMethod = verb;
    Integration i;
    i.type = IntegrationType::AwsProxy;
    i.httpMethod = QStringLiteral("POST");
    i.uri = invocationArn(function);
    i.timeoutInMillis = timeoutMs;
    m.integration = i;
    return m;
}

Method lambdaMethod(const QString &verb, const QString &function)
{
    Method m = lambdaProxyMethod(verb, function);
    m.integration->type = IntegrationType::Aws;
    return m;
}

} // namespace gwtest
