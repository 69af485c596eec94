#include "yamljson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cmath>
#include <sstream>
#include <unordered_map>
#include <vector>

namespace gw::openapi {

namespace {

// Deeper nesting than this is an attack, not an API definition (the deepest in the corpus is 12).
constexpr std::size_t kMaxDepth = 256;
// Aliases may expand a YAML document to this many times its size (counted as compact JSON),
// and always to 1 MiB: room for real reuse, none for a "billion laughs".
constexpr qint64 kExpansionFactor = 8;
constexpr qint64 kMinExpandedBytes = 1024 * 1024;

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

QJsonValue scalarToJson(const std::string &tag, const std::string &text)
{
    const QString string = QString::fromStdString(text);
    // "!" marks a quoted (non-plain) scalar: always a string. Explicit tags are honoured.
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

// A value whose anchor an alias can name, with what expanding it costs.
struct Anchored
{
    QJsonValue value;
    std::string scalar;     // the raw text, when the value is a scalar (it can be a mapping key)
    bool isScalar = false;
    qint64 size = 0;        // expanded size, in the units of JsonBuilder::m_produced
    int height = 0;         // nesting levels inside it
};

// Builds JSON values from yaml-cpp's parse events. An alias shares the anchored value
// (QJsonValue is implicitly shared), but whatever reads the document afterwards (the importer,
// the project file, the exporter) walks it expanded, so the expanded size is budgeted here: a
// "billion laughs" document is refused at the alias that crosses the budget, before anything
// walks it. Containers are built on an explicit stack, so nesting costs no C++ stack; the depth
// limit keeps the later recursive readers safe.
class JsonBuilder final : public YAML::EventHandler
{
public:
    explicit JsonBuilder(const QByteArray &bytes)
        : m_bytes(bytes), m_budget(std::max(kMinExpandedBytes, kExpansionFactor * qint64(bytes.size())))
    {
    }

    QJsonValue result() const { return m_root; }

    void OnDocumentStart(const YAML::Mark &) override {}
    void OnDocumentEnd() override {}

    void OnNull(const YAML::Mark &mark, YAML::anchor_t anchor) override
    {
        if (expectingKey())
            throw YAML::ParserException(mark, "a mapping key must not be empty or null");
        produce(4, mark);
        complete({QJsonValue::Null, {}, false, 4, 0}, anchor);
    }

    void OnScalar(const YAML::Mark &mark, const std::string &tag, YAML::anchor_t anchor, const std::string &value) override
    {
        const qint64 size = qint64(value.size()) + 3; // quotes and a separator
        produce(size, mark);
        complete({scalarToJson(tag, value), value, true, size, 0}, anchor);
    }

    void OnAlias(const YAML::Mark &mark, YAML::anchor_t anchor) override
    {
        const auto found = m_anchors.find(anchor);
        if (found == m_anchors.end())
            throw YAML::ParserException(mark, "alias " + aliasName(mark) + " refers to a node that contains it (a cycle)");
        const Anchored &a = found->second;
        if (expectingKey() && !a.isScalar)
            throw YAML::ParserException(mark, "mapping keys must be scalars");
        if (m_stack.size() + a.height > kMaxDepth)
            throw YAML::ParserException(mark, "alias " + aliasName(mark) + " nests the document deeper than "
                                                  + std::to_string(kMaxDepth) + " levels");
        if (m_produced + a.size > m_budget)
            throw YAML::ParserException(
                mark, "alias " + aliasName(mark) + " expands the document beyond " + std::to_string(m_budget)
                          + " bytes (aliases may expand a document to " + std::to_string(kExpansionFactor)
                          + " times its size, at least " + std::to_string(kMinExpandedBytes / 1024 / 1024)
                          + " MiB): refused as a \"billion laughs\" document");
        m_produced += a.size;
        complete(a, 0); // an alias has no anchor of its own
    }

    void OnSequenceStart(const YAML::Mark &mark, const std::string &, YAML::anchor_t anchor, YAML::EmitterStyle::value) override
    {
        open(mark, anchor, false);
    }
    void OnSequenceEnd() override { close(); }

    void OnMapStart(const YAML::Mark &mark, const std::string &, YAML::anchor_t anchor, YAML::EmitterStyle::value) override
    {
        open(mark, anchor, true);
    }
    void OnMapEnd() override { close(); }

private:
    struct Frame
    {
        bool isMap = false;
        QJsonArray array;
        QJsonObject object;
        std::optional<std::string> key; // read, waiting for its value
        YAML::anchor_t anchor = 0;
        qint64 producedAtStart = 0;
        int height = 0;                 // of the deepest child so far
    };

    bool expectingKey() const { return !m_stack.empty() && m_stack.back().isMap && !m_stack.back().key; }

    void produce(qint64 size, const YAML::Mark &mark)
    {
        m_produced += size;
        if (m_produced > m_budget) // plain text cannot get here: the budget is a multiple of its size
            throw YAML::ParserException(mark, "the document expands beyond " + std::to_string(m_budget) + " bytes");
    }

    void open(const YAML::Mark &mark, YAML::anchor_t anchor, bool isMap)
    {
        if (expectingKey())
            throw YAML::ParserException(mark, "mapping keys must be scalars");
        if (m_stack.size() >= kMaxDepth)
            throw YAML::ParserException(mark, "the document nests deeper than " + std::to_string(kMaxDepth) + " levels");
        produce(2, mark);
        Frame f;
        f.isMap = isMap;
        f.anchor = anchor;
        f.producedAtStart = m_produced - 2;
        m_stack.push_back(std::move(f));
    }

    void close()
    {
        Frame f = std::move(m_stack.back());
        m_stack.pop_back();
        Anchored done;
        done.value = f.isMap ? QJsonValue(f.object) : QJsonValue(f.array);
        done.size = m_produced - f.producedAtStart;
        done.height = f.height + 1;
        complete(done, f.anchor);
    }

    // A node is read: remember it under its anchor and put it where it belongs.
    void complete(const Anchored &node, YAML::anchor_t anchor)
    {
        if (anchor != 0)
            m_anchors[anchor] = node;
        if (m_stack.empty()) {
            m_root = node.value;
            return;
        }
        Frame &top = m_stack.back();
        top.height = std::max(top.height, node.height);
        if (!top.isMap) {
            top.array.append(node.value);
        } else if (!top.key) {
            top.key = node.scalar;
        } else {
            top.object.insert(QString::fromStdString(*top.key), node.value);
            top.key.reset();
        }
    }

    // "*name" as written at the alias, for messages.
    std::string aliasName(const YAML::Mark &mark) const
    {
        qsizetype i = mark.pos;
        if (i < 0 || i >= m_bytes.size() || m_bytes[i] != '*')
            return "*";
        qsizetype end = i + 1;
        while (end < m_bytes.size() && end - i < 80 && std::string_view(" \t\r\n,[]{}").find(m_bytes[end]) == std::string_view::npos)
            ++end;
        return std::string(m_bytes.constData() + i, std::size_t(end - i));
    }

    const QByteArray &m_bytes;
    const qint64 m_budget;
    qint64 m_produced = 0;
    std::vector<Frame> m_stack;
    std::unordered_map<YAML::anchor_t, Anchored> m_anchors;
    QJsonValue m_root;
};

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

// Offset of the first '[' or '{' nested deeper than kMaxDepth, or -1. Qt's parser allows 1024
// levels; the readers after it recurse, so JSON gets YAML's limit.
qsizetype tooDeepAt(const QByteArray &bytes)
{
    std::size_t depth = 0;
    bool inString = false;
    for (qsizetype i = 0; i < bytes.size(); ++i) {
        const char ch = bytes[i];
        if (inString) {
            if (ch == '\\')
                ++i;
            else if (ch == '"')
                inString = false;
        } else if (ch == '"') {
            inString = true;
        } else if (ch == '[' || ch == '{') {
            if (++depth > kMaxDepth)
                return i;
        } else if ((ch == ']' || ch == '}') && depth > 0) {
            --depth;
        }
    }
    return -1;
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
        if (const qsizetype deep = tooDeepAt(bytes); deep >= 0) {
            lineAndColumn(bytes, deep, &error->line, &error->column);
            error->message = QStringLiteral("the document nests deeper than %1 levels").arg(kMaxDepth);
            return std::nullopt;
        }
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
        std::istringstream in(bytes.toStdString());
        YAML::Parser parser(in);
        JsonBuilder builder(bytes);
        parser.HandleNextDocument(builder);
        return builder.result();
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
