#pragma once

#include <QByteArray>

#include <optional>

namespace gw::traffic {

// AES-256-GCM for "encrypt cache data": a random key made when the cache is made, kept in memory
// only (never written anywhere), a random 96-bit nonce per entry. Sealed form: nonce | ciphertext | tag.
// Thread contract: immutable after construction; seal/open are safe from any thread.
class CacheCipher
{
public:
    CacheCipher();
    QByteArray seal(const QByteArray &plain) const;
    // nullopt when the bytes were not sealed with this key or were altered.
    std::optional<QByteArray> open(const QByteArray &sealed) const;

private:
    QByteArray m_key;
};

} // namespace gw::traffic
