#include "ui/document/projectdocument.h"
#include "ui/editors/editorarea.h"
#include "ui/editors/modeleditor.h"
#include "ui/mainwindow.h"
#include "ui/models/projecttreemodel.h"
#include "ui/navigatorpanel.h"

#include "gateway/model/deployments.h"
#include "gateway/runtime/engine.h"

#include <Qsci/qsciscintilla.h>

#include <QAction>
#include <QJsonDocument>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTest>
#include <QUndoStack>

using gw::ui::ItemRef;

// The model editor checks a JSON Schema as it is typed: broken JSON with its line (marked), a
// draft-4 error, a $ref to another model of the API resolving as a deployment resolves it; valid
// text is stored as one undo step per burst of typing, broken text never is.
class TestModelEditor : public QObject
{
    Q_OBJECT

    static QJsonObject json(const char *text) { return QJsonDocument::fromJson(QByteArray(text)).object(); }

    static gw::model::Project shop()
    {
        gw::model::Project p;
        p.name = QStringLiteral("shop");
        p.server.port = 0;
        gw::model::Api api = gw::model::newRestApi(QStringLiteral("Shop"));
        api.id = QStringLiteral("shop");
        gw::model::ApiModel pet;
        pet.name = QStringLiteral("Pet");
        pet.schema = json(R"({"type": "object", "required": ["name"], "properties": {"name": {"type": "string"}}})");
        gw::model::ApiModel order;
        order.name = QStringLiteral("Order");
        order.schema = json(R"({"type": "object"})");
        api.design.models = {pet, order};
        p.apis = {api};
        return p;
    }

    static const gw::model::ApiModel &order(const gw::ui::MainWindow &window)
    {
        return window.project().apis.first().design.models[1];
    }

    // Replaces the editor's text by typing it, lines separated by Return as a user types them.
    static void type(QsciScintilla *editor, const QStringList &lines)
    {
        editor->selectAll();
        for (qsizetype i = 0; i < lines.size(); ++i) {
            if (i > 0)
                QTest::keyClick(editor, Qt::Key_Return);
            QTest::keyClicks(editor, lines[i]);
        }
    }

private slots:
    void schemaIsCheckedAsYouType()
    {
        gw::runtime::Engine engine;
        gw::ui::MainWindow window(&engine);
        window.setProject(shop(), QString());
        window.show();
        const ItemRef ref{ItemRef::Kind::Model, QStringLiteral("shop"), {}, {}, QStringLiteral("Order")};
        QVERIFY(window.navigator()->model()->indexOf(ref).isValid());
        window.navigator()->select(ref);
        gw::ui::ModelEditor *editor = window.editors()->modelEditor();
        QCOMPARE(window.editors()->currentEditor(), editor);
        QCOMPARE(QJsonDocument::fromJson(editor->schemaEditor()->text().toUtf8()).object(), json(R"({"type": "object"})"));
        QVERIFY(editor->schemaError().isEmpty());
        const int undoSteps = window.document()->undoStack()->count();

        // Broken JSON: the error names line 3, the line is marked, nothing is stored.
        type(editor->schemaEditor(), {QStringLiteral("{"), QStringLiteral("\"type\": \"object\","), QStringLiteral("\"properties\": }")});
        QTRY_VERIFY2(editor->schemaError().contains(QLatin1String("line 3")), qPrintable(editor->schemaError()));
        QCOMPARE(editor->markedLine(), 3);
        QCOMPARE(order(window).schema, json(R"({"type": "object"})"));
        QCOMPARE(window.document()->undoStack()->count(), undoSteps);

        // Valid JSON, not a valid schema: shown, on the line with the keyword, and in the problems.
        type(editor->schemaEditor(), {QStringLiteral("{"), QStringLiteral("\"title\": \"Order\","), QStringLiteral("\"type\": 5"),
                                      QStringLiteral("}")});
        QTRY_VERIFY2(editor->schemaError().contains(QLatin1String("not a valid JSON Schema")), qPrintable(editor->schemaError()));
        QVERIFY2(editor->markedLine() == 3, qPrintable(editor->schemaError()));
        QCOMPARE(order(window).schema, json(R"({"title": "Order", "type": 5})"));
        QVERIFY2(editor->problemsText().contains(QLatin1String("not a valid JSON Schema")), qPrintable(editor->problemsText()));

        // A $ref to a model the API does not have does not resolve; one to Pet does.
        type(editor->schemaEditor(), {QStringLiteral("{\"type\": \"object\", \"properties\": {\"pet\": "
                                                     "{\"$ref\": \"https://apigateway.amazonaws.com/restapis/shop/models/Cat\"}}}")});
        QTRY_VERIFY2(editor->schemaError().contains(QLatin1String("Cat")), qPrintable(editor->schemaError()));
        type(editor->schemaEditor(), {QStringLiteral("{\"type\": \"object\", \"properties\": {\"pet\": "
                                                     "{\"$ref\": \"https://apigateway.amazonaws.com/restapis/shop/models/Pet\"}}}")});
        QTRY_VERIFY2(editor->schemaError().isEmpty(), qPrintable(editor->schemaError()));
        QCOMPARE(editor->markedLine(), 0);
        QVERIFY(editor->problemsText().isEmpty());
        QCOMPARE(order(window).schema.value(QStringLiteral("properties")).toObject().value(QStringLiteral("pet")).toObject()
                     .value(QStringLiteral("$ref")).toString(),
                 QStringLiteral("https://apigateway.amazonaws.com/restapis/shop/models/Pet"));

        // The burst of typing was one undo step; undo shows the model as it was.
        QCOMPARE(window.document()->undoStack()->count(), undoSteps + 1);
        window.document()->undoStack()->undo();
        QCOMPARE(order(window).schema, json(R"({"type": "object"})"));
        QCOMPARE(QJsonDocument::fromJson(editor->schemaEditor()->text().toUtf8()).object(), json(R"({"type": "object"})"));
        QVERIFY(editor->schemaError().isEmpty());
    }

