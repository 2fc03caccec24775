#include "filehash.h"

#include <QCryptographicHash>

#include <algorithm>
#include <cstring>

#if defined(__x86_64__) || defined(__i386__)
#include <cpuid.h>
#include <immintrin.h>
#define UPTAKE_SHA_X86 1
#endif

namespace {

alignas(16) const std::uint32_t kK[64] = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2};

#ifdef UPTAKE_SHA_X86
bool cpuHasSha()
{
    unsigned a, b, c, d;
    if (!__get_cpuid(1, &a, &b, &c, &d) || !(c & bit_SSE4_1) || !(c & bit_SSSE3))
        return false;
    if (__get_cpuid_max(0, nullptr) < 7)
        return false;
    __cpuid_count(7, 0, a, b, c, d);
    return (b & (1u << 29)) != 0;
}

// The SHA-NI block function (after Intel's reference code), 64-byte blocks.
__attribute__((target("sha,sse4.1,ssse3"))) void shaNiBlocks(std::uint32_t state[8], const unsigned char *data,
                                                             std::size_t count)
{
    const __m128i mask = _mm_set_epi64x(0x0c0d0e0f08090a0bULL, 0x0405060700010203ULL);
    __m128i tmp = _mm_loadu_si128(reinterpret_cast<const __m128i *>(&state[0]));
    __m128i state1 = _mm_loadu_si128(reinterpret_cast<const __m128i *>(&state[4]));
    tmp = _mm_shuffle_epi32(tmp, 0xB1); // CDAB
    state1 = _mm_shuffle_epi32(state1, 0x1B); // EFGH
    __m128i state0 = _mm_alignr_epi8(tmp, state1, 8); // ABEF
    state1 = _mm_blend_epi16(state1, tmp, 0xF0); // CDGH

    for (; count > 0; --count, data += 64) {
        const __m128i abefSave = state0;
        const __m128i cdghSave = state1;
        __m128i w[4];
        for (int i = 0; i < 4; ++i)
            w[i] = _mm_shuffle_epi8(_mm_loadu_si128(reinterpret_cast<const __m128i *>(data + 16 * i)), mask);
#pragma GCC unroll 16
        for (int i = 0; i < 16; ++i) {
            __m128i &cur = w[i & 3];
            __m128i &prev = w[(i + 3) & 3];
            __m128i &next = w[(i + 1) & 3];
            __m128i msg = _mm_add_epi32(cur, _mm_load_si128(reinterpret_cast<const __m128i *>(&kK[4 * i])));
            state1 = _mm_sha256rnds2_epu32(state1, state0, msg);
            if (i >= 3 && i <= 14) {
                next = _mm_add_epi32(next, _mm_alignr_epi8(cur, prev, 4));
                next = _mm_sha256msg2_epu32(next, cur);
            }
            msg = _mm_shuffle_epi32(msg, 0x0E);
            state0 = _mm_sha256rnds2_epu32(state0, state1, msg);
            if (i >= 1 && i <= 12)
                prev = _mm_sha256msg1_epu32(prev, cur);
        }
        state0 = _mm_add_epi32(state0, abefSave);
        state1 = _mm_add_epi32(state1, cdghSave);
    }

    tmp = _mm_shuffle_epi32(state0, 0x1B); // FEBA
    state1 = _mm_shuffle_epi32(state1, 0xB1); // DCHG
    state0 = _mm_blend_epi16(tmp, state1, 0xF0); // DCBA
    state1 = _mm_alignr_epi8(state1, tmp, 8); // ABEF
    _mm_storeu_si128(reinterpret_cast<__m128i *>(&state[0]), state0);
    _mm_storeu_si128(reinterpret_cast<__m128i *>(&state[4]), state1);
}
#endif

const bool kAccelerated =
#ifdef UPTAKE_SHA_X86
    cpuHasSha();
#else
    false;
#endif

} // namespace

bool Sha256::accelerated()
{
    return kAccelerated;
}

Sha256::Sha256()
    : m_state{0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19}
    , m_fast(kAccelerated && !qEnvironmentVariableIsSet("UPTAKE_NO_SHA_NI"))
{
    if (!m_fast)
        m_qt = new QCryptographicHash(QCryptographicHash::Sha256);
}

Sha256::~Sha256()
{
    delete static_cast<QCryptographicHash *>(m_qt);
}

void Sha256::blocks(const unsigned char *data, std::size_t count)
{
#ifdef UPTAKE_SHA_X86
    shaNiBlocks(m_state, data, count);
#else
    Q_UNUSED(data);
    Q_UNUSED(count);
#endif
}

void Sha256::addData(const char *data, std::size_t size)
{
    if (!m_fast) {
        static_cast<QCryptographicHash *>(m_qt)->addData(QByteArrayView(data, qsizetype(size)));
        return;
    }
    const auto *p = reinterpret_cast<const unsigned char *>(data);
    m_length += size;
    if (m_buffered > 0) {
        const std::size_t n = std::min(size, 64 - m_buffered);
        std::memcpy(m_buffer + m_buffered, p, n);
        m_buffered += n;
        p += n;
        size -= n;
        if (m_buffered < 64)
            return;
        blocks(m_buffer, 1);
        m_buffered = 0;
    }
    if (size >= 64) {
        blocks(p, size / 64);
        p += size / 64 * 64;
        size %= 64;
    }
    std::memcpy(m_buffer, p, size);
    m_buffered = size;
}

QByteArray Sha256::result()
{
    if (!m_fast) {
        auto *qt = static_cast<QCryptographicHash *>(m_qt);
        const QByteArray r = qt->result();
        delete qt;
        m_qt = nullptr;
        return r;
    }
    const std::uint64_t bits = m_length * 8;
    unsigned char pad[72] = {0x80};
    const std::size_t padLength = (m_buffered < 56 ? 56 : 120) - m_buffered;
    for (int i = 0; i < 8; ++i)
        pad[padLength + std::size_t(i)] = static_cast<unsigned char>(bits >> (56 - 8 * i));
    addData(reinterpret_cast<const char *>(pad), padLength + 8);
    QByteArray out(32, Qt::Uninitialized);
    for (int i = 0; i < 8; ++i)
        for (int j = 0; j < 4; ++j)
            out[4 * i + j] = char(m_state[i] >> (24 - 8 * j));
    return out;
}
