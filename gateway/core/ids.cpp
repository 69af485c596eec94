#include "ids.h"

#include <QRandomGenerator>

#include <random>

namespace gw {

// Ids are made on every request: a per-thread generator seeded once from the system's avoids
// QRandomGenerator::global()'s lock and per-call cost.
static std::mt19937_64 &generator()
{
    thread_local std::mt19937_64 g(QRandomGenerator::system()->generate64());
    return g;
}

static QString randomToken(int length, const char *alphabet, int alphabetSize)
{
    QString out(length, Qt::Uninitialized);
    QChar *data = out.data();
    auto &g = generator();
    quint64 bits = g();
    int left = 10; // 6 bits per character from each 64-bit draw
    for (int i = 0; i < length; ++i) {
        if (!left) {
            bits = g();
            left = 10;
        }
        data[i] = QLatin1Char(alphabet[(bits & 63) % quint64(alphabetSize)]);
        bits >>= 6;
        --left;
    }
    return out;
}

// Writes the low `nibbles` hex digits of `v` (lower case) at d[pos], advancing pos.
static void putHex(QChar *d, int &pos, quint64 v, int nibbles)
{
    static constexpr char hex[] = "0123456789abcdef";
    for (int i = nibbles - 1; i >= 0; --i)
        d[pos++] = QLatin1Char(hex[(v >> (i * 4)) & 15]);
}

static constexpr char kLowerAlnum[] = "abcdefghijklmnopqrstuvwxyz0123456789";
static constexpr char kExtended[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-";

QString newApiId() { return randomToken(10, kLowerAlnum, 36); }
QString newResourceId() { return randomToken(6, kLowerAlnum, 36); }
QString newDeploymentId() { return randomToken(6, kLowerAlnum, 36); }

QString newRequestId()
{
    // A version-4 UUID, formatted by hand.
    auto &g = generator();
    quint64 hi = g();
    quint64 lo = g();
    hi = (hi & 0xFFFFFFFFFFFF0FFFULL) | 0x0000000000004000ULL;
    lo = (lo & 0x3FFFFFFFFFFFFFFFULL) | 0x8000000000000000ULL;
    QString out(36, Qt::Uninitialized);
    QChar *d = out.data();
    int pos = 0;
    const auto put = [&](quint64 v, int nibbles) { putHex(d, pos, v, nibbles); };
    put(hi >> 32, 8);
    d[pos++] = QLatin1Char('-');
    put((hi >> 16) & 0xFFFF, 4);
    d[pos++] = QLatin1Char('-');
    put(hi & 0xFFFF, 4);
    d[pos++] = QLatin1Char('-');
    put(lo >> 48, 4);
    d[pos++] = QLatin1Char('-');
    put(lo & 0xFFFFFFFFFFFFULL, 12);
    return out;
}

QString newTraceHeader(qint64 epochSeconds)
{
    // Made on every request, so formatted by hand like the request id.
    QString out(40, Qt::Uninitialized); // "Root=1-" + 8 + "-" + 24
    QChar *d = out.data();
    int pos = 0;
    for (const char c : {'R', 'o', 'o', 't', '=', '1', '-'})
        d[pos++] = QLatin1Char(c);
    putHex(d, pos, quint32(epochSeconds), 8);
    d[pos++] = QLatin1Char('-');
    auto &g = generator();
    putHex(d, pos, g(), 16);
    putHex(d, pos, g() >> 32, 8);
    return out;
}

QString newExtendedRequestId()
{
    return randomToken(14, kExtended, 63) + QLatin1Char('=');
}

} // namespace gw
