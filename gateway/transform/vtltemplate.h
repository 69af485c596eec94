#pragma once

#include "vtlast.h"
#include "vtlvalue.h"

#include <QHash>
#include <QString>

#include <memory>

namespace gw::transform {

using VtlVariables = QHash<QString, VtlValue>;

// Bounds on one render, so that no template can hang a worker or exhaust memory.
struct VtlLimits
{
    qint64 maxSteps = 5'000'000;           // expressions and nodes evaluated
    qsizetype maxOutput = 10 * 1024 * 1024; // characters, also the largest string a template builds
    int maxLoopIterations = 1000;          // per #foreach, as API Gateway caps them
    int maxCallDepth = 64;                 // nested macro and #define expansions
};

struct VtlRenderResult
{
    bool ok = true;
    QString output;
    QString error; // "line:column: message" when !ok
};

struct VtlSyntaxError
{
    int line = 0;
    int column = 0;
    QString message;
    QString toString() const { return QStringLiteral("%1:%2: %3").arg(line).arg(column).arg(message); }
};

// A parsed mapping template: parse once (deploy time), render many times from any thread (the
// tree is immutable; each render has its own variables and state).
class VtlTemplate
{
public:
    // Null on a syntax error, which *error then describes.
    static std::shared_ptr<const VtlTemplate> parse(const QString &source, VtlSyntaxError *error);

    // Renders with `variables` as the top-level names; #set changes them (callers read
    // $context.responseOverride and the like back from them).
    VtlRenderResult render(VtlVariables &variables, const VtlLimits &limits = {}) const;

    const QString &source() const { return m_source; }
    // Text without any reference or directive ('$' or '#') renders as itself: such a template
    // keeps its UTF-8 here, made once, and callers may serve it without rendering.
    bool isStatic() const { return m_static; }
    const QByteArray &staticUtf8() const { return m_staticUtf8; }

private:
    VtlTemplate() = default;
    QString m_source;
    bool m_static = false;
    QByteArray m_staticUtf8;
    vtl::NodeList m_nodes;
    QHash<QString, std::shared_ptr<vtl::Macro>> m_macros;
};

} // namespace gw::transform
