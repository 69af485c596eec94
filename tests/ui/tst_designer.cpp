#include "designerharness.h"

#include "ui/clientpanel.h"
#include "ui/document/projectdocument.h"
#include "ui/document/runtimecontroller.h"
#include "ui/editors/editorarea.h"
#include "ui/editors/integrationeditor.h"
#include "ui/editors/integrationresponseseditor.h"
#include "ui/editors/methodeditor.h"
#include "ui/editors/resourceeditor.h"
#include "ui/editors/templatemapeditor.h"
#include "ui/livelogpanel.h"
#include "ui/mainwindow.h"
#include "ui/models/projecttreemodel.h"
#include "ui/models/requestlogmodel.h"
#include "ui/navigatorpanel.h"
#include "ui/quickjump.h"

#include "gateway/model/projectfile.h"
#include "gateway/model/projectjson.h"
#include "gateway/runtime/engine.h"

#include <Qsci/qsciscintilla.h>

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QMimeData>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QUndoStack>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using gw::ui::ItemRef;

namespace {

QByteArray projectJson(const gw::model::Project &project)
{
    return QJsonDocument(gw::model::toJson(project)).toJson(QJsonDocument::Compact);
}

ItemRef resourceRef(const QString &path)
{
    return ItemRef{ItemRef::Kind::Resource, QStringLiteral("petstore"), path, {}, {}};
}

ItemRef methodRef(const QString &path, const QString &verb)
{
    return ItemRef{ItemRef::Kind::Method, QStringLiteral("petstore"), path, verb, {}};
}

} // namespace

