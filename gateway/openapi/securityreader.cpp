#include "securityreader.h"

#include "importcontext.h"

namespace gw::openapi::security {

namespace {

const QLatin1String kAuthorizer("x-amazon-apigateway-authorizer");
const QLatin1String kAuthType("x-amazon-apigateway-authtype");

// Without its own identitySource an authorizer reads the security scheme's apiKey location, as
// API Gateway's import does: `in: header, name: X` is method.request.header.X (HTTP APIs:
// $request.header.X); `in: query` is a querystring source for REQUEST authorizers, the only
// kind that reads one. TOKEN and Cognito authorizers take one header.
QString identitySourceOf(ImportContext &c, const QString &type, const QJsonObject &scheme, const QString &path)
{
    const QString in = scheme.value(QLatin1String("in")).toString();
    const QString name = scheme.value(QLatin1String("name")).toString().trimmed();
    if (name.isEmpty() || type == QLatin1String("JWT"))
        return {};
    const QString prefix = c.http ? QStringLiteral("$request.") : QStringLiteral("method.request.");
    if (in == QLatin1String("header"))
        return prefix + QStringLiteral("header.") + name;
    if (in == QLatin1String("query")) {
        if (type == QLatin1String("REQUEST"))
            return prefix + QStringLiteral("querystring.") + name;
        c.warn(path, QStringLiteral("a %1 authorizer reads a header; the scheme's query parameter '%2' is not its identity source")
                         .arg(type, name));
    }
    return {};
}

SecurityScheme readAuthorizer(ImportContext &c, const QString &name, const QJsonObject &scheme,
                              const QJsonObject &o, const QString &path)
{
    model::Authorizer a;
    a.id = c.authorizerIdFor(name);
    a.name = name;
    a.type = o.value(QLatin1String("type")).toString().toUpper();
    static const QStringList types = {QStringLiteral("TOKEN"), QStringLiteral("REQUEST"),
                                      QStringLiteral("COGNITO_USER_POOLS"), QStringLiteral("JWT")};
    if (!types.contains(a.type)) {
        c.error(childPath(path, QStringLiteral("type")),
                QStringLiteral("unknown authorizer type '%1' (expected token, request, cognito_user_pools or jwt)")
                    .arg(o.value(QLatin1String("type")).toString()));
        return {};
    }
    a.authorizerUri = o.value(QLatin1String("authorizerUri")).toString();
    if (o.contains(QLatin1String("identitySource")))
        a.identitySource = stringList(o.value(QLatin1String("identitySource"))).join(QStringLiteral(", "));
    else
        a.identitySource = identitySourceOf(c, a.type, scheme, path);
    a.identityValidationExpression = o.value(QLatin1String("identityValidationExpression")).toString();
    if (o.contains(QLatin1String("authorizerResultTtlInSeconds")))
        a.resultTtlInSeconds = scalarString(o.value(QLatin1String("authorizerResultTtlInSeconds"))).toInt();
    a.providerArns = stringList(o.value(QLatin1String("providerARNs")));
    const QJsonObject jwt = o.value(QLatin1String("jwtConfiguration")).toObject();
    a.issuer = jwt.value(QLatin1String("issuer")).toString();
    a.audience = stringList(jwt.value(QLatin1String("audience")));
    a.payloadFormatVersion = o.value(QLatin1String("authorizerPayloadFormatVersion")).toString();
    a.enableSimpleResponses = o.value(QLatin1String("enableSimpleResponses")).toBool();
    for (const char *unsupported : {"authorizerCredentials"})
        if (o.contains(QLatin1String(unsupported)))
            c.warn(childPath(path, QLatin1String(unsupported)), QStringLiteral("%1 is not supported; ignored").arg(QLatin1String(unsupported)));
    c.checkKeys(o, path, {"type", "authorizerUri", "identitySource", "identityValidationExpression",
                          "authorizerResultTtlInSeconds", "providerARNs", "jwtConfiguration",
                          "authorizerCredentials", "authorizerPayloadFormatVersion", "enableSimpleResponses"});
    c.def.authorizers.append(a);
    SecurityScheme s;
    s.kind = SecurityScheme::Kind::Authorizer;
    s.authorizerId = a.id;
    s.authorizationType = a.type == QLatin1String("TOKEN") || a.type == QLatin1String("REQUEST") ? QStringLiteral("CUSTOM") : a.type;
    return s;
}

} // namespace

void readSchemes(ImportContext &c, const QJsonObject &schemes, const Location &at, const QString &path)
{
    for (auto it = schemes.begin(); it != schemes.end(); ++it) {
        const QString spath = childPath(path, it.key());
        Location where = at;
        const auto scheme = c.object(it.value(), where, spath);
        if (!scheme)
            continue;
        const QString type = scheme->value(QLatin1String("type")).toString();
        const QString authType = scheme->value(kAuthType).toString();
        SecurityScheme s;
        if (scheme->contains(kAuthorizer)) {
            s = readAuthorizer(c, it.key(), *scheme, scheme->value(kAuthorizer).toObject(), childPath(spath, kAuthorizer));
        } else if (authType.compare(QLatin1String("awsSigv4"), Qt::CaseInsensitive) == 0) {
            s.kind = SecurityScheme::Kind::Iam;
        } else if (type == QLatin1String("apiKey") && scheme->value(QLatin1String("in")).toString() == QLatin1String("header")
                   && scheme->value(QLatin1String("name")).toString().compare(QLatin1String("x-api-key"), Qt::CaseInsensitive) == 0) {
            s.kind = SecurityScheme::Kind::ApiKey;
        } else {
            c.warn(spath, QStringLiteral("security scheme '%1' is neither an API key (x-api-key header), IAM (awsSigv4) nor an x-amazon-apigateway-authorizer; methods that require it are imported without it").arg(it.key()));
        }
        c.checkKeys(*scheme, spath, {"type", "name", "in", "scheme", "bearerFormat", "flows", "openIdConnectUrl",
                                     "x-amazon-apigateway-authorizer", "x-amazon-apigateway-authtype",
                                     "authorizationUrl", "tokenUrl", "flow", "scopes"});
        c.schemes.insert(it.key(), s);
    }
}

void apply(ImportContext &c, const QJsonArray &requirements, model::Method &m, const QString &path)
{
    bool authorized = false;
    for (qsizetype k = 0; k < requirements.size(); ++k) {
        const QJsonObject requirement = requirements[k].toObject();
        for (auto it = requirement.begin(); it != requirement.end(); ++it) {
            const QString rpath = childPath(childPath(path, k), it.key());
            const auto scheme = c.schemes.constFind(it.key());
            if (scheme == c.schemes.constEnd()) {
                c.warn(rpath, QStringLiteral("security scheme '%1' is not defined; ignored").arg(it.key()));
                continue;
            }
            switch (scheme->kind) {
            case SecurityScheme::Kind::ApiKey:
                m.apiKeyRequired = true;
                break;
            case SecurityScheme::Kind::Iam:
            case SecurityScheme::Kind::Authorizer:
                if (authorized) {
                    c.warn(rpath, QStringLiteral("a method has one authorizer in API Gateway; '%1' is ignored").arg(it.key()));
                    break;
                }
                authorized = true;
                if (scheme->kind == SecurityScheme::Kind::Iam) {
                    m.authorizationType = QStringLiteral("AWS_IAM");
                } else {
                    m.authorizationType = scheme->authorizationType;
                    m.authorizerId = scheme->authorizerId;
                    m.authorizationScopes = stringList(it.value());
                }
                break;
            case SecurityScheme::Kind::Unsupported:
                break;
            }
        }
    }
}

} // namespace gw::openapi::security
