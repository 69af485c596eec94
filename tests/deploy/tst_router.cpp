#include "gateway/deploy/router.h"
#include "gateway/deploy/runtimeconfig.h"

#include <QTest>

using gw::deploy::CompiledResource;
using gw::deploy::Router;

class TestRouter : public QObject
{
    Q_OBJECT

    std::vector<std::unique_ptr<CompiledResource>> m_resources;

    Router build(const QStringList &paths)
    {
        Router router;
        for (const QString &p : paths) {
            auto r = std::make_unique<CompiledResource>();
            r->path = p;
            router.add(p, r.get());
            m_resources.push_back(std::move(r));
        }
        return router;
    }

private slots:
    void matchFollowsApiGatewayPrecedence_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("resource");
        QTest::addColumn<QString>("params");
        QTest::newRow("root") << "/" << "/" << "";
        QTest::newRow("static") << "/pets" << "/pets" << "";
        QTest::newRow("trailing slash ignored") << "/pets/" << "/pets" << "";
        QTest::newRow("param") << "/pets/12" << "/pets/{petId}" << "petId=12";
        QTest::newRow("static beats param") << "/pets/special" << "/pets/special" << "";
        QTest::newRow("nested under param") << "/pets/12/toys" << "/pets/{petId}/toys" << "petId=12";
        QTest::newRow("backtracks to greedy") << "/pets/12/other" << "/{proxy+}" << "proxy=pets/12/other";
        QTest::newRow("greedy keeps double slash") << "/files/a//b" << "/files/{path+}" << "path=a//b";
        QTest::newRow("greedy drops trailing slash") << "/files/a/b/" << "/files/{path+}" << "path=a/b";
        QTest::newRow("intermediate without resource falls to greedy") << "/a/b" << "/{proxy+}" << "proxy=a/b";
        QTest::newRow("deep static") << "/a/b/c" << "/a/b/c" << "";
        QTest::newRow("param not decoded") << "/pets/test%2Balias" << "/pets/{petId}" << "petId=test%2Balias";
        QTest::newRow("case sensitive") << "/PETS" << "/{proxy+}" << "proxy=PETS";
    }
    void matchFollowsApiGatewayPrecedence()
    {
        QFETCH(QString, path);
        QFETCH(QString, resource);
        QFETCH(QString, params);
        const Router router = build({QStringLiteral("/"), QStringLiteral("/pets"), QStringLiteral("/pets/{petId}"),
                                     QStringLiteral("/pets/{petId}/toys"), QStringLiteral("/pets/special"),
                                     QStringLiteral("/{proxy+}"), QStringLiteral("/files"), QStringLiteral("/files/{path+}"),
                                     QStringLiteral("/a"), QStringLiteral("/a/b/c")});
        const auto match = router.match(path);
        QVERIFY(match);
        QCOMPARE(match->resource->path, resource);
        QStringList got;
        for (const auto &p : match->pathParameters)
            got.append(p.first + QLatin1Char('=') + p.second);
        QCOMPARE(got.join(QLatin1Char('&')), params);
    }

    void unmatchedPathHasNoResource_data()
    {
        QTest::addColumn<QString>("path");
        QTest::newRow("unknown") << "/nope";
        QTest::newRow("too deep") << "/pets/1/toys/2";
        QTest::newRow("intermediate without methods resource") << "/a/b";
        QTest::newRow("empty param segment") << "/pets//toys";
    }
    void unmatchedPathHasNoResource()
    {
        QFETCH(QString, path);
        const Router router = build({QStringLiteral("/"), QStringLiteral("/pets"), QStringLiteral("/pets/{petId}"),
                                     QStringLiteral("/pets/{petId}/toys"), QStringLiteral("/a"), QStringLiteral("/a/b/c")});
        QVERIFY(!router.match(path));
    }

    void greedyNeedsAtLeastOneSegment()
    {
        const Router router = build({QStringLiteral("/{proxy+}")});
        QVERIFY(!router.match(QStringLiteral("/")));
        QVERIFY(router.match(QStringLiteral("/x")));
    }

    void exactMethodBeatsAny()
    {
        CompiledResource r;
        gw::deploy::CompiledMethod get;
        get.method.httpMethod = QStringLiteral("GET");
        gw::deploy::CompiledMethod any;
        any.method.httpMethod = QStringLiteral("ANY");
        r.methods.insert(QStringLiteral("GET"), get);
        r.methods.insert(QStringLiteral("ANY"), any);
        QCOMPARE(r.method(QStringLiteral("GET"))->method.httpMethod, QStringLiteral("GET"));
        QCOMPARE(r.method(QStringLiteral("DELETE"))->method.httpMethod, QStringLiteral("ANY"));
        r.methods.remove(QStringLiteral("ANY"));
        QVERIFY(!r.method(QStringLiteral("HEAD"))); // HEAD is not implied by GET
    }
};

QTEST_GUILESS_MAIN(TestRouter)
#include "tst_router.moc"
