// Times the import of generated OpenAPI definitions: 2,000 paths (issue 8: under 2 s) and one
// path 10,000 segments deep (issue 23: under 1 s). Prints one line per document; exits 1 when
// a median is over its target. On demand, not in ctest: tests/benchmarks/openapi_import.sh
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

// One path /s0/s1/.../s{depth-1} with a GET: the depth a hand-written recursion or a per-segment
// copy of the path makes quadratic.
static QJsonObject generateDeep(int depth)
{
    QString path;
    for (int i = 0; i < depth; ++i)
        path += QStringLiteral("/s%1").arg(i);
    const QJsonObject get{{QStringLiteral("responses"), QJsonObject{{QStringLiteral("200"), QJsonObject{{QStringLiteral("description"), QStringLiteral("200 response")}}}}}};
    return {{QStringLiteral("openapi"), QStringLiteral("3.0.1")},
            {QStringLiteral("info"), QJsonObject{{QStringLiteral("title"), QStringLiteral("Deep")}, {QStringLiteral("version"), QStringLiteral("1")}}},
            {QStringLiteral("paths"), QJsonObject{{path, QJsonObject{{QStringLiteral("get"), get}}}}}};
}

// The median of five imports; false when it is over `targetMs`.
static bool time(QTextStream &out, const char *label, const QByteArray &bytes, qint64 targetMs)
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
        << " ms (min " << runs.first() << ", max " << runs.last() << "; target " << targetMs << " ms)\n";
    return runs[2] <= targetMs;
}

int main()
{
    QTextStream out(stdout);
    const QJsonObject doc = generate(2000);
    bool ok = time(out, "2,000 paths, JSON", QJsonDocument(doc).toJson(QJsonDocument::Compact), 2000);
    ok = time(out, "2,000 paths, YAML", openapi::toYaml(doc), 2000) && ok;
    const QJsonObject deep = generateDeep(10000);
    ok = time(out, "1 path 10,000 segments deep, JSON", QJsonDocument(deep).toJson(QJsonDocument::Compact), 1000) && ok;
    ok = time(out, "1 path 10,000 segments deep, YAML", openapi::toYaml(deep), 1000) && ok;
    return ok ? 0 : 1;
}
