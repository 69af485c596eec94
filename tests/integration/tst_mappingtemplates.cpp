// Mapping templates, parameter mappings, passthrough, integration-response selection, overrides
// and gateway responses end to end: the engine on 127.0.0.1:0, a real upstream that echoes what
// it receives, a real client (QNetworkAccessManager).
#include "gatewayclient.h"
#include "testproject.h"
#include "upstreamserver.h"

#include "gateway/deploy/runtimeconfig.h"
#include "gateway/model/deployments.h"
#include "gateway/runtime/engine.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace gw::model;
using gwtest::GatewayClient;
using gwtest::UpstreamServer;

namespace {

IntegrationResponse response(const QString &pattern, const QString &status, const TemplateMap &templates = {})
{
    IntegrationResponse r;
    r.selectionPattern = pattern;
    r.statusCode = status;
    r.responseTemplates = templates;
    return r;
}

} // namespace

class TestMappingTemplates : public QObject
{
    Q_OBJECT

    UpstreamServer m_upstream;
    gw::runtime::Engine m_engine;
    Project m_project;
    GatewayClient m_client;

    QString url(const QString &pathAndQuery) const
    {
        return QStringLiteral("http://127.0.0.1:%1/restapis/tplapi/test/_user_request_%2").arg(m_engine.port()).arg(pathAndQuery);
    }
    static QByteArray json(const QByteArray &body) { return body; }

private slots:
    void initTestCase()
    {
        // The upstream answers with what it received, or with the status a request asks for.
        m_upstream.setHandler([](const gw::HttpRequest &req) {
            UpstreamServer::Answer a;
            const QByteArray path = req.rawPath();
            if (path.endsWith("/missing")) {
                a.response.status = 404;
                a.response.body = R"({"error":{"code":"E404","text":"not here"}})";
            } else {
                QJsonObject echo{{QStringLiteral("body"), QString::fromUtf8(req.body)},
                                 {QStringLiteral("query"), QString::fromUtf8(req.rawQuery())},
                                 {QStringLiteral("path"), QString::fromUtf8(path)},
                                 {QStringLiteral("override"), QString::fromUtf8(req.headers.value("x-override"))},
                                 {QStringLiteral("mapped"), QString::fromUtf8(req.headers.value("x-mapped"))}};
                a.response.body = QJsonDocument(echo).toJson(QJsonDocument::Compact);
            }
            a.response.headers.set("Content-Type", "application/json");
            a.response.headers.set("X-Served-By", "upstream");
            return a;
        });
        QVERIFY(m_upstream.isListening());

        Api api = newRestApi(QStringLiteral("Templates"));
        api.id = QStringLiteral("tplapi");

        // POST /echo/{id}: request template, request override, mappings, response template by Accept.
        Method echo = gwtest::httpMethod(QStringLiteral("POST"), IntegrationType::Http, m_upstream.baseUrl() + QStringLiteral("/echo/{id}"));
        echo.integration->httpMethod = QStringLiteral("POST");
        echo.integration->requestParameters.insert(QStringLiteral("integration.request.path.id"), QStringLiteral("method.request.path.id"));
        echo.integration->requestParameters.insert(QStringLiteral("integration.request.querystring.all"),
                                                   QStringLiteral("method.request.multivaluequerystring.q"));
        echo.integration->requestParameters.insert(QStringLiteral("integration.request.header.X-Mapped"), QStringLiteral("method.request.body.user.name"));
        echo.integration->requestTemplates.insert(QStringLiteral("application/json"), QStringLiteral(
            "#set($root = $input.path('$'))\n"
            "{\"name\": \"$root.user.name\", \"tags\": $input.json('$.tags'), \"q\": \"$input.params('q')\",\n"
            " \"stage\": \"$context.stage\", \"env\": \"$stageVariables.env\", \"n\": #foreach($t in $root.tags)$foreach.count#end}\n"
            "#set($context.requestOverride.header.X-Override = \"for-$input.params('id')\")"));
        echo.integration->integrationResponses = {
            response(QString(), QStringLiteral("200"),
                     {{QStringLiteral("application/json"), QStringLiteral("#set($e = $util.parseJson($input.body))"
                                                                          "{\"sent\": $e.body, \"override\": \"$e.override\", \"mapped\": \"$e.mapped\", \"query\": \"$e.query\"}")},
                      {QStringLiteral("application/xml"), QStringLiteral("<sent>$util.escapeJavaScript($input.path('$.path'))</sent>")}}),
        };
        echo.integration->integrationResponses[0].responseParameters.insert(QStringLiteral("method.response.header.X-Upstream"),
                                                                            QStringLiteral("integration.response.header.X-Served-By"));
        gwtest::addResource(api, QStringLiteral("/echo/{id}")).methods.insert(QStringLiteral("POST"), echo);

        // GET /missing: the upstream's 404 selects the 4\d{2} response; a body mapping fills a header.
        Method missing = gwtest::httpMethod(QStringLiteral("GET"), IntegrationType::Http, m_upstream.baseUrl() + QStringLiteral("/missing"));
        missing.integration->integrationResponses = {
            response(QString(), QStringLiteral("200")),
            response(QStringLiteral("4\\d{2}"), QStringLiteral("404"),
                     {{QStringLiteral("application/json"), QStringLiteral("{\"problem\": \"$input.path('$.error.text')\"}")}}),
        };
        missing.integration->integrationResponses[1].responseParameters.insert(QStringLiteral("method.response.header.X-Error-Code"),
                                                                               QStringLiteral("integration.response.body.error.code"));
        missing.integration->integrationResponses[1].responseParameters.insert(QStringLiteral("method.response.header.X-Static"),
                                                                               QStringLiteral("'fixed'"));
        gwtest::addResource(api, QStringLiteral("/missing")).methods.insert(QStringLiteral("GET"), missing);

        // Passthrough behaviours (reference §1.1).
        const auto passthrough = [&](const QString &path, PassthroughBehavior behaviour, bool withTemplate) {
            Method m = gwtest::httpMethod(QStringLiteral("POST"), IntegrationType::Http, m_upstream.baseUrl() + path);
            m.integration->passthroughBehavior = behaviour;
            if (withTemplate)
                m.integration->requestTemplates.insert(QStringLiteral("application/json"), QStringLiteral("{\"templated\": true}"));
            m.integration->integrationResponses = {response(QString(), QStringLiteral("200"))};
            gwtest::addResource(api, path).methods.insert(QStringLiteral("POST"), m);
        };
        passthrough(QStringLiteral("/when-no-match"), PassthroughBehavior::WhenNoMatch, true);
        passthrough(QStringLiteral("/when-no-templates"), PassthroughBehavior::WhenNoTemplates, true);
        passthrough(QStringLiteral("/when-no-templates-none"), PassthroughBehavior::WhenNoTemplates, false);
        passthrough(QStringLiteral("/never"), PassthroughBehavior::Never, false);

        // MOCK whose templates override the status and add a header.
        Method mock = gwtest::mockMethod(QStringLiteral("GET"), 200, QStringLiteral(
            "#set($context.responseOverride.header.X-Mock = \"$context.requestOverride.path.word\")"
            "{\"word\": \"$context.requestOverride.path.word\"}"));
        mock.integration->requestTemplates[QStringLiteral("application/json")] = QStringLiteral(
            "{\"statusCode\": 200}#set($context.responseOverride.status = 202)"
            "#set($context.requestOverride.path.word = $input.params('w'))");
        gwtest::addResource(api, QStringLiteral("/mock")).methods.insert(QStringLiteral("GET"), mock);

        // A template that exceeds the step limit at run time.
        Method heavy = gwtest::mockMethod(QStringLiteral("GET"), 200, QStringLiteral("#set($s = 'xx')#foreach($i in [1..30])#set($s = \"$s$s\")#end$s"));
        gwtest::addResource(api, QStringLiteral("/heavy")).methods.insert(QStringLiteral("GET"), heavy);

        // Customised gateway response for the 415.
        GatewayResponse unsupported;
        unsupported.statusCode = 400;
        unsupported.responseParameters.insert(QStringLiteral("gatewayresponse.header.X-Gateway"), QStringLiteral("'custom'"));
        unsupported.responseTemplates.insert(QStringLiteral("application/json"), QStringLiteral(
            "{\"type\":\"$context.error.responseType\",\"message\":$context.error.messageString,\"stage\":\"$context.stage\"}"));
        api.design.gatewayResponses.insert(QStringLiteral("UNSUPPORTED_MEDIA_TYPE"), unsupported);

        m_project.apis.append(api);
        deploy(m_project.apis[0], QStringLiteral("test"));
        m_project.apis[0].stage(QStringLiteral("test"))->variables = {{QStringLiteral("env"), QStringLiteral("qa")}};
        gw::model::Diagnostics diagnostics;
        m_engine.deploy(gw::deploy::compile(m_project, &diagnostics));
        QVERIFY2(!gw::model::hasErrors(diagnostics), qPrintable(diagnostics.value(0).toString()));
        QVERIFY(gwtest::startOnFreePort(m_engine));
    }

