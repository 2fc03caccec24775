#pragma once

#include <QByteArray>

#include <cstddef>

struct evp_md_ctx_st;

namespace uptake {

// Streaming SHA-256 for the content hash of imported files, through OpenSSL's EVP: it uses
// the CPU's SHA instructions where there are some (QCryptographicHash does not, and would
// cost more than the whole parse of a usage file).
class Sha256 final
{
public:
    Sha256();
    ~Sha256();
    Sha256(const Sha256 &) = delete;
    Sha256 &operator=(const Sha256 &) = delete;
    void addData(const char *data, std::size_t size);
    // The 32-byte digest; the object is spent afterwards, until reset().
    QByteArray result();
    // Starts a new digest in the same context (cheaper than a new object per short input).
    void reset();

private:
    evp_md_ctx_st *m_ctx;
};

} // namespace uptake
