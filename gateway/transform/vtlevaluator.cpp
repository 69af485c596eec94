#include "vtlevaluator.h"

#include "vtlmethods.h"
#include "vtlrenderscope.h"

#include <cmath>
#include <limits>
#include <optional>

namespace gw::transform::vtl {

namespace {

using T = VtlValue::Type;

// The value a #define gives its name: the block renders each time it is referenced.
class DefinedBlock final : public VtlObject
{
public:
    DefinedBlock(const NodeList *body, VtlEvaluator *evaluator, std::shared_ptr<bool> alive)
        : m_body(body), m_evaluator(evaluator), m_alive(std::move(alive))
    {
    }
    VtlValue property(const QString &) override { return {}; }
    VtlValue call(const QString &name, const QList<VtlValue> &, bool *found) override
    {
        *found = name == QLatin1String("toString");
        return *found ? VtlValue::fromString(toString()) : VtlValue();
    }
    QString toString() const override { return *m_alive ? m_evaluator->renderBlock(*m_body) : QString(); }

private:
    const NodeList *m_body;
    VtlEvaluator *m_evaluator;
    std::shared_ptr<bool> m_alive;
};

std::optional<qint64> checkedInt(Expr::Op op, qint64 a, qint64 b)
{
    qint64 r = 0;
    switch (op) {
    case Expr::Op::Add: if (__builtin_add_overflow(a, b, &r)) return std::nullopt; return r;
    case Expr::Op::Sub: if (__builtin_sub_overflow(a, b, &r)) return std::nullopt; return r;
    case Expr::Op::Mul: if (__builtin_mul_overflow(a, b, &r)) return std::nullopt; return r;
    default: return std::nullopt;
    }
}

} // namespace

VtlEvaluator::VtlEvaluator(const QHash<QString, std::shared_ptr<Macro>> &macros, VtlVariables &variables, const VtlLimits &limits)
    : m_macros(macros), m_vars(variables), m_limits(limits), m_alive(std::make_shared<bool>(true))
{
}

VtlEvaluator::~VtlEvaluator()
{
    *m_alive = false;
}

bool VtlEvaluator::fail(Position pos, const QString &message)
{
    if (!m_failed) {
        m_failed = true;
        m_error = QStringLiteral("%1:%2: %3").arg(pos.line).arg(pos.column).arg(message);
    }
    return false;
}

bool VtlEvaluator::step(Position pos)
{
    m_lastPos = pos;
    if (m_failed)
        return false;
    // A value operation (printing, comparing, parsing JSON) that failed since the last step.
    if (m_scope && m_scope->failed())
        return fail(pos, m_scope->error());
    if (++m_steps > m_limits.maxSteps)
        return fail(pos, QStringLiteral("template evaluation stopped after %1 steps (a loop that does not end?)").arg(m_limits.maxSteps));
    return true;
}

bool VtlEvaluator::checkSize(qsizetype size, Position pos)
{
    if (size > m_limits.maxOutput)
        return fail(pos, QStringLiteral("template output exceeds %1 characters").arg(m_limits.maxOutput));
    return true;
}

bool VtlEvaluator::run(const NodeList &nodes, QString *out)
{
    VtlRenderScope scope(m_limits.maxOutput);
    m_scope = &scope;
    exec(nodes, *out);
    if (scope.failed())
        fail(m_lastPos, scope.error());
    m_scope = nullptr;
    return !m_failed;
}

bool VtlEvaluator::enterNested(Position pos)
{
    // Each level is a few native frames (exec → execNode → exec, eval → evalBinary → eval);
    // macros and #define blocks multiply the nesting a template has on paper.
    if (++m_nesting > kMaxNesting) {
        --m_nesting;
        return fail(pos, QStringLiteral("template nested too deeply while rendering (more than %1 levels)").arg(kMaxNesting));
    }
    return true;
}

QString VtlEvaluator::renderBlock(const NodeList &body)
{
    QString out;
    if (m_failed)
        return out;
    if (m_callDepth >= m_limits.maxCallDepth) {
        fail(body.empty() ? Position{} : body.front()->pos, QStringLiteral("#define blocks nested deeper than %1").arg(m_limits.maxCallDepth));
        return out;
    }
    ++m_callDepth;
    exec(body, out);
    --m_callDepth;
    return out;
}

VtlEvaluator::Flow VtlEvaluator::exec(const NodeList &nodes, QString &out)
{
    if (nodes.empty())
        return Flow::Normal;
    if (!enterNested(nodes.front()->pos))
        return Flow::Error;
    const Flow flow = execNodes(nodes, out);
    --m_nesting;
    return flow;
}

VtlEvaluator::Flow VtlEvaluator::execNodes(const NodeList &nodes, QString &out)
{
    for (const auto &node : nodes) {
        const Flow flow = execNode(*node, out);
        if (m_failed)
            return Flow::Error;
        if (flow != Flow::Normal)
            return flow;
        if (!checkSize(out.size(), node->pos))
            return Flow::Error;
    }
    return Flow::Normal;
}

QString VtlEvaluator::display(const VtlValue &v)
{
    return v.isNull() ? QString() : v.toString();
}

VtlEvaluator::Flow VtlEvaluator::execNode(const Node &node, QString &out)
{
    if (!step(node.pos))
        return Flow::Error;
    switch (node.kind) {
    case Node::Kind::Text:
        out += node.text;
        return Flow::Normal;
    case Node::Kind::Ref:
        out += display(evalRef(*node.ref));
        return Flow::Normal;
    case Node::Kind::Set: {
        const VtlValue value = eval(*node.expr);
        if (!m_failed && !value.isNull())
            assign(*node.ref, value);
        return Flow::Normal;
    }
    case Node::Kind::If:
        for (size_t i = 0; i < node.conditions.size(); ++i) {
            if (!node.conditions[i] || eval(*node.conditions[i]).truthy())
                return m_failed ? Flow::Error : exec(node.bodies[i], out);
            if (m_failed)
                return Flow::Error;
        }
        return Flow::Normal;
    case Node::Kind::Foreach:
        return execForeach(node, out);
    case Node::Kind::Break:
        return Flow::Break;
    case Node::Kind::Stop:
        return Flow::Stop;
    case Node::Kind::Define:
        m_vars.insert(node.text, VtlValue::fromObject(std::make_shared<DefinedBlock>(&node.bodies[0], this, m_alive)));
        return Flow::Normal;
    case Node::Kind::MacroCall:
        return execMacro(node, out);
    }
    return Flow::Normal;
}

VtlEvaluator::Flow VtlEvaluator::execForeach(const Node &node, QString &out)
{
    // A range is not built: Velocity makes the whole list first, but only the first
    // maxLoopIterations of it can ever be used, so #foreach($i in [1..2000000000]) costs what
    // [1..1000] does.
    QList<VtlValue> items;
    std::optional<Span> range;
    qsizetype count = 0;
    if (node.expr->kind == Expr::Kind::Range) {
        if (!step(node.expr->pos))
            return Flow::Error;
        range = evalSpan(*node.expr);
        if (m_failed)
            return Flow::Error;
        if (range)
            count = qsizetype(std::min<quint64>(range->count, quint64(m_limits.maxLoopIterations)));
    } else {
        const VtlValue iterable = eval(*node.expr);
        if (m_failed)
            return Flow::Error;
        if (iterable.type() == T::List)
            items = iterable.list()->items;
        else if (iterable.type() == T::Map)
            items = iterable.map()->values();
        count = items.size();
    }
    if (count == 0)
        return Flow::Normal;

    static const QString kForeach = QStringLiteral("foreach");
    static const QString kCount = QStringLiteral("velocityCount");
    static const QString kHasNext = QStringLiteral("velocityHasNext");
    const QString &var = node.ref->root;
    const QStringList saved{var, kForeach, kCount, kHasNext};
    QList<std::optional<VtlValue>> previous;
    for (const QString &name : saved)
        previous.append(m_vars.contains(name) ? std::optional<VtlValue>(m_vars.value(name)) : std::nullopt);

    Flow result = Flow::Normal;
    const qsizetype n = std::min<qsizetype>(count, m_limits.maxLoopIterations);
    for (qsizetype i = 0; i < n; ++i) {
        const bool hasNext = i + 1 < n;
        auto loop = std::make_shared<VtlMap>();
        loop->insert(QStringLiteral("index"), VtlValue::fromInt(i));
        loop->insert(QStringLiteral("count"), VtlValue::fromInt(i + 1));
        loop->insert(QStringLiteral("hasNext"), VtlValue::fromBool(hasNext));
        loop->insert(QStringLiteral("first"), VtlValue::fromBool(i == 0));
        loop->insert(QStringLiteral("last"), VtlValue::fromBool(!hasNext));
        m_vars.insert(var, range ? VtlValue::fromInt(range->at(i)) : items[i]);
        m_vars.insert(kForeach, VtlValue::fromMap(loop));
        m_vars.insert(kCount, VtlValue::fromInt(i + 1));
        m_vars.insert(kHasNext, VtlValue::fromBool(hasNext));
        const Flow flow = exec(node.bodies[0], out);
        if (flow == Flow::Break)
            break;
        if (flow != Flow::Normal) {
            result = flow;
            break;
        }
    }
    for (qsizetype k = 0; k < saved.size(); ++k) {
        if (previous[k])
            m_vars.insert(saved[k], *previous[k]);
        else
            m_vars.remove(saved[k]);
    }
    return result;
}

VtlEvaluator::Flow VtlEvaluator::execMacro(const Node &node, QString &out)
{
    const auto it = m_macros.constFind(node.text);
    if (it == m_macros.cend())
        return Flow::Normal;
    if (m_callDepth >= m_limits.maxCallDepth) {
        fail(node.pos, QStringLiteral("macro calls nested deeper than %1").arg(m_limits.maxCallDepth));
        return Flow::Error;
    }
    QList<std::optional<VtlValue>> previous;
    QList<VtlValue> args;
    for (const auto &a : node.args)
        args.append(eval(*a));
    if (m_failed)
        return Flow::Error;
    for (qsizetype i = 0; i < (*it)->params.size(); ++i) {
        const QString &p = (*it)->params[i];
        previous.append(m_vars.contains(p) ? std::optional<VtlValue>(m_vars.value(p)) : std::nullopt);
        if (i < args.size())
            m_vars.insert(p, args[i]);
        else
            m_vars.remove(p);
    }
    ++m_callDepth;
    Flow flow = exec((*it)->body, out);
    --m_callDepth;
    for (qsizetype i = 0; i < (*it)->params.size(); ++i) {
        if (previous[i])
            m_vars.insert((*it)->params[i], *previous[i]);
        else
            m_vars.remove((*it)->params[i]);
    }
    return flow == Flow::Break ? Flow::Normal : flow;
}

VtlValue VtlEvaluator::evalSegment(const VtlValue &target, const Segment &seg)
{
    if (target.isNull())
        return {};
    switch (seg.kind) {
    case Segment::Kind::Property:
        return javaProperty(target, seg.name);
    case Segment::Kind::Method: {
        QList<VtlValue> args;
        for (const auto &a : seg.args)
            args.append(eval(*a));
        if (m_failed)
            return {};
        bool found = false;
        VtlValue result = callJavaMethod(target, seg.name, args, &found);
        if (result.isString() && !checkSize(result.stringValue().size(), seg.pos))
            return {};
        return result;
    }
    case Segment::Kind::Index: {
        const VtlValue index = eval(*seg.args[0]);
        if (target.type() == T::List) {
            if (!index.isNumber())
                return {};
            qint64 i = index.intValue();
            const qsizetype size = target.list()->items.size();
            if (i < 0)
                i += size; // Velocity 2: negative indexes count from the end
            return i >= 0 && i < size ? target.list()->items[i] : VtlValue();
        }
        if (target.type() == T::Map)
            return target.map()->value(index.toString());
        if (target.type() == T::Object)
            return target.object()->property(index.toString());
        return {};
    }
    }
    return {};
}

VtlValue VtlEvaluator::evalChain(const Reference &ref, size_t segments, bool *rootDefined)
{
    const auto it = m_vars.constFind(ref.root);
    *rootDefined = it != m_vars.cend();
    VtlValue v = *rootDefined ? *it : VtlValue();
    for (size_t i = 0; i < segments && !v.isNull() && !m_failed; ++i) {
        if (!step(ref.chain[i].pos))
            return {};
        v = evalSegment(v, ref.chain[i]);
    }
    return v;
}

VtlValue VtlEvaluator::evalRef(const Reference &ref)
{
    bool defined = false;
    VtlValue v = evalChain(ref, ref.chain.size(), &defined);
    // API Gateway's Velocity treats an unresolved reference as the empty string: it prints
    // nothing, equals "" and is true in #if (recorded: #if($undefined) renders its body).
    if (v.isNull())
        return VtlValue::fromString(QString());
    return v;
}

bool VtlEvaluator::assign(const Reference &target, const VtlValue &value)
{
    if (target.chain.empty()) {
        m_vars.insert(target.root, value);
        return true;
    }
    bool defined = false;
    const VtlValue owner = evalChain(target, target.chain.size() - 1, &defined);
    const Segment &last = target.chain.back();
    if (owner.isNull())
        return false;
    QString key = last.name;
    if (last.kind == Segment::Kind::Index) {
        const VtlValue index = eval(*last.args[0]);
        if (owner.type() == T::List) {
            auto &items = owner.list()->items;
            const qint64 i = index.isNumber() ? index.intValue() : -1;
            if (i >= 0 && i < items.size()) {
                VtlRenderScope::noteStored(owner, value);
                items[i] = value;
            }
            return true;
        }
        key = index.toString();
    } else if (last.kind == Segment::Kind::Method) {
        return false;
    }
    if (owner.type() == T::Map) {
        VtlRenderScope::noteStored(owner, value);
        owner.map()->insert(key, value);
    }
    return true;
}

VtlValue VtlEvaluator::eval(const Expr &e)
{
    if (!step(e.pos) || !enterNested(e.pos))
        return {};
    VtlValue v = evalNested(e);
    --m_nesting;
    return v;
}

VtlValue VtlEvaluator::evalNested(const Expr &e)
{
    switch (e.kind) {
    case Expr::Kind::Null:
    case Expr::Kind::Bool:
    case Expr::Kind::Int:
    case Expr::Kind::Double:
    case Expr::Kind::String:
        return e.literal;
    case Expr::Kind::Interpolated: {
        QString s;
        exec(*e.interpolated, s);
        return VtlValue::fromString(s);
    }
    case Expr::Kind::Ref:
        return evalRef(*e.ref);
    case Expr::Kind::List: {
        VtlValue list = VtlValue::newList();
        for (const auto &item : e.items)
            list.list()->items.append(eval(*item));
        return list;
    }
    case Expr::Kind::Range: {
        const std::optional<Span> span = evalSpan(e);
        if (!span)
            return {};
        if (span->count > quint64(m_limits.maxSteps - m_steps)) {
            fail(e.pos, QStringLiteral("range [%1..%2] exceeds the step limit of %3").arg(span->from).arg(span->to).arg(m_limits.maxSteps));
            return {};
        }
        m_steps += qint64(span->count);
        VtlValue list = VtlValue::newList();
        list.list()->items.reserve(qsizetype(span->count));
        for (quint64 i = 0; i < span->count; ++i)
            list.list()->items.append(VtlValue::fromInt(span->at(i)));
        return list;
    }
    case Expr::Kind::Map: {
        VtlValue map = VtlValue::newMap();
        for (size_t i = 0; i + 1 < e.items.size(); i += 2) {
            const VtlValue key = eval(*e.items[i]);
            map.map()->insert(key.toString(), eval(*e.items[i + 1]));
        }
        return map;
    }
    case Expr::Kind::Not:
        return VtlValue::fromBool(!eval(*e.lhs).truthy());
    case Expr::Kind::Negate: {
        const VtlValue v = eval(*e.lhs);
        if (v.type() == T::Int && v.intValue() != std::numeric_limits<qint64>::min())
            return VtlValue::fromInt(-v.intValue());
        if (v.isNumber())
            return VtlValue::fromDouble(-v.doubleValue());
        return {};
    }
    case Expr::Kind::Binary:
        return evalBinary(e);
    }
    return {};
}

std::optional<VtlEvaluator::Span> VtlEvaluator::evalSpan(const Expr &e)
{
    const VtlValue from = eval(*e.items[0]);
    const VtlValue to = eval(*e.items[1]);
    if (m_failed || !from.isNumber() || !to.isNumber())
        return std::nullopt;
    Span span{from.intValue(), to.intValue(), 0};
    // In unsigned arithmetic: [-2^63..2^63-1] has 2^64 elements, one more than fits.
    const quint64 distance = span.from <= span.to ? quint64(span.to) - quint64(span.from) : quint64(span.from) - quint64(span.to);
    span.count = distance == std::numeric_limits<quint64>::max() ? distance : distance + 1;
    return span;
}

VtlValue VtlEvaluator::evalBinary(const Expr &e)
{
    using Op = Expr::Op;
    if (e.op == Op::And)
        return VtlValue::fromBool(eval(*e.lhs).truthy() && eval(*e.rhs).truthy());
    if (e.op == Op::Or)
        return VtlValue::fromBool(eval(*e.lhs).truthy() || eval(*e.rhs).truthy());
    const VtlValue a = eval(*e.lhs);
    const VtlValue b = eval(*e.rhs);
    if (m_failed)
        return {};
    switch (e.op) {
    case Op::Eq: return VtlValue::fromBool(a.equals(b));
    case Op::Ne: return VtlValue::fromBool(!a.equals(b));
    case Op::Lt: case Op::Le: case Op::Gt: case Op::Ge: {
        int cmp = 0;
        if (a.isNumber() && b.isNumber()) {
            const double x = a.doubleValue(), y = b.doubleValue();
            cmp = x < y ? -1 : x > y ? 1 : 0;
        } else if (a.isString() && b.isString()) {
            cmp = a.stringValue().compare(b.stringValue());
        } else {
            return VtlValue::fromBool(false);
        }
        const bool r = e.op == Op::Lt ? cmp < 0 : e.op == Op::Le ? cmp <= 0 : e.op == Op::Gt ? cmp > 0 : cmp >= 0;
        return VtlValue::fromBool(r);
    }
    default: break;
    }
    if (e.op == Op::Add && (a.isString() || b.isString())) {
        const QString s = a.toString() + b.toString();
        if (!checkSize(s.size(), e.pos))
            return {};
        return VtlValue::fromString(s);
    }
    if (!a.isNumber() || !b.isNumber())
        return {};
    if (a.type() == T::Int && b.type() == T::Int) {
        const qint64 x = a.intValue(), y = b.intValue();
        if (e.op == Op::Div || e.op == Op::Mod) {
            if (y == 0 || (x == std::numeric_limits<qint64>::min() && y == -1))
                return {}; // Velocity: division by zero gives null
            return VtlValue::fromInt(e.op == Op::Div ? x / y : x % y);
        }
        if (const auto r = checkedInt(e.op, x, y))
            return VtlValue::fromInt(*r);
    }
    const double x = a.doubleValue(), y = b.doubleValue();
    switch (e.op) {
    case Op::Add: return VtlValue::fromDouble(x + y);
    case Op::Sub: return VtlValue::fromDouble(x - y);
    case Op::Mul: return VtlValue::fromDouble(x * y);
    case Op::Div: return y == 0 ? VtlValue() : VtlValue::fromDouble(x / y);
    case Op::Mod: return y == 0 ? VtlValue() : VtlValue::fromDouble(std::fmod(x, y));
    default: return {};
    }
}

} // namespace gw::transform::vtl
