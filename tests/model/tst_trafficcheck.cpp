#include "gateway/model/check.h"
#include "gateway/model/deployments.h"
#include "gateway/model/projectfile.h"

#include <QJsonArray>
#include <QTest>

using namespace gw::model;

// check() on throttling, caching and CORS settings, and their JSON round trip.
class TestTrafficCheck : public QObject
{
    Q_OBJECT

    static Project project()
    {
        Project p;
        Api api = newRestApi(QStringLiteral("A"));
        api.id = QStringLiteral("a1");
        deploy(api, QStringLiteral("prod"));
        p.apis = {api};
        return p;
    }
    static bool reports(const Diagnostics &all, const QString &path, const QString &text)
    {
        for (const Diagnostic &d : all)
            if (d.path == path && d.message.contains(text))
                return true;
        return false;
    }

private slots:
    void validSettingsPass()
    {
        Project p = project();
        Stage &s = p.apis[0].stages[0];
        s.cacheClusterEnabled = true;
        s.cacheClusterSize = QStringLiteral("237");
        MethodSetting m;
        m.cacheTtlInSeconds = 3600;
        m.throttlingRateLimit = -1;
        m.throttlingBurstLimit = -1;
        m.unauthorizedCacheControlHeaderStrategy = QStringLiteral("FAIL_WITH_403");
        s.methodSettings.insert(QStringLiteral("*/*"), m);
        s.methodSettings.insert(QStringLiteral("pets~1{id}/GET"), m);
        p.server.accountThrottle = ThrottleSettings{2500.0, 1250};
        QVERIFY(check(p).isEmpty());
    }

    void badSettingsAreReportedWithTheirPath()
    {
        Project p = project();
        Stage &s = p.apis[0].stages[0];
        s.cacheClusterSize = QStringLiteral("1");
        MethodSetting m;
        m.cacheTtlInSeconds = 3601;
        m.throttlingRateLimit = -2;
        m.throttlingBurstLimit = -5;
        m.unauthorizedCacheControlHeaderStrategy = QStringLiteral("IGNORE");
        s.methodSettings.insert(QStringLiteral("pets"), m);
        p.server.accountThrottle = ThrottleSettings{-3.0, std::nullopt};
        UsagePlan plan;
        plan.id = QStringLiteral("p1");
        UsagePlanStage st;
        st.apiId = QStringLiteral("a1");
        st.stage = QStringLiteral("prod");
        st.methodThrottles.insert(QStringLiteral("pets/GET"), ThrottleSettings{1.0, 1});
        plan.apiStages = {st};
        p.usagePlans = {plan};
        const Diagnostics d = check(p);
        const QString ms = QStringLiteral("apis[0].stages[0].methodSettings.pets");
        QVERIFY(reports(d, QStringLiteral("apis[0].stages[0].cacheClusterSize"), QStringLiteral("0.5, 1.6, 6.1")));
        QVERIFY(reports(d, ms, QStringLiteral("{resourcePath}/{HTTP method}")));
        QVERIFY(reports(d, ms + QStringLiteral(".cacheTtlInSeconds"), QStringLiteral("between 0 and 3600")));
        QVERIFY(reports(d, ms + QStringLiteral(".throttlingRateLimit"), QStringLiteral("-1: no limit")));
        QVERIFY(reports(d, ms + QStringLiteral(".throttlingBurstLimit"), QStringLiteral("-1: no limit")));
        QVERIFY(reports(d, ms + QStringLiteral(".unauthorizedCacheControlHeaderStrategy"), QStringLiteral("FAIL_WITH_403")));
        QVERIFY(reports(d, QStringLiteral("server.accountThrottle.rateLimit"), QStringLiteral("rate limit")));
        QVERIFY(reports(d, QStringLiteral("usagePlans[0].apiStages[0].throttle.pets/GET"), QStringLiteral("/pets/GET")));
    }

    void httpCorsConfigurationIsChecked()
    {
        Project p = project();
        p.apis[0].type = ApiType::Http;
        p.apis[0].design.corsConfiguration = QJsonObject{{QStringLiteral("allowOrigins"), QJsonArray{QStringLiteral("*")}},
                                                         {QStringLiteral("allowHeaders"), QStringLiteral("x-a")},
                                                         {QStringLiteral("maxAge"), 100000},
                                                         {QStringLiteral("allowCredentials"), true}};
        const Diagnostics d = check(p);
        const QString path = QStringLiteral("apis[0].design.corsConfiguration");
        QVERIFY(reports(d, path + QStringLiteral(".allowHeaders"), QStringLiteral("list of strings")));
        QVERIFY(reports(d, path + QStringLiteral(".maxAge"), QStringLiteral("-1 to 86400")));
        QVERIFY(reports(d, path + QStringLiteral(".allowCredentials"), QStringLiteral("list the origins")));
    }

    void accountThrottleRoundTrips()
    {
        Project p = project();
        p.server.accountThrottle = ThrottleSettings{2500.5, 1250};
        const LoadResult back = parseProject(serializeProject(p));
        QVERIFY(back.ok);
        QCOMPARE(back.project, p);
        QVERIFY(serializeProject(back.project) == serializeProject(p));
        Project none = project();
        QVERIFY(!serializeProject(none).contains("accountThrottle"));
    }
};

QTEST_GUILESS_MAIN(TestTrafficCheck)
#include "tst_trafficcheck.moc"
