#include "schemarewrite.h"

#include "ecmaregex.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QUrl>

namespace gw::validate {

namespace {

// A node: a document (index) and the reference tokens from its root.
struct Location {
    int doc = 0;
    QStringList tokens;
};

QString escapeToken(QString token)
{
    return token.replace(QLatin1Char('~'), QStringLiteral("~0")).replace(QLatin1Char('/'), QStringLiteral("~1"));
}

QString pointerOf(const QStringList &tokens)
{
    QString out;
    for (const QString &t : tokens)
        out += QLatin1Char('/') + escapeToken(t);
    return out;
}

QString keyOf(int doc, const QStringList &tokens)
{
    return QString::number(doc) + QLatin1Char('#') + pointerOf(tokens);
}

// A member of an object or an element of an array ("0", "12": no sign, no leading zero).
std::optional<QJsonValue> childOf(const QJsonValue &v, const QString &token)
{
    if (v.isObject()) {
        const QJsonObject o = v.toObject();
        const auto it = o.constFind(token);
        return it == o.constEnd() ? std::nullopt : std::optional<QJsonValue>(*it);
    }
    if (v.isArray()) {
        bool ok = false;
        const qsizetype i = token.toLongLong(&ok);
        const QJsonArray a = v.toArray();
        if (!ok || i < 0 || i >= a.size() || QString::number(i) != token)
            return std::nullopt;
        return a.at(i);
    }
    return std::nullopt;
}

QString resolveUri(const QString &base, const QString &ref)
{
    if (base.isEmpty())
        return ref;
    return QUrl(base).resolved(QUrl(ref)).toString();
}

QString withoutEmptyFragment(QString uri)
{
    if (uri.endsWith(QLatin1Char('#')))
        uri.chop(1);
    return uri;
}

constexpr qsizetype kMaxPointerTokens = 4 * kMaxSchemaNesting;

class Rewriter {
public:
    explicit Rewriter(const JsonSchema::DocumentResolver &resolve) : m_resolve(resolve) { }

    std::optional<RewrittenSchema> run(const QJsonValue &schema)
    {
        addDocument(QString(), schema);
        if (!walk(0, schema, {}, QString(), 0) || !resolveRefs() || !checkSameValueChains())
            return std::nullopt;
        RewrittenSchema out;
        out.entries.append(refUri({0, {}}));
        for (int d = 0; d < m_docs.size(); ++d) {
            QStringList tokens;
            out.documents.insert(docUri(d), rewrittenCopy(d, m_docs[d].value, tokens, &out.entries));
        }
        out.nodes = m_schemas.size();
        out.sameValueChain = m_longestChain;
        return out;
    }

    QString error;

private:
    struct Document {
        QString uri; // as the $ref named it; empty for the schema itself
        QJsonValue value;
    };
    struct Ref {
        Location at;
        QString base;
        QString ref;
    };

    const JsonSchema::DocumentResolver &m_resolve;
    QList<Document> m_docs;
    QHash<QString, Location> m_ids; // absolute URI (documents and `id`s) → node
    QList<Ref> m_refs; // in the order found; resolved one by one
    QHash<QString, Location> m_schemas; // key → node walked as a schema
    QSet<QString> m_onTheWay; // keys of the containers that lead to schemas
    QHash<QString, QString> m_refTargets; // key of a $ref node → key of its target
    QHash<QString, QStringList> m_sameValue; // key → keys of schemas applied to the same value
    QSet<QString> m_withPatternProperties; // keys
    int m_longestChain = 1;

    static QString docUri(int doc) { return QStringLiteral("gw://doc/%1").arg(doc); }

    QString display(const Location &at) const { return m_docs[at.doc].uri + QLatin1Char('#') + pointerOf(at.tokens); }
    bool fail(const Location &at, const QString &what)
    {
        error = QStringLiteral("at %1: %2").arg(display(at), what);
        return false;
    }

    int addDocument(const QString &uri, const QJsonValue &value)
    {
        m_docs.append({uri, value});
        const int doc = int(m_docs.size() - 1);
        m_ids.insert(withoutEmptyFragment(uri), {doc, {}});
        return doc;
    }

    void markOnTheWay(int doc, QStringList tokens)
    {
        while (!tokens.isEmpty()) {
            tokens.removeLast();
            m_onTheWay.insert(keyOf(doc, tokens));
        }
    }

    bool checkPattern(const Location &at, const QString &pattern)
    {
        QString why;
        if (!EcmaRegex::compile(pattern, &why))
            return fail(
                at, QStringLiteral("'%1' is not a regular expression this validator supports: %2").arg(pattern, why));
        return true;
    }

