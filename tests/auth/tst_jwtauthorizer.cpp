#include "authtestproject.h"
#include "gatewayclient.h"
#include "lambdatestproject.h"
#include "testissuer.h"
#include "testproject.h"
#include "upstreamserver.h"

#include "gateway/deploy/runtimeconfig.h"
#include "gateway/model/deployments.h"
#include "gateway/runtime/engine.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace gw::model;
using gwtest::GatewayClient;
using gwtest::Reply;
using gwtest::UpstreamServer;

// Cognito user-pool (REST, reference §5.5) and JWT (HTTP API, §16.5) authorizers against a test
// identity provider on loopback: keys generated at test time, JWKS and OIDC discovery served over
// real HTTP, tokens valid, expired, for another issuer or audience, badly signed, missing a
// scope; key rotation picked up by refreshing on an unknown kid.
class TestJwtAuthorizer : public QObject
{
    Q_OBJECT

    UpstreamServer m_idp;
    QTemporaryDir m_dir;
    gwtest::TestIssuer m_issuer;
    gw::runtime::Engine m_engine;
    GatewayClient m_client;
    int m_jwksFetches = 0;

    QString issuer() const { return m_idp.baseUrl(); }
    QString restUrl(const QString &path) const
    {
        return QStringLiteral("http://127.0.0.1:%1/restapis/cognito/prod/_user_request_%2").arg(m_engine.port()).arg(path);
    }
    QString httpUrl(const QString &path) const { return QStringLiteral("http://127.0.0.1:%1%2").arg(m_engine.port()).arg(path); }
    QList<QPair<QByteArray, QByteArray>> httpHeaders(const QByteArray &token) const
    {
        QList<QPair<QByteArray, QByteArray>> h{{"Host", "jwtapi.execute-api.localhost:" + QByteArray::number(m_engine.port())}};
        if (!token.isEmpty())
            h.append({"Authorization", "Bearer " + token});
        return h;
    }
    Reply rest(const QString &path, const QByteArray &token)
    {
        return m_client.send("GET", restUrl(path), {{"Authorization", token}});
    }
    QJsonObject idClaims(qint64 lifetime = 3600) const
    {
        QJsonObject c = gwtest::standardClaims(issuer(), lifetime);
        c.insert(QStringLiteral("token_use"), QStringLiteral("id"));
        c.insert(QStringLiteral("aud"), QStringLiteral("app-client"));
        c.insert(QStringLiteral("email"), QStringLiteral("jane@example.com"));
        return c;
    }
    QJsonObject accessClaims(const QString &scope, const QString &audience = QStringLiteral("gw-client")) const
    {
        QJsonObject c = gwtest::standardClaims(issuer());
        c.insert(QStringLiteral("token_use"), QStringLiteral("access"));
        c.insert(QStringLiteral("client_id"), audience);
        c.insert(QStringLiteral("scope"), scope);
        return c;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_idp.isListening());
        m_issuer.addRsaKey(QStringLiteral("k1"));
        m_idp.setHandler([this](const gw::HttpRequest &r) {
            UpstreamServer::Answer a;
            a.response.status = 200;
            a.response.headers.set("Content-Type", "application/json");
            if (r.target == "/.well-known/openid-configuration") {
                a.response.body = QJsonDocument(QJsonObject{{QStringLiteral("issuer"), issuer()},
                                                            {QStringLiteral("jwks_uri"), QString(issuer() + QStringLiteral("/keys"))}}).toJson();
            } else if (r.target == "/.well-known/jwks.json" || r.target == "/keys") {
                ++m_jwksFetches;
                a.response.body = m_issuer.jwksText();
            } else {
                a.response.status = 404;
            }
            return a;
        });

        Project project;
        project.functions = {gwtest::jsFunction(QStringLiteral("echo"), QStringLiteral(
            "exports.handler = async (event) => ({ statusCode: 200, body: JSON.stringify(event.requestContext.authorizer) });"))};

