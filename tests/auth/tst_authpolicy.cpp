#include "gateway/auth/authorizeroutput.h"
#include "gateway/auth/authorizerresultcache.h"
#include "gateway/auth/compiledauth.h"
#include "gateway/auth/identitypolicy.h"
#include "gateway/auth/identitysource.h"
#include "gateway/auth/resourcepolicy.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace gw::auth;

// The policy side of authorization without a server: method ARNs and IAM wildcards, Lambda
// authorizer outputs (policy, context stringification, malformed outputs), resource policies
// with aws:SourceIp (IPv4, IPv6, mapped addresses), identity sources, the shared result cache,
// and deploy-time diagnostics for broken authorizers and policies.
class TestAuthPolicy : public QObject
{
    Q_OBJECT

    static const QString &arnPrefix()
    {
        static const QString p = QStringLiteral("arn:aws:execute-api:us-east-1:000000000000:api1");
        return p;
    }

    static QJsonObject statement(const QString &effect, const QJsonValue &resource, const QJsonObject &condition = {})
    {
        QJsonObject s{{QStringLiteral("Effect"), effect}, {QStringLiteral("Principal"), QStringLiteral("*")},
                      {QStringLiteral("Action"), QStringLiteral("execute-api:Invoke")}, {QStringLiteral("Resource"), resource}};
        if (!condition.isEmpty())
            s.insert(QStringLiteral("Condition"), condition);
        return s;
    }

    static AuthCompileInput input()
    {
        AuthCompileInput in;
        in.apiId = QStringLiteral("api1");
        return in;
    }

    static QJsonObject policy(const QJsonArray &statements)
    {
        return {{QStringLiteral("Version"), QStringLiteral("2012-10-17")}, {QStringLiteral("Statement"), statements}};
    }

private slots:
    void methodArnHasAwsShape()
    {
        QCOMPARE(methodArn(QStringLiteral("eu-west-1"), QStringLiteral("123"), QStringLiteral("abc"), QStringLiteral("prod"),
                           QStringLiteral("GET"), QStringLiteral("/pets/1")),
                 QStringLiteral("arn:aws:execute-api:eu-west-1:123:abc/prod/GET/pets/1"));
        // The root resource keeps its trailing slash.
        QCOMPARE(methodArn(QStringLiteral("r"), QStringLiteral("a"), QStringLiteral("i"), QStringLiteral("s"), QStringLiteral("POST"), QStringLiteral("/")),
                 QStringLiteral("arn:aws:execute-api:r:a:i/s/POST/"));
    }

    void wildcards_data()
    {
        QTest::addColumn<QString>("pattern");
        QTest::addColumn<QString>("value");
        QTest::addColumn<bool>("matches");
        const QString arn = arnPrefix() + QStringLiteral("/prod/GET/pets/1");
        QTest::newRow("exact") << arn << arn << true;
        QTest::newRow("star everything") << QStringLiteral("*") << arn << true;
        QTest::newRow("any stage and verb") << arnPrefix() + QStringLiteral("/*/*/pets/*") << arn << true;
        QTest::newRow("star crosses slashes") << arnPrefix() + QStringLiteral("/*") << arn << true;
        QTest::newRow("other verb") << arnPrefix() + QStringLiteral("/prod/POST/*") << arn << false;
        QTest::newRow("question mark") << arnPrefix() + QStringLiteral("/prod/GET/pets/?") << arn << true;
        QTest::newRow("question mark needs a char") << arnPrefix() + QStringLiteral("/prod/GET/pets/1?") << arn << false;
        QTest::newRow("case sensitive") << arnPrefix() + QStringLiteral("/prod/get/*") << arn << false;
        QTest::newRow("prefix only") << arnPrefix() + QStringLiteral("/prod/GET/pets") << arn << false;
    }

