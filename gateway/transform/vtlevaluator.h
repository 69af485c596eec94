#pragma once

#include "vtlast.h"
#include "vtltemplate.h"

#include <optional>

namespace gw::transform {
class VtlRenderScope;
}

namespace gw::transform::vtl {

// Walks a template's tree for one render. Velocity's semantics as API Gateway shows them: an
// undefined or null reference is the empty string (so it prints nothing and is true in #if),
// #set with a null value changes nothing, loops restore their variable afterwards.
class VtlEvaluator
{
public:
    VtlEvaluator(const QHash<QString, std::shared_ptr<Macro>> &macros, VtlVariables &variables, const VtlLimits &limits);
    ~VtlEvaluator();
    VtlEvaluator(const VtlEvaluator &) = delete;
    VtlEvaluator &operator=(const VtlEvaluator &) = delete;

    bool run(const NodeList &nodes, QString *out);
    const QString &error() const { return m_error; }
    // A #define block, rendered where it is referenced.
    QString renderBlock(const NodeList &body);

    // Nested exec() and eval() calls one render may be in at once. About 1 KB of stack each at
    // most, so well inside a worker thread's 8 MB even with printing's own nesting on top.
    static constexpr int kMaxNesting = 2000;

private:
    enum class Flow { Normal, Break, Stop, Error };
    Flow exec(const NodeList &nodes, QString &out);
    Flow execNodes(const NodeList &nodes, QString &out);
    Flow execNode(const Node &node, QString &out);
    Flow execForeach(const Node &node, QString &out);
    Flow execMacro(const Node &node, QString &out);
    VtlValue eval(const Expr &e);
    VtlValue evalNested(const Expr &e);
    bool enterNested(Position pos);
    VtlValue evalBinary(const Expr &e);
    // [from..to]: its ends and how many numbers it holds.
    struct Span
    {
        qint64 from = 0, to = 0;
        quint64 count = 0;
        qint64 at(quint64 i) const { return from <= to ? qint64(quint64(from) + i) : qint64(quint64(from) - i); }
    };
    std::optional<Span> evalSpan(const Expr &e);
    VtlValue evalRef(const Reference &ref);
    VtlValue evalChain(const Reference &ref, size_t segments, bool *rootDefined);
    VtlValue evalSegment(const VtlValue &target, const Segment &seg);
    bool assign(const Reference &target, const VtlValue &value);
    QString display(const VtlValue &v);
    bool step(Position pos);
    bool fail(Position pos, const QString &message);
    bool checkSize(qsizetype size, Position pos);

    const QHash<QString, std::shared_ptr<Macro>> &m_macros;
    VtlVariables &m_vars;
    VtlLimits m_limits;
    qint64 m_steps = 0;
    int m_callDepth = 0;
    int m_nesting = 0; // exec() and eval() calls in progress: the native stack in use
    Position m_lastPos;
    VtlRenderScope *m_scope = nullptr; // run()'s, while it runs
    bool m_failed = false;
    QString m_error;
    std::shared_ptr<bool> m_alive; // blocks that outlive the render must not call back
};

} // namespace gw::transform::vtl
