#pragma once

#include <QByteArray>

#include <cstddef>
#include <cstdint>

// Streaming SHA-256 for the content hash of imported files. Uses the CPU's SHA
// instructions where there are some (about 20 times faster than QCryptographicHash,
// which would otherwise cost more than the whole parse of a usage file), else Qt.
class Sha256 final
{
public:
    Sha256();
    ~Sha256();
    Sha256(const Sha256 &) = delete;
    Sha256 &operator=(const Sha256 &) = delete;
    void addData(const char *data, std::size_t size);
    // The 32-byte digest; the object is spent afterwards.
    QByteArray result();
    // Whether this CPU has the SHA extensions (for tests and benchmarks).
    static bool accelerated();

private:
    void blocks(const unsigned char *data, std::size_t count);

    std::uint32_t m_state[8];
    unsigned char m_buffer[64];
    std::size_t m_buffered = 0;
    std::uint64_t m_length = 0;
    bool m_fast;
    void *m_qt = nullptr; // QCryptographicHash when not accelerated
};