    void requestTemplateTransformsTheBody()
    {
        const auto r = m_client.send("POST", url(QStringLiteral("/echo/7?q=a&q=b")), {{"Content-Type", "application/json"}},
                                     R"({"user":{"name":"Ann"},"tags":["x","y"]})");
        QCOMPARE(r.status, 200);
        QCOMPARE(m_upstream.received().size() > 0, true);
        const gw::HttpRequest &sent = m_upstream.received().last();
        QCOMPARE(sent.rawPath(), QByteArray("/echo/7"));
        QCOMPARE(sent.body, QByteArray("{\"name\": \"Ann\", \"tags\": [\"x\",\"y\"], \"q\": \"b\",\n"
                                       " \"stage\": \"test\", \"env\": \"qa\", \"n\": 12}\n"));
        // The multi-value mapping joins with commas; the request override and the body mapping set headers.
        QCOMPARE(sent.rawQuery(), QByteArray("all=a%2Cb"));
        QCOMPARE(sent.headers.value("x-override"), QByteArray("for-7"));
        QCOMPARE(sent.headers.value("x-mapped"), QByteArray("Ann"));
        // The response template read the integration response's body.
        const QJsonObject body = QJsonDocument::fromJson(r.body).object();
        QCOMPARE(body.value(QStringLiteral("override")).toString(), QStringLiteral("for-7"));
        QCOMPARE(body.value(QStringLiteral("sent")).toObject().value(QStringLiteral("name")).toString(), QStringLiteral("Ann"));
        QCOMPARE(r.header("x-upstream"), QByteArray("upstream"));
        QCOMPARE(r.header("content-type"), QByteArray("application/json"));
    }