    void wildcards()
    {
        QFETCH(QString, pattern);
        QFETCH(QString, value);
        QFETCH(bool, matches);
        QCOMPARE(wildcardMatches(pattern, value), matches);
    }

    void identityPolicyExplicitDenyWins()
    {
        const QString arn = arnPrefix() + QStringLiteral("/prod/DELETE/pets/1");
        const QJsonObject doc = policy({statement(QStringLiteral("Allow"), QString(arnPrefix() + QStringLiteral("/*"))),
                                        statement(QStringLiteral("Deny"), QString(arnPrefix() + QStringLiteral("/*/DELETE/*")))});
        QCOMPARE(evaluateIdentityPolicy(doc, arn), PolicyEffect::Deny);
        QCOMPARE(evaluateIdentityPolicy(doc, arnPrefix() + QStringLiteral("/prod/GET/pets/1")), PolicyEffect::Allow);
        QCOMPARE(evaluateIdentityPolicy(policy({statement(QStringLiteral("Allow"), QString(arnPrefix() + QStringLiteral("/prod/GET/*")))}), arn),
                 PolicyEffect::Silent);
        // Statements for other actions do not count; a single statement object works too.
        QJsonObject other = statement(QStringLiteral("Allow"), QStringLiteral("*"));
        other.insert(QStringLiteral("Action"), QStringLiteral("s3:GetObject"));
        QCOMPARE(evaluateIdentityPolicy({{QStringLiteral("Statement"), other}}, arn), PolicyEffect::Silent);
        QCOMPARE(evaluateIdentityPolicy({{QStringLiteral("Statement"), statement(QStringLiteral("Allow"), QJsonArray{QStringLiteral("x"), arn})}}, arn),
                 PolicyEffect::Allow);
    }

