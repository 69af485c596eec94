#include "ui/document/projectdocument.h"
#include "ui/mainwindow.h"
#include "ui/navigatorpanel.h"
#include "ui/openapiexportdialog.h"
#include "ui/openapiimportdialog.h"

#include "gateway/model/projectfile.h"
#include "gateway/openapi/openapiimport.h"
#include "gateway/runtime/engine.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QRadioButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

#include <memory>

using gw::ui::ItemRef;

// File → Import OpenAPI and the Export dialog in the designer, on the engine's import/export.
class TestOpenApiGui : public QObject
{
    Q_OBJECT

    static gw::model::Project sample()
    {
        auto loaded = gw::model::loadProject(QStringLiteral(GW_SOURCE_DIR "/resources/samples/petstore.gwproj"));
        loaded.project.server.port = 0;
        return loaded.project;
    }

    // The main window on the sample project, shown (null when it never appears).
    static std::unique_ptr<gw::ui::MainWindow> shownWindow(gw::runtime::Engine &engine)
    {
        auto window = std::make_unique<gw::ui::MainWindow>(&engine);
        window->setProject(sample(), QString());
        window->show();
        return QTest::qWaitForWindowExposed(window.get()) ? std::move(window) : nullptr;
    }

    // Opens File → Import OpenAPI… with the mouse, as a person does.
    static gw::ui::OpenApiImportDialog *openImportDialog(gw::ui::MainWindow &window)
    {
        QMenuBar *bar = window.menuBar();
        QAction *fileAction = nullptr;
        for (QAction *a : bar->actions())
            if (a->text() == QLatin1String("&File"))
                fileAction = a;
        if (!fileAction)
            return nullptr;
        QTest::mouseClick(bar, Qt::LeftButton, {}, bar->actionGeometry(fileAction).center());
        QMenu *menu = fileAction->menu();
        if (!QTest::qWaitFor([menu]() { return menu->isVisible(); }, 5000))
            return nullptr;
        QAction *import = nullptr;
        for (QAction *a : menu->actions())
            if (a->text() == QStringLiteral("&Import OpenAPI…"))
                import = a;
        if (!import)
            return nullptr;
        QTest::mouseClick(menu, Qt::LeftButton, {}, menu->actionGeometry(import).center());
        gw::ui::OpenApiImportDialog *dialog = nullptr;
        const bool shown = QTest::qWaitFor([&]() {
            dialog = window.findChild<gw::ui::OpenApiImportDialog *>();
            return dialog && dialog->isVisible();
        }, 5000);
        return shown ? dialog : nullptr;
    }

    static void typeInto(QLineEdit *edit, const QString &text)
    {
        QTest::mouseClick(edit, Qt::LeftButton, {}, edit->rect().center());
        QTest::keyClicks(edit, text);
    }

