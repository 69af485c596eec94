#include "authtestproject.h"
#include "gatewayclient.h"
#include "lambdatestproject.h"
#include "testissuer.h"
#include "testproject.h"
#include "upstreamserver.h"

#include "gateway/deploy/runtimeconfig.h"
#include "gateway/model/deployments.h"
#include "gateway/runtime/engine.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace gw::model;
using gwtest::GatewayClient;
using gwtest::Reply;
using gwtest::UpstreamServer;

// Forged and weak keys in an issuer's JWKS, end to end: a test identity provider on loopback
// publishes one good RSA key next to keys that must not verify (exponent 1, 1024 bits, ROCA,
// "use": "enc", key_ops without verify, a repeated member, a kid used twice...), and tokens
// crafted for each reach a Cognito authorizer (REST) and a JWT authorizer (HTTP API) over
// sockets. Each gets AWS's 401, the execution trace says why, and the good key keeps verifying.
class TestJwksRefusal : public QObject {
    Q_OBJECT

    UpstreamServer m_idp;
    gwtest::TestIssuer m_issuer;
    gw::runtime::Engine m_engine;
    GatewayClient m_client;
    QByteArray m_forgedModulus; // a real 2048-bit modulus published with e = 1

    QString issuer() const { return m_idp.baseUrl(); }
    QJsonObject claims() const
    {
        QJsonObject c = gwtest::standardClaims(issuer());
        c.insert(QStringLiteral("token_use"), QStringLiteral("id"));
        c.insert(QStringLiteral("aud"), QStringLiteral("gw-client"));
        return c;
    }
    Reply cognito(const QByteArray &token)
    {
        return m_client.send("GET",
            QStringLiteral("http://127.0.0.1:%1/restapis/pool/prod/_user_request_/me").arg(m_engine.port()),
            {{"Authorization", token}});
    }
    Reply jwt(const QByteArray &token)
    {
        return m_client.send("GET", QStringLiteral("http://127.0.0.1:%1/me").arg(m_engine.port()),
            {{"Host", "jwtapi.execute-api.localhost:" + QByteArray::number(m_engine.port())},
                {"Authorization", "Bearer " + token}});
    }
    // The execution trace of a reply: REST APIs name the request by x-amzn-RequestId, HTTP APIs
    // by apigw-requestid (the extended id), which the recorded response carries too.
    QString traceOf(const Reply &r)
    {
        const QByteArray restId = r.header("x-amzn-RequestId");
        const QByteArray httpId = r.header("apigw-requestid");
        std::optional<gw::runtime::RequestRecord> record;
        const auto found = [&]() {
            for (const auto &candidate : m_engine.traces()->latest(50))
                if ((!restId.isEmpty() && candidate.requestId == QString::fromLatin1(restId))
                    || (!httpId.isEmpty() && candidate.response.headers.value("apigw-requestid") == httpId)) {
                    record = candidate;
                    return true;
                }
            return false;
        };
        if (!QTest::qWaitFor(found, 5000))
            return QStringLiteral("no trace for request %1%2").arg(QString::fromLatin1(restId), QString::fromLatin1(httpId));
        QStringList lines;
        for (const auto &line : record->trace)
            lines.append(line.text);
        return lines.join(QLatin1Char('\n'));
    }