    // Records `value` at `tokens` as a schema, then its sub-schemas. Recursion is bounded by
    // kMaxSchemaNesting.
    bool walk(int doc, const QJsonValue &value, const QStringList &tokens, QString base, int nesting)
    {
        const Location here {doc, tokens};
        const QString key = keyOf(doc, tokens);
        if (m_schemas.contains(key))
            return true;
        if (nesting > kMaxSchemaNesting)
            return fail(here, QStringLiteral("schemas nested more than %1 deep").arg(kMaxSchemaNesting));
        if (m_schemas.size() >= kMaxSchemaNodes)
            return fail(here, QStringLiteral("more than %1 schemas").arg(kMaxSchemaNodes));
        m_schemas.insert(key, here);
        markOnTheWay(doc, tokens);
        if (!value.isObject())
            return true; // valijson says what is wrong with it
        const QJsonObject o = value.toObject();
        if (const QJsonValue id = o.value(QLatin1String("id")); id.isString()) {
            base = resolveUri(base, id.toString());
            const QString uri = withoutEmptyFragment(base);
            if (!m_ids.contains(uri))
                m_ids.insert(uri, here);
        }
        if (o.contains(QLatin1String("$ref"))) {
            // Draft 4: a $ref object stands for its target; its other members mean nothing.
            if (!o.value(QLatin1String("$ref")).isString())
                return fail(here, QStringLiteral("$ref is not a string"));
            m_refs.append({here, base, o.value(QLatin1String("$ref")).toString()});
            return true;
        }
        const auto sub = [&](const QStringList &more, const QJsonValue &v, bool sameValue) {
            const QStringList at = tokens + more;
            if (sameValue)
                m_sameValue[key].append(keyOf(doc, at));
            return walk(doc, v, at, base, nesting + 1);
        };
        for (auto it = o.begin(); it != o.end(); ++it) {
            const QString kw = it.key();
            if (kw == QLatin1String("properties") || kw == QLatin1String("patternProperties")
                || kw == QLatin1String("definitions") || kw == QLatin1String("dependencies")) {
                const QJsonObject map = it->toObject();
                if (kw == QLatin1String("patternProperties") && it->isObject())
                    m_withPatternProperties.insert(key);
                for (auto m = map.begin(); m != map.end(); ++m) {
                    if (kw == QLatin1String("patternProperties")
                        && !checkPattern({doc, tokens + QStringList {kw, m.key()}}, m.key()))
                        return false;
                    if (kw == QLatin1String("dependencies") && !m->isObject())
                        continue; // a list of property names
                    if (!sub({kw, m.key()}, *m, kw == QLatin1String("dependencies")))
                        return false;
                }
            } else if (kw == QLatin1String("additionalProperties") || kw == QLatin1String("additionalItems")
                || kw == QLatin1String("not") || (kw == QLatin1String("items") && it->isObject())) {
                if (it->isObject() && !sub({kw}, *it, kw == QLatin1String("not")))
                    return false;
            } else if (kw == QLatin1String("items") || kw == QLatin1String("allOf") || kw == QLatin1String("anyOf")
                || kw == QLatin1String("oneOf")) {
                const QJsonArray list = it->toArray();
                for (qsizetype i = 0; i < list.size(); ++i)
                    if (!sub({kw, QString::number(i)}, list.at(i), kw != QLatin1String("items")))
                        return false;
            } else if (kw == QLatin1String("pattern") && it->isString()) {
                if (!checkPattern({doc, tokens + QStringList {kw}}, it->toString()))
                    return false;
            }
        }
        return true;
    }

    // The base URI in effect at a node: the `id`s on the way down from its document's root.
    QString baseAt(const Location &at) const
    {
        QString base = m_docs[at.doc].uri;
        QJsonValue v = m_docs[at.doc].value;
        for (const QString &t : at.tokens) {
            if (const QJsonValue id = v.toObject().value(QLatin1String("id")); id.isString())
                base = resolveUri(base, id.toString());
            v = childOf(v, t).value_or(QJsonValue());
        }
        return base;
    }

    std::optional<QJsonValue> valueAt(const Location &at) const
    {
        std::optional<QJsonValue> v = m_docs[at.doc].value;
        for (const QString &t : at.tokens)
            if (!(v = childOf(*v, t)))
                return std::nullopt;
        return v;
    }

