// drf/core/crypto.hpp — the few cryptographic primitives the library needs, all from OpenSSL (link
// OpenSSL::Crypto): SHA-256, HMAC-SHA-256, random bytes, hex, and URL-safe base64.
#pragma once

#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/rand.h>

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace drf::crypto {

using Digest = std::array<unsigned char, 32>;

inline Digest sha256(std::string_view data) {
    Digest out{};
    unsigned int len = 0;
    if (EVP_Digest(data.data(), data.size(), out.data(), &len, EVP_sha256(), nullptr) != 1 || len != out.size())
        throw std::runtime_error("drf::crypto::sha256: OpenSSL EVP_Digest failed");
    return out;
}

inline Digest hmac_sha256(std::string_view key, std::string_view data) {
    Digest out{};
    unsigned int len = 0;
    if (HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()), reinterpret_cast<const unsigned char*>(data.data()),
             data.size(), out.data(), &len) == nullptr ||
        len != out.size())
        throw std::runtime_error("drf::crypto::hmac_sha256: OpenSSL HMAC failed");
    return out;
}

// Bytes from OpenSSL's CSPRNG.
inline std::string random_bytes(std::size_t n) {
    std::string out(n, '\0');
    if (RAND_bytes(reinterpret_cast<unsigned char*>(out.data()), static_cast<int>(n)) != 1)
        throw std::runtime_error("drf::crypto::random_bytes: OpenSSL RAND_bytes failed");
    return out;
}

inline std::string to_hex(std::string_view bytes) {
    constexpr char digits[] = "0123456789abcdef";
    std::string out;
    out.reserve(bytes.size() * 2);
    for (unsigned char c : bytes) {
        out += digits[c >> 4];
        out += digits[c & 0x0f];
    }
    return out;
}
inline std::string to_hex(const Digest& d) {
    return to_hex(std::string_view(reinterpret_cast<const char*>(d.data()), d.size()));
}

inline std::string sha256_hex(std::string_view data) { return to_hex(sha256(data)); }

// Constant-time comparison, so a digest check leaks nothing through timing.
inline bool equal_digests(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    return CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0;
}

// URL-safe base64 without padding (RFC 4648 §5), via OpenSSL's encoder.
inline std::string base64url_encode(std::string_view bytes) {
    std::string out(4 * ((bytes.size() + 2) / 3) + 1, '\0');
    const int n = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                                  reinterpret_cast<const unsigned char*>(bytes.data()), static_cast<int>(bytes.size()));
    out.resize(static_cast<std::size_t>(n));
    while (!out.empty() && out.back() == '=') out.pop_back();
    for (char& c : out) {
        if (c == '+') c = '-';
        else if (c == '/') c = '_';
    }
    return out;
}

// Decodes URL-safe base64 with or without padding; nullopt for anything that is not exactly that.
inline std::optional<std::string> base64url_decode(std::string_view text) {
    std::string std64;
    std64.reserve(text.size() + 3);
    for (char c : text) {
        if (c == '-') c = '+';
        else if (c == '_') c = '/';
        else if (c == '+' || c == '/') return std::nullopt;
        std64 += c;
    }
    while (!std64.empty() && std64.back() == '=') std64.pop_back();
    if (std64.size() % 4 == 1) return std::nullopt;
    const std::size_t pad = (4 - std64.size() % 4) % 4;
    std64.append(pad, '=');
    std::string out(3 * std64.size() / 4, '\0');
    const int n = EVP_DecodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                                  reinterpret_cast<const unsigned char*>(std64.data()), static_cast<int>(std64.size()));
    if (n < 0) return std::nullopt;
    out.resize(static_cast<std::size_t>(n) - pad);  // EVP_DecodeBlock counts the padding as zero bytes
    // Reject non-canonical encodings (stray bits in the last character): re-encoding must round-trip.
    std::string again = base64url_encode(out);
    std::string given(text);
    while (!given.empty() && given.back() == '=') given.pop_back();
    if (again != given) return std::nullopt;
    return out;
}

}  // namespace drf::crypto