    QByteArray forgedExponentOneToken(const QString &kid) const
    {
        return gwtest::TestIssuer::exponentOneForgery(kid, claims());
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_idp.isListening());
        m_issuer.addRsaKey(QStringLiteral("good"));
        m_issuer.addEcKey(QStringLiteral("p256"));
        m_issuer.addRsaKey(QStringLiteral("enc"));
        m_issuer.publishAs(QStringLiteral("enc"), {{QStringLiteral("use"), QStringLiteral("enc")}});
        m_issuer.addRsaKey(QStringLiteral("signonly"));
        m_issuer.publishAs(
            QStringLiteral("signonly"), {{QStringLiteral("key_ops"), QJsonArray {QStringLiteral("sign")}}});
        m_issuer.addRsaKey(QStringLiteral("for384"));
        m_issuer.publishAs(QStringLiteral("for384"), {{QStringLiteral("alg"), QStringLiteral("RS384")}});
        m_issuer.addRsaKey(QStringLiteral("small"), QStringLiteral("RS256"), 1024);
        QVERIFY(!m_issuer
                     .addRsaKeyFromJwk(QStringLiteral("roca"), QStringLiteral("RS256"),
                         gwtest::wycheproofKey(QStringLiteral("jws_rsa_roca_key"), QStringLiteral("private")))
                     .isEmpty());
        m_issuer.addRsaKey(QStringLiteral("twin"));
        m_issuer.addRsaKey(QStringLiteral("twin-b"));
        m_issuer.publishAs(QStringLiteral("twin-b"), {{QStringLiteral("kid"), QStringLiteral("twin")}});
        m_issuer.addRsaKey(QStringLiteral("zeroes"));
        // Raw keys with no private half: the exponent-1 key and one whose "e" is repeated.
        gwtest::TestIssuer donor;
        donor.addRsaKey(QStringLiteral("donor"));
        const QJsonObject donorJwk = donor.jwks().value(QStringLiteral("keys")).toArray().at(0).toObject();
        for (const char *kid : {"e1", "dup-e"})
            m_issuer.publishRaw({{QStringLiteral("kty"), QStringLiteral("RSA")},
                {QStringLiteral("kid"), QLatin1String(kid)}, {QStringLiteral("alg"), QStringLiteral("RS256")},
                {QStringLiteral("use"), QStringLiteral("sig")},
                {QStringLiteral("n"), donorJwk.value(QStringLiteral("n"))},
                {QStringLiteral("e"),
                    QString::fromLatin1(kid) == QLatin1String("e1") ? QStringLiteral("AQ") : QStringLiteral("AQAB")}});
        m_idp.setHandler([this](const gw::HttpRequest &r) {
            UpstreamServer::Answer a;
            a.response.status = 200;
            a.response.headers.set("Content-Type", "application/json");
            if (r.target == "/.well-known/openid-configuration") {
                a.response.body = QJsonDocument(
                    QJsonObject {{QStringLiteral("issuer"), issuer()},
                        {QStringLiteral("jwks_uri"), QString(issuer() + QStringLiteral("/.well-known/jwks.json"))}})
                                      .toJson();
            } else if (r.target == "/.well-known/jwks.json") {
                // Served as text: the "dup-e" key states its exponent twice, 65537 then 1, and the
                // "zeroes" key's modulus gets a leading zero octet.
                QByteArray text = m_issuer.jwksText();
                text.replace(R"("kid":"dup-e")", R"("kid":"dup-e","e":"AQ")");
                const QJsonArray keys = m_issuer.jwks().value(QStringLiteral("keys")).toArray();
                for (const QJsonValue &k : keys)
                    if (k.toObject().value(QStringLiteral("kid")) == QLatin1String("zeroes")) {
                        const QByteArray n = k.toObject().value(QStringLiteral("n")).toString().toLatin1();
                        const QByteArray padded = gw::model::base64UrlEncode(QByteArray(1, '\0') + *gw::model::base64UrlDecode(n));
                        text.replace(QByteArray('"' + n + '"'), QByteArray('"' + padded + '"'));
                    }
                a.response.body = text;
            } else {
                a.response.status = 404;
            }
            return a;
        });

        Project project;
        project.functions = {gwtest::authorizerEchoFunction()};
        Api rest = newRestApi(QStringLiteral("Pool"));
        rest.id = QStringLiteral("pool");
        rest.design.authorizers = {gwtest::cognitoAuthorizer(QStringLiteral("pool"), issuer())};
        gwtest::addResource(rest, QStringLiteral("/me"))
            .methods.insert(QStringLiteral("GET"),
                gwtest::guarded(gwtest::authorizerEchoMethod(QStringLiteral("GET")),
                    QStringLiteral("COGNITO_USER_POOLS"), QStringLiteral("pool")));
        deploy(rest, QStringLiteral("prod"));

