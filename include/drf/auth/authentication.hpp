// drf/auth/authentication.hpp — DRF's TokenAuthentication (`Authorization: Token <key>`); the interface
// and the loop over authenticators are in <drf/auth/base.hpp>.
#pragma once

#include <drf/auth/base.hpp>
#include <drf/auth/token_cache.hpp>
#include <drf/auth/user.hpp>
#include <drf/auth/users.hpp>
#include <drf/core/clock.hpp>
#include <drf/core/crypto.hpp>
#include <drf/core/detail/strings.hpp>
#include <drf/core/detail/utf8.hpp>
#include <drf/core/json.hpp>
#include <drf/db/databases.hpp>
#include <drf/http/exceptions.hpp>
#include <drf/http/request.hpp>

#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace drf::auth {

// ---- TokenAuthentication ---------------------------------------------------------------------------

namespace detail {
// The first Max words of `text` and whether there were more, without allocating. As Python's
// bytes.split() with no argument: runs of ASCII whitespace separate the words, and leading or trailing
// whitespace yields none. Only the six bytes of is_ascii_space count; DRF sees the header as bytes.
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
        while (i < text.size() && drf::detail::is_ascii_space(text[i])) ++i;
        if (i == text.size()) return out;
        std::size_t end = i;
        while (end < text.size() && !drf::detail::is_ascii_space(text[end])) ++end;
        if (out.count == Max) {
            out.more = true;
            return out;
        }
        out.word[out.count++] = text.substr(i, end - i);
        i = end;
    }
}
}  // namespace detail

struct TokenAuthenticationOptions {
    // DRF's TokenAuthentication.keyword ("Bearer" to accept `Authorization: Bearer <key>`).
    std::string keyword = "Token";
    // Keys resolved to users kept in memory, at most this many (least recently used dropped first);
    // 0, the default, is no cache. With a cache every request reads the credentials' change counter
    // (one statement on a one-row key) instead of resolving its key (SHA-256 and a two-table lookup),
    // and a token revoked or a user changed by any path, in this process or another on the same
    // database, empties the cache at the next request. Needs token_cache_migrations() applied.
    std::size_t cache_size = 0;
};

// DRF's TokenAuthentication, with DRF's rules and messages:
//   no Authorization header, or a first word other than the keyword (any case)  → nullopt
//   "Token"                     → 401 "Invalid token header. No credentials provided."
//   "Token a b"                 → 401 "Invalid token header. Token string should not contain spaces."
//   "Token <not UTF-8>"         → 401 "Invalid token header. Token string should not contain invalid characters."
//   "Token <unknown or revoked>"→ 401 "Invalid token."
//   "Token <key of inactive>"   → 401 "User inactive or deleted."
// Keys are resolved with user_for_token() on the calling thread's Database, or through the cache of
// TokenAuthenticationOptions::cache_size. An accepted key records the user's last_login
// (update_last_login: at most one write a minute per user), which is what "users who have not logged
// in for 90 days" means for an API.
class TokenAuthentication : public BaseAuthentication {
public:
    // `keyword` is DRF's TokenAuthentication.keyword: subclasses there set "Bearer" to accept
    // `Authorization: Bearer <key>`; here it is a constructor argument.
    explicit TokenAuthentication(db::Databases& databases, std::string keyword = "Token")
        : databases_(&databases), keyword_(std::move(keyword)) {}
    TokenAuthentication(db::Databases& databases, TokenAuthenticationOptions options)
        : databases_(&databases),
          keyword_(std::move(options.keyword)),
          cache_(options.cache_size > 0 ? std::make_shared<detail::TokenCache>(options.cache_size) : nullptr) {}

    std::optional<User> authenticate(const http::Request& request) const override {
        const auto header = request.header("Authorization");
        if (!header) return std::nullopt;
        const auto words = detail::split_words<2>(*header);
        if (words.count == 0 || !drf::detail::iequals(words.word[0], keyword_)) return std::nullopt;
        if (words.count == 1) throw http::AuthenticationFailed("Invalid token header. No credentials provided.");
        if (words.more) throw http::AuthenticationFailed("Invalid token header. Token string should not contain spaces.");
        if (!drf::detail::is_valid_utf8(words.word[1]))
            throw http::AuthenticationFailed("Invalid token header. Token string should not contain invalid characters.");
        return authenticate_credentials(words.word[1]);
    }

    std::string authenticate_header(const http::Request&) const override { return keyword_; }
    std::string_view name() const override { return "TokenAuthentication"; }
    const std::string& keyword() const noexcept { return keyword_; }

    // drf-spectacular's TokenScheme: "tokenAuth", an API key in the Authorization header whose
    // description names the keyword; for the keyword "Bearer", the standard HTTP bearer scheme.
    std::optional<std::pair<std::string, Json>> openapi_security_scheme() const override {
        if (keyword_ == "Bearer") return std::pair{std::string("tokenAuth"), Json::object({{"type", "http"}, {"scheme", "bearer"}})};
        return std::pair{std::string("tokenAuth"),
                         Json::object({{"type", "apiKey"},
                                       {"in", "header"},
                                       {"name", "Authorization"},
                                       {"description", "Token-based authentication with required prefix \"" + keyword_ + "\""}})};
    }

    // DRF's authenticate_credentials(key): the key's user, or AuthenticationFailed; then its last_login.
    User authenticate_credentials(std::string_view key) const {
        db::Database& db = databases_->get();
        if (cache_) return authenticate_cached(db, key);
        auto user = user_for_token(db, key);
        // A deleted user's tokens are deleted with it (remove_user), so an unknown key covers that case,
        // exactly as DRF's cascade does.
        if (!user) throw http::AuthenticationFailed("Invalid token.");
        if (!user->is_active) throw http::AuthenticationFailed("User inactive or deleted.");
        update_last_login(db, *user);
        return std::move(*user);
    }

    // Keys held by the cache now (0 without one).
    std::size_t cached_tokens() const { return cache_ ? cache_->size() : 0; }

private:
    User authenticate_cached(db::Database& db, std::string_view key) const {
        if (!auth::detail::is_token_key(key)) throw http::AuthenticationFailed("Invalid token.");
        const std::string digest = crypto::sha256_hex(key);
        // Read before the lookup, so an entry is never older than the counter value it is kept under.
        const std::int64_t version = credentials_version(db);
        std::optional<User> user = cache_->get(digest, version);
        if (!user) {
            user = auth::detail::user_for_digest(db, digest);
            if (!user) throw http::AuthenticationFailed("Invalid token.");
            cache_->put(digest, *user, version);
        }
        if (!user->is_active) throw http::AuthenticationFailed("User inactive or deleted.");
        // last_login is not counted (it would empty the cache once a minute per user), so the cached
        // copy may be older than the row when another process wrote it: when our copy says a write is
        // due and the conditional UPDATE finds the row fresher, the entry is dropped and re-read.
        const bool due = !user->last_login || *user->last_login < drf::now() - boost::posix_time::minutes(1);
        if (update_last_login(db, *user))
            cache_->set_last_login(digest, *user->last_login);
        else if (due)
            cache_->erase(digest);
        return std::move(*user);
    }

    db::Databases* databases_;
    std::string keyword_;
    std::shared_ptr<detail::TokenCache> cache_;  // shared by the threads (and copies); null without a cache
};

}  // namespace drf::auth
