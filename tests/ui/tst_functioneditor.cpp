#include "ui/document/projectdocument.h"
#include "ui/editors/editorarea.h"
#include "ui/editors/functioneditor.h"
#include "ui/editors/functiontestpanel.h"
#include "ui/mainwindow.h"
#include "ui/navigatorpanel.h"

#include "gateway/runtime/engine.h"

#include <Qsci/qsciscintilla.h>

#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTest>
#include <QUndoStack>

using gw::ui::ItemRef;

// The function editor: code typed into the editor runs at once on a test event, on the engine's
// own JavaScript runtime (time-limited, off the GUI thread); renames and edits are undoable.
class TestFunctionEditor : public QObject
{
    Q_OBJECT

    static gw::model::Project projectWithFunction()
    {
        gw::model::Project p;
        p.name = QStringLiteral("fn");
        p.server.port = 0;
        gw::model::Function f;
        f.name = QStringLiteral("hello");
        f.code = QStringLiteral("exports.handler = async (event) => ({ statusCode: 200 });");
        p.functions.append(f);
        return p;
    }

private slots:
    void typedCodeRunsOnASampleEvent()
    {
        gw::runtime::Engine engine;
        gw::ui::MainWindow window(&engine);
        window.setProject(projectWithFunction(), QString());
        window.show();
        window.navigator()->select(ItemRef{ItemRef::Kind::Function, {}, {}, {}, QStringLiteral("hello")});
        gw::ui::FunctionEditor *editor = window.editors()->functionEditor();
        QCOMPARE(window.editors()->currentEditor(), editor);
        QCOMPARE(editor->codeEditor()->text(), projectWithFunction().functions.first().code);

        editor->codeEditor()->selectAll();
        QTest::keyClicks(editor->codeEditor(),
                         QStringLiteral("exports.handler = async (event) => { console.log('got', event.pathParameters.petId); "
                                        "return { statusCode: 200, body: 'pet ' + event.pathParameters.petId }; };"));
        QVERIFY(window.project().functions.first().code.contains(QLatin1String("'pet ' + event.pathParameters.petId")));

        gw::ui::FunctionTestPanel *test = editor->testPanel();
        test->setEvent(gw::ui::FunctionTestPanel::sampleEvent(gw::ui::FunctionTestPanel::sampleNames().first()));
        QSignalSpy finished(test, &gw::ui::FunctionTestPanel::finished);
        QTest::mouseClick(test->findChild<QPushButton *>(QStringLiteral("runFunction")), Qt::LeftButton);
        QVERIFY(test->isRunning()); // the GUI thread did not wait for it
        QVERIFY(finished.wait(10000));
        QCOMPARE(finished.first().first().toBool(), true);
        QVERIFY2(test->outputText().contains(QLatin1String("\"body\": \"pet 7\"")), qPrintable(test->outputText()));
        QVERIFY2(test->outputText().contains(QLatin1String("got 7")), qPrintable(test->outputText()));
        QVERIFY(test->outputText().startsWith(QLatin1String("Succeeded in")));
    }

    void runawayCodeTimesOutAndBadEventsAreExplained()
    {
        gw::runtime::Engine engine;
        gw::ui::MainWindow window(&engine);
        window.setProject(projectWithFunction(), QString());
        window.show();
        window.navigator()->select(ItemRef{ItemRef::Kind::Function, {}, {}, {}, QStringLiteral("hello")});
        gw::ui::FunctionEditor *editor = window.editors()->functionEditor();
        editor->findChild<QSpinBox *>(QStringLiteral("functionTimeout"))->setValue(1);
        QCOMPARE(window.project().functions.first().timeoutSeconds, 1);
        editor->codeEditor()->selectAll();
        QTest::keyClicks(editor->codeEditor(), QStringLiteral("exports.handler = async () => { for (;;) {} };"));

        gw::ui::FunctionTestPanel *test = editor->testPanel();
        test->setEvent(QStringLiteral("{\"a\": 1,\n \"b\": }"));
        QSignalSpy finished(test, &gw::ui::FunctionTestPanel::finished);
        test->run();
        QCOMPARE(finished.size(), 1);
        QVERIFY2(test->outputText().contains(QLatin1String("line 2")), qPrintable(test->outputText()));

        test->setEvent(QStringLiteral("{}"));
        test->run();
        QVERIFY(finished.wait(15000));
        QCOMPARE(finished.last().first().toBool(), false);
        QVERIFY2(test->outputText().contains(QLatin1String("Timedout"), Qt::CaseInsensitive)
                     || test->outputText().contains(QLatin1String("timed out"), Qt::CaseInsensitive),
                 qPrintable(test->outputText()));
    }

    void renameIsOneUndoStepAndRefusesTakenNames()
    {
        gw::runtime::Engine engine;
        gw::ui::MainWindow window(&engine);
        auto project = projectWithFunction();
        gw::model::Function other;
        other.name = QStringLiteral("other");
        project.functions.append(other);
        window.setProject(project, QString());
        window.show();
        window.navigator()->select(ItemRef{ItemRef::Kind::Function, {}, {}, {}, QStringLiteral("hello")});
        auto *name = window.editors()->functionEditor()->findChild<QLineEdit *>(QStringLiteral("functionName"));
        name->selectAll();
        QTest::keyClicks(name, QStringLiteral("other"));
        QTest::keyClick(name, Qt::Key_Return);
        QCOMPARE(window.project().functions.first().name, QStringLiteral("hello"));
        QCOMPARE(name->text(), QStringLiteral("hello"));
        name->selectAll();
        QTest::keyClicks(name, QStringLiteral("greet"));
        QTest::keyClick(name, Qt::Key_Return);
        QCOMPARE(window.project().functions.first().name, QStringLiteral("greet"));
        QTRY_COMPARE(window.navigator()->current(), (ItemRef{ItemRef::Kind::Function, {}, {}, {}, QStringLiteral("greet")}));
        window.document()->undoStack()->undo();
        QCOMPARE(window.project().functions.first().name, QStringLiteral("hello"));
    }
};

QTEST_MAIN(TestFunctionEditor)
#include "tst_functioneditor.moc"
