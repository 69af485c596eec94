#include "designerharness.h"

#include "ui/clientpanel.h"
#include "ui/document/projectdocument.h"
#include "ui/document/runtimecontroller.h"
#include "ui/editors/apieditor.h"
#include "ui/editors/cachestatsview.h"
#include "ui/editors/corsdialog.h"
#include "ui/editors/editorarea.h"
#include "ui/editors/integrationeditor.h"
#include "ui/editors/methodeditor.h"
#include "ui/editors/methodsettingspanel.h"
#include "ui/editors/resourceeditor.h"
#include "ui/editors/stageeditor.h"
#include "ui/mainwindow.h"
#include "ui/navigatorpanel.h"

#include "gateway/model/deployments.h"
#include "gateway/model/methodsettingkey.h"
#include "gateway/model/projectfile.h"
#include "gateway/model/resourceedit.h"
#include "gateway/runtime/engine.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QGroupBox>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using gw::ui::ItemRef;

namespace {

const QString kApi = QStringLiteral("petstore");

ItemRef stageRef()
{
    return ItemRef{ItemRef::Kind::Stage, kApi, {}, {}, QStringLiteral("dev")};
}

struct Answer
{
    int status = -1;
    QString error;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray header(const QByteArray &name) const
    {
        for (const auto &[k, v] : headers)
            if (k.compare(name, Qt::CaseInsensitive) == 0)
                return v;
        return {};
    }
};

// A browser's preflight, sent for real over loopback.
Answer preflight(const QString &url, const QByteArray &host, const QByteArray &origin, const QByteArray &method)
{
    QNetworkAccessManager nam;
    QNetworkRequest request{QUrl(url)};
    if (!host.isEmpty())
        request.setRawHeader("Host", host);
    request.setRawHeader("Origin", origin);
    request.setRawHeader("Access-Control-Request-Method", method);
    request.setRawHeader("Access-Control-Request-Headers", "content-type");
    QNetworkReply *reply = nam.sendCustomRequest(request, "OPTIONS");
    QSignalSpy done(reply, &QNetworkReply::finished);
    Answer a;
    if (!done.wait(5000))
        return a;
    a.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    a.headers = reply->rawHeaderPairs();
    a.error = reply->errorString();
    reply->deleteLater();
    return a;
}

} // namespace

