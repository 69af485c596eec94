#include "vtlutil.h"

#include "vtljson.h"

#include <QUrl>

namespace gw::transform {

QString VtlUtil::escapeJavaScript(const QString &s)
{
    QString out;
    out.reserve(s.size() + 8);
    for (const QChar c : s) {
        const ushort u = c.unicode();
        switch (u) {
        case '\'': out += QStringLiteral("\\'"); continue;
        case '"': out += QStringLiteral("\\\""); continue;
        case '\\': out += QStringLiteral("\\\\"); continue;
        case '/': out += QStringLiteral("\\/"); continue;
        case '\b': out += QStringLiteral("\\b"); continue;
        case '\n': out += QStringLiteral("\\n"); continue;
        case '\t': out += QStringLiteral("\\t"); continue;
        case '\f': out += QStringLiteral("\\f"); continue;
        case '\r': out += QStringLiteral("\\r"); continue;
        default: break;
        }
        if (u < 0x20 || u > 0x7f)
            out += QStringLiteral("\\u%1").arg(u, 4, 16, QLatin1Char('0')).toUpper().replace(QStringLiteral("\\U"), QStringLiteral("\\u"));
        else
            out += c;
    }
    return out;
}

QString VtlUtil::urlEncode(const QString &s)
{
    const QByteArray utf8 = s.toUtf8();
    QString out;
    for (const char ch : utf8) {
        const uchar c = uchar(ch);
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '*' || c == '_')
            out += QLatin1Char(char(c));
        else if (c == ' ')
            out += QLatin1Char('+');
        else
            out += QStringLiteral("%%1").arg(c, 2, 16, QLatin1Char('0')).toUpper();
    }
    return out;
}

QString VtlUtil::urlDecode(const QString &s)
{
    QByteArray bytes = s.toUtf8();
    bytes.replace('+', ' ');
    return QString::fromUtf8(QByteArray::fromPercentEncoding(bytes));
}

VtlValue VtlUtil::call(const QString &name, const QList<VtlValue> &args, bool *found)
{
    *found = true;
    if (args.size() != 1) {
        *found = false;
        return {};
    }
    // A null argument gives "" (reference §4.6: urlEncode(null) is "").
    const QString arg = args[0].isNull() ? QString() : args[0].toString();
    if (name == QLatin1String("escapeJavaScript"))
        return VtlValue::fromString(escapeJavaScript(arg));
    if (name == QLatin1String("urlEncode"))
        return VtlValue::fromString(urlEncode(arg));
    if (name == QLatin1String("urlDecode"))
        return VtlValue::fromString(urlDecode(arg));
    if (name == QLatin1String("base64Encode"))
        return VtlValue::fromString(QString::fromLatin1(arg.toUtf8().toBase64()));
    if (name == QLatin1String("base64Decode"))
        return VtlValue::fromString(QString::fromUtf8(QByteArray::fromBase64(arg.toLatin1())));
    if (name == QLatin1String("parseJson")) {
        VtlValue v;
        parseJsonText(arg, &v);
        return v;
    }
    *found = false;
    return {};
}

} // namespace gw::transform
