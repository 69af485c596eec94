#include "schemacheck.h"

#include "gateway/validate/modelschemas.h"

#include <QJsonDocument>
#include <QRegularExpression>

namespace gw::ui {

namespace {

// The line of `offset` (a UTF-8 byte offset, as QJsonParseError gives it) and its column.
std::pair<int, int> lineAndColumn(const QByteArray &utf8, qsizetype offset)
{
    const QString before = QString::fromUtf8(utf8.left(offset));
    const int line = int(before.count(QLatin1Char('\n'))) + 1;
    const int column = int(before.size() - before.lastIndexOf(QLatin1Char('\n')));
    return {line, column};
}

bool compiles(const QJsonValue &schema, const gw::validate::JsonSchema::DocumentResolver &resolve)
{
    return gw::validate::JsonSchema::compile(schema, resolve, nullptr) != nullptr;
}

// valijson rarely says where ("JSON value is not a string"): the keyword to blame is found by
// compiling each keyword alone, descending into the sub-schemas of the one that fails. `$ref`s are
// left out (a "#/..." one cannot resolve out of its document). Returns the keys from the root.
QStringList culprit(const QJsonObject &schema, const gw::validate::JsonSchema::DocumentResolver &resolve)
{
    static const QStringList maps = {QStringLiteral("properties"), QStringLiteral("definitions"), QStringLiteral("patternProperties")};
    static const QStringList subSchemas = {QStringLiteral("items"), QStringLiteral("not"), QStringLiteral("additionalProperties"),
                                           QStringLiteral("additionalItems")};
    for (auto it = schema.begin(); it != schema.end(); ++it) {
        if (it.key() == QLatin1String("$ref") || compiles(QJsonObject{{it.key(), it.value()}}, resolve))
            continue;
        if (maps.contains(it.key()) && it->isObject()) {
            const QJsonObject map = it->toObject();
            for (auto sub = map.begin(); sub != map.end(); ++sub)
                if (sub->isObject() && !compiles(*sub, resolve))
                    return QStringList{it.key(), sub.key()} + culprit(sub->toObject(), resolve);
        }
        if (subSchemas.contains(it.key()) && it->isObject())
            return QStringList{it.key()} + culprit(it->toObject(), resolve);
        return {it.key()};
    }
    return {};
}

// The line of the last of `keys`, each looked for as "key" after the one before it.
int lineOfKeys(const QString &text, const QStringList &keys)
{
    qsizetype at = 0;
    for (const QString &key : keys) {
        const qsizetype found = text.indexOf(QLatin1Char('"') + key + QLatin1Char('"'), at);
        if (found < 0)
            return 0;
        at = found + 1;
    }
    return keys.isEmpty() ? 0 : int(text.left(at).count(QLatin1Char('\n'))) + 1;
}

} // namespace

SchemaCheck checkModelSchema(const gw::model::ApiDefinition &definition, qsizetype index, const QString &text)
{
    SchemaCheck out;
    const QByteArray utf8 = text.toUtf8();
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(utf8, &error);
    if (error.error != QJsonParseError::NoError) {
        const auto [line, column] = lineAndColumn(utf8, error.offset);
        out.line = line;
        out.column = column;
        out.message = QStringLiteral("line %1, column %2: %3").arg(line).arg(column).arg(error.errorString());
        return out;
    }
    if (!doc.isObject()) {
        out.line = 1;
        out.message = QStringLiteral("line 1: a model's schema is a JSON object");
        return out;
    }
    out.isJsonObject = true;
    out.schema = doc.object();
    if (index < 0 || index >= definition.models.size())
        return out;
    gw::model::ApiDefinition probe = definition;
    probe.models[index].schema = out.schema;
    gw::model::Diagnostics diagnostics;
    gw::validate::ModelSchemas::compile(probe, &diagnostics, QStringLiteral("design"));
    const QString path = QStringLiteral("design.models[%1].schema").arg(index);
    for (const auto &d : diagnostics) {
        if (d.path != path)
            continue;
        static const QRegularExpression unresolved(QStringLiteral("cannot resolve \\$ref (\\S+)"));
        if (const auto m = unresolved.match(d.message); m.hasMatch()) {
            const qsizetype at = text.indexOf(m.captured(1));
            out.line = at < 0 ? 0 : int(text.left(at).count(QLatin1Char('\n'))) + 1;
        } else {
            const auto resolve = [&probe](const QString &uri) -> std::optional<QJsonValue> {
                const QString name = gw::validate::modelNameFromRef(uri);
                for (const auto &m : probe.models)
                    if (m.name == name)
                        return QJsonValue(m.schema);
                const QJsonObject builtIn = gw::validate::ModelSchemas::builtInModel(name);
                return builtIn.isEmpty() ? std::nullopt : std::optional<QJsonValue>(builtIn);
            };
            out.line = lineOfKeys(text, culprit(out.schema, resolve));
        }
        out.message = out.line > 0 ? QStringLiteral("line %1: %2").arg(out.line).arg(d.message) : d.message;
        break;
    }
    return out;
}

} // namespace gw::ui