        project.functions.append(gwtest::authorizerEchoFunction());
        Api rest = newRestApi(QStringLiteral("Cognito"));
        rest.id = QStringLiteral("cognito");
        // The local stand-in for the pool; keys from {issuer}/.well-known/jwks.json.
        const Authorizer pool = gwtest::cognitoAuthorizer(QStringLiteral("pool"), issuer());
        // The same pool with keys from a local file, and one whose key URL is dead.
        QFile keys(m_dir.filePath(QStringLiteral("jwks.json")));
        QVERIFY(keys.open(QIODevice::WriteOnly));
        keys.write(m_issuer.jwksText());
        keys.close();
        Authorizer filePool = pool;
        filePool.id = QStringLiteral("filepool");
        filePool.name = QStringLiteral("filepool");
        filePool.jwksUri = keys.fileName();
        Authorizer deadPool = pool;
        deadPool.id = QStringLiteral("deadpool");
        deadPool.name = QStringLiteral("deadpool");
        deadPool.jwksUri = QStringLiteral("http://127.0.0.1:1/jwks.json");
        rest.design.authorizers = {pool, filePool, deadPool};
        for (const auto &[path, id] : {std::pair{"/file", "filepool"}, std::pair{"/dead", "deadpool"}})
            gwtest::addResource(rest, QLatin1String(path)).methods.insert(QStringLiteral("GET"),
                gwtest::guarded(gwtest::authorizerEchoMethod(QStringLiteral("GET")), QStringLiteral("COGNITO_USER_POOLS"), QLatin1String(id)));
        gwtest::addResource(rest, QStringLiteral("/me")).methods.insert(QStringLiteral("GET"),
            gwtest::guarded(gwtest::authorizerEchoMethod(QStringLiteral("GET")), QStringLiteral("COGNITO_USER_POOLS"), QStringLiteral("pool")));
        gwtest::addResource(rest, QStringLiteral("/admin")).methods.insert(QStringLiteral("GET"),
            gwtest::guarded(gwtest::authorizerEchoMethod(QStringLiteral("GET")), QStringLiteral("COGNITO_USER_POOLS"), QStringLiteral("pool"),
                            {QStringLiteral("admin")}));
        gwtest::addResource(rest, QStringLiteral("/proxy")).methods.insert(QStringLiteral("GET"),
            gwtest::guarded(gwtest::lambdaProxyMethod(QStringLiteral("GET"), QStringLiteral("echo")), QStringLiteral("COGNITO_USER_POOLS"), QStringLiteral("pool")));
        deploy(rest, QStringLiteral("prod"));

