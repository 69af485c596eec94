#include "testissuer.h"

#include "ui/editors/authorizereditor.h"
#include "ui/editors/authorizertestpanel.h"
#include "ui/editors/editorarea.h"
#include "ui/mainwindow.h"
#include "ui/navigatorpanel.h"

#include "gateway/model/deployments.h"
#include "gateway/runtime/engine.h"

#include <QComboBox>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using gw::ui::ItemRef;

// "Test authorizer" in the authorizer editor: the authorizer as designed runs through the
// engine's own pipeline off the GUI thread; the panel shows the principal, the policy the
// JavaScript function returned and its context, or the 401/403/500 decision and why. JWT
// authorizers show the token's claims.
class TestAuthorizerTest : public QObject
{
    Q_OBJECT

    static gw::model::Project project()
    {
        gw::model::Project p;
        p.name = QStringLiteral("guarded");
        p.server.port = 0;
        gw::model::Function f;
        f.name = QStringLiteral("auth");
        f.code = QStringLiteral(
            "const policy = (effect, arn) => ({ Version: '2012-10-17',"
            "  Statement: [{ Action: 'execute-api:Invoke', Effect: effect, Resource: arn }] });\n"
            "exports.handler = async (event) => {\n"
            "  console.log('checking', event.methodArn);\n"
            "  if (event.authorizationToken === 'allow')"
            "    return { principalId: 'alice', policyDocument: policy('Allow', event.methodArn), context: { tier: 'gold', n: 7 } };\n"
            "  if (event.authorizationToken === 'deny')"
            "    return { principalId: 'mallory', policyDocument: policy('Deny', event.methodArn) };\n"
            "  if (event.authorizationToken === 'broken') return { principalId: 'x' };\n"
            "  throw new Error('Unauthorized');\n"
            "};\n");
        p.functions = {f};
        gw::model::Api api = gw::model::newRestApi(QStringLiteral("Guarded"));
        api.id = QStringLiteral("guarded");
        gw::model::Authorizer a;
        a.id = QStringLiteral("fnauth");
        a.name = QStringLiteral("fn");
        a.type = QStringLiteral("TOKEN");
        a.functionName = QStringLiteral("auth");
        api.design.authorizers = {a};
        gw::model::Authorizer jwt;
        jwt.id = QStringLiteral("pool");
        jwt.name = QStringLiteral("pool");
        jwt.type = QStringLiteral("COGNITO_USER_POOLS");
        jwt.providerArns = {QStringLiteral("arn:aws:cognito-idp:us-east-1:000000000000:userpool/us-east-1_test")};
        jwt.issuer = QStringLiteral("https://issuer.test");
        api.design.authorizers.append(jwt);
        p.apis = {api};
        return p;
    }

