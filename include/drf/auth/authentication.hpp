// drf/auth/authentication.hpp — DRF's TokenAuthentication (`Authorization: Token <key>`); the interface
// and the loop over authenticators are in <drf/auth/base.hpp>.
#pragma once

#include <drf/auth/base.hpp>
#include <drf/auth/user.hpp>
#include <drf/auth/users.hpp>
#include <drf/db/databases.hpp>
#include <drf/http/exceptions.hpp>
#include <drf/http/request.hpp>

#include <array>
#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace drf::auth {

// ---- TokenAuthentication ---------------------------------------------------------------------------

namespace detail {
// Python's bytes.split() with no argument: runs of ASCII whitespace separate the words, and leading or
// trailing whitespace yields none. Only these six bytes count; DRF sees the header as bytes.
constexpr bool is_ascii_space(char c) noexcept {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

// The first Max words of `text` and whether there were more, without allocating.
template <std::size_t Max>
struct Words {
    std::array<std::string_view, Max> word{};
    std::size_t count = 0;  // words found, up to Max
    bool more = false;      // a word beyond the Max-th
};
template <std::size_t Max>
constexpr Words<Max> split_words(std::string_view text) noexcept {
    Words<Max> out;
    std::size_t i = 0;
    while (true) {
        while (i < text.size() && is_ascii_space(text[i])) ++i;
        if (i == text.size()) return out;
        std::size_t end = i;
        while (end < text.size() && !is_ascii_space(text[end])) ++end;
        if (out.count == Max) {
            out.more = true;
            return out;
        }
        out.word[out.count++] = text.substr(i, end - i);
        i = end;
    }
}

// Strict UTF-8, as Python's bytes.decode() checks it: no overlong forms, no surrogates, nothing above
// U+10FFFF, no truncated sequence.
constexpr bool is_valid_utf8(std::string_view s) noexcept {
    std::size_t i = 0;
    const auto at = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    while (i < s.size()) {
        const unsigned char c = at(i);
        std::size_t n = 0;
        unsigned char lo = 0x80, hi = 0xBF;  // allowed range of the second byte
        if (c < 0x80) {
            ++i;
            continue;
        } else if (c >= 0xC2 && c <= 0xDF) {
            n = 1;
        } else if (c >= 0xE0 && c <= 0xEF) {
            n = 2;
            if (c == 0xE0) lo = 0xA0;  // overlong
            if (c == 0xED) hi = 0x9F;  // surrogates
        } else if (c >= 0xF0 && c <= 0xF4) {
            n = 3;
            if (c == 0xF0) lo = 0x90;  // overlong
            if (c == 0xF4) hi = 0x8F;  // above U+10FFFF
        } else {
            return false;
        }
        if (s.size() - i <= n) return false;  // truncated
        if (at(i + 1) < lo || at(i + 1) > hi) return false;
        for (std::size_t k = 2; k <= n; ++k)
            if ((at(i + k) & 0xC0) != 0x80) return false;
        i += n + 1;
    }
    return true;
}

constexpr bool iequals_ascii(std::string_view a, std::string_view b) noexcept {
    if (a.size() != b.size()) return false;
    const auto lower = [](char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; };
    for (std::size_t i = 0; i < a.size(); ++i)
        if (lower(a[i]) != lower(b[i])) return false;
    return true;
}
}  // namespace detail

// DRF's TokenAuthentication, with DRF's rules and messages:
//   no Authorization header, or a first word other than the keyword (any case)  → nullopt
//   "Token"                     → 401 "Invalid token header. No credentials provided."
//   "Token a b"                 → 401 "Invalid token header. Token string should not contain spaces."
//   "Token <not UTF-8>"         → 401 "Invalid token header. Token string should not contain invalid characters."
//   "Token <unknown or revoked>"→ 401 "Invalid token."
//   "Token <key of inactive>"   → 401 "User inactive or deleted."
// Keys are resolved with user_for_token() on the calling thread's Database. An accepted key records
// the user's last_login (update_last_login: at most one write a minute per user), which is what
// "users who have not logged in for 90 days" means for an API.
class TokenAuthentication : public BaseAuthentication {
public:
    // `keyword` is DRF's TokenAuthentication.keyword: subclasses there set "Bearer" to accept
    // `Authorization: Bearer <key>`; here it is a constructor argument.
    explicit TokenAuthentication(db::Databases& databases, std::string keyword = "Token")
        : databases_(&databases), keyword_(std::move(keyword)) {}

    std::optional<User> authenticate(const http::Request& request) const override {
        const auto header = request.header("Authorization");
        if (!header) return std::nullopt;
        const auto words = detail::split_words<2>(*header);
        if (words.count == 0 || !detail::iequals_ascii(words.word[0], keyword_)) return std::nullopt;
        if (words.count == 1) throw http::AuthenticationFailed("Invalid token header. No credentials provided.");
        if (words.more) throw http::AuthenticationFailed("Invalid token header. Token string should not contain spaces.");
        if (!detail::is_valid_utf8(words.word[1]))
            throw http::AuthenticationFailed("Invalid token header. Token string should not contain invalid characters.");
        return authenticate_credentials(words.word[1]);
    }

    std::string authenticate_header(const http::Request&) const override { return keyword_; }
    std::string_view name() const override { return "TokenAuthentication"; }
    const std::string& keyword() const noexcept { return keyword_; }

    // DRF's authenticate_credentials(key): the key's user, or AuthenticationFailed; then its last_login.
    User authenticate_credentials(std::string_view key) const {
        db::Database& db = databases_->get();
        auto user = user_for_token(db, key);
        // A deleted user's tokens are deleted with it (delete_user), so an unknown key covers that case,
        // exactly as DRF's cascade does.
        if (!user) throw http::AuthenticationFailed("Invalid token.");
        if (!user->is_active) throw http::AuthenticationFailed("User inactive or deleted.");
        update_last_login(db, *user);
        return std::move(*user);
    }

private:
    db::Databases* databases_;
    std::string keyword_;
};

}  // namespace drf::auth
