#include "gateway/model/check.h"
#include "gateway/model/deployments.h"

#include <QTest>

using namespace gw::model;

static Method mockMethod()
{
    Method m;
    m.httpMethod = QStringLiteral("GET");
    m.integration = Integration{};
    return m;
}

static Resource resource(const QString &path, const QString &id)
{
    Resource r;
    r.path = path;
    r.id = id;
    return r;
}

class TestCheck : public QObject
{
    Q_OBJECT
private slots:
    void newApiIsClean()
    {
        Project p;
        p.apis.append(newRestApi(QStringLiteral("A")));
        QVERIFY(check(p).isEmpty());
    }

    void problemsCarryTheirPath_data()
    {
        QTest::addColumn<int>("mutation");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("messagePart");
        QTest::newRow("greedy with child") << 0 << "apis[0].design.resources[2].path" << "greedy";
        QTest::newRow("two variable siblings") << 1 << "apis[0].design.resources[2].path" << "variable path part";
        QTest::newRow("missing parent") << 2 << "apis[0].design.resources[1].path" << "parent resource /a does not exist";
        QTest::newRow("empty http uri") << 3 << "apis[0].design.resources[0].methods.GET.integration.uri" << "URI is empty";
        QTest::newRow("timeout range") << 4 << "apis[0].design.resources[0].methods.GET.integration.timeoutInMillis" << "between 50 and 29000";
        QTest::newRow("bad verb") << 5 << "apis[0].design.resources[0].methods.FETCH" << "not an HTTP method";
        QTest::newRow("no integration") << 6 << "apis[0].design.resources[0].methods.GET.integration" << "no integration";
        QTest::newRow("bad selection pattern") << 7 << "apis[0].design.resources[0].methods.GET.integration.integrationResponses[0].selectionPattern" << "regular expression";
        QTest::newRow("unknown deployment") << 8 << "apis[0].stages[0].deploymentId" << "does not exist";
        QTest::newRow("bad stage variable") << 9 << "apis[0].stages[0].variables.bad name" << "letters, digits or underscores";
        QTest::newRow("bad api id") << 10 << "apis[0].id" << "lower-case";
        QTest::newRow("duplicate path") << 11 << "apis[0].design.resources[1].path" << "already has the path";
    }
    void problemsCarryTheirPath()
    {
        QFETCH(int, mutation);
        QFETCH(QString, path);
        QFETCH(QString, messagePart);
        Project p;
        Api api = newRestApi(QStringLiteral("A"));
        api.id = QStringLiteral("abc");
        api.design.resources.first().methods.insert(QStringLiteral("GET"), mockMethod());
        ApiDefinition &d = api.design;
        switch (mutation) {
        case 0: d.resources << resource(QStringLiteral("/{proxy+}"), QStringLiteral("g")) << resource(QStringLiteral("/{proxy+}/x"), QStringLiteral("x")); break;
        case 1: d.resources << resource(QStringLiteral("/{a}"), QStringLiteral("a")) << resource(QStringLiteral("/{b}"), QStringLiteral("b")); break;
        case 2: d.resources << resource(QStringLiteral("/a/b"), QStringLiteral("b")); break;
        case 3: d.resources[0].methods[QStringLiteral("GET")].integration->type = IntegrationType::Http; break;
        case 4: d.resources[0].methods[QStringLiteral("GET")].integration->timeoutInMillis = 30000; break;
        case 5: d.resources[0].methods.insert(QStringLiteral("FETCH"), mockMethod()); break;
        case 6: d.resources[0].methods[QStringLiteral("GET")].integration.reset(); break;
        case 7: d.resources[0].methods[QStringLiteral("GET")].integration->integrationResponses.append({QStringLiteral("(unclosed"), QStringLiteral("200"), {}, {}, {}}); break;
        case 8: { Stage s; s.name = QStringLiteral("dev"); s.deploymentId = QStringLiteral("nope"); api.stages.append(s); break; }
        case 9: { deploy(api, QStringLiteral("dev")); api.stages[0].variables.insert(QStringLiteral("bad name"), QStringLiteral("v")); break; }
        case 10: api.id = QStringLiteral("Bad_Id"); break;
        case 11: d.resources << resource(QStringLiteral("/"), QStringLiteral("dup")); break;
        }
        p.apis.append(api);
        const Diagnostics found = check(p);
        bool seen = false;
        for (const auto &diag : found)
            if (diag.path == path && diag.message.contains(messagePart))
                seen = true;
        if (!seen) {
            for (const auto &diag : found)
                qWarning() << diag.toString();
        }
        QVERIFY(seen);
    }

    void diagnosticFormatsAsFilePathMessage()
    {
        const Diagnostic d{Diagnostic::Severity::Error, QStringLiteral("apis[0].name"), QStringLiteral("API name is empty")};
        QCOMPARE(d.toString(QStringLiteral("p.gwproj")), QStringLiteral("p.gwproj:apis[0].name: API name is empty"));
    }

    void resourcePathRules_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<bool>("valid");
        QTest::newRow("root") << "/" << true;
        QTest::newRow("static") << "/pets" << true;
        QTest::newRow("param") << "/pets/{id}" << true;
        QTest::newRow("greedy") << "/{proxy+}" << true;
        QTest::newRow("no slash") << "pets" << false;
        QTest::newRow("trailing slash") << "/pets/" << false;
        QTest::newRow("empty segment") << "/a//b" << false;
        QTest::newRow("greedy not last") << "/{p+}/x" << false;
        QTest::newRow("bad param") << "/{a b}" << false;
    }
    void resourcePathRules()
    {
        QFETCH(QString, path);
        QFETCH(bool, valid);
        QCOMPARE(checkResourcePath(path).isEmpty(), valid);
    }
};

QTEST_GUILESS_MAIN(TestCheck)
#include "tst_check.moc"