    // Models are added and deleted from the navigator; a rename carries the methods' references.
    void addRenameAndDeleteModels()
    {
        gw::runtime::Engine engine;
        gw::ui::MainWindow window(&engine);
        gw::model::Project p = shop();
        p.apis.first().design.resources.first().methods.insert(QStringLiteral("POST"), gw::model::Method{});
        p.apis.first().design.resources.first().methods[QStringLiteral("POST")].requestModels.insert(QStringLiteral("application/json"),
                                                                                                     QStringLiteral("Pet"));
        window.setProject(p, QString());
        window.show();
        QObject owner;
        for (QAction *a : window.navigator()->actionsFor(ItemRef{ItemRef::Kind::Models, QStringLiteral("shop"), {}, {}, {}}, &owner))
            if (a->objectName() == QLatin1String("addItem"))
                a->trigger();
        QCOMPARE(window.project().apis.first().design.models.size(), 3);
        QCOMPARE(window.navigator()->current(), (ItemRef{ItemRef::Kind::Model, QStringLiteral("shop"), {}, {}, QStringLiteral("Model")}));

        window.navigator()->select(ItemRef{ItemRef::Kind::Model, QStringLiteral("shop"), {}, {}, QStringLiteral("Pet")});
        auto *name = window.editors()->modelEditor()->findChild<QLineEdit *>(QStringLiteral("modelName"));
        name->selectAll();
        QTest::keyClicks(name, QStringLiteral("Animal"));
        QTest::keyClick(name, Qt::Key_Return);
        const auto &design = window.project().apis.first().design;
        QCOMPARE(design.models.first().name, QStringLiteral("Animal"));
        QCOMPARE(design.resources.first().methods.value(QStringLiteral("POST")).requestModels.value(QStringLiteral("application/json")),
                 QStringLiteral("Animal"));
        QTRY_COMPARE(window.navigator()->current(), (ItemRef{ItemRef::Kind::Model, QStringLiteral("shop"), {}, {}, QStringLiteral("Animal")}));

        for (QAction *a : window.navigator()->actionsFor(window.navigator()->current(), &owner))
            if (a->objectName() == QLatin1String("delete"))
                a->trigger();
        QCOMPARE(window.project().apis.first().design.models.size(), 2);
        window.document()->undoStack()->undo();
        QCOMPARE(window.project().apis.first().design.models.size(), 3);
    }
};

QTEST_MAIN(TestModelEditor)
#include "tst_modeleditor.moc"
