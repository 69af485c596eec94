#include "gatewayclient.h"
#include "testproject.h"

#include "gateway/deploy/runtimeconfig.h"
#include "gateway/model/check.h"
#include "gateway/model/deployments.h"
#include "gateway/runtime/engine.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace gw::model;

// API keys and usage plans over real sockets (reference §5.8): 403 {"message":"Forbidden"} for a
// missing, unknown or disabled key or one without a plan on this stage; 429 {"message":"Limit
// Exceeded"} once the plan's quota is spent; the key never in clear in traces or logs.
class TestApiKeyGateway : public QObject
{
    Q_OBJECT

    static constexpr char kGood[] = "GoodKey0123456789abcdefghij";
    static constexpr char kDisabled[] = "DisabledKey0123456789abcdef";
    static constexpr char kProdOnly[] = "ProdOnlyKey0123456789abcdef";
    static constexpr char kMetered[] = "MeteredKey0123456789abcdefg";
    static constexpr char kUnknown[] = "UnknownKey0123456789abcdefg";

    QTemporaryDir m_dir;
    gw::runtime::Engine m_engine;
    gwtest::GatewayClient m_client;
    Project m_project;

    QString url(const QString &stage, const QString &path) const
    {
        return QStringLiteral("http://127.0.0.1:%1/restapis/keyapi/%2/_user_request_%3").arg(m_engine.port()).arg(stage, path);
    }
    gwtest::Reply get(const QString &stage, const QString &path, const QByteArray &key = {})
    {
        QList<QPair<QByteArray, QByteArray>> headers;
        if (!key.isEmpty())
            headers.append({"X-API-Key", key});
        return m_client.send("GET", url(stage, path), headers);
    }
    static ApiKey key(const QString &id, const char *value, bool enabled = true)
    {
        ApiKey k;
        k.id = id;
        k.name = id + QStringLiteral("-name");
        k.value = QString::fromLatin1(value);
        k.enabled = enabled;
        return k;
    }
    static UsagePlan plan(const QString &id, const QStringList &stages, const QStringList &keys)
    {
        UsagePlan p;
        p.id = id;
        p.name = id;
        for (const QString &s : stages)
            p.apiStages.append({QStringLiteral("keyapi"), s, {}});
        p.apiKeyIds = keys;
        return p;
    }
    void verifyForbidden(const gwtest::Reply &r)
    {
        QCOMPARE(r.status, 403);
        QCOMPARE(QJsonDocument::fromJson(r.body).object(), QJsonObject({{QStringLiteral("message"), QStringLiteral("Forbidden")}}));
        QCOMPARE(r.header("x-amzn-ErrorType"), QByteArray("ForbiddenException"));
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        Api api = newRestApi(QStringLiteral("Keys"));
        api.id = QStringLiteral("keyapi");
        gwtest::addResource(api, QStringLiteral("/open")).methods.insert(QStringLiteral("GET"),
            gwtest::mockMethod(QStringLiteral("GET"), 200, QStringLiteral("{\"open\":true}")));
        Method secret = gwtest::mockMethod(QStringLiteral("GET"), 200, QStringLiteral("{\"secret\":true}"));
        secret.apiKeyRequired = true;
        gwtest::addResource(api, QStringLiteral("/secret")).methods.insert(QStringLiteral("GET"), secret);
        Method metered = secret;
        gwtest::addResource(api, QStringLiteral("/metered")).methods.insert(QStringLiteral("GET"), metered);
        m_project.apis.append(api);
        deploy(m_project.apis[0], QStringLiteral("dev"));
        deploy(m_project.apis[0], QStringLiteral("prod"));
        Stage *dev = m_project.apis[0].stage(QStringLiteral("dev"));
        dev->accessLogFormat = QStringLiteral("$context.requestId $context.identity.apiKeyId $context.identity.apiKey $context.status");
        dev->accessLogDestination = QStringLiteral("access.log");

        m_project.apiKeys = {key(QStringLiteral("kgood"), kGood), key(QStringLiteral("kdisabled"), kDisabled, false),
                             key(QStringLiteral("kprod"), kProdOnly), key(QStringLiteral("kmeter"), kMetered)};
        m_project.usagePlans = {plan(QStringLiteral("basic"), {QStringLiteral("dev"), QStringLiteral("prod")},
                                     {QStringLiteral("kgood"), QStringLiteral("kdisabled")}),
                                plan(QStringLiteral("prodplan"), {QStringLiteral("prod")}, {QStringLiteral("kprod")}),
                                plan(QStringLiteral("metered"), {QStringLiteral("dev")}, {QStringLiteral("kmeter")})};
        m_project.usagePlans[2].quota = QuotaSettings{3, 0, QStringLiteral("MONTH")};
        QVERIFY(check(m_project).isEmpty());
        Diagnostics diagnostics;
        m_engine.deploy(gw::deploy::compile(m_project, &diagnostics, m_dir.path()));
        QVERIFY(diagnostics.isEmpty());
        gw::runtime::EngineOptions options;
        options.captureDetails = true;
        QVERIFY(gwtest::startOnFreePort(m_engine, options));
    }

