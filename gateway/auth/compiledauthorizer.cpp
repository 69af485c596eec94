#include "compiledauthorizer.h"

#include "gateway/model/diagnostic.h"

#include <QDir>
#include <QFile>

namespace gw::auth {

QString cognitoIssuer(const QString &arn)
{
    const QStringList parts = arn.split(QLatin1Char(':'));
    if (parts.size() != 6 || parts[2] != QLatin1String("cognito-idp") || !parts[5].startsWith(QLatin1String("userpool/")))
        return {};
    return QStringLiteral("https://cognito-idp.%1.amazonaws.com/%2").arg(parts[3], parts[5].mid(9));
}

namespace {

void report(model::Diagnostics *d, const QString &path, const QString &message)
{
    if (d)
        d->append({model::Diagnostic::Severity::Error, path, message});
}

// The function a Lambda authorizerUri names: ...:function:NAME[:qualifier]/invocations or a bare ARN.
QString functionFromUri(const QString &uri)
{
    const qsizetype at = uri.indexOf(QLatin1String(":function:"));
    if (at < 0)
        return {};
    QString rest = uri.mid(at + 10);
    rest = rest.section(QLatin1Char('/'), 0, 0);
    return rest.section(QLatin1Char(':'), 0, 0);
}

void report(model::Diagnostics *d, model::Diagnostic::Severity severity, const QString &path, const QString &message)
{
    if (d)
        d->append({severity, path, message});
}

// Inline keys are judged by model::check() (checkJwks), which every entry point runs; a bad key
// is refused on its own and the set's good keys keep serving (docs/DECISIONS.md, "jwk").
bool loadKeys(CompiledAuthorizer &c, const AuthCompileInput &input, model::Diagnostics *d, const QString &path)
{
    const model::Authorizer &a = c.definition;
    if (!a.jwks.isEmpty()) {
        c.staticKeys = std::make_shared<const JwkSet>(JwkSet::fromJson(a.jwks));
        return true;
    }
    const QUrl url(a.jwksUri);
    if (a.jwksUri.isEmpty() || url.scheme() == QLatin1String("http") || url.scheme() == QLatin1String("https"))
        return true;
    auto set = readJwksFile(a, input.projectDir, d, path);
    if (!set)
        return false;
    c.staticKeys = std::make_shared<const JwkSet>(std::move(*set));
    return true;
}

} // namespace

std::optional<JwkSet> readJwksFile(const model::Authorizer &a, const QString &projectDir, model::Diagnostics *d, const QString &path)
{
    const QUrl url(a.jwksUri);
    const QString file = url.isLocalFile() ? url.toLocalFile()
                         : QDir(projectDir.isEmpty() ? QDir::currentPath() : projectDir).absoluteFilePath(a.jwksUri);
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly)) {
        report(d, path + QStringLiteral(".jwksUri"), QStringLiteral("cannot read the JWKS file %1: %2").arg(file, f.errorString()));
        return std::nullopt;
    }
    QString error;
    auto set = JwkSet::parse(f.readAll(), &error);
    if (!set) {
        report(d, path + QStringLiteral(".jwksUri"), QStringLiteral("%1: %2").arg(file, error));
        return std::nullopt;
    }
    // The key's JSON path inside the file follows the file name.
    for (const JwkSet::Refused &r : set->refused())
        report(d, model::Diagnostic::Severity::Error, path + QStringLiteral(".jwksUri"),
               QStringLiteral("%1: keys[%2]: key refused: %3").arg(file).arg(r.index).arg(r.reason));
    for (const QString &w : set->warnings())
        report(d, model::Diagnostic::Severity::Warning, path + QStringLiteral(".jwksUri"), QStringLiteral("%1: %2").arg(file, w));
    return set;
}

void checkJwksFiles(const model::ApiDefinition &definition, const QString &projectDir, model::Diagnostics *d, const QString &path)
{
    for (qsizetype i = 0; i < definition.authorizers.size(); ++i) {
        const model::Authorizer &a = definition.authorizers[i];
        const QString type = a.type.toUpper();
        const QUrl url(a.jwksUri);
        if ((type != QLatin1String("JWT") && type != QLatin1String("COGNITO_USER_POOLS")) || !a.jwks.isEmpty() || a.jwksUri.isEmpty()
            || url.scheme() == QLatin1String("http") || url.scheme() == QLatin1String("https"))
            continue;
        readJwksFile(a, projectDir, d, path + QStringLiteral(".authorizers[%1]").arg(i));
    }
}

