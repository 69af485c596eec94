#include "lambdafunctionuri.h"

#include <QRegularExpression>

namespace gw::integrations {

namespace {

QString nameFromFunctionArn(const QString &arn)
{
    // arn:aws:lambda:{region}:{account}:function:{name}[:{qualifier}]
    const QStringList parts = arn.split(QLatin1Char(':'));
    if (parts.size() >= 7 && parts[0] == QLatin1String("arn") && parts[2] == QLatin1String("lambda")
        && parts[5] == QLatin1String("function"))
        return parts[6];
    return {};
}

} // namespace

bool isLambdaInvocationUri(const QString &uri)
{
    return uri.contains(QLatin1String(":lambda:path/"));
}

QString lambdaFunctionName(const QString &uri)
{
    static const QRegularExpression invocation(
        QStringLiteral("^arn:[^:]+:apigateway:[^:]*:lambda:path/[^/]+/functions/(.+)/invocations/?$"));
    const auto m = invocation.match(uri);
    if (m.hasMatch()) {
        const QString target = m.captured(1);
        return target.startsWith(QLatin1String("arn:")) ? nameFromFunctionArn(target) : target;
    }
    if (uri.startsWith(QLatin1String("arn:")))
        return nameFromFunctionArn(uri);
    if (uri.contains(QLatin1Char('/')) || uri.contains(QLatin1Char(':')))
        return {};
    return uri;
}

} // namespace gw::integrations
