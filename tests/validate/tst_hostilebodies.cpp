#include "gatewayclient.h"
#include "testproject.h"

#include "gateway/deploy/runtimeconfig.h"
#include "gateway/model/check.h"
#include "gateway/model/deployments.h"
#include "gateway/runtime/engine.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace gw::model;

// Request bodies that used to crash the server or hold a worker (issue 23), sent over real
// sockets to REST methods with a body validator: strings of 40,000 characters and 1 MB against
// a `pattern` (std::regex recursed per character), a backtracking pattern, long property names
// against `patternProperties`, bodies nested deeper than the JSON parser takes, recursive models.
// Each gets AWS's answer and the server keeps serving.
class TestHostileBodies : public QObject {
    Q_OBJECT

    gw::runtime::Engine m_engine;
    gwtest::GatewayClient m_client;

    QString url(const QString &path) const
    {
        return QStringLiteral("http://127.0.0.1:%1/restapis/hostile/test/_user_request_%2")
            .arg(m_engine.port())
            .arg(path);
    }
    static QJsonObject json(const char *text) { return QJsonDocument::fromJson(text).object(); }
    gwtest::Reply post(const QString &path, const QByteArray &body)
    {
        return m_client.send("POST", url(path), {{"Content-Type", "application/json"}}, body, 60000);
    }
    static QByteArray stringBody(const QByteArray &value) { return "{\"s\":\"" + value + "\"}"; }
    static QByteArray invalidBody() { return QByteArray("{\"message\":\"Invalid request body\"}"); }

    void verifyStillServing()
    {
        const auto r = post(QStringLiteral("/word"), stringBody("ok"));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body, QByteArray("{\"ok\":true}"));
    }

private slots:
    void initTestCase()
    {
        Api api = newRestApi(QStringLiteral("Hostile"));
        api.id = QStringLiteral("hostile");
        api.design.requestValidators = {{QStringLiteral("body"), QStringLiteral("Body only"), true, false}};
        const QString tree = QStringLiteral("https://apigateway.amazonaws.com/restapis/hostile/models/Tree");
        api.design.models = {
            {QStringLiteral("Word"), QStringLiteral("application/json"), {},
                json("{\"type\":\"object\",\"required\":[\"s\"],\"properties\":{\"s\":{\"type\":\"string\",\"pattern\":"
                     "\"^[a-z]+$\"}}}")},
            {QStringLiteral("Slow"), QStringLiteral("application/json"), {},
                json("{\"type\":\"object\",\"properties\":{\"s\":{\"pattern\":\"^(a+)+$\"}}}")},
            {QStringLiteral("Keys"), QStringLiteral("application/json"), {},
                json("{\"type\":\"object\",\"patternProperties\":{\"^[a-z]+$\":{\"type\":\"integer\"}},"
                     "\"additionalProperties\":false}")},
            {QStringLiteral("Tree"), QStringLiteral("application/json"), {},
                QJsonObject {{QStringLiteral("type"), QStringLiteral("array")},
                    {QStringLiteral("items"), QJsonObject {{QStringLiteral("$ref"), tree}}}}},
        };
        for (const QString &name :
            {QStringLiteral("Word"), QStringLiteral("Slow"), QStringLiteral("Keys"), QStringLiteral("Tree")}) {
            Method m = gwtest::mockMethod(QStringLiteral("POST"), 200, QStringLiteral("{\"ok\":true}"));
            m.requestValidatorId = QStringLiteral("body");
            m.requestModels = {{QStringLiteral("application/json"), name}};
            gwtest::addResource(api, QLatin1Char('/') + name.toLower()).methods.insert(QStringLiteral("POST"), m);
        }
        Project project;
        project.apis.append(api);
        deploy(project.apis[0], QStringLiteral("test"));
        const Diagnostics problems = check(project);
        QVERIFY2(problems.isEmpty(),
            qPrintable(problems.isEmpty() ? QString() : problems.first().toString(QStringLiteral("project"))));
        Diagnostics diagnostics;
        m_engine.deploy(gw::deploy::compile(project, &diagnostics));
        QVERIFY2(diagnostics.isEmpty(),
            qPrintable(diagnostics.isEmpty() ? QString() : diagnostics.first().toString(QStringLiteral("project"))));
        QVERIFY(gwtest::startOnFreePort(m_engine));
    }

    void longStringsAgainstAPattern_data()
    {
        QTest::addColumn<int>("length");
        QTest::newRow("40,000 characters") << 40000;
        QTest::newRow("1 MB") << 1024 * 1024;
    }
    void longStringsAgainstAPattern()
    {
        QFETCH(int, length);
        auto r = post(QStringLiteral("/word"), stringBody(QByteArray(length, 'a')));
        QCOMPARE(r.status, 200);
        r = post(QStringLiteral("/word"), stringBody(QByteArray(length, 'a') + "1"));
        QCOMPARE(r.status, 400);
        QCOMPARE(r.body, invalidBody());
        verifyStillServing();
    }

    void backtrackingPatternFailsValidationAndTheWorkerMovesOn()
    {
        QCOMPARE(post(QStringLiteral("/slow"), stringBody("aaaa")).status, 200);
        for (int n : {29, 40, 5000}) {
            const auto r = post(QStringLiteral("/slow"), stringBody(QByteArray(n, 'a') + "!"));
            QCOMPARE(r.status, 400);
            QCOMPARE(r.body, invalidBody());
        }
        verifyStillServing();
    }

    void longPropertyNamesAgainstPatternProperties()
    {
        const QByteArray name(40000, 'k');
        QCOMPARE(post(QStringLiteral("/keys"), "{\"" + name + "\": 1}").status, 200);
        const auto r = post(QStringLiteral("/keys"), "{\"" + name + "\": \"one\"}");
        QCOMPARE(r.status, 400);
        QCOMPARE(r.body, invalidBody());
        QCOMPARE(post(QStringLiteral("/keys"), "{\"" + name + "1\": 1}").status, 400);
        verifyStillServing();
    }

    void recursiveModelValidatesNestedBodies()
    {
        QCOMPARE(post(QStringLiteral("/tree"), "[[],[[],[[]]]]").status, 200);
        QCOMPARE(post(QStringLiteral("/tree"), "[[],[[],[[1]]]]").status, 400);
        // As deep as the JSON parser goes: validation recurses once per level.
        QCOMPARE(post(QStringLiteral("/tree"), QByteArray(1000, '[') + QByteArray(1000, ']')).status, 200);
        verifyStillServing();
    }

    void bodyNestedTenThousandLevelsIsAnInvalidBody()
    {
        for (const QString &path : {QStringLiteral("/tree"), QStringLiteral("/word")}) {
            const auto r = post(path, QByteArray(10000, '[') + QByteArray(10000, ']'));
            QCOMPARE(r.status, 400);
            QCOMPARE(r.body, invalidBody());
        }
        const auto r = post(
            QStringLiteral("/word"), QByteArray(10000, '{').replace("{", "{\"a\":") + "1" + QByteArray(10000, '}'));
        QCOMPARE(r.status, 400);
        verifyStillServing();
    }
};

QTEST_MAIN(TestHostileBodies)
#include "tst_hostilebodies.moc"
