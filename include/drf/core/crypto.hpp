// drf/core/crypto.hpp — the few cryptographic primitives the library needs, all from OpenSSL (link
// OpenSSL::Crypto): SHA-256, HMAC-SHA-256, random bytes, hex, and URL-safe base64.
#pragma once

// Through CMake, drf::drf defines DRF_COMPONENT_CHECKS and drf::crypto DRF_HAS_CRYPTO: a missing
// component is this message, not a wall of undefined references at link time.
#if defined(DRF_COMPONENT_CHECKS) && !defined(DRF_HAS_CRYPTO)
#error "drf: <drf/core/crypto.hpp> needs the drf::crypto component: target_link_libraries(... drf::crypto) (or drf::all)"
#endif

#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/params.h>
#include <openssl/rand.h>

#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>

namespace drf::crypto {

using Digest = std::array<unsigned char, 32>;

namespace detail {
// OpenSSL 3 looks algorithms up by name on every call unless they are fetched once; these sit on the
// per-request path (token digests, cursor MACs), so fetch once per process.
inline const EVP_MD* sha256_md() {
    static EVP_MD* md = EVP_MD_fetch(nullptr, "SHA256", nullptr);
    if (md == nullptr) throw std::runtime_error("drf::crypto: OpenSSL has no SHA256");
    return md;
}

// An HMAC-SHA-256 context keyed once per (thread, key) and re-initialised for each message.
class HmacContext {
public:
    explicit HmacContext(std::string_view key) {
        static EVP_MAC* mac = EVP_MAC_fetch(nullptr, "HMAC", nullptr);
        if (mac == nullptr || (ctx_ = EVP_MAC_CTX_new(mac)) == nullptr)
            throw std::runtime_error("drf::crypto: OpenSSL has no HMAC");
        char digest_name[] = "SHA256";
        const OSSL_PARAM params[] = {OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, digest_name, 0),
                                     OSSL_PARAM_construct_end()};
        if (EVP_MAC_init(ctx_, reinterpret_cast<const unsigned char*>(key.data()), key.size(), params) != 1)
            throw std::runtime_error("drf::crypto: HMAC key setup failed");
    }
    ~HmacContext() { EVP_MAC_CTX_free(ctx_); }
    HmacContext(const HmacContext&) = delete;
    HmacContext& operator=(const HmacContext&) = delete;

    Digest compute(std::string_view data) {
        Digest out{};
        std::size_t len = 0;
        if (EVP_MAC_init(ctx_, nullptr, 0, nullptr) != 1 ||  // same key, fresh state
            EVP_MAC_update(ctx_, reinterpret_cast<const unsigned char*>(data.data()), data.size()) != 1 ||
            EVP_MAC_final(ctx_, out.data(), &len, out.size()) != 1 || len != out.size())
            throw std::runtime_error("drf::crypto::hmac_sha256: OpenSSL HMAC failed");
        return out;
    }

private:
    EVP_MAC_CTX* ctx_ = nullptr;
};
}  // namespace detail

inline Digest sha256(std::string_view data) {
    Digest out{};
    unsigned int len = 0;
    if (EVP_Digest(data.data(), data.size(), out.data(), &len, detail::sha256_md(), nullptr) != 1 || len != out.size())
        throw std::runtime_error("drf::crypto::sha256: OpenSSL EVP_Digest failed");
    return out;
}

inline Digest hmac_sha256(std::string_view key, std::string_view data) {
    // Few distinct keys are ever used (a secret and the ones being retired), so keep one context each.
    thread_local std::unordered_map<std::string, std::unique_ptr<detail::HmacContext>> contexts;
    auto it = contexts.find(std::string(key));
    if (it == contexts.end()) {
        if (contexts.size() > 16) contexts.clear();
        it = contexts.emplace(std::string(key), std::make_unique<detail::HmacContext>(key)).first;
    }
    return it->second->compute(data);
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