    bool resolveRefs()
    {
        for (qsizetype i = 0; i < m_refs.size(); ++i) {
            const Ref r = m_refs[i];
            const QString cannot = QStringLiteral("cannot resolve $ref %1").arg(r.ref);
            const QString uri = withoutEmptyFragment(resolveUri(r.base, r.ref));
            Location target;
            if (const auto it = m_ids.constFind(uri); it != m_ids.cend()) {
                target = *it;
            } else {
                const qsizetype hash = uri.indexOf(QLatin1Char('#'));
                const QString document = hash < 0 ? uri : uri.left(hash);
                const QString fragment = hash < 0 ? QString() : QUrl::fromPercentEncoding(uri.mid(hash + 1).toUtf8());
                if (!fragment.isEmpty() && !fragment.startsWith(QLatin1Char('/')))
                    return fail(r.at, cannot);
                if (const auto doc = m_ids.constFind(document); doc != m_ids.cend()) {
                    target = *doc;
                } else {
                    const std::optional<QJsonValue> fetched = m_resolve ? m_resolve(document) : std::nullopt;
                    if (!fetched)
                        return fail(r.at, cannot);
                    const int d = addDocument(document, *fetched);
                    if (!walk(d, *fetched, {}, document, 0))
                        return false;
                    target = {d, {}};
                }
                const QStringList raw = fragment.split(QLatin1Char('/'));
                if (raw.size() > kMaxPointerTokens)
                    return fail(r.at,
                        QStringLiteral("$ref %1 is a JSON pointer of more than %2 steps")
                            .arg(r.ref)
                            .arg(kMaxPointerTokens));
                for (qsizetype t = 1; t < raw.size(); ++t)
                    target.tokens.append(QString(raw[t])
                                             .replace(QStringLiteral("~1"), QStringLiteral("/"))
                                             .replace(QStringLiteral("~0"), QStringLiteral("~")));
            }
            const std::optional<QJsonValue> value = valueAt(target);
            if (!value)
                return fail(r.at, QStringLiteral("$ref %1 points at nothing").arg(r.ref));
            if (!walk(target.doc, *value, target.tokens, baseAt(target), 0))
                return false;
            const QString from = keyOf(r.at.doc, r.at.tokens);
            const QString to = keyOf(target.doc, target.tokens);
            m_refTargets.insert(from, to);
            m_sameValue[from].append(to);
        }
        return true;
    }

    // Depth-first without recursion: refuses a cycle of schemas applied to one value and
    // measures the longest chain.
    bool checkSameValueChains()
    {
        QHash<QString, int> chain; // finished nodes → longest chain from them
        QSet<QString> active;
        for (auto start = m_sameValue.cbegin(); start != m_sameValue.cend(); ++start) {
            if (chain.contains(start.key()))
                continue;
            struct Frame {
                QString key;
                qsizetype next = 0;
                int longest = 0;
            };
            QList<Frame> stack {{start.key()}};
            active.insert(start.key());
            while (!stack.isEmpty()) {
                Frame &top = stack.last();
                const QStringList children = m_sameValue.value(top.key);
                if (top.next < children.size()) {
                    const QString child = children[top.next++];
                    if (const auto done = chain.constFind(child); done != chain.cend()) {
                        top.longest = std::max(top.longest, *done);
                    } else if (active.contains(child)) {
                        QStringList path;
                        qsizetype from = stack.size() - 1;
                        while (from > 0 && stack[from].key != child)
                            --from;
                        for (qsizetype f = from; f < stack.size(); ++f)
                            path.append(display(m_schemas.value(stack[f].key)));
                        path.append(display(m_schemas.value(child)));
                        return fail(m_schemas.value(child),
                            QStringLiteral("schemas that apply to the same value refer back to themselves (%1), so "
                                           "validating would never end")
                                .arg(path.join(QStringLiteral(" → "))));
                    } else {
                        active.insert(child);
                        stack.append({child});
                    }
                    continue;
                }
                const int length = top.longest + 1;
                const QString key = top.key;
                chain.insert(key, length);
                active.remove(key);
                stack.removeLast();
                if (!stack.isEmpty())
                    stack.last().longest = std::max(stack.last().longest, length);
                m_longestChain = std::max(m_longestChain, length);
                if (length > kMaxSameValueChain)
                    return fail(m_schemas.value(key),
                        QStringLiteral("more than %1 schemas (allOf, anyOf, oneOf, not, dependencies, $ref) "
                                       "apply to one value in a row")
                            .arg(kMaxSameValueChain));
            }
        }
        return true;
    }

    // A member's name in the rewritten schema object.
    static QString renamed(const QString &name, bool patternProperties)
    {
        if (name == QLatin1String("pattern"))
            return QLatin1String(kPatternKeyword);
        if (name == QLatin1String("format"))
            return QLatin1String(kFormatKeyword);
        if (patternProperties
            && (name == QLatin1String("patternProperties") || name == QLatin1String("additionalProperties")))
            return QLatin1String(kOwnKeywordPrefix) + QStringLiteral("kept_")
                + name; // kept for the entries to point at
        return name;
    }

    bool isSchemaObject(int doc, const QStringList &tokens, const QJsonValue &v) const
    {
        return v.isObject() && m_schemas.contains(keyOf(doc, tokens));
    }