        Api http = newRestApi(QStringLiteral("Jwt"));
        http.id = QStringLiteral("jwtapi");
        http.type = ApiType::Http;
        // Keys through OIDC discovery.
        http.design.authorizers = {gwtest::jwtAuthorizer(QStringLiteral("jwt"), issuer(), {QStringLiteral("gw-client")})};
        gwtest::addResource(http, QStringLiteral("/items")).methods.insert(QStringLiteral("GET"),
            gwtest::guarded(gwtest::lambdaProxyMethod(QStringLiteral("GET"), QStringLiteral("echo")), QStringLiteral("JWT"), QStringLiteral("jwt"),
                            {QStringLiteral("items:read")}));
        deploy(http, QStringLiteral("$default"));
        project.apis = {rest, http};
        Diagnostics d;
        m_engine.deploy(gw::deploy::compile(project, &d));
        QVERIFY2(d.isEmpty(), qPrintable(d.value(0).toString()));
        QVERIFY(gwtest::startOnFreePort(m_engine));
    }

    void cognitoIdTokenExposesClaims()
    {
        const Reply r = rest(QStringLiteral("/me"), m_issuer.sign(QStringLiteral("k1"), idClaims()));
        QCOMPARE(r.status, 200);
        const QJsonObject o = QJsonDocument::fromJson(r.body).object();
        QCOMPARE(o.value(QStringLiteral("sub")).toString(), QStringLiteral("user-123"));
        QCOMPARE(o.value(QStringLiteral("email")).toString(), QStringLiteral("jane@example.com"));
        // Keys are fetched once and shared.
        const int fetches = m_jwksFetches;
        QCOMPARE(rest(QStringLiteral("/me"), m_issuer.sign(QStringLiteral("k1"), idClaims())).status, 200);
        QCOMPARE(m_jwksFetches, fetches);
    }

    void cognitoClaimsReachTheProxyEvent()
    {
        const Reply r = rest(QStringLiteral("/proxy"), m_issuer.sign(QStringLiteral("k1"), idClaims()));
        QCOMPARE(r.status, 200);
        const QJsonObject claims = QJsonDocument::fromJson(r.body).object().value(QStringLiteral("claims")).toObject();
        QCOMPARE(claims.value(QStringLiteral("email")).toString(), QStringLiteral("jane@example.com"));
        QCOMPARE(claims.value(QStringLiteral("token_use")).toString(), QStringLiteral("id"));
    }

    void keysFromAFileNeedNoFetch()
    {
        const int fetches = m_jwksFetches;
        const Reply r = rest(QStringLiteral("/file"), m_issuer.sign(QStringLiteral("k1"), idClaims()));
        QCOMPARE(r.status, 200);
        QCOMPARE(QJsonDocument::fromJson(r.body).object().value(QStringLiteral("sub")).toString(), QStringLiteral("user-123"));
        QCOMPARE(m_jwksFetches, fetches);
    }

    void unreachableKeysAreAnAuthorizerFailure()
    {
        const Reply r = rest(QStringLiteral("/dead"), m_issuer.sign(QStringLiteral("k1"), idClaims()));
        QCOMPARE(r.status, 500);
        QCOMPARE(r.header("x-amzn-ErrorType"), QByteArray("AuthorizerFailureException"));
    }

    void cognitoRejections_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QByteArray>("token");
        QTest::addColumn<int>("status");
        gwtest::TestIssuer stranger;
        stranger.addRsaKey(QStringLiteral("k1"));
        QJsonObject otherIssuer = idClaims();
        otherIssuer.insert(QStringLiteral("iss"), QStringLiteral("https://cognito-idp.us-east-1.amazonaws.com/elsewhere"));
        QTest::newRow("no token") << QStringLiteral("/me") << QByteArray() << 401;
        QTest::newRow("garbage") << QStringLiteral("/me") << QByteArray("not.a.jwt") << 401;
        QTest::newRow("expired") << QStringLiteral("/me") << m_issuer.sign(QStringLiteral("k1"), idClaims(-600)) << 401;
        QTest::newRow("wrong issuer") << QStringLiteral("/me") << m_issuer.sign(QStringLiteral("k1"), otherIssuer) << 401;
        QTest::newRow("bad signature") << QStringLiteral("/me") << stranger.sign(QStringLiteral("k1"), idClaims()) << 401;
        QTest::newRow("access token where an id token is needed") << QStringLiteral("/me")
            << m_issuer.sign(QStringLiteral("k1"), accessClaims(QStringLiteral("admin"))) << 401;
        QTest::newRow("missing scope") << QStringLiteral("/admin") << m_issuer.sign(QStringLiteral("k1"), accessClaims(QStringLiteral("read"))) << 401;
        QTest::newRow("id token where scopes are needed") << QStringLiteral("/admin") << m_issuer.sign(QStringLiteral("k1"), idClaims()) << 401;
        QTest::newRow("scope granted") << QStringLiteral("/admin") << m_issuer.sign(QStringLiteral("k1"), accessClaims(QStringLiteral("read admin"))) << 200;
    }

    void cognitoRejections()
    {
        QFETCH(QString, path);
        QFETCH(QByteArray, token);
        QFETCH(int, status);
        const Reply r = rest(path, token);
        QCOMPARE(r.status, status);
        if (status == 401) {
            QCOMPARE(r.body, QByteArray(R"({"message":"Unauthorized"})"));
            QCOMPARE(r.header("x-amzn-ErrorType"), QByteArray("UnauthorizedException"));
        }
    }

    void rotatedKeysAreFetchedOnUnknownKid()
    {
        QCOMPARE(rest(QStringLiteral("/me"), m_issuer.sign(QStringLiteral("k1"), idClaims())).status, 200);
        const int fetches = m_jwksFetches;
        m_issuer.addRsaKey(QStringLiteral("k2"));
        m_issuer.removeKey(QStringLiteral("k1"));
        const Reply r = rest(QStringLiteral("/me"), m_issuer.sign(QStringLiteral("k2"), idClaims()));
        QCOMPARE(r.status, 200);
        QCOMPARE(m_jwksFetches, fetches + 1);
        // A kid the issuer does not have is looked up once, then held off.
        gwtest::TestIssuer stranger;
        stranger.addRsaKey(QStringLiteral("k9"));
        QCOMPARE(rest(QStringLiteral("/me"), stranger.sign(QStringLiteral("k9"), idClaims())).status, 401);
        QCOMPARE(rest(QStringLiteral("/me"), stranger.sign(QStringLiteral("k9"), idClaims())).status, 401);
        QCOMPARE(m_jwksFetches, fetches + 2);
    }

    void httpApiJwtAllowsAndPassesClaims()
    {
        const Reply r = m_client.send("GET", httpUrl(QStringLiteral("/items")),
                                      httpHeaders(m_issuer.sign(QStringLiteral("k2"), accessClaims(QStringLiteral("items:read")))));
        QCOMPARE(r.status, 200);
        const QJsonObject jwt = QJsonDocument::fromJson(r.body).object().value(QStringLiteral("jwt")).toObject();
        QCOMPARE(jwt.value(QStringLiteral("claims")).toObject().value(QStringLiteral("sub")).toString(), QStringLiteral("user-123"));
        QCOMPARE(jwt.value(QStringLiteral("claims")).toObject().value(QStringLiteral("exp")).type(), QJsonValue::String);
        QCOMPARE(jwt.value(QStringLiteral("scopes")).toArray(), QJsonArray{QStringLiteral("items:read")});
    }

    void httpApiJwtRejections_data()
    {
        QTest::addColumn<QByteArray>("token");
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QByteArray>("description");
        QTest::newRow("no token") << QByteArray() << 401 << QByteArray(R"({"message":"Unauthorized"})") << QByteArray("no token");
        QTest::newRow("wrong audience") << m_issuer.sign(QStringLiteral("k2"), accessClaims(QStringLiteral("items:read"), QStringLiteral("someone-else")))
                                        << 401 << QByteArray(R"({"message":"Unauthorized"})") << QByteArray("the token does not have a valid audience");
        QJsonObject expired = accessClaims(QStringLiteral("items:read"));
        expired.insert(QStringLiteral("exp"), expired.value(QStringLiteral("iat")).toDouble() - 3600);
        QTest::newRow("expired") << m_issuer.sign(QStringLiteral("k2"), expired) << 401 << QByteArray(R"({"message":"Unauthorized"})")
                                 << QByteArray("the token has expired");
        QTest::newRow("missing scope") << m_issuer.sign(QStringLiteral("k2"), accessClaims(QStringLiteral("items:write"))) << 403
                                       << QByteArray(R"({"message":"Forbidden"})") << QByteArray();
    }

    void httpApiJwtRejections()
    {
        QFETCH(QByteArray, token);
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(QByteArray, description);
        const Reply r = m_client.send("GET", httpUrl(QStringLiteral("/items")), httpHeaders(token));
        QCOMPARE(r.status, status);
        QCOMPARE(r.body, body);
        if (!description.isEmpty()) {
            QVERIFY2(r.header("www-authenticate").startsWith("Bearer scope=\"\" error=\"invalid_token\""), r.header("www-authenticate").constData());
            QVERIFY2(r.header("www-authenticate").contains(description), r.header("www-authenticate").constData());
        }
    }

    void cleanupTestCase() { m_engine.stop(); }
};

QTEST_GUILESS_MAIN(TestJwtAuthorizer)
#include "tst_jwtauthorizer.moc"
