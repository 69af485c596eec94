#include "vtlparser.h"

#include "gateway/core/elide.h"

#include <algorithm>
#include <optional>

namespace gw::transform::vtl {

namespace {

constexpr int kMaxDepth = 200;

struct DepthGuard
{
    int &depth;
    ~DepthGuard() { --depth; }
};

bool isDirectiveName(const QString &name)
{
    static const QStringList names{QStringLiteral("set"), QStringLiteral("if"), QStringLiteral("elseif"),
                                   QStringLiteral("else"), QStringLiteral("end"), QStringLiteral("foreach"),
                                   QStringLiteral("break"), QStringLiteral("stop"), QStringLiteral("define"),
                                   QStringLiteral("macro")};
    return names.contains(name);
}

std::unique_ptr<Node> textNode(const QString &text, Position pos)
{
    auto n = std::make_unique<Node>();
    n->kind = Node::Kind::Text;
    n->text = text;
    n->pos = pos;
    return n;
}

ExprPtr literal(Expr::Kind kind, VtlValue value, Position pos)
{
    auto e = std::make_unique<Expr>();
    e->kind = kind;
    e->literal = std::move(value);
    e->pos = pos;
    return e;
}

} // namespace

VtlParser::VtlParser(const QString &source, QHash<QString, std::shared_ptr<Macro>> *macros, Position origin)
    : m_s(source, origin), m_macros(macros)
{
}

bool VtlParser::fail(qsizetype at, const QString &message)
{
    if (!m_failed) {
        m_failed = true;
        m_error = {m_s.position(at), message};
    }
    return false;
}

ExprPtr VtlParser::measured(ExprPtr e)
{
    int below = e->kind == Expr::Kind::Interpolated ? e->depth : 0;
    const auto take = [&](const ExprPtr &child) {
        if (child)
            below = std::max(below, child->depth);
    };
    take(e->lhs);
    take(e->rhs);
    for (const ExprPtr &item : e->items)
        take(item);
    if (e->ref)
        for (const Segment &seg : e->ref->chain)
            for (const ExprPtr &arg : seg.args)
                take(arg);
    e->depth = below + 1;
    m_maxExprDepth = std::max(m_maxExprDepth, e->depth);
    if (e->depth > kMaxExprDepth) {
        if (!m_failed) {
            m_failed = true;
            m_error = {e->pos, QStringLiteral("expression nested too deeply (more than %1 levels, or as many operators in a row)").arg(kMaxExprDepth)};
        }
        return nullptr;
    }
    return e;
}

bool VtlParser::enter(qsizetype at)
{
    if (++m_depth > kMaxDepth)
        return fail(at, QStringLiteral("template nested too deeply (more than %1 levels)").arg(kMaxDepth));
    return true;
}

bool VtlParser::parse(NodeList *out)
{
    QString terminator;
    qsizetype at = 0;
    return parseBlock(*out, End::Eof, &terminator, &at);
}

void VtlParser::gobbleNewline()
{
    // Velocity 1.7: a directive's closing ")" (or #else / #end) takes trailing blanks and the
    // newline with it, but only when the line ends there.
    const qsizetype save = m_s.offset();
    while (m_s.peek() == QLatin1Char(' ') || m_s.peek() == QLatin1Char('\t'))
        m_s.next();
    if (!m_s.consume(QLatin1Char('\n')) && !m_s.consume(QLatin1String("\r\n")))
        m_s.seek(save);
}

bool VtlParser::parseBlock(NodeList &out, End until, QString *terminator, qsizetype *terminatorAt)
{
    const qsizetype blockStart = m_s.offset();
    if (!enter(blockStart))
        return false;
    DepthGuard guard{m_depth};
    QString text;
    qsizetype textStart = m_s.offset();
    const auto flush = [&] {
        if (!text.isEmpty())
            out.push_back(textNode(text, m_s.position(textStart)));
        text.clear();
        textStart = m_s.offset();
    };
    // Whether a directive (or a macro call) starts at `at`, which holds '#'.
    const auto directiveAt = [&](qsizetype at) {
        qsizetype i = at + 1;
        const QString &src = m_s.source();
        if (i < src.size() && src.at(i) == QLatin1Char('{'))
            ++i;
        const qsizetype nameStart = i;
        while (i < src.size() && VtlScanner::isIdentPart(src.at(i)))
            ++i;
        const QString name = src.mid(nameStart, i - nameStart);
        return isDirectiveName(name) || m_macros->contains(name);
    };
    const auto referenceAt = [&](qsizetype at) {
        const QString &src = m_s.source();
        qsizetype i = at + 1;
        if (i < src.size() && src.at(i) == QLatin1Char('!'))
            ++i;
        if (i < src.size() && src.at(i) == QLatin1Char('{'))
            ++i;
        return i < src.size() && VtlScanner::isIdentStart(src.at(i));
    };

    while (!m_s.atEnd()) {
        const QChar c = m_s.peek();
        if (c == QLatin1Char('\\')) {
            // Backslashes escape a following reference or directive: \$a prints $a, \\$a a
            // backslash and the value. Anywhere else they are plain text.
            qsizetype n = 0;
            while (m_s.peek(n) == QLatin1Char('\\'))
                ++n;
            const qsizetype after = m_s.offset() + n;
            const QChar ch = m_s.peek(n);
            const bool escapes = (ch == QLatin1Char('$') && referenceAt(after)) || (ch == QLatin1Char('#') && directiveAt(after));
            if (!escapes) {
                text += QString(n, QLatin1Char('\\'));
                m_s.seek(after);
                continue;
            }
            text += QString(n / 2, QLatin1Char('\\'));
            m_s.seek(after);
            if (n % 2) {
                // The escaped reference or directive is text, up to the end of its name.
                text += m_s.next();
                while (m_s.peek() == QLatin1Char('!') || m_s.peek() == QLatin1Char('{') || VtlScanner::isIdentPart(m_s.peek()))
                    text += m_s.next();
            }
            continue;
        }
        if (c == QLatin1Char('$')) {
            if (m_s.offset() + 1 >= m_s.source().size() && !m_inString)
                return fail(m_s.offset(), QStringLiteral("unexpected end of template after '$'"));
            const qsizetype at = m_s.offset();
            std::unique_ptr<Reference> ref;
            if (!parseReference(&ref, false)) {
                if (m_failed)
                    return false;
                m_s.seek(at);
                text += m_s.next();
                continue;
            }
            flush();
            auto n = std::make_unique<Node>();
            n->kind = Node::Kind::Ref;
            n->pos = ref->pos;
            n->ref = std::move(ref);
            out.push_back(std::move(n));
            textStart = m_s.offset();
            continue;
        }
        if (c != QLatin1Char('#')) {
            text += m_s.next();
            continue;
        }
        const qsizetype hashAt = m_s.offset();
        if (m_s.peek(1) == QLatin1Char('#')) {
            // A line comment takes its newline with it.
            while (!m_s.atEnd() && m_s.next() != QLatin1Char('\n')) {
            }
            continue;
        }
        if (m_s.peek(1) == QLatin1Char('*')) {
            const qsizetype close = m_s.source().indexOf(QLatin1String("*#"), hashAt + 2);
            if (close < 0)
                return fail(hashAt, QStringLiteral("unterminated comment: '#*' without '*#'"));
            m_s.seek(close + 2);
            continue;
        }
        if (m_s.peek(1) == QLatin1Char('[') && m_s.peek(2) == QLatin1Char('[')) {
            const qsizetype close = m_s.source().indexOf(QLatin1String("]]#"), hashAt + 3);
            if (close < 0)
                return fail(hashAt, QStringLiteral("unterminated unparsed block: '#[[' without ']]#'"));
            text += m_s.source().mid(hashAt + 3, close - hashAt - 3);
            m_s.seek(close + 3);
            continue;
        }
        m_s.next();
        const bool braced = m_s.consume(QLatin1Char('{'));
        QString name = m_s.readIdentifier();
        if (braced && !m_s.consume(QLatin1Char('}')))
            name.clear();
        if (name.isEmpty() || (!isDirectiveName(name) && !m_macros->contains(name))) {
            m_s.seek(hashAt);
            text += m_s.next();
            continue;
        }
        if (name == QLatin1String("end") || name == QLatin1String("else") || name == QLatin1String("elseif")) {
            const bool allowed = name == QLatin1String("end") ? until != End::Eof : until == End::IfBranch;
            if (!allowed)
                return fail(hashAt, name == QLatin1String("end") ? QStringLiteral("#end without a matching #if, #foreach, #define or #macro")
                                                                 : QStringLiteral("#%1 outside #if").arg(name));
            flush();
            *terminator = name;
            *terminatorAt = hashAt;
            return true;
        }
        flush();
        if (!parseDirective(out, name, hashAt, braced))
            return false;
        textStart = m_s.offset();
    }
    flush();
    terminator->clear();
    return true;
}

bool VtlParser::expectOpenParen(const QString &directive)
{
    m_s.skipSpace();
    if (!m_s.consume(QLatin1Char('(')))
        return fail(m_s.offset(), QStringLiteral("expected '(' after #%1").arg(directive));
    return true;
}

ExprPtr VtlParser::parseCondition(const QString &directive)
{
    if (!expectOpenParen(directive))
        return nullptr;
    ExprPtr condition = parseExpression();
    if (!condition || !expectCloseParen(directive))
        return nullptr;
    return condition;
}

bool VtlParser::expectCloseParen(const QString &directive)
{
    m_s.skipSpace();
    if (!m_s.consume(QLatin1Char(')')))
        return fail(m_s.offset(), QStringLiteral("expected ')' to close #%1").arg(directive));
    return true;
}

bool VtlParser::parseDirective(NodeList &out, const QString &name, qsizetype hashAt, bool braced)
{
    auto node = std::make_unique<Node>();
    node->pos = m_s.position(hashAt);
    QString terminator;
    qsizetype terminatorAt = 0;
    const auto body = [&](NodeList &into, End until) {
        if (!parseBlock(into, until, &terminator, &terminatorAt))
            return false;
        if (terminator.isEmpty())
            return fail(hashAt, QStringLiteral("#%1 has no matching #end").arg(name));
        return true;
    };

    if (name == QLatin1String("set")) {
        if (!expectOpenParen(name))
            return false;
        m_s.skipSpace();
        if (m_s.peek() != QLatin1Char('$'))
            return fail(m_s.offset(), QStringLiteral("#set needs a reference to assign to, like #set($name = value)"));
        if (!parseReference(&node->ref, true))
            return fail(m_s.offset(), QStringLiteral("#set needs a reference to assign to"));
        m_s.skipSpace();
        if (!m_s.consume(QLatin1Char('=')))
            return fail(m_s.offset(), QStringLiteral("expected '=' in #set"));
        node->expr = parseExpression();
        if (!node->expr || !expectCloseParen(name))
            return false;
        node->kind = Node::Kind::Set;
        gobbleNewline();
    } else if (name == QLatin1String("if")) {
        node->kind = Node::Kind::If;
        ExprPtr condition = parseCondition(name);
        if (!condition)
            return false;
        gobbleNewline();
        bool sawElse = false;
        for (;;) {
            node->conditions.push_back(std::move(condition));
            node->bodies.emplace_back();
            if (!body(node->bodies.back(), End::IfBranch))
                return false;
            if (terminator == QLatin1String("end"))
                break;
            if (sawElse)
                return fail(terminatorAt, QStringLiteral("#%1 after #else").arg(terminator));
            if (terminator == QLatin1String("else")) {
                sawElse = true;
                condition.reset();
            } else {
                condition = parseCondition(terminator);
                if (!condition)
                    return false;
            }
            gobbleNewline();
        }
        gobbleNewline();
    } else if (name == QLatin1String("foreach")) {
        node->kind = Node::Kind::Foreach;
        if (!expectOpenParen(name))
            return false;
        m_s.skipSpace();
        if (m_s.peek() != QLatin1Char('$') || !parseReference(&node->ref, true) || !node->ref->chain.empty())
            return fail(m_s.offset(), QStringLiteral("#foreach needs a loop variable, like #foreach($item in $list)"));
        m_s.skipSpace();
        if (!m_s.consumeWord(QLatin1String("in")))
            return fail(m_s.offset(), QStringLiteral("expected 'in' in #foreach"));
        node->expr = parseExpression();
        if (!node->expr || !expectCloseParen(name))
            return false;
        gobbleNewline();
        node->bodies.emplace_back();
        if (!body(node->bodies.back(), End::EndOnly))
            return false;
        gobbleNewline();
    } else if (name == QLatin1String("break") || name == QLatin1String("stop")) {
        node->kind = name == QLatin1String("break") ? Node::Kind::Break : Node::Kind::Stop;
        // #break($foreach) names the scope to leave; only the innermost loop is supported.
        const qsizetype save = m_s.offset();
        if (!braced && m_s.consume(QLatin1Char('('))) {
            const qsizetype close = m_s.source().indexOf(QLatin1Char(')'), m_s.offset());
            if (close < 0)
                m_s.seek(save);
            else
                m_s.seek(close + 1);
        }
        gobbleNewline();
    } else if (name == QLatin1String("define")) {
        node->kind = Node::Kind::Define;
        if (!expectOpenParen(name))
            return false;
        m_s.skipSpace();
        std::unique_ptr<Reference> target;
        if (m_s.peek() != QLatin1Char('$') || !parseReference(&target, true) || !target->chain.empty())
            return fail(m_s.offset(), QStringLiteral("#define needs a name, like #define($block)"));
        node->text = target->root;
        if (!expectCloseParen(name))
            return false;
        gobbleNewline();
        node->bodies.emplace_back();
        if (!body(node->bodies.back(), End::EndOnly))
            return false;
        gobbleNewline();
    } else if (name == QLatin1String("macro")) {
        if (!expectOpenParen(name))
            return false;
        m_s.skipSpace();
        const QString macroName = m_s.readIdentifier();
        if (macroName.isEmpty())
            return fail(m_s.offset(), QStringLiteral("#macro needs a name, like #macro(name $arg)"));
        auto macro = std::make_shared<Macro>();
        macro->pos = node->pos;
        for (;;) {
            m_s.skipSpace();
            m_s.consume(QLatin1Char(','));
            m_s.skipSpace();
            if (m_s.consume(QLatin1Char(')')))
                break;
            if (!m_s.consume(QLatin1Char('$')))
                return fail(m_s.offset(), QStringLiteral("expected a $parameter or ')' in #macro"));
            const QString param = m_s.readIdentifier();
            if (param.isEmpty())
                return fail(m_s.offset(), QStringLiteral("expected a parameter name after '$' in #macro"));
            macro->params.append(param);
        }
        gobbleNewline();
        // Registered before its body is parsed, so a macro may call itself.
        m_macros->insert(macroName, macro);
        if (!body(macro->body, End::EndOnly))
            return false;
        gobbleNewline();
        return true;
    } else {
        // A macro call: #name(args), arguments separated by spaces or commas.
        node->kind = Node::Kind::MacroCall;
        node->text = name;
        const qsizetype save = m_s.offset();
        m_s.skipSpace();
        if (!m_s.consume(QLatin1Char('('))) {
            m_s.seek(save);
        } else if (!parseArgs(node->args, QLatin1Char(')'), true)) {
            return false;
        }
    }
    out.push_back(std::move(node));
    return true;
}

bool VtlParser::parseReference(std::unique_ptr<Reference> *out, bool inExpression)
{
    const qsizetype start = m_s.offset();
    m_s.next(); // '$'
    auto ref = std::make_unique<Reference>();
    ref->pos = m_s.position(start);
    ref->quiet = m_s.consume(QLatin1Char('!'));
    ref->formal = m_s.consume(QLatin1Char('{'));
    ref->root = m_s.readIdentifier();
    if (ref->root.isEmpty()) {
        if (inExpression)
            return fail(start, QStringLiteral("expected a name after '$'"));
        return false;
    }
    if (!parseChain(*ref) && m_failed)
        return false;
    if (ref->formal && !m_s.consume(QLatin1Char('}')))
        return fail(m_s.offset(), QStringLiteral("expected '}' to close ${%1").arg(elideForMessage(ref->root)));
    ref->source = m_s.source().mid(start, m_s.offset() - start);
    *out = std::move(ref);
    return true;
}

bool VtlParser::parseChain(Reference &ref)
{
    for (;;) {
        const qsizetype at = m_s.offset();
        if (m_s.peek() == QLatin1Char('.') && VtlScanner::isIdentStart(m_s.peek(1))) {
            m_s.next();
            Segment seg;
            seg.pos = m_s.position(at);
            seg.name = m_s.readPropertyName();
            if (m_s.consume(QLatin1Char('('))) {
                seg.kind = Segment::Kind::Method;
                if (!parseArgs(seg.args, QLatin1Char(')'), false))
                    return false;
            }
            ref.chain.push_back(std::move(seg));
            continue;
        }
        if (m_s.peek() == QLatin1Char('[')) {
            // An index; in text, "[" that does not start one is just text.
            m_s.next();
            Segment seg;
            seg.kind = Segment::Kind::Index;
            seg.pos = m_s.position(at);
            const SyntaxError savedError = m_error;
            ExprPtr index = parseExpression();
            m_s.skipSpace();
            if (!index || !m_s.consume(QLatin1Char(']'))) {
                m_failed = false;
                m_error = savedError;
                m_s.seek(at);
                return true;
            }
            seg.args.push_back(std::move(index));
            ref.chain.push_back(std::move(seg));
            continue;
        }
        return true;
    }
}

bool VtlParser::parseArgs(std::vector<ExprPtr> &args, QChar close, bool commasOptional)
{
    const qsizetype open = m_s.offset();
    m_s.skipSpace();
    if (m_s.consume(close))
        return true;
    for (;;) {
        ExprPtr e = parseExpression();
        if (!e)
            return false;
        args.push_back(std::move(e));
        m_s.skipSpace();
        if (m_s.consume(close))
            return true;
        if (m_s.consume(QLatin1Char(','))) {
            m_s.skipSpace();
            continue;
        }
        if (m_s.atEnd())
            return fail(open, QStringLiteral("missing '%1'").arg(close));
        if (!commasOptional)
            return fail(m_s.offset(), QStringLiteral("expected ',' or '%1' in argument list").arg(close));
    }
}

ExprPtr VtlParser::parseExpression()
{
    return parseBinary(0);
}

ExprPtr VtlParser::parseBinary(int level)
{
    if (level == 6)
        return parseUnary();
    ExprPtr lhs = parseBinary(level + 1);
    if (!lhs)
        return nullptr;
    for (;;) {
        const qsizetype save = m_s.offset();
        m_s.skipSpace();
        const qsizetype opAt = m_s.offset();
        std::optional<Expr::Op> op;
        const auto sym = [&](const char *s, Expr::Op o) {
            if (!op && m_s.consume(QLatin1String(s)))
                op = o;
        };
        const auto word = [&](const char *w, Expr::Op o) {
            if (!op && m_s.consumeWord(QLatin1String(w)))
                op = o;
        };
        switch (level) {
        case 0: sym("||", Expr::Op::Or); word("or", Expr::Op::Or); break;
        case 1: sym("&&", Expr::Op::And); word("and", Expr::Op::And); break;
        case 2:
            sym("==", Expr::Op::Eq); sym("!=", Expr::Op::Ne);
            word("eq", Expr::Op::Eq); word("ne", Expr::Op::Ne);
            break;
        case 3:
            sym("<=", Expr::Op::Le); sym(">=", Expr::Op::Ge); sym("<", Expr::Op::Lt); sym(">", Expr::Op::Gt);
            word("le", Expr::Op::Le); word("ge", Expr::Op::Ge); word("lt", Expr::Op::Lt); word("gt", Expr::Op::Gt);
            break;
        case 4: sym("+", Expr::Op::Add); sym("-", Expr::Op::Sub); break;
        case 5: sym("*", Expr::Op::Mul); sym("/", Expr::Op::Div); sym("%", Expr::Op::Mod); break;
        }
        if (!op) {
            m_s.seek(save);
            return lhs;
        }
        ExprPtr rhs = parseBinary(level + 1);
        if (!rhs)
            return nullptr;
        auto e = std::make_unique<Expr>();
        e->kind = Expr::Kind::Binary;
        e->op = *op;
        e->pos = m_s.position(opAt);
        e->lhs = std::move(lhs);
        e->rhs = std::move(rhs);
        lhs = measured(std::move(e));
        if (!lhs)
            return nullptr;
    }
}

ExprPtr VtlParser::parseUnary()
{
    m_s.skipSpace();
    const qsizetype at = m_s.offset();
    if (!enter(at))
        return nullptr;
    DepthGuard guard{m_depth};
    Expr::Kind kind = Expr::Kind::Null;
    if (m_s.peek() == QLatin1Char('!') && m_s.peek(1) != QLatin1Char('=')) {
        m_s.next();
        kind = Expr::Kind::Not;
    } else if (m_s.consumeWord(QLatin1String("not"))) {
        kind = Expr::Kind::Not;
    } else if (m_s.peek() == QLatin1Char('-')) {
        m_s.next();
        kind = Expr::Kind::Negate;
    } else {
        return parsePrimary();
    }
    ExprPtr operand = parseUnary();
    if (!operand)
        return nullptr;
    auto e = std::make_unique<Expr>();
    e->kind = kind;
    e->pos = m_s.position(at);
    e->lhs = std::move(operand);
    return measured(std::move(e));
}

ExprPtr VtlParser::parsePrimary()
{
    m_s.skipSpace();
    const qsizetype at = m_s.offset();
    const QChar c = m_s.peek();
    if (m_s.atEnd()) {
        fail(at, QStringLiteral("unexpected end of template in an expression"));
        return nullptr;
    }
    if (c == QLatin1Char('$')) {
        std::unique_ptr<Reference> ref;
        if (!parseReference(&ref, true))
            return nullptr;
        auto e = std::make_unique<Expr>();
        e->kind = Expr::Kind::Ref;
        e->pos = ref->pos;
        e->ref = std::move(ref);
        return measured(std::move(e));
    }
    if (c == QLatin1Char('"') || c == QLatin1Char('\''))
        return parseString(c);
    if (VtlScanner::isDigit(c) || (c == QLatin1Char('.') && VtlScanner::isDigit(m_s.peek(1))))
        return parseNumber();
    if (c == QLatin1Char('['))
        return parseListOrRange();
    if (c == QLatin1Char('{'))
        return parseMap();
    if (c == QLatin1Char('(')) {
        m_s.next();
        ExprPtr inner = parseExpression();
        if (!inner)
            return nullptr;
        m_s.skipSpace();
        if (!m_s.consume(QLatin1Char(')'))) {
            fail(m_s.offset(), QStringLiteral("expected ')'"));
            return nullptr;
        }
        return inner;
    }
    if (m_s.consumeWord(QLatin1String("true")))
        return literal(Expr::Kind::Bool, VtlValue::fromBool(true), m_s.position(at));
    if (m_s.consumeWord(QLatin1String("false")))
        return literal(Expr::Kind::Bool, VtlValue::fromBool(false), m_s.position(at));
    if (m_s.consumeWord(QLatin1String("null")))
        return literal(Expr::Kind::Null, VtlValue(), m_s.position(at));
    const QString word = m_s.readIdentifier();
    fail(at, word.isEmpty() ? QStringLiteral("unexpected '%1' in an expression").arg(c)
                            : QStringLiteral("unexpected '%1' in an expression (references start with '$')").arg(elideForMessage(word)));
    return nullptr;
}

ExprPtr VtlParser::parseString(QChar quote)
{
    const qsizetype start = m_s.offset();
    m_s.next();
    QString content;
    for (;;) {
        if (m_s.atEnd()) {
            fail(start, QStringLiteral("unterminated string literal"));
            return nullptr;
        }
        const QChar c = m_s.next();
        if (c == quote) {
            if (m_s.peek() != quote)
                break;
            m_s.next(); // a doubled quote stands for one
        }
        content += c;
    }
    const Position pos = m_s.position(start);
    if (quote == QLatin1Char('\'') || (!content.contains(QLatin1Char('$')) && !content.contains(QLatin1Char('#'))))
        return literal(Expr::Kind::String, VtlValue::fromString(content), pos);
    // Double quotes interpolate: the content is a template of its own.
    auto e = std::make_unique<Expr>();
    e->kind = Expr::Kind::Interpolated;
    e->pos = pos;
    e->interpolated = std::make_unique<NodeList>();
    VtlParser inner(content, m_macros, m_s.position(start + 1));
    inner.m_depth = m_depth;
    inner.m_inString = true;
    if (!inner.parse(e->interpolated.get())) {
        if (!m_failed) {
            m_failed = true;
            m_error = inner.error();
        }
        return nullptr;
    }
    e->depth = inner.m_maxExprDepth;
    return measured(std::move(e));
}

ExprPtr VtlParser::parseNumber()
{
    const qsizetype start = m_s.offset();
    while (VtlScanner::isDigit(m_s.peek()))
        m_s.next();
    bool isDouble = false;
    if (m_s.peek() == QLatin1Char('.') && VtlScanner::isDigit(m_s.peek(1))) {
        isDouble = true;
        m_s.next();
        while (VtlScanner::isDigit(m_s.peek()))
            m_s.next();
    }
    const QString digits = m_s.source().mid(start, m_s.offset() - start);
    const Position pos = m_s.position(start);
    if (!isDouble) {
        bool ok = false;
        const qint64 v = digits.toLongLong(&ok);
        if (ok)
            return literal(Expr::Kind::Int, VtlValue::fromInt(v), pos);
    }
    return literal(Expr::Kind::Double, VtlValue::fromDouble(digits.toDouble()), pos);
}

ExprPtr VtlParser::openCollection(Expr::Kind kind)
{
    auto e = std::make_unique<Expr>();
    e->kind = kind;
    e->pos = m_s.position();
    m_s.next(); // '[' or '{'
    m_s.skipSpace();
    return e;
}

ExprPtr VtlParser::parseListOrRange()
{
    ExprPtr e = openCollection(Expr::Kind::List);
    if (m_s.consume(QLatin1Char(']')))
        return e;
    ExprPtr first = parseExpression();
    if (!first)
        return nullptr;
    m_s.skipSpace();
    if (m_s.consume(QLatin1String(".."))) {
        e->kind = Expr::Kind::Range;
        ExprPtr last = parseExpression();
        if (!last)
            return nullptr;
        m_s.skipSpace();
        if (!m_s.consume(QLatin1Char(']'))) {
            fail(m_s.offset(), QStringLiteral("expected ']' to close the range"));
            return nullptr;
        }
        e->items.push_back(std::move(first));
        e->items.push_back(std::move(last));
        return measured(std::move(e));
    }
    e->items.push_back(std::move(first));
    if (!m_s.consume(QLatin1Char(']'))) {
        if (!m_s.consume(QLatin1Char(','))) {
            fail(m_s.offset(), QStringLiteral("expected ',' or ']' in the list"));
            return nullptr;
        }
        if (!parseArgs(e->items, QLatin1Char(']'), false))
            return nullptr;
    }
    return measured(std::move(e));
}

ExprPtr VtlParser::parseMap()
{
    const qsizetype open = m_s.offset();
    ExprPtr e = openCollection(Expr::Kind::Map);
    if (m_s.consume(QLatin1Char('}')))
        return e;
    for (;;) {
        ExprPtr key = parseExpression();
        if (!key)
            return nullptr;
        m_s.skipSpace();
        if (!m_s.consume(QLatin1Char(':'))) {
            fail(m_s.offset(), QStringLiteral("expected ':' after a map key"));
            return nullptr;
        }
        ExprPtr value = parseExpression();
        if (!value)
            return nullptr;
        e->items.push_back(std::move(key));
        e->items.push_back(std::move(value));
        m_s.skipSpace();
        if (m_s.consume(QLatin1Char('}')))
            return measured(std::move(e));
        if (!m_s.consume(QLatin1Char(','))) {
            fail(m_s.atEnd() ? open : m_s.offset(), m_s.atEnd() ? QStringLiteral("missing '}' to close the map")
                                                                : QStringLiteral("expected ',' or '}' in the map"));
            return nullptr;
        }
        m_s.skipSpace();
    }
}

} // namespace gw::transform::vtl