    // "gw://doc/N#/pointer" in the rewritten document for a node of the original one.
    QString refUri(const Location &at) const
    {
        QString pointer;
        QJsonValue v = m_docs[at.doc].value;
        QStringList walked;
        for (const QString &t : at.tokens) {
            const bool pp = m_withPatternProperties.contains(keyOf(at.doc, walked));
            const QString name = isSchemaObject(at.doc, walked, v) ? renamed(t, pp) : t;
            // valijson %-decodes pointer tokens after splitting them.
            pointer += QLatin1Char('/') + escapeToken(name).replace(QLatin1Char('%'), QStringLiteral("%25"));
            v = childOf(v, t).value_or(QJsonValue());
            walked.append(t);
        }
        return docUri(at.doc) + QLatin1Char('#') + pointer;
    }

    qsizetype entry(const Location &at, QStringList *entries) const
    {
        const QString uri = refUri(at);
        qsizetype i = entries->indexOf(uri);
        if (i < 0) {
            entries->append(uri);
            i = entries->size() - 1;
        }
        return i;
    }

    // The rewritten copy of a document: only schemas and the containers leading to them change.
    QJsonValue rewrittenCopy(int doc, const QJsonValue &value, QStringList &tokens, QStringList *entries) const
    {
        const QString key = keyOf(doc, tokens);
        const bool schema = m_schemas.contains(key) && value.isObject();
        if (!schema && !m_onTheWay.contains(key))
            return value;
        if (value.isArray()) {
            const QJsonArray in = value.toArray();
            QJsonArray out;
            for (qsizetype i = 0; i < in.size(); ++i) {
                tokens.append(QString::number(i));
                out.append(rewrittenCopy(doc, in.at(i), tokens, entries));
                tokens.removeLast();
            }
            return out;
        }
        if (!value.isObject())
            return value;
        const QJsonObject in = value.toObject();
        if (const auto target = m_refTargets.constFind(key); schema && target != m_refTargets.cend()) {
            // valijson follows the $ref and ignores the rest, which may still hold what other
            // $refs point at (definitions).
            QJsonObject out;
            for (auto it = in.begin(); it != in.end(); ++it) {
                tokens.append(it.key());
                out.insert(it.key(), rewrittenCopy(doc, *it, tokens, entries));
                tokens.removeLast();
            }
            out.insert(QStringLiteral("$ref"), refUri(m_schemas.value(*target)));
            return out;
        }
        const bool pp = schema && m_withPatternProperties.contains(key);
        QJsonObject out;
        for (auto it = in.begin(); it != in.end(); ++it) {
            QString name = it.key();
            if (schema) {
                // `id`s are resolved already; our own keywords come only from this rewrite.
                if (name == QLatin1String("id") || name.startsWith(QLatin1String(kOwnKeywordPrefix)))
                    continue;
                name = renamed(name, pp);
            }
            tokens.append(it.key());
            out.insert(name, rewrittenCopy(doc, *it, tokens, entries));
            tokens.removeLast();
        }
        if (pp) {
            QJsonArray patterns, schemas, names;
            const QJsonObject map = in.value(QLatin1String("patternProperties")).toObject();
            for (auto m = map.begin(); m != map.end(); ++m) {
                patterns.append(m.key());
                schemas.append(
                    entry({doc, tokens + QStringList {QStringLiteral("patternProperties"), m.key()}}, entries));
            }
            names = QJsonArray::fromStringList(in.value(QLatin1String("properties")).toObject().keys());
            const QJsonValue additional = in.value(QLatin1String("additionalProperties"));
            // As JSON text: schemakeywords.cpp reads it back without walking valijson's Adapter.
            const QJsonObject spec {{QStringLiteral("patterns"), patterns}, {QStringLiteral("schemas"), schemas},
                {QStringLiteral("properties"), names},
                {QStringLiteral("additional"),
                    additional.isObject() ? QJsonValue(
                        entry({doc, tokens + QStringList {QStringLiteral("additionalProperties")}}, entries))
                                          : QJsonValue(additional.isBool() ? additional.toBool() : true)}};
            out.insert(QLatin1String(kPatternPropertiesKeyword),
                QString::fromUtf8(QJsonDocument(spec).toJson(QJsonDocument::Compact)));
        }
        return out;
    }
};

} // namespace

std::optional<RewrittenSchema> RewrittenSchema::rewrite(
    const QJsonValue &schema, const JsonSchema::DocumentResolver &resolve, QString *error)
{
    Rewriter r(resolve);
    std::optional<RewrittenSchema> out = r.run(schema);
    if (!out && error)
        *error = r.error;
    return out;
}

} // namespace gw::validate
