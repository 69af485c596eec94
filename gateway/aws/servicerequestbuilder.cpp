#include "servicerequestbuilder.h"

#include "awsuriencoding.h"
#include "sigv4signer.h"

#include "gateway/core/httpmessage.h"

#include <QRegularExpression>

namespace gw::aws {
namespace {

using Protocol = AwsServiceInfo::Protocol;
using Params = QList<QPair<QString, QString>>;

QByteArray encodeParams(const Params &params)
{
    QByteArray out;
    for (const auto &[name, value] : params) {
        if (!out.isEmpty())
            out += '&';
        out += uriEncode(name.toUtf8()) + '=' + uriEncode(value.toUtf8());
    }
    return out;
}

Params decodedParams(const Params &raw)
{
    Params out;
    for (const auto &[name, value] : raw)
        out.append({QString::fromUtf8(percentDecode(name.toUtf8())),
                    QString::fromUtf8(percentDecode(value.toUtf8()))});
    return out;
}

bool formHasParam(const QByteArray &form, const QByteArray &name)
{
    return form.startsWith(QByteArray(name + '=')) || form.contains(QByteArray('&' + name + '='));
}

// Fills {name} and {name+} from integration.request.path.* values; a greedy value keeps '/'.
QByteArray substitutePath(const QString &path, const QHash<QString, QString> &values, QString *error)
{
    static const QRegularExpression placeholder(QStringLiteral("\\{([A-Za-z0-9._-]+)(\\+?)\\}"));
    QByteArray out;
    qsizetype last = 0;
    auto it = placeholder.globalMatch(path);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        out += encodePathForWire(path.mid(last, m.capturedStart() - last).toUtf8());
        const QString name = m.captured(1);
        if (!values.contains(name)) {
            *error = QStringLiteral("AWS integration URI path parameter {%1} has no value: "
                                    "map integration.request.path.%1")
                         .arg(name);
            return {};
        }
        out += uriEncode(values.value(name).toUtf8(), m.captured(2).isEmpty());
        last = m.capturedEnd();
    }
    out += encodePathForWire(path.mid(last).toUtf8());
    return out;
}

QByteArray hostHeader(const QUrl &url)
{
    QByteArray host = url.host(QUrl::FullyEncoded).toUtf8();
    const int defaultPort = url.scheme() == QLatin1String("https") ? 443 : 80;
    if (url.port() > 0 && url.port() != defaultPort)
        host += ':' + QByteArray::number(url.port());
    return host;
}

AwsWireRequest failure(const QString &message)
{
    AwsWireRequest wire;
    wire.error = message;
    return wire;
}

} // namespace

ServiceRequestBuilder::ServiceRequestBuilder(AwsCredentials credentials, ServiceEndpoints endpoints,
                                             AwsServiceCatalog catalog)
    : m_credentials(std::move(credentials))
    , m_endpoints(std::move(endpoints))
    , m_catalog(std::move(catalog))
{
}

