#include "integrationrequestphase.h"

#include "gateway/core/jsonutil.h"
#include "gateway/pipeline/parametersource.h"

#include <QRegularExpression>
#include <QUrlQuery>

namespace gw::pipeline {

using model::IntegrationType;
using model::PassthroughBehavior;

QString mimeType(const QByteArray &contentType)
{
    QByteArray t = contentType;
    if (const auto semi = t.indexOf(';'); semi >= 0)
        t.truncate(semi);
    t = t.trimmed().toLower();
    return t.isEmpty() ? QStringLiteral("application/json") : QString::fromLatin1(t);
}

namespace {

// Never forwarded from the client, even by proxies (reference §1.2).
bool isDroppedRequestHeader(const QByteArray &name, bool proxy)
{
    // Switching on the length first keeps this to about one comparison per header.
    const auto is = [&](const char *n) { return name.compare(n, Qt::CaseInsensitive) == 0; };
    switch (name.size()) {
    case 2: return is("te");
    case 3: return proxy && is("via");
    case 4: return is("host");
    case 6: return is("expect") || is("server");
    case 7: return is("trailer") || is("upgrade");
    case 10: return is("connection") || is("keep-alive");
    case 11: return is("content-md5");
    case 12: return is("max-forwards");
    case 14: return is("content-length");
    case 16: return is("proxy-connection") || is("www-authenticate") || (proxy && is("content-encoding"));
    case 17: return is("transfer-encoding");
    case 18: return is("proxy-authenticate");
    default: return false;
    }
}

// Replaces each `{name}` (or `{name+}`) whose name is made of [A-Za-z0-9_.-] and which `prefix`
// introduces (e.g. "$" for ${stageVariables.x}) with lookup(name). A hand-written scan: this runs
// on every request, where regular expressions cost thousands of instructions.
template<typename Lookup>
static QString substituteBraces(const QString &text, QLatin1String prefix, QLatin1String namePrefix, Lookup lookup)
{
    if (!text.contains(QLatin1Char('{')))
        return text;
    QString out;
    out.reserve(text.size() + 32);
    qsizetype i = 0;
    while (i < text.size()) {
        const qsizetype open = text.indexOf(QLatin1Char('{'), i);
        if (open < 0)
            break;
        const qsizetype start = open - prefix.size();
        const bool prefixed = start >= 0 && QStringView(text).mid(start, prefix.size()) == prefix;
        const qsizetype close = text.indexOf(QLatin1Char('}'), open);
        QStringView name = close > open ? QStringView(text).mid(open + 1, close - open - 1) : QStringView();
        bool valid = prefixed && !name.isEmpty() && name.startsWith(namePrefix);
        if (valid) {
            name = name.mid(namePrefix.size());
            if (name.endsWith(QLatin1Char('+')))
                name.chop(1);
            for (const QChar c : name)
                valid = valid && (c.isLetterOrNumber() || c == QLatin1Char('_') || c == QLatin1Char('.') || c == QLatin1Char('-'));
            valid = valid && !name.isEmpty();
        }
        if (!valid) {
            out += QStringView(text).mid(i, open + 1 - i);
            i = open + 1;
            continue;
        }
        out += QStringView(text).mid(i, start - i);
        out += lookup(name.toString());
        i = close + 1;
    }
    out += QStringView(text).mid(i);
    return out;
}

QString fillUri(const QString &uri, const QMap<QString, QByteArray> &pathValues, const RequestContext &ctx)
{
    const QString withStageVariables = substituteBraces(uri, QLatin1String("$"), QLatin1String("stageVariables."),
                                                        [&](const QString &name) { return ctx.stageVariables.value(name); });
    // A mapped integration.request.path value wins; otherwise the method's own path parameter
    // of that name (convenient, and what most {proxy} setups mean).
    return substituteBraces(withStageVariables, QLatin1String(""), QLatin1String(""), [&](const QString &name) {
        const auto it = pathValues.constFind(name);
        return it != pathValues.cend() ? QString::fromUtf8(*it) : ctx.pathParameter(name);
    });
}


// #set($context.requestOverride.header.X = ...) and friends replace the mapped values.
void applyRequestOverrides(const transform::MappingOverrides &o, QMap<QString, QByteArray> *pathValues,
                           QList<QPair<QString, QByteArray>> *queryValues, HeaderList *headers)
{
    for (const auto &h : o.requestHeaders)
        headers->set(h.first.toLatin1(), h.second.toUtf8());
    for (const auto &q : o.requestQuery) {
        queryValues->removeIf([&](const QPair<QString, QByteArray> &v) { return v.first == q.first; });
        queryValues->append({q.first, q.second.toUtf8()});
    }
    for (const auto &p : o.requestPath)
        pathValues->insert(p.first, p.second.toUtf8());
}

} // namespace

PhaseResult IntegrationRequestPhase::onRequest(const std::shared_ptr<RequestContext> &ctx, const Resume &)
{
    const model::Integration &integration = *ctx->method->method.integration;
    static const QString phase = QStringLiteral("integration-request");
    const bool proxy = integration.type == IntegrationType::HttpProxy || integration.type == IntegrationType::AwsProxy;
    EndpointRequest &out = ctx->endpointRequest;
    out.timeoutMs = integration.timeoutInMillis;
    out.insecureSkipVerification = integration.tlsInsecureSkipVerification;
    out.method = (integration.httpMethod.isEmpty() || integration.httpMethod == QLatin1String("ANY"))
                     ? ctx->request.method
                     : integration.httpMethod.toLatin1();

    // Parameter mappings.
    QMap<QString, QByteArray> pathValues;
    QList<QPair<QString, QByteArray>> queryValues;
    HeaderList mappedHeaders;
    for (auto it = integration.requestParameters.begin(); it != integration.requestParameters.end(); ++it) {
        const auto value = evaluateParameterSource(it.value(), *ctx);
        if (!value)
            continue;
        const QString &target = it.key();
        if (target.startsWith(QLatin1String("integration.request.path.")))
            pathValues.insert(target.mid(25), *value);
        else if (target.startsWith(QLatin1String("integration.request.querystring.")))
            queryValues.append({target.mid(32), *value});
        else if (target.startsWith(QLatin1String("integration.request.header.")))
            mappedHeaders.set(target.mid(27).toLatin1(), *value);
    }

    // Body: template selection by Content-Type and the passthrough rules (reference §1.1).
    if (!proxy) {
        const QString contentType = mimeType(ctx->request.headers.value("content-type"));
        const auto &templates = ctx->method->requestTemplates;
        auto tpl = templates.constFind(contentType);
        if (tpl == templates.cend())
            tpl = templates.constFind(QStringLiteral("$default"));
        if (tpl != templates.cend()) {
            const TemplateRenderResult rendered = renderTemplate(m_renderer, **tpl, *ctx, TemplateSide::Request);
            if (!rendered.ok) {
                ctx->fail({QStringLiteral("API_CONFIGURATION_ERROR"), QStringLiteral("Internal server error"), false,
                           QStringLiteral("Execution failed due to configuration error: Unable to transform request: %1").arg(rendered.error)});
                return PhaseResult::Respond;
            }
            out.body = rendered.output;
            applyRequestOverrides(ctx->mappingOverrides, &pathValues, &queryValues, &mappedHeaders);
        } else {
            const bool noTemplates = templates.isEmpty();
            const auto behaviour = integration.passthroughBehavior;
            if (behaviour == PassthroughBehavior::Never || (behaviour == PassthroughBehavior::WhenNoTemplates && !noTemplates)) {
                ctx->fail({QStringLiteral("UNSUPPORTED_MEDIA_TYPE"), QStringLiteral("Unsupported Media Type"), false,
                           QStringLiteral("Request body does not match any template and passthrough behaviour is %1")
                               .arg(model::toString(behaviour))});
                return PhaseResult::Respond;
            }
            out.body = ctx->request.body;
        }
    } else {
        out.body = ctx->request.body;
    }

    if (integration.type == IntegrationType::Mock)
        return PhaseResult::Continue;

    if (integration.type == IntegrationType::Aws || integration.type == IntegrationType::AwsProxy) {
        // An ARN, not a URL: the Lambda or AWS-service integrator builds the real request.
        ctx->integrationArn = fillUri(integration.uri, pathValues, *ctx);
        for (const auto &q : queryValues)
            ctx->integrationQuery.append({q.first, QString::fromUtf8(q.second)});
        for (auto it = pathValues.cbegin(); it != pathValues.cend(); ++it)
            ctx->integrationPathParameters.insert(it.key(), QString::fromUtf8(it.value()));
        out.headers = mappedHeaders;
        return PhaseResult::Continue;
    }

    // URI and query string.
    const QString uri = fillUri(integration.uri, pathValues, *ctx);
    QUrl url(uri);
    if (!url.isValid() || url.host().isEmpty()) {
        ctx->fail({QStringLiteral("API_CONFIGURATION_ERROR"), QStringLiteral("Internal server error"), false,
                   QStringLiteral("Execution failed due to configuration error: Invalid endpoint address")});
        return PhaseResult::Respond;
    }
    if (ctx->api->type == model::ApiType::Http && ctx->resource && ctx->resource->path == QLatin1String("$default")) {
        // An HTTP API's $default route forwards the whole request path to its HTTP endpoint.
        QString basePath = url.path(QUrl::FullyEncoded);
        if (basePath.endsWith(QLatin1Char('/')))
            basePath.chop(1);
        url.setPath(basePath + ctx->stagePath, QUrl::StrictMode);
    }
    QByteArray query = url.query(QUrl::FullyEncoded).toLatin1();
    auto appendQuery = [&](const QByteArray &pair) {
        if (!query.isEmpty())
            query += '&';
        query += pair;
    };
    if (proxy && !ctx->request.rawQuery().isEmpty())
        appendQuery(ctx->request.rawQuery());
    for (const auto &q : queryValues)
        appendQuery(QUrl::toPercentEncoding(q.first) + '=' + QUrl::toPercentEncoding(QString::fromUtf8(q.second)));
    url.setQuery(query.isEmpty() ? QString() : QString::fromLatin1(query), QUrl::StrictMode);
    out.url = url;

    // Headers: proxies forward the client's (minus hop-by-hop), HTTP forwards only mapped ones.
    if (proxy) {
        for (const auto &h : ctx->request.headers)
            if (!isDroppedRequestHeader(h.first, true))
                out.headers.append(h.first, h.second);
        QByteArray forwarded = ctx->request.headers.value("x-forwarded-for");
        const QByteArray peer = ctx->request.peerAddress.toString().toLatin1();
        forwarded = forwarded.isEmpty() ? peer : forwarded + ", " + peer;
        out.headers.set("X-Forwarded-For", forwarded);
    } else if (!ctx->request.headers.value("content-type").isEmpty() && !out.body.isEmpty()) {
        out.headers.set("Content-Type", ctx->request.headers.value("content-type"));
    }
    for (const auto &h : mappedHeaders)
        out.headers.set(h.first, h.second);
    if (!out.headers.contains("user-agent"))
        out.headers.set("User-Agent", "AmazonAPIGateway_" + ctx->api->id.toLatin1());
    if (!out.headers.contains("accept"))
        out.headers.set("Accept", "application/json");
    out.headers.set("X-Amzn-Apigateway-Api-Id", ctx->api->id.toLatin1());
    if (!ctx->traceHeader.isEmpty())
        out.headers.set("X-Amzn-Trace-Id", ctx->traceHeader.toLatin1());

    if (ctx->tracing())
        ctx->log(phase, QStringLiteral("Endpoint request URI: %1").arg(out.url.toString(QUrl::FullyEncoded)));
    if (ctx->tracing()) {
        ctx->log(phase, QStringLiteral("Endpoint request headers: %1").arg(ctx->traceHeaders(out.headers)));
        ctx->log(phase, QStringLiteral("Endpoint request body after transformations: %1").arg(ctx->traceBody(out.body)));
    }
    return PhaseResult::Continue;
}

} // namespace gw::pipeline
