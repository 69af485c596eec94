#include "awsuriencoding.h"

namespace gw::aws {
namespace {

bool isUnreserved(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'
        || c == '_' || c == '.' || c == '~';
}

bool isPathSafe(char c)
{
    static const QByteArray extra = QByteArrayLiteral("/!$&'()*+,;=:@%");
    return isUnreserved(c) || extra.contains(c);
}

void appendEscaped(QByteArray &out, unsigned char c)
{
    static const char hex[] = "0123456789ABCDEF";
    out += '%';
    out += hex[c >> 4];
    out += hex[c & 0xF];
}

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

} // namespace

QByteArray uriEncode(const QByteArray &bytes, bool encodeSlash)
{
    QByteArray out;
    out.reserve(bytes.size() * 3 / 2);
    for (const char c : bytes) {
        if (isUnreserved(c) || (c == '/' && !encodeSlash))
            out += c;
        else
            appendEscaped(out, static_cast<unsigned char>(c));
    }
    return out;
}

QByteArray percentDecode(const QByteArray &bytes)
{
    QByteArray out;
    out.reserve(bytes.size());
    for (qsizetype i = 0; i < bytes.size(); ++i) {
        if (bytes[i] == '%' && i + 2 < bytes.size() && hexValue(bytes[i + 1]) >= 0
            && hexValue(bytes[i + 2]) >= 0) {
            out += char(hexValue(bytes[i + 1]) * 16 + hexValue(bytes[i + 2]));
            i += 2;
        } else {
            out += bytes[i];
        }
    }
    return out;
}

QByteArray encodePathForWire(const QByteArray &path)
{
    QByteArray out;
    out.reserve(path.size());
    for (qsizetype i = 0; i < path.size(); ++i) {
        const char c = path[i];
        const bool validEscape = c == '%' && i + 2 < path.size() && hexValue(path[i + 1]) >= 0
            && hexValue(path[i + 2]) >= 0;
        if (isPathSafe(c) && (c != '%' || validEscape))
            out += c;
        else
            appendEscaped(out, static_cast<unsigned char>(c));
    }
    return out;
}

} // namespace gw::aws