    void authorizerOutputStringifiesContext()
    {
        QString error;
        const auto out = parseAuthorizerOutput(R"({"principalId":"user","policyDocument":{"Statement":[]},
            "context":{"s":"v","n":1,"f":1.5,"b":true,"z":null},"usageIdentifierKey":"k"})", &error);
        QVERIFY2(out, qPrintable(error));
        QCOMPARE(out->principalId, QStringLiteral("user"));
        QCOMPARE(out->context.value(QStringLiteral("s")).toString(), QStringLiteral("v"));
        QCOMPARE(out->context.value(QStringLiteral("n")).toString(), QStringLiteral("1"));
        QCOMPARE(out->context.value(QStringLiteral("f")).toString(), QStringLiteral("1.5"));
        QCOMPARE(out->context.value(QStringLiteral("b")).toString(), QStringLiteral("true"));
        QVERIFY(!out->context.contains(QStringLiteral("z")));
        QCOMPARE(out->usageIdentifierKey, QStringLiteral("k"));
    }

    void malformedAuthorizerOutputs_data()
    {
        QTest::addColumn<QByteArray>("output");
        QTest::addColumn<QString>("reason");
        QTest::newRow("not json") << QByteArray("nope") << QStringLiteral("Invalid JSON");
        QTest::newRow("http response shape") << QByteArray(R"({"statusCode":200,"body":"ok"})") << QStringLiteral("policyDocument");
        QTest::newRow("nested context") << QByteArray(R"({"principalId":"u","policyDocument":{},"context":{"o":{"a":1}}})")
                                        << QStringLiteral("'o' is an object");
        QTest::newRow("array context") << QByteArray(R"({"principalId":"u","policyDocument":{},"context":{"l":[1]}})")
                                       << QStringLiteral("'l' is an array");
    }

    void malformedAuthorizerOutputs()
    {
        QFETCH(QByteArray, output);
        QFETCH(QString, reason);
        QString error;
        QVERIFY(!parseAuthorizerOutput(output, &error));
        QVERIFY2(error.contains(reason), qPrintable(error));
    }

    void httpApiSimpleResponses()
    {
        QString error;
        const auto yes = parseAuthorizerOutputV2(R"({"isAuthorized":true,"context":{"o":{"a":[1,2]},"s":"v"}})", true, &error);
        QVERIFY2(yes, qPrintable(error));
        QCOMPARE(yes->isAuthorized, std::optional<bool>(true));
        // Payload 2.0 keeps nested context values as the function gave them.
        QCOMPARE(yes->context.value(QStringLiteral("o")).toObject().value(QStringLiteral("a")).toArray().size(), 2);
        const auto no = parseAuthorizerOutputV2(R"({"isAuthorized":false})", true, &error);
        QCOMPARE(no->isAuthorized, std::optional<bool>(false));
        QVERIFY(!parseAuthorizerOutputV2(R"({"isAuthorized":"yes"})", true, &error));
        QVERIFY(error.contains(QLatin1String("boolean isAuthorized")));
        // Without simple responses the IAM policy answer is required.
        QVERIFY(!parseAuthorizerOutputV2(R"({"isAuthorized":true})", false, &error));
        QVERIFY(error.contains(QLatin1String("policyDocument")));
        const auto policy = parseAuthorizerOutputV2(R"({"principalId":"p","policyDocument":{"Statement":[]},"context":{"l":[1]}})", false, &error);
        QVERIFY2(policy, qPrintable(error));
        QVERIFY(!policy->isAuthorized);
        QVERIFY(policy->context.value(QStringLiteral("l")).isArray());
    }

    void resourcePolicySourceIp_data()
    {
        QTest::addColumn<QJsonObject>("doc");
        QTest::addColumn<QString>("ip");
        QTest::addColumn<int>("effect");
        const QJsonObject v4{{QStringLiteral("IpAddress"), QJsonObject{{QStringLiteral("aws:SourceIp"), QJsonArray{QStringLiteral("10.0.0.0/8"), QStringLiteral("192.168.1.7")}}}}};
        const QJsonObject notV4{{QStringLiteral("NotIpAddress"), QJsonObject{{QStringLiteral("aws:SourceIp"), QStringLiteral("10.0.0.0/8")}}}};
        const QJsonObject v6{{QStringLiteral("IpAddress"), QJsonObject{{QStringLiteral("aws:SourceIp"), QStringLiteral("2001:db8::/32")}}}};
        const QJsonObject allowIn = policy({statement(QStringLiteral("Allow"), QStringLiteral("execute-api:/*"), v4)});
        const QJsonObject denyOutside = policy({statement(QStringLiteral("Allow"), QStringLiteral("execute-api:/*")),
                                                statement(QStringLiteral("Deny"), QStringLiteral("execute-api:/*"), notV4)});
        const int allow = int(PolicyEffect::Allow), deny = int(PolicyEffect::Deny), silent = int(PolicyEffect::Silent);
        QTest::newRow("v4 inside") << allowIn << QStringLiteral("10.1.2.3") << allow;
        QTest::newRow("v4 single address") << allowIn << QStringLiteral("192.168.1.7") << allow;
        QTest::newRow("v4 outside") << allowIn << QStringLiteral("11.0.0.1") << silent;
        QTest::newRow("mapped v4 inside") << allowIn << QStringLiteral("::ffff:10.9.9.9") << allow;
        QTest::newRow("deny outside: outside") << denyOutside << QStringLiteral("127.0.0.1") << deny;
        QTest::newRow("deny outside: inside") << denyOutside << QStringLiteral("10.0.0.1") << allow;
        QTest::newRow("v6 inside") << policy({statement(QStringLiteral("Deny"), QStringLiteral("*"), v6)}) << QStringLiteral("2001:db8::1") << deny;
        QTest::newRow("v6 outside") << policy({statement(QStringLiteral("Deny"), QStringLiteral("*"), v6)}) << QStringLiteral("::1") << silent;
        QJsonObject named = statement(QStringLiteral("Allow"), QStringLiteral("*"));
        named.insert(QStringLiteral("Principal"), QJsonObject{{QStringLiteral("AWS"), QStringLiteral("arn:aws:iam::1:user/bob")}});
        QTest::newRow("named principal never matches") << policy({named}) << QStringLiteral("127.0.0.1") << silent;
        QTest::newRow("vpce condition never matches")
            << policy({statement(QStringLiteral("Allow"), QStringLiteral("*"),
                                 {{QStringLiteral("StringEquals"), QJsonObject{{QStringLiteral("aws:SourceVpce"), QStringLiteral("vpce-1")}}}})})
            << QStringLiteral("127.0.0.1") << silent;
        QTest::newRow("other api's arn") << policy({statement(QStringLiteral("Allow"), QStringLiteral("arn:aws:execute-api:us-east-1:000000000000:other/*"))})
                                         << QStringLiteral("127.0.0.1") << silent;
    }

    void resourcePolicySourceIp()
    {
        QFETCH(QJsonObject, doc);
        QFETCH(QString, ip);
        QFETCH(int, effect);
        QString error;
        const auto compiled = ResourcePolicy::compile(doc, arnPrefix(), &error);
        QVERIFY2(compiled, qPrintable(error));
        QCOMPARE(int(compiled->evaluate(arnPrefix() + QStringLiteral("/prod/GET/pets"), QHostAddress(ip))), effect);
    }

    void privateEndpointRangesComeFromAllowStatements()
    {
        QString error;
        const QJsonObject withRanges{{QStringLiteral("Statement"), QJsonArray{
            statement(QStringLiteral("Allow"), QStringLiteral("*"), {{QStringLiteral("IpAddress"), QJsonObject{{QStringLiteral("aws:SourceIp"), QStringLiteral("10.0.0.0/8")}}}}),
            statement(QStringLiteral("Allow"), QStringLiteral("*"))}}};
        const auto p = ResourcePolicy::compile(withRanges, arnPrefix(), &error);
        QVERIFY2(p, qPrintable(error));
        const QString arn = arnPrefix() + QStringLiteral("/s/GET/x");
        QVERIFY(p->allowsSourceIpExplicitly(arn, QHostAddress(QStringLiteral("10.2.3.4"))));
        // Allowed, but only by a statement without an address range: not a listed range.
        QCOMPARE(p->evaluate(arn, QHostAddress(QStringLiteral("192.0.2.1"))), PolicyEffect::Allow);
        QVERIFY(!p->allowsSourceIpExplicitly(arn, QHostAddress(QStringLiteral("192.0.2.1"))));
    }

    void resourcePolicyErrorsNameTheField()
    {
        QString error, path;
        const QJsonObject bad = policy({statement(QStringLiteral("Allow"), QStringLiteral("*"),
                                                  {{QStringLiteral("IpAddress"), QJsonObject{{QStringLiteral("aws:SourceIp"), QJsonArray{QStringLiteral("1.2.3.4/8"), QStringLiteral("300.1.1.1/8")}}}}})});
        QVERIFY(!ResourcePolicy::compile(bad, arnPrefix(), &error, &path));
        QCOMPARE(path, QStringLiteral("Statement[0].Condition.IpAddress.aws:SourceIp[1]"));
        QVERIFY2(error.contains(QLatin1String("300.1.1.1/8")), qPrintable(error));
        QJsonObject noEffect = statement(QStringLiteral("Maybe"), QStringLiteral("*"));
        QVERIFY(!ResourcePolicy::compile(policy({noEffect}), arnPrefix(), &error, &path));
        QCOMPARE(path, QStringLiteral("Statement[0].Effect"));
    }

    void cidrParsing()
    {
        QVERIFY(parseCidr(QStringLiteral("10.0.0.0/8")));
        QCOMPARE(parseCidr(QStringLiteral("2001:db8::1"))->second, 128);
        QCOMPARE(parseCidr(QStringLiteral("127.0.0.1"))->second, 32);
        QVERIFY(!parseCidr(QStringLiteral("10.0.0.0/33")));
        QVERIFY(!parseCidr(QStringLiteral("not-an-ip")));
    }

    void identitySources()
    {
        QString error;
        const auto list = IdentitySource::parseList(
            QStringLiteral("method.request.header.Auth, method.request.querystring.q,stageVariables.v, context.identity.sourceIp"), &error);
        QVERIFY2(list, qPrintable(error));
        QCOMPARE(list->size(), 4);
        QCOMPARE(list->at(0).kind, IdentitySource::Kind::Header);
        QCOMPARE(list->at(1).name, QStringLiteral("q"));
        QCOMPARE(list->at(2).kind, IdentitySource::Kind::StageVariable);
        QCOMPARE(list->at(3).name, QStringLiteral("identity.sourceIp"));
        QCOMPARE(IdentitySource::parse(QStringLiteral("$request.header.Authorization"))->kind, IdentitySource::Kind::Header);
        QVERIFY(!IdentitySource::parseList(QStringLiteral("method.request.path.id"), &error));
        QVERIFY(error.contains(QLatin1String("method.request.path.id")));
    }

    void resultCacheHonoursTtlAndKeys()
    {
        AuthorizerResultCache cache(3);
        auto out = std::make_shared<const AuthorizerOutput>(AuthorizerOutput{QStringLiteral("p"), {}, {}, {}, std::nullopt});
        cache.store(QStringLiteral("a1"), QStringLiteral("tok"), out, 1000, 300000);
        QCOMPARE(cache.find(QStringLiteral("a1"), QStringLiteral("tok"), 2000), out);
        QVERIFY(!cache.find(QStringLiteral("a2"), QStringLiteral("tok"), 2000));   // per authorizer
        QVERIFY(!cache.find(QStringLiteral("a1"), QStringLiteral("other"), 2000)); // per key
        QVERIFY(!cache.find(QStringLiteral("a1"), QStringLiteral("tok"), 301000)); // expired
        // Bounded: a full cache drops expired entries first.
        cache.store(QStringLiteral("a1"), QStringLiteral("t2"), out, 1000, 10);
        cache.store(QStringLiteral("a1"), QStringLiteral("t3"), out, 1000, 10);
        cache.store(QStringLiteral("a1"), QStringLiteral("t4"), out, 5000, 300000);
        QCOMPARE(cache.size(), 2);
        QVERIFY(cache.find(QStringLiteral("a1"), QStringLiteral("tok"), 5000));
    }

    void compileReportsBrokenAuthorizers_data()
    {
        QTest::addColumn<QJsonObject>("json");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("message");
        QTest::newRow("ttl") << QJsonObject{{QStringLiteral("type"), QStringLiteral("TOKEN")}, {QStringLiteral("functionName"), QStringLiteral("f")},
                                            {QStringLiteral("resultTtlInSeconds"), 4000}}
                             << QStringLiteral(".resultTtlInSeconds") << QStringLiteral("between 0 and 3600");
        QTest::newRow("regex") << QJsonObject{{QStringLiteral("type"), QStringLiteral("TOKEN")}, {QStringLiteral("functionName"), QStringLiteral("f")},
                                              {QStringLiteral("identityValidationExpression"), QStringLiteral("([a-z")}}
                               << QStringLiteral(".identityValidationExpression") << QStringLiteral("invalid regular expression");
        QTest::newRow("token needs a header") << QJsonObject{{QStringLiteral("type"), QStringLiteral("TOKEN")}, {QStringLiteral("functionName"), QStringLiteral("f")},
                                                             {QStringLiteral("identitySource"), QStringLiteral("method.request.querystring.t")}}
                                              << QStringLiteral(".identitySource") << QStringLiteral("exactly one header");
        QTest::newRow("no target") << QJsonObject{{QStringLiteral("type"), QStringLiteral("REQUEST")}}
                                   << QStringLiteral(".functionName") << QStringLiteral("needs a project function");
        QTest::newRow("cognito arn") << QJsonObject{{QStringLiteral("type"), QStringLiteral("COGNITO_USER_POOLS")},
                                                    {QStringLiteral("providerArns"), QJsonArray{QStringLiteral("arn:aws:s3:::bucket")}}}
                                     << QStringLiteral(".providerArns[0]") << QStringLiteral("not a user pool ARN");
        QTest::newRow("jwt issuer") << QJsonObject{{QStringLiteral("type"), QStringLiteral("JWT")}} << QStringLiteral(".issuer")
                                    << QStringLiteral("needs an issuer");
        // An inline key set with a bad key no longer fails the authorizer's compilation: bad keys
        // are refused one by one (the good ones still verify) and check() reports each at
        // `jwks.keys[i]` (tests/auth/tst_jwkcheck, tst_jwksrefusal).
    }

    void compileReportsBrokenAuthorizers()
    {
        QFETCH(QJsonObject, json);
        QFETCH(QString, path);
        QFETCH(QString, message);
        gw::model::Authorizer a;
        a.id = QStringLiteral("au1");
        a.type = json.value(QStringLiteral("type")).toString();
        a.functionName = json.value(QStringLiteral("functionName")).toString();
        a.resultTtlInSeconds = json.value(QStringLiteral("resultTtlInSeconds")).toInt(300);
        a.identityValidationExpression = json.value(QStringLiteral("identityValidationExpression")).toString();
        if (json.contains(QStringLiteral("identitySource")))
            a.identitySource = json.value(QStringLiteral("identitySource")).toString();
        for (const QJsonValue &v : json.value(QStringLiteral("providerArns")).toArray())
            a.providerArns.append(v.toString());
        a.issuer = json.value(QStringLiteral("issuer")).toString();
        a.jwks = json.value(QStringLiteral("jwks")).toObject();
        gw::model::ApiDefinition def;
        def.authorizers.append(a);
        gw::model::Diagnostics d;
        const auto compiled = compileAuth(def, input(), &d, QStringLiteral("apis[0].design"));
        QVERIFY(!compiled->authorizer(QStringLiteral("au1")));
        QCOMPARE(d.size(), 1);
        QCOMPARE(d[0].path, QStringLiteral("apis[0].design.authorizers[0]") + path);
        QVERIFY2(d[0].message.contains(message), qPrintable(d[0].message));
    }

    void brokenResourcePolicyDeniesEverything()
    {
        gw::model::ApiDefinition def;
        def.policy = policy({statement(QStringLiteral("Allow"), QStringLiteral("*"),
                                       {{QStringLiteral("IpAddress"), QJsonObject{{QStringLiteral("aws:SourceIp"), QStringLiteral("bogus")}}}})});
        gw::model::Diagnostics d;
        const auto compiled = compileAuth(def, input(), &d, QStringLiteral("apis[0].design"));
        QCOMPARE(d.size(), 1);
        QCOMPARE(d[0].path, QStringLiteral("apis[0].design.policy.Statement[0].Condition.IpAddress.aws:SourceIp[0]"));
        QVERIFY(compiled->resourcePolicy);
        QCOMPARE(compiled->resourcePolicy->evaluate(arnPrefix() + QStringLiteral("/s/GET/"), QHostAddress::LocalHost), PolicyEffect::Deny);
    }

    void cognitoIssuerFromPoolArn()
    {
        QCOMPARE(cognitoIssuer(QStringLiteral("arn:aws:cognito-idp:eu-west-1:123456789012:userpool/eu-west-1_AbC")),
                 QStringLiteral("https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbC"));
        QVERIFY(cognitoIssuer(QStringLiteral("arn:aws:cognito-idp:eu-west-1:1:identitypool/x")).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestAuthPolicy)
#include "tst_authpolicy.moc"
