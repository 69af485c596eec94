#include "designerharness.h"
#include "testissuer.h"
#include "upstreamserver.h"

#include "ui/clientpanel.h"
#include "ui/document/projectdocument.h"
#include "ui/document/runtimecontroller.h"
#include "ui/editors/apikeyeditor.h"
#include "ui/editors/authorizereditor.h"
#include "ui/editors/editorarea.h"
#include "ui/editors/keyvaluetable.h"
#include "ui/editors/methodeditor.h"
#include "ui/editors/quotaview.h"
#include "ui/editors/usageplaneditor.h"
#include "ui/editors/validatoreditor.h"
#include "ui/mainwindow.h"
#include "ui/models/projecttreemodel.h"
#include "ui/navigatorpanel.h"
#include "ui/quickjump.h"

#include "gateway/model/deployments.h"
#include "gateway/model/projectfile.h"
#include "gateway/model/resourceedit.h"
#include "gateway/runtime/engine.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QGroupBox>
#include <QJsonDocument>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableWidget>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using gw::ui::ItemRef;
using K = gw::ui::ItemRef::Kind;

// Who may call, designed in the GUI: authorizers, API keys, usage plans and validators made in
// their editors (every edit an undo step), navigated from the tree, saved and loaded back, and
// served: the "done means" driven from the built-in client against a test identity
// provider on loopback.
class TestAccessDesigner : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    static gw::model::Project securedProject()
    {
        gw::model::Project p;
        p.name = QStringLiteral("secured");
        p.server.port = 0;
        gw::model::Api api = gw::model::newRestApi(QStringLiteral("Secure"));
        api.id = QStringLiteral("secure");
        gw::model::addResource(api.design, QStringLiteral("/"), QStringLiteral("hello"));
        gw::model::addMethod(api.design, QStringLiteral("/hello"), QStringLiteral("GET"));
        p.apis = {api};
        return p;
    }

    // Triggers a navigator context-menu action on `ref`, as the user picks it from the menu.
    static void triggerAction(gw::ui::MainWindow &window, const ItemRef &ref, const QString &name)
    {
        QObject owner;
        const auto actions = window.navigator()->actionsFor(ref, &owner);
        for (QAction *a : actions)
            if (a->objectName() == name) {
                a->trigger();
                return;
            }
        QFAIL(qPrintable(QStringLiteral("no action %1 on %2").arg(name, ref.key())));
    }

    static void typeInto(QLineEdit *field, const QString &text)
    {
        QVERIFY(field);
        field->selectAll();
        QTest::keyClicks(field, text);
    }

    static void typeInto(QSpinBox *box, int value)
    {
        QVERIFY(box);
        box->selectAll();
        QTest::keyClicks(box, QString::number(value));
    }

    static void tick(QListWidget *list, const QString &id)
    {
        QVERIFY(list);
        QVERIFY2(gwtest::clickCheckBox(list, id), qPrintable(QStringLiteral("no row with a check box for %1").arg(id)));
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
    }

    // The "done means", all in the GUI: a Cognito user-pool authorizer (keys from a test
    // IdP on loopback), an API key and a usage plan with a quota made in their editors, the method
    // guarded through the method editor, deployed, then called from the client: no token 401,
    // token without key 403, both 200, quota spent 429 — and the plan's quota view counts down.
    void jwtAndApiKeyFromTheClient()
    {
        gwtest::UpstreamServer idp;
        QVERIFY(idp.isListening());
        gwtest::TestIssuer issuer;
        issuer.addRsaKey(QStringLiteral("k1"));
        idp.setHandler([&](const gw::HttpRequest &r) {
            gwtest::UpstreamServer::Answer a;
            a.response.status = r.target == "/.well-known/jwks.json" ? 200 : 404;
            a.response.headers.set("Content-Type", "application/json");
            if (a.response.status == 200)
                a.response.body = issuer.jwksText();
            return a;
        });

        gw::runtime::Engine engine;
        gw::ui::MainWindow window(&engine);
        window.setProject(securedProject(), m_dir.filePath(QStringLiteral("secured.gwproj")));
        window.show();
        QAbstractItemModelTester treeTester(window.navigator()->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(gwtest::startServing(window, engine));
        window.navigator()->select(ItemRef{K::Api, QStringLiteral("secure"), {}, {}, {}});
        window.deploy(QStringLiteral("first"));  // makes the stage the plan will cover
        QVERIFY(window.project().api(QStringLiteral("secure"))->stage(QStringLiteral("dev")));

        // The authorizer: Authorizers → Add authorizer, then its form.
        triggerAction(window, ItemRef{K::Authorizers, QStringLiteral("secure"), {}, {}, {}}, QStringLiteral("addItem"));
        auto *authorizer = window.editors()->authorizerEditor();
        QCOMPARE(window.editors()->currentEditor(), authorizer);
        QCOMPARE(window.project().apis.first().design.authorizers.size(), 1);
        const QString authorizerId = window.project().apis.first().design.authorizers.first().id;
        QCOMPARE(window.navigator()->current(), (ItemRef{K::Authorizer, QStringLiteral("secure"), {}, {}, authorizerId}));
        typeInto(authorizer->findChild<QLineEdit *>(QStringLiteral("authorizerName")), QStringLiteral("pool"));
        auto *type = authorizer->findChild<QComboBox *>(QStringLiteral("authorizerType"));
        QCOMPARE(type->count(), 3); // a REST API: TOKEN, REQUEST, COGNITO_USER_POOLS
        type->setFocus();
        QTest::keyClick(type, Qt::Key_Down);
        QTest::keyClick(type, Qt::Key_Down);
        QCOMPARE(window.project().apis.first().design.authorizers.first().type, QStringLiteral("COGNITO_USER_POOLS"));
        typeInto(authorizer->findChild<QLineEdit *>(QStringLiteral("providerArns")),
                 QStringLiteral("arn:aws:cognito-idp:us-east-1:000000000000:userpool/us-east-1_test"));
        typeInto(authorizer->findChild<QLineEdit *>(QStringLiteral("issuer")), idp.baseUrl());
        auto *ttl = authorizer->findChild<QSpinBox *>(QStringLiteral("resultTtl"));
        QCOMPARE(ttl->maximum(), 3600);
        QCOMPARE(ttl->value(), 300);
        {
            const auto &a = window.project().apis.first().design.authorizers.first();
            QCOMPARE(a.name, QStringLiteral("pool"));
            QCOMPARE(a.issuer, idp.baseUrl());
            QCOMPARE(a.providerArns.size(), 1);
        }
        QVERIFY2(authorizer->problemsText().isEmpty(), qPrintable(authorizer->problemsText()));

        // The key: API keys → Add API key; its value masked until Show.
        triggerAction(window, ItemRef{K::ApiKeys, {}, {}, {}, {}}, QStringLiteral("addItem"));
        auto *keyEditor = window.editors()->apiKeyEditor();
        QCOMPARE(window.editors()->currentEditor(), keyEditor);
        QCOMPARE(window.project().apiKeys.size(), 1);
        const gw::model::ApiKey key = window.project().apiKeys.first();
        QCOMPARE(key.value.size(), 40);
        QCOMPARE(keyEditor->valueField()->echoMode(), QLineEdit::Password);
        typeInto(keyEditor->findChild<QLineEdit *>(QStringLiteral("keyName")), QStringLiteral("partner"));
        QCOMPARE(window.project().apiKeys.first().name, QStringLiteral("partner"));

        // The plan: quota 3 a day on secure/dev, with the key.
        triggerAction(window, ItemRef{K::UsagePlans, {}, {}, {}, {}}, QStringLiteral("addItem"));
        auto *plan = window.editors()->usagePlanEditor();
        QCOMPARE(window.editors()->currentEditor(), plan);
        typeInto(plan->findChild<QLineEdit *>(QStringLiteral("planName")), QStringLiteral("gold"));
        plan->findChild<QGroupBox *>(QStringLiteral("planQuota"))->setChecked(true);
        typeInto(plan->findChild<QSpinBox *>(QStringLiteral("quotaLimit")), 3);
        tick(plan->findChild<QListWidget *>(QStringLiteral("planStages")), QStringLiteral("secure/dev"));
        tick(plan->findChild<QListWidget *>(QStringLiteral("planKeys")), key.id);
        {
            const auto &u = window.project().usagePlans.first();
            QCOMPARE(u.name, QStringLiteral("gold"));
            QVERIFY(u.quota);
            QCOMPARE(u.quota->limit, 3);
            QCOMPARE(u.quota->period, QStringLiteral("DAY"));
            QCOMPARE(u.apiStages.size(), 1);
            QCOMPARE(u.apiKeyIds, QStringList{key.id});
        }
        QVERIFY2(plan->problemsText().isEmpty(), qPrintable(plan->problemsText()));

        // The method: Cognito authorization with that authorizer, API key required.
        window.navigator()->select(ItemRef{K::Method, QStringLiteral("secure"), QStringLiteral("/hello"), QStringLiteral("GET"), {}});
        auto *method = window.editors()->methodEditor();
        QCOMPARE(window.editors()->currentEditor(), method);
        auto *authorization = method->findChild<QComboBox *>(QStringLiteral("authorization"));
        authorization->setFocus();
        QTest::keyClick(authorization, Qt::Key_Down);
        QTest::keyClick(authorization, Qt::Key_Down);
        auto *chosen = method->findChild<QComboBox *>(QStringLiteral("authorizer"));
        QVERIFY(chosen->isEnabled());
        chosen->setFocus();
        QTest::keyClick(chosen, Qt::Key_Down);
        auto *keyRequired = method->findChild<QCheckBox *>(QStringLiteral("apiKeyRequired"));
        QVERIFY(keyRequired->isVisible());
        QTest::mouseClick(keyRequired, Qt::LeftButton, {}, QPoint(6, keyRequired->height() / 2)); // on the box itself
        {
            const auto *m = window.project().api(QStringLiteral("secure"))->design.resource(QStringLiteral("/hello"));
            const auto &get = m->methods.value(QStringLiteral("GET"));
            QCOMPARE(get.authorizationType, QStringLiteral("COGNITO_USER_POOLS"));
            QCOMPARE(get.authorizerId, authorizerId);
            QVERIFY(get.apiKeyRequired);
        }
        window.deploy(QStringLiteral("secured"));
        QVERIFY2(window.noticeText().isEmpty() || !window.noticeText().contains(QLatin1String("Not deployed")), qPrintable(window.noticeText()));

        // The remaining-quota view counts while it is on screen.
        window.navigator()->select(ItemRef{K::UsagePlan, {}, {}, {}, window.project().usagePlans.first().id});
        QCOMPARE(window.editors()->currentEditor(), plan);
        gw::ui::QuotaView *quota = plan->quotaView();
        QTRY_COMPARE_WITH_TIMEOUT(quota->remainingShown(key.id), qint64(3), 5000);

        const QString url = QStringLiteral("http://secure.execute-api.localhost:%1/dev/hello").arg(engine.port());
        QJsonObject claims = gwtest::standardClaims(idp.baseUrl());
        claims.insert(QStringLiteral("token_use"), QStringLiteral("id"));
        claims.insert(QStringLiteral("aud"), QStringLiteral("app-client"));
        const QString token = QString::fromLatin1(issuer.sign(QStringLiteral("k1"), claims));

        QCOMPARE(gwtest::sendFromClient(window, url), 401);
        QCOMPARE(window.client()->lastResponse().body, QByteArray("{\"message\":\"Unauthorized\"}"));
        QTest::keyClicks(window.client()->findChild<QLineEdit *>(QStringLiteral("clientBearer")), token);
        QCOMPARE(gwtest::sendFromClient(window, url), 403);
        QCOMPARE(window.client()->lastResponse().body, QByteArray("{\"message\":\"Forbidden\"}"));
        QTest::keyClicks(window.client()->findChild<QLineEdit *>(QStringLiteral("clientApiKey")), key.value);
        QCOMPARE(gwtest::sendFromClient(window, url), 200);
        QTRY_COMPARE_WITH_TIMEOUT(quota->remainingShown(key.id), qint64(2), 5000);
        QCOMPARE(gwtest::sendFromClient(window, url), 200);
        QCOMPARE(gwtest::sendFromClient(window, url), 200);
        QTRY_COMPARE_WITH_TIMEOUT(quota->remainingShown(key.id), qint64(0), 5000);
        QCOMPARE(gwtest::sendFromClient(window, url), 429);
        QCOMPARE(window.client()->lastResponse().body, QByteArray("{\"message\":\"Limit Exceeded\"}"));
        QCOMPARE(quota->table()->item(0, 1)->text(), QStringLiteral("3")); // used
        engine.stop();
    }

    // Validator, key and plan edits made in their editors survive save and reload exactly; the key
    // is masked until Show, and Generate makes a new value as the engine makes them.
    void editsSurviveSaveAndReload()
    {
        gw::model::Project start = securedProject();
        gw::model::deploy(start.apis.first(), QStringLiteral("dev"), QStringLiteral("first"));
        const QString file = m_dir.filePath(QStringLiteral("roundtrip.gwproj"));
        gw::runtime::Engine engine;
        gw::ui::MainWindow window(&engine);
        window.setProject(start, file);
        window.show();

        // A validator for bodies only, used by GET /hello.
        triggerAction(window, ItemRef{K::Validators, QStringLiteral("secure"), {}, {}, {}}, QStringLiteral("addItem"));
        auto *validator = window.editors()->validatorEditor();
        QCOMPARE(window.editors()->currentEditor(), validator);
        const QString validatorId = window.project().apis.first().design.requestValidators.first().id;
        typeInto(validator->findChild<QLineEdit *>(QStringLiteral("validatorName")), QStringLiteral("bodyOnly"));
        auto *parameters = validator->findChild<QCheckBox *>(QStringLiteral("validateParameters"));
        QVERIFY(parameters->isChecked());
        QTest::mouseClick(parameters, Qt::LeftButton, {}, QPoint(6, parameters->height() / 2));
        QVERIFY(!window.project().apis.first().design.requestValidators.first().validateRequestParameters);
        QVERIFY(window.project().apis.first().design.requestValidators.first().validateRequestBody);
        QVERIFY(validator->usedByText().contains(QLatin1String("no method")));
        window.navigator()->select(ItemRef{K::Method, QStringLiteral("secure"), QStringLiteral("/hello"), QStringLiteral("GET"), {}});
        auto *chooser = window.editors()->methodEditor()->findChild<QComboBox *>(QStringLiteral("requestValidator"));
        chooser->setFocus();
        QTest::keyClick(chooser, Qt::Key_Down);
        QCOMPARE(window.project().apis.first().design.resource(QStringLiteral("/hello"))->methods.value(QStringLiteral("GET")).requestValidatorId,
                 validatorId);
        window.navigator()->select(ItemRef{K::Validator, QStringLiteral("secure"), {}, {}, validatorId});
        QCOMPARE(validator->usedByText(), QStringLiteral("GET /hello"));

        // A key: masked, shown on request, regenerated, described, disabled.
        triggerAction(window, ItemRef{K::ApiKeys, {}, {}, {}, {}}, QStringLiteral("addItem"));
        auto *key = window.editors()->apiKeyEditor();
        const QString firstValue = window.project().apiKeys.first().value;
        QCOMPARE(key->valueField()->echoMode(), QLineEdit::Password);
        QCOMPARE(key->valueField()->displayText() == firstValue, false);
        auto *show = key->findChild<QPushButton *>(QStringLiteral("showKey"));
        QTest::mouseClick(show, Qt::LeftButton);
        QCOMPARE(key->valueField()->echoMode(), QLineEdit::Normal);
        QCOMPARE(key->valueField()->displayText(), firstValue);
        QTest::mouseClick(show, Qt::LeftButton);
        QCOMPARE(key->valueField()->echoMode(), QLineEdit::Password);
        QTest::mouseClick(key->findChild<QPushButton *>(QStringLiteral("generateKey")), Qt::LeftButton);
        const QString generated = window.project().apiKeys.first().value;
        QVERIFY(generated != firstValue);
        QVERIFY(QRegularExpression(QStringLiteral("^[A-Za-z0-9]{40}$")).match(generated).hasMatch());
        QCOMPARE(key->valueField()->text(), generated);
        typeInto(key->findChild<QLineEdit *>(QStringLiteral("keyDescription")), QStringLiteral("for the partner portal"));
        auto *enabled = key->findChild<QCheckBox *>(QStringLiteral("keyEnabled"));
        QTest::mouseClick(enabled, Qt::LeftButton, {}, QPoint(6, enabled->height() / 2));
        QVERIFY(!window.project().apiKeys.first().enabled);
        const QString keyId = window.project().apiKeys.first().id;

        // A plan with throttle, weekly quota with an offset, the stage, a method override, the key.
        triggerAction(window, ItemRef{K::UsagePlans, {}, {}, {}, {}}, QStringLiteral("addItem"));
        auto *plan = window.editors()->usagePlanEditor();
        typeInto(plan->findChild<QLineEdit *>(QStringLiteral("planDescription")), QStringLiteral("weekly"));
        plan->findChild<QGroupBox *>(QStringLiteral("planThrottle"))->setChecked(true);
        auto *rate = plan->findChild<QDoubleSpinBox *>(QStringLiteral("planRate"));
        rate->selectAll();
        QTest::keyClicks(rate, QStringLiteral("12.5"));
        typeInto(plan->findChild<QSpinBox *>(QStringLiteral("planBurst")), 7);
        plan->findChild<QGroupBox *>(QStringLiteral("planQuota"))->setChecked(true);
        typeInto(plan->findChild<QSpinBox *>(QStringLiteral("quotaLimit")), 500);
        auto *period = plan->findChild<QComboBox *>(QStringLiteral("quotaPeriod"));
        period->setFocus();
        QTest::keyClick(period, Qt::Key_Down);
        typeInto(plan->findChild<QSpinBox *>(QStringLiteral("quotaOffset")), 2);
        tick(plan->findChild<QListWidget *>(QStringLiteral("planStages")), QStringLiteral("secure/dev"));
        plan->findChild<gw::ui::KeyValueTable *>(QStringLiteral("planMethodThrottles"))
            ->addRow(gw::ui::UsagePlanEditor::methodThrottleKey(QStringLiteral("secure"), QStringLiteral("dev"), QStringLiteral("/hello/GET")),
                     QStringLiteral("5/2"));
        tick(plan->findChild<QListWidget *>(QStringLiteral("planKeys")), keyId);
        {
            const auto &u = window.project().usagePlans.first();
            QCOMPARE(u.description, QStringLiteral("weekly"));
            QVERIFY(u.throttle);
            QCOMPARE(*u.throttle->rateLimit, 12.5);
            QCOMPARE(*u.throttle->burstLimit, 7);
            QCOMPARE(u.quota->limit, 500);
            QCOMPARE(u.quota->period, QStringLiteral("WEEK"));
            QCOMPARE(u.quota->offset, 2);
            QCOMPARE(u.apiStages.size(), 1);
            QCOMPARE(*u.apiStages.first().methodThrottles.value(QStringLiteral("/hello/GET")).rateLimit, 5.0);
            QCOMPARE(*u.apiStages.first().methodThrottles.value(QStringLiteral("/hello/GET")).burstLimit, 2);
            QCOMPARE(u.apiKeyIds, QStringList{keyId});
        }
        QVERIFY2(plan->problemsText().isEmpty(), qPrintable(plan->problemsText()));

        QVERIFY(window.save());
        const gw::model::Project saved = window.project();
        gw::ui::MainWindow reopened(&engine);
        QVERIFY(reopened.openFile(file));
        QVERIFY(reopened.project() == saved);
        // And the reopened editors show it: the key is in the plan, still masked.
        reopened.show();
        reopened.navigator()->select(ItemRef{K::ApiKey, {}, {}, {}, keyId});
        auto *reopenedKey = reopened.editors()->apiKeyEditor();
        QCOMPARE(reopenedKey->valueField()->text(), generated);
        QCOMPARE(reopenedKey->valueField()->echoMode(), QLineEdit::Password);
        QCOMPARE(reopenedKey->plansList()->count(), 1);
        QCOMPARE(reopenedKey->plansList()->item(0)->checkState(), Qt::Checked);
    }

    // The navigator's folders list what the project holds; deleting a key takes it out of its
    // plans (as AWS does) in one undo step.
    void deletingAKeyTakesItOutOfItsPlans()
    {
        gw::model::Project p = securedProject();
        p.apiKeys = {{QStringLiteral("k1"), QStringLiteral("one"), {}, QStringLiteral("abcdefghijklmnopqrst1"), true},
                     {QStringLiteral("k2"), QStringLiteral("two"), {}, QStringLiteral("abcdefghijklmnopqrst2"), false}};
        gw::model::UsagePlan plan;
        plan.id = QStringLiteral("p1");
        plan.name = QStringLiteral("basic");
        plan.apiKeyIds = {QStringLiteral("k1"), QStringLiteral("k2")};
        p.usagePlans = {plan};
        gw::runtime::Engine engine;
        gw::ui::MainWindow window(&engine);
        window.setProject(p, QString());
        window.show();
        QAbstractItemModelTester tester(window.navigator()->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        gw::ui::ProjectTreeModel *tree = window.navigator()->model();
        const QModelIndex keys = tree->indexOf(ItemRef{K::ApiKeys, {}, {}, {}, {}});
        QCOMPARE(tree->rowCount(keys), 2);
        QCOMPARE(tree->index(1, 0, keys).data().toString(), QStringLiteral("two (disabled)"));
        QCOMPARE(tree->rowCount(tree->indexOf(ItemRef{K::UsagePlans, {}, {}, {}, {}})), 1);
        for (K folder : {K::Authorizers, K::Models, K::Validators})
            QVERIFY(tree->indexOf(ItemRef{folder, QStringLiteral("secure"), {}, {}, {}}).isValid());

        triggerAction(window, ItemRef{K::ApiKey, {}, {}, {}, QStringLiteral("k1")}, QStringLiteral("delete"));
        QCOMPARE(window.project().apiKeys.size(), 1);
        QCOMPARE(window.project().usagePlans.first().apiKeyIds, QStringList{QStringLiteral("k2")});
        QCOMPARE(tree->rowCount(tree->indexOf(ItemRef{K::ApiKeys, {}, {}, {}, {}})), 1);
        window.document()->undoStack()->undo();
        QVERIFY(window.project() == p);

        // Ctrl+K finds keys and plans by name too.
        window.jumpTo();
        window.quickJump()->setFilter(QStringLiteral("plan basic"));
        QCOMPARE(window.quickJump()->visibleEntries(), QStringList{QStringLiteral("usage plan basic")});
        window.quickJump()->choose();
        QCOMPARE(window.navigator()->current(), (ItemRef{K::UsagePlan, {}, {}, {}, QStringLiteral("p1")}));
        QCOMPARE(window.editors()->currentEditor(), window.editors()->usagePlanEditor());
    }
};

QTEST_MAIN(TestAccessDesigner)
#include "tst_accessdesigner.moc"
