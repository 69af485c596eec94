// Runs every recorded mapping-template case of tests/data/vtl (copied from the shared corpus; see its README.md):
// renders each template with its variables and input, compares as the case says, prints the
// pass rate, and fails on any case that is not listed below as a known failure (each with its
// reason, mirrored in docs/CONFORMANCE.md).
#include "gateway/transform/mappingvariables.h"
#include "gateway/transform/vtljson.h"
#include "gateway/transform/vtltemplate.h"

#include <QFile>
#include <QRegularExpression>
#include <QtTest>

using namespace gw::transform;

namespace {

const QHash<QString, QString> &knownFailures()
{
    static const QHash<QString, QString> known{
#include "vtlknownfailures.inc"
    };
    return known;
}

const QString kCorpus = QStringLiteral(GW_SOURCE_DIR "/tests/data/vtl/");

VtlValue member(const VtlValue &v, const QString &key)
{
    return v.type() == VtlValue::Type::Map ? v.map()->value(key) : VtlValue();
}

QString text(const VtlValue &v, const QString &key)
{
    const VtlValue m = member(v, key);
    return m.isNull() ? QString() : m.toString();
}

StringPairs pairs(const VtlValue &map)
{
    StringPairs out;
    if (map.type() == VtlValue::Type::Map)
        for (const QString &k : map.map()->keys())
            out.append({k, map.map()->value(k).toString()});
    return out;
}

// velocity.js puts plain objects into its context: their lists are java.util.Lists there, not
// the JSON arrays $util.parseJson yields (which print as JSON).
void plainLists(const VtlValue &v)
{
    if (v.type() == VtlValue::Type::List) {
        v.list()->jsonStyle = false;
        for (const VtlValue &item : v.list()->items)
            plainLists(item);
    } else if (v.type() == VtlValue::Type::Map) {
        for (const QString &k : v.map()->keys())
            plainLists(v.map()->value(k));
    }
}

MappingRequest requestFor(const VtlValue &c)
{
    MappingRequest r;
    const VtlValue input = member(c, QStringLiteral("input"));
    r.body = text(input, QStringLiteral("body")).toUtf8();
    const VtlValue params = member(input, QStringLiteral("params"));
    r.pathParameters = pairs(member(params, QStringLiteral("path")));
    r.query = pairs(member(input, QStringLiteral("query")));
    r.query += pairs(member(params, QStringLiteral("querystring")));
    r.headers = pairs(member(input, QStringLiteral("headers")));
    r.headers += pairs(member(params, QStringLiteral("header")));
    r.context = QJsonObject{{QStringLiteral("httpMethod"), text(input, QStringLiteral("method"))},
                            {QStringLiteral("resourcePath"), text(input, QStringLiteral("path"))},
                            {QStringLiteral("stage"), QStringLiteral("test")}};
    const VtlValue vars = member(c, QStringLiteral("variables"));
    if (text(c, QStringLiteral("id")).startsWith(QLatin1String("velocityjs.")))
        plainLists(vars);
    if (vars.type() == VtlValue::Type::Map)
        for (const QString &k : vars.map()->keys())
            r.extra.insert(k, vars.map()->value(k));
    return r;
}

QString normalized(QString s, const QString &mode)
{
    if (mode == QLatin1String("trim"))
        return s.trimmed();
    if (mode == QLatin1String("normalize-whitespace"))
        return s.simplified();
    if (mode == QLatin1String("remove-all-whitespace"))
        return s.remove(QRegularExpression(QStringLiteral("\\s+")));
    return s;
}

// JavaScript's loose equality for the velocity.js context checks: scalars by string form.
bool looseEquals(const VtlValue &a, const VtlValue &b)
{
    using T = VtlValue::Type;
    if (a.type() == T::List && b.type() == T::List) {
        if (a.list()->items.size() != b.list()->items.size())
            return false;
        for (qsizetype i = 0; i < a.list()->items.size(); ++i)
            if (!looseEquals(a.list()->items[i], b.list()->items[i]))
                return false;
        return true;
    }
    if (a.type() == T::Map && b.type() == T::Map) {
        if (a.map()->size() != b.map()->size())
            return false;
        for (const QString &k : a.map()->keys())
            if (!looseEquals(a.map()->value(k), b.map()->value(k)))
                return false;
        return true;
    }
    if (a.isNull() || b.isNull())
        return a.isNull() && b.isNull();
    if (a.isNumber() && b.isNumber())
        return a.doubleValue() == b.doubleValue();
    return a.toString() == b.toString();
}

// Runs one case; returns an empty string when it passes, else what went wrong.
QString runCase(const VtlValue &c)
{
    const QString id = text(c, QStringLiteral("id"));
    const bool expectError = member(c, QStringLiteral("expected_error")).truthy();
    VtlValue templates = member(c, QStringLiteral("templates"));
    QStringList sources;
    if (templates.type() == VtlValue::Type::Map)
        sources = {text(templates, QStringLiteral("request")), text(templates, QStringLiteral("response"))};
    else
        sources = {text(c, QStringLiteral("template"))};

    MappingRequest request = requestFor(c);
    MappingOverrides overrides;
    QString output;
    VtlVariables lastVariables;
    for (const QString &source : sources) {
        VtlSyntaxError error;
        const auto tpl = VtlTemplate::parse(source, &error);
        if (!tpl)
            return expectError ? QString() : QStringLiteral("syntax error: %1").arg(error.toString());
        VtlVariables vars = mappingVariables(request, overrides);
        const VtlRenderResult r = tpl->render(vars);
        if (!r.ok)
            return expectError ? QString() : QStringLiteral("render error: %1").arg(r.error);
        overrides = readOverrides(vars);
        output = r.output;
        lastVariables = vars;
        request.body = output.toUtf8(); // a chain: the response template sees the request's output
    }
    if (expectError)
        return QStringLiteral("rendered %1 where AWS rejects the template").arg(output);

    const VtlValue expectedContext = member(c, QStringLiteral("expected_context"));
    if (expectedContext.type() == VtlValue::Type::Map) {
        VtlValue v;
        const QStringList path = text(expectedContext, QStringLiteral("path")).split(QLatin1Char('.'));
        v = lastVariables.value(path.first());
        for (qsizetype i = 1; i < path.size(); ++i)
            v = v.type() == VtlValue::Type::List ? v.list()->items.value(path[i].toInt()) : member(v, path[i]);
        const VtlValue expected = member(expectedContext, QStringLiteral("value"));
        if (!looseEquals(v, expected))
            return QStringLiteral("$%1 is %2, expected %3").arg(path.join(QLatin1Char('.')), v.toJsonText(), expected.toJsonText());
        return {};
    }

    const VtlValue expected = member(c, QStringLiteral("expected"));
    const QString mode = text(c, QStringLiteral("compare"));
    if (mode == QLatin1String("json") || !expected.isString()) {
        VtlValue want = expected;
        if (expected.isString() && !parseJsonText(expected.stringValue(), &want))
            return QStringLiteral("expected value is not JSON");
        VtlValue got;
        if (!parseJsonText(output, &got))
            return QStringLiteral("output is not JSON: %1").arg(output);
        return got.equals(want) ? QString() : QStringLiteral("JSON differs: got %1, expected %2").arg(got.toJsonText(), want.toJsonText());
    }
    const QString got = normalized(output, mode);
    const QString want = normalized(expected.stringValue(), mode);
    if (got == want)
        return {};
    return QStringLiteral("got %1, expected %2").arg(QString::fromLatin1(got.toUtf8().toPercentEncoding(" {}[]=,:\"$#!")),
                                                      QString::fromLatin1(want.toUtf8().toPercentEncoding(" {}[]=,:\"$#!")));
}

} // namespace