        Api http = newRestApi(QStringLiteral("Jwt"));
        http.id = QStringLiteral("jwtapi");
        http.type = ApiType::Http;
        http.design.authorizers
            = {gwtest::jwtAuthorizer(QStringLiteral("jwt"), issuer(), {QStringLiteral("gw-client")})};
        gwtest::addResource(http, QStringLiteral("/me"))
            .methods.insert(QStringLiteral("GET"),
                gwtest::guarded(
                    gwtest::authorizerEchoMethod(QStringLiteral("GET")), QStringLiteral("JWT"), QStringLiteral("jwt")));
        deploy(http, QStringLiteral("$default"));
        project.apis = {rest, http};
        Diagnostics d;
        m_engine.deploy(gw::deploy::compile(project, &d));
        QVERIFY2(d.isEmpty(), qPrintable(d.value(0).toString()));
        gw::runtime::EngineOptions options;
        options.captureDetails = true;
        QVERIFY(gwtest::startOnFreePort(m_engine, options));
    }

    // The bad keys sit in the same set: the good one still verifies, for both authorizer types.
    void theGoodKeyStillVerifies()
    {
        const QByteArray token = m_issuer.sign(QStringLiteral("good"), claims());
        const Reply viaPool = cognito(token);
        QCOMPARE(viaPool.status, 200);
        QCOMPARE(QJsonDocument::fromJson(viaPool.body).object().value(QStringLiteral("sub")).toString(),
            QStringLiteral("user-123"));
        const Reply viaJwt = jwt(token);
        QCOMPARE(viaJwt.status, 200);
    }

    void craftedTokensAreRefused_data()
    {
        QTest::addColumn<QByteArray>("token");
        QTest::addColumn<QString>("reason");
        const QJsonObject c = claims();
        QTest::newRow("exponent 1: the padded digest as signature")
            << forgedExponentOneToken(QStringLiteral("e1"))
            << QStringLiteral("the issuer's key 'e1' (keys[10]) is refused: the RSA public exponent 1 is below 3");
        QTest::newRow("exponent stated twice (65537, then 1)")
            << forgedExponentOneToken(QStringLiteral("dup-e"))
            << QStringLiteral("the issuer's key 'dup-e' (keys[11]) is refused: the member 'e' appears twice");
        QTest::newRow("1024-bit RSA key")
            << m_issuer.sign(QStringLiteral("small"), c)
            << QStringLiteral("'small' (keys[5]) is refused: the RSA modulus is 1024 bits; at least 2048 are required");
        QTest::newRow("ROCA modulus") << m_issuer.sign(QStringLiteral("roca"),
            c) << QStringLiteral("'roca' (keys[6]) is refused: the RSA modulus has the ROCA fingerprint");
        QTest::newRow("use enc") << m_issuer.sign(QStringLiteral("enc"), c)
                                 << QStringLiteral("'enc' (keys[2]) is refused: the key's use is 'enc', not 'sig'");
        QTest::newRow("key_ops without verify") << m_issuer.sign(QStringLiteral("signonly"),
            c) << QStringLiteral("'signonly' (keys[3]) is refused: the key's key_ops do not include 'verify'");
        QTest::newRow("modulus with a leading zero") << m_issuer.sign(QStringLiteral("zeroes"),
            c) << QStringLiteral("'zeroes' (keys[9]) is refused: the member 'n' has a leading zero octet");
        QTest::newRow("kid used by two keys") << m_issuer.sign(QStringLiteral("twin"), c)
                                              << QStringLiteral("the kid 'twin' is used by keys[7] and keys[8]");
        QTest::newRow("key alg differs from the token's") << m_issuer.sign(
            QStringLiteral("for384"), c) << QStringLiteral("the key is for RS384, the token is signed with RS256");
        const QByteArray good = m_issuer.sign(QStringLiteral("good"), c);
        const QByteArray goodSig = *gw::model::base64UrlDecode(good.split('.').at(2));
        QTest::newRow("signature one byte short")
            << good.left(good.lastIndexOf('.') + 1) + gw::model::base64UrlEncode(goodSig.left(255))
            << QStringLiteral("an RS256 signature with this 2048-bit key is 256 bytes, the token's is 255");
        QTest::newRow("alg none") << gwtest::TestIssuer::compact(
            {{QStringLiteral("alg"), QStringLiteral("none")}, {QStringLiteral("kid"), QStringLiteral("good")}}, c, {})
                                  << QStringLiteral("the token's signing algorithm 'none' is not supported");
        QTest::newRow("HS256 with the RSA key's kid") << gwtest::TestIssuer::compact(
            {{QStringLiteral("alg"), QStringLiteral("HS256")}, {QStringLiteral("kid"), QStringLiteral("good")}}, c,
            QByteArray(32, 'x')) << QStringLiteral("the token's signing algorithm 'HS256' is not supported");
        // A good P-256 key: these authorizers take RSA only (AWS: RS256 for Cognito, RS256/384/512
        // for HTTP API JWT), so this is AWS's answer too; the ES256 check itself is in tst_jwt.
        QTest::newRow("ES256 with a good P-256 key") << m_issuer.sign(
            QStringLiteral("p256"), c) << QStringLiteral("the token's signing algorithm 'ES256' is not supported");
    }

    void craftedTokensAreRefused()
    {
        QFETCH(QByteArray, token);
        QFETCH(QString, reason);
        const Reply viaPool = cognito(token);
        QCOMPARE(viaPool.status, 401);
        QCOMPARE(viaPool.body, QByteArray(R"({"message":"Unauthorized"})"));
        QCOMPARE(viaPool.header("x-amzn-ErrorType"), QByteArray("UnauthorizedException"));
        const QString poolTrace = traceOf(viaPool);
        QVERIFY2(poolTrace.contains(QLatin1String("Unauthorized request: ")) && poolTrace.contains(reason),
            qPrintable(poolTrace));

        const Reply viaJwt = jwt(token);
        QCOMPARE(viaJwt.status, 401);
        QCOMPARE(viaJwt.body, QByteArray(R"({"message":"Unauthorized"})"));
        QVERIFY2(viaJwt.header("www-authenticate").contains(reason.toUtf8().replace('"', '\'')),
            viaJwt.header("www-authenticate").constData());
        QVERIFY2(traceOf(viaJwt).contains(reason), qPrintable(traceOf(viaJwt)));
    }

    void cleanupTestCase() { m_engine.stop(); }
};

QTEST_GUILESS_MAIN(TestJwksRefusal)
#include "tst_jwksrefusal.moc"
