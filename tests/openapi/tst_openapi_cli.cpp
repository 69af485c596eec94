#include "gateway/openapi/yamljson.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

// `gatewright-cli import` and `export` run as processes, as a script or CI would run them.
class TestOpenApiCli : public QObject
{
    Q_OBJECT

    QString m_cli;
    const QString m_data = QStringLiteral(GW_SOURCE_DIR "/tests/data/openapi/");
    const QString m_sample = QStringLiteral(GW_SOURCE_DIR "/resources/samples/petstore.gwproj");

    struct Run
    {
        int exitCode = -1;
        QByteArray out;
        QByteArray err;
    };
    Run run(const QStringList &args)
    {
        QProcess p;
        p.start(m_cli, args);
        p.waitForFinished(30000);
        return {p.exitCode(), p.readAllStandardOutput(), p.readAllStandardError()};
    }
    static QJsonObject readJson(const QString &file)
    {
        QFile f(file);
        return f.open(QIODevice::ReadOnly) ? QJsonDocument::fromJson(f.readAll()).object() : QJsonObject();
    }

private slots:
    void initTestCase()
    {
        m_cli = qEnvironmentVariable("GW_CLI", QStringLiteral(GW_BINARY_DIR "/app/cli/gatewright-cli"));
        QVERIFY2(QFile::exists(m_cli), qPrintable(m_cli));
    }

    void importCreatesAProjectThatPassesCheck()
    {
        QTemporaryDir dir;
        const QString project = dir.filePath(QStringLiteral("new.gwproj"));
        const Run r = run({QStringLiteral("import"), m_data + QStringLiteral("awsdocs__lambda-proxy.swagger20.json"),
                           QStringLiteral("-o"), project});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QJsonObject summary = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(summary.value(QLatin1String("apiType")).toString(), QStringLiteral("REST"));
        const QJsonArray apis = readJson(project).value(QLatin1String("apis")).toArray();
        QCOMPARE(apis.size(), 1);
        QCOMPARE(apis[0].toObject().value(QLatin1String("id")).toString(), summary.value(QLatin1String("apiId")).toString());
        const Run check = run({QStringLiteral("check"), project});
        QVERIFY2(check.exitCode == 0, check.err.constData());
    }

