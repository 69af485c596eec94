// Times the import of a generated OpenAPI definition with 2,000 paths (issue 8: under 2 s).
// On demand, not in ctest:  cmake --build BUILD --target bench_openapi_import && BUILD/tests/openapi/bench_openapi_import
#include "gateway/openapi/openapiimport.h"
#include "gateway/openapi/yamljson.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

#include <algorithm>

using namespace gw;

static QJsonObject operation(int i, const QString &verb, bool withBody)
{
    QJsonObject op{
        {QStringLiteral("operationId"), QStringLiteral("%1Item%2").arg(verb).arg(i)},
        {QStringLiteral("parameters"), QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("id")}, {QStringLiteral("in"), QStringLiteral("path")},
                                                              {QStringLiteral("required"), true}, {QStringLiteral("schema"), QJsonObject{{QStringLiteral("type"), QStringLiteral("string")}}}},
                                                  QJsonObject{{QStringLiteral("name"), QStringLiteral("q")}, {QStringLiteral("in"), QStringLiteral("query")},
                                                              {QStringLiteral("schema"), QJsonObject{{QStringLiteral("type"), QStringLiteral("string")}}}}}},
        {QStringLiteral("responses"), QJsonObject{{QStringLiteral("200"), QJsonObject{
            {QStringLiteral("description"), QStringLiteral("200 response")},
            {QStringLiteral("headers"), QJsonObject{{QStringLiteral("X-Rate"), QJsonObject{{QStringLiteral("schema"), QJsonObject{{QStringLiteral("type"), QStringLiteral("string")}}}}}}},
            {QStringLiteral("content"), QJsonObject{{QStringLiteral("application/json"), QJsonObject{{QStringLiteral("schema"), QJsonObject{{QStringLiteral("$ref"), QStringLiteral("#/components/schemas/Item")}}}}}}}}}}},
        {QStringLiteral("x-amazon-apigateway-integration"), QJsonObject{
            {QStringLiteral("type"), QStringLiteral("http")}, {QStringLiteral("httpMethod"), verb.toUpper()},
            {QStringLiteral("uri"), QStringLiteral("http://backend.example/items/%1/{id}").arg(i)},
            {QStringLiteral("requestParameters"), QJsonObject{{QStringLiteral("integration.request.path.id"), QStringLiteral("method.request.path.id")}}},
            {QStringLiteral("responses"), QJsonObject{{QStringLiteral("default"), QJsonObject{{QStringLiteral("statusCode"), QStringLiteral("200")}}}}}}}};
    if (withBody)
        op.insert(QStringLiteral("requestBody"), QJsonObject{{QStringLiteral("content"), QJsonObject{{QStringLiteral("application/json"),
            QJsonObject{{QStringLiteral("schema"), QJsonObject{{QStringLiteral("$ref"), QStringLiteral("#/components/schemas/Item")}}}}}}}});
    return op;
}

static QJsonObject generate(int pathCount)
{
    QJsonObject paths;
    for (int i = 0; i < pathCount; ++i)
        paths.insert(QStringLiteral("/group%1/items%2/{id}").arg(i % 50).arg(i),
                     QJsonObject{{QStringLiteral("get"), operation(i, QStringLiteral("get"), false)},
                                 {QStringLiteral("post"), operation(i, QStringLiteral("post"), true)}});
    const QJsonObject item{{QStringLiteral("type"), QStringLiteral("object")},
                           {QStringLiteral("properties"), QJsonObject{{QStringLiteral("id"), QJsonObject{{QStringLiteral("type"), QStringLiteral("string")}}},
                                                                      {QStringLiteral("children"), QJsonObject{{QStringLiteral("type"), QStringLiteral("array")},
                                                                                                               {QStringLiteral("items"), QJsonObject{{QStringLiteral("$ref"), QStringLiteral("#/components/schemas/Item")}}}}}}}};
    return {{QStringLiteral("openapi"), QStringLiteral("3.0.1")},
            {QStringLiteral("info"), QJsonObject{{QStringLiteral("title"), QStringLiteral("Generated")}, {QStringLiteral("version"), QStringLiteral("1")}}},
            {QStringLiteral("paths"), paths},
            {QStringLiteral("components"), QJsonObject{{QStringLiteral("schemas"), QJsonObject{{QStringLiteral("Item"), item}}}}}};
}

static void time(QTextStream &out, const char *label, const QByteArray &bytes)
{
    QList<qint64> runs;
    qsizetype resources = 0;
    for (int k = 0; k < 5; ++k) {
        QElapsedTimer t;
        t.start();
        const openapi::ImportResult r = openapi::importOpenApi(bytes, QStringLiteral("generated"));
        runs.append(t.elapsed());
        resources = r.api.design.resources.size();
        if (!r.ok)
            out << "import failed\n";
    }
    std::sort(runs.begin(), runs.end());
    out << label << ": " << bytes.size() / 1024 << " KiB, " << resources << " resources, median " << runs[2]
        << " ms (min " << runs.first() << ", max " << runs.last() << ")\n";
}

int main()
{
    QTextStream out(stdout);
    const QJsonObject doc = generate(2000);
    time(out, "2,000 paths, JSON", QJsonDocument(doc).toJson(QJsonDocument::Compact));
    time(out, "2,000 paths, YAML", openapi::toYaml(doc));
    return 0;
}