class TestVtlConformance : public QObject
{
    Q_OBJECT

private slots:
    void corpus_data();
    void corpus();
    void passRate();
};

void TestVtlConformance::corpus_data()
{
    QTest::addColumn<QString>("file");
    for (const char *f : {"airspeed-aws-recorded.json", "airspeed-aws-errors.json", "awsdocs-examples.json",
                          "localstack-unit-expectations.json", "velocityjs-semantics.json"})
        QTest::newRow(f) << QString::fromLatin1(f);
}

static int s_total = 0;
static int s_passed = 0;

void TestVtlConformance::corpus()
{
    QFETCH(QString, file);
    QFile f(kCorpus + file);
    QVERIFY2(f.open(QIODevice::ReadOnly), qPrintable(f.fileName()));
    VtlValue doc;
    QVERIFY(parseJsonText(QString::fromUtf8(f.readAll()), &doc));
    const VtlValue cases = member(doc, QStringLiteral("cases"));
    QVERIFY(cases.type() == VtlValue::Type::List);
    QVERIFY(!cases.list()->items.isEmpty());
    QStringList unexpected;
    int passed = 0;
    for (const VtlValue &c : cases.list()->items) {
        const QString id = text(c, QStringLiteral("id"));
        const QString problem = runCase(c);
        const bool known = knownFailures().contains(id);
        if (problem.isEmpty()) {
            ++passed;
            if (known)
                qWarning("%s passes now: take it off the known failures", qPrintable(id));
        } else if (!known) {
            qWarning("%s: %s", qPrintable(id), qPrintable(problem));
            unexpected.append(id);
        }
    }
    s_total += int(cases.list()->items.size());
    s_passed += passed;
    qInfo("%s: %d/%lld cases pass", qPrintable(file), passed, cases.list()->items.size());
    QVERIFY2(unexpected.isEmpty(), qPrintable(QStringLiteral("unexpected failures: ") + unexpected.join(QStringLiteral(", "))));
}

void TestVtlConformance::passRate()
{
    QVERIFY(s_total > 300);
    qInfo("VTL conformance: %d/%d cases pass (%.1f%%), %lld known failures", s_passed, s_total,
          100.0 * s_passed / s_total, qsizetype(knownFailures().size()));
    QVERIFY(s_passed + knownFailures().size() >= s_total);
}

QTEST_GUILESS_MAIN(TestVtlConformance)
#include "tst_vtlconformance.moc"
