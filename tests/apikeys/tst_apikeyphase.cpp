#include "gateway/deploy/runtimeconfig.h"
#include "gateway/model/deployments.h"
#include "gateway/pipeline/phases/apikeyphase.h"
#include "gateway/pipeline/phases/quotaphase.h"

#include <QTest>

using namespace gw::model;
using gw::pipeline::PhaseResult;
using gw::pipeline::RequestContext;

// The API-key phase on a context built by hand: the AUTHORIZER key source (the authorizer's
// usageIdentifierKey, not the header), what it sets on the context, and $context.identity.
class TestApiKeyPhase : public QObject
{
    Q_OBJECT

    std::shared_ptr<const gw::deploy::RuntimeConfig> m_config;

    std::shared_ptr<RequestContext> context()
    {
        auto ctx = std::make_shared<RequestContext>();
        ctx->config = m_config;
        ctx->api = m_config->api(QStringLiteral("authkeys"));
        ctx->stage = ctx->api->stages.value(QStringLiteral("prod"));
        ctx->deployment = ctx->stage->deployment;
        for (const auto &r : ctx->deployment->resources)
            if (r->path == QLatin1String("/secret"))
                ctx->method = r->method(QStringLiteral("GET"));
        ctx->request.method = "GET";
        ctx->requestTime = QDateTime::currentDateTimeUtc();
        ctx->trace.setEnabled(true);
        return ctx;
    }

private slots:
    void initTestCase()
    {
        Project p;
        Api api = newRestApi(QStringLiteral("AuthKeys"));
        api.id = QStringLiteral("authkeys");
        api.design.apiKeySource = QStringLiteral("AUTHORIZER");
        Resource secret;
        secret.id = QStringLiteral("sec");
        secret.path = QStringLiteral("/secret");
        Method m;
        m.httpMethod = QStringLiteral("GET");
        m.apiKeyRequired = true;
        m.integration = Integration{};
        secret.methods.insert(QStringLiteral("GET"), m);
        api.design.resources.append(secret);
        deploy(api, QStringLiteral("prod"));
        p.apis.append(api);
        p.apiKeys = {{QStringLiteral("k1"), QStringLiteral("one"), {}, QStringLiteral("FromAuthorizer0123456789"), true}};
        UsagePlan plan;
        plan.id = QStringLiteral("plan1");
        plan.apiStages = {{QStringLiteral("authkeys"), QStringLiteral("prod"), {}}};
        plan.apiKeyIds = {QStringLiteral("k1")};
        p.usagePlans = {plan};
        m_config = gw::deploy::compile(p, nullptr);
        QVERIFY(context()->method);
    }

    void keyComesFromTheAuthorizer()
    {
        auto ctx = context();
        ctx->request.headers.append("x-api-key", "FromAuthorizer0123456789"); // ignored with AUTHORIZER
        QCOMPARE(gw::pipeline::ApiKeyPhase().onRequest(ctx, {}), PhaseResult::Respond);
        QCOMPARE(ctx->error->responseType, QStringLiteral("INVALID_API_KEY"));

        ctx = context();
        ctx->authorizer = RequestContext::AuthorizerResult{};
        ctx->authorizer->usageIdentifierKey = QStringLiteral("FromAuthorizer0123456789");
        QCOMPARE(gw::pipeline::ApiKeyPhase().onRequest(ctx, {}), PhaseResult::Continue);
        QCOMPARE(gw::pipeline::QuotaPhase().onRequest(ctx, {}), PhaseResult::Continue);
        QCOMPARE(ctx->apiKeyId, QStringLiteral("k1"));
        QCOMPARE(ctx->usagePlanId, QStringLiteral("plan1"));
        const QJsonObject identity = ctx->contextObject().value(QStringLiteral("identity")).toObject();
        QCOMPARE(identity.value(QStringLiteral("apiKeyId")).toString(), QStringLiteral("k1"));
        QCOMPARE(identity.value(QStringLiteral("apiKey")).toString(), QStringLiteral("FromAuthorizer0123456789"));
        bool succeeded = false;
        for (const auto &line : ctx->trace.lines()) {
            QVERIFY(!line.text.contains(QStringLiteral("FromAuthorizer0123456789")));
            succeeded = succeeded || line.text == QStringLiteral("Usage Plan check succeeded for API Key From**** and API Stage authkeys/prod");
        }
        QVERIFY(succeeded);
    }

    void unknownAuthorizerKeyIsRefused()
    {
        auto ctx = context();
        ctx->authorizer = RequestContext::AuthorizerResult{};
        ctx->authorizer->usageIdentifierKey = QStringLiteral("SomethingElse0123456789");
        QCOMPARE(gw::pipeline::ApiKeyPhase().onRequest(ctx, {}), PhaseResult::Respond);
        QCOMPARE(ctx->error->message, QStringLiteral("Forbidden"));
        QVERIFY(ctx->apiKeyId.isEmpty());
    }
};

QTEST_MAIN(TestApiKeyPhase)
#include "tst_apikeyphase.moc"