// The designer as a new user drives it: forms, not JSON; the runtime serves what was designed;
// the document keeps every edit undoable, saved atomically and recoverable after a crash.
class TestDesigner : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    QString sampleCopy(const QString &name) { return gwtest::sampleCopy(m_dir, name); }
    static bool startServing(gw::ui::MainWindow &window, gw::runtime::Engine &engine) { return gwtest::startServing(window, engine); }
    static int sendFromClient(gw::ui::MainWindow &window, const QString &url) { return gwtest::sendFromClient(window, url); }

    // GET /ping's 200 response template, opened and selected so typing replaces it.
    static QsciScintilla *pingResponseTemplate(gw::ui::MainWindow &window)
    {
        window.navigator()->select(methodRef(QStringLiteral("/ping"), QStringLiteral("GET")));
        auto *method = window.editors()->methodEditor();
        method->showBox(gw::ui::MethodEditor::IntegrationResponseBox);
        method->integrationResponsesEditor()->table()->selectRow(0);
        auto *text = method->integrationResponsesEditor()->templates()->textEditor();
        text->selectAll();
        return text;
    }

    static QString stageBase(const gw::runtime::Engine &engine)
    {
        return QStringLiteral("http://petstore.execute-api.localhost:%1/dev/").arg(engine.port());
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
    }

    // The "done means": a new GET route with a MOCK response, added through the forms,
    // deployed, called from the client, and seen in the log with its trace.
    void newRouteThroughTheFormsIsDeployedCalledAndLogged()
    {
        gw::runtime::Engine engine;
        gw::ui::MainWindow window(&engine);
        QVERIFY(window.openFile(sampleCopy(QStringLiteral("flow.gwproj"))));
        window.show();
        QAbstractItemModelTester treeTester(window.navigator()->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(startServing(window, engine));
        const int deploymentsBefore = int(window.project().api(QStringLiteral("petstore"))->deployments.size());

        // Resource /ping → child "hello", typed into the resource form.
        window.navigator()->select(resourceRef(QStringLiteral("/ping")));
        gw::ui::ResourceEditor *resource = window.editors()->resourceEditor();
        QCOMPARE(window.editors()->currentEditor(), resource);
        auto *child = resource->findChild<QLineEdit *>(QStringLiteral("childPart"));
        QTest::keyClicks(child, QStringLiteral("hello"));
        QTest::mouseClick(resource->findChild<QPushButton *>(QStringLiteral("addChild")), Qt::LeftButton);
        QTRY_COMPARE(window.navigator()->current(), resourceRef(QStringLiteral("/ping/hello")));
        QVERIFY(window.navigator()->model()->indexOf(resourceRef(QStringLiteral("/ping/hello"))).isValid());

        // A GET method on it, chosen in the verb box.
        auto *verb = resource->findChild<QComboBox *>(QStringLiteral("verb"));
        verb->setCurrentText(QStringLiteral("GET"));
        QTest::mouseClick(resource->findChild<QPushButton *>(QStringLiteral("addMethod")), Qt::LeftButton);
        QTRY_COMPARE(window.navigator()->current(), methodRef(QStringLiteral("/ping/hello"), QStringLiteral("GET")));
        gw::ui::MethodEditor *method = window.editors()->methodEditor();
        QCOMPARE(window.editors()->currentEditor(), method);
        QVERIFY(method->boxSummary(gw::ui::MethodEditor::IntegrationRequestBox).contains(QLatin1String("MOCK")));

        // The MOCK's 200 response body, typed into the template editor.
        method->showBox(gw::ui::MethodEditor::IntegrationResponseBox);
        gw::ui::IntegrationResponsesEditor *responses = method->integrationResponsesEditor();
        QVERIFY(responses->table()->rowCount() >= 1);
        responses->table()->selectRow(0);
        gw::ui::TemplateMapEditor *templates = responses->templates();
        if (templates->currentContentType().isEmpty())
            templates->addContentType(QStringLiteral("application/json"));
        templates->textEditor()->selectAll();
        QTest::keyClicks(templates->textEditor(), QStringLiteral("{\"hello\": \"world\"}"));
        const auto *designed = window.project().api(QStringLiteral("petstore"))->design.resource(QStringLiteral("/ping/hello"));
        QVERIFY(designed);
        QCOMPARE(designed->methods.value(QStringLiteral("GET")).integration->integrationResponses.first().responseTemplates.value(
                     QStringLiteral("application/json")),
                 QStringLiteral("{\"hello\": \"world\"}"));

        // Before the deploy the stage does not know the route: AWS's 403 for an unknown path.
        QCOMPARE(sendFromClient(window, stageBase(engine) + QStringLiteral("ping/hello")), 403);

        window.deploy(QStringLiteral("hello route"));
        const auto &deployments = window.project().api(QStringLiteral("petstore"))->deployments;
        QCOMPARE(int(deployments.size()), deploymentsBefore + 1);
        QCOMPARE(deployments.last().description, QStringLiteral("hello route"));

        QTRY_COMPARE(sendFromClient(window, stageBase(engine) + QStringLiteral("ping/hello")), 200);
        QCOMPARE(window.client()->lastResponse().body, QByteArray("{\"hello\": \"world\"}"));

        // The row in the live log, with its trace.
        gw::ui::RequestLogModel *log = window.logModel();
        QTRY_VERIFY(log->rowCount() >= 2);
        const int last = log->rowCount() - 1;
        QCOMPARE(log->index(last, gw::ui::RequestLogModel::Path).data().toString(), QStringLiteral("/dev/ping/hello"));
        QCOMPARE(log->index(last, gw::ui::RequestLogModel::Status).data().toInt(), 200);
        window.selectLogRow(last);
        const QString details = window.logPanel()->detailsText();
        QVERIFY2(details.contains(QLatin1String("Method completed with status: 200")), qPrintable(details));
        QVERIFY(window.document()->isModified());
        engine.stop();
    }

    // Every edit is one undo step; undoing all of them gives back the opened project exactly,
    // redoing all gives the edited one exactly.
    void undoAndRedoRoundTrip()
    {
        gw::runtime::Engine engine;
        gw::ui::MainWindow window(&engine);
        QVERIFY(window.openFile(sampleCopy(QStringLiteral("undo.gwproj"))));
        window.show();
        const QByteArray original = projectJson(window.project());

        window.navigator()->select(resourceRef(QStringLiteral("/ping")));
        auto *resource = window.editors()->resourceEditor();
        QTest::keyClicks(resource->findChild<QLineEdit *>(QStringLiteral("childPart")), QStringLiteral("deep"));
        QTest::mouseClick(resource->findChild<QPushButton *>(QStringLiteral("addChild")), Qt::LeftButton);
        QTRY_COMPARE(window.navigator()->current(), resourceRef(QStringLiteral("/ping/deep")));
        resource->findChild<QComboBox *>(QStringLiteral("verb"))->setCurrentText(QStringLiteral("POST"));
        QTest::mouseClick(resource->findChild<QPushButton *>(QStringLiteral("addMethod")), Qt::LeftButton);
        QTRY_COMPARE(window.navigator()->current(), methodRef(QStringLiteral("/ping/deep"), QStringLiteral("POST")));
        auto *integration = window.editors()->methodEditor()->integrationEditor();
        window.editors()->methodEditor()->showBox(gw::ui::MethodEditor::IntegrationRequestBox);
        auto *timeout = integration->findChild<QSpinBox *>(QStringLiteral("timeout"));
        QVERIFY(timeout);
        timeout->setValue(12000);
        const QByteArray edited = projectJson(window.project());
        QVERIFY(edited != original);
        QUndoStack *undo = window.document()->undoStack();
        QVERIFY(undo->count() >= 3);

        while (undo->canUndo())
            undo->undo();
        QCOMPARE(projectJson(window.project()), original);
        QVERIFY(!window.document()->isModified());
        QVERIFY(!window.navigator()->model()->indexOf(resourceRef(QStringLiteral("/ping/deep"))).isValid());
        while (undo->canRedo())
            undo->redo();
        QCOMPARE(projectJson(window.project()), edited);
        QVERIFY(window.navigator()->model()->indexOf(methodRef(QStringLiteral("/ping/deep"), QStringLiteral("POST"))).isValid());
    }

    // Save writes the file atomically; reading it back gives the same project.
    void saveAndReloadAreEqual()
    {
        gw::runtime::Engine engine;
        gw::ui::MainWindow window(&engine);
        const QString file = sampleCopy(QStringLiteral("save.gwproj"));
        QVERIFY(window.openFile(file));
        window.show();
        window.navigator()->select(resourceRef(QStringLiteral("/pets")));
        auto *resource = window.editors()->resourceEditor();
        QTest::keyClicks(resource->findChild<QLineEdit *>(QStringLiteral("childPart")), QStringLiteral("toys"));
        QTest::keyClick(resource->findChild<QLineEdit *>(QStringLiteral("childPart")), Qt::Key_Return);
        QTRY_VERIFY(window.document()->isModified());
        QVERIFY(window.isWindowModified());
        QVERIFY(window.windowTitle().contains(QLatin1String("save")));
        QVERIFY(window.save());
        QVERIFY(!window.document()->isModified());
        QVERIFY(!window.isWindowModified());
        const auto reloaded = gw::model::loadProject(file);
        QVERIFY(reloaded.ok);
        QCOMPARE(projectJson(reloaded.project), projectJson(window.project()));
        QVERIFY(reloaded.project.api(QStringLiteral("petstore"))->design.resource(QStringLiteral("/pets/toys")));
        QVERIFY(window.recentFiles().contains(file));
    }

    // A session that ends without saving leaves a recovery file; opening the file again offers
    // it, and recovering brings the unsaved edit back (one undo step away from the saved file).
    void recoveryAfterASimulatedCrash()
    {
        const QString file = sampleCopy(QStringLiteral("crash.gwproj"));
        const QByteArray saved = [&] {
            QFile f(file);
            f.open(QIODevice::ReadOnly);
            return f.readAll();
        }();
        {
            gw::runtime::Engine engine;
            auto *window = new gw::ui::MainWindow(&engine);
            QVERIFY(window->openFile(file));
            window->show();
            window->document()->setAutosaveDelay(20);
            window->navigator()->select(resourceRef(QStringLiteral("/ping")));
            auto *resource = window->editors()->resourceEditor();
            QTest::keyClicks(resource->findChild<QLineEdit *>(QStringLiteral("childPart")), QStringLiteral("unsaved"));
            QTest::mouseClick(resource->findChild<QPushButton *>(QStringLiteral("addChild")), Qt::LeftButton);
            QTRY_VERIFY(QFile::exists(gw::ui::ProjectDocument::recoveryFileFor(file)));
            // The crash: the window goes without closeEvent, nothing is saved.
            delete window;
        }
        QFile f(file);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), saved); // the saved file was never touched

        gw::runtime::Engine engine;
        gw::ui::MainWindow window(&engine);
        QVERIFY(window.openFile(file));
        window.show();
        QVERIFY2(window.noticeText().contains(QLatin1String("unsaved changes")), qPrintable(window.noticeText()));
        QVERIFY(window.findChild<QPushButton *>(QStringLiteral("recover"))->isVisible());
        QVERIFY(!window.project().api(QStringLiteral("petstore"))->design.resource(QStringLiteral("/ping/unsaved")));
        QTest::mouseClick(window.findChild<QPushButton *>(QStringLiteral("recover")), Qt::LeftButton);
        QVERIFY(window.project().api(QStringLiteral("petstore"))->design.resource(QStringLiteral("/ping/unsaved")));
        QVERIFY(window.document()->isModified());
        window.document()->undoStack()->undo();
        QVERIFY(!window.project().api(QStringLiteral("petstore"))->design.resource(QStringLiteral("/ping/unsaved")));
        QVERIFY(window.save());
        QVERIFY(!QFile::exists(gw::ui::ProjectDocument::recoveryFileFor(file)));
    }

    // A file that cannot be read is reported with what and where; the open document stays.
    void corruptFileIsReportedAndNothingIsLost()
    {
        gw::runtime::Engine engine;
        gw::ui::MainWindow window(&engine);
        const QString good = sampleCopy(QStringLiteral("good.gwproj"));
        QVERIFY(window.openFile(good));
        window.show();
        window.navigator()->select(resourceRef(QStringLiteral("/ping")));
        auto *resource = window.editors()->resourceEditor();
        QTest::keyClicks(resource->findChild<QLineEdit *>(QStringLiteral("childPart")), QStringLiteral("kept"));
        QTest::mouseClick(resource->findChild<QPushButton *>(QStringLiteral("addChild")), Qt::LeftButton);
        const QByteArray before = projectJson(window.project());

        const QString bad = m_dir.filePath(QStringLiteral("corrupt.gwproj"));
        QFile out(bad);
        QVERIFY(out.open(QIODevice::WriteOnly | QIODevice::Truncate));
        out.write("{\"name\": \"broken\",\n \"apis\": [ {\"id\": \"x\", \n");
        out.close();
        QVERIFY(!window.openFile(bad));
        QVERIFY2(window.noticeText().contains(QLatin1String("corrupt.gwproj")), qPrintable(window.noticeText()));
        QVERIFY2(window.noticeText().contains(QLatin1String("line")) || window.noticeText().contains(QLatin1String("offset")),
                 qPrintable(window.noticeText()));
        QCOMPARE(projectJson(window.project()), before);
        QCOMPARE(window.document()->fileName(), good);
        QVERIFY(window.document()->isModified());
    }

    // Dragging /pets/{petId} onto /ping moves it with its methods, as one undo step.
    void dragAndDropMovesAResource()
    {
        gw::runtime::Engine engine;
        gw::ui::MainWindow window(&engine);
        QVERIFY(window.openFile(sampleCopy(QStringLiteral("dnd.gwproj"))));
        window.show();
        gw::ui::ProjectTreeModel *model = window.navigator()->model();
        QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const QModelIndex from = model->indexOf(resourceRef(QStringLiteral("/pets/{petId}")));
        const QModelIndex to = model->indexOf(resourceRef(QStringLiteral("/ping")));
        QVERIFY(from.isValid() && to.isValid());
        std::unique_ptr<QMimeData> data(model->mimeData({from}));
        QVERIFY(model->canDropMimeData(data.get(), Qt::MoveAction, -1, 0, to));
        // The document performs the move and the tree is rebuilt from it, so the model reports
        // false to keep the view from removing the dragged row itself.
        model->dropMimeData(data.get(), Qt::MoveAction, -1, 0, to);
        const auto &design = window.project().api(QStringLiteral("petstore"))->design;
        QVERIFY(design.resource(QStringLiteral("/ping/{petId}")));
        QVERIFY(!design.resource(QStringLiteral("/pets/{petId}")));
        QCOMPARE(window.navigator()->current(), resourceRef(QStringLiteral("/ping/{petId}")));
        // A resource cannot be dropped into its own subtree.
        const QModelIndex ping = model->indexOf(resourceRef(QStringLiteral("/ping")));
        const QModelIndex moved = model->indexOf(resourceRef(QStringLiteral("/ping/{petId}")));
        std::unique_ptr<QMimeData> self(model->mimeData({ping}));
        QVERIFY(!model->canDropMimeData(self.get(), Qt::MoveAction, -1, 0, moved));
        window.document()->undoStack()->undo();
        QVERIFY(window.project().api(QStringLiteral("petstore"))->design.resource(QStringLiteral("/pets/{petId}")));
    }

    // Ctrl+K: type part of a path, Enter opens it.
    void quickJumpFindsAndOpensAnItem()
    {
        gw::runtime::Engine engine;
        gw::ui::MainWindow window(&engine);
        QVERIFY(window.openFile(sampleCopy(QStringLiteral("jump.gwproj"))));
        window.show();
        window.jumpTo();
        window.quickJump()->setFilter(QStringLiteral("petid get"));
        const QStringList entries = window.quickJump()->visibleEntries();
        QVERIFY2(!entries.isEmpty(), "no entry for 'petid get'");
        QVERIFY2(entries.first().contains(QLatin1String("/pets/{petId}")), qPrintable(entries.join(QLatin1Char('\n'))));
        window.quickJump()->choose();
        QCOMPARE(window.navigator()->current(), methodRef(QStringLiteral("/pets/{petId}"), QStringLiteral("GET")));
        QCOMPARE(window.editors()->currentEditor(), window.editors()->methodEditor());
    }

    // The model's check() messages appear next to the form that can fix them.
    void inlineValidationShowsTheModelsMessage()
    {
        gw::runtime::Engine engine;
        gw::ui::MainWindow window(&engine);
        QVERIFY(window.openFile(sampleCopy(QStringLiteral("check.gwproj"))));
        window.show();
        window.navigator()->select(methodRef(QStringLiteral("/ping"), QStringLiteral("GET")));
        auto *method = window.editors()->methodEditor();
        method->showBox(gw::ui::MethodEditor::IntegrationRequestBox);
        auto *type = method->integrationEditor()->findChild<QComboBox *>(QStringLiteral("integrationType"));
        QVERIFY(type);
        const int http = type->findData(QStringLiteral("HTTP"));
        QVERIFY2(http >= 0, "no HTTP entry in the integration type box");
        type->setCurrentIndex(http - 1);
        QTest::keyClick(type, Qt::Key_Down); // as a user picks it: the next entry, HTTP
        QCOMPARE(type->currentIndex(), http);
        QTRY_VERIFY2(method->problemsText().contains(QLatin1String("integration URI is empty")), qPrintable(method->problemsText()));
        auto *problems = method->findChild<QLabel *>(QStringLiteral("problems"));
        QVERIFY(problems && problems->isVisible());
        auto *uri = method->integrationEditor()->findChild<QLineEdit *>(QStringLiteral("uri"));
        QTest::keyClicks(uri, QStringLiteral("http://127.0.0.1:9/x"));
        QTest::keyClick(uri, Qt::Key_Return);
        QTRY_VERIFY(!method->problemsText().contains(QLatin1String("integration URI is empty")));
    }

    // A template that does not parse is shown at its line in the method's form and blocks the
    // deploy: nothing is recorded, and the notice says why.
    void brokenTemplateIsShownAndBlocksTheDeploy()
    {
        gw::runtime::Engine engine;
        gw::ui::MainWindow window(&engine);
        QVERIFY(window.openFile(sampleCopy(QStringLiteral("broken.gwproj"))));
        window.show();
        const int deployments = int(window.project().api(QStringLiteral("petstore"))->deployments.size());
        auto *method = window.editors()->methodEditor();
        auto *text = pingResponseTemplate(window);
        QTest::keyClicks(text, QStringLiteral("{\"ok\": true}"));
        QTest::keyClick(text, Qt::Key_Return);
        QTest::keyClicks(text, QStringLiteral("#if($input.path('$.x') == 1"));
        QTRY_VERIFY2(method->problemsText().contains(QLatin1String("does not parse")), qPrintable(method->problemsText()));
        QVERIFY2(method->problemsText().contains(QLatin1String("2:")), qPrintable(method->problemsText()));
        window.deploy(QStringLiteral("should not happen"));
        QCOMPARE(int(window.project().api(QStringLiteral("petstore"))->deployments.size()), deployments);
        QVERIFY2(window.noticeText().contains(QLatin1String("Not deployed")), qPrintable(window.noticeText()));
    }

    // Auto-deploy serves each change of the design on the stage without recording deployments.
    void autoDeployServesChangesWithoutNewDeployments()
    {
        gw::runtime::Engine engine;
        gw::ui::MainWindow window(&engine);
        QVERIFY(window.openFile(sampleCopy(QStringLiteral("auto.gwproj"))));
        window.show();
        QVERIFY(startServing(window, engine));
        auto *autoDeploy = window.findChild<QCheckBox *>(QStringLiteral("autoDeploy"));
        QVERIFY(autoDeploy);
        autoDeploy->setChecked(true);
        const int deployments = int(window.project().api(QStringLiteral("petstore"))->deployments.size());

        auto *text = pingResponseTemplate(window);
        QTest::keyClicks(text, QStringLiteral("{\"status\":\"changed\"}"));

        QTRY_VERIFY_WITH_TIMEOUT(sendFromClient(window, stageBase(engine) + QStringLiteral("ping")) == 200
                                     && window.client()->lastResponse().body == QByteArray("{\"status\":\"changed\"}"),
                                 5000);
        QCOMPARE(int(window.project().api(QStringLiteral("petstore"))->deployments.size()), deployments);
        engine.stop();
    }
};

QTEST_MAIN(TestDesigner)
#include "tst_designer.moc"
