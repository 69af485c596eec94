#include "yamljson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <yaml-cpp/yaml.h>

#include <cmath>

namespace gw::openapi {

namespace {

// Deeper nesting than this is an alias loop or an attack, not an API definition.
constexpr int kMaxDepth = 256;

bool isDigits(std::string_view s, bool hex = false)
{
    if (s.empty())
        return false;
    for (char c : s)
        if (!(c >= '0' && c <= '9') && !(hex && ((c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))))
            return false;
    return true;
}

bool isYamlNull(std::string_view s)
{
    return s.empty() || s == "~" || s == "null" || s == "Null" || s == "NULL";
}

std::optional<bool> yamlBool(std::string_view s)
{
    if (s == "true" || s == "True" || s == "TRUE")
        return true;
    if (s == "false" || s == "False" || s == "FALSE")
        return false;
    return std::nullopt;
}

// YAML 1.2 core schema: [-+]?[0-9]+ and [-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?
std::optional<double> yamlNumber(std::string_view s)
{
    std::string_view body = s;
    if (!body.empty() && (body[0] == '-' || body[0] == '+'))
        body.remove_prefix(1);
    if (body.size() > 2 && body[0] == '0' && (body[1] == 'x' || body[1] == 'o') && s.size() == body.size()) {
        const bool hex = body[1] == 'x';
        if (!isDigits(body.substr(2), hex))
            return std::nullopt;
        return double(std::stoull(std::string(body.substr(2)), nullptr, hex ? 16 : 8));
    }
    std::size_t i = 0;
    std::size_t intDigits = 0, fracDigits = 0;
    while (i < body.size() && body[i] >= '0' && body[i] <= '9') { ++i; ++intDigits; }
    if (i < body.size() && body[i] == '.') {
        ++i;
        while (i < body.size() && body[i] >= '0' && body[i] <= '9') { ++i; ++fracDigits; }
    }
    if (intDigits + fracDigits == 0)
        return std::nullopt;
    if (i < body.size() && (body[i] == 'e' || body[i] == 'E')) {
        ++i;
        if (i < body.size() && (body[i] == '-' || body[i] == '+'))
            ++i;
        if (!isDigits(body.substr(i)))
            return std::nullopt;
        i = body.size();
    }
    if (i != body.size())
        return std::nullopt;
    return std::strtod(std::string(s).c_str(), nullptr);
}

QJsonValue scalarToJson(const YAML::Node &node)
{
    const std::string &text = node.Scalar();
    const QString string = QString::fromStdString(text);
    // "!" marks a quoted (non-plain) scalar: always a string. Explicit tags are honoured.
    const std::string &tag = node.Tag();
    if (tag == "!" || tag == "tag:yaml.org,2002:str")
        return string;
    if (tag != "?" && !tag.empty()) {
        if (tag == "tag:yaml.org,2002:int" || tag == "tag:yaml.org,2002:float")
            if (const auto n = yamlNumber(text))
                return *n;
        return string;
    }
    if (isYamlNull(text))
        return QJsonValue::Null;
    if (const auto b = yamlBool(text))
        return *b;
    if (const auto n = yamlNumber(text); n && std::isfinite(*n))
        return *n;
    return string;
}

QJsonValue nodeToJson(const YAML::Node &node, int depth)
{
    if (depth > kMaxDepth)
        throw YAML::Exception(node.Mark(), "document nests too deeply (an alias loop?)");
    switch (node.Type()) {
    case YAML::NodeType::Scalar:
        return scalarToJson(node);
    case YAML::NodeType::Sequence: {
        QJsonArray a;
        for (const auto &item : node)
            a.append(nodeToJson(item, depth + 1));
        return a;
    }
    case YAML::NodeType::Map: {
        QJsonObject o;
        for (const auto &item : node) {
            if (!item.first.IsScalar())
                throw YAML::Exception(item.first.Mark(), "mapping keys must be scalars");
            o.insert(QString::fromStdString(item.first.Scalar()), nodeToJson(item.second, depth + 1));
        }
        return o;
    }
    case YAML::NodeType::Null:
    case YAML::NodeType::Undefined:
        return QJsonValue::Null;
    }
    return QJsonValue::Null;
}

// 1-based line and column of a byte offset, for JSON parse errors.
void lineAndColumn(const QByteArray &bytes, qsizetype offset, int *line, int *column)
{
    *line = 1;
    *column = 1;
    for (qsizetype i = 0; i < offset && i < bytes.size(); ++i) {
        if (bytes[i] == '\n') {
            ++*line;
            *column = 1;
        } else {
            ++*column;
        }
    }
}

bool needsQuotes(const std::string &s)
{
    return isYamlNull(s) || yamlBool(s) || yamlNumber(s) || s.find('\n') != std::string::npos
        || s.front() == ' ' || s.back() == ' ';
}

void writeYaml(YAML::Emitter &out, const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Object: {
        const QJsonObject o = value.toObject();
        out << YAML::BeginMap;
        for (auto it = o.begin(); it != o.end(); ++it) {
            const std::string key = it.key().toStdString();
            out << YAML::Key;
            if (key.empty() || needsQuotes(key))
                out << YAML::DoubleQuoted;
            out << key << YAML::Value;
            writeYaml(out, it.value());
        }
        out << YAML::EndMap;
        break;
    }
    case QJsonValue::Array: {
        const QJsonArray a = value.toArray();
        out << YAML::BeginSeq;
        for (const auto &v : a)
            writeYaml(out, v);
        out << YAML::EndSeq;
        break;
    }
    case QJsonValue::String: {
        const std::string s = value.toString().toStdString();
        if (s.empty() || needsQuotes(s))
            out << YAML::DoubleQuoted;
        out << s;
        break;
    }
    case QJsonValue::Double: {
        const double d = value.toDouble();
        if (std::trunc(d) == d && std::fabs(d) < 9e15)
            out << qint64(d);
        else
            out << QString::number(d, 'g', QLocale::FloatingPointShortest).toStdString();
        break;
    }
    case QJsonValue::Bool:
        out << value.toBool();
        break;
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        out << YAML::Null;
        break;
    }
}

} // namespace

std::optional<QJsonValue> parseJsonOrYaml(const QByteArray &bytes, SyntaxError *error)
{
    const QByteArray trimmed = bytes.trimmed();
    if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
        QJsonParseError jsonError;
        const QJsonDocument doc = QJsonDocument::fromJson(bytes, &jsonError);
        if (jsonError.error == QJsonParseError::NoError)
            return doc.isObject() ? QJsonValue(doc.object()) : QJsonValue(doc.array());
        // A document that starts like JSON is JSON: YAML's lenient flow style would hide the error.
        lineAndColumn(bytes, jsonError.offset, &error->line, &error->column);
        error->message = jsonError.errorString();
        return std::nullopt;
    }
    try {
        return nodeToJson(YAML::Load(bytes.toStdString()), 0);
    } catch (const YAML::Exception &e) {
        error->line = e.mark.line + 1;
        error->column = e.mark.column + 1;
        error->message = QString::fromStdString(e.msg);
        return std::nullopt;
    }
}

QByteArray toYaml(const QJsonValue &value)
{
    YAML::Emitter out;
    out.SetIndent(2);
    writeYaml(out, value);
    QByteArray bytes(out.c_str(), qsizetype(out.size()));
    bytes.append('\n');
    return bytes;
}

} // namespace gw::openapi
