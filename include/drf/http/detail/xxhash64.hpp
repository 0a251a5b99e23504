// drf/http/detail/xxhash64.hpp — XXH64 (Yann Collet's xxHash, 64-bit, as specified in xxhash.h 0.8):
// the hash behind drf's ETags. Well-defined (the same digest as libxxhash for every input), several
// GB/s, so hashing a 10 KB page costs well under a microsecond where SHA-256 costs several.
#pragma once

#include <cstdint>
#include <cstring>
#include <string_view>

namespace drf::http::detail {

class XXH64 {
public:
    explicit XXH64(std::uint64_t seed = 0) noexcept : v_{seed + P1 + P2, seed + P2, seed, seed - P1}, seed_(seed) {}

    XXH64& update(std::string_view data) noexcept {
        const char* p = data.data();
        std::size_t n = data.size();
        total_ += n;
        if (buffered_ + n < 32) {
            std::memcpy(buffer_ + buffered_, p, n);
            buffered_ += n;
            return *this;
        }
        if (buffered_) {
            const std::size_t fill = 32 - buffered_;
            std::memcpy(buffer_ + buffered_, p, fill);
            stripe(buffer_);
            p += fill;
            n -= fill;
            buffered_ = 0;
        }
        for (; n >= 32; p += 32, n -= 32) stripe(p);
        std::memcpy(buffer_, p, n);
        buffered_ = n;
        return *this;
    }

    std::uint64_t digest() const noexcept {
        std::uint64_t h;
        if (total_ >= 32) {
            h = rotl(v_[0], 1) + rotl(v_[1], 7) + rotl(v_[2], 12) + rotl(v_[3], 18);
            for (std::uint64_t v : v_) h = (h ^ round(0, v)) * P1 + P4;
        } else {
            h = seed_ + P5;
        }
        h += total_;
        const char* p = buffer_;
        std::size_t n = buffered_;
        for (; n >= 8; p += 8, n -= 8) h = rotl(h ^ round(0, read64(p)), 27) * P1 + P4;
        if (n >= 4) {
            h = rotl(h ^ (read32(p) * P1), 23) * P2 + P3;
            p += 4;
            n -= 4;
        }
        for (; n > 0; ++p, --n) h = rotl(h ^ (static_cast<unsigned char>(*p) * P5), 11) * P1;
        h ^= h >> 33;
        h *= P2;
        h ^= h >> 29;
        h *= P3;
        h ^= h >> 32;
        return h;
    }

    static std::uint64_t hash(std::string_view data, std::uint64_t seed = 0) noexcept { return XXH64(seed).update(data).digest(); }

private:
    static constexpr std::uint64_t P1 = 11400714785074694791ULL, P2 = 14029467366897019727ULL,
                                   P3 = 1609587929392839161ULL, P4 = 9650029242287828579ULL,
                                   P5 = 2870177450012600261ULL;
    static constexpr std::uint64_t rotl(std::uint64_t x, int r) noexcept { return (x << r) | (x >> (64 - r)); }
    static constexpr std::uint64_t round(std::uint64_t acc, std::uint64_t input) noexcept {
        return rotl(acc + input * P2, 31) * P1;
    }
    // Little-endian reads, as the specification defines them (drf builds for little-endian targets).
    static std::uint64_t read64(const char* p) noexcept {
        std::uint64_t v;
        std::memcpy(&v, p, 8);
        return v;
    }
    static std::uint64_t read32(const char* p) noexcept {
        std::uint32_t v;
        std::memcpy(&v, p, 4);
        return v;
    }
    void stripe(const char* p) noexcept {
        for (int i = 0; i < 4; ++i) v_[i] = round(v_[i], read64(p + 8 * i));
    }

    std::uint64_t v_[4];
    std::uint64_t seed_;
    std::uint64_t total_ = 0;
    char buffer_[32] = {};
    std::size_t buffered_ = 0;
};

}  // namespace drf::http::detail