    // Types the token and clicks Test; returns the status the panel reported.
    static int test(gw::ui::AuthorizerTestPanel *panel, const QString &token)
    {
        auto *field = panel->findChild<QLineEdit *>(QStringLiteral("testToken"));
        field->selectAll();
        QTest::keyClicks(field, token);
        if (token.isEmpty())
            field->clear();
        QSignalSpy finished(panel, &gw::ui::AuthorizerTestPanel::finished);
        QTest::mouseClick(panel->findChild<QPushButton *>(QStringLiteral("testAuthorizer")), Qt::LeftButton);
        if (!panel->isRunning() && finished.isEmpty())
            return -2; // nothing started
        if (!panel->isRunning())
            return finished.first().first().toInt();
        if (!finished.wait(15000))
            return -1;
        return finished.first().first().toInt();
    }

private slots:
    void functionAuthorizerShowsItsPolicyAndDecisions()
    {
        gw::runtime::Engine engine;
        gw::ui::MainWindow window(&engine);
        window.setProject(project(), QString());
        window.show();
        window.navigator()->select(ItemRef{ItemRef::Kind::Authorizer, QStringLiteral("guarded"), {}, {}, QStringLiteral("fnauth")});
        auto *editor = window.editors()->authorizerEditor();
        QCOMPARE(window.editors()->currentEditor(), editor);
        QCOMPARE(editor->findChild<QComboBox *>(QStringLiteral("authorizerFunction"))->currentText(), QStringLiteral("auth"));
        gw::ui::AuthorizerTestPanel *panel = editor->testPanel();

        // Allowed: the principal, the policy as the function returned it, the context.
        auto *field = panel->findChild<QLineEdit *>(QStringLiteral("testToken"));
        QTest::keyClicks(field, QStringLiteral("allow"));
        QSignalSpy finished(panel, &gw::ui::AuthorizerTestPanel::finished);
        QTest::mouseClick(panel->findChild<QPushButton *>(QStringLiteral("testAuthorizer")), Qt::LeftButton);
        QVERIFY(panel->isRunning()); // the GUI thread did not wait for the function
        QVERIFY(finished.wait(15000));
        QCOMPARE(finished.first().first().toInt(), 200);
        const QString allowed = panel->outputText();
        QVERIFY2(allowed.startsWith(QLatin1String("Allowed")), qPrintable(allowed));
        QVERIFY2(allowed.contains(QLatin1String("principalId: alice")), qPrintable(allowed));
        QVERIFY2(allowed.contains(QLatin1String("\"Effect\": \"Allow\"")), qPrintable(allowed));
        QVERIFY2(allowed.contains(QLatin1String("arn:aws:execute-api:us-east-1:000000000000:guarded/dev/GET/")), qPrintable(allowed));
        QVERIFY2(allowed.contains(QLatin1String("\"tier\": \"gold\"")), qPrintable(allowed));
        QVERIFY2(allowed.contains(QLatin1String("\"n\": \"7\"")), qPrintable(allowed)); // stringified as AWS does
        QVERIFY2(allowed.contains(QLatin1String("checking arn:aws:execute-api")), qPrintable(allowed)); // the function's log

        // An explicit Deny: 403 with the policy shown.
        QCOMPARE(test(panel, QStringLiteral("deny")), 403);
        QVERIFY2(panel->outputText().contains(QLatin1String("\"Effect\": \"Deny\"")), qPrintable(panel->outputText()));
        QVERIFY2(panel->outputText().contains(QLatin1String("principalId: mallory")), qPrintable(panel->outputText()));
        // The function says Unauthorized: 401.
        QCOMPARE(test(panel, QStringLiteral("nobody")), 401);
        QVERIFY2(panel->outputText().contains(QLatin1String("Unauthorized")), qPrintable(panel->outputText()));
        // No token at all: 401 without calling the function.
        QCOMPARE(test(panel, QString()), 401);
        QVERIFY2(panel->outputText().contains(QLatin1String("missing")), qPrintable(panel->outputText()));
        QVERIFY2(!panel->outputText().contains(QLatin1String("checking")), qPrintable(panel->outputText()));
        // An answer without a policy is the authorizer's fault: 500.
        QCOMPARE(test(panel, QStringLiteral("broken")), 500);
        QVERIFY2(panel->outputText().contains(QLatin1String("AUTHORIZER_CONFIGURATION_ERROR")), qPrintable(panel->outputText()));

        // The validation expression, as edited and not yet deployed, refuses before the call.
        auto *validation = editor->findChild<QLineEdit *>(QStringLiteral("validationExpression"));
        QTest::keyClicks(validation, QStringLiteral("allow|deny"));
        QCOMPARE(window.project().apis.first().design.authorizers.first().identityValidationExpression, QStringLiteral("allow|deny"));
        QCOMPARE(test(panel, QStringLiteral("nobody")), 401);
        QVERIFY2(panel->outputText().contains(QLatin1String("validation expression")), qPrintable(panel->outputText()));
        QCOMPARE(test(panel, QStringLiteral("allow")), 200);
    }

    void jwtAuthorizerShowsClaimsOrWhyNot()
    {
        gwtest::TestIssuer issuer;
        issuer.addRsaKey(QStringLiteral("k1"));
        gw::model::Project p = project();
        p.apis.first().design.authorizers[1].jwks = issuer.jwks(); // inline keys
        gw::runtime::Engine engine;
        gw::ui::MainWindow window(&engine);
        window.setProject(p, QString());
        window.show();
        window.navigator()->select(ItemRef{ItemRef::Kind::Authorizer, QStringLiteral("guarded"), {}, {}, QStringLiteral("pool")});
        auto *editor = window.editors()->authorizerEditor();
        QCOMPARE(editor->findChild<QComboBox *>(QStringLiteral("jwksSource"))->currentIndex(), int(gw::ui::AuthorizerEditor::Inline));
        gw::ui::AuthorizerTestPanel *panel = editor->testPanel();

        QJsonObject claims = gwtest::standardClaims(QStringLiteral("https://issuer.test"));
        claims.insert(QStringLiteral("token_use"), QStringLiteral("id"));
        claims.insert(QStringLiteral("email"), QStringLiteral("jane@example.com"));
        QCOMPARE(test(panel, QString::fromLatin1(issuer.sign(QStringLiteral("k1"), claims))), 200);
        QVERIFY2(panel->outputText().contains(QLatin1String("\"email\": \"jane@example.com\"")), qPrintable(panel->outputText()));

        QCOMPARE(test(panel, QString::fromLatin1(issuer.sign(QStringLiteral("k1"), gwtest::standardClaims(QStringLiteral("https://issuer.test"), -600)))), 401);
        QVERIFY2(panel->outputText().contains(QLatin1String("expired"), Qt::CaseInsensitive), qPrintable(panel->outputText()));
    }

