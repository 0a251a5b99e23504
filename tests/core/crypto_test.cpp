// tests/core/crypto_test.cpp — the OpenSSL-backed primitives, against published known answers.
#include <drf/core/crypto.hpp>

#include <catch2/catch.hpp>

namespace crypto_test {

using namespace drf::crypto;

TEST_CASE("sha256 and hmac_sha256 give the published test vectors", "[core]") {
    CHECK(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    CHECK(sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    CHECK(to_hex(hmac_sha256("key", "The quick brown fox jumps over the lazy dog")) ==
          "f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8");
    // The keyed context is reused: the same answer twice, and another key gives another answer.
    CHECK(hmac_sha256("key", "x") == hmac_sha256("key", "x"));
    CHECK(hmac_sha256("key", "x") != hmac_sha256("other key", "x"));
}

TEST_CASE("base64url round-trips any bytes and refuses what is not canonical URL-safe base64", "[core]") {
    for (const std::string& bytes : {std::string(""), std::string("f"), std::string("fo"), std::string("foo"),
                                    std::string("\xff\xfe\x00\x01", 4), std::string(100, '\xfb')}) {
        const auto text = base64url_encode(bytes);
        CHECK(text.find_first_of("+/=") == std::string::npos);
        CHECK(base64url_decode(text) == bytes);
    }
    CHECK(base64url_encode("\xfb\xff") == "-_8");
    CHECK_FALSE(base64url_decode("a+b/"));   // standard alphabet
    CHECK_FALSE(base64url_decode("!!!"));
    CHECK_FALSE(base64url_decode("a"));      // impossible length
    CHECK_FALSE(base64url_decode("Zh"));     // stray bits: "Zg" is the canonical form of "f"
    CHECK(base64url_decode("Zg==") == std::string("f"));
}

TEST_CASE("random_bytes draws fresh bytes each time; equal_digests compares in constant time", "[core]") {
    CHECK(random_bytes(32).size() == 32);
    CHECK(random_bytes(16) != random_bytes(16));
    CHECK(equal_digests("abc", "abc"));
    CHECK_FALSE(equal_digests("abc", "abd"));
    CHECK_FALSE(equal_digests("abc", "abcd"));
}

}  // namespace crypto_test