// Traffic control in the designer (issue 6): per-method throttling and caching overrides in the
// stage editor with AWS's bounds, the stage cache's live statistics and Flush, cache key
// parameters on the integration, and "Enable CORS" for REST resources and HTTP APIs — each
// driven through the forms and checked against the running engine over real sockets.
class TestTrafficEditors : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    QString sampleCopy(const QString &name, const std::function<void(gw::model::Project &)> &adjust = {})
    {
        return gwtest::sampleCopy(m_dir, name, adjust);
    }
    static int send(gw::ui::MainWindow &window, const QString &url) { return gwtest::sendFromClient(window, url); }

    static QString restUrl(const gw::runtime::Engine &engine, const QString &path)
    {
        return QStringLiteral("http://127.0.0.1:%1/restapis/petstore/dev/_user_request_%2").arg(engine.port()).arg(path);
    }

    static gw::ui::StageEditor *openStage(gw::ui::MainWindow &window)
    {
        window.navigator()->select(stageRef());
        auto *stage = window.editors()->stageEditor();
        if (window.editors()->currentEditor() != stage)
            return nullptr;
        auto *tabs = stage->findChild<QTabWidget *>();
        for (int i = 0; i < tabs->count(); ++i)
            if (tabs->tabText(i).contains(QLatin1String("Cache")))
                tabs->setCurrentIndex(i);
        return stage;
    }

    static const gw::model::Stage &stageOf(const gw::ui::MainWindow &window)
    {
        return *window.project().api(kApi)->stage(QStringLiteral("dev"));
    }

    // Picks a method in the "override" box the way a user does, and presses Override.
    static void overrideMethod(gw::ui::MethodSettingsPanel *panel, const QString &shown)
    {
        auto *box = panel->findChild<QComboBox *>(QStringLiteral("newMethodSettingKey"));
        box->setCurrentIndex(box->findText(shown));
        QTest::mouseClick(panel->findChild<QPushButton *>(QStringLiteral("addMethodSetting")), Qt::LeftButton);
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
    }

    // A per-method override typed into the stage's form throttles that method on the running
    // stage at once (stage settings need no deployment), and leaves the other methods alone.
    void methodThrottleOverrideIsEnforced()
    {
        gw::runtime::Engine engine;
        gw::ui::MainWindow window(&engine);
        QVERIFY(window.openFile(sampleCopy(QStringLiteral("throttle.gwproj"))));
        window.show();
        QVERIFY(gwtest::startServing(window, engine));
        QCOMPARE(send(window, restUrl(engine, QStringLiteral("/ping"))), 200);

        auto *stage = openStage(window);
        QVERIFY(stage);
        auto *panel = stage->methodSettings();
        overrideMethod(panel, QStringLiteral("GET /ping"));
        QCOMPARE(panel->selectedKey(), QStringLiteral("ping/GET"));
        QVERIFY(stageOf(window).methodSettings.contains(QStringLiteral("ping/GET")));
        auto *rate = panel->findChild<QDoubleSpinBox *>(QStringLiteral("methodRate"));
        auto *burst = panel->findChild<QSpinBox *>(QStringLiteral("methodBurst"));
        QSignalSpy pushed(window.runtime(), &gw::ui::RuntimeController::pushed);
        rate->setValue(0.5);
        burst->setValue(2);
        QVERIFY(pushed.wait(5000));
        const auto setting = stageOf(window).methodSettings.value(QStringLiteral("ping/GET"));
        QCOMPARE(setting.throttlingRateLimit, std::optional<double>(0.5));
        QCOMPARE(setting.throttlingBurstLimit, std::optional<int>(2));

        // The burst of 2 is spent by the third quick request; /pets keeps the stage default.
        QList<int> statuses;
        for (int i = 0; i < 20 && !statuses.contains(429); ++i)
            statuses << send(window, restUrl(engine, QStringLiteral("/ping")));
        QVERIFY(statuses.contains(429));
        QCOMPARE(statuses.count(200), 2);   // the burst, then AWS's 429
        QCOMPARE(window.client()->lastResponse().body, QByteArray("{\"message\":\"Too Many Requests\"}"));
        QCOMPARE(send(window, restUrl(engine, QStringLiteral("/pets"))), 200);

        // Removing the override is one undo step away from having it.
        QTest::mouseClick(panel->findChild<QPushButton *>(QStringLiteral("removeMethodSetting")), Qt::LeftButton);
        QVERIFY(!stageOf(window).methodSettings.contains(QStringLiteral("ping/GET")));
        window.document()->undoStack()->undo();
        QCOMPARE(stageOf(window).methodSettings.value(QStringLiteral("ping/GET")).throttlingBurstLimit, std::optional<int>(2));
        engine.stop();
    }

    // The form keeps AWS's bounds: the capacity list is AWS's, the TTL stops at 3600 s, and a key
    // that names no method is refused with a message instead of being stored.
    void boundsAreEnforcedInTheForm()
    {
        gw::runtime::Engine engine;
        gw::ui::MainWindow window(&engine);
        QVERIFY(window.openFile(sampleCopy(QStringLiteral("bounds.gwproj"))));
        window.show();
        auto *stage = openStage(window);
        QVERIFY(stage);
        auto *size = stage->findChild<QComboBox *>(QStringLiteral("cacheSize"));
        QStringList sizes;
        for (int i = 0; i < size->count(); ++i)
            sizes << size->itemData(i).toString();
        QCOMPARE(sizes, gw::model::cacheClusterSizes());

        auto *panel = stage->methodSettings();
        const auto before = stageOf(window).methodSettings;
        auto *box = panel->findChild<QComboBox *>(QStringLiteral("newMethodSettingKey"));
        box->setEditText(QStringLiteral("pets/FETCH"));
        QTest::mouseClick(panel->findChild<QPushButton *>(QStringLiteral("addMethodSetting")), Qt::LeftButton);
        QVERIFY2(panel->findChild<QLabel *>(QStringLiteral("methodSettingMessage"))->text().contains(QLatin1String("pets/FETCH")),
                 qPrintable(panel->findChild<QLabel *>(QStringLiteral("methodSettingMessage"))->text()));
        QCOMPARE(stageOf(window).methodSettings, before);

        // A wildcard key is a key like any other.
        box->setEditText(QStringLiteral("pets~1*/GET"));
        QTest::mouseClick(panel->findChild<QPushButton *>(QStringLiteral("addMethodSetting")), Qt::LeftButton);
        QVERIFY(stageOf(window).methodSettings.contains(QStringLiteral("pets~1*/GET")));
        QCOMPARE(panel->selectedKey(), QStringLiteral("pets~1*/GET"));

        auto *caching = panel->findChild<QGroupBox *>(QStringLiteral("overrideCaching"));
        caching->setChecked(true);
        auto *ttl = panel->findChild<QSpinBox *>(QStringLiteral("methodCacheTtl"));
        ttl->selectAll();
        QTest::keyClicks(ttl, QStringLiteral("9999"));
        QVERIFY(ttl->value() <= 3600);
        const auto setting = stageOf(window).methodSettings.value(QStringLiteral("pets~1*/GET"));
        QVERIFY(setting.cacheTtlInSeconds.has_value());
        QVERIFY(*setting.cacheTtlInSeconds >= 0 && *setting.cacheTtlInSeconds <= 3600);
        QCOMPARE(setting.cachingEnabled, std::optional<bool>(true));
        auto *stageTtl = stage->findChild<QSpinBox *>(QStringLiteral("cacheTtl"));
        QCOMPARE(stageTtl->maximum(), 3600);
        QCOMPARE(stageTtl->minimum(), 0);
    }

    // The stage view shows the running cache: a miss then a hit, the bytes it holds, and Flush
    // empties it so the next request is a miss again. Cache key parameters chosen on the
    // integration separate entries by that parameter.
    void cacheStatisticsAndFlush()
    {
        gw::runtime::Engine engine;
        gw::ui::MainWindow window(&engine);
        QVERIFY(window.openFile(sampleCopy(QStringLiteral("cache.gwproj"), [](gw::model::Project &p) {
            auto &get = p.apis[0].design.resource(QStringLiteral("/pets"))->methods[QStringLiteral("GET")];
            get.requestParameters.insert(QStringLiteral("method.request.querystring.kind"), false);
        })));
        window.show();
        QVERIFY(gwtest::startServing(window, engine));
        auto *stage = openStage(window);
        QVERIFY(stage);
        auto *stats = stage->cacheStats();
        QVERIFY2(stats->text().contains(QLatin1String("No cache")), qPrintable(stats->text()));
        QTest::mouseClick(stage->findChild<QCheckBox *>(QStringLiteral("cacheEnabled")), Qt::LeftButton, {}, QPoint(4, 4));
        QVERIFY(stageOf(window).cacheClusterEnabled);

        // The query parameter becomes part of the key through the integration's form.
        window.navigator()->select(ItemRef{ItemRef::Kind::Method, kApi, QStringLiteral("/pets"), QStringLiteral("GET"), {}});
        window.editors()->methodEditor()->showBox(gw::ui::MethodEditor::IntegrationRequestBox);
        auto *keys = window.editors()->methodEditor()->integrationEditor()->findChild<QListWidget *>(QStringLiteral("cacheKeyParameters"));
        QVERIFY(keys);
        const auto found = keys->findItems(QStringLiteral("method.request.querystring.kind"), Qt::MatchExactly);
        QCOMPARE(found.size(), 1);
        found.first()->setCheckState(Qt::Checked);
        QCOMPARE(window.project().api(kApi)->design.resource(QStringLiteral("/pets"))->methods.value(QStringLiteral("GET")).integration->cacheKeyParameters,
                 QStringList{QStringLiteral("method.request.querystring.kind")});
        window.deploy(QStringLiteral("cache key"));

        stage = openStage(window);
        QCOMPARE(send(window, restUrl(engine, QStringLiteral("/pets?kind=dog"))), 200);
        QCOMPARE(send(window, restUrl(engine, QStringLiteral("/pets?kind=dog"))), 200);
        QCOMPARE(send(window, restUrl(engine, QStringLiteral("/pets?kind=cat"))), 200);
        QTRY_VERIFY2(stats->text().contains(QLatin1String("Entries 2 ")), qPrintable(stats->text()));
        QVERIFY2(stats->text().contains(QLatin1String("hits 1,")), qPrintable(stats->text()));
        QVERIFY2(stats->text().contains(QLatin1String("misses 2")), qPrintable(stats->text()));
        QVERIFY2(stats->text().contains(QLatin1String("33.3%")), qPrintable(stats->text()));

        QSignalSpy flushed(stats, &gw::ui::CacheStatsView::flushed);
        QTest::mouseClick(stats->findChild<QPushButton *>(QStringLiteral("flushCache")), Qt::LeftButton);
        QCOMPARE(flushed.size(), 1);
        QVERIFY2(stats->text().contains(QLatin1String("Entries 0 ")), qPrintable(stats->text()));
        QCOMPARE(send(window, restUrl(engine, QStringLiteral("/pets?kind=dog"))), 200);
        QTRY_VERIFY2(stats->text().contains(QLatin1String("Entries 1 ")), qPrintable(stats->text()));
        engine.stop();
    }

    // "Enable CORS…" on a REST resource: the dialog's options become the OPTIONS method and the
    // headers, one undo step; a real preflight is answered with them after the deploy.
    void enableCorsOnRestResource()
    {
        gw::runtime::Engine engine;
        gw::ui::MainWindow window(&engine);
        QVERIFY(window.openFile(sampleCopy(QStringLiteral("cors.gwproj"))));
        window.show();
        QVERIFY(gwtest::startServing(window, engine));
        QCOMPARE(preflight(restUrl(engine, QStringLiteral("/pets")), {}, "http://app.localhost:9000", "POST").status, 403);

        window.navigator()->select(ItemRef{ItemRef::Kind::Resource, kApi, QStringLiteral("/pets"), {}, {}});
        auto *resource = window.editors()->resourceEditor();
        QCOMPARE(window.editors()->currentEditor(), resource);
        auto *button = resource->findChild<QPushButton *>(QStringLiteral("enableCors"));
        QVERIFY(button->isVisible());
        QTest::mouseClick(button, Qt::LeftButton);
        auto *dialog = resource->findChild<gw::ui::CorsDialog *>();
        QVERIFY(dialog);
        QTRY_VERIFY(dialog->isVisible());
        QCOMPARE(dialog->findChild<QLineEdit *>(QStringLiteral("corsMethods"))->text(), QStringLiteral("GET,POST,OPTIONS"));

        // Credentials with '*' are refused in the dialog, which stays open.
        dialog->findChild<QCheckBox *>(QStringLiteral("corsCredentials"))->setChecked(true);
        QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("corsApply")), Qt::LeftButton);
        QVERIFY(dialog->isVisible());
        QVERIFY(!dialog->findChild<QLabel *>(QStringLiteral("corsError"))->text().isEmpty());

        auto *origin = dialog->findChild<QLineEdit *>(QStringLiteral("corsOrigins"));
        origin->selectAll();
        QTest::keyClicks(origin, QStringLiteral("http://app.localhost:9000"));
        dialog->findChild<QCheckBox *>(QStringLiteral("corsGatewayResponses"))->setChecked(true);
        const int steps = window.document()->undoStack()->count();
        QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("corsApply")), Qt::LeftButton);
        QTRY_VERIFY(!dialog || !dialog->isVisible());
        QCOMPARE(window.document()->undoStack()->count(), steps + 1);
        const auto *pets = window.project().api(kApi)->design.resource(QStringLiteral("/pets"));
        QVERIFY(pets->methods.contains(QStringLiteral("OPTIONS")));
        QVERIFY(window.project().api(kApi)->design.gatewayResponses.contains(QStringLiteral("DEFAULT_4XX")));
        QVERIFY2(resource->message().contains(QLatin1String("OPTIONS /pets created")), qPrintable(resource->message()));

        window.deploy(QStringLiteral("cors"));
        Answer a;
        QTRY_VERIFY_WITH_TIMEOUT((a = preflight(restUrl(engine, QStringLiteral("/pets")), {}, "http://app.localhost:9000", "POST")).status == 200, 5000);
        QCOMPARE(a.header("Access-Control-Allow-Origin"), QByteArray("http://app.localhost:9000"));
        QVERIFY(a.header("Access-Control-Allow-Methods").contains("POST"));
        QCOMPARE(a.header("Access-Control-Allow-Credentials"), QByteArray("true"));

        QUndoStack *undo = window.document()->undoStack();
        while (undo->canUndo() && !undo->undoText().startsWith(QLatin1String("Enable CORS")))
            undo->undo();   // the deployment first
        undo->undo();
        QVERIFY(!window.project().api(kApi)->design.resource(QStringLiteral("/pets"))->methods.contains(QStringLiteral("OPTIONS")));
        engine.stop();
    }

    // HTTP APIs: the API form's CORS dialog writes corsConfiguration, and the gateway answers
    // preflights with it once deployed.
    void httpApiCorsConfiguration()
    {
        const QString file = sampleCopy(QStringLiteral("httpcors.gwproj"), [](gw::model::Project &p) {
            gw::model::Api http = gw::model::newRestApi(QStringLiteral("Items"));
            http.id = QStringLiteral("itemsapi");
            http.type = gw::model::ApiType::Http;
            gw::model::addResource(http.design, QStringLiteral("/"), QStringLiteral("items"));
            gw::model::addMethod(http.design, QStringLiteral("/items"), QStringLiteral("GET"));
            auto &integration = http.design.resource(QStringLiteral("/items"))->methods[QStringLiteral("GET")].integration;
            integration = gw::model::Integration{};
            integration->type = gw::model::IntegrationType::HttpProxy;
            integration->uri = QStringLiteral("http://127.0.0.1:9/items");
            p.apis.append(http);
        });
        gw::runtime::Engine engine;
        gw::ui::MainWindow window(&engine);
        QVERIFY(window.openFile(file));
        window.show();
        QVERIFY(gwtest::startServing(window, engine));
        const ItemRef api{ItemRef::Kind::Api, QStringLiteral("itemsapi"), {}, {}, {}};
        window.navigator()->select(api);
        auto *editor = window.editors()->apiEditor();
        QCOMPARE(window.editors()->currentEditor(), editor);
        QTest::mouseClick(editor->findChild<QPushButton *>(QStringLiteral("editCors")), Qt::LeftButton);
        auto *dialog = editor->findChild<gw::ui::CorsDialog *>();
        QVERIFY(dialog);
        QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("corsOrigins")), QStringLiteral("http://app.localhost:9000"));
        QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("corsMethods")), QStringLiteral("GET, POST"));
        QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("corsHeaders")), QStringLiteral("content-type"));
        dialog->findChild<QSpinBox *>(QStringLiteral("corsMaxAge"))->setValue(600);
        QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("corsApply")), Qt::LeftButton);
        const QJsonObject cors = window.project().api(QStringLiteral("itemsapi"))->design.corsConfiguration;
        QCOMPARE(cors.value(QLatin1String("allowOrigins")).toArray(), QJsonArray{QStringLiteral("http://app.localhost:9000")});
        QCOMPARE(cors.value(QLatin1String("allowMethods")).toArray(), (QJsonArray{QStringLiteral("GET"), QStringLiteral("POST")}));
        QCOMPARE(cors.value(QLatin1String("maxAge")).toInt(), 600);
        QVERIFY(editor->findChild<QLabel *>(QStringLiteral("corsSummary"))->text().contains(QLatin1String("app.localhost:9000")));

        window.runtime()->setTarget(QStringLiteral("itemsapi"), QStringLiteral("$default"));
        gw::model::Diagnostics refused;
        const QString deployed = window.runtime()->deploy(QStringLiteral("cors"), &refused);
        QVERIFY2(!deployed.isEmpty(), qPrintable(refused.isEmpty() ? QStringLiteral("?") : refused.first().toString()));
        const QString url = QStringLiteral("http://127.0.0.1:%1/items").arg(engine.port());
        const QByteArray host = QStringLiteral("itemsapi.execute-api.localhost:%1").arg(engine.port()).toLatin1();
        QVERIFY(window.project().api(QStringLiteral("itemsapi"))->stage(QStringLiteral("$default")));
        QVERIFY(!window.project().api(QStringLiteral("itemsapi"))->stage(QStringLiteral("$default"))->deploymentId.isEmpty());
        Answer a;
        QDeadlineTimer deadline(5000);
        do
            a = preflight(url, host, "http://app.localhost:9000", "POST");
        while (a.status == 404 && !deadline.hasExpired() && (QTest::qWait(100), true));
        QVERIFY2(a.status == 204 || a.status == 200, qPrintable(QString::number(a.status) + QLatin1Char(' ') + a.error));
        QCOMPARE(a.header("Access-Control-Allow-Origin"), QByteArray("http://app.localhost:9000"));
        QCOMPARE(a.header("Access-Control-Max-Age"), QByteArray("600"));
        // Another origin gets no CORS headers.
        const Answer other = preflight(url, host, "http://evil.localhost", "POST");
        QVERIFY(other.header("Access-Control-Allow-Origin").isEmpty());

        QTest::mouseClick(editor->findChild<QPushButton *>(QStringLiteral("removeCors")), Qt::LeftButton);
        QVERIFY(window.project().api(QStringLiteral("itemsapi"))->design.corsConfiguration.isEmpty());
        engine.stop();
    }
};

QTEST_MAIN(TestTrafficEditors)
#include "tst_trafficeditors.moc"
