#include "read/filehash.h"

#include <openssl/evp.h>

#include <stdexcept>

namespace uptake {

namespace {

// Fetched once: an implicit fetch on every init costs more than hashing an event id.
const EVP_MD *sha256()
{
    static EVP_MD *const md = EVP_MD_fetch(nullptr, "SHA256", nullptr);
    return md;
}

} // namespace

Sha256::Sha256()
    : m_ctx(EVP_MD_CTX_new())
{
    if (!m_ctx || !sha256() || EVP_DigestInit_ex2(m_ctx, sha256(), nullptr) != 1) {
        EVP_MD_CTX_free(m_ctx);
        throw std::runtime_error("SHA-256 is not available from OpenSSL");
    }
}

void Sha256::reset()
{
    if (EVP_DigestInit_ex2(m_ctx, sha256(), nullptr) != 1)
        throw std::runtime_error("SHA-256 init failed");
}

Sha256::~Sha256()
{
    EVP_MD_CTX_free(m_ctx);
}

void Sha256::addData(const char *data, std::size_t size)
{
    if (size > 0 && EVP_DigestUpdate(m_ctx, data, size) != 1)
        throw std::runtime_error("SHA-256 update failed");
}

QByteArray Sha256::result()
{
    QByteArray out(EVP_MAX_MD_SIZE, Qt::Uninitialized);
    unsigned int size = 0;
    if (EVP_DigestFinal_ex(m_ctx, reinterpret_cast<unsigned char *>(out.data()), &size) != 1)
        throw std::runtime_error("SHA-256 final failed");
    out.resize(int(size));
    return out;
}

} // namespace uptake
