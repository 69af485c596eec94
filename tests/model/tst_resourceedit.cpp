#include "gateway/model/check.h"
#include "gateway/model/deployments.h"
#include "gateway/model/resourceedit.h"

#include <QtTest>

using namespace gw::model;

namespace {

QStringList words(const char *s)
{
    return QString::fromLatin1(s).split(QLatin1Char(' '));
}

QStringList paths(const ApiDefinition &api)
{
    QStringList out;
    for (const auto &r : api.resources)
        out << r.path;
    return out;
}

ApiDefinition tree()
{
    ApiDefinition api = newRestApi(QStringLiteral("t")).design;
    for (const auto &[parent, part] : {std::pair{"/", "pets"}, {"/pets", "{id}"}, {"/pets/{id}", "toys"}, {"/", "users"}})
        if (const QString e = addResource(api, QString::fromLatin1(parent), QString::fromLatin1(part)); !e.isEmpty())
            qFatal("%s", qPrintable(e));
    return api;
}

} // namespace

class TestResourceEdit : public QObject
{
    Q_OBJECT
private slots:
    void addKeepsTreeSortedWithFreshIds()
    {
        const ApiDefinition api = tree();
        QCOMPARE(paths(api), words("/ /pets /pets/{id} /pets/{id}/toys /users"));
        QSet<QString> ids;
        for (const auto &r : api.resources)
            ids.insert(r.id);
        QCOMPARE(ids.size(), api.resources.size());
        QVERIFY(checkDefinition(api, QStringLiteral("api")).isEmpty());
    }

    void addRejectsBadParts_data()
    {
        QTest::addColumn<QString>("parent");
        QTest::addColumn<QString>("part");
        QTest::addColumn<QString>("message");
        QTest::newRow("empty") << QStringLiteral("/") << QStringLiteral(" ") << QStringLiteral("empty");
        QTest::newRow("slash") << QStringLiteral("/") << QStringLiteral("a/b") << QStringLiteral("one segment");
        QTest::newRow("duplicate") << QStringLiteral("/") << QStringLiteral("pets") << QStringLiteral("already exists");
        QTest::newRow("second variable") << QStringLiteral("/pets") << QStringLiteral("{name}") << QStringLiteral("only one");
        QTest::newRow("missing parent") << QStringLiteral("/nope") << QStringLiteral("x") << QStringLiteral("does not exist");
        QTest::newRow("bad characters") << QStringLiteral("/") << QStringLiteral("a b") << QStringLiteral("not allowed");
        QTest::newRow("under greedy") << QStringLiteral("/users") << QStringLiteral("{proxy+}") << QStringLiteral("");
    }
    void addRejectsBadParts()
    {
        QFETCH(QString, parent);
        QFETCH(QString, part);
        QFETCH(QString, message);
        ApiDefinition api = tree();
        if (message.isEmpty()) { // the greedy one is allowed; a child below it is not
            QVERIFY2(addResource(api, parent, part).isEmpty(), "unexpected error");
            QVERIFY(addResource(api, parent + QLatin1Char('/') + part, QStringLiteral("x")).contains(QLatin1String("greedy")));
            return;
        }
        const ApiDefinition before = api;
        QVERIFY2(addResource(api, parent, part).contains(message), qPrintable(addResource(api, parent, part)));
        QCOMPARE(api, before);
    }

    void renameCarriesDescendantsAndMethods()
    {
        ApiDefinition api = tree();
        QVERIFY2(addMethod(api, QStringLiteral("/pets/{id}/toys"), QStringLiteral("get")).isEmpty(), "unexpected error");
        const QString toysId = api.resource(QStringLiteral("/pets/{id}/toys"))->id;
        QString newPath;
        QVERIFY2(renameResource(api, QStringLiteral("/pets"), QStringLiteral("animals"), &newPath).isEmpty(), "unexpected error");
        QCOMPARE(newPath, QStringLiteral("/animals"));
        QCOMPARE(paths(api), words("/ /animals /animals/{id} /animals/{id}/toys /users"));
        QCOMPARE(api.resource(QStringLiteral("/animals/{id}/toys"))->id, toysId);
        QVERIFY(api.resource(QStringLiteral("/animals/{id}/toys"))->methods.contains(QStringLiteral("GET")));
        QVERIFY(renameResource(api, QStringLiteral("/animals"), QStringLiteral("users")).contains(QLatin1String("already exists")));
        QVERIFY(renameResource(api, QStringLiteral("/animals/{id}"), QStringLiteral("{all+}")).contains(QLatin1String("greedy")));
    }

    void moveReparentsButNeverUnderItself()
    {
        ApiDefinition api = tree();
        QString newPath;
        QVERIFY2(moveResource(api, QStringLiteral("/pets/{id}/toys"), QStringLiteral("/users"), &newPath).isEmpty(), "unexpected error");
        QCOMPARE(newPath, QStringLiteral("/users/toys"));
        QCOMPARE(paths(api), words("/ /pets /pets/{id} /users /users/toys"));
        const ApiDefinition before = api;
        QVERIFY(moveResource(api, QStringLiteral("/pets"), QStringLiteral("/pets/{id}")).contains(QLatin1String("under itself")));
        QVERIFY(!moveResource(api, QStringLiteral("/"), QStringLiteral("/pets")).isEmpty());
        QCOMPARE(api, before);
    }

    void deleteRemovesSubtreeOnly()
    {
        ApiDefinition api = tree();
        QVERIFY2(deleteResource(api, QStringLiteral("/pets")).isEmpty(), "unexpected error");
        QCOMPARE(paths(api), words("/ /users"));
        QVERIFY(!deleteResource(api, QStringLiteral("/")).isEmpty());
    }

    void addedMethodIsCallableMockAndDuplicates()
    {
        ApiDefinition api = tree();
        QVERIFY2(addMethod(api, QStringLiteral("/pets"), QStringLiteral("GET")).isEmpty(), "unexpected error");
        const Method &m = api.resource(QStringLiteral("/pets"))->methods[QStringLiteral("GET")];
        QVERIFY(m.integration.has_value());
        QVERIFY(m.integration->type == IntegrationType::Mock);
        QVERIFY(addMethod(api, QStringLiteral("/pets"), QStringLiteral("GET")).contains(QLatin1String("already exists")));
        QVERIFY(addMethod(api, QStringLiteral("/pets"), QStringLiteral("FETCH")).contains(QLatin1String("not an HTTP method")));
        QVERIFY2(duplicateMethod(api, QStringLiteral("/pets"), QStringLiteral("GET"), QStringLiteral("post")).isEmpty(), "unexpected error");
        const Method &copy = api.resource(QStringLiteral("/pets"))->methods[QStringLiteral("POST")];
        QCOMPARE(copy.httpMethod, QStringLiteral("POST"));
        QCOMPARE(copy.integration, m.integration);
        QVERIFY2(deleteMethod(api, QStringLiteral("/pets"), QStringLiteral("GET")).isEmpty(), "unexpected error");
        QVERIFY(!api.resource(QStringLiteral("/pets"))->methods.contains(QStringLiteral("GET")));
    }
};

QTEST_GUILESS_MAIN(TestResourceEdit)
#include "tst_resourceedit.moc"