AwsWireRequest ServiceRequestBuilder::build(const AwsIntegrationRequest &request, const QDateTime &now) const
{
    const AwsIntegrationUri uri = AwsIntegrationUri::parse(request.uri);
    if (!uri.isValid())
        return failure(uri.error);
    if (!m_credentials.isValid())
        return failure(QStringLiteral("no AWS credentials to sign the %1 integration request").arg(uri.service));
    if (request.httpMethod.isEmpty())
        return failure(QStringLiteral("AWS integration has no HTTP method"));

    AwsWireRequest wire;
    wire.service = m_catalog.find(uri.service);
    wire.region = wire.service.global ? QStringLiteral("us-east-1") : uri.region;
    wire.action = uri.action;
    wire.method = request.httpMethod.toUpper();
    wire.headers = request.headers;
    for (const char *owned : {"Authorization", "X-Amz-Date", "X-Amz-Security-Token", "Host"})
        wire.headers.remove(QByteArray(owned));
    wire.body = request.body;
    Params query = request.query;
    QByteArray path = QByteArrayLiteral("/");
    QString hostPrefix;
    const AwsServiceInfo &service = wire.service;

    if (uri.kind == AwsIntegrationUri::Kind::Action) {
        if (!m_catalog.contains(uri.service))
            return failure(QStringLiteral("AWS service '%1' is not known, so its action/ protocol is not "
                                          "either: use a path/ URI or add the service to the catalog")
                               .arg(uri.service));
        const QByteArray contentType = wire.headers.value("Content-Type");
        const bool wantsJson = contentType.startsWith("application/x-amz-json")
            || wire.headers.contains("X-Amz-Target");
        if (service.protocol == Protocol::Json
            || (service.protocol == Protocol::Query && !service.targetPrefix.isEmpty() && wantsJson)) {
            if (!wire.headers.contains("X-Amz-Target"))
                wire.headers.set("X-Amz-Target", QString(service.targetPrefix + QLatin1Char('.') + uri.action).toUtf8());
            if (!contentType.startsWith("application/x-amz-json"))
                wire.headers.set("Content-Type", "application/x-amz-json-" + service.jsonVersion.toUtf8());
            if (wire.body.trimmed().isEmpty())
                wire.body = QByteArrayLiteral("{}");
            query += decodedParams(uri.actionParameters);
        } else if (service.protocol == Protocol::Query) {
            Params action = {{QStringLiteral("Action"), uri.action}, {QStringLiteral("Version"), service.apiVersion}};
            action += decodedParams(uri.actionParameters);
            if (wire.body.trimmed().isEmpty()) {
                query = action + query;  // API Gateway sends query mappings in the URL too
                wire.body.clear();
            } else {
                // A form template: complete it rather than second-guess what it already says.
                if (!formHasParam(wire.body, "Action"))
                    wire.body.prepend("Action=" + uriEncode(uri.action.toUtf8()) + '&');
                if (!formHasParam(wire.body, "Version"))
                    wire.body += "&Version=" + uriEncode(service.apiVersion.toUtf8());
                const QByteArray extra = encodeParams(decodedParams(uri.actionParameters));
                if (!extra.isEmpty())
                    wire.body += '&' + extra;
                if (contentType.isEmpty())
                    wire.headers.set("Content-Type", "application/x-www-form-urlencoded; charset=utf-8");
            }
        } else {
            return failure(QStringLiteral("AWS service '%1' has no action API: use a path/ URI").arg(uri.service));
        }
        if (service.name == QLatin1String("states") && uri.action == QLatin1String("StartSyncExecution"))
            hostPrefix = QStringLiteral("sync-");
    } else {
        QString error;
        path = '/' + substitutePath(uri.path, request.pathParameters, &error);
        if (!error.isEmpty())
            return failure(error);
    }

    const QUrl endpoint = m_endpoints.endpointFor(service, uri.region, uri.subdomain, uri.partition, hostPrefix);
    if (!endpoint.isValid() || endpoint.host().isEmpty())
        return failure(QStringLiteral("invalid endpoint for AWS service '%1': %2")
                           .arg(uri.service, endpoint.toString()));
    QByteArray base = endpoint.toEncoded(QUrl::RemoveQuery | QUrl::RemoveFragment | QUrl::StripTrailingSlash);
    QByteArray encoded = base + path;
    const QByteArray encodedQuery = encodeParams(query);
    if (!encodedQuery.isEmpty())
        encoded += '?' + encodedQuery;
    wire.url = QUrl::fromEncoded(encoded, QUrl::StrictMode);
    // QNetworkAccessManager normalises path segments before sending; do it first so the path
    // signed is the path sent. S3 keys may hold "//" or "..", which must survive.
    if (!service.s3Signing)
        wire.url = wire.url.adjusted(QUrl::NormalizePathSegments);
    if (!wire.url.isValid())
        return failure(QStringLiteral("AWS integration URL is invalid: %1").arg(QString::fromUtf8(encoded)));

    HttpRequest signable;
    signable.method = wire.method;
    signable.target = wire.url.path(QUrl::FullyEncoded).toUtf8();
    if (signable.target.isEmpty())
        signable.target = QByteArrayLiteral("/");
    if (wire.url.hasQuery())
        signable.target += '?' + wire.url.query(QUrl::FullyEncoded).toUtf8();
    signable.headers = wire.headers;
    signable.headers.set("Host", hostHeader(wire.url));
    signable.body = wire.body;

    SigV4Options options;
    if (service.s3Signing) {
        options = SigV4Options::forS3(wire.region);
    } else {
        options.region = wire.region;
        options.service = service.signingName;
    }
    wire.canonicalRequest = SigV4Signer(m_credentials, options).sign(signable, now).canonicalRequest;
    wire.headers = signable.headers;
    return wire;
}

} // namespace gw::aws