    void responseTemplateFollowsAccept()
    {
        const auto r = m_client.send("POST", url(QStringLiteral("/echo/9")), {{"Content-Type", "application/json"}, {"Accept", "application/xml, */*"}}, "{}");
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body, QByteArray("<sent>\\/echo\\/9</sent>"));
        QCOMPARE(r.header("content-type"), QByteArray("application/xml"));
    }

    void selectionPatternPicksTheErrorResponse()
    {
        const auto r = m_client.send("GET", url(QStringLiteral("/missing")));
        QCOMPARE(r.status, 404);
        QCOMPARE(r.body, QByteArray("{\"problem\": \"not here\"}"));
        QCOMPARE(r.header("x-error-code"), QByteArray("E404"));
        QCOMPARE(r.header("x-static"), QByteArray("fixed"));
    }

    void passthroughBehaviours_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QByteArray>("contentType");
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("upstreamBody"); // what the upstream received (status 200 only)
        QTest::newRow("no-match-passes-through") << QStringLiteral("/when-no-match") << QByteArray("text/plain") << 200 << QByteArray("raw text");
        QTest::newRow("match-transforms") << QStringLiteral("/when-no-match") << QByteArray("application/json; charset=utf-8") << 200
                                         << QByteArray("{\"templated\": true}");
        QTest::newRow("no-templates-rejects-other-types") << QStringLiteral("/when-no-templates") << QByteArray("text/plain") << 400 << QByteArray();
        QTest::newRow("no-templates-without-any-passes") << QStringLiteral("/when-no-templates-none") << QByteArray("text/plain") << 200
                                                         << QByteArray("raw text");
        QTest::newRow("never-rejects") << QStringLiteral("/never") << QByteArray("application/json") << 400 << QByteArray();
    }
    void passthroughBehaviours()
    {
        QFETCH(QString, path);
        QFETCH(QByteArray, contentType);
        QFETCH(int, status);
        QFETCH(QByteArray, upstreamBody);
        const qsizetype before = m_upstream.received().size();
        const auto r = m_client.send("POST", url(path), {{"Content-Type", contentType}}, "raw text");
        QCOMPARE(r.status, status);
        if (status == 200) {
            QCOMPARE(m_upstream.received().size(), before + 1);
            QCOMPARE(m_upstream.received().last().body, upstreamBody);
        } else {
            // 415 UNSUPPORTED_MEDIA_TYPE, customised for this API: status 400, own template and header.
            QCOMPARE(m_upstream.received().size(), before);
            QCOMPARE(r.body, QByteArray("{\"type\":\"UNSUPPORTED_MEDIA_TYPE\",\"message\":\"Unsupported Media Type\",\"stage\":\"test\"}"));
            QCOMPARE(r.header("x-gateway"), QByteArray("custom"));
        }
    }

    void responseOverrideSetsStatusAndHeaders()
    {
        const auto r = m_client.send("GET", url(QStringLiteral("/mock?w=hello")));
        QCOMPARE(r.status, 202);
        QCOMPARE(r.body, QByteArray("{\"word\": \"hello\"}"));
        QCOMPARE(r.header("x-mock"), QByteArray("hello"));
    }

    void runawayTemplateFailsWithInternalServerError()
    {
        const auto r = m_client.send("GET", url(QStringLiteral("/heavy")));
        QCOMPARE(r.status, 500);
        QCOMPARE(r.body, QByteArray("{\"message\":\"Internal server error\"}"));
    }

    void syntaxErrorBlocksTheDeployment()
    {
        Project broken = m_project;
        Api &api = broken.apis[0];
        Method bad = gwtest::mockMethod(QStringLiteral("GET"), 200, QStringLiteral("{}"));
        bad.integration->requestTemplates[QStringLiteral("application/json")] = QStringLiteral("{\"statusCode\": 200}\n#if($x");
        gwtest::addResource(api, QStringLiteral("/bad")).methods.insert(QStringLiteral("GET"), bad);
        deploy(api, QStringLiteral("test"));
        gw::model::Diagnostics diagnostics;
        const auto config = gw::deploy::compile(broken, &diagnostics);
        QVERIFY(gw::model::hasErrors(diagnostics));
        const gw::model::Diagnostic &d = diagnostics.first();
        QVERIFY2(d.path.endsWith(QLatin1String(".methods.GET.integration.requestTemplates[\"application/json\"]")), qPrintable(d.path));
        QCOMPARE(d.message, QStringLiteral("mapping template does not parse: 2:7: expected ')' to close #if"));
        QVERIFY(!config->api(QStringLiteral("tplapi"))->stages.value(QStringLiteral("test"))->deployment);
    }
};

QTEST_MAIN(TestMappingTemplates)
#include "tst_mappingtemplates.moc"
