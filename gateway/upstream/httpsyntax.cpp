#include "httpsyntax.h"

#include <array>
#include <limits>

namespace gw::upstream::syntax {

namespace {

constexpr std::array<bool, 256> makeTokenTable()
{
    std::array<bool, 256> t{};
    for (int c = '0'; c <= '9'; ++c)
        t[c] = true;
    for (int c = 'a'; c <= 'z'; ++c)
        t[c] = true;
    for (int c = 'A'; c <= 'Z'; ++c)
        t[c] = true;
    for (char c : {'!', '#', '$', '%', '&', '\'', '*', '+', '-', '.', '^', '_', '`', '|', '~'})
        t[static_cast<unsigned char>(c)] = true;
    return t;
}

constexpr std::array<bool, 256> kToken = makeTokenTable();

bool isOws(char c) { return c == ' ' || c == '\t'; }

constexpr std::array<signed char, 256> makeHexTable()
{
    std::array<signed char, 256> t{};
    t.fill(-1);
    for (int i = 0; i < 16; ++i) {
        t["0123456789abcdef"[i]] = static_cast<signed char>(i);
        t["0123456789ABCDEF"[i]] = static_cast<signed char>(i);
    }
    return t;
}

constexpr std::array<signed char, 256> kHex = makeHexTable();

int hexValue(char c) { return kHex[static_cast<unsigned char>(c)]; }

qsizetype skipOws(QByteArrayView s, qsizetype i)
{
    while (i < s.size() && isOws(s[i]))
        ++i;
    return i;
}

// quoted-string starting at s[i] == '"'; returns the index after the closing quote, or -1.
qsizetype skipQuotedString(QByteArrayView s, qsizetype i)
{
    for (++i; i < s.size(); ++i) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c == '"')
            return i + 1;
        if (c == '\\') {
            if (++i >= s.size())
                return -1;
            const auto e = static_cast<unsigned char>(s[i]);
            if (e != '\t' && (e < 0x20 || e == 0x7f))
                return -1;
        } else if (c != '\t' && (c < 0x20 || c == 0x7f)) {
            return -1;
        }
    }
    return -1;
}

qsizetype skipToken(QByteArrayView s, qsizetype i)
{
    const qsizetype start = i;
    while (i < s.size() && isTokenChar(s[i]))
        ++i;
    return i > start ? i : -1;
}

// *( BWS ";" BWS name [ BWS "=" BWS ( token / quoted-string ) ] ) up to the end of `s`.
bool isChunkExtensions(QByteArrayView s, qsizetype i)
{
    while (true) {
        const qsizetype ws = skipOws(s, i);
        if (ws == s.size())
            return ws == i; // whitespace is only allowed before ';'
        i = ws;
        if (s[i] != ';')
            return false;
        i = skipToken(s, skipOws(s, i + 1));
        if (i < 0)
            return false;
        const qsizetype afterName = skipOws(s, i);
        if (afterName < s.size() && s[afterName] == '=') {
            i = skipOws(s, afterName + 1);
            i = (i < s.size() && s[i] == '"') ? skipQuotedString(s, i) : skipToken(s, i);
            if (i < 0)
                return false;
        }
    }
}

} // namespace

bool isTokenChar(char c) { return kToken[static_cast<unsigned char>(c)]; }

bool isToken(QByteArrayView s)
{
    if (s.isEmpty())
        return false;
    for (char c : s)
        if (!isTokenChar(c))
            return false;
    return true;
}

bool isFieldValue(QByteArrayView s)
{
    for (char ch : s) {
        const auto c = static_cast<unsigned char>(ch);
        if ((c < 0x20 && c != '\t') || c == 0x7f)
            return false;
    }
    return true;
}

QByteArrayView trimOws(QByteArrayView s)
{
    qsizetype b = 0, e = s.size();
    while (b < e && isOws(s[b]))
        ++b;
    while (e > b && isOws(s[e - 1]))
        --e;
    return s.sliced(b, e - b);
}

bool listContainsToken(QByteArrayView list, QByteArrayView token)
{
    while (!list.isEmpty()) {
        const qsizetype comma = list.indexOf(',');
        const QByteArrayView item = trimOws(comma < 0 ? list : list.first(comma));
        if (item.compare(token, Qt::CaseInsensitive) == 0)
            return true;
        if (comma < 0)
            break;
        list = list.sliced(comma + 1);
    }
    return false;
}

qint64 parseContentLength(QByteArrayView value)
{
    qint64 result = -1;
    while (true) {
        const qsizetype comma = value.indexOf(',');
        const QByteArrayView item = trimOws(comma < 0 ? value : value.first(comma));
        if (item.isEmpty() || item.size() > 18)
            return -1;
        qint64 n = 0;
        for (char c : item) {
            if (c < '0' || c > '9')
                return -1;
            n = n * 10 + (c - '0');
        }
        if (result >= 0 && n != result)
            return -1;
        result = n;
        if (comma < 0)
            return result;
        value = value.sliced(comma + 1);
    }
}

qint64 parseChunkSizeLine(QByteArrayView line, qint64 max)
{
    qint64 size = 0;
    qsizetype i = 0;
    bool tooLarge = false;
    for (; i < line.size(); ++i) {
        const int v = hexValue(line[i]);
        if (v < 0)
            break;
        if (!tooLarge) {
            tooLarge = size > (std::numeric_limits<qint64>::max() - 15) / 16;
            size = tooLarge ? size : size * 16 + v;
            tooLarge = tooLarge || size > max;
        }
    }
    if (i == 0 || !isChunkExtensions(line, i))
        return -1;
    return tooLarge ? -2 : size;
}

} // namespace gw::upstream::syntax
