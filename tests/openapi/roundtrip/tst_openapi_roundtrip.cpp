#include "gateway/model/check.h"
#include "gateway/model/projectjson.h"
#include "gateway/openapi/openapiexport.h"
#include "gateway/openapi/openapiimport.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace gw;

// Import → export (with extensions, every format) → import gives the same model, for every
// file of the OpenAPI corpus; each exported document must pass an independent validator.
class TestOpenApiRoundTrip : public QObject
{
    Q_OBJECT

    struct Document
    {
        QString name;
        QByteArray bytes;
    };

    // The extension-examples file collects AWS's documentation snippets; its complete documents
    // are the ones that can be imported.
    static QList<Document> documentsIn(const QString &file)
    {
        QFile f(file);
        if (!f.open(QIODevice::ReadOnly))
            return {};
        const QByteArray bytes = f.readAll();
        const QJsonObject json = QJsonDocument::fromJson(bytes).object();
        if (!json.contains(QLatin1String("examples")))
            return {{QFileInfo(file).fileName(), bytes}};
        QList<Document> out;
        const QJsonArray examples = json.value(QLatin1String("examples")).toArray();
        for (qsizetype k = 0; k < examples.size(); ++k) {
            const QJsonObject e = examples[k].toObject();
            const QByteArray snippet = e.value(QLatin1String("snippet")).toString().toUtf8();
            const QJsonObject doc = QJsonDocument::fromJson(snippet).object();
            if (doc.contains(QLatin1String("openapi")) || doc.contains(QLatin1String("swagger")))
                out.append({QStringLiteral("%1 (example %2)").arg(e.value(QLatin1String("extension_page")).toString()).arg(k), snippet});
        }
        return out;
    }

    static QString describe(const model::Diagnostics &diagnostics)
    {
        QStringList lines;
        for (const auto &d : diagnostics)
            lines.append(d.toString());
        return lines.join(QLatin1Char('\n'));
    }

    // A unified diff of two models' JSON, to say what the round trip changed.
    static QString difference(const model::Api &after, const model::Api &before)
    {
        QTemporaryDir dir;
        for (const auto &[name, api] : {std::pair{QStringLiteral("before"), &before}, std::pair{QStringLiteral("after"), &after}}) {
            QFile f(dir.filePath(name));
            if (f.open(QIODevice::WriteOnly))
                f.write(QJsonDocument(model::toJson(*api)).toJson());
        }
        QProcess diff;
        diff.start(QStringLiteral("diff"), {QStringLiteral("-u"), dir.filePath(QStringLiteral("before")), dir.filePath(QStringLiteral("after"))});
        diff.waitForFinished();
        return QString::fromUtf8(diff.readAllStandardOutput());
    }

private slots:
    void roundTrip_data()
    {
        QTest::addColumn<QString>("file");
        const QDir dir(QStringLiteral(GW_SOURCE_DIR "/tests/data/openapi"));
        const QStringList files = dir.entryList({QStringLiteral("*.json"), QStringLiteral("*.yaml")}, QDir::Files, QDir::Name);
        QVERIFY(files.size() >= 15);
        for (const QString &f : files)
            QTest::newRow(qPrintable(f)) << dir.filePath(f);
    }

    void roundTrip()
    {
        QFETCH(QString, file);
        const QString validator = QStringLiteral(GW_VALIDATOR_DIR "/validate.js");
        QVERIFY2(QFile::exists(validator), "the openapi_validator_install fixture did not install the validator");
        const QString node = QStandardPaths::findExecutable(QStringLiteral("node"));
        QVERIFY2(!node.isEmpty(), "node is needed to validate exported documents");
        QTemporaryDir out;
        QStringList exported;
        const QList<Document> documents = documentsIn(file);
        QVERIFY(!documents.isEmpty());
        for (const Document &doc : documents) {
            openapi::ImportOptions options;
            options.apiId = QStringLiteral("roundtrip1");
            const openapi::ImportResult first = openapi::importOpenApi(doc.bytes, file, options);
            QVERIFY2(first.ok, qPrintable(doc.name + QLatin1Char('\n') + describe(first.diagnostics)));
            // Imported without a chosen type, every document is a REST API (as AWS imports into
            // the kind of API one imports into) that check accepts and both formats export.
            QVERIFY2(first.api.type == model::ApiType::Rest, qPrintable(doc.name));
            model::Project project;
            project.apis.append(first.api);
            if (!first.keptExtensions.isEmpty())
                project.extensions.insert(QStringLiteral("openapi"), QJsonObject{{first.api.id, first.keptExtensions}});
            const model::Diagnostics problems = model::check(project);
            QVERIFY2(!model::hasErrors(problems), qPrintable(doc.name + QLatin1Char('\n') + describe(problems)));
            for (const auto format : {openapi::ExportFormat::OpenApi30, openapi::ExportFormat::Swagger20}) {
                for (const bool yaml : {false, true}) {
                    openapi::ExportOptions eo;
                    eo.format = format;
                    eo.yaml = yaml;
                    eo.extensions = true;
                    const openapi::ExportResult e = openapi::exportOpenApi(project, eo);
                    QVERIFY2(e.ok, qPrintable(describe(e.diagnostics)));
                    const QString name = out.filePath(QStringLiteral("doc%1.%2.%3")
                                                          .arg(exported.size())
                                                          .arg(format == openapi::ExportFormat::OpenApi30 ? QStringLiteral("oas30") : QStringLiteral("swagger20"),
                                                               yaml ? QStringLiteral("yaml") : QStringLiteral("json")));
                    QFile f(name);
                    QVERIFY(f.open(QIODevice::WriteOnly));
                    f.write(e.document);
                    f.close();
                    exported.append(name);
                    const openapi::ImportResult second = openapi::importOpenApiFile(name, options);
                    QVERIFY2(second.ok, qPrintable(name + QLatin1Char('\n') + describe(second.diagnostics)));
                    QVERIFY2(second.api == first.api, qPrintable(doc.name + QLatin1Char(' ') + name + QLatin1Char('\n')
                                                                 + difference(second.api, first.api)));
                    QCOMPARE(second.keptExtensions, first.keptExtensions);
                }
            }
        }
        QProcess p;
        p.start(node, QStringList{validator} + exported);
        QVERIFY(p.waitForFinished(60000));
        const QByteArray report = p.readAllStandardOutput() + p.readAllStandardError();
        QVERIFY2(p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0, report.constData());
        QCOMPARE(report.count("OK "), exported.size());
    }
};

QTEST_GUILESS_MAIN(TestOpenApiRoundTrip)
#include "tst_openapi_roundtrip.moc"