    void importRefusesToOverwriteAnExistingProject()
    {
        QTemporaryDir dir;
        const QString project = dir.filePath(QStringLiteral("p.gwproj"));
        QVERIFY(QFile::copy(m_sample, project));
        const Run r = run({QStringLiteral("import"), m_data + QStringLiteral("localstack__pets.json"), QStringLiteral("-o"), project});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("already exists"), r.err.constData());
        QCOMPARE(readJson(project), readJson(m_sample));
    }

    void importIntoAddsTheApiAndExportThenNeedsToKnowWhich()
    {
        QTemporaryDir dir;
        const QString project = dir.filePath(QStringLiteral("p.gwproj"));
        QVERIFY(QFile::copy(m_sample, project));
        QFile::setPermissions(project, QFile::ReadOwner | QFile::WriteOwner);
        const Run r = run({QStringLiteral("import"), m_data + QStringLiteral("awsdocs__http-api.oas301.json"),
                           QStringLiteral("--into"), project, QStringLiteral("--type"), QStringLiteral("http")});
        QVERIFY2(!r.err.contains("hint"), r.err.constData()); // the type was chosen
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QString apiId = QJsonDocument::fromJson(r.out).object().value(QLatin1String("apiId")).toString();
        QCOMPARE(QJsonDocument::fromJson(r.out).object().value(QLatin1String("apiType")).toString(), QStringLiteral("HTTP"));
        QCOMPARE(readJson(project).value(QLatin1String("apis")).toArray().size(), 2);
        QCOMPARE(run({QStringLiteral("check"), project}).exitCode, 0);

        const Run ambiguous = run({QStringLiteral("export"), project, QStringLiteral("--format"), QStringLiteral("oas30")});
        QCOMPARE(ambiguous.exitCode, 1);
        QVERIFY2(ambiguous.err.contains("say which one"), ambiguous.err.constData());
        const Run exported = run({QStringLiteral("export"), project, QStringLiteral("--api"), apiId, QStringLiteral("--format"),
                                  QStringLiteral("oas30"), QStringLiteral("--extensions")});
        QVERIFY2(exported.exitCode == 0, exported.err.constData());
        const QJsonObject doc = QJsonDocument::fromJson(exported.out).object();
        QCOMPARE(doc.value(QLatin1String("x-amazon-apigateway-importexport-version")).toString(), QStringLiteral("1.0"));
        QVERIFY(doc.value(QLatin1String("paths")).toObject().contains(QLatin1String("/pets/{petId}")));
        const Run swagger = run({QStringLiteral("export"), project, QStringLiteral("--api"), apiId, QStringLiteral("--format"), QStringLiteral("swagger20")});
        QCOMPARE(swagger.exitCode, 1);
        QVERIFY2(swagger.err.contains("OpenAPI 3.0 only"), swagger.err.constData());
    }

    // AWS imports a document as the kind of API it is imported into; an HTTP API document
    // imported without --type becomes a REST API, with a hint saying why it might not be meant as one.
    void importIsRestUnlessToldAndHintsAtAnHttpApiDocument()
    {
        QTemporaryDir dir;
        const QString file = m_data + QStringLiteral("awsdocs__http-api.oas301.json");
        const Run r = run({QStringLiteral("import"), file, QStringLiteral("-o"), dir.filePath(QStringLiteral("a.gwproj"))});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(QJsonDocument::fromJson(r.out).object().value(QLatin1String("apiType")).toString(), QStringLiteral("REST"));
        const QByteArray hint = file.toUtf8() + ": hint: looks like an HTTP API (x-amazon-apigateway-cors at the top)";
        QVERIFY2(r.err.contains(hint), r.err.constData());
        QVERIFY2(r.err.contains("(--type http)\n"), r.err.constData());
        QCOMPARE(run({QStringLiteral("check"), dir.filePath(QStringLiteral("a.gwproj"))}).exitCode, 0);

        const Run rest = run({QStringLiteral("import"), file, QStringLiteral("-o"), dir.filePath(QStringLiteral("b.gwproj")),
                              QStringLiteral("--type"), QStringLiteral("rest")});
        QVERIFY2(rest.exitCode == 0, rest.err.constData());
        QCOMPARE(QJsonDocument::fromJson(rest.out).object().value(QLatin1String("apiType")).toString(), QStringLiteral("REST"));
        QVERIFY2(!rest.err.contains("hint"), rest.err.constData());

        // A REST document gets no hint.
        const Run plain = run({QStringLiteral("import"), m_data + QStringLiteral("localstack__pets.json"), QStringLiteral("-o"),
                               dir.filePath(QStringLiteral("c.gwproj"))});
        QVERIFY2(plain.exitCode == 0, plain.err.constData());
        QVERIFY2(!plain.err.contains("hint"), plain.err.constData());

        const Run wrong = run({QStringLiteral("import"), file, QStringLiteral("-o"), dir.filePath(QStringLiteral("d.gwproj")),
                               QStringLiteral("--type"), QStringLiteral("websocket")});
        QCOMPARE(wrong.exitCode, 2);
        QVERIFY2(wrong.err.contains("--type must be rest or http"), wrong.err.constData());
    }

    void importReportsWhatAndWhere_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("expected");
        QTest::newRow("yaml syntax") << QByteArray("openapi: 3.0.1\ninfo:\n  title: [unclosed\npaths: {}\n")
                                     << QStringLiteral("api.yaml:4:6: ");
        QTest::newRow("not openapi") << QByteArray("{\"hello\": 1}") << QStringLiteral("api.yaml: not an OpenAPI 3.0 or Swagger 2.0 document");
        QTest::newRow("bad ref") << QByteArray("swagger: '2.0'\ninfo: {title: t, version: '1'}\npaths:\n  /a:\n    get:\n"
                                               "      parameters: [{$ref: '#/parameters/missing'}]\n      responses: {}\n")
                                 << QStringLiteral("api.yaml:paths[\"/a\"].get.parameters[0]: $ref '#/parameters/missing': #/parameters/missing does not exist");
    }

    void importReportsWhatAndWhere()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, expected);
        QTemporaryDir dir;
        QFile f(dir.filePath(QStringLiteral("api.yaml")));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(content);
        f.close();
        const Run r = run({QStringLiteral("import"), f.fileName(), QStringLiteral("-o"), dir.filePath(QStringLiteral("p.gwproj"))});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(QString::fromUtf8(r.err).contains(dir.filePath(expected)), r.err.constData());
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("p.gwproj"))));
    }

    void exportOfAStageHasItsBaseUrlAndStageVariables()
    {
        const Run r = run({QStringLiteral("export"), m_sample, QStringLiteral("--stage"), QStringLiteral("dev"),
                           QStringLiteral("--format"), QStringLiteral("swagger20"), QStringLiteral("--extensions")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QJsonObject doc = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(doc.value(QLatin1String("swagger")).toString(), QStringLiteral("2.0"));
        QCOMPARE(doc.value(QLatin1String("basePath")).toString(), QStringLiteral("/dev"));
        QCOMPARE(doc.value(QLatin1String("host")).toString(), QStringLiteral("petstore.execute-api.localhost:4510"));
        QVERIFY2(!r.out.contains("${stageVariables.backend}"), r.out.constData());
        QVERIFY(r.out.contains("\"uri\": \"http://127.0.0.1:4510/restapis/petstore/dev/_user_request_/{proxy}\""));

        const Run kept = run({QStringLiteral("export"), m_sample, QStringLiteral("--stage"), QStringLiteral("dev"),
                              QStringLiteral("--format"), QStringLiteral("oas30"), QStringLiteral("--extensions"),
                              QStringLiteral("--keep-stage-variables")});
        QVERIFY(kept.out.contains("${stageVariables.backend}"));
        const QJsonObject server = QJsonDocument::fromJson(kept.out).object().value(QLatin1String("servers")).toArray().at(0).toObject();
        QCOMPARE(server.value(QLatin1String("url")).toString(), QStringLiteral("http://petstore.execute-api.localhost:4510/{basePath}"));
        QCOMPARE(server.value(QLatin1String("variables")).toObject().value(QLatin1String("basePath")).toObject()
                     .value(QLatin1String("default")).toString(), QStringLiteral("dev"));
    }

    void exportWithoutExtensionsHasNoAmazonKeys()
    {
        const Run r = run({QStringLiteral("export"), m_sample, QStringLiteral("--format"), QStringLiteral("oas30")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY(r.out.contains("\"openapi\": \"3.0.1\""));
        QVERIFY(!r.out.contains("x-amazon-apigateway"));
    }

    void exportedYamlFileImportsBack()
    {
        QTemporaryDir dir;
        const QString yaml = dir.filePath(QStringLiteral("api.yaml"));
        const Run r = run({QStringLiteral("export"), m_sample, QStringLiteral("--format"), QStringLiteral("oas30"),
                           QStringLiteral("--yaml"), QStringLiteral("--extensions"), QStringLiteral("-o"), yaml});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QFile f(yaml);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray text = f.readAll();
        QVERIFY(!text.trimmed().startsWith('{'));
        gw::openapi::SyntaxError syntax;
        const auto parsed = gw::openapi::parseJsonOrYaml(text, &syntax);
        QVERIFY2(parsed, qPrintable(syntax.message));
        QCOMPARE(parsed->toObject().value(QLatin1String("info")).toObject().value(QLatin1String("title")).toString(), QStringLiteral("PetStore"));
        const Run back = run({QStringLiteral("import"), yaml, QStringLiteral("-o"), dir.filePath(QStringLiteral("p.gwproj"))});
        QVERIFY2(back.exitCode == 0, back.err.constData());
        QCOMPARE(run({QStringLiteral("check"), dir.filePath(QStringLiteral("p.gwproj"))}).exitCode, 0);
    }
};

QTEST_GUILESS_MAIN(TestOpenApiCli)
#include "tst_openapi_cli.moc"
