#include "awsintegrationuri.h"

#include <QRegularExpression>

namespace gw::aws {
namespace {

const QString kPathPrefix = QStringLiteral("path/");
const QString kActionPrefix = QStringLiteral("action/");

bool hasKind(const QString &rest)
{
    return rest.startsWith(kPathPrefix) || rest.startsWith(kActionPrefix);
}

AwsIntegrationUri failed(const QString &message)
{
    AwsIntegrationUri uri;
    uri.error = message;
    return uri;
}

const QString kMissingKind = QStringLiteral("AWS ARN for integration must contain path or action");

} // namespace

AwsIntegrationUri AwsIntegrationUri::parse(const QString &text)
{
    static const QRegularExpression head(
        QStringLiteral("^arn:(aws|aws-cn|aws-us-gov|aws-iso|aws-iso-b):apigateway:([^:]*):([^:]*)(?::(.*))?$"));
    const QRegularExpressionMatch match = head.match(text.trimmed());
    if (!match.hasMatch())
        return failed(QStringLiteral("Invalid ARN specified in the request: %1 "
                                     "(expected arn:aws:apigateway:{region}:{service}:{path|action}/...)")
                          .arg(text));
    AwsIntegrationUri uri;
    uri.partition = match.captured(1);
    uri.region = match.captured(2);
    QString service = match.captured(3);
    QString rest = match.captured(4);
    if (uri.region.isEmpty())
        return failed(QStringLiteral("AWS ARN for integration must contain a region: %1").arg(text));
    if (service.isEmpty())
        return failed(QStringLiteral("AWS ARN for integration must contain a service: %1").arg(text));

    const qsizetype dot = service.lastIndexOf(QLatin1Char('.'));
    if (dot >= 0) {
        uri.subdomain = service.left(dot);
        service = service.mid(dot + 1);
    }
    uri.service = service.toLower();
    if (!hasKind(rest)) {
        const qsizetype colon = rest.indexOf(QLatin1Char(':'));
        if (colon <= 0 || !hasKind(rest.mid(colon + 1)) || !uri.subdomain.isEmpty())
            return failed(kMissingKind);
        uri.subdomain = rest.left(colon);
        rest = rest.mid(colon + 1);
    }

    if (rest.startsWith(kPathPrefix)) {
        uri.kind = Kind::Path;
        uri.path = rest.mid(kPathPrefix.size());
        if (uri.path.isEmpty())
            return failed(kMissingKind);
        return uri;
    }
    uri.kind = Kind::Action;
    const QStringList pieces = rest.mid(kActionPrefix.size()).split(QLatin1Char('&'));
    uri.action = pieces.first();
    static const QRegularExpression actionName(QStringLiteral("^[A-Za-z][A-Za-z0-9]*$"));
    if (uri.action.isEmpty())
        return failed(kMissingKind);
    if (!actionName.match(uri.action).hasMatch())
        return failed(QStringLiteral("AWS ARN for integration has an invalid action name '%1'").arg(uri.action));
    for (qsizetype i = 1; i < pieces.size(); ++i) {
        if (pieces[i].isEmpty())
            continue;
        const qsizetype eq = pieces[i].indexOf(QLatin1Char('='));
        uri.actionParameters.append(eq < 0 ? qMakePair(pieces[i], QString())
                                           : qMakePair(pieces[i].left(eq), pieces[i].mid(eq + 1)));
    }
    return uri;
}

} // namespace gw::aws
