#pragma once

#include "vtlvalue.h"

#include <QList>
#include <QString>

#include <memory>
#include <vector>

namespace gw::transform::vtl {

// The syntax tree of a mapping template, built once by VtlParser and shared read-only by every
// render (and every worker thread).

struct Expr;
struct Node;
using ExprPtr = std::unique_ptr<Expr>;
using NodeList = std::vector<std::unique_ptr<Node>>;

struct Position
{
    int line = 1;
    int column = 1;
};

// One step of a reference chain: `.name`, `.name(args)` or `[index]`.
struct Segment
{
    enum class Kind { Property, Method, Index } kind = Kind::Property;
    QString name;
    std::vector<ExprPtr> args; // Method: arguments; Index: exactly one
    Position pos;
};

struct Reference
{
    QString root;              // variable name without '$'
    std::vector<Segment> chain;
    bool quiet = false;        // $!name
    bool formal = false;       // ${name}
    QString source;            // the reference as written, printed when it cannot be resolved
    Position pos;
};

struct Expr
{
    enum class Kind { Null, Bool, Int, Double, String, Interpolated, Ref, List, Range, Map, Not, Negate, Binary };
    enum class Op { Or, And, Eq, Ne, Lt, Le, Gt, Ge, Add, Sub, Mul, Div, Mod };
    Kind kind = Kind::Null;
    Op op = Op::Or;
    VtlValue literal;                     // Null/Bool/Int/Double/String
    std::unique_ptr<NodeList> interpolated; // "..." with references or directives inside
    std::unique_ptr<Reference> ref;
    std::vector<ExprPtr> items;           // List items; Map: key, value, key, value...; Range: from, to
    ExprPtr lhs, rhs;                     // Binary; Not/Negate use lhs
    Position pos;
    int depth = 1;                        // levels of this tree (the parser caps it)
};

struct Node
{
    enum class Kind { Text, Ref, Set, If, Foreach, Break, Stop, Define, MacroCall };
    Kind kind = Kind::Text;
    Position pos;
    QString text;                         // Text; Define: the variable; MacroCall: macro name
    std::unique_ptr<Reference> ref;       // Ref; Set: the target; Foreach: the loop variable
    ExprPtr expr;                         // Set: value; Foreach: the iterable
    // If: one condition per branch (null for #else), each with its body.
    std::vector<ExprPtr> conditions;
    std::vector<NodeList> bodies;         // If: per branch; Foreach, Define: [0]
    std::vector<ExprPtr> args;            // MacroCall
};

// #define and #macro bodies live with the template, keyed by name.
struct Macro
{
    QStringList params;                   // without '$'
    NodeList body;
    Position pos;
};

} // namespace gw::transform::vtl