    static void click(QWidget *w)
    {
        QVERIFY2(w->isVisible() && w->isEnabled(), qPrintable(w->objectName()));
        QTest::mouseClick(w, Qt::LeftButton, {}, w->rect().center());
    }

private slots:
    // The import dialog asks which kind of API to create: REST unless the user picks HTTP, with a
    // hint when the file looks like an HTTP API and REST is chosen.
    void importDialogCreatesTheChosenTypeAndHintsAtAnHttpDocument()
    {
        gw::runtime::Engine engine;
        const auto window = shownWindow(engine);
        QVERIFY(window);
        gw::ui::OpenApiImportDialog *dialog = openImportDialog(*window);
        QVERIFY(dialog);
        auto *rest = dialog->findChild<QRadioButton *>(QStringLiteral("importTypeRest"));
        auto *http = dialog->findChild<QRadioButton *>(QStringLiteral("importTypeHttp"));
        auto *hint = dialog->findChild<QLabel *>(QStringLiteral("importTypeHint"));
        QVERIFY(rest && http && hint);
        QVERIFY(rest->isVisible() && http->isVisible());
        QVERIFY(rest->isChecked()); // REST by default
        QVERIFY(!hint->isVisible());

        typeInto(dialog->findChild<QLineEdit *>(QStringLiteral("importFile")),
                 QStringLiteral(GW_SOURCE_DIR "/tests/data/openapi/awsdocs__http-api.oas301.json"));
        QTRY_VERIFY(hint->isVisible());
        QVERIFY2(hint->text().contains(QLatin1String("looks like an HTTP API (x-amazon-apigateway-cors at the top)")),
                 qPrintable(hint->text()));
        click(http);
        QVERIFY(http->isChecked());
        QVERIFY(!hint->isVisible()); // the user chose HTTP: nothing to hint at
        click(rest);
        QVERIFY(hint->isVisible());
        click(http);

        QSignalSpy done(window.get(), &gw::ui::MainWindow::importFinished);
        click(dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok));
        QVERIFY(done.wait(10000));
        QCOMPARE(done.first().first().toBool(), true);
        QVERIFY(window->project().apis.last().type == gw::model::ApiType::Http);
        QVERIFY(window->project().apis.last().design.resource(QStringLiteral("/pets/{petId}")));
    }

    void importDialogImportsAsRestWhenLeftAlone()
    {
        gw::runtime::Engine engine;
        const auto window = shownWindow(engine);
        QVERIFY(window);
        gw::ui::OpenApiImportDialog *dialog = openImportDialog(*window);
        QVERIFY(dialog);
        auto *file = dialog->findChild<QLineEdit *>(QStringLiteral("importFile"));
        typeInto(file, QStringLiteral(GW_SOURCE_DIR "/tests/data/openapi/awsdocs__http-api.oas301.json"));
        QTRY_VERIFY(dialog->findChild<QLabel *>(QStringLiteral("importTypeHint"))->isVisible());
        const int apis = int(window->project().apis.size());
        QSignalSpy done(window.get(), &gw::ui::MainWindow::importFinished);
        QTest::keyClick(file, Qt::Key_Return); // Import is the default button
        QVERIFY(done.wait(10000));
        QCOMPARE(done.first().first().toBool(), true);
        QCOMPARE(int(window->project().apis.size()), apis + 1);
        QVERIFY(window->project().apis.last().type == gw::model::ApiType::Rest);
    }

    void importAddsTheApiAsOneUndoStepAndReportsWarnings()
    {
        gw::runtime::Engine engine;
        gw::ui::MainWindow window(&engine);
        window.setProject(sample(), QString());
        window.show();
        const int apisBefore = int(window.project().apis.size());
        QSignalSpy done(&window, &gw::ui::MainWindow::importFinished);
        window.importOpenApi(QStringLiteral(GW_SOURCE_DIR "/tests/data/openapi/awsdocs__request-validation-petstore.swagger20.json"));
        QVERIFY(window.findChild<QProgressBar *>(QStringLiteral("importProgress"))->isVisible());
        QVERIFY(done.wait(10000));
        QCOMPARE(done.first().first().toBool(), true);
        QVERIFY(!window.findChild<QProgressBar *>(QStringLiteral("importProgress"))->isVisible());
        QCOMPARE(int(window.project().apis.size()), apisBefore + 1);
        const gw::model::Api &imported = window.project().apis.last();
        QVERIFY(imported.design.resource(QStringLiteral("/validation")));
        QCOMPARE(window.navigator()->current(), (ItemRef{ItemRef::Kind::Api, imported.id, {}, {}, {}}));
        // The file's undefined security scheme is warned about with its JSON path, in a window of its own.
        auto *report = window.findChild<QDialog *>(QStringLiteral("importReport"));
        QVERIFY(report && report->isVisible());
        const QString text = report->findChild<QPlainTextEdit *>(QStringLiteral("importWarnings"))->toPlainText();
        QVERIFY2(text.contains(QLatin1String("request-validation-petstore.swagger20.json:paths[\"/validation\"].get.security")),
                 qPrintable(text));
        window.document()->undoStack()->undo();
        QCOMPARE(int(window.project().apis.size()), apisBefore);
    }

    void aBrokenFileChangesNothingAndSaysWhere()
    {
        QTemporaryDir dir;
        const QString bad = dir.filePath(QStringLiteral("broken.yaml"));
        QFile f(bad);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("openapi: 3.0.1\ninfo:\n  title: [unclosed\npaths: {}\n");
        f.close();
        gw::runtime::Engine engine;
        gw::ui::MainWindow window(&engine);
        window.setProject(sample(), QString());
        window.show();
        const int steps = window.document()->undoStack()->count();
        QSignalSpy done(&window, &gw::ui::MainWindow::importFinished);
        window.importOpenApi(bad);
        QVERIFY(done.wait(10000));
        QCOMPARE(done.first().first().toBool(), false);
        QCOMPARE(window.document()->undoStack()->count(), steps);
        QVERIFY2(window.noticeText().contains(QLatin1String("broken.yaml:")), qPrintable(window.noticeText()));
    }

    void exportDialogPreviewsEachChoiceAndSavesWhatItShows()
    {
        gw::ui::OpenApiExportDialog dialog(sample(), QStringLiteral("petstore"));
        QVERIFY(dialog.previewText().contains(QLatin1String("\"openapi\": \"3.0")));
        QVERIFY(dialog.previewText().contains(QLatin1String("x-amazon-apigateway-integration")));

        dialog.findChild<QComboBox *>(QStringLiteral("exportFormat"))->setCurrentIndex(1); // Swagger 2.0
        dialog.findChild<QRadioButton *>(QStringLiteral("exportYaml"))->setChecked(true);
        QVERIFY2(dialog.previewText().contains(QLatin1String("swagger:")), qPrintable(dialog.previewText().left(200)));
        QVERIFY(!dialog.previewText().trimmed().startsWith(QLatin1Char('{')));
        dialog.findChild<QCheckBox *>(QStringLiteral("exportExtensions"))->setChecked(false);
        QVERIFY(!dialog.previewText().contains(QLatin1String("x-amazon-apigateway")));
        dialog.findChild<QCheckBox *>(QStringLiteral("exportExtensions"))->setChecked(true);
        auto *stage = dialog.findChild<QComboBox *>(QStringLiteral("exportStage"));
        QVERIFY(stage->count() >= 2); // the design and stage dev
        stage->setCurrentIndex(1);
        QCOMPARE(dialog.options().stage, QStringLiteral("dev"));

        QTemporaryDir dir;
        const QString out = dir.filePath(QStringLiteral("petstore.yaml"));
        QString error;
        QVERIFY2(dialog.saveTo(out, &error), qPrintable(error));
        QFile written(out);
        QVERIFY(written.open(QIODevice::ReadOnly));
        QCOMPARE(QString::fromUtf8(written.readAll()), dialog.previewText());
        // What was saved imports back with the same resources.
        const auto back = gw::openapi::importOpenApiFile(out);
        QVERIFY(back.ok);
        const gw::model::Project project = sample();
        for (const auto &r : project.api(QStringLiteral("petstore"))->deployments.last().api.resources)
            QVERIFY2(back.api.design.resource(r.path), qPrintable(r.path));
    }
};

QTEST_MAIN(TestOpenApiGui)
#include "tst_openapigui.moc"
