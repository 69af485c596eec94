#include "authtestproject.h"
#include "gatewayclient.h"
#include "lambdatestproject.h"
#include "testproject.h"

#include "gateway/deploy/runtimeconfig.h"
#include "gateway/model/deployments.h"
#include "gateway/runtime/engine.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace gw::model;
using gwtest::GatewayClient;
using gwtest::Reply;

// Resource policies through the real engine (the client is 127.0.0.1): aws:SourceIp allow and
// deny, policies on their own (an explicit Allow is needed), and the §5.7 combinations with a
// Lambda authorizer's decision; a PRIVATE API reached from loopback.
class TestResourcePolicy : public QObject
{
    Q_OBJECT

    gw::runtime::Engine m_engine;
    GatewayClient m_client;

    QString url(const QString &api, const QString &path) const
    {
        return QStringLiteral("http://127.0.0.1:%1/restapis/%2/s/_user_request_%3").arg(m_engine.port()).arg(api, path);
    }

    static QJsonObject statement(const QString &effect, const QString &resource, const QJsonArray &cidrs = {}, bool notIp = false)
    {
        QJsonObject s{{QStringLiteral("Effect"), effect}, {QStringLiteral("Principal"), QStringLiteral("*")},
                      {QStringLiteral("Action"), QStringLiteral("execute-api:Invoke")}, {QStringLiteral("Resource"), resource}};
        if (!cidrs.isEmpty())
            s.insert(QStringLiteral("Condition"), QJsonObject{{notIp ? QStringLiteral("NotIpAddress") : QStringLiteral("IpAddress"),
                                                               QJsonObject{{QStringLiteral("aws:SourceIp"), cidrs}}}});
        return s;
    }

    static Api api(const QString &id, const QJsonArray &statements)
    {
        Api a = newRestApi(id);
        a.id = id;
        a.design.policy = {{QStringLiteral("Version"), QStringLiteral("2012-10-17")}, {QStringLiteral("Statement"), statements}};
        gwtest::addResource(a, QStringLiteral("/data")).methods.insert(QStringLiteral("GET"), gwtest::authorizerEchoMethod(QStringLiteral("GET")));
        gwtest::addResource(a, QStringLiteral("/public")).methods.insert(QStringLiteral("GET"), gwtest::authorizerEchoMethod(QStringLiteral("GET")));
        return a;
    }

private slots:
    void initTestCase()
    {
        Project project;
        project.functions = {gwtest::jsFunction(QStringLiteral("auth"), QStringLiteral(
            "exports.handler = async (event) => ({ principalId: 'p-' + event.authorizationToken, policyDocument: { Version: '2012-10-17',\n"
            "  Statement: [{ Action: 'execute-api:Invoke', Effect: event.authorizationToken === 'deny' ? 'Deny' : 'Allow',\n"
            "    Resource: event.authorizationToken === 'silent' ? 'arn:aws:execute-api:*:*:*/nowhere/*' : event.methodArn }] } });"))};
        project.functions.append(gwtest::authorizerEchoFunction());
        project.apis = {
            api(QStringLiteral("denyloop"), {statement(QStringLiteral("Allow"), QStringLiteral("execute-api:/*")),
                                             statement(QStringLiteral("Deny"), QStringLiteral("execute-api:/*/GET/data"), {QStringLiteral("127.0.0.0/8")})}),
            api(QStringLiteral("tenonly"), {statement(QStringLiteral("Allow"), QStringLiteral("execute-api:/*"), {QStringLiteral("10.0.0.0/8")}),
                                            statement(QStringLiteral("Allow"), QStringLiteral("execute-api:/*/GET/public"))}),
            api(QStringLiteral("loopok"), {statement(QStringLiteral("Allow"), QStringLiteral("execute-api:/*"), {QStringLiteral("127.0.0.1/32"), QStringLiteral("::1")})}),
            api(QStringLiteral("notten"), {statement(QStringLiteral("Deny"), QStringLiteral("*"), {QStringLiteral("10.0.0.0/8")}, true)}),
        };
        // Authorizer × policy: the policy allows /public only and denies nothing.
        Api combo = api(QStringLiteral("combo"), {statement(QStringLiteral("Allow"), QStringLiteral("execute-api:/*/GET/public"))});
        combo.design.authorizers = {gwtest::lambdaAuthorizer(QStringLiteral("a1"), QStringLiteral("TOKEN"), QStringLiteral("auth"), 0)};
        for (const char *path : {"/data", "/public"}) {
            Method &m = combo.design.resource(QLatin1String(path))->methods[QStringLiteral("GET")];
            m = gwtest::guarded(m, QStringLiteral("CUSTOM"), QStringLiteral("a1"));
        }
        project.apis.append(combo);
        Api priv = api(QStringLiteral("private"), {statement(QStringLiteral("Allow"), QStringLiteral("execute-api:/*"))});
        priv.endpointType = QStringLiteral("PRIVATE");
        project.apis.append(priv);
        for (Api &a : project.apis)
            deploy(a, QStringLiteral("s"));
        Diagnostics d;
        m_engine.deploy(gw::deploy::compile(project, &d));
        QVERIFY2(d.isEmpty(), qPrintable(d.value(0).toString()));
        QVERIFY(gwtest::startOnFreePort(m_engine));
    }

