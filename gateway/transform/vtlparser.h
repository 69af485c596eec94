#pragma once

#include "vtlast.h"
#include "vtlscanner.h"

#include <QHash>

namespace gw::transform::vtl {

struct SyntaxError
{
    Position pos;
    QString message;
};

// Parses a mapping template into its syntax tree, once (at deploy time). Velocity's grammar as
// API Gateway renders it: references, #set/#if/#elseif/#else/#foreach/#break/#stop/#define/
// #macro, comments, escapes. A directive's own trailing newline is not output.
class VtlParser
{
public:
    // How deep an expression tree may be: `1 + 1 + … + 1` nests one level per operator, and the
    // evaluator (and the tree's destructor) recurse once per level.
    static constexpr int kMaxExprDepth = 1000;

    explicit VtlParser(const QString &source, QHash<QString, std::shared_ptr<Macro>> *macros, Position origin = {});
    // False on a syntax error; error() then says what and where.
    bool parse(NodeList *out);
    const SyntaxError &error() const { return m_error; }

private:
    enum class End { Eof, EndOnly, IfBranch };
    bool parseBlock(NodeList &out, End until, QString *terminator, qsizetype *terminatorAt);
    bool parseDirective(NodeList &out, const QString &name, qsizetype hashAt, bool braced);
    bool parseReference(std::unique_ptr<Reference> *ref, bool inExpression);
    bool parseChain(Reference &ref);
    bool parseArgs(std::vector<ExprPtr> &args, QChar close, bool commasOptional);
    bool expectOpenParen(const QString &directive);
    bool expectCloseParen(const QString &directive);
    // "(expression)" after #if / #elseif; null (error recorded) when it is not there.
    ExprPtr parseCondition(const QString &directive);
    void gobbleNewline();

    ExprPtr parseExpression();
    ExprPtr parseBinary(int level);
    ExprPtr parseUnary();
    ExprPtr parsePrimary();
    ExprPtr parseString(QChar quote);
    ExprPtr parseNumber();
    ExprPtr openCollection(Expr::Kind kind);
    ExprPtr parseListOrRange();
    ExprPtr parseMap();

    // Sets e's depth from its children; null (error recorded) when it exceeds kMaxExprDepth.
    ExprPtr measured(ExprPtr e);

    bool fail(qsizetype at, const QString &message);
    bool enter(qsizetype at);

    VtlScanner m_s;
    QHash<QString, std::shared_ptr<Macro>> *m_macros;
    SyntaxError m_error;
    bool m_failed = false;
    int m_depth = 0;
    int m_maxExprDepth = 0; // the deepest expression parsed so far
    bool m_inString = false; // parsing a double-quoted string's content
};

} // namespace gw::transform::vtl