std::shared_ptr<const CompiledAuthorizer> compileAuthorizer(const model::Authorizer &a, const AuthCompileInput &input,
                                                            model::Diagnostics *d, const QString &path)
{
    auto c = std::make_shared<CompiledAuthorizer>();
    c->definition = a;
    const QString type = a.type.toUpper();
    if (type == QLatin1String("TOKEN"))
        c->kind = CompiledAuthorizer::Kind::Token;
    else if (type == QLatin1String("REQUEST"))
        c->kind = CompiledAuthorizer::Kind::Request;
    else if (type == QLatin1String("COGNITO_USER_POOLS"))
        c->kind = CompiledAuthorizer::Kind::CognitoUserPools;
    else if (type == QLatin1String("JWT"))
        c->kind = CompiledAuthorizer::Kind::Jwt;
    else {
        report(d, path + QStringLiteral(".type"), QStringLiteral("unknown authorizer type '%1' (expected TOKEN, REQUEST, COGNITO_USER_POOLS or JWT)").arg(a.type));
        return nullptr;
    }
    QString error;
    const QString sources = a.identitySource.isEmpty() && c->kind != CompiledAuthorizer::Kind::Request
                                ? QStringLiteral("method.request.header.Authorization") : a.identitySource;
    const auto parsed = IdentitySource::parseList(sources, &error);
    if (!parsed) {
        report(d, path + QStringLiteral(".identitySource"), error);
        return nullptr;
    }
    c->identitySources = *parsed;
    if (c->kind == CompiledAuthorizer::Kind::Token
        && (c->identitySources.size() != 1 || c->identitySources[0].kind != IdentitySource::Kind::Header)) {
        report(d, path + QStringLiteral(".identitySource"), QStringLiteral("a TOKEN authorizer takes exactly one header (method.request.header.NAME)"));
        return nullptr;
    }
    if (!a.identityValidationExpression.isEmpty()) {
        c->validation = QRegularExpression(QRegularExpression::anchoredPattern(a.identityValidationExpression));
        if (!c->validation.isValid()) {
            report(d, path + QStringLiteral(".identityValidationExpression"),
                   QStringLiteral("invalid regular expression: %1").arg(c->validation.errorString()));
            return nullptr;
        }
        c->validation.optimize();
        c->hasValidation = true;
    }
    if (a.resultTtlInSeconds < 0 || a.resultTtlInSeconds > 3600) {
        report(d, path + QStringLiteral(".resultTtlInSeconds"), QStringLiteral("the result TTL must be between 0 and 3600 seconds"));
        return nullptr;
    }
    c->ttlSeconds = a.resultTtlInSeconds;
    if (c->isLambda()) {
        const QUrl uri(a.authorizerUri);
        if (uri.scheme() == QLatin1String("http") || uri.scheme() == QLatin1String("https"))
            c->endpointUrl = uri;
        c->functionName = !a.functionName.isEmpty() ? a.functionName : functionFromUri(a.authorizerUri);
        c->httpApi = input.httpApi;
        c->payloadV2 = input.httpApi && a.payloadFormatVersion != QLatin1String("1.0");
        c->simpleResponses = c->payloadV2 && a.enableSimpleResponses;
        if (c->functionName.isEmpty() && c->endpointUrl.isEmpty()) {
            report(d, path + QStringLiteral(".functionName"),
                   QStringLiteral("a Lambda authorizer needs a project function (functionName), a Lambda authorizerUri or an http(s) authorizerUri"));
            return nullptr;
        }
        return c;
    }
    if (!loadKeys(*c, input, d, path))
        return nullptr;
    const QUrl jwksUrl(a.jwksUri);
    const bool fetchUrl = jwksUrl.scheme() == QLatin1String("http") || jwksUrl.scheme() == QLatin1String("https");
    if (c->kind == CompiledAuthorizer::Kind::CognitoUserPools) {
        c->allowedAlgorithms = {QStringLiteral("RS256")};
        for (qsizetype i = 0; i < a.providerArns.size(); ++i) {
            QString issuer = cognitoIssuer(a.providerArns[i]);
            if (issuer.isEmpty()) {
                report(d, path + QStringLiteral(".providerArns[%1]").arg(i),
                       QStringLiteral("'%1' is not a user pool ARN (arn:aws:cognito-idp:REGION:ACCOUNT:userpool/POOL_ID)").arg(a.providerArns[i]));
                return nullptr;
            }
            // A local stand-in for the pool (a test issuer) names its own issuer.
            if (!a.issuer.isEmpty())
                issuer = a.issuer;
            c->issuers.append({issuer, fetchUrl ? jwksUrl : QUrl(issuer + QStringLiteral("/.well-known/jwks.json")), false});
        }
        if (c->issuers.isEmpty() && !a.issuer.isEmpty())
            c->issuers.append({a.issuer, fetchUrl ? jwksUrl : QUrl(a.issuer + QStringLiteral("/.well-known/jwks.json")), false});
        if (c->issuers.isEmpty()) {
            report(d, path + QStringLiteral(".providerArns"), QStringLiteral("a Cognito authorizer needs at least one user pool ARN"));
            return nullptr;
        }
    } else {
        c->allowedAlgorithms = {QStringLiteral("RS256"), QStringLiteral("RS384"), QStringLiteral("RS512")};
        if (a.issuer.isEmpty()) {
            report(d, path + QStringLiteral(".issuer"), QStringLiteral("a JWT authorizer needs an issuer"));
            return nullptr;
        }
        QString base = a.issuer;
        while (base.endsWith(QLatin1Char('/')))
            base.chop(1);
        c->issuers.append({a.issuer, fetchUrl ? jwksUrl : QUrl(base + QStringLiteral("/.well-known/openid-configuration")), !fetchUrl});
        c->audience = a.audience;
    }
    return c;
}

} // namespace gw::auth