    void policies_data()
    {
        QTest::addColumn<QString>("api");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QByteArray>("token");
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        const auto denial = [](const char *api, const char *path, bool explicitDeny) -> QByteArray {
            return QByteArray("{\"Message\":\"User: anonymous is not authorized to perform: execute-api:Invoke on resource: "
                              "arn:aws:execute-api:us-east-1:000000000000:") + api + "/s/GET" + path
                   + (explicitDeny ? " with an explicit deny\"}" : "\"}");
        };
        QTest::newRow("deny by source ip") << QStringLiteral("denyloop") << QStringLiteral("/data") << QByteArray() << 403 << denial("denyloop", "/data", true);
        QTest::newRow("deny covers one path") << QStringLiteral("denyloop") << QStringLiteral("/public") << QByteArray() << 200 << QByteArray();
        QTest::newRow("allow list misses us") << QStringLiteral("tenonly") << QStringLiteral("/data") << QByteArray() << 403 << denial("tenonly", "/data", false);
        QTest::newRow("other statement allows") << QStringLiteral("tenonly") << QStringLiteral("/public") << QByteArray() << 200 << QByteArray();
        QTest::newRow("allow list has us") << QStringLiteral("loopok") << QStringLiteral("/data") << QByteArray() << 200 << QByteArray();
        QTest::newRow("NotIpAddress deny") << QStringLiteral("notten") << QStringLiteral("/data") << QByteArray() << 403 << denial("notten", "/data", true);
        QTest::newRow("authorizer allow, policy silent") << QStringLiteral("combo") << QStringLiteral("/data") << QByteArray("yes") << 200 << QByteArray();
        QTest::newRow("authorizer silent, policy allow") << QStringLiteral("combo") << QStringLiteral("/public") << QByteArray("silent") << 200 << QByteArray();
        QTest::newRow("authorizer silent, policy silent") << QStringLiteral("combo") << QStringLiteral("/data") << QByteArray("silent") << 403
                                                          << QByteArray(R"({"Message":"User is not authorized to access this resource"})");
        QTest::newRow("authorizer deny, policy allow") << QStringLiteral("combo") << QStringLiteral("/public") << QByteArray("deny") << 403
                                                       << QByteArray(R"({"Message":"User is not authorized to access this resource with an explicit deny"})");
        QTest::newRow("private api from loopback") << QStringLiteral("private") << QStringLiteral("/data") << QByteArray() << 200 << QByteArray();
    }

    void policies()
    {
        QFETCH(QString, api);
        QFETCH(QString, path);
        QFETCH(QByteArray, token);
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QList<QPair<QByteArray, QByteArray>> headers;
        if (!token.isEmpty())
            headers.append({"Authorization", token});
        const Reply r = m_client.send("GET", url(api, path), headers);
        QCOMPARE(r.status, status);
        if (!body.isEmpty())
            QCOMPARE(r.body, body);
        if (status == 403)
            QCOMPARE(r.header("x-amzn-ErrorType"), QByteArray("AccessDeniedException"));
    }

    void cleanupTestCase() { m_engine.stop(); }
};

QTEST_GUILESS_MAIN(TestResourcePolicy)
#include "tst_resourcepolicy.moc"
