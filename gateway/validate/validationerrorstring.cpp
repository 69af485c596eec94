#include "validationerrorstring.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QRegularExpression>

#include <cmath>

namespace gw::validate {

// "<root>[t][0][n]" → ["t", "0", "n"]
static QStringList pathTokens(const QString &context)
{
    static const QRegularExpression token(QStringLiteral("\\[([^\\]]*)\\]"));
    QStringList out;
    for (auto it = token.globalMatch(context); it.hasNext();)
        out.append(it.next().captured(1));
    return out;
}

static QJsonValue valueAt(QJsonValue v, const QStringList &path)
{
    for (const QString &t : path)
        v = v.isArray() ? v.toArray().at(t.toInt()) : v.toObject().value(t);
    return v;
}

// The names fge's validator uses for JSON types.
static QString typeName(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::Null: return QStringLiteral("null");
    case QJsonValue::Bool: return QStringLiteral("boolean");
    case QJsonValue::Double: {
        const double d = v.toDouble();
        return std::isfinite(d) && std::floor(d) == d ? QStringLiteral("integer") : QStringLiteral("number");
    }
    case QJsonValue::String: return QStringLiteral("string");
    case QJsonValue::Array: return QStringLiteral("array");
    case QJsonValue::Object: return QStringLiteral("object");
    default: return QStringLiteral("undefined");
    }
}

QString validationErrorString(const QStringList &errors, const QJsonValue &instance)
{
    static const QRegularExpression required(QStringLiteral("^Missing required property '(.*)'\\.$"));
    QStringList messages;
    QMap<QString, QStringList> missing; // object path → property names, in the order reported
    QStringList missingOrder;
    for (const QString &line : errors) {
        const qsizetype colon = line.indexOf(QStringLiteral(": "));
        const QString context = line.left(colon);
        const QString text = line.mid(colon + 2);
        if (text.startsWith(QLatin1String("Failed to validate against schema associated with property name"))
            || text.startsWith(QLatin1String("Failed to validate item #")))
            continue; // a parent's summary of a child problem reported on its own line
        const QStringList path = pathTokens(context);
        if (const auto m = required.match(text); m.hasMatch()) {
            if (!missing.contains(context))
                missingOrder.append(context);
            missing[context].append(m.captured(1));
            continue;
        }
        if (text == QLatin1String("Value type not permitted by 'type' constraint.")) {
            messages.append(QStringLiteral("instance type (%1) does not match any allowed primitive type").arg(typeName(valueAt(instance, path))));
            continue;
        }
        const QString pointer = path.isEmpty() ? QString() : QStringLiteral(" (at /%1)").arg(path.join(QLatin1Char('/')));
        messages.append(text + pointer);
    }
    QStringList out;
    for (const QString &context : std::as_const(missingOrder)) {
        QStringList names = missing.value(context);
        names.sort(); // fge lists them sorted
        out.append(QStringLiteral("object has missing required properties (%1)")
                       .arg(QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(names)).toJson(QJsonDocument::Compact))));
    }
    out += messages;
    return QLatin1Char('[') + out.join(QStringLiteral(", ")) + QLatin1Char(']');
}

} // namespace gw::validate