    // Keys pasted inline: broken JSON is explained and not stored; a JWKS is, and tokens signed
    // with it pass the test at once.
    void inlineKeysAreEditedAndUsed()
    {
        gwtest::TestIssuer issuer;
        issuer.addRsaKey(QStringLiteral("k1"));
        gw::runtime::Engine engine;
        gw::ui::MainWindow window(&engine);
        window.setProject(project(), QString());
        window.show();
        window.navigator()->select(ItemRef{ItemRef::Kind::Authorizer, QStringLiteral("guarded"), {}, {}, QStringLiteral("pool")});
        auto *editor = window.editors()->authorizerEditor();
        auto *source = editor->findChild<QComboBox *>(QStringLiteral("jwksSource"));
        QCOMPARE(source->currentIndex(), int(gw::ui::AuthorizerEditor::FromIssuer));
        source->setFocus();
        QTest::keyClick(source, Qt::Key_Down);
        QTest::keyClick(source, Qt::Key_Down);
        QCOMPARE(source->currentIndex(), int(gw::ui::AuthorizerEditor::Inline));
        auto *inlineKeys = editor->findChild<QPlainTextEdit *>(QStringLiteral("jwksInline"));
        QVERIFY(inlineKeys->isEnabled());
        inlineKeys->selectAll();
        QTest::keyClicks(inlineKeys, QStringLiteral("{\"keys\": ["));
        QVERIFY2(editor->findChild<QLabel *>(QStringLiteral("jwksError"))->text().contains(QLatin1String("not JSON")),
                 qPrintable(editor->findChild<QLabel *>(QStringLiteral("jwksError"))->text()));
        QCOMPARE(window.project().apis.first().design.authorizers[1].jwks, (QJsonObject{{QStringLiteral("keys"), QJsonArray{}}}));
        inlineKeys->selectAll();
        QTest::keyClicks(inlineKeys, QString::fromUtf8(issuer.jwksText()).simplified());
        QCOMPARE(window.project().apis.first().design.authorizers[1].jwks, issuer.jwks());
        QVERIFY(editor->findChild<QLabel *>(QStringLiteral("jwksError"))->text().isEmpty());

        QJsonObject claims = gwtest::standardClaims(QStringLiteral("https://issuer.test"));
        claims.insert(QStringLiteral("token_use"), QStringLiteral("id"));
        QCOMPARE(test(editor->testPanel(), QString::fromLatin1(issuer.sign(QStringLiteral("k1"), claims))), 200);
    }

    // An HTTP API's REQUEST authorizer (payload 2.0, simple responses) tested with headers and a
    // query string; the type list is HTTP API's own.
    void httpApiRequestAuthorizerUsesHeadersAndQuery()
    {
        gw::model::Project p = project();
        gw::model::Function f;
        f.name = QStringLiteral("team");
        f.code = QStringLiteral("exports.handler = async (event) => ({ isAuthorized: event.headers['x-team'] === 'blue' && "
                                "event.queryStringParameters.v === '1', context: { team: event.headers['x-team'] } });");
        p.functions.append(f);
        gw::model::Api http = gw::model::newRestApi(QStringLiteral("Http"));
        http.id = QStringLiteral("httpapi");
        http.type = gw::model::ApiType::Http;
        gw::model::Authorizer a;
        a.id = QStringLiteral("teams");
        a.name = QStringLiteral("teams");
        a.type = QStringLiteral("REQUEST");
        a.functionName = QStringLiteral("team");
        a.identitySource = QStringLiteral("$request.header.X-Team");
        a.enableSimpleResponses = true;
        http.design.authorizers = {a};
        p.apis.append(http);
        gw::runtime::Engine engine;
        gw::ui::MainWindow window(&engine);
        window.setProject(p, QString());
        window.show();
        window.navigator()->select(ItemRef{ItemRef::Kind::Authorizer, QStringLiteral("httpapi"), {}, {}, QStringLiteral("teams")});
        auto *editor = window.editors()->authorizerEditor();
        auto *type = editor->findChild<QComboBox *>(QStringLiteral("authorizerType"));
        QCOMPARE(type->count(), 2);
        QCOMPARE(type->itemText(0), QStringLiteral("JWT"));
        QCOMPARE(type->currentText(), QStringLiteral("REQUEST"));
        gw::ui::AuthorizerTestPanel *panel = editor->testPanel();
        QVERIFY(!panel->findChild<QLineEdit *>(QStringLiteral("testToken"))->isEnabled());

        auto *headers = panel->findChild<QPlainTextEdit *>(QStringLiteral("testHeaders"));
        QTest::keyClicks(headers, QStringLiteral("X-Team: blue"));
        QTest::keyClicks(panel->findChild<QLineEdit *>(QStringLiteral("testQuery")), QStringLiteral("v=1"));
        QVERIFY2(test(panel, {}) == 200, qPrintable(panel->outputText()));
        QVERIFY2(panel->outputText().contains(QLatin1String("\"team\": \"blue\"")), qPrintable(panel->outputText()));
        headers->clear();
        QTest::keyClicks(headers, QStringLiteral("X-Team: red"));
        QCOMPARE(test(panel, {}), 403);
        headers->clear();
        QCOMPARE(test(panel, {}), 401); // the identity source is missing: not called
    }
};

QTEST_MAIN(TestAuthorizerTest)
#include "tst_authorizertest.moc"
