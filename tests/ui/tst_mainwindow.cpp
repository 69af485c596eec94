#include "ui/clientpanel.h"
#include "ui/livelogpanel.h"
#include "ui/mainwindow.h"
#include "ui/models/projecttreemodel.h"
#include "ui/models/requestlogmodel.h"

#include "gateway/model/projectfile.h"
#include "gateway/runtime/engine.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

// The desktop app under the offscreen platform: it serves the sample on a real port, the
// client sends through the engine, and the request shows up in the live log with its trace.
class TestMainWindow : public QObject
{
    Q_OBJECT
private slots:
    void sampleServesAndTheClientsCallAppearsInTheLog()
    {
        const auto loaded = gw::model::loadProject(QStringLiteral(GW_SOURCE_DIR "/resources/samples/petstore.gwproj"));
        QVERIFY(loaded.ok);
        gw::runtime::Engine engine;
        gw::ui::MainWindow window(&engine);
        QAbstractItemModelTester logTester(window.logModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        window.setProject(loaded.project, QStringLiteral(GW_SOURCE_DIR "/resources/samples/petstore.gwproj"));
        window.show();
        QSignalSpy started(&engine, &gw::runtime::Engine::started);
        gw::runtime::EngineOptions options;
        options.port = 0;
        options.captureDetails = true;
        engine.start(options);
        QVERIFY(started.wait(5000));

        // The client is prefilled with the stage's URL; send with the button, as a person would.
        auto *url = window.findChild<QLineEdit *>(QStringLiteral("clientUrl"));
        QVERIFY(url);
        QVERIFY2(url->text().contains(QStringLiteral("petstore.execute-api.localhost:%1/dev/ping").arg(engine.port())), qPrintable(url->text()));
        QSignalSpy answered(window.client(), &gw::ui::ClientPanel::finished);
        QTest::mouseClick(window.findChild<QPushButton *>(QStringLiteral("clientSend")), Qt::LeftButton);
        QVERIFY(answered.wait(5000));
        QCOMPARE(answered.first().first().toInt(), 200);
        QVERIFY(window.client()->responseText().contains(QLatin1String("\"status\": \"ok\"")));

        QTRY_COMPARE(window.logModel()->rowCount(), 1);
        QCOMPARE(window.logModel()->index(0, gw::ui::RequestLogModel::Status).data().toInt(), 200);
        QCOMPARE(window.logModel()->index(0, gw::ui::RequestLogModel::Path).data().toString(), QStringLiteral("/dev/ping"));
        window.selectLogRow(0);
        QVERIFY(window.findChild<QPlainTextEdit *>(QStringLiteral("logDetails")));
        const QString details = window.logPanel()->detailsText();
        QVERIFY2(details.contains(QLatin1String("Method completed with status: 200")), qPrintable(details));
        engine.stop();
    }

    void logModelStaysBoundedAndInsertsBatches()
    {
        gw::ui::RequestLogModel model(100);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy inserts(&model, &QAbstractItemModel::rowsInserted);
        for (int batch = 0; batch < 10; ++batch) {
            QList<gw::runtime::RequestRecord> records;
            for (int i = 0; i < 30; ++i) {
                gw::runtime::RequestRecord r;
                r.requestId = QString::number(batch * 30 + i);
                r.status = 200;
                records.append(r);
            }
            model.appendBatch(records);
        }
        QCOMPARE(model.rowCount(), 100);
        QCOMPARE(inserts.size(), 10); // one insert per batch
        QCOMPARE(model.record(99)->requestId, QStringLiteral("299"));
        QCOMPARE(model.record(0)->requestId, QStringLiteral("200"));
        model.setPaused(true);
        model.appendBatch({gw::runtime::RequestRecord{}});
        QCOMPARE(model.rowCount(), 100);
    }

    void navigatorShowsTheResourceTreeNested()
    {
        const auto loaded = gw::model::loadProject(QStringLiteral(GW_SOURCE_DIR "/resources/samples/petstore.gwproj"));
        gw::ui::ProjectTreeModel tree;
        QAbstractItemModelTester tester(&tree, QAbstractItemModelTester::FailureReportingMode::QtTest);
        tree.setProject(loaded.project);
        const QModelIndex api = tree.index(0, 0, tree.index(0, 0));
        QVERIFY(api.data().toString().startsWith(QLatin1String("PetStore (petstore")));
        // Resources nest by path: / → /pets → /{petId}; each item knows its full path.
        const QModelIndex petId = tree.indexOf(gw::ui::ItemRef{gw::ui::ItemRef::Kind::Resource, QStringLiteral("petstore"),
                                                               QStringLiteral("/pets/{petId}"), {}, {}});
        QVERIFY(petId.isValid());
        QCOMPARE(petId.data().toString(), QStringLiteral("/{petId}"));
        QCOMPARE(gw::ui::ProjectTreeModel::refAt(petId.parent()).path, QStringLiteral("/pets"));
        QCOMPARE(gw::ui::ProjectTreeModel::refAt(petId.parent().parent()).path, QStringLiteral("/"));
        QStringList children;
        for (int r = 0; r < tree.rowCount(api); ++r)
            children.append(tree.index(r, 0, api).data().toString());
        QVERIFY(children.contains(QStringLiteral("Stages")));
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
