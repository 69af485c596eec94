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
    static constexpr char hex[] = "0123456789abcdef";
    QString out(36, Qt::Uninitialized);
    QChar *d = out.data();
    int pos = 0;
    auto put = [&](quint64 v, int nibbles) {
        for (int i = nibbles - 1; i >= 0; --i)
            d[pos++] = QLatin1Char(hex[(v >> (i * 4)) & 15]);
    };
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

QString newExtendedRequestId()
{
    return randomToken(14, kExtended, 63) + QLatin1Char('=');
}

} // namespace gw