    void methodWithoutKeyRequirementNeedsNoKey()
    {
        QCOMPARE(get(QStringLiteral("dev"), QStringLiteral("/open")).status, 200);
        QCOMPARE(get(QStringLiteral("dev"), QStringLiteral("/open"), kUnknown).status, 200);
    }

    void missingKeyIsForbidden() { verifyForbidden(get(QStringLiteral("dev"), QStringLiteral("/secret"))); }
    void unknownKeyIsForbidden() { verifyForbidden(get(QStringLiteral("dev"), QStringLiteral("/secret"), kUnknown)); }
    void disabledKeyIsForbidden() { verifyForbidden(get(QStringLiteral("dev"), QStringLiteral("/secret"), kDisabled)); }

    void keyWithoutPlanOnThisStageIsForbidden()
    {
        verifyForbidden(get(QStringLiteral("dev"), QStringLiteral("/secret"), kProdOnly));
        QCOMPARE(get(QStringLiteral("prod"), QStringLiteral("/secret"), kProdOnly).status, 200);
    }

    void validKeyIsServed()
    {
        const auto r = get(QStringLiteral("dev"), QStringLiteral("/secret"), kGood);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body, QByteArray("{\"secret\":true}"));
        // The header name is case-insensitive.
        QCOMPARE(m_client.send("GET", url(QStringLiteral("prod"), QStringLiteral("/secret")), {{"x-api-key", kGood}}).status, 200);
    }

    void quotaIsEnforcedAndSurvivesRedeploy()
    {
        for (int i = 0; i < 3; ++i)
            QCOMPARE(get(QStringLiteral("dev"), QStringLiteral("/metered"), kMetered).status, 200);
        const auto r = get(QStringLiteral("dev"), QStringLiteral("/metered"), kMetered);
        QCOMPARE(r.status, 429);
        QCOMPARE(QJsonDocument::fromJson(r.body).object(), QJsonObject({{QStringLiteral("message"), QStringLiteral("Limit Exceeded")}}));
        QCOMPARE(r.header("x-amzn-ErrorType"), QByteArray("LimitExceededException"));
        QCOMPARE(m_engine.config()->quotas->remaining(QStringLiteral("metered"), QStringLiteral("kmeter"),
                                                      *m_project.usagePlans[2].quota), 0);
        // A redeploy keeps the count: the key stays limited.
        m_engine.deploy(gw::deploy::compile(m_project, nullptr, m_dir.path()));
        QTest::qWait(50);
        QCOMPARE(get(QStringLiteral("dev"), QStringLiteral("/metered"), kMetered).status, 429);
        // Methods that do not require a key do not count (and are not limited).
        QCOMPARE(get(QStringLiteral("dev"), QStringLiteral("/open"), kMetered).status, 200);
    }

    void keyIsMaskedInTracesAndLogs()
    {
        const auto r = get(QStringLiteral("dev"), QStringLiteral("/secret"), kGood);
        QCOMPARE(r.status, 200);
        const QString requestId = QString::fromLatin1(r.header("x-amzn-RequestId"));
        QVERIFY(!requestId.isEmpty());
        std::optional<gw::runtime::RequestRecord> record;
        QTRY_VERIFY((record = m_engine.traces()->find(requestId)).has_value());
        QString trace;
        for (const auto &line : record->trace)
            trace += line.text + QLatin1Char('\n');
        QVERIFY2(trace.contains(QStringLiteral("Usage Plan check succeeded for API Key Good**** and API Stage keyapi/dev")), qPrintable(trace));
        QVERIFY2(!trace.contains(QLatin1String(kGood)), qPrintable(trace));
        QCOMPARE(record->request.headers.value("x-api-key"), QByteArray("Good****"));
        QVERIFY(!QJsonDocument(gw::runtime::TraceStore::toJson(*record)).toJson().contains(kGood));

        m_engine.accessLogs()->flushAll();
        QFile log(m_dir.filePath(QStringLiteral("access.log")));
        QVERIFY(log.open(QIODevice::ReadOnly));
        const QByteArray lines = log.readAll();
        QVERIFY(!lines.contains(kGood));
        QVERIFY2(lines.contains(QByteArray(requestId.toLatin1() + " kgood Good**** 200")), lines.constData());
    }

    void refusalIsOneTraceLine()
    {
        const auto r = get(QStringLiteral("dev"), QStringLiteral("/secret"), kUnknown);
        QCOMPARE(r.status, 403);
        std::optional<gw::runtime::RequestRecord> record;
        QTRY_VERIFY((record = m_engine.traces()->find(QString::fromLatin1(r.header("x-amzn-RequestId")))).has_value());
        int refusals = 0;
        for (const auto &line : record->trace)
            refusals += line.text.startsWith(QLatin1String("API Key Unkn**** not authorized because method 'GET /secret' requires API Key"));
        QCOMPARE(refusals, 1);
    }
};

QTEST_MAIN(TestApiKeyGateway)
#include "tst_apikeygateway.moc"
