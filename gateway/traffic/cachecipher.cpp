#include "cachecipher.h"

#include <openssl/evp.h>
#include <openssl/rand.h>

#include <memory>
#include <stdexcept>

namespace gw::traffic {

namespace {
constexpr int kKeyBytes = 32;
constexpr int kNonceBytes = 12;
constexpr int kTagBytes = 16;

using CipherCtx = std::unique_ptr<EVP_CIPHER_CTX, decltype(&EVP_CIPHER_CTX_free)>;

QByteArray randomBytes(int n)
{
    QByteArray out(n, Qt::Uninitialized);
    if (RAND_bytes(reinterpret_cast<unsigned char *>(out.data()), n) != 1)
        throw std::runtime_error("no random bytes for the cache key");
    return out;
}

const unsigned char *bytes(const QByteArray &b)
{
    return reinterpret_cast<const unsigned char *>(b.constData());
}
} // namespace

CacheCipher::CacheCipher() : m_key(randomBytes(kKeyBytes)) {}

QByteArray CacheCipher::seal(const QByteArray &plain) const
{
    const QByteArray nonce = randomBytes(kNonceBytes);
    CipherCtx ctx(EVP_CIPHER_CTX_new(), EVP_CIPHER_CTX_free);
    QByteArray out = nonce;
    out.resize(kNonceBytes + plain.size() + kTagBytes);
    auto *cipher = reinterpret_cast<unsigned char *>(out.data() + kNonceBytes);
    int len = 0;
    if (!ctx || EVP_EncryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, bytes(m_key), bytes(nonce)) != 1
        || EVP_EncryptUpdate(ctx.get(), cipher, &len, bytes(plain), int(plain.size())) != 1
        || EVP_EncryptFinal_ex(ctx.get(), cipher + len, &len) != 1
        || EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_GET_TAG, kTagBytes, cipher + plain.size()) != 1)
        throw std::runtime_error("cache encryption failed");
    return out;
}

std::optional<QByteArray> CacheCipher::open(const QByteArray &sealed) const
{
    if (sealed.size() < kNonceBytes + kTagBytes)
        return std::nullopt;
    const qsizetype n = sealed.size() - kNonceBytes - kTagBytes;
    CipherCtx ctx(EVP_CIPHER_CTX_new(), EVP_CIPHER_CTX_free);
    QByteArray plain(n, Qt::Uninitialized);
    QByteArray tag = sealed.right(kTagBytes);
    int len = 0;
    if (!ctx || EVP_DecryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, bytes(m_key), bytes(sealed)) != 1
        || EVP_DecryptUpdate(ctx.get(), reinterpret_cast<unsigned char *>(plain.data()), &len, bytes(sealed) + kNonceBytes, int(n)) != 1
        || EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_TAG, kTagBytes, tag.data()) != 1
        || EVP_DecryptFinal_ex(ctx.get(), reinterpret_cast<unsigned char *>(plain.data()) + len, &len) != 1)
        return std::nullopt;
    return plain;
}

} // namespace gw::traffic
